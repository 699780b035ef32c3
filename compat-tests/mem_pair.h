/* A client and a server SSL in one thread over memory BIOs (BIO_s_mem(3)), for the tests that look at
 * what one connection does step by step. Written against the OpenSSL headers only (see tls_pair.h). */
#ifndef COMPAT_TESTS_MEM_PAIR_H
#define COMPAT_TESTS_MEM_PAIR_H

#include <openssl/ssl.h>

struct mem_pair {
    SSL *c, *s;
    BIO *c_in, *c_out, *s_in, *s_out; /* owned by the SSLs */
};

/* New SSLs of cctx and sctx, client and server, over memory BIOs. */
void mem_pair_new(struct mem_pair *p, SSL_CTX *cctx, SSL_CTX *sctx);
/* Moves every byte each side has written to the other. */
void mem_pair_move(struct mem_pair *p);
/* Runs both handshakes to their end; 1 when both returned 1. rc and rs (may be NULL) get the last
 * return values. */
int mem_pair_handshake(struct mem_pair *p, int *rc, int *rs);
void mem_pair_free(struct mem_pair *p);

#endif
