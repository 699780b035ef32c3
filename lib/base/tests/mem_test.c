#include <criterion/criterion.h>
#include <string.h>

#include "base/err.h"
#include "base/mem.h"

Test(mem, zeroize_clears_every_byte)
{
    unsigned char secret[64];
    for (size_t i = 0; i < sizeof secret; i++) {
        secret[i] = 0xA5;
    }
    ntls_zeroize(secret, sizeof secret);
    for (size_t i = 0; i < sizeof secret; i++) {
        cr_assert_eq(secret[i], 0, "byte %zu not wiped", i);
    }
}

Test(mem, allocations_are_counted)
{
    unsigned long before = ntls_alloc_count();
    void *p = ntls_calloc(3, 8);
    cr_assert_not_null(p);
    cr_assert_eq(ntls_alloc_count(), before + 1);
    ntls_free_secret(p, 24);
    ntls_free_secret(NULL, 0);
    void *q = ntls_malloc(100);
    cr_assert_not_null(q);
    cr_assert_eq(ntls_alloc_count(), before + 2);
    ntls_free(q);
}

Test(err, error_remembers_its_site)
{
    ntls_result r = ntls_error(NTLS_E_DECODE);
    cr_assert_eq(r.err, NTLS_E_DECODE);
    cr_assert_not_null(strstr(ntls_error_last_func(), "error_remembers_its_site"));
    cr_assert_gt(ntls_error_last_line(), 0);
    cr_assert_str_eq(ntls_err_name(NTLS_E_BAD_RECORD_MAC), "bad_record_mac");
}
