/* Known-answer tests for cipher.c: NIST SP 800-38A CBC and FIPS 197 vectors (AES), RFC 3713 (Camellia),
 * FIPS 81 (DES-CBC), SP 800-67 (3DES), RFC 6229 (RC4), wycheproof aes_cbc_pkcs5_test.json, and the API's
 * promises: in place, IV chaining across calls, keys without DES parity. */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

#include "crypto/crypto.h"
#include "sym_test.h"

/* Runs one direction over the hex plaintext/ciphertext pair, both out of place and in place. */
static void check_cbc(enum ntls_cipher_id id, const char *key_hex, const char *iv_hex, const char *pt_hex,
                      const char *ct_hex)
{
    uint8_t key[32], iv[16], pt[128], ct[128], out[128];
    cr_assert_eq(sym_unhex(key_hex, key, sizeof key), ntls_cipher_key_size(id));
    size_t iv_len = sym_unhex(iv_hex, iv, sizeof iv);
    cr_assert_eq(iv_len, ntls_cipher_iv_size(id));
    size_t len = sym_unhex(pt_hex, pt, sizeof pt);
    cr_assert_eq(sym_unhex(ct_hex, ct, sizeof ct), len);

    struct ntls_cipher c;
    ntls_cipher_init(&c, id, true, key, iv_len ? iv : NULL);
    ntls_cipher_run(&c, out, pt, len);
    cr_assert_arr_eq(out, ct, len, "cipher %d: encryption", (int)id);
    ntls_cipher_init(&c, id, false, key, iv_len ? iv : NULL);
    ntls_cipher_run(&c, out, ct, len);
    cr_assert_arr_eq(out, pt, len, "cipher %d: decryption", (int)id);

    memcpy(out, pt, len);
    ntls_cipher_init(&c, id, true, key, iv_len ? iv : NULL);
    ntls_cipher_run(&c, out, out, len);
    cr_assert_arr_eq(out, ct, len, "cipher %d: encryption in place", (int)id);
    ntls_cipher_init(&c, id, false, key, iv_len ? iv : NULL);
    ntls_cipher_run(&c, out, out, len);
    cr_assert_arr_eq(out, pt, len, "cipher %d: decryption in place", (int)id);
    ntls_cipher_wipe(&c);
}

Test(cipher, sizes)
{
    const size_t key[] = { 0, 16, 8, 24, 16, 32, 16, 32 }, block[] = { 1, 1, 8, 8, 16, 16, 16, 16 },
                 iv[] = { 0, 0, 8, 8, 16, 16, 16, 16 };
    for (int id = 0; id < NTLS_CIPHER__COUNT; id++) {
        cr_assert_eq(ntls_cipher_key_size(id), key[id]);
        cr_assert_eq(ntls_cipher_block_size(id), block[id]);
        cr_assert_eq(ntls_cipher_iv_size(id), iv[id]);
        cr_assert_leq(key[id], NTLS_CIPHER_MAX_KEY);
        cr_assert_leq(block[id], NTLS_CIPHER_MAX_BLOCK);
    }
}

static const char sp800_38a_pt[] = "6bc1bee22e409f96e93d7e117393172a ae2d8a571e03ac9c9eb76fac45af8e51"
                                   "30c81c46a35ce411e5fbc1191a0a52ef f69f2445df4f9b17ad2b417be66c3710";

Test(cipher, aes128_cbc_sp800_38a)
{
    /* F.2.1 / F.2.2 CBC-AES128 */
    check_cbc(NTLS_CIPHER_AES128_CBC, "2b7e151628aed2a6abf7158809cf4f3c", "000102030405060708090a0b0c0d0e0f",
              sp800_38a_pt,
              "7649abac8119b246cee98e9b12e9197d 5086cb9b507219ee95db113a917678b2"
              "73bed6b8e3c1743b7116e69e22229516 3ff1caa1681fac09120eca307586e1a7");
    /* FIPS 197 C.1: one block under a zero IV is the bare block cipher */
    check_cbc(NTLS_CIPHER_AES128_CBC, "000102030405060708090a0b0c0d0e0f", "00000000000000000000000000000000",
              "00112233445566778899aabbccddeeff", "69c4e0d86a7b0430d8cdb78070b4c55a");
}

Test(cipher, aes256_cbc_sp800_38a)
{
    /* F.2.5 / F.2.6 CBC-AES256 */
    check_cbc(NTLS_CIPHER_AES256_CBC, "603deb1015ca71be2b73aef0857d77811f352c073b6108d72d9810a30914dff4",
              "000102030405060708090a0b0c0d0e0f", sp800_38a_pt,
              "f58c4c04d6e5f1ba779eabfb5f7bfbd6 9cfc4e967edb808d679f777bc6702c7d"
              "39f23369a9d9bacfa530e26304231461 b2eb05e2c39be9fcda6c19078c6a9d1b");
    /* FIPS 197 C.3 */
    check_cbc(NTLS_CIPHER_AES256_CBC, "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f",
              "00000000000000000000000000000000", "00112233445566778899aabbccddeeff",
              "8ea2b7ca516745bfeafc49904b496089");
}

/* RFC 3713 appendix A gives one block P -> C per key size. Under a zero IV, CBC over [P, P xor C] is
 * [C, C]: the second block enters the cipher as (P xor C) xor C = P again, which tests the chaining. */
Test(cipher, camellia_cbc_rfc3713)
{
    check_cbc(NTLS_CIPHER_CAMELLIA128_CBC, "0123456789abcdeffedcba9876543210",
              "00000000000000000000000000000000",
              "0123456789abcdeffedcba9876543210 6644745fdd3da49cf68bbcce3ebe8c53",
              "67673138549669730857065648eabe43 67673138549669730857065648eabe43");
    check_cbc(NTLS_CIPHER_CAMELLIA256_CBC, "0123456789abcdeffedcba987654321000112233445566778899aabbccddeeff",
              "00000000000000000000000000000000",
              "0123456789abcdeffedcba9876543210 9bef661a76bd1a83de33c609e86e4719",
              "9acc237dff16d76c20ef7c919e3a7509 9acc237dff16d76c20ef7c919e3a7509");
}

Test(cipher, des_cbc_fips81)
{
    /* FIPS 81 appendix C, CBC: "Now is the time for all " */
    check_cbc(NTLS_CIPHER_DES_CBC, "0123456789abcdef", "1234567890abcdef",
              "4e6f772069732074 68652074696d6520 666f7220616c6c20",
              "e5c7cdde872bf27c 43e934008c389c0f 683788499a7c05f6");
    /* The same key with every parity bit flipped (as a TLS key block may give it): DES ignores parity. */
    check_cbc(NTLS_CIPHER_DES_CBC, "0022446688aaccee", "1234567890abcdef",
              "4e6f772069732074 68652074696d6520 666f7220616c6c20",
              "e5c7cdde872bf27c 43e934008c389c0f 683788499a7c05f6");
}

/* SP 800-67 rev. 1 appendix B (TDEA ECB, "The qufck brown fox jump"), made a CBC vector under a zero IV
 * the same way as for Camellia: block i of the plaintext is P_i xor C_(i-1). */
Test(cipher, des3_cbc_sp800_67)
{
    check_cbc(NTLS_CIPHER_3DES_EDE_CBC, "0123456789abcdef23456789abcdef01456789abcdef0123",
              "0000000000000000",
              "5468652071756663 c3069ffe8a4ceb7f aa8d64a178500296",
              "a826fd8ce53b855f cce21c8112256fe6 68d5c05dd9b6b900");
}

/* A DES weak key is accepted (Nettle's des_set_key returns 0 for it) and behaves as one: encrypting
 * twice gives the plaintext back. 0000... is 0101... (weak) once parity is set. */
Test(cipher, des_weak_key_without_parity_is_accepted)
{
    const uint8_t key[8] = { 0 }, iv[8] = { 0 }, pt[8] = "nettls!!";
    uint8_t once[8], twice[8];
    struct ntls_cipher c;
    ntls_cipher_init(&c, NTLS_CIPHER_DES_CBC, true, key, iv);
    ntls_cipher_run(&c, once, pt, 8);
    ntls_cipher_init(&c, NTLS_CIPHER_DES_CBC, true, key, iv);
    ntls_cipher_run(&c, twice, once, 8);
    cr_assert(memcmp(once, pt, 8) != 0);
    cr_assert_arr_eq(twice, pt, 8);
}

Test(cipher, rc4_rfc6229)
{
    /* RFC 6229 section 2, 128-bit key 0x0102...10: keystream at offsets 0, 16, 240, 256, 4080, 4096. */
    uint8_t key[16], zeros[4112] = { 0 }, ks[4112];
    sym_unhex("0102030405060708090a0b0c0d0e0f10", key, sizeof key);
    struct ntls_cipher c;
    ntls_cipher_init(&c, NTLS_CIPHER_RC4_128, true, key, NULL);
    /* in uneven pieces: the stream continues across calls */
    ntls_cipher_run(&c, ks, zeros, 7);
    ntls_cipher_run(&c, ks + 7, zeros, 1000);
    ntls_cipher_run(&c, ks + 1007, zeros + 1007, sizeof ks - 1007);
    sym_assert_hex(ks, 16, "9ac7cc9a609d1ef7b2932899cde41b97", "keystream at offset 0");
    sym_assert_hex(ks + 16, 16, "5248c4959014126a6e8a84f11d1a9e1c", "keystream at offset 16");
    sym_assert_hex(ks + 240, 16, "065902e4b620f6cc36c8589f66432f2b", "keystream at offset 240");
    sym_assert_hex(ks + 256, 16, "d39d566bc6bce3010768151549f3873f", "keystream at offset 256");
    sym_assert_hex(ks + 4080, 16, "ff38265c1642c1abe8d3c2fe5e572bf8", "keystream at offset 4080");
    sym_assert_hex(ks + 4096, 16, "a36a4c301ae8ac13610ccbc12256cacc", "keystream at offset 4096");

    /* Decryption is the same stream, in place too. */
    ntls_cipher_init(&c, NTLS_CIPHER_RC4_128, false, key, NULL);
    ntls_cipher_run(&c, ks, ks, sizeof ks);
    cr_assert_arr_eq(ks, zeros, sizeof ks);
    ntls_cipher_wipe(&c);
}

Test(cipher, null_copies)
{
    uint8_t in[37], out[37];
    for (size_t i = 0; i < sizeof in; i++) {
        in[i] = (uint8_t)i;
    }
    struct ntls_cipher c;
    ntls_cipher_init(&c, NTLS_CIPHER_NULL, true, NULL, NULL);
    ntls_cipher_run(&c, out, in, sizeof in);
    cr_assert_arr_eq(out, in, sizeof in);
    ntls_cipher_run(&c, in, in, sizeof in);
    cr_assert_arr_eq(out, in, sizeof in);
}

/* For every cipher and direction: one call over n blocks equals two calls split at every block boundary
 * (the IV carries over, as TLS 1.0 records chain), and in place equals out of place. */
Test(cipher, chaining_across_calls_and_in_place)
{
    uint8_t key[32], iv[16], msg[160], one[160], two[160], inplace[160];
    for (size_t i = 0; i < sizeof msg; i++) {
        msg[i] = (uint8_t)(i * 31 + 7);
    }
    for (size_t i = 0; i < sizeof key; i++) {
        key[i] = (uint8_t)(0xa0 + i);
    }
    for (size_t i = 0; i < sizeof iv; i++) {
        iv[i] = (uint8_t)(0x50 + i);
    }
    for (int id = 0; id < NTLS_CIPHER__COUNT; id++) {
        size_t bs = ntls_cipher_block_size(id), len = 160 - 160 % (bs * 5);
        for (int enc = 0; enc < 2; enc++) {
            struct ntls_cipher c;
            ntls_cipher_init(&c, id, enc, key, iv);
            ntls_cipher_run(&c, one, msg, len);
            if (id != NTLS_CIPHER_NULL) {
                cr_assert(memcmp(one, msg, len) != 0, "cipher %d changed nothing", id);
            }
            for (size_t cut = 0; cut <= len; cut += bs) {
                ntls_cipher_init(&c, id, enc, key, iv);
                ntls_cipher_run(&c, two, msg, cut);
                ntls_cipher_run(&c, two + cut, msg + cut, len - cut);
                cr_assert_arr_eq(two, one, len, "cipher %d enc %d cut at %zu", id, enc, cut);
            }
            memcpy(inplace, msg, len);
            ntls_cipher_init(&c, id, enc, key, iv);
            ntls_cipher_run(&c, inplace, inplace, len);
            cr_assert_arr_eq(inplace, one, len, "cipher %d enc %d in place", id, enc);

            /* and the other direction undoes it */
            ntls_cipher_init(&c, id, !enc, key, iv);
            ntls_cipher_run(&c, two, one, len);
            cr_assert_arr_eq(two, msg, len, "cipher %d enc %d round trip", id, enc);
            ntls_cipher_wipe(&c);
        }
    }
}

/* PKCS#5: the last byte p is 1..16 and the last p bytes all equal p. */
static bool pkcs5_unpad(const uint8_t *p, size_t len, size_t *msg_len)
{
    if (len == 0) {
        return false;
    }
    uint8_t pad = p[len - 1];
    if (pad == 0 || pad > 16 || pad > len) {
        return false;
    }
    for (size_t i = len - pad; i < len; i++) {
        if (p[i] != pad) {
            return false;
        }
    }
    *msg_len = len - pad;
    return true;
}

Test(cipher, wycheproof_aes_cbc_pkcs5)
{
    char *json = sym_read_shared("wycheproof/aes_cbc_pkcs5_test.json");
    const char *cursor = json;
    struct sym_jobj t;
    long total = sym_json_int(json, "numberOfTests"), checked = 0, skipped = 0, valid = 0;
    while (sym_json_next_test(&cursor, &t)) {
        uint8_t key[32], iv[16], msg[512], ct[528], out[528];
        size_t key_len = sym_json_hex(&t, "key", key, sizeof key);
        cr_assert_eq(sym_json_hex(&t, "iv", iv, sizeof iv), 16);
        size_t msg_len = sym_json_hex(&t, "msg", msg, sizeof msg);
        size_t ct_len = sym_json_hex(&t, "ct", ct, sizeof ct);
        long tc = strtol(strstr(t.begin, "\"tcId\"") + 7, NULL, 10);
        enum ntls_cipher_id id;
        if (key_len == 16) {
            id = NTLS_CIPHER_AES128_CBC;
        } else if (key_len == 32) {
            id = NTLS_CIPHER_AES256_CBC;
        } else {
            skipped++; /* AES-192 is no TLS 1.0 cipher */
            continue;
        }
        cr_assert_eq(ct_len % 16, 0, "tcId %ld", tc);
        struct ntls_cipher c;
        ntls_cipher_init(&c, id, false, key, iv);
        ntls_cipher_run(&c, out, ct, ct_len);
        size_t got_len = 0;
        bool ok = pkcs5_unpad(out, ct_len, &got_len);
        if (sym_json_is(&t, "result", "valid")) {
            cr_assert(ok, "tcId %ld: padding rejected", tc);
            cr_assert_eq(got_len, msg_len, "tcId %ld", tc);
            cr_assert_arr_eq(out, msg, msg_len, "tcId %ld: plaintext differs", tc);
            /* and encrypting msg || padding gives ct back */
            memcpy(out, msg, msg_len);
            memset(out + msg_len, (int)(ct_len - msg_len), ct_len - msg_len);
            ntls_cipher_init(&c, id, true, key, iv);
            ntls_cipher_run(&c, out, out, ct_len);
            cr_assert_arr_eq(out, ct, ct_len, "tcId %ld: encryption differs", tc);
            valid++;
        } else {
            cr_assert(sym_json_is(&t, "result", "invalid"));
            cr_assert(!ok, "tcId %ld: bad padding accepted", tc);
        }
        checked++;
    }
    cr_assert_eq(checked + skipped, total, "read %ld of %ld tests", checked + skipped, total);
    cr_assert_eq(checked, 144, "the 128- and 256-bit groups hold 144 tests");
    cr_assert_gt(valid, 0);
    free(json);
}
