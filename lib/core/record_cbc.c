/* nettls: TLS 1.0 CBC cipher states: DES, 3DES-EDE, AES-128/256 and Camellia-128/256 with HMAC-MD5 or
 * HMAC-SHA1 (RFC 2246 6.2.3.2), MAC-then-pad-then-encrypt, with the IV chained from one record to the next.
 *
 * GenericBlockCipher: block-ciphered struct { content[length]; MAC[hash_size];
 *                                             uint8 padding[padding_length]; uint8 padding_length; }
 *
 * Opening is the Lucky13-sensitive path (AlFardan and Paterson, 2013): the padding length is secret until the
 * MAC has been checked, so nothing below branches or indexes memory on it, and the MAC is computed with
 * ntls_hmac_final_ct, which does the same hash compressions for every plaintext length the record's public
 * length allows. The design follows BearSSL's ssl_rec_cbc.c: padding checked with masks over the last 256
 * bytes, the received MAC gathered by a scan over every place it could start and put back in order with a
 * constant-time rotation. */
#include <string.h>

#include "base/ct.h"
#include "record_ops.h"

/* 255 bytes of padding plus the padding_length byte: the most a TLS 1.0 record can carry after the MAC. */
#define CBC_MAX_PAD 256

static size_t round_up(size_t n, size_t block)
{
    return (n + block - 1) / block * block;
}

static size_t cbc_seal(struct ntls_rec_prot *p, uint8_t type, uint16_t version, uint64_t seq, uint8_t *frag,
                       size_t len)
{
    uint8_t hdr[NTLS_REC_MAC_HEADER];

    ntls_rec_mac_header(hdr, seq, type, version, len);
    ntls_hmac_update(&p->mac, hdr, sizeof hdr);
    ntls_hmac_update(&p->mac, frag, len);
    ntls_hmac_final(&p->mac, &frag[len]);
    size_t n = len + p->mac_len;
    /* RFC 2246 6.2.3.2: every padding byte, and the length byte, hold padding_length. We send the shortest
     * padding, 1 to block_len bytes with the length byte, as every common implementation does. */
    size_t pad = p->block_len - n % p->block_len;
    memset(&frag[n], (int)(pad - 1), pad);
    n += pad;
    /* The cipher keeps the last ciphertext block as the next record's IV (RFC 2246 6.2.3.2). */
    ntls_cipher_run(&p->cipher, frag, frag, n);
    return n;
}

/* Rotates buf[0..len) left by num when mask is all-ones; reads and writes every byte either way. */
static void ct_rotate_left(uint32_t mask, uint8_t *buf, size_t len, size_t num)
{
    uint8_t tmp[NTLS_HASH_MAX_SIZE];

    for (size_t u = 0, v = num; u < len; u++) {
        tmp[u] = (uint8_t)ntls_ct_mux(mask, buf[v], buf[u]);
        if (++v == len) {
            v = 0;
        }
    }
    memcpy(buf, tmp, len);
}

/* x mod d without a division instruction, whose timing may depend on x: for d <= 64 and x < 2^16 / d,
 * m = ceil(2^16 / d) overestimates 2^16 / d by less than 1, so x * m / 2^16 exceeds x / d by less than
 * x / 2^16 < 1 / d, which cannot carry the quotient past the next integer: floor(x * m / 2^16) = x / d. */
static uint32_t ct_mod(uint32_t x, uint32_t d)
{
    uint32_t m = (65536 + d - 1) / d; /* d is public */
    uint32_t q = (x * m) >> 16;
    return x - q * d;
}

/* The bytes of the 4-byte group at position u that lie at or after position t, as a mask over the group's
 * little-endian value (byte i of the group is bits 8i..8i+7). Positions are below 2^16. */
static uint32_t ct_from(uint32_t u, uint32_t t)
{
    uint32_t all = ntls_ct_ge(u, t);
    uint32_t none = ntls_ct_ge(t, u + 4);
    uint32_t part = 0xFFFFFFFFu << (8 * ((t - u) & 3)); /* right when 0 < t - u < 4 */
    return ntls_ct_mux(all, 0xFFFFFFFFu, ntls_ct_mux(none, 0, part));
}

/* n <= 4 bytes at p as a little-endian value (one load on common compilers); n is public. */
static uint32_t load_le(const uint8_t *p, uint32_t n)
{
    if (n == 4) {
        return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
    }
    uint32_t w = 0;
    for (uint32_t i = 0; i < n; i++) {
        w |= (uint32_t)p[i] << (8 * i);
    }
    return w;
}

/* One pass over buf[min_pt .. max_wm), the only bytes that can hold MAC or padding, where the secret
 * with_mac (content + MAC) lies in [min_pt + mac_len, max_wm]. Checks that every byte from with_mac on
 * equals pad (RFC 2246 6.2.3.2: "each uint8 in the padding data vector MUST be filled with the padding
 * length value") and gathers the MAC buf[with_mac - mac_len .. with_mac) into mac, rotated so that its
 * first byte lands at *rot. The bytes are taken in chunks of mac_len (a multiple of 4: 16 or 20), four at a
 * time with masks, so byte u lands in mac[(u - min_pt) % mac_len] without a secret index; every byte is
 * read once and the same work is done whatever with_mac is. Returns an all-ones mask when the padding is
 * good. */
static uint32_t cbc_scan(const uint8_t *buf, uint32_t min_pt, uint32_t max_wm, uint32_t with_mac,
                         uint32_t mac_len, uint32_t pad, uint8_t *mac, uint32_t *rot)
{
    uint32_t content = with_mac - mac_len;
    uint32_t pad4 = pad * 0x01010101u, bad = 0;
    uint32_t acc[NTLS_HASH_MAX_SIZE / 4] = { 0 };

    for (uint32_t start = min_pt; start < max_wm; start += mac_len) {
        for (uint32_t g = 0; g < mac_len / 4 && start + 4 * g < max_wm; g++) {
            uint32_t u = start + 4 * g;
            uint32_t n = max_wm - u < 4 ? max_wm - u : 4;
            uint32_t w = load_le(&buf[u], n);
            uint32_t loaded = (uint32_t)(((uint64_t)1 << (8 * n)) - 1);
            uint32_t padding = ct_from(u, with_mac);
            bad |= (w ^ pad4) & padding & loaded;
            acc[g] |= w & ct_from(u, content) & ~padding;
        }
    }
    for (uint32_t i = 0; i < mac_len; i++) {
        mac[i] = (uint8_t)(acc[i / 4] >> (8 * (i % 4)));
    }
    *rot = ct_mod(content - min_pt, mac_len);
    return ~ntls_ct_nonzero(bad);
}

/* Puts the MAC gathered by cbc_scan back in order: rot < mac_len <= 64, so six masked rotations by 32, 16,
 * ..., 1 cover every value (BearSSL's approach; log2 steps instead of mac_len^2 masked reads). */
static void cbc_unrotate(uint8_t *mac, uint32_t mac_len, uint32_t rot)
{
    for (int i = 5; i >= 0; i--) {
        uint32_t step = (uint32_t)1 << i;
        ct_rotate_left((uint32_t)0 - ((rot >> i) & 1), mac, mac_len, step % mac_len);
    }
}

static ntls_result cbc_open(struct ntls_rec_prot *p, uint8_t type, uint16_t version, uint64_t seq,
                            uint8_t *frag, size_t len, size_t *pt_off, size_t *pt_len)
{
    uint8_t hdr[NTLS_REC_MAC_HEADER];
    uint8_t got[NTLS_HASH_MAX_SIZE], want[NTLS_HASH_MAX_SIZE];
    uint32_t mac_len = (uint32_t)p->mac_len;

    /* Public checks, so they may return early: whole blocks, and room for the MAC and the length byte. */
    NTLS_ENSURE(len % p->block_len == 0 && len >= round_up(mac_len + 1, p->block_len), NTLS_E_BAD_RECORD_MAC);
    ntls_cipher_run(&p->cipher, frag, frag, len);

    /* Public bounds of content + MAC: at most len - 1 (only the length byte), at least len - 256 (255 bytes
     * of padding), and never less than the MAC. The padding length byte picks the real one, secretly. */
    uint32_t n = (uint32_t)len;
    uint32_t max_wm = n - 1;
    uint32_t min_wm = max_wm > CBC_MAX_PAD - 1 + mac_len ? max_wm - (CBC_MAX_PAD - 1) : mac_len;
    uint32_t pad = frag[max_wm];
    uint32_t good = ntls_ct_ge(max_wm - min_wm, pad);
    uint32_t with_mac = ntls_ct_mux(good, max_wm - pad, min_wm);
    uint32_t content = with_mac - mac_len, rot;

    good &= cbc_scan(frag, min_wm - mac_len, max_wm, with_mac, mac_len, pad, got, &rot);
    cbc_unrotate(got, mac_len, rot);
    ntls_rec_mac_header(hdr, seq, type, version, content);
    ntls_hmac_update(&p->mac, hdr, sizeof hdr);
    ntls_hmac_final_ct(&p->mac, frag, content, min_wm - mac_len, max_wm - mac_len, want);
    good &= ntls_ct_memeq(got, want, mac_len);

    /* The end of the constant-time part: one branch on the combined result, and one error for every cause
     * (two alerts would be an oracle; RFC 4346 6.2.3.2 drops decryption_failed for that reason). */
    NTLS_ENSURE(good != 0, NTLS_E_BAD_RECORD_MAC);
    *pt_off = 0;
    *pt_len = content;
    return ntls_ok();
}

static void cbc_overhead(const struct ntls_rec_prot *p, size_t *head, size_t *tail)
{
    *head = 0;
    *tail = p->mac_len + p->block_len;
}

/* A one-byte record is 5 header bytes and round_up(1 + MAC + 1, block) of fragment. */
static size_t cbc_split_reserve(const struct ntls_rec_prot *p)
{
    return 4 + round_up(p->mac_len + 2, p->block_len);
}

const struct ntls_rec_ops ntls_rec_ops_tls10_cbc = {
    .open = cbc_open,
    .seal = cbc_seal,
    .overhead = cbc_overhead,
    .split_reserve = cbc_split_reserve,
};
