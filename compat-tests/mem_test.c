/* OPENSSL_malloc() and friends, OPENSSL_cleanse(), CRYPTO_memcmp() and the 1.0.x locking macros, against
 * <openssl/...> only; built against nettls and the system OpenSSL. */
#include <criterion/criterion.h>
#include <string.h>

#include <openssl/buffer.h>
#include <openssl/crypto.h>

Test(mem, malloc_of_zero_is_null)
{
    cr_assert_null(OPENSSL_malloc(0));
    cr_assert_null(OPENSSL_zalloc(0));
}

Test(mem, zalloc_zeroes_and_free_accepts_null)
{
    unsigned char *p = OPENSSL_zalloc(64);
    cr_assert_not_null(p);
    for (int i = 0; i < 64; i++) {
        cr_assert_eq(p[i], 0);
    }
    OPENSSL_free(p);
    OPENSSL_free(NULL);
}

Test(mem, realloc_keeps_contents_and_frees_on_zero)
{
    char *p = OPENSSL_realloc(NULL, 4);
    cr_assert_not_null(p);
    memcpy(p, "abc", 4);
    p = OPENSSL_realloc(p, 4096);
    cr_assert_not_null(p);
    cr_assert_str_eq(p, "abc");
    cr_assert_null(OPENSSL_realloc(p, 0)); /* frees p: LeakSanitizer would notice otherwise */
}

Test(mem, string_duplicates)
{
    char *s = OPENSSL_strdup("nettls");
    cr_assert_str_eq(s, "nettls");
    OPENSSL_free(s);
    s = OPENSSL_strndup("nettls", 3);
    cr_assert_str_eq(s, "net");
    OPENSSL_free(s);
    s = OPENSSL_strndup("ab", 10);
    cr_assert_str_eq(s, "ab");
    OPENSSL_free(s);
    cr_assert_null(OPENSSL_strdup(NULL));
    s = BUF_strdup("old name");
    cr_assert_str_eq(s, "old name");
    OPENSSL_free(s);
    unsigned char *m = OPENSSL_memdup("\x00\x01\x02", 3);
    cr_assert_not_null(m);
    cr_assert_eq(memcmp(m, "\x00\x01\x02", 3), 0);
    OPENSSL_free(m);
}

Test(mem, clear_free_and_clear_realloc)
{
    unsigned char *p = OPENSSL_malloc(32);
    memset(p, 0x55, 32);
    unsigned char *q = OPENSSL_clear_realloc(p, 32, 16); /* shrinking keeps the block, wipes the tail */
    cr_assert_eq(q, p);
    cr_assert_eq(q[15], 0x55);
    cr_assert_eq(q[16], 0);
    q = OPENSSL_clear_realloc(q, 32, 64);
    cr_assert_not_null(q);
    cr_assert_eq(q[0], 0x55);
    OPENSSL_clear_free(q, 64);
    OPENSSL_clear_free(NULL, 10);
}

Test(mem, cleanse_and_memcmp)
{
    unsigned char a[8] = { 1, 2, 3, 4, 5, 6, 7, 8 }, b[8];
    memcpy(b, a, sizeof b);
    cr_assert_eq(CRYPTO_memcmp(a, b, sizeof a), 0);
    b[7] ^= 0x80;
    cr_assert_neq(CRYPTO_memcmp(a, b, sizeof a), 0);
    cr_assert_eq(CRYPTO_memcmp(a, b, 7), 0);
    cr_assert_eq(CRYPTO_memcmp(a, b, 0), 0);
    OPENSSL_cleanse(a, sizeof a);
    for (int i = 0; i < 8; i++) {
        cr_assert_eq(a[i], 0);
    }
}

static void locking_cb(int mode, int n, const char *file, int line)
{
    (void)mode;
    (void)n;
    (void)file;
    (void)line;
}

static unsigned long id_cb(void)
{
    return 1;
}

/* Programs written for 1.0.x install these; since 1.1.0 they compile to nothing. */
Test(mem, old_locking_callbacks_compile_and_do_nothing)
{
    (void)locking_cb;
    (void)id_cb;
    cr_assert_eq(CRYPTO_num_locks(), 1);
    CRYPTO_set_locking_callback(locking_cb);
    CRYPTO_set_id_callback(id_cb);
    cr_assert_null(CRYPTO_get_locking_callback());
    cr_assert_null(CRYPTO_get_id_callback());
}
