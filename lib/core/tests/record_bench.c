/* Throughput of the record layer on 16 KiB AES-128-CBC + HMAC-SHA1 records, against the same work done
 * with the bare crypto layer (the thin Nettle shim): MAC + pad + encrypt in place, and copy-in + decrypt +
 * MAC. Prints both and the ratio; the target is >= 95%. Run with `meson test --benchmark`. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/keys.h"
#include "core/record.h"
#include "core/suites.h"

#define REC 16384
#define ROUNDS 8192

static uint8_t buf[REC + 64];

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void check(ntls_result r, const char *what)
{
    if (r.err != NTLS_E_OK) {
        fprintf(stderr, "%s: %s\n", what, ntls_err_name(r.err));
        exit(1);
    }
}

/* The baseline: one record's worth of work with the primitives alone. */
static void raw_seal(struct ntls_hmac *m, struct ntls_cipher *c, uint64_t seq)
{
    uint8_t hdr[13] = { 0 };
    hdr[7] = (uint8_t)seq;
    ntls_hmac_update(m, hdr, sizeof hdr);
    ntls_hmac_update(m, buf, REC);
    ntls_hmac_final(m, buf + REC);
    memset(buf + REC + 20, 11, 12);
    ntls_cipher_run(c, buf, buf, REC + 32);
}

static void raw_open(struct ntls_hmac *m, struct ntls_cipher *c, uint64_t seq, const uint8_t *rec)
{
    uint8_t hdr[13] = { 0 }, mac[20];
    hdr[7] = (uint8_t)seq;
    memcpy(buf, rec + 5, REC + 32);
    ntls_cipher_run(c, buf, buf, REC + 32);
    ntls_hmac_update(m, hdr, sizeof hdr);
    ntls_hmac_update(m, buf, REC);
    ntls_hmac_final(m, mac);
}

static void keyed(struct ntls_record *r, bool client)
{
    static const uint8_t ms[48] = { 1 }, cr[32] = { 2 }, sr[32] = { 3 };
    ntls_rec_init(r, client, 0);
    ntls_rec_set_version(r, NTLS_TLS10);
    check(ntls_keys_install(r, NTLS_TLS10, ntls_suite_by_name("AES128-SHA"), ms, cr, sr), "keys");
    check(ntls_rec_change_cipher(r, NTLS_REC_READ), "ccs");
    check(ntls_rec_change_cipher(r, NTLS_REC_WRITE), "ccs");
}

/* The fastest of many batches, so other work on the machine does not count. */
#define BATCH 64

static void seal_batch(struct ntls_record *r, uint8_t (*records)[REC + 64], size_t *rec_len)
{
    for (int j = 0; j < BATCH; j++) {
        uint8_t *p;
        size_t room;
        check(ntls_rec_seal_begin(r, NTLS_CT_APPLICATION_DATA, &p, &room), "seal_begin");
        check(ntls_rec_seal_end(r, REC), "seal_end");
        const uint8_t *out = ntls_rec_out_buf(r, rec_len);
        if (records != NULL) {
            memcpy(records[j], out, *rec_len);
        }
        ntls_rec_out_ack(r, *rec_len);
    }
}

int main(void)
{
    uint8_t key[16] = { 4 }, iv[16] = { 5 }, mac_key[20] = { 6 };
    static uint8_t records[BATCH][REC + 64];
    struct ntls_hmac m;
    struct ntls_cipher enc, dec;
    struct ntls_record server, client, sealer;
    double raw_s = 1e9, raw_o = 1e9, rec_s = 1e9, rec_o = 1e9;
    size_t rec_len = 0;

    ntls_hmac_init(&m, NTLS_HASH_SHA1, mac_key, sizeof mac_key);
    ntls_cipher_init(&enc, NTLS_CIPHER_AES128_CBC, true, key, iv);
    ntls_cipher_init(&dec, NTLS_CIPHER_AES128_CBC, false, key, iv);
    memset(buf, 'a', sizeof buf);
    /* The server seals (one record per write); the client opens what a second server seals for it. */
    keyed(&server, false);
    keyed(&sealer, false);
    keyed(&client, true);

    for (int done = 0; done < ROUNDS; done += BATCH) {
        double t0 = now();
        for (int j = 0; j < BATCH; j++) {
            raw_seal(&m, &enc, (uint64_t)(done + j));
        }
        double t1 = now();
        seal_batch(&server, NULL, &rec_len);
        double t2 = now();
        raw_s = t1 - t0 < raw_s ? t1 - t0 : raw_s;
        rec_s = t2 - t1 < rec_s ? t2 - t1 : rec_s;

        /* Opening: copy in from the (cache-cold) batch, then open; the same for the primitives alone. */
        seal_batch(&sealer, records, &rec_len);
        t0 = now();
        for (int j = 0; j < BATCH; j++) {
            size_t room;
            struct ntls_rec_view v;
            uint8_t *in = ntls_rec_in_buf(&client, &room);
            memcpy(in, records[j], rec_len);
            ntls_rec_in_ack(&client, rec_len);
            check(ntls_rec_read(&client, &v), "read");
            ntls_rec_consume(&client, v.data.len);
        }
        t1 = now();
        for (int j = 0; j < BATCH; j++) {
            raw_open(&m, &dec, (uint64_t)(done + j), records[j]);
        }
        t2 = now();
        rec_o = t1 - t0 < rec_o ? t1 - t0 : rec_o;
        raw_o = t2 - t1 < raw_o ? t2 - t1 : raw_o;
    }

    double mb = (double)BATCH * REC / 1e6;
    printf("seal: primitives %.0f MB/s, record layer %.0f MB/s (%.1f%%)\n", mb / raw_s, mb / rec_s,
           100.0 * raw_s / rec_s);
    printf("open: primitives %.0f MB/s, record layer %.0f MB/s (%.1f%%)\n", mb / raw_o, mb / rec_o,
           100.0 * raw_o / rec_o);
    ntls_rec_free(&server);
    ntls_rec_free(&sealer);
    ntls_rec_free(&client);
    ntls_hmac_wipe(&m);
    ntls_cipher_wipe(&enc);
    ntls_cipher_wipe(&dec);
    return 0;
}
