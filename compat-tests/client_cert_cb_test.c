/* EVP_PKEY objects read with PEM_read_bio_PrivateKey (man PEM_read_bio_PrivateKey, man EVP_PKEY_new) and
 * the client certificate callback (man SSL_CTX_set_client_cert_cb): a client with no certificate of its
 * own answers a CertificateRequest with what the callback returns. Built against nettls and OpenSSL 3. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <string.h>

#include <openssl/bio.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/ssl.h>
#include <openssl/x509.h>

#include "tls_pair.h"

static EVP_PKEY *read_key(const char *name, pem_password_cb *cb, void *u)
{
    BIO *b = BIO_new_file(tls_fixture(name), "r");
    cr_assert_not_null(b, "%s", name);
    EVP_PKEY *k = PEM_read_bio_PrivateKey(b, NULL, cb, u);
    BIO_free(b);
    return k;
}

static X509 *read_cert(const char *name)
{
    BIO *b = BIO_new_file(tls_fixture(name), "r");
    cr_assert_not_null(b, "%s", name);
    X509 *x = PEM_read_bio_X509(b, NULL, NULL, NULL);
    BIO_free(b);
    return x;
}

/* ---------------------------------------------------------------------------------------------------- */
/* The callback in a handshake */

static int cb_calls;
static int cb_answer; /* what the callback returns */

static int give_client_cert(SSL *ssl, X509 **x509, EVP_PKEY **pkey)
{
    cr_assert_not_null(ssl);
    cb_calls++;
    if (cb_answer != 1) {
        return cb_answer;
    }
    *x509 = read_cert("client-rsa.pem");
    *pkey = read_key("client-rsa.key", NULL, NULL);
    cr_assert_not_null(*x509);
    cr_assert_not_null(*pkey);
    return 1;
}

static SSL_CTX *server_asking(int verify_mode)
{
    SSL_CTX *sctx = tls_server_ctx("AES128-SHA", "server-rsa.pem", "server-rsa.key");
    cr_assert_not_null(sctx);
    cr_assert_eq(SSL_CTX_load_verify_locations(sctx, tls_fixture("ca-rsa.pem"), NULL), 1);
    SSL_CTX_set_client_CA_list(sctx, SSL_load_client_CA_file(tls_fixture("ca-rsa.pem")));
    SSL_CTX_set_verify(sctx, verify_mode, NULL);
    return sctx;
}

static SSL_CTX *client_with_cb(int answer)
{
    SSL_CTX *cctx = tls_client_ctx("AES128-SHA");
    cr_assert_not_null(cctx);
    cr_assert_null(SSL_CTX_get_client_cert_cb(cctx));
    SSL_CTX_set_client_cert_cb(cctx, give_client_cert);
    cr_assert_eq(SSL_CTX_get_client_cert_cb(cctx), give_client_cert);
    cb_calls = 0;
    cb_answer = answer;
    return cctx;
}

static void peer_subject(SSL *ssl, char *line, int size)
{
    X509 *peer = SSL_get_peer_certificate(ssl);
    cr_assert_not_null(peer);
    X509_NAME_oneline(X509_get_subject_name(peer), line, size);
    X509_free(peer);
}

static void run_ok(SSL_CTX *cctx, SSL_CTX *sctx, struct tls_side *client, struct tls_side *server)
{
    client->run = tls_do_connect;
    server->run = tls_do_accept;
    tls_run(cctx, client, sctx, server);
    cr_assert_eq(client->ret, 1, "client error %lx", client->errcode);
    cr_assert_eq(server->ret, 1, "server error %lx", server->errcode);
}

Test(client_cert_cb, the_callback_supplies_the_certificate_a_server_requires)
{
    SSL_CTX *sctx = server_asking(SSL_VERIFY_PEER | SSL_VERIFY_FAIL_IF_NO_PEER_CERT);
    SSL_CTX *cctx = client_with_cb(1);
    struct tls_side client = { 0 }, server = { 0 };
    run_ok(cctx, sctx, &client, &server);
    cr_assert_eq(cb_calls, 1);
    char line[256];
    peer_subject(server.ssl, line, sizeof line);
    cr_assert_str_eq(line, "/C=US/O=nettls/CN=nettls client/emailAddress=client@example.com");
    cr_assert_eq(SSL_get_verify_result(server.ssl), X509_V_OK);
    /* the library kept what the callback gave: it is now the client's own certificate */
    X509 *own = SSL_get_certificate(client.ssl);
    cr_assert_not_null(own);
    X509_NAME_oneline(X509_get_subject_name(own), line, sizeof line);
    cr_assert_str_eq(line, "/C=US/O=nettls/CN=nettls client/emailAddress=client@example.com");
    tls_sides_free(&client, &server);
    SSL_CTX_free(sctx);
    SSL_CTX_free(cctx);
}

Test(client_cert_cb, a_callback_returning_0_sends_no_certificate)
{
    SSL_CTX *sctx = server_asking(SSL_VERIFY_PEER | SSL_VERIFY_FAIL_IF_NO_PEER_CERT);
    SSL_CTX *cctx = client_with_cb(0);
    struct tls_side client = { .run = tls_do_connect }, server = { .run = tls_do_accept };
    tls_run(cctx, &client, sctx, &server);
    cr_assert_eq(cb_calls, 1);
    cr_assert_eq(server.ret, -1);
    cr_assert_eq(server.err, SSL_ERROR_SSL);
    cr_assert_eq(ERR_GET_LIB(server.errcode), ERR_LIB_SSL);
    cr_assert_eq(ERR_GET_REASON(server.errcode), SSL_R_PEER_DID_NOT_RETURN_A_CERTIFICATE);
    cr_assert_str_eq(ERR_reason_error_string(server.errcode), "peer did not return a certificate");
    cr_assert_eq(client.ret, -1);
    cr_assert_eq(ERR_GET_REASON(client.errcode), SSL_R_SSLV3_ALERT_HANDSHAKE_FAILURE);
    ERR_clear_error();
    tls_sides_free(&client, &server);
    SSL_CTX_free(sctx);
    SSL_CTX_free(cctx);
}

Test(client_cert_cb, a_server_that_asks_but_does_not_require_accepts_none)
{
    SSL_CTX *sctx = server_asking(SSL_VERIFY_PEER);
    SSL_CTX *cctx = client_with_cb(0);
    struct tls_side client = { 0 }, server = { 0 };
    run_ok(cctx, sctx, &client, &server);
    cr_assert_eq(cb_calls, 1);
    cr_assert_null(SSL_get_peer_certificate(server.ssl));
    tls_sides_free(&client, &server);
    SSL_CTX_free(sctx);
    SSL_CTX_free(cctx);
}

Test(client_cert_cb, the_callback_is_not_called_when_the_server_asks_for_nothing)
{
    SSL_CTX *sctx = tls_server_ctx("AES128-SHA", "server-rsa.pem", "server-rsa.key");
    SSL_CTX *cctx = client_with_cb(1);
    struct tls_side client = { 0 }, server = { 0 };
    run_ok(cctx, sctx, &client, &server);
    cr_assert_eq(cb_calls, 0);
    cr_assert_null(SSL_get_peer_certificate(server.ssl));
    tls_sides_free(&client, &server);
    SSL_CTX_free(sctx);
    SSL_CTX_free(cctx);
}

/* A certificate and key set as objects on the context: they are sent, and the callback is not asked. */
Test(client_cert_cb, the_callback_is_not_called_when_the_client_has_a_certificate)
{
    SSL_CTX *sctx = server_asking(SSL_VERIFY_PEER | SSL_VERIFY_FAIL_IF_NO_PEER_CERT);
    SSL_CTX *cctx = client_with_cb(0);
    X509 *x = read_cert("client-rsa.pem");
    EVP_PKEY *k = read_key("client-rsa.key", NULL, NULL);
    cr_assert_eq(SSL_CTX_use_certificate(cctx, x), 1);
    cr_assert_eq(SSL_CTX_use_PrivateKey(cctx, k), 1);
    cr_assert_eq(SSL_CTX_check_private_key(cctx), 1);
    X509_free(x);
    EVP_PKEY_free(k); /* the context keeps its own reference */
    struct tls_side client = { 0 }, server = { 0 };
    run_ok(cctx, sctx, &client, &server);
    cr_assert_eq(cb_calls, 0);
    char line[256];
    peer_subject(server.ssl, line, sizeof line);
    cr_assert_str_eq(line, "/C=US/O=nettls/CN=nettls client/emailAddress=client@example.com");
    tls_sides_free(&client, &server);
    SSL_CTX_free(sctx);
    SSL_CTX_free(cctx);
}

/* SSL_use_certificate/SSL_use_PrivateKey on the connection alone. */
static void use_on_ssl(struct tls_side *side)
{
    X509 *x = read_cert("client-rsa.pem");
    EVP_PKEY *k = read_key("client-rsa.key", NULL, NULL);
    cr_assert_eq(SSL_use_certificate(side->ssl, x), 1);
    cr_assert_eq(SSL_use_PrivateKey(side->ssl, k), 1);
    X509_free(x);
    EVP_PKEY_free(k);
    tls_do_connect(side);
}

Test(client_cert_cb, a_connection_uses_its_own_certificate_and_key_objects)
{
    SSL_CTX *sctx = server_asking(SSL_VERIFY_PEER | SSL_VERIFY_FAIL_IF_NO_PEER_CERT);
    SSL_CTX *cctx = client_with_cb(0);
    struct tls_side client = { .run = use_on_ssl }, server = { .run = tls_do_accept };
    tls_run(cctx, &client, sctx, &server);
    cr_assert_eq(client.ret, 1, "client error %lx", client.errcode);
    cr_assert_eq(server.ret, 1, "server error %lx", server.errcode);
    cr_assert_eq(cb_calls, 0);
    tls_sides_free(&client, &server);
    SSL_CTX_free(sctx);
    SSL_CTX_free(cctx);
}

/* ---------------------------------------------------------------------------------------------------- */
/* EVP_PKEY and PEM_read_bio_PrivateKey */

Test(client_cert_cb, key_types_and_sizes)
{
    static const struct {
        const char *file;
        int id, bits;
    } keys[] = {
        { "client-rsa.key", EVP_PKEY_RSA, 2048 },
        { "dsa-2048.key", EVP_PKEY_DSA, 2048 },
        { "ec-p256.key", EVP_PKEY_EC, 256 },
        { "key-ec-p384-pkcs8.pem", EVP_PKEY_EC, 384 },
    };
    for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++) {
        EVP_PKEY *k = read_key(keys[i].file, NULL, NULL);
        cr_assert_not_null(k, "%s", keys[i].file);
        cr_assert_eq(EVP_PKEY_id(k), keys[i].id, "%s", keys[i].file);
        cr_assert_eq(EVP_PKEY_base_id(k), keys[i].id, "%s", keys[i].file);
        cr_assert_eq(EVP_PKEY_bits(k), keys[i].bits, "%s", keys[i].file);
        cr_assert_eq(EVP_PKEY_up_ref(k), 1);
        EVP_PKEY_free(k);
        EVP_PKEY_free(k);
    }
}

Test(client_cert_cb, a_second_read_replaces_the_key_given)
{
    EVP_PKEY *k = NULL;
    BIO *b = BIO_new_file(tls_fixture("ec-p256.key"), "r");
    cr_assert_eq(PEM_read_bio_PrivateKey(b, &k, NULL, NULL), k);
    cr_assert_eq(EVP_PKEY_id(k), EVP_PKEY_EC);
    BIO_free(b);
    FILE *f = fopen(tls_fixture("client-rsa.key"), "r");
    cr_assert_not_null(f);
    cr_assert_eq(PEM_read_PrivateKey(f, &k, NULL, NULL), k);
    cr_assert_eq(EVP_PKEY_id(k), EVP_PKEY_RSA);
    fclose(f);
    EVP_PKEY_free(k);
}

Test(client_cert_cb, a_file_without_a_key_is_no_start_line)
{
    ERR_clear_error();
    cr_assert_null(read_key("client-rsa.pem", NULL, NULL));
    unsigned long e = ERR_peek_last_error();
    cr_assert_neq(e, 0);
    if (!TLS_ORACLE) { /* OpenSSL 3 reports its decoder's error (tls_pair.h) */
        cr_assert_eq(ERR_GET_LIB(e), ERR_LIB_PEM);
        cr_assert_str_eq(ERR_reason_error_string(e), "no start line");
    }
    ERR_clear_error();
}

static int pass_cb(char *buf, int size, int rwflag, void *u)
{
    cr_assert_eq(rwflag, 0);
    size_t n = strlen(u);
    cr_assert_lt(n, (size_t)size);
    memcpy(buf, u, n);
    return (int)n;
}

static const char *const encrypted[] = {
    "key-rsa-pkcs8-aes256.pem", "key-rsa-pkcs8-des3.pem", "key-rsa-legacy-aes128.pem",
    "key-ec-p384-pkcs8-aes128.pem", "key-dsa-legacy-des3.pem",
};

Test(client_cert_cb, an_encrypted_key_with_the_right_passphrase)
{
    for (size_t i = 0; i < sizeof encrypted / sizeof encrypted[0]; i++) {
        EVP_PKEY *k = read_key(encrypted[i], pass_cb, "nettls");
        cr_assert_not_null(k, "%s", encrypted[i]);
        EVP_PKEY_free(k);
        /* no callback: u is the passphrase (PEM_def_callback) */
        k = read_key(encrypted[i], NULL, "nettls");
        cr_assert_not_null(k, "%s", encrypted[i]);
        EVP_PKEY_free(k);
    }
}

Test(client_cert_cb, an_encrypted_key_with_a_wrong_passphrase_fails)
{
    for (size_t i = 0; i < sizeof encrypted / sizeof encrypted[0]; i++) {
        ERR_clear_error();
        cr_assert_null(read_key(encrypted[i], pass_cb, "wrong"), "%s", encrypted[i]);
        cr_assert_neq(ERR_peek_error(), 0, "%s", encrypted[i]);
        ERR_clear_error();
        cr_assert_null(read_key(encrypted[i], NULL, "wrong"), "%s", encrypted[i]);
        cr_assert_neq(ERR_peek_error(), 0, "%s", encrypted[i]);
        if (strstr(encrypted[i], "legacy") != NULL) { /* PEM_do_header's error, in 1.1.0 and 3 */
            unsigned long e = ERR_peek_last_error();
            cr_assert_eq(ERR_GET_LIB(e), ERR_LIB_PEM, "%s", encrypted[i]);
            cr_assert_str_eq(ERR_reason_error_string(e), "bad decrypt", "%s", encrypted[i]);
        }
    }
    ERR_clear_error();
}

/* Without a callback or a passphrase OpenSSL prompts on the terminal; nettls never prompts and fails with
 * "bad password read" (not run against OpenSSL, which would wait for a passphrase). */
Test(client_cert_cb, an_encrypted_key_without_a_passphrase_is_bad_password_read)
{
    if (TLS_ORACLE) {
        return;
    }
    ERR_clear_error();
    cr_assert_null(read_key("key-rsa-pkcs8-aes256.pem", NULL, NULL));
    unsigned long e = ERR_peek_last_error();
    cr_assert_eq(ERR_GET_LIB(e), ERR_LIB_PEM);
    cr_assert_str_eq(ERR_reason_error_string(e), "bad password read");
    ERR_clear_error();
}
