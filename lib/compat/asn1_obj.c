/* nettls: ASN1_STRING, ASN1_INTEGER and ASN1_TIME as OpenSSL 1.1.0 has them (one struct for all string
 * types, man ASN1_STRING_length, ASN1_STRING_to_UTF8, ASN1_TIME_print), and the serial number and
 * validity of an X509 (X509_get_serialNumber, X509_get0_notBefore). */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <openssl/asn1.h>
#include <openssl/bio.h>
#include <openssl/crypto.h>
#include <openssl/err.h>
#include <openssl/x509.h>

#include "x509_local.h"

ASN1_STRING *ASN1_STRING_type_new(int type)
{
    ASN1_STRING *s = calloc(1, sizeof *s);
    if (s == NULL) {
        ASN1err(0, ERR_R_MALLOC_FAILURE);
        return NULL;
    }
    s->type = type;
    return s;
}

ASN1_STRING *ASN1_STRING_new(void)
{
    return ASN1_STRING_type_new(V_ASN1_OCTET_STRING);
}

void ASN1_STRING_free(ASN1_STRING *a)
{
    if (a == NULL || (a->flags & ASN1_STRING_FLAG_EMBED)) {
        return;
    }
    free(a->data);
    free(a);
}

/* len -1: data is a C string. The copy is NUL-terminated, as OpenSSL's. */
int ASN1_STRING_set(ASN1_STRING *str, const void *data, int len)
{
    if (len < 0) {
        if (data == NULL) {
            return 0;
        }
        len = (int)strlen(data);
    }
    unsigned char *copy = malloc((size_t)len + 1);
    if (copy == NULL) {
        ASN1err(0, ERR_R_MALLOC_FAILURE);
        return 0;
    }
    if (data != NULL && len > 0) {
        memcpy(copy, data, (size_t)len);
    }
    copy[len] = '\0';
    free(str->data);
    str->data = copy;
    str->length = len;
    return 1;
}

int ntls_compat_asn1_embed(ASN1_STRING *s, int type, const void *data, size_t len)
{
    s->type = type;
    s->flags = ASN1_STRING_FLAG_EMBED;
    return len <= INT_MAX - 1 && ASN1_STRING_set(s, data, (int)len);
}

void ntls_compat_asn1_unembed(ASN1_STRING *s)
{
    free(s->data);
    s->data = NULL;
    s->length = 0;
}

ASN1_STRING *ASN1_STRING_dup(const ASN1_STRING *a)
{
    if (a == NULL) {
        return NULL;
    }
    ASN1_STRING *s = ASN1_STRING_type_new(a->type);
    if (s != NULL && !ASN1_STRING_set(s, a->data, a->length)) {
        ASN1_STRING_free(s);
        return NULL;
    }
    if (s != NULL) {
        s->flags = a->flags & ~(long)ASN1_STRING_FLAG_EMBED;
    }
    return s;
}

/* Length first, then the octets, then the type (1.1.0's ASN1_STRING_cmp). */
int ASN1_STRING_cmp(const ASN1_STRING *a, const ASN1_STRING *b)
{
    if (a->length != b->length) {
        return a->length - b->length;
    }
    int d = a->length == 0 ? 0 : memcmp(a->data, b->data, (size_t)a->length);
    return d != 0 ? d : a->type - b->type;
}

int ASN1_STRING_length(const ASN1_STRING *x)
{
    return x->length;
}

int ASN1_STRING_type(const ASN1_STRING *x)
{
    return x->type;
}

unsigned char *ASN1_STRING_data(ASN1_STRING *x)
{
    return x->data;
}

const unsigned char *ASN1_STRING_get0_data(const ASN1_STRING *x)
{
    return x->data;
}

/* Octets per character for each universal string type, -1 for types that are not text (1.1.0's
 * tag2nbyte in a_strex.c). */
static int char_width(int type)
{
    switch (type) {
    case V_ASN1_UTF8STRING:
        return 0;
    case V_ASN1_NUMERICSTRING:
    case V_ASN1_PRINTABLESTRING:
    case V_ASN1_T61STRING:
    case V_ASN1_IA5STRING:
    case V_ASN1_UTCTIME:
    case V_ASN1_GENERALIZEDTIME:
    case V_ASN1_VISIBLESTRING:
        return 1;
    case V_ASN1_BMPSTRING:
        return 2;
    case V_ASN1_UNIVERSALSTRING:
        return 4;
    default:
        return -1;
    }
}

static size_t put_utf8(unsigned char *out, unsigned long c)
{
    if (c < 0x80) {
        out[0] = (unsigned char)c;
        return 1;
    }
    if (c < 0x800) {
        out[0] = (unsigned char)(0xc0 | c >> 6);
        out[1] = (unsigned char)(0x80 | (c & 0x3f));
        return 2;
    }
    if (c < 0x10000) {
        out[0] = (unsigned char)(0xe0 | c >> 12);
        out[1] = (unsigned char)(0x80 | (c >> 6 & 0x3f));
        out[2] = (unsigned char)(0x80 | (c & 0x3f));
        return 3;
    }
    out[0] = (unsigned char)(0xf0 | c >> 18);
    out[1] = (unsigned char)(0x80 | (c >> 12 & 0x3f));
    out[2] = (unsigned char)(0x80 | (c >> 6 & 0x3f));
    out[3] = (unsigned char)(0x80 | (c & 0x3f));
    return 4;
}

/* *out gets a NUL-terminated UTF-8 copy (free with OPENSSL_free); returns its length, or -1 for a type
 * that is not text or characters that are not Unicode. T61String is read as Latin-1, as OpenSSL does. */
int ASN1_STRING_to_UTF8(unsigned char **out, const ASN1_STRING *in)
{
    if (out == NULL || in == NULL) {
        return -1;
    }
    int w = char_width(in->type);
    if (w < 0 || (w > 1 && in->length % w != 0)) {
        ASN1err(0, ERR_R_PASSED_NULL_PARAMETER);
        return -1;
    }
    size_t n = (size_t)in->length;
    unsigned char *buf = OPENSSL_malloc(w == 0 ? n + 1 : n / (size_t)(w > 1 ? w : 1) * 4 + 1);
    if (buf == NULL) {
        ASN1err(0, ERR_R_MALLOC_FAILURE);
        return -1;
    }
    size_t len = 0;
    if (w == 0) {
        memcpy(buf, in->data, n);
        len = n;
    }
    for (size_t i = 0; w > 0 && i < n; i += (size_t)w) {
        unsigned long c = 0;
        for (int k = 0; k < w; k++) {
            c = c << 8 | in->data[i + (size_t)k];
        }
        if (c > 0x10ffff || (c >= 0xd800 && c <= 0xdfff)) {
            OPENSSL_free(buf);
            return -1;
        }
        len += put_utf8(buf + len, c);
    }
    buf[len] = '\0';
    *out = buf;
    return (int)len;
}

/* Printable ASCII as is, other octets as '.' (1.1.0's ASN1_STRING_print). */
int ASN1_STRING_print(BIO *bp, const ASN1_STRING *v)
{
    char buf[80];
    int n = 0;
    for (int i = 0; i < v->length; i++) {
        unsigned char c = v->data[i];
        buf[n++] = (c >= ' ' && c <= '~') || c == '\n' || c == '\r' ? (char)c : '.';
        if (n == (int)sizeof buf || i == v->length - 1) {
            if (BIO_write(bp, buf, n) != n) {
                return 0;
            }
            n = 0;
        }
    }
    return 1;
}

/* Magnitude as a long; -1 when it does not fit (1.1.0), 0 for NULL. */
long ASN1_INTEGER_get(const ASN1_INTEGER *a)
{
    if (a == NULL) {
        return 0;
    }
    if (a->length > (int)sizeof(long)) {
        return -1;
    }
    unsigned long v = 0;
    for (int i = 0; i < a->length; i++) {
        v = v << 8 | a->data[i];
    }
    if (v > LONG_MAX) {
        return -1;
    }
    return (a->type & V_ASN1_NEG) ? -(long)v : (long)v;
}

static int two_digits(const unsigned char *p)
{
    if (p[0] < '0' || p[0] > '9' || p[1] < '0' || p[1] > '9') {
        return -1;
    }
    return (p[0] - '0') * 10 + (p[1] - '0');
}

/* "Mon DD HH:MM:SS YYYY GMT", with GeneralizedTime's fraction after the seconds (1.1.0's
 * ASN1_GENERALIZEDTIME_print and ASN1_UTCTIME_print); "Bad time value" and 0 for a malformed time. */
int ASN1_TIME_print(BIO *bp, const ASN1_TIME *tm)
{
    static const char *const mon[12] = { "Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                         "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };
    const unsigned char *d = tm->data;
    int gt = tm->type == V_ASN1_GENERALIZEDTIME;
    int n = tm->length, base = gt ? 2 : 0, v[5]; /* month, day, hour, minute, second */
    if (n < 12 + base) {
        goto bad;
    }
    int year = gt ? two_digits(d) * 100 + two_digits(d + 2) : two_digits(d);
    for (int i = 0; i < 5; i++) {
        v[i] = two_digits(d + base + 2 + 2 * i);
        if (v[i] < 0) {
            goto bad;
        }
    }
    if (year < 0 || two_digits(d) < 0 || v[0] < 1 || v[0] > 12) {
        goto bad;
    }
    if (!gt) {
        year += year < 50 ? 2000 : 1900;
    }
    int pos = base + 12, frac = 0;
    if (gt && pos < n && d[pos] == '.') {
        frac = 1;
        while (pos + frac < n && d[pos + frac] >= '0' && d[pos + frac] <= '9') {
            frac++;
        }
    }
    int gmt = d[n - 1] == 'Z';
    return BIO_printf(bp, "%s %2d %02d:%02d:%02d%.*s %d%s", mon[v[0] - 1], v[1], v[2], v[3], v[4], frac,
                      (const char *)d + pos, year, gmt ? " GMT" : "") > 0;
bad:
    BIO_write(bp, "Bad time value", 14);
    return 0;
}

/* UTCTime for 1950..2049, GeneralizedTime otherwise (RFC 5280 4.1.2.5), as the certificate carries it. */
static int set_time(ASN1_TIME *out, int64_t t)
{
    char buf[32];
    struct tm tmv;
    time_t tt = (time_t)t;
    if (gmtime_r(&tt, &tmv) == NULL) {
        return 0;
    }
    int year = tmv.tm_year + 1900;
    int utc = year >= 1950 && year < 2050;
    int n = snprintf(buf, sizeof buf, utc ? "%02d%02d%02d%02d%02d%02dZ" : "%04d%02d%02d%02d%02d%02dZ",
                     utc ? year % 100 : year, tmv.tm_mon + 1, tmv.tm_mday, tmv.tm_hour, tmv.tm_min,
                     tmv.tm_sec);
    return ntls_compat_asn1_embed(out, utc ? V_ASN1_UTCTIME : V_ASN1_GENERALIZEDTIME, buf, (size_t)n);
}

/* OpenSSL keeps the magnitude, big-endian without leading zeros, and marks a negative number in type. */
static int set_serial(ASN1_INTEGER *out, const struct ntls_x509_cert *c)
{
    size_t n = c->serial.len;
    unsigned char *mag = malloc(n == 0 ? 1 : n);
    if (mag == NULL) {
        return 0;
    }
    memcpy(mag, c->serial.p, n);
    if (c->serial_negative) {
        /* two's complement: invert and add one */
        int carry = 1;
        for (size_t i = n; i-- > 0;) {
            unsigned v = (unsigned)(unsigned char)~mag[i] + (unsigned)carry;
            mag[i] = (unsigned char)v;
            carry = v > 0xff;
        }
    }
    size_t skip = 0;
    while (skip + 1 < n && mag[skip] == 0) {
        skip++;
    }
    int ok = ntls_compat_asn1_embed(out, c->serial_negative ? V_ASN1_NEG_INTEGER : V_ASN1_INTEGER,
                                    mag + skip, n - skip);
    free(mag);
    return ok;
}

int ntls_compat_x509_asn1_attach(X509 *x)
{
    x->asn1 = calloc(1, sizeof *x->asn1);
    if (x->asn1 == NULL || !set_serial(&x->asn1->serial, &x->cert) ||
        !set_time(&x->asn1->not_before, x->cert.not_before) ||
        !set_time(&x->asn1->not_after, x->cert.not_after)) {
        ntls_compat_x509_asn1_free(x);
        return 0;
    }
    return 1;
}

void ntls_compat_x509_asn1_free(X509 *x)
{
    if (x->asn1 != NULL) {
        ntls_compat_asn1_unembed(&x->asn1->serial);
        ntls_compat_asn1_unembed(&x->asn1->not_before);
        ntls_compat_asn1_unembed(&x->asn1->not_after);
        free(x->asn1);
        x->asn1 = NULL;
    }
}

ASN1_INTEGER *X509_get_serialNumber(X509 *x)
{
    return &x->asn1->serial;
}

const ASN1_TIME *X509_get0_notBefore(const X509 *x)
{
    return &x->asn1->not_before;
}

const ASN1_TIME *X509_get0_notAfter(const X509 *x)
{
    return &x->asn1->not_after;
}

ASN1_TIME *X509_getm_notBefore(const X509 *x)
{
    return &x->asn1->not_before;
}

ASN1_TIME *X509_getm_notAfter(const X509 *x)
{
    return &x->asn1->not_after;
}

void ASN1_OCTET_STRING_free(ASN1_OCTET_STRING *a)
{
    ASN1_STRING_free(a);
}

void ASN1_BIT_STRING_free(ASN1_BIT_STRING *a)
{
    ASN1_STRING_free(a);
}

void ASN1_INTEGER_free(ASN1_INTEGER *a)
{
    ASN1_STRING_free(a);
}

void ASN1_IA5STRING_free(ASN1_IA5STRING *a)
{
    ASN1_STRING_free(a);
}
