/* nettls: the TLS 1.0 PRF, RFC 2246 section 5.
 *
 *   PRF(secret, label, seed) = P_MD5(S1, label + seed) XOR P_SHA-1(S2, label + seed)
 *   P_hash(secret, seed) = HMAC(secret, A(1) + seed) + HMAC(secret, A(2) + seed) + ...
 *   A(0) = seed, A(i) = HMAC(secret, A(i-1))
 *
 * S1 is the first and S2 the last ceil(len/2) bytes of the secret, so they share the middle byte when the
 * length is odd. Runs on the stack only: the HMAC keys are set once and each block is fed from the caller's
 * label and seed parts, never concatenated. */
#include <string.h>

#include "../base/mem.h"
#include "crypto.h"

struct prf_seed {
    const char *label;
    size_t label_len;
    const uint8_t *seed1, *seed2;
    size_t seed1_len, seed2_len;
};

static void feed_seed(struct ntls_hmac *m, const struct prf_seed *s)
{
    ntls_hmac_update(m, s->label, s->label_len);
    ntls_hmac_update(m, s->seed1, s->seed1_len);
    ntls_hmac_update(m, s->seed2, s->seed2_len);
}

/* XORs P_hash(secret, label + seed) into out. */
static void p_hash_xor(enum ntls_hash_id id, const uint8_t *secret, size_t secret_len,
                       const struct prf_seed *s, uint8_t *out, size_t out_len)
{
    struct ntls_hmac m;
    uint8_t a[NTLS_HASH_MAX_SIZE], block[NTLS_HASH_MAX_SIZE];
    size_t hs = ntls_hash_size(id);

    ntls_hmac_init(&m, id, secret, secret_len);
    feed_seed(&m, s);
    ntls_hmac_final(&m, a); /* A(1) */
    while (out_len > 0) {
        ntls_hmac_update(&m, a, hs);
        feed_seed(&m, s);
        ntls_hmac_final(&m, block);
        size_t n = out_len < hs ? out_len : hs;
        for (size_t i = 0; i < n; i++) {
            out[i] ^= block[i];
        }
        out += n;
        out_len -= n;
        if (out_len > 0) {
            ntls_hmac_update(&m, a, hs);
            ntls_hmac_final(&m, a); /* A(i+1) */
        }
    }
    ntls_hmac_wipe(&m);
    ntls_zeroize(a, sizeof a);
    ntls_zeroize(block, sizeof block);
}

void ntls_prf_tls10(const uint8_t *secret, size_t secret_len, const char *label, const uint8_t *seed1,
                    size_t seed1_len, const uint8_t *seed2, size_t seed2_len, uint8_t *out, size_t out_len)
{
    const struct prf_seed s = { label, strlen(label), seed1, seed2, seed1_len, seed2_len };
    size_t half = (secret_len + 1) / 2; /* RFC 2246 5: L_S1 = L_S2 = ceil(L_S / 2) */

    if (out_len == 0) {
        return;
    }
    memset(out, 0, out_len);
    p_hash_xor(NTLS_HASH_MD5, secret, half, &s, out, out_len);
    p_hash_xor(NTLS_HASH_SHA1, secret + (secret_len - half), half, &s, out, out_len);
}
