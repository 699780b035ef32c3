/* nettls: <openssl/rsa.h>. RSA is opaque; the RSA_* functions arrive with the code that exports them. */
#ifndef HEADER_RSA_H
#define HEADER_RSA_H

#include <openssl/opensslconf.h>
#include <openssl/asn1.h>
#include <openssl/bio.h>
#include <openssl/crypto.h>
#include <openssl/ossl_typ.h>
#include <openssl/bn.h>

#ifdef __cplusplus
extern "C" {
#endif

#define OPENSSL_RSA_MAX_MODULUS_BITS 16384
#define OPENSSL_RSA_FIPS_MIN_MODULUS_BITS 1024
#define OPENSSL_RSA_SMALL_MODULUS_BITS 3072
#define OPENSSL_RSA_MAX_PUBEXP_BITS 64

#define RSA_3 0x3L
#define RSA_F4 0x10001L

#define RSA_PKCS1_PADDING 1
#define RSA_SSLV23_PADDING 2
#define RSA_NO_PADDING 3
#define RSA_PKCS1_OAEP_PADDING 4
#define RSA_X931_PADDING 5
#define RSA_PKCS1_PSS_PADDING 6

#define RSA_PKCS1_PADDING_SIZE 11

#ifdef __cplusplus
}
#endif

#endif
