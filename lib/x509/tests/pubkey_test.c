/* Public keys and signature checks (lib/x509/pubkey.c): every fixture against its issuer, with one byte
 * of the signature or of the signed part flipped, and SubjectPublicKeyInfo forms the crypto layer refuses. */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

#include "testutil.h"

static const struct {
    const char *cert, *issuer;
} signed_by[] = {
    { "ca-rsa.pem", "ca-rsa.pem" },
    { "server-rsa.pem", "ca-rsa.pem" },
    { "client-rsa.pem", "ca-rsa.pem" },
    { "rsa-1024.pem", "ca-rsa.pem" },
    { "rsa-4096.pem", "ca-rsa.pem" },
    { "dsa-2048.pem", "dsa-2048.pem" },
    { "ec-p256.pem", "ec-p256.pem" },
    { "ec-p384.pem", "ec-p384.pem" },
    { "sig-rsa-md5.pem", "ca-rsa.pem" },
    { "sig-rsa-sha1.pem", "ca-rsa.pem" },
    { "sig-rsa-sha224.pem", "ca-rsa.pem" },
    { "sig-rsa-sha384.pem", "ca-rsa.pem" },
    { "sig-rsa-sha512.pem", "ca-rsa.pem" },
    { "sig-dsa-sha1.pem", "dsa-2048.pem" },
    { "sig-dsa-sha256.pem", "dsa-2048.pem" },
    { "sig-ecdsa-sha1.pem", "ec-p256.pem" },
    { "sig-ecdsa-sha224.pem", "ec-p256.pem" },
    { "sig-ecdsa-sha256.pem", "ec-p256.pem" },
    { "sig-ecdsa-sha384.pem", "ec-p256.pem" },
    { "sig-ecdsa-sha512.pem", "ec-p256.pem" },
    { "v1.pem", "ca-rsa.pem" },
    { "inter-ca.pem", "ca-rsa.pem" },
    { "leaf-inter.pem", "inter-ca.pem" },
    { "expired.pem", "ca-rsa.pem" },
    { "notyet.pem", "ca-rsa.pem" },
    { "crit-unknown.pem", "ca-rsa.pem" },
    { "name-constraints.pem", "ca-rsa.pem" },
    { "wildcard.pem", "ca-rsa.pem" },
};

#define N_SIGNED (sizeof signed_by / sizeof signed_by[0])

Test(pubkey, every_fixture_verifies_against_its_issuer)
{
    for (size_t i = 0; i < N_SIGNED; i++) {
        struct ntls_x509_cert c, issuer;
        tu_cert(signed_by[i].cert, &c);
        tu_cert(signed_by[i].issuer, &issuer);
        ntls_result r = ntls_x509_check_signature(&c, &issuer);
        cr_assert_eq(r.err, NTLS_E_OK, "%s by %s: %s at %s:%d", signed_by[i].cert, signed_by[i].issuer,
                     ntls_err_name(r.err), ntls_error_last_func(), ntls_error_last_line());
        ntls_x509_cert_free(&c);
        ntls_x509_cert_free(&issuer);
    }
}

Test(pubkey, wrong_issuers_fail)
{
    static const struct {
        const char *cert, *issuer;
        enum ntls_err err;
    } cases[] = {
        { "server-rsa.pem", "server-rsa.pem", NTLS_E_DECRYPT_ERROR }, /* same algorithm, another key */
        { "leaf-inter.pem", "ca-rsa.pem", NTLS_E_DECRYPT_ERROR },
        { "sig-ecdsa-sha256.pem", "ec-p384.pem", NTLS_E_DECRYPT_ERROR }, /* another curve */
        { "sig-ecdsa-sha256.pem", "ca-rsa.pem", NTLS_E_DECRYPT_ERROR },  /* key type is not the algorithm's */
        { "sig-dsa-sha256.pem", "ec-p256.pem", NTLS_E_DECRYPT_ERROR },
        { "server-rsa.pem", "dsa-2048.pem", NTLS_E_DECRYPT_ERROR },
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        struct ntls_x509_cert c, issuer;
        tu_cert(cases[i].cert, &c);
        tu_cert(cases[i].issuer, &issuer);
        cr_assert_eq(ntls_x509_check_signature(&c, &issuer).err, cases[i].err, "%s by %s", cases[i].cert,
                     cases[i].issuer);
        ntls_x509_cert_free(&c);
        ntls_x509_cert_free(&issuer);
    }
}

/* Flips one byte at offset `at` of the certificate's DER, re-parses, and checks the signature. */
static enum ntls_err flipped(const struct ntls_x509_cert *c, size_t at, const struct ntls_x509_cert *issuer)
{
    uint8_t *der = malloc(c->der_len);
    cr_assert_not_null(der);
    memcpy(der, c->der, c->der_len);
    der[at] ^= 0x01;
    struct ntls_x509_cert d;
    cr_assert_eq(ntls_x509_cert_parse(&d, der, c->der_len).err, NTLS_E_OK, "flip at %zu no longer parses",
                 at);
    enum ntls_err e = ntls_x509_check_signature(&d, issuer).err;
    ntls_x509_cert_free(&d);
    free(der);
    return e;
}

Test(pubkey, one_flipped_byte_of_signature_or_tbs_fails)
{
    for (size_t i = 0; i < N_SIGNED; i++) {
        struct ntls_x509_cert c, issuer;
        tu_cert(signed_by[i].cert, &c);
        tu_cert(signed_by[i].issuer, &issuer);
        /* the last octet of the signature (for DSA/ECDSA: of s; a flip keeps the DER well formed) */
        size_t sig_end = c.der_len - 1;
        cr_assert_eq(flipped(&c, sig_end, &issuer), NTLS_E_DECRYPT_ERROR, "%s: signature", signed_by[i].cert);
        /* the first octet of the serial number, inside the signed bytes */
        size_t serial_at = (size_t)(c.serial.p - c.der);
        cr_assert_eq(flipped(&c, serial_at, &issuer), NTLS_E_DECRYPT_ERROR, "%s: tbs", signed_by[i].cert);
        /* an octet in the middle of the RSA modulus (an EC point with a flipped byte would fall off its
         * curve, a DSA key would stay a key: both are covered by refused_public_keys and the flips above) */
        size_t key_at = (size_t)(c.spki.key.p - c.der) + c.spki.key.len / 2;
        if (c.spki.type == NTLS_PK_RSA) {
            cr_assert_eq(flipped(&c, key_at, &issuer), NTLS_E_DECRYPT_ERROR, "%s: key", signed_by[i].cert);
        }
        ntls_x509_cert_free(&c);
        ntls_x509_cert_free(&issuer);
    }
}

Test(pubkey, verify_data_contract)
{
    struct ntls_x509_cert c, ca;
    struct ntls_x509_key key;
    tu_cert("server-rsa.pem", &c);
    tu_cert("ca-rsa.pem", &ca);
    cr_assert_eq(ntls_x509_cert_key(&ca, &key).err, NTLS_E_OK);
    cr_assert_eq(ntls_x509_verify_data(&key, c.sig, c.tbs.p, c.tbs.len, c.sig_value.p, c.sig_value.len).err,
                 NTLS_E_OK);
    cr_assert_eq(
        ntls_x509_verify_data(&key, c.sig, c.tbs.p, c.tbs.len - 1, c.sig_value.p, c.sig_value.len).err,
        NTLS_E_DECRYPT_ERROR);
    cr_assert_eq(
        ntls_x509_verify_data(&key, c.sig, c.tbs.p, c.tbs.len, c.sig_value.p, c.sig_value.len - 1).err,
        NTLS_E_DECRYPT_ERROR);
    cr_assert_eq(ntls_x509_verify_data(&key, ntls_oid_get(NTLS_OID_SHA384_RSA), c.tbs.p, c.tbs.len,
                                       c.sig_value.p, c.sig_value.len)
                     .err,
                 NTLS_E_DECRYPT_ERROR);
    cr_assert_eq(ntls_x509_verify_data(&key, ntls_oid_get(NTLS_OID_RSASSA_PSS), c.tbs.p, c.tbs.len,
                                       c.sig_value.p, c.sig_value.len)
                     .err,
                 NTLS_E_UNSUPPORTED_CERTIFICATE);
    cr_assert_eq(ntls_x509_verify_data(&key, ntls_oid_get(NTLS_OID_CN), c.tbs.p, c.tbs.len, c.sig_value.p,
                                       c.sig_value.len)
                     .err,
                 NTLS_E_UNSUPPORTED_CERTIFICATE);
    cr_assert_eq(ntls_x509_verify_data(&key, NULL, c.tbs.p, c.tbs.len, c.sig_value.p, c.sig_value.len).err,
                 NTLS_E_UNSUPPORTED_CERTIFICATE);
    ntls_x509_key_free(&key);
    ntls_x509_cert_free(&c);
    ntls_x509_cert_free(&ca);
}

/* A certificate whose SubjectPublicKeyInfo is spki; its key, extracted. */
static enum ntls_err key_of(const uint8_t *spki, size_t len)
{
    struct tu_buf der;
    struct ntls_x509_cert c;
    struct ntls_x509_key key;
    tu_build_cert(&der, &(struct tu_cert_spec){ .spki = spki, .spki_len = len });
    cr_assert_eq(ntls_x509_cert_parse(&c, der.p, der.len).err, NTLS_E_OK);
    enum ntls_err e = ntls_x509_cert_key(&c, &key).err;
    if (e == NTLS_E_OK) {
        ntls_x509_key_free(&key);
    } else {
        cr_assert_eq(key.type, NTLS_PK_NONE);
    }
    ntls_x509_cert_free(&c);
    return e;
}

#define RSA_ALG 0x30, 0x0d, 0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x01, 0x05, 0x00
#define EC_OID 0x06, 0x07, 0x2a, 0x86, 0x48, 0xce, 0x3d, 0x02, 0x01

Test(pubkey, refused_public_keys)
{
    /* RSAPublicKey { n = 00 45 (not minimal), e = 3 } */
    static const uint8_t rsa_bad_int[] = { 0x30, 0x1b, RSA_ALG, 0x03, 0x0a, 0x00, 0x30, 0x07,
                                           0x02, 0x02, 0x00,    0x45, 0x02, 0x01, 0x03 };
    /* RSAPublicKey with trailing bytes after the SEQUENCE */
    static const uint8_t rsa_trailing[] = { 0x30, 0x1c, RSA_ALG, 0x03, 0x0b, 0x00, 0x30, 0x06,
                                            0x02, 0x01, 0x45,    0x02, 0x01, 0x03, 0x05, 0x00 };
    /* rsaEncryption with an INTEGER as parameters */
    static const uint8_t rsa_params[] = { 0x30, 0x1a, 0x30, 0x0e, 0x06, 0x09, 0x2a, 0x86, 0x48, 0x86,
                                          0xf7, 0x0d, 0x01, 0x01, 0x01, 0x02, 0x01, 0x00, 0x03, 0x08,
                                          0x00, 0x30, 0x05, 0x02, 0x01, 0x45, 0x02, 0x00 };
    /* id-ecPublicKey on secp521r1, and on an explicit (specified) curve */
    static const uint8_t ec_p521[] = { 0x30, 0x15, 0x30, 0x10, EC_OID, 0x06, 0x05, 0x2b,
                                       0x81, 0x04, 0x00, 0x23, 0x03,   0x01, 0x00 };
    static const uint8_t ec_explicit[] = { 0x30, 0x12, 0x30, 0x0d, EC_OID, 0x30,
                                           0x02, 0x02, 0x00, 0x03, 0x01,   0x00 };
    /* id-ecPublicKey on P-256 with a point that is not on the curve, and a compressed point */
    uint8_t ec_off[2 + 2 + 9 + 10 + 3 + 65] = { 0x30, 0x59, 0x30, 0x13, EC_OID, 0x06, 0x08, 0x2a, 0x86, 0x48,
                                                0xce, 0x3d, 0x03, 0x01, 0x07,   0x03, 0x42, 0x00, 0x04 };
    ec_off[sizeof ec_off - 1] = 0x01;
    static const uint8_t ec_compressed[] = { 0x30, 0x39, 0x30, 0x13, EC_OID, 0x06, 0x08, 0x2a, 0x86,
                                             0x48, 0xce, 0x3d, 0x03, 0x01,   0x07, 0x03, 0x22, 0x00,
                                             0x02, 1,    2,    3,    4,      5,    6,    7,    8,
                                             9,    10,   11,   12,   13,     14,   15,   16,   17,
                                             18,   19,   20,   21,   22,     23,   24,   25,   26,
                                             27,   28,   29,   30,   31,     32 };
    /* id-dsa without parameters (inherited from the issuer: not supported) */
    static const uint8_t dsa_inherit[] = { 0x30, 0x0f, 0x30, 0x09, 0x06, 0x07, 0x2a, 0x86, 0x48,
                                           0xce, 0x38, 0x04, 0x01, 0x03, 0x02, 0x00, 0x00 };
    cr_assert_eq(key_of(rsa_bad_int, sizeof rsa_bad_int), NTLS_E_BAD_CERTIFICATE);
    cr_assert_eq(key_of(rsa_trailing, sizeof rsa_trailing), NTLS_E_BAD_CERTIFICATE);
    cr_assert_eq(key_of(rsa_params, sizeof rsa_params), NTLS_E_BAD_CERTIFICATE);
    cr_assert_eq(key_of(ec_p521, sizeof ec_p521), NTLS_E_UNSUPPORTED_CERTIFICATE);
    cr_assert_eq(key_of(ec_explicit, sizeof ec_explicit), NTLS_E_UNSUPPORTED_CERTIFICATE);
    cr_assert_eq(key_of(ec_off, sizeof ec_off), NTLS_E_BAD_CERTIFICATE);
    cr_assert_eq(key_of(ec_compressed, sizeof ec_compressed), NTLS_E_BAD_CERTIFICATE);
    cr_assert_eq(key_of(dsa_inherit, sizeof dsa_inherit), NTLS_E_UNSUPPORTED_CERTIFICATE);
}

Test(pubkey, spki_classification)
{
    struct ntls_x509_cert c;
    tu_cert("ec-p384.pem", &c);
    cr_assert_eq(c.spki.type, NTLS_PK_EC);
    cr_assert_not_null(c.spki.curve);
    cr_assert_eq(c.spki.curve->id, NTLS_OID_P384);
    cr_assert_eq(c.spki.key.len, 97);
    cr_assert_eq(c.spki.key.p[0], 0x04);
    ntls_x509_cert_free(&c);
    tu_cert("dsa-2048.pem", &c);
    cr_assert_eq(c.spki.type, NTLS_PK_DSA);
    cr_assert_eq(c.spki.alg->id, NTLS_OID_DSA);
    cr_assert_eq(c.spki.params.p[0], 0x30); /* Dss-Parms */
    cr_assert_null(c.spki.curve);
    ntls_x509_cert_free(&c);
}
