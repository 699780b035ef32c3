/* nettls: <openssl/engine.h>. nettls has no engines (opensslconf.h defines OPENSSL_NO_ENGINE), so, as in
 * an OpenSSL 1.1.0 build without them, this header declares nothing; programs leave their ENGINE code out
 * under #ifndef OPENSSL_NO_ENGINE. */
#ifndef HEADER_ENGINE_H
#define HEADER_ENGINE_H

#include <openssl/opensslconf.h>
#include <openssl/ossl_typ.h>

#endif
