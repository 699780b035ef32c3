/* nettls: X509_NAME_print_ex and X509_NAME_print, as 1.1.0's crypto/asn1/a_strex.c writes names: the
 * separators, field names and RFC 2253 escaping chosen by the XN_FLAG_* and ASN1_STRFLGS_* bits
 * (man X509_NAME_print_ex). ASN1_STRFLGS_SHOW_TYPE is not supported (its type names are left out). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <openssl/asn1.h>
#include <openssl/bio.h>
#include <openssl/x509.h>

#include "x509/oid.h"
#include "x509_local.h"

#define ESC_FLAGS                                                                                           \
    (ASN1_STRFLGS_ESC_2253 | ASN1_STRFLGS_ESC_QUOTE | ASN1_STRFLGS_ESC_CTRL | ASN1_STRFLGS_ESC_MSB)
#define BS_ESC (ASN1_STRFLGS_ESC_2253 | CHARTYPE_FIRST_ESC_2253 | CHARTYPE_LAST_ESC_2253)
#define CONV_UTF8 8 /* do_buf's BUF_TYPE_CONVUTF8 */

/* 1.1.0's charmap.h: which escaping each ASCII character needs (the ASN1_STRFLGS_ESC_* and
 * CHARTYPE_* bits). */
static const unsigned short char_type[128] = {
    1026, 2,  2,  2,  2,  2,  2,  2,  2,  2,  2,  2,  2,  2,  2,  2,  2,  2,  2,  2,  2,  2,
    2,    2,  2,  2,  2,  2,  2,  2,  2,  2,  120, 0,  1,  40, 0,  0,  0,  16, 16, 16, 0,  25,
    25,   16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 9,  9,  16, 9,  16, 0,  16,
    16,   16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16,
    16,   16, 16, 0,  1,  0,  0,  0,  0,  16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16,
    16,   16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 0,  0,  0,  0,  2,
};

struct out {
    BIO *bio; /* NULL: only count */
    int len; /* bytes written so far */
    int err;
};

static void put(struct out *o, const void *p, size_t n)
{
    if (o->bio != NULL && !o->err && n > 0 && BIO_write(o->bio, p, (int)n) != (int)n) {
        o->err = 1;
    }
    o->len += (int)n;
}

static void put_str(struct out *o, const char *s)
{
    put(o, s, strlen(s));
}

static void indent(struct out *o, int n)
{
    for (int i = 0; i < n; i++) {
        put(o, " ", 1);
    }
}

/* do_esc_char: one character; *quote is set when the value needs surrounding quotes instead. */
static void esc_char(struct out *o, unsigned long c, unsigned long flags, int *quote)
{
    char tmp[24];
    if (c > 0xffff) {
        snprintf(tmp, sizeof tmp, "\\W%08lX", c);
        put_str(o, tmp);
        return;
    }
    if (c > 0xff) {
        snprintf(tmp, sizeof tmp, "\\U%04lX", c);
        put_str(o, tmp);
        return;
    }
    unsigned char ch = (unsigned char)c;
    unsigned long chflgs = ch > 0x7f ? flags & ASN1_STRFLGS_ESC_MSB : char_type[ch] & flags;
    if (chflgs & BS_ESC) {
        if (chflgs & ASN1_STRFLGS_ESC_QUOTE) {
            *quote = 1;
            put(o, &ch, 1);
        } else {
            put(o, "\\", 1);
            put(o, &ch, 1);
        }
    } else if (chflgs & (ASN1_STRFLGS_ESC_CTRL | ASN1_STRFLGS_ESC_MSB)) {
        snprintf(tmp, sizeof tmp, "\\%02X", ch);
        put_str(o, tmp);
    } else if (ch == '\\' && (flags & ESC_FLAGS)) {
        put(o, "\\\\", 2);
    } else {
        put(o, &ch, 1);
    }
}

/* The next character of a string of width w (0: UTF-8), or -1 when malformed. */
static long next_char(const unsigned char **p, const unsigned char *end, int w)
{
    const unsigned char *q = *p;
    unsigned long c = 0;
    int n = w;
    if (w == 0) {
        n = q[0] < 0x80 ? 1 : q[0] < 0xe0 ? 2 : q[0] < 0xf0 ? 3 : 4;
        c = n == 1 ? q[0] : (unsigned long)(q[0] & (0x3f >> (n - 1)));
    }
    if (end - q < n) {
        return -1;
    }
    for (int i = w == 0 ? 1 : 0; i < n; i++) {
        if (w == 0 && (q[i] & 0xc0) != 0x80) {
            return -1;
        }
        c = w == 0 ? c << 6 | (q[i] & 0x3f) : c << 8 | q[i];
    }
    *p = q + n;
    return (long)c;
}

static size_t utf8_encode(unsigned char *b, unsigned long c)
{
    if (c < 0x80) {
        b[0] = (unsigned char)c;
        return 1;
    }
    size_t n = c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
    for (size_t i = n - 1; i > 0; i--) {
        b[i] = (unsigned char)(0x80 | (c & 0x3f));
        c >>= 6;
    }
    b[0] = (unsigned char)((0xf00u >> n) | c);
    return n;
}

/* do_buf: the characters of one value, escaped; type is the width (1, 2, 4, 0 for UTF-8) plus CONV_UTF8. */
static int chars(struct out *o, const ASN1_STRING *s, int type, unsigned long flags, int *quote)
{
    const unsigned char *p = s->data, *end = s->data + s->length;
    int w = type & 7;
    while (p < end) {
        unsigned long orflags =
            p == s->data && (flags & ASN1_STRFLGS_ESC_2253) ? CHARTYPE_FIRST_ESC_2253 : 0;
        long c = next_char(&p, end, w);
        if (c < 0) {
            return -1;
        }
        if (p == end && (flags & ASN1_STRFLGS_ESC_2253)) {
            orflags = CHARTYPE_LAST_ESC_2253;
        }
        if ((type & CONV_UTF8) && c > 0x7f) {
            unsigned char u[4];
            size_t n = utf8_encode(u, (unsigned long)c);
            for (size_t i = 0; i < n; i++) {
                esc_char(o, u[i], flags | orflags, quote);
            }
        } else {
            esc_char(o, (unsigned long)c, flags | orflags, quote);
        }
    }
    return 0;
}

/* do_dump: '#' and the hex of the value's DER (DUMP_DER) or its octets. */
static void dump(struct out *o, const ASN1_STRING *s, unsigned long flags)
{
    static const char hex[] = "0123456789ABCDEF";
    unsigned char hdr[6];
    size_t h = 0;
    if (flags & ASN1_STRFLGS_DUMP_DER) {
        size_t len = (size_t)s->length;
        hdr[h++] = (unsigned char)s->type;
        if (len < 0x80) {
            hdr[h++] = (unsigned char)len;
        } else {
            size_t k = len > 0xffff ? 3 : len > 0xff ? 2 : 1;
            hdr[h++] = (unsigned char)(0x80 | k);
            for (size_t i = k; i > 0; i--) {
                hdr[h++] = (unsigned char)(len >> (8 * (i - 1)));
            }
        }
    }
    put(o, "#", 1);
    for (size_t i = 0; i < h + (size_t)s->length; i++) {
        unsigned char b = i < h ? hdr[i] : s->data[i - h];
        char t[2] = { hex[b >> 4], hex[b & 15] };
        put(o, t, 2);
    }
}

/* do_print_ex: one value. */
static int value(struct out *o, const ASN1_STRING *s, unsigned long lflags)
{
    static const signed char width[31] = { -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, 0,  -1, -1, -1,
                                           -1, -1, 1,  1,  1,  -1, 1,  1,  1,  -1, 1,  -1, 4,  -1, 2 };
    unsigned long flags = lflags & ESC_FLAGS;
    int type = s->type;
    if (lflags & ASN1_STRFLGS_DUMP_ALL) {
        type = -1;
    } else if (lflags & ASN1_STRFLGS_IGNORE_TYPE) {
        type = 1;
    } else {
        type = type > 0 && type < 31 ? width[type] : -1;
        if (type == -1 && !(lflags & ASN1_STRFLGS_DUMP_UNKNOWN)) {
            type = 1;
        }
    }
    if (type == -1) {
        dump(o, s, lflags);
        return 0;
    }
    if (lflags & ASN1_STRFLGS_UTF8_CONVERT) {
        type = type == 0 ? 1 : type | CONV_UTF8;
    }
    /* a first pass into nothing finds whether quotes are needed */
    struct out probe = { NULL, 0, 0 };
    int quote = 0;
    if (chars(&probe, s, type, flags, &quote) != 0) {
        return -1;
    }
    if (quote) {
        put(o, "\"", 1);
    }
    (void)chars(o, s, type, flags, &quote);
    if (quote) {
        put(o, "\"", 1);
    }
    return 0;
}

/* The field name of an entry, as the FN_* bits ask; fld_len is the width FN_ALIGN pads to. */
static const char *field_name(const struct ntls_x509_name_entry *e, unsigned long fn, char *buf, size_t cap,
                              int *fld_len)
{
    *fld_len = 0;
    if (fn == XN_FLAG_FN_OID || e->attr == NULL) {
        (void)ntls_oid_to_text(e->oid, buf, cap);
        return buf;
    }
    if (fn == XN_FLAG_FN_SN) {
        *fld_len = 10; /* FN_WIDTH_SN */
        return e->attr->sn;
    }
    *fld_len = 25; /* FN_WIDTH_LN */
    return e->attr->ln;
}

static int print_ex(struct out *o, const X509_NAME *nm, int ind, unsigned long flags)
{
    const char *sep_dn, *sep_mv = " + ", *sep_eq = (flags & XN_FLAG_SPC_EQ) ? " = " : "=";
    switch (flags & XN_FLAG_SEP_MASK) {
    case XN_FLAG_SEP_MULTILINE:
        sep_dn = "\n";
        break;
    case XN_FLAG_SEP_COMMA_PLUS:
        sep_dn = ",";
        sep_mv = "+";
        break;
    case XN_FLAG_SEP_CPLUS_SPC:
        sep_dn = ", ";
        break;
    case XN_FLAG_SEP_SPLUS_SPC:
        sep_dn = "; ";
        break;
    default:
        return -1;
    }
    ind = ind < 0 ? 0 : ind;
    indent(o, ind);
    if ((flags & XN_FLAG_SEP_MASK) != XN_FLAG_SEP_MULTILINE) {
        ind = 0;
    }
    unsigned long fn = flags & XN_FLAG_FN_MASK;
    size_t cnt = nm->name.count, prev = (size_t)-1;
    for (size_t i = 0; i < cnt; i++) {
        size_t k = (flags & XN_FLAG_DN_REV) ? cnt - i - 1 : i;
        const struct ntls_x509_name_entry *e = &nm->name.entries[k];
        const X509_NAME_ENTRY *ent = X509_NAME_get_entry(nm, (int)k);
        if (ent == NULL) {
            return -1;
        }
        if (prev != (size_t)-1) {
            put_str(o, prev == e->rdn ? sep_mv : sep_dn);
            if (prev != e->rdn) {
                indent(o, ind);
            }
        }
        prev = e->rdn;
        if (fn != XN_FLAG_FN_NONE) {
            char oid[80];
            int fld_len;
            const char *name = field_name(e, fn, oid, sizeof oid, &fld_len);
            put_str(o, name);
            if ((int)strlen(name) < fld_len && (flags & XN_FLAG_FN_ALIGN)) {
                indent(o, fld_len - (int)strlen(name));
            }
            put_str(o, sep_eq);
        }
        unsigned long orflags =
            e->attr == NULL && (flags & XN_FLAG_DUMP_UNKNOWN_FIELDS) ? ASN1_STRFLGS_DUMP_ALL : 0;
        if (value(o, X509_NAME_ENTRY_get_data(ent), flags | orflags) < 0) {
            return -1;
        }
    }
    return o->err ? -1 : o->len;
}

/* 1.1.0's X509_NAME_print: the one-line form without its first '/', each later "/XX=" as ", XX=". */
int X509_NAME_print(BIO *bp, const X509_NAME *name, int obase)
{
    (void)obase;
    char *b = X509_NAME_oneline(name, NULL, 0);
    if (b == NULL) {
        return 0;
    }
    struct out o = { bp, 0, 0 };
    const char *s = *b == '/' ? b + 1 : b, *c = s;
    for (; *s != '\0'; s++) {
        int field = s[0] == '/' && s[1] >= 'A' && s[1] <= 'Z' &&
                    (s[2] == '=' || (s[2] >= 'A' && s[2] <= 'Z' && s[3] == '='));
        if (field) {
            put(&o, c, (size_t)(s - c));
            put(&o, ", ", 2);
            c = s + 1;
        }
    }
    put(&o, c, (size_t)(s - c));
    free(b);
    return o.err ? 0 : 1;
}

/* The number of characters written, or -1; XN_FLAG_COMPAT (0) is X509_NAME_print's format. */
int X509_NAME_print_ex(BIO *out, const X509_NAME *nm, int indent_, unsigned long flags)
{
    if (flags == XN_FLAG_COMPAT) {
        return X509_NAME_print(out, nm, indent_);
    }
    struct out o = { out, 0, 0 };
    return print_ex(&o, nm, indent_, flags);
}
