/* nettls: BIO pairs (BIO_s_bio, BIO_new_bio_pair; man BIO_s_bio), OpenSSL 1.1.0's bss_bio.c semantics.
 *
 * Each half owns a ring buffer holding what it wrote and its peer has not read yet. Reading from an empty
 * buffer asks to retry (-1 with the read retry flag) and records how much was wanted (the "read
 * request"), unless the writer shut its side (BIO_shutdown_wr): then it reads 0, end of file. Writing to
 * a full buffer asks to retry; writing after BIO_shutdown_wr is a broken pipe. Freeing one half unpairs
 * the other, which then reads 0 and writes nothing. Not thread-safe, as in OpenSSL. */
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include <openssl/bio.h>
#include <openssl/err.h>

#include "bio_local.h"

enum { DEFAULT_BUF_SIZE = 17 * 1024 };

struct bio_pair {
    BIO *peer;      /* NULL when unpaired */
    int closed;     /* BIO_shutdown_wr: no more writes */
    size_t len;     /* bytes waiting in buf */
    size_t offset;  /* where they start */
    size_t size;    /* capacity of buf */
    char *buf;      /* allocated when paired */
    size_t request; /* how much a failed read of the peer wanted */
};

static int pair_create(BIO *b)
{
    struct bio_pair *p = calloc(1, sizeof *p);
    if (p == NULL) {
        BIOerr(0, ERR_R_MALLOC_FAILURE);
        return 0;
    }
    p->size = DEFAULT_BUF_SIZE;
    b->ptr = p;
    b->init = 0; /* usable once paired */
    return 1;
}

static void unpair(BIO *b)
{
    struct bio_pair *p = b->ptr;
    if (p == NULL || p->peer == NULL) {
        return;
    }
    BIO *peer = p->peer;
    struct bio_pair *q = peer->ptr;
    q->peer = NULL;
    q->len = q->offset = 0;
    peer->init = 0;
    p->peer = NULL;
    p->len = p->offset = 0;
    b->init = 0;
}

static int pair_destroy(BIO *b)
{
    struct bio_pair *p = b->ptr;
    unpair(b);
    if (p != NULL) {
        free(p->buf);
        free(p);
    }
    b->ptr = NULL;
    return 1;
}

static int pair_read(BIO *b, char *out, int len)
{
    BIO_clear_retry_flags(b);
    if (!b->init) {
        return 0;
    }
    struct bio_pair *q = ((struct bio_pair *)b->ptr)->peer->ptr; /* the peer's buffer holds our input */
    q->request = 0;
    if (q->len == 0) {
        if (q->closed) {
            return 0;
        }
        BIO_set_retry_read(b);
        q->request = (size_t)len <= q->size ? (size_t)len : q->size;
        return -1;
    }
    size_t want = (size_t)len < q->len ? (size_t)len : q->len;
    size_t done = 0;
    while (done < want) { /* at most two runs: up to the end of the ring, then from its start */
        size_t run = q->size - q->offset < want - done ? q->size - q->offset : want - done;
        memcpy(out + done, q->buf + q->offset, run);
        done += run;
        q->len -= run;
        q->offset = q->len == 0 || q->offset + run == q->size ? 0 : q->offset + run;
    }
    return (int)done;
}

static int pair_write(BIO *b, const char *in, int len)
{
    BIO_clear_retry_flags(b);
    if (!b->init) {
        return 0;
    }
    struct bio_pair *p = b->ptr;
    p->request = 0;
    if (p->closed) {
        BIOerr(0, BIO_R_BROKEN_PIPE);
        return -1;
    }
    if (p->len == p->size) {
        BIO_set_retry_write(b);
        return -1;
    }
    size_t want = (size_t)len < p->size - p->len ? (size_t)len : p->size - p->len;
    size_t done = 0;
    while (done < want) { /* at most two runs: up to the end of the ring, then from its start */
        size_t at = (p->offset + p->len) % p->size;
        size_t run = p->size - at < want - done ? p->size - at : want - done;
        memcpy(p->buf + at, in + done, run);
        done += run;
        p->len += run;
    }
    return (int)done;
}

static long make_pair(BIO *b1, BIO *b2)
{
    struct bio_pair *p1 = b1->ptr, *p2 = b2 != NULL && b2->method == b1->method ? b2->ptr : NULL;
    if (p2 == NULL || b1 == b2) {
        BIOerr(0, BIO_R_INVALID_ARGUMENT);
        return 0;
    }
    if (p1->peer != NULL || p2->peer != NULL) {
        BIOerr(0, BIO_R_IN_USE);
        return 0;
    }
    struct bio_pair *ps[2] = { p1, p2 };
    for (int i = 0; i < 2; i++) {
        if (ps[i]->buf == NULL && (ps[i]->buf = malloc(ps[i]->size)) == NULL) {
            BIOerr(0, ERR_R_MALLOC_FAILURE);
            return 0;
        }
        ps[i]->len = ps[i]->offset = 0;
        ps[i]->closed = 0;
        ps[i]->request = 0;
    }
    p1->peer = b2;
    p2->peer = b1;
    b1->init = b2->init = 1;
    return 1;
}

static long set_buf_size(BIO *b, long size)
{
    struct bio_pair *p = b->ptr;
    if (p->peer != NULL) {
        BIOerr(0, BIO_R_IN_USE);
        return 0;
    }
    if (size <= 0) {
        BIOerr(0, BIO_R_INVALID_ARGUMENT);
        return 0;
    }
    if (p->size != (size_t)size) {
        free(p->buf);
        p->buf = NULL;
        p->size = (size_t)size;
    }
    return 1;
}

static long clamp(size_t n)
{
    return n > LONG_MAX ? LONG_MAX : (long)n;
}

static long pair_ctrl(BIO *b, int cmd, long larg, void *parg)
{
    struct bio_pair *p = b->ptr;
    struct bio_pair *q = p->peer != NULL ? p->peer->ptr : NULL;
    switch (cmd) {
    case BIO_C_SET_WRITE_BUF_SIZE:
        return set_buf_size(b, larg);
    case BIO_C_GET_WRITE_BUF_SIZE:
        return clamp(p->size);
    case BIO_C_MAKE_BIO_PAIR:
        return make_pair(b, parg);
    case BIO_C_DESTROY_BIO_PAIR:
        unpair(b);
        return 1;
    case BIO_C_GET_WRITE_GUARANTEE: /* how much a write could take now */
        return q == NULL || p->closed ? 0 : clamp(p->size - p->len);
    case BIO_C_GET_READ_REQUEST:
        return clamp(p->request);
    case BIO_C_RESET_READ_REQUEST:
        p->request = 0;
        return 1;
    case BIO_C_SHUTDOWN_WR:
        p->closed = 1;
        return 1;
    case BIO_CTRL_RESET:
        p->len = p->offset = 0;
        return 0;
    case BIO_CTRL_PENDING: /* readable: what the peer wrote */
        return q != NULL ? clamp(q->len) : 0;
    case BIO_CTRL_WPENDING: /* written, not yet read by the peer */
        return p->buf != NULL ? clamp(p->len) : 0;
    case BIO_CTRL_EOF:
        return q == NULL || (q->len == 0 && q->closed);
    default: {
        int handled;
        long r = ntls_bio_common_ctrl(b, cmd, larg, parg, &handled);
        return handled ? r : 0;
    }
    }
}

static const BIO_METHOD pair_method = {
    .type = BIO_TYPE_BIO,
    .name = "BIO pair",
    .bwrite = pair_write,
    .bread = pair_read,
    .ctrl = pair_ctrl,
    .create = pair_create,
    .destroy = pair_destroy,
};

const BIO_METHOD *BIO_s_bio(void)
{
    return &pair_method;
}

int BIO_new_bio_pair(BIO **bio1, size_t writebuf1, BIO **bio2, size_t writebuf2)
{
    BIO *b1 = BIO_new(&pair_method);
    BIO *b2 = b1 != NULL ? BIO_new(&pair_method) : NULL;
    int ok = b2 != NULL && (writebuf1 == 0 || BIO_set_write_buf_size(b1, (long)writebuf1)) &&
             (writebuf2 == 0 || BIO_set_write_buf_size(b2, (long)writebuf2)) && BIO_make_bio_pair(b1, b2);
    if (!ok) {
        BIO_free(b1);
        BIO_free(b2);
        b1 = b2 = NULL;
    }
    *bio1 = b1;
    *bio2 = b2;
    return ok;
}

size_t BIO_ctrl_get_write_guarantee(BIO *b)
{
    long n = BIO_ctrl(b, BIO_C_GET_WRITE_GUARANTEE, 0, NULL);
    return n > 0 ? (size_t)n : 0;
}

size_t BIO_ctrl_get_read_request(BIO *b)
{
    long n = BIO_ctrl(b, BIO_C_GET_READ_REQUEST, 0, NULL);
    return n > 0 ? (size_t)n : 0;
}

int BIO_ctrl_reset_read_request(BIO *b)
{
    return BIO_ctrl(b, BIO_C_RESET_READ_REQUEST, 0, NULL) != 0;
}
