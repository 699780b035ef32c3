/* Known-answer tests for hash.c: RFC 1321 (MD5), RFC 3174 (SHA-1), FIPS 180-2 appendix examples (SHA-1,
 * SHA-224/256/384/512), split updates, forks by assignment, MD5||SHA-1, and the compression counter. */
#include <criterion/criterion.h>
#include <string.h>

#include "crypto/crypto.h"
#include "sym_test.h"

static const char msg448[] = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";
static const char msg896[] = "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmn"
                             "hijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu";
static const char digits80[] = "1234567890123456789012345678901234567890"
                               "1234567890123456789012345678901234567890";

static void check(enum ntls_hash_id id, const void *msg, size_t len, const char *want)
{
    uint8_t out[NTLS_HASH_MAX_SIZE];
    ntls_hash_oneshot(id, msg, len, out);
    sym_assert_hex(out, ntls_hash_size(id), want, "hash %d of a %zu-byte message", (int)id, len);
}

static void check_str(enum ntls_hash_id id, const char *msg, const char *want)
{
    check(id, msg, strlen(msg), want);
}

/* The million-'a' message, fed in uneven pieces that cross block boundaries at many offsets. */
static void check_million_a(enum ntls_hash_id id, const char *want)
{
    static uint8_t as[1024];
    memset(as, 'a', sizeof as);
    struct ntls_hash h;
    ntls_hash_init(&h, id);
    size_t left = 1000000, step = 1;
    while (left > 0) {
        size_t n = step < left ? step : left;
        ntls_hash_update(&h, as, n);
        left -= n;
        step = step % 997 + 13;
    }
    uint8_t out[NTLS_HASH_MAX_SIZE];
    ntls_hash_final(&h, out);
    sym_assert_hex(out, ntls_hash_size(id), want, "million 'a', hash %d", (int)id);
}

Test(hash, sizes)
{
    const size_t size[] = { 16, 20, 28, 32, 48, 64, 36, 16 }, block[] = { 64, 64, 64, 64, 128, 128, 64, 64 };
    for (int id = 0; id < NTLS_HASH__COUNT; id++) {
        cr_assert_eq(ntls_hash_size(id), size[id]);
        cr_assert_eq(ntls_hash_block_size(id), block[id]);
    }
}

Test(hash, md4_rfc1320)
{
    check_str(NTLS_HASH_MD4, "", "31d6cfe0d16ae931b73c59d7e0c089c0");
    check_str(NTLS_HASH_MD4, "abc", "a448017aaf21d8525fc10ae87aa6729d");
    check_str(NTLS_HASH_MD4, "message digest", "d9130a8164549fe818874806e1c7014b");
    check_str(NTLS_HASH_MD4, "12345678901234567890123456789012345678901234567890123456789012345678901234567890",
              "e33b4ddc9c38f2199c3e7b164fcc0536");
}

Test(hash, md5_rfc1321)
{
    check_str(NTLS_HASH_MD5, "", "d41d8cd98f00b204e9800998ecf8427e");
    check_str(NTLS_HASH_MD5, "a", "0cc175b9c0f1b6a831c399e269772661");
    check_str(NTLS_HASH_MD5, "abc", "900150983cd24fb0d6963f7d28e17f72");
    check_str(NTLS_HASH_MD5, "message digest", "f96b697d7cb7938d525a2f31aaf161d0");
    check_str(NTLS_HASH_MD5, "abcdefghijklmnopqrstuvwxyz", "c3fcd3d76192e4007dfb496cca67e13b");
    check_str(NTLS_HASH_MD5, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789",
              "d174ab98d277d9f5a5611c2c9f419d9f");
    check_str(NTLS_HASH_MD5, digits80, "57edf4a22be3c955ac49da2e2107b67a");
}

Test(hash, sha1_rfc3174)
{
    check_str(NTLS_HASH_SHA1, "abc", "a9993e364706816aba3e25717850c26c9cd0d89d");
    check_str(NTLS_HASH_SHA1, msg448, "84983e441c3bd26ebaae4aa1f95129e5e54670f1");
    check_million_a(NTLS_HASH_SHA1, "34aa973cd4c4daa4f61eeb2bdbad27316534016f");
    /* TEST4: "01234567" repeated to 640 bytes (RFC 3174 7.3 repeats 0123456701234567 forty times). */
    char rep[641];
    for (int i = 0; i < 80; i++) {
        memcpy(rep + 8 * i, "01234567", 8);
    }
    check(NTLS_HASH_SHA1, rep, 640, "dea356a2cddd90c7a7ecedc5ebb563934f460452");
}

Test(hash, sha224_fips180)
{
    check_str(NTLS_HASH_SHA224, "abc", "23097d223405d8228642a477bda255b32aadbce4bda0b3f7e36c9da7");
    check_str(NTLS_HASH_SHA224, msg448, "75388b16512776cc5dba5da1fd890150b0c6455cb4f58b1952522525");
    check_million_a(NTLS_HASH_SHA224, "20794655980c91d8bbb4c1ea97618a4bf03f42581948b2ee4ee7ad67");
}

Test(hash, sha256_fips180)
{
    check_str(NTLS_HASH_SHA256, "abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    check_str(NTLS_HASH_SHA256, msg448, "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
    check_million_a(NTLS_HASH_SHA256, "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

Test(hash, sha384_fips180)
{
    check_str(NTLS_HASH_SHA384, "abc",
              "cb00753f45a35e8bb5a03d699ac65007272c32ab0eded163"
              "1a8b605a43ff5bed8086072ba1e7cc2358baeca134c825a7");
    check_str(NTLS_HASH_SHA384, msg896,
              "09330c33f71147e83d192fc782cd1b4753111b173b3b05d2"
              "2fa08086e3b0f712fcc7c71a557e2db966c3e9fa91746039");
    check_million_a(NTLS_HASH_SHA384, "9d0e1809716474cb086e834e310a4a1ced149e9c00f248527972cec5704c2a5b"
                                      "07b8b3dc38ecc4ebae97ddd87f3d8985");
}

Test(hash, sha512_fips180)
{
    check_str(NTLS_HASH_SHA512, "abc",
              "ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a"
              "2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f");
    check_str(NTLS_HASH_SHA512, msg896,
              "8e959b75dae313da8cf4f72814fc143f8f7779c6eb9f7fa17299aeadb6889018"
              "501d289e4900f7e4331b99dec4b5433ac7d329eeb6dd26545e96e55b874be909");
    check_million_a(NTLS_HASH_SHA512, "e718483d0ce769644e2e42c7bc15b4638e1f98b13b2044285632a803afa973eb"
                                      "de0ff244877ea60a4cb0432ce577c31beb009c5c2c49aa2e4eadb217ad8cc09b");
}

Test(hash, md5sha1_is_md5_then_sha1)
{
    check_str(NTLS_HASH_MD5SHA1, "abc",
              "900150983cd24fb0d6963f7d28e17f72"
              "a9993e364706816aba3e25717850c26c9cd0d89d");
    check_str(NTLS_HASH_MD5SHA1, "",
              "d41d8cd98f00b204e9800998ecf8427e"
              "da39a3ee5e6b4b0d3255bfef95601890afd80709");
}

/* Every way of cutting a published message into two and three updates gives the published digest. */
static void check_splits(enum ntls_hash_id id, const char *msg, const char *want)
{
    size_t len = strlen(msg);
    uint8_t out[NTLS_HASH_MAX_SIZE];
    for (size_t i = 0; i <= len; i++) {
        for (size_t j = i; j <= len; j++) {
            struct ntls_hash h;
            ntls_hash_init(&h, id);
            ntls_hash_update(&h, msg, i);
            ntls_hash_update(&h, msg + i, j - i);
            ntls_hash_update(&h, msg + j, len - j);
            ntls_hash_final(&h, out);
            sym_assert_hex(out, ntls_hash_size(id), want, "hash %d cut at %zu and %zu", (int)id, i, j);
        }
    }
}

Test(hash, multi_update_splits_at_every_offset)
{
    check_splits(NTLS_HASH_MD5, digits80, "57edf4a22be3c955ac49da2e2107b67a");
    check_splits(NTLS_HASH_SHA1, msg448, "84983e441c3bd26ebaae4aa1f95129e5e54670f1");
    check_splits(NTLS_HASH_SHA224, msg448, "75388b16512776cc5dba5da1fd890150b0c6455cb4f58b1952522525");
    check_splits(NTLS_HASH_SHA256, msg448,
                 "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
    check_splits(NTLS_HASH_SHA384, msg896,
                 "09330c33f71147e83d192fc782cd1b4753111b173b3b05d22fa08086e3b0f712"
                 "fcc7c71a557e2db966c3e9fa91746039");
    check_splits(NTLS_HASH_SHA512, msg896,
                 "8e959b75dae313da8cf4f72814fc143f8f7779c6eb9f7fa17299aeadb6889018"
                 "501d289e4900f7e4331b99dec4b5433ac7d329eeb6dd26545e96e55b874be909");
    check_splits(NTLS_HASH_MD5SHA1, "abc",
                 "900150983cd24fb0d6963f7d28e17f72a9993e364706816aba3e25717850c26c9cd0d89d");
}

/* Copying a running hash by assignment forks it: "a" finishes one copy, "bc" more finishes the other. */
static void check_fork(enum ntls_hash_id id, const char *want_a, const char *want_abc)
{
    struct ntls_hash h, fork;
    uint8_t out[NTLS_HASH_MAX_SIZE];
    ntls_hash_init(&h, id);
    ntls_hash_update(&h, "a", 1);
    fork = h;
    ntls_hash_final(&h, out);
    sym_assert_hex(out, ntls_hash_size(id), want_a, "hash %d, first copy", (int)id);
    ntls_hash_update(&fork, "bc", 2);
    ntls_hash_final(&fork, out);
    sym_assert_hex(out, ntls_hash_size(id), want_abc, "hash %d, forked copy", (int)id);
    /* final left h ready for a new message */
    ntls_hash_update(&h, "abc", 3);
    ntls_hash_final(&h, out);
    sym_assert_hex(out, ntls_hash_size(id), want_abc, "hash %d, reused after final", (int)id);
}

Test(hash, copy_by_assignment_forks)
{
    check_fork(NTLS_HASH_MD5, "0cc175b9c0f1b6a831c399e269772661", "900150983cd24fb0d6963f7d28e17f72");
    check_fork(NTLS_HASH_SHA1, "86f7e437faa5a7fce15d1ddcb9eaeaea377667b8",
               "a9993e364706816aba3e25717850c26c9cd0d89d");
    check_fork(NTLS_HASH_SHA256, "ca978112ca1bbdcafac231b39a23dc4da786eff8147c4e72b9807785afee48bb",
               "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    check_fork(NTLS_HASH_SHA512,
               "1f40fc92da241694750979ee6cf582f2d5d7d28e18335de05abc54d0560e0f53"
               "02860c652bf08d560252aa5e74210546f369fbbbce8c12cfc7957b2652fe9a75",
               "ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a"
               "2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f");
    check_fork(NTLS_HASH_MD5SHA1, "0cc175b9c0f1b6a831c399e26977266186f7e437faa5a7fce15d1ddcb9eaeaea377667b8",
               "900150983cd24fb0d6963f7d28e17f72a9993e364706816aba3e25717850c26c9cd0d89d");
}

/* A message of len bytes takes floor((len + 8) / 64) + 1 compressions of MD5 or SHA-1 (0x80, then the
 * 8-byte length must fit). */
Test(hash, compress_counter_counts_blocks_exactly)
{
    static uint8_t msg[300];
    uint8_t out[NTLS_HASH_MAX_SIZE];
    for (size_t len = 0; len <= sizeof msg; len++) {
        unsigned long want = (unsigned long)((len + 8) / 64 + 1);
        unsigned long before = ntls_hash_compress_count();
        ntls_hash_oneshot(NTLS_HASH_MD5, msg, len, out);
        cr_assert_eq(ntls_hash_compress_count() - before, want, "MD5 of %zu bytes", len);
        before = ntls_hash_compress_count();
        ntls_hash_oneshot(NTLS_HASH_SHA1, msg, len, out);
        cr_assert_eq(ntls_hash_compress_count() - before, want, "SHA-1 of %zu bytes", len);
        before = ntls_hash_compress_count();
        ntls_hash_oneshot(NTLS_HASH_MD5SHA1, msg, len, out);
        cr_assert_eq(ntls_hash_compress_count() - before, 2 * want, "MD5SHA1 of %zu bytes", len);
        before = ntls_hash_compress_count();
        ntls_hash_oneshot(NTLS_HASH_SHA256, msg, len, out);
        cr_assert_eq(ntls_hash_compress_count() - before, 0, "SHA-256 is not counted");
    }

    /* Byte by byte, a compression happens exactly when a block fills. */
    struct ntls_hash h;
    ntls_hash_init(&h, NTLS_HASH_SHA1);
    for (size_t i = 1; i <= 200; i++) {
        unsigned long before = ntls_hash_compress_count();
        ntls_hash_update(&h, msg, 1);
        cr_assert_eq(ntls_hash_compress_count() - before, i % 64 == 0 ? 1ul : 0ul, "byte %zu", i);
    }
    ntls_hash_wipe(&h);
}
