/* nettls: <openssl/ocsp.h>. nettls has no OCSP support (opensslconf.h defines OPENSSL_NO_OCSP), so, as
 * in an OpenSSL 1.1.0 build without it, this header declares nothing. */
#ifndef HEADER_OCSP_H
#define HEADER_OCSP_H

#include <openssl/opensslconf.h>
#include <openssl/ossl_typ.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#endif
