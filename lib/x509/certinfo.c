/* What the verifier needs to know about one certificate (verify_internal.h), worked out as OpenSSL 3.0's
 * crypto/x509/v3_purp.c does (x509v3_cache_extensions, check_ca, the SSL purposes, X509_check_akid,
 * ossl_x509_likely_issued) and its trust settings as crypto/x509/x509_trs.c reads them. Matching OpenSSL
 * here is what makes `openssl verify` and nettls report the same error for the same chain. */
#include "verify_internal.h"

#include <string.h>

#include "../base/mem.h"

/* Critical extensions OpenSSL processes that x509.h's table does not mark (id-pkix-ocsp-nocheck, RFC 6960
 * 4.2.2.2.1: a NULL that only tells OCSP clients not to check the responder). */
static const uint8_t ocsp_nocheck[] = { 0x2b, 0x06, 0x01, 0x05, 0x05, 0x07, 0x30, 0x01, 0x05 };
/* Server Gated Crypto purposes, which OpenSSL accepts in place of serverAuth. */
static const uint8_t ms_sgc[] = { 0x2b, 0x06, 0x01, 0x04, 0x01, 0x82, 0x37, 0x0a, 0x03, 0x03 };
static const uint8_t ns_sgc[] = { 0x60, 0x86, 0x48, 0x01, 0x86, 0xf8, 0x42, 0x04, 0x01 };

static bool oid_eq(struct ntls_cur oid, const uint8_t *der, size_t len)
{
    return oid.len == len && memcmp(oid.p, der, len) == 0;
}

static uint32_t xku_bits(const struct ntls_x509_cert *cert)
{
    static const struct {
        uint32_t eku, xku;
    } map[] = {
        { NTLS_EKU_SERVER_AUTH, NTLS_XKU_SSL_SERVER },
        { NTLS_EKU_CLIENT_AUTH, NTLS_XKU_SSL_CLIENT },
        { NTLS_EKU_EMAIL_PROTECTION, NTLS_XKU_SMIME },
        { NTLS_EKU_CODE_SIGNING, NTLS_XKU_CODE_SIGN },
        { NTLS_EKU_OCSP_SIGNING, NTLS_XKU_OCSP_SIGN },
        { NTLS_EKU_TIME_STAMPING, NTLS_XKU_TIMESTAMP },
        { NTLS_EKU_ANY, NTLS_XKU_ANYEKU },
    };
    uint32_t x = 0;
    for (size_t i = 0; i < sizeof map / sizeof map[0]; i++) {
        if (cert->eku_flags & map[i].eku) {
            x |= map[i].xku;
        }
    }
    for (size_t i = 0; i < cert->eku_count; i++) {
        if (oid_eq(cert->eku[i], ms_sgc, sizeof ms_sgc) || oid_eq(cert->eku[i], ns_sgc, sizeof ns_sgc)) {
            x |= NTLS_XKU_SGC;
        }
    }
    return x;
}

/* NetscapeCertType ::= BIT STRING; OpenSSL keeps its first octet. */
static bool read_nscert(const struct ntls_x509_ext *ext, uint8_t *ns)
{
    struct ntls_cur v = ext->value, bits;
    unsigned unused;
    if (!ntls_is_ok(ntls_der_bit_string(&v, &bits, &unused)) || !ntls_is_ok(ntls_cur_end(&v))) {
        return false;
    }
    *ns = 0;
    return bits.len == 0 || ntls_is_ok(ntls_cur_u8(&bits, ns));
}

/* RFC 5280 4.2.1.13: a DistributionPoint MUST hold a distributionPoint or a cRLIssuer; OpenSSL's setup_dp
 * marks the certificate invalid otherwise. */
static bool crldp_ok(const struct ntls_x509_ext *ext)
{
    struct ntls_cur v = ext->value, list, dp;
    if (!ntls_is_ok(ntls_der_sequence(&v, &list))) {
        return false;
    }
    while (!ntls_cur_empty(&list)) {
        bool named = false;
        if (!ntls_is_ok(ntls_der_sequence(&list, &dp))) {
            return false;
        }
        while (!ntls_cur_empty(&dp)) {
            struct ntls_der_tlv t;
            if (!ntls_is_ok(ntls_der_read(&dp, &t))) {
                return false;
            }
            named = named || t.tag == NTLS_DER_CTX_CONS(0) || t.tag == NTLS_DER_CTX_CONS(2);
        }
        if (!named) {
            return false;
        }
    }
    return true;
}

/* The loop over extensions at the end of x509v3_cache_extensions: the first critical extension OpenSSL
 * does not process stops it (so flags for later critical ones are not set). */
static uint32_t ext_flags(const struct ntls_x509_cert *cert, uint8_t *nscert)
{
    uint32_t f = 0;
    bool critical_seen = false;
    for (size_t i = 0; i < cert->ext_count; i++) {
        const struct ntls_x509_ext *e = &cert->exts[i];
        enum ntls_oid_id id = e->info != NULL ? e->info->id : NTLS_OID_NONE;
        if (id == NTLS_OID_NS_CERT_TYPE) {
            f |= read_nscert(e, nscert) ? NTLS_CI_NSCERT : NTLS_CI_INVALID;
        }
        if (id == NTLS_OID_CRL_DP && !crldp_ok(e)) {
            f |= NTLS_CI_INVALID;
        }
        if (!e->critical || critical_seen) {
            continue;
        }
        bool supported =
            (e->info != NULL && e->info->supported) || oid_eq(e->oid, ocsp_nocheck, sizeof ocsp_nocheck);
        if (!supported) {
            f |= NTLS_CI_CRITICAL;
            critical_seen = true;
        } else if (id == NTLS_OID_BASIC_CONSTRAINTS) {
            f |= NTLS_CI_BCONS_CRITICAL;
        } else if (id == NTLS_OID_SAN) {
            f |= NTLS_CI_SAN_CRITICAL;
        }
    }
    return f;
}

/* The public-key family a signature algorithm needs; NTLS_PK_NONE when nettls does not know it. */
static enum ntls_pk_type sig_pk(const struct ntls_x509_cert *cert)
{
    if (cert->sig == NULL) {
        return NTLS_PK_NONE;
    }
    if (cert->sig->id == NTLS_OID_RSASSA_PSS) {
        return NTLS_PK_RSA;
    }
    return cert->sig->pk;
}

/* check_sig_alg_match in v3_purp.c */
static int sig_alg_match(const struct ntls_x509_certinfo *issuer, const struct ntls_x509_certinfo *subject)
{
    if (issuer->cert->spki.type == NTLS_PK_NONE) {
        return NTLS_X509_V_ERR_NO_ISSUER_PUBLIC_KEY;
    }
    enum ntls_pk_type pk = sig_pk(subject->cert);
    if (pk == NTLS_PK_NONE) {
        return NTLS_X509_V_ERR_UNSUPPORTED_SIGNATURE_ALGORITHM;
    }
    return pk == issuer->cert->spki.type ? NTLS_X509_V_OK : NTLS_X509_V_ERR_SIGNATURE_ALGORITHM_MISMATCH;
}

static bool cur_eq(struct ntls_cur a, struct ntls_cur b)
{
    return a.len == b.len && (a.len == 0 || memcmp(a.p, b.p, a.len) == 0);
}

/* The first directoryName of the AKID's authorityCertIssuer matches the issuer's own issuer name. */
static int akid_issuer_check(const struct ntls_x509_certinfo *issuer, struct ntls_cur names)
{
    while (!ntls_cur_empty(&names)) {
        struct ntls_x509_gname g;
        if (!ntls_is_ok(ntls_x509_gname_read(&names, &g))) {
            return NTLS_X509_V_ERR_AKID_ISSUER_SERIAL_MISMATCH;
        }
        if (g.type != NTLS_GNAME_DIRNAME) {
            continue;
        }
        uint8_t *canon = NULL;
        size_t len = 0;
        bool eq = ntls_is_ok(ntls_x509_name_canon_der(g.value, &canon, &len)) &&
                  ntls_x509_canon_eq(canon, len, issuer->issuer_canon, issuer->issuer_canon_len);
        ntls_free(canon);
        return eq ? NTLS_X509_V_OK : NTLS_X509_V_ERR_AKID_ISSUER_SERIAL_MISMATCH;
    }
    return NTLS_X509_V_OK;
}

/* X509_check_akid(issuer, subject's AKID), RFC 5280 4.2.1.1 */
static int check_akid(const struct ntls_x509_certinfo *issuer, const struct ntls_x509_certinfo *subject)
{
    const struct ntls_x509_cert *s = subject->cert, *i = issuer->cert;
    if ((s->ext_flags & NTLS_EXT_AKID) == 0) {
        return NTLS_X509_V_OK;
    }
    if (s->akid_keyid.p != NULL && i->skid.p != NULL && !cur_eq(s->akid_keyid, i->skid)) {
        return NTLS_X509_V_ERR_AKID_SKID_MISMATCH;
    }
    if (s->akid_serial.p != NULL && !cur_eq(s->akid_serial, i->serial)) {
        return NTLS_X509_V_ERR_AKID_ISSUER_SERIAL_MISMATCH;
    }
    if (s->akid_issuer.p != NULL) {
        return akid_issuer_check(issuer, s->akid_issuer);
    }
    return NTLS_X509_V_OK;
}

static ntls_result canon_of(const struct ntls_x509_name *name, uint8_t **out, size_t *len, uint32_t *hash,
                            uint32_t *flags)
{
    ntls_result r = ntls_x509_name_canon(name, out, len);
    if (r.err == NTLS_E_NOMEM) {
        return r;
    }
    if (!ntls_is_ok(r)) {
        *out = NULL;
        *flags |= NTLS_CI_INVALID; /* OpenSSL fails to decode such a name at all */
        return ntls_ok();
    }
    *hash = ntls_x509_canon_hash(*out, *len);
    return ntls_ok();
}

ntls_result ntls_x509_certinfo_init(struct ntls_x509_certinfo *ci, const struct ntls_x509_cert *cert)
{
    memset(ci, 0, sizeof *ci);
    ci->cert = cert;
    uint32_t f = 0;
    ntls_result r =
        canon_of(&cert->subject, &ci->subject_canon, &ci->subject_canon_len, &ci->subject_hash, &f);
    if (ntls_is_ok(r)) {
        r = canon_of(&cert->issuer, &ci->issuer_canon, &ci->issuer_canon_len, &ci->issuer_hash, &f);
    }
    if (!ntls_is_ok(r)) {
        ntls_x509_certinfo_free(ci);
        return r;
    }
    f |= cert->version == 1 ? NTLS_CI_V1 : 0;
    if (cert->ext_flags & NTLS_EXT_BASIC_CONSTRAINTS) {
        f |= NTLS_CI_BCONS | (cert->ca ? NTLS_CI_CA : 0);
    }
    if (cert->ext_flags & NTLS_EXT_KEY_USAGE) {
        /* RFC 5280 4.2.1.3: at least one bit MUST be set; OpenSSL marks an empty one invalid */
        f |= NTLS_CI_KUSAGE | (cert->key_usage == 0 ? NTLS_CI_INVALID : 0);
    }
    if (cert->ext_flags & NTLS_EXT_EKU) {
        f |= NTLS_CI_XKUSAGE;
        ci->xku = xku_bits(cert);
    }
    f |= ext_flags(cert, &ci->nscert);
    if (cert->spki.type == NTLS_PK_EC && ntls_der_peek(&cert->spki.params, NTLS_DER_SEQUENCE)) {
        f |= NTLS_CI_EC_EXPLICIT; /* specifiedCurve (RFC 5480 2.1.1 forbids it) */
    }
    ci->flags = f;
    if (ntls_x509_canon_eq(ci->subject_canon, ci->subject_canon_len, ci->issuer_canon,
                           ci->issuer_canon_len)) {
        ci->flags |= NTLS_CI_SI;
        if (check_akid(ci, ci) == NTLS_X509_V_OK && sig_alg_match(ci, ci) == NTLS_X509_V_OK) {
            ci->flags |= NTLS_CI_SS;
        }
    }
    return ntls_ok();
}

void ntls_x509_certinfo_free(struct ntls_x509_certinfo *ci)
{
    ntls_free(ci->subject_canon);
    ntls_free(ci->issuer_canon);
    memset(ci, 0, sizeof *ci);
}

static bool ku_reject(const struct ntls_x509_certinfo *ci, uint16_t usage)
{
    return (ci->flags & NTLS_CI_KUSAGE) != 0 && (ci->cert->key_usage & usage) == 0;
}

static bool xku_reject(const struct ntls_x509_certinfo *ci, uint32_t usage)
{
    return (ci->flags & NTLS_CI_XKUSAGE) != 0 && (ci->xku & usage) == 0;
}

static bool ns_reject(const struct ntls_x509_certinfo *ci, uint8_t usage)
{
    return (ci->flags & NTLS_CI_NSCERT) != 0 && (ci->nscert & usage) == 0;
}

int ntls_x509_ci_check_ca(const struct ntls_x509_certinfo *ci)
{
    if ((ci->flags & NTLS_CI_INVALID) || ku_reject(ci, NTLS_KU_KEY_CERT_SIGN)) {
        return 0;
    }
    if (ci->flags & NTLS_CI_BCONS) {
        return (ci->flags & NTLS_CI_CA) ? 1 : 0;
    }
    if ((ci->flags & (NTLS_CI_V1 | NTLS_CI_SS)) == (NTLS_CI_V1 | NTLS_CI_SS)) {
        return 3;
    }
    if (ci->flags & NTLS_CI_KUSAGE) {
        return 4;
    }
    if ((ci->flags & NTLS_CI_NSCERT) && (ci->nscert & NTLS_NS_ANY_CA)) {
        return 5;
    }
    return 0;
}

static int check_ssl_ca(const struct ntls_x509_certinfo *ci)
{
    int ca = ntls_x509_ci_check_ca(ci);
    if (ca == 0) {
        return 0;
    }
    return ca != 5 || (ci->nscert & NTLS_NS_SSL_CA) != 0;
}

int ntls_x509_ci_check_purpose(const struct ntls_x509_certinfo *ci, int purpose, bool non_leaf)
{
    if (ci->flags & NTLS_CI_INVALID) {
        return -1;
    }
    const uint16_t ku_tls = NTLS_KU_DIGITAL_SIGNATURE | NTLS_KU_KEY_ENCIPHERMENT | NTLS_KU_KEY_AGREEMENT;
    switch (purpose) {
    case NTLS_X509_PURPOSE_SSL_CLIENT:
        if (xku_reject(ci, NTLS_XKU_SSL_CLIENT)) {
            return 0;
        }
        if (non_leaf) {
            return check_ssl_ca(ci);
        }
        return !ku_reject(ci, NTLS_KU_DIGITAL_SIGNATURE | NTLS_KU_KEY_AGREEMENT) &&
               !ns_reject(ci, NTLS_NS_SSL_CLIENT);
    case NTLS_X509_PURPOSE_SSL_SERVER:
    case NTLS_X509_PURPOSE_NS_SSL_SERVER:
        if (xku_reject(ci, NTLS_XKU_SSL_SERVER | NTLS_XKU_SGC)) {
            return 0;
        }
        if (non_leaf) {
            return check_ssl_ca(ci);
        }
        if (ns_reject(ci, NTLS_NS_SSL_SERVER) || ku_reject(ci, ku_tls)) {
            return 0;
        }
        /* Netscape servers also want to encipher */
        return purpose != NTLS_X509_PURPOSE_NS_SSL_SERVER || !ku_reject(ci, NTLS_KU_KEY_ENCIPHERMENT);
    default:
        return 1;
    }
}

int ntls_x509_ci_signing_allowed(const struct ntls_x509_certinfo *issuer)
{
    return ku_reject(issuer, NTLS_KU_KEY_CERT_SIGN) ? NTLS_X509_V_ERR_KEYUSAGE_NO_CERTSIGN : NTLS_X509_V_OK;
}

int ntls_x509_ci_likely_issued(const struct ntls_x509_certinfo *issuer,
                               const struct ntls_x509_certinfo *subject)
{
    if (!ntls_x509_canon_eq(issuer->subject_canon, issuer->subject_canon_len, subject->issuer_canon,
                            subject->issuer_canon_len)) {
        return NTLS_X509_V_ERR_SUBJECT_ISSUER_MISMATCH;
    }
    if ((issuer->flags | subject->flags) & NTLS_CI_INVALID) {
        return NTLS_X509_V_ERR_UNSPECIFIED;
    }
    int r = check_akid(issuer, subject);
    return r != NTLS_X509_V_OK ? r : sig_alg_match(issuer, subject);
}

static int trust_compat(const struct ntls_x509_certinfo *ci, unsigned flags)
{
    if ((ci->flags & NTLS_CI_INVALID) == 0 && (flags & NTLS_TRUST_NO_SS_COMPAT) == 0 &&
        (ci->flags & NTLS_CI_SS)) {
        return NTLS_TRUST_TRUSTED;
    }
    return NTLS_TRUST_UNTRUSTED;
}

/* obj_trust in x509_trs.c: explicit reject, then explicit trust (a trust list that does not name the
 * purpose rejects), then the self-signed compatibility rule. */
static int obj_trust(const struct ntls_x509_certinfo *ci, uint32_t bit, unsigned flags)
{
    uint32_t any = (flags & NTLS_TRUST_OK_ANY_EKU) ? NTLS_X509_AUX_ANY_EKU : 0;
    if ((ci->flags & NTLS_CI_AUX_REJECT) && (ci->aux_reject & (bit | any))) {
        return NTLS_TRUST_REJECTED;
    }
    if (ci->flags & NTLS_CI_AUX_TRUST) {
        return (ci->aux_trust & (bit | any)) ? NTLS_TRUST_TRUSTED : NTLS_TRUST_REJECTED;
    }
    if ((flags & NTLS_TRUST_DO_SS_COMPAT) == 0) {
        return NTLS_TRUST_UNTRUSTED;
    }
    return trust_compat(ci, flags);
}

int ntls_x509_ci_check_trust(const struct ntls_x509_certinfo *ci, int trust, unsigned flags)
{
    const unsigned one_oid_any = NTLS_TRUST_DO_SS_COMPAT | NTLS_TRUST_OK_ANY_EKU;
    switch (trust) {
    case NTLS_X509_TRUST_DEFAULT:
        return obj_trust(ci, NTLS_X509_AUX_ANY_EKU, flags | NTLS_TRUST_DO_SS_COMPAT);
    case NTLS_X509_TRUST_SSL_CLIENT:
        return obj_trust(ci, NTLS_X509_AUX_CLIENT_AUTH, flags | one_oid_any);
    case NTLS_X509_TRUST_SSL_SERVER:
        return obj_trust(ci, NTLS_X509_AUX_SERVER_AUTH, flags | one_oid_any);
    case NTLS_X509_TRUST_EMAIL:
        return obj_trust(ci, NTLS_X509_AUX_EMAIL, flags | one_oid_any);
    default:
        return trust_compat(ci, flags);
    }
}

int ntls_x509_purpose_trust(int purpose)
{
    switch (purpose) {
    case NTLS_X509_PURPOSE_SSL_CLIENT:
        return NTLS_X509_TRUST_SSL_CLIENT;
    case NTLS_X509_PURPOSE_SSL_SERVER:
    case NTLS_X509_PURPOSE_NS_SSL_SERVER:
        return NTLS_X509_TRUST_SSL_SERVER;
    default:
        return NTLS_X509_TRUST_DEFAULT;
    }
}
