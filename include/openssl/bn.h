/* nettls: <openssl/bn.h>. BIGNUM is opaque; the BN_* functions arrive with the code that exports them. */
#ifndef HEADER_BN_H
#define HEADER_BN_H

#include <stdio.h>

#include <openssl/e_os2.h>
#include <openssl/ossl_typ.h>
#include <openssl/crypto.h>

#ifdef __cplusplus
extern "C" {
#endif

#define BN_FLG_MALLOCED 0x01
#define BN_FLG_STATIC_DATA 0x02
#define BN_FLG_CONSTTIME 0x04
#define BN_FLG_SECURE 0x08

#define BN_RAND_TOP_ANY -1
#define BN_RAND_TOP_ONE 0
#define BN_RAND_TOP_TWO 1
#define BN_RAND_BOTTOM_ANY 0
#define BN_RAND_BOTTOM_ODD 1

#ifdef __cplusplus
}
#endif

#endif
