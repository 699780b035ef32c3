/* Name constraints (RFC 5280 4.2.1.10, 6.1.3 (b) and (c)) as OpenSSL 3.0 checks them
 * (crypto/x509/v3_ncons.c): the subject (as a directoryName, and its emailAddress attributes as
 * rfc822Names) and every subjectAltName against the permitted and excluded subtrees of one CA. A name is
 * constrained only by subtrees of its own type; when a CA permits some subtrees of that type, one must
 * match. The forms: dNSName by trailing labels, rfc822Name by mailbox, host or ".domain", URI by the host
 * of "scheme://host[:port][/...]", iPAddress by address and mask, directoryName by leading RDNs. */
#include "verify_internal.h"

#include <string.h>

#include "../base/mem.h"

#define NC_MAX_WORK (1u << 20) /* names times constraints: more is refused as a denial of service */

static const uint8_t smtp_utf8_mailbox[] = { 0x2b, 0x06, 0x01, 0x05, 0x05, 0x07, 0x08, 0x09 };

/* A name to check: the GeneralName, and for a directoryName its canonical encoding. */
struct nc_name {
    enum ntls_gname_type type;
    struct ntls_cur value; /* DNS, EMAIL, URI, IP; OTHER: the OtherName content */
    const uint8_t *canon; /* DIRNAME */
    size_t canon_len;
    struct ntls_cur other_oid; /* OTHER: type-id */
    struct ntls_cur mailbox; /* OTHER SmtpUTF8Mailbox: the UTF8String (RFC 8398 6) */
    bool is_mailbox;
};

/* Equal lengths and the same octets, ASCII letters in either case. */
static bool nocase_eq(struct ntls_cur a, struct ntls_cur b)
{
    if (a.len != b.len) {
        return false;
    }
    for (size_t i = 0; i < a.len; i++) {
        uint8_t x = a.p[i], y = b.p[i];
        x = (x >= 'A' && x <= 'Z') ? (uint8_t)(x + 0x20) : x;
        y = (y >= 'A' && y <= 'Z') ? (uint8_t)(y + 0x20) : y;
        if (x != y) {
            return false;
        }
    }
    return true;
}

/* The last n octets of s (s when shorter). */
static struct ntls_cur tail(struct ntls_cur s, size_t n)
{
    return n <= s.len ? ntls_x509_span(s, s.len - n, n) : s;
}

/* Index of the last c in s, or s.len when absent. */
static size_t last_index(struct ntls_cur s, uint8_t c)
{
    for (size_t i = s.len; i > 0; i--) {
        if (s.p[i - 1] == c) {
            return i - 1;
        }
    }
    return s.len;
}

/* Index of the first c in s at or after from, or s.len when absent. */
static size_t first_index(struct ntls_cur s, size_t from, uint8_t c)
{
    for (size_t i = from; i < s.len; i++) {
        if (s.p[i] == c) {
            return i;
        }
    }
    return s.len;
}

static bool has_byte(struct ntls_cur s, uint8_t c)
{
    return first_index(s, 0, c) != s.len;
}

static int nc_dn(const struct nc_name *nm, struct ntls_cur base)
{
    uint8_t *canon;
    size_t len;
    if (!ntls_is_ok(ntls_x509_name_canon_der(base, &canon, &len))) {
        return NTLS_X509_V_ERR_UNSUPPORTED_CONSTRAINT_SYNTAX;
    }
    bool ok = nm->canon != NULL && len <= nm->canon_len && (len == 0 || memcmp(canon, nm->canon, len) == 0);
    ntls_free(canon);
    return ok ? NTLS_X509_V_OK : NTLS_X509_V_ERR_PERMITTED_VIOLATION;
}

/* dNSName: the base, or the base preceded by labels ("example.com" covers "www.example.com"). */
static int nc_dns(struct ntls_cur dns, struct ntls_cur base)
{
    if (base.len == 0) {
        return NTLS_X509_V_OK;
    }
    if (dns.len < base.len) {
        return NTLS_X509_V_ERR_PERMITTED_VIOLATION;
    }
    size_t off = dns.len - base.len;
    if (off > 0 && base.p[0] != '.' && dns.p[off - 1] != '.') {
        return NTLS_X509_V_ERR_PERMITTED_VIOLATION;
    }
    return nocase_eq(base, tail(dns, base.len)) ? NTLS_X509_V_OK : NTLS_X509_V_ERR_PERMITTED_VIOLATION;
}

/* The host of a mailbox or base (after its last '@'). */
static struct ntls_cur after(struct ntls_cur s, size_t at)
{
    return ntls_x509_span(s, at + 1, s.len - at - 1);
}

/* rfc822Name: a mailbox (local part exact, host without case), a host, or ".domain" for any host in it. */
static int nc_email(struct ntls_cur eml, struct ntls_cur base)
{
    size_t emlat = last_index(eml, '@'), baseat = last_index(base, '@');
    struct ntls_cur host = base;
    if (emlat == eml.len) {
        return NTLS_X509_V_ERR_UNSUPPORTED_NAME_SYNTAX;
    }
    if (baseat == base.len && base.len > 0 && base.p[0] == '.') {
        if (eml.len > base.len && nocase_eq(base, tail(eml, base.len))) {
            return NTLS_X509_V_OK;
        }
        return NTLS_X509_V_ERR_PERMITTED_VIOLATION;
    }
    if (baseat != base.len) {
        if (baseat != 0) {
            struct ntls_cur bl = ntls_x509_span(base, 0, baseat), el = ntls_x509_span(eml, 0, emlat);
            if (baseat != emlat) {
                return NTLS_X509_V_ERR_PERMITTED_VIOLATION;
            }
            if (has_byte(bl, 0) || has_byte(el, 0)) {
                return NTLS_X509_V_ERR_UNSUPPORTED_NAME_SYNTAX;
            }
            if (memcmp(bl.p, el.p, emlat) != 0) {
                return NTLS_X509_V_ERR_PERMITTED_VIOLATION;
            }
        }
        host = after(base, baseat);
    }
    return nocase_eq(host, after(eml, emlat)) ? NTLS_X509_V_OK : NTLS_X509_V_ERR_PERMITTED_VIOLATION;
}

/* SmtpUTF8Mailbox against an rfc822Name base (nc_email_eai). The base's A-labels would have to be turned
 * into U-labels; nettls has no IDNA code, so a base with an "xn--" label is an error (not a match). */
static int nc_email_eai(struct ntls_cur eml, struct ntls_cur base)
{
    if (has_byte(base, 0)) {
        return NTLS_X509_V_ERR_UNSUPPORTED_NAME_SYNTAX;
    }
    for (size_t i = 0; i + 4 <= base.len; i++) {
        if ((i == 0 || base.p[i - 1] == '.') &&
            nocase_eq(ntls_x509_span(base, i, 4), ntls_cur_init("xn--", 4))) {
            return NTLS_X509_V_ERR_UNSPECIFIED;
        }
    }
    size_t emlat = last_index(eml, '@');
    if (emlat == eml.len) {
        return NTLS_X509_V_ERR_UNSUPPORTED_NAME_SYNTAX;
    }
    if (base.len > 0 && base.p[0] == '.') {
        if (eml.len > base.len && nocase_eq(base, tail(eml, base.len))) {
            return NTLS_X509_V_OK;
        }
        return NTLS_X509_V_ERR_PERMITTED_VIOLATION;
    }
    return nocase_eq(base, after(eml, emlat)) ? NTLS_X509_V_OK : NTLS_X509_V_ERR_PERMITTED_VIOLATION;
}

/* URI: the host between "scheme://" and the next ':' or '/', as a host or ".domain". */
static int nc_uri(struct ntls_cur uri, struct ntls_cur base)
{
    size_t colon = first_index(uri, 0, ':');
    if (colon == uri.len || uri.len - colon < 3 || uri.p[colon + 1] != '/' || uri.p[colon + 2] != '/') {
        return NTLS_X509_V_ERR_UNSUPPORTED_NAME_SYNTAX;
    }
    size_t start = colon + 3;
    size_t end = first_index(uri, start, ':');
    if (end == uri.len) {
        end = first_index(uri, start, '/');
    }
    struct ntls_cur host = ntls_x509_span(uri, start, end - start);
    if (host.len == 0) {
        return NTLS_X509_V_ERR_UNSUPPORTED_NAME_SYNTAX;
    }
    if (base.len > 0 && base.p[0] == '.') {
        if (host.len > base.len && nocase_eq(tail(host, base.len), base)) {
            return NTLS_X509_V_OK;
        }
        return NTLS_X509_V_ERR_PERMITTED_VIOLATION;
    }
    return nocase_eq(host, base) ? NTLS_X509_V_OK : NTLS_X509_V_ERR_PERMITTED_VIOLATION;
}

/* iPAddress: address and mask of the same family (RFC 5280 4.2.1.10). */
static int nc_ip(struct ntls_cur ip, struct ntls_cur base)
{
    if ((ip.len != 4 && ip.len != 16) || (base.len != 8 && base.len != 32)) {
        return NTLS_X509_V_ERR_UNSUPPORTED_NAME_SYNTAX;
    }
    if (ip.len * 2 != base.len) {
        return NTLS_X509_V_ERR_PERMITTED_VIOLATION;
    }
    for (size_t i = 0; i < ip.len; i++) {
        uint8_t mask = base.p[ip.len + i];
        if ((ip.p[i] & mask) != (base.p[i] & mask)) {
            return NTLS_X509_V_ERR_PERMITTED_VIOLATION;
        }
    }
    return NTLS_X509_V_OK;
}

/* Beyond OpenSSL 3.0 (CVE-2025-61727): a wildcard dNSName "*.rest" stands for every "label.rest", so an
 * excluded subtree "label.rest" (one label more than the wildcard's rest) intersects it. */
static bool wildcard_hits(struct ntls_cur dns, struct ntls_cur base)
{
    if (dns.len < 3 || dns.p[0] != '*' || dns.p[1] != '.' || base.len == 0 || base.p[0] == '.') {
        return false;
    }
    struct ntls_cur rest = ntls_x509_span(dns, 1, dns.len - 1); /* ".rest" */
    if (base.len <= rest.len || !nocase_eq(rest, tail(base, rest.len))) {
        return false;
    }
    return !has_byte(ntls_x509_span(base, 0, base.len - rest.len), '.'); /* exactly one label in front */
}

static int match_single(const struct nc_name *nm, const struct ntls_x509_gname *base)
{
    switch (nm->type) {
    case NTLS_GNAME_OTHER:
        return nm->is_mailbox ? nc_email_eai(nm->mailbox, base->value)
                              : NTLS_X509_V_ERR_UNSUPPORTED_CONSTRAINT_TYPE;
    case NTLS_GNAME_DIRNAME:
        return nc_dn(nm, base->value);
    case NTLS_GNAME_DNS:
        return nc_dns(nm->value, base->value);
    case NTLS_GNAME_EMAIL:
        return nc_email(nm->value, base->value);
    case NTLS_GNAME_URI:
        return nc_uri(nm->value, base->value);
    case NTLS_GNAME_IP:
        return nc_ip(nm->value, base->value);
    default:
        return NTLS_X509_V_ERR_UNSUPPORTED_CONSTRAINT_TYPE;
    }
}

/* The type-id of an OtherName base. */
static struct ntls_cur other_oid(struct ntls_cur value)
{
    struct ntls_cur oid = { 0 };
    if (!ntls_is_ok(ntls_der_oid(&value, &oid))) {
        oid = (struct ntls_cur){ 0 };
    }
    return oid;
}

/* Whether a subtree applies to a name of effective type t. */
static bool applies(const struct nc_name *nm, enum ntls_gname_type t, const struct ntls_x509_subtree *sub)
{
    if (sub->base.type != t) {
        return false;
    }
    if (t == NTLS_GNAME_OTHER) {
        struct ntls_cur o = other_oid(sub->base.value);
        return o.len == nm->other_oid.len && o.len > 0 && memcmp(o.p, nm->other_oid.p, o.len) == 0;
    }
    return true;
}

/* nc_match: one name against both lists. */
static int nc_match(const struct nc_name *nm, const struct ntls_x509_cert *nc)
{
    enum ntls_gname_type t = nm->is_mailbox ? NTLS_GNAME_EMAIL : nm->type;
    int match = 0;
    for (size_t i = 0; i < nc->permitted_count; i++) {
        const struct ntls_x509_subtree *sub = &nc->permitted[i];
        if (!applies(nm, t, sub)) {
            continue;
        }
        /* RFC 5280 4.2.1.10: minimum MUST be zero and maximum absent; OpenSSL refuses anything else */
        if (sub->minimum != 0 || sub->has_maximum) {
            return NTLS_X509_V_ERR_SUBTREE_MINMAX;
        }
        if (match == 2) {
            continue;
        }
        match = 1;
        int r = match_single(nm, &sub->base);
        if (r == NTLS_X509_V_OK) {
            match = 2;
        } else if (r != NTLS_X509_V_ERR_PERMITTED_VIOLATION) {
            return r;
        }
    }
    if (match == 1) {
        return NTLS_X509_V_ERR_PERMITTED_VIOLATION;
    }
    for (size_t i = 0; i < nc->excluded_count; i++) {
        const struct ntls_x509_subtree *sub = &nc->excluded[i];
        if (!applies(nm, t, sub)) {
            continue;
        }
        if (sub->minimum != 0 || sub->has_maximum) {
            return NTLS_X509_V_ERR_SUBTREE_MINMAX;
        }
        int r = match_single(nm, &sub->base);
        if (r == NTLS_X509_V_OK || (t == NTLS_GNAME_DNS && wildcard_hits(nm->value, sub->base.value))) {
            return NTLS_X509_V_ERR_EXCLUDED_VIOLATION;
        }
        if (r != NTLS_X509_V_ERR_PERMITTED_VIOLATION) {
            return r;
        }
    }
    return NTLS_X509_V_OK;
}

/* A subjectAltName entry as a name to check (a directoryName gets its canonical form, freed by caller). */
static int san_name(const struct ntls_x509_gname *g, struct nc_name *nm, uint8_t **owned)
{
    *nm = (struct nc_name){ .type = g->type, .value = g->value };
    *owned = NULL;
    if (g->type == NTLS_GNAME_DIRNAME) {
        if (!ntls_is_ok(ntls_x509_name_canon_der(g->value, owned, &nm->canon_len))) {
            return NTLS_X509_V_ERR_UNSUPPORTED_NAME_SYNTAX;
        }
        nm->canon = *owned;
    } else if (g->type == NTLS_GNAME_OTHER) {
        struct ntls_cur body = g->value, inner;
        nm->other_oid = other_oid(g->value);
        nm->is_mailbox = nm->other_oid.len == sizeof smtp_utf8_mailbox &&
                         memcmp(nm->other_oid.p, smtp_utf8_mailbox, sizeof smtp_utf8_mailbox) == 0 &&
                         ntls_is_ok(ntls_der_oid(&body, &inner)) &&
                         ntls_is_ok(ntls_der_explicit(&body, 0, &inner, NULL)) &&
                         ntls_is_ok(ntls_der_expect(&inner, NTLS_DER_UTF8_STRING, &nm->mailbox));
    }
    return NTLS_X509_V_OK;
}

/* The subject: as a directoryName, then each emailAddress attribute as an rfc822Name. */
static int check_subject(const struct ntls_x509_certinfo *ci, const struct ntls_x509_cert *nc)
{
    const struct ntls_x509_cert *cert = ci->cert;
    struct nc_name dn = { .type = NTLS_GNAME_DIRNAME,
                          .canon = ci->subject_canon,
                          .canon_len = ci->subject_canon_len };
    int r = nc_match(&dn, nc);
    size_t pos = 0;
    const struct ntls_x509_name_entry *e;
    while (r == NTLS_X509_V_OK && (e = ntls_x509_name_next(&cert->subject, NTLS_OID_EMAIL, &pos)) != NULL) {
        if (e->tag != NTLS_DER_IA5_STRING) {
            return NTLS_X509_V_ERR_UNSUPPORTED_NAME_SYNTAX;
        }
        struct nc_name em = { .type = NTLS_GNAME_EMAIL, .value = e->value };
        r = nc_match(&em, nc);
    }
    return r;
}

int ntls_x509_nc_check(const struct ntls_x509_certinfo *ci, const struct ntls_x509_cert *nc)
{
    const struct ntls_x509_cert *cert = ci->cert;
    size_t names = cert->subject.count + cert->san_count;
    size_t constraints = nc->permitted_count + nc->excluded_count;
    if (names > 0 && constraints > NC_MAX_WORK / names) {
        return NTLS_X509_V_ERR_UNSPECIFIED;
    }
    if (cert->subject.count > 0) {
        int r = check_subject(ci, nc);
        if (r != NTLS_X509_V_OK) {
            return r;
        }
    }
    for (size_t i = 0; i < cert->san_count; i++) {
        struct nc_name nm;
        uint8_t *owned;
        int r = san_name(&cert->san[i], &nm, &owned);
        if (r == NTLS_X509_V_OK) {
            r = nc_match(&nm, nc);
        }
        ntls_free(owned);
        if (r != NTLS_X509_V_OK) {
            return r;
        }
    }
    return NTLS_X509_V_OK;
}

/* cn2dnsid: a commonName that has the syntax of a DNS name of two labels or more (letters, digits, '_',
 * inner '-' and '.', no empty label). */
static bool cn_is_dns(struct ntls_cur s)
{
    bool dns = false;
    size_t n = s.len;
    for (size_t i = 0; i < n; ++i) {
        uint8_t c = s.p[i];
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_') {
            continue;
        }
        if (i > 0 && i < n - 1) {
            if (c == '-') {
                continue;
            }
            if (c == '.' && s.p[i + 1] != '.' && s.p[i - 1] != '-' && s.p[i + 1] != '-') {
                dns = true;
                continue;
            }
        }
        return false;
    }
    return dns;
}

int ntls_x509_nc_check_cn(const struct ntls_x509_cert *cert, const struct ntls_x509_cert *nc)
{
    size_t pos = 0;
    const struct ntls_x509_name_entry *e;
    while ((e = ntls_x509_name_next(&cert->subject, NTLS_OID_CN, &pos)) != NULL) {
        struct ntls_x509_dbuf u = { 0 };
        int r = NTLS_X509_V_OK;
        if (!ntls_is_ok(ntls_x509_string_utf8(e->tag, e->value, &u)) || u.failed) {
            r = NTLS_X509_V_ERR_OUT_OF_MEM; /* what OpenSSL reports when the conversion fails */
        }
        size_t n = u.len;
        while (r == NTLS_X509_V_OK && n > 0 && u.p[n - 1] == 0) {
            n--; /* trailing NULs are tolerated */
        }
        struct ntls_cur cn = ntls_cur_init(u.p, n);
        if (r == NTLS_X509_V_OK && has_byte(cn, 0)) {
            r = NTLS_X509_V_ERR_UNSUPPORTED_NAME_SYNTAX;
        }
        if (r == NTLS_X509_V_OK && n > 0 && cn_is_dns(cn)) {
            struct nc_name nm = { .type = NTLS_GNAME_DNS, .value = cn };
            r = nc_match(&nm, nc);
        }
        ntls_x509_dbuf_free(&u);
        if (r != NTLS_X509_V_OK) {
            return r;
        }
    }
    return NTLS_X509_V_OK;
}
