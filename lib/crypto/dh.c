/* nettls: finite-field Diffie-Hellman (RFC 2246 8.1.2) over GMP.
 *
 * The private exponent is short (twice the group's security level, as RFC 7919 5.2 and NIST SP 800-56A allow
 * for safe-prime groups), so a 2048-bit exchange costs a 256-bit exponentiation. Both exponentiations use
 * mpz_powm_sec, whose running time and memory accesses do not depend on the exponent. */
#include <nettle/bignum.h>

#include "pk_internal.h"

/* p as an mpz, checked to be usable at all: not larger than we support, odd (mpz_powm_sec requires it) and
 * above 3 (so that 1 < v < p-1 can hold). Anything else came from a peer: illegal_parameter. */
static ntls_result dh_load_modulus(mpz_t mod, const uint8_t *p, size_t p_len)
{
    NTLS_ENSURE(p_len <= NTLS_DH_MAX_BYTES, NTLS_E_ILLEGAL_PARAMETER);
    nettle_mpz_set_str_256_u(mod, p_len, p);
    NTLS_ENSURE(mpz_odd_p(mod) && mpz_cmp_ui(mod, 3) > 0, NTLS_E_ILLEGAL_PARAMETER);
    return ntls_ok();
}

/* 1 < v < p-1: rules out 0, 1 and p-1, the values of order 1 and 2, and anything not reduced mod p. */
static ntls_result dh_check(const mpz_t mod, const mpz_t v)
{
    mpz_t top;
    bool ok;

    mpz_init(top);
    mpz_sub_ui(top, mod, 1);
    ok = mpz_cmp_ui(v, 1) > 0 && mpz_cmp(v, top) < 0;
    mpz_clear(top);
    NTLS_ENSURE(ok, NTLS_E_ILLEGAL_PARAMETER);
    return ntls_ok();
}

ntls_result ntls_dh_check_element(const uint8_t *p, size_t p_len, const uint8_t *v, size_t v_len)
{
    mpz_t mod, val;
    ntls_result r;

    mpz_inits(mod, val, NULL);
    r = dh_load_modulus(mod, p, p_len);
    if (ntls_is_ok(r)) {
        nettle_mpz_set_str_256_u(val, v_len, v);
        r = dh_check(mod, val);
    }
    mpz_clears(mod, val, NULL);
    return r;
}

/* A random exponent of exactly bits bits: its top bit is set, so it is at least 2^(bits-1). */
static ntls_result dh_pick_exponent(struct ntls_dh *dh, unsigned bits)
{
    size_t len = (bits + 7) / 8;
    unsigned excess = (unsigned)(8 * len - bits);

    NTLS_TRY(ntls_rand_bytes(dh->priv, len));
    dh->priv[0] &= (uint8_t)(0xff >> excess);
    dh->priv[0] |= (uint8_t)(0x80 >> excess);
    dh->priv_len = len;
    return ntls_ok();
}

/* Whether the exponent is non-zero, looking at every byte (ntls_dh_wipe leaves a zero exponent). */
static bool dh_has_exponent(const struct ntls_dh *dh)
{
    uint8_t acc = 0;
    for (size_t i = 0; i < dh->priv_len; i++) {
        acc |= dh->priv[i];
    }
    return acc != 0;
}

/* out = base^x mod mod, with x taken from dh->priv. */
static void dh_powm(mpz_t out, const mpz_t base, const struct ntls_dh *dh, const mpz_t mod)
{
    mpz_t x;
    nettle_mpz_init_set_str_256_u(x, dh->priv_len, dh->priv);
    mpz_powm_sec(out, base, x, mod);
    ntls_mpz_clear_secret(x);
}

static ntls_result dh_keygen_in(struct ntls_dh *dh, const mpz_t mod, const mpz_t gen, size_t p_len,
                                unsigned priv_bits, uint8_t *pub)
{
    mpz_t y;

    NTLS_TRY(dh_check(mod, gen));
    /* The exponent must stay below p; with a short exponent it is far below. */
    NTLS_ENSURE(priv_bits < mpz_sizeinbase(mod, 2), NTLS_E_USAGE);
    NTLS_TRY(dh_pick_exponent(dh, priv_bits));
    mpz_init(y);
    dh_powm(y, gen, dh, mod);
    nettle_mpz_get_str_256(p_len, pub, y); /* left-padded with zeros to p_len */
    mpz_clear(y);
    return ntls_ok();
}

ntls_result ntls_dh_keygen(struct ntls_dh *dh, const uint8_t *p, size_t p_len, const uint8_t *g, size_t g_len,
                           unsigned priv_bits, uint8_t *pub)
{
    mpz_t mod, gen;
    ntls_result r;

    NTLS_ENSURE(priv_bits >= 2 && priv_bits <= 8 * NTLS_DH_PRIV_MAX, NTLS_E_USAGE);
    mpz_inits(mod, gen, NULL);
    r = dh_load_modulus(mod, p, p_len);
    if (ntls_is_ok(r)) {
        nettle_mpz_set_str_256_u(gen, g_len, g);
        r = dh_keygen_in(dh, mod, gen, p_len, priv_bits, pub);
    }
    mpz_clears(mod, gen, NULL);
    if (!ntls_is_ok(r)) {
        ntls_dh_wipe(dh);
    }
    return r;
}

ntls_result ntls_dh_shared(const struct ntls_dh *dh, const uint8_t *p, size_t p_len, const uint8_t *peer_y,
                           size_t peer_len, uint8_t *secret, size_t *secret_len)
{
    mpz_t mod, y, z;
    ntls_result r;

    NTLS_ENSURE(dh->priv_len > 0 && dh->priv_len <= NTLS_DH_PRIV_MAX, NTLS_E_USAGE);
    NTLS_ENSURE(dh_has_exponent(dh), NTLS_E_USAGE); /* mpz_powm_sec needs an exponent above 0 */
    mpz_inits(mod, y, z, NULL);
    r = dh_load_modulus(mod, p, p_len);
    if (ntls_is_ok(r)) {
        nettle_mpz_set_str_256_u(y, peer_len, peer_y);
        r = dh_check(mod, y);
    }
    if (ntls_is_ok(r)) {
        dh_powm(z, y, dh, mod);
        /* RFC 2246 8.1.2: leading zero bytes of Z are stripped before it is used as the premaster secret.
         * That makes the secret's length (and the PRF's timing) depend on Z, which TLS 1.0 cannot avoid
         * (the "Raccoon" attack): the fix is not to reuse exponents, which ephemeral DH does not. */
        *secret_len = nettle_mpz_sizeinbase_256_u(z);
        nettle_mpz_get_str_256(*secret_len, secret, z);
    }
    ntls_mpz_clear_secret(z);
    mpz_clears(mod, y, NULL);
    return r;
}

void ntls_dh_wipe(struct ntls_dh *dh)
{
    ntls_zeroize(dh, sizeof *dh);
}
