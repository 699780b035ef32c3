/* Private keys (lib/x509/key.c, pbe.c): every PEM form of every fixture key loads and matches its
 * certificate; wrong passphrases give NTLS_E_DECRYPT_ERROR; malformed keys give NTLS_E_DECODE. */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

#include "base/mem.h"
#include "testutil.h"

#define PASS "nettls"

static const struct {
    const char *key, *cert;
    enum ntls_pk_type type;
    size_t bits;
    bool encrypted;
} keys[] = {
    { "server-rsa.key", "server-rsa.pem", NTLS_PK_RSA, 2048, false },
    { "key-rsa-pkcs8.pem", "server-rsa.pem", NTLS_PK_RSA, 2048, false },
    { "key-rsa-pkcs1.pem", "server-rsa.pem", NTLS_PK_RSA, 2048, false },
    { "key-rsa-pkcs8-aes256.pem", "server-rsa.pem", NTLS_PK_RSA, 2048, true },
    { "key-rsa-pkcs8-aes128-sha1.pem", "server-rsa.pem", NTLS_PK_RSA, 2048, true },
    { "key-rsa-pkcs8-des3.pem", "server-rsa.pem", NTLS_PK_RSA, 2048, true },
    { "key-rsa-legacy-aes128.pem", "server-rsa.pem", NTLS_PK_RSA, 2048, true },
    { "key-rsa-legacy-aes256.pem", "server-rsa.pem", NTLS_PK_RSA, 2048, true },
    { "key-rsa-legacy-des3.pem", "server-rsa.pem", NTLS_PK_RSA, 2048, true },
    { "ca-rsa.key", "ca-rsa.pem", NTLS_PK_RSA, 2048, false },
    { "client-rsa.key", "client-rsa.pem", NTLS_PK_RSA, 2048, false },
    { "rsa-1024.key", "rsa-1024.pem", NTLS_PK_RSA, 1024, false },
    { "rsa-4096.key", "rsa-4096.pem", NTLS_PK_RSA, 4096, false },
    { "v1.key", "v1.pem", NTLS_PK_RSA, 2048, false },
    { "inter-ca.key", "inter-ca.pem", NTLS_PK_RSA, 2048, false },
    { "ec-p256.key", "ec-p256.pem", NTLS_PK_EC, 256, false },
    { "key-ec-p256-sec1.pem", "ec-p256.pem", NTLS_PK_EC, 256, false },
    { "key-ec-p256-pkcs8.pem", "ec-p256.pem", NTLS_PK_EC, 256, false },
    { "key-ec-p256-legacy-aes128.pem", "ec-p256.pem", NTLS_PK_EC, 256, true },
    { "ec-p384.key", "ec-p384.pem", NTLS_PK_EC, 384, false },
    { "key-ec-p384-sec1.pem", "ec-p384.pem", NTLS_PK_EC, 384, false },
    { "key-ec-p384-pkcs8.pem", "ec-p384.pem", NTLS_PK_EC, 384, false },
    { "key-ec-p384-pkcs8-aes128.pem", "ec-p384.pem", NTLS_PK_EC, 384, true },
    { "dsa-2048.key", "dsa-2048.pem", NTLS_PK_DSA, 2048, false },
    { "key-dsa-openssl.pem", "dsa-2048.pem", NTLS_PK_DSA, 2048, false },
    { "key-dsa-pkcs8.pem", "dsa-2048.pem", NTLS_PK_DSA, 2048, false },
    { "key-dsa-legacy-des3.pem", "dsa-2048.pem", NTLS_PK_DSA, 2048, true },
};

#define N_KEYS (sizeof keys / sizeof keys[0])

static ntls_result load(const char *file, const char *pass, struct ntls_x509_key *key)
{
    size_t len;
    uint8_t *text = tu_read(file, &len);
    ntls_result r = ntls_x509_key_from_pem(key, (const char *)text, len, pass, pass ? strlen(pass) : 0);
    free(text);
    if (!ntls_is_ok(r)) {
        cr_assert_eq(key->type, NTLS_PK_NONE);
    }
    return r;
}

Test(key, every_form_loads_and_matches_its_certificate)
{
    for (size_t i = 0; i < N_KEYS; i++) {
        struct ntls_x509_key priv, pub, other;
        struct ntls_x509_cert cert, unrelated;
        ntls_result r = load(keys[i].key, PASS, &priv);
        cr_assert_eq(r.err, NTLS_E_OK, "%s: %s at %s:%d", keys[i].key, ntls_err_name(r.err),
                     ntls_error_last_func(), ntls_error_last_line());
        cr_assert_eq(priv.type, keys[i].type, "%s", keys[i].key);
        cr_assert_eq(ntls_x509_key_bits(&priv), keys[i].bits, "%s", keys[i].key);
        cr_assert(ntls_x509_key_is_private(&priv), "%s", keys[i].key);
        tu_cert(keys[i].cert, &cert);
        cr_assert_eq(ntls_x509_cert_key(&cert, &pub).err, NTLS_E_OK);
        cr_assert_eq(ntls_x509_key_check_pair(&priv, &pub).err, NTLS_E_OK, "%s", keys[i].key);
        /* and not with another certificate's key (of the same type where there is one) */
        tu_cert(keys[i].type == NTLS_PK_RSA ? (strcmp(keys[i].cert, "ca-rsa.pem") ? "ca-rsa.pem" : "v1.pem")
                                            : "server-rsa.pem",
                &unrelated);
        cr_assert_eq(ntls_x509_cert_key(&unrelated, &other).err, NTLS_E_OK);
        cr_assert_eq(ntls_x509_key_check_pair(&priv, &other).err, NTLS_E_DECRYPT_ERROR, "%s", keys[i].key);
        cr_assert_eq(ntls_x509_key_check_pair(&pub, &priv).err, NTLS_E_USAGE); /* pub has no private half */
        ntls_x509_key_free(&other);
        ntls_x509_key_free(&pub);
        ntls_x509_key_free(&priv);
        cr_assert_eq(priv.type, NTLS_PK_NONE);
        ntls_x509_cert_free(&unrelated);
        ntls_x509_cert_free(&cert);
    }
}

Test(key, wrong_or_missing_passphrase)
{
    for (size_t i = 0; i < N_KEYS; i++) {
        if (!keys[i].encrypted) {
            continue;
        }
        struct ntls_x509_key k;
        cr_assert_eq(load(keys[i].key, "nettlS", &k).err, NTLS_E_DECRYPT_ERROR, "%s", keys[i].key);
        cr_assert_eq(load(keys[i].key, "", &k).err, NTLS_E_DECRYPT_ERROR, "%s", keys[i].key);
        cr_assert_eq(load(keys[i].key, "nettls\n", &k).err, NTLS_E_DECRYPT_ERROR, "%s", keys[i].key);
        cr_assert_eq(load(keys[i].key, NULL, &k).err, NTLS_E_USAGE, "%s", keys[i].key);
    }
    /* a plain key ignores the passphrase */
    struct ntls_x509_key k;
    cr_assert_eq(load("key-rsa-pkcs1.pem", NULL, &k).err, NTLS_E_OK);
    ntls_x509_key_free(&k);
}

/* Decrypting gives exactly the plain file's DER. */
Test(key, decryption_gives_the_plain_der)
{
    static const struct {
        const char *encrypted, *plain, *plain_label;
    } pairs[] = {
        { "key-rsa-pkcs8-aes256.pem", "key-rsa-pkcs8.pem", "PRIVATE KEY" },
        { "key-rsa-pkcs8-aes128-sha1.pem", "key-rsa-pkcs8.pem", "PRIVATE KEY" },
        { "key-rsa-pkcs8-des3.pem", "key-rsa-pkcs8.pem", "PRIVATE KEY" },
        { "key-ec-p384-pkcs8-aes128.pem", "key-ec-p384-pkcs8.pem", "PRIVATE KEY" },
        { "key-rsa-legacy-aes128.pem", "key-rsa-pkcs1.pem", "RSA PRIVATE KEY" },
        { "key-rsa-legacy-aes256.pem", "key-rsa-pkcs1.pem", "RSA PRIVATE KEY" },
        { "key-rsa-legacy-des3.pem", "key-rsa-pkcs1.pem", "RSA PRIVATE KEY" },
        { "key-ec-p256-legacy-aes128.pem", "key-ec-p256-sec1.pem", "EC PRIVATE KEY" },
        { "key-dsa-legacy-des3.pem", "key-dsa-openssl.pem", "DSA PRIVATE KEY" },
    };
    for (size_t i = 0; i < sizeof pairs / sizeof pairs[0]; i++) {
        size_t len, plain_len, out_len;
        uint8_t *text = tu_read(pairs[i].encrypted, &len);
        uint8_t *plain = tu_pem_der(pairs[i].plain, pairs[i].plain_label, &plain_len);
        uint8_t *out = NULL;
        struct ntls_cur in = ntls_cur_init(text, len);
        struct ntls_pem_block b;
        bool found;
        cr_assert_eq(ntls_pem_next(&in, NULL, &b, &found).err, NTLS_E_OK);
        cr_assert(found);
        if (b.encrypted) {
            cr_assert_eq(ntls_pem_decrypt(&b, PASS, strlen(PASS), &out, &out_len).err, NTLS_E_OK, "%s",
                         pairs[i].encrypted);
        } else {
            cr_assert_str_eq(b.label, "ENCRYPTED PRIVATE KEY");
            cr_assert_eq(ntls_x509_pkcs8_decrypt(b.der, b.der_len, PASS, strlen(PASS), &out, &out_len).err,
                         NTLS_E_OK, "%s", pairs[i].encrypted);
        }
        cr_assert_eq(out_len, plain_len, "%s", pairs[i].encrypted);
        cr_assert_eq(memcmp(out, plain, plain_len), 0, "%s", pairs[i].encrypted);
        ntls_free_secret(out, out_len);
        ntls_pem_block_free(&b);
        free(plain);
        free(text);
    }
}

static enum ntls_err parse_der(enum ntls_key_format format, const uint8_t *der, size_t len)
{
    struct ntls_x509_key k;
    ntls_result r = ntls_x509_key_parse(&k, format, der, len, PASS, strlen(PASS));
    if (ntls_is_ok(r)) {
        ntls_x509_key_free(&k);
    } else {
        cr_assert_eq(k.type, NTLS_PK_NONE);
    }
    return r.err;
}

Test(key, truncated_and_trailing_der)
{
    static const struct {
        const char *file, *label;
        enum ntls_key_format format;
    } forms[] = {
        { "key-rsa-pkcs1.pem", "RSA PRIVATE KEY", NTLS_KEY_RSA },
        { "key-rsa-pkcs8.pem", "PRIVATE KEY", NTLS_KEY_PKCS8 },
        { "key-ec-p256-sec1.pem", "EC PRIVATE KEY", NTLS_KEY_EC },
        { "key-ec-p384-pkcs8.pem", "PRIVATE KEY", NTLS_KEY_PKCS8 },
        { "key-dsa-openssl.pem", "DSA PRIVATE KEY", NTLS_KEY_DSA },
        { "key-dsa-pkcs8.pem", "PRIVATE KEY", NTLS_KEY_PKCS8 },
        { "key-rsa-pkcs8-aes256.pem", "ENCRYPTED PRIVATE KEY", NTLS_KEY_PKCS8_ENCRYPTED },
    };
    for (size_t f = 0; f < sizeof forms / sizeof forms[0]; f++) {
        size_t len;
        uint8_t *der = tu_pem_der(forms[f].file, forms[f].label, &len);
        cr_assert_eq(parse_der(forms[f].format, der, len), NTLS_E_OK, "%s", forms[f].file);
        for (size_t n = 0; n < len; n++) {
            cr_assert_eq(parse_der(forms[f].format, der, n), NTLS_E_DECODE, "%s cut to %zu", forms[f].file,
                         n);
        }
        uint8_t *more = malloc(len + 1);
        cr_assert_not_null(more);
        memcpy(more, der, len);
        more[len] = 0;
        cr_assert_eq(parse_der(forms[f].format, more, len + 1), NTLS_E_DECODE, "%s + 1", forms[f].file);
        free(more);
        free(der);
    }
}

Test(key, format_mismatch)
{
    size_t len;
    uint8_t *pkcs1 = tu_pem_der("key-rsa-pkcs1.pem", "RSA PRIVATE KEY", &len);
    cr_assert_eq(parse_der(NTLS_KEY_PKCS8, pkcs1, len), NTLS_E_DECODE);
    cr_assert_eq(parse_der(NTLS_KEY_EC, pkcs1, len), NTLS_E_DECODE);
    cr_assert_eq(parse_der(NTLS_KEY_DSA, pkcs1, len), NTLS_E_DECODE);
    cr_assert_eq(parse_der(NTLS_KEY_PKCS8_ENCRYPTED, pkcs1, len), NTLS_E_DECODE);
    /* PKCS#1 version 1 is the multi-prime form */
    cr_assert_eq(pkcs1[4], 0x02);
    cr_assert_eq(pkcs1[6], 0x00);
    pkcs1[6] = 0x01;
    cr_assert_eq(parse_der(NTLS_KEY_RSA, pkcs1, len), NTLS_E_UNSUPPORTED_CERTIFICATE);
    pkcs1[6] = 0x02;
    cr_assert_eq(parse_der(NTLS_KEY_RSA, pkcs1, len), NTLS_E_DECODE);
    free(pkcs1);
}

Test(key, inconsistent_keys_are_refused)
{
    /* the DSA x with its last byte changed no longer matches y */
    size_t len;
    uint8_t *dsa = tu_pem_der("key-dsa-openssl.pem", "DSA PRIVATE KEY", &len);
    dsa[len - 1] ^= 0x01;
    cr_assert_eq(parse_der(NTLS_KEY_DSA, dsa, len), NTLS_E_DECODE);
    free(dsa);
    /* a PKCS#1 key whose d mod (p-1) is wrong (signing uses the CRT values) */
    uint8_t *rsa = tu_pem_der("key-rsa-pkcs1.pem", "RSA PRIVATE KEY", &len);
    struct ntls_cur in = ntls_cur_init(rsa, len), body, v;
    cr_assert_eq(ntls_der_sequence(&in, &body).err, NTLS_E_OK);
    for (int i = 0; i < 7; i++) { /* version, n, e, d, p, q, dp */
        cr_assert_eq(ntls_der_expect(&body, NTLS_DER_INTEGER, &v).err, NTLS_E_OK);
    }
    ((uint8_t *)v.p)[v.len - 1] ^= 0x02;
    cr_assert_eq(parse_der(NTLS_KEY_RSA, rsa, len), NTLS_E_DECODE);
    free(rsa);
}

/* ECPrivateKey { 1, priv, [0] curve, [1] point } rebuilt from the fixture with another point or none. */
static enum ntls_err sec1_with_point(const uint8_t *point, size_t point_len)
{
    size_t len;
    uint8_t *der = tu_pem_der("key-ec-p256-sec1.pem", "EC PRIVATE KEY", &len);
    struct ntls_cur in = ntls_cur_init(der, len), body, priv, params, pub;
    uint64_t version;
    cr_assert_eq(ntls_der_sequence(&in, &body).err, NTLS_E_OK);
    cr_assert_eq(ntls_der_u64(&body, &version).err, NTLS_E_OK);
    cr_assert_eq(ntls_der_octet_string(&body, &priv).err, NTLS_E_OK);
    cr_assert_eq(ntls_der_explicit(&body, 0, &params, NULL).err, NTLS_E_OK);
    cr_assert_eq(ntls_der_explicit(&body, 1, &pub, NULL).err, NTLS_E_OK);
    struct tu_buf seq = { .len = 0 }, tmp = { .len = 0 }, bits = { .len = 0 }, out = { .len = 0 };
    static const uint8_t one = 1, zero = 0;
    tu_tlv(&seq, NTLS_DER_INTEGER, &one, 1);
    tu_tlv(&seq, NTLS_DER_OCTET_STRING, priv.p, priv.len);
    tu_tlv(&seq, NTLS_DER_CTX_CONS(0), params.p, params.len);
    if (point != NULL) {
        tu_put(&bits, &zero, 1);
        tu_put(&bits, point, point_len);
        tu_wrap(&tmp, NTLS_DER_BIT_STRING, &bits);
        tu_wrap(&seq, NTLS_DER_CTX_CONS(1), &tmp);
    }
    tu_wrap(&out, NTLS_DER_SEQUENCE, &seq);
    free(der);
    return parse_der(NTLS_KEY_EC, out.p, out.len);
}

Test(key, ec_public_point)
{
    /* the P-256 generator: on the curve, but not this key's public point */
    uint8_t g[65] = { 0x04 };
    tu_hex("6B17D1F2E12C4247F8BCE6E563A440F277037D812DEB33A0F4A13945D898C296"
           "4FE342E2FE1A7F9B8EE7EB4A7C0F9E162BCE33576B315ECECBB6406837BF51F5",
           g + 1, 64);
    cr_assert_eq(sec1_with_point(g, sizeof g), NTLS_E_DECODE);
    /* no public point: nettls cannot compute it (see x509.h) */
    cr_assert_eq(sec1_with_point(NULL, 0), NTLS_E_UNSUPPORTED_CERTIFICATE);
    /* the fixture's own point, rebuilt: loads */
    struct ntls_x509_cert cert;
    tu_cert("ec-p256.pem", &cert);
    cr_assert_eq(sec1_with_point(cert.spki.key.p, cert.spki.key.len), NTLS_E_OK);
    ntls_x509_cert_free(&cert);
}

Test(key, unsupported_algorithms)
{
    /* PKCS#8 Ed25519 (RFC 8410) */
    uint8_t ed[48] = { 0x30, 0x2e, 0x02, 0x01, 0x00, 0x30, 0x05, 0x06,
                       0x03, 0x2b, 0x65, 0x70, 0x04, 0x22, 0x04, 0x20 };
    cr_assert_eq(parse_der(NTLS_KEY_PKCS8, ed, sizeof ed), NTLS_E_UNSUPPORTED_CERTIFICATE);
    /* PKCS#8 version 2 is not defined */
    ed[4] = 0x02;
    cr_assert_eq(parse_der(NTLS_KEY_PKCS8, ed, sizeof ed), NTLS_E_DECODE);
}

/* EncryptedPrivateKeyInfo with PBES2 { PBKDF2 { salt, iterations, [keyLength], [prf] }, enc { iv } } and
 * 16 octets of ciphertext, built from parts. */
static enum ntls_err pbes2(uint32_t iterations, int key_len, const uint8_t *prf_oid, size_t prf_len,
                           const uint8_t *enc_oid, size_t enc_len, size_t iv_len)
{
    static const uint8_t pbes2_oid[] = { 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x05, 0x0d };
    static const uint8_t pbkdf2_oid[] = { 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x05, 0x0c };
    static const uint8_t salt[8], iv[32], ct[16];
    struct tu_buf kdf_params = { .len = 0 }, kdf = { .len = 0 }, enc = { .len = 0 }, params = { .len = 0 };
    struct tu_buf alg = { .len = 0 }, seq = { .len = 0 }, out = { .len = 0 }, tmp = { .len = 0 };
    uint8_t it[4] = { (uint8_t)(iterations >> 24), (uint8_t)(iterations >> 16), (uint8_t)(iterations >> 8),
                      (uint8_t)iterations };
    tu_tlv(&kdf_params, NTLS_DER_OCTET_STRING, salt, sizeof salt);
    tu_tlv(&kdf_params, NTLS_DER_INTEGER,
           it[0]   ? it
           : it[1] ? it + 1
           : it[2] ? it + 2
                   : it + 3,
           it[0]   ? 4
           : it[1] ? 3
           : it[2] ? 2
                   : 1);
    if (key_len >= 0) {
        uint8_t kl = (uint8_t)key_len;
        tu_tlv(&kdf_params, NTLS_DER_INTEGER, &kl, 1);
    }
    if (prf_oid != NULL) {
        tu_tlv(&tmp, NTLS_DER_OID, prf_oid, prf_len);
        tu_put(&tmp, "\x05\x00", 2);
        tu_wrap(&kdf_params, NTLS_DER_SEQUENCE, &tmp);
    }
    tu_tlv(&kdf, NTLS_DER_OID, pbkdf2_oid, sizeof pbkdf2_oid);
    tu_wrap(&kdf, NTLS_DER_SEQUENCE, &kdf_params);
    tu_tlv(&enc, NTLS_DER_OID, enc_oid, enc_len);
    tu_tlv(&enc, NTLS_DER_OCTET_STRING, iv, iv_len);
    tu_wrap(&params, NTLS_DER_SEQUENCE, &kdf);
    tu_wrap(&params, NTLS_DER_SEQUENCE, &enc);
    tu_tlv(&alg, NTLS_DER_OID, pbes2_oid, sizeof pbes2_oid);
    tu_wrap(&alg, NTLS_DER_SEQUENCE, &params);
    tu_wrap(&seq, NTLS_DER_SEQUENCE, &alg);
    tu_tlv(&seq, NTLS_DER_OCTET_STRING, ct, sizeof ct);
    tu_wrap(&out, NTLS_DER_SEQUENCE, &seq);
    return parse_der(NTLS_KEY_PKCS8_ENCRYPTED, out.p, out.len);
}

#define AES128 (const uint8_t[]){ 0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x01, 0x02 }, 9
#define AES192 (const uint8_t[]){ 0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x01, 0x16 }, 9
#define SHA256 (const uint8_t[]){ 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x02, 0x09 }, 8
#define SHA224 (const uint8_t[]){ 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x02, 0x08 }, 8

Test(key, pbes2_parameters)
{
    /* well formed: decryption runs, and all-zero ciphertext is a wrong passphrase */
    cr_assert_eq(pbes2(1, -1, NULL, 0, AES128, 16), NTLS_E_DECRYPT_ERROR);
    cr_assert_eq(pbes2(2048, 16, SHA256, AES128, 16), NTLS_E_DECRYPT_ERROR);
    cr_assert_eq(pbes2(1, 24, SHA256, AES128, 16), NTLS_E_DECODE);  /* keyLength is not AES-128's */
    cr_assert_eq(pbes2(1, -1, NULL, 0, AES128, 8), NTLS_E_DECODE);  /* IV length */
    cr_assert_eq(pbes2(0, -1, NULL, 0, AES128, 16), NTLS_E_DECODE); /* iterationCount (1..MAX) */
    cr_assert_eq(pbes2(1u << 30, -1, NULL, 0, AES128, 16), NTLS_E_UNSUPPORTED_CERTIFICATE);
    cr_assert_eq(pbes2(1, -1, SHA224, AES128, 16), NTLS_E_UNSUPPORTED_CERTIFICATE);
    cr_assert_eq(pbes2(1, -1, NULL, 0, AES192, 16), NTLS_E_UNSUPPORTED_CERTIFICATE);
}

Test(key, pem_entry_points)
{
    size_t len;
    uint8_t *text = tu_read("server-rsa.pem", &len);
    struct ntls_x509_key k;
    cr_assert_eq(ntls_x509_key_from_pem(&k, (const char *)text, len, NULL, 0).err, NTLS_E_DECODE);
    struct ntls_cur in = ntls_cur_init(text, len);
    struct ntls_pem_block b;
    bool found;
    cr_assert_eq(ntls_pem_next(&in, NULL, &b, &found).err, NTLS_E_OK);
    cr_assert_eq(ntls_x509_key_from_pem_block(&k, &b, NULL, 0).err, NTLS_E_DECODE); /* a CERTIFICATE */
    ntls_pem_block_free(&b);
    free(text);
    /* a certificate followed by a key: the key is found */
    size_t cert_len, key_len;
    uint8_t *cert = tu_read("server-rsa.pem", &cert_len);
    uint8_t *key = tu_read("key-rsa-pkcs1.pem", &key_len);
    char *both = malloc(cert_len + key_len);
    cr_assert_not_null(both);
    memcpy(both, cert, cert_len);
    memcpy(both + cert_len, key, key_len);
    cr_assert_eq(ntls_x509_key_from_pem(&k, both, cert_len + key_len, NULL, 0).err, NTLS_E_OK);
    cr_assert_eq(k.type, NTLS_PK_RSA);
    ntls_x509_key_free(&k);
    free(both);
    free(key);
    free(cert);
    /* legacy headers on a PKCS#8 encrypted block make no sense */
    static const char odd[] = "-----BEGIN ENCRYPTED PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\n"
                              "DEK-Info: AES-128-CBC,000102030405060708090A0B0C0D0E0F\n\n"
                              "AAECAwQFBgcICQoLDA0ODw==\n-----END ENCRYPTED PRIVATE KEY-----\n";
    cr_assert_eq(ntls_x509_key_from_pem(&k, odd, strlen(odd), PASS, strlen(PASS)).err, NTLS_E_DECODE);
}
