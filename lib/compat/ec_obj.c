/* nettls: a minimal EC_KEY: an object that names a curve, which is what TLS servers pass to
 * SSL_CTX_set_tmp_ecdh() (1.1.0 reads only the curve from it). It holds no key: the engine makes its
 * ephemeral ECDHE keys itself. The curves are the engine's: P-256 and P-384 (X25519 is not an EC_KEY curve
 * in OpenSSL either). */
#include <stdatomic.h>
#include <stdlib.h>

#include <openssl/ec.h>
#include <openssl/err.h>
#include <openssl/obj_mac.h>

/* 1.1.0's reason for a curve it does not know (EC_R_UNKNOWN_GROUP). */
enum { EC_REASON_UNKNOWN_GROUP = 129 };

struct ec_group_st {
    int nid;
};

struct ec_key_st {
    atomic_int refs;
    const EC_GROUP *group;
};

static const EC_GROUP groups[] = { { NID_X9_62_prime256v1 }, { NID_secp384r1 } };

EC_KEY *EC_KEY_new_by_curve_name(int nid)
{
    const EC_GROUP *g = NULL;
    for (size_t i = 0; i < sizeof groups / sizeof groups[0]; i++) {
        if (groups[i].nid == nid) {
            g = &groups[i];
        }
    }
    if (g == NULL) {
        ERR_put_error(ERR_LIB_EC, 0, EC_REASON_UNKNOWN_GROUP, OPENSSL_FILE, OPENSSL_LINE);
        return NULL;
    }
    EC_KEY *key = calloc(1, sizeof *key);
    if (key == NULL) {
        ERR_put_error(ERR_LIB_EC, 0, ERR_R_MALLOC_FAILURE, OPENSSL_FILE, OPENSSL_LINE);
        return NULL;
    }
    atomic_init(&key->refs, 1);
    key->group = g;
    return key;
}

int EC_KEY_up_ref(EC_KEY *key)
{
    atomic_fetch_add(&key->refs, 1);
    return 1;
}

void EC_KEY_free(EC_KEY *key)
{
    if (key == NULL || atomic_fetch_sub(&key->refs, 1) > 1) {
        return;
    }
    free(key);
}

const EC_GROUP *EC_KEY_get0_group(const EC_KEY *key)
{
    return key != NULL ? key->group : NULL;
}

int EC_GROUP_get_curve_name(const EC_GROUP *group)
{
    return group != NULL ? group->nid : NID_undef;
}
