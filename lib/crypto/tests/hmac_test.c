/* Known-answer tests for hmac.c: RFC 2202 (HMAC-MD5, HMAC-SHA1), RFC 4231 (HMAC-SHA224..512), wycheproof
 * hmac_sha1_test.json, and the Lucky13-safe ntls_hmac_final_ct (constant compressions, same output). */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

#include "crypto/crypto.h"
#include "sym_test.h"

/* The keys and messages of RFC 2202 and RFC 4231: the same seven shapes, with key lengths that differ. */
struct rfc_case {
    uint8_t key_byte; /* 0: the 25-byte key 0x01..0x19; 'J': "Jefe" */
    size_t key_len;
    const char *data; /* NULL: 50 bytes of data_byte */
    uint8_t data_byte;
};

static size_t make_key(const struct rfc_case *c, uint8_t *key)
{
    if (c->key_byte == 'J') {
        memcpy(key, "Jefe", 4);
        return 4;
    }
    for (size_t i = 0; i < c->key_len; i++) {
        key[i] = c->key_byte != 0 ? c->key_byte : (uint8_t)(i + 1);
    }
    return c->key_len;
}

static void check_case(enum ntls_hash_id id, const struct rfc_case *c, const char *want, size_t trunc)
{
    uint8_t key[200], data[64], out[NTLS_HASH_MAX_SIZE];
    size_t key_len = make_key(c, key), data_len;
    const uint8_t *msg;
    if (c->data != NULL) {
        msg = (const uint8_t *)c->data;
        data_len = strlen(c->data);
    } else {
        memset(data, c->data_byte, 50);
        msg = data;
        data_len = 50;
    }
    ntls_hmac_oneshot(id, key, key_len, msg, data_len, out);
    sym_assert_hex(out, trunc != 0 ? trunc : ntls_hash_size(id), want, "hash %d, key length %zu", (int)id,
                   key_len);

    /* The same through a kept context, twice (final rewinds to the keyed state), fed in two pieces. */
    struct ntls_hmac m;
    ntls_hmac_init(&m, id, key, key_len);
    for (int round = 0; round < 2; round++) {
        ntls_hmac_update(&m, msg, data_len / 3);
        ntls_hmac_update(&m, msg + data_len / 3, data_len - data_len / 3);
        ntls_hmac_final(&m, out);
        sym_assert_hex(out, trunc != 0 ? trunc : ntls_hash_size(id), want, "hash %d, round %d", (int)id,
                       round);
    }
    ntls_hmac_wipe(&m);
}

Test(hmac, md5_rfc2202)
{
    const char *large = "Test Using Larger Than Block-Size Key and Larger Than One Block-Size Data";
    const struct rfc_case cases[7] = {
        { 0x0b, 16, "Hi There", 0 },
        { 'J', 4, "what do ya want for nothing?", 0 },
        { 0xaa, 16, NULL, 0xdd },
        { 0, 25, NULL, 0xcd },
        { 0x0c, 16, "Test With Truncation", 0 },
        { 0xaa, 80, "Test Using Larger Than Block-Size Key - Hash Key First", 0 },
        { 0xaa, 80, large, 0 },
    };
    const char *want[7] = {
        "9294727a3638bb1c13f48ef8158bfc9d", "750c783e6ab0b503eaa86e310a5db738",
        "56be34521d144c88dbb8c733f0e8b3f6", "697eaf0aca3a3aea3a75164746ffaa79",
        "56461ef2342edc00f9bab995", /* truncated to 96 bits */
        "6b1ab7fe4bd7bf8f0b62e6ce61b9d0cd", "6f630fad67cda0ee1fb1f562db3aa53e",
    };
    for (int i = 0; i < 7; i++) {
        check_case(NTLS_HASH_MD5, &cases[i], want[i], i == 4 ? 12 : 0);
    }
}

Test(hmac, sha1_rfc2202)
{
    const char *large = "Test Using Larger Than Block-Size Key and Larger Than One Block-Size Data";
    const struct rfc_case cases[7] = {
        { 0x0b, 20, "Hi There", 0 },
        { 'J', 4, "what do ya want for nothing?", 0 },
        { 0xaa, 20, NULL, 0xdd },
        { 0, 25, NULL, 0xcd },
        { 0x0c, 20, "Test With Truncation", 0 },
        { 0xaa, 80, "Test Using Larger Than Block-Size Key - Hash Key First", 0 },
        { 0xaa, 80, large, 0 },
    };
    const char *want[7] = {
        "b617318655057264e28bc0b6fb378c8ef146be00", "effcdf6ae5eb2fa2d27416d5f184df9c259a7c79",
        "125d7342b9ac11cd91a39af48aa17b4f63f175d3", "4c9007f4026250c6bc8414f9bf50c86c2d7235da",
        "4c1a03424b55e07fe7f27be1", /* truncated to 96 bits */
        "aa4ae5e15272d00e95705637ce8a3b55ed402112", "e8e99d0f45237d786d6bbaa7965c7808bbff1a91",
    };
    for (int i = 0; i < 7; i++) {
        check_case(NTLS_HASH_SHA1, &cases[i], want[i], i == 4 ? 12 : 0);
    }
}

static const struct rfc_case rfc4231[7] = {
    { 0x0b, 20, "Hi There", 0 },
    { 'J', 4, "what do ya want for nothing?", 0 },
    { 0xaa, 20, NULL, 0xdd },
    { 0, 25, NULL, 0xcd },
    { 0x0c, 20, "Test With Truncation", 0 },
    { 0xaa, 131, "Test Using Larger Than Block-Size Key - Hash Key First", 0 },
    { 0xaa, 131,
      "This is a test using a larger than block-size key and a larger than block-size data. The key needs to "
      "be hashed before being used by the HMAC algorithm.",
      0 },
};

static void check_rfc4231(enum ntls_hash_id id, const char *const want[7])
{
    for (int i = 0; i < 7; i++) {
        check_case(id, &rfc4231[i], want[i], i == 4 ? 16 : 0); /* test case 5: 128-bit truncation */
    }
}

Test(hmac, sha224_rfc4231)
{
    const char *const want[7] = {
        "896fb1128abbdf196832107cd49df33f47b4b1169912ba4f53684b22",
        "a30e01098bc6dbbf45690f3a7e9e6d0f8bbea2a39e6148008fd05e44",
        "7fb3cb3588c6c1f6ffa9694d7d6ad2649365b0c1f65d69d1ec8333ea",
        "6c11506874013cac6a2abc1bb382627cec6a90d86efc012de7afec5a",
        "0e2aea68a90c8d37c988bcdb9fca6fa8",
        "95e9a0db962095adaebe9b2d6f0dbce2d499f112f2d2b7273fa6870e",
        "3a854166ac5d9f023f54d517d0b39dbd946770db9c2b95c9f6f565d1",
    };
    check_rfc4231(NTLS_HASH_SHA224, want);
}

Test(hmac, sha256_rfc4231)
{
    const char *const want[7] = {
        "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7",
        "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
        "773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe",
        "82558a389a443c0ea4cc819899f2083a85f0faa3e578f8077a2e3ff46729665b",
        "a3b6167473100ee06e0c796c2955552b",
        "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54",
        "9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2",
    };
    check_rfc4231(NTLS_HASH_SHA256, want);
}

Test(hmac, sha384_rfc4231)
{
    const char *const want[7] = {
        "afd03944d84895626b0825f4ab46907f15f9dadbe4101ec682aa034c7cebc59cfaea9ea9076ede7f4af152e8b2fa9cb6",
        "af45d2e376484031617f78d2b58a6b1b9c7ef464f5a01b47e42ec3736322445e8e2240ca5e69e2c78b3239ecfab21649",
        "88062608d3e6ad8a0aa2ace014c8a86f0aa635d947ac9febe83ef4e55966144b2a5ab39dc13814b94e3ab6e101a34f27",
        "3e8a69b7783c25851933ab6290af6ca77a9981480850009cc5577c6e1f573b4e6801dd23c4a7d679ccf8a386c674cffb",
        "3abf34c3503b2a23a46efc619baef897",
        "4ece084485813e9088d2c63a041bc5b44f9ef1012a2b588f3cd11f05033ac4c60c2ef6ab4030fe8296248df163f44952",
        "6617178e941f020d351e2f254e8fd32c602420feb0b8fb9adccebb82461e99c5a678cc31e799176d3860e6110c46523e",
    };
    check_rfc4231(NTLS_HASH_SHA384, want);
}

Test(hmac, sha512_rfc4231)
{
    const char *const want[7] = {
        "87aa7cdea5ef619d4ff0b4241a1d6cb02379f4e2ce4ec2787ad0b30545e17cde"
        "daa833b7d6b8a702038b274eaea3f4e4be9d914eeb61f1702e696c203a126854",
        "164b7a7bfcf819e2e395fbe73b56e0a387bd64222e831fd610270cd7ea250554"
        "9758bf75c05a994a6d034f65f8f0e6fdcaeab1a34d4a6b4b636e070a38bce737",
        "fa73b0089d56a284efb0f0756c890be9b1b5dbdd8ee81a3655f83e33b2279d39"
        "bf3e848279a722c806b485a47e67c807b946a337bee8942674278859e13292fb",
        "b0ba465637458c6990e5a8c5f61d4af7e576d97ff94b872de76f8050361ee3db"
        "a91ca5c11aa25eb4d679275cc5788063a5f19741120c4f2de2adebeb10a298dd",
        "415fad6271580a531d4179bc891d87a6",
        "80b24263c7c1a3ebb71493c1dd7be8b49b46d1f41b4aeec1121b013783f8f352"
        "6b56d037e05f2598bd0fd2215d6a1e5295e64f73f63f0aec8b915a985d786598",
        "e37b6a775dc87dbaa4dfa9f96e5e3ffddebd71f8867289865df5a32d20cdc944"
        "b6022cac3c4982b10d5eeb55c3e4de15134676fb6de0446065c97440fa8c6a58",
    };
    check_rfc4231(NTLS_HASH_SHA512, want);
}

/* Wycheproof HMAC-SHA1: tags may be truncated (tagSize 80); "invalid" tests carry a modified tag. */
Test(hmac, wycheproof_hmac_sha1)
{
    char *json = sym_read_shared("wycheproof/hmac_sha1_test.json");
    const char *cursor = json;
    struct sym_jobj t;
    long total = sym_json_int(json, "numberOfTests"), seen = 0, valid = 0;
    while (sym_json_next_test(&cursor, &t)) {
        uint8_t key[128], msg[512], tag[64], out[NTLS_HASH_MAX_SIZE];
        size_t key_len = sym_json_hex(&t, "key", key, sizeof key);
        size_t msg_len = sym_json_hex(&t, "msg", msg, sizeof msg);
        size_t tag_len = sym_json_hex(&t, "tag", tag, sizeof tag);
        cr_assert(tag_len > 0 && tag_len <= 20);
        ntls_hmac_oneshot(NTLS_HASH_SHA1, key, key_len, msg, msg_len, out);
        bool match = memcmp(out, tag, tag_len) == 0;
        long id = strtol(strstr(t.begin, "\"tcId\"") + 7, NULL, 10);
        if (sym_json_is(&t, "result", "valid")) {
            cr_assert(match, "wycheproof tcId %ld: tag differs", id);
            valid++;
        } else {
            cr_assert(sym_json_is(&t, "result", "invalid"));
            cr_assert(!match, "wycheproof tcId %ld: a modified tag matched", id);
        }
        seen++;
    }
    cr_assert_eq(seen, total, "read %ld of %ld tests", seen, total);
    cr_assert_gt(valid, 0);
    free(json);
}

/* ntls_hmac_final_ct against ordinary HMAC, and its compression count, for every data_len in the range. */
static void check_ct_range(enum ntls_hash_id id, const uint8_t *hdr, size_t hdr_len, const uint8_t *data,
                           size_t min_len, size_t max_len)
{
    static const uint8_t key[20] = "0123456789abcdefghij";
    struct ntls_hmac ct, ref;
    uint8_t got[NTLS_HASH_MAX_SIZE], want[NTLS_HASH_MAX_SIZE];
    unsigned long cost = 0;
    ntls_hmac_init(&ct, id, key, sizeof key);
    ntls_hmac_init(&ref, id, key, sizeof key);
    for (size_t len = min_len; len <= max_len; len++) {
        ntls_hmac_update(&ct, hdr, hdr_len);
        unsigned long before = ntls_hash_compress_count();
        ntls_hmac_final_ct(&ct, data, len, min_len, max_len, got);
        unsigned long used = ntls_hash_compress_count() - before;
        if (len == min_len) {
            cost = used;
        }
        cr_assert_eq(used, cost,
                     "hash %d, header %zu, range [%zu, %zu]: %lu compressions for %zu bytes, %lu for %zu",
                     (int)id, hdr_len, min_len, max_len, used, len, cost, min_len);
        ntls_hmac_update(&ref, hdr, hdr_len);
        ntls_hmac_update(&ref, data, len);
        ntls_hmac_final(&ref, want);
        cr_assert_arr_eq(got, want, ntls_hash_size(id), "hash %d, header %zu, data_len %zu in [%zu, %zu]",
                         (int)id, hdr_len, len, min_len, max_len);
    }
    ntls_hmac_wipe(&ct);
    ntls_hmac_wipe(&ref);
}

static uint8_t record[1400];

static void fill_record(void)
{
    for (size_t i = 0; i < sizeof record; i++) {
        record[i] = (uint8_t)(i * 7 + 3);
    }
}

/* The record layer's case: a 13-byte MAC header, then a record whose padding hides the data length. */
Test(hmac, final_ct_constant_compressions_record_shape)
{
    fill_record();
    uint8_t hdr[13];
    memset(hdr, 0x17, sizeof hdr);
    for (int h = 0; h < 2; h++) {
        enum ntls_hash_id id = h == 0 ? NTLS_HASH_MD5 : NTLS_HASH_SHA1;
        check_ct_range(id, hdr, sizeof hdr, record, 1000, 1000 + 256 + 20);
        check_ct_range(id, hdr, sizeof hdr, record, 0, 255);
    }
}

/* Every alignment of header and range start (BearSSL's test_HMAC_CT does the same sweep). */
Test(hmac, final_ct_every_alignment)
{
    fill_record();
    for (int h = 0; h < 2; h++) {
        enum ntls_hash_id id = h == 0 ? NTLS_HASH_MD5 : NTLS_HASH_SHA1;
        for (size_t hdr_len = 0; hdr_len < 66; hdr_len += 13) {
            for (size_t min_len = 0; min_len < 130; min_len += 3) {
                check_ct_range(id, record + 1000, hdr_len, record, min_len, min_len + 80);
            }
        }
    }
}

/* Only the whole blocks before min_len are hashed the plain way; the masked work is about the last
 * (max_len - min_len) bytes plus the padding, so a 16 KiB record costs little more than plain HMAC. */
Test(hmac, final_ct_masks_only_the_tail)
{
    static uint8_t big[16384 + 20];
    const uint8_t key[20] = { 1 };
    uint8_t hdr[13] = { 0 }, out[20];
    struct ntls_hmac m;
    ntls_hmac_init(&m, NTLS_HASH_SHA1, key, sizeof key);
    ntls_hmac_update(&m, hdr, sizeof hdr);
    size_t max_len = sizeof big - 1, min_len = max_len - 255;
    unsigned long before = ntls_hash_compress_count();
    ntls_hmac_final_ct(&m, big, min_len + 100, min_len, max_len, out);
    unsigned long used = ntls_hash_compress_count() - before;
    /* plain HMAC of 13 + max_len bytes: ceil((13 + max_len + 9) / 64) inner + 1 outer */
    unsigned long plain = (13 + max_len + 9 + 63) / 64 + 1;
    cr_assert_leq(used, plain + 1, "%lu compressions, plain HMAC of the longest message takes %lu", used,
                  plain);
    ntls_hmac_wipe(&m);
}

Test(hmac, final_ct_resets_for_the_next_record)
{
    fill_record();
    const uint8_t key[16] = { 9, 8, 7 };
    uint8_t a[20], b[20];
    struct ntls_hmac m;
    ntls_hmac_init(&m, NTLS_HASH_SHA1, key, sizeof key);
    ntls_hmac_update(&m, "header", 6);
    ntls_hmac_final_ct(&m, record, 300, 200, 400, a);
    ntls_hmac_update(&m, "header", 6);
    ntls_hmac_update(&m, record, 300);
    ntls_hmac_final(&m, b);
    cr_assert_arr_eq(a, b, 20);
    ntls_hmac_wipe(&m);
}

Test(hmac, restart_drops_the_message_and_keeps_the_key)
{
    const uint8_t key[] = "a key";
    uint8_t want[20], got[20];
    ntls_hmac_oneshot(NTLS_HASH_SHA1, key, sizeof key, "message", 7, want);
    struct ntls_hmac m;
    ntls_hmac_init(&m, NTLS_HASH_SHA1, key, sizeof key);
    ntls_hmac_update(&m, "something else entirely", 23);
    ntls_hmac_restart(&m);
    ntls_hmac_update(&m, "message", 7);
    ntls_hmac_final(&m, got);
    cr_assert_eq(memcmp(want, got, sizeof want), 0);
    ntls_hmac_wipe(&m);
}
