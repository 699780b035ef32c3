/* nettls: what hash.c and hmac.c share about MD5 and SHA-1. Not part of the crypto.h interface.
 *
 * MD5 and SHA-1 are driven here block by block over Nettle's exported compression functions
 * (nettle_md5_compress, nettle_sha1_compress, the same ones Nettle's own md5_update/sha1_update call), so
 * that every compression is counted for ntls_hash_compress_count() and hmac.c can run the Lucky13-safe
 * tail of a MAC itself. */
#ifndef NTLS_CRYPTO_SYM_INTERNAL_H
#define NTLS_CRYPTO_SYM_INTERNAL_H

#include "crypto.h"

#define NTLS_MD_BLOCK 64

/* The running state of MD5 or SHA-1 inside struct ntls_hash (MD5SHA1 holds two, MD5 first). */
struct ntls_md_ctx {
    uint32_t state[5]; /* 4 words for MD5, 5 for SHA-1 */
    uint32_t index;    /* bytes waiting in block[] */
    uint64_t count;    /* 64-byte blocks compressed so far */
    uint8_t block[NTLS_MD_BLOCK];
};

static inline struct ntls_md_ctx *ntls_md_of(struct ntls_hash *h)
{
    return (struct ntls_md_ctx *)(void *)h->state;
}

/* Runs the compression function of id (MD5 or SHA-1) over n whole blocks at p and counts them. */
void ntls_md_compress(enum ntls_hash_id id, uint32_t *state, const uint8_t *p, size_t n);

/* Writes the digest held in state: MD5 words little-endian, SHA-1 words big-endian. */
void ntls_md_put_digest(enum ntls_hash_id id, const uint32_t *state, uint8_t *out);

#endif
