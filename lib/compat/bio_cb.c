/* nettls: BIO callbacks (man BIO_set_callback, OpenSSL 1.1.0's bio_lib.c).
 *
 * A callback sees each operation twice: before it, with ret 1 (a result <= 0 cancels the operation and is
 * returned), and after it, with oper | BIO_CB_RETURN and the operation's result, which it may replace.
 * argp/argi/argl carry the buffer and length (read, write, gets), the string (puts) or parg/cmd/larg
 * (ctrl); BIO_CB_FREE is announced once, before the last reference goes. */
#include <openssl/bio.h>

#include "bio_local.h"

void BIO_set_callback(BIO *b, BIO_callback_fn callback)
{
    b->callback = callback;
}

BIO_callback_fn BIO_get_callback(const BIO *b)
{
    return b->callback;
}

void BIO_set_callback_arg(BIO *b, char *arg)
{
    b->cb_arg = arg;
}

char *BIO_get_callback_arg(const BIO *b)
{
    return b->cb_arg;
}

int ntls_bio_cb_before(BIO *b, int oper, const void *argp, int argi, long argl, long *ret)
{
    if (b->callback == NULL) {
        return 1;
    }
    *ret = b->callback(b, oper, argp, argi, argl, 1L);
    return *ret > 0;
}

long ntls_bio_cb_after(BIO *b, int oper, const void *argp, int argi, long argl, long ret)
{
    if (b->callback == NULL) {
        return ret;
    }
    return b->callback(b, oper | BIO_CB_RETURN, argp, argi, argl, ret);
}
