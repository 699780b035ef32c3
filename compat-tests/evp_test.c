/* EVP digests, the MD5/SHA context API and HMAC, against <openssl/...> only; built against nettls and the
 * system OpenSSL. Vectors: FIPS 180-2 ("abc"), RFC 1321, RFC 2202 and RFC 4231 (HMAC). */
#include <criterion/criterion.h>
#include <stdio.h>
#include <string.h>

#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/md5.h>
#include <openssl/objects.h>
#include <openssl/sha.h>

static const char *hex(const unsigned char *d, size_t n)
{
    static char out[2 * EVP_MAX_MD_SIZE + 1];
    for (size_t i = 0; i < n && i < EVP_MAX_MD_SIZE; i++) {
        sprintf(out + 2 * i, "%02x", d[i]);
    }
    out[2 * n] = '\0';
    return out;
}

static const struct {
    const EVP_MD *(*md)(void);
    int nid, size, block;
    const char *abc;
} digests[] = {
    { EVP_md5, NID_md5, 16, 64, "900150983cd24fb0d6963f7d28e17f72" },
    { EVP_sha1, NID_sha1, 20, 64, "a9993e364706816aba3e25717850c26c9cd0d89d" },
    { EVP_sha224, NID_sha224, 28, 64, "23097d223405d8228642a477bda255b32aadbce4bda0b3f7e36c9da7" },
    { EVP_sha256, NID_sha256, 32, 64, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad" },
    { EVP_sha384, NID_sha384, 48, 128,
      "cb00753f45a35e8bb5a03d699ac65007272c32ab0eded1631a8b605a43ff5bed8086072ba1e7cc2358baeca134c825a7" },
    { EVP_sha512, NID_sha512, 64, 128,
      "ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a2192992a274fc1a836ba3c23a3feebbd"
      "454d4423643ce80e2a9ac94fa54ca49f" },
};
#define N_DIGESTS (sizeof digests / sizeof digests[0])

Test(evp, digest_one_shot_and_properties)
{
    for (size_t i = 0; i < N_DIGESTS; i++) {
        const EVP_MD *md = digests[i].md();
        unsigned char out[EVP_MAX_MD_SIZE];
        unsigned int len = 0;
        cr_assert_eq(EVP_MD_type(md), digests[i].nid);
        cr_assert_eq(EVP_MD_size(md), digests[i].size);
        cr_assert_eq(EVP_MD_block_size(md), digests[i].block);
        cr_assert_eq(EVP_Digest("abc", 3, out, &len, md, NULL), 1);
        cr_assert_eq(len, (unsigned int)digests[i].size);
        cr_assert_str_eq(hex(out, len), digests[i].abc, "digest %zu", i);
    }
}

Test(evp, ctx_update_in_pieces_and_reinit_keeps_the_digest)
{
    EVP_MD_CTX *ctx = EVP_MD_CTX_new();
    unsigned char out[EVP_MAX_MD_SIZE];
    unsigned int len = 0;
    cr_assert_not_null(ctx);
    cr_assert_eq(EVP_DigestInit_ex(ctx, EVP_sha256(), NULL), 1);
    cr_assert_eq(EVP_MD_CTX_md(ctx), EVP_sha256());
    cr_assert_eq(EVP_MD_CTX_size(ctx), 32);
    cr_assert_eq(EVP_DigestUpdate(ctx, "a", 1), 1);
    cr_assert_eq(EVP_DigestUpdate(ctx, "", 0), 1);
    cr_assert_eq(EVP_DigestUpdate(ctx, "bc", 2), 1);
    cr_assert_eq(EVP_DigestFinal_ex(ctx, out, &len), 1);
    cr_assert_eq(len, 32);
    cr_assert_str_eq(hex(out, len), digests[3].abc);
    /* A NULL type reuses the context's digest (man EVP_DigestInit_ex). */
    cr_assert_eq(EVP_DigestInit_ex(ctx, NULL, NULL), 1);
    cr_assert_eq(EVP_DigestUpdate(ctx, "abc", 3), 1);
    cr_assert_eq(EVP_DigestFinal_ex(ctx, out, NULL), 1);
    cr_assert_str_eq(hex(out, 32), digests[3].abc);
    EVP_MD_CTX_free(ctx);
}

Test(evp, init_without_a_digest_fails)
{
    EVP_MD_CTX *ctx = EVP_MD_CTX_create();
    ERR_clear_error();
    cr_assert_eq(EVP_DigestInit_ex(ctx, NULL, NULL), 0);
    cr_assert_eq(ERR_GET_LIB(ERR_peek_last_error()), ERR_LIB_EVP);
    ERR_clear_error();
    EVP_MD_CTX_destroy(ctx);
}

Test(evp, copy_forks_a_running_digest)
{
    EVP_MD_CTX *a = EVP_MD_CTX_new(), *b = EVP_MD_CTX_new();
    unsigned char da[EVP_MAX_MD_SIZE], db[EVP_MAX_MD_SIZE];
    cr_assert_eq(EVP_DigestInit_ex(a, EVP_sha1(), NULL), 1);
    cr_assert_eq(EVP_DigestUpdate(a, "ab", 2), 1);
    cr_assert_eq(EVP_MD_CTX_copy_ex(b, a), 1);
    cr_assert_eq(EVP_DigestUpdate(a, "c", 1), 1);
    cr_assert_eq(EVP_DigestUpdate(b, "c", 1), 1);
    cr_assert_eq(EVP_DigestFinal_ex(a, da, NULL), 1);
    cr_assert_eq(EVP_DigestFinal_ex(b, db, NULL), 1);
    cr_assert_str_eq(hex(da, 20), digests[1].abc);
    cr_assert_str_eq(hex(db, 20), digests[1].abc);
    EVP_MD_CTX_free(a);
    EVP_MD_CTX_free(b);
}

Test(evp, digest_final_resets_the_context)
{
    EVP_MD_CTX *ctx = EVP_MD_CTX_new();
    unsigned char out[EVP_MAX_MD_SIZE];
    unsigned int len = 0;
    cr_assert_eq(EVP_DigestInit(ctx, EVP_md5()), 1);
    cr_assert_eq(EVP_DigestUpdate(ctx, "abc", 3), 1);
    cr_assert_eq(EVP_DigestFinal(ctx, out, &len), 1);
    cr_assert_eq(len, 16);
    cr_assert_str_eq(hex(out, len), digests[0].abc);
    cr_assert_null(EVP_MD_CTX_md(ctx));
    EVP_MD_CTX_free(ctx);
}

Test(evp, digests_by_name)
{
    cr_assert_eq(EVP_MD_type(EVP_get_digestbyname("SHA256")), NID_sha256);
    cr_assert_eq(EVP_MD_type(EVP_get_digestbyname("sha256")), NID_sha256);
    cr_assert_eq(EVP_MD_type(EVP_get_digestbyname("SHA1")), NID_sha1);
    cr_assert_eq(EVP_MD_type(EVP_get_digestbyname("md5")), NID_md5);
    cr_assert_eq(EVP_MD_type(EVP_get_digestbyname("SHA512")), NID_sha512);
    cr_assert_null(EVP_get_digestbyname("no-such-digest"));
}

/* The context API gives the one-shot result however the message is split. */
Test(evp, low_level_contexts)
{
    unsigned char md[SHA512_DIGEST_LENGTH];
    MD5_CTX m5;
    SHA_CTX s1;
    SHA256_CTX s256;
    SHA512_CTX s512;
    cr_assert_eq(MD5_Init(&m5), 1);
    cr_assert_eq(MD5_Update(&m5, "ab", 2), 1);
    cr_assert_eq(MD5_Update(&m5, "c", 1), 1);
    cr_assert_eq(MD5_Final(md, &m5), 1);
    cr_assert_str_eq(hex(md, MD5_DIGEST_LENGTH), digests[0].abc);
    cr_assert_eq(SHA1_Init(&s1), 1);
    cr_assert_eq(SHA1_Update(&s1, "a", 1), 1);
    cr_assert_eq(SHA1_Update(&s1, "bc", 2), 1);
    cr_assert_eq(SHA1_Final(md, &s1), 1);
    cr_assert_str_eq(hex(md, SHA_DIGEST_LENGTH), digests[1].abc);
    cr_assert_eq(SHA224_Init(&s256), 1);
    cr_assert_eq(SHA224_Update(&s256, "abc", 3), 1);
    cr_assert_eq(SHA224_Final(md, &s256), 1);
    cr_assert_str_eq(hex(md, SHA224_DIGEST_LENGTH), digests[2].abc);
    cr_assert_eq(SHA256_Init(&s256), 1);
    cr_assert_eq(SHA256_Update(&s256, "abc", 3), 1);
    cr_assert_eq(SHA256_Final(md, &s256), 1);
    cr_assert_str_eq(hex(md, SHA256_DIGEST_LENGTH), digests[3].abc);
    cr_assert_eq(SHA384_Init(&s512), 1);
    cr_assert_eq(SHA384_Update(&s512, "abc", 3), 1);
    cr_assert_eq(SHA384_Final(md, &s512), 1);
    cr_assert_str_eq(hex(md, SHA384_DIGEST_LENGTH), digests[4].abc);
    cr_assert_eq(SHA512_Init(&s512), 1);
    cr_assert_eq(SHA512_Update(&s512, "ab", 2), 1);
    cr_assert_eq(SHA512_Update(&s512, "c", 1), 1);
    cr_assert_eq(SHA512_Final(md, &s512), 1);
    cr_assert_str_eq(hex(md, SHA512_DIGEST_LENGTH), digests[5].abc);
}

static const char jefe_data[] = "what do ya want for nothing?";

Test(hmac, one_shot_vectors)
{
    unsigned char md[EVP_MAX_MD_SIZE];
    unsigned int len = 0;
    cr_assert_eq(HMAC(EVP_md5(), "Jefe", 4, (const unsigned char *)jefe_data, 28, md, &len), md);
    cr_assert_eq(len, 16);
    cr_assert_str_eq(hex(md, len), "750c783e6ab0b503eaa86e310a5db738"); /* RFC 2202 2 */
    cr_assert_eq(HMAC(EVP_sha1(), "Jefe", 4, (const unsigned char *)jefe_data, 28, md, &len), md);
    cr_assert_str_eq(hex(md, len), "effcdf6ae5eb2fa2d27416d5f184df9c259a7c79"); /* RFC 2202 2 */
    cr_assert_eq(HMAC(EVP_sha256(), "Jefe", 4, (const unsigned char *)jefe_data, 28, md, &len), md);
    cr_assert_str_eq(hex(md, len), /* RFC 4231 4.3 */
                     "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    cr_assert_eq(HMAC(EVP_sha512(), "Jefe", 4, (const unsigned char *)jefe_data, 28, md, &len), md);
    cr_assert_str_eq(hex(md, len),
                     "164b7a7bfcf819e2e395fbe73b56e0a387bd64222e831fd610270cd7ea250554"
                     "9758bf75c05a994a6d034f65f8f0e6fdcaeab1a34d4a6b4b636e070a38bce737");
}

/* RFC 4231 4.7: a key longer than the block is hashed first. */
Test(hmac, long_key)
{
    unsigned char key[131], md[EVP_MAX_MD_SIZE];
    static const char msg[] = "Test Using Larger Than Block-Size Key - Hash Key First";
    memset(key, 0xaa, sizeof key);
    cr_assert_not_null(
        HMAC(EVP_sha256(), key, sizeof key, (const unsigned char *)msg, strlen(msg), md, NULL));
    cr_assert_str_eq(hex(md, 32), "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54");
}

Test(hmac, ctx_rekeying_rules)
{
    HMAC_CTX *ctx = HMAC_CTX_new();
    HMAC_CTX *copy = HMAC_CTX_new();
    unsigned char md[EVP_MAX_MD_SIZE];
    unsigned int len = 0;
    cr_assert_not_null(ctx);
    cr_assert_eq(HMAC_Init_ex(ctx, "Jefe", 4, EVP_sha1(), NULL), 1);
    cr_assert_eq(HMAC_size(ctx), 20);
    cr_assert_eq(HMAC_CTX_get_md(ctx), EVP_sha1());
    cr_assert_eq(HMAC_Update(ctx, (const unsigned char *)"garbage", 7), 1);
    /* NULL key and digest: a new message under the same key. */
    cr_assert_eq(HMAC_Init_ex(ctx, NULL, 0, NULL, NULL), 1);
    cr_assert_eq(HMAC_Update(ctx, (const unsigned char *)jefe_data, 10), 1);
    cr_assert_eq(HMAC_CTX_copy(copy, ctx), 1);
    cr_assert_eq(HMAC_Update(ctx, (const unsigned char *)jefe_data + 10, 18), 1);
    cr_assert_eq(HMAC_Final(ctx, md, &len), 1);
    cr_assert_eq(len, 20);
    cr_assert_str_eq(hex(md, len), "effcdf6ae5eb2fa2d27416d5f184df9c259a7c79");
    cr_assert_eq(HMAC_Update(copy, (const unsigned char *)jefe_data + 10, 18), 1);
    cr_assert_eq(HMAC_Final(copy, md, &len), 1);
    cr_assert_str_eq(hex(md, len), "effcdf6ae5eb2fa2d27416d5f184df9c259a7c79");
    /* A different digest without a key is refused; with one it re-keys. */
    cr_assert_eq(HMAC_Init_ex(ctx, NULL, 0, EVP_md5(), NULL), 0);
    cr_assert_eq(HMAC_Init_ex(ctx, "Jefe", 4, EVP_md5(), NULL), 1);
    cr_assert_eq(HMAC_Update(ctx, (const unsigned char *)jefe_data, 28), 1);
    cr_assert_eq(HMAC_Final(ctx, md, &len), 1);
    cr_assert_str_eq(hex(md, len), "750c783e6ab0b503eaa86e310a5db738");
    cr_assert_eq(HMAC_CTX_reset(ctx), 1);
    cr_assert_null(HMAC_CTX_get_md(ctx));
    HMAC_CTX_free(ctx);
    HMAC_CTX_free(copy);
}
