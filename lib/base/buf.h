/* nettls: the one bounds-checked reader and the one writer for wire data.
 *
 * Every parser reads through a struct ntls_cur: each read checks the remaining length first and fails with
 * NTLS_E_DECODE, leaving the cursor unchanged, when the bytes are not there. Every builder writes through a
 * struct ntls_wr: writes never fail one by one; the first one that does not fit sets a sticky overflow flag
 * that ntls_wr_done() reports. No other code does pointer arithmetic on wire data. */
#ifndef NTLS_BASE_BUF_H
#define NTLS_BASE_BUF_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "err.h"

/* A borrowed view of bytes still to be read. Never owns its memory. */
struct ntls_cur {
    const uint8_t *p;
    size_t len;
};

static inline struct ntls_cur ntls_cur_init(const void *p, size_t len)
{
    return (struct ntls_cur){ (const uint8_t *)p, len };
}

static inline bool ntls_cur_empty(const struct ntls_cur *c)
{
    return c->len == 0;
}

NTLS_MUST_CHECK ntls_result ntls_cur_u8(struct ntls_cur *c, uint8_t *v);
NTLS_MUST_CHECK ntls_result ntls_cur_u16(struct ntls_cur *c, uint16_t *v);
NTLS_MUST_CHECK ntls_result ntls_cur_u24(struct ntls_cur *c, uint32_t *v);
NTLS_MUST_CHECK ntls_result ntls_cur_u32(struct ntls_cur *c, uint32_t *v);
NTLS_MUST_CHECK ntls_result ntls_cur_u64(struct ntls_cur *c, uint64_t *v);
/* Copies n bytes to dst and advances. */
NTLS_MUST_CHECK ntls_result ntls_cur_copy(struct ntls_cur *c, void *dst, size_t n);
/* Splits off the next n bytes as a view of their own (no copy). */
NTLS_MUST_CHECK ntls_result ntls_cur_take(struct ntls_cur *c, size_t n, struct ntls_cur *part);
NTLS_MUST_CHECK ntls_result ntls_cur_skip(struct ntls_cur *c, size_t n);
/* Length-prefixed vectors (RFC 2246 4.3): the prefix, then exactly that many bytes as *inner. */
NTLS_MUST_CHECK ntls_result ntls_cur_vec8(struct ntls_cur *c, struct ntls_cur *inner);
NTLS_MUST_CHECK ntls_result ntls_cur_vec16(struct ntls_cur *c, struct ntls_cur *inner);
NTLS_MUST_CHECK ntls_result ntls_cur_vec24(struct ntls_cur *c, struct ntls_cur *inner);
/* NTLS_E_DECODE unless every byte has been read: trailing bytes are an error in TLS and in DER. */
NTLS_MUST_CHECK ntls_result ntls_cur_end(const struct ntls_cur *c);

/* A writer over a caller-owned buffer of cap bytes. */
struct ntls_wr {
    uint8_t *p;
    size_t cap, len;
    bool overflow;
};

static inline struct ntls_wr ntls_wr_init(void *p, size_t cap)
{
    return (struct ntls_wr){ (uint8_t *)p, cap, 0, false };
}

void ntls_wr_u8(struct ntls_wr *w, uint8_t v);
void ntls_wr_u16(struct ntls_wr *w, uint16_t v);
void ntls_wr_u24(struct ntls_wr *w, uint32_t v);
void ntls_wr_u32(struct ntls_wr *w, uint32_t v);
void ntls_wr_u64(struct ntls_wr *w, uint64_t v);
void ntls_wr_bytes(struct ntls_wr *w, const void *src, size_t n);
/* Reserves n bytes and returns where they start, for the caller to fill; NULL (and overflow) if they do
 * not fit. */
uint8_t *ntls_wr_reserve(struct ntls_wr *w, size_t n);

/* Length prefixes written after the body: open reserves the prefix and returns a mark, close fills it in
 * (overflow if the body is too long for the prefix). */
size_t ntls_wr_vec8_open(struct ntls_wr *w);
void ntls_wr_vec8_close(struct ntls_wr *w, size_t mark);
size_t ntls_wr_vec16_open(struct ntls_wr *w);
void ntls_wr_vec16_close(struct ntls_wr *w, size_t mark);
size_t ntls_wr_vec24_open(struct ntls_wr *w);
void ntls_wr_vec24_close(struct ntls_wr *w, size_t mark);

/* NTLS_E_INTERNAL if any write overflowed, since the caller sized the buffer. */
NTLS_MUST_CHECK ntls_result ntls_wr_done(const struct ntls_wr *w);

#endif
