/* nettls: RSA over Nettle: PKCS#1 v1.5 encryption, Bleichenbacher-safe decryption and blinded signatures.
 *
 * Decryption is rsa_sec_decrypt (constant time in the padding check and the message copy) for a message of
 * known length, the shape RFC 2246 7.4.7.1 needs for the premaster secret. Signing is rsa_pkcs1_sign_tr,
 * which blinds the private operation and checks the CRT result before releasing it. */

#include <nettle/bignum.h>
#include <nettle/rsa.h>

#include "../base/ct.h"
#include "pk_internal.h"

struct ntls_rsa_key {
    struct rsa_public_key pub;
    struct rsa_private_key priv;
    bool has_priv;
};

static ntls_result rsa_alloc(struct ntls_rsa_key **out)
{
    struct ntls_rsa_key *key = ntls_calloc(1, sizeof *key);
    NTLS_ENSURE(key != NULL, NTLS_E_NOMEM);
    rsa_public_key_init(&key->pub);
    rsa_private_key_init(&key->priv);
    *out = key;
    return ntls_ok();
}

/* Sets and checks n and e: n odd and not tiny (rsa_public_key_prepare), e odd with 1 < e < n. */
static ntls_result rsa_set_public(struct ntls_rsa_key *key, const uint8_t *n, size_t n_len, const uint8_t *e,
                                  size_t e_len)
{
    nettle_mpz_set_str_256_u(key->pub.n, n_len, n);
    nettle_mpz_set_str_256_u(key->pub.e, e_len, e);
    NTLS_ENSURE(rsa_public_key_prepare(&key->pub), NTLS_E_CRYPTO);
    NTLS_ENSURE(mpz_odd_p(key->pub.n), NTLS_E_CRYPTO);
    NTLS_ENSURE(mpz_odd_p(key->pub.e) && mpz_cmp_ui(key->pub.e, 1) > 0, NTLS_E_CRYPTO);
    NTLS_ENSURE(mpz_cmp(key->pub.e, key->pub.n) < 0, NTLS_E_CRYPTO);
    return ntls_ok();
}

ntls_result ntls_rsa_public_new(struct ntls_rsa_key **out, const uint8_t *n, size_t n_len, const uint8_t *e,
                                size_t e_len)
{
    struct ntls_rsa_key *key;
    NTLS_TRY(rsa_alloc(&key));
    ntls_result r = rsa_set_public(key, n, n_len, e, e_len);
    if (!ntls_is_ok(r)) {
        ntls_rsa_free(key);
        return r;
    }
    *out = key;
    return ntls_ok();
}

/* Nettle's private operation uses only p, q and the CRT values and trusts them: a key whose factors do not
 * multiply to n would sign garbage (and the CRT check would then refuse every signature), so say so now. */
static ntls_result rsa_check_private(const struct ntls_rsa_key *key)
{
    mpz_t t;
    bool ok;

    mpz_init(t);
    mpz_mul(t, key->priv.p, key->priv.q);
    ok = mpz_cmp(t, key->pub.n) == 0;
    if (ok) {
        /* c = q^-1 mod p */
        mpz_mul(t, key->priv.c, key->priv.q);
        mpz_mod(t, t, key->priv.p);
        ok = mpz_cmp_ui(t, 1) == 0;
    }
    ntls_mpz_clear_secret(t);
    NTLS_ENSURE(ok, NTLS_E_CRYPTO);
    NTLS_ENSURE(key->priv.size == key->pub.size, NTLS_E_CRYPTO);
    return ntls_ok();
}

static ntls_result rsa_set_private(struct ntls_rsa_key *key, const struct ntls_rsa_private_parts *parts)
{
    NTLS_TRY(rsa_set_public(key, parts->n, parts->n_len, parts->e, parts->e_len));
    nettle_mpz_set_str_256_u(key->priv.d, parts->d_len, parts->d);
    nettle_mpz_set_str_256_u(key->priv.p, parts->p_len, parts->p);
    nettle_mpz_set_str_256_u(key->priv.q, parts->q_len, parts->q);
    nettle_mpz_set_str_256_u(key->priv.a, parts->dp_len, parts->dp);
    nettle_mpz_set_str_256_u(key->priv.b, parts->dq_len, parts->dq);
    nettle_mpz_set_str_256_u(key->priv.c, parts->qinv_len, parts->qinv);
    key->has_priv = true; /* from here on ntls_rsa_free wipes the parts */
    NTLS_ENSURE(rsa_private_key_prepare(&key->priv), NTLS_E_CRYPTO);
    return rsa_check_private(key);
}

ntls_result ntls_rsa_private_new(struct ntls_rsa_key **out, const struct ntls_rsa_private_parts *parts)
{
    struct ntls_rsa_key *key;
    NTLS_TRY(rsa_alloc(&key));
    ntls_result r = rsa_set_private(key, parts);
    if (!ntls_is_ok(r)) {
        ntls_rsa_free(key);
        return r;
    }
    *out = key;
    return ntls_ok();
}

void ntls_rsa_free(struct ntls_rsa_key *key)
{
    if (key == NULL) {
        return;
    }
    if (key->has_priv) {
        /* rsa_private_key_clear only frees: zero the limbs first. */
        ntls_mpz_wipe(key->priv.d);
        ntls_mpz_wipe(key->priv.p);
        ntls_mpz_wipe(key->priv.q);
        ntls_mpz_wipe(key->priv.a);
        ntls_mpz_wipe(key->priv.b);
        ntls_mpz_wipe(key->priv.c);
    }
    rsa_private_key_clear(&key->priv);
    rsa_public_key_clear(&key->pub);
    ntls_free_secret(key, sizeof *key);
}

size_t ntls_rsa_size(const struct ntls_rsa_key *key)
{
    return key->pub.size;
}

size_t ntls_rsa_bits(const struct ntls_rsa_key *key)
{
    return mpz_sizeinbase(key->pub.n, 2);
}

bool ntls_rsa_is_private(const struct ntls_rsa_key *key)
{
    return key->has_priv;
}

ntls_result ntls_rsa_encrypt(const struct ntls_rsa_key *key, const uint8_t *msg, size_t msg_len, uint8_t *out)
{
    struct ntls_pk_rng rng = { false };
    mpz_t c;
    int ok;

    mpz_init(c);
    /* RFC 2246 7.4.7.1 / PKCS#1 v1.5 block type 2; fails only if msg is longer than size - 11. */
    ok = rsa_encrypt(&key->pub, &rng, ntls_pk_random, msg_len, msg, c);
    if (ok && !rng.failed) {
        nettle_mpz_get_str_256(key->pub.size, out, c);
    }
    mpz_clear(c);
    NTLS_ENSURE(!rng.failed, NTLS_E_CRYPTO);
    NTLS_ENSURE(ok, NTLS_E_USAGE);
    return ntls_ok();
}

uint32_t ntls_rsa_decrypt_fixed(const struct ntls_rsa_key *key, const uint8_t *ct, size_t ct_len,
                                uint8_t *out, size_t out_len)
{
    struct ntls_pk_rng rng = { false };
    uint32_t well_formed;
    mpz_t c;
    int ok;

    ntls_zeroize(out, out_len);
    if (!key->has_priv) {
        return 0;
    }
    /* The length and the range of the ciphertext are public, but a malformed one still goes through the same
     * decryption (of 0, whose padding is never valid), so it cannot be told from a bad padding by timing. */
    mpz_init(c);
    well_formed = ct_len == key->pub.size ? UINT32_MAX : 0;
    if (well_formed) {
        nettle_mpz_set_str_256_u(c, ct_len, ct);
    }
    if (mpz_cmp(c, key->pub.n) >= 0) {
        well_formed = 0;
        mpz_set_ui(c, 0);
    }
    ok = rsa_sec_decrypt(&key->pub, &key->priv, &rng, ntls_pk_random, out_len, out, c);
    mpz_clear(c);
    return ntls_ct_nonzero((uint32_t)ok) & well_formed & (rng.failed ? 0 : UINT32_MAX);
}

/* The DER DigestInfo prefixes of PKCS#1 v1.5 signatures (RFC 8017 9.2, note 1). */
struct rsa_digest_info {
    size_t digest_len, prefix_len;
    uint8_t prefix[19];
};

static const struct rsa_digest_info digest_infos[NTLS_HASH__COUNT] = {
    [NTLS_HASH_MD5] = { 16, 18, { 0x30, 0x20, 0x30, 0x0c, 0x06, 0x08, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d,
                                  0x02, 0x05, 0x05, 0x00, 0x04, 0x10 } },
    [NTLS_HASH_SHA1] = { 20, 15, { 0x30, 0x21, 0x30, 0x09, 0x06, 0x05, 0x2b, 0x0e, 0x03, 0x02, 0x1a, 0x05,
                                   0x00, 0x04, 0x14 } },
    [NTLS_HASH_SHA224] = { 28, 19, { 0x30, 0x2d, 0x30, 0x0d, 0x06, 0x09, 0x60, 0x86, 0x48, 0x01, 0x65, 0x03,
                                     0x04, 0x02, 0x04, 0x05, 0x00, 0x04, 0x1c } },
    [NTLS_HASH_SHA256] = { 32, 19, { 0x30, 0x31, 0x30, 0x0d, 0x06, 0x09, 0x60, 0x86, 0x48, 0x01, 0x65, 0x03,
                                     0x04, 0x02, 0x01, 0x05, 0x00, 0x04, 0x20 } },
    [NTLS_HASH_SHA384] = { 48, 19, { 0x30, 0x41, 0x30, 0x0d, 0x06, 0x09, 0x60, 0x86, 0x48, 0x01, 0x65, 0x03,
                                     0x04, 0x02, 0x02, 0x05, 0x00, 0x04, 0x30 } },
    [NTLS_HASH_SHA512] = { 64, 19, { 0x30, 0x51, 0x30, 0x0d, 0x06, 0x09, 0x60, 0x86, 0x48, 0x01, 0x65, 0x03,
                                     0x04, 0x02, 0x03, 0x05, 0x00, 0x04, 0x40 } },
    /* RFC 2246 7.4.3: the 36 bytes of MD5 || SHA-1 are signed as they are, without a DigestInfo. */
    [NTLS_HASH_MD5SHA1] = { 36, 0, { 0 } },
};

#define RSA_INFO_MAX (19 + NTLS_HASH_MAX_SIZE)

/* Builds what PKCS#1 type 1 padding wraps: DigestInfo || digest, or the bare digest for MD5SHA1. */
static ntls_result rsa_digest_info(enum ntls_hash_id hash, const uint8_t *digest, uint8_t *info, size_t *len)
{
    NTLS_ENSURE((unsigned)hash < NTLS_HASH__COUNT, NTLS_E_USAGE);
    const struct rsa_digest_info *di = &digest_infos[hash];
    NTLS_ENSURE(di->digest_len > 0, NTLS_E_USAGE); /* MD4 signatures are not supported */
    struct ntls_wr w = ntls_wr_init(info, RSA_INFO_MAX);
    ntls_wr_bytes(&w, di->prefix, di->prefix_len);
    ntls_wr_bytes(&w, digest, di->digest_len);
    NTLS_TRY(ntls_wr_done(&w));
    *len = w.len;
    return ntls_ok();
}

ntls_result ntls_rsa_sign(const struct ntls_rsa_key *key, enum ntls_hash_id hash, const uint8_t *digest,
                          uint8_t *sig)
{
    struct ntls_pk_rng rng = { false };
    uint8_t info[RSA_INFO_MAX];
    size_t info_len;
    mpz_t s;
    int ok;

    NTLS_ENSURE(key->has_priv, NTLS_E_USAGE);
    NTLS_TRY(rsa_digest_info(hash, digest, info, &info_len));
    mpz_init(s);
    /* Fails when the key is too short for the DigestInfo, or when the CRT result does not check out. */
    ok = rsa_pkcs1_sign_tr(&key->pub, &key->priv, &rng, ntls_pk_random, info_len, info, s);
    if (ok && !rng.failed) {
        nettle_mpz_get_str_256(key->pub.size, sig, s);
    }
    mpz_clear(s);
    NTLS_ENSURE(ok && !rng.failed, NTLS_E_CRYPTO);
    return ntls_ok();
}

ntls_result ntls_rsa_verify(const struct ntls_rsa_key *key, enum ntls_hash_id hash, const uint8_t *digest,
                            const uint8_t *sig, size_t sig_len)
{
    uint8_t info[RSA_INFO_MAX];
    size_t info_len;
    mpz_t s;
    int ok;

    NTLS_TRY(rsa_digest_info(hash, digest, info, &info_len));
    /* PKCS#1 8.2.2 step 1: the signature is exactly as long as the modulus. */
    NTLS_ENSURE(sig_len == key->pub.size, NTLS_E_DECRYPT_ERROR);
    nettle_mpz_init_set_str_256_u(s, sig_len, sig);
    /* Nettle rebuilds the whole padded block and compares it, and refuses s >= n. */
    ok = rsa_pkcs1_verify(&key->pub, info_len, info, s);
    mpz_clear(s);
    NTLS_ENSURE(ok, NTLS_E_DECRYPT_ERROR);
    return ntls_ok();
}
