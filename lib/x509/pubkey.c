/* Public keys and signatures (x509.h): SubjectPublicKeyInfo into crypto-layer keys (RFC 3279 2.3,
 * RFC 5480), and signature checks over signed DER (RFC 5280 4.1.1.3). */
#include "x509_internal.h"

#include <string.h>

#include "../base/mem.h"

ntls_result ntls_x509_curve_param(struct ntls_cur params, enum ntls_curve *curve)
{
    struct ntls_cur oid;
    /* ECParameters ::= CHOICE { namedCurve OBJECT IDENTIFIER, implicitCurve NULL, specifiedCurve ... };
     * RFC 5480 2.1.1: only namedCurve in certificates. */
    NTLS_ENSURE(ntls_der_peek(&params, NTLS_DER_OID), NTLS_E_UNSUPPORTED_CERTIFICATE);
    NTLS_TRY(ntls_der_oid(&params, &oid));
    NTLS_TRY(ntls_cur_end(&params));
    const struct ntls_oid_info *row = ntls_oid_find(oid);
    NTLS_ENSURE(row != NULL && row->kind == NTLS_OID_KIND_CURVE && row->supported,
                NTLS_E_UNSUPPORTED_CERTIFICATE);
    *curve = row->curve;
    return ntls_ok();
}

ntls_result ntls_x509_spki_read(struct ntls_cur *in, struct ntls_x509_spki *out)
{
    struct ntls_cur c = *in;
    struct ntls_der_tlv seq;
    struct ntls_der_alg alg;
    struct ntls_x509_spki spki;
    memset(&spki, 0, sizeof spki);
    NTLS_TRY(ntls_der_expect_tlv(&c, NTLS_DER_SEQUENCE, &seq));
    NTLS_TRY(ntls_der_algorithm(&seq.value, &alg));
    NTLS_TRY(ntls_der_bit_string_octets(&seq.value, &spki.key));
    NTLS_TRY(ntls_cur_end(&seq.value));
    spki.raw = seq.raw;
    spki.alg_oid = alg.oid;
    spki.params = alg.params;
    const struct ntls_oid_info *row = ntls_oid_find(alg.oid);
    if (row != NULL && row->kind == NTLS_OID_KIND_KEY) {
        spki.alg = row;
        spki.type = row->supported ? row->pk : NTLS_PK_NONE;
    }
    if (spki.type == NTLS_PK_EC && ntls_der_peek(&alg.params, NTLS_DER_OID)) {
        struct ntls_cur params = alg.params, oid;
        NTLS_TRY(ntls_der_oid(&params, &oid));
        const struct ntls_oid_info *curve = ntls_oid_find(oid);
        spki.curve = curve != NULL && curve->kind == NTLS_OID_KIND_CURVE ? curve : NULL;
    }
    *out = spki;
    *in = c;
    return ntls_ok();
}

/* RSAPublicKey ::= SEQUENCE { modulus INTEGER, publicExponent INTEGER } (RFC 8017 A.1.1) */
static ntls_result rsa_public(const struct ntls_x509_spki *spki, struct ntls_x509_key *out)
{
    struct ntls_cur in = spki->key, body, n, e;
    static const uint8_t null_der[] = { NTLS_DER_NULL, 0x00 };
    /* RFC 3279 2.3.1: parameters NULL; absent is seen too */
    NTLS_ENSURE(spki->params.len == 0 ||
                    (spki->params.len == 2 && memcmp(spki->params.p, null_der, 2) == 0),
                NTLS_E_DECODE);
    NTLS_TRY(ntls_der_sequence(&in, &body));
    NTLS_TRY(ntls_cur_end(&in));
    NTLS_TRY(ntls_der_uint(&body, &n));
    NTLS_TRY(ntls_der_uint(&body, &e));
    NTLS_TRY(ntls_cur_end(&body));
    NTLS_TRY(ntls_rsa_public_new(&out->rsa, n.p, n.len, e.p, e.len));
    out->type = NTLS_PK_RSA;
    return ntls_ok();
}

/* Dss-Parms ::= SEQUENCE { p INTEGER, q INTEGER, g INTEGER }; DSAPublicKey ::= INTEGER (RFC 3279 2.3.2) */
static ntls_result dsa_public(const struct ntls_x509_spki *spki, struct ntls_x509_key *out)
{
    struct ntls_cur params = spki->params, body, key = spki->key, y;
    struct ntls_cur p, q, g;
    /* absent parameters mean "inherit the issuer's" (RFC 3279 2.3.2), which nettls does not do */
    NTLS_ENSURE(params.len > 0, NTLS_E_UNSUPPORTED_CERTIFICATE);
    NTLS_TRY(ntls_der_sequence(&params, &body));
    NTLS_TRY(ntls_cur_end(&params));
    NTLS_TRY(ntls_der_uint(&body, &p));
    NTLS_TRY(ntls_der_uint(&body, &q));
    NTLS_TRY(ntls_der_uint(&body, &g));
    NTLS_TRY(ntls_cur_end(&body));
    NTLS_TRY(ntls_der_uint(&key, &y));
    NTLS_TRY(ntls_cur_end(&key));
    struct ntls_dsa_parts parts = {
        .p = p.p, .p_len = p.len, .q = q.p, .q_len = q.len,
        .g = g.p, .g_len = g.len, .y = y.p, .y_len = y.len,
    };
    NTLS_TRY(ntls_dsa_new(&out->dsa, &parts));
    out->type = NTLS_PK_DSA;
    return ntls_ok();
}

/* ECPoint in the BIT STRING as is (RFC 5480 2.2); the crypto layer takes uncompressed points only. */
static ntls_result ec_public(const struct ntls_x509_spki *spki, struct ntls_x509_key *out)
{
    enum ntls_curve curve;
    NTLS_TRY(ntls_x509_curve_param(spki->params, &curve));
    NTLS_TRY(ntls_ec_key_new(&out->ec, curve, spki->key.p, spki->key.len, NULL, 0));
    out->type = NTLS_PK_EC;
    return ntls_ok();
}

ntls_result ntls_x509_spki_key(const struct ntls_x509_spki *spki, struct ntls_x509_key *out)
{
    ntls_result r;
    memset(out, 0, sizeof *out);
    switch (spki->type) {
    case NTLS_PK_RSA:
        r = rsa_public(spki, out);
        break;
    case NTLS_PK_DSA:
        r = dsa_public(spki, out);
        break;
    case NTLS_PK_EC:
        r = ec_public(spki, out);
        break;
    default:
        return ntls_error(NTLS_E_UNSUPPORTED_CERTIFICATE);
    }
    if (!ntls_is_ok(r)) {
        ntls_x509_key_free(out);
        if (r.err != NTLS_E_NOMEM && r.err != NTLS_E_UNSUPPORTED_CERTIFICATE) {
            r.err = NTLS_E_BAD_CERTIFICATE; /* malformed key octets, or the crypto layer refused them */
        }
    }
    return r;
}

void ntls_x509_key_free(struct ntls_x509_key *key)
{
    switch (key->type) {
    case NTLS_PK_RSA:
        ntls_rsa_free(key->rsa);
        break;
    case NTLS_PK_DSA:
        ntls_dsa_free(key->dsa);
        break;
    case NTLS_PK_EC:
        ntls_ec_key_free(key->ec);
        break;
    default:
        break;
    }
    memset(key, 0, sizeof *key);
}

bool ntls_x509_key_is_private(const struct ntls_x509_key *key)
{
    switch (key->type) {
    case NTLS_PK_RSA:
        return ntls_rsa_is_private(key->rsa);
    case NTLS_PK_DSA:
        return ntls_dsa_is_private(key->dsa);
    case NTLS_PK_EC:
        return ntls_ec_key_is_private(key->ec);
    default:
        return false;
    }
}

size_t ntls_x509_key_bits(const struct ntls_x509_key *key)
{
    switch (key->type) {
    case NTLS_PK_RSA:
        return ntls_rsa_bits(key->rsa);
    case NTLS_PK_DSA:
        return ntls_dsa_bits(key->dsa);
    case NTLS_PK_EC:
        return 8 * ntls_curve_size(ntls_ec_key_curve(key->ec));
    default:
        return 0;
    }
}

/* Runs the crypto layer's verification for the key's type. */
static ntls_result verify_digest(const struct ntls_x509_key *key, enum ntls_hash_id hash,
                                 const uint8_t *digest, const uint8_t *sig, size_t sig_len)
{
    size_t digest_len = ntls_hash_size(hash);
    switch (key->type) {
    case NTLS_PK_RSA:
        return ntls_rsa_verify(key->rsa, hash, digest, sig, sig_len);
    case NTLS_PK_DSA:
        return ntls_dsa_verify(key->dsa, digest, digest_len, sig, sig_len);
    case NTLS_PK_EC:
        return ntls_ecdsa_verify(key->ec, digest, digest_len, sig, sig_len);
    default:
        return ntls_error(NTLS_E_DECRYPT_ERROR);
    }
}

ntls_result ntls_x509_verify_data(const struct ntls_x509_key *key, const struct ntls_oid_info *sig_alg,
                                  const uint8_t *data, size_t data_len, const uint8_t *sig, size_t sig_len)
{
    uint8_t digest[NTLS_HASH_MAX_SIZE];
    NTLS_ENSURE(sig_alg != NULL && sig_alg->kind == NTLS_OID_KIND_SIG && sig_alg->supported,
                NTLS_E_UNSUPPORTED_CERTIFICATE);
    NTLS_ENSURE(key->type == sig_alg->pk, NTLS_E_DECRYPT_ERROR);
    ntls_hash_oneshot(sig_alg->hash, data, data_len, digest);
    ntls_result r = verify_digest(key, sig_alg->hash, digest, sig, sig_len);
    if (!ntls_is_ok(r) && r.err != NTLS_E_NOMEM) {
        r.err = NTLS_E_DECRYPT_ERROR; /* a malformed DSA/ECDSA signature is a signature that fails */
    }
    return r;
}

ntls_result ntls_x509_check_signature(const struct ntls_x509_cert *cert, const struct ntls_x509_cert *issuer)
{
    struct ntls_x509_key key;
    NTLS_ENSURE(cert->sig != NULL && cert->sig->supported, NTLS_E_UNSUPPORTED_CERTIFICATE);
    NTLS_TRY(ntls_x509_cert_key(issuer, &key));
    ntls_result r = ntls_x509_verify_data(&key, cert->sig, cert->tbs.p, cert->tbs.len, cert->sig_value.p,
                                          cert->sig_value.len);
    ntls_x509_key_free(&key);
    return r;
}

/* Signs a fixed digest with priv and verifies it with pub. */
ntls_result ntls_x509_key_check_pair(const struct ntls_x509_key *priv, const struct ntls_x509_key *pub)
{
    static const char msg[] = "nettls key pair check";
    uint8_t digest[NTLS_HASH_MAX_SIZE];
    uint8_t small[NTLS_ECDSA_SIG_MAX > NTLS_DSA_SIG_MAX ? NTLS_ECDSA_SIG_MAX : NTLS_DSA_SIG_MAX];
    size_t sig_len = sizeof small;
    uint8_t *sig = small;
    NTLS_ENSURE(ntls_x509_key_is_private(priv), NTLS_E_USAGE);
    NTLS_ENSURE(priv->type == pub->type, NTLS_E_DECRYPT_ERROR);
    ntls_hash_oneshot(NTLS_HASH_SHA256, msg, sizeof msg - 1, digest);
    ntls_result r;
    switch (priv->type) {
    case NTLS_PK_RSA:
        sig_len = ntls_rsa_size(priv->rsa);
        sig = ntls_calloc(sig_len, 1);
        NTLS_ENSURE(sig != NULL, NTLS_E_NOMEM);
        r = ntls_rsa_sign(priv->rsa, NTLS_HASH_SHA256, digest, sig);
        break;
    case NTLS_PK_DSA:
        r = ntls_dsa_sign(priv->dsa, digest, 32, sig, &sig_len);
        break;
    default:
        r = ntls_ecdsa_sign(priv->ec, digest, 32, sig, &sig_len);
        break;
    }
    if (ntls_is_ok(r)) {
        r = verify_digest(pub, NTLS_HASH_SHA256, digest, sig, sig_len);
        if (!ntls_is_ok(r) && r.err != NTLS_E_NOMEM) {
            r.err = NTLS_E_DECRYPT_ERROR;
        }
    }
    if (sig != small) {
        ntls_free(sig);
    }
    return r;
}
