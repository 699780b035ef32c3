/* The strict DER reader (lib/x509/der.c): lengths, tags, each primitive type, and the rule that a failed
 * read leaves the cursor where it was. */
#include <criterion/criterion.h>
#include <string.h>

#include "testutil.h"
#include "x509/der.h"

#define CUR(a) ntls_cur_init((a), sizeof(a))

/* Expects ntls_der_read to fail with decode and to leave the cursor alone. */
static void read_fails(const uint8_t *der, size_t len)
{
    struct ntls_cur in = ntls_cur_init(der, len);
    struct ntls_der_tlv tlv;
    cr_assert_eq(ntls_der_read(&in, &tlv).err, NTLS_E_DECODE);
    cr_assert_eq(in.p, der);
    cr_assert_eq(in.len, len);
}

Test(der, reads_short_and_long_lengths)
{
    uint8_t der[3 + 200] = { 0x04, 0x81, 200 };
    der[3] = 0xaa;
    struct ntls_cur in = CUR(der);
    struct ntls_der_tlv tlv;
    cr_assert_eq(ntls_der_read(&in, &tlv).err, NTLS_E_OK);
    cr_assert_eq(tlv.tag, 0x04);
    cr_assert_eq(tlv.value.len, 200);
    cr_assert_eq(tlv.value.p, der + 3);
    cr_assert_eq(tlv.value.p[0], 0xaa);
    cr_assert_eq(tlv.raw.p, der);
    cr_assert_eq(tlv.raw.len, sizeof der);
    cr_assert(ntls_cur_empty(&in));

    const uint8_t small[] = { 0x05, 0x00, 0x01, 0x01, 0xff };
    in = CUR(small);
    cr_assert_eq(ntls_der_read(&in, &tlv).err, NTLS_E_OK);
    cr_assert_eq(tlv.value.len, 0);
    cr_assert_eq(tlv.raw.len, 2);
    cr_assert_eq(in.len, 3);
}

Test(der, rejects_bad_lengths)
{
    static const uint8_t indefinite[] = { 0x30, 0x80, 0x00, 0x00 };
    static const uint8_t long_form_small[] = { 0x04, 0x81, 0x05, 1, 2, 3, 4, 5 }; /* 5 fits the short form */
    static const uint8_t leading_zero[] = { 0x04, 0x82, 0x00, 0x81 };
    static const uint8_t five_octets[] = { 0x04, 0x85, 0x00, 0x00, 0x00, 0x00, 0x01, 0x00 };
    static const uint8_t reserved[] = { 0x04, 0xff };
    static const uint8_t past_end[] = { 0x04, 0x03, 0x01, 0x02 };
    static const uint8_t long_past_end[] = { 0x04, 0x82, 0x01, 0x00, 0x00 };
    static const uint8_t no_length[] = { 0x04 };
    static const uint8_t cut_length[] = { 0x04, 0x82, 0x01 };
    read_fails(indefinite, sizeof indefinite);
    read_fails(long_form_small, sizeof long_form_small);
    read_fails(leading_zero, sizeof leading_zero);
    read_fails(five_octets, sizeof five_octets);
    read_fails(reserved, sizeof reserved);
    read_fails(past_end, sizeof past_end);
    read_fails(long_past_end, sizeof long_past_end);
    read_fails(no_length, sizeof no_length);
    read_fails(cut_length, sizeof cut_length);
    read_fails(NULL, 0);
}

Test(der, rejects_high_tag_numbers_and_end_of_contents)
{
    static const uint8_t high[] = { 0x1f, 0x20, 0x00 };
    static const uint8_t high_ctx[] = { 0xbf, 0x81, 0x00, 0x00 };
    static const uint8_t eoc[] = { 0x00, 0x00 };
    read_fails(high, sizeof high);
    read_fails(high_ctx, sizeof high_ctx);
    read_fails(eoc, sizeof eoc);
}

Test(der, expect_checks_the_tag_and_keeps_the_cursor)
{
    static const uint8_t der[] = { 0x04, 0x01, 0x55 };
    struct ntls_cur in = CUR(der), v;
    cr_assert_eq(ntls_der_expect(&in, NTLS_DER_INTEGER, &v).err, NTLS_E_DECODE);
    cr_assert_eq(in.len, sizeof der);
    cr_assert_eq(ntls_der_sequence(&in, &v).err, NTLS_E_DECODE);
    /* a constructed OCTET STRING (BER) is not an OCTET STRING */
    static const uint8_t cons[] = { 0x24, 0x03, 0x04, 0x01, 0x55 };
    struct ntls_cur c2 = CUR(cons);
    cr_assert_eq(ntls_der_octet_string(&c2, &v).err, NTLS_E_DECODE);
    cr_assert_eq(ntls_der_octet_string(&in, &v).err, NTLS_E_OK);
    cr_assert_eq(v.len, 1);
    cr_assert_eq(v.p[0], 0x55);
}

Test(der, optional_and_explicit_context_tags)
{
    /* [0] EXPLICIT INTEGER 2, then [1] IMPLICIT OCTET STRING, then an INTEGER */
    static const uint8_t der[] = { 0xa0, 0x03, 0x02, 0x01, 0x02, 0x81, 0x01, 0x07, 0x02, 0x01, 0x05 };
    struct ntls_cur in = CUR(der), inner, v;
    bool present;
    uint64_t x;
    cr_assert_eq(ntls_der_explicit(&in, 3, &inner, &present).err, NTLS_E_OK);
    cr_assert(!present);
    cr_assert_eq(in.len, sizeof der);
    cr_assert_eq(ntls_der_explicit(&in, 0, &inner, &present).err, NTLS_E_OK);
    cr_assert(present);
    cr_assert_eq(ntls_der_u64(&inner, &x).err, NTLS_E_OK);
    cr_assert_eq(x, 2);
    cr_assert_eq(ntls_cur_end(&inner).err, NTLS_E_OK);
    cr_assert_eq(ntls_der_explicit(&in, 1, &inner, NULL).err, NTLS_E_DECODE); /* [1] is primitive here */
    cr_assert_eq(ntls_der_optional(&in, NTLS_DER_CTX(1), &v, &present).err, NTLS_E_OK);
    cr_assert(present);
    cr_assert_eq(v.len, 1);
    cr_assert_eq(v.p[0], 0x07);
    cr_assert(ntls_der_peek(&in, NTLS_DER_INTEGER));
    cr_assert_eq(ntls_der_explicit(&in, 2, &inner, NULL).err, NTLS_E_DECODE); /* mandatory, absent */
    cr_assert_eq(ntls_der_u64(&in, &x).err, NTLS_E_OK);
    cr_assert_eq(x, 5);
    cr_assert(!ntls_der_peek(&in, NTLS_DER_INTEGER));
    cr_assert_eq(ntls_der_optional(&in, NTLS_DER_INTEGER, &v, &present).err, NTLS_E_OK);
    cr_assert(!present);
}

Test(der, optional_rejects_a_malformed_element_with_its_tag)
{
    static const uint8_t der[] = { 0x81, 0x05, 0x00 };
    struct ntls_cur in = CUR(der), v;
    bool present;
    cr_assert_eq(ntls_der_optional(&in, NTLS_DER_CTX(1), &v, &present).err, NTLS_E_DECODE);
}

struct int_case {
    uint8_t der[8];
    size_t len;
    enum ntls_err err;
    bool negative;
};

Test(der, integers_must_be_minimal)
{
    static const struct int_case cases[] = {
        { { 0x02, 0x01, 0x00 }, 3, NTLS_E_OK, false },
        { { 0x02, 0x01, 0x7f }, 3, NTLS_E_OK, false },
        { { 0x02, 0x02, 0x00, 0x80 }, 4, NTLS_E_OK, false },
        { { 0x02, 0x01, 0x80 }, 3, NTLS_E_OK, true },
        { { 0x02, 0x02, 0xff, 0x7f }, 4, NTLS_E_OK, true },
        { { 0x02, 0x00 }, 2, NTLS_E_DECODE, false },
        { { 0x02, 0x02, 0x00, 0x7f }, 4, NTLS_E_DECODE, false },
        { { 0x02, 0x02, 0x00, 0x00 }, 4, NTLS_E_DECODE, false },
        { { 0x02, 0x02, 0xff, 0x80 }, 4, NTLS_E_DECODE, false },
        { { 0x02, 0x02, 0xff, 0xff }, 4, NTLS_E_DECODE, false },
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        struct ntls_cur in = ntls_cur_init(cases[i].der, cases[i].len), bytes;
        bool negative = !cases[i].negative;
        cr_assert_eq(ntls_der_integer(&in, &bytes, &negative).err, cases[i].err, "case %zu", i);
        if (cases[i].err == NTLS_E_OK) {
            cr_assert_eq(negative, cases[i].negative, "case %zu", i);
            cr_assert_eq(bytes.len, cases[i].len - 2);
            cr_assert(ntls_cur_empty(&in));
        } else {
            cr_assert_eq(in.len, cases[i].len, "case %zu: cursor moved", i);
        }
    }
}

Test(der, unsigned_magnitudes_and_u64)
{
    static const uint8_t pos[] = { 0x02, 0x03, 0x00, 0x80, 0x01 };
    static const uint8_t zero[] = { 0x02, 0x01, 0x00 };
    static const uint8_t neg[] = { 0x02, 0x01, 0xfe };
    static const uint8_t max64[] = { 0x02, 0x09, 0x00, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff };
    static const uint8_t big[] = { 0x02, 0x09, 0x01, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00 };
    struct ntls_cur in = CUR(pos), mag;
    uint64_t v;
    cr_assert_eq(ntls_der_uint(&in, &mag).err, NTLS_E_OK);
    cr_assert_eq(mag.len, 2);
    cr_assert_eq(mag.p[0], 0x80);
    cr_assert_eq(mag.p[1], 0x01);
    in = CUR(zero);
    cr_assert_eq(ntls_der_uint(&in, &mag).err, NTLS_E_OK);
    cr_assert_eq(mag.len, 1);
    cr_assert_eq(mag.p[0], 0x00);
    in = CUR(neg);
    cr_assert_eq(ntls_der_uint(&in, &mag).err, NTLS_E_DECODE);
    cr_assert_eq(ntls_der_u64(&in, &v).err, NTLS_E_DECODE);
    in = CUR(max64);
    cr_assert_eq(ntls_der_u64(&in, &v).err, NTLS_E_OK);
    cr_assert_eq(v, UINT64_MAX);
    in = CUR(big);
    cr_assert_eq(ntls_der_u64(&in, &v).err, NTLS_E_DECODE);
    in = CUR(pos);
    cr_assert_eq(ntls_der_u64(&in, &v).err, NTLS_E_OK);
    cr_assert_eq(v, 0x8001);
}

Test(der, object_identifiers)
{
    static const uint8_t cn[] = { 0x06, 0x03, 0x55, 0x04, 0x03 };
    static const uint8_t empty[] = { 0x06, 0x00 };
    static const uint8_t leading_80[] = { 0x06, 0x03, 0x55, 0x80, 0x03 };
    static const uint8_t unterminated[] = { 0x06, 0x02, 0x55, 0x84 };
    static const uint8_t long_arc[] = { 0x06, 0x04, 0x2a, 0x86, 0x48, 0x01 };
    struct ntls_cur in = CUR(cn), oid;
    cr_assert_eq(ntls_der_oid(&in, &oid).err, NTLS_E_OK);
    cr_assert_eq(oid.len, 3);
    cr_assert(ntls_oid_is(oid, NTLS_OID_CN));
    in = CUR(empty);
    cr_assert_eq(ntls_der_oid(&in, &oid).err, NTLS_E_DECODE);
    in = CUR(leading_80);
    cr_assert_eq(ntls_der_oid(&in, &oid).err, NTLS_E_DECODE);
    in = CUR(unterminated);
    cr_assert_eq(ntls_der_oid(&in, &oid).err, NTLS_E_DECODE);
    cr_assert_eq(in.len, sizeof unterminated);
    in = CUR(long_arc);
    cr_assert_eq(ntls_der_oid(&in, &oid).err, NTLS_E_OK);
}

Test(der, bit_strings)
{
    static const uint8_t ku[] = { 0x03, 0x02, 0x05, 0xa0 }; /* 101 then 5 unused zero bits */
    static const uint8_t octets[] = { 0x03, 0x03, 0x00, 0x12, 0x34 };
    static const uint8_t empty[] = { 0x03, 0x01, 0x00 };
    static const uint8_t no_count[] = { 0x03, 0x00 };
    static const uint8_t count8[] = { 0x03, 0x02, 0x08, 0x00 };
    static const uint8_t empty_unused[] = { 0x03, 0x01, 0x03 };
    static const uint8_t dirty[] = { 0x03, 0x02, 0x05, 0xa1 }; /* an unused bit set: not DER */
    struct ntls_cur in = CUR(ku), bits;
    unsigned unused;
    cr_assert_eq(ntls_der_bit_string(&in, &bits, &unused).err, NTLS_E_OK);
    cr_assert_eq(unused, 5);
    cr_assert_eq(bits.len, 1);
    cr_assert_eq(bits.p[0], 0xa0);
    in = CUR(ku);
    cr_assert_eq(ntls_der_bit_string_octets(&in, &bits).err, NTLS_E_DECODE);
    in = CUR(octets);
    cr_assert_eq(ntls_der_bit_string_octets(&in, &bits).err, NTLS_E_OK);
    cr_assert_eq(bits.len, 2);
    cr_assert_eq(bits.p[1], 0x34);
    in = CUR(empty);
    cr_assert_eq(ntls_der_bit_string(&in, &bits, &unused).err, NTLS_E_OK);
    cr_assert_eq(bits.len, 0);
    const struct {
        const uint8_t *der;
        size_t len;
    } bad[] = {
        { no_count, sizeof no_count },
        { count8, sizeof count8 },
        { empty_unused, sizeof empty_unused },
        { dirty, sizeof dirty },
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        in = ntls_cur_init(bad[i].der, bad[i].len);
        cr_assert_eq(ntls_der_bit_string(&in, &bits, &unused).err, NTLS_E_DECODE, "case %zu", i);
        cr_assert_eq(in.len, bad[i].len);
    }
}

Test(der, booleans_and_null)
{
    static const uint8_t t[] = { 0x01, 0x01, 0xff };
    static const uint8_t f[] = { 0x01, 0x01, 0x00 };
    static const uint8_t ber_true[] = { 0x01, 0x01, 0x01 };
    static const uint8_t long_bool[] = { 0x01, 0x02, 0x00, 0x00 };
    static const uint8_t empty_bool[] = { 0x01, 0x00 };
    static const uint8_t null[] = { 0x05, 0x00 };
    static const uint8_t fat_null[] = { 0x05, 0x01, 0x00 };
    bool v = false;
    struct ntls_cur in = CUR(t);
    cr_assert_eq(ntls_der_bool(&in, &v).err, NTLS_E_OK);
    cr_assert(v);
    in = CUR(f);
    cr_assert_eq(ntls_der_bool(&in, &v).err, NTLS_E_OK);
    cr_assert(!v);
    in = CUR(ber_true);
    cr_assert_eq(ntls_der_bool(&in, &v).err, NTLS_E_DECODE);
    cr_assert_eq(in.len, sizeof ber_true);
    in = CUR(long_bool);
    cr_assert_eq(ntls_der_bool(&in, &v).err, NTLS_E_DECODE);
    in = CUR(empty_bool);
    cr_assert_eq(ntls_der_bool(&in, &v).err, NTLS_E_DECODE);
    in = CUR(null);
    cr_assert_eq(ntls_der_null(&in).err, NTLS_E_OK);
    cr_assert(ntls_cur_empty(&in));
    in = CUR(fat_null);
    cr_assert_eq(ntls_der_null(&in).err, NTLS_E_DECODE);
}

static enum ntls_err string_err(uint8_t tag, const char *bytes, size_t n)
{
    return ntls_der_string_value(tag, ntls_cur_init(bytes, n)).err;
}

Test(der, string_types)
{
    cr_assert_eq(string_err(NTLS_DER_UTF8_STRING, "Soci\xc3\xa9t\xc3\xa9", 9), NTLS_E_OK);
    cr_assert_eq(string_err(NTLS_DER_UTF8_STRING, "\xf0\x9f\x94\x92", 4), NTLS_E_OK);     /* U+1F512 */
    cr_assert_eq(string_err(NTLS_DER_UTF8_STRING, "\xc0\x80", 2), NTLS_E_DECODE);         /* overlong NUL */
    cr_assert_eq(string_err(NTLS_DER_UTF8_STRING, "\xe0\x80\xaf", 3), NTLS_E_DECODE);     /* overlong '/' */
    cr_assert_eq(string_err(NTLS_DER_UTF8_STRING, "\xed\xa0\x80", 3), NTLS_E_DECODE);     /* surrogate */
    cr_assert_eq(string_err(NTLS_DER_UTF8_STRING, "\xf4\x90\x80\x80", 4), NTLS_E_DECODE); /* > U+10FFFF */
    cr_assert_eq(string_err(NTLS_DER_UTF8_STRING, "\xc3", 1), NTLS_E_DECODE);             /* cut short */
    cr_assert_eq(string_err(NTLS_DER_UTF8_STRING, "\x80", 1), NTLS_E_DECODE); /* lone continuation */
    cr_assert_eq(string_err(NTLS_DER_PRINTABLE_STRING, "US", 2), NTLS_E_OK);
    cr_assert_eq(string_err(NTLS_DER_PRINTABLE_STRING, "a\tb", 3), NTLS_E_DECODE);
    cr_assert_eq(string_err(NTLS_DER_PRINTABLE_STRING, "\xe9", 1), NTLS_E_DECODE);
    cr_assert_eq(string_err(NTLS_DER_IA5_STRING, "a@b.c", 5), NTLS_E_OK);
    cr_assert_eq(string_err(NTLS_DER_IA5_STRING, "\xe9", 1), NTLS_E_DECODE);
    cr_assert_eq(string_err(NTLS_DER_BMP_STRING,
                            "\x00"
                            "a",
                            2),
                 NTLS_E_OK);
    cr_assert_eq(string_err(NTLS_DER_BMP_STRING,
                            "\x00"
                            "a\x00",
                            3),
                 NTLS_E_DECODE);
    cr_assert_eq(string_err(NTLS_DER_UNIVERSAL_STRING,
                            "\x00\x00\x00"
                            "a",
                            4),
                 NTLS_E_OK);
    cr_assert_eq(string_err(NTLS_DER_UNIVERSAL_STRING,
                            "\x00\x00"
                            "a",
                            3),
                 NTLS_E_DECODE);
    cr_assert_eq(string_err(NTLS_DER_T61_STRING, "\xe9\xff", 2), NTLS_E_OK);
    cr_assert_eq(string_err(NTLS_DER_OCTET_STRING, "a", 1), NTLS_E_DECODE);
    cr_assert(ntls_der_is_string_tag(NTLS_DER_VISIBLE_STRING));
    cr_assert(!ntls_der_is_string_tag(NTLS_DER_INTEGER));

    static const uint8_t der[] = { 0x13, 0x02, 'U', 'S', 0x02, 0x01, 0x00 };
    struct ntls_cur in = CUR(der), v;
    uint8_t tag;
    cr_assert_eq(ntls_der_string(&in, &tag, &v).err, NTLS_E_OK);
    cr_assert_eq(tag, NTLS_DER_PRINTABLE_STRING);
    cr_assert_eq(v.len, 2);
    cr_assert_eq(ntls_der_string(&in, &tag, &v).err, NTLS_E_DECODE); /* an INTEGER is no string */
    cr_assert_eq(in.len, 3);
}

Test(der, algorithm_identifiers)
{
    static const uint8_t with_null[] = { 0x30, 0x0d, 0x06, 0x09, 0x2a, 0x86, 0x48, 0x86,
                                         0xf7, 0x0d, 0x01, 0x01, 0x0b, 0x05, 0x00 };
    static const uint8_t absent[] = {
        0x30, 0x0a, 0x06, 0x08, 0x2a, 0x86, 0x48, 0xce, 0x3d, 0x04, 0x03, 0x02
    };
    static const uint8_t two_params[] = { 0x30, 0x09, 0x06, 0x03, 0x55, 0x04, 0x03, 0x05, 0x00, 0x05, 0x00 };
    static const uint8_t no_oid[] = { 0x30, 0x02, 0x05, 0x00 };
    struct ntls_cur in = CUR(with_null);
    struct ntls_der_alg alg;
    cr_assert_eq(ntls_der_algorithm(&in, &alg).err, NTLS_E_OK);
    cr_assert(ntls_oid_is(alg.oid, NTLS_OID_SHA256_RSA));
    cr_assert_eq(alg.params.len, 2);
    cr_assert_eq(alg.raw.len, sizeof with_null);
    cr_assert(ntls_der_params_absent_or_null(&alg));
    in = CUR(absent);
    cr_assert_eq(ntls_der_algorithm(&in, &alg).err, NTLS_E_OK);
    cr_assert(ntls_oid_is(alg.oid, NTLS_OID_ECDSA_SHA256));
    cr_assert_eq(alg.params.len, 0);
    cr_assert(ntls_der_params_absent_or_null(&alg));
    in = CUR(two_params);
    cr_assert_eq(ntls_der_algorithm(&in, &alg).err, NTLS_E_DECODE);
    in = CUR(no_oid);
    cr_assert_eq(ntls_der_algorithm(&in, &alg).err, NTLS_E_DECODE);
}

/* SEQUENCE { INTEGER 1, SEQUENCE { OID 2.5.4.3, UTF8String "x" }, BOOLEAN TRUE } */
static const uint8_t nested[] = { 0x30, 0x10, 0x02, 0x01, 0x01, 0x30, 0x08, 0x06, 0x03,
                                  0x55, 0x04, 0x03, 0x0c, 0x01, 'x',  0x01, 0x01, 0xff };

static ntls_result read_nested(const uint8_t *der, size_t len)
{
    struct ntls_cur in = ntls_cur_init(der, len), body, inner, oid, s;
    uint64_t v;
    uint8_t tag;
    bool b;
    NTLS_TRY(ntls_der_sequence(&in, &body));
    NTLS_TRY(ntls_cur_end(&in));
    NTLS_TRY(ntls_der_u64(&body, &v));
    NTLS_TRY(ntls_der_sequence(&body, &inner));
    NTLS_TRY(ntls_der_oid(&inner, &oid));
    NTLS_TRY(ntls_der_string(&inner, &tag, &s));
    NTLS_TRY(ntls_cur_end(&inner));
    NTLS_TRY(ntls_der_bool(&body, &b));
    return ntls_cur_end(&body);
}

Test(der, nested_structure_truncated_at_every_offset)
{
    cr_assert_eq(read_nested(nested, sizeof nested).err, NTLS_E_OK);
    for (size_t n = 0; n < sizeof nested; n++) {
        cr_assert_eq(read_nested(nested, n).err, NTLS_E_DECODE, "truncated to %zu", n);
    }
}

Test(der, nested_structure_with_trailing_bytes)
{
    uint8_t buf[sizeof nested + 1];
    memcpy(buf, nested, sizeof nested);
    buf[sizeof nested] = 0x00;
    cr_assert_eq(read_nested(buf, sizeof buf).err, NTLS_E_DECODE);
    /* trailing bytes inside the outer SEQUENCE: grow its length by one */
    buf[1] = 0x11;
    cr_assert_eq(read_nested(buf, sizeof buf).err, NTLS_E_DECODE);
}

Test(der, nested_structure_with_every_length_octet_changed)
{
    static const size_t length_at[] = { 1, 3, 6, 8, 13, 16 };
    for (size_t i = 0; i < sizeof length_at / sizeof length_at[0]; i++) {
        for (int delta = -1; delta <= 1; delta += 2) {
            uint8_t buf[sizeof nested];
            memcpy(buf, nested, sizeof nested);
            buf[length_at[i]] = (uint8_t)(buf[length_at[i]] + delta);
            cr_assert_eq(read_nested(buf, sizeof buf).err, NTLS_E_DECODE, "length at %zu %+d", length_at[i],
                         delta);
        }
    }
}
