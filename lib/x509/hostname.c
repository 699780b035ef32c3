/* Identity checks (verify.h): X509_check_host, X509_check_email, X509_check_ip as OpenSSL 3.0 does them
 * (crypto/x509/v3_utl.c), RFC 6125 6.4 for DNS-IDs, RFC 2818 3.1 for IP addresses, and the text forms of
 * IP addresses (RFC 791, RFC 4291 2.2). Names are compared as struct ntls_cur views, cut with
 * ntls_x509_span; nothing here parses DER. */
#include "verify_internal.h"

#include <string.h>

#include "../base/mem.h"

#define DOT_SUBDOMAINS 0x8000u /* internal: the reference name starts with '.' */

struct ntls_cur ntls_x509_span(struct ntls_cur s, size_t off, size_t len)
{
    struct ntls_cur part = { 0 };
    if (!ntls_is_ok(ntls_cur_skip(&s, off)) || !ntls_is_ok(ntls_cur_take(&s, len, &part))) {
        return (struct ntls_cur){ 0 };
    }
    return part;
}

static struct ntls_cur text(const char *s)
{
    return ntls_cur_init(s, strlen(s));
}

static bool ascii_eq_nocase(uint8_t l, uint8_t r)
{
    if (l >= 'A' && l <= 'Z') {
        l = (uint8_t)(l - 'A' + 'a');
    }
    if (r >= 'A' && r <= 'Z') {
        r = (uint8_t)(r - 'A' + 'a');
    }
    return l == r;
}

/* With DOT_SUBDOMAINS, a longer presented name is compared by its tail with the reference ".domain"
 * (one label only with SINGLE_LABEL_SUBDOMAINS). */
static struct ntls_cur skip_prefix(struct ntls_cur pattern, size_t subject_len, unsigned flags)
{
    size_t i = 0;
    if ((flags & DOT_SUBDOMAINS) == 0) {
        return pattern;
    }
    while (pattern.len - i > subject_len && pattern.p[i] != 0) {
        if ((flags & NTLS_X509_CHECK_FLAG_SINGLE_LABEL_SUBDOMAINS) && pattern.p[i] == '.') {
            break;
        }
        i++;
    }
    return pattern.len - i == subject_len ? ntls_x509_span(pattern, i, subject_len) : pattern;
}

static bool equal_nocase(struct ntls_cur pattern, struct ntls_cur subject, unsigned flags)
{
    pattern = skip_prefix(pattern, subject.len, flags);
    if (pattern.len != subject.len) {
        return false;
    }
    for (size_t i = 0; i < pattern.len; i++) {
        if (pattern.p[i] == 0 || !ascii_eq_nocase(pattern.p[i], subject.p[i])) {
            return false;
        }
    }
    return true;
}

static bool equal_case(struct ntls_cur pattern, struct ntls_cur subject, unsigned flags)
{
    pattern = skip_prefix(pattern, subject.len, flags);
    return pattern.len == subject.len && (pattern.len == 0 || memcmp(pattern.p, subject.p, pattern.len) == 0);
}

/* RFC 5321 2.4: the local part is compared exactly, the domain (after the last '@') without case. */
static bool equal_email(struct ntls_cur a, struct ntls_cur b)
{
    size_t i = a.len;
    if (a.len != b.len) {
        return false;
    }
    while (i > 0) {
        --i;
        if (a.p[i] == '@' || b.p[i] == '@') {
            size_t n = a.len - i;
            if (!equal_nocase(ntls_x509_span(a, i, n), ntls_x509_span(b, i, n), 0)) {
                return false;
            }
            break;
        }
    }
    if (i == 0) {
        i = a.len;
    }
    return equal_case(ntls_x509_span(a, 0, i), ntls_x509_span(b, 0, i), 0);
}

#define LABEL_START 1u
#define LABEL_IDNA 2u
#define LABEL_HYPHEN 4u

static bool is_alnum(uint8_t c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

/* An IDNA A-label prefix "xn--" at offset i. */
static bool idna_at(struct ntls_cur p, size_t i)
{
    return p.len - i >= 4 && equal_nocase(ntls_x509_span(p, i, 4), text("xn--"), 0);
}

/* valid_star: the one '*' allowed, in the first label, not in an A-label ("xn--"), at the start or end
 * of its label (the whole label with NO_PARTIAL_WILDCARDS), with at least two labels after it. Returns
 * its index, or p.len when the pattern has no usable wildcard. */
static size_t valid_star(struct ntls_cur p, unsigned flags)
{
    size_t len = p.len, star = len;
    unsigned state = LABEL_START, dots = 0;
    for (size_t i = 0; i < len; ++i) {
        uint8_t c = p.p[i];
        if (c == '*') {
            bool atstart = (state & LABEL_START) != 0;
            bool atend = i == len - 1 || p.p[i + 1] == '.';
            if (star != len || (state & LABEL_IDNA) || dots > 0) {
                return len;
            }
            if ((flags & NTLS_X509_CHECK_FLAG_NO_PARTIAL_WILDCARDS) && (!atstart || !atend)) {
                return len;
            }
            if (!atstart && !atend) {
                return len; /* no "foo*bar" */
            }
            star = i;
            state &= ~LABEL_START;
        } else if (is_alnum(c)) {
            if ((state & LABEL_START) && idna_at(p, i)) {
                state |= LABEL_IDNA;
            }
            state &= ~(LABEL_HYPHEN | LABEL_START);
        } else if (c == '.') {
            if (state & (LABEL_HYPHEN | LABEL_START)) {
                return len;
            }
            state = LABEL_START;
            ++dots;
        } else if (c == '-') {
            if (state & LABEL_START) {
                return len;
            }
            state |= LABEL_HYPHEN;
        } else {
            return len;
        }
    }
    if ((state & (LABEL_START | LABEL_HYPHEN)) || dots < 2) {
        return len;
    }
    return star;
}

static bool wildcard_match(struct ntls_cur prefix, struct ntls_cur suffix, struct ntls_cur subject,
                           unsigned flags)
{
    bool allow_multi = false, allow_idna = false;
    if (subject.len < prefix.len + suffix.len ||
        !equal_nocase(prefix, ntls_x509_span(subject, 0, prefix.len), flags)) {
        return false;
    }
    size_t wstart = prefix.len, wend = subject.len - suffix.len;
    if (!equal_nocase(ntls_x509_span(subject, wend, suffix.len), suffix, flags)) {
        return false;
    }
    /* a wildcard that is the whole first label matches at least one character */
    if (prefix.len == 0 && suffix.len > 0 && suffix.p[0] == '.') {
        if (wstart == wend) {
            return false;
        }
        allow_idna = true;
        allow_multi = (flags & NTLS_X509_CHECK_FLAG_MULTI_LABEL_WILDCARDS) != 0;
    }
    if (!allow_idna && idna_at(subject, 0)) {
        return false; /* IDNA labels cannot match partial wildcards */
    }
    if (wend == wstart + 1 && subject.p[wstart] == '*') {
        return true;
    }
    for (size_t i = wstart; i < wend; i++) {
        uint8_t c = subject.p[i];
        if (!is_alnum(c) && c != '-' && !(allow_multi && c == '.')) {
            return false;
        }
    }
    return true;
}

static bool equal_wildcard(struct ntls_cur pattern, struct ntls_cur subject, unsigned flags)
{
    size_t star = pattern.len;
    /* a reference name starting with '.' only matches by the sub-domain rule */
    if (!(subject.len > 1 && subject.p[0] == '.')) {
        star = valid_star(pattern, flags);
    }
    if (star == pattern.len) {
        return equal_nocase(pattern, subject, flags);
    }
    return wildcard_match(ntls_x509_span(pattern, 0, star),
                          ntls_x509_span(pattern, star + 1, pattern.len - star - 1), subject, flags);
}

enum check_type { CHECK_EMAIL, CHECK_DNS, CHECK_IP };

struct check {
    enum check_type type;
    struct ntls_cur chk; /* the reference name */
    unsigned flags;
    char **peername;
};

static bool equal(const struct check *c, struct ntls_cur presented)
{
    switch (c->type) {
    case CHECK_EMAIL:
        return equal_email(presented, c->chk);
    case CHECK_DNS:
        if (c->flags & NTLS_X509_CHECK_FLAG_NO_WILDCARDS) {
            return equal_nocase(presented, c->chk, c->flags);
        }
        return equal_wildcard(presented, c->chk, c->flags);
    default:
        return equal_case(presented, c->chk, c->flags);
    }
}

/* do_check_string: 1 match, 0 none, -1 out of memory. */
static int matched(const struct check *c, struct ntls_cur presented)
{
    if (presented.len == 0 || !equal(c, presented)) {
        return 0;
    }
    if (c->peername != NULL) {
        *c->peername = ntls_calloc(presented.len + 1, 1);
        if (*c->peername == NULL) {
            return -1;
        }
        memcpy(*c->peername, presented.p, presented.len);
    }
    return 1;
}

/* A subject attribute value (commonName, emailAddress) as UTF-8, then matched. */
static int check_attr(const struct check *c, const struct ntls_x509_name_entry *e)
{
    struct ntls_x509_dbuf u = { 0 };
    if (e->value.len == 0) {
        return 0;
    }
    ntls_result r = ntls_x509_string_utf8(e->tag, e->value, &u);
    int rv = -1;
    if (ntls_is_ok(r) && !u.failed) {
        rv = matched(c, ntls_cur_init(u.p, u.len));
    }
    ntls_x509_dbuf_free(&u);
    return rv;
}

static const uint8_t smtp_utf8_mailbox[] = { 0x2b, 0x06, 0x01, 0x05, 0x05, 0x07, 0x08, 0x09 };

/* The UTF8String value of an SmtpUTF8Mailbox otherName (RFC 8398 3), or false. */
static bool smtp_utf8(const struct ntls_x509_gname *g, struct ntls_cur *value)
{
    struct ntls_cur body = g->value, oid, inner;
    if (!ntls_is_ok(ntls_der_oid(&body, &oid)) || oid.len != sizeof smtp_utf8_mailbox ||
        memcmp(oid.p, smtp_utf8_mailbox, oid.len) != 0) {
        return false;
    }
    return ntls_is_ok(ntls_der_explicit(&body, 0, &inner, NULL)) &&
           ntls_is_ok(ntls_der_expect(&inner, NTLS_DER_UTF8_STRING, value));
}

static int check_sans(const struct ntls_x509_cert *cert, const struct check *c, bool *present)
{
    static const enum ntls_gname_type want[] = { NTLS_GNAME_EMAIL, NTLS_GNAME_DNS, NTLS_GNAME_IP };
    for (size_t i = 0; i < cert->san_count; i++) {
        const struct ntls_x509_gname *g = &cert->san[i];
        int rv = 0;
        if (g->type == NTLS_GNAME_OTHER && c->type == CHECK_EMAIL) {
            struct ntls_cur v;
            bool is_mailbox = smtp_utf8(g, &v);
            *present = *present || is_mailbox;
            rv = is_mailbox ? matched(c, v) : 0;
        } else if (g->type == want[c->type]) {
            *present = true;
            rv = matched(c, g->value);
        }
        if (rv != 0) {
            return rv;
        }
    }
    return 0;
}

static int do_check(const struct ntls_x509_cert *cert, const struct check *c)
{
    bool present = false;
    int rv = check_sans(cert, c, &present);
    if (rv != 0 || c->type == CHECK_IP) {
        return rv;
    }
    if (present && !(c->flags & NTLS_X509_CHECK_FLAG_ALWAYS_CHECK_SUBJECT)) {
        return 0;
    }
    if (c->flags & NTLS_X509_CHECK_FLAG_NEVER_CHECK_SUBJECT) {
        return 0;
    }
    enum ntls_oid_id attr = c->type == CHECK_DNS ? NTLS_OID_CN : NTLS_OID_EMAIL;
    size_t pos = 0;
    const struct ntls_x509_name_entry *e;
    while ((e = ntls_x509_name_next(&cert->subject, attr, &pos)) != NULL) {
        if ((rv = check_attr(c, e)) != 0) {
            return rv;
        }
    }
    return 0;
}

/* The checked name: NUL only as the last byte (then dropped), len 0 means strlen. */
static bool name_arg(const char *name, size_t *len)
{
    if (*len == 0) {
        *len = strlen(name);
    } else if (memchr(name, '\0', *len > 1 ? *len - 1 : *len) != NULL) {
        return false;
    }
    if (*len > 1 && name[*len - 1] == '\0') {
        --*len;
    }
    return true;
}

int ntls_x509_check_host(const struct ntls_x509_cert *cert, const char *name, size_t len, unsigned flags,
                         char **peername)
{
    if (name == NULL || !name_arg(name, &len)) {
        return -2;
    }
    struct check c = { CHECK_DNS, ntls_cur_init(name, len), flags & ~DOT_SUBDOMAINS, peername };
    if (len > 1 && name[0] == '.') {
        c.flags |= DOT_SUBDOMAINS;
    }
    return do_check(cert, &c);
}

int ntls_x509_check_email(const struct ntls_x509_cert *cert, const char *email, size_t len, unsigned flags)
{
    if (email == NULL || !name_arg(email, &len)) {
        return -2;
    }
    struct check c = { CHECK_EMAIL, ntls_cur_init(email, len), flags & ~DOT_SUBDOMAINS, NULL };
    return do_check(cert, &c);
}

int ntls_x509_check_ip(const struct ntls_x509_cert *cert, const uint8_t *ip, size_t len, unsigned flags)
{
    if (ip == NULL) {
        return -2;
    }
    struct check c = { CHECK_IP, ntls_cur_init(ip, len), flags & ~DOT_SUBDOMAINS, NULL };
    return do_check(cert, &c);
}

int ntls_x509_check_ip_asc(const struct ntls_x509_cert *cert, const char *text, unsigned flags)
{
    uint8_t ip[16];
    size_t len = text != NULL ? ntls_x509_parse_ip(text, ip) : 0;
    if (len == 0) {
        return -2;
    }
    return ntls_x509_check_ip(cert, ip, len, flags);
}

bool ntls_x509_has_san(const struct ntls_x509_cert *cert, enum ntls_gname_type t)
{
    for (size_t i = 0; i < cert->san_count; i++) {
        if (cert->san[i].type == t) {
            return true;
        }
    }
    return false;
}

/* A dotted quad of decimal numbers up to 255 filling all of text[0..len). */
static bool parse_ipv4(const char *text, size_t len, uint8_t out[4])
{
    size_t part = 0, i = 0;
    while (part < 4) {
        unsigned v = 0, digits = 0;
        while (i < len && text[i] >= '0' && text[i] <= '9' && digits < 4) {
            v = v * 10 + (unsigned)(text[i++] - '0');
            digits++;
        }
        if (digits == 0 || v > 255) {
            return false;
        }
        out[part++] = (uint8_t)v;
        if (part < 4 && (i >= len || text[i++] != '.')) {
            return false;
        }
    }
    return i == len;
}

static int hex_digit(char c)
{
    if (c >= '0' && c <= '9') {
        return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
        return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
        return c - 'A' + 10;
    }
    return -1;
}

/* One ':'-separated element of an IPv6 address into v[*total..]: up to four hex digits, or (last) an
 * IPv4 dotted quad. Empty elements mark "::". */
static bool ipv6_elem(const char *e, size_t n, bool last, uint8_t v[16], size_t *total, int *zero_pos,
                      int *zeros)
{
    if (*total == 16) {
        return false;
    }
    if (n == 0) {
        if (*zero_pos == -1) {
            *zero_pos = (int)*total;
        } else if (*zero_pos != (int)*total) {
            return false;
        }
        ++*zeros;
        return true;
    }
    if (n > 4) {
        if (*total > 12 || !last || !parse_ipv4(e, n, v + *total)) {
            return false;
        }
        *total += 4;
        return true;
    }
    unsigned num = 0;
    for (size_t i = 0; i < n; i++) {
        int d = hex_digit(e[i]);
        if (d < 0) {
            return false;
        }
        num = num << 4 | (unsigned)d;
    }
    v[(*total)++] = (uint8_t)(num >> 8);
    v[(*total)++] = (uint8_t)num;
    return true;
}

/* ipv6_from_asc: the elements, then where "::" may stand (RFC 4291 2.2 (2)). */
static bool parse_ipv6(const char *text, uint8_t out[16])
{
    uint8_t v[16];
    size_t total = 0;
    int zero_pos = -1, zeros = 0;
    for (const char *p = text;;) {
        size_t n = strcspn(p, ":");
        bool last = p[n] == '\0';
        if (!ipv6_elem(p, n, last, v, &total, &zero_pos, &zeros)) {
            return false;
        }
        if (last) {
            break;
        }
        p += n + 1;
    }
    if (zero_pos == -1) {
        if (total != 16) {
            return false;
        }
        memcpy(out, v, 16);
        return true;
    }
    bool edge = zero_pos == 0 || zero_pos == (int)total;
    if (total == 16 || zeros > 3 || (zeros == 3 && total > 0) || (zeros == 2 && !edge) ||
        (zeros == 1 && edge)) {
        return false;
    }
    memset(out, 0, 16);
    memcpy(out, v, (size_t)zero_pos);
    memcpy(out + 16 - (total - (size_t)zero_pos), v + zero_pos, total - (size_t)zero_pos);
    return true;
}

size_t ntls_x509_parse_ip(const char *text, uint8_t out[16])
{
    if (strchr(text, ':') != NULL) {
        return parse_ipv6(text, out) ? 16 : 0;
    }
    return parse_ipv4(text, strlen(text), out) ? 4 : 0;
}
