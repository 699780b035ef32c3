/* The DES_* calls of NTLM and other legacy code, against <openssl/des.h> only; built against nettls and the
 * system OpenSSL. The single-block vector is the classic worked example (key 133457799BBCDFF1, plaintext
 * 0123456789ABCDEF, ciphertext 85E813540F0AB405). */
#include <criterion/criterion.h>
#include <string.h>

#include <openssl/des.h>

static DES_cblock key = { 0x13, 0x34, 0x57, 0x79, 0x9B, 0xBC, 0xDF, 0xF1 };
static DES_cblock plain = { 0x01, 0x23, 0x45, 0x67, 0x89, 0xAB, 0xCD, 0xEF };
static DES_cblock cipher = { 0x85, 0xE8, 0x13, 0x54, 0x0F, 0x0A, 0xB4, 0x05 };

Test(des, ecb_single_block_both_ways)
{
    DES_key_schedule ks;
    DES_cblock out, back;
    cr_assert_eq(DES_set_key(&key, &ks), 0);
    DES_ecb_encrypt(&plain, &out, &ks, DES_ENCRYPT);
    cr_assert_arr_eq(out, cipher, 8);
    DES_ecb_encrypt((const_DES_cblock *)&out, &back, &ks, DES_DECRYPT);
    cr_assert_arr_eq(back, plain, 8);
}

/* NTLM builds DES keys from 7-byte pieces and fixes the parity; DES ignores the parity bits. */
Test(des, odd_parity_and_key_checks)
{
    DES_cblock k = { 0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07 };
    static const DES_cblock fixed = { 0x01, 0x01, 0x02, 0x02, 0x04, 0x04, 0x07, 0x07 };
    DES_key_schedule ks;
    cr_assert_eq(DES_check_key_parity(&k), 0);
    DES_set_odd_parity(&k);
    cr_assert_arr_eq(k, fixed, 8);
    cr_assert_eq(DES_check_key_parity(&k), 1);
    cr_assert_eq(DES_is_weak_key(&k), 0);

    DES_cblock weak = { 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01 };
    DES_cblock bad_parity = { 0x12, 0x34, 0x57, 0x79, 0x9B, 0xBC, 0xDF, 0xF1 };
    cr_assert_eq(DES_is_weak_key(&weak), 1);
    cr_assert_eq(DES_set_key_checked(&weak, &ks), -2);
    cr_assert_eq(DES_set_key_checked(&bad_parity, &ks), -1);
    cr_assert_eq(DES_set_key_checked(&key, &ks), 0);

    /* The parity bits do not change the cipher. */
    DES_key_schedule ks2;
    DES_cblock a, b, k2;
    memcpy(k2, key, 8);
    k2[0] ^= 0x01;
    DES_set_key_unchecked(&key, &ks);
    DES_set_key_unchecked(&k2, &ks2);
    DES_ecb_encrypt(&plain, &a, &ks, DES_ENCRYPT);
    DES_ecb_encrypt(&plain, &b, &ks2, DES_ENCRYPT);
    cr_assert_arr_eq(a, b, 8);
}

/* CBC chains through ivec, and ivec ends as the last ciphertext block. */
Test(des, ncbc_chains_and_updates_the_iv)
{
    DES_key_schedule ks;
    unsigned char in[16], out[16], back[16];
    DES_cblock iv = { 0 }, first;
    memcpy(in, plain, 8);
    memcpy(in + 8, plain, 8);
    DES_set_key_unchecked(&key, &ks);
    DES_ncbc_encrypt(in, out, 16, &ks, &iv, DES_ENCRYPT);
    cr_assert_arr_eq(out, cipher, 8); /* a zero IV leaves the first block plain ECB */
    cr_assert_arr_eq(iv, out + 8, 8);
    memset(first, 0, 8);
    DES_ncbc_encrypt(out, back, 16, &ks, &first, DES_DECRYPT);
    cr_assert_arr_eq(back, in, 16);
    cr_assert_arr_eq(first, out + 8, 8);
}

/* 3DES with three equal keys is single DES. */
Test(des, ede3_with_equal_keys_is_des)
{
    DES_key_schedule ks;
    DES_cblock out, iv = { 0 };
    unsigned char cbc[8];
    DES_set_key_unchecked(&key, &ks);
    DES_ecb3_encrypt(&plain, &out, &ks, &ks, &ks, DES_ENCRYPT);
    cr_assert_arr_eq(out, cipher, 8);
    DES_ede3_cbc_encrypt(plain, cbc, 8, &ks, &ks, &ks, &iv, DES_ENCRYPT);
    cr_assert_arr_eq(cbc, cipher, 8);
}

/* A last partial block is zero-padded and written whole when encrypting. */
Test(des, ncbc_partial_block)
{
    DES_key_schedule ks;
    unsigned char in[8] = { 0x01, 0x23, 0x45, 0x67, 0x89, 0, 0, 0 }, full[8], part[8];
    DES_cblock iv1 = { 0 }, iv2 = { 0 };
    DES_set_key_unchecked(&key, &ks);
    DES_ncbc_encrypt(in, full, 8, &ks, &iv1, DES_ENCRYPT);
    DES_ncbc_encrypt(in, part, 5, &ks, &iv2, DES_ENCRYPT);
    cr_assert_arr_eq(full, part, 8);
}
