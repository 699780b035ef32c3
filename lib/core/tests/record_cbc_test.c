/* TLS 1.0 CBC cipher states: round trips, records equal to ones built independently from crypto primitives,
 * IV chaining, tampering with every byte, padding of every length, the Lucky13 compression count, and the
 * 1/n-1 split. */
#include <criterion/criterion.h>
#include <string.h>

#include "rec_util.h"

#define NSTATES (sizeof tu_cbc_states / sizeof tu_cbc_states[0])

static uint8_t wire[2 * NTLS_REC_IN_CAP];
static uint8_t data[NTLS_REC_IN_CAP];

static void fill(uint8_t *p, size_t n, uint8_t seed)
{
    for (size_t i = 0; i < n; i++) {
        p[i] = (uint8_t)(seed ^ (i * 13 + (i >> 7)));
    }
}

static enum ntls_err read_err(struct ntls_record *r)
{
    struct ntls_rec_view v;
    return ntls_rec_read(r, &v).err;
}

/* Reads records from r until len plaintext bytes of type have arrived; returns how many records. */
static size_t read_all(struct ntls_record *r, uint8_t type, uint8_t *out, size_t len)
{
    size_t got = 0, records = 0;
    while (got < len || (len == 0 && records == 0)) {
        struct ntls_rec_view v;
        cr_assert_eq(ntls_rec_read(r, &v).err, NTLS_E_OK, "after %zu of %zu bytes", got, len);
        cr_assert_eq(v.type, type);
        cr_assert_leq(got + v.data.len, len);
        memcpy(out + got, v.data.p, v.data.len);
        got += v.data.len;
        ntls_rec_consume(r, v.data.len);
        records++;
    }
    return records;
}

Test(record_cbc, round_trip_every_state)
{
    const size_t lens[] = { 0, 1, 2, 7, 8, 15, 16, 17, 100, 1000, 4097, NTLS_REC_MAX_PLAIN };
    static uint8_t out[NTLS_REC_MAX_PLAIN];

    for (size_t s = 0; s < NSTATES; s++) {
        struct ntls_suite suite = tu_suite_for(tu_cbc_states[s].cipher, tu_cbc_states[s].mac);
        struct tu_pair p;
        tu_pair_keyed(&p, &suite, 0);
        for (size_t i = 0; i < sizeof lens / sizeof lens[0]; i++) {
            size_t written;
            fill(data, lens[i], (uint8_t)(s + i));
            struct ntls_record *from = i % 2 ? &p.client : &p.server;
            struct ntls_record *to = i % 2 ? &p.server : &p.client;
            if (lens[i] == 0) {
                uint8_t *at;
                size_t room;
                cr_assert_eq(ntls_rec_seal_begin(from, NTLS_CT_APPLICATION_DATA, &at, &room).err, NTLS_E_OK);
                cr_assert_eq(ntls_rec_seal_end(from, 0).err, NTLS_E_OK);
            } else {
                cr_assert_eq(ntls_rec_write(from, NTLS_CT_APPLICATION_DATA, data, lens[i], &written).err,
                             NTLS_E_OK);
            }
            tu_move(from, to);
            read_all(to, NTLS_CT_APPLICATION_DATA, out, lens[i]);
            cr_assert_arr_eq(out, data, lens[i], "%s, %zu bytes", tu_cbc_states[s].name, lens[i]);
        }
        tu_pair_free(&p);
    }
}

/* The server's records equal records built by hand from the key block with HMAC and the cipher alone,
 * across several records (so the IV chaining is the same too). */
Test(record_cbc, records_match_independent_builder)
{
    static uint8_t want[NTLS_REC_IN_CAP];
    const size_t lens[] = { 0, 1, 31, 300 };

    for (size_t s = 0; s < NSTATES; s++) {
        struct ntls_suite suite = tu_suite_for(tu_cbc_states[s].cipher, tu_cbc_states[s].mac);
        struct ntls_key_block kb;
        struct tu_keys k = { .cipher = suite.cipher, .mac = suite.mac };
        struct ntls_cipher enc;
        struct tu_pair p;

        cr_assert_eq(ntls_keys_expand(NTLS_TLS10, &suite, tu_master, tu_client_random, tu_server_random, &kb)
                         .err,
                     NTLS_E_OK);
        memcpy(k.mac_key, kb.server_mac, kb.mac_len);
        memcpy(k.key, kb.server_key, kb.key_len);
        memcpy(k.iv, kb.server_iv, kb.iv_len);
        ntls_cipher_init(&enc, k.cipher, true, k.key, k.iv);
        tu_pair_keyed(&p, &suite, 0);
        for (size_t i = 0; i < sizeof lens / sizeof lens[0]; i++) {
            size_t written, n;
            uint8_t *at;
            size_t room;
            fill(data, lens[i], (uint8_t)i);
            if (lens[i] == 0) {
                cr_assert_eq(ntls_rec_seal_begin(&p.server, NTLS_CT_APPLICATION_DATA, &at, &room).err,
                             NTLS_E_OK);
                cr_assert_eq(ntls_rec_seal_end(&p.server, 0).err, NTLS_E_OK);
            } else {
                cr_assert_eq(ntls_rec_write(&p.server, NTLS_CT_HANDSHAKE, data, lens[i], &written).err,
                             NTLS_E_OK);
            }
            n = tu_take_out(&p.server, wire, sizeof wire);
            uint8_t type = lens[i] == 0 ? NTLS_CT_APPLICATION_DATA : NTLS_CT_HANDSHAKE;
            size_t m = tu_build(&enc, &k, i, type, data, lens[i], -1, want);
            cr_assert_eq(n, m, "%s record %zu length", tu_cbc_states[s].name, i);
            cr_assert_arr_eq(wire, want, n, "%s record %zu bytes", tu_cbc_states[s].name, i);
        }
        tu_pair_free(&p);
        ntls_key_block_wipe(&kb);
    }
}

/* RFC 2246 6.2.3.2: the IV of each record after the first is the last ciphertext block of the one before. */
Test(record_cbc, iv_chains_from_previous_record)
{
    struct ntls_suite suite = *ntls_suite_by_name("AES256-SHA");
    struct ntls_key_block kb;
    struct tu_pair p;
    size_t written;
    static uint8_t rec1[256], rec2[256];

    cr_assert_eq(ntls_keys_expand(NTLS_TLS10, &suite, tu_master, tu_client_random, tu_server_random, &kb).err,
                 NTLS_E_OK);
    tu_pair_keyed(&p, &suite, 0);
    cr_assert_eq(ntls_rec_write(&p.server, NTLS_CT_APPLICATION_DATA, "first record", 12, &written).err,
                 NTLS_E_OK);
    size_t n1 = tu_take_out(&p.server, rec1, sizeof rec1);
    cr_assert_eq(ntls_rec_write(&p.server, NTLS_CT_APPLICATION_DATA, "second record", 13, &written).err,
                 NTLS_E_OK);
    size_t n2 = tu_take_out(&p.server, rec2, sizeof rec2);

    struct ntls_cipher dec;
    uint8_t plain[256];
    ntls_cipher_init(&dec, suite.cipher, false, kb.server_key, &rec1[n1 - 16]);
    ntls_cipher_run(&dec, plain, &rec2[5], n2 - 5);
    cr_assert_arr_eq(plain, "second record", 13);
    /* With the key block's IV instead, the first block comes out wrong. */
    ntls_cipher_init(&dec, suite.cipher, false, kb.server_key, kb.server_iv);
    ntls_cipher_run(&dec, plain, &rec2[5], n2 - 5);
    cr_assert(memcmp(plain, "second record", 13) != 0);
    ntls_key_block_wipe(&kb);
    tu_pair_free(&p);
}

/* Flipping any bit pattern in any byte of the fragment is bad_record_mac; in the header it is never
 * accepted. */
Test(record_cbc, flipping_any_byte_is_bad_record_mac)
{
    const uint8_t content[] = "a record of modest length, 45 bytes of text.";

    for (size_t s = 0; s < NSTATES; s++) {
        struct tu_keys k;
        struct ntls_cipher enc;
        uint8_t rec[128], copy[128];
        tu_keys_fixed(&k, tu_cbc_states[s].cipher, tu_cbc_states[s].mac, (uint8_t)s);
        ntls_cipher_init(&enc, k.cipher, true, k.key, k.iv);
        size_t n = tu_build(&enc, &k, 0, NTLS_CT_APPLICATION_DATA, content, sizeof content - 1, -1, rec);

        for (size_t i = 0; i < n; i++) {
            const uint8_t masks[] = { 0x01, 0x80, 0xff };
            for (size_t j = 0; j < sizeof masks; j++) {
                struct ntls_record r;
                tu_reader(&r, &k, false);
                memcpy(copy, rec, n);
                copy[i] ^= masks[j];
                tu_feed(&r, copy, n);
                enum ntls_err e = read_err(&r);
                if (i >= NTLS_REC_HEADER || (i == 0 && (copy[0] >= 20 && copy[0] <= 23))) {
                    cr_assert_eq(e, NTLS_E_BAD_RECORD_MAC, "%s byte %zu ^ %02x: %s", tu_cbc_states[s].name, i,
                                 masks[j], ntls_err_name(e));
                } else {
                    cr_assert_neq(e, NTLS_E_OK, "%s header byte %zu", tu_cbc_states[s].name, i);
                }
                ntls_rec_free(&r);
            }
        }
        struct ntls_record r;
        tu_reader(&r, &k, false);
        tu_feed(&r, rec, n);
        cr_assert_eq(read_err(&r), NTLS_E_OK, "the untouched record opens");
        ntls_rec_free(&r);
    }
}

/* Builds a record with padding pad, optionally corrupting byte bad of the padding (-1: none) or the MAC,
 * and opens it. */
static enum ntls_err open_padded(const struct tu_keys *k, size_t total, size_t pad, int bad, int bad_mac)
{
    struct ntls_cipher enc;
    struct ntls_record r;
    size_t mac_len = ntls_hash_size(k->mac);
    size_t content = total - mac_len - pad - 1;
    static uint8_t rec[1024];

    fill(data, content, (uint8_t)pad);
    ntls_cipher_init(&enc, k->cipher, true, k->key, k->iv);
    /* Build unencrypted first to corrupt the plaintext, then encrypt the fragment. */
    size_t n = tu_build(NULL, k, 0, NTLS_CT_APPLICATION_DATA, data, content, (int)pad, rec);
    cr_assert_eq(n, total + NTLS_REC_HEADER);
    if (bad >= 0) {
        rec[NTLS_REC_HEADER + content + mac_len + (size_t)bad] ^= 0x01;
    }
    if (bad_mac) {
        rec[NTLS_REC_HEADER + content] ^= 0x40;
    }
    ntls_cipher_run(&enc, &rec[NTLS_REC_HEADER], &rec[NTLS_REC_HEADER], total);

    tu_reader(&r, k, false);
    tu_feed(&r, rec, n);
    struct ntls_rec_view v;
    enum ntls_err e = ntls_rec_read(&r, &v).err;
    if (e == NTLS_E_OK) {
        cr_assert_eq(v.data.len, content);
        cr_assert_arr_eq(v.data.p, data, content);
    }
    ntls_rec_free(&r);
    return e;
}

static size_t total_for(const struct tu_keys *k, size_t pad)
{
    size_t block = ntls_cipher_block_size(k->cipher);
    size_t min = ntls_hash_size(k->mac) + pad + 1 + 3; /* at least 3 bytes of content */
    return (min + block - 1) / block * block;
}

/* Every padding length is accepted when right (RFC 2246 6.2.3.2 allows up to 255), and every wrong padding
 * byte is caught, whatever the padding length. */
Test(record_cbc, padding_of_every_length)
{
    for (size_t s = 0; s < NSTATES; s++) {
        struct tu_keys k;
        tu_keys_fixed(&k, tu_cbc_states[s].cipher, tu_cbc_states[s].mac, 0x40);
        /* Exhaustive positions for two states, first and last padding bytes for the others. */
        bool every_byte = s == 5 || s == 2;
        for (size_t pad = 0; pad < 256; pad++) {
            size_t total = total_for(&k, pad);
            cr_assert_eq(open_padded(&k, total, pad, -1, 0), NTLS_E_OK, "%s pad %zu", tu_cbc_states[s].name,
                         pad);
            for (size_t b = 0; b < pad; b++) {
                if (!every_byte && b != 0 && b != pad - 1) {
                    continue;
                }
                cr_assert_eq(open_padded(&k, total, pad, (int)b, 0), NTLS_E_BAD_RECORD_MAC,
                             "%s pad %zu, byte %zu wrong", tu_cbc_states[s].name, pad, b);
            }
            /* A wrong padding_length byte. */
            cr_assert_eq(open_padded(&k, total, pad, (int)pad, 0), NTLS_E_BAD_RECORD_MAC, "%s pad %zu length",
                         tu_cbc_states[s].name, pad);
        }
    }
}

/* A padding_length larger than the record can hold is bad_record_mac, not a crash or an overflow. */
Test(record_cbc, padding_longer_than_record)
{
    struct tu_keys k;
    struct ntls_cipher enc;
    struct ntls_record r;
    uint8_t frag[32];

    tu_keys_fixed(&k, NTLS_CIPHER_AES128_CBC, NTLS_HASH_SHA1, 1);
    for (unsigned last = 0; last < 256; last++) {
        memset(frag, (int)last, sizeof frag);
        ntls_cipher_init(&enc, k.cipher, true, k.key, k.iv);
        uint8_t rec[5 + sizeof frag] = { 23, 3, 1, 0, sizeof frag };
        ntls_cipher_run(&enc, &rec[5], frag, sizeof frag);
        tu_reader(&r, &k, false);
        tu_feed(&r, rec, sizeof rec);
        cr_assert_eq(read_err(&r), NTLS_E_BAD_RECORD_MAC, "last byte %u", last);
        ntls_rec_free(&r);
    }
}

Test(record_cbc, short_and_unaligned_fragments)
{
    for (size_t s = 0; s < NSTATES; s++) {
        struct tu_keys k;
        tu_keys_fixed(&k, tu_cbc_states[s].cipher, tu_cbc_states[s].mac, 2);
        size_t block = ntls_cipher_block_size(k.cipher);
        size_t mac_len = ntls_hash_size(k.mac);
        size_t min = (mac_len + 1 + block - 1) / block * block;
        for (size_t len = 0; len < min + 2 * block; len++) {
            struct ntls_record r;
            uint8_t rec[128] = { 23, 3, 1, 0, (uint8_t)len };
            tu_reader(&r, &k, false);
            tu_feed(&r, rec, 5 + len);
            cr_assert_eq(read_err(&r), NTLS_E_BAD_RECORD_MAC, "%s len %zu", tu_cbc_states[s].name, len);
            ntls_rec_free(&r);
        }
    }
}

/* Lucky13: opening a record of a given length does the same number of MD5/SHA-1 compressions whatever the
 * padding length, and whether the padding or the MAC is right or wrong. */
static unsigned long compressions(const struct tu_keys *k, size_t total, size_t pad, int bad, int bad_mac)
{
    struct ntls_cipher enc;
    struct ntls_record r;
    size_t mac_len = ntls_hash_size(k->mac);
    size_t content = total - mac_len - pad - 1;
    static uint8_t rec[NTLS_REC_IN_CAP];

    fill(data, content, 3);
    size_t n = tu_build(NULL, k, 0, NTLS_CT_APPLICATION_DATA, data, content, (int)pad, rec);
    if (bad >= 0) {
        rec[NTLS_REC_HEADER + content + mac_len + (size_t)bad] ^= 0x01;
    }
    if (bad_mac) {
        rec[NTLS_REC_HEADER + content] ^= 0x40;
    }
    ntls_cipher_init(&enc, k->cipher, true, k->key, k->iv);
    ntls_cipher_run(&enc, &rec[NTLS_REC_HEADER], &rec[NTLS_REC_HEADER], total);
    tu_reader(&r, k, false);
    tu_feed(&r, rec, n);

    struct ntls_rec_view v;
    unsigned long before = ntls_hash_compress_count();
    enum ntls_err e = ntls_rec_read(&r, &v).err;
    unsigned long used = ntls_hash_compress_count() - before;
    /* A good MAC over too much plaintext is record_overflow, found after the constant-time part. */
    enum ntls_err want = bad >= 0 || bad_mac            ? NTLS_E_BAD_RECORD_MAC
                         : content > NTLS_REC_MAX_PLAIN ? NTLS_E_RECORD_OVERFLOW
                                                        : NTLS_E_OK;
    cr_assert_eq(e, want, "pad %zu bad %d mac %d", pad, bad, bad_mac);
    ntls_rec_free(&r);
    return used;
}

Test(record_cbc, same_compressions_for_every_padding_length)
{
    const enum ntls_cipher_id ciphers[] = { NTLS_CIPHER_AES128_CBC, NTLS_CIPHER_3DES_EDE_CBC };
    const enum ntls_hash_id macs[] = { NTLS_HASH_MD5, NTLS_HASH_SHA1 };
    const size_t totals[] = { 288, 1024, 16384 + 256 };

    for (size_t c = 0; c < 2; c++) {
        for (size_t m = 0; m < 2; m++) {
            struct tu_keys k;
            tu_keys_fixed(&k, ciphers[c], macs[m], 7);
            for (size_t t = 0; t < sizeof totals / sizeof totals[0]; t++) {
                unsigned long first = compressions(&k, totals[t], 255, -1, 0);
                cr_assert_gt(first, 0);
                for (size_t pad = 0; pad < 256; pad++) {
                    cr_assert_eq(compressions(&k, totals[t], pad, -1, 0), first, "mac %d total %zu pad %zu",
                                 (int)macs[m], totals[t], pad);
                    cr_assert_eq(compressions(&k, totals[t], pad, (int)pad, 0), first, "bad length byte");
                    if (pad > 0) {
                        cr_assert_eq(compressions(&k, totals[t], pad, 0, 0), first, "bad padding byte");
                    }
                    cr_assert_eq(compressions(&k, totals[t], pad, -1, 1), first, "bad MAC");
                }
                cr_log_info("mac %d, %zu-byte records: %lu compressions each", (int)macs[m], totals[t],
                            first);
            }
        }
    }
}

/* ---------------------------------------------------------------------------------------------------- */
/* 1/n-1 split */

static size_t record_lengths(const uint8_t *w, size_t n, size_t *lens, size_t max)
{
    size_t count = 0;
    for (size_t at = 0; at < n; count++) {
        cr_assert_lt(count, max);
        lens[count] = 5 + ((size_t)w[at + 3] << 8 | w[at + 4]);
        at += lens[count];
    }
    return count;
}

Test(record_cbc, client_splits_app_data_one_and_rest)
{
    struct tu_pair p;
    size_t written, lens[4];
    uint8_t out[16];
    struct ntls_rec_view v;

    tu_pair_keyed(&p, ntls_suite_by_name("AES128-SHA"), 0);
    cr_assert_eq(ntls_rec_write(&p.client, NTLS_CT_APPLICATION_DATA, "hello", 5, &written).err, NTLS_E_OK);
    cr_assert_eq(ntls_rec_seq(&p.client, NTLS_REC_WRITE), 2, "two records, two sequence numbers");
    size_t n = tu_take_out(&p.client, wire, sizeof wire);
    cr_assert_eq(record_lengths(wire, n, lens, 4), 2);
    cr_assert_eq(lens[0], 5 + 32, "1 byte + 20 MAC + 11 padding");
    tu_feed(&p.server, wire, n);
    cr_assert_eq(ntls_rec_read(&p.server, &v).err, NTLS_E_OK);
    cr_assert_eq(v.data.len, 1);
    cr_assert_eq(v.data.p[0], 'h');
    ntls_rec_consume(&p.server, 1);
    cr_assert_eq(read_all(&p.server, NTLS_CT_APPLICATION_DATA, out, 4), 1);
    cr_assert_arr_eq(out, "ello", 4);
    tu_pair_free(&p);
}

/* Where no split applies, one write is one record. */
static void check_one_record(const char *suite, bool client, unsigned flags, uint8_t type, size_t len)
{
    struct tu_pair p;
    size_t written, lens[4];
    static uint8_t out[NTLS_REC_MAX_PLAIN];

    tu_pair_keyed(&p, ntls_suite_by_name(suite), flags);
    struct ntls_record *from = client ? &p.client : &p.server;
    struct ntls_record *to = client ? &p.server : &p.client;
    fill(data, len, 1);
    cr_assert_eq(ntls_rec_write(from, type, data, len, &written).err, NTLS_E_OK);
    size_t n = tu_take_out(from, wire, sizeof wire);
    cr_assert_eq(record_lengths(wire, n, lens, 4), 1, "%s %s type %u len %zu", suite,
                 client ? "client" : "server", type, len);
    tu_feed(to, wire, n);
    cr_assert_eq(read_all(to, type, out, len), 1);
    cr_assert_arr_eq(out, data, len);
    tu_pair_free(&p);
}

Test(record_cbc, no_split_where_it_does_not_apply)
{
    check_one_record("AES128-SHA", true, NTLS_REC_NO_CBC_SPLIT, NTLS_CT_APPLICATION_DATA, 100);
    check_one_record("AES128-SHA", false, 0, NTLS_CT_APPLICATION_DATA, 100);
    check_one_record("AES128-SHA", false, 0, NTLS_CT_APPLICATION_DATA, NTLS_REC_MAX_PLAIN);
    check_one_record("AES128-SHA", true, 0, NTLS_CT_HANDSHAKE, 100);
    check_one_record("AES128-SHA", true, 0, NTLS_CT_APPLICATION_DATA, 1);
    check_one_record("RC4-SHA", true, 0, NTLS_CT_APPLICATION_DATA, 100);
    check_one_record("NULL-MD5", true, 0, NTLS_CT_APPLICATION_DATA, 100);
}

/* The split's two records are contiguous for every (block, MAC) shape and every length, including a full
 * 2^14 written through the zero-copy path. */
Test(record_cbc, split_round_trip_every_state)
{
    const size_t lens[] = { 2, 3, 16, 17, 64, 1000, NTLS_REC_MAX_PLAIN };
    static uint8_t out[NTLS_REC_MAX_PLAIN];

    for (size_t s = 0; s < NSTATES; s++) {
        struct ntls_suite suite = tu_suite_for(tu_cbc_states[s].cipher, tu_cbc_states[s].mac);
        struct tu_pair p;
        tu_pair_keyed(&p, &suite, 0);
        for (size_t i = 0; i < sizeof lens / sizeof lens[0]; i++) {
            uint8_t *at;
            size_t room, rl[4];
            cr_assert_eq(ntls_rec_seal_begin(&p.client, NTLS_CT_APPLICATION_DATA, &at, &room).err, NTLS_E_OK);
            cr_assert_eq(room, NTLS_REC_MAX_PLAIN);
            fill(at, lens[i], (uint8_t)i);
            fill(data, lens[i], (uint8_t)i);
            cr_assert_eq(ntls_rec_seal_end(&p.client, lens[i]).err, NTLS_E_OK);
            size_t n = tu_take_out(&p.client, wire, sizeof wire);
            cr_assert_eq(record_lengths(wire, n, rl, 4), 2, "%s len %zu", tu_cbc_states[s].name, lens[i]);
            tu_feed(&p.server, wire, n);
            cr_assert_eq(read_all(&p.server, NTLS_CT_APPLICATION_DATA, out, lens[i]), 2);
            cr_assert_arr_eq(out, data, lens[i], "%s len %zu", tu_cbc_states[s].name, lens[i]);
        }
        tu_pair_free(&p);
    }
}

Test(record_cbc, split_needs_two_sequence_numbers)
{
    struct tu_pair p;
    size_t written;

    tu_pair_keyed(&p, ntls_suite_by_name("AES128-SHA"), 0);
    ntls_rec_set_seq(&p.client, NTLS_REC_WRITE, UINT64_MAX - 1);
    cr_assert_eq(ntls_rec_write(&p.client, NTLS_CT_APPLICATION_DATA, "ab", 2, &written).err, NTLS_E_OK);
    tu_pair_free(&p);

    tu_pair_keyed(&p, ntls_suite_by_name("AES128-SHA"), 0);
    ntls_rec_set_seq(&p.client, NTLS_REC_WRITE, UINT64_MAX);
    cr_assert_eq(ntls_rec_write(&p.client, NTLS_CT_APPLICATION_DATA, "ab", 2, &written).err,
                 NTLS_E_SEQ_OVERFLOW);
    size_t left;
    cr_assert_null(ntls_rec_out_buf(&p.client, &left), "nothing half sealed");
    tu_pair_free(&p);
}
