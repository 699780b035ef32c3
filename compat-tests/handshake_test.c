/* Full handshakes between a client and a server SSL over a socketpair (the server in its own thread):
 * every suite, data both ways, resumption, SNI, certificates and verification, client certificates,
 * callbacks, and a non-blocking handshake driven by SSL_ERROR_WANT_READ/WANT_WRITE. Built against
 * nettls and against the system OpenSSL 3 (see tls_pair.h for where they differ). */
#include <criterion/criterion.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include <openssl/bio.h>
#include <openssl/err.h>
#include <openssl/pem.h>
#include <openssl/ssl.h>
#include <openssl/x509.h>

#include "tls_pair.h"

static void setup(void)
{
    signal(SIGPIPE, SIG_IGN); /* a peer that has gone is an error to report, as in real programs */
    OPENSSL_init_ssl(0, NULL);
    ERR_clear_error();
}

TestSuite(handshake, .init = setup, .timeout = 60);

enum { DATA_LEN = 70000 }; /* several records each way */

static unsigned char pattern(size_t i)
{
    return (unsigned char)(i * 7 + (i >> 8));
}

/* The server echoes DATA_LEN bytes, reads the client's close_notify and answers it. */
static void echo_server(struct tls_side *side)
{
    tls_do_accept(side);
    if (side->ret != 1) {
        return;
    }
    unsigned char *buf = malloc(DATA_LEN);
    side->ret = tls_read_all(side->ssl, buf, DATA_LEN) && tls_write_all(side->ssl, buf, DATA_LEN) ? 1 : 0;
    free(buf);
    char c;
    if (side->ret == 1 && SSL_read(side->ssl, &c, 1) == 0) {
        side->err = SSL_get_error(side->ssl, 0);
        side->ret = SSL_shutdown(side->ssl);
    }
}

/* The client sends DATA_LEN pattern bytes, checks the echo byte for byte and closes. */
static void data_client(struct tls_side *side)
{
    tls_do_connect(side);
    if (side->ret != 1) {
        return;
    }
    unsigned char *out = malloc(DATA_LEN), *in = malloc(DATA_LEN);
    for (size_t i = 0; i < DATA_LEN; i++) {
        out[i] = pattern(i);
    }
    int ok = tls_write_all(side->ssl, out, DATA_LEN) && tls_read_all(side->ssl, in, DATA_LEN) &&
             memcmp(in, out, DATA_LEN) == 0;
    side->ret = ok ? 1 : 0;
    free(out);
    free(in);
    if (ok && SSL_shutdown(side->ssl) == 0) {
        side->ret = SSL_shutdown(side->ssl); /* 1 once the server's close_notify is in */
    }
}

struct suite_case {
    const char *name;
    int oracle_has; /* OpenSSL 3 can run it too (tls_pair.h) */
};

static const struct suite_case suites[] = {
    { "AES128-SHA", 1 },      { "AES256-SHA", 1 },       { "CAMELLIA128-SHA", 1 },
    { "CAMELLIA256-SHA", 1 }, { "DES-CBC3-SHA", 0 },     { "RC4-SHA", 0 },
    { "RC4-MD5", 0 },         { "NULL-SHA", 1 },         { "NULL-MD5", 1 },
    { "ECDHE-RSA-AES128-SHA", 1 }, { "ECDHE-RSA-AES256-SHA", 1 }, { "DHE-RSA-AES128-SHA", 0 },
};

Test(handshake, every_suite_carries_data_both_ways)
{
    for (size_t i = 0; i < sizeof suites / sizeof suites[0]; i++) {
        if (TLS_ORACLE && !suites[i].oracle_has) {
            continue;
        }
        SSL_CTX *sctx = tls_server_ctx(suites[i].name, "server-rsa.pem", "server-rsa.key");
        SSL_CTX *cctx = tls_client_ctx(suites[i].name);
        cr_assert(sctx != NULL && cctx != NULL, "%s is available", suites[i].name);
        struct tls_side client = { .run = data_client }, server = { .run = echo_server };
        tls_run(cctx, &client, sctx, &server);
        cr_expect_eq(client.ret, 1, "%s: client (error %d, %lx)", suites[i].name, client.err, client.errcode);
        cr_expect_eq(server.ret, 1, "%s: server (error %d, %lx)", suites[i].name, server.err, server.errcode);
        cr_expect_eq(server.err, SSL_ERROR_ZERO_RETURN, "%s: close_notify reached the server (%d)", suites[i].name,
                     server.err);
        cr_expect_str_eq(SSL_get_cipher(client.ssl), suites[i].name);
        cr_expect_str_eq(SSL_CIPHER_get_name(SSL_get_current_cipher(server.ssl)), suites[i].name);
        cr_expect_str_eq(SSL_get_version(client.ssl), "TLSv1");
        cr_expect_eq(SSL_version(server.ssl), TLS1_VERSION);
        tls_sides_free(&client, &server);
        SSL_CTX_free(sctx);
        SSL_CTX_free(cctx);
    }
}

/* ---------------------------------------------------------------------------------------------------- */
/* Resumption */

static void accept_and_close(struct tls_side *side)
{
    tls_do_accept(side);
    if (side->ret == 1) {
        SSL_shutdown(side->ssl); /* a session is resumable only after a proper close */
        char c;
        (void)SSL_read(side->ssl, &c, 1);
    }
}

static void connect_and_close(struct tls_side *side)
{
    tls_do_connect(side);
    if (side->ret == 1) {
        char c;
        (void)SSL_read(side->ssl, &c, 1); /* the server's close_notify */
        SSL_shutdown(side->ssl);
    }
}

static void resume_client(struct tls_side *side)
{
    SSL_set_session(side->ssl, side->arg);
    connect_and_close(side);
}

static int new_sessions;

static int count_new_session(SSL *ssl, SSL_SESSION *sess)
{
    (void)ssl;
    cr_assert_not_null(sess);
    new_sessions++;
    return 0; /* not kept */
}

Test(handshake, a_session_resumes_with_set_session_and_the_server_cache)
{
    SSL_CTX *sctx = tls_server_ctx("AES128-SHA", "server-rsa.pem", "server-rsa.key");
    SSL_CTX *cctx = tls_client_ctx("AES128-SHA:AES256-SHA");
    SSL_CTX_set_session_cache_mode(cctx, SSL_SESS_CACHE_CLIENT);
    SSL_CTX_sess_set_new_cb(cctx, count_new_session);
    struct tls_side client = { .run = connect_and_close }, server = { .run = accept_and_close };
    tls_run(cctx, &client, sctx, &server);
    cr_assert(client.ret == 1 && server.ret == 1);
    cr_assert_eq(new_sessions, 1, "the client's new-session callback ran once");
    cr_assert_eq(SSL_session_reused(client.ssl), 0);
    SSL_SESSION *sess = SSL_get1_session(client.ssl);
    cr_assert_not_null(sess);
    unsigned int id_len, id2_len;
    const unsigned char *id = SSL_SESSION_get_id(sess, &id_len);
    cr_assert_gt(id_len, 0);
    unsigned char master[64];
    cr_assert_eq(SSL_SESSION_get_master_key(sess, NULL, 0), 48);
    cr_assert_eq(SSL_SESSION_get_master_key(sess, master, sizeof master), 48);
    tls_sides_free(&client, &server);
    cr_assert_eq(SSL_CTX_sess_number(sctx), 1);

    struct tls_side client2 = { .run = resume_client, .arg = sess }, server2 = { .run = accept_and_close };
    tls_run(cctx, &client2, sctx, &server2);
    cr_assert(client2.ret == 1 && server2.ret == 1);
    cr_assert_eq(SSL_session_reused(client2.ssl), 1);
    cr_assert_eq(SSL_session_reused(server2.ssl), 1);
    cr_assert_str_eq(SSL_get_cipher(client2.ssl), "AES128-SHA");
    const unsigned char *id2 = SSL_SESSION_get_id(SSL_get_session(server2.ssl), &id2_len);
    cr_assert(id2_len == id_len && memcmp(id, id2, id_len) == 0);
    unsigned char master2[48];
    cr_assert_eq(SSL_SESSION_get_master_key(SSL_get_session(server2.ssl), master2, sizeof master2), 48);
    cr_assert(memcmp(master, master2, 48) == 0);
    cr_assert_eq(new_sessions, 1, "a resumed session is not new");
    tls_sides_free(&client2, &server2);
    SSL_SESSION_free(sess);
    SSL_CTX_free(sctx);
    SSL_CTX_free(cctx);
}

Test(handshake, a_session_survives_pem_and_resumes)
{
    SSL_CTX *sctx = tls_server_ctx("AES256-SHA", "server-rsa.pem", "server-rsa.key");
    SSL_CTX *cctx = tls_client_ctx("AES256-SHA");
    struct tls_side client = { .run = connect_and_close }, server = { .run = accept_and_close };
    tls_run(cctx, &client, sctx, &server);
    cr_assert(client.ret == 1 && server.ret == 1);
    BIO *mem = BIO_new(BIO_s_mem());
    cr_assert_eq(PEM_write_bio_SSL_SESSION(mem, SSL_get_session(client.ssl)), 1);
    char *text = NULL;
    long len = BIO_get_mem_data(mem, &text);
    cr_assert(len > 0 && strncmp(text, "-----BEGIN SSL SESSION PARAMETERS-----\n", 39) == 0);
    SSL_SESSION *sess = PEM_read_bio_SSL_SESSION(mem, NULL, NULL, NULL);
    cr_assert_not_null(sess);
    BIO_free(mem);
    unsigned int a_len, b_len;
    const unsigned char *a = SSL_SESSION_get_id(SSL_get_session(client.ssl), &a_len);
    const unsigned char *b = SSL_SESSION_get_id(sess, &b_len);
    cr_assert(a_len == b_len && memcmp(a, b, a_len) == 0);
    tls_sides_free(&client, &server);

    struct tls_side client2 = { .run = resume_client, .arg = sess }, server2 = { .run = accept_and_close };
    tls_run(cctx, &client2, sctx, &server2);
    cr_assert(client2.ret == 1 && server2.ret == 1);
    cr_assert_eq(SSL_session_reused(client2.ssl), 1);
    tls_sides_free(&client2, &server2);
    SSL_SESSION_free(sess);
    SSL_CTX_free(sctx);
    SSL_CTX_free(cctx);
}

Test(handshake, session_der_round_trip)
{
    SSL_CTX *sctx = tls_server_ctx("AES128-SHA", "server-rsa.pem", "server-rsa.key");
    SSL_CTX *cctx = tls_client_ctx("AES128-SHA");
    struct tls_side client = { .run = connect_and_close }, server = { .run = accept_and_close };
    tls_run(cctx, &client, sctx, &server);
    cr_assert(client.ret == 1 && server.ret == 1);
    SSL_SESSION *sess = SSL_get_session(client.ssl);
    int len = i2d_SSL_SESSION(sess, NULL);
    cr_assert_gt(len, 0);
    unsigned char *der = malloc((size_t)len), *p = der;
    cr_assert_eq(i2d_SSL_SESSION(sess, &p), len);
    cr_assert_eq(p, der + len);
    const unsigned char *q = der;
    SSL_SESSION *copy = d2i_SSL_SESSION(NULL, &q, len);
    cr_assert_not_null(copy);
    cr_assert_eq(q, der + len);
    unsigned char m1[48], m2[48];
    SSL_SESSION_get_master_key(sess, m1, sizeof m1);
    SSL_SESSION_get_master_key(copy, m2, sizeof m2);
    cr_assert(memcmp(m1, m2, sizeof m1) == 0);
    cr_assert_eq(SSL_SESSION_get_time(copy), SSL_SESSION_get_time(sess));
    cr_assert_eq(SSL_SESSION_get_timeout(copy), SSL_SESSION_get_timeout(sess));
    /* Truncated encodings are refused. */
    for (int cut = 1; cut < len; cut += 7) {
        q = der;
        cr_assert_null(d2i_SSL_SESSION(NULL, &q, cut), "cut at %d", cut);
    }
    ERR_clear_error();
    SSL_SESSION_free(copy);
    free(der);
    tls_sides_free(&client, &server);
    SSL_CTX_free(sctx);
    SSL_CTX_free(cctx);
}

/* ---------------------------------------------------------------------------------------------------- */
/* Server name, certificates, verification */

static int sni_calls;

static int servername_cb(SSL *ssl, int *alert, void *arg)
{
    (void)alert;
    const char *name = SSL_get_servername(ssl, TLSEXT_NAMETYPE_host_name);
    if (name != NULL && strcmp(name, arg) == 0) {
        sni_calls++;
    }
    return SSL_TLSEXT_ERR_OK;
}

static void sni_client(struct tls_side *side)
{
    SSL_set_tlsext_host_name(side->ssl, "service.example.test");
    connect_and_close(side);
}

Test(handshake, the_server_sees_the_client_server_name)
{
    SSL_CTX *sctx = tls_server_ctx("DEFAULT", "server-rsa.pem", "server-rsa.key");
    SSL_CTX *cctx = tls_client_ctx("DEFAULT");
    SSL_CTX_set_tlsext_servername_callback(sctx, servername_cb);
    SSL_CTX_set_tlsext_servername_arg(sctx, (void *)"service.example.test");
    struct tls_side client = { .run = sni_client }, server = { .run = accept_and_close };
    tls_run(cctx, &client, sctx, &server);
    cr_assert(client.ret == 1 && server.ret == 1);
    cr_assert_str_eq(SSL_get_servername(server.ssl, TLSEXT_NAMETYPE_host_name), "service.example.test");
    cr_assert_eq(SSL_get_servername_type(server.ssl), TLSEXT_NAMETYPE_host_name);
    cr_assert_eq(sni_calls, 1);
    tls_sides_free(&client, &server);
    SSL_CTX_free(sctx);
    SSL_CTX_free(cctx);
}

Test(handshake, the_client_sees_the_server_chain)
{
    SSL_CTX *sctx = tls_server_ctx("AES128-SHA", "server-rsa.pem", "server-rsa.key");
    SSL_CTX *cctx = tls_client_ctx("AES128-SHA");
    struct tls_side client = { .run = connect_and_close }, server = { .run = accept_and_close };
    tls_run(cctx, &client, sctx, &server);
    cr_assert(client.ret == 1 && server.ret == 1);
    X509 *peer = SSL_get_peer_certificate(client.ssl);
    cr_assert_not_null(peer);
    char line[256];
    X509_NAME_oneline(X509_get_subject_name(peer), line, sizeof line);
    cr_assert_str_eq(line, "/C=US/ST=California/L=San Francisco/O=nettls/OU=Testing/CN=localhost");
    X509_NAME_oneline(X509_get_issuer_name(peer), line, sizeof line);
    cr_assert_str_eq(line, "/C=US/O=nettls/CN=nettls Test RSA CA");
    char *alloc = X509_NAME_oneline(X509_get_issuer_name(peer), NULL, 0);
    cr_assert_str_eq(alloc, "/C=US/O=nettls/CN=nettls Test RSA CA");
    OPENSSL_free(alloc);
    X509_NAME_oneline(X509_get_subject_name(peer), line, 20); /* entries that do not fit are left out */
    cr_assert_str_eq(line, "/C=US/ST=California");
    STACK_OF(X509) *chain = SSL_get_peer_cert_chain(client.ssl);
    cr_assert_eq(sk_X509_num(chain), 1);
    X509_NAME *first = X509_get_subject_name(sk_X509_value(chain, 0));
    cr_assert_eq(X509_NAME_cmp(first, X509_get_subject_name(peer)), 0);
    X509_free(peer);
    cr_assert_null(SSL_get_peer_certificate(server.ssl), "no client certificate");
    /* Without SSL_VERIFY_PEER the chain is still checked: no trust anchor was loaded. */
    cr_assert_eq(SSL_get_verify_result(client.ssl), X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT_LOCALLY);
    tls_sides_free(&client, &server);
    SSL_CTX_free(sctx);
    SSL_CTX_free(cctx);
}

Test(handshake, verify_peer_succeeds_with_the_ca_loaded)
{
    SSL_CTX *sctx = tls_server_ctx("AES128-SHA", "server-rsa.pem", "server-rsa.key");
    SSL_CTX *cctx = tls_client_ctx("AES128-SHA");
    cr_assert_eq(SSL_CTX_load_verify_locations(cctx, tls_fixture("ca-rsa.pem"), NULL), 1);
    SSL_CTX_set_verify(cctx, SSL_VERIFY_PEER, NULL);
    struct tls_side client = { .run = connect_and_close }, server = { .run = accept_and_close };
    tls_run(cctx, &client, sctx, &server);
    cr_assert(client.ret == 1 && server.ret == 1);
    cr_assert_eq(SSL_get_verify_result(client.ssl), X509_V_OK);
    cr_assert_str_eq(X509_verify_cert_error_string(X509_V_OK), "ok");
    tls_sides_free(&client, &server);
    SSL_CTX_free(sctx);
    SSL_CTX_free(cctx);
}

Test(handshake, verify_peer_fails_without_a_trust_anchor)
{
    SSL_CTX *sctx = tls_server_ctx("AES128-SHA", "server-rsa.pem", "server-rsa.key");
    SSL_CTX *cctx = tls_client_ctx("AES128-SHA");
    SSL_CTX_set_verify(cctx, SSL_VERIFY_PEER, NULL);
    struct tls_side client = { .run = tls_do_connect }, server = { .run = tls_do_accept };
    tls_run(cctx, &client, sctx, &server);
    cr_assert_eq(client.ret, -1);
    cr_assert_eq(client.err, SSL_ERROR_SSL);
    cr_assert_eq(ERR_GET_REASON(client.errcode), SSL_R_CERTIFICATE_VERIFY_FAILED);
    cr_assert_eq(SSL_get_verify_result(client.ssl), X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT_LOCALLY);
    cr_assert_eq(server.ret, -1);
    cr_assert_eq(ERR_GET_REASON(server.errcode), SSL_R_TLSV1_ALERT_UNKNOWN_CA);
    cr_assert_str_eq(ERR_reason_error_string(server.errcode), "tlsv1 alert unknown ca");
    ERR_clear_error();
    tls_sides_free(&client, &server);
    SSL_CTX_free(sctx);
    SSL_CTX_free(cctx);
}

static SSL_CTX *client_auth_server(void)
{
    SSL_CTX *sctx = tls_server_ctx("AES128-SHA", "server-rsa.pem", "server-rsa.key");
    cr_assert_eq(SSL_CTX_load_verify_locations(sctx, tls_fixture("ca-rsa.pem"), NULL), 1);
    SSL_CTX_set_client_CA_list(sctx, SSL_load_client_CA_file(tls_fixture("ca-rsa.pem")));
    SSL_CTX_set_verify(sctx, SSL_VERIFY_PEER | SSL_VERIFY_FAIL_IF_NO_PEER_CERT, NULL);
    return sctx;
}

Test(handshake, a_server_requires_and_checks_a_client_certificate)
{
    SSL_CTX *sctx = client_auth_server();
    SSL_CTX *cctx = tls_client_ctx("AES128-SHA");
    cr_assert_eq(SSL_CTX_use_certificate_file(cctx, tls_fixture("client-rsa.pem"), SSL_FILETYPE_PEM), 1);
    cr_assert_eq(SSL_CTX_use_PrivateKey_file(cctx, tls_fixture("client-rsa.key"), SSL_FILETYPE_PEM), 1);
    struct tls_side client = { .run = connect_and_close }, server = { .run = accept_and_close };
    tls_run(cctx, &client, sctx, &server);
    cr_assert_eq(client.ret, 1, "client error %lx", client.errcode);
    cr_assert_eq(server.ret, 1, "server error %lx", server.errcode);
    X509 *peer = SSL_get_peer_certificate(server.ssl);
    cr_assert_not_null(peer);
    char line[256];
    X509_NAME_oneline(X509_get_subject_name(peer), line, sizeof line);
    cr_assert_str_eq(line, "/C=US/O=nettls/CN=nettls client/emailAddress=client@example.com");
    X509_free(peer);
    cr_assert_eq(SSL_get_verify_result(server.ssl), X509_V_OK);
    cr_assert_eq(sk_X509_num(SSL_get_peer_cert_chain(server.ssl)), 0, "a server's chain leaves out the leaf");
    tls_sides_free(&client, &server);
    SSL_CTX_free(sctx);
    SSL_CTX_free(cctx);
}

Test(handshake, a_client_without_a_certificate_is_refused_when_one_is_required)
{
    SSL_CTX *sctx = client_auth_server();
    SSL_CTX *cctx = tls_client_ctx("AES128-SHA");
    struct tls_side client = { .run = tls_do_connect }, server = { .run = tls_do_accept };
    tls_run(cctx, &client, sctx, &server);
    cr_assert_eq(server.ret, -1);
    cr_assert_eq(server.err, SSL_ERROR_SSL);
    cr_assert_eq(ERR_GET_REASON(server.errcode), SSL_R_PEER_DID_NOT_RETURN_A_CERTIFICATE);
    cr_assert_eq(client.ret, -1);
    cr_assert_eq(ERR_GET_REASON(client.errcode), SSL_R_SSLV3_ALERT_HANDSHAKE_FAILURE);
    ERR_clear_error();
    tls_sides_free(&client, &server);
    SSL_CTX_free(sctx);
    SSL_CTX_free(cctx);
}

/* ---------------------------------------------------------------------------------------------------- */
/* Callbacks */

struct msg_log {
    int client_hello_sent, server_hello_received, ccs_sent, ccs_received, finished, alerts;
};

static void msg_cb(int write_p, int version, int content_type, const void *buf, size_t len, SSL *ssl,
                   void *arg)
{
    struct msg_log *log = arg;
    const unsigned char *p = buf;
    (void)ssl;
    if (content_type == 256 || version != TLS1_VERSION) {
        return; /* record headers (OpenSSL 3) */
    }
    if (content_type == 22 && len > 0) {
        log->client_hello_sent += write_p && p[0] == 1;
        log->server_hello_received += !write_p && p[0] == 2;
        log->finished += p[0] == 20;
    }
    log->ccs_sent += content_type == 20 && write_p;
    log->ccs_received += content_type == 20 && !write_p;
    log->alerts += content_type == 21 && len == 2;
}

static int info_start, info_done;

static void info_cb(const SSL *ssl, int where, int val)
{
    (void)ssl;
    (void)val;
    info_start += (where & SSL_CB_HANDSHAKE_START) != 0;
    info_done += (where & SSL_CB_HANDSHAKE_DONE) != 0;
}

static void traced_client(struct tls_side *side)
{
    SSL_set_msg_callback(side->ssl, msg_cb);
    SSL_set_msg_callback_arg(side->ssl, side->arg);
    SSL_set_info_callback(side->ssl, info_cb);
    connect_and_close(side);
}

Test(handshake, message_and_info_callbacks_see_the_handshake)
{
    SSL_CTX *sctx = tls_server_ctx("AES128-SHA", "server-rsa.pem", "server-rsa.key");
    SSL_CTX *cctx = tls_client_ctx("AES128-SHA");
    struct msg_log log = { 0 };
    struct tls_side client = { .run = traced_client, .arg = &log }, server = { .run = accept_and_close };
    tls_run(cctx, &client, sctx, &server);
    cr_assert(client.ret == 1 && server.ret == 1);
    cr_assert_eq(log.client_hello_sent, 1);
    cr_assert_eq(log.server_hello_received, 1);
    cr_assert_eq(log.ccs_sent, 1);
#ifdef NETTLS_VERSION_NUMBER
    cr_assert_eq(log.ccs_received, 1, "1.1.0 reports the peer's ChangeCipherSpec; OpenSSL 3 does not");
#endif
    cr_assert_eq(log.finished, 2, "one Finished each way");
    cr_assert_eq(log.alerts, 2, "close_notify each way");
    cr_assert_eq(info_start, 1);
    cr_assert_eq(info_done, 1);
    tls_sides_free(&client, &server);
    SSL_CTX_free(sctx);
    SSL_CTX_free(cctx);
}

/* ---------------------------------------------------------------------------------------------------- */
/* Non-blocking: both sides in this thread, driven by SSL_ERROR_WANT_READ/WANT_WRITE. */

static int retryable(SSL *ssl, int r)
{
    int e = SSL_get_error(ssl, r);
    cr_assert(e == SSL_ERROR_WANT_READ || e == SSL_ERROR_WANT_WRITE, "SSL_get_error %d (%lx)", e,
              ERR_peek_error());
    return 1;
}

Test(handshake, a_non_blocking_handshake_and_transfer_resume_after_want_read_and_write)
{
    SSL_CTX *sctx = tls_server_ctx("AES128-SHA", "server-rsa.pem", "server-rsa.key");
    SSL_CTX *cctx = tls_client_ctx("AES128-SHA");
    int fds[2];
    cr_assert_eq(socketpair(AF_UNIX, SOCK_STREAM, 0, fds), 0);
    int small = 4096;
    for (int i = 0; i < 2; i++) {
        cr_assert_eq(fcntl(fds[i], F_SETFL, O_NONBLOCK), 0);
        setsockopt(fds[i], SOL_SOCKET, SO_SNDBUF, &small, sizeof small);
    }
    SSL *c = SSL_new(cctx), *s = SSL_new(sctx);
    SSL_set_fd(c, fds[0]);
    SSL_set_fd(s, fds[1]);
    int cdone = 0, sdone = 0, wants = 0;
    for (int round = 0; !(cdone && sdone) && round < 1000; round++) {
        int r;
        if (!cdone && !(cdone = (r = SSL_connect(c)) == 1)) {
            wants += retryable(c, r);
        }
        if (!sdone && !(sdone = (r = SSL_accept(s)) == 1)) {
            wants += retryable(s, r);
        }
    }
    cr_assert(cdone && sdone);
    cr_assert_gt(wants, 0);

    /* 300 KB client to server, through a socket buffer far smaller than that. */
    enum { BIG = 300000 };
    unsigned char *out = malloc(BIG), *in = malloc(BIG);
    for (size_t i = 0; i < BIG; i++) {
        out[i] = pattern(i);
    }
    size_t sent = 0, got = 0;
    int write_blocked = 0;
    for (int round = 0; got < BIG && round < 100000; round++) {
        if (sent < BIG) {
            int chunk = BIG - sent > 50000 ? 50000 : (int)(BIG - sent);
            int r = SSL_write(c, out + sent, chunk);
            if (r > 0) {
                cr_assert_eq(r, chunk, "a blocking-style write completes whole");
                sent += (size_t)r;
            } else {
                write_blocked += SSL_get_error(c, r) == SSL_ERROR_WANT_WRITE;
                retryable(c, r);
            }
        }
        int r = SSL_read(s, in + got, BIG - (int)got);
        if (r > 0) {
            got += (size_t)r;
        } else {
            retryable(s, r);
        }
    }
    cr_assert_eq(got, (size_t)BIG);
    cr_assert(memcmp(in, out, BIG) == 0);
    cr_assert_gt(write_blocked, 0, "the writer met a full socket buffer");
    free(out);
    free(in);
    SSL_free(c);
    SSL_free(s);
    close(fds[0]);
    close(fds[1]);
    SSL_CTX_free(sctx);
    SSL_CTX_free(cctx);
}

#ifdef NETTLS_VERSION_NUMBER
/* The project's memory target: an idle connection holds at most 8 KiB per side (ARCHITECTURE.md 2b:
 * record buffers go back to the heap between exchanges). Measured as the heap growth while two idle
 * connected SSLs (client and server) exist. */
#if defined(__SANITIZE_ADDRESS__)
size_t __sanitizer_get_current_allocated_bytes(void); /* <sanitizer/allocator_interface.h> */
static size_t heap_in_use(void)
{
    return __sanitizer_get_current_allocated_bytes();
}
#else
#include <malloc.h>
static size_t heap_in_use(void)
{
    return mallinfo2().uordblks;
}
#endif

static void idle_server(struct tls_side *side)
{
    tls_do_accept(side);
    char c;
    if (side->ret == 1 && SSL_read(side->ssl, &c, 1) == 1 && SSL_write(side->ssl, &c, 1) == 1) {
        side->err = -1; /* done: idle from here */
    }
}

static void idle_client(struct tls_side *side)
{
    tls_do_connect(side);
    char c = 'x';
    if (side->ret == 1 && SSL_write(side->ssl, &c, 1) == 1 && SSL_read(side->ssl, &c, 1) == 1) {
        side->err = 0;
    }
}

Test(handshake, nettls_an_idle_connection_stays_within_8k_per_side)
{
    SSL_CTX *sctx = tls_server_ctx("AES128-SHA", "server-rsa.pem", "server-rsa.key");
    SSL_CTX *cctx = tls_client_ctx("AES128-SHA");
    struct tls_side client = { .run = idle_client }, server = { .run = idle_server };
    /* A first pair warms up what a process sets up once (per-thread random generators, error strings), so
     * only what each connection holds is counted. */
    tls_run(cctx, &client, sctx, &server);
    tls_sides_free(&client, &server);
    client = (struct tls_side){ .run = idle_client };
    server = (struct tls_side){ .run = idle_server };
    ERR_clear_error();
    size_t before = heap_in_use();
    tls_run(cctx, &client, sctx, &server);
    cr_assert(client.ret == 1 && server.err == -1);
    size_t after = heap_in_use();
    cr_log_info("two idle connections: %zu bytes", after - before);
    cr_assert_leq(after - before, 2 * 8192, "two idle connections hold %zu bytes", after - before);
    tls_sides_free(&client, &server);
    SSL_CTX_free(sctx);
    SSL_CTX_free(cctx);
}
#endif
