/* Names as OpenSSL compares and hashes them (verify.h): the canonical encoding of crypto/x509/x_name.c
 * (x509_name_canon, asn1_string_canon), X509_NAME_hash and X509_NAME_hash_old, and the small growing
 * buffer the verification files share. */
#include "verify_internal.h"

#include <stdlib.h>
#include <string.h>

#include "../base/mem.h"

void ntls_x509_dbuf_put(struct ntls_x509_dbuf *b, const void *p, size_t n)
{
    if (b->failed || n == 0) {
        return;
    }
    if (n > b->cap - b->len) {
        size_t cap = b->cap < 64 ? 64 : b->cap;
        while (cap - b->len < n) {
            if (cap > SIZE_MAX / 2) {
                b->failed = true;
                return;
            }
            cap *= 2;
        }
        uint8_t *q = ntls_realloc(b->p, cap);
        if (q == NULL) {
            b->failed = true;
            return;
        }
        b->p = q;
        b->cap = cap;
    }
    memcpy(b->p + b->len, p, n);
    b->len += n;
}

void ntls_x509_dbuf_byte(struct ntls_x509_dbuf *b, uint8_t v)
{
    ntls_x509_dbuf_put(b, &v, 1);
}

void ntls_x509_dbuf_tl(struct ntls_x509_dbuf *b, uint8_t tag, size_t len)
{
    uint8_t hdr[1 + 1 + sizeof(size_t)];
    size_t h = 0, n = 0;
    hdr[h++] = tag;
    if (len < 0x80) {
        hdr[h++] = (uint8_t)len;
    } else {
        for (size_t v = len; v > 0; v >>= 8) {
            n++;
        }
        hdr[h++] = (uint8_t)(0x80 | n);
        for (size_t i = n; i > 0; i--) {
            hdr[h++] = (uint8_t)(len >> (8 * (i - 1)));
        }
    }
    ntls_x509_dbuf_put(b, hdr, h);
}

void ntls_x509_dbuf_free(struct ntls_x509_dbuf *b)
{
    ntls_free(b->p);
    memset(b, 0, sizeof *b);
}

/* Appends code point cp as UTF-8; false for surrogates and values past U+10FFFF (OpenSSL's
 * is_unicode_valid, which ASN1_STRING_to_UTF8 applies). */
static bool put_utf8(struct ntls_x509_dbuf *out, uint32_t cp)
{
    uint8_t u[4];
    if ((cp >= 0xd800 && cp <= 0xdfff) || cp > 0x10ffff) {
        return false;
    }
    if (cp < 0x80) {
        u[0] = (uint8_t)cp;
        ntls_x509_dbuf_put(out, u, 1);
    } else if (cp < 0x800) {
        u[0] = (uint8_t)(0xc0 | (cp >> 6));
        u[1] = (uint8_t)(0x80 | (cp & 0x3f));
        ntls_x509_dbuf_put(out, u, 2);
    } else if (cp < 0x10000) {
        u[0] = (uint8_t)(0xe0 | (cp >> 12));
        u[1] = (uint8_t)(0x80 | ((cp >> 6) & 0x3f));
        u[2] = (uint8_t)(0x80 | (cp & 0x3f));
        ntls_x509_dbuf_put(out, u, 3);
    } else {
        u[0] = (uint8_t)(0xf0 | (cp >> 18));
        u[1] = (uint8_t)(0x80 | ((cp >> 12) & 0x3f));
        u[2] = (uint8_t)(0x80 | ((cp >> 6) & 0x3f));
        u[3] = (uint8_t)(0x80 | (cp & 0x3f));
        ntls_x509_dbuf_put(out, u, 4);
    }
    return true;
}

ntls_result ntls_x509_string_utf8(uint8_t tag, struct ntls_cur value, struct ntls_x509_dbuf *out)
{
    size_t width;
    switch (tag) {
    case NTLS_DER_UTF8_STRING:
        NTLS_TRY(ntls_der_string_value(tag, value)); /* well-formed UTF-8 without surrogates */
        ntls_x509_dbuf_put(out, value.p, value.len);
        return ntls_ok();
    case NTLS_DER_NUMERIC_STRING:
    case NTLS_DER_PRINTABLE_STRING:
    case NTLS_DER_T61_STRING:
    case NTLS_DER_IA5_STRING:
    case NTLS_DER_VISIBLE_STRING:
        width = 1;
        break;
    case NTLS_DER_BMP_STRING:
        width = 2;
        break;
    case NTLS_DER_UNIVERSAL_STRING:
        width = 4;
        break;
    default:
        return ntls_error(NTLS_E_DECODE);
    }
    NTLS_ENSURE(value.len % width == 0, NTLS_E_DECODE);
    while (!ntls_cur_empty(&value)) {
        uint32_t cp = 0;
        uint8_t b8;
        uint16_t b16;
        if (width == 1) {
            NTLS_TRY(ntls_cur_u8(&value, &b8));
            cp = b8;
        } else if (width == 2) {
            NTLS_TRY(ntls_cur_u16(&value, &b16));
            cp = b16;
        } else {
            NTLS_TRY(ntls_cur_u32(&value, &cp));
        }
        NTLS_ENSURE(put_utf8(out, cp), NTLS_E_DECODE);
    }
    return ntls_ok();
}

/* The string types OpenSSL canonicalises (ASN1_MASK_CANON). */
static bool canon_type(uint8_t tag)
{
    switch (tag) {
    case NTLS_DER_UTF8_STRING:
    case NTLS_DER_BMP_STRING:
    case NTLS_DER_UNIVERSAL_STRING:
    case NTLS_DER_PRINTABLE_STRING:
    case NTLS_DER_T61_STRING:
    case NTLS_DER_IA5_STRING:
    case NTLS_DER_VISIBLE_STRING:
        return true;
    default:
        return false;
    }
}

/* ossl_isspace: the C locale's white space. */
static bool is_space(uint8_t c)
{
    return c == ' ' || (c >= '\t' && c <= '\r');
}

/* asn1_string_canon on UTF-8 text in place: trims white space, folds inner runs to one space, lowers ASCII
 * letters; octets with the high bit set are copied as they are. Returns the new length. */
static size_t fold_utf8(uint8_t *s, size_t len)
{
    size_t from = 0, to = 0;
    while (len > 0 && is_space(s[len - 1])) {
        len--;
    }
    while (from < len && is_space(s[from])) {
        from++;
    }
    while (from < len) {
        uint8_t c = s[from];
        if (is_space(c)) {
            s[to++] = ' ';
            while (from < len && is_space(s[from])) {
                from++;
            }
        } else {
            s[to++] = (c >= 'A' && c <= 'Z') ? (uint8_t)(c - 'A' + 'a') : c;
            from++;
        }
    }
    return to;
}

/* One AttributeTypeAndValue in canonical form: SEQUENCE { type, value }. */
static ntls_result canon_atv(const struct ntls_x509_name_entry *e, struct ntls_x509_dbuf *out)
{
    struct ntls_x509_dbuf val = { 0 };
    uint8_t tag = e->tag;
    if (canon_type(e->tag)) {
        ntls_result r = ntls_x509_string_utf8(e->tag, e->value, &val);
        if (!ntls_is_ok(r)) {
            ntls_x509_dbuf_free(&val);
            return r;
        }
        val.len = val.len > 0 ? fold_utf8(val.p, val.len) : 0;
        tag = NTLS_DER_UTF8_STRING;
    } else {
        ntls_x509_dbuf_put(&val, e->value.p, e->value.len);
    }
    struct ntls_x509_dbuf oid = { 0 };
    ntls_x509_dbuf_tl(&oid, NTLS_DER_OID, e->oid.len);
    ntls_x509_dbuf_put(&oid, e->oid.p, e->oid.len);
    ntls_x509_dbuf_tl(&oid, tag, val.len);
    ntls_x509_dbuf_put(&oid, val.p, val.len);
    ntls_x509_dbuf_tl(out, NTLS_DER_SEQUENCE, oid.len);
    ntls_x509_dbuf_put(out, oid.p, oid.len);
    bool failed = val.failed || oid.failed;
    ntls_x509_dbuf_free(&val);
    ntls_x509_dbuf_free(&oid);
    NTLS_ENSURE(!failed, NTLS_E_NOMEM);
    return ntls_ok();
}

struct span {
    const uint8_t *p;
    size_t len;
};

/* X.690 11.6: the components of a SET OF in ascending order of their encodings, a shorter one first when
 * it is a prefix of the other (OpenSSL's der_cmp). */
static int span_cmp(const void *a, const void *b)
{
    const struct span *x = a, *y = b;
    size_t n = x->len < y->len ? x->len : y->len;
    int c = n > 0 ? memcmp(x->p, y->p, n) : 0;
    if (c != 0) {
        return c;
    }
    return x->len < y->len ? -1 : x->len > y->len;
}

/* Appends the canonical SET of entries [first, end) of one RDN. */
static ntls_result canon_rdn(const struct ntls_x509_name *name, size_t first, size_t end,
                             struct ntls_x509_dbuf *out, size_t *offs, struct span *spans)
{
    struct ntls_x509_dbuf atvs = { 0 };
    ntls_result r = ntls_ok();
    for (size_t i = first; i < end && ntls_is_ok(r); i++) {
        offs[i - first] = atvs.len;
        r = canon_atv(&name->entries[i], &atvs);
    }
    if (ntls_is_ok(r) && atvs.failed) {
        r = ntls_error(NTLS_E_NOMEM);
    }
    if (ntls_is_ok(r)) {
        size_t n = end - first;
        for (size_t i = 0; i < n; i++) {
            size_t stop = i + 1 < n ? offs[i + 1] : atvs.len;
            spans[i] = (struct span){ atvs.p + offs[i], stop - offs[i] };
        }
        qsort(spans, n, sizeof *spans, span_cmp);
        ntls_x509_dbuf_tl(out, NTLS_DER_SET, atvs.len);
        for (size_t i = 0; i < n; i++) {
            ntls_x509_dbuf_put(out, spans[i].p, spans[i].len);
        }
    }
    ntls_x509_dbuf_free(&atvs);
    return r;
}

static ntls_result canon_name(const struct ntls_x509_name *name, struct ntls_x509_dbuf *out)
{
    if (name->count == 0) {
        return ntls_ok();
    }
    size_t *offs = ntls_calloc(name->count, sizeof *offs);
    struct span *spans = ntls_calloc(name->count, sizeof *spans);
    ntls_result r = ntls_ok();
    if (offs == NULL || spans == NULL) {
        r = ntls_error(NTLS_E_NOMEM);
    }
    for (size_t first = 0; first < name->count && ntls_is_ok(r);) {
        size_t end = first + 1;
        while (end < name->count && name->entries[end].rdn == name->entries[first].rdn) {
            end++;
        }
        r = canon_rdn(name, first, end, out, offs, spans);
        first = end;
    }
    ntls_free(offs);
    ntls_free(spans);
    return r;
}

ntls_result ntls_x509_name_canon(const struct ntls_x509_name *name, uint8_t **out, size_t *out_len)
{
    struct ntls_x509_dbuf b = { 0 };
    ntls_result r = canon_name(name, &b);
    if (ntls_is_ok(r) && b.failed) {
        r = ntls_error(NTLS_E_NOMEM);
    }
    if (ntls_is_ok(r) && b.p == NULL) {
        b.p = ntls_calloc(1, 1);
        if (b.p == NULL) {
            r = ntls_error(NTLS_E_NOMEM);
        }
    }
    if (!ntls_is_ok(r)) {
        ntls_x509_dbuf_free(&b);
        return r;
    }
    *out = b.p;
    *out_len = b.len;
    return ntls_ok();
}

ntls_result ntls_x509_name_canon_der(struct ntls_cur der, uint8_t **out, size_t *out_len)
{
    struct ntls_x509_name name;
    NTLS_TRY(ntls_x509_name_parse(&der, &name));
    ntls_result r = ntls_x509_name_canon(&name, out, out_len);
    ntls_x509_name_free(&name);
    return r;
}

static uint32_t le32(const uint8_t *md)
{
    return (uint32_t)md[0] | (uint32_t)md[1] << 8 | (uint32_t)md[2] << 16 | (uint32_t)md[3] << 24;
}

uint32_t ntls_x509_canon_hash(const uint8_t *canon, size_t len)
{
    uint8_t md[NTLS_HASH_MAX_SIZE];
    ntls_hash_oneshot(NTLS_HASH_SHA1, canon, len, md);
    return le32(md);
}

ntls_result ntls_x509_name_hash(const struct ntls_x509_name *name, uint32_t *hash)
{
    uint8_t *canon;
    size_t len;
    NTLS_TRY(ntls_x509_name_canon(name, &canon, &len));
    *hash = ntls_x509_canon_hash(canon, len);
    ntls_free(canon);
    return ntls_ok();
}

uint32_t ntls_x509_name_hash_old(const struct ntls_x509_name *name)
{
    uint8_t md[NTLS_HASH_MAX_SIZE];
    ntls_hash_oneshot(NTLS_HASH_MD5, name->der.p, name->der.len, md);
    return le32(md);
}

bool ntls_x509_canon_eq(const uint8_t *a, size_t a_len, const uint8_t *b, size_t b_len)
{
    return a != NULL && b != NULL && a_len == b_len && (a_len == 0 || memcmp(a, b, a_len) == 0);
}

bool ntls_x509_name_match(const struct ntls_x509_name *a, const struct ntls_x509_name *b)
{
    uint8_t *ca = NULL, *cb = NULL;
    size_t la = 0, lb = 0;
    bool eq = ntls_is_ok(ntls_x509_name_canon(a, &ca, &la)) &&
              ntls_is_ok(ntls_x509_name_canon(b, &cb, &lb)) && ntls_x509_canon_eq(ca, la, cb, lb);
    ntls_free(ca);
    ntls_free(cb);
    return eq;
}
