/* Threads (man SSL_CTX_new: a context may be shared once set up): 8 threads make 200 connections each over
 * one client SSL_CTX and one server SSL_CTX with its session cache, every other one resuming the thread's
 * previous session. Each connection's two ends run in its thread over memory BIOs. Meant to run clean
 * under ASan (the CI build) and TSan. Built against nettls and against the system OpenSSL 3 (tls_pair.h). */
#include <criterion/criterion.h>
#include <pthread.h>
#include <string.h>

#include <openssl/bio.h>
#include <openssl/crypto.h>
#include <openssl/err.h>
#include <openssl/ssl.h>

#include "tls_pair.h"

#define THREADS 8
#define CONNS 200

static void setup(void)
{
    OPENSSL_init_ssl(0, NULL);
    ERR_clear_error();
}

TestSuite(threads, .init = setup, .timeout = 300);

struct shared {
    SSL_CTX *cctx, *sctx;
};

struct result {
    int ok, resumed, failures;
};

static void move(BIO *from, BIO *to)
{
    char buf[4096];
    int n;
    while ((n = BIO_read(from, buf, sizeof buf)) > 0) {
        if (BIO_write(to, buf, n) != n) {
            return;
        }
    }
}

/* Both ends of one connection over memory BIOs; 1 when the handshake and an echo worked. */
static int one_connection(struct shared *sh, SSL_SESSION **sess, int resume)
{
    SSL *c = SSL_new(sh->cctx), *s = SSL_new(sh->sctx);
    BIO *c_in = BIO_new(BIO_s_mem()), *c_out = BIO_new(BIO_s_mem());
    BIO *s_in = BIO_new(BIO_s_mem()), *s_out = BIO_new(BIO_s_mem());
    if (c == NULL || s == NULL || c_in == NULL || c_out == NULL || s_in == NULL || s_out == NULL) {
        return 0;
    }
    SSL_set_bio(c, c_in, c_out);
    SSL_set_bio(s, s_in, s_out);
    SSL_set_connect_state(c);
    SSL_set_accept_state(s);
    if (resume && *sess != NULL) {
        SSL_set_session(c, *sess);
    }
    int rc = 0, rs = 0;
    for (int i = 0; i < 20 && (rc != 1 || rs != 1); i++) {
        rc = rc == 1 ? 1 : SSL_do_handshake(c);
        rs = rs == 1 ? 1 : SSL_do_handshake(s);
        move(c_out, s_in);
        move(s_out, c_in);
    }
    char buf[16] = { 0 };
    /* The server writes: a TLS 1.0 client may split a record 1/n-1 (nettls does), a server does not. */
    int ok = rc == 1 && rs == 1 && SSL_write(s, "ping", 4) == 4;
    move(s_out, c_in);
    ok = ok && SSL_read(c, buf, sizeof buf) == 4 && memcmp(buf, "ping", 4) == 0;
    ok = ok && (!resume || *sess == NULL || SSL_session_reused(c) == 1);
    ok = ok && SSL_shutdown(c) == 0;
    move(c_out, s_in);
    ok = ok && SSL_read(s, buf, sizeof buf) == 0 && SSL_get_error(s, 0) == SSL_ERROR_ZERO_RETURN;
    ok = ok && SSL_shutdown(s) == 1;
    if (ok && !resume) {
        SSL_SESSION_free(*sess);
        *sess = SSL_get1_session(c);
    }
    ok = ok ? 1 + (SSL_session_reused(s) == 1) : 0;
    SSL_free(c);
    SSL_free(s);
    ERR_clear_error();
    return ok;
}

static void *worker(void *arg)
{
    struct shared *sh = ((void **)arg)[0];
    struct result *res = ((void **)arg)[1];
    SSL_SESSION *sess = NULL;
    for (int i = 0; i < CONNS; i++) {
        int r = one_connection(sh, &sess, i % 2);
        res->ok += r > 0;
        res->resumed += r == 2;
        res->failures += r == 0;
    }
    SSL_SESSION_free(sess);
    ERR_clear_error();
    return NULL;
}

Test(threads, eight_threads_share_one_context_and_cache)
{
    struct shared sh = { tls_client_ctx("AES128-SHA"),
                         tls_server_ctx("AES128-SHA", "server-rsa.pem", "server-rsa.key") };
    cr_assert(sh.cctx != NULL && sh.sctx != NULL);
    static const unsigned char sid_ctx[] = "threads";
    cr_assert_eq(SSL_CTX_set_session_id_context(sh.sctx, sid_ctx, sizeof sid_ctx), 1);
    pthread_t t[THREADS];
    struct result res[THREADS];
    void *args[THREADS][2];
    memset(res, 0, sizeof res);
    for (int i = 0; i < THREADS; i++) {
        args[i][0] = &sh;
        args[i][1] = &res[i];
        cr_assert_eq(pthread_create(&t[i], NULL, worker, args[i]), 0);
    }
    for (int i = 0; i < THREADS; i++) {
        cr_assert_eq(pthread_join(t[i], NULL), 0);
    }
    int ok = 0, resumed = 0;
    for (int i = 0; i < THREADS; i++) {
        cr_expect_eq(res[i].failures, 0, "thread %d: %d failures", i, res[i].failures);
        ok += res[i].ok;
        resumed += res[i].resumed;
    }
    cr_assert_eq(ok, THREADS * CONNS);
    cr_assert_eq(resumed, THREADS * CONNS / 2);
    cr_assert_eq(SSL_CTX_sess_accept_good(sh.sctx), THREADS * CONNS);
    cr_assert_eq(SSL_CTX_sess_connect_good(sh.cctx), THREADS * CONNS);
    cr_assert_eq(SSL_CTX_sess_hits(sh.sctx), THREADS * CONNS / 2);
    cr_assert_eq(SSL_CTX_sess_number(sh.sctx), THREADS * CONNS / 2);
    /* 1.0.x locking hooks are harmless no-ops in 1.1.0 and later. */
    cr_assert_geq(CRYPTO_num_locks(), 1);
    CRYPTO_set_locking_callback(NULL);
    SSL_CTX_free(sh.cctx);
    SSL_CTX_free(sh.sctx);
}
