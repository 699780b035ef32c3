/* The one-shot digests, against <openssl/...> only; built against nettls and the system OpenSSL.
 * Vectors: FIPS 180-2 appendix examples ("abc", one million 'a') and RFC 1321 A.5. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <string.h>

#include <openssl/md5.h>
#include <openssl/sha.h>

static void hex(const unsigned char *d, size_t n, char *out)
{
    for (size_t i = 0; i < n; i++) {
        sprintf(out + 2 * i, "%02x", d[i]);
    }
}

#define CHECK(fn, len, msg, msg_len, expected)                                                              \
    do {                                                                                                    \
        unsigned char md_[64];                                                                              \
        char hex_[129];                                                                                     \
        cr_assert_eq(fn((const unsigned char *)(msg), (msg_len), md_), md_);                                \
        hex(md_, (len), hex_);                                                                              \
        cr_assert_str_eq(hex_, (expected), #fn "(%s)", (msg_len) < 64 ? (const char *)(msg) : "...");       \
    } while (0)

Test(digest, md5)
{
    CHECK(MD5, MD5_DIGEST_LENGTH, "", 0, "d41d8cd98f00b204e9800998ecf8427e");
    CHECK(MD5, MD5_DIGEST_LENGTH, "abc", 3, "900150983cd24fb0d6963f7d28e17f72");
    CHECK(MD5, MD5_DIGEST_LENGTH, "message digest", 14, "f96b697d7cb7938d525a2f31aaf161d0");
}

Test(digest, sha1)
{
    CHECK(SHA1, SHA_DIGEST_LENGTH, "", 0, "da39a3ee5e6b4b0d3255bfef95601890afd80709");
    CHECK(SHA1, SHA_DIGEST_LENGTH, "abc", 3, "a9993e364706816aba3e25717850c26c9cd0d89d");
    CHECK(SHA1, SHA_DIGEST_LENGTH, "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", 56,
          "84983e441c3bd26ebaae4aa1f95129e5e54670f1");
}

Test(digest, sha2)
{
    CHECK(SHA224, SHA224_DIGEST_LENGTH, "abc", 3, "23097d223405d8228642a477bda255b32aadbce4bda0b3f7e36c9da7");
    CHECK(SHA256, SHA256_DIGEST_LENGTH, "abc", 3,
          "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    CHECK(SHA256, SHA256_DIGEST_LENGTH, "", 0,
          "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    CHECK(SHA384, SHA384_DIGEST_LENGTH, "abc", 3,
          "cb00753f45a35e8bb5a03d699ac65007272c32ab0eded1631a8b605a43ff5bed8086072ba1e7cc2358baeca134c825a7");
    CHECK(SHA512, SHA512_DIGEST_LENGTH, "abc", 3,
          "ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a2192992a274fc1a836ba3c23a3feebbd"
          "454d4423643ce80e2a9ac94fa54ca49f");
}

Test(digest, a_million_a)
{
    static unsigned char m[1000000];
    memset(m, 'a', sizeof m);
    CHECK(SHA1, SHA_DIGEST_LENGTH, m, sizeof m, "34aa973cd4c4daa4f61eeb2bdbad27316534016f");
    CHECK(SHA256, SHA256_DIGEST_LENGTH, m, sizeof m,
          "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

Test(digest, a_null_output_means_a_static_buffer)
{
    unsigned char *p = MD5((const unsigned char *)"abc", 3, NULL);
    char h[65];
    cr_assert_not_null(p);
    hex(p, MD5_DIGEST_LENGTH, h);
    cr_assert_str_eq(h, "900150983cd24fb0d6963f7d28e17f72");
    cr_assert_eq(MD5((const unsigned char *)"", 0, NULL), p);
    p = SHA1((const unsigned char *)"abc", 3, NULL);
    hex(p, SHA_DIGEST_LENGTH, h);
    cr_assert_str_eq(h, "a9993e364706816aba3e25717850c26c9cd0d89d");
    p = SHA256((const unsigned char *)"abc", 3, NULL);
    hex(p, SHA256_DIGEST_LENGTH, h);
    cr_assert_str_eq(h, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}
