/* nettls: DSA (FIPS 186-4) over Nettle, with DER Dss-Sig-Value signatures (RFC 3279 2.2.2).
 *
 * Nettle's dsa_sign and dsa_verify take the digest as it comes and use its leftmost bits when it is
 * longer than q (FIPS 186-4 4.6), which is what TLS needs for a SHA-1 digest with a 160-bit q and for
 * longer ones. */
#include <nettle/bignum.h>
#include <nettle/dsa.h>

#include "pk_internal.h"

struct ntls_dsa_key {
    struct dsa_params params;
    mpz_t y, x;
    bool has_priv;
};

/* NTLS_DSA_SIG_MAX leaves room for two 256-bit integers, so a larger q could not be signed with. */
#define DSA_Q_MIN_BITS 160
#define DSA_Q_MAX_BITS 256
#define DSA_P_MIN_BITS 512
#define DSA_P_MAX_BITS (8 * NTLS_DH_MAX_BYTES)

/* v^q == 1 mod p: v lies in the subgroup of order q (FIPS 186-4 A.2.2 and SP 800-89 5.3.1). */
static bool dsa_in_subgroup(const struct dsa_params *params, const mpz_t v)
{
    mpz_t t;
    bool ok;
    mpz_init(t);
    mpz_powm(t, v, params->q, params->p);
    ok = mpz_cmp_ui(t, 1) == 0;
    mpz_clear(t);
    return ok;
}

/* The domain parameters and y must hang together, since a verifier trusts them: p and q odd, of sizes we
 * can handle, q | p-1, 1 < g < p and 1 < y < p, both of order q. */
static ntls_result dsa_check_public(const struct ntls_dsa_key *key)
{
    const struct dsa_params *params = &key->params;
    size_t p_bits = mpz_sizeinbase(params->p, 2), q_bits = mpz_sizeinbase(params->q, 2);
    mpz_t t;
    bool divides;

    NTLS_ENSURE(p_bits >= DSA_P_MIN_BITS && p_bits <= DSA_P_MAX_BITS, NTLS_E_CRYPTO);
    NTLS_ENSURE(q_bits >= DSA_Q_MIN_BITS && q_bits <= DSA_Q_MAX_BITS, NTLS_E_CRYPTO);
    NTLS_ENSURE(mpz_odd_p(params->p) && mpz_odd_p(params->q), NTLS_E_CRYPTO);
    mpz_init(t);
    mpz_sub_ui(t, params->p, 1);
    divides = mpz_divisible_p(t, params->q) != 0;
    mpz_clear(t);
    NTLS_ENSURE(divides, NTLS_E_CRYPTO);
    NTLS_ENSURE(mpz_cmp_ui(params->g, 1) > 0 && mpz_cmp(params->g, params->p) < 0, NTLS_E_CRYPTO);
    NTLS_ENSURE(mpz_cmp_ui(key->y, 1) > 0 && mpz_cmp(key->y, params->p) < 0, NTLS_E_CRYPTO);
    NTLS_ENSURE(dsa_in_subgroup(params, params->g), NTLS_E_CRYPTO);
    NTLS_ENSURE(dsa_in_subgroup(params, key->y), NTLS_E_CRYPTO);
    return ntls_ok();
}

/* 0 < x < q and y = g^x mod p. */
static ntls_result dsa_check_private(const struct ntls_dsa_key *key)
{
    mpz_t t;
    bool ok;

    NTLS_ENSURE(mpz_sgn(key->x) > 0 && mpz_cmp(key->x, key->params.q) < 0, NTLS_E_CRYPTO);
    mpz_init(t);
    mpz_powm_sec(t, key->params.g, key->x, key->params.p);
    ok = mpz_cmp(t, key->y) == 0;
    ntls_mpz_clear_secret(t);
    NTLS_ENSURE(ok, NTLS_E_CRYPTO);
    return ntls_ok();
}

static ntls_result dsa_set(struct ntls_dsa_key *key, const struct ntls_dsa_parts *parts)
{
    nettle_mpz_set_str_256_u(key->params.p, parts->p_len, parts->p);
    nettle_mpz_set_str_256_u(key->params.q, parts->q_len, parts->q);
    nettle_mpz_set_str_256_u(key->params.g, parts->g_len, parts->g);
    nettle_mpz_set_str_256_u(key->y, parts->y_len, parts->y);
    NTLS_TRY(dsa_check_public(key));
    if (parts->x != NULL) {
        nettle_mpz_set_str_256_u(key->x, parts->x_len, parts->x);
        key->has_priv = true;
        NTLS_TRY(dsa_check_private(key));
    }
    return ntls_ok();
}

ntls_result ntls_dsa_new(struct ntls_dsa_key **out, const struct ntls_dsa_parts *parts)
{
    struct ntls_dsa_key *key = ntls_calloc(1, sizeof *key);
    NTLS_ENSURE(key != NULL, NTLS_E_NOMEM);
    dsa_params_init(&key->params);
    mpz_init(key->y);
    mpz_init(key->x);
    ntls_result r = dsa_set(key, parts);
    if (!ntls_is_ok(r)) {
        ntls_dsa_free(key);
        return r;
    }
    *out = key;
    return ntls_ok();
}

void ntls_dsa_free(struct ntls_dsa_key *key)
{
    if (key == NULL) {
        return;
    }
    ntls_mpz_clear_secret(key->x);
    mpz_clear(key->y);
    dsa_params_clear(&key->params);
    ntls_free_secret(key, sizeof *key);
}

size_t ntls_dsa_bits(const struct ntls_dsa_key *key)
{
    return mpz_sizeinbase(key->params.p, 2);
}

bool ntls_dsa_is_private(const struct ntls_dsa_key *key)
{
    return key->has_priv;
}

ntls_result ntls_dsa_sign(const struct ntls_dsa_key *key, const uint8_t *digest, size_t digest_len,
                          uint8_t *sig, size_t *sig_len)
{
    struct ntls_pk_rng rng = { false };
    struct dsa_signature rs;
    uint8_t r[DSA_Q_MAX_BITS / 8], s[DSA_Q_MAX_BITS / 8];
    int ok;

    NTLS_ENSURE(key->has_priv, NTLS_E_USAGE);
    dsa_signature_init(&rs);
    /* The nonce k comes from the generator through ntls_pk_random (FIPS 186-4 B.2.2, by rejection). */
    ok = dsa_sign(&key->params, key->x, &rng, ntls_pk_random, digest_len, digest, &rs);
    if (ok && !rng.failed) {
        nettle_mpz_get_str_256(sizeof r, r, rs.r);
        nettle_mpz_get_str_256(sizeof s, s, rs.s);
    }
    dsa_signature_clear(&rs);
    NTLS_ENSURE(ok && !rng.failed, NTLS_E_CRYPTO);
    return ntls_sig_der_encode(r, sizeof r, s, sizeof s, sig, NTLS_DSA_SIG_MAX, sig_len);
}

ntls_result ntls_dsa_verify(const struct ntls_dsa_key *key, const uint8_t *digest, size_t digest_len,
                            const uint8_t *sig, size_t sig_len)
{
    struct ntls_cur r, s;
    struct dsa_signature rs;
    int ok;

    /* A signature that is not DER is a signature that does not verify. */
    NTLS_ENSURE(ntls_is_ok(ntls_sig_der_decode(sig, sig_len, &r, &s)), NTLS_E_DECRYPT_ERROR);
    dsa_signature_init(&rs);
    nettle_mpz_set_str_256_u(rs.r, r.len, r.p);
    nettle_mpz_set_str_256_u(rs.s, s.len, s.p);
    /* dsa_verify checks 0 < r, s < q itself. */
    ok = dsa_verify(&key->params, key->y, digest_len, digest, &rs);
    dsa_signature_clear(&rs);
    NTLS_ENSURE(ok, NTLS_E_DECRYPT_ERROR);
    return ntls_ok();
}
