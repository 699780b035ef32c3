/* Known-answer tests for prf.c, the TLS 1.0 PRF (RFC 2246 section 5). */
#include <criterion/criterion.h>
#include <string.h>

#include "crypto/crypto.h"
#include "sym_test.h"

/* The common TLS 1.0 PRF test vector, posted to the IETF TLS list (ietf-tls mail archive msg01589) and used
 * by GnuTLS, forge and others: secret 48 x 0xab, label "PRF Testvector", seed 64 x 0xcd, 104 bytes. */
static const char prf_testvector[] =
    "d3d4d1e349b5d515044666d51de32bab258cb521b6b053463e354832fd976754"
    "443bcf9a296519bc289abcbc1187e4ebd31e602353776c408aafb74cbc85eff6"
    "9255f9788faa184cbb957a9819d84a5d7eb006eb459d3ae8de9810454b8b2d8f"
    "1afbc655a8c9a013";

Test(prf, ietf_tls_testvector)
{
    uint8_t secret[48], seed[64], out[104];
    memset(secret, 0xab, sizeof secret);
    memset(seed, 0xcd, sizeof seed);

    /* the seed in two parts, as callers pass the two randoms */
    ntls_prf_tls10(secret, sizeof secret, "PRF Testvector", seed, 32, seed + 32, 32, out, sizeof out);
    sym_assert_hex(out, sizeof out, prf_testvector, "seed in two halves");
    /* and in one part, seed2 NULL */
    ntls_prf_tls10(secret, sizeof secret, "PRF Testvector", seed, 64, NULL, 0, out, sizeof out);
    sym_assert_hex(out, sizeof out, prf_testvector, "seed in one part");
    /* the split point of the seed does not matter */
    for (size_t cut = 0; cut <= 64; cut++) {
        ntls_prf_tls10(secret, sizeof secret, "PRF Testvector", seed, cut, seed + cut, 64 - cut, out,
                       sizeof out);
        sym_assert_hex(out, sizeof out, prf_testvector, "seed cut at %zu", cut);
    }
}

/* Any shorter output is a prefix of the longer one (the P_hash blocks of 16 and 20 bytes are cut at every
 * length). */
Test(prf, every_output_length_is_a_prefix)
{
    uint8_t secret[48], seed[64], full[104], out[104 + 1];
    memset(secret, 0xab, sizeof secret);
    memset(seed, 0xcd, sizeof seed);
    sym_unhex(prf_testvector, full, sizeof full);
    for (size_t n = 0; n <= sizeof full; n++) {
        memset(out, 0x5a, sizeof out);
        ntls_prf_tls10(secret, sizeof secret, "PRF Testvector", seed, 32, seed + 32, 32, out, n);
        cr_assert_arr_eq(out, full, n, "length %zu", n);
        cr_assert_eq(out[n], 0x5a, "length %zu wrote past the end", n);
    }
}

/* Odd secret lengths, where S1 and S2 share the middle byte. Expected values from the system OpenSSL as an
 * independent oracle:
 *   openssl kdf -keylen 100 -kdfopt digest:MD5-SHA1 -kdfopt hexsecret:101112...3e (47 bytes 0x10..0x3e)
 *       -kdfopt hexseed:<"key expansion" in hex>404142...7f TLS1-PRF
 *   openssl kdf -keylen 48 -kdfopt digest:MD5-SHA1 -kdfopt hexsecret:42
 *       -kdfopt hexseed:<"master secret" in hex>000102...1f TLS1-PRF */
Test(prf, odd_secret_lengths_openssl_oracle)
{
    uint8_t secret[47], seed[64], out[100];
    for (size_t i = 0; i < sizeof secret; i++) {
        secret[i] = (uint8_t)(0x10 + i);
    }
    for (size_t i = 0; i < sizeof seed; i++) {
        seed[i] = (uint8_t)(0x40 + i);
    }
    ntls_prf_tls10(secret, sizeof secret, "key expansion", seed, 32, seed + 32, 32, out, sizeof out);
    sym_assert_hex(out, sizeof out,
                   "e1958011aedb4ca00ea6326421218a95ea240466e60f4cc33b0de54635e56d32"
                   "abb04cc3748b0b0dd32dfa8cc07a48703503686801f80e0b80a8923149767fee"
                   "04559fe61289d62decc8fe5a68a5f9f49e136f1e846da0f9d415bf029a8371f5"
                   "f5cbbec0",
                   "47-byte secret");

    const uint8_t one[1] = { 0x42 };
    uint8_t rnd[32], ms[48];
    for (size_t i = 0; i < sizeof rnd; i++) {
        rnd[i] = (uint8_t)i;
    }
    ntls_prf_tls10(one, 1, "master secret", rnd, 16, rnd + 16, 16, ms, sizeof ms);
    sym_assert_hex(ms, sizeof ms,
                   "8732963967dcca74b0da71943c09f4bb67771216fdb28cc6a94ab84e37421422"
                   "a5ac4e1748af00181245b29b9c45d487",
                   "1-byte secret: both halves are that byte");
}

/* RFC 2246 5 by hand for a 3-byte secret: P_MD5 keyed with bytes 0-1, P_SHA-1 with bytes 1-2. */
Test(prf, halves_share_the_middle_byte)
{
    const uint8_t secret[3] = { 0x01, 0x02, 0x03 }, seed[4] = { 's', 'e', 'e', 'd' };
    uint8_t out[20], a[20], p_md5[16], p_sha1[20];
    ntls_prf_tls10(secret, 3, "L", seed, 4, NULL, 0, out, 16);

    uint8_t lseed[5] = { 'L', 's', 'e', 'e', 'd' }, buf[20 + 5];
    ntls_hmac_oneshot(NTLS_HASH_MD5, secret, 2, lseed, 5, a); /* A(1) */
    memcpy(buf, a, 16);
    memcpy(buf + 16, lseed, 5);
    ntls_hmac_oneshot(NTLS_HASH_MD5, secret, 2, buf, 21, p_md5);
    ntls_hmac_oneshot(NTLS_HASH_SHA1, secret + 1, 2, lseed, 5, a);
    memcpy(buf, a, 20);
    memcpy(buf + 20, lseed, 5);
    ntls_hmac_oneshot(NTLS_HASH_SHA1, secret + 1, 2, buf, 25, p_sha1);
    for (int i = 0; i < 16; i++) {
        cr_assert_eq(out[i], p_md5[i] ^ p_sha1[i], "byte %d", i);
    }
}
