/* Tests for dsa.c and sig_der.c: the strict DER of SEQUENCE { r, s } (exact encodings, and every BER or
 * malformed variant refused), Wycheproof DSA verification, a key and a signature from the system OpenSSL,
 * round trips, tampering and key checks. */
#include <criterion/criterion.h>
#include <string.h>

#include "base/buf.h"
#include "crypto/crypto.h"
#include "crypto/pk_internal.h"
#include "pk_vectors.h"

/* A DSA key (2048-bit p, 256-bit q) from the system OpenSSL 3, and a signature it made:
 *   openssl genpkey -genparam -algorithm DSA -pkeyopt dsa_paramgen_bits:2048 \
 *       -pkeyopt dsa_paramgen_q_bits:256 -out dsap.pem
 *   openssl genpkey -paramfile dsap.pem -out dsa.pem; openssl pkey -in dsa.pem -text -noout
 *   printf 'nettls DSA oracle message' > dmsg.txt; openssl dgst -sha256 -binary dmsg.txt > dd256.bin
 *   openssl pkeyutl -sign -inkey dsa.pem -in dd256.bin -out dsasig.bin */
static const char OSSL_DSA_P[] =
    "00d10b2f5cf88283f1cbdb3c8c36cccc5d7648b95a2ccfa062c2e5bb331f3df2e01914cbf09be9002693d1ca7a92439162"
    "89586dc526e5f7c7e9705335f61b185fb0151c126772034e434a427cfa1c5ea59586f145898e5488dd75d5efff7f62dac7"
    "84d7dc72260deea73144238bd138a4fea1ec5e49fd7b485eeae59accd462512bb5d15d78a262a5c4adc1f1c1f6ab7134fb"
    "d5b9ce323c8cc8b50dde78e1dbb9dc9be679f582bdfa4714778cc025767050555e2e44b9dada535df126613ff5c7b01a9a"
    "715c88fd8298454f0b8b18826e97969e46ed97713447dc7586476525865d773f1317ce1e71bfa29fe56061be3e7f383386"
    "745b61fd9d9b321c39a4f78b";
static const char OSSL_DSA_Q[] =
    "00fe869625b3641f911b6d7264475b509ebfa02a568de338886233f718b52f836d";
static const char OSSL_DSA_G[] =
    "3ad8d94a210808bb9c9891000fc4e7f8219bd7944acb1995282fbd4dda3ef4b0fac0b8cb2dc5987689dcf7c52ac46292af"
    "f3e46cca7b5818900b09b362a7530b3fb5ff9afebedede0cfcb6679e335311d21d95370399a2ec15cd22ce0531fc1221aa"
    "ff6620a81de92e5f43e23a976fac0ec4be895f3be516ece7d6f2f2a211617416430261712ff07647306ead56d0437a9942"
    "33027d6f42ac062470aa5f5cc4ab857ee879c27db8c0deb0a26aa72618efcfd074722e23f51d82a47d21c273437140a609"
    "5480ea029afecf021845420293e8827300cdaf13a96f80cb4e2c5787dde2e2342f1bdebbee38db292093583cce0c7f726d"
    "5d15d876ab592e68abb86f";
static const char OSSL_DSA_Y[] =
    "172254186b3c150c1d538d7217c3afe426feb25e35e37ad524a2c0f9fb3eb5cec0ebad5a43514666fc9d08160d41205f0e"
    "058c699a664a196725d35529f31fa160a9d0a4feceaaa78b3141ca8205ee2b07f29993b82a18cf383d79c88f2e300191fc"
    "6950c40297407a60ba9ce946c50ce725cf9f84f299376ca235344580703eab7490acd0471a9c823426fe532c480c7a45fb"
    "ee1762230924441951509bb69e2c2b6b19d05ba743f13a5487fd62d2fc11de2179c381585a6e40d10cb0235036fd159e8a"
    "3e4cc2b60bb4394499432de4f5e984697ed2e06121e81eb2cb8fa6c1da08ddf77764092c3fd00ec4a6335052ff7adaa15d"
    "f9433ec58b84823ba827bb";
static const char OSSL_DSA_X[] =
    "0a8b1a39195cdf399ff44856f0d21669ed4e7a2807dbc84866e27d9e7bdbaf83";
static const char OSSL_DSA_DIGEST[] =
    "a96462b5160a979f006f75c202ce38033d1cd8c3edc864d0aa90992aaa61ef4e";
static const char OSSL_DSA_SIG[] =
    "30450220404ac3392db2d6b0b3639d8b289f4f9334290473f7090758d32bcb3ab2334305022100c8f63b6db175ccde68d9"
    "41b32c118c7e76180098659e64a95b2f7bda2ba87d43";

/* ---------------------------------------------------------------------------------------------------- */
/* sig_der.c */

static void der_encode_check(const char *r_hex, const char *s_hex, const char *want_hex)
{
    uint8_t r[128], s[128], want[300], out[300];
    size_t r_len = pk_hex(r_hex, r, sizeof r), s_len = pk_hex(s_hex, s, sizeof s);
    size_t want_len = pk_hex(want_hex, want, sizeof want), out_len = 0;

    cr_assert_eq(ntls_sig_der_encode(r, r_len, s, s_len, out, sizeof out, &out_len).err, NTLS_E_OK);
    cr_assert_eq(out_len, want_len, "encoding of (%s, %s) has %zu bytes", r_hex, s_hex, out_len);
    cr_assert_arr_eq(out, want, want_len, "encoding of (%s, %s)", r_hex, s_hex);

    /* It decodes back to the magnitudes without leading zeros. */
    struct ntls_cur rc, sc;
    cr_assert_eq(ntls_sig_der_decode(out, out_len, &rc, &sc).err, NTLS_E_OK);
    struct ntls_cur rin = ntls_cur_init(r, r_len), sin = ntls_cur_init(s, s_len);
    while (rin.len > 0 && rin.p[0] == 0) {
        cr_assert_eq(ntls_cur_skip(&rin, 1).err, NTLS_E_OK);
    }
    while (sin.len > 0 && sin.p[0] == 0) {
        cr_assert_eq(ntls_cur_skip(&sin, 1).err, NTLS_E_OK);
    }
    cr_assert_eq(rc.len, rin.len);
    cr_assert_arr_eq(rc.p, rin.p, rin.len);
    cr_assert_eq(sc.len, sin.len);
    cr_assert_arr_eq(sc.p, sin.p, sin.len);
}

Test(sig_der, encodes_minimal_der)
{
    der_encode_check("01", "80", "3007020101020200 80");
    der_encode_check("0000007f", "00ff00", "300802017f020300ff00");
    der_encode_check("8000000000", "01", "300b0206008000000000020101");
}

Test(sig_der, long_form_length)
{
    /* Two 63-byte integers with the top bit set: 2 * (2 + 64) = 132 bytes of content, so 0x81 0x84. */
    char r_hex[127], want[600];
    memset(r_hex, 'f', 126);
    r_hex[126] = '\0';
    snprintf(want, sizeof want, "308184024000%s024000%s", r_hex, r_hex);
    der_encode_check(r_hex, r_hex, want);
}

Test(sig_der, encode_reports_overflow)
{
    const uint8_t r[32] = { 0x80 }, s[32] = { 0x80 };
    uint8_t out[70];
    size_t len = 0;
    /* Needs 2 + 2 * (2 + 33) = 72 bytes. */
    cr_assert_eq(ntls_sig_der_encode(r, sizeof r, s, sizeof s, out, sizeof out, &len).err, NTLS_E_INTERNAL);
    uint8_t big[72];
    cr_assert_eq(ntls_sig_der_encode(r, sizeof r, s, sizeof s, big, sizeof big, &len).err, NTLS_E_OK);
    cr_assert_eq(len, 72);
}

static enum ntls_err der_decode_hex(const char *hex)
{
    uint8_t der[300];
    size_t len = pk_hex(hex, der, sizeof der);
    struct ntls_cur r, s;
    return ntls_sig_der_decode(der, len, &r, &s).err;
}

Test(sig_der, rejects_ber_and_malformed)
{
    cr_assert_eq(der_decode_hex("3006020101020102"), NTLS_E_OK);
    const char *bad[] = {
        "", "30", "3000", "300602010102010200",                /* empty, short, missing, trailing byte */
        "3007020101020102", "3005020101020102",                /* length too long, too short */
        "308106020101020102",                                  /* long form for a short length */
        "30820006020101020102",                                /* two length bytes for a short length */
        "3080020101020102 0000",                               /* indefinite length */
        "3006020181020102",                                    /* negative r */
        "30070202000102 0102",                                 /* r with a needless leading zero */
        "3006020100020102",                                    /* r = 0 */
        "300602010102010000",                                  /* s = 0 in a longer frame */
        "3005020002010102",                                    /* empty INTEGER */
        "3109020101020102",                                    /* SET instead of SEQUENCE */
        "3006030101020102", "3006020101040102",                /* other types for r and s */
        "30090201010201020201 03",                             /* a third integer */
        "3003020101",                                          /* no s */
        "300802010102010200 00",                               /* trailing byte inside, claims longer */
        "3006020101028102",                                    /* long form length inside */
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        cr_assert_eq(der_decode_hex(bad[i]), NTLS_E_DECODE, "\"%s\" accepted", bad[i]);
    }
}

Test(sig_der, rejects_every_truncation)
{
    uint8_t der[72];
    size_t len = pk_hex(OSSL_DSA_SIG, der, sizeof der);
    struct ntls_cur r, s;
    cr_assert_eq(ntls_sig_der_decode(der, len, &r, &s).err, NTLS_E_OK);
    cr_assert_eq(r.len, 32);
    cr_assert_eq(s.len, 32); /* its sign byte dropped */
    for (size_t cut = 0; cut < len; cut++) {
        cr_assert_eq(ntls_sig_der_decode(der, cut, &r, &s).err, NTLS_E_DECODE, "cut at %zu", cut);
    }
}

/* ---------------------------------------------------------------------------------------------------- */
/* DSA keys and signatures */

struct dsa_hex_key {
    uint8_t p[300], q[40], g[300], y[300], x[40];
    struct ntls_dsa_parts parts;
};

static void ossl_parts(struct dsa_hex_key *k, bool with_x)
{
    struct ntls_dsa_parts *pp = &k->parts;
    pp->p = k->p;
    pp->p_len = pk_hex(OSSL_DSA_P, k->p, sizeof k->p);
    pp->q = k->q;
    pp->q_len = pk_hex(OSSL_DSA_Q, k->q, sizeof k->q);
    pp->g = k->g;
    pp->g_len = pk_hex(OSSL_DSA_G, k->g, sizeof k->g);
    pp->y = k->y;
    pp->y_len = pk_hex(OSSL_DSA_Y, k->y, sizeof k->y);
    pp->x = with_x ? k->x : NULL;
    pp->x_len = with_x ? pk_hex(OSSL_DSA_X, k->x, sizeof k->x) : 0;
}

static struct ntls_dsa_key *ossl_key(bool with_x)
{
    struct dsa_hex_key k;
    struct ntls_dsa_key *key = NULL;
    ossl_parts(&k, with_x);
    cr_assert_eq(ntls_dsa_new(&key, &k.parts).err, NTLS_E_OK);
    return key;
}

Test(dsa, verifies_openssl_signature)
{
    struct ntls_dsa_key *key = ossl_key(false);
    uint8_t digest[32], sig[NTLS_DSA_SIG_MAX];
    size_t sig_len = pk_hex(OSSL_DSA_SIG, sig, sizeof sig);

    cr_assert_eq(ntls_dsa_bits(key), 2048);
    cr_assert_not(ntls_dsa_is_private(key));
    cr_assert_eq(pk_hex(OSSL_DSA_DIGEST, digest, sizeof digest), 32);
    cr_assert_eq(ntls_dsa_verify(key, digest, sizeof digest, sig, sig_len).err, NTLS_E_OK);
    /* Any flipped bit in the digest or the signature is refused. */
    for (size_t i = 0; i < sig_len; i++) {
        sig[i] ^= 0x01;
        cr_assert_eq(ntls_dsa_verify(key, digest, sizeof digest, sig, sig_len).err, NTLS_E_DECRYPT_ERROR,
                     "byte %zu", i);
        sig[i] ^= 0x01;
    }
    digest[31] ^= 0x01;
    cr_assert_eq(ntls_dsa_verify(key, digest, sizeof digest, sig, sig_len).err, NTLS_E_DECRYPT_ERROR);
    ntls_dsa_free(key);
}

Test(dsa, sign_verify_round_trip)
{
    struct ntls_dsa_key *key = ossl_key(true), *pub = ossl_key(false);
    const enum ntls_hash_id ids[] = { NTLS_HASH_SHA1, NTLS_HASH_SHA256, NTLS_HASH_SHA512 };
    uint8_t digest[NTLS_HASH_MAX_SIZE], sig1[NTLS_DSA_SIG_MAX], sig2[NTLS_DSA_SIG_MAX];
    size_t len1 = 0, len2 = 0;

    cr_assert(ntls_dsa_is_private(key));
    for (size_t i = 0; i < sizeof ids / sizeof ids[0]; i++) {
        size_t dlen = ntls_hash_size(ids[i]); /* shorter than q, as long, and longer (truncated) */
        ntls_hash_oneshot(ids[i], "dsa round trip", 14, digest);
        cr_assert_eq(ntls_dsa_sign(key, digest, dlen, sig1, &len1).err, NTLS_E_OK);
        cr_assert_eq(ntls_dsa_sign(key, digest, dlen, sig2, &len2).err, NTLS_E_OK);
        cr_assert(len1 <= NTLS_DSA_SIG_MAX && len2 <= NTLS_DSA_SIG_MAX);
        cr_assert(len1 != len2 || memcmp(sig1, sig2, len1) != 0, "the nonce must be fresh");
        cr_assert_eq(ntls_dsa_verify(pub, digest, dlen, sig1, len1).err, NTLS_E_OK);
        cr_assert_eq(ntls_dsa_verify(pub, digest, dlen, sig2, len2).err, NTLS_E_OK);
        struct ntls_cur r, s;
        cr_assert_eq(ntls_sig_der_decode(sig1, len1, &r, &s).err, NTLS_E_OK, "our DER is strict DER");
        digest[0] ^= 0x80;
        cr_assert_eq(ntls_dsa_verify(pub, digest, dlen, sig1, len1).err, NTLS_E_DECRYPT_ERROR);
    }
    /* A digest that differs only past q's 256 bits is the same digest to DSA (FIPS 186-4 4.6). */
    ntls_hash_oneshot(NTLS_HASH_SHA512, "x", 1, digest);
    cr_assert_eq(ntls_dsa_sign(key, digest, 64, sig1, &len1).err, NTLS_E_OK);
    digest[63] ^= 0xff;
    cr_assert_eq(ntls_dsa_verify(pub, digest, 64, sig1, len1).err, NTLS_E_OK);
    cr_assert_eq(ntls_dsa_sign(pub, digest, 32, sig1, &len1).err, NTLS_E_USAGE);
    ntls_dsa_free(key);
    ntls_dsa_free(pub);
    ntls_dsa_free(NULL);
}

Test(dsa, bad_keys_rejected)
{
    struct dsa_hex_key k;
    struct ntls_dsa_key *key = NULL;
    const uint8_t one[] = { 1 }, two[] = { 2 };

    ossl_parts(&k, true);
    struct ntls_dsa_parts good = k.parts, bad;

    bad = good, bad.g = one, bad.g_len = 1; /* g = 1 */
    cr_assert_eq(ntls_dsa_new(&key, &bad).err, NTLS_E_CRYPTO);
    bad = good, bad.g = two, bad.g_len = 1; /* 2 is not of order q */
    cr_assert_eq(ntls_dsa_new(&key, &bad).err, NTLS_E_CRYPTO);
    bad = good, bad.y = good.p, bad.y_len = good.p_len; /* y = p */
    cr_assert_eq(ntls_dsa_new(&key, &bad).err, NTLS_E_CRYPTO);
    bad = good, bad.y = good.g, bad.y_len = good.g_len; /* a fine y, but not g^x */
    cr_assert_eq(ntls_dsa_new(&key, &bad).err, NTLS_E_CRYPTO);
    bad = good, bad.x = good.q, bad.x_len = good.q_len; /* x = q */
    cr_assert_eq(ntls_dsa_new(&key, &bad).err, NTLS_E_CRYPTO);
    bad = good, bad.q = good.x, bad.q_len = good.x_len; /* q does not divide p - 1 */
    cr_assert_eq(ntls_dsa_new(&key, &bad).err, NTLS_E_CRYPTO);
    k.p[good.p_len - 1] ^= 1; /* even p */
    cr_assert_eq(ntls_dsa_new(&key, &good).err, NTLS_E_CRYPTO);
    k.p[good.p_len - 1] ^= 1;
    cr_assert_eq(ntls_dsa_new(&key, &good).err, NTLS_E_OK);
    ntls_dsa_free(key);
}

/* Wycheproof DSA verification (2048-bit p, 256-bit q, SHA-256). Its one "acceptable" case drops the sign
 * byte of an integer, which strict DER reads as negative: we refuse it, and the test holds us to that. */
Test(dsa, wycheproof_verify)
{
    struct pk_json *root = pk_wycheproof_load("dsa_2048_256_sha256_test.json");
    struct pk_tally tally = { 0, 0, 0 };

    for (struct pk_json *g = pk_json_first(root, "testGroups"); g != NULL; g = g->next) {
        const struct pk_json *pk = pk_json_get(g, "publicKey");
        cr_assert_not_null(pk);
        enum ntls_hash_id hash = pk_hash_id(pk_json_str(g, "sha"));
        struct ntls_dsa_parts parts = { 0 };
        uint8_t *p = pk_json_hex(pk, "p", &parts.p_len), *q = pk_json_hex(pk, "q", &parts.q_len);
        uint8_t *gen = pk_json_hex(pk, "g", &parts.g_len), *y = pk_json_hex(pk, "y", &parts.y_len);
        parts.p = p, parts.q = q, parts.g = gen, parts.y = y;
        struct ntls_dsa_key *key = NULL;
        cr_assert_eq(ntls_dsa_new(&key, &parts).err, NTLS_E_OK);

        for (struct pk_json *t = pk_json_first(g, "tests"); t != NULL; t = t->next) {
            long id = pk_json_int(t, "tcId");
            size_t msg_len, sig_len;
            uint8_t *msg = pk_json_hex(t, "msg", &msg_len), *sig = pk_json_hex(t, "sig", &sig_len);
            uint8_t digest[NTLS_HASH_MAX_SIZE];
            ntls_hash_oneshot(hash, msg, msg_len, digest);
            enum ntls_err got = ntls_dsa_verify(key, digest, ntls_hash_size(hash), sig, sig_len).err;
            if (pk_json_result(t) == PK_VALID) {
                cr_assert_eq(got, NTLS_E_OK, "tcId %ld should verify", id);
                tally.accepted++;
            } else {
                cr_assert_eq(got, NTLS_E_DECRYPT_ERROR, "tcId %ld should not verify", id);
                tally.rejected++;
            }
            tally.total++;
            free(msg);
            free(sig);
        }
        ntls_dsa_free(key);
        free(p);
        free(q);
        free(gen);
        free(y);
    }
    pk_tally_check(&tally, root);
    pk_json_free(root);
}
