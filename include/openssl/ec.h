/* nettls: <openssl/ec.h>. EC_KEY, EC_GROUP and EC_POINT are opaque; the EC_* functions arrive with the
 * code that exports them. */
#ifndef HEADER_EC_H
#define HEADER_EC_H

#include <openssl/opensslconf.h>
#include <openssl/asn1.h>
#include <openssl/symhacks.h>
#include <openssl/ossl_typ.h>
#include <openssl/bn.h>

#ifdef __cplusplus
extern "C" {
#endif

#define OPENSSL_ECC_MAX_FIELD_BITS 661

/* Enum for the point conversion form as defined in X9.62 (ECDSA) for the encoding of a elliptic curve
 * point (x,y) */
typedef enum {
    POINT_CONVERSION_COMPRESSED = 2,
    POINT_CONVERSION_UNCOMPRESSED = 4,
    POINT_CONVERSION_HYBRID = 6
} point_conversion_form_t;

typedef struct ec_method_st EC_METHOD;
typedef struct ec_group_st EC_GROUP;
typedef struct ec_point_st EC_POINT;
typedef struct ecpk_parameters_st ECPKPARAMETERS;
typedef struct ec_parameters_st ECPARAMETERS;
typedef struct ECDSA_SIG_st ECDSA_SIG;

#define OPENSSL_EC_EXPLICIT_CURVE 0x000
#define OPENSSL_EC_NAMED_CURVE 0x001

#define EC_PKEY_NO_PARAMETERS 0x001
#define EC_PKEY_NO_PUBKEY 0x002

#define EC_FLAG_NON_FIPS_ALLOW 0x1
#define EC_FLAG_FIPS_CHECKED 0x2
#define EC_FLAG_COFACTOR_ECDH 0x1000

/* An EC_KEY names a curve (prime256v1 or secp384r1) for SSL_CTX_set_tmp_ecdh(); it holds no key. */
EC_KEY *EC_KEY_new_by_curve_name(int nid);
int EC_KEY_up_ref(EC_KEY *key);
void EC_KEY_free(EC_KEY *key);
const EC_GROUP *EC_KEY_get0_group(const EC_KEY *key);
int EC_GROUP_get_curve_name(const EC_GROUP *group);

#ifdef __cplusplus
}
#endif

#endif
