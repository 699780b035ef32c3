/* nettls: MD5, SHA-1, SHA-2 and MD5||SHA-1 over Nettle, in the fixed storage of struct ntls_hash.
 *
 * SHA-224..512 are Nettle's own contexts. MD5 and SHA-1 keep their block buffer here and call Nettle's
 * exported compression functions directly on whole blocks of the caller's input (no copy), exactly as
 * Nettle's md5_update/sha1_update do, so every compression can be counted (sym_internal.h). */
#include <assert.h>
#include <stdlib.h>
#include <string.h>

#include <nettle/md4.h>
#include <nettle/md5.h>
#include <nettle/sha1.h>
#include <nettle/sha2.h>
#include <nettle/version.h>

#include "../base/mem.h"
#include "sym_internal.h"

/* Nettle 4 dropped the length argument of the *_digest functions: they always write the full digest. */
#if NETTLE_VERSION_MAJOR >= 4
#define NTLS_NETTLE_DIGEST(fn, ctx, size, out) fn(ctx, out)
#else
#define NTLS_NETTLE_DIGEST(fn, ctx, size, out) fn(ctx, size, out)
#endif

struct ntls_md5sha1_ctx {
    struct ntls_md_ctx md5, sha1;
};

_Static_assert(sizeof(struct ntls_md5sha1_ctx) <= NTLS_HASH_STATE_SIZE, "MD5SHA1 state does not fit");
_Static_assert(sizeof(struct sha256_ctx) <= NTLS_HASH_STATE_SIZE, "sha256_ctx does not fit");
_Static_assert(sizeof(struct sha512_ctx) <= NTLS_HASH_STATE_SIZE, "sha512_ctx does not fit");
_Static_assert(sizeof(struct md4_ctx) <= NTLS_HASH_STATE_SIZE, "md4_ctx does not fit");
_Static_assert(_Alignof(struct ntls_md5sha1_ctx) <= 16, "MD5SHA1 state needs more alignment");
_Static_assert(_Alignof(struct sha256_ctx) <= 16, "sha256_ctx needs more alignment");
_Static_assert(_Alignof(struct sha512_ctx) <= 16, "sha512_ctx needs more alignment");
_Static_assert(NTLS_HASH_MAX_SIZE >= SHA512_DIGEST_SIZE && NTLS_HASH_MAX_BLOCK >= SHA512_BLOCK_SIZE,
               "limits in crypto.h too small");
_Static_assert(MD5_BLOCK_SIZE == NTLS_MD_BLOCK && SHA1_BLOCK_SIZE == NTLS_MD_BLOCK, "block sizes");

static _Thread_local unsigned long compress_calls;

unsigned long ntls_hash_compress_count(void)
{
    return compress_calls;
}

void ntls_md_compress(enum ntls_hash_id id, uint32_t *state, const uint8_t *p, size_t n)
{
    compress_calls += n;
    if (id == NTLS_HASH_MD5) {
        for (; n > 0; n--, p += NTLS_MD_BLOCK) {
            nettle_md5_compress(state, p);
        }
    } else {
        for (; n > 0; n--, p += NTLS_MD_BLOCK) {
            nettle_sha1_compress(state, p);
        }
    }
}

void ntls_md_put_digest(enum ntls_hash_id id, const uint32_t *state, uint8_t *out)
{
    if (id == NTLS_HASH_MD5) {
        for (int i = 0; i < 4; i++) {
            out[4 * i] = (uint8_t)state[i];
            out[4 * i + 1] = (uint8_t)(state[i] >> 8);
            out[4 * i + 2] = (uint8_t)(state[i] >> 16);
            out[4 * i + 3] = (uint8_t)(state[i] >> 24);
        }
    } else {
        for (int i = 0; i < 5; i++) {
            out[4 * i] = (uint8_t)(state[i] >> 24);
            out[4 * i + 1] = (uint8_t)(state[i] >> 16);
            out[4 * i + 2] = (uint8_t)(state[i] >> 8);
            out[4 * i + 3] = (uint8_t)state[i];
        }
    }
}

static void md_init(struct ntls_md_ctx *c, enum ntls_hash_id id)
{
    /* RFC 1321 3.3 and FIPS 180-4 5.3.1: the first four words are the same. */
    static const uint32_t iv[5] = { 0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476, 0xc3d2e1f0 };
    memcpy(c->state, iv, sizeof iv);
    if (id == NTLS_HASH_MD5) {
        c->state[4] = 0;
    }
    c->index = 0;
    c->count = 0;
}

static void md_update(struct ntls_md_ctx *c, enum ntls_hash_id id, const uint8_t *p, size_t len)
{
    if (c->index != 0) {
        size_t room = NTLS_MD_BLOCK - c->index;
        if (len < room) {
            memcpy(c->block + c->index, p, len);
            c->index += (uint32_t)len;
            return;
        }
        memcpy(c->block + c->index, p, room);
        ntls_md_compress(id, c->state, c->block, 1);
        c->count++;
        p += room;
        len -= room;
    }
    size_t n = len / NTLS_MD_BLOCK;
    if (n > 0) {
        ntls_md_compress(id, c->state, p, n); /* straight from the caller's buffer */
        c->count += n;
        p += n * NTLS_MD_BLOCK;
        len -= n * NTLS_MD_BLOCK;
    }
    memcpy(c->block, p, len);
    c->index = (uint32_t)len;
}

/* RFC 1321 3.1-3.2 and FIPS 180-4 5.1.1: 0x80, zeros, then the bit length, little-endian for MD5. */
static void md_final(struct ntls_md_ctx *c, enum ntls_hash_id id, uint8_t *out)
{
    uint64_t bits = (c->count * NTLS_MD_BLOCK + c->index) * 8;
    size_t i = c->index;
    c->block[i++] = 0x80;
    if (i > NTLS_MD_BLOCK - 8) {
        memset(c->block + i, 0, NTLS_MD_BLOCK - i);
        ntls_md_compress(id, c->state, c->block, 1);
        i = 0;
    }
    memset(c->block + i, 0, NTLS_MD_BLOCK - 8 - i);
    for (int k = 0; k < 8; k++) {
        int shift = id == NTLS_HASH_MD5 ? 8 * k : 56 - 8 * k;
        c->block[NTLS_MD_BLOCK - 8 + k] = (uint8_t)(bits >> shift);
    }
    ntls_md_compress(id, c->state, c->block, 1);
    ntls_md_put_digest(id, c->state, out);
    ntls_zeroize(c, sizeof *c);
    md_init(c, id);
}

static _Noreturn void bad_id(void)
{
    abort(); /* a caller bug: an id outside the enum */
}

size_t ntls_hash_size(enum ntls_hash_id id)
{
    static const size_t sizes[NTLS_HASH__COUNT] = {
        [NTLS_HASH_MD5] = MD5_DIGEST_SIZE,       [NTLS_HASH_SHA1] = SHA1_DIGEST_SIZE,
        [NTLS_HASH_SHA224] = SHA224_DIGEST_SIZE, [NTLS_HASH_SHA256] = SHA256_DIGEST_SIZE,
        [NTLS_HASH_SHA384] = SHA384_DIGEST_SIZE, [NTLS_HASH_SHA512] = SHA512_DIGEST_SIZE,
        [NTLS_HASH_MD5SHA1] = MD5_DIGEST_SIZE + SHA1_DIGEST_SIZE, [NTLS_HASH_MD4] = MD4_DIGEST_SIZE,
    };
    if ((unsigned)id >= NTLS_HASH__COUNT) {
        bad_id();
    }
    return sizes[id];
}

size_t ntls_hash_block_size(enum ntls_hash_id id)
{
    switch (id) {
    case NTLS_HASH_SHA384:
    case NTLS_HASH_SHA512:
        return SHA512_BLOCK_SIZE;
    case NTLS_HASH_MD5:
    case NTLS_HASH_SHA1:
    case NTLS_HASH_SHA224:
    case NTLS_HASH_SHA256:
    case NTLS_HASH_MD5SHA1:
    case NTLS_HASH_MD4:
        return 64;
    default:
        bad_id();
    }
}

void ntls_hash_init(struct ntls_hash *h, enum ntls_hash_id id)
{
    h->id = id;
    void *s = h->state;
    switch (id) {
    case NTLS_HASH_MD5:
    case NTLS_HASH_SHA1:
        md_init(s, id);
        break;
    case NTLS_HASH_MD5SHA1:
        md_init(&((struct ntls_md5sha1_ctx *)s)->md5, NTLS_HASH_MD5);
        md_init(&((struct ntls_md5sha1_ctx *)s)->sha1, NTLS_HASH_SHA1);
        break;
    case NTLS_HASH_SHA224:
        sha224_init(s);
        break;
    case NTLS_HASH_SHA256:
        sha256_init(s);
        break;
    case NTLS_HASH_SHA384:
        sha384_init(s);
        break;
    case NTLS_HASH_SHA512:
        sha512_init(s);
        break;
    case NTLS_HASH_MD4:
        md4_init(s);
        break;
    default:
        bad_id();
    }
}

void ntls_hash_update(struct ntls_hash *h, const void *data, size_t len)
{
    void *s = h->state;
    if (len == 0) {
        return; /* data may be NULL then */
    }
    switch (h->id) {
    case NTLS_HASH_MD5:
    case NTLS_HASH_SHA1:
        md_update(s, h->id, data, len);
        break;
    case NTLS_HASH_MD5SHA1:
        md_update(&((struct ntls_md5sha1_ctx *)s)->md5, NTLS_HASH_MD5, data, len);
        md_update(&((struct ntls_md5sha1_ctx *)s)->sha1, NTLS_HASH_SHA1, data, len);
        break;
    case NTLS_HASH_SHA224:
    case NTLS_HASH_SHA256:
        sha256_update(s, len, data); /* sha224_update is the same function */
        break;
    case NTLS_HASH_SHA384:
    case NTLS_HASH_SHA512:
        sha512_update(s, len, data);
        break;
    case NTLS_HASH_MD4:
        md4_update(s, len, data);
        break;
    default:
        bad_id();
    }
}

void ntls_hash_final(struct ntls_hash *h, uint8_t *out)
{
    void *s = h->state;
    switch (h->id) {
    case NTLS_HASH_MD5:
    case NTLS_HASH_SHA1:
        md_final(s, h->id, out);
        break;
    case NTLS_HASH_MD5SHA1:
        md_final(&((struct ntls_md5sha1_ctx *)s)->md5, NTLS_HASH_MD5, out);
        md_final(&((struct ntls_md5sha1_ctx *)s)->sha1, NTLS_HASH_SHA1, out + MD5_DIGEST_SIZE);
        break;
    case NTLS_HASH_SHA224: /* Nettle's *_digest re-initialises the context */
        NTLS_NETTLE_DIGEST(sha224_digest, s, SHA224_DIGEST_SIZE, out);
        break;
    case NTLS_HASH_SHA256:
        NTLS_NETTLE_DIGEST(sha256_digest, s, SHA256_DIGEST_SIZE, out);
        break;
    case NTLS_HASH_SHA384:
        NTLS_NETTLE_DIGEST(sha384_digest, s, SHA384_DIGEST_SIZE, out);
        break;
    case NTLS_HASH_SHA512:
        NTLS_NETTLE_DIGEST(sha512_digest, s, SHA512_DIGEST_SIZE, out);
        break;
    case NTLS_HASH_MD4:
        NTLS_NETTLE_DIGEST(md4_digest, s, MD4_DIGEST_SIZE, out);
        break;
    default:
        bad_id();
    }
}

void ntls_hash_oneshot(enum ntls_hash_id id, const void *data, size_t len, uint8_t *out)
{
    struct ntls_hash h;
    ntls_hash_init(&h, id);
    ntls_hash_update(&h, data, len);
    ntls_hash_final(&h, out);
    ntls_hash_wipe(&h);
}

void ntls_hash_wipe(struct ntls_hash *h)
{
    ntls_zeroize(h->state, sizeof h->state);
}
