#include <criterion/criterion.h>

#include "base/ct.h"

Test(ct, comparisons_give_full_masks)
{
    cr_assert_eq(ntls_ct_eq(5, 5), 0xFFFFFFFFu);
    cr_assert_eq(ntls_ct_eq(5, 6), 0u);
    cr_assert_eq(ntls_ct_lt(3, 4), 0xFFFFFFFFu);
    cr_assert_eq(ntls_ct_lt(4, 4), 0u);
    cr_assert_eq(ntls_ct_lt(0, 0x7FFFFFFF), 0xFFFFFFFFu);
    cr_assert_eq(ntls_ct_ge(4, 4), 0xFFFFFFFFu);
    cr_assert_eq(ntls_ct_nonzero(0), 0u);
    cr_assert_eq(ntls_ct_nonzero(0x80000000u), 0xFFFFFFFFu);
    cr_assert_eq(ntls_ct_mux(0xFFFFFFFFu, 7, 9), 7u);
    cr_assert_eq(ntls_ct_mux(0, 7, 9), 9u);
}

Test(ct, memeq_sees_a_difference_at_every_position)
{
    uint8_t a[37], b[37];
    for (size_t i = 0; i < sizeof a; i++) {
        a[i] = b[i] = (uint8_t)(i * 7);
    }
    cr_assert_eq(ntls_ct_memeq(a, b, sizeof a), 0xFFFFFFFFu);
    for (size_t i = 0; i < sizeof a; i++) {
        b[i] ^= 0x01;
        cr_assert_eq(ntls_ct_memeq(a, b, sizeof a), 0u, "difference at %zu missed", i);
        b[i] ^= 0x01;
    }
}

Test(ct, memcpy_if_copies_only_under_mask)
{
    uint8_t dst[4] = { 1, 2, 3, 4 };
    const uint8_t src[4] = { 9, 9, 9, 9 };
    ntls_ct_memcpy_if(0, dst, src, 4);
    cr_assert_eq(dst[0], 1);
    cr_assert_eq(dst[3], 4);
    ntls_ct_memcpy_if(0xFFFFFFFFu, dst, src, 4);
    cr_assert_eq(dst[0], 9);
    cr_assert_eq(dst[3], 9);
}
