/* nettls: <openssl/dsa.h>. DSA is opaque; the DSA_* functions arrive with the code that exports them. */
#ifndef HEADER_DSA_H
#define HEADER_DSA_H

#include <openssl/opensslconf.h>
#include <openssl/e_os2.h>
#include <openssl/bio.h>
#include <openssl/crypto.h>
#include <openssl/ossl_typ.h>
#include <openssl/bn.h>

#ifdef __cplusplus
extern "C" {
#endif

#define OPENSSL_DSA_MAX_MODULUS_BITS 10000
#define OPENSSL_DSA_FIPS_MIN_MODULUS_BITS 1024

typedef struct DSA_SIG_st DSA_SIG;

#ifdef __cplusplus
}
#endif

#endif
