/* Initialisation in its 1.1.0 form and through the 1.0.x macros, against <openssl/...> only; built against
 * nettls and the system OpenSSL. Each Criterion test runs in its own process, so OPENSSL_cleanup() here
 * does not affect the others. */
#include <criterion/criterion.h>

#include <openssl/conf.h>
#include <openssl/crypto.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/ssl.h>

Test(init, explicit_initialisation_succeeds)
{
    cr_assert_eq(OPENSSL_init_crypto(0, NULL), 1);
    cr_assert_eq(OPENSSL_init_crypto(OPENSSL_INIT_LOAD_CRYPTO_STRINGS | OPENSSL_INIT_ADD_ALL_CIPHERS, NULL),
                 1);
    cr_assert_eq(OPENSSL_init_ssl(0, NULL), 1);
    cr_assert_eq(OPENSSL_init_ssl(OPENSSL_INIT_SSL_DEFAULT, NULL), 1);
    cr_assert_eq(OPENSSL_init_ssl(OPENSSL_INIT_NO_LOAD_SSL_STRINGS, NULL), 1);
}

Test(init, the_1_0_x_macros_work)
{
    cr_assert_eq(SSL_library_init(), 1);
    SSL_load_error_strings();
    OpenSSL_add_ssl_algorithms();
    SSLeay_add_ssl_algorithms();
    OpenSSL_add_all_algorithms();
    OpenSSL_add_all_ciphers();
    OpenSSL_add_all_digests();
    ERR_load_crypto_strings();
    cr_assert_eq(ERR_load_SSL_strings(), 1);
    EVP_cleanup();
    CRYPTO_cleanup_all_ex_data();
    ERR_free_strings();
    cr_assert_str_eq(ERR_lib_error_string(ERR_PACK(ERR_LIB_SSL, 0, 0)), "SSL routines");
}

Test(init, settings_object)
{
    OPENSSL_INIT_SETTINGS *s = OPENSSL_INIT_new();
    cr_assert_not_null(s);
    cr_assert_eq(OPENSSL_INIT_set_config_appname(s, "nettls-test"), 1);
    cr_assert_eq(OPENSSL_INIT_set_config_appname(s, "again"), 1);
    cr_assert_eq(OPENSSL_init_crypto(OPENSSL_INIT_NO_LOAD_CONFIG, s), 1);
    OPENSSL_INIT_free(s);
    OPENSSL_INIT_free(NULL);
}

Test(init, config_and_cleanup_are_accepted)
{
    OPENSSL_no_config();
    OPENSSL_cleanup();
}
