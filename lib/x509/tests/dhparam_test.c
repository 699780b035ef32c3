/* DH parameters (lib/x509/dhparam.c): RFC 7919 ffdhe2048 as `openssl genpkey -genparam` writes it, the
 * same with privateValueLength, and the checks on p and g. */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

#include "testutil.h"

/* RFC 7919 appendix A.1, the first and last octets of p */
static const uint8_t ffdhe2048_head[] = { 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
                                          0xff, 0xff, 0xad, 0xf8, 0x54, 0x58 };
static const uint8_t ffdhe2048_tail[] = { 0x88, 0x6b, 0x42, 0x38, 0x61, 0x28, 0x5c, 0x97,
                                          0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff };

static void expect_ffdhe2048(const struct ntls_x509_dh_params *dh)
{
    cr_assert_eq(dh->p_len, 256);
    cr_assert_eq(memcmp(dh->p, ffdhe2048_head, sizeof ffdhe2048_head), 0);
    cr_assert_eq(memcmp(dh->p + 256 - sizeof ffdhe2048_tail, ffdhe2048_tail, sizeof ffdhe2048_tail), 0);
    cr_assert_eq(dh->g_len, 1);
    cr_assert_eq(dh->g[0], 2);
}

Test(dhparam, fixtures)
{
    size_t len;
    uint8_t *text = tu_read("dh-ffdhe2048.pem", &len);
    struct ntls_x509_dh_params dh;
    cr_assert_eq(ntls_x509_dh_params_from_pem(&dh, (const char *)text, len).err, NTLS_E_OK);
    expect_ffdhe2048(&dh);
    cr_assert_eq(dh.priv_bits, 0);
    ntls_x509_dh_params_free(&dh);
    cr_assert_null(dh.p);
    free(text);
    text = tu_read("dh-ffdhe2048-len.pem", &len);
    cr_assert_eq(ntls_x509_dh_params_from_pem(&dh, (const char *)text, len).err, NTLS_E_OK);
    expect_ffdhe2048(&dh);
    cr_assert_eq(dh.priv_bits, 256);
    ntls_x509_dh_params_free(&dh);
    free(text);
    text = tu_read("server-rsa.pem", &len);
    cr_assert_eq(ntls_x509_dh_params_from_pem(&dh, (const char *)text, len).err, NTLS_E_DECODE);
    free(text);
}

static enum ntls_err parse(const uint8_t *der, size_t len)
{
    struct ntls_x509_dh_params dh;
    ntls_result r = ntls_x509_dh_params_parse(&dh, der, len);
    if (ntls_is_ok(r)) {
        ntls_x509_dh_params_free(&dh);
    } else {
        cr_assert_null(dh.p);
        cr_assert_null(dh.g);
    }
    return r.err;
}

/* Appends an INTEGER holding the unsigned magnitude mag (minimal: leading zeros dropped, a sign octet added
 * when the top bit is set). */
static void put_uint(struct tu_buf *b, const uint8_t *mag, size_t n)
{
    while (n > 1 && mag[0] == 0) {
        mag++, n--;
    }
    uint8_t tmp[300] = { 0 };
    size_t sign = mag[0] & 0x80 ? 1 : 0;
    cr_assert_leq(n + sign, sizeof tmp);
    memcpy(tmp + sign, mag, n);
    tu_tlv(b, NTLS_DER_INTEGER, tmp, n + sign);
}

/* DHParameter { p, g, privateValueLength } from magnitudes (g_len 0 leaves g out, priv_bits < 0 the
 * length). */
static enum ntls_err with(const uint8_t *p, size_t p_len, const uint8_t *g, size_t g_len, int priv_bits)
{
    struct tu_buf seq = { .len = 0 }, out = { .len = 0 };
    put_uint(&seq, p, p_len);
    if (g_len > 0) {
        put_uint(&seq, g, g_len);
    }
    if (priv_bits >= 0) {
        uint8_t v[2] = { (uint8_t)(priv_bits >> 8), (uint8_t)priv_bits };
        put_uint(&seq, v, 2);
    }
    tu_wrap(&out, NTLS_DER_SEQUENCE, &seq);
    return parse(out.p, out.len);
}

Test(dhparam, checks)
{
    size_t len;
    uint8_t *der = tu_pem_der("dh-ffdhe2048.pem", "DH PARAMETERS", &len);
    cr_assert_eq(parse(der, len), NTLS_E_OK);
    for (size_t n = 0; n < len; n++) {
        cr_assert_eq(parse(der, n), NTLS_E_DECODE, "cut to %zu", n);
    }
    /* SEQUENCE (4-octet header) { INTEGER (4-octet header) 0x00 || p, ... } */
    cr_assert_eq(der[4], 0x02);
    cr_assert_eq(der[8], 0x00);
    uint8_t p[256];
    memcpy(p, der + 9, 256);
    static const uint8_t two = 2, one = 1, zero = 0;
    cr_assert_eq(with(p, 256, &two, 1, -1), NTLS_E_OK);
    cr_assert_eq(with(p, 256, &two, 1, 2048), NTLS_E_OK);
    cr_assert_eq(with(p, 256, &two, 1, 2049), NTLS_E_DECODE); /* longer than p */
    cr_assert_eq(with(p, 256, &two, 1, 0), NTLS_E_DECODE);
    cr_assert_eq(with(p, 256, &one, 1, -1), NTLS_E_DECODE); /* g = 1 */
    cr_assert_eq(with(p, 256, &zero, 1, -1), NTLS_E_DECODE);
    cr_assert_eq(with(p, 256, NULL, 0, -1), NTLS_E_DECODE); /* no g */
    uint8_t p_minus_1[256];
    memcpy(p_minus_1, p, 256);
    p_minus_1[255] ^= 0x01;
    cr_assert_eq(with(p, 256, p_minus_1, 256, -1), NTLS_E_DECODE);  /* g = p-1 */
    cr_assert_eq(with(p_minus_1, 256, &two, 1, -1), NTLS_E_DECODE); /* even p */
    cr_assert_eq(with(p + 128, 128, &two, 1, -1), NTLS_E_OK);       /* the low 1024 bits: odd, big enough */
    cr_assert_eq(with(p + 200, 56, &two, 1, -1), NTLS_E_DECODE);    /* 448 bits: too small */
    free(der);
}
