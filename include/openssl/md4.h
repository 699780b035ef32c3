/* nettls: <openssl/md4.h>. nettls has no MD4 (opensslconf.h defines OPENSSL_NO_MD4), so, as in an
 * OpenSSL 1.1.0 build without it, this header declares nothing. */
#ifndef HEADER_MD4_H
#define HEADER_MD4_H

#include <openssl/opensslconf.h>

#endif
