/* nettls: what the public-key files of lib/crypto share (rsa.c, dsa.c, ecc.c, dh.c, sig_der.c).
 *
 * Internal to lib/crypto: it includes <gmp.h> and <nettle/...>, which no other directory may. */
#ifndef NTLS_CRYPTO_PK_INTERNAL_H
#define NTLS_CRYPTO_PK_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <gmp.h>

#include "../base/buf.h"
#include "../base/mem.h"
#include "crypto.h"

/* ---------------------------------------------------------------------------------------------------- */
/* DER Dss-Sig-Value / Ecdsa-Sig-Value: SEQUENCE { r INTEGER, s INTEGER } (RFC 3279 2.2.2, RFC 4492 5.4)
 * (sig_der.c). */

/* Reads der strictly: definite minimal lengths, minimal two's complement integers, both positive and
 * non-zero, nothing after the SEQUENCE. On success r and s view the big-endian magnitudes (no leading zero
 * byte) inside der. NTLS_E_DECODE otherwise. */
NTLS_MUST_CHECK ntls_result ntls_sig_der_decode(const uint8_t *der, size_t der_len, struct ntls_cur *r,
                                                struct ntls_cur *s);
/* Writes SEQUENCE { r, s } for the unsigned big-endian r and s (leading zero bytes allowed; they are
 * dropped) to out, which has cap bytes, and sets *out_len. NTLS_E_INTERNAL if it does not fit. */
NTLS_MUST_CHECK ntls_result ntls_sig_der_encode(const uint8_t *r, size_t r_len, const uint8_t *s,
                                                size_t s_len, uint8_t *out, size_t cap, size_t *out_len);

/* ---------------------------------------------------------------------------------------------------- */
/* Randomness for Nettle, whose nettle_random_func cannot fail. */

struct ntls_pk_rng {
    bool failed;
};

/* A nettle_random_func over ntls_rand_bytes. When the generator fails it records that in the context and
 * fills dst with 0x01 bytes instead: Nettle loops until it draws a usable value (a blinding factor that is
 * invertible, a nonce in [1, q-1]), and an all-zero fill would make those loops endless. Callers check
 * rng.failed after the operation and discard its result. */
static inline void ntls_pk_random(void *ctx, size_t len, uint8_t *dst)
{
    struct ntls_pk_rng *rng = ctx;
    if (!ntls_is_ok(ntls_rand_bytes(dst, len))) {
        rng->failed = true;
        for (size_t i = 0; i < len; i++) {
            dst[i] = 0x01;
        }
    }
}

/* ---------------------------------------------------------------------------------------------------- */
/* Secret big integers. */

/* Zeroes every allocated limb of x, not only the ones in use, since GMP leaves old values in the rest
 * (GnuTLS does the same in lib/nettle/mpi.c). x stays a valid mpz with the value 0. */
static inline void ntls_mpz_wipe(mpz_ptr x)
{
    ntls_zeroize(x->_mp_d, (size_t)x->_mp_alloc * sizeof(mp_limb_t));
    x->_mp_size = 0;
}

static inline void ntls_mpz_clear_secret(mpz_ptr x)
{
    ntls_mpz_wipe(x);
    mpz_clear(x);
}

#endif
