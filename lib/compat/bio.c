/* nettls: the BIO core of OpenSSL 1.1.0: creation, references, and the calls that dispatch to a method.
 *
 * Return values follow 1.1.0: BIO_read/BIO_write give the byte count, 0 or -1 (with the retry flags
 * telling a temporary condition from an error), and -2 when the method does not do that operation. */
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <openssl/bio.h>
#include <openssl/err.h>

#include "bio_local.h"

BIO *BIO_new(const BIO_METHOD *method)
{
    if (method == NULL) {
        BIOerr(0, BIO_R_NULL_PARAMETER);
        return NULL;
    }
    BIO *b = calloc(1, sizeof *b);
    if (b == NULL) {
        BIOerr(0, ERR_R_MALLOC_FAILURE);
        return NULL;
    }
    b->method = method;
    b->shutdown = BIO_CLOSE;
    b->num = -1;
    atomic_init(&b->refs, 1);
    if (method->create != NULL && !method->create(b)) {
        free(b);
        return NULL;
    }
    return b;
}

int BIO_up_ref(BIO *a)
{
    atomic_fetch_add(&a->refs, 1);
    return 1;
}

int BIO_free(BIO *a)
{
    if (a == NULL) {
        return 0;
    }
    if (atomic_fetch_sub(&a->refs, 1) > 1) {
        return 1;
    }
    long cb_ret;
    if (!ntls_bio_cb_before(a, BIO_CB_FREE, NULL, 0, 0L, &cb_ret)) {
        return (int)cb_ret;
    }
    if (a->method->destroy != NULL) {
        a->method->destroy(a);
    }
    free(a);
    return 1;
}

void BIO_vfree(BIO *a)
{
    BIO_free(a);
}

/* nettls has no filter BIOs, so a chain is one BIO long. */
void BIO_free_all(BIO *a)
{
    BIO_free(a);
}

int BIO_read(BIO *b, void *data, int len)
{
    if (b == NULL || b->method->bread == NULL) {
        BIOerr(0, BIO_R_UNSUPPORTED_METHOD);
        return -2;
    }
    long ret;
    if (!ntls_bio_cb_before(b, BIO_CB_READ, data, len, 0L, &ret)) {
        return (int)ret;
    }
    ret = len <= 0 ? 0 : b->method->bread(b, data, len);
    ntls_bio_count(&b->num_read, ret);
    return (int)ntls_bio_cb_after(b, BIO_CB_READ, data, len, 0L, ret);
}

int BIO_write(BIO *b, const void *data, int len)
{
    if (b == NULL || b->method->bwrite == NULL) {
        BIOerr(0, BIO_R_UNSUPPORTED_METHOD);
        return -2;
    }
    long ret;
    if (!ntls_bio_cb_before(b, BIO_CB_WRITE, data, len, 0L, &ret)) {
        return (int)ret;
    }
    ret = len <= 0 ? 0 : b->method->bwrite(b, data, len);
    ntls_bio_count(&b->num_write, ret);
    return (int)ntls_bio_cb_after(b, BIO_CB_WRITE, data, len, 0L, ret);
}

int BIO_puts(BIO *b, const char *str)
{
    if (b == NULL || str == NULL) {
        return -2;
    }
    long ret;
    if (!ntls_bio_cb_before(b, BIO_CB_PUTS, str, 0, 0L, &ret)) {
        return (int)ret;
    }
    size_t n = strlen(str);
    if (b->method->bputs != NULL) {
        ret = b->method->bputs(b, str);
    } else if (b->method->bwrite != NULL) { /* without its own puts, a BIO writes the string */
        ret = n == 0 ? 0 : b->method->bwrite(b, str, n > INT_MAX ? INT_MAX : (int)n);
    } else {
        BIOerr(0, BIO_R_UNSUPPORTED_METHOD);
        return -2;
    }
    ntls_bio_count(&b->num_write, ret);
    return (int)ntls_bio_cb_after(b, BIO_CB_PUTS, str, 0, 0L, ret);
}

/* Reads one line (up to size - 1 bytes, the newline included) and NUL-terminates it. */
int BIO_gets(BIO *b, char *buf, int size)
{
    if (b == NULL || b->method->bgets == NULL) {
        BIOerr(0, BIO_R_UNSUPPORTED_METHOD);
        return -2;
    }
    long ret;
    if (!ntls_bio_cb_before(b, BIO_CB_GETS, buf, size, 0L, &ret)) {
        return (int)ret;
    }
    ret = size <= 0 ? 0 : b->method->bgets(b, buf, size);
    return (int)ntls_bio_cb_after(b, BIO_CB_GETS, buf, size, 0L, ret);
}

int BIO_printf(BIO *bio, const char *format, ...)
{
    va_list args;
    va_start(args, format);
    char small[512];
    int n = vsnprintf(small, sizeof small, format, args);
    va_end(args);
    if (n < 0) {
        return -1;
    }
    if ((size_t)n < sizeof small) {
        return BIO_write(bio, small, n);
    }
    char *big = malloc((size_t)n + 1);
    if (big == NULL) {
        return -1;
    }
    va_start(args, format);
    (void)vsnprintf(big, (size_t)n + 1, format, args);
    va_end(args);
    int r = BIO_write(bio, big, n);
    free(big);
    return r;
}

long BIO_ctrl(BIO *b, int cmd, long larg, void *parg)
{
    if (b == NULL) {
        return 0;
    }
    if (b->method->ctrl == NULL) {
        BIOerr(0, BIO_R_UNSUPPORTED_METHOD);
        return -2;
    }
    long ret;
    if (!ntls_bio_cb_before(b, BIO_CB_CTRL, parg, cmd, larg, &ret)) {
        return ret;
    }
    ret = b->method->ctrl(b, cmd, larg, parg);
    return ntls_bio_cb_after(b, BIO_CB_CTRL, parg, cmd, larg, ret);
}

long BIO_int_ctrl(BIO *b, int cmd, long larg, int iarg)
{
    int i = iarg;
    return BIO_ctrl(b, cmd, larg, &i);
}

size_t BIO_ctrl_pending(BIO *b)
{
    long n = BIO_ctrl(b, BIO_CTRL_PENDING, 0, NULL);
    return n > 0 ? (size_t)n : 0;
}

size_t BIO_ctrl_wpending(BIO *b)
{
    long n = BIO_ctrl(b, BIO_CTRL_WPENDING, 0, NULL);
    return n > 0 ? (size_t)n : 0;
}

void BIO_set_flags(BIO *b, int flags)
{
    b->flags |= flags;
}

int BIO_test_flags(const BIO *b, int flags)
{
    return b->flags & flags;
}

void BIO_clear_flags(BIO *b, int flags)
{
    b->flags &= ~flags;
}

int BIO_method_type(const BIO *b)
{
    return b->method->type;
}

long ntls_bio_common_ctrl(BIO *b, int cmd, long larg, void *parg, int *handled)
{
    (void)parg;
    *handled = 1;
    switch (cmd) {
    case BIO_CTRL_GET_CLOSE:
        return b->shutdown;
    case BIO_CTRL_SET_CLOSE:
        b->shutdown = (int)larg;
        return 1;
    case BIO_CTRL_FLUSH:
    case BIO_CTRL_DUP:
        return 1;
    case BIO_CTRL_PENDING:
    case BIO_CTRL_WPENDING:
        return 0;
    default:
        *handled = 0;
        return 0;
    }
}
