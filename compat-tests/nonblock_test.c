/* Non-blocking I/O (SSL_get_error(3), SSL_read(3), SSL_write(3)): a client and a server in one thread
 * drive the handshake, 1 MiB each way and the close_notify exchange, resuming after every
 * SSL_ERROR_WANT_READ / SSL_ERROR_WANT_WRITE, over three transports: memory BIOs fed a few hundred bytes
 * at a time, a BIO pair with small buffers, and non-blocking TCP sockets on 127.0.0.1 with a poll() loop.
 * Built against nettls and against the system OpenSSL 3 (tls_pair.h). */
#include <criterion/criterion.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include <openssl/bio.h>
#include <openssl/err.h>
#include <openssl/ssl.h>

#include "tls_pair.h"

#define DATA_LEN (1024 * 1024)
#define CHUNK 20000 /* more than one record per SSL_write */

static void setup(void)
{
    signal(SIGPIPE, SIG_IGN);
    OPENSSL_init_ssl(0, NULL);
    ERR_clear_error();
}

TestSuite(nonblock, .init = setup, .timeout = 120);

struct peer {
    SSL *ssl;
    unsigned char *out, *in;
    size_t sent, got;
    int wlen;             /* the length of an SSL_write to repeat after WANT_WRITE, 0 for none */
    int hs_done, closed;  /* handshake finished; SSL_shutdown returned 1 */
    int want_read, want_write;
    short events;         /* POLLIN / POLLOUT: what the calls of the last turn waited for */
    unsigned char *moved; /* SSL_MODE_ACCEPT_MOVING_WRITE_BUFFER: the retry comes from this copy */
};

static void peer_init(struct peer *p, SSL *ssl, unsigned seed)
{
    memset(p, 0, sizeof *p);
    p->ssl = ssl;
    p->out = malloc(DATA_LEN);
    p->in = malloc(DATA_LEN);
    p->moved = malloc(CHUNK);
    cr_assert(p->out != NULL && p->in != NULL && p->moved != NULL);
    for (size_t i = 0; i < DATA_LEN; i++) {
        p->out[i] = (unsigned char)(i * 31u + seed);
    }
}

static void peer_free(struct peer *p)
{
    SSL_free(p->ssl);
    free(p->out);
    free(p->in);
    free(p->moved);
}

/* A call returned r <= 0: the only acceptable reasons are the two retries. */
static void blocked(struct peer *p, int r, const char *what)
{
    int e = SSL_get_error(p->ssl, r);
    cr_assert(e == SSL_ERROR_WANT_READ || e == SSL_ERROR_WANT_WRITE, "%s: ret %d, SSL_get_error %d (%s)",
              what, r, e, ERR_error_string(ERR_peek_error(), NULL));
    cr_assert_eq(ERR_peek_error(), 0);
    if (e == SSL_ERROR_WANT_READ) {
        p->want_read++;
        p->events |= POLLIN;
        cr_assert(SSL_want_read(p->ssl));
    } else {
        p->want_write++;
        p->events |= POLLOUT;
        cr_assert(SSL_want_write(p->ssl));
    }
}

static void write_some(struct peer *p, int moving)
{
    while (p->sent < DATA_LEN) {
        if (p->wlen == 0) {
            size_t left = DATA_LEN - p->sent;
            p->wlen = (int)(left < CHUNK ? left : CHUNK);
        }
        const unsigned char *buf = p->out + p->sent;
        if (moving) { /* the retry passes the same bytes from another place */
            memcpy(p->moved, buf, (size_t)p->wlen);
            buf = p->moved;
        }
        int r = SSL_write(p->ssl, buf, p->wlen);
        if (r <= 0) {
            blocked(p, r, "SSL_write");
            return;
        }
        cr_assert(r <= p->wlen);
        p->sent += (size_t)r;
        p->wlen = 0;
    }
}

static void read_some(struct peer *p)
{
    while (p->got < DATA_LEN) {
        size_t left = DATA_LEN - p->got;
        int r = SSL_read(p->ssl, p->in + p->got, (int)(left < 16384 ? left : 16384));
        if (r <= 0) {
            blocked(p, r, "SSL_read");
            return;
        }
        p->got += (size_t)r;
    }
}

/* One turn of a peer: the handshake, then both directions at once, then closure. */
static void step(struct peer *p, int moving)
{
    p->events = 0;
    if (!p->hs_done) {
        int r = SSL_do_handshake(p->ssl);
        if (r != 1) {
            blocked(p, r, "SSL_do_handshake");
            return;
        }
        p->hs_done = 1;
        cr_assert_eq(SSL_is_init_finished(p->ssl), 1);
    }
    if (p->sent < DATA_LEN || p->got < DATA_LEN) {
        write_some(p, moving);
        read_some(p);
        return;
    }
    if (!p->closed) {
        int r = SSL_shutdown(p->ssl);
        if (r == 1) {
            p->closed = 1;
        } else if (r < 0) {
            blocked(p, r, "SSL_shutdown");
        }
    }
}

static int finished(const struct peer *p)
{
    return p->closed;
}

static void check_data(const struct peer *a, const struct peer *b)
{
    cr_assert_eq(memcmp(a->out, b->in, DATA_LEN), 0);
    cr_assert_eq(memcmp(b->out, a->in, DATA_LEN), 0);
    cr_assert_eq(SSL_get_shutdown(a->ssl), SSL_SENT_SHUTDOWN | SSL_RECEIVED_SHUTDOWN);
    cr_assert_eq(SSL_get_shutdown(b->ssl), SSL_SENT_SHUTDOWN | SSL_RECEIVED_SHUTDOWN);
}

static void make_pair(SSL_CTX **cctx, SSL_CTX **sctx, SSL **c, SSL **s)
{
    *cctx = tls_client_ctx("AES128-SHA");
    *sctx = tls_server_ctx("AES128-SHA", "server-rsa.pem", "server-rsa.key");
    cr_assert(*cctx != NULL && *sctx != NULL);
    *c = SSL_new(*cctx);
    *s = SSL_new(*sctx);
    cr_assert(*c != NULL && *s != NULL);
    SSL_set_connect_state(*c);
    SSL_set_accept_state(*s);
}

/* ---------------------------------------------------------------------------------------------------- */
/* Memory BIOs: an empty one reads as "retry" (BIO_s_mem(3)), so every stall is WANT_READ. */

static size_t shuttle(BIO *from, BIO *to, unsigned *rng)
{
    unsigned char buf[1024];
    *rng = *rng * 1103515245u + 12345u;
    int want = 1 + (int)((*rng >> 16) % sizeof buf); /* records arrive cut anywhere */
    int n = BIO_read(from, buf, want);
    if (n <= 0) {
        return 0;
    }
    cr_assert_eq(BIO_write(to, buf, n), n);
    return (size_t)n;
}

Test(nonblock, memory_bios_both_roles)
{
    SSL_CTX *cctx, *sctx;
    SSL *c, *s;
    make_pair(&cctx, &sctx, &c, &s);
    BIO *c_in = BIO_new(BIO_s_mem()), *c_out = BIO_new(BIO_s_mem());
    BIO *s_in = BIO_new(BIO_s_mem()), *s_out = BIO_new(BIO_s_mem());
    cr_assert(c_in != NULL && c_out != NULL && s_in != NULL && s_out != NULL);
    SSL_set_bio(c, c_in, c_out);
    SSL_set_bio(s, s_in, s_out);
    /* Buffers go back to the heap when idle; records that are not data are read past (1.1.1 made that
     * the default). Neither changes what the application sees here. */
    cr_assert(SSL_set_mode(c, SSL_MODE_RELEASE_BUFFERS) & SSL_MODE_RELEASE_BUFFERS);
    cr_assert(SSL_set_mode(s, SSL_MODE_AUTO_RETRY | SSL_MODE_RELEASE_BUFFERS) & SSL_MODE_AUTO_RETRY);
    SSL_clear_mode(s, SSL_MODE_RELEASE_BUFFERS);
    cr_assert_eq(SSL_get_mode(s) & SSL_MODE_RELEASE_BUFFERS, 0);
    struct peer pc, ps;
    peer_init(&pc, c, 1);
    peer_init(&ps, s, 2);
    unsigned rng = 7;
    for (long turns = 0; !finished(&pc) || !finished(&ps); turns++) {
        cr_assert(turns < 10000000, "no progress");
        step(&pc, 0);
        step(&ps, 0);
        while (shuttle(c_out, s_in, &rng) + shuttle(s_out, c_in, &rng) > 0 && rng % 3 != 0) {
        }
    }
    check_data(&pc, &ps);
    cr_assert_gt(pc.want_read, 100);
    cr_assert_gt(ps.want_read, 100);
    cr_assert_eq(pc.want_write + ps.want_write, 0);
    peer_free(&pc);
    peer_free(&ps);
    SSL_CTX_free(cctx);
    SSL_CTX_free(sctx);
}

/* SSL_pending, SSL_has_pending and SSL_peek over a memory BIO: nothing is decrypted before the first read;
 * a peek decrypts the record and leaves it. */
Test(nonblock, pending_and_peek)
{
    SSL_CTX *cctx, *sctx;
    SSL *c, *s;
    make_pair(&cctx, &sctx, &c, &s);
    BIO *c_in = BIO_new(BIO_s_mem()), *c_out = BIO_new(BIO_s_mem());
    BIO *s_in = BIO_new(BIO_s_mem()), *s_out = BIO_new(BIO_s_mem());
    SSL_set_bio(c, c_in, c_out);
    SSL_set_bio(s, s_in, s_out);
    unsigned rng = 3;
    int rc = -1, rs = -1;
    for (int i = 0; i < 1000 && (rc != 1 || rs != 1); i++) {
        rc = rc == 1 ? 1 : SSL_do_handshake(c);
        rs = rs == 1 ? 1 : SSL_do_handshake(s);
        while (shuttle(c_out, s_in, &rng) + shuttle(s_out, c_in, &rng) > 0) {
        }
    }
    cr_assert(rc == 1 && rs == 1);
    char buf[64];
    cr_assert_eq(SSL_read(s, buf, sizeof buf), -1);
    cr_assert_eq(SSL_get_error(s, -1), SSL_ERROR_WANT_READ);
    /* The server writes: a TLS 1.0 client may split its records 1/n-1 (nettls does), a server does not. */
    SSL *w = s;
    s = c;
    c = w;
    BIO *t = s_out;
    s_out = c_out;
    c_out = t;
    t = s_in;
    s_in = c_in;
    c_in = t;
    cr_assert_eq(SSL_write(c, "hello world", 11), 11);
    while (shuttle(c_out, s_in, &rng) > 0) {
    }
    cr_assert_eq(SSL_pending(s), 0);
    int peeked = SSL_peek(s, buf, 5);
    cr_assert_eq(peeked, 5, "SSL_peek %d, error %d", peeked, SSL_get_error(s, peeked));
    cr_assert_eq(memcmp(buf, "hello", 5), 0);
    cr_assert_eq(SSL_pending(s), 11);
    cr_assert_eq(SSL_has_pending(s), 1);
    cr_assert_eq(SSL_read(s, buf, sizeof buf), 11);
    cr_assert_eq(memcmp(buf, "hello world", 11), 0);
    cr_assert_eq(SSL_pending(s), 0);
    cr_assert_eq(SSL_read(s, buf, sizeof buf), -1);
    cr_assert_eq(SSL_get_error(s, -1), SSL_ERROR_WANT_READ);
    /* close_notify: SSL_ERROR_ZERO_RETURN, then the answer */
    cr_assert_eq(SSL_shutdown(c), 0);
    while (shuttle(c_out, s_in, &rng) > 0) {
    }
    cr_assert_eq(SSL_read(s, buf, sizeof buf), 0);
    cr_assert_eq(SSL_get_error(s, 0), SSL_ERROR_ZERO_RETURN);
    cr_assert_eq(SSL_shutdown(s), 1);
    cr_assert_eq(SSL_shutdown(c), -1);
    cr_assert_eq(SSL_get_error(c, -1), SSL_ERROR_WANT_READ);
    while (shuttle(s_out, c_in, &rng) > 0) {
    }
    cr_assert_eq(SSL_shutdown(c), 1);
    SSL_free(c);
    SSL_free(s);
    SSL_CTX_free(cctx);
    SSL_CTX_free(sctx);
}

/* ---------------------------------------------------------------------------------------------------- */
/* A BIO pair with 512-byte buffers: writes stall too (WANT_WRITE), and partial writes are reported. */

Test(nonblock, bio_pair_want_write_and_partial_writes)
{
    SSL_CTX *cctx, *sctx;
    SSL *c, *s;
    make_pair(&cctx, &sctx, &c, &s);
    BIO *bc = NULL, *bs = NULL;
    cr_assert_eq(BIO_new_bio_pair(&bc, 512, &bs, 512), 1);
    SSL_set_bio(c, bc, bc);
    SSL_set_bio(s, bs, bs);
    SSL_set_mode(c, SSL_MODE_ENABLE_PARTIAL_WRITE);
    cr_assert(SSL_get_mode(c) & SSL_MODE_ENABLE_PARTIAL_WRITE);
    struct peer pc, ps;
    peer_init(&pc, c, 5);
    peer_init(&ps, s, 6);
    for (long turns = 0; !finished(&pc) || !finished(&ps); turns++) {
        cr_assert(turns < 10000000, "no progress");
        step(&pc, 0);
        step(&ps, 0);
    }
    check_data(&pc, &ps);
    cr_assert_gt(pc.want_write, 0);
    cr_assert_gt(ps.want_write, 0);
    cr_assert_gt(pc.want_read + ps.want_read, 0);
    peer_free(&pc);
    peer_free(&ps);
    SSL_CTX_free(cctx);
    SSL_CTX_free(sctx);
}

/* ---------------------------------------------------------------------------------------------------- */
/* Non-blocking TCP sockets on 127.0.0.1 and a poll() loop. The client's retried writes come from a moved
 * buffer (SSL_MODE_ACCEPT_MOVING_WRITE_BUFFER). */

static void nonblocking(int fd)
{
    int small = 32768; /* small send buffers make the writer stall often (smaller ones meet delayed ACKs) */
    cr_assert_eq(setsockopt(fd, SOL_SOCKET, SO_SNDBUF, &small, sizeof small), 0);
    cr_assert_eq(fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK), 0);
}

static void tcp_pair(int *cfd, int *sfd)
{
    struct sockaddr_in a;
    socklen_t len = sizeof a;
    memset(&a, 0, sizeof a);
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    int l = socket(AF_INET, SOCK_STREAM, 0);
    cr_assert(l >= 0);
    cr_assert_eq(bind(l, (struct sockaddr *)&a, sizeof a), 0);
    cr_assert_eq(listen(l, 1), 0);
    cr_assert_eq(getsockname(l, (struct sockaddr *)&a, &len), 0);
    *cfd = socket(AF_INET, SOCK_STREAM, 0);
    cr_assert(*cfd >= 0);
    cr_assert_eq(connect(*cfd, (struct sockaddr *)&a, sizeof a), 0);
    *sfd = accept(l, NULL, NULL);
    cr_assert(*sfd >= 0);
    close(l);
    nonblocking(*cfd);
    nonblocking(*sfd);
}

Test(nonblock, tcp_sockets_poll_loop)
{
    SSL_CTX *cctx, *sctx;
    SSL *c, *s;
    make_pair(&cctx, &sctx, &c, &s);
    int cfd, sfd;
    tcp_pair(&cfd, &sfd);
    cr_assert_eq(SSL_set_fd(c, cfd), 1);
    cr_assert_eq(SSL_set_fd(s, sfd), 1);
    cr_assert_eq(SSL_get_fd(c), cfd);
    SSL_set_mode(c, SSL_MODE_ACCEPT_MOVING_WRITE_BUFFER);
    struct peer pc, ps;
    peer_init(&pc, c, 9);
    peer_init(&ps, s, 10);
    for (long turns = 0; !finished(&pc) || !finished(&ps); turns++) {
        cr_assert(turns < 1000000, "no progress");
        step(&pc, 1);
        step(&ps, 0);
        /* Wait only when neither side can go on: a side that waits for nothing made progress. */
        struct pollfd fds[2] = { { cfd, pc.events, 0 }, { sfd, ps.events, 0 } };
        if ((finished(&pc) && finished(&ps)) || (fds[0].events == 0 && !finished(&pc)) ||
            (fds[1].events == 0 && !finished(&ps))) {
            continue;
        }
        cr_assert_gt(poll(fds, 2, 10000), 0, "poll timed out: client %zu/%zu %d %x, server %zu/%zu %d %x",
                     pc.sent, pc.got, pc.closed, pc.events, ps.sent, ps.got, ps.closed, ps.events);
    }
    check_data(&pc, &ps);
    cr_assert_gt(pc.want_read + ps.want_read, 0);
    cr_assert_gt(pc.want_write + ps.want_write, 0);
    peer_free(&pc);
    peer_free(&ps);
    close(cfd);
    close(sfd);
    SSL_CTX_free(cctx);
    SSL_CTX_free(sctx);
}

/* A transport failure is SSL_ERROR_SYSCALL with errno telling why (SSL_get_error(3)): here the peer's
 * socket is gone, so a write fails with EPIPE or ECONNRESET and nothing is queued. */
Test(nonblock, syscall_error_keeps_errno)
{
    SSL_CTX *cctx, *sctx;
    SSL *c, *s;
    make_pair(&cctx, &sctx, &c, &s);
    int cfd, sfd;
    tcp_pair(&cfd, &sfd);
    cr_assert_eq(SSL_set_fd(c, cfd), 1);
    cr_assert_eq(SSL_set_fd(s, sfd), 1);
    struct peer pc, ps;
    peer_init(&pc, c, 11);
    peer_init(&ps, s, 12);
    for (long turns = 0; !pc.hs_done || !ps.hs_done; turns++) {
        cr_assert(turns < 1000000, "no progress");
        pc.hs_done = pc.hs_done || SSL_do_handshake(c) == 1;
        ps.hs_done = ps.hs_done || SSL_do_handshake(s) == 1;
    }
    close(sfd);
    int r = 1, e = SSL_ERROR_NONE;
    for (int i = 0; i < 1000 && r > 0; i++) {
        errno = 0;
        r = SSL_write(c, pc.out, CHUNK);
        e = SSL_get_error(c, r);
    }
    cr_assert_leq(r, 0);
    cr_assert_eq(e, SSL_ERROR_SYSCALL, "error %d, errno %d", e, errno);
    cr_assert(errno == EPIPE || errno == ECONNRESET, "errno %d", errno);
    cr_assert_eq(ERR_peek_error(), 0);
    peer_free(&pc);
    peer_free(&ps);
    close(cfd);
    SSL_CTX_free(cctx);
    SSL_CTX_free(sctx);
}
