/* OpenSSL_version() and friends, against <openssl/...> only; built against nettls and the system OpenSSL.
 * The nettls-only checks (the exact number and text nettls claims) sit under NETTLS_VERSION_NUMBER. */
#include <criterion/criterion.h>
#include <string.h>

#include <openssl/crypto.h>
#include <openssl/opensslv.h>

static int starts_with(const char *s, const char *prefix)
{
    return s != NULL && strncmp(s, prefix, strlen(prefix)) == 0;
}

Test(version, number_is_the_header_number_and_at_least_1_1_0)
{
    cr_assert_eq(OpenSSL_version_num(), (unsigned long)OPENSSL_VERSION_NUMBER);
    cr_assert_geq(OpenSSL_version_num(), 0x10100000UL);
    cr_assert_eq(SSLeay(), OpenSSL_version_num());
    cr_assert_eq(SSLEAY_VERSION_NUMBER, OPENSSL_VERSION_NUMBER);
}

Test(version, texts_have_openssl_prefixes)
{
    const char *text = OpenSSL_version(OPENSSL_VERSION);
    cr_assert(starts_with(text, "OpenSSL "), "%s", text);
    cr_assert(starts_with(OpenSSL_version(OPENSSL_CFLAGS), "compiler: "));
    cr_assert(starts_with(OpenSSL_version(OPENSSL_BUILT_ON), "built on: "));
    cr_assert(starts_with(OpenSSL_version(OPENSSL_PLATFORM), "platform: "));
    cr_assert(starts_with(OpenSSL_version(OPENSSL_DIR), "OPENSSLDIR: \""));
    cr_assert(starts_with(OpenSSL_version(OPENSSL_ENGINES_DIR), "ENGINESDIR: \""));
    cr_assert_str_eq(OpenSSL_version(-1), "not available");
    cr_assert_str_eq(SSLeay_version(SSLEAY_VERSION), OpenSSL_version(OPENSSL_VERSION));
    cr_assert_str_eq(SSLeay_version(SSLEAY_DIR), OpenSSL_version(OPENSSL_DIR));
}

#ifdef NETTLS_VERSION_NUMBER
Test(version, nettls_claims_openssl_1_1_0l_and_says_it_is_nettls)
{
    cr_assert_eq(OPENSSL_VERSION_NUMBER, 0x101000cfL);
    cr_assert_eq(OpenSSL_version_num(), 0x101000cfUL);
    cr_assert_str_eq(OpenSSL_version(OPENSSL_VERSION), OPENSSL_VERSION_TEXT);
    cr_assert_str_eq(OPENSSL_VERSION_TEXT, "OpenSSL 1.1.0l (compatible; nettls " NETTLS_VERSION_TEXT ")");
}
#endif
