/* Base64 and password-based key derivation (lib/crypto/base64.c, kdf.c). Vectors: RFC 4648 section 10
 * (base64), RFC 6070 (PBKDF2-HMAC-SHA1); the SHA-2 PBKDF2 values and the EVP_BytesToKey value were
 * computed with the system OpenSSL:
 *   openssl kdf -keylen 40 -kdfopt digest:SHA256 -kdfopt pass:password -kdfopt salt:salt
 *       -kdfopt iter:2 PBKDF2
 *   openssl enc -aes-256-cbc -md md5 -S 0102030405060708 -pass pass:nettls -P     (key || iv) */
#include <criterion/criterion.h>
#include <stdio.h>
#include <string.h>

#include "crypto/codec.h"

static size_t unhex(const char *hex, uint8_t *out)
{
    size_t n = 0;
    for (; hex[0] != '\0' && hex[1] != '\0'; hex += 2) {
        unsigned v;
        cr_assert_eq(sscanf(hex, "%2x", &v), 1);
        out[n++] = (uint8_t)v;
    }
    return n;
}

static const struct {
    const char *plain, *b64;
} rfc4648[] = {
    { "", "" },
    { "f", "Zg==" },
    { "fo", "Zm8=" },
    { "foo", "Zm9v" },
    { "foob", "Zm9vYg==" },
    { "fooba", "Zm9vYmE=" },
    { "foobar", "Zm9vYmFy" },
};

Test(codec, base64_rfc4648_vectors)
{
    for (size_t i = 0; i < sizeof rfc4648 / sizeof rfc4648[0]; i++) {
        const char *b64 = rfc4648[i].b64, *plain = rfc4648[i].plain;
        uint8_t out[16];
        size_t out_len = 99;
        cr_assert_eq(ntls_base64_decode(b64, strlen(b64), out, sizeof out, &out_len).err, NTLS_E_OK, "%s",
                     b64);
        cr_assert_eq(out_len, strlen(plain));
        cr_assert_eq(memcmp(out, plain, out_len), 0);
        char enc[16];
        cr_assert_eq(NTLS_BASE64_ENCODED_LEN(strlen(plain)), strlen(b64));
        ntls_base64_encode((const uint8_t *)plain, strlen(plain), enc);
        cr_assert_eq(memcmp(enc, b64, strlen(b64)), 0, "%s", plain);
    }
}

Test(codec, base64_binary_round_trip)
{
    uint8_t data[256], back[256];
    char text[NTLS_BASE64_ENCODED_LEN(256)];
    for (size_t i = 0; i < sizeof data; i++) {
        data[i] = (uint8_t)(255 - i);
    }
    for (size_t n = 0; n <= sizeof data; n += 17) {
        size_t back_len;
        ntls_base64_encode(data, n, text);
        cr_assert_eq(ntls_base64_decode(text, NTLS_BASE64_ENCODED_LEN(n), back, n, &back_len).err, NTLS_E_OK);
        cr_assert_eq(back_len, n);
        cr_assert_eq(memcmp(back, data, n), 0);
    }
}

Test(codec, base64_is_strict)
{
    static const char *bad[] = {
        "Zg=", /* length not a multiple of 4 */
        "Zg",          "Zm9vY",     "Zm9v\nYmFy",
        "Zm9v YmFy",   " Zm9vYmFy", /* whitespace: the PEM layer strips it, nobody else may send it */
        "Zg==Zg==",                 /* padding in the middle */
        "Z===",        "====",      "Zm9=vYmF",
        "Zh==", /* non-zero unused bits: "Zg==" is the one encoding of "f" */
        "Zm9=",        "Zm9v*mFy",  "Zm9v-mFy",
        "Zm9v_mFy", /* URL-safe alphabet is another encoding */
        "Zm9vYm\x80y",
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        uint8_t out[16];
        size_t out_len;
        cr_assert_eq(ntls_base64_decode(bad[i], strlen(bad[i]), out, sizeof out, &out_len).err, NTLS_E_DECODE,
                     "\"%s\"", bad[i]);
    }
}

Test(codec, base64_output_room)
{
    uint8_t out[6];
    size_t out_len;
    /* exactly enough room, through the bounce path (less than Nettle's own bound) */
    cr_assert_eq(ntls_base64_decode("Zm9vYmFy", 8, out, 6, &out_len).err, NTLS_E_OK);
    cr_assert_eq(out_len, 6);
    cr_assert_eq(memcmp(out, "foobar", 6), 0);
    cr_assert_eq(ntls_base64_decode("Zm9vYg==", 8, out, 4, &out_len).err, NTLS_E_OK);
    cr_assert_eq(out_len, 4);
    cr_assert_eq(ntls_base64_decode("Zm9vYmFy", 8, out, 5, &out_len).err, NTLS_E_USAGE);
    cr_assert_eq(ntls_base64_decode(NULL, 0, out, 0, &out_len).err, NTLS_E_OK);
    cr_assert_eq(out_len, 0);
}

Test(codec, pbkdf2_rfc6070_sha1)
{
    uint8_t out[32], want[32];
    cr_assert_eq(
        ntls_pbkdf2(NTLS_HASH_SHA1, (const uint8_t *)"password", 8, (const uint8_t *)"salt", 4, 1, out, 20)
            .err,
        NTLS_E_OK);
    cr_assert_eq(memcmp(out, want, unhex("0c60c80f961f0e71f3a9b524af6012062fe037a6", want)), 0);
    cr_assert_eq(
        ntls_pbkdf2(NTLS_HASH_SHA1, (const uint8_t *)"password", 8, (const uint8_t *)"salt", 4, 4096, out, 20)
            .err,
        NTLS_E_OK);
    cr_assert_eq(memcmp(out, want, unhex("4b007901b765489abead49d926f721d065a429c1", want)), 0);
    cr_assert_eq(ntls_pbkdf2(NTLS_HASH_SHA1, (const uint8_t *)"passwordPASSWORDpassword", 24,
                             (const uint8_t *)"saltSALTsaltSALTsaltSALTsaltSALTsalt", 36, 4096, out, 25)
                     .err,
                 NTLS_E_OK);
    cr_assert_eq(memcmp(out, want, unhex("3d2eec4fe41c849b80c8d83662c0e44a8b291a964cf2f07038", want)), 0);
    cr_assert_eq(ntls_pbkdf2(NTLS_HASH_SHA1, (const uint8_t *)"pass\0word", 9, (const uint8_t *)"sa\0lt", 5,
                             4096, out, 16)
                     .err,
                 NTLS_E_OK);
    cr_assert_eq(memcmp(out, want, unhex("56fa6aa75548099dcc37d7f03425e0c3", want)), 0);
}

Test(codec, pbkdf2_sha2_against_openssl)
{
    static const struct {
        enum ntls_hash_id prf;
        const char *hex;
    } v[] = {
        { NTLS_HASH_SHA1,
          "ea6c014dc72d6f8ccd1ed92ace1d41f0d8de8957cae93136266537a8d7bf4b76c51094cc1ae010b1" },
        { NTLS_HASH_SHA256,
          "ae4d0c95af6b46d32d0adff928f06dd02a303f8ef3c251dfd6e2d85a95474c43830651afcb5c862f" },
        { NTLS_HASH_SHA384,
          "54f775c6d790f21930459162fc535dbf04a939185127016a04176a0730c6f1f4fb48832ad1261baa" },
        { NTLS_HASH_SHA512,
          "e1d9c16aa681708a45f5c7c4e215ceb66e011a2e9f0040713f18aefdb866d53cf76cab2868a39b9f" },
    };
    for (size_t i = 0; i < sizeof v / sizeof v[0]; i++) {
        uint8_t out[40], want[40];
        cr_assert_eq(unhex(v[i].hex, want), 40);
        cr_assert_eq(
            ntls_pbkdf2(v[i].prf, (const uint8_t *)"password", 8, (const uint8_t *)"salt", 4, 2, out, 40).err,
            NTLS_E_OK);
        cr_assert_eq(memcmp(out, want, 40), 0, "prf %d", v[i].prf);
    }
}

Test(codec, pbkdf2_usage_errors)
{
    uint8_t out[20];
    cr_assert_eq(ntls_pbkdf2(NTLS_HASH_MD5, (const uint8_t *)"p", 1, (const uint8_t *)"s", 1, 1, out, 20).err,
                 NTLS_E_USAGE);
    cr_assert_eq(
        ntls_pbkdf2(NTLS_HASH_SHA224, (const uint8_t *)"p", 1, (const uint8_t *)"s", 1, 1, out, 20).err,
        NTLS_E_USAGE);
    cr_assert_eq(
        ntls_pbkdf2(NTLS_HASH_SHA1, (const uint8_t *)"p", 1, (const uint8_t *)"s", 1, 0, out, 20).err,
        NTLS_E_USAGE);
    cr_assert_eq(ntls_pbkdf2(NTLS_HASH_SHA1, (const uint8_t *)"p", 1, (const uint8_t *)"s", 1, 1, out, 0).err,
                 NTLS_E_USAGE);
    /* an empty passphrase and salt are allowed (openssl kdf ... -kdfopt hexpass: -kdfopt hexsalt:) */
    uint8_t want[20];
    cr_assert_eq(ntls_pbkdf2(NTLS_HASH_SHA256, NULL, 0, NULL, 0, 1, out, 20).err, NTLS_E_OK);
    cr_assert_eq(memcmp(out, want, unhex("f7ce0b653d2d72a4108cf5abe912ffdd777616db", want)), 0);
}

Test(codec, evp_bytes_to_key_md5)
{
    static const uint8_t salt[8] = { 1, 2, 3, 4, 5, 6, 7, 8 };
    uint8_t out[48], want[48];
    cr_assert_eq(unhex("CEAD5C768C692314680982C9BEF54B03EA3618525C73D144D252BFAF22DC7DD8"
                       "FDDAB03180051F5A4FC960FE62149214",
                       want),
                 48);
    ntls_kdf_evp_md5((const uint8_t *)"nettls", 6, salt, out, 48);
    cr_assert_eq(memcmp(out, want, 48), 0);
    /* a prefix is a prefix */
    memset(out, 0, sizeof out);
    ntls_kdf_evp_md5((const uint8_t *)"nettls", 6, salt, out, 24);
    cr_assert_eq(memcmp(out, want, 24), 0);
    cr_assert_eq(out[24], 0);
}
