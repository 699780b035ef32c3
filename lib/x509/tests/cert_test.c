/* Certificates (lib/x509/cert.c): every fixture's fields as `openssl x509 -text` prints them (dates and
 * serials are fixed by make-fixtures.sh), and the structural rules of RFC 5280 4.1 on built variants. */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

#include "testutil.h"

#define T2024 1704067200LL /* Jan  1 00:00:00 2024 GMT */
#define T2124 4859740800LL /* Jan  1 00:00:00 2124 GMT */

struct fixture {
    const char *file;
    unsigned version;
    const char *serial; /* hex of the INTEGER content octets */
    enum ntls_oid_id sig;
    const char *subject_cn, *issuer_cn;
    int64_t not_before, not_after;
    enum ntls_pk_type pk;
    size_t bits;
    uint32_t ext_flags;
    bool ca;
    int path_len;
    uint16_t key_usage;
    uint32_t eku;
};

#define LEAF_EXTS (NTLS_EXT_BASIC_CONSTRAINTS | NTLS_EXT_KEY_USAGE | NTLS_EXT_SKID | NTLS_EXT_AKID)
#define CA_EXTS (NTLS_EXT_BASIC_CONSTRAINTS | NTLS_EXT_KEY_USAGE | NTLS_EXT_SKID | NTLS_EXT_AKID)
#define SERVER_EXTS (LEAF_EXTS | NTLS_EXT_EKU | NTLS_EXT_SAN)
#define DS NTLS_KU_DIGITAL_SIGNATURE
#define KE NTLS_KU_KEY_ENCIPHERMENT
#define CS NTLS_KU_KEY_CERT_SIGN
#define CRL NTLS_KU_CRL_SIGN
#define RSA_CA "nettls Test RSA CA"

static const struct fixture fixtures[] = {
    { "ca-rsa.pem", 3, "1000", NTLS_OID_SHA256_RSA, RSA_CA, RSA_CA, T2024, T2124, NTLS_PK_RSA, 2048, CA_EXTS,
      true, -1, CS | CRL, 0 },
    { "server-rsa.pem", 3, "1001", NTLS_OID_SHA256_RSA, "localhost", RSA_CA, T2024, T2124, NTLS_PK_RSA, 2048,
      SERVER_EXTS, false, -1, DS | KE, NTLS_EKU_SERVER_AUTH },
    { "client-rsa.pem", 3, "1002", NTLS_OID_SHA256_RSA, "nettls client", RSA_CA, T2024, T2124, NTLS_PK_RSA,
      2048, SERVER_EXTS, false, -1, DS, NTLS_EKU_CLIENT_AUTH | NTLS_EKU_EMAIL_PROTECTION },
    { "rsa-1024.pem", 3, "1003", NTLS_OID_SHA256_RSA, "rsa-1024", RSA_CA, T2024, T2124, NTLS_PK_RSA, 1024,
      LEAF_EXTS, false, -1, DS, 0 },
    { "rsa-4096.pem", 3, "1004", NTLS_OID_SHA256_RSA, "rsa-4096", RSA_CA, T2024, T2124, NTLS_PK_RSA, 4096,
      LEAF_EXTS, false, -1, DS, 0 },
    { "dsa-2048.pem", 3, "2000", NTLS_OID_DSA_SHA256, "localhost", "localhost", T2024, T2124, NTLS_PK_DSA,
      2048, SERVER_EXTS, true, -1, DS | CS, NTLS_EKU_SERVER_AUTH | NTLS_EKU_CLIENT_AUTH },
    { "ec-p256.pem", 3, "2001", NTLS_OID_ECDSA_SHA256, "localhost", "localhost", T2024, T2124, NTLS_PK_EC,
      256, SERVER_EXTS, true, -1, DS | CS, NTLS_EKU_SERVER_AUTH | NTLS_EKU_CLIENT_AUTH },
    { "ec-p384.pem", 3, "2002", NTLS_OID_ECDSA_SHA384, "localhost", "localhost", T2024, T2124, NTLS_PK_EC,
      384, SERVER_EXTS, true, -1, DS | CS, NTLS_EKU_SERVER_AUTH | NTLS_EKU_CLIENT_AUTH },
    { "sig-rsa-md5.pem", 3, "3001", NTLS_OID_MD5_RSA, "sig-rsa-md5", RSA_CA, T2024, T2124, NTLS_PK_RSA, 2048,
      LEAF_EXTS, false, -1, DS, 0 },
    { "sig-rsa-sha1.pem", 3, "3002", NTLS_OID_SHA1_RSA, "sig-rsa-sha1", RSA_CA, T2024, T2124, NTLS_PK_RSA,
      2048, LEAF_EXTS, false, -1, DS, 0 },
    { "sig-rsa-sha224.pem", 3, "3003", NTLS_OID_SHA224_RSA, "sig-rsa-sha224", RSA_CA, T2024, T2124,
      NTLS_PK_RSA, 2048, LEAF_EXTS, false, -1, DS, 0 },
    { "sig-rsa-sha384.pem", 3, "3004", NTLS_OID_SHA384_RSA, "sig-rsa-sha384", RSA_CA, T2024, T2124,
      NTLS_PK_RSA, 2048, LEAF_EXTS, false, -1, DS, 0 },
    { "sig-rsa-sha512.pem", 3, "3005", NTLS_OID_SHA512_RSA, "sig-rsa-sha512", RSA_CA, T2024, T2124,
      NTLS_PK_RSA, 2048, LEAF_EXTS, false, -1, DS, 0 },
    { "sig-dsa-sha1.pem", 3, "3006", NTLS_OID_DSA_SHA1, "sig-dsa-sha1", "localhost", T2024, T2124,
      NTLS_PK_RSA, 2048, LEAF_EXTS, false, -1, DS, 0 },
    { "sig-dsa-sha256.pem", 3, "3007", NTLS_OID_DSA_SHA256, "sig-dsa-sha256", "localhost", T2024, T2124,
      NTLS_PK_RSA, 2048, LEAF_EXTS, false, -1, DS, 0 },
    { "sig-ecdsa-sha1.pem", 3, "3008", NTLS_OID_ECDSA_SHA1, "sig-ecdsa-sha1", "localhost", T2024, T2124,
      NTLS_PK_RSA, 2048, LEAF_EXTS, false, -1, DS, 0 },
    { "sig-ecdsa-sha224.pem", 3, "3009", NTLS_OID_ECDSA_SHA224, "sig-ecdsa-sha224", "localhost", T2024, T2124,
      NTLS_PK_RSA, 2048, LEAF_EXTS, false, -1, DS, 0 },
    { "sig-ecdsa-sha256.pem", 3, "3010", NTLS_OID_ECDSA_SHA256, "sig-ecdsa-sha256", "localhost", T2024, T2124,
      NTLS_PK_RSA, 2048, LEAF_EXTS, false, -1, DS, 0 },
    { "sig-ecdsa-sha384.pem", 3, "3011", NTLS_OID_ECDSA_SHA384, "sig-ecdsa-sha384", "localhost", T2024, T2124,
      NTLS_PK_RSA, 2048, LEAF_EXTS, false, -1, DS, 0 },
    { "sig-ecdsa-sha512.pem", 3, "3012", NTLS_OID_ECDSA_SHA512, "sig-ecdsa-sha512", "localhost", T2024, T2124,
      NTLS_PK_RSA, 2048, LEAF_EXTS, false, -1, DS, 0 },
    { "v1.pem", 1, "4000", NTLS_OID_SHA256_RSA, "v1 certificate", RSA_CA, T2024, T2124, NTLS_PK_RSA, 2048, 0,
      false, -1, 0, 0 },
    { "inter-ca.pem", 3, "4001", NTLS_OID_SHA256_RSA, "nettls Test Intermediate CA", RSA_CA, T2024, T2124,
      NTLS_PK_RSA, 2048, CA_EXTS, true, 0, DS | CS | CRL, 0 },
    { "leaf-inter.pem", 3, "4002", NTLS_OID_SHA256_RSA, "leaf.example.com", "nettls Test Intermediate CA",
      T2024, T2124, NTLS_PK_RSA, 2048, SERVER_EXTS, false, -1, DS | KE, NTLS_EKU_SERVER_AUTH },
    { "expired.pem", 3, "4003", NTLS_OID_SHA256_RSA, "expired", RSA_CA, 946684800, 978307200, NTLS_PK_RSA,
      2048, LEAF_EXTS, false, -1, DS, 0 },
    { "notyet.pem", 3, "4004", NTLS_OID_SHA256_RSA, "not yet valid", RSA_CA, 4102444800LL, 4417977600LL,
      NTLS_PK_RSA, 2048, LEAF_EXTS, false, -1, DS, 0 },
    { "crit-unknown.pem", 3, "4005", NTLS_OID_SHA256_RSA, "unknown critical extension", RSA_CA, T2024, T2124,
      NTLS_PK_RSA, 2048, LEAF_EXTS & ~NTLS_EXT_KEY_USAGE, false, -1, 0, 0 },
    { "name-constraints.pem", 3, "4006", NTLS_OID_SHA256_RSA, "nettls Constrained CA", RSA_CA, T2024, T2124,
      NTLS_PK_RSA, 2048, CA_EXTS | NTLS_EXT_NAME_CONSTRAINTS, true, 1, CS | CRL, 0 },
    { "wildcard.pem", 3, "4007", NTLS_OID_SHA256_RSA, "*.example.com", RSA_CA, T2024, T2124, NTLS_PK_RSA,
      2048, SERVER_EXTS | NTLS_EXT_CERT_POLICIES | NTLS_EXT_CRL_DP | NTLS_EXT_AIA, false, -1, DS | KE,
      NTLS_EKU_SERVER_AUTH | NTLS_EKU_CLIENT_AUTH },
};

static void expect_cn(const struct ntls_x509_name *name, const char *cn, const char *file)
{
    size_t pos = 0;
    const struct ntls_x509_name_entry *e = ntls_x509_name_next(name, NTLS_OID_CN, &pos);
    cr_assert_not_null(e, "%s: no CN", file);
    cr_assert_eq(e->value.len, strlen(cn), "%s", file);
    cr_assert_eq(memcmp(e->value.p, cn, e->value.len), 0, "%s: CN", file);
}

Test(cert, fixtures_match_openssl_x509_text)
{
    for (size_t i = 0; i < sizeof fixtures / sizeof fixtures[0]; i++) {
        const struct fixture *f = &fixtures[i];
        struct ntls_x509_cert c;
        tu_cert(f->file, &c);
        cr_assert_eq(c.version, f->version, "%s", f->file);
        uint8_t serial[20];
        size_t serial_len = tu_hex(f->serial, serial, sizeof serial);
        cr_assert_eq(c.serial.len, serial_len, "%s", f->file);
        cr_assert_eq(memcmp(c.serial.p, serial, serial_len), 0, "%s: serial", f->file);
        cr_assert(!c.serial_negative);
        cr_assert_not_null(c.sig, "%s", f->file);
        cr_assert_eq(c.sig->id, f->sig, "%s: %s", f->file, c.sig->ln);
        expect_cn(&c.subject, f->subject_cn, f->file);
        expect_cn(&c.issuer, f->issuer_cn, f->file);
        cr_assert_eq(c.not_before, f->not_before, "%s", f->file);
        cr_assert_eq(c.not_after, f->not_after, "%s", f->file);
        cr_assert_eq(c.spki.type, f->pk, "%s", f->file);
        cr_assert_eq(c.ext_flags, f->ext_flags, "%s: ext_flags %#x", f->file, c.ext_flags);
        cr_assert_eq(c.ca, f->ca, "%s", f->file);
        cr_assert_eq(c.path_len, f->path_len, "%s", f->file);
        cr_assert_eq(c.key_usage, f->key_usage, "%s: key usage %#x", f->file, c.key_usage);
        cr_assert_eq(c.eku_flags, f->eku, "%s", f->file);
        cr_assert_eq(c.unhandled_critical, strcmp(f->file, "crit-unknown.pem") == 0, "%s", f->file);
        struct ntls_x509_key key;
        cr_assert_eq(ntls_x509_cert_key(&c, &key).err, NTLS_E_OK, "%s", f->file);
        cr_assert_eq(key.type, f->pk);
        cr_assert_eq(ntls_x509_key_bits(&key), f->bits, "%s", f->file);
        cr_assert(!ntls_x509_key_is_private(&key));
        ntls_x509_key_free(&key);
        cr_assert_eq(key.type, NTLS_PK_NONE);
        ntls_x509_cert_free(&c);
        cr_assert_null(c.der);
    }
}

Test(cert, raw_views_cover_the_signed_bytes)
{
    size_t len;
    uint8_t *der = tu_pem_der("server-rsa.pem", "CERTIFICATE", &len);
    struct ntls_x509_cert c;
    cr_assert_eq(ntls_x509_cert_parse(&c, der, len).err, NTLS_E_OK);
    cr_assert_eq(c.der_len, len);
    cr_assert_neq(c.der, der); /* a copy */
    cr_assert_eq(memcmp(c.der, der, len), 0);
    memset(der, 0, len); /* the caller's buffer may go away */
    free(der);
    /* Certificate ::= SEQUENCE (4-octet header) { tbsCertificate ...: it starts right after */
    cr_assert_eq(c.tbs.p, c.der + 4);
    cr_assert_eq(c.tbs.p[0], 0x30);
    /* signatureAlgorithm, then a 2048-bit RSA signature */
    cr_assert_eq(c.sig_alg.raw.p, c.tbs.p + c.tbs.len);
    cr_assert_eq(c.sig_value.len, 256);
    cr_assert_eq(c.sig_value.p + c.sig_value.len, c.der + c.der_len);
    cr_assert_eq(c.spki.key.p[0], 0x30); /* RSAPublicKey */
    cr_assert(ntls_oid_is(c.spki.alg_oid, NTLS_OID_RSA));
    cr_assert_eq(c.spki.params.len, 2); /* NULL */
    ntls_x509_cert_free(&c);
}

Test(cert, truncated_at_every_offset)
{
    static const char *files[] = { "server-rsa.pem", "ec-p256.pem", "dsa-2048.pem", "wildcard.pem",
                                   "v1.pem" };
    for (size_t f = 0; f < sizeof files / sizeof files[0]; f++) {
        size_t len;
        uint8_t *der = tu_pem_der(files[f], "CERTIFICATE", &len);
        for (size_t n = 0; n < len; n++) {
            struct ntls_x509_cert c;
            cr_assert_eq(ntls_x509_cert_parse(&c, der, n).err, NTLS_E_BAD_CERTIFICATE, "%s cut to %zu",
                         files[f], n);
            cr_assert_null(c.der);
            cr_assert_null(c.subject.entries);
        }
        free(der);
    }
}

Test(cert, trailing_bytes_and_wrong_outer_tag)
{
    size_t len;
    uint8_t *der = tu_pem_der("server-rsa.pem", "CERTIFICATE", &len);
    uint8_t *more = malloc(len + 1);
    cr_assert_not_null(more);
    memcpy(more, der, len);
    more[len] = 0x00;
    struct ntls_x509_cert c;
    cr_assert_eq(ntls_x509_cert_parse(&c, more, len + 1).err, NTLS_E_BAD_CERTIFICATE);
    more[0] = 0x31;
    cr_assert_eq(ntls_x509_cert_parse(&c, more, len).err, NTLS_E_BAD_CERTIFICATE);
    cr_assert_eq(ntls_x509_cert_parse(&c, NULL, 0).err, NTLS_E_BAD_CERTIFICATE);
    /* the outer length in the indefinite form (BER), with the end-of-contents octets after */
    cr_assert_eq(der[1], 0x82);
    uint8_t *ber = malloc(len + 2);
    cr_assert_not_null(ber);
    memcpy(ber, der, len);
    ber[1] = 0x80;
    ber[len] = ber[len + 1] = 0x00;
    cr_assert_eq(ntls_x509_cert_parse(&c, ber, len + 2).err, NTLS_E_BAD_CERTIFICATE);
    /* the outer length in three octets instead of two */
    ber[0] = 0x30;
    ber[1] = 0x83;
    ber[2] = 0x00;
    memcpy(ber + 3, der + 2, len - 2);
    cr_assert_eq(ntls_x509_cert_parse(&c, ber, len + 1).err, NTLS_E_BAD_CERTIFICATE);
    memcpy(ber, der, len); /* and back to the real thing, as a control */
    cr_assert_eq(ntls_x509_cert_parse(&c, ber, len).err, NTLS_E_OK);
    ntls_x509_cert_free(&c);
    free(ber);
    free(more);
    free(der);
}

/* Flipping any one byte gives a parse error or a certificate whose signature no longer verifies. */
Test(cert, every_single_byte_flip_is_caught)
{
    struct ntls_x509_cert ca;
    tu_cert("ca-rsa.pem", &ca);
    size_t len;
    uint8_t *der = tu_pem_der("server-rsa.pem", "CERTIFICATE", &len);
    size_t parsed = 0;
    for (size_t i = 0; i < len; i++) {
        der[i] ^= 0x01;
        struct ntls_x509_cert c;
        ntls_result r = ntls_x509_cert_parse(&c, der, len);
        if (ntls_is_ok(r)) {
            parsed++;
            enum ntls_err e = ntls_x509_check_signature(&c, &ca).err;
            cr_assert(e == NTLS_E_DECRYPT_ERROR || e == NTLS_E_UNSUPPORTED_CERTIFICATE,
                      "flip at %zu still verifies (%s)", i, ntls_err_name(e));
            ntls_x509_cert_free(&c);
        } else {
            cr_assert_eq(r.err, NTLS_E_BAD_CERTIFICATE, "flip at %zu", i);
        }
        der[i] ^= 0x01;
    }
    cr_assert_gt(parsed, 256); /* at least every signature octet */
    free(der);
    ntls_x509_cert_free(&ca);
}

static enum ntls_err build_and_parse(const struct tu_cert_spec *spec, struct ntls_x509_cert *c)
{
    struct tu_buf der;
    tu_build_cert(&der, spec);
    enum ntls_err e = ntls_x509_cert_parse(c, der.p, der.len).err;
    if (e != NTLS_E_OK) {
        cr_assert_null(c->der);
    }
    return e;
}

static const uint8_t bc_ext_oid[] = { 0x55, 0x1d, 0x13 };
static const uint8_t bc_ca[] = { 0x30, 0x03, 0x01, 0x01, 0xff };

Test(cert, versions)
{
    struct ntls_x509_cert c;
    struct tu_buf exts = { .len = 0 };
    tu_ext(&exts, bc_ext_oid, sizeof bc_ext_oid, 1, bc_ca, sizeof bc_ca);

    cr_assert_eq(build_and_parse(&(struct tu_cert_spec){ .version = -1 }, &c), NTLS_E_OK);
    cr_assert_eq(c.version, 1);
    ntls_x509_cert_free(&c);
    /* an explicit v1 is not DER (DEFAULT), but OpenSSL takes it, so do we */
    cr_assert_eq(build_and_parse(&(struct tu_cert_spec){ .version = 0, .no_default_version = true }, &c),
                 NTLS_E_OK);
    cr_assert_eq(c.version, 1);
    ntls_x509_cert_free(&c);
    cr_assert_eq(build_and_parse(&(struct tu_cert_spec){ .version = 3 }, &c), NTLS_E_BAD_CERTIFICATE);
    cr_assert_eq(build_and_parse(&(struct tu_cert_spec){ .version = -1, .exts = &exts }, &c),
                 NTLS_E_BAD_CERTIFICATE);
    cr_assert_eq(build_and_parse(&(struct tu_cert_spec){ .version = 1, .exts = &exts }, &c),
                 NTLS_E_BAD_CERTIFICATE);
    cr_assert_eq(build_and_parse(&(struct tu_cert_spec){ .version = 0, .exts = &exts }, &c), NTLS_E_OK);
    cr_assert_eq(c.version, 3);
    cr_assert(c.ca);
    ntls_x509_cert_free(&c);
}

Test(cert, unique_identifiers)
{
    static const uint8_t uid[] = { 0x00, 0xab, 0xcd };
    static const uint8_t dirty_uid[] = { 0x04, 0xab, 0xcf };
    struct ntls_x509_cert c;
    cr_assert_eq(build_and_parse(&(struct tu_cert_spec){ .version = 1,
                                                         .issuer_uid = uid,
                                                         .issuer_uid_len = 3,
                                                         .subject_uid = uid,
                                                         .subject_uid_len = 2 },
                                 &c),
                 NTLS_E_OK);
    cr_assert_eq(c.version, 2);
    cr_assert_eq(c.issuer_uid.len, 2);
    cr_assert_eq(c.issuer_uid.p[1], 0xcd);
    cr_assert_eq(c.subject_uid.len, 1);
    ntls_x509_cert_free(&c);
    cr_assert_eq(
        build_and_parse(&(struct tu_cert_spec){ .version = -1, .issuer_uid = uid, .issuer_uid_len = 3 }, &c),
        NTLS_E_BAD_CERTIFICATE);
    cr_assert_eq(
        build_and_parse(&(struct tu_cert_spec){ .subject_uid = dirty_uid, .subject_uid_len = 3 }, &c),
        NTLS_E_BAD_CERTIFICATE);
}

Test(cert, serial_numbers)
{
    static const uint8_t negative[] = { 0xfe };
    static const uint8_t long20[] = {
        0x7f, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19
    };
    static const uint8_t padded[] = { 0x00, 0x05 };
    struct ntls_x509_cert c;
    cr_assert_eq(build_and_parse(&(struct tu_cert_spec){ .serial = negative, .serial_len = 1 }, &c),
                 NTLS_E_OK);
    cr_assert(c.serial_negative); /* RFC 5280 4.1.2.2 says MUST be positive; OpenSSL accepts it */
    ntls_x509_cert_free(&c);
    cr_assert_eq(build_and_parse(&(struct tu_cert_spec){ .serial = long20, .serial_len = 20 }, &c),
                 NTLS_E_OK);
    cr_assert_eq(c.serial.len, 20);
    ntls_x509_cert_free(&c);
    cr_assert_eq(build_and_parse(&(struct tu_cert_spec){ .serial = padded, .serial_len = 2 }, &c),
                 NTLS_E_BAD_CERTIFICATE);
    cr_assert_eq(build_and_parse(&(struct tu_cert_spec){ .serial = padded, .serial_len = 0 }, &c),
                 NTLS_E_BAD_CERTIFICATE);
}

Test(cert, inner_and_outer_algorithms_must_match)
{
    static const uint8_t sha384_rsa[] = { 0x30, 0x0d, 0x06, 0x09, 0x2a, 0x86, 0x48, 0x86,
                                          0xf7, 0x0d, 0x01, 0x01, 0x0c, 0x05, 0x00 };
    static const uint8_t sha256_rsa_absent[] = { 0x30, 0x0b, 0x06, 0x09, 0x2a, 0x86, 0x48,
                                                 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x0b };
    static const uint8_t unknown[] = { 0x30, 0x05, 0x06, 0x03, 0x2a, 0x03, 0x04 };
    struct ntls_x509_cert c;
    cr_assert_eq(build_and_parse(&(struct tu_cert_spec){ .outer_alg = sha384_rsa, .outer_alg_len = 15 }, &c),
                 NTLS_E_BAD_CERTIFICATE);
    /* same algorithm, parameters absent on one side only: still a mismatch of the encodings */
    cr_assert_eq(
        build_and_parse(&(struct tu_cert_spec){ .outer_alg = sha256_rsa_absent, .outer_alg_len = 13 }, &c),
        NTLS_E_BAD_CERTIFICATE);
    cr_assert_eq(build_and_parse(&(struct tu_cert_spec){ .outer_alg = sha256_rsa_absent,
                                                         .outer_alg_len = 13,
                                                         .inner_alg = sha256_rsa_absent,
                                                         .inner_alg_len = 13 },
                                 &c),
                 NTLS_E_OK);
    cr_assert_eq(c.sig->id, NTLS_OID_SHA256_RSA);
    ntls_x509_cert_free(&c);
    /* an unknown algorithm is not a parse error; checking the signature is */
    cr_assert_eq(build_and_parse(
                     &(struct tu_cert_spec){
                         .outer_alg = unknown, .outer_alg_len = 7, .inner_alg = unknown, .inner_alg_len = 7 },
                     &c),
                 NTLS_E_OK);
    cr_assert_null(c.sig);
    cr_assert_eq(ntls_x509_check_signature(&c, &c).err, NTLS_E_UNSUPPORTED_CERTIFICATE);
    ntls_x509_cert_free(&c);
}

Test(cert, signature_bit_string)
{
    static const uint8_t unused_bits[] = { 0x01, 0x00, 0x00 };
    static const uint8_t empty[] = { 0x00 };
    struct ntls_x509_cert c;
    cr_assert_eq(build_and_parse(&(struct tu_cert_spec){ .sig = unused_bits, .sig_len = 3 }, &c),
                 NTLS_E_BAD_CERTIFICATE);
    cr_assert_eq(build_and_parse(&(struct tu_cert_spec){ .sig = empty, .sig_len = 1 }, &c), NTLS_E_OK);
    cr_assert_eq(c.sig_value.len, 0);
    ntls_x509_cert_free(&c);
}

Test(cert, unknown_public_key_algorithms_parse)
{
    /* an Ed25519 key (RFC 8410): parsed, but no crypto-layer key */
    static const uint8_t ed25519[] = { 0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21,
                                       0x00, 1,    2,    3,    4,    5,    6,    7,    8,    9,    10,
                                       11,   12,   13,   14,   15,   16,   17,   18,   19,   20,   21,
                                       22,   23,   24,   25,   26,   27,   28,   29,   30,   31,   32 };
    struct ntls_x509_cert c;
    struct ntls_x509_key key;
    cr_assert_eq(build_and_parse(&(struct tu_cert_spec){ .spki = ed25519, .spki_len = sizeof ed25519 }, &c),
                 NTLS_E_OK);
    cr_assert_eq(c.spki.type, NTLS_PK_NONE);
    cr_assert_null(c.spki.alg);
    cr_assert_eq(c.spki.key.len, 32);
    cr_assert_eq(ntls_x509_cert_key(&c, &key).err, NTLS_E_UNSUPPORTED_CERTIFICATE);
    cr_assert_eq(key.type, NTLS_PK_NONE);
    ntls_x509_cert_free(&c);
    ntls_x509_cert_free(&c); /* freeing twice is harmless: the struct is zeroed */
}
