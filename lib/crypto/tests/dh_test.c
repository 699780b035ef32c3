/* Tests for dh.c: a round trip on RFC 7919 ffdhe2048 with short exponents, the 1 < y < p-1 checks, the
 * stripping of leading zeros from the secret (RFC 2246 8.1.2), and known answers from the system OpenSSL. */
#include <criterion/criterion.h>
#include <string.h>

#include "crypto/crypto.h"
#include "pk_vectors.h"

/* ffdhe2048 (RFC 7919 A.1, g = 2) and three key pairs in it, from the system OpenSSL 3:
 *   openssl genpkey -genparam -algorithm DH -pkeyopt group:ffdhe2048 -out ffdhe.pem
 *   openssl asn1parse -in ffdhe.pem                                     (p, written out)
 *   openssl genpkey -paramfile ffdhe.pem -out dha.pem                    (and dhb.pem)
 *   openssl pkey -in dhb.pem -pubout -out dhb_pub.pem
 *   openssl pkeyutl -derive -inkey dha.pem -peerkey dhb_pub.pem -out dh_ab.bin
 *   openssl pkey -in dha.pem -text -noout                                (x and y)
 * OpenSSL's derive strips leading zeros as RFC 2246 does. For the third key, dhz.pem, the genpkey and
 * derive steps were repeated with new keys until dh_zb.bin came out 255 bytes long (211 tries), giving a
 * secret whose first byte was zero. Each answer was also checked with Python's pow(y, x, p). */
static const char FFDHE2048_P[] =
    "ffffffffffffffffadf85458a2bb4a9aafdc5620273d3cf1d8b9c583ce2d3695a9e13641146433fbcc939dce249b3ef97d"
    "2fe363630c75d8f681b202aec4617ad3df1ed5d5fd65612433f51f5f066ed0856365553ded1af3b557135e7f57c935984f"
    "0c70e0e68b77e2a689daf3efe8721df158a136ade73530acca4f483a797abc0ab182b324fb61d108a94bb2c8e3fbb96ada"
    "b760d7f4681d4f42a3de394df4ae56ede76372bb190b07a7c8ee0a6d709e02fce1cdf7e2ecc03404cd28342f619172fe9c"
    "e98583ff8e4f1232eef28183c3fe3b1b4c6fad733bb5fcbc2ec22005c58ef1837d1683b2c6f34a26c1b2effa886b423861"
    "285c97ffffffffffffffff";
static const char OSSL_DH_XA[] =
    "20906f94e2e06b62c2f6bb505f18d8ecfdb93b8d94345d664dbd1241";
static const char OSSL_DH_YA[] =
    "4470c75d52c398f0619e08d0642c2cfecf70b94f5cf545cd3aa91ee77ef6fb1b5123e1512eb23c5fc3a462fc68016188e0"
    "c65056407d7b5a3f3e7952f513c914cf3ec3f40b7d694e8abbf316cc589950496c8aeb835eee2868cfc1188776d7fa205a"
    "ff5a56b4daf86c62724afaa31a7209b5a9363c7d97e1f32c5ddc7df36792025ba2b90b8e0e5fd85f819b38857f4e3dcbde"
    "305ee0bf0fed138ff459bbd2c05888ae4e9baff55d46d773b916940f6594b37d86b70e6c408ca6716ced5188a7d4801023"
    "af4d5c1dde79b800d98a08887b8969e9122c844619cb4794e09290a3b318ef2e540fae4c779707e88a4d3d0e93dbde7db4"
    "815912a0e10a6bfa819448";
static const char OSSL_DH_YB[] =
    "00bf801968081bdd626b8098bebc718f1f27c1d9f881bd55f67b21b354ca304ee3b74b81a4e68466c57920fdabb685991a"
    "60e47c814d748e5d2810a192e3c75c50d5c7d801b34dc57ed479f1e2149c7782bd7fc87106ca4bb5ba0c671ded5e1c5913"
    "dc2607d73415de0ab74cb08b41b1c9f0de5324e260997c8e0ff3b057b3cb21ed7b22e5a46a06ee2b2b76d774b2e2ce9d7b"
    "ec4d6a68a3574b03a04d4ec40a3b5d571304eca90075f4e14fdb14575fcffef31cf5f9143acb6aa73e4a5fd6083d185e8e"
    "09c0cbd6bb7daa271ba96dcc2b30a003b5acdf48de183a7f18a39a4517149234a473cb756bb48ff3fb886fc963092448ad"
    "78e65471cbee2f3cbdadad";
static const char OSSL_DH_AB[] =
    "65f0c2abf3c1d6f505e3427d6f985429e7b3d8d34e151bb8d5c40e0872b9c21100f019efcad432978f3c8796fb1e5ecd6d"
    "31bd71b7493cada26348a82ce26a20285d83b372836dfc1b76285125512c381e8a8015526ed6f926abeacce9fb5aaacc3c"
    "b0063d4eb6724c0b25325270c32f7b13043c231ea77d7887d9a702a3a75a9584776f4c0cfabb4ecf33e3bd74564dbb607d"
    "334600adda218bf9a777808e2928dfea3dec29ccb178f9c4f0ad014a8bc14a8db30fbe65ebae62263f5cd21a2a27cf02a6"
    "3b5c4a83d2cd09fcb72eb30eb0ec8e9370f9b304669ec06dd05fd3b4ae6525b2374b5c3a50a6074a9be3759abcccd0b279"
    "6dce10199a6077ce1dfe97";
static const char OSSL_DH_XZ[] =
    "0144bf88bd34b1621a1ff54c0e6c5d7407cc88540c9213bec7b2865240";
static const char OSSL_DH_ZB[] =
    "5df7ddc61fff1750133502a627f2c52a8a8ad8e7c7622101da77a5465def95723011752c97445a5c7bc2fac7210f39ad4d"
    "a0aaf8f8af2903658e8193c72a44dc48dfd9289ab697ee0db6de1e8e4734d6e9ff56cfff1dae235ba86a4f9af81b8f8f45"
    "a2f05cb695c635e4315c30e77ff3a3181a1b1d529169e6c71f0d7715247fe8a61715cbd9ad59173bda05e63594bbb5dac0"
    "be66da449f162b45c4cacaebf354e46ebb467a266fac3d0cbffb8f3627f9b46b0fbc49de0faf78ac1414e36110ebaf15ea"
    "6cf62ed19392c8f94ddb3c5ecfeecf80824328cea79e1574209896a9f9f5d1c567820f9c6332d6edea7ca53007558cc04a"
    "575b27cf4772959913cc";

#define P_LEN 256

static const uint8_t two[] = { 2 };

static size_t load_p(uint8_t *p)
{
    size_t len = pk_hex(FFDHE2048_P, p, P_LEN);
    cr_assert_eq(len, P_LEN);
    return len;
}

/* v += delta for a big-endian v, with the carry or borrow going all the way up. */
static void be_add(uint8_t *v, size_t len, int delta)
{
    for (size_t i = len; i-- > 0 && delta != 0;) {
        int x = v[i] + delta;
        v[i] = (uint8_t)(x & 0xff);
        delta = x < 0 ? -1 : x > 0xff ? 1 : 0;
    }
}

static void set_priv(struct ntls_dh *dh, const char *hex)
{
    dh->priv_len = pk_hex(hex, dh->priv, sizeof dh->priv);
}

Test(dh, round_trip_ffdhe2048)
{
    uint8_t p[P_LEN], pub_a[P_LEN], pub_b[P_LEN], s_a[P_LEN], s_b[P_LEN];
    struct ntls_dh a, b;
    size_t len_a = 0, len_b = 0;

    load_p(p);
    cr_assert_eq(ntls_dh_keygen(&a, p, P_LEN, two, 1, 256, pub_a).err, NTLS_E_OK);
    cr_assert_eq(ntls_dh_keygen(&b, p, P_LEN, two, 1, 256, pub_b).err, NTLS_E_OK);
    /* A 256-bit exponent: 32 bytes with the top bit set. */
    cr_assert_eq(a.priv_len, 32);
    cr_assert(a.priv[0] & 0x80);
    cr_assert(memcmp(a.priv, b.priv, 32) != 0);
    cr_assert_eq(ntls_dh_check_element(p, P_LEN, pub_a, P_LEN).err, NTLS_E_OK);
    cr_assert_eq(ntls_dh_check_element(p, P_LEN, pub_b, P_LEN).err, NTLS_E_OK);

    cr_assert_eq(ntls_dh_shared(&a, p, P_LEN, pub_b, P_LEN, s_a, &len_a).err, NTLS_E_OK);
    cr_assert_eq(ntls_dh_shared(&b, p, P_LEN, pub_a, P_LEN, s_b, &len_b).err, NTLS_E_OK);
    cr_assert_eq(len_a, len_b);
    cr_assert(len_a > 0 && len_a <= P_LEN);
    cr_assert_neq(s_a[0], 0, "leading zeros are stripped");
    cr_assert_arr_eq(s_a, s_b, len_a, "the two sides disagree");

    /* The public value is g^x: the shared secret with the peer value g gives it back. */
    size_t len = 0;
    cr_assert_eq(ntls_dh_shared(&a, p, P_LEN, two, 1, s_a, &len).err, NTLS_E_OK);
    cr_assert(len <= P_LEN);
    cr_assert_arr_eq(s_a, pub_a + (P_LEN - len), len);

    ntls_dh_wipe(&a);
    const struct ntls_dh zero = { 0 };
    cr_assert_arr_eq(&a, &zero, sizeof a, "wipe leaves nothing");
    cr_assert_eq(ntls_dh_shared(&a, p, P_LEN, pub_b, P_LEN, s_a, &len_a).err, NTLS_E_USAGE);
    a.priv_len = 32; /* all zeros: no exponent */
    cr_assert_eq(ntls_dh_shared(&a, p, P_LEN, pub_b, P_LEN, s_a, &len_a).err, NTLS_E_USAGE);
    ntls_dh_wipe(&b);
}

Test(dh, exponent_sizes)
{
    uint8_t p[P_LEN], pub[P_LEN];
    struct ntls_dh dh;

    load_p(p);
    cr_assert_eq(ntls_dh_keygen(&dh, p, P_LEN, two, 1, 225, pub).err, NTLS_E_OK);
    cr_assert_eq(dh.priv_len, 29);
    cr_assert_eq(dh.priv[0], 0x01, "225 bits: the top byte holds one bit");
    cr_assert_eq(ntls_dh_keygen(&dh, p, P_LEN, two, 1, 8 * NTLS_DH_PRIV_MAX, pub).err, NTLS_E_OK);
    cr_assert_eq(dh.priv_len, NTLS_DH_PRIV_MAX);
    cr_assert(dh.priv[0] & 0x80);
    cr_assert_eq(ntls_dh_keygen(&dh, p, P_LEN, two, 1, 8 * NTLS_DH_PRIV_MAX + 1, pub).err, NTLS_E_USAGE);
    cr_assert_eq(ntls_dh_keygen(&dh, p, P_LEN, two, 1, 1, pub).err, NTLS_E_USAGE);
    cr_assert_eq(ntls_dh_keygen(&dh, p, P_LEN, two, 1, 0, pub).err, NTLS_E_USAGE);
    ntls_dh_wipe(&dh);
}

/* With p = 23 written on 4 bytes, the public value comes back left-padded to 4 bytes, and it is 5^x mod 23
 * for the 4-bit exponent keygen chose. */
Test(dh, public_value_left_padded)
{
    const uint8_t p[] = { 0, 0, 0, 23 }, g[] = { 5 };
    uint8_t pub[4];
    struct ntls_dh dh;

    for (int i = 0; i < 20; i++) {
        cr_assert_eq(ntls_dh_keygen(&dh, p, sizeof p, g, 1, 4, pub).err, NTLS_E_OK);
        cr_assert_eq(dh.priv_len, 1);
        cr_assert(dh.priv[0] >= 8 && dh.priv[0] <= 15);
        unsigned y = 1;
        for (unsigned e = 0; e < dh.priv[0]; e++) {
            y = y * 5 % 23;
        }
        const uint8_t want[4] = { 0, 0, 0, (uint8_t)y };
        cr_assert_arr_eq(pub, want, 4, "5^%u mod 23", dh.priv[0]);
    }
    /* An exponent as long as p is refused. */
    cr_assert_eq(ntls_dh_keygen(&dh, p, sizeof p, g, 1, 5, pub).err, NTLS_E_USAGE);
}

Test(dh, element_checks)
{
    uint8_t p[P_LEN], v[P_LEN + 1], pub[P_LEN], secret[P_LEN];
    struct ntls_dh dh;
    size_t len;

    load_p(p);
    cr_assert_eq(ntls_dh_keygen(&dh, p, P_LEN, two, 1, 256, pub).err, NTLS_E_OK);

    /* 0, 1, p-1, p, p+1, 2^2048 and a 257-byte value: illegal_parameter, for a check and as a peer. */
    uint8_t bad[7][P_LEN + 1];
    size_t bad_len[7];
    memset(bad, 0, sizeof bad);
    bad_len[0] = 1;                /* 0 */
    bad[1][0] = 1, bad_len[1] = 1; /* 1 */
    for (int i = 2; i <= 4; i++) {
        memcpy(bad[i], p, P_LEN);
        bad_len[i] = P_LEN;
        be_add(bad[i], P_LEN, i - 3); /* p - 1, p, p + 1 */
    }
    bad[5][0] = 1, bad_len[5] = P_LEN + 1; /* 2^2048 */
    memset(bad[6], 0xff, P_LEN + 1), bad_len[6] = P_LEN + 1;
    for (int i = 0; i < 7; i++) {
        cr_assert_eq(ntls_dh_check_element(p, P_LEN, bad[i], bad_len[i]).err, NTLS_E_ILLEGAL_PARAMETER,
                     "value %d", i);
        cr_assert_eq(ntls_dh_shared(&dh, p, P_LEN, bad[i], bad_len[i], secret, &len).err,
                     NTLS_E_ILLEGAL_PARAMETER, "value %d", i);
    }
    cr_assert_eq(ntls_dh_check_element(p, P_LEN, v, 0).err, NTLS_E_ILLEGAL_PARAMETER, "empty is 0");

    /* 2 and p - 2 are the smallest and largest allowed, also with leading zero bytes. */
    memcpy(v, p, P_LEN);
    be_add(v, P_LEN, -2);
    cr_assert_eq(ntls_dh_check_element(p, P_LEN, v, P_LEN).err, NTLS_E_OK);
    const uint8_t padded_two[] = { 0, 0, 2 };
    cr_assert_eq(ntls_dh_check_element(p, P_LEN, padded_two, sizeof padded_two).err, NTLS_E_OK);
    cr_assert_eq(ntls_dh_check_element(p, P_LEN, two, 1).err, NTLS_E_OK);

    /* The generator is checked the same way, and p must be odd and not too large. */
    cr_assert_eq(ntls_dh_keygen(&dh, p, P_LEN, bad[1], 1, 256, pub).err, NTLS_E_ILLEGAL_PARAMETER);
    cr_assert_eq(ntls_dh_keygen(&dh, p, P_LEN, bad[2], P_LEN, 256, pub).err, NTLS_E_ILLEGAL_PARAMETER);
    p[P_LEN - 1] ^= 1;
    cr_assert_eq(ntls_dh_keygen(&dh, p, P_LEN, two, 1, 256, pub).err, NTLS_E_ILLEGAL_PARAMETER);
    cr_assert_eq(ntls_dh_check_element(p, P_LEN, two, 1).err, NTLS_E_ILLEGAL_PARAMETER);
    static uint8_t huge[NTLS_DH_MAX_BYTES + 1];
    memset(huge, 0xff, sizeof huge);
    cr_assert_eq(ntls_dh_check_element(huge, sizeof huge, two, 1).err, NTLS_E_ILLEGAL_PARAMETER);
    ntls_dh_wipe(&dh);
}

Test(dh, openssl_known_answer)
{
    uint8_t p[P_LEN], yb[P_LEN], want[P_LEN], ya[P_LEN], secret[P_LEN];
    struct ntls_dh dh = { 0 };
    size_t len = 0;

    load_p(p);
    set_priv(&dh, OSSL_DH_XA);
    cr_assert_eq(pk_hex(OSSL_DH_YB, yb, sizeof yb), P_LEN);
    cr_assert_eq(pk_hex(OSSL_DH_AB, want, sizeof want), P_LEN);
    cr_assert_eq(ntls_dh_shared(&dh, p, P_LEN, yb, P_LEN, secret, &len).err, NTLS_E_OK);
    cr_assert_eq(len, P_LEN);
    cr_assert_arr_eq(secret, want, P_LEN, "differs from OpenSSL's derive");

    /* And x's public value, g^x, is OpenSSL's. */
    size_t ya_len = pk_hex(OSSL_DH_YA, ya, sizeof ya);
    cr_assert_eq(ntls_dh_shared(&dh, p, P_LEN, two, 1, secret, &len).err, NTLS_E_OK);
    cr_assert_eq(len, ya_len);
    cr_assert_arr_eq(secret, ya, ya_len);
    ntls_dh_wipe(&dh);
}

/* RFC 2246 8.1.2: "leading bytes of Z that contain all zero bits are stripped". */
Test(dh, leading_zero_stripped)
{
    uint8_t p[P_LEN], yb[P_LEN], want[P_LEN], secret[P_LEN];
    struct ntls_dh dh = { 0 };
    size_t len = 0;

    load_p(p);
    set_priv(&dh, OSSL_DH_XZ);
    cr_assert_eq(pk_hex(OSSL_DH_YB, yb, sizeof yb), P_LEN);
    cr_assert_eq(pk_hex(OSSL_DH_ZB, want, sizeof want), P_LEN - 1);
    memset(secret, 0xee, sizeof secret);
    cr_assert_eq(ntls_dh_shared(&dh, p, P_LEN, yb, P_LEN, secret, &len).err, NTLS_E_OK);
    cr_assert_eq(len, P_LEN - 1, "secret of %zu bytes", len);
    cr_assert_arr_eq(secret, want, P_LEN - 1);
    cr_assert_eq(secret[P_LEN - 1], 0xee, "nothing written past the secret");
    ntls_dh_wipe(&dh);
}
