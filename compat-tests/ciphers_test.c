/* Ciphers and protocol (SSL_get_current_cipher(3), SSL_CIPHER_get_name(3), SSL_CIPHER_description(3),
 * SSL_get_version(3), SSL_get_cipher_list(3), SSL_CTX_set_cipher_list(3), SSL_CTX_set_ciphersuites(3)):
 * what a program reads about the suite a connection uses. Built against nettls and against the system
 * OpenSSL 3 (tls_pair.h). */
#include <criterion/criterion.h>
#include <stdio.h>
#include <string.h>

#include <openssl/crypto.h>
#include <openssl/err.h>
#include <openssl/ssl.h>

#include "mem_pair.h"
#include "tls_pair.h"

static void setup(void)
{
    OPENSSL_init_ssl(0, NULL);
    ERR_clear_error();
}

TestSuite(ciphers, .init = setup, .timeout = 60);

/* The whitespace-separated words of a description: 1.1.0 and 3.x pad the columns differently. */
static void words(const char *desc, char out[8][32], int *n)
{
    char copy[256];
    strncpy(copy, desc, sizeof copy - 1);
    copy[sizeof copy - 1] = '\0';
    *n = 0;
    for (char *save = NULL, *w = strtok_r(copy, " \n", &save); w != NULL && *n < 8;
         w = strtok_r(NULL, " \n", &save)) {
        strncpy(out[*n], w, 31);
        out[(*n)++][31] = '\0';
    }
}

static void check_description(const SSL_CIPHER *c, const char *const want[6])
{
    char buf[128], w[8][32];
    int n;
    cr_assert_eq(SSL_CIPHER_description(c, buf, sizeof buf), buf);
    cr_assert_eq(buf[strlen(buf) - 1], '\n');
    words(buf, w, &n);
    cr_assert_eq(n, 6, "%s", buf);
    for (int i = 0; i < 6; i++) {
        cr_assert_str_eq(w[i], want[i]);
    }
}

/* The suite a connection negotiated. */
static void negotiate(const char *client, const char *server, void (*check)(SSL *c, SSL *s))
{
    SSL_CTX *cctx = tls_client_ctx(client);
    SSL_CTX *sctx = tls_server_ctx(server, "server-rsa.pem", "server-rsa.key");
    cr_assert(cctx != NULL && sctx != NULL);
    struct mem_pair p;
    mem_pair_new(&p, cctx, sctx);
    cr_assert_null(SSL_get_current_cipher(p.c));
    cr_assert_eq(mem_pair_handshake(&p, NULL, NULL), 1);
    check(p.c, p.s);
    mem_pair_free(&p);
    SSL_CTX_free(cctx);
    SSL_CTX_free(sctx);
}

static void check_aes256(SSL *c, SSL *s)
{
    const SSL_CIPHER *cc = SSL_get_current_cipher(c), *sc = SSL_get_current_cipher(s);
    cr_assert(cc != NULL && sc != NULL);
    cr_assert_str_eq(SSL_CIPHER_get_name(cc), "AES256-SHA");
    cr_assert_str_eq(SSL_get_cipher(s), "AES256-SHA");
    int alg = 0;
    cr_assert_eq(SSL_CIPHER_get_bits(cc, &alg), 256);
    cr_assert_eq(alg, 256);
    cr_assert_str_eq(SSL_get_version(c), "TLSv1");
    cr_assert_str_eq(SSL_get_version(s), "TLSv1");
    cr_assert_eq(SSL_version(c), TLS1_VERSION);
    static const char *const want[6] = { "AES256-SHA", "SSLv3",        "Kx=RSA",
                                         "Au=RSA",     "Enc=AES(256)", "Mac=SHA1" };
    check_description(cc, want);
}

Test(ciphers, current_cipher_and_description)
{
    negotiate("AES256-SHA:AES128-SHA", "AES128-SHA:AES256-SHA", check_aes256); /* the client's order */
}

static void check_ecdhe(SSL *c, SSL *s)
{
    (void)s;
    const SSL_CIPHER *cc = SSL_get_current_cipher(c);
    cr_assert_str_eq(SSL_CIPHER_get_name(cc), "ECDHE-RSA-AES128-SHA");
    cr_assert_eq(SSL_CIPHER_get_bits(cc, NULL), 128);
    static const char *const want[6] = { "ECDHE-RSA-AES128-SHA", "TLSv1", "Kx=ECDH", "Au=RSA", "Enc=AES(128)",
                                         "Mac=SHA1" };
    check_description(cc, want);
}

Test(ciphers, ecdhe_description)
{
    negotiate("ECDHE-RSA-AES128-SHA", "ECDHE-RSA-AES128-SHA", check_ecdhe);
}

Test(ciphers, description_buffers)
{
    SSL_CTX *ctx = tls_client_ctx("AES128-SHA");
    cr_assert_not_null(ctx);
    cr_assert_eq(SSL_CTX_set_ciphersuites(ctx, ""), 1); /* OpenSSL 3 lists TLS 1.3 suites first */
    const SSL_CIPHER *c = sk_SSL_CIPHER_value(SSL_CTX_get_ciphers(ctx), 0);
    cr_assert_not_null(c);
    char small[10];
    cr_assert_null(SSL_CIPHER_description(c, small, sizeof small)); /* 128 bytes at least */
    char *mine = SSL_CIPHER_description(c, NULL, 0);
    cr_assert_not_null(mine);
    cr_assert_eq(strncmp(mine, "AES128-SHA ", 11), 0);
    OPENSSL_free(mine);
    SSL_CTX_free(ctx);
}

/* ---------------------------------------------------------------------------------------------------- */
/* Cipher strings and the lists they leave */

Test(ciphers, cipher_list_order_and_errors)
{
    SSL_CTX *ctx = tls_client_ctx("AES128-SHA");
    cr_assert_not_null(ctx);
    /* TLS 1.3 suites: accepted and, for a TLS 1.0 connection, without effect; "" leaves none, so the
     * lists below hold only what the cipher string chose (OpenSSL 3 lists TLS 1.3 suites first). */
    cr_assert_eq(SSL_CTX_set_ciphersuites(ctx, "TLS_AES_128_GCM_SHA256:TLS_AES_256_GCM_SHA384"), 1);
    cr_assert_eq(SSL_CTX_set_ciphersuites(ctx, "NOT_A_SUITE"), 0);
    cr_assert_eq(SSL_CTX_set_ciphersuites(ctx, ""), 1);
    cr_assert_eq(SSL_CTX_set_cipher_list(ctx, "AES256-SHA:AES128-SHA:@SECLEVEL=0"), 1);
    SSL *s = SSL_new(ctx);
    cr_assert_not_null(s);
    cr_assert_str_eq(SSL_get_cipher_list(s, 0), "AES256-SHA");
    cr_assert_str_eq(SSL_get_cipher_list(s, 1), "AES128-SHA");
    cr_assert_null(SSL_get_cipher_list(s, 2));
    cr_assert_eq(sk_SSL_CIPHER_num(SSL_get_ciphers(s)), 2);
    /* A string that selects nothing fails with "no cipher match". */
    cr_assert_eq(SSL_set_cipher_list(s, "NOTHING-AT-ALL"), 0);
    cr_assert_eq(ERR_GET_LIB(ERR_peek_error()), ERR_LIB_SSL);
    cr_assert_eq(ERR_GET_REASON(ERR_peek_error()), SSL_R_NO_CIPHER_MATCH);
    ERR_clear_error();
    cr_assert_eq(SSL_set_cipher_list(s, "AES128-SHA:@SECLEVEL=0"), 1);
    cr_assert_str_eq(SSL_get_cipher_list(s, 0), "AES128-SHA");
    cr_assert_null(SSL_get_cipher_list(s, 1));
    SSL_free(s);
    /* OpenSSL's language: +, !, -, @STRENGTH and keyword combinations. */
    const char *str = "HIGH:!aNULL:!PSK:!MD5:!DSS:!ECDSA:!CAMELLIA:-kEDH:@STRENGTH:@SECLEVEL=0";
    cr_assert_eq(SSL_CTX_set_cipher_list(ctx, str), 1);
    STACK_OF(SSL_CIPHER) *sk = SSL_CTX_get_ciphers(ctx);
    cr_assert_gt(sk_SSL_CIPHER_num(sk), 0);
    int last = 1 << 30;
    for (int i = 0; i < sk_SSL_CIPHER_num(sk); i++) {
        const SSL_CIPHER *c = sk_SSL_CIPHER_value(sk, i);
        int bits = SSL_CIPHER_get_bits(c, NULL);
        const char *name = SSL_CIPHER_get_name(c);
        cr_assert_leq(bits, last, "%s out of strength order", name);
        last = bits;
        cr_assert_neq(strncmp(name, "DHE-", 4), 0, "%s", name);
        cr_assert_null(strstr(name, "MD5"), "%s", name);
    }
    SSL_CTX_free(ctx);
}
