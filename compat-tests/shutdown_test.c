/* Closure (RFC 2246 7.2.1) through SSL_shutdown, SSL_read and SSL_get_error: the close_notify exchange,
 * and an EOF without close_notify, which makes the session not resumable. Built against nettls and
 * against the system OpenSSL 3 (see tls_pair.h: the EOF is reported differently). */
#include <criterion/criterion.h>
#include <signal.h>
#include <errno.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include <openssl/err.h>
#include <openssl/ssl.h>

#include "tls_pair.h"

static void setup(void)
{
    signal(SIGPIPE, SIG_IGN); /* a peer that has gone is an error to report, as in real programs */
    OPENSSL_init_ssl(0, NULL);
    ERR_clear_error();
}

TestSuite(shutdown, .init = setup, .timeout = 60);

struct close_log {
    int first, second, read_ret, read_err, write_ret, write_reason, shutdown_flags;
};

/* The client: one byte each way, then SSL_shutdown twice. */
static void closing_client(struct tls_side *side)
{
    struct close_log *log = side->arg;
    tls_do_connect(side);
    char c = 'x';
    if (side->ret != 1 || SSL_write(side->ssl, &c, 1) != 1 || SSL_read(side->ssl, &c, 1) != 1) {
        return;
    }
    log->first = SSL_shutdown(side->ssl);
    log->write_ret = SSL_write(side->ssl, &c, 1);
    log->write_reason = tls_reason();
    ERR_clear_error();
    log->second = SSL_shutdown(side->ssl);
    log->shutdown_flags = SSL_get_shutdown(side->ssl);
}

/* The server: echoes one byte, reads the close_notify, answers it. */
static void answering_server(struct tls_side *side)
{
    struct close_log *log = side->arg;
    tls_do_accept(side);
    char c;
    if (side->ret != 1 || SSL_read(side->ssl, &c, 1) != 1 || SSL_write(side->ssl, &c, 1) != 1) {
        return;
    }
    log->read_ret = SSL_read(side->ssl, &c, 1);
    log->read_err = SSL_get_error(side->ssl, log->read_ret);
    log->shutdown_flags = SSL_get_shutdown(side->ssl);
    log->first = SSL_shutdown(side->ssl);
}

Test(shutdown, close_notify_both_ways)
{
    SSL_CTX *sctx = tls_server_ctx("AES128-SHA", "server-rsa.pem", "server-rsa.key");
    SSL_CTX *cctx = tls_client_ctx("AES128-SHA");
    struct close_log clog = { -9, -9, -9, -9, -9, -9, -9 }, slog = { -9, -9, -9, -9, -9, -9, -9 };
    struct tls_side client = { .run = closing_client, .arg = &clog };
    struct tls_side server = { .run = answering_server, .arg = &slog };
    tls_run(cctx, &client, sctx, &server);
    cr_assert(client.ret == 1 && server.ret == 1);
    cr_assert_eq(clog.first, 0, "close_notify sent, the peer's not yet seen");
    cr_assert_eq(clog.write_ret, -1);
    cr_assert_eq(clog.write_reason, SSL_R_PROTOCOL_IS_SHUTDOWN);
    cr_assert_eq(slog.read_ret, 0);
    cr_assert_eq(slog.read_err, SSL_ERROR_ZERO_RETURN);
    cr_assert(slog.shutdown_flags & SSL_RECEIVED_SHUTDOWN);
    cr_assert_eq(slog.first, 1, "the peer's close_notify had arrived: done at once");
    cr_assert_eq(clog.second, 1, "the second call waits for the peer's close_notify");
    cr_assert_eq(clog.shutdown_flags, SSL_SENT_SHUTDOWN | SSL_RECEIVED_SHUTDOWN);
    tls_sides_free(&client, &server);
    SSL_CTX_free(sctx);
    SSL_CTX_free(cctx);
}

Test(shutdown, before_the_handshake_is_an_error)
{
    SSL_CTX *ctx = tls_client_ctx("AES128-SHA");
    SSL *ssl = SSL_new(ctx);
    cr_assert_eq(SSL_shutdown(ssl), -1);
    cr_assert_eq(tls_reason(), SSL_R_UNINITIALIZED);
    ERR_clear_error();
    SSL_free(ssl);
    SSL_CTX_free(ctx);
}

/* ---------------------------------------------------------------------------------------------------- */
/* EOF without close_notify */

struct eof_log {
    int ret, err, queue_empty;
    SSL_SESSION *session;
};

static void eof_client(struct tls_side *side)
{
    struct eof_log *log = side->arg;
    tls_do_connect(side);
    if (side->ret != 1) {
        return;
    }
    char c;
    errno = 0;
    log->ret = SSL_read(side->ssl, &c, 1);
    log->err = SSL_get_error(side->ssl, log->ret);
    log->queue_empty = ERR_peek_error() == 0;
    log->session = SSL_get1_session(side->ssl);
    ERR_clear_error();
    if (log->err == SSL_ERROR_ZERO_RETURN) {
        SSL_shutdown(side->ssl); /* answer the close_notify: the session stays resumable */
    }
}

/* The server goes away after the handshake without close_notify; its own session stays in its cache
 * (SSL_set_shutdown marks the connection as properly closed on its side). */
static void vanishing_server(struct tls_side *side)
{
    tls_do_accept(side);
    if (side->ret == 1) {
        SSL_set_shutdown(side->ssl, SSL_SENT_SHUTDOWN | SSL_RECEIVED_SHUTDOWN);
    }
}

static void resume_client(struct tls_side *side)
{
    SSL_set_session(side->ssl, side->arg);
    tls_do_connect(side);
    if (side->ret == 1) {
        SSL_shutdown(side->ssl);
    }
}

static void accept_and_close(struct tls_side *side)
{
    tls_do_accept(side);
    if (side->ret == 1) {
        SSL_shutdown(side->ssl);
    }
}

static int resumed_after(void (*server_run)(struct tls_side *), int *eof_err)
{
    SSL_CTX *sctx = tls_server_ctx("AES128-SHA", "server-rsa.pem", "server-rsa.key");
    SSL_CTX *cctx = tls_client_ctx("AES128-SHA");
    struct eof_log log = { -9, -9, 0, NULL };
    struct tls_side client = { .run = eof_client, .arg = &log }, server = { .run = server_run };
    tls_run(cctx, &client, sctx, &server);
    cr_assert(client.ret == 1 && server.ret == 1);
    if (server_run == vanishing_server) {
#ifdef NETTLS_VERSION_NUMBER
        cr_assert_eq(log.ret, 0, "1.1.0: SSL_read returns 0 at EOF");
        cr_assert_eq(log.err, SSL_ERROR_SYSCALL);
        cr_assert(log.queue_empty, "no error queued: EOF, not a protocol error");
#else
        cr_assert_lt(log.ret, 1);
        cr_assert_eq(log.err, SSL_ERROR_SSL, "OpenSSL 3: unexpected eof while reading");
#endif
    } else {
        cr_assert_eq(log.ret, 0);
        cr_assert_eq(log.err, SSL_ERROR_ZERO_RETURN);
    }
    *eof_err = log.err;
    tls_sides_free(&client, &server);

    struct tls_side client2 = { .run = resume_client, .arg = log.session };
    struct tls_side server2 = { .run = accept_and_close };
    tls_run(cctx, &client2, sctx, &server2);
    cr_assert(client2.ret == 1 && server2.ret == 1);
    int reused = SSL_session_reused(client2.ssl);
    tls_sides_free(&client2, &server2);
    SSL_SESSION_free(log.session);
    SSL_CTX_free(sctx);
    SSL_CTX_free(cctx);
    return reused;
}

Test(shutdown, eof_without_close_notify_is_reported_and_the_session_is_not_resumable)
{
    int err;
    cr_assert_eq(resumed_after(vanishing_server, &err), 0);
}

Test(shutdown, after_close_notify_the_session_resumes)
{
    int err;
    cr_assert_eq(resumed_after(accept_and_close, &err), 1);
    cr_assert_eq(err, SSL_ERROR_ZERO_RETURN);
}
