/* nettls: the memory BIO (BIO_s_mem, BIO_new_mem_buf): a growing buffer written at the end and read
 * from the front. An empty memory BIO reads as "retry" (-1 with the retry flags) unless it is read-only
 * or BIO_set_mem_eof_return() said otherwise, as in OpenSSL. */
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <openssl/bio.h>
#include <openssl/err.h>

#include "bio_local.h"

struct mem_buf {
    char *data;
    size_t len; /* bytes in data, from off */
    size_t off;
    size_t cap;
    int eof_return;
    int rdonly;
};

static int mem_create(BIO *b)
{
    struct mem_buf *m = calloc(1, sizeof *m);
    if (m == NULL) {
        return 0;
    }
    m->eof_return = -1;
    b->ptr = m;
    b->init = 1;
    b->num = -1;
    return 1;
}

static int mem_destroy(BIO *b)
{
    struct mem_buf *m = b->ptr;
    if (m != NULL) {
        if (!m->rdonly) {
            free(m->data);
        }
        free(m);
    }
    b->ptr = NULL;
    return 1;
}

static int mem_read(BIO *b, char *out, int len)
{
    struct mem_buf *m = b->ptr;
    BIO_clear_retry_flags(b);
    if (m->len == 0) {
        if (m->eof_return != 0) {
            BIO_set_retry_read(b);
        }
        return m->eof_return;
    }
    size_t n = (size_t)len < m->len ? (size_t)len : m->len;
    memcpy(out, m->data + m->off, n);
    m->off += n;
    m->len -= n;
    return (int)n;
}

static int mem_write(BIO *b, const char *in, int len)
{
    struct mem_buf *m = b->ptr;
    BIO_clear_retry_flags(b);
    if (m->rdonly) {
        BIOerr(0, BIO_R_WRITE_TO_READ_ONLY_BIO);
        return -1;
    }
    if (m->off > 0) { /* reclaim what has been read */
        memmove(m->data, m->data + m->off, m->len);
        m->off = 0;
    }
    if (m->len + (size_t)len > m->cap) {
        size_t cap = m->cap < 256 ? 256 : m->cap;
        while (cap < m->len + (size_t)len) {
            cap *= 2;
        }
        char *p = realloc(m->data, cap);
        if (p == NULL) {
            BIOerr(0, ERR_R_MALLOC_FAILURE);
            return -1;
        }
        m->data = p;
        m->cap = cap;
    }
    memcpy(m->data + m->len, in, (size_t)len);
    m->len += (size_t)len;
    return len;
}

static int mem_gets(BIO *b, char *buf, int size)
{
    struct mem_buf *m = b->ptr;
    size_t n = 0;
    BIO_clear_retry_flags(b);
    while (n < (size_t)size - 1 && n < m->len) {
        if (m->data[m->off + n++] == '\n') {
            break;
        }
    }
    memcpy(buf, m->data + m->off, n);
    buf[n] = '\0';
    m->off += n;
    m->len -= n;
    return (int)n;
}

static long mem_ctrl(BIO *b, int cmd, long larg, void *parg)
{
    struct mem_buf *m = b->ptr;
    switch (cmd) {
    case BIO_CTRL_RESET:
        if (m->rdonly) {
            m->len += m->off; /* a read-only buffer rewinds to its start */
        } else {
            m->len = 0;
        }
        m->off = 0;
        return 1;
    case BIO_CTRL_EOF:
        return m->len == 0;
    case BIO_C_SET_BUF_MEM_EOF_RETURN:
        m->eof_return = (int)larg;
        return 1;
    case BIO_CTRL_INFO:
        if (parg != NULL) {
            *(char **)parg = m->data + m->off;
        }
        return (long)m->len;
    case BIO_CTRL_PENDING:
        return m->len > LONG_MAX ? LONG_MAX : (long)m->len;
    case BIO_CTRL_WPENDING:
        return 0;
    case BIO_CTRL_GET_CLOSE:
        return b->shutdown;
    case BIO_CTRL_SET_CLOSE:
        b->shutdown = (int)larg;
        return 1;
    case BIO_CTRL_FLUSH:
    case BIO_CTRL_DUP:
        return 1;
    default:
        return 0;
    }
}

static const BIO_METHOD mem_method = {
    .type = BIO_TYPE_MEM,
    .name = "memory buffer",
    .bwrite = mem_write,
    .bread = mem_read,
    .bgets = mem_gets,
    .ctrl = mem_ctrl,
    .create = mem_create,
    .destroy = mem_destroy,
};

const BIO_METHOD *BIO_s_mem(void)
{
    return &mem_method;
}

BIO *BIO_new_mem_buf(const void *buf, int len)
{
    if (buf == NULL) {
        BIOerr(0, BIO_R_NULL_PARAMETER);
        return NULL;
    }
    size_t n = len < 0 ? strlen(buf) : (size_t)len;
    BIO *b = BIO_new(&mem_method);
    if (b == NULL) {
        return NULL;
    }
    struct mem_buf *m = b->ptr;
    m->data = (char *)(uintptr_t)buf; /* read-only: never written through */
    m->len = n;
    m->cap = n;
    m->rdonly = 1;
    m->eof_return = 0;
    return b;
}
