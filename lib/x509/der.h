/* nettls: a strict DER reader (X.690 DER, as RFC 5280 requires for certificates) over struct ntls_cur.
 *
 * Each function reads one whole element from the front of *in and advances *in past it; on failure *in is
 * left unchanged. Every failure is NTLS_E_DECODE: certificate-level callers turn it into
 * NTLS_E_BAD_CERTIFICATE (x509.h says where). What is rejected, everywhere:
 *   - identifiers in the high-tag-number form (0x1f): none of the structures we read use them;
 *   - the end-of-contents tag 0x00 and indefinite lengths (0x80): BER only;
 *   - non-minimal lengths (long form below 128, leading zero length octets) and lengths over 4 octets;
 *   - a length that runs past the end of *in;
 *   - a tag other than the one expected.
 * Views returned (struct ntls_cur) point into the bytes of *in; they never own memory. Functions whose name
 * ends in _value check the content octets of an element already split off, for IMPLICIT tags. */
#ifndef NTLS_X509_DER_H
#define NTLS_X509_DER_H

#include <stdbool.h>
#include <stdint.h>

#include "../base/buf.h"

/* Universal tags (X.680 8.4), and the constructed ones as they appear on the wire. */
#define NTLS_DER_BOOLEAN 0x01
#define NTLS_DER_INTEGER 0x02
#define NTLS_DER_BIT_STRING 0x03
#define NTLS_DER_OCTET_STRING 0x04
#define NTLS_DER_NULL 0x05
#define NTLS_DER_OID 0x06
#define NTLS_DER_UTF8_STRING 0x0c
#define NTLS_DER_NUMERIC_STRING 0x12
#define NTLS_DER_PRINTABLE_STRING 0x13
#define NTLS_DER_T61_STRING 0x14
#define NTLS_DER_VIDEOTEX_STRING 0x15
#define NTLS_DER_IA5_STRING 0x16
#define NTLS_DER_UTC_TIME 0x17
#define NTLS_DER_GENERALIZED_TIME 0x18
#define NTLS_DER_GRAPHIC_STRING 0x19
#define NTLS_DER_VISIBLE_STRING 0x1a
#define NTLS_DER_GENERAL_STRING 0x1b
#define NTLS_DER_UNIVERSAL_STRING 0x1c
#define NTLS_DER_BMP_STRING 0x1e
#define NTLS_DER_SEQUENCE 0x30
#define NTLS_DER_SET 0x31
/* Context-specific [n]: primitive (IMPLICIT over a primitive type) and constructed (EXPLICIT, or IMPLICIT
 * over a SEQUENCE/SET). n < 31. */
#define NTLS_DER_CTX(n) (0x80 | (n))
#define NTLS_DER_CTX_CONS(n) (0xa0 | (n))

/* One element: its identifier octet, its content octets, and all of it (identifier + length + content),
 * which is what signatures cover and names are compared by. */
struct ntls_der_tlv {
    uint8_t tag;
    struct ntls_cur value;
    struct ntls_cur raw;
};

/* Reads any element. */
NTLS_MUST_CHECK ntls_result ntls_der_read(struct ntls_cur *in, struct ntls_der_tlv *out);
/* True when *in is not empty and its next identifier octet is tag (no other check). */
bool ntls_der_peek(const struct ntls_cur *in, uint8_t tag);
/* Reads an element that must carry tag; *value gets its content octets. */
NTLS_MUST_CHECK ntls_result ntls_der_expect(struct ntls_cur *in, uint8_t tag, struct ntls_cur *value);
/* The same, keeping the whole element too. */
NTLS_MUST_CHECK ntls_result ntls_der_expect_tlv(struct ntls_cur *in, uint8_t tag, struct ntls_der_tlv *out);
/* An OPTIONAL element: when the next tag is not tag (or *in is empty), *present = false and nothing is
 * read; otherwise like ntls_der_expect. */
NTLS_MUST_CHECK ntls_result ntls_der_optional(struct ntls_cur *in, uint8_t tag, struct ntls_cur *value,
                                              bool *present);

NTLS_MUST_CHECK ntls_result ntls_der_sequence(struct ntls_cur *in, struct ntls_cur *body);
NTLS_MUST_CHECK ntls_result ntls_der_set(struct ntls_cur *in, struct ntls_cur *body);
/* [n] EXPLICIT: the content of the constructed context tag n, which must hold exactly one element (checked
 * by the caller reading it, then ntls_cur_end). present may be NULL for a mandatory tag; otherwise the tag is
 * OPTIONAL. */
NTLS_MUST_CHECK ntls_result ntls_der_explicit(struct ntls_cur *in, unsigned n, struct ntls_cur *inner,
                                              bool *present);

/* INTEGER (X.690 8.3): at least one content octet, and the first nine bits are not all equal (minimal
 * two's complement). *bytes gets the content octets as encoded; *negative their sign. */
NTLS_MUST_CHECK ntls_result ntls_der_integer(struct ntls_cur *in, struct ntls_cur *bytes, bool *negative);
NTLS_MUST_CHECK ntls_result ntls_der_integer_value(struct ntls_cur value, bool *negative);
/* A non-negative INTEGER as an unsigned big-endian magnitude: the sign octet 0x00 is dropped, so zero comes
 * back as one 0x00 octet and 255 as { 0xff }. Negative integers are rejected. This is what the crypto
 * layer takes. */
NTLS_MUST_CHECK ntls_result ntls_der_uint(struct ntls_cur *in, struct ntls_cur *magnitude);
NTLS_MUST_CHECK ntls_result ntls_der_uint_value(struct ntls_cur value, struct ntls_cur *magnitude);
/* A non-negative INTEGER that must fit in 64 bits (versions, path lengths, iteration counts). */
NTLS_MUST_CHECK ntls_result ntls_der_u64(struct ntls_cur *in, uint64_t *v);
NTLS_MUST_CHECK ntls_result ntls_der_u64_value(struct ntls_cur value, uint64_t *v);

/* OBJECT IDENTIFIER (X.690 8.19): non-empty, every subidentifier minimal (no leading 0x80 octet) and
 * terminated (the last octet has its high bit clear). *oid gets the content octets, for ntls_oid_find. */
NTLS_MUST_CHECK ntls_result ntls_der_oid(struct ntls_cur *in, struct ntls_cur *oid);
NTLS_MUST_CHECK ntls_result ntls_der_oid_value(struct ntls_cur value);

/* BIT STRING (X.690 8.6, 11.2): the first content octet counts the unused bits (0..7, and 0 when there are
 * no other octets); DER wants those unused bits zero. *bits gets the octets after the count. */
NTLS_MUST_CHECK ntls_result ntls_der_bit_string(struct ntls_cur *in, struct ntls_cur *bits, unsigned *unused);
NTLS_MUST_CHECK ntls_result ntls_der_bit_string_value(struct ntls_cur value, struct ntls_cur *bits,
                                                      unsigned *unused);
/* A BIT STRING that wraps whole octets (keys, signatures): unused must be 0. */
NTLS_MUST_CHECK ntls_result ntls_der_bit_string_octets(struct ntls_cur *in, struct ntls_cur *octets);

NTLS_MUST_CHECK ntls_result ntls_der_octet_string(struct ntls_cur *in, struct ntls_cur *octets);
/* BOOLEAN (X.690 11.1): one octet, 0x00 or 0xff. */
NTLS_MUST_CHECK ntls_result ntls_der_bool(struct ntls_cur *in, bool *v);
NTLS_MUST_CHECK ntls_result ntls_der_null(struct ntls_cur *in);

/* The character string types: UTF8String, NumericString, PrintableString, T61String, VideotexString,
 * IA5String, GraphicString, VisibleString, GeneralString, UniversalString, BMPString. */
bool ntls_der_is_string_tag(uint8_t tag);
/* Checks the content of a string of type tag: valid UTF-8 (no overlong forms, surrogates or values past
 * U+10FFFF) for UTF8String; 7-bit characters for IA5, Visible and Numeric strings; printable 7-bit
 * characters (0x20..0x7e) for PrintableString, which is what certificates in the wild put there; an even
 * length for BMPString and a multiple of 4 for UniversalString; T61, Videotex, Graphic and General strings
 * are taken as opaque octets. NTLS_E_DECODE for a tag that is not a string type. */
NTLS_MUST_CHECK ntls_result ntls_der_string_value(uint8_t tag, struct ntls_cur value);
/* Reads a string of any of the types above. */
NTLS_MUST_CHECK ntls_result ntls_der_string(struct ntls_cur *in, uint8_t *tag, struct ntls_cur *value);

/* UTCTime or GeneralizedTime (time.c), as seconds since 1970-01-01T00:00:00Z. Only the forms RFC 5280
 * 4.1.2.5 allows: UTCTime "YYMMDDHHMMSSZ" (YY >= 50 is 19YY, else 20YY) and GeneralizedTime
 * "YYYYMMDDHHMMSSZ": seconds present, no fractions, no time zone offsets, every field in range (day of
 * month per month and leap year; no leap second). GeneralizedTime is accepted for any year, as OpenSSL
 * does, though RFC 5280 reserves it for 2050 and later. */
NTLS_MUST_CHECK ntls_result ntls_der_time(struct ntls_cur *in, int64_t *t);
NTLS_MUST_CHECK ntls_result ntls_der_time_value(uint8_t tag, struct ntls_cur value, int64_t *t);
/* Days since 1970-01-01 of a proleptic Gregorian date (month 1..12, day 1..31), for time.c and tests. */
int64_t ntls_der_days_from_civil(int64_t year, unsigned month, unsigned day);

/* AlgorithmIdentifier ::= SEQUENCE { algorithm OBJECT IDENTIFIER, parameters ANY OPTIONAL }
 * (RFC 5280 4.1.1.2). *params gets the whole parameters element (identifier and length included), or an
 * empty view when absent; out->raw gets the whole AlgorithmIdentifier. */
struct ntls_der_alg {
    struct ntls_cur raw;
    struct ntls_cur oid;
    struct ntls_cur params;
};
NTLS_MUST_CHECK ntls_result ntls_der_algorithm(struct ntls_cur *in, struct ntls_der_alg *out);
/* True when the parameters are absent or an ASN.1 NULL (RSA algorithms allow either in the wild). */
bool ntls_der_params_absent_or_null(const struct ntls_der_alg *alg);

#endif
