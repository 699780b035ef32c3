/* TLS 1.0 stream cipher states (NULL and RC4, each with HMAC-MD5 and HMAC-SHA1): round trips, records equal
 * to ones built independently from crypto primitives (the RC4 stream carries across records), tampering
 * with every byte, truncation. */
#include <criterion/criterion.h>
#include <string.h>

#include "rec_util.h"

#define NSTATES (sizeof tu_stream_states / sizeof tu_stream_states[0])

static uint8_t wire[2 * NTLS_REC_IN_CAP];
static uint8_t data[NTLS_REC_MAX_PLAIN];
static uint8_t out[NTLS_REC_MAX_PLAIN];

static void fill(uint8_t *p, size_t n, uint8_t seed)
{
    for (size_t i = 0; i < n; i++) {
        p[i] = (uint8_t)(seed + i * 31 + (i >> 9));
    }
}

static enum ntls_err read_err(struct ntls_record *r)
{
    struct ntls_rec_view v;
    return ntls_rec_read(r, &v).err;
}

Test(record_stream, round_trip_every_state)
{
    const size_t lens[] = { 1, 2, 20, 255, 4096, NTLS_REC_MAX_PLAIN };

    for (size_t s = 0; s < NSTATES; s++) {
        struct ntls_suite suite = tu_suite_for(tu_stream_states[s].cipher, tu_stream_states[s].mac);
        struct tu_pair p;
        tu_pair_keyed(&p, &suite, 0);
        for (size_t i = 0; i < sizeof lens / sizeof lens[0]; i++) {
            size_t written, len;
            uint8_t type;
            struct ntls_record *from = i % 2 ? &p.client : &p.server;
            struct ntls_record *to = i % 2 ? &p.server : &p.client;
            fill(data, lens[i], (uint8_t)(s * 16 + i));
            cr_assert_eq(ntls_rec_write(from, NTLS_CT_APPLICATION_DATA, data, lens[i], &written).err,
                         NTLS_E_OK);
            tu_move(from, to);
            cr_assert_eq(tu_read_one(to, &type, out, sizeof out, &len).err, NTLS_E_OK);
            cr_assert_eq(len, lens[i], "%s: one record per write, no split", tu_stream_states[s].name);
            cr_assert_arr_eq(out, data, len, "%s len %zu", tu_stream_states[s].name, lens[i]);
        }
        /* An empty application-data record. */
        uint8_t *at;
        size_t room, len;
        uint8_t type;
        cr_assert_eq(ntls_rec_seal_begin(&p.client, NTLS_CT_APPLICATION_DATA, &at, &room).err, NTLS_E_OK);
        cr_assert_eq(ntls_rec_seal_end(&p.client, 0).err, NTLS_E_OK);
        tu_move(&p.client, &p.server);
        cr_assert_eq(tu_read_one(&p.server, &type, out, sizeof out, &len).err, NTLS_E_OK);
        cr_assert_eq(len, 0);
        tu_pair_free(&p);
    }
}

/* The client's records equal records built by hand from the key block, over several records (so the RC4
 * keystream continues from one record to the next). */
Test(record_stream, records_match_independent_builder)
{
    static uint8_t want[NTLS_REC_IN_CAP];
    const size_t lens[] = { 1, 64, 3000, 5 };

    for (size_t s = 0; s < NSTATES; s++) {
        struct ntls_suite suite = tu_suite_for(tu_stream_states[s].cipher, tu_stream_states[s].mac);
        struct ntls_key_block kb;
        struct tu_keys k = { .cipher = suite.cipher, .mac = suite.mac };
        struct ntls_cipher enc;
        struct tu_pair p;

        cr_assert_eq(ntls_keys_expand(NTLS_TLS10, &suite, tu_master, tu_client_random, tu_server_random, &kb)
                         .err,
                     NTLS_E_OK);
        cr_assert_eq(kb.iv_len, 0);
        memcpy(k.mac_key, kb.client_mac, kb.mac_len);
        memcpy(k.key, kb.client_key, kb.key_len);
        ntls_cipher_init(&enc, k.cipher, true, k.key, NULL);
        tu_pair_keyed(&p, &suite, 0);
        for (size_t i = 0; i < sizeof lens / sizeof lens[0]; i++) {
            size_t written;
            fill(data, lens[i], (uint8_t)i);
            cr_assert_eq(ntls_rec_write(&p.client, NTLS_CT_APPLICATION_DATA, data, lens[i], &written).err,
                         NTLS_E_OK);
            size_t n = tu_take_out(&p.client, wire, sizeof wire);
            size_t m = tu_build(&enc, &k, i, NTLS_CT_APPLICATION_DATA, data, lens[i], -1, want);
            cr_assert_eq(n, m);
            cr_assert_arr_eq(wire, want, n, "%s record %zu", tu_stream_states[s].name, i);
            if (k.cipher == NTLS_CIPHER_NULL) {
                cr_assert_arr_eq(&wire[5], data, lens[i], "NULL leaves the content in clear");
            }
        }
        tu_pair_free(&p);
        ntls_key_block_wipe(&kb);
    }
}

Test(record_stream, flipping_any_byte_is_bad_record_mac)
{
    const uint8_t content[] = "stream records have no padding";

    for (size_t s = 0; s < NSTATES; s++) {
        struct tu_keys k;
        struct ntls_cipher enc;
        uint8_t rec[128], copy[128];
        tu_keys_fixed(&k, tu_stream_states[s].cipher, tu_stream_states[s].mac, (uint8_t)(s + 50));
        ntls_cipher_init(&enc, k.cipher, true, k.key, NULL);
        size_t n = tu_build(&enc, &k, 0, NTLS_CT_HANDSHAKE, content, sizeof content - 1, -1, rec);
        for (size_t i = 0; i < n; i++) {
            for (unsigned mask = 1; mask < 256; mask <<= 1) {
                struct ntls_record r;
                tu_reader(&r, &k, true);
                memcpy(copy, rec, n);
                copy[i] ^= (uint8_t)mask;
                tu_feed(&r, copy, n);
                enum ntls_err e = read_err(&r);
                if (i >= NTLS_REC_HEADER || (i == 0 && copy[0] >= 20 && copy[0] <= 23)) {
                    cr_assert_eq(e, NTLS_E_BAD_RECORD_MAC, "%s byte %zu ^ %02x: %s", tu_stream_states[s].name,
                                 i, mask, ntls_err_name(e));
                } else {
                    cr_assert_neq(e, NTLS_E_OK);
                }
                ntls_rec_free(&r);
            }
        }
    }
}

Test(record_stream, truncated_fragments_are_bad_record_mac)
{
    for (size_t s = 0; s < NSTATES; s++) {
        struct tu_keys k;
        struct ntls_cipher enc;
        uint8_t rec[128];
        tu_keys_fixed(&k, tu_stream_states[s].cipher, tu_stream_states[s].mac, 3);
        ntls_cipher_init(&enc, k.cipher, true, k.key, NULL);
        const uint8_t *content = (const uint8_t *)"0123456789";
        size_t n = tu_build(&enc, &k, 0, NTLS_CT_APPLICATION_DATA, content, 10, -1, rec);
        for (size_t cut = 0; cut < n - NTLS_REC_HEADER; cut++) {
            struct ntls_record r;
            tu_reader(&r, &k, true);
            rec[3] = (uint8_t)(cut >> 8);
            rec[4] = (uint8_t)cut;
            tu_feed(&r, rec, NTLS_REC_HEADER + cut);
            cr_assert_eq(read_err(&r), NTLS_E_BAD_RECORD_MAC, "%s cut at %zu", tu_stream_states[s].name, cut);
            ntls_rec_free(&r);
        }
    }
}

/* Records must be opened in order: a record replayed or skipped has the wrong sequence number in its MAC. */
Test(record_stream, replayed_or_reordered_records_fail)
{
    struct tu_pair p;
    size_t written, n1, n2;
    static uint8_t r1[64], r2[64];

    tu_pair_keyed(&p, ntls_suite_by_name("NULL-SHA"), 0);
    cr_assert_eq(ntls_rec_write(&p.client, NTLS_CT_APPLICATION_DATA, "one", 3, &written).err, NTLS_E_OK);
    n1 = tu_take_out(&p.client, r1, sizeof r1);
    cr_assert_eq(ntls_rec_write(&p.client, NTLS_CT_APPLICATION_DATA, "two", 3, &written).err, NTLS_E_OK);
    n2 = tu_take_out(&p.client, r2, sizeof r2);
    tu_feed(&p.server, r2, n2);
    cr_assert_eq(read_err(&p.server), NTLS_E_BAD_RECORD_MAC);
    tu_pair_free(&p);

    tu_pair_keyed(&p, ntls_suite_by_name("NULL-SHA"), 0);
    tu_feed(&p.server, r1, n1);
    tu_feed(&p.server, r1, n1);
    uint8_t type;
    size_t len;
    cr_assert_eq(tu_read_one(&p.server, &type, out, sizeof out, &len).err, NTLS_E_OK);
    cr_assert_eq(read_err(&p.server), NTLS_E_BAD_RECORD_MAC);
    tu_pair_free(&p);
}
