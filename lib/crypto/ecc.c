/* nettls: elliptic curves over Nettle: ECDSA and ECDH on P-256 and P-384 (RFC 4492), and X25519 (RFC 7748).
 *
 * Points travel uncompressed only (RFC 4492 5.1.2 lets a peer say it supports nothing else, and we never
 * offer ec_point_formats other than uncompressed), so any other form is an illegal_parameter. Every peer
 * point goes through ecc_point_set, which rejects coordinates >= p and points off the curve: that is what
 * stops invalid-curve attacks on our static or ephemeral scalars. */
#include <string.h>

#include <nettle/bignum.h>
#include <nettle/curve25519.h>
#include <nettle/dsa.h>
#include <nettle/ecc-curve.h>
#include <nettle/ecc.h>
#include <nettle/ecdsa.h>

#include "pk_internal.h"

#define X25519_SIZE 32

size_t ntls_curve_size(enum ntls_curve curve)
{
    switch (curve) {
    case NTLS_CURVE_P256:
        return 32;
    case NTLS_CURVE_P384:
        return 48;
    case NTLS_CURVE_X25519:
        return X25519_SIZE;
    }
    return 0;
}

size_t ntls_curve_point_size(enum ntls_curve curve)
{
    if (curve == NTLS_CURVE_X25519) {
        return X25519_SIZE;
    }
    return 1 + 2 * ntls_curve_size(curve);
}

/* Nettle's curve for the Weierstrass curves, NULL for anything else. */
static const struct ecc_curve *ecc_of(enum ntls_curve curve)
{
    switch (curve) {
    case NTLS_CURVE_P256:
        return nettle_get_secp_256r1();
    case NTLS_CURVE_P384:
        return nettle_get_secp_384r1();
    case NTLS_CURVE_X25519:
        break;
    }
    return NULL;
}

/* ---------------------------------------------------------------------------------------------------- */
/* Points and scalars as bytes */

/* RFC 4492 5.4 / SEC 1 2.3.4: 0x04 || X || Y, each coordinate of the field's size. */
static ntls_result ec_point_read(struct ecc_point *pt, size_t size, const uint8_t *in, size_t in_len)
{
    struct ntls_cur c = ntls_cur_init(in, in_len), xb, yb;
    uint8_t form;
    mpz_t x, y;
    int on_curve;

    NTLS_ENSURE(ntls_is_ok(ntls_cur_u8(&c, &form)) && form == 0x04, NTLS_E_ILLEGAL_PARAMETER);
    NTLS_ENSURE(ntls_is_ok(ntls_cur_take(&c, size, &xb)), NTLS_E_ILLEGAL_PARAMETER);
    NTLS_ENSURE(ntls_is_ok(ntls_cur_take(&c, size, &yb)), NTLS_E_ILLEGAL_PARAMETER);
    NTLS_ENSURE(ntls_cur_empty(&c), NTLS_E_ILLEGAL_PARAMETER);
    nettle_mpz_init_set_str_256_u(x, xb.len, xb.p);
    nettle_mpz_init_set_str_256_u(y, yb.len, yb.p);
    on_curve = ecc_point_set(pt, x, y);
    mpz_clear(x);
    mpz_clear(y);
    NTLS_ENSURE(on_curve, NTLS_E_ILLEGAL_PARAMETER);
    return ntls_ok();
}

static ntls_result ec_point_write(const struct ecc_point *pt, size_t size, uint8_t *out)
{
    struct ntls_wr w = ntls_wr_init(out, 1 + 2 * size);
    uint8_t *xb, *yb;
    mpz_t x, y;

    ntls_wr_u8(&w, 0x04);
    xb = ntls_wr_reserve(&w, size);
    yb = ntls_wr_reserve(&w, size);
    NTLS_TRY(ntls_wr_done(&w));
    mpz_init(x);
    mpz_init(y);
    ecc_point_get(pt, x, y);
    nettle_mpz_get_str_256(size, xb, x);
    nettle_mpz_get_str_256(size, yb, y);
    mpz_clear(x);
    mpz_clear(y);
    return ntls_ok();
}

/* Big-endian bytes (at most the curve's size) to a scalar in [1, q-1]. */
static ntls_result ec_scalar_read(struct ecc_scalar *s, size_t size, const uint8_t *in, size_t in_len,
                                  enum ntls_err err)
{
    mpz_t z;
    int ok;

    NTLS_ENSURE(in_len <= size, err);
    nettle_mpz_init_set_str_256_u(z, in_len, in);
    ok = ecc_scalar_set(s, z);
    ntls_mpz_clear_secret(z);
    NTLS_ENSURE(ok, err);
    return ntls_ok();
}

static void ec_scalar_wipe(struct ecc_scalar *s)
{
    ntls_zeroize(s->p, (size_t)ecc_size(s->ecc) * sizeof(mp_limb_t));
    ecc_scalar_clear(s);
}

static void ec_point_wipe(struct ecc_point *pt)
{
    ntls_zeroize(pt->p, 2 * (size_t)ecc_size(pt->ecc) * sizeof(mp_limb_t));
    ecc_point_clear(pt);
}

static bool ec_point_equal(const struct ecc_point *a, const struct ecc_point *b)
{
    mpz_t ax, ay, bx, by;
    bool eq;

    mpz_inits(ax, ay, bx, by, NULL);
    ecc_point_get(a, ax, ay);
    ecc_point_get(b, bx, by);
    eq = mpz_cmp(ax, bx) == 0 && mpz_cmp(ay, by) == 0;
    mpz_clears(ax, ay, bx, by, NULL);
    return eq;
}

/* ---------------------------------------------------------------------------------------------------- */
/* ECDSA keys */

struct ntls_ec_key {
    enum ntls_curve curve;
    struct ecc_point pub;
    struct ecc_scalar priv;
    bool has_priv;
};

/* A private scalar must belong to the public point: a key pair that does not match would sign with a key
 * nobody can verify. NTLS_E_CRYPTO, the code for a bad key. */
static ntls_result ec_check_pair(const struct ntls_ec_key *key)
{
    struct ecc_point q;
    bool eq;

    ecc_point_init(&q, key->pub.ecc);
    ecc_point_mul_g(&q, &key->priv);
    eq = ec_point_equal(&q, &key->pub);
    ecc_point_clear(&q);
    NTLS_ENSURE(eq, NTLS_E_CRYPTO);
    return ntls_ok();
}

static ntls_result ec_key_set(struct ntls_ec_key *key, const uint8_t *point, size_t point_len,
                              const uint8_t *scalar, size_t scalar_len)
{
    size_t size = ntls_curve_size(key->curve);
    NTLS_TRY(ec_point_read(&key->pub, size, point, point_len));
    if (scalar != NULL) {
        NTLS_TRY(ec_scalar_read(&key->priv, size, scalar, scalar_len, NTLS_E_ILLEGAL_PARAMETER));
        key->has_priv = true;
        NTLS_TRY(ec_check_pair(key));
    }
    return ntls_ok();
}

ntls_result ntls_ec_key_new(struct ntls_ec_key **out, enum ntls_curve curve, const uint8_t *point,
                            size_t point_len, const uint8_t *scalar, size_t scalar_len)
{
    const struct ecc_curve *ecc = ecc_of(curve);
    NTLS_ENSURE(ecc != NULL, NTLS_E_USAGE);
    struct ntls_ec_key *key = ntls_calloc(1, sizeof *key);
    NTLS_ENSURE(key != NULL, NTLS_E_NOMEM);
    key->curve = curve;
    ecc_point_init(&key->pub, ecc);
    ecc_scalar_init(&key->priv, ecc);
    ntls_result r = ec_key_set(key, point, point_len, scalar, scalar_len);
    if (!ntls_is_ok(r)) {
        ntls_ec_key_free(key);
        return r;
    }
    *out = key;
    return ntls_ok();
}

void ntls_ec_key_free(struct ntls_ec_key *key)
{
    if (key == NULL) {
        return;
    }
    ec_scalar_wipe(&key->priv);
    ecc_point_clear(&key->pub);
    ntls_free_secret(key, sizeof *key);
}

enum ntls_curve ntls_ec_key_curve(const struct ntls_ec_key *key)
{
    return key->curve;
}

bool ntls_ec_key_is_private(const struct ntls_ec_key *key)
{
    return key->has_priv;
}

/* ---------------------------------------------------------------------------------------------------- */
/* ECDSA */

ntls_result ntls_ecdsa_sign(const struct ntls_ec_key *key, const uint8_t *digest, size_t digest_len,
                            uint8_t *sig, size_t *sig_len)
{
    struct ntls_pk_rng rng = { false };
    struct dsa_signature rs;
    uint8_t r[NTLS_EC_SCALAR_MAX], s[NTLS_EC_SCALAR_MAX];
    size_t size = ntls_curve_size(key->curve);

    NTLS_ENSURE(key->has_priv, NTLS_E_USAGE);
    dsa_signature_init(&rs);
    /* The nonce is drawn with ecc_mod_random through ntls_pk_random; Nettle uses the digest's leftmost bits
     * when it is longer than the group order (SEC 1 4.1.3 step 5). */
    ecdsa_sign(&key->priv, &rng, ntls_pk_random, digest_len, digest, &rs);
    if (!rng.failed) {
        nettle_mpz_get_str_256(size, r, rs.r);
        nettle_mpz_get_str_256(size, s, rs.s);
    }
    dsa_signature_clear(&rs);
    NTLS_ENSURE(!rng.failed, NTLS_E_CRYPTO);
    return ntls_sig_der_encode(r, size, s, size, sig, NTLS_ECDSA_SIG_MAX, sig_len);
}

ntls_result ntls_ecdsa_verify(const struct ntls_ec_key *key, const uint8_t *digest, size_t digest_len,
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
    /* ecdsa_verify refuses r or s outside [1, q-1]. */
    ok = ecdsa_verify(&key->pub, digest_len, digest, &rs);
    dsa_signature_clear(&rs);
    NTLS_ENSURE(ok, NTLS_E_DECRYPT_ERROR);
    return ntls_ok();
}

/* ---------------------------------------------------------------------------------------------------- */
/* ECDH (RFC 4492 5.10) and X25519 (RFC 7748) */

/* RFC 7748 5: clear the three low bits, clear bit 255, set bit 254. Nettle does the same internally; doing
 * it here too makes the stored private key the one RFC 7748 describes. */
static void x25519_clamp(uint8_t *k)
{
    k[0] &= 248;
    k[31] &= 127;
    k[31] |= 64;
}

static ntls_result ecdh_keygen_weierstrass(const struct ecc_curve *ecc, size_t size, uint8_t *priv,
                                           uint8_t *pub)
{
    struct ntls_pk_rng rng = { false };
    struct ecc_scalar s;
    struct ecc_point pt;
    mpz_t z;
    ntls_result r;

    ecc_scalar_init(&s, ecc);
    ecc_point_init(&pt, ecc);
    mpz_init(z);
    ecc_scalar_random(&s, &rng, ntls_pk_random); /* uniform in [1, q-1] */
    ecc_point_mul_g(&pt, &s);
    ecc_scalar_get(&s, z);
    nettle_mpz_get_str_256(size, priv, z);
    r = ec_point_write(&pt, size, pub);
    ntls_mpz_clear_secret(z);
    ec_scalar_wipe(&s);
    ecc_point_clear(&pt);
    if (rng.failed) {
        ntls_zeroize(priv, size);
        return ntls_error(NTLS_E_CRYPTO);
    }
    return r;
}

ntls_result ntls_ecdh_keygen(enum ntls_curve curve, uint8_t *priv, uint8_t *pub)
{
    if (curve == NTLS_CURVE_X25519) {
        NTLS_TRY(ntls_rand_bytes(priv, X25519_SIZE));
        x25519_clamp(priv);
        curve25519_mul_g(pub, priv);
        return ntls_ok();
    }
    const struct ecc_curve *ecc = ecc_of(curve);
    NTLS_ENSURE(ecc != NULL, NTLS_E_USAGE);
    return ecdh_keygen_weierstrass(ecc, ntls_curve_size(curve), priv, pub);
}

static ntls_result x25519_shared(const uint8_t *priv, const uint8_t *peer_pub, size_t peer_len,
                                 uint8_t *secret)
{
    uint8_t k[X25519_SIZE];
    uint8_t acc = 0;

    NTLS_ENSURE(peer_len == X25519_SIZE, NTLS_E_ILLEGAL_PARAMETER);
    memcpy(k, priv, X25519_SIZE);
    x25519_clamp(k);
    /* Nettle masks the top bit of the u-coordinate and reduces non-canonical values (RFC 7748 5). */
    curve25519_mul(secret, k, peer_pub);
    ntls_zeroize(k, sizeof k);
    for (size_t i = 0; i < X25519_SIZE; i++) {
        acc |= secret[i];
    }
    /* RFC 7748 6.1: a low-order peer point gives the all-zero secret, which must be refused. */
    NTLS_ENSURE(acc != 0, NTLS_E_ILLEGAL_PARAMETER);
    return ntls_ok();
}

static ntls_result ecdh_shared_weierstrass(const struct ecc_curve *ecc, size_t size, const uint8_t *priv,
                                           const uint8_t *peer_pub, size_t peer_len, uint8_t *secret)
{
    struct ecc_point peer, shared;
    struct ecc_scalar s;
    mpz_t x, y;
    ntls_result r;

    ecc_point_init(&peer, ecc);
    ecc_point_init(&shared, ecc);
    ecc_scalar_init(&s, ecc);
    r = ec_point_read(&peer, size, peer_pub, peer_len);
    if (ntls_is_ok(r)) {
        r = ec_scalar_read(&s, size, priv, size, NTLS_E_USAGE);
    }
    if (ntls_is_ok(r)) {
        /* A valid peer point has order q and s is in [1, q-1], so the product is never the infinity. */
        ecc_point_mul(&shared, &s, &peer);
        mpz_inits(x, y, NULL);
        ecc_point_get(&shared, x, y);
        /* RFC 4492 5.10: the x-coordinate, as many bytes as the field, leading zeros kept. */
        nettle_mpz_get_str_256(size, secret, x);
        ntls_mpz_clear_secret(x);
        ntls_mpz_clear_secret(y);
    }
    ec_scalar_wipe(&s);
    ec_point_wipe(&shared);
    ecc_point_clear(&peer);
    return r;
}

ntls_result ntls_ecdh_shared(enum ntls_curve curve, const uint8_t *priv, const uint8_t *peer_pub,
                             size_t peer_len, uint8_t *secret)
{
    if (curve == NTLS_CURVE_X25519) {
        return x25519_shared(priv, peer_pub, peer_len, secret);
    }
    const struct ecc_curve *ecc = ecc_of(curve);
    NTLS_ENSURE(ecc != NULL, NTLS_E_USAGE);
    return ecdh_shared_weierstrass(ecc, ntls_curve_size(curve), priv, peer_pub, peer_len, secret);
}
