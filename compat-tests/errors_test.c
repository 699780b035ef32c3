/* Failures and the error queue: a fatal alert from the peer is queued as OpenSSL names it ("sslv3 alert
 * handshake failure", "tlsv1 alert decode error", ...), no common suite fails both sides with OpenSSL's
 * reasons, and a connection that fails loses its session. Built against nettls and against the system
 * OpenSSL 3. */
#include <criterion/criterion.h>
#include <signal.h>
#include <stdio.h>
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

TestSuite(errors, .init = setup, .timeout = 60);

Test(errors, no_common_suite_fails_both_sides)
{
    SSL_CTX *sctx = tls_server_ctx("AES256-SHA", "server-rsa.pem", "server-rsa.key");
    SSL_CTX *cctx = tls_client_ctx("AES128-SHA");
    struct tls_side client = { .run = tls_do_connect }, server = { .run = tls_do_accept };
    tls_run(cctx, &client, sctx, &server);
    cr_assert_eq(server.ret, -1);
    cr_assert_eq(server.err, SSL_ERROR_SSL);
    cr_assert_eq(ERR_GET_LIB(server.errcode), ERR_LIB_SSL);
    cr_assert_eq(ERR_GET_REASON(server.errcode), SSL_R_NO_SHARED_CIPHER);
    cr_assert_str_eq(ERR_reason_error_string(server.errcode), "no shared cipher");
    cr_assert_eq(client.ret, -1);
    cr_assert_eq(client.err, SSL_ERROR_SSL);
    cr_assert_eq(ERR_GET_REASON(client.errcode), SSL_R_SSLV3_ALERT_HANDSHAKE_FAILURE);
    cr_assert_str_eq(ERR_reason_error_string(client.errcode), "sslv3 alert handshake failure");
    char line[256];
    ERR_error_string_n(ERR_get_error(), line, sizeof line);
    cr_assert(strstr(line, ":SSL routines:") != NULL && strstr(line, "sslv3 alert handshake failure"), "%s",
              line);
    cr_assert_null(SSL_get_peer_certificate(client.ssl));
    tls_sides_free(&client, &server);
    SSL_CTX_free(sctx);
    SSL_CTX_free(cctx);
}

/* A peer that is not TLS: it reads the ClientHello and answers with one alert record (RFC 2246 7.2). */
static void alerting_peer(struct tls_side *side)
{
    unsigned char buf[4096];
    unsigned char alert[] = { 21, 3, 1, 0, 2, 2, 0 };
    alert[6] = (unsigned char)(size_t)side->arg;
    side->ret = read(side->fd, buf, sizeof buf) > 0 && write(side->fd, alert, sizeof alert) == sizeof alert;
}

struct alert_case {
    int alert, reason;
    const char *text;
};

static const struct alert_case alerts[] = {
    { 40, SSL_R_SSLV3_ALERT_HANDSHAKE_FAILURE, "sslv3 alert handshake failure" },
    { 50, SSL_R_TLSV1_ALERT_DECODE_ERROR, "tlsv1 alert decode error" },
    { 70, SSL_R_TLSV1_ALERT_PROTOCOL_VERSION, "tlsv1 alert protocol version" },
    { 42, SSL_R_SSLV3_ALERT_BAD_CERTIFICATE, "sslv3 alert bad certificate" },
    { 48, SSL_R_TLSV1_ALERT_UNKNOWN_CA, "tlsv1 alert unknown ca" },
    { 80, SSL_R_TLSV1_ALERT_INTERNAL_ERROR, "tlsv1 alert internal error" },
    { 10, SSL_R_SSLV3_ALERT_UNEXPECTED_MESSAGE, "sslv3 alert unexpected message" },
    { 20, SSL_R_SSLV3_ALERT_BAD_RECORD_MAC, "sslv3 alert bad record mac" },
};

Test(errors, a_fatal_alert_from_the_peer_is_named_as_openssl_names_it)
{
    SSL_CTX *cctx = tls_client_ctx("AES128-SHA");
    SSL_CTX *dummy = tls_server_ctx("AES128-SHA", NULL, NULL);
    for (size_t i = 0; i < sizeof alerts / sizeof alerts[0]; i++) {
        struct tls_side client = { .run = tls_do_connect };
        struct tls_side peer = { .run = alerting_peer, .arg = (void *)(size_t)alerts[i].alert };
        tls_run(cctx, &client, dummy, &peer);
        cr_assert_eq(peer.ret, 1);
        cr_expect_eq(client.ret, -1, "alert %d", alerts[i].alert);
        cr_expect_eq(client.err, SSL_ERROR_SSL, "alert %d", alerts[i].alert);
        cr_expect_eq(ERR_GET_LIB(client.errcode), ERR_LIB_SSL);
        cr_expect_eq(ERR_GET_REASON(client.errcode), alerts[i].reason, "alert %d", alerts[i].alert);
        cr_expect_str_eq(ERR_reason_error_string(client.errcode), alerts[i].text);
        cr_expect_eq(SSL_get_shutdown(client.ssl) & SSL_RECEIVED_SHUTDOWN, SSL_RECEIVED_SHUTDOWN);
        ERR_clear_error();
        tls_sides_free(&client, &peer);
    }
    SSL_CTX_free(dummy);
    SSL_CTX_free(cctx);
}

/* After the handshake the client writes a record whose MAC cannot be right: the server fails with
 * bad_record_mac and forgets the session (RFC 2246 7.2.2). */
static void tampering_client(struct tls_side *side)
{
    tls_do_connect(side);
    if (side->ret != 1) {
        return;
    }
    unsigned char rec[5 + 48] = { 23, 3, 1, 0, 48 };
    for (size_t i = 5; i < sizeof rec; i++) {
        rec[i] = (unsigned char)(i * 13);
    }
    side->ret = write(side->fd, rec, sizeof rec) == (ssize_t)sizeof rec;
    char c;
    (void)SSL_read(side->ssl, &c, 1); /* the alert */
    side->arg = SSL_get1_session(side->ssl);
    ERR_clear_error();
}

static void reading_server(struct tls_side *side)
{
    tls_do_accept(side);
    if (side->ret != 1) {
        return;
    }
    char c;
    side->ret = SSL_read(side->ssl, &c, 1);
    side->err = SSL_get_error(side->ssl, side->ret);
    side->errcode = ERR_peek_error();
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

Test(errors, a_bad_record_mac_fails_the_connection_and_drops_its_session)
{
    SSL_CTX *sctx = tls_server_ctx("AES128-SHA", "server-rsa.pem", "server-rsa.key");
    SSL_CTX *cctx = tls_client_ctx("AES128-SHA");
    struct tls_side client = { .run = tampering_client }, server = { .run = reading_server };
    tls_run(cctx, &client, sctx, &server);
    cr_assert_eq(client.ret, 1);
    cr_assert_eq(server.ret, -1);
    cr_assert_eq(server.err, SSL_ERROR_SSL);
    cr_assert_eq(ERR_GET_REASON(server.errcode), SSL_R_DECRYPTION_FAILED_OR_BAD_RECORD_MAC);
    cr_assert_eq(SSL_CTX_sess_number(sctx), 0, "the failed connection's session left the cache");
    SSL_SESSION *sess = client.arg;
    tls_sides_free(&client, &server);

    struct tls_side client2 = { .run = resume_client, .arg = sess }, server2 = { .run = accept_and_close };
    tls_run(cctx, &client2, sctx, &server2);
    cr_assert(client2.ret == 1 && server2.ret == 1);
    cr_assert_eq(SSL_session_reused(server2.ssl), 0);
    tls_sides_free(&client2, &server2);
    SSL_SESSION_free(sess);
    SSL_CTX_free(sctx);
    SSL_CTX_free(cctx);
}

Test(errors, calls_out_of_order_queue_errors)
{
    SSL_CTX *ctx = SSL_CTX_new(TLS_method());
    SSL *ssl = SSL_new(ctx);
    char c;
    cr_assert_lt(SSL_read(ssl, &c, 1), 1, "no role, no transport");
    cr_assert_eq(SSL_get_error(ssl, -1), SSL_ERROR_SSL);
    ERR_clear_error();
    cr_assert_eq(SSL_get_error(ssl, 1), SSL_ERROR_NONE);
    cr_assert_eq(SSL_get_error(ssl, 0), SSL_ERROR_SYSCALL);
    cr_assert_eq(SSL_want(ssl), SSL_NOTHING);
    SSL_free(ssl);
    SSL_CTX_free(ctx);
}
