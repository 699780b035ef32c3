/* The strict DER reader (der.h). With lib/base/buf.c, the only file that does arithmetic on wire bytes. */
#include "der.h"

#include <string.h>

/* X.690 8.1.3 and 10.1: definite lengths only, in the fewest octets. */
static ntls_result read_length(struct ntls_cur *c, size_t *len)
{
    uint8_t first;
    NTLS_TRY(ntls_cur_u8(c, &first));
    if (first < 0x80) {
        *len = first;
        return ntls_ok();
    }
    unsigned n = first & 0x7f;
    /* 0x80 is the indefinite form (BER only); over 4 octets cannot be a length we could hold */
    NTLS_ENSURE(n >= 1 && n <= 4, NTLS_E_DECODE);
    uint32_t v = 0;
    for (unsigned i = 0; i < n; i++) {
        uint8_t b;
        NTLS_TRY(ntls_cur_u8(c, &b));
        NTLS_ENSURE(i > 0 || b != 0, NTLS_E_DECODE); /* leading zero octet: not minimal */
        v = (v << 8) | b;
    }
    NTLS_ENSURE(v >= 0x80, NTLS_E_DECODE); /* the short form would have done */
    *len = v;
    return ntls_ok();
}

ntls_result ntls_der_read(struct ntls_cur *in, struct ntls_der_tlv *out)
{
    struct ntls_cur c = *in;
    uint8_t tag;
    size_t len;
    NTLS_TRY(ntls_cur_u8(&c, &tag));
    NTLS_ENSURE(tag != 0x00, NTLS_E_DECODE);          /* end-of-contents only follows indefinite lengths */
    NTLS_ENSURE((tag & 0x1f) != 0x1f, NTLS_E_DECODE); /* high tag numbers: not used by what we parse */
    NTLS_TRY(read_length(&c, &len));
    NTLS_TRY(ntls_cur_take(&c, len, &out->value));
    out->tag = tag;
    out->raw = ntls_cur_init(in->p, in->len - c.len);
    *in = c;
    return ntls_ok();
}

bool ntls_der_peek(const struct ntls_cur *in, uint8_t tag)
{
    return in->len > 0 && in->p[0] == tag;
}

ntls_result ntls_der_expect_tlv(struct ntls_cur *in, uint8_t tag, struct ntls_der_tlv *out)
{
    struct ntls_cur c = *in;
    struct ntls_der_tlv tlv;
    NTLS_TRY(ntls_der_read(&c, &tlv));
    NTLS_ENSURE(tlv.tag == tag, NTLS_E_DECODE);
    *out = tlv;
    *in = c;
    return ntls_ok();
}

ntls_result ntls_der_expect(struct ntls_cur *in, uint8_t tag, struct ntls_cur *value)
{
    struct ntls_der_tlv tlv;
    NTLS_TRY(ntls_der_expect_tlv(in, tag, &tlv));
    *value = tlv.value;
    return ntls_ok();
}

ntls_result ntls_der_optional(struct ntls_cur *in, uint8_t tag, struct ntls_cur *value, bool *present)
{
    if (!ntls_der_peek(in, tag)) {
        *present = false;
        return ntls_ok();
    }
    NTLS_TRY(ntls_der_expect(in, tag, value));
    *present = true;
    return ntls_ok();
}

ntls_result ntls_der_sequence(struct ntls_cur *in, struct ntls_cur *body)
{
    return ntls_der_expect(in, NTLS_DER_SEQUENCE, body);
}

ntls_result ntls_der_set(struct ntls_cur *in, struct ntls_cur *body)
{
    return ntls_der_expect(in, NTLS_DER_SET, body);
}

ntls_result ntls_der_explicit(struct ntls_cur *in, unsigned n, struct ntls_cur *inner, bool *present)
{
    NTLS_ENSURE(n < 31, NTLS_E_USAGE);
    uint8_t tag = (uint8_t)NTLS_DER_CTX_CONS(n);
    if (present != NULL) {
        return ntls_der_optional(in, tag, inner, present);
    }
    return ntls_der_expect(in, tag, inner);
}

ntls_result ntls_der_integer_value(struct ntls_cur value, bool *negative)
{
    NTLS_ENSURE(value.len >= 1, NTLS_E_DECODE);
    if (value.len >= 2) {
        /* X.690 8.3.2: the first octet and bit 8 of the second must not be all zeros or all ones */
        unsigned top9 = ((unsigned)value.p[0] << 1) | (value.p[1] >> 7);
        NTLS_ENSURE(top9 != 0 && top9 != 0x1ff, NTLS_E_DECODE);
    }
    *negative = (value.p[0] & 0x80) != 0;
    return ntls_ok();
}

ntls_result ntls_der_integer(struct ntls_cur *in, struct ntls_cur *bytes, bool *negative)
{
    struct ntls_cur c = *in, value;
    NTLS_TRY(ntls_der_expect(&c, NTLS_DER_INTEGER, &value));
    NTLS_TRY(ntls_der_integer_value(value, negative));
    *bytes = value;
    *in = c;
    return ntls_ok();
}

ntls_result ntls_der_uint_value(struct ntls_cur value, struct ntls_cur *magnitude)
{
    bool negative;
    NTLS_TRY(ntls_der_integer_value(value, &negative));
    NTLS_ENSURE(!negative, NTLS_E_DECODE);
    if (value.len >= 2 && value.p[0] == 0x00) {
        NTLS_TRY(ntls_cur_skip(&value, 1));
    }
    *magnitude = value;
    return ntls_ok();
}

ntls_result ntls_der_uint(struct ntls_cur *in, struct ntls_cur *magnitude)
{
    struct ntls_cur c = *in, value;
    NTLS_TRY(ntls_der_expect(&c, NTLS_DER_INTEGER, &value));
    NTLS_TRY(ntls_der_uint_value(value, magnitude));
    *in = c;
    return ntls_ok();
}

ntls_result ntls_der_u64_value(struct ntls_cur value, uint64_t *v)
{
    struct ntls_cur mag;
    NTLS_TRY(ntls_der_uint_value(value, &mag));
    NTLS_ENSURE(mag.len <= 8, NTLS_E_DECODE);
    uint64_t x = 0;
    for (size_t i = 0; i < mag.len; i++) {
        x = (x << 8) | mag.p[i];
    }
    *v = x;
    return ntls_ok();
}

ntls_result ntls_der_u64(struct ntls_cur *in, uint64_t *v)
{
    struct ntls_cur c = *in, value;
    NTLS_TRY(ntls_der_expect(&c, NTLS_DER_INTEGER, &value));
    NTLS_TRY(ntls_der_u64_value(value, v));
    *in = c;
    return ntls_ok();
}

ntls_result ntls_der_oid_value(struct ntls_cur value)
{
    NTLS_ENSURE(value.len >= 1, NTLS_E_DECODE);
    bool start = true; /* at the first octet of a subidentifier */
    for (size_t i = 0; i < value.len; i++) {
        NTLS_ENSURE(!(start && value.p[i] == 0x80), NTLS_E_DECODE); /* X.690 8.19.2: no leading 0x80 */
        start = (value.p[i] & 0x80) == 0;
    }
    NTLS_ENSURE(start, NTLS_E_DECODE); /* the last subidentifier is cut short */
    return ntls_ok();
}

ntls_result ntls_der_oid(struct ntls_cur *in, struct ntls_cur *oid)
{
    struct ntls_cur c = *in, value;
    NTLS_TRY(ntls_der_expect(&c, NTLS_DER_OID, &value));
    NTLS_TRY(ntls_der_oid_value(value));
    *oid = value;
    *in = c;
    return ntls_ok();
}

ntls_result ntls_der_bit_string_value(struct ntls_cur value, struct ntls_cur *bits, unsigned *unused)
{
    uint8_t n;
    NTLS_TRY(ntls_cur_u8(&value, &n));
    NTLS_ENSURE(n <= 7, NTLS_E_DECODE);
    NTLS_ENSURE(value.len > 0 || n == 0, NTLS_E_DECODE);
    /* X.690 11.2.1: the unused bits are zero */
    NTLS_ENSURE(value.len == 0 || (value.p[value.len - 1] & ((1u << n) - 1)) == 0, NTLS_E_DECODE);
    *bits = value;
    *unused = n;
    return ntls_ok();
}

ntls_result ntls_der_bit_string(struct ntls_cur *in, struct ntls_cur *bits, unsigned *unused)
{
    struct ntls_cur c = *in, value;
    NTLS_TRY(ntls_der_expect(&c, NTLS_DER_BIT_STRING, &value));
    NTLS_TRY(ntls_der_bit_string_value(value, bits, unused));
    *in = c;
    return ntls_ok();
}

ntls_result ntls_der_bit_string_octets(struct ntls_cur *in, struct ntls_cur *octets)
{
    struct ntls_cur c = *in, bits;
    unsigned unused;
    NTLS_TRY(ntls_der_bit_string(&c, &bits, &unused));
    NTLS_ENSURE(unused == 0, NTLS_E_DECODE);
    *octets = bits;
    *in = c;
    return ntls_ok();
}

ntls_result ntls_der_octet_string(struct ntls_cur *in, struct ntls_cur *octets)
{
    return ntls_der_expect(in, NTLS_DER_OCTET_STRING, octets);
}

ntls_result ntls_der_bool(struct ntls_cur *in, bool *v)
{
    struct ntls_cur c = *in, value;
    NTLS_TRY(ntls_der_expect(&c, NTLS_DER_BOOLEAN, &value));
    NTLS_ENSURE(value.len == 1 && (value.p[0] == 0x00 || value.p[0] == 0xff), NTLS_E_DECODE);
    *v = value.p[0] != 0;
    *in = c;
    return ntls_ok();
}

ntls_result ntls_der_null(struct ntls_cur *in)
{
    struct ntls_cur c = *in, value;
    NTLS_TRY(ntls_der_expect(&c, NTLS_DER_NULL, &value));
    NTLS_ENSURE(value.len == 0, NTLS_E_DECODE);
    *in = c;
    return ntls_ok();
}

bool ntls_der_is_string_tag(uint8_t tag)
{
    switch (tag) {
    case NTLS_DER_UTF8_STRING:
    case NTLS_DER_NUMERIC_STRING:
    case NTLS_DER_PRINTABLE_STRING:
    case NTLS_DER_T61_STRING:
    case NTLS_DER_VIDEOTEX_STRING:
    case NTLS_DER_IA5_STRING:
    case NTLS_DER_GRAPHIC_STRING:
    case NTLS_DER_VISIBLE_STRING:
    case NTLS_DER_GENERAL_STRING:
    case NTLS_DER_UNIVERSAL_STRING:
    case NTLS_DER_BMP_STRING:
        return true;
    default:
        return false;
    }
}

/* RFC 3629 section 4: the well-formed UTF-8 byte sequences. */
static bool utf8_valid(struct ntls_cur s)
{
    size_t i = 0;
    while (i < s.len) {
        uint8_t b = s.p[i];
        size_t n;
        uint32_t cp, min;
        if (b < 0x80) {
            i++;
            continue;
        } else if ((b & 0xe0) == 0xc0) {
            n = 1, cp = b & 0x1f, min = 0x80;
        } else if ((b & 0xf0) == 0xe0) {
            n = 2, cp = b & 0x0f, min = 0x800;
        } else if ((b & 0xf8) == 0xf0) {
            n = 3, cp = b & 0x07, min = 0x10000;
        } else {
            return false;
        }
        if (s.len - i - 1 < n) {
            return false;
        }
        for (size_t k = 1; k <= n; k++) {
            if ((s.p[i + k] & 0xc0) != 0x80) {
                return false;
            }
            cp = (cp << 6) | (s.p[i + k] & 0x3f);
        }
        if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) {
            return false;
        }
        i += n + 1;
    }
    return true;
}

static bool chars_in(struct ntls_cur s, uint8_t lo, uint8_t hi)
{
    for (size_t i = 0; i < s.len; i++) {
        if (s.p[i] < lo || s.p[i] > hi) {
            return false;
        }
    }
    return true;
}

ntls_result ntls_der_string_value(uint8_t tag, struct ntls_cur value)
{
    switch (tag) {
    case NTLS_DER_UTF8_STRING:
        NTLS_ENSURE(utf8_valid(value), NTLS_E_DECODE);
        break;
    case NTLS_DER_PRINTABLE_STRING:
        NTLS_ENSURE(chars_in(value, 0x20, 0x7e), NTLS_E_DECODE);
        break;
    case NTLS_DER_NUMERIC_STRING:
    case NTLS_DER_IA5_STRING:
    case NTLS_DER_VISIBLE_STRING:
        NTLS_ENSURE(chars_in(value, 0x00, 0x7f), NTLS_E_DECODE);
        break;
    case NTLS_DER_BMP_STRING:
        NTLS_ENSURE(value.len % 2 == 0, NTLS_E_DECODE);
        break;
    case NTLS_DER_UNIVERSAL_STRING:
        NTLS_ENSURE(value.len % 4 == 0, NTLS_E_DECODE);
        break;
    default:
        NTLS_ENSURE(ntls_der_is_string_tag(tag), NTLS_E_DECODE);
        break;
    }
    return ntls_ok();
}

ntls_result ntls_der_string(struct ntls_cur *in, uint8_t *tag, struct ntls_cur *value)
{
    struct ntls_cur c = *in;
    struct ntls_der_tlv tlv;
    NTLS_TRY(ntls_der_read(&c, &tlv));
    NTLS_TRY(ntls_der_string_value(tlv.tag, tlv.value));
    *tag = tlv.tag;
    *value = tlv.value;
    *in = c;
    return ntls_ok();
}

ntls_result ntls_der_algorithm(struct ntls_cur *in, struct ntls_der_alg *out)
{
    struct ntls_cur c = *in;
    struct ntls_der_tlv seq;
    struct ntls_der_alg alg;
    NTLS_TRY(ntls_der_expect_tlv(&c, NTLS_DER_SEQUENCE, &seq));
    struct ntls_cur body = seq.value;
    NTLS_TRY(ntls_der_oid(&body, &alg.oid));
    alg.params = ntls_cur_init(body.p, 0);
    if (!ntls_cur_empty(&body)) {
        struct ntls_der_tlv params;
        NTLS_TRY(ntls_der_read(&body, &params));
        alg.params = params.raw;
    }
    NTLS_TRY(ntls_cur_end(&body));
    alg.raw = seq.raw;
    *out = alg;
    *in = c;
    return ntls_ok();
}

bool ntls_der_params_absent_or_null(const struct ntls_der_alg *alg)
{
    static const uint8_t null_der[] = { NTLS_DER_NULL, 0x00 };
    return alg->params.len == 0 ||
           (alg->params.len == sizeof null_der && memcmp(alg->params.p, null_der, sizeof null_der) == 0);
}
