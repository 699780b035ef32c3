#include "buf.h"

#include <string.h>

/* Reads a big-endian integer of n bytes (n <= 8). */
static ntls_result cur_uint(struct ntls_cur *c, size_t n, uint64_t *v)
{
    NTLS_ENSURE(c->len >= n, NTLS_E_DECODE);
    uint64_t x = 0;
    for (size_t i = 0; i < n; i++) {
        x = (x << 8) | c->p[i];
    }
    c->p += n;
    c->len -= n;
    *v = x;
    return ntls_ok();
}

ntls_result ntls_cur_u8(struct ntls_cur *c, uint8_t *v)
{
    uint64_t x = 0;
    NTLS_TRY(cur_uint(c, 1, &x));
    *v = (uint8_t)x;
    return ntls_ok();
}

ntls_result ntls_cur_u16(struct ntls_cur *c, uint16_t *v)
{
    uint64_t x = 0;
    NTLS_TRY(cur_uint(c, 2, &x));
    *v = (uint16_t)x;
    return ntls_ok();
}

ntls_result ntls_cur_u24(struct ntls_cur *c, uint32_t *v)
{
    uint64_t x = 0;
    NTLS_TRY(cur_uint(c, 3, &x));
    *v = (uint32_t)x;
    return ntls_ok();
}

ntls_result ntls_cur_u32(struct ntls_cur *c, uint32_t *v)
{
    uint64_t x = 0;
    NTLS_TRY(cur_uint(c, 4, &x));
    *v = (uint32_t)x;
    return ntls_ok();
}

ntls_result ntls_cur_u64(struct ntls_cur *c, uint64_t *v)
{
    return cur_uint(c, 8, v);
}

ntls_result ntls_cur_take(struct ntls_cur *c, size_t n, struct ntls_cur *part)
{
    NTLS_ENSURE(c->len >= n, NTLS_E_DECODE);
    *part = ntls_cur_init(c->p, n);
    c->p += n;
    c->len -= n;
    return ntls_ok();
}

ntls_result ntls_cur_copy(struct ntls_cur *c, void *dst, size_t n)
{
    struct ntls_cur part = { NULL, 0 };
    NTLS_TRY(ntls_cur_take(c, n, &part));
    if (n > 0) {
        memcpy(dst, part.p, n);
    }
    return ntls_ok();
}

ntls_result ntls_cur_skip(struct ntls_cur *c, size_t n)
{
    struct ntls_cur part = { NULL, 0 };
    return ntls_cur_take(c, n, &part);
}

/* A vector must not move the cursor when its body is short, so read the prefix from a copy. */
static ntls_result cur_vec(struct ntls_cur *c, size_t prefix, struct ntls_cur *inner)
{
    struct ntls_cur probe = *c;
    uint64_t n = 0;
    NTLS_TRY(cur_uint(&probe, prefix, &n));
    NTLS_TRY(ntls_cur_take(&probe, (size_t)n, inner));
    *c = probe;
    return ntls_ok();
}

ntls_result ntls_cur_vec8(struct ntls_cur *c, struct ntls_cur *inner)
{
    return cur_vec(c, 1, inner);
}

ntls_result ntls_cur_vec16(struct ntls_cur *c, struct ntls_cur *inner)
{
    return cur_vec(c, 2, inner);
}

ntls_result ntls_cur_vec24(struct ntls_cur *c, struct ntls_cur *inner)
{
    return cur_vec(c, 3, inner);
}

ntls_result ntls_cur_end(const struct ntls_cur *c)
{
    NTLS_ENSURE(c->len == 0, NTLS_E_DECODE);
    return ntls_ok();
}

uint8_t *ntls_wr_reserve(struct ntls_wr *w, size_t n)
{
    if (w->overflow || w->cap - w->len < n) {
        w->overflow = true;
        return NULL;
    }
    uint8_t *at = w->p + w->len;
    w->len += n;
    return at;
}

static void put_uint(uint8_t *at, size_t n, uint64_t v)
{
    for (size_t i = n; i-- > 0;) {
        at[i] = (uint8_t)v;
        v >>= 8;
    }
}

static void wr_uint(struct ntls_wr *w, size_t n, uint64_t v)
{
    uint8_t *at = ntls_wr_reserve(w, n);
    if (at != NULL) {
        put_uint(at, n, v);
    }
}

void ntls_wr_u8(struct ntls_wr *w, uint8_t v)
{
    wr_uint(w, 1, v);
}

void ntls_wr_u16(struct ntls_wr *w, uint16_t v)
{
    wr_uint(w, 2, v);
}

void ntls_wr_u24(struct ntls_wr *w, uint32_t v)
{
    wr_uint(w, 3, v);
}

void ntls_wr_u32(struct ntls_wr *w, uint32_t v)
{
    wr_uint(w, 4, v);
}

void ntls_wr_u64(struct ntls_wr *w, uint64_t v)
{
    wr_uint(w, 8, v);
}

void ntls_wr_bytes(struct ntls_wr *w, const void *src, size_t n)
{
    uint8_t *at = ntls_wr_reserve(w, n);
    if (at != NULL && n > 0) {
        memcpy(at, src, n);
    }
}

static size_t vec_open(struct ntls_wr *w, size_t prefix)
{
    size_t mark = w->len;
    (void)ntls_wr_reserve(w, prefix);
    return mark;
}

static void vec_close(struct ntls_wr *w, size_t mark, size_t prefix)
{
    if (w->overflow) {
        return;
    }
    size_t body = w->len - mark - prefix;
    if (prefix < sizeof(size_t) && body >> (8 * prefix) != 0) {
        w->overflow = true;
        return;
    }
    put_uint(w->p + mark, prefix, body);
}

size_t ntls_wr_vec8_open(struct ntls_wr *w)
{
    return vec_open(w, 1);
}

void ntls_wr_vec8_close(struct ntls_wr *w, size_t mark)
{
    vec_close(w, mark, 1);
}

size_t ntls_wr_vec16_open(struct ntls_wr *w)
{
    return vec_open(w, 2);
}

void ntls_wr_vec16_close(struct ntls_wr *w, size_t mark)
{
    vec_close(w, mark, 2);
}

size_t ntls_wr_vec24_open(struct ntls_wr *w)
{
    return vec_open(w, 3);
}

void ntls_wr_vec24_close(struct ntls_wr *w, size_t mark)
{
    vec_close(w, mark, 3);
}

ntls_result ntls_wr_done(const struct ntls_wr *w)
{
    NTLS_ENSURE(!w->overflow, NTLS_E_INTERNAL);
    return ntls_ok();
}
