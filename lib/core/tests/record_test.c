/* Record framing: types, versions, limits at n and n + 1, empty records, sequence numbers, truncation,
 * read-ahead and partial I/O, buffers (no allocation per record, release). */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

#include "base/mem.h"
#include "rec_util.h"

static uint8_t wire[2 * NTLS_REC_IN_CAP];
static uint8_t data[NTLS_REC_IN_CAP];

static void fill(uint8_t *p, size_t n, uint8_t seed)
{
    for (size_t i = 0; i < n; i++) {
        p[i] = (uint8_t)(seed + i * 7 + (i >> 8));
    }
}

/* A record header followed by len bytes of 'x'. */
static size_t raw_record(uint8_t *out, uint8_t type, uint16_t version, size_t len)
{
    out[0] = type;
    out[1] = (uint8_t)(version >> 8);
    out[2] = (uint8_t)version;
    out[3] = (uint8_t)(len >> 8);
    out[4] = (uint8_t)len;
    memset(out + 5, 'x', len);
    return len + 5;
}

static enum ntls_err read_err(struct ntls_record *r)
{
    struct ntls_rec_view v;
    return ntls_rec_read(r, &v).err;
}

static const struct ntls_suite *aes(void)
{
    return ntls_suite_by_name("AES128-SHA");
}

Test(record, plain_round_trip_has_rfc_header)
{
    struct tu_pair p;
    size_t written, len;
    uint8_t type, out[64];
    const uint8_t msg[] = { 1, 0, 0, 2, 0xab, 0xcd };

    tu_pair_plain(&p, 0);
    cr_assert_eq(ntls_rec_write(&p.client, NTLS_CT_HANDSHAKE, msg, sizeof msg, &written).err, NTLS_E_OK);
    cr_assert_eq(written, sizeof msg);
    const uint8_t want[] = { 22, 3, 1, 0, 6, 1, 0, 0, 2, 0xab, 0xcd };
    cr_assert_eq(tu_take_out(&p.client, wire, sizeof wire), sizeof want);
    cr_assert_arr_eq(wire, want, sizeof want);

    tu_feed(&p.server, wire, sizeof want);
    cr_assert_eq(tu_read_one(&p.server, &type, out, sizeof out, &len).err, NTLS_E_OK);
    cr_assert_eq(type, NTLS_CT_HANDSHAKE);
    cr_assert_eq(len, sizeof msg);
    cr_assert_arr_eq(out, msg, sizeof msg);
    cr_assert_eq(read_err(&p.server), NTLS_E_WANT_READ);
    tu_pair_free(&p);
}

Test(record, alert_record_bytes)
{
    struct ntls_record r;
    ntls_rec_init(&r, false, 0);
    cr_assert_eq(ntls_rec_write_alert(&r, 2, 20).err, NTLS_E_OK);
    const uint8_t want[] = { 21, 3, 1, 0, 2, 2, 20 };
    cr_assert_eq(tu_take_out(&r, wire, sizeof wire), sizeof want);
    cr_assert_arr_eq(wire, want, sizeof want);
    ntls_rec_free(&r);
}

Test(record, send_fragments_at_2_14)
{
    struct tu_pair p;
    size_t written, len, got = 0;
    uint8_t type;

    tu_pair_keyed(&p, aes(), 0);
    fill(data, NTLS_REC_MAX_PLAIN + 1, 3);
    /* The first record fills most of the buffer; the one-byte rest fits after it. */
    cr_assert_eq(ntls_rec_write(&p.server, NTLS_CT_HANDSHAKE, data, NTLS_REC_MAX_PLAIN + 1, &written).err,
                 NTLS_E_OK);
    cr_assert_eq(written, NTLS_REC_MAX_PLAIN + 1);
    tu_move(&p.server, &p.client);
    static uint8_t out[NTLS_REC_MAX_PLAIN];
    cr_assert_eq(tu_read_one(&p.client, &type, out, sizeof out, &len).err, NTLS_E_OK);
    cr_assert_eq(len, NTLS_REC_MAX_PLAIN);
    cr_assert_arr_eq(out, data, len);
    got += len;
    cr_assert_eq(tu_read_one(&p.client, &type, out, sizeof out, &len).err, NTLS_E_OK);
    cr_assert_eq(len, 1);
    cr_assert_eq(out[0], data[got]);
    tu_pair_free(&p);
}

Test(record, write_stops_at_record_boundary_when_full)
{
    struct ntls_record r;
    size_t written;
    static uint8_t big[3 * NTLS_REC_MAX_PLAIN];

    ntls_rec_init(&r, false, 0);
    cr_assert_eq(ntls_rec_write(&r, NTLS_CT_HANDSHAKE, big, sizeof big, &written).err, NTLS_E_WANT_WRITE);
    cr_assert_eq(written, NTLS_REC_MAX_PLAIN);
    size_t n = tu_take_out(&r, wire, sizeof wire);
    cr_assert_eq(n, NTLS_REC_HEADER + NTLS_REC_MAX_PLAIN);
    cr_assert_eq(ntls_rec_write(&r, NTLS_CT_HANDSHAKE, big + written, sizeof big - written, &written).err,
                 NTLS_E_WANT_WRITE);
    cr_assert_eq(written, NTLS_REC_MAX_PLAIN);
    ntls_rec_free(&r);
}

Test(record, alert_is_all_or_nothing)
{
    struct ntls_record r;
    size_t written;
    static uint8_t big[NTLS_REC_MAX_PLAIN];

    ntls_rec_init(&r, false, 0);
    cr_assert_eq(ntls_rec_write(&r, NTLS_CT_HANDSHAKE, big, sizeof big, &written).err, NTLS_E_OK);
    uint8_t *at;
    size_t room;
    cr_assert_eq(ntls_rec_seal_begin(&r, NTLS_CT_HANDSHAKE, &at, &room).err, NTLS_E_OK);
    cr_assert_eq(ntls_rec_seal_end(&r, room).err, NTLS_E_OK);
    /* The buffer is full now: the alert must not be split or half written. */
    size_t before;
    (void)ntls_rec_out_buf(&r, &before);
    cr_assert_eq(ntls_rec_write_alert(&r, 1, 0).err, NTLS_E_WANT_WRITE);
    size_t after;
    (void)ntls_rec_out_buf(&r, &after);
    cr_assert_eq(before, after);
    ntls_rec_free(&r);
}

Test(record, plaintext_limit_unprotected)
{
    struct ntls_record r;
    size_t n;

    ntls_rec_init(&r, false, 0);
    n = raw_record(wire, NTLS_CT_HANDSHAKE, NTLS_TLS10, NTLS_REC_MAX_PLAIN);
    tu_feed(&r, wire, n);
    struct ntls_rec_view v;
    cr_assert_eq(ntls_rec_read(&r, &v).err, NTLS_E_OK);
    cr_assert_eq(v.data.len, NTLS_REC_MAX_PLAIN);
    ntls_rec_consume(&r, v.data.len);
    ntls_rec_free(&r);

    ntls_rec_init(&r, false, 0);
    n = raw_record(wire, NTLS_CT_HANDSHAKE, NTLS_TLS10, NTLS_REC_MAX_PLAIN + 1);
    tu_feed(&r, wire, NTLS_REC_HEADER); /* the header alone is enough to say no */
    cr_assert_eq(read_err(&r), NTLS_E_RECORD_OVERFLOW);
    cr_assert_eq(read_err(&r), NTLS_E_RECORD_OVERFLOW, "errors are sticky");
    ntls_rec_free(&r);
}

Test(record, ciphertext_limit_protected)
{
    struct tu_pair p;

    tu_pair_keyed(&p, aes(), 0);
    /* 2^14 + 2048 passes framing: the layer waits for the body. */
    raw_record(wire, NTLS_CT_APPLICATION_DATA, NTLS_TLS10, NTLS_REC_MAX_CIPHER);
    tu_feed(&p.client, wire, NTLS_REC_HEADER);
    cr_assert_eq(read_err(&p.client), NTLS_E_WANT_READ);
    tu_pair_free(&p);

    tu_pair_keyed(&p, aes(), 0);
    raw_record(wire, NTLS_CT_APPLICATION_DATA, NTLS_TLS10, NTLS_REC_MAX_CIPHER + 1);
    tu_feed(&p.client, wire, NTLS_REC_HEADER);
    cr_assert_eq(read_err(&p.client), NTLS_E_RECORD_OVERFLOW);
    tu_pair_free(&p);
}

/* Records whose MAC is right but whose plaintext is over the limit, built by hand for each kind of state. */
static void check_decrypted_limit(enum ntls_cipher_id cipher, size_t len, enum ntls_err want)
{
    struct tu_keys k;
    struct ntls_record r;
    struct ntls_cipher enc;
    static uint8_t content[NTLS_REC_MAX_PLAIN + 2048];

    tu_keys_fixed(&k, cipher, NTLS_HASH_SHA1, 9);
    tu_reader(&r, &k, true);
    ntls_cipher_init(&enc, cipher, true, k.key, k.iv);
    fill(content, len, 1);
    size_t n = tu_build(&enc, &k, 0, NTLS_CT_APPLICATION_DATA, content, len, -1, wire);
    tu_feed(&r, wire, n);
    struct ntls_rec_view v;
    cr_assert_eq(ntls_rec_read(&r, &v).err, want, "%zu bytes", len);
    if (want == NTLS_E_OK) {
        cr_assert_eq(v.data.len, len);
        cr_assert_arr_eq(v.data.p, content, len);
    }
    ntls_rec_free(&r);
}

Test(record, decrypted_limit_at_n_and_n_plus_1)
{
    const enum ntls_cipher_id ciphers[] = { NTLS_CIPHER_NULL, NTLS_CIPHER_RC4_128, NTLS_CIPHER_AES128_CBC };
    for (size_t i = 0; i < 3; i++) {
        check_decrypted_limit(ciphers[i], NTLS_REC_MAX_PLAIN, NTLS_E_OK);
        check_decrypted_limit(ciphers[i], NTLS_REC_MAX_PLAIN + 1, NTLS_E_RECORD_OVERFLOW);
        /* "decrypts to more than 2^14 + 1024" (RFC 2246 6.2.2's compressed limit) */
        check_decrypted_limit(ciphers[i], NTLS_REC_MAX_PLAIN + 1024 + 1, NTLS_E_RECORD_OVERFLOW);
    }
}

Test(record, content_types)
{
    for (unsigned t = 0; t < 256; t++) {
        struct ntls_record r;
        ntls_rec_init(&r, false, 0);
        size_t n = raw_record(wire, (uint8_t)t, NTLS_TLS10, 3);
        tu_feed(&r, wire, n);
        enum ntls_err want = t >= 20 && t <= 23 ? NTLS_E_OK : NTLS_E_UNEXPECTED_MESSAGE;
        cr_assert_eq(read_err(&r), want, "type %u", t);
        ntls_rec_free(&r);
    }
}

Test(record, versions_before_and_after_negotiation)
{
    const uint16_t versions[] = { 0x0200, 0x02ff, 0x0300, 0x0301, 0x0302, 0x0303, 0x0401, 0x0000 };
    for (size_t i = 0; i < sizeof versions / sizeof versions[0]; i++) {
        struct ntls_record r;
        uint16_t v = versions[i];
        ntls_rec_init(&r, false, 0);
        tu_feed(&r, wire, raw_record(wire, NTLS_CT_HANDSHAKE, v, 3));
        enum ntls_err want = v == 0x0300 || v == 0x0301 ? NTLS_E_OK : NTLS_E_PROTOCOL_VERSION;
        cr_assert_eq(read_err(&r), want, "hello version %04x", v);
        ntls_rec_free(&r);

        ntls_rec_init(&r, false, 0);
        ntls_rec_set_version(&r, NTLS_TLS10);
        tu_feed(&r, wire, raw_record(wire, NTLS_CT_HANDSHAKE, v, 3));
        want = v == NTLS_TLS10 ? NTLS_E_OK : NTLS_E_PROTOCOL_VERSION;
        cr_assert_eq(read_err(&r), want, "negotiated, version %04x", v);
        ntls_rec_free(&r);
    }
}

Test(record, hello_versions_are_a_parameter)
{
    struct ntls_record r;
    size_t written;
    ntls_rec_init(&r, true, 0);
    ntls_rec_set_hello_versions(&r, NTLS_TLS10, NTLS_TLS12, NTLS_SSL30);
    tu_feed(&r, wire, raw_record(wire, NTLS_CT_HANDSHAKE, NTLS_TLS12, 3));
    cr_assert_eq(read_err(&r), NTLS_E_OK);
    cr_assert_eq(ntls_rec_write(&r, NTLS_CT_HANDSHAKE, "abc", 3, &written).err, NTLS_E_OK);
    tu_take_out(&r, wire, sizeof wire);
    cr_assert_eq(wire[1], 3);
    cr_assert_eq(wire[2], 0, "hello record version written as configured");
    ntls_rec_free(&r);

    ntls_rec_init(&r, true, 0);
    ntls_rec_set_hello_versions(&r, NTLS_TLS10, NTLS_TLS12, NTLS_TLS10);
    tu_feed(&r, wire, raw_record(wire, NTLS_CT_HANDSHAKE, NTLS_SSL30, 3));
    cr_assert_eq(read_err(&r), NTLS_E_PROTOCOL_VERSION);
    ntls_rec_free(&r);
}

static void empty_records(struct tu_pair *p, size_t count, enum ntls_err last)
{
    uint8_t *at;
    size_t room;
    for (size_t i = 0; i < count; i++) {
        cr_assert_eq(ntls_rec_seal_begin(&p->client, NTLS_CT_APPLICATION_DATA, &at, &room).err, NTLS_E_OK);
        cr_assert_eq(ntls_rec_seal_end(&p->client, 0).err, NTLS_E_OK);
    }
    tu_move(&p->client, &p->server);
    for (size_t i = 0; i < count; i++) {
        struct ntls_rec_view v;
        enum ntls_err want = i + 1 == count ? last : NTLS_E_OK;
        cr_assert_eq(ntls_rec_read(&p->server, &v).err, want, "empty record %zu", i + 1);
        if (want == NTLS_E_OK) {
            cr_assert_eq(v.type, NTLS_CT_APPLICATION_DATA);
            cr_assert_eq(v.data.len, 0);
            ntls_rec_consume(&p->server, 0);
        }
    }
}

Test(record, empty_app_records_bounded_at_n_and_n_plus_1)
{
    struct tu_pair p;
    tu_pair_keyed(&p, aes(), NTLS_REC_NO_CBC_SPLIT);
    empty_records(&p, NTLS_REC_MAX_EMPTY, NTLS_E_OK);
    /* A record with data resets the run. */
    size_t written, len;
    uint8_t type, out[8];
    cr_assert_eq(ntls_rec_write(&p.client, NTLS_CT_APPLICATION_DATA, "x", 1, &written).err, NTLS_E_OK);
    tu_move(&p.client, &p.server);
    cr_assert_eq(tu_read_one(&p.server, &type, out, sizeof out, &len).err, NTLS_E_OK);
    empty_records(&p, NTLS_REC_MAX_EMPTY + 1, NTLS_E_UNEXPECTED_MESSAGE);
    tu_pair_free(&p);
}

Test(record, empty_records_of_other_types_are_unexpected)
{
    const uint8_t types[] = { NTLS_CT_CHANGE_CIPHER_SPEC, NTLS_CT_ALERT, NTLS_CT_HANDSHAKE };
    for (size_t i = 0; i < sizeof types; i++) {
        struct ntls_record r;
        ntls_rec_init(&r, false, 0);
        tu_feed(&r, wire, raw_record(wire, types[i], NTLS_TLS10, 0));
        cr_assert_eq(read_err(&r), NTLS_E_UNEXPECTED_MESSAGE, "type %u", types[i]);
        ntls_rec_free(&r);
    }
    struct ntls_record r;
    ntls_rec_init(&r, false, 0);
    tu_feed(&r, wire, raw_record(wire, NTLS_CT_APPLICATION_DATA, NTLS_TLS10, 0));
    cr_assert_eq(read_err(&r), NTLS_E_OK);
    ntls_rec_free(&r);
}

Test(record, sequence_numbers_count_and_reset_at_ccs)
{
    struct tu_pair p;
    size_t written, len;
    uint8_t type, out[8];

    tu_pair_keyed(&p, aes(), NTLS_REC_NO_CBC_SPLIT);
    for (int i = 0; i < 3; i++) {
        cr_assert_eq(ntls_rec_write(&p.client, NTLS_CT_APPLICATION_DATA, "ab", 2, &written).err, NTLS_E_OK);
    }
    cr_assert_eq(ntls_rec_seq(&p.client, NTLS_REC_WRITE), 3);
    tu_move(&p.client, &p.server);
    for (int i = 0; i < 3; i++) {
        cr_assert_eq(tu_read_one(&p.server, &type, out, sizeof out, &len).err, NTLS_E_OK);
    }
    cr_assert_eq(ntls_rec_seq(&p.server, NTLS_REC_READ), 3);

    /* A new key exchange: pending states switched in at CCS restart at 0 (RFC 2246 6.1). */
    const uint8_t *cr = tu_server_random, *sr = tu_client_random; /* new randoms: swapped */
    cr_assert_eq(ntls_keys_install(&p.client, NTLS_TLS10, aes(), tu_master, cr, sr).err, NTLS_E_OK);
    cr_assert_eq(ntls_keys_install(&p.server, NTLS_TLS10, aes(), tu_master, cr, sr).err, NTLS_E_OK);
    cr_assert_eq(ntls_rec_write(&p.client, NTLS_CT_CHANGE_CIPHER_SPEC, "\1", 1, &written).err, NTLS_E_OK);
    cr_assert_eq(ntls_rec_change_cipher(&p.client, NTLS_REC_WRITE).err, NTLS_E_OK);
    cr_assert_eq(ntls_rec_seq(&p.client, NTLS_REC_WRITE), 0);
    cr_assert_eq(ntls_rec_write(&p.client, NTLS_CT_HANDSHAKE, "fin", 3, &written).err, NTLS_E_OK);
    tu_move(&p.client, &p.server);
    cr_assert_eq(tu_read_one(&p.server, &type, out, sizeof out, &len).err, NTLS_E_OK);
    cr_assert_eq(type, NTLS_CT_CHANGE_CIPHER_SPEC);
    cr_assert_eq(ntls_rec_seq(&p.server, NTLS_REC_READ), 4);
    cr_assert_eq(ntls_rec_change_cipher(&p.server, NTLS_REC_READ).err, NTLS_E_OK);
    cr_assert_eq(ntls_rec_seq(&p.server, NTLS_REC_READ), 0);
    cr_assert_eq(tu_read_one(&p.server, &type, out, sizeof out, &len).err, NTLS_E_OK);
    cr_assert_eq(len, 3);
    cr_assert_arr_eq(out, "fin", 3);
    cr_assert_eq(ntls_rec_seq(&p.server, NTLS_REC_READ), 1);
    tu_pair_free(&p);
}

Test(record, ccs_without_pending_state_is_unexpected)
{
    struct ntls_record r;
    ntls_rec_init(&r, false, 0);
    cr_assert_eq(ntls_rec_change_cipher(&r, NTLS_REC_READ).err, NTLS_E_UNEXPECTED_MESSAGE);
    cr_assert_eq(ntls_rec_change_cipher(&r, NTLS_REC_WRITE).err, NTLS_E_UNEXPECTED_MESSAGE);
    ntls_rec_free(&r);
}

Test(record, write_seq_never_wraps)
{
    struct tu_pair p;
    size_t written, len;
    uint8_t type, out[8];

    tu_pair_keyed(&p, aes(), NTLS_REC_NO_CBC_SPLIT);
    ntls_rec_set_seq(&p.client, NTLS_REC_WRITE, UINT64_MAX);
    ntls_rec_set_seq(&p.server, NTLS_REC_READ, UINT64_MAX);
    /* 2^64 - 1 is the last number: usable once (n), then the side fails (n + 1). */
    cr_assert_eq(ntls_rec_write(&p.client, NTLS_CT_APPLICATION_DATA, "a", 1, &written).err, NTLS_E_OK);
    cr_assert_eq(ntls_rec_write(&p.client, NTLS_CT_APPLICATION_DATA, "b", 1, &written).err,
                 NTLS_E_SEQ_OVERFLOW);
    cr_assert_eq(ntls_rec_write(&p.client, NTLS_CT_ALERT, "\1\0", 2, &written).err, NTLS_E_SEQ_OVERFLOW,
                 "sticky");
    tu_move(&p.client, &p.server);
    cr_assert_eq(tu_read_one(&p.server, &type, out, sizeof out, &len).err, NTLS_E_OK);
    cr_assert_eq(out[0], 'a');
    tu_pair_free(&p);
}

Test(record, read_seq_never_wraps)
{
    struct tu_pair p;
    size_t written, len;
    uint8_t type, out[8];

    tu_pair_keyed(&p, aes(), NTLS_REC_NO_CBC_SPLIT);
    ntls_rec_set_seq(&p.client, NTLS_REC_WRITE, UINT64_MAX);
    ntls_rec_set_seq(&p.server, NTLS_REC_READ, UINT64_MAX);
    cr_assert_eq(ntls_rec_write(&p.client, NTLS_CT_APPLICATION_DATA, "a", 1, &written).err, NTLS_E_OK);
    tu_move(&p.client, &p.server);
    cr_assert_eq(tu_read_one(&p.server, &type, out, sizeof out, &len).err, NTLS_E_OK);
    /* Any further record, whatever it holds, fails before it is opened. */
    tu_feed(&p.server, wire, raw_record(wire, NTLS_CT_APPLICATION_DATA, NTLS_TLS10, 32));
    cr_assert_eq(read_err(&p.server), NTLS_E_SEQ_OVERFLOW);
    tu_pair_free(&p);
}

/* Feeding a record one byte short at every length gives WANT_READ and changes nothing; the rest completes
 * it. Also a header claiming a shorter fragment, at every length, is rejected as bad_record_mac. */
static void check_truncation(const struct ntls_suite *s)
{
    struct tu_pair p;
    size_t written, n;
    static uint8_t rec[256];
    uint8_t type, out[64];

    tu_pair_keyed(&p, s, NTLS_REC_NO_CBC_SPLIT);
    cr_assert_eq(ntls_rec_write(&p.client, NTLS_CT_APPLICATION_DATA, "truncate me", 11, &written).err,
                 NTLS_E_OK);
    n = tu_take_out(&p.client, rec, sizeof rec);
    for (size_t k = 0; k < n; k++) {
        tu_feed(&p.server, &rec[k], 1);
        enum ntls_err want = k + 1 == n ? NTLS_E_OK : NTLS_E_WANT_READ;
        size_t len;
        cr_assert_eq(tu_read_one(&p.server, &type, out, sizeof out, &len).err, want, "%s at %zu", s->name, k);
    }
    tu_pair_free(&p);

    for (size_t cut = 0; cut < n - NTLS_REC_HEADER; cut++) {
        tu_pair_keyed(&p, s, NTLS_REC_NO_CBC_SPLIT);
        uint8_t copy[256];
        memcpy(copy, rec, n);
        copy[3] = (uint8_t)(cut >> 8);
        copy[4] = (uint8_t)cut;
        tu_feed(&p.server, copy, NTLS_REC_HEADER + cut);
        cr_assert_eq(read_err(&p.server), NTLS_E_BAD_RECORD_MAC, "%s cut to %zu", s->name, cut);
        tu_pair_free(&p);
    }
}

Test(record, truncation_at_every_offset)
{
    check_truncation(ntls_suite_by_name("AES128-SHA"));
    check_truncation(ntls_suite_by_name("DES-CBC3-SHA"));
    check_truncation(ntls_suite_by_name("RC4-MD5"));
    check_truncation(ntls_suite_by_name("NULL-SHA"));
}

Test(record, partial_consumption_and_read_ahead)
{
    struct tu_pair p;
    size_t written;
    struct ntls_rec_view v;

    tu_pair_keyed(&p, ntls_suite_by_name("RC4-SHA"), 0);
    cr_assert_eq(ntls_rec_write(&p.client, NTLS_CT_APPLICATION_DATA, "hello", 5, &written).err, NTLS_E_OK);
    cr_assert_eq(ntls_rec_write(&p.client, NTLS_CT_APPLICATION_DATA, "world", 5, &written).err, NTLS_E_OK);
    size_t n = tu_take_out(&p.client, wire, sizeof wire);
    /* One read gets the first record and part of the second. */
    tu_feed(&p.server, wire, n - 3);
    cr_assert_eq(ntls_rec_read(&p.server, &v).err, NTLS_E_OK);
    cr_assert_eq(v.data.len, 5);
    ntls_rec_consume(&p.server, 2);
    cr_assert_eq(ntls_rec_in_plaintext(&p.server), 3);
    cr_assert_eq(ntls_rec_read(&p.server, &v).err, NTLS_E_OK);
    cr_assert_eq(v.data.len, 3);
    cr_assert_arr_eq(v.data.p, "llo", 3);
    ntls_rec_consume(&p.server, 3);
    cr_assert_eq(ntls_rec_read(&p.server, &v).err, NTLS_E_WANT_READ);
    tu_feed(&p.server, wire + n - 3, 3);
    cr_assert_eq(ntls_rec_read(&p.server, &v).err, NTLS_E_OK);
    cr_assert_arr_eq(v.data.p, "world", 5);
    ntls_rec_consume(&p.server, 5);
    tu_pair_free(&p);
}

/* An SSL 2.0-format ClientHello is read raw, then TLS records follow in the same buffer. */
Test(record, raw_peek_and_skip)
{
    struct ntls_record r;
    struct ntls_cur raw;
    const uint8_t v2[] = { 0x80, 0x03, 0x01, 0x03, 0x01 };

    ntls_rec_init(&r, false, 0);
    ntls_rec_peek_raw(&r, &raw);
    cr_assert_eq(raw.len, 0);
    tu_feed(&r, v2, sizeof v2);
    size_t n = raw_record(wire, NTLS_CT_HANDSHAKE, NTLS_TLS10, 4);
    tu_feed(&r, wire, n);
    ntls_rec_peek_raw(&r, &raw);
    cr_assert_eq(raw.len, sizeof v2 + n);
    cr_assert_arr_eq(raw.p, v2, sizeof v2);
    ntls_rec_skip_raw(&r, sizeof v2);
    struct ntls_rec_view v;
    cr_assert_eq(ntls_rec_read(&r, &v).err, NTLS_E_OK);
    cr_assert_eq(v.type, NTLS_CT_HANDSHAKE);
    cr_assert_eq(v.data.len, 4);
    ntls_rec_peek_raw(&r, &raw);
    cr_assert_eq(raw.len, 0, "nothing raw while a record is open");
    ntls_rec_consume(&r, 4);
    ntls_rec_peek_raw(&r, &raw);
    cr_assert_eq(raw.len, 0);
    ntls_rec_free(&r);
}

Test(record, input_never_holds_more_than_one_record)
{
    struct ntls_record r;
    size_t room;
    ntls_rec_init(&r, false, 0);
    cr_assert_not_null(ntls_rec_in_buf(&r, &room));
    cr_assert_eq(room, NTLS_REC_HEADER + NTLS_REC_MAX_CIPHER);
    ntls_rec_free(&r);
}

Test(record, partial_writes)
{
    struct tu_pair p;
    size_t written, len, total;
    uint8_t type, out[64];

    tu_pair_keyed(&p, aes(), 0);
    cr_assert_eq(ntls_rec_write(&p.server, NTLS_CT_APPLICATION_DATA, "partial", 7, &written).err, NTLS_E_OK);
    const uint8_t *b = ntls_rec_out_buf(&p.server, &total);
    memcpy(wire, b, total);
    for (size_t i = 0; i < total; i++) {
        size_t left;
        const uint8_t *at = ntls_rec_out_buf(&p.server, &left);
        cr_assert_eq(left, total - i);
        cr_assert_eq(at[0], wire[i]);
        tu_feed(&p.client, at, 1);
        ntls_rec_out_ack(&p.server, 1);
    }
    cr_assert_null(ntls_rec_out_buf(&p.server, &len));
    cr_assert_eq(tu_read_one(&p.client, &type, out, sizeof out, &len).err, NTLS_E_OK);
    cr_assert_arr_eq(out, "partial", 7);
    tu_pair_free(&p);
}

/* Records are opened and sealed in place: after the first use, no record allocates. */
Test(record, no_allocation_per_record)
{
    const char *names[] = { "AES128-SHA", "DES-CBC3-SHA", "RC4-MD5", "NULL-SHA" };
    for (size_t s = 0; s < 4; s++) {
        struct tu_pair p;
        size_t written, len;
        uint8_t type;
        static uint8_t out[NTLS_REC_MAX_PLAIN];

        tu_pair_keyed(&p, ntls_suite_by_name(names[s]), 0);
        fill(data, NTLS_REC_MAX_PLAIN, 5);
        /* First use of the four buffers. */
        cr_assert_eq(ntls_rec_write(&p.client, NTLS_CT_APPLICATION_DATA, data, 1, &written).err, NTLS_E_OK);
        cr_assert_eq(ntls_rec_write(&p.server, NTLS_CT_HANDSHAKE, data, 1, &written).err, NTLS_E_OK);
        tu_move(&p.client, &p.server);
        tu_move(&p.server, &p.client);
        cr_assert_eq(tu_read_one(&p.server, &type, out, sizeof out, &len).err, NTLS_E_OK);
        cr_assert_eq(tu_read_one(&p.client, &type, out, sizeof out, &len).err, NTLS_E_OK);

        unsigned long before = ntls_alloc_count();
        for (size_t i = 0; i < 200; i++) {
            size_t n = (i * 997) % NTLS_REC_MAX_PLAIN + 1;
            uint8_t *at;
            size_t room;
            cr_assert_eq(ntls_rec_seal_begin(&p.client, NTLS_CT_APPLICATION_DATA, &at, &room).err, NTLS_E_OK);
            memcpy(at, data, n);
            cr_assert_eq(ntls_rec_seal_end(&p.client, n).err, NTLS_E_OK);
            cr_assert_eq(ntls_rec_write(&p.server, NTLS_CT_HANDSHAKE, data, 40, &written).err, NTLS_E_OK);
            tu_move(&p.client, &p.server);
            tu_move(&p.server, &p.client);
            size_t got = 0;
            while (got < n) {
                cr_assert_eq(tu_read_one(&p.server, &type, out, sizeof out, &len).err, NTLS_E_OK);
                got += len;
            }
            cr_assert_eq(tu_read_one(&p.client, &type, out, sizeof out, &len).err, NTLS_E_OK);
        }
        cr_assert_eq(ntls_alloc_count(), before, "%s allocated per record", names[s]);
        tu_pair_free(&p);
    }
}

Test(record, buffers_are_released_when_empty)
{
    struct tu_pair p;
    size_t written, len;
    uint8_t type, out[16];

    tu_pair_keyed(&p, aes(), 0);
    size_t states = ntls_rec_heap_bytes(&p.client);
    cr_assert_eq(states, 2 * sizeof(struct ntls_rec_prot), "only the two cipher states before any I/O");
    cr_assert_eq(ntls_rec_write(&p.client, NTLS_CT_APPLICATION_DATA, "ping", 4, &written).err, NTLS_E_OK);
    cr_assert_eq(ntls_rec_heap_bytes(&p.client), states + NTLS_REC_OUT_CAP);

    /* Pending output is kept. */
    ntls_rec_release_buffers(&p.client);
    cr_assert_eq(ntls_rec_heap_bytes(&p.client), states + NTLS_REC_OUT_CAP);
    tu_move(&p.client, &p.server);
    ntls_rec_release_buffers(&p.client);
    cr_assert_eq(ntls_rec_heap_bytes(&p.client), states);

    /* Unread input is kept too, then released once consumed. */
    ntls_rec_release_buffers(&p.server);
    cr_assert_eq(ntls_rec_heap_bytes(&p.server), states + NTLS_REC_IN_ALLOC);
    cr_assert_eq(tu_read_one(&p.server, &type, out, sizeof out, &len).err, NTLS_E_OK);
    cr_assert_eq(tu_read_one(&p.server, &type, out, sizeof out, &len).err, NTLS_E_OK);
    cr_assert_arr_eq(out, "ing", 3);
    ntls_rec_release_buffers(&p.server);
    cr_assert_eq(ntls_rec_heap_bytes(&p.server), states);

    /* Usable again after release. */
    cr_assert_eq(ntls_rec_write(&p.client, NTLS_CT_APPLICATION_DATA, "pong", 4, &written).err, NTLS_E_OK);
    tu_move(&p.client, &p.server);
    cr_assert_eq(tu_read_one(&p.server, &type, out, sizeof out, &len).err, NTLS_E_OK);
    cr_assert_eq(tu_read_one(&p.server, &type, out, sizeof out, &len).err, NTLS_E_OK);
    cr_assert_arr_eq(out, "ong", 3);
    cr_log_info("idle record layer: %zu bytes in struct + %zu bytes of cipher states",
                sizeof(struct ntls_record), states);
    tu_pair_free(&p);
}

Test(record, usage_errors)
{
    struct ntls_record r;
    uint8_t *at;
    size_t room, written;
    ntls_rec_init(&r, false, 0);
    cr_assert_eq(ntls_rec_seal_end(&r, 0).err, NTLS_E_USAGE);
    cr_assert_eq(ntls_rec_seal_begin(&r, 24, &at, &room).err, NTLS_E_USAGE);
    cr_assert_eq(ntls_rec_seal_begin(&r, NTLS_CT_HANDSHAKE, &at, &room).err, NTLS_E_OK);
    cr_assert_eq(ntls_rec_seal_begin(&r, NTLS_CT_HANDSHAKE, &at, &room).err, NTLS_E_USAGE);
    cr_assert_eq(ntls_rec_seal_end(&r, 0).err, NTLS_E_USAGE, "empty handshake records are not sent");
    cr_assert_eq(ntls_rec_seal_begin(&r, NTLS_CT_HANDSHAKE, &at, &room).err, NTLS_E_OK);
    cr_assert_eq(ntls_rec_seal_end(&r, room + 1).err, NTLS_E_USAGE);
    cr_assert_eq(ntls_rec_write(&r, NTLS_CT_ALERT, data, NTLS_REC_MAX_PLAIN + 1, &written).err, NTLS_E_USAGE);
    struct ntls_rec_keys k = { NTLS_CIPHER_AES128_CBC, NTLS_HASH_SHA256, data, data, data };
    cr_assert_eq(ntls_rec_set_pending(&r, NTLS_REC_READ, NTLS_TLS10, &k).err, NTLS_E_USAGE);
    k.mac = NTLS_HASH_SHA1;
    cr_assert_eq(ntls_rec_set_pending(&r, NTLS_REC_READ, NTLS_TLS12, &k).err, NTLS_E_USAGE);
    ntls_rec_free(&r);
}
