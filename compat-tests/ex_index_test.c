/* ex_data indices (man CRYPTO_get_ex_new_index, SSL_get_ex_new_index), against <openssl/...> only; built
 * against nettls and the system OpenSSL. Programs take an index once and keep their pointers under it. */
#include <criterion/criterion.h>

#include <openssl/crypto.h>
#include <openssl/ssl.h>
#include <openssl/x509_vfy.h>

Test(ex_index, indices_are_positive_distinct_and_usable)
{
    int a = SSL_get_ex_new_index(0, "first", NULL, NULL, NULL);
    int b = SSL_get_ex_new_index(0, "second", NULL, NULL, NULL);
    cr_assert_gt(a, 0); /* 0 belongs to SSL_get_app_data() */
    cr_assert_gt(b, a);
    int c = SSL_CTX_get_ex_new_index(0, NULL, NULL, NULL, NULL);
    cr_assert_gt(c, 0);

    SSL_CTX *ctx = SSL_CTX_new(TLS_method());
    SSL *ssl = SSL_new(ctx);
    static int x, y, z;
    cr_assert_eq(SSL_set_ex_data(ssl, a, &x), 1);
    cr_assert_eq(SSL_set_ex_data(ssl, b, &y), 1);
    cr_assert_eq(SSL_CTX_set_ex_data(ctx, c, &z), 1);
    cr_assert_eq(SSL_get_ex_data(ssl, a), &x);
    cr_assert_eq(SSL_get_ex_data(ssl, b), &y);
    cr_assert_eq(SSL_CTX_get_ex_data(ctx, c), &z);
    SSL_free(ssl);
    SSL_CTX_free(ctx);
}

/* A verify callback finds its SSL at SSL_get_ex_data_X509_STORE_CTX_idx(); the program's own indices on
 * X509_STORE_CTX never collide with it. */
Test(ex_index, store_ctx_indices_avoid_the_ssl_slot)
{
    int ssl_idx = SSL_get_ex_data_X509_STORE_CTX_idx();
    int mine = X509_STORE_CTX_get_ex_new_index(0, NULL, NULL, NULL, NULL);
    cr_assert_geq(ssl_idx, 0);
    cr_assert_gt(mine, 0);
    cr_assert_neq(mine, ssl_idx);
    cr_assert_gt(CRYPTO_get_ex_new_index(CRYPTO_EX_INDEX_APP, 0, NULL, NULL, NULL, NULL), 0);
}
