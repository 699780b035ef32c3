#include <criterion/criterion.h>
#include <string.h>

#include "base/buf.h"

Test(buf, reads_big_endian_integers)
{
    const uint8_t wire[] = { 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, 0x09, 0x0a };
    struct ntls_cur in = ntls_cur_init(wire, sizeof wire);
    uint8_t a;
    uint16_t b;
    uint32_t c, d;
    cr_assert_eq(ntls_cur_u8(&in, &a).err, NTLS_E_OK);
    cr_assert_eq(ntls_cur_u16(&in, &b).err, NTLS_E_OK);
    cr_assert_eq(ntls_cur_u24(&in, &c).err, NTLS_E_OK);
    cr_assert_eq(ntls_cur_u32(&in, &d).err, NTLS_E_OK);
    cr_assert_eq(a, 0x01);
    cr_assert_eq(b, 0x0203);
    cr_assert_eq(c, 0x040506);
    cr_assert_eq(d, 0x0708090a);
    cr_assert_eq(ntls_cur_end(&in).err, NTLS_E_OK);
}

Test(buf, short_read_fails_and_leaves_cursor)
{
    const uint8_t wire[] = { 0x01, 0x02, 0x03 };
    struct ntls_cur in = ntls_cur_init(wire, sizeof wire);
    uint32_t v;
    cr_assert_eq(ntls_cur_u32(&in, &v).err, NTLS_E_DECODE);
    cr_assert_eq(in.len, 3);
    cr_assert_eq(in.p, wire);
}

Test(buf, vec16_rejects_length_past_end)
{
    const uint8_t wire[] = { 0x00, 0x05, 'a', 'b' }; /* claims 5 bytes, has 2 */
    struct ntls_cur in = ntls_cur_init(wire, sizeof wire), body;
    cr_assert_eq(ntls_cur_vec16(&in, &body).err, NTLS_E_DECODE);
    cr_assert_eq(in.len, 4, "a failed vector read must not consume the prefix");
}

Test(buf, vectors_of_each_width)
{
    const uint8_t wire[] = { 0x02, 'a', 'b', 0x00, 0x01, 'c', 0x00, 0x00, 0x00 };
    struct ntls_cur in = ntls_cur_init(wire, sizeof wire), v8, v16, v24;
    cr_assert_eq(ntls_cur_vec8(&in, &v8).err, NTLS_E_OK);
    cr_assert_eq(ntls_cur_vec16(&in, &v16).err, NTLS_E_OK);
    cr_assert_eq(ntls_cur_vec24(&in, &v24).err, NTLS_E_OK);
    cr_assert_eq(v8.len, 2);
    cr_assert_eq(memcmp(v8.p, "ab", 2), 0);
    cr_assert_eq(v16.len, 1);
    cr_assert_eq(v16.p[0], 'c');
    cr_assert_eq(v24.len, 0);
    cr_assert(ntls_cur_empty(&in));
}

Test(buf, truncation_at_every_offset_is_decode)
{
    const uint8_t wire[] = { 0x00, 0x03, 0x01, 0x00, 0x01, 'x' }; /* vec16 { vec16 { 'x' } } */
    for (size_t cut = 0; cut < sizeof wire; cut++) {
        struct ntls_cur in = ntls_cur_init(wire, cut), outer, inner;
        ntls_result r = ntls_cur_vec16(&in, &outer);
        if (r.err == NTLS_E_OK) {
            r = ntls_cur_vec16(&outer, &inner);
        }
        cr_assert_eq(r.err, NTLS_E_DECODE, "cut at %zu", cut);
    }
}

Test(buf, end_rejects_trailing_bytes)
{
    const uint8_t wire[] = { 0x01, 0x02 };
    struct ntls_cur in = ntls_cur_init(wire, sizeof wire);
    uint8_t v;
    cr_assert_eq(ntls_cur_u8(&in, &v).err, NTLS_E_OK);
    cr_assert_eq(ntls_cur_end(&in).err, NTLS_E_DECODE);
}

Test(buf, take_and_skip)
{
    const uint8_t wire[] = { 1, 2, 3, 4, 5 };
    struct ntls_cur in = ntls_cur_init(wire, sizeof wire), part;
    cr_assert_eq(ntls_cur_skip(&in, 1).err, NTLS_E_OK);
    cr_assert_eq(ntls_cur_take(&in, 3, &part).err, NTLS_E_OK);
    cr_assert_eq(part.len, 3);
    cr_assert_eq(part.p[0], 2);
    cr_assert_eq(ntls_cur_take(&in, 2, &part).err, NTLS_E_DECODE);
    cr_assert_eq(in.len, 1);
}

Test(buf, writer_builds_nested_vectors)
{
    uint8_t out[16];
    struct ntls_wr w = ntls_wr_init(out, sizeof out);
    ntls_wr_u8(&w, 0x16);
    size_t outer = ntls_wr_vec16_open(&w);
    size_t inner = ntls_wr_vec8_open(&w);
    ntls_wr_bytes(&w, "hi", 2);
    ntls_wr_vec8_close(&w, inner);
    ntls_wr_u24(&w, 0x010203);
    ntls_wr_vec16_close(&w, outer);
    cr_assert_eq(ntls_wr_done(&w).err, NTLS_E_OK);
    const uint8_t want[] = { 0x16, 0x00, 0x06, 0x02, 'h', 'i', 0x01, 0x02, 0x03 };
    cr_assert_eq(w.len, sizeof want);
    cr_assert_eq(memcmp(out, want, sizeof want), 0);
}

Test(buf, writer_overflow_is_sticky)
{
    uint8_t out[3];
    struct ntls_wr w = ntls_wr_init(out, sizeof out);
    ntls_wr_u16(&w, 1);
    ntls_wr_u16(&w, 2); /* does not fit */
    ntls_wr_u8(&w, 3);  /* would fit, but the writer already failed */
    cr_assert(w.overflow);
    cr_assert_eq(w.len, 2);
    cr_assert_eq(ntls_wr_done(&w).err, NTLS_E_INTERNAL);
}

Test(buf, vec8_close_rejects_long_body)
{
    uint8_t out[300];
    struct ntls_wr w = ntls_wr_init(out, sizeof out);
    size_t mark = ntls_wr_vec8_open(&w);
    uint8_t zeros[256] = { 0 };
    ntls_wr_bytes(&w, zeros, sizeof zeros);
    ntls_wr_vec8_close(&w, mark);
    cr_assert_eq(ntls_wr_done(&w).err, NTLS_E_INTERNAL);
}
