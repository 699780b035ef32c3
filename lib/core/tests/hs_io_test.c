/* Handshake message framing: reassembly across records (down to one byte per record), several messages
 * per record, interleaving, size limits, split headers, and the writer helpers. */
#include <criterion/criterion.h>
#include <string.h>

#include "base/mem.h"
#include "core/hs_io.h"
#include "rec_util.h"

static uint8_t msgs[3 * 4096];

/* A handshake message of type with a body of len bytes; returns its length with the header. */
static size_t make_msg(uint8_t *out, uint8_t type, size_t len)
{
    out[0] = type;
    out[1] = (uint8_t)(len >> 16);
    out[2] = (uint8_t)(len >> 8);
    out[3] = (uint8_t)len;
    for (size_t i = 0; i < len; i++) {
        out[4 + i] = (uint8_t)(type * 7 + i);
    }
    return len + 4;
}

/* Writes bytes as records of at most frag bytes each (unprotected or keyed, as the pair is). */
static void send_frags(struct ntls_record *from, uint8_t type, const uint8_t *p, size_t len, size_t frag)
{
    for (size_t at = 0; at < len; at += frag) {
        size_t n = len - at < frag ? len - at : frag;
        size_t written;
        cr_assert_eq(ntls_rec_write(from, type, p + at, n, &written).err, NTLS_E_OK);
    }
}

static void expect_msg(struct ntls_hs_in *h, struct ntls_record *r, const uint8_t *raw, size_t len)
{
    struct ntls_hs_msg m;
    cr_assert_eq(ntls_hs_in_next(h, r, &m).err, NTLS_E_OK);
    cr_assert_eq(m.ctype, NTLS_CT_HANDSHAKE);
    cr_assert_eq(m.type, raw[0]);
    cr_assert_eq(m.raw.len, len);
    cr_assert_arr_eq(m.raw.p, raw, len, "raw bytes for the transcript");
    cr_assert_eq(m.body.len, len - 4);
    cr_assert_arr_eq(m.body.p, raw + 4, len - 4);
}

Test(hs_io, message_over_one_byte_records)
{
    struct tu_pair p;
    struct ntls_hs_in h;
    struct ntls_hs_msg m;

    tu_pair_keyed(&p, ntls_suite_by_name("AES128-SHA"), 0);
    ntls_hs_in_init(&h);
    size_t n = make_msg(msgs, 11, 300);
    send_frags(&p.server, NTLS_CT_HANDSHAKE, msgs, n, 1);
    tu_move(&p.server, &p.client);
    expect_msg(&h, &p.client, msgs, n);
    cr_assert_not_null(h.buf, "reassembled in a buffer of its own");
    cr_assert_eq(ntls_hs_in_next(&h, &p.client, &m).err, NTLS_E_WANT_READ);
    cr_assert_null(h.buf, "freed after use");
    ntls_hs_in_free(&h);
    tu_pair_free(&p);
}

Test(hs_io, message_fed_one_byte_at_a_time)
{
    struct ntls_record r;
    struct ntls_hs_in h;
    struct ntls_hs_msg m;
    static uint8_t wire[2048];

    ntls_rec_init(&r, true, 0);
    ntls_hs_in_init(&h);
    size_t n = make_msg(msgs, 2, 70);
    /* Records of 5 bytes of message each, and the wire fed to the record layer one byte at a time. */
    struct ntls_record w;
    ntls_rec_init(&w, false, 0);
    send_frags(&w, NTLS_CT_HANDSHAKE, msgs, n, 5);
    size_t wn = tu_take_out(&w, wire, sizeof wire);
    for (size_t i = 0; i + 1 < wn; i++) {
        tu_feed(&r, &wire[i], 1);
        cr_assert_eq(ntls_hs_in_next(&h, &r, &m).err, NTLS_E_WANT_READ, "at %zu", i);
        cr_assert(ntls_hs_in_partial(&h) || i < 9, "partial once the first record is in");
    }
    tu_feed(&r, &wire[wn - 1], 1);
    expect_msg(&h, &r, msgs, n);
    ntls_hs_in_free(&h);
    ntls_rec_free(&r);
    ntls_rec_free(&w);
}

Test(hs_io, several_messages_in_one_record_without_copies)
{
    struct tu_pair p;
    struct ntls_hs_in h;
    struct ntls_hs_msg m;
    size_t n1, n2, n3, written;

    tu_pair_plain(&p, 0);
    ntls_hs_in_init(&h);
    n1 = make_msg(msgs, 2, 70);
    n2 = make_msg(msgs + n1, 11, 500);
    n3 = make_msg(msgs + n1 + n2, 14, 0);
    cr_assert_eq(ntls_rec_write(&p.server, NTLS_CT_HANDSHAKE, msgs, n1 + n2 + n3, &written).err, NTLS_E_OK);
    tu_move(&p.server, &p.client);
    unsigned long allocs = ntls_alloc_count();
    expect_msg(&h, &p.client, msgs, n1);
    expect_msg(&h, &p.client, msgs + n1, n2);
    expect_msg(&h, &p.client, msgs + n1 + n2, n3);
    cr_assert_eq(ntls_alloc_count(), allocs, "views into the record, no reassembly buffer");
    cr_assert_eq(ntls_hs_in_next(&h, &p.client, &m).err, NTLS_E_WANT_READ);
    ntls_hs_in_free(&h);
    tu_pair_free(&p);
}

Test(hs_io, messages_straddling_records)
{
    struct tu_pair p;
    struct ntls_hs_in h;
    size_t n1, n2, n3;

    tu_pair_keyed(&p, ntls_suite_by_name("RC4-SHA"), 0);
    ntls_hs_in_init(&h);
    n1 = make_msg(msgs, 2, 70);
    n2 = make_msg(msgs + n1, 11, 500);
    n3 = make_msg(msgs + n1 + n2, 14, 0);
    /* Records of 97 bytes: boundaries fall inside bodies and inside headers. */
    for (size_t frag = 1; frag < 600; frag += 37) {
        send_frags(&p.server, NTLS_CT_HANDSHAKE, msgs, n1 + n2 + n3, frag);
        tu_move(&p.server, &p.client);
        expect_msg(&h, &p.client, msgs, n1);
        expect_msg(&h, &p.client, msgs + n1, n2);
        expect_msg(&h, &p.client, msgs + n1 + n2, n3);
        cr_assert(!ntls_hs_in_partial(&h));
    }
    ntls_hs_in_free(&h);
    tu_pair_free(&p);
}

/* RFC 2246 7.4: nothing but handshake records may come between the fragments of a message. */
static void check_interleaved(uint8_t ctype, size_t split)
{
    struct tu_pair p;
    struct ntls_hs_in h;
    struct ntls_hs_msg m;
    size_t written;

    tu_pair_plain(&p, 0);
    ntls_hs_in_init(&h);
    size_t n = make_msg(msgs, 16, 40);
    cr_assert_eq(ntls_rec_write(&p.server, NTLS_CT_HANDSHAKE, msgs, split, &written).err, NTLS_E_OK);
    const uint8_t one[2] = { 1, 0 };
    cr_assert_eq(ntls_rec_write(&p.server, ctype, one, ctype == NTLS_CT_CHANGE_CIPHER_SPEC ? 1 : 2, &written)
                     .err,
                 NTLS_E_OK);
    cr_assert_eq(ntls_rec_write(&p.server, NTLS_CT_HANDSHAKE, msgs + split, n - split, &written).err,
                 NTLS_E_OK);
    tu_move(&p.server, &p.client);
    cr_assert_eq(ntls_hs_in_next(&h, &p.client, &m).err, NTLS_E_UNEXPECTED_MESSAGE, "type %u after %zu bytes",
                 ctype, split);
    ntls_hs_in_free(&h);
    tu_pair_free(&p);
}

Test(hs_io, app_data_alert_or_ccs_inside_a_message_is_unexpected)
{
    const uint8_t types[] = { NTLS_CT_APPLICATION_DATA, NTLS_CT_ALERT, NTLS_CT_CHANGE_CIPHER_SPEC };
    for (size_t i = 0; i < sizeof types; i++) {
        check_interleaved(types[i], 2);  /* inside the header */
        check_interleaved(types[i], 4);  /* after the header */
        check_interleaved(types[i], 30); /* inside the body */
    }
}

Test(hs_io, other_records_between_messages_are_left_for_the_caller)
{
    struct tu_pair p;
    struct ntls_hs_in h;
    struct ntls_hs_msg m;
    size_t written;

    tu_pair_plain(&p, 0);
    ntls_hs_in_init(&h);
    size_t n = make_msg(msgs, 20, 12);
    cr_assert_eq(ntls_rec_write(&p.server, NTLS_CT_HANDSHAKE, msgs, n, &written).err, NTLS_E_OK);
    cr_assert_eq(ntls_rec_write(&p.server, NTLS_CT_CHANGE_CIPHER_SPEC, "\1", 1, &written).err, NTLS_E_OK);
    tu_move(&p.server, &p.client);
    expect_msg(&h, &p.client, msgs, n);
    cr_assert_eq(ntls_hs_in_next(&h, &p.client, &m).err, NTLS_E_OK);
    cr_assert_eq(m.ctype, NTLS_CT_CHANGE_CIPHER_SPEC);
    cr_assert_eq(ntls_hs_in_check_type(&h, NTLS_CT_CHANGE_CIPHER_SPEC).err, NTLS_E_OK);
    struct ntls_rec_view v;
    cr_assert_eq(ntls_rec_read(&p.client, &v).err, NTLS_E_OK);
    cr_assert_eq(v.type, NTLS_CT_CHANGE_CIPHER_SPEC, "not consumed");
    cr_assert_eq(v.data.len, 1);
    ntls_hs_in_free(&h);
    tu_pair_free(&p);
}

static enum ntls_err send_one(struct ntls_hs_in *h, uint8_t type, size_t len)
{
    struct tu_pair p;
    struct ntls_hs_msg m;
    static uint8_t big[200 * 1024];

    tu_pair_plain(&p, 0);
    size_t n = make_msg(big, type, len);
    size_t done = 0;
    enum ntls_err e;
    /* The writer and the reader take turns, since the message is bigger than a buffer. */
    for (;;) {
        size_t written;
        ntls_result wr = ntls_rec_write(&p.server, NTLS_CT_HANDSHAKE, big + done, n - done, &written);
        done += written;
        tu_move(&p.server, &p.client);
        e = ntls_hs_in_next(h, &p.client, &m).err;
        if (e != NTLS_E_WANT_READ || (done == n && wr.err == NTLS_E_OK)) {
            break;
        }
    }
    if (e == NTLS_E_OK) {
        cr_assert_eq(m.type, type);
        cr_assert_eq(m.body.len, len);
        cr_assert_arr_eq(m.raw.p, big, n);
    }
    tu_pair_free(&p);
    return e;
}

Test(hs_io, size_limits_at_n_and_n_plus_1)
{
    struct ntls_hs_in h;

    ntls_hs_in_init(&h);
    cr_assert_eq(send_one(&h, 2, NTLS_HS_MAX_DEFAULT), NTLS_E_OK);
    ntls_hs_in_free(&h);
    ntls_hs_in_init(&h);
    cr_assert_eq(send_one(&h, 2, NTLS_HS_MAX_DEFAULT + 1), NTLS_E_ILLEGAL_PARAMETER);
    ntls_hs_in_free(&h);
    ntls_hs_in_init(&h);
    cr_assert_eq(send_one(&h, NTLS_HS_CERTIFICATE, NTLS_HS_MAX_CERT_DEFAULT), NTLS_E_OK);
    ntls_hs_in_free(&h);
    ntls_hs_in_init(&h);
    cr_assert_eq(send_one(&h, NTLS_HS_CERTIFICATE, NTLS_HS_MAX_CERT_DEFAULT + 1), NTLS_E_ILLEGAL_PARAMETER);
    ntls_hs_in_free(&h);

    /* Configured limits, checked before anything is allocated, for whole and for split messages. */
    ntls_hs_in_init(&h);
    ntls_hs_in_set_limits(&h, 100, 200);
    cr_assert_eq(send_one(&h, 1, 100), NTLS_E_OK);
    cr_assert_eq(send_one(&h, 11, 200), NTLS_E_OK);
    cr_assert_eq(send_one(&h, 1, 101), NTLS_E_ILLEGAL_PARAMETER);
    ntls_hs_in_free(&h);
    ntls_hs_in_init(&h);
    ntls_hs_in_set_limits(&h, 100, 200);
    cr_assert_eq(send_one(&h, 11, 201), NTLS_E_ILLEGAL_PARAMETER);
    ntls_hs_in_free(&h);
}

Test(hs_io, oversized_length_in_split_header_allocates_nothing)
{
    struct tu_pair p;
    struct ntls_hs_in h;
    struct ntls_hs_msg m;
    const uint8_t hdr[4] = { 1, 0xff, 0xff, 0xff };

    tu_pair_plain(&p, 0);
    ntls_hs_in_init(&h);
    send_frags(&p.server, NTLS_CT_HANDSHAKE, hdr, 4, 1);
    tu_move(&p.server, &p.client);
    unsigned long allocs = ntls_alloc_count();
    cr_assert_eq(ntls_hs_in_next(&h, &p.client, &m).err, NTLS_E_ILLEGAL_PARAMETER);
    cr_assert_eq(ntls_alloc_count(), allocs);
    ntls_hs_in_free(&h);
    tu_pair_free(&p);
}

Test(hs_io, truncated_header)
{
    struct tu_pair p;
    struct ntls_hs_in h;
    struct ntls_hs_msg m;
    size_t written;
    const uint8_t part[2] = { 1, 0 };

    tu_pair_plain(&p, 0);
    ntls_hs_in_init(&h);
    cr_assert_eq(ntls_rec_write(&p.server, NTLS_CT_HANDSHAKE, part, 2, &written).err, NTLS_E_OK);
    tu_move(&p.server, &p.client);
    cr_assert_eq(ntls_hs_in_next(&h, &p.client, &m).err, NTLS_E_WANT_READ);
    cr_assert(ntls_hs_in_partial(&h));
    cr_assert_eq(ntls_hs_in_check_type(&h, NTLS_CT_ALERT).err, NTLS_E_UNEXPECTED_MESSAGE);
    cr_assert_eq(ntls_hs_in_check_type(&h, NTLS_CT_HANDSHAKE).err, NTLS_E_OK);
    /* The rest of the header and the body complete it. */
    const uint8_t rest[5] = { 0, 1, 0x42 };
    cr_assert_eq(ntls_rec_write(&p.server, NTLS_CT_HANDSHAKE, rest, 3, &written).err, NTLS_E_OK);
    tu_move(&p.server, &p.client);
    cr_assert_eq(ntls_hs_in_next(&h, &p.client, &m).err, NTLS_E_OK);
    cr_assert_eq(m.type, 1);
    cr_assert_eq(m.body.len, 1);
    cr_assert_eq(m.body.p[0], 0x42);
    /* A header cut short by the peer's close: still partial, and an alert now is unexpected. */
    cr_assert_eq(ntls_rec_write(&p.server, NTLS_CT_HANDSHAKE, part, 1, &written).err, NTLS_E_OK);
    cr_assert_eq(ntls_rec_write_alert(&p.server, 1, 0).err, NTLS_E_OK);
    tu_move(&p.server, &p.client);
    cr_assert_eq(ntls_hs_in_next(&h, &p.client, &m).err, NTLS_E_UNEXPECTED_MESSAGE);
    ntls_hs_in_free(&h);
    tu_pair_free(&p);
}

Test(hs_io, empty_body_split_in_header)
{
    struct tu_pair p;
    struct ntls_hs_in h;
    const uint8_t done_msg[4] = { 14, 0, 0, 0 }; /* ServerHelloDone */

    tu_pair_plain(&p, 0);
    ntls_hs_in_init(&h);
    send_frags(&p.server, NTLS_CT_HANDSHAKE, done_msg, 4, 3);
    tu_move(&p.server, &p.client);
    expect_msg(&h, &p.client, done_msg, 4);
    ntls_hs_in_free(&h);
    tu_pair_free(&p);
}

Test(hs_io, writer_helpers)
{
    uint8_t buf[16];
    struct ntls_wr w = ntls_wr_init(buf, sizeof buf);
    size_t mark = ntls_hs_wr_begin(&w, 20);
    ntls_wr_bytes(&w, "verify", 6);
    ntls_hs_wr_end(&w, mark);
    cr_assert_eq(ntls_wr_done(&w).err, NTLS_E_OK);
    const uint8_t want[] = { 20, 0, 0, 6, 'v', 'e', 'r', 'i', 'f', 'y' };
    cr_assert_eq(w.len, sizeof want);
    cr_assert_arr_eq(buf, want, sizeof want);
}
