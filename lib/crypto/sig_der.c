/* nettls: the DER of DSA and ECDSA signatures, SEQUENCE { r INTEGER, s INTEGER }.
 *
 * RFC 3279 2.2.2 (Dss-Sig-Value) and 2.2.3 / RFC 4492 5.4 (Ecdsa-Sig-Value). The decoder accepts DER only,
 * not BER: a signature has exactly one encoding, so a verifier cannot be fooled into accepting a malleated
 * copy (the Wycheproof BerEncodedSignature cases). */
#include "pk_internal.h"

enum {
    DER_INTEGER = 0x02,
    DER_SEQUENCE = 0x30,
};

/* X.690 8.1.3: one tag byte and a definite length in its shortest form. Signatures are short, so two
 * length bytes are the most we accept. */
static ntls_result der_read_tlv(struct ntls_cur *in, uint8_t tag, struct ntls_cur *body)
{
    uint8_t t, first;
    size_t len;

    NTLS_TRY(ntls_cur_u8(in, &t));
    NTLS_ENSURE(t == tag, NTLS_E_DECODE);
    NTLS_TRY(ntls_cur_u8(in, &first));
    if (first < 0x80) {
        len = first;
    } else if (first == 0x81) {
        uint8_t v;
        NTLS_TRY(ntls_cur_u8(in, &v));
        NTLS_ENSURE(v >= 0x80, NTLS_E_DECODE); /* X.690 10.1: would have fit the short form */
        len = v;
    } else if (first == 0x82) {
        uint16_t v;
        NTLS_TRY(ntls_cur_u16(in, &v));
        NTLS_ENSURE(v >= 0x100, NTLS_E_DECODE);
        len = v;
    } else {
        return ntls_error(NTLS_E_DECODE); /* indefinite (0x80) or absurdly long */
    }
    return ntls_cur_take(in, len, body);
}

/* X.690 8.3: a minimal two's complement INTEGER; we further require it to be positive. */
static ntls_result der_read_positive(struct ntls_cur *in, struct ntls_cur *mag)
{
    struct ntls_cur body, peek;
    uint8_t first, second;

    NTLS_TRY(der_read_tlv(in, DER_INTEGER, &body));
    peek = body;
    NTLS_TRY(ntls_cur_u8(&peek, &first));
    NTLS_ENSURE((first & 0x80) == 0, NTLS_E_DECODE); /* negative */
    if (first == 0x00) {
        /* A leading zero is only there to clear the sign bit of the next byte; alone it is the value 0. */
        NTLS_TRY(ntls_cur_u8(&peek, &second));
        NTLS_ENSURE((second & 0x80) != 0, NTLS_E_DECODE);
        NTLS_TRY(ntls_cur_skip(&body, 1));
    }
    *mag = body;
    return ntls_ok();
}

ntls_result ntls_sig_der_decode(const uint8_t *der, size_t der_len, struct ntls_cur *r, struct ntls_cur *s)
{
    struct ntls_cur in = ntls_cur_init(der, der_len), seq;

    NTLS_TRY(der_read_tlv(&in, DER_SEQUENCE, &seq));
    NTLS_TRY(ntls_cur_end(&in));
    NTLS_TRY(der_read_positive(&seq, r));
    NTLS_TRY(der_read_positive(&seq, s));
    return ntls_cur_end(&seq);
}

/* The magnitude of an unsigned big-endian value, without its leading zero bytes. */
static struct ntls_cur strip_zeros(const uint8_t *v, size_t len)
{
    size_t i = 0;
    while (i < len && v[i] == 0) {
        i++;
    }
    return ntls_cur_init(&v[i], len - i);
}

static bool needs_sign_byte(struct ntls_cur mag)
{
    uint8_t first;
    /* Zero is encoded as a single 0x00 byte; a set top bit needs a 0x00 in front to stay positive. */
    return !ntls_is_ok(ntls_cur_u8(&mag, &first)) || (first & 0x80) != 0;
}

static size_t der_len_size(size_t len)
{
    return len < 0x80 ? 1 : len <= 0xff ? 2 : 3;
}

static void der_write_header(struct ntls_wr *w, uint8_t tag, size_t len)
{
    ntls_wr_u8(w, tag);
    if (len < 0x80) {
        ntls_wr_u8(w, (uint8_t)len);
    } else if (len <= 0xff) {
        ntls_wr_u8(w, 0x81);
        ntls_wr_u8(w, (uint8_t)len);
    } else if (len <= 0xffff) {
        ntls_wr_u8(w, 0x82);
        ntls_wr_u16(w, (uint16_t)len);
    } else {
        w->overflow = true; /* far beyond any signature */
    }
}

static size_t der_int_content(struct ntls_cur mag)
{
    return mag.len + (needs_sign_byte(mag) ? 1 : 0);
}

static void der_write_int(struct ntls_wr *w, struct ntls_cur mag)
{
    der_write_header(w, DER_INTEGER, der_int_content(mag));
    if (needs_sign_byte(mag)) {
        ntls_wr_u8(w, 0x00);
    }
    ntls_wr_bytes(w, mag.p, mag.len);
}

ntls_result ntls_sig_der_encode(const uint8_t *r, size_t r_len, const uint8_t *s, size_t s_len, uint8_t *out,
                                size_t cap, size_t *out_len)
{
    struct ntls_cur rm = strip_zeros(r, r_len), sm = strip_zeros(s, s_len);
    size_t r_content = der_int_content(rm), s_content = der_int_content(sm);
    size_t body = 1 + der_len_size(r_content) + r_content + 1 + der_len_size(s_content) + s_content;
    struct ntls_wr w = ntls_wr_init(out, cap);

    der_write_header(&w, DER_SEQUENCE, body);
    der_write_int(&w, rm);
    der_write_int(&w, sm);
    NTLS_TRY(ntls_wr_done(&w));
    *out_len = w.len;
    return ntls_ok();
}
