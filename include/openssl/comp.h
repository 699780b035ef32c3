/* nettls: <openssl/comp.h>. TLS compression is not supported (opensslconf.h defines OPENSSL_NO_COMP),
 * so, as in an OpenSSL 1.1.0 build without it, this header declares nothing. */
#ifndef HEADER_COMP_H
#define HEADER_COMP_H

#include <openssl/opensslconf.h>
#include <openssl/crypto.h>

#endif
