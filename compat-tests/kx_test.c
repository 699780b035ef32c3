/* Forward-secret and DSS key exchange and client certificates through the OpenSSL API: DHE with
 * SSL_CTX_set_tmp_dh (a PEM group) or SSL_CTX_set_dh_auto, ECDHE over each group and group lists, a context
 * holding RSA, DSA and EC identities at once, encrypted keys through the password callback, and client
 * certificates of each key type, required or missing. Built against nettls and against the system
 * OpenSSL 3 (see tls_pair.h for where they differ). */
#include <criterion/criterion.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>

#include <openssl/dh.h>
#include <openssl/ec.h>
#include <openssl/err.h>
#include <openssl/obj_mac.h>
#include <openssl/pem.h>
#include <openssl/ssl.h>
#include <openssl/x509.h>

#include "tls_pair.h"

static void setup(void)
{
    signal(SIGPIPE, SIG_IGN);
    OPENSSL_init_ssl(0, NULL);
    ERR_clear_error();
}

TestSuite(kx, .init = setup, .timeout = 60);

static const char ping[] = "ping over an ephemeral key";

/* The server reads the client's bytes and sends them back; both then close. */
static void echo_server(struct tls_side *side)
{
    char buf[sizeof ping];
    tls_do_accept(side);
    if (side->ret == 1) {
        side->ret = tls_read_all(side->ssl, buf, sizeof buf) && tls_write_all(side->ssl, buf, sizeof buf);
    }
}

static void ping_client(struct tls_side *side)
{
    char buf[sizeof ping];
    tls_do_connect(side);
    if (side->ret == 1) {
        side->ret = tls_write_all(side->ssl, ping, sizeof ping) && tls_read_all(side->ssl, buf, sizeof buf) &&
                    memcmp(buf, ping, sizeof ping) == 0;
    }
}

/* One connection: returns the suite both agreed on (a static copy), or "" after a failure. */
static const char *handshake(SSL_CTX *cctx, SSL_CTX *sctx)
{
    static char name[64];
    struct tls_side client = { .run = ping_client }, server = { .run = echo_server };
    tls_run(cctx, &client, sctx, &server);
    cr_expect_eq(client.ret, 1, "client: error %d, %lx", client.err, client.errcode);
    cr_expect_eq(server.ret, 1, "server: error %d, %lx", server.err, server.errcode);
    snprintf(name, sizeof name, "%s", client.ret == 1 ? SSL_get_cipher_name(client.ssl) : "");
    if (server.ret == 1) {
        cr_expect_str_eq(SSL_get_cipher_name(server.ssl), name);
    }
    tls_sides_free(&client, &server);
    return name;
}

static DH *read_dh(const char *fixture)
{
    FILE *f = fopen(tls_fixture(fixture), "r");
    cr_assert_not_null(f);
    DH *dh = PEM_read_DHparams(f, NULL, NULL, NULL);
    fclose(f);
    return dh;
}

/* ---------------------------------------------------------------------------------------------------- */
/* DHE */

Test(kx, dhe_rsa_with_a_pem_group_from_set_tmp_dh)
{
    DH *dh = read_dh("dh-ffdhe2048.pem");
    cr_assert_not_null(dh);
    cr_assert_eq(DH_size(dh), 256);
    const char *suites[] = { "DHE-RSA-AES128-SHA", "DHE-RSA-AES256-SHA" };
    for (size_t i = 0; i < 2; i++) {
        SSL_CTX *sctx = tls_server_ctx(suites[i], "server-rsa.pem", "server-rsa.key");
        SSL_CTX *cctx = tls_client_ctx(suites[i]);
        cr_assert_eq(SSL_CTX_set_tmp_dh(sctx, dh), 1);
        cr_assert_str_eq(handshake(cctx, sctx), suites[i]);
        SSL_CTX_free(sctx);
        SSL_CTX_free(cctx);
    }
    DH_free(dh); /* the contexts kept their own copy */
}

Test(kx, dhe_rsa_with_dh_auto)
{
    SSL_CTX *sctx = tls_server_ctx("DHE-RSA-AES256-SHA", "server-rsa.pem", "server-rsa.key");
    SSL_CTX *cctx = tls_client_ctx("DHE-RSA-AES256-SHA");
    cr_assert_eq(SSL_CTX_set_dh_auto(sctx, 1), 1);
    cr_assert_str_eq(handshake(cctx, sctx), "DHE-RSA-AES256-SHA");
    SSL_CTX_free(sctx);
    SSL_CTX_free(cctx);
}

Test(kx, set_tmp_dh_refuses_null_and_the_reader_skips_other_blocks)
{
    SSL_CTX *sctx = tls_server_ctx("DHE-RSA-AES128-SHA", NULL, NULL);
    cr_assert_eq(SSL_CTX_set_tmp_dh(sctx, NULL), 0);
    cr_assert_eq(ERR_GET_LIB(ERR_peek_error()), ERR_LIB_SSL);
    cr_assert_eq(ERR_GET_REASON(ERR_peek_error()), ERR_R_PASSED_NULL_PARAMETER);
    ERR_clear_error();
    /* A certificate file holds no DH PARAMETERS block: the reader says so. */
    BIO *b = BIO_new_file(tls_fixture("server-rsa.pem"), "r");
    cr_assert_null(PEM_read_bio_DHparams(b, NULL, NULL, NULL));
    cr_assert_eq(ERR_GET_LIB(ERR_peek_last_error()), ERR_LIB_PEM);
    cr_assert_eq(ERR_GET_REASON(ERR_peek_last_error()), PEM_R_NO_START_LINE);
    ERR_clear_error();
    BIO_free(b);
    b = BIO_new_file(tls_fixture("dh-ffdhe2048.pem"), "r");
    DH *dh = PEM_read_bio_DHparams(b, NULL, NULL, NULL);
    cr_assert_not_null(dh);
    cr_assert_eq(DH_bits(dh), 2048);
    unsigned char *der = NULL;
    int len = i2d_DHparams(dh, &der);
    cr_assert_eq(len, 268, "SEQUENCE { INTEGER 0x00 || 2048-bit p, INTEGER 2 }");
    const unsigned char *p = der;
    DH *back = d2i_DHparams(NULL, &p, len);
    cr_assert_not_null(back);
    cr_assert_eq(p, der + len);
    cr_assert_eq(SSL_CTX_set_tmp_dh(sctx, back), 1);
    OPENSSL_free(der);
    DH_free(back);
    DH_free(dh);
    BIO_free(b);
    SSL_CTX_free(sctx);
}

Test(kx, dhe_dss_with_a_dsa_certificate)
{
    SSL_CTX *sctx = tls_server_ctx("DHE-DSS-AES128-SHA", "dsa-2048.pem", "dsa-2048.key");
    SSL_CTX *cctx = tls_client_ctx("DHE-DSS-AES128-SHA");
    cr_assert(sctx != NULL && cctx != NULL);
    cr_assert_eq(SSL_CTX_set_dh_auto(sctx, 1), 1);
    cr_assert_str_eq(handshake(cctx, sctx), "DHE-DSS-AES128-SHA");
    SSL_CTX_free(sctx);
    SSL_CTX_free(cctx);
}

/* ---------------------------------------------------------------------------------------------------- */
/* ECDHE and groups */

Test(kx, ecdhe_over_each_group_and_certificate)
{
    static const struct {
        const char *suite, *cert, *key, *groups;
    } cases[] = {
        { "ECDHE-RSA-AES128-SHA", "server-rsa.pem", "server-rsa.key", "P-256" },
        { "ECDHE-RSA-AES128-SHA", "server-rsa.pem", "server-rsa.key", "secp384r1" },
        { "ECDHE-RSA-AES256-SHA", "server-rsa.pem", "server-rsa.key", "X25519" },
        { "ECDHE-ECDSA-AES128-SHA", "ec-p256.pem", "ec-p256.key", "prime256v1" },
        { "ECDHE-ECDSA-AES128-SHA", "ec-p384.pem", "ec-p384.key", "P-384" },
        { "ECDHE-ECDSA-AES256-SHA", "ec-p256.pem", "ec-p256.key", "X25519:P-256" },
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        SSL_CTX *sctx = tls_server_ctx(cases[i].suite, cases[i].cert, cases[i].key);
        SSL_CTX *cctx = tls_client_ctx(cases[i].suite);
        cr_assert_eq(SSL_CTX_set_ecdh_auto(sctx, 1), 1);
        cr_assert_eq(SSL_CTX_set1_groups_list(cctx, cases[i].groups), 1, "%s", cases[i].groups);
        cr_assert_eq(SSL_CTX_set1_curves_list(sctx, cases[i].groups), 1);
        cr_assert_str_eq(handshake(cctx, sctx), cases[i].suite, "case %zu", i);
        SSL_CTX_free(sctx);
        SSL_CTX_free(cctx);
    }
}

Test(kx, group_lists_take_openssl_names_and_refuse_unknown_ones)
{
    SSL_CTX *ctx = tls_client_ctx("ECDHE-RSA-AES128-SHA");
    cr_assert_eq(SSL_CTX_set1_groups_list(ctx, "P-256:X25519:secp384r1"), 1);
    cr_assert_eq(SSL_CTX_set1_curves_list(ctx, "prime256v1"), 1);
    cr_assert_eq(SSL_CTX_set1_groups_list(ctx, "P-256:no-such-curve"), 0);
    cr_assert_eq(SSL_CTX_set1_groups_list(ctx, ""), 0);
    int nids[] = { NID_X25519, NID_secp384r1 };
    cr_assert_eq(SSL_CTX_set1_groups(ctx, nids, 2), 1);
    cr_assert_eq(SSL_CTX_set1_curves(ctx, nids, 1), 1);
    SSL *s = SSL_new(ctx);
    cr_assert_eq(SSL_set1_groups_list(s, "P-384"), 1);
    cr_assert_eq(SSL_set1_curves_list(s, "bogus"), 0);
    SSL_free(s);
    ERR_clear_error();
    SSL_CTX_free(ctx);
}

Test(kx, no_shared_group_fails_the_ecdhe_handshake)
{
    SSL_CTX *sctx = tls_server_ctx("ECDHE-RSA-AES128-SHA", "server-rsa.pem", "server-rsa.key");
    SSL_CTX *cctx = tls_client_ctx("ECDHE-RSA-AES128-SHA");
    cr_assert_eq(SSL_CTX_set1_groups_list(sctx, "P-384"), 1);
    cr_assert_eq(SSL_CTX_set1_groups_list(cctx, "P-256"), 1);
    struct tls_side client = { .run = tls_do_connect }, server = { .run = tls_do_accept };
    tls_run(cctx, &client, sctx, &server);
    cr_assert_eq(server.ret, -1);
    cr_assert_eq(server.err, SSL_ERROR_SSL);
    cr_assert_eq(ERR_GET_REASON(server.errcode), SSL_R_NO_SHARED_CIPHER, "%lx", server.errcode);
    cr_assert_eq(client.ret, -1);
    cr_assert_eq(client.err, SSL_ERROR_SSL);
    cr_assert_eq(ERR_GET_REASON(client.errcode), SSL_R_SSLV3_ALERT_HANDSHAKE_FAILURE);
    ERR_clear_error();
    tls_sides_free(&client, &server);
    SSL_CTX_free(sctx);
    SSL_CTX_free(cctx);
}

Test(kx, set_tmp_ecdh_names_the_curve)
{
    SSL_CTX *sctx = tls_server_ctx("ECDHE-ECDSA-AES128-SHA", "ec-p384.pem", "ec-p384.key");
    SSL_CTX *cctx = tls_client_ctx("ECDHE-ECDSA-AES128-SHA");
    EC_KEY *key = EC_KEY_new_by_curve_name(NID_secp384r1);
    cr_assert_not_null(key);
    cr_assert_eq(EC_GROUP_get_curve_name(EC_KEY_get0_group(key)), NID_secp384r1);
    cr_assert_eq(SSL_CTX_set_tmp_ecdh(sctx, key), 1);
    EC_KEY_free(key);
    cr_assert_str_eq(handshake(cctx, sctx), "ECDHE-ECDSA-AES128-SHA");
    SSL_CTX_free(sctx);
    SSL_CTX_free(cctx);
}

/* ---------------------------------------------------------------------------------------------------- */
/* Several identities, encrypted keys */

static void use_pair(SSL_CTX *ctx, const char *cert, const char *key)
{
    cr_assert_eq(SSL_CTX_use_certificate_file(ctx, tls_fixture(cert), SSL_FILETYPE_PEM), 1, "%s", cert);
    cr_assert_eq(SSL_CTX_use_PrivateKey_file(ctx, tls_fixture(key), SSL_FILETYPE_PEM), 1, "%s", key);
    cr_assert_eq(SSL_CTX_check_private_key(ctx), 1);
}

Test(kx, one_context_serves_rsa_dsa_and_ecdsa_suites)
{
    SSL_CTX *sctx = tls_server_ctx("DHE-DSS-AES128-SHA:ECDHE-ECDSA-AES128-SHA:AES128-SHA:DHE-RSA-AES128-SHA",
                                   NULL, NULL);
    cr_assert_eq(SSL_CTX_set_dh_auto(sctx, 1), 1);
    use_pair(sctx, "server-rsa.pem", "server-rsa.key");
    use_pair(sctx, "dsa-2048.pem", "dsa-2048.key");
    use_pair(sctx, "ec-p256.pem", "ec-p256.key");
    const char *suites[] = { "DHE-DSS-AES128-SHA", "ECDHE-ECDSA-AES128-SHA", "AES128-SHA",
                             "DHE-RSA-AES128-SHA" };
    for (size_t i = 0; i < sizeof suites / sizeof suites[0]; i++) {
        SSL_CTX *cctx = tls_client_ctx(suites[i]);
        cr_assert_str_eq(handshake(cctx, sctx), suites[i]);
        SSL_CTX_free(cctx);
    }
    SSL_CTX_free(sctx);
}

Test(kx, a_certificate_of_another_type_keeps_the_first_pair)
{
    SSL_CTX *ctx = tls_server_ctx("AES128-SHA", "server-rsa.pem", "server-rsa.key");
    /* The EC certificate goes to its own slot, whose key is still missing (the last loaded pair). */
    cr_assert_eq(SSL_CTX_use_certificate_file(ctx, tls_fixture("ec-p256.pem"), SSL_FILETYPE_PEM), 1);
    cr_assert_eq(SSL_CTX_check_private_key(ctx), 0);
    cr_assert_eq(ERR_GET_REASON(ERR_peek_error()), SSL_R_NO_PRIVATE_KEY_ASSIGNED);
    ERR_clear_error();
    SSL_CTX *cctx = tls_client_ctx("AES128-SHA");
    cr_assert_str_eq(handshake(cctx, ctx), "AES128-SHA");
    SSL_CTX_free(cctx);
    SSL_CTX_free(ctx);
}

struct pass {
    const char *text;
    int calls;
};

static int pass_cb(char *buf, int size, int rwflag, void *userdata)
{
    struct pass *p = userdata;
    p->calls++;
    cr_assert_eq(rwflag, 0);
    int n = (int)strlen(p->text);
    cr_assert(n < size);
    memcpy(buf, p->text, (size_t)n);
    return n;
}

Test(kx, an_encrypted_key_is_read_with_the_password_callback)
{
    static const char *keys[] = { "key-rsa-legacy-aes128.pem", "key-rsa-pkcs8-aes256.pem" };
    for (size_t i = 0; i < 2; i++) {
        SSL_CTX *sctx = tls_server_ctx("DHE-RSA-AES128-SHA", NULL, NULL);
        struct pass wrong = { "not it", 0 }, right = { "nettls", 0 };
        cr_assert_eq(SSL_CTX_use_certificate_file(sctx, tls_fixture("server-rsa.pem"), SSL_FILETYPE_PEM), 1);
        SSL_CTX_set_default_passwd_cb(sctx, pass_cb);
        SSL_CTX_set_default_passwd_cb_userdata(sctx, &wrong);
        cr_assert_eq(SSL_CTX_use_PrivateKey_file(sctx, tls_fixture(keys[i]), SSL_FILETYPE_PEM), 0);
        cr_assert_eq(wrong.calls, 1);
        cr_assert_neq(ERR_peek_error(), 0);
        ERR_clear_error();
        SSL_CTX_set_default_passwd_cb_userdata(sctx, &right);
        cr_assert_eq(SSL_CTX_use_PrivateKey_file(sctx, tls_fixture(keys[i]), SSL_FILETYPE_PEM), 1, "%s",
                     keys[i]);
        cr_assert_eq(right.calls, 1);
        cr_assert_eq(SSL_CTX_set_dh_auto(sctx, 1), 1);
        SSL_CTX *cctx = tls_client_ctx("DHE-RSA-AES128-SHA");
        cr_assert_str_eq(handshake(cctx, sctx), "DHE-RSA-AES128-SHA");
        SSL_CTX_free(cctx);
        SSL_CTX_free(sctx);
    }
}

/* ---------------------------------------------------------------------------------------------------- */
/* Client certificates */

/* A server that requires a client certificate and trusts the given (self-signed or CA) file. */
static SSL_CTX *auth_server(const char *suite, const char *trusted)
{
    SSL_CTX *sctx = tls_server_ctx(suite, "server-rsa.pem", "server-rsa.key");
    cr_assert_eq(SSL_CTX_set_dh_auto(sctx, 1), 1);
    cr_assert_eq(SSL_CTX_load_verify_locations(sctx, tls_fixture(trusted), NULL), 1);
    SSL_CTX_set_client_CA_list(sctx, SSL_load_client_CA_file(tls_fixture(trusted)));
    int mode = SSL_VERIFY_PEER | SSL_VERIFY_FAIL_IF_NO_PEER_CERT | SSL_VERIFY_CLIENT_ONCE;
    SSL_CTX_set_verify(sctx, mode, NULL);
    return sctx;
}

Test(kx, client_certificates_of_each_key_type)
{
    static const struct {
        const char *cert, *key, *trusted, *suite;
    } cases[] = {
        { "client-rsa.pem", "client-rsa.key", "ca-rsa.pem", "DHE-RSA-AES128-SHA" },
        { "dsa-2048.pem", "dsa-2048.key", "dsa-2048.pem", "DHE-RSA-AES128-SHA" },
        { "ec-p256.pem", "ec-p256.key", "ec-p256.pem", "ECDHE-RSA-AES128-SHA" },
        { "ec-p384.pem", "ec-p384.key", "ec-p384.pem", "AES128-SHA" },
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        SSL_CTX *sctx = auth_server(cases[i].suite, cases[i].trusted);
        SSL_CTX *cctx = tls_client_ctx(cases[i].suite);
        use_pair(cctx, cases[i].cert, cases[i].key);
        struct tls_side client = { .run = ping_client }, server = { .run = echo_server };
        tls_run(cctx, &client, sctx, &server);
        cr_assert_eq(client.ret, 1, "%s: client error %lx", cases[i].cert, client.errcode);
        cr_assert_eq(server.ret, 1, "%s: server error %lx", cases[i].cert, server.errcode);
        cr_assert_eq(SSL_get_verify_result(server.ssl), X509_V_OK);
        X509 *peer = SSL_get_peer_certificate(server.ssl);
        X509 *want = NULL;
        BIO *b = BIO_new_file(tls_fixture(cases[i].cert), "r");
        want = PEM_read_bio_X509(b, NULL, NULL, NULL);
        cr_assert(peer != NULL && want != NULL);
        unsigned char *d1 = NULL, *d2 = NULL;
        int l1 = i2d_X509(peer, &d1), l2 = i2d_X509(want, &d2);
        cr_assert(l1 > 0 && l1 == l2 && memcmp(d1, d2, (size_t)l1) == 0, "the server got %s", cases[i].cert);
        OPENSSL_free(d1);
        OPENSSL_free(d2);
        X509_free(peer);
        X509_free(want);
        BIO_free(b);
        tls_sides_free(&client, &server);
        SSL_CTX_free(sctx);
        SSL_CTX_free(cctx);
    }
}

Test(kx, a_missing_client_certificate_fails_with_dhe_too)
{
    SSL_CTX *sctx = auth_server("DHE-RSA-AES128-SHA", "ca-rsa.pem");
    SSL_CTX *cctx = tls_client_ctx("DHE-RSA-AES128-SHA");
    struct tls_side client = { .run = tls_do_connect }, server = { .run = tls_do_accept };
    tls_run(cctx, &client, sctx, &server);
    cr_assert_eq(server.ret, -1);
    cr_assert_eq(server.err, SSL_ERROR_SSL);
    cr_assert_eq(ERR_GET_REASON(server.errcode), SSL_R_PEER_DID_NOT_RETURN_A_CERTIFICATE);
    cr_assert_str_eq(ERR_reason_error_string(server.errcode), "peer did not return a certificate");
    cr_assert_eq(client.ret, -1);
    cr_assert_eq(client.err, SSL_ERROR_SSL);
    cr_assert_eq(ERR_GET_REASON(client.errcode), SSL_R_SSLV3_ALERT_HANDSHAKE_FAILURE);
    ERR_clear_error();
    tls_sides_free(&client, &server);
    SSL_CTX_free(sctx);
    SSL_CTX_free(cctx);
}

Test(kx, an_optional_client_certificate_may_be_missing)
{
    SSL_CTX *sctx = auth_server("ECDHE-RSA-AES128-SHA", "ca-rsa.pem");
    SSL_CTX_set_verify(sctx, SSL_VERIFY_PEER, NULL);
    SSL_CTX *cctx = tls_client_ctx("ECDHE-RSA-AES128-SHA");
    struct tls_side client = { .run = ping_client }, server = { .run = echo_server };
    tls_run(cctx, &client, sctx, &server);
    cr_assert_eq(client.ret, 1);
    cr_assert_eq(server.ret, 1);
    cr_assert_null(SSL_get_peer_certificate(server.ssl));
    tls_sides_free(&client, &server);
    SSL_CTX_free(sctx);
    SSL_CTX_free(cctx);
}
