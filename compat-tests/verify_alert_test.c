/* Certificate verification in the handshake, seen on the wire: with SSL_VERIFY_PEER a client that cannot
 * accept the server's certificate sends the alert RFC 2246 7.2.2 gives for the reason, the server reads
 * it as an error named after the alert, and SSL_get_verify_result() tells the client why. The verify
 * callback gets OpenSSL's X509_STORE_CTX: error, depth, current certificate and the SSL.
 *
 * Where OpenSSL 3 (the oracle) answers differently (access_denied, unsupported_certificate), the
 * tests use TLS_ORACLE; tls_pair.h lists the differences. */
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include <criterion/criterion.h>

#include <openssl/err.h>
#include <openssl/pem.h>
#include <openssl/ssl.h>
#include <openssl/x509.h>
#include <openssl/x509_vfy.h>

#include "tls_pair.h"

#define SUITE "AES128-SHA"

static SSL_CTX *verifying_client(const char *ca_file, SSL_verify_cb cb)
{
    SSL_CTX *ctx = tls_client_ctx(SUITE);
    cr_assert(ctx != NULL);
    if (ca_file != NULL) {
        cr_assert_eq(SSL_CTX_load_verify_locations(ctx, tls_fixture(ca_file), NULL), 1);
    }
    SSL_CTX_set_verify(ctx, SSL_VERIFY_PEER, cb);
    return ctx;
}

/* Runs one handshake that the client must refuse; returns the client's verify result and leaves the
 * server's ERR reason string in *server_reason. */
static long refused_handshake(SSL_CTX *client_ctx, const char *cert, const char **server_reason)
{
    SSL_CTX *server_ctx = tls_server_ctx(SUITE, cert, "server-rsa.key");
    struct tls_side client = { .run = tls_do_connect }, server = { .run = tls_do_accept };
    tls_run(client_ctx, &client, server_ctx, &server);
    cr_assert_eq(client.ret, -1);
    cr_assert_eq(client.err, SSL_ERROR_SSL);
    cr_assert_eq(server.ret, -1);
    cr_assert_eq(server.err, SSL_ERROR_SSL);
    *server_reason = ERR_reason_error_string(server.errcode);
    cr_assert(*server_reason != NULL);
    long result = SSL_get_verify_result(client.ssl);
    tls_sides_free(&client, &server);
    SSL_CTX_free(server_ctx);
    return result;
}

Test(verify_alert, expired_certificate)
{
    SSL_CTX *ctx = verifying_client("ca-rsa.pem", NULL);
    const char *reason;
    cr_assert_eq(refused_handshake(ctx, "expired.pem", &reason), X509_V_ERR_CERT_HAS_EXPIRED);
    cr_assert_str_eq(reason, "sslv3 alert certificate expired");
    SSL_CTX_free(ctx);
}

Test(verify_alert, unknown_ca)
{
    SSL_CTX *ctx = verifying_client("ec-p256.pem", NULL); /* trusts an unrelated self-signed cert */
    const char *reason;
    cr_assert_eq(refused_handshake(ctx, "server-rsa.pem", &reason),
                 X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT_LOCALLY);
    cr_assert_str_eq(reason, "tlsv1 alert unknown ca");
    SSL_CTX_free(ctx);
}

/* An unknown critical extension (X509_V_ERR_UNHANDLED_CRITICAL_EXTENSION) is none of the errors with an
 * alert of their own: certificate_unknown. */
Test(verify_alert, certificate_unknown)
{
    SSL_CTX *ctx = verifying_client("ca-rsa.pem", NULL);
    const char *reason;
    cr_assert_eq(refused_handshake(ctx, "crit-unknown.pem", &reason),
                 X509_V_ERR_UNHANDLED_CRITICAL_EXTENSION);
    cr_assert_str_eq(reason, "sslv3 alert certificate unknown");
    SSL_CTX_free(ctx);
}

/* SSL_set1_host turns on host-name checking (RFC 6125): a mismatch is bad_certificate. */
static void connect_to_host(struct tls_side *side)
{
    cr_assert_eq(SSL_set1_host(side->ssl, side->arg), 1);
    tls_do_connect(side);
}

static void host_check(const char *host, int want_ret)
{
    SSL_CTX *ctx = verifying_client("ca-rsa.pem", NULL);
    SSL_CTX *server_ctx = tls_server_ctx(SUITE, "server-rsa.pem", "server-rsa.key");
    struct tls_side client = { .run = connect_to_host, .arg = (void *)host };
    struct tls_side server = { .run = tls_do_accept };
    tls_run(ctx, &client, server_ctx, &server);
    cr_assert_eq(client.ret, want_ret);
    if (want_ret == 1) {
        cr_assert_eq(SSL_get_verify_result(client.ssl), X509_V_OK);
    } else {
        cr_assert_eq(SSL_get_verify_result(client.ssl), X509_V_ERR_HOSTNAME_MISMATCH);
        cr_assert_str_eq(ERR_reason_error_string(server.errcode), "sslv3 alert bad certificate");
    }
    tls_sides_free(&client, &server);
    SSL_CTX_free(server_ctx);
    SSL_CTX_free(ctx);
}

Test(verify_alert, host_name)
{
    host_check("localhost", 1);
    host_check("www.example.com", -1);
}

/* What the callback saw, for the test to check after the handshake. */
struct seen {
    int calls, max_depth, leaf_seen, ssl_seen;
    char leaf_cn[256];
};
static _Thread_local struct seen seen;

static int refusing_cb(int preverify_ok, X509_STORE_CTX *sctx)
{
    SSL *ssl = X509_STORE_CTX_get_ex_data(sctx, SSL_get_ex_data_X509_STORE_CTX_idx());
    int depth = X509_STORE_CTX_get_error_depth(sctx);
    X509 *cur = X509_STORE_CTX_get_current_cert(sctx);
    seen.calls++;
    seen.ssl_seen |= ssl != NULL && SSL_get_SSL_CTX(ssl) != NULL;
    seen.max_depth = depth > seen.max_depth ? depth : seen.max_depth;
    cr_assert(cur != NULL);
    cr_assert(X509_STORE_CTX_get0_cert(sctx) != NULL);
    cr_assert_eq(X509_STORE_CTX_get_error(sctx), X509_V_OK);
    cr_assert_eq(preverify_ok, 1);
    if (depth == 0) {
        seen.leaf_seen = 1;
        X509_NAME_oneline(X509_get_subject_name(cur), seen.leaf_cn, sizeof seen.leaf_cn);
        return 0; /* the application does not want this server */
    }
    return 1;
}

Test(verify_alert, callback_refuses)
{
    memset(&seen, 0, sizeof seen);
    SSL_CTX *ctx = verifying_client("ca-rsa.pem", refusing_cb);
    SSL_CTX *server_ctx = tls_server_ctx(SUITE, "server-rsa.pem", "server-rsa.key");
    struct tls_side client = { .run = tls_do_connect }, server = { .run = tls_do_accept };
    tls_run(ctx, &client, server_ctx, &server);
    cr_assert_eq(client.ret, -1);
    cr_assert_eq(server.err, SSL_ERROR_SSL);
    /* the anchor at depth 1, then the leaf */
    cr_assert_eq(seen.calls, 2);
    cr_assert_eq(seen.max_depth, 1);
    cr_assert(seen.leaf_seen && seen.ssl_seen);
    cr_assert(strstr(seen.leaf_cn, "/CN=localhost") != NULL, "%s", seen.leaf_cn);
    cr_assert_eq(SSL_get_verify_result(client.ssl), X509_V_ERR_UNSPECIFIED);
    cr_assert_str_eq(ERR_reason_error_string(server.errcode),
                     TLS_ORACLE ? "tlsv1 alert internal error" : "tlsv1 alert access denied");
    tls_sides_free(&client, &server);
    SSL_CTX_free(server_ctx);
    SSL_CTX_free(ctx);
}

/* A callback that accepts every error lets the handshake complete; the result still tells. */
static int accepting_cb(int preverify_ok, X509_STORE_CTX *sctx)
{
    (void)preverify_ok;
    (void)sctx;
    return 1;
}

Test(verify_alert, callback_overrides_expired)
{
    SSL_CTX *ctx = verifying_client("ca-rsa.pem", accepting_cb);
    SSL_CTX *server_ctx = tls_server_ctx(SUITE, "expired.pem", "server-rsa.key");
    struct tls_side client = { .run = tls_do_connect }, server = { .run = tls_do_accept };
    tls_run(ctx, &client, server_ctx, &server);
    cr_assert_eq(client.ret, 1);
    cr_assert_eq(server.ret, 1);
    cr_assert_eq(SSL_get_verify_result(client.ssl), X509_V_ERR_CERT_HAS_EXPIRED);
    tls_sides_free(&client, &server);
    SSL_CTX_free(server_ctx);
    SSL_CTX_free(ctx);
}

/* A raw server for certificates no TLS library would present: its whole first flight (ServerHello with
 * renegotiation_info, Certificate holding one given certificate, ServerHelloDone) is written into the
 * socket before the client starts; afterwards the test reads what the client sent. */
static void put24(unsigned char *p, size_t v)
{
    p[0] = (unsigned char)(v >> 16);
    p[1] = (unsigned char)(v >> 8);
    p[2] = (unsigned char)v;
}

static size_t server_flight(unsigned char *out, const unsigned char *cert, size_t cert_len)
{
    static const unsigned char hello[] = {
        2, 0, 0, 45, 3, 1, /* ServerHello, TLS 1.0 */
        1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, /* random */
        1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16,
        0,                   /* no session id */
        0x00, 0x2f, 0,       /* TLS_RSA_WITH_AES_128_CBC_SHA, no compression */
        0, 5, 0xff, 1, 0, 1, 0, /* renegotiation_info (RFC 5746), empty */
    };
    size_t n = 5;
    memcpy(out + n, hello, sizeof hello);
    n += sizeof hello;
    out[n] = 11; /* Certificate */
    put24(out + n + 1, cert_len + 6);
    put24(out + n + 4, cert_len + 3);
    put24(out + n + 7, cert_len);
    memcpy(out + n + 10, cert, cert_len);
    n += 10 + cert_len;
    memcpy(out + n, "\x0e\x00\x00\x00", 4); /* ServerHelloDone */
    n += 4;
    out[0] = 22;
    out[1] = 3;
    out[2] = 1;
    out[3] = (unsigned char)((n - 5) >> 8);
    out[4] = (unsigned char)(n - 5);
    return n;
}

/* Runs the client against the raw flight and returns the description of the alert it sent (-1: none). */
static int client_alert_for(const unsigned char *cert, size_t cert_len, int mode, long *verify_result)
{
    unsigned char flight[4096];
    int fds[2];
    cr_assert(cert_len < sizeof flight - 100);
    size_t n = server_flight(flight, cert, cert_len);
    cr_assert_eq(socketpair(AF_UNIX, SOCK_STREAM, 0, fds), 0);
    cr_assert_eq(write(fds[1], flight, n), (ssize_t)n);
    SSL_CTX *ctx = verifying_client("ca-rsa.pem", NULL);
    SSL_CTX_set_verify(ctx, mode, NULL);
    SSL *ssl = SSL_new(ctx);
    cr_assert_eq(SSL_set_fd(ssl, fds[0]), 1);
    int ret = SSL_connect(ssl);
    cr_assert_eq(ret, -1);
    cr_assert_eq(SSL_get_error(ssl, ret), SSL_ERROR_SSL);
    *verify_result = SSL_get_verify_result(ssl);
    SSL_free(ssl);
    SSL_CTX_free(ctx);
    close(fds[0]);
    /* the client's records: skip the ClientHello, find the alert */
    unsigned char rec[5 + 16384];
    int alert = -1;
    while (alert < 0 && read(fds[1], rec, 5) == 5) {
        size_t len = (size_t)rec[3] << 8 | rec[4];
        cr_assert(len <= sizeof rec - 5);
        size_t got = 0;
        while (got < len) {
            ssize_t r = read(fds[1], rec + 5 + got, len - got);
            cr_assert(r > 0);
            got += (size_t)r;
        }
        if (rec[0] == 21 && len == 2) {
            cr_assert_eq(rec[5], 2); /* fatal */
            alert = rec[6];
        }
    }
    close(fds[1]);
    return alert;
}

Test(verify_alert, malformed_certificate)
{
    static const unsigned char not_a_cert[] = { 0x30, 0x03, 0x02, 0x01, 0x00 };
    long result;
    int alert = client_alert_for(not_a_cert, sizeof not_a_cert, SSL_VERIFY_PEER, &result);
    cr_assert_eq(alert, SSL_AD_BAD_CERTIFICATE, "%d", alert);
}

static const char ed25519_pem[] = "-----BEGIN CERTIFICATE-----\n"
                                  "MIIBOjCB7aADAgECAhRoixJbWgEpJHRvi5CoTbmS2GfHDzAFBgMrZXAwEjEQMA4G\n"
                                  "A1UEAwwHZWQyNTUxOTAgFw0yNjExMzAxODA2NDVaGA8yMTI2MTEwNjE4MDY0NVow\n"
                                  "EjEQMA4GA1UEAwwHZWQyNTUxOTAqMAUGAytlcAMhALIylJZ/rQS4LN6JZtJce9QQ\n"
                                  "jFb2dnAwSe3D/RbdMjqFo1MwUTAdBgNVHQ4EFgQUzuva/s6xuO4ESC2DdQAzUfjd\n"
                                  "p84wHwYDVR0jBBgwFoAUzuva/s6xuO4ESC2DdQAzUfjdp84wDwYDVR0TAQH/BAUw\n"
                                  "AwEB/zAFBgMrZXADQQAS9fO/y4J2q4wJ5nc8MkFRpD6IFaVZv7/irNGt/HDg2BjE\n"
                                  "jqv915hw2k5ypuNxLXUYe2HsjkOCgsy+vI/TAyoJ\n"
                                  "-----END CERTIFICATE-----\n";

Test(verify_alert, unsupported_key_type)
{
    BIO *b = BIO_new_mem_buf(ed25519_pem, -1);
    X509 *x = PEM_read_bio_X509(b, NULL, NULL, NULL);
    cr_assert(x != NULL);
    unsigned char *der = NULL;
    int len = i2d_X509(x, &der);
    cr_assert(len > 0);
    long result;
    /* without SSL_VERIFY_PEER, so that the untrusted self-signed certificate is not the reason */
    int alert = client_alert_for(der, (size_t)len, SSL_VERIFY_NONE, &result);
    cr_assert_eq(alert, TLS_ORACLE ? SSL_AD_ILLEGAL_PARAMETER : SSL_AD_UNSUPPORTED_CERTIFICATE, "%d", alert);
    OPENSSL_free(der);
    X509_free(x);
    BIO_free(b);
}
