/* Private keys (x509.h): PKCS#8, PKCS#1 RSA, SEC1 EC and OpenSSL's DSA structure, plain or encrypted,
 * into crypto-layer keys. Every loaded key passes a sign-and-verify check of its own halves, so a damaged
 * or inconsistent key is refused at load time rather than at the first handshake. */
#include "x509_internal.h"

#include <string.h>

#include "../base/mem.h"

/* Reads n non-negative INTEGERs as magnitudes. */
static ntls_result read_uints(struct ntls_cur *body, struct ntls_cur *v, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        NTLS_TRY(ntls_der_uint(body, &v[i]));
    }
    return ntls_ok();
}

/* RSAPrivateKey ::= SEQUENCE { version Version, modulus, publicExponent, privateExponent, prime1, prime2,
 *     exponent1, exponent2, coefficient, otherPrimeInfos OPTIONAL } (RFC 8017 A.1.2). Version 1 is the
 * multi-prime form, which nettls does not implement. */
static ntls_result parse_rsa(struct ntls_cur in, struct ntls_x509_key *out)
{
    struct ntls_cur body, v[8];
    uint64_t version;
    NTLS_TRY(ntls_der_sequence(&in, &body));
    NTLS_TRY(ntls_cur_end(&in));
    NTLS_TRY(ntls_der_u64(&body, &version));
    NTLS_ENSURE(version <= 1, NTLS_E_DECODE);
    NTLS_ENSURE(version == 0, NTLS_E_UNSUPPORTED_CERTIFICATE);
    NTLS_TRY(read_uints(&body, v, 8));
    NTLS_TRY(ntls_cur_end(&body));
    struct ntls_rsa_private_parts parts = {
        .n = v[0].p, .n_len = v[0].len, .e = v[1].p, .e_len = v[1].len, .d = v[2].p, .d_len = v[2].len,
        .p = v[3].p, .p_len = v[3].len, .q = v[4].p, .q_len = v[4].len, .dp = v[5].p, .dp_len = v[5].len,
        .dq = v[6].p, .dq_len = v[6].len, .qinv = v[7].p, .qinv_len = v[7].len,
    };
    NTLS_TRY(ntls_rsa_private_new(&out->rsa, &parts));
    out->type = NTLS_PK_RSA;
    return ntls_ok();
}

/* OpenSSL's "DSA PRIVATE KEY": SEQUENCE { version INTEGER (0), p, q, g, y, x } */
static ntls_result parse_dsa(struct ntls_cur in, struct ntls_x509_key *out)
{
    struct ntls_cur body, v[5];
    uint64_t version;
    NTLS_TRY(ntls_der_sequence(&in, &body));
    NTLS_TRY(ntls_cur_end(&in));
    NTLS_TRY(ntls_der_u64(&body, &version));
    NTLS_ENSURE(version == 0, NTLS_E_DECODE);
    NTLS_TRY(read_uints(&body, v, 5));
    NTLS_TRY(ntls_cur_end(&body));
    struct ntls_dsa_parts parts = {
        .p = v[0].p, .p_len = v[0].len, .q = v[1].p, .q_len = v[1].len, .g = v[2].p, .g_len = v[2].len,
        .y = v[3].p, .y_len = v[3].len, .x = v[4].p, .x_len = v[4].len,
    };
    NTLS_TRY(ntls_dsa_new(&out->dsa, &parts));
    out->type = NTLS_PK_DSA;
    return ntls_ok();
}

/* ECPrivateKey ::= SEQUENCE { version INTEGER { ecPrivkeyVer1(1) }, privateKey OCTET STRING,
 *     parameters [0] ECParameters OPTIONAL, publicKey [1] BIT STRING OPTIONAL } (RFC 5915 3).
 * outer_curve is the curve of the PKCS#8 AlgorithmIdentifier (NULL for a bare SEC1 key), and outer_point
 * the PKCS#8 v2 publicKey (empty when absent). */
static ntls_result parse_ec(struct ntls_cur in, const enum ntls_curve *outer_curve,
                            struct ntls_cur outer_point, struct ntls_x509_key *out)
{
    struct ntls_cur body, priv, inner, point = outer_point;
    uint64_t version;
    bool present;
    enum ntls_curve curve;
    NTLS_TRY(ntls_der_sequence(&in, &body));
    NTLS_TRY(ntls_cur_end(&in));
    NTLS_TRY(ntls_der_u64(&body, &version));
    NTLS_ENSURE(version == 1, NTLS_E_DECODE);
    NTLS_TRY(ntls_der_octet_string(&body, &priv));
    NTLS_TRY(ntls_der_explicit(&body, 0, &inner, &present));
    if (present) {
        NTLS_TRY(ntls_x509_curve_param(inner, &curve));
        NTLS_ENSURE(outer_curve == NULL || *outer_curve == curve, NTLS_E_DECODE); /* RFC 5915 3 */
    } else {
        NTLS_ENSURE(outer_curve != NULL, NTLS_E_DECODE); /* no curve anywhere */
        curve = *outer_curve;
    }
    NTLS_TRY(ntls_der_explicit(&body, 1, &inner, &present));
    if (present) {
        NTLS_TRY(ntls_der_bit_string_octets(&inner, &point));
        NTLS_TRY(ntls_cur_end(&inner));
    }
    NTLS_TRY(ntls_cur_end(&body));
    /* The crypto layer has no scalar-to-point operation, so the public point must be in the file (OpenSSL
     * always writes it). */
    NTLS_ENSURE(point.len > 0, NTLS_E_UNSUPPORTED_CERTIFICATE);
    /* RFC 5915 3: privateKey is ceiling(log2(n)/8) octets; some encoders drop leading zeros. */
    size_t size = ntls_curve_size(curve);
    uint8_t scalar[NTLS_EC_SCALAR_MAX] = { 0 };
    NTLS_ENSURE(priv.len >= 1 && priv.len <= size && size <= sizeof scalar, NTLS_E_DECODE);
    memcpy(scalar + (size - priv.len), priv.p, priv.len);
    ntls_result r = ntls_ec_key_new(&out->ec, curve, point.p, point.len, scalar, size);
    ntls_zeroize(scalar, sizeof scalar);
    NTLS_TRY(r);
    out->type = NTLS_PK_EC;
    return ntls_ok();
}

/* y = g^x mod p for a PKCS#8 DSA key, which stores only x. The crypto layer's DH shared-secret operation
 * is exactly that modular exponentiation (mpz_powm_sec, constant time in x), with "peer value" g. */
static ntls_result dsa_y(struct ntls_cur p, struct ntls_cur g, struct ntls_cur x, uint8_t **y, size_t *y_len)
{
    struct ntls_dh dh = { 0 };
    NTLS_ENSURE(x.len <= sizeof dh.priv, NTLS_E_DECODE);
    memcpy(dh.priv, x.p, x.len);
    dh.priv_len = x.len;
    *y = ntls_calloc(p.len > 0 ? p.len : 1, 1);
    ntls_result r = *y != NULL ? ntls_dh_shared(&dh, p.p, p.len, g.p, g.len, *y, y_len)
                               : ntls_error(NTLS_E_NOMEM);
    ntls_dh_wipe(&dh);
    if (!ntls_is_ok(r)) {
        ntls_free(*y);
        *y = NULL;
        if (r.err != NTLS_E_NOMEM) {
            r.err = NTLS_E_DECODE; /* g out of range for p */
        }
    }
    return r;
}

/* PKCS#8 DSA: parameters Dss-Parms ::= SEQUENCE { p, q, g }, privateKey an INTEGER x (RFC 5958,
 * RFC 3279 2.3.2). */
static ntls_result pkcs8_dsa(struct ntls_cur params, struct ntls_cur priv, struct ntls_x509_key *out)
{
    struct ntls_cur body, v[3], x;
    uint8_t *y;
    size_t y_len;
    NTLS_TRY(ntls_der_sequence(&params, &body));
    NTLS_TRY(ntls_cur_end(&params));
    NTLS_TRY(read_uints(&body, v, 3));
    NTLS_TRY(ntls_cur_end(&body));
    NTLS_TRY(ntls_der_uint(&priv, &x));
    NTLS_TRY(ntls_cur_end(&priv));
    NTLS_TRY(dsa_y(v[0], v[2], x, &y, &y_len));
    struct ntls_dsa_parts parts = {
        .p = v[0].p, .p_len = v[0].len, .q = v[1].p, .q_len = v[1].len, .g = v[2].p, .g_len = v[2].len,
        .y = y, .y_len = y_len, .x = x.p, .x_len = x.len,
    };
    ntls_result r = ntls_dsa_new(&out->dsa, &parts);
    ntls_free(y);
    NTLS_TRY(r);
    out->type = NTLS_PK_DSA;
    return ntls_ok();
}

/* OneAsymmetricKey ::= SEQUENCE { version (v1(0) | v2(1)), privateKeyAlgorithm AlgorithmIdentifier,
 *     privateKey OCTET STRING, attributes [0] IMPLICIT Attributes OPTIONAL,
 *     publicKey [1] IMPLICIT BIT STRING OPTIONAL } (RFC 5958 2; v1 is RFC 5208's PrivateKeyInfo) */
static ntls_result parse_pkcs8(struct ntls_cur in, struct ntls_x509_key *out)
{
    struct ntls_cur body, priv, attrs, pub_value, pub = ntls_cur_init(NULL, 0);
    struct ntls_der_alg alg;
    uint64_t version;
    bool present;
    unsigned unused;
    NTLS_TRY(ntls_der_sequence(&in, &body));
    NTLS_TRY(ntls_cur_end(&in));
    NTLS_TRY(ntls_der_u64(&body, &version));
    NTLS_ENSURE(version <= 1, NTLS_E_DECODE);
    NTLS_TRY(ntls_der_algorithm(&body, &alg));
    NTLS_TRY(ntls_der_octet_string(&body, &priv));
    NTLS_TRY(ntls_der_optional(&body, NTLS_DER_CTX_CONS(0), &attrs, &present));
    NTLS_TRY(ntls_der_optional(&body, NTLS_DER_CTX(1), &pub_value, &present));
    if (present) {
        NTLS_ENSURE(version == 1, NTLS_E_DECODE);
        NTLS_TRY(ntls_der_bit_string_value(pub_value, &pub, &unused));
        NTLS_ENSURE(unused == 0, NTLS_E_DECODE);
    }
    NTLS_TRY(ntls_cur_end(&body));
    const struct ntls_oid_info *row = ntls_oid_find(alg.oid);
    NTLS_ENSURE(row != NULL && row->kind == NTLS_OID_KIND_KEY && row->supported,
                NTLS_E_UNSUPPORTED_CERTIFICATE);
    switch (row->pk) {
    case NTLS_PK_RSA:
        NTLS_ENSURE(ntls_der_params_absent_or_null(&alg), NTLS_E_DECODE);
        return parse_rsa(priv, out);
    case NTLS_PK_DSA:
        return pkcs8_dsa(alg.params, priv, out);
    default: {
        enum ntls_curve curve;
        NTLS_TRY(ntls_x509_curve_param(alg.params, &curve));
        return parse_ec(priv, &curve, pub, out);
    }
    }
}

static ntls_result parse_plain(struct ntls_x509_key *out, enum ntls_key_format format, struct ntls_cur in)
{
    switch (format) {
    case NTLS_KEY_PKCS8:
        return parse_pkcs8(in, out);
    case NTLS_KEY_RSA:
        return parse_rsa(in, out);
    case NTLS_KEY_EC:
        return parse_ec(in, NULL, ntls_cur_init(NULL, 0), out);
    case NTLS_KEY_DSA:
        return parse_dsa(in, out);
    default:
        return ntls_error(NTLS_E_USAGE);
    }
}

/* Parses a decrypted plaintext: after a decryption, anything undecodable means a wrong passphrase. */
static ntls_result parse_decrypted(struct ntls_x509_key *out, enum ntls_key_format format, uint8_t *plain,
                                   size_t plain_len)
{
    ntls_result r = parse_plain(out, format, ntls_cur_init(plain, plain_len));
    ntls_free_secret(plain, plain_len);
    if (r.err == NTLS_E_DECODE) {
        r.err = NTLS_E_DECRYPT_ERROR;
    }
    return r;
}

/* The key's own halves must match (a failed sign-and-verify, or a signing that the crypto layer refuses,
 * is a malformed key, or a wrong passphrase that happened to give well-formed DER); numbers the crypto
 * layer refuses are a malformed key too. */
static ntls_result finish(struct ntls_x509_key *out, ntls_result r, bool decrypted)
{
    bool parsed = ntls_is_ok(r);
    if (parsed) {
        r = ntls_x509_key_check_pair(out, out);
    }
    if (!ntls_is_ok(r)) {
        ntls_x509_key_free(out);
        bool ours = r.err == NTLS_E_NOMEM || r.err == NTLS_E_UNSUPPORTED_CERTIFICATE || r.err == NTLS_E_USAGE;
        if (!ours && (parsed || r.err != NTLS_E_DECRYPT_ERROR)) {
            r.err = decrypted ? NTLS_E_DECRYPT_ERROR : NTLS_E_DECODE;
        }
    }
    return r;
}

ntls_result ntls_x509_key_parse(struct ntls_x509_key *out, enum ntls_key_format format, const uint8_t *der,
                                size_t len, const char *pass, size_t pass_len)
{
    memset(out, 0, sizeof *out);
    if (format != NTLS_KEY_PKCS8_ENCRYPTED) {
        return finish(out, parse_plain(out, format, ntls_cur_init(der, len)), false);
    }
    uint8_t *plain;
    size_t plain_len;
    NTLS_TRY(ntls_x509_pkcs8_decrypt(der, len, pass, pass_len, &plain, &plain_len));
    return finish(out, parse_decrypted(out, NTLS_KEY_PKCS8, plain, plain_len), true);
}

static const struct {
    const char *label;
    enum ntls_key_format format;
} key_labels[] = {
    { "PRIVATE KEY", NTLS_KEY_PKCS8 },
    { "ENCRYPTED PRIVATE KEY", NTLS_KEY_PKCS8_ENCRYPTED },
    { "RSA PRIVATE KEY", NTLS_KEY_RSA },
    { "EC PRIVATE KEY", NTLS_KEY_EC },
    { "DSA PRIVATE KEY", NTLS_KEY_DSA },
};

static bool key_format_of(const char *label, enum ntls_key_format *format)
{
    for (size_t i = 0; i < sizeof key_labels / sizeof key_labels[0]; i++) {
        if (strcmp(label, key_labels[i].label) == 0) {
            *format = key_labels[i].format;
            return true;
        }
    }
    return false;
}

ntls_result ntls_x509_key_from_pem_block(struct ntls_x509_key *out, const struct ntls_pem_block *block,
                                         const char *pass, size_t pass_len)
{
    enum ntls_key_format format;
    memset(out, 0, sizeof *out);
    NTLS_ENSURE(key_format_of(block->label, &format), NTLS_E_DECODE);
    if (!block->encrypted) {
        return ntls_x509_key_parse(out, format, block->der, block->der_len, pass, pass_len);
    }
    /* legacy PEM encryption wraps the traditional forms, not PKCS#8's own encryption */
    NTLS_ENSURE(format != NTLS_KEY_PKCS8_ENCRYPTED, NTLS_E_DECODE);
    uint8_t *plain;
    size_t plain_len;
    NTLS_TRY(ntls_pem_decrypt(block, pass, pass_len, &plain, &plain_len));
    return finish(out, parse_decrypted(out, format, plain, plain_len), true);
}

ntls_result ntls_x509_key_from_pem(struct ntls_x509_key *out, const char *text, size_t len, const char *pass,
                                   size_t pass_len)
{
    struct ntls_cur in = ntls_cur_init(text, len);
    struct ntls_pem_block block;
    bool found;
    enum ntls_key_format format;
    memset(out, 0, sizeof *out);
    for (;;) {
        NTLS_TRY(ntls_pem_next(&in, NULL, &block, &found));
        NTLS_ENSURE(found, NTLS_E_DECODE);
        if (key_format_of(block.label, &format)) {
            ntls_result r = ntls_x509_key_from_pem_block(out, &block, pass, pass_len);
            ntls_pem_block_free(&block);
            return r;
        }
        ntls_pem_block_free(&block);
    }
}
