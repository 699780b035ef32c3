/* Tests for ecc.c: Wycheproof ECDSA verification (P-256/SHA-256, P-384/SHA-384), ECDH with raw points
 * (P-256, P-384) and X25519, the RFC 7748 5.2 and 6.1 vectors, a key and signature from the system
 * OpenSSL, round trips, malformed points and key checks. */
#include <criterion/criterion.h>
#include <string.h>

#include "crypto/crypto.h"
#include "pk_vectors.h"

/* A P-256 key from the system OpenSSL 3 and a signature it made:
 *   openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out ec.pem
 *   openssl pkey -in ec.pem -text -noout
 *   printf 'nettls ECDSA oracle message' > emsg.txt; openssl dgst -sha256 -binary emsg.txt > ed256.bin
 *   openssl pkeyutl -sign -inkey ec.pem -in ed256.bin -out ecsig.bin */
static const char OSSL_EC_PRIV[] =
    "93b9ff8634656da9bc9fafee3ef8d319c69344d304831abcd6ccbff4560a103c";
static const char OSSL_EC_PUB[] =
    "0499af1ffcf6b9a77f26186578d30611d5e117125fe86d31d119c17950ce4511220b91b172979d1c1e5dbbea8630189010"
    "692d10af5da11aa0cf6fe0fc48dc74a9";
static const char OSSL_EC_DIGEST[] =
    "4e2a551f6f177b21fbc862cff6619cb6948642385dad052a9e44730a4112ce56";
static const char OSSL_EC_SIG[] =
    "304402206b3ed94a7bbbe617174e749f7444f3a0a5696cc8ec0b65a9eaf193c0ca7afba4022009470f8d111d0db14a45e3"
    "a00207d5674094a5809a69988383bb80f2c50f0bd4";

static const enum ntls_curve all_curves[] = { NTLS_CURVE_P256, NTLS_CURVE_P384, NTLS_CURVE_X25519 };

Test(ecc, sizes)
{
    cr_assert_eq(ntls_curve_size(NTLS_CURVE_P256), 32);
    cr_assert_eq(ntls_curve_size(NTLS_CURVE_P384), 48);
    cr_assert_eq(ntls_curve_size(NTLS_CURVE_X25519), 32);
    cr_assert_eq(ntls_curve_point_size(NTLS_CURVE_P256), 65);
    cr_assert_eq(ntls_curve_point_size(NTLS_CURVE_P384), 97);
    cr_assert_eq(ntls_curve_point_size(NTLS_CURVE_X25519), 32);
}

/* ---------------------------------------------------------------------------------------------------- */
/* ECDSA */

Test(ecdsa, verifies_openssl_signature)
{
    uint8_t pub[65], priv[32], digest[32], sig[NTLS_ECDSA_SIG_MAX];
    size_t sig_len = pk_hex(OSSL_EC_SIG, sig, sizeof sig);
    struct ntls_ec_key *key = NULL;

    cr_assert_eq(pk_hex(OSSL_EC_PUB, pub, sizeof pub), 65);
    cr_assert_eq(pk_hex(OSSL_EC_PRIV, priv, sizeof priv), 32);
    cr_assert_eq(pk_hex(OSSL_EC_DIGEST, digest, sizeof digest), 32);
    cr_assert_eq(ntls_ec_key_new(&key, NTLS_CURVE_P256, pub, sizeof pub, NULL, 0).err, NTLS_E_OK);
    cr_assert_eq(ntls_ec_key_curve(key), NTLS_CURVE_P256);
    cr_assert_not(ntls_ec_key_is_private(key));
    cr_assert_eq(ntls_ecdsa_verify(key, digest, sizeof digest, sig, sig_len).err, NTLS_E_OK);
    for (size_t i = 0; i < sig_len; i++) {
        sig[i] ^= 0x10;
        cr_assert_eq(ntls_ecdsa_verify(key, digest, sizeof digest, sig, sig_len).err, NTLS_E_DECRYPT_ERROR,
                     "byte %zu", i);
        sig[i] ^= 0x10;
    }
    digest[0] ^= 1;
    cr_assert_eq(ntls_ecdsa_verify(key, digest, sizeof digest, sig, sig_len).err, NTLS_E_DECRYPT_ERROR);
    ntls_ec_key_free(key);

    /* The OpenSSL private key matches its public key, and signs what the public key verifies. */
    digest[0] ^= 1;
    cr_assert_eq(ntls_ec_key_new(&key, NTLS_CURVE_P256, pub, sizeof pub, priv, sizeof priv).err, NTLS_E_OK);
    cr_assert(ntls_ec_key_is_private(key));
    cr_assert_eq(ntls_ecdsa_sign(key, digest, sizeof digest, sig, &sig_len).err, NTLS_E_OK);
    cr_assert_eq(ntls_ecdsa_verify(key, digest, sizeof digest, sig, sig_len).err, NTLS_E_OK);
    ntls_ec_key_free(key);
}

Test(ecdsa, sign_verify_round_trip)
{
    for (size_t c = 0; c < 2; c++) {
        enum ntls_curve curve = all_curves[c];
        uint8_t priv[NTLS_EC_SCALAR_MAX], pub[NTLS_EC_POINT_MAX], digest[NTLS_HASH_MAX_SIZE];
        uint8_t sig1[NTLS_ECDSA_SIG_MAX], sig2[NTLS_ECDSA_SIG_MAX];
        size_t size = ntls_curve_size(curve), plen = ntls_curve_point_size(curve), len1 = 0, len2 = 0;
        struct ntls_ec_key *key = NULL, *verifier = NULL;

        cr_assert_eq(ntls_ecdh_keygen(curve, priv, pub).err, NTLS_E_OK);
        cr_assert_eq(ntls_ec_key_new(&key, curve, pub, plen, priv, size).err, NTLS_E_OK);
        cr_assert_eq(ntls_ec_key_new(&verifier, curve, pub, plen, NULL, 0).err, NTLS_E_OK);
        const enum ntls_hash_id ids[] = { NTLS_HASH_SHA1, NTLS_HASH_SHA256, NTLS_HASH_SHA384,
                                          NTLS_HASH_SHA512 };
        for (size_t i = 0; i < sizeof ids / sizeof ids[0]; i++) {
            size_t dlen = ntls_hash_size(ids[i]);
            ntls_hash_oneshot(ids[i], "ecdsa round trip", 16, digest);
            cr_assert_eq(ntls_ecdsa_sign(key, digest, dlen, sig1, &len1).err, NTLS_E_OK);
            cr_assert_eq(ntls_ecdsa_sign(key, digest, dlen, sig2, &len2).err, NTLS_E_OK);
            cr_assert(len1 <= NTLS_ECDSA_SIG_MAX && len2 <= NTLS_ECDSA_SIG_MAX);
            cr_assert(len1 != len2 || memcmp(sig1, sig2, len1) != 0, "the nonce must be fresh");
            cr_assert_eq(ntls_ecdsa_verify(verifier, digest, dlen, sig1, len1).err, NTLS_E_OK);
            cr_assert_eq(ntls_ecdsa_verify(verifier, digest, dlen, sig2, len2).err, NTLS_E_OK);
            cr_assert_eq(ntls_ecdsa_verify(verifier, digest, dlen, sig1, len1 - 1).err, NTLS_E_DECRYPT_ERROR);
            digest[dlen - 1] ^= 0x01;
            /* A change past the order's size is ignored (SEC 1 4.1.3 step 5), anything else is not. */
            enum ntls_err want = 8 * dlen > 8 * size ? NTLS_E_OK : NTLS_E_DECRYPT_ERROR;
            cr_assert_eq(ntls_ecdsa_verify(verifier, digest, dlen, sig1, len1).err, want, "hash %d",
                         (int)ids[i]);
            digest[0] ^= 0x01;
            cr_assert_eq(ntls_ecdsa_verify(verifier, digest, dlen, sig1, len1).err, NTLS_E_DECRYPT_ERROR);
        }
        cr_assert_eq(ntls_ecdsa_sign(verifier, digest, 32, sig1, &len1).err, NTLS_E_USAGE);
        ntls_ec_key_free(key);
        ntls_ec_key_free(verifier);
    }
    ntls_ec_key_free(NULL);
}

Test(ecdsa, bad_keys_rejected)
{
    uint8_t pub[65], priv[32], other_priv[32], other_pub[65];
    struct ntls_ec_key *key = NULL;

    cr_assert_eq(pk_hex(OSSL_EC_PUB, pub, sizeof pub), 65);
    cr_assert_eq(pk_hex(OSSL_EC_PRIV, priv, sizeof priv), 32);
    /* Off the curve, compressed, the wrong length, the point at infinity, a P-256 point as P-384. */
    pub[64] ^= 1;
    cr_assert_eq(ntls_ec_key_new(&key, NTLS_CURVE_P256, pub, 65, NULL, 0).err, NTLS_E_ILLEGAL_PARAMETER);
    pub[64] ^= 1;
    pub[0] = 0x02 | (pub[64] & 1);
    cr_assert_eq(ntls_ec_key_new(&key, NTLS_CURVE_P256, pub, 33, NULL, 0).err, NTLS_E_ILLEGAL_PARAMETER);
    pub[0] = 0x04;
    cr_assert_eq(ntls_ec_key_new(&key, NTLS_CURVE_P256, pub, 64, NULL, 0).err, NTLS_E_ILLEGAL_PARAMETER);
    const uint8_t infinity[] = { 0x00 };
    cr_assert_eq(ntls_ec_key_new(&key, NTLS_CURVE_P256, infinity, 1, NULL, 0).err, NTLS_E_ILLEGAL_PARAMETER);
    cr_assert_eq(ntls_ec_key_new(&key, NTLS_CURVE_P384, pub, 65, NULL, 0).err, NTLS_E_ILLEGAL_PARAMETER);
    cr_assert_eq(ntls_ec_key_new(&key, NTLS_CURVE_X25519, pub, 32, NULL, 0).err, NTLS_E_USAGE);

    /* Scalars 0 and q are out of range; a valid scalar of another key does not match the point. */
    const uint8_t zero[32] = { 0 };
    uint8_t q[32];
    pk_hex("ffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551", q, sizeof q);
    cr_assert_eq(ntls_ec_key_new(&key, NTLS_CURVE_P256, pub, 65, zero, 32).err, NTLS_E_ILLEGAL_PARAMETER);
    cr_assert_eq(ntls_ec_key_new(&key, NTLS_CURVE_P256, pub, 65, q, 32).err, NTLS_E_ILLEGAL_PARAMETER);
    cr_assert_eq(ntls_ecdh_keygen(NTLS_CURVE_P256, other_priv, other_pub).err, NTLS_E_OK);
    cr_assert_eq(ntls_ec_key_new(&key, NTLS_CURVE_P256, pub, 65, other_priv, 32).err, NTLS_E_CRYPTO);
    cr_assert_eq(ntls_ec_key_new(&key, NTLS_CURVE_P256, other_pub, 65, other_priv, 32).err, NTLS_E_OK);
    ntls_ec_key_free(key);
}

/* ECDSA verification against Wycheproof, whose signatures are DER and include BER and malformed encodings
 * that must be refused like any bad signature. */
static void wycheproof_ecdsa(const char *file, enum ntls_curve curve)
{
    struct pk_json *root = pk_wycheproof_load(file);
    struct pk_tally tally = { 0, 0, 0 };
    long point_dup = 0;

    for (struct pk_json *g = pk_json_first(root, "testGroups"); g != NULL; g = g->next) {
        const struct pk_json *pk = pk_json_get(g, "publicKey");
        cr_assert_not_null(pk);
        enum ntls_hash_id hash = pk_hash_id(pk_json_str(g, "sha"));
        size_t pub_len;
        uint8_t *pub = pk_json_hex(pk, "uncompressed", &pub_len);
        struct ntls_ec_key *key = NULL;
        cr_assert_eq(ntls_ec_key_new(&key, curve, pub, pub_len, NULL, 0).err, NTLS_E_OK);

        for (struct pk_json *t = pk_json_first(g, "tests"); t != NULL; t = t->next) {
            long id = pk_json_int(t, "tcId");
            size_t msg_len, sig_len;
            uint8_t *msg = pk_json_hex(t, "msg", &msg_len), *sig = pk_json_hex(t, "sig", &sig_len);
            uint8_t digest[NTLS_HASH_MAX_SIZE];
            ntls_hash_oneshot(hash, msg, msg_len, digest);
            enum ntls_err got = ntls_ecdsa_verify(key, digest, ntls_hash_size(hash), sig, sig_len).err;
            enum pk_result want = pk_json_result(t);
            cr_assert_neq(want, PK_ACCEPTABLE, "%s tcId %ld", file, id);
            if (want == PK_VALID && pk_json_has_flag(t, "PointDuplication")) {
                /* u1 G = u2 Q: Nettle 3.x adds the two points with a formula that does not double
                 * (ecc-ecdsa-verify.c says so), so it refuses this valid signature. Such a signature
                 * gives away the private key (z = u1 / u2), so refusing it costs nothing; a Nettle that
                 * handles it may accept it. */
                cr_assert(got == NTLS_E_OK || got == NTLS_E_DECRYPT_ERROR, "%s tcId %ld", file, id);
                point_dup++;
            } else if (want == PK_VALID) {
                cr_assert_eq(got, NTLS_E_OK, "%s tcId %ld should verify", file, id);
                tally.accepted++;
            } else {
                cr_assert_eq(got, NTLS_E_DECRYPT_ERROR, "%s tcId %ld should not verify", file, id);
                tally.rejected++;
            }
            tally.total++;
            free(msg);
            free(sig);
        }
        ntls_ec_key_free(key);
        free(pub);
    }
    cr_assert_eq(point_dup, 1, "one valid point-duplication case per file");
    pk_tally_check(&tally, root);
    pk_json_free(root);
}

Test(ecdsa, wycheproof_p256_sha256)
{
    wycheproof_ecdsa("ecdsa_secp256r1_sha256_test.json", NTLS_CURVE_P256);
}

Test(ecdsa, wycheproof_p384_sha384)
{
    wycheproof_ecdsa("ecdsa_secp384r1_sha384_test.json", NTLS_CURVE_P384);
}

/* ---------------------------------------------------------------------------------------------------- */
/* ECDH */

Test(ecdh, round_trip_each_curve)
{
    for (size_t c = 0; c < sizeof all_curves / sizeof all_curves[0]; c++) {
        enum ntls_curve curve = all_curves[c];
        size_t size = ntls_curve_size(curve), plen = ntls_curve_point_size(curve);
        uint8_t a_priv[NTLS_EC_SCALAR_MAX], a_pub[NTLS_EC_POINT_MAX];
        uint8_t b_priv[NTLS_EC_SCALAR_MAX], b_pub[NTLS_EC_POINT_MAX];
        uint8_t s1[NTLS_EC_SCALAR_MAX], s2[NTLS_EC_SCALAR_MAX];

        cr_assert_eq(ntls_ecdh_keygen(curve, a_priv, a_pub).err, NTLS_E_OK);
        cr_assert_eq(ntls_ecdh_keygen(curve, b_priv, b_pub).err, NTLS_E_OK);
        cr_assert(memcmp(a_priv, b_priv, size) != 0 && memcmp(a_pub, b_pub, plen) != 0);
        cr_assert_eq(ntls_ecdh_shared(curve, a_priv, b_pub, plen, s1).err, NTLS_E_OK, "curve %d", (int)curve);
        cr_assert_eq(ntls_ecdh_shared(curve, b_priv, a_pub, plen, s2).err, NTLS_E_OK, "curve %d", (int)curve);
        cr_assert_arr_eq(s1, s2, size, "curve %d: the two sides disagree", (int)curve);

        if (curve == NTLS_CURVE_X25519) {
            cr_assert_eq(a_priv[0] & 7, 0, "clamped (RFC 7748 5)");
            cr_assert_eq(a_priv[31] & 0xc0, 0x40, "clamped (RFC 7748 5)");
            cr_assert_eq(ntls_ecdh_shared(curve, a_priv, b_pub, 31, s1).err, NTLS_E_ILLEGAL_PARAMETER);
            continue;
        }
        cr_assert_eq(a_pub[0], 0x04);
        /* A peer point off the curve, compressed, or of the wrong length is an illegal_parameter. */
        b_pub[plen - 1] ^= 1;
        cr_assert_eq(ntls_ecdh_shared(curve, a_priv, b_pub, plen, s1).err, NTLS_E_ILLEGAL_PARAMETER);
        b_pub[plen - 1] ^= 1;
        b_pub[0] = 0x02 | (b_pub[plen - 1] & 1);
        cr_assert_eq(ntls_ecdh_shared(curve, a_priv, b_pub, 1 + size, s1).err, NTLS_E_ILLEGAL_PARAMETER);
        b_pub[0] = 0x04;
        cr_assert_eq(ntls_ecdh_shared(curve, a_priv, b_pub, plen - 1, s1).err, NTLS_E_ILLEGAL_PARAMETER);
        cr_assert_eq(ntls_ecdh_shared(curve, a_priv, b_pub, 0, s1).err, NTLS_E_ILLEGAL_PARAMETER);
        /* The generated pair is a valid ECDSA key pair too. */
        struct ntls_ec_key *key = NULL;
        cr_assert_eq(ntls_ec_key_new(&key, curve, a_pub, plen, a_priv, size).err, NTLS_E_OK);
        ntls_ec_key_free(key);
    }
}

/* ECDH with raw points, as TLS carries them (RFC 4492 5.4). Compressed points are refused with
 * illegal_parameter whatever Wycheproof's verdict, since we offer only the uncompressed format. */
static void wycheproof_ecdh(const char *file, enum ntls_curve curve)
{
    struct pk_json *root = pk_wycheproof_load(file);
    struct pk_tally tally = { 0, 0, 0 };
    long compressed = 0;
    size_t size = ntls_curve_size(curve);

    for (struct pk_json *g = pk_json_first(root, "testGroups"); g != NULL; g = g->next) {
        for (struct pk_json *t = pk_json_first(g, "tests"); t != NULL; t = t->next) {
            long id = pk_json_int(t, "tcId");
            size_t pub_len, priv_len, shared_len;
            uint8_t *pub = pk_json_hex(t, "public", &pub_len);
            uint8_t *priv_raw = pk_json_hex(t, "private", &priv_len);
            uint8_t *shared = pk_json_hex(t, "shared", &shared_len);
            uint8_t priv[NTLS_EC_SCALAR_MAX], secret[NTLS_EC_SCALAR_MAX];
            pk_fit(priv_raw, priv_len, priv, size);
            enum ntls_err got = ntls_ecdh_shared(curve, priv, pub, pub_len, secret).err;
            enum pk_result want = pk_json_result(t);
            bool is_compressed = pub_len == 1 + size && (pub[0] == 0x02 || pub[0] == 0x03);

            if (is_compressed) {
                cr_assert_neq(want, PK_VALID, "%s tcId %ld", file, id);
                cr_assert_eq(got, NTLS_E_ILLEGAL_PARAMETER, "%s tcId %ld: compressed accepted", file, id);
                compressed++;
                tally.rejected++;
            } else if (want == PK_INVALID) {
                cr_assert_eq(got, NTLS_E_ILLEGAL_PARAMETER, "%s tcId %ld should fail", file, id);
                tally.rejected++;
            } else {
                cr_assert_eq(got, NTLS_E_OK, "%s tcId %ld should succeed", file, id);
                cr_assert_eq(shared_len, size);
                cr_assert_arr_eq(secret, shared, size, "%s tcId %ld: wrong secret", file, id);
                tally.accepted++;
            }
            tally.total++;
            free(pub);
            free(priv_raw);
            free(shared);
        }
    }
    cr_assert(compressed > 0);
    pk_tally_check(&tally, root);
    pk_json_free(root);
}

Test(ecdh, wycheproof_p256)
{
    wycheproof_ecdh("ecdh_secp256r1_ecpoint_test.json", NTLS_CURVE_P256);
}

Test(ecdh, wycheproof_p384)
{
    wycheproof_ecdh("ecdh_secp384r1_ecpoint_test.json", NTLS_CURVE_P384);
}

/* ---------------------------------------------------------------------------------------------------- */
/* X25519 */

static void x25519_check(const char *k_hex, const char *u_hex, const char *want_hex)
{
    uint8_t k[32], u[32], want[32], out[32];
    cr_assert_eq(pk_hex(k_hex, k, sizeof k), 32);
    cr_assert_eq(pk_hex(u_hex, u, sizeof u), 32);
    cr_assert_eq(pk_hex(want_hex, want, sizeof want), 32);
    cr_assert_eq(ntls_ecdh_shared(NTLS_CURVE_X25519, k, u, sizeof u, out).err, NTLS_E_OK);
    cr_assert_arr_eq(out, want, 32, "X25519(%s, %s)", k_hex, u_hex);
}

/* RFC 7748 5.2 (values cross-checked with OpenSSL 3 through Python's cryptography). */
Test(x25519, rfc7748_5_2)
{
    x25519_check("a546e36bf0527c9d3b16154b82465edd62144c0ac1fc5a18506a2244ba449ac4",
                 "e6db6867583030db3594c1a424b15f7c726624ec26b3353b10a903a6d0ab1c4c",
                 "c3da55379de9c6908e94ea4df28d084f32eccf03491c71f754b4075577a28552");
    x25519_check("4b66e9d4d1b4673c5ad22691957d6af5c11b6421e0ea01d42ca4169e7918ba0d",
                 "e5210f12786811d3f4b7959d0538ae2c31dbe7106fc03c3efc4cd549c715a493",
                 "95cbde9476e8907d7aade45cb4b873f88b595a68799fa152e6f8f7647aac7957");

    /* The iteration: k = u = 9, then k, u = X25519(k, u), k. */
    uint8_t k[32] = { 9 }, u[32] = { 9 }, r[32], want1[32], want1000[32];
    pk_hex("422c8e7a6227d7bca1350b3e2bb7279f7897b87bb6854b783c60e80311ae3079", want1, 32);
    pk_hex("684cf59ba83309552800ef566f2f4d3c1c3887c49360e3875f2eb94d99532c51", want1000, 32);
    for (int i = 1; i <= 1000; i++) {
        cr_assert_eq(ntls_ecdh_shared(NTLS_CURVE_X25519, k, u, 32, r).err, NTLS_E_OK);
        memcpy(u, k, 32);
        memcpy(k, r, 32);
        if (i == 1) {
            cr_assert_arr_eq(k, want1, 32, "after one iteration");
        }
    }
    cr_assert_arr_eq(k, want1000, 32, "after 1000 iterations");
}

/* RFC 7748 6.1: Alice and Bob. Key generation goes through ntls_ecdh_keygen, so here the public keys come
 * from ntls_ecdh_shared with the base point u = 9, which is the same function. */
Test(x25519, rfc7748_6_1)
{
    const char *a = "77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a";
    const char *a_pub = "8520f0098930a754748b7ddcb43ef75a0dbf3a0d26381af4eba4a98eaa9b4e6a";
    const char *b = "5dab087e624a8a4b79e17f8b83800ee66f3bb1292618b6fd1c2f8b27ff88e0eb";
    const char *b_pub = "de9edb7d7b7dc1b4d35b61c2ece435373f8343c85b78674dadfc7e146f882b4f";
    const char *k = "4a5d9d5ba4ce2de1728e3bf480350f25e07e21c947d19e3376f09b3c1e161742";
    const char *nine = "0900000000000000000000000000000000000000000000000000000000000000";

    x25519_check(a, nine, a_pub);
    x25519_check(b, nine, b_pub);
    x25519_check(a, b_pub, k);
    x25519_check(b, a_pub, k);
}

Test(x25519, low_order_points_rejected)
{
    uint8_t priv[32], pub[32], out[32];
    uint8_t u[32] = { 0 };
    cr_assert_eq(ntls_ecdh_keygen(NTLS_CURVE_X25519, priv, pub).err, NTLS_E_OK);
    /* u = 0 and u = 1 have order 1 and 4: every scalar maps them to 0 (RFC 7748 6.1). */
    cr_assert_eq(ntls_ecdh_shared(NTLS_CURVE_X25519, priv, u, 32, out).err, NTLS_E_ILLEGAL_PARAMETER);
    u[0] = 1;
    cr_assert_eq(ntls_ecdh_shared(NTLS_CURVE_X25519, priv, u, 32, out).err, NTLS_E_ILLEGAL_PARAMETER);
    cr_assert_eq(ntls_ecdh_shared(NTLS_CURVE_X25519, priv, pub, 33, out).err, NTLS_E_ILLEGAL_PARAMETER);
}

/* Wycheproof X25519: every case is valid or acceptable, and the acceptable ones that give the all-zero
 * secret (low-order and twist points) must be refused; all others must give the listed secret. */
Test(x25519, wycheproof)
{
    struct pk_json *root = pk_wycheproof_load("x25519_test.json");
    struct pk_tally tally = { 0, 0, 0 };
    const uint8_t zero[32] = { 0 };

    for (struct pk_json *g = pk_json_first(root, "testGroups"); g != NULL; g = g->next) {
        for (struct pk_json *t = pk_json_first(g, "tests"); t != NULL; t = t->next) {
            long id = pk_json_int(t, "tcId");
            uint8_t pub[32], priv[32], shared[32], out[32];
            cr_assert_eq(pk_hex(pk_json_str(t, "public"), pub, sizeof pub), 32);
            cr_assert_eq(pk_hex(pk_json_str(t, "private"), priv, sizeof priv), 32);
            cr_assert_eq(pk_hex(pk_json_str(t, "shared"), shared, sizeof shared), 32);
            cr_assert_neq(pk_json_result(t), PK_INVALID);
            enum ntls_err got = ntls_ecdh_shared(NTLS_CURVE_X25519, priv, pub, sizeof pub, out).err;
            if (memcmp(shared, zero, 32) == 0) {
                cr_assert_eq(got, NTLS_E_ILLEGAL_PARAMETER, "tcId %ld: all-zero secret accepted", id);
                tally.rejected++;
            } else {
                cr_assert_eq(got, NTLS_E_OK, "tcId %ld", id);
                cr_assert_arr_eq(out, shared, 32, "tcId %ld: wrong secret", id);
                tally.accepted++;
            }
            tally.total++;
        }
    }
    pk_tally_check(&tally, root);
    pk_json_free(root);
}
