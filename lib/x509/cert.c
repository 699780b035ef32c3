/* Certificates (x509.h), RFC 5280 4.1:
 *   Certificate ::= SEQUENCE { tbsCertificate TBSCertificate, signatureAlgorithm AlgorithmIdentifier,
 *                              signatureValue BIT STRING }
 * The certificate owns one copy of its DER; every other field is a view into it or a small array. */
#include "x509_internal.h"

#include <string.h>

#include "../base/mem.h"

ntls_result ntls_x509_dup(const uint8_t *p, size_t n, uint8_t **out)
{
    uint8_t *copy = ntls_calloc(n > 0 ? n : 1, 1);
    NTLS_ENSURE(copy != NULL, NTLS_E_NOMEM);
    if (n > 0) {
        memcpy(copy, p, n);
    }
    *out = copy;
    return ntls_ok();
}

/* version [0] EXPLICIT Version DEFAULT v1 (RFC 5280 4.1.2.1). DER would omit an explicit v1; OpenSSL
 * accepts it and so do we. */
static ntls_result read_version(struct ntls_cur *tbs, unsigned *version)
{
    struct ntls_cur inner;
    bool present;
    uint64_t v;
    NTLS_TRY(ntls_der_explicit(tbs, 0, &inner, &present));
    if (!present) {
        *version = 1;
        return ntls_ok();
    }
    NTLS_TRY(ntls_der_u64(&inner, &v));
    NTLS_TRY(ntls_cur_end(&inner));
    NTLS_ENSURE(v <= 2, NTLS_E_DECODE);
    *version = (unsigned)v + 1;
    return ntls_ok();
}

/* Validity ::= SEQUENCE { notBefore Time, notAfter Time } (RFC 5280 4.1.2.5) */
static ntls_result read_validity(struct ntls_cur *tbs, struct ntls_x509_cert *cert)
{
    struct ntls_cur body;
    NTLS_TRY(ntls_der_sequence(tbs, &body));
    NTLS_TRY(ntls_der_time(&body, &cert->not_before));
    NTLS_TRY(ntls_der_time(&body, &cert->not_after));
    return ntls_cur_end(&body);
}

/* issuerUniqueID [1] IMPLICIT BIT STRING OPTIONAL, subjectUniqueID [2] likewise (RFC 5280 4.1.2.8). */
static ntls_result read_unique_id(struct ntls_cur *tbs, unsigned n, struct ntls_cur *out)
{
    struct ntls_cur value, bits;
    bool present;
    unsigned unused;
    NTLS_TRY(ntls_der_optional(tbs, (uint8_t)NTLS_DER_CTX(n), &value, &present));
    if (present) {
        NTLS_TRY(ntls_der_bit_string_value(value, &bits, &unused));
        *out = bits;
    }
    return ntls_ok();
}

/* TBSCertificate (RFC 5280 4.1.2), field by field. */
static ntls_result read_tbs(struct ntls_x509_cert *cert, struct ntls_cur tbs, struct ntls_der_alg *inner_alg)
{
    struct ntls_cur exts;
    bool has_exts;
    NTLS_TRY(read_version(&tbs, &cert->version));
    NTLS_TRY(ntls_der_integer(&tbs, &cert->serial, &cert->serial_negative));
    NTLS_TRY(ntls_der_algorithm(&tbs, inner_alg));
    NTLS_TRY(ntls_x509_name_parse(&tbs, &cert->issuer));
    NTLS_TRY(read_validity(&tbs, cert));
    NTLS_TRY(ntls_x509_name_parse(&tbs, &cert->subject));
    NTLS_TRY(ntls_x509_spki_read(&tbs, &cert->spki));
    NTLS_TRY(read_unique_id(&tbs, 1, &cert->issuer_uid));
    NTLS_TRY(read_unique_id(&tbs, 2, &cert->subject_uid));
    NTLS_TRY(ntls_der_explicit(&tbs, 3, &exts, &has_exts));
    NTLS_TRY(ntls_cur_end(&tbs));
    /* RFC 5280 4.1.2.8 and 4.1.2.9: unique identifiers need v2 or v3, extensions need v3 */
    NTLS_ENSURE(cert->version >= 2 || (cert->issuer_uid.p == NULL && cert->subject_uid.p == NULL),
                NTLS_E_DECODE);
    if (has_exts) {
        NTLS_ENSURE(cert->version == 3, NTLS_E_DECODE);
        NTLS_TRY(ntls_x509_exts_parse(cert, exts));
    }
    return ntls_ok();
}

static ntls_result read_cert(struct ntls_x509_cert *cert)
{
    struct ntls_cur in = ntls_cur_init(cert->der, cert->der_len), body;
    struct ntls_der_tlv tbs;
    struct ntls_der_alg inner_alg;
    NTLS_TRY(ntls_der_sequence(&in, &body));
    NTLS_TRY(ntls_cur_end(&in));
    NTLS_TRY(ntls_der_expect_tlv(&body, NTLS_DER_SEQUENCE, &tbs));
    NTLS_TRY(ntls_der_algorithm(&body, &cert->sig_alg));
    NTLS_TRY(ntls_der_bit_string_octets(&body, &cert->sig_value));
    NTLS_TRY(ntls_cur_end(&body));
    cert->tbs = tbs.raw;
    NTLS_TRY(read_tbs(cert, tbs.value, &inner_alg));
    /* RFC 5280 4.1.1.2: the algorithm inside the signed part MUST equal the outer one */
    NTLS_ENSURE(inner_alg.raw.len == cert->sig_alg.raw.len &&
                    memcmp(inner_alg.raw.p, cert->sig_alg.raw.p, inner_alg.raw.len) == 0,
                NTLS_E_DECODE);
    const struct ntls_oid_info *sig = ntls_oid_find(cert->sig_alg.oid);
    cert->sig = sig != NULL && sig->kind == NTLS_OID_KIND_SIG ? sig : NULL;
    return ntls_ok();
}

ntls_result ntls_x509_cert_parse(struct ntls_x509_cert *cert, const uint8_t *der, size_t len)
{
    memset(cert, 0, sizeof *cert);
    cert->path_len = -1;
    NTLS_TRY(ntls_x509_dup(der, len, &cert->der));
    cert->der_len = len;
    ntls_result r = read_cert(cert);
    if (!ntls_is_ok(r)) {
        ntls_x509_cert_free(cert);
        if (r.err == NTLS_E_DECODE) {
            /* keep the failing site recorded by the DER reader; only the class changes */
            r.err = NTLS_E_BAD_CERTIFICATE;
        }
    }
    return r;
}

void ntls_x509_cert_free(struct ntls_x509_cert *cert)
{
    ntls_free(cert->der);
    ntls_x509_name_free(&cert->issuer);
    ntls_x509_name_free(&cert->subject);
    ntls_free(cert->exts);
    ntls_free(cert->eku);
    ntls_free(cert->san);
    ntls_free(cert->permitted);
    ntls_free(cert->excluded);
    memset(cert, 0, sizeof *cert);
}

const struct ntls_x509_ext *ntls_x509_cert_ext(const struct ntls_x509_cert *cert, enum ntls_oid_id id)
{
    for (size_t i = 0; i < cert->ext_count; i++) {
        if (ntls_oid_is(cert->exts[i].oid, id)) {
            return &cert->exts[i];
        }
    }
    return NULL;
}

ntls_result ntls_x509_cert_key(const struct ntls_x509_cert *cert, struct ntls_x509_key *out)
{
    return ntls_x509_spki_key(&cert->spki, out);
}
