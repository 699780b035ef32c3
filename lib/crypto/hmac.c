/* nettls: HMAC (RFC 2104) over the hashes of hash.c, and the Lucky13-safe MAC of CBC records.
 *
 * The keyed inner and outer states are kept, so a message costs no key hashing. ntls_hmac_final_ct follows
 * the idea of BearSSL's br_hmac_outCT (src/mac/hmac_ct.c): hash the public prefix normally, then build every
 * block that could hold the end of the message from masks, compress all of them, and keep the state after
 * the block that really holds the length with a constant-time copy. */
#include <assert.h>
#include <stdlib.h>
#include <string.h>

#include "../base/ct.h"
#include "../base/mem.h"
#include "sym_internal.h"

void ntls_hmac_init(struct ntls_hmac *m, enum ntls_hash_id id, const uint8_t *key, size_t key_len)
{
    if ((unsigned)id >= NTLS_HASH__COUNT || id == NTLS_HASH_MD5SHA1) {
        abort(); /* a caller bug: HMAC over MD5||SHA-1 is not defined */
    }
    size_t bs = ntls_hash_block_size(id);
    uint8_t pad[NTLS_HASH_MAX_BLOCK] = { 0 };

    /* RFC 2104 2: a key longer than the block is hashed first; shorter ones are padded with zeros. */
    if (key_len > bs) {
        ntls_hash_oneshot(id, key, key_len, pad);
    } else if (key_len > 0) {
        memcpy(pad, key, key_len);
    }
    m->id = id;
    for (size_t i = 0; i < bs; i++) {
        pad[i] ^= 0x36;
    }
    ntls_hash_init(&m->inner, id);
    ntls_hash_update(&m->inner, pad, bs);
    for (size_t i = 0; i < bs; i++) {
        pad[i] ^= 0x36 ^ 0x5c;
    }
    ntls_hash_init(&m->outer, id);
    ntls_hash_update(&m->outer, pad, bs);
    m->running = m->inner;
    ntls_zeroize(pad, sizeof pad);
}

void ntls_hmac_restart(struct ntls_hmac *m)
{
    m->running = m->inner;
}

void ntls_hmac_update(struct ntls_hmac *m, const void *data, size_t len)
{
    ntls_hash_update(&m->running, data, len);
}

/* Finishes with the outer hash over the inner digest and rewinds to the keyed state. */
static void hmac_outer(struct ntls_hmac *m, const uint8_t *inner_digest, uint8_t *out)
{
    struct ntls_hash o = m->outer;
    ntls_hash_update(&o, inner_digest, ntls_hash_size(m->id));
    ntls_hash_final(&o, out);
    ntls_hash_wipe(&o);
    ntls_hmac_restart(m);
}

void ntls_hmac_final(struct ntls_hmac *m, uint8_t *out)
{
    uint8_t ih[NTLS_HASH_MAX_SIZE];
    ntls_hash_final(&m->running, ih);
    hmac_outer(m, ih, out);
    ntls_zeroize(ih, sizeof ih);
}

void ntls_hmac_oneshot(enum ntls_hash_id id, const uint8_t *key, size_t key_len, const void *data,
                       size_t len, uint8_t *out)
{
    struct ntls_hmac m;
    ntls_hmac_init(&m, id, key, key_len);
    ntls_hmac_update(&m, data, len);
    ntls_hmac_final(&m, out);
    ntls_hmac_wipe(&m);
}

void ntls_hmac_wipe(struct ntls_hmac *m)
{
    ntls_hash_wipe(&m->inner);
    ntls_hash_wipe(&m->outer);
    ntls_hash_wipe(&m->running);
}

/* The tail of the inner hash, from a block boundary (after r public bytes already buffered in c->block) over
 * len secret bytes of data, where len <= max_len and data[0..max_len) is readable. Compresses
 * (r + max_len + 8) / 64 + 1 blocks whatever len is and reads the same bytes; writes the inner digest. */
static void md_tail_ct(const struct ntls_md_ctx *c, enum ntls_hash_id id, const uint8_t *data, uint32_t len,
                       uint32_t max_len, uint8_t *digest)
{
    uint32_t r = c->index;
    /* The padded message ends with the block holding byte r + len + 8 (0x80 and the 8-byte length). */
    uint32_t last = (r + len + 8) / NTLS_MD_BLOCK;
    uint32_t nblocks = (r + max_len + 8) / NTLS_MD_BLOCK + 1;
    uint64_t bits = (c->count * NTLS_MD_BLOCK + r + len) * 8;
    uint8_t lenbytes[8];
    uint32_t state[5], kept[5] = { 0 };
    uint8_t blk[NTLS_MD_BLOCK];

    for (int k = 0; k < 8; k++) {
        lenbytes[k] = (uint8_t)(bits >> (id == NTLS_HASH_MD5 ? 8 * k : 56 - 8 * k));
    }
    memcpy(state, c->state, sizeof state);
    for (uint32_t b = 0; b < nblocks; b++) {
        uint32_t is_last = ntls_ct_eq(b, last);
        for (uint32_t i = 0; i < NTLS_MD_BLOCK; i++) {
            uint32_t p = b * NTLS_MD_BLOCK + i;
            if (p < r) { /* public: the bytes already buffered (header) */
                blk[i] = c->block[p];
                continue;
            }
            uint32_t u = p - r;
            uint32_t d = u < max_len ? data[u] : 0; /* the same reads for every len */
            uint32_t x = (d & ntls_ct_lt(u, len)) | (0x80 & ntls_ct_eq(u, len));
            if (i >= NTLS_MD_BLOCK - 8) {
                /* In the last block these bytes lie past the 0x80, so x is still zero there. */
                x |= lenbytes[i - (NTLS_MD_BLOCK - 8)] & is_last;
            }
            blk[i] = (uint8_t)x;
        }
        ntls_md_compress(id, state, blk, 1);
        ntls_ct_memcpy_if(is_last, kept, state, sizeof kept);
    }
    ntls_md_put_digest(id, kept, digest);
    ntls_zeroize(state, sizeof state);
    ntls_zeroize(kept, sizeof kept);
    ntls_zeroize(blk, sizeof blk);
    ntls_zeroize(lenbytes, sizeof lenbytes);
}

void ntls_hmac_final_ct(struct ntls_hmac *m, const uint8_t *data, size_t data_len, size_t min_len,
                        size_t max_len, uint8_t *out)
{
    if (m->id != NTLS_HASH_MD5 && m->id != NTLS_HASH_SHA1) {
        abort(); /* a caller bug: only the record MACs of TLS 1.0 CBC suites come here */
    }
    /* No check of data_len here, not even an assert: that would branch on the secret. Out of range it
     * gives a wrong MAC, and still reads nothing outside data[0..max_len). */
    assert(min_len <= max_len && max_len < ((size_t)1 << 30));
    struct ntls_md_ctx *c = ntls_md_of(&m->running);

    /* The first min_len bytes are surely in the message: hash them the fast way up to the last block
     * boundary they reach. That length depends on min_len and the header only, never on data_len. */
    uint64_t done = c->count * NTLS_MD_BLOCK + c->index;
    uint64_t boundary = (done + min_len) & ~(uint64_t)(NTLS_MD_BLOCK - 1);
    size_t skip = boundary > done ? (size_t)(boundary - done) : 0;
    ntls_hmac_update(m, data, skip);

    uint8_t ih[NTLS_HASH_MAX_SIZE];
    md_tail_ct(c, m->id, data + skip, (uint32_t)(data_len - skip), (uint32_t)(max_len - skip), ih);
    hmac_outer(m, ih, out);
    ntls_zeroize(ih, sizeof ih);
}
