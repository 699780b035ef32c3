/* nettls: <openssl/dh.h>. DH is opaque; the DH_* functions arrive with the code that exports them. */
#ifndef HEADER_DH_H
#define HEADER_DH_H

#include <openssl/opensslconf.h>
#include <openssl/e_os2.h>
#include <openssl/bio.h>
#include <openssl/ossl_typ.h>
#include <openssl/bn.h>

#ifdef __cplusplus
extern "C" {
#endif

#define OPENSSL_DH_MAX_MODULUS_BITS 10000
#define OPENSSL_DH_FIPS_MIN_MODULUS_BITS 1024

#define DH_GENERATOR_2 2
#define DH_GENERATOR_5 5

/* DH_check error codes */
#define DH_CHECK_P_NOT_PRIME 0x01
#define DH_CHECK_P_NOT_SAFE_PRIME 0x02
#define DH_UNABLE_TO_CHECK_GENERATOR 0x04
#define DH_NOT_SUITABLE_GENERATOR 0x08
#define DH_CHECK_Q_NOT_PRIME 0x10
#define DH_CHECK_INVALID_Q_VALUE 0x20
#define DH_CHECK_INVALID_J_VALUE 0x40

/* DH_check_pub_key error codes */
#define DH_CHECK_PUBKEY_TOO_SMALL 0x01
#define DH_CHECK_PUBKEY_TOO_LARGE 0x02

/* primes p where (p-1)/2 is prime too are called "safe"; we define this for backward compatibility: */
#define DH_CHECK_P_NOT_STRONG_PRIME DH_CHECK_P_NOT_SAFE_PRIME

/* Parameters only (what SSL_CTX_set_tmp_dh() takes): read with d2i_DHparams() or PEM_read_DHparams(). */
DH *DH_new(void);
int DH_up_ref(DH *dh);
void DH_free(DH *dh);
int DH_size(const DH *dh);
int DH_bits(const DH *dh);
DH *d2i_DHparams(DH **a, const unsigned char **pp, long length);
int i2d_DHparams(const DH *a, unsigned char **pp);

#ifdef __cplusplus
}
#endif

#endif
