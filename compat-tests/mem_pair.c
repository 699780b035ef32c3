/* See mem_pair.h. */
#include "mem_pair.h"

#include <criterion/criterion.h>

#include <openssl/bio.h>

void mem_pair_new(struct mem_pair *p, SSL_CTX *cctx, SSL_CTX *sctx)
{
    p->c = SSL_new(cctx);
    p->s = SSL_new(sctx);
    p->c_in = BIO_new(BIO_s_mem());
    p->c_out = BIO_new(BIO_s_mem());
    p->s_in = BIO_new(BIO_s_mem());
    p->s_out = BIO_new(BIO_s_mem());
    cr_assert(p->c != NULL && p->s != NULL && p->c_in != NULL && p->c_out != NULL && p->s_in != NULL &&
              p->s_out != NULL);
    SSL_set_bio(p->c, p->c_in, p->c_out);
    SSL_set_bio(p->s, p->s_in, p->s_out);
    SSL_set_connect_state(p->c);
    SSL_set_accept_state(p->s);
}

static void move_one(BIO *from, BIO *to)
{
    char buf[4096];
    int n;
    while ((n = BIO_read(from, buf, sizeof buf)) > 0) {
        cr_assert_eq(BIO_write(to, buf, n), n);
    }
}

void mem_pair_move(struct mem_pair *p)
{
    move_one(p->c_out, p->s_in);
    move_one(p->s_out, p->c_in);
}

int mem_pair_handshake(struct mem_pair *p, int *rc, int *rs)
{
    int c = 0, s = 0;
    for (int i = 0; i < 20; i++) {
        c = c == 1 ? 1 : SSL_do_handshake(p->c);
        s = s == 1 ? 1 : SSL_do_handshake(p->s);
        /* Asked before the BIOs move: writing to a BIO clears its retry flags. */
        int stuck = (c <= 0 && SSL_get_error(p->c, c) != SSL_ERROR_WANT_READ) ||
                    (s <= 0 && SSL_get_error(p->s, s) != SSL_ERROR_WANT_READ);
        mem_pair_move(p);
        if (stuck || (c == 1 && s == 1)) {
            break;
        }
    }
    if (rc != NULL) {
        *rc = c;
    }
    if (rs != NULL) {
        *rs = s;
    }
    return c == 1 && s == 1;
}

void mem_pair_free(struct mem_pair *p)
{
    SSL_free(p->c);
    SSL_free(p->s);
    p->c = p->s = NULL;
}
