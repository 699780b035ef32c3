/* Certificate extensions and GeneralNames (x509.h), RFC 5280 4.2. Each known extension is parsed into the
 * certificate's fields; every extension is also kept raw in cert->exts. */
#include "x509_internal.h"

#include <limits.h>
#include <string.h>

#include "../base/mem.h"

/* Counts the elements of a SEQUENCE OF body, checking each is a well-formed element. */
static ntls_result count_elements(struct ntls_cur body, size_t *n)
{
    size_t count = 0;
    while (!ntls_cur_empty(&body)) {
        struct ntls_der_tlv tlv;
        NTLS_TRY(ntls_der_read(&body, &tlv));
        count++;
    }
    *n = count;
    return ntls_ok();
}

static bool ia5(struct ntls_cur s)
{
    return ntls_is_ok(ntls_der_string_value(NTLS_DER_IA5_STRING, s));
}

/* OtherName ::= SEQUENCE { type-id OBJECT IDENTIFIER, value [0] EXPLICIT ANY } */
static ntls_result check_other_name(struct ntls_cur body)
{
    struct ntls_cur oid, inner;
    struct ntls_der_tlv any;
    NTLS_TRY(ntls_der_oid(&body, &oid));
    NTLS_TRY(ntls_der_explicit(&body, 0, &inner, NULL));
    NTLS_TRY(ntls_der_read(&inner, &any));
    NTLS_TRY(ntls_cur_end(&inner));
    return ntls_cur_end(&body);
}

/* GeneralName ::= CHOICE { ... } (RFC 5280 4.2.1.6); the module uses IMPLICIT tags, except that
 * directoryName is EXPLICIT because Name is a CHOICE. */
ntls_result ntls_x509_gname_read(struct ntls_cur *in, struct ntls_x509_gname *out)
{
    struct ntls_cur c = *in, inner;
    struct ntls_der_tlv t;
    NTLS_TRY(ntls_der_read(&c, &t));
    NTLS_ENSURE((t.tag & 0xc0) == 0x80, NTLS_E_DECODE); /* context-specific class */
    bool cons = (t.tag & 0x20) != 0;
    unsigned n = t.tag & 0x1f;
    switch (n) {
    case NTLS_GNAME_OTHER:
        NTLS_ENSURE(cons, NTLS_E_DECODE);
        NTLS_TRY(check_other_name(t.value));
        break;
    case NTLS_GNAME_EMAIL:
    case NTLS_GNAME_DNS:
    case NTLS_GNAME_URI:
        NTLS_ENSURE(!cons && ia5(t.value), NTLS_E_DECODE);
        break;
    case NTLS_GNAME_X400:
    case NTLS_GNAME_EDIPARTY:
        NTLS_ENSURE(cons, NTLS_E_DECODE); /* kept opaque: nothing in nettls looks inside */
        break;
    case NTLS_GNAME_DIRNAME:
        NTLS_ENSURE(cons, NTLS_E_DECODE);
        inner = t.value;
        NTLS_TRY(ntls_x509_name_check(&inner));
        NTLS_TRY(ntls_cur_end(&inner));
        break;
    case NTLS_GNAME_IP:
        NTLS_ENSURE(!cons, NTLS_E_DECODE);
        NTLS_ENSURE(t.value.len == 4 || t.value.len == 16 || t.value.len == 8 || t.value.len == 32,
                    NTLS_E_DECODE);
        break;
    case NTLS_GNAME_RID:
        NTLS_ENSURE(!cons, NTLS_E_DECODE);
        NTLS_TRY(ntls_der_oid_value(t.value));
        break;
    default:
        return ntls_error(NTLS_E_DECODE);
    }
    *out = (struct ntls_x509_gname){ .type = (enum ntls_gname_type)n, .value = t.value, .raw = t.raw };
    *in = c;
    return ntls_ok();
}

/* GeneralNames ::= SEQUENCE SIZE (1..MAX) OF GeneralName, given its content; an IP entry must be a bare
 * address (4 or 16 octets). Fills a fresh array when out is non-NULL, else only checks. */
static ntls_result read_gnames(struct ntls_cur body, struct ntls_x509_gname **out, size_t *count)
{
    size_t n;
    NTLS_TRY(count_elements(body, &n));
    NTLS_ENSURE(n > 0, NTLS_E_DECODE);
    struct ntls_x509_gname *names = NULL;
    if (out != NULL) {
        names = ntls_calloc(n, sizeof *names);
        NTLS_ENSURE(names != NULL, NTLS_E_NOMEM);
        *out = names; /* owned by the certificate from here, freed with it on any failure */
        *count = n;
    }
    for (size_t i = 0; i < n; i++) {
        struct ntls_x509_gname g;
        NTLS_TRY(ntls_x509_gname_read(&body, &g));
        NTLS_ENSURE(g.type != NTLS_GNAME_IP || g.value.len == 4 || g.value.len == 16, NTLS_E_DECODE);
        if (names != NULL) {
            names[i] = g;
        }
    }
    return ntls_ok();
}

/* BasicConstraints ::= SEQUENCE { cA BOOLEAN DEFAULT FALSE, pathLenConstraint INTEGER (0..MAX) OPTIONAL }
 * (RFC 5280 4.2.1.9). An explicit FALSE breaks DER's DEFAULT rule but is common; accepted. */
static ntls_result ext_basic_constraints(struct ntls_x509_cert *cert, struct ntls_cur v)
{
    struct ntls_cur body;
    NTLS_TRY(ntls_der_sequence(&v, &body));
    NTLS_TRY(ntls_cur_end(&v));
    if (ntls_der_peek(&body, NTLS_DER_BOOLEAN)) {
        NTLS_TRY(ntls_der_bool(&body, &cert->ca));
    }
    if (ntls_der_peek(&body, NTLS_DER_INTEGER)) {
        uint64_t len;
        NTLS_TRY(ntls_der_u64(&body, &len));
        NTLS_ENSURE(len <= INT_MAX, NTLS_E_DECODE);
        cert->path_len = (int)len;
    }
    return ntls_cur_end(&body);
}

/* KeyUsage ::= BIT STRING (RFC 5280 4.2.1.3): nine named bits, so at most two octets are meaningful. */
static ntls_result ext_key_usage(struct ntls_x509_cert *cert, struct ntls_cur v)
{
    struct ntls_cur bits;
    unsigned unused;
    uint8_t b0 = 0, b1 = 0;
    NTLS_TRY(ntls_der_bit_string(&v, &bits, &unused));
    NTLS_TRY(ntls_cur_end(&v));
    if (bits.len > 0) {
        NTLS_TRY(ntls_cur_u8(&bits, &b0));
    }
    if (bits.len > 0) {
        NTLS_TRY(ntls_cur_u8(&bits, &b1));
    }
    cert->key_usage = (uint16_t)(b0 | (b1 << 8));
    return ntls_ok();
}

static uint32_t eku_flag(struct ntls_cur oid)
{
    static const struct {
        enum ntls_oid_id id;
        uint32_t flag;
    } known[] = {
        { NTLS_OID_SERVER_AUTH, NTLS_EKU_SERVER_AUTH },
        { NTLS_OID_CLIENT_AUTH, NTLS_EKU_CLIENT_AUTH },
        { NTLS_OID_CODE_SIGNING, NTLS_EKU_CODE_SIGNING },
        { NTLS_OID_EMAIL_PROTECTION, NTLS_EKU_EMAIL_PROTECTION },
        { NTLS_OID_TIME_STAMPING, NTLS_EKU_TIME_STAMPING },
        { NTLS_OID_OCSP_SIGNING, NTLS_EKU_OCSP_SIGNING },
        { NTLS_OID_ANY_EKU, NTLS_EKU_ANY },
    };
    for (size_t i = 0; i < sizeof known / sizeof known[0]; i++) {
        if (ntls_oid_is(oid, known[i].id)) {
            return known[i].flag;
        }
    }
    return 0;
}

/* ExtKeyUsageSyntax ::= SEQUENCE SIZE (1..MAX) OF KeyPurposeId (RFC 5280 4.2.1.12) */
static ntls_result ext_eku(struct ntls_x509_cert *cert, struct ntls_cur v)
{
    struct ntls_cur body;
    size_t n;
    NTLS_TRY(ntls_der_sequence(&v, &body));
    NTLS_TRY(ntls_cur_end(&v));
    NTLS_TRY(count_elements(body, &n));
    NTLS_ENSURE(n > 0, NTLS_E_DECODE);
    cert->eku = ntls_calloc(n, sizeof *cert->eku);
    NTLS_ENSURE(cert->eku != NULL, NTLS_E_NOMEM);
    cert->eku_count = n;
    for (size_t i = 0; i < n; i++) {
        NTLS_TRY(ntls_der_oid(&body, &cert->eku[i]));
        cert->eku_flags |= eku_flag(cert->eku[i]);
    }
    return ntls_ok();
}

static ntls_result ext_san(struct ntls_x509_cert *cert, struct ntls_cur v)
{
    struct ntls_cur body;
    NTLS_TRY(ntls_der_sequence(&v, &body));
    NTLS_TRY(ntls_cur_end(&v));
    return read_gnames(body, &cert->san, &cert->san_count);
}

/* GeneralSubtrees ::= SEQUENCE SIZE (1..MAX) OF GeneralSubtree
 * GeneralSubtree ::= SEQUENCE { base GeneralName, minimum [0] BaseDistance DEFAULT 0,
 *                               maximum [1] BaseDistance OPTIONAL }
 * An iPAddress base is an address and a mask: 8 or 32 octets (RFC 5280 4.2.1.10). */
static ntls_result read_subtrees(struct ntls_cur body, struct ntls_x509_subtree **out, size_t *count)
{
    size_t n;
    NTLS_TRY(count_elements(body, &n));
    NTLS_ENSURE(n > 0, NTLS_E_DECODE);
    *out = ntls_calloc(n, sizeof **out);
    NTLS_ENSURE(*out != NULL, NTLS_E_NOMEM);
    *count = n;
    for (size_t i = 0; i < n; i++) {
        struct ntls_x509_subtree *t = &(*out)[i];
        struct ntls_cur sub, dist;
        bool present;
        NTLS_TRY(ntls_der_sequence(&body, &sub));
        NTLS_TRY(ntls_x509_gname_read(&sub, &t->base));
        NTLS_ENSURE(t->base.type != NTLS_GNAME_IP || t->base.value.len == 8 || t->base.value.len == 32,
                    NTLS_E_DECODE);
        NTLS_TRY(ntls_der_optional(&sub, NTLS_DER_CTX(0), &dist, &present));
        if (present) {
            NTLS_TRY(ntls_der_u64_value(dist, &t->minimum));
        }
        NTLS_TRY(ntls_der_optional(&sub, NTLS_DER_CTX(1), &dist, &t->has_maximum));
        if (t->has_maximum) {
            NTLS_TRY(ntls_der_u64_value(dist, &t->maximum));
        }
        NTLS_TRY(ntls_cur_end(&sub));
    }
    return ntls_ok();
}

/* NameConstraints ::= SEQUENCE { permittedSubtrees [0] GeneralSubtrees OPTIONAL,
 *                                excludedSubtrees [1] GeneralSubtrees OPTIONAL }
 * RFC 5280 4.2.1.10: an empty sequence MUST NOT be issued. */
static ntls_result ext_name_constraints(struct ntls_x509_cert *cert, struct ntls_cur v)
{
    struct ntls_cur body, trees;
    bool permitted, excluded;
    NTLS_TRY(ntls_der_sequence(&v, &body));
    NTLS_TRY(ntls_cur_end(&v));
    NTLS_TRY(ntls_der_optional(&body, NTLS_DER_CTX_CONS(0), &trees, &permitted));
    if (permitted) {
        NTLS_TRY(read_subtrees(trees, &cert->permitted, &cert->permitted_count));
    }
    NTLS_TRY(ntls_der_optional(&body, NTLS_DER_CTX_CONS(1), &trees, &excluded));
    if (excluded) {
        NTLS_TRY(read_subtrees(trees, &cert->excluded, &cert->excluded_count));
    }
    NTLS_ENSURE(permitted || excluded, NTLS_E_DECODE);
    return ntls_cur_end(&body);
}

/* AuthorityKeyIdentifier ::= SEQUENCE { keyIdentifier [0] KeyIdentifier OPTIONAL,
 *     authorityCertIssuer [1] GeneralNames OPTIONAL, authorityCertSerialNumber [2] INTEGER OPTIONAL }
 * (RFC 5280 4.2.1.1) */
static ntls_result ext_akid(struct ntls_x509_cert *cert, struct ntls_cur v)
{
    struct ntls_cur body;
    bool present, negative;
    NTLS_TRY(ntls_der_sequence(&v, &body));
    NTLS_TRY(ntls_cur_end(&v));
    NTLS_TRY(ntls_der_optional(&body, NTLS_DER_CTX(0), &cert->akid_keyid, &present));
    NTLS_TRY(ntls_der_optional(&body, NTLS_DER_CTX_CONS(1), &cert->akid_issuer, &present));
    if (present) {
        NTLS_TRY(read_gnames(cert->akid_issuer, NULL, NULL));
    }
    NTLS_TRY(ntls_der_optional(&body, NTLS_DER_CTX(2), &cert->akid_serial, &present));
    if (present) {
        NTLS_TRY(ntls_der_integer_value(cert->akid_serial, &negative));
    }
    return ntls_cur_end(&body);
}

static ntls_result ext_skid(struct ntls_x509_cert *cert, struct ntls_cur v)
{
    NTLS_TRY(ntls_der_octet_string(&v, &cert->skid));
    return ntls_cur_end(&v);
}

/* certificatePolicies, cRLDistributionPoints and authorityInfoAccess are all SEQUENCE SIZE (1..MAX) OF
 * SEQUENCE; their contents matter to later work (policy checks, CRL and OCSP fetching), so only their shape
 * is checked here and the raw value is kept in cert->exts. */
static ntls_result ext_seq_of_seq(struct ntls_cur v)
{
    struct ntls_cur body, item;
    NTLS_TRY(ntls_der_sequence(&v, &body));
    NTLS_TRY(ntls_cur_end(&v));
    NTLS_ENSURE(!ntls_cur_empty(&body), NTLS_E_DECODE);
    while (!ntls_cur_empty(&body)) {
        NTLS_TRY(ntls_der_sequence(&body, &item));
    }
    return ntls_ok();
}

static ntls_result ext_dispatch(struct ntls_x509_cert *cert, const struct ntls_oid_info *info,
                                struct ntls_cur v)
{
    switch (info->id) {
    case NTLS_OID_BASIC_CONSTRAINTS:
        cert->ext_flags |= NTLS_EXT_BASIC_CONSTRAINTS;
        return ext_basic_constraints(cert, v);
    case NTLS_OID_KEY_USAGE:
        cert->ext_flags |= NTLS_EXT_KEY_USAGE;
        return ext_key_usage(cert, v);
    case NTLS_OID_EKU:
        cert->ext_flags |= NTLS_EXT_EKU;
        return ext_eku(cert, v);
    case NTLS_OID_SAN:
        cert->ext_flags |= NTLS_EXT_SAN;
        return ext_san(cert, v);
    case NTLS_OID_NAME_CONSTRAINTS:
        cert->ext_flags |= NTLS_EXT_NAME_CONSTRAINTS;
        return ext_name_constraints(cert, v);
    case NTLS_OID_AKID:
        cert->ext_flags |= NTLS_EXT_AKID;
        return ext_akid(cert, v);
    case NTLS_OID_SKID:
        cert->ext_flags |= NTLS_EXT_SKID;
        return ext_skid(cert, v);
    case NTLS_OID_CERT_POLICIES:
        cert->ext_flags |= NTLS_EXT_CERT_POLICIES;
        return ext_seq_of_seq(v);
    case NTLS_OID_CRL_DP:
        cert->ext_flags |= NTLS_EXT_CRL_DP;
        return ext_seq_of_seq(v);
    case NTLS_OID_AIA:
        cert->ext_flags |= NTLS_EXT_AIA;
        return ext_seq_of_seq(v);
    default:
        return ntls_ok(); /* known by name only: kept raw */
    }
}

/* Extension ::= SEQUENCE { extnID OBJECT IDENTIFIER, critical BOOLEAN DEFAULT FALSE,
 *                          extnValue OCTET STRING } */
static ntls_result read_ext(struct ntls_cur *list, struct ntls_x509_ext *ext)
{
    struct ntls_cur body;
    NTLS_TRY(ntls_der_sequence(list, &body));
    NTLS_TRY(ntls_der_oid(&body, &ext->oid));
    ext->critical = false;
    if (ntls_der_peek(&body, NTLS_DER_BOOLEAN)) {
        NTLS_TRY(ntls_der_bool(&body, &ext->critical));
    }
    NTLS_TRY(ntls_der_octet_string(&body, &ext->value));
    NTLS_TRY(ntls_cur_end(&body));
    const struct ntls_oid_info *info = ntls_oid_find(ext->oid);
    ext->info = info != NULL && info->kind == NTLS_OID_KIND_EXT ? info : NULL;
    return ntls_ok();
}

/* Extensions ::= SEQUENCE SIZE (1..MAX) OF Extension (RFC 5280 4.1.2.9): "A certificate MUST NOT include
 * more than one instance of a particular extension"; an unknown critical one is flagged, not refused. */
ntls_result ntls_x509_exts_parse(struct ntls_x509_cert *cert, struct ntls_cur exts)
{
    struct ntls_cur list;
    size_t n;
    NTLS_TRY(ntls_der_sequence(&exts, &list));
    NTLS_TRY(ntls_cur_end(&exts));
    NTLS_TRY(count_elements(list, &n));
    NTLS_ENSURE(n > 0, NTLS_E_DECODE);
    cert->exts = ntls_calloc(n, sizeof *cert->exts);
    NTLS_ENSURE(cert->exts != NULL, NTLS_E_NOMEM);
    cert->ext_count = n;
    for (size_t i = 0; i < n; i++) {
        struct ntls_x509_ext *ext = &cert->exts[i];
        NTLS_TRY(read_ext(&list, ext));
        for (size_t j = 0; j < i; j++) {
            NTLS_ENSURE(cert->exts[j].oid.len != ext->oid.len ||
                            memcmp(cert->exts[j].oid.p, ext->oid.p, ext->oid.len) != 0,
                        NTLS_E_DECODE);
        }
        if (ext->info != NULL) {
            NTLS_TRY(ext_dispatch(cert, ext->info, ext->value));
        }
        if (ext->critical && (ext->info == NULL || !ext->info->supported)) {
            cert->unhandled_critical = true;
        }
    }
    return ntls_ok();
}
