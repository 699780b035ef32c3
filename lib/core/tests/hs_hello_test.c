#include <criterion/criterion.h>
#include <string.h>

#include "core/hs_hello.h"

/* The ClientHello body `openssl s_client -tls1 -cipher 'AES128-SHA:@SECLEVEL=0' -servername example.com`
 * (OpenSSL 3.0) sent, captured from the wire after the record and handshake headers. */
static const uint8_t openssl_client_hello[] = {
    0x03, 0x01, 0xe4, 0x22, 0xe5, 0x81, 0x64, 0xb2, 0xa8, 0xe5, 0x51, 0x66, 0x5a, 0x60, 0x1d, 0xcd, 0xb6, 0xb6,
    0xcb, 0xc0, 0x22, 0xe5, 0x2d, 0x53, 0xf1, 0x37, 0xdc, 0xe3, 0x79, 0x20, 0x94, 0x30, 0x11, 0x39, 0x00, 0x00,
    0x04, 0x00, 0x2f, 0x00, 0xff, 0x01, 0x00, 0x00, 0x20, 0x00, 0x00, 0x00, 0x10, 0x00, 0x0e, 0x00, 0x00, 0x0b,
    0x65, 0x78, 0x61, 0x6d, 0x70, 0x6c, 0x65, 0x2e, 0x63, 0x6f, 0x6d, 0x00, 0x23, 0x00, 0x00, 0x00, 0x16, 0x00,
    0x00, 0x00, 0x17, 0x00, 0x00,
};

Test(hs_hello, parses_openssl_client_hello)
{
    struct ntls_cur in = ntls_cur_init(openssl_client_hello, sizeof openssl_client_hello);
    struct ntls_client_hello ch;
    cr_assert_eq(ntls_client_hello_parse(&in, &ch).err, NTLS_E_OK);
    cr_assert_eq(ch.version, 0x0301);
    cr_assert_eq(ch.random[0], 0xe4);
    cr_assert_eq(ch.session_id_len, 0);
    cr_assert(ntls_u16_list_has(ch.suites, 0x002f));
    cr_assert(ntls_u16_list_has(ch.suites, NTLS_SUITE_SCSV_RENEGOTIATION));
    cr_assert_not(ntls_u16_list_has(ch.suites, 0x0035));
    cr_assert(ch.exts.present);
    cr_assert(ch.exts.has_server_name);
    cr_assert_str_eq(ch.exts.server_name, "example.com");
    cr_assert(ch.exts.extended_master_secret);
    cr_assert_not(ch.exts.has_reneg_info);
}

Test(hs_hello, client_hello_truncated_at_every_offset_is_rejected)
{
    for (size_t cut = 0; cut < sizeof openssl_client_hello; cut++) {
        struct ntls_cur in = ntls_cur_init(openssl_client_hello, cut);
        struct ntls_client_hello ch;
        ntls_result r = ntls_client_hello_parse(&in, &ch);
        /* Cutting exactly before the extensions block leaves a valid RFC 2246 hello without extensions. */
        if (cut == 43) {
            cr_assert_eq(r.err, NTLS_E_OK);
            cr_assert_not(ch.exts.present);
            continue;
        }
        cr_assert_eq(r.err, NTLS_E_DECODE, "cut at %zu gave %s", cut, ntls_err_name(r.err));
    }
}

Test(hs_hello, trailing_byte_is_decode_error)
{
    uint8_t msg[sizeof openssl_client_hello + 1];
    memcpy(msg, openssl_client_hello, sizeof openssl_client_hello);
    msg[sizeof openssl_client_hello] = 0;
    struct ntls_cur in = ntls_cur_init(msg, sizeof msg);
    struct ntls_client_hello ch;
    cr_assert_eq(ntls_client_hello_parse(&in, &ch).err, NTLS_E_DECODE);
}

/* Builds a hello with the given compression methods and extension bytes. */
static size_t build_hello(uint8_t *buf, size_t cap, const uint8_t *comp, size_t ncomp, const uint8_t *exts,
                          size_t exts_len)
{
    static const uint8_t random[32] = { 1 };
    static const uint16_t suites[] = { 0x002f };
    struct ntls_wr w = ntls_wr_init(buf, cap);
    ntls_wr_u16(&w, 0x0301);
    ntls_wr_bytes(&w, random, 32);
    ntls_wr_u8(&w, 0);
    ntls_wr_u16(&w, 2);
    ntls_wr_u16(&w, suites[0]);
    ntls_wr_u8(&w, (uint8_t)ncomp);
    ntls_wr_bytes(&w, comp, ncomp);
    ntls_wr_bytes(&w, exts, exts_len);
    cr_assert_eq(ntls_wr_done(&w).err, NTLS_E_OK);
    return w.len;
}

Test(hs_hello, no_null_compression_is_illegal_parameter)
{
    uint8_t buf[128];
    const uint8_t deflate_only[] = { 1 };
    size_t n = build_hello(buf, sizeof buf, deflate_only, 1, NULL, 0);
    struct ntls_cur in = ntls_cur_init(buf, n);
    struct ntls_client_hello ch;
    cr_assert_eq(ntls_client_hello_parse(&in, &ch).err, NTLS_E_ILLEGAL_PARAMETER);
}

Test(hs_hello, duplicated_extension_is_decode_error)
{
    uint8_t buf[128];
    const uint8_t null_comp[] = { 0 };
    const uint8_t twice[] = { 0x00, 0x08, 0x00, 0x17, 0x00, 0x00, 0x00, 0x17, 0x00, 0x00 };
    size_t n = build_hello(buf, sizeof buf, null_comp, 1, twice, sizeof twice);
    struct ntls_cur in = ntls_cur_init(buf, n);
    struct ntls_client_hello ch;
    cr_assert_eq(ntls_client_hello_parse(&in, &ch).err, NTLS_E_DECODE);
}

Test(hs_hello, malformed_known_extensions_are_decode_errors)
{
    const uint8_t null_comp[] = { 0 };
    const uint8_t *cases[] = {
        (const uint8_t[]){ 0x00, 0x05, 0x00, 0x17, 0x00, 0x01, 0x00 },             /* EMS with a body */
        (const uint8_t[]){ 0x00, 0x06, 0x00, 0x0a, 0x00, 0x02, 0x00, 0x00 },       /* empty groups */
        (const uint8_t[]){ 0x00, 0x07, 0x00, 0x0a, 0x00, 0x03, 0x00, 0x01, 0x17 }, /* odd groups */
        (const uint8_t[]){ 0x00, 0x05, 0xff, 0x01, 0x00, 0x01, 0x05 },             /* reneg_info past end */
        (const uint8_t[]){ 0x00, 0x06, 0x00, 0x00, 0x00, 0x02, 0x00, 0x00 },       /* empty SNI list */
    };
    const size_t lens[] = { 7, 8, 9, 7, 8 };
    for (size_t i = 0; i < sizeof lens / sizeof lens[0]; i++) {
        uint8_t buf[128];
        size_t n = build_hello(buf, sizeof buf, null_comp, 1, cases[i], lens[i]);
        struct ntls_cur in = ntls_cur_init(buf, n);
        struct ntls_client_hello ch;
        cr_assert_eq(ntls_client_hello_parse(&in, &ch).err, NTLS_E_DECODE, "case %zu", i);
    }
}

Test(hs_hello, unknown_extensions_are_ignored)
{
    uint8_t buf[128];
    const uint8_t null_comp[] = { 0 };
    const uint8_t unknown[] = { 0x00, 0x07, 0x7a, 0x7a, 0x00, 0x03, 0x01, 0x02, 0x03 };
    size_t n = build_hello(buf, sizeof buf, null_comp, 1, unknown, sizeof unknown);
    struct ntls_cur in = ntls_cur_init(buf, n);
    struct ntls_client_hello ch;
    cr_assert_eq(ntls_client_hello_parse(&in, &ch).err, NTLS_E_OK);
    cr_assert(ch.exts.present);
    cr_assert_not(ch.exts.has_server_name);
}

Test(hs_hello, written_client_hello_parses_back)
{
    uint8_t buf[256], random[32];
    memset(random, 0x42, sizeof random);
    const uint16_t suites[] = { 0x002f, 0x0035, NTLS_SUITE_SCSV_RENEGOTIATION };
    const uint16_t groups[] = { 23, 24, 29 };
    struct ntls_wr w = ntls_wr_init(buf, sizeof buf);
    ntls_client_hello_write_fixed(&w, 0x0301, random, (const uint8_t *)"0123456789abcdef", 16, suites, 3);
    size_t mark = ntls_hello_exts_open(&w);
    ntls_ext_write_server_name(&w, "localhost");
    ntls_ext_write_empty(&w, NTLS_EXT_EXTENDED_MASTER_SECRET);
    ntls_ext_write_groups(&w, groups, 3);
    ntls_ext_write_point_formats(&w);
    ntls_ext_write_reneg_info(&w, NULL, 0);
    ntls_hello_exts_close(&w, mark);
    cr_assert_eq(ntls_wr_done(&w).err, NTLS_E_OK);

    struct ntls_cur in = ntls_cur_init(buf, w.len);
    struct ntls_client_hello ch;
    cr_assert_eq(ntls_client_hello_parse(&in, &ch).err, NTLS_E_OK);
    cr_assert_eq(ch.session_id_len, 16);
    cr_assert_eq(memcmp(ch.session_id, "0123456789abcdef", 16), 0);
    cr_assert_eq(ch.suites.len, 6);
    cr_assert_str_eq(ch.exts.server_name, "localhost");
    cr_assert(ch.exts.extended_master_secret);
    cr_assert(ntls_u16_list_has(ch.exts.groups, 29));
    cr_assert_eq(ch.exts.point_formats.len, 1);
    cr_assert(ch.exts.has_reneg_info);
    cr_assert_eq(ch.exts.reneg_info.len, 0);
}

Test(hs_hello, empty_extension_block_is_left_out)
{
    uint8_t buf[128], random[32] = { 0 };
    struct ntls_wr w = ntls_wr_init(buf, sizeof buf);
    ntls_server_hello_write_fixed(&w, 0x0301, random, NULL, 0, 0x002f);
    size_t before = w.len;
    size_t mark = ntls_hello_exts_open(&w);
    ntls_hello_exts_close(&w, mark);
    cr_assert_eq(w.len, before);

    struct ntls_cur in = ntls_cur_init(buf, w.len);
    struct ntls_server_hello sh;
    cr_assert_eq(ntls_server_hello_parse(&in, &sh).err, NTLS_E_OK);
    cr_assert_eq(sh.suite, 0x002f);
    cr_assert_not(sh.exts.present);
}

Test(hs_hello, server_hello_rules)
{
    uint8_t buf[128], random[32] = { 0 };
    struct ntls_wr w = ntls_wr_init(buf, sizeof buf);
    ntls_server_hello_write_fixed(&w, 0x0301, random, NULL, 0, 0x002f);
    buf[w.len - 1] = 1; /* a compression method we never offered */
    struct ntls_cur in = ntls_cur_init(buf, w.len);
    struct ntls_server_hello sh;
    cr_assert_eq(ntls_server_hello_parse(&in, &sh).err, NTLS_E_ILLEGAL_PARAMETER);

    /* A session id of 33 bytes. */
    uint8_t long_sid[80] = { 0x03, 0x01 };
    long_sid[34] = 33;
    in = ntls_cur_init(long_sid, sizeof long_sid);
    cr_assert_eq(ntls_server_hello_parse(&in, &sh).err, NTLS_E_ILLEGAL_PARAMETER);

    /* A server's SNI acknowledgement must be empty. */
    w = ntls_wr_init(buf, sizeof buf);
    ntls_server_hello_write_fixed(&w, 0x0301, random, NULL, 0, 0x002f);
    size_t mark = ntls_hello_exts_open(&w);
    ntls_ext_write_server_name(&w, "x");
    ntls_hello_exts_close(&w, mark);
    in = ntls_cur_init(buf, w.len);
    cr_assert_eq(ntls_server_hello_parse(&in, &sh).err, NTLS_E_DECODE);
}

Test(hs_hello, sslv2_client_hello)
{
    /* msg_type 1, version 3.1, 9 bytes of specs, no session id, 16-byte challenge. */
    uint8_t msg[] = { 0x01, 0x03, 0x01, 0x00, 0x09, 0x00, 0x00, 0x00, 0x10,
                      0x00, 0x00, 0x2f, 0x07, 0x00, 0xc0, 0x00, 0x00, 0xff,
                      1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16 };
    uint8_t suites[16];
    struct ntls_cur in = ntls_cur_init(msg, sizeof msg);
    struct ntls_client_hello ch;
    cr_assert_eq(ntls_client_hello_parse_v2(&in, &ch, suites, sizeof suites).err, NTLS_E_OK);
    cr_assert(ch.from_sslv2);
    cr_assert_eq(ch.version, 0x0301);
    cr_assert_eq(ch.suites.len, 4, "the SSLv2-only spec is dropped");
    cr_assert(ntls_u16_list_has(ch.suites, 0x002f));
    cr_assert(ntls_u16_list_has(ch.suites, NTLS_SUITE_SCSV_RENEGOTIATION));
    cr_assert_eq(ch.random[15], 0, "a short challenge is padded with leading zeros");
    cr_assert_eq(ch.random[16], 1);
    cr_assert_eq(ch.random[31], 16);

    for (size_t cut = 0; cut < sizeof msg; cut++) {
        in = ntls_cur_init(msg, cut);
        cr_assert_neq(ntls_client_hello_parse_v2(&in, &ch, suites, sizeof suites).err, NTLS_E_OK, "cut %zu",
                      cut);
    }
}
