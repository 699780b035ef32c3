/* nettle_baseline: the most the TLS 1.0 AES128-SHA record protection can go on this machine with Nettle.
 *
 * The cryptography of one full 16 KiB record and nothing else (no framing, copies or system calls): seal is
 * HMAC-SHA1 over the 13-byte pseudo-header and the data, then AES-128-CBC over data, MAC and padding
 * (RFC 2246 6.2.3.1-2); open is the reverse. Printed as MB per CPU-second of one core, in the "key value"
 * lines of bench --compare, which reads the "95% of what Nettle allows" targets off these figures.
 * A tool, not part of the library, so it calls Nettle directly. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <nettle/aes.h>
#include <nettle/cbc.h>
#include <nettle/hmac.h>
#include <nettle/version.h>

#define DATA_LEN 16384
#define HDR_LEN 13
/* data + MAC, padded to whole AES blocks with at least the padding-length byte */
#define REC_LEN ((DATA_LEN + SHA1_DIGEST_SIZE) / AES_BLOCK_SIZE * AES_BLOCK_SIZE + AES_BLOCK_SIZE)
#define WARMUP_RECORDS 1024
#define MB 1e6

/* RFC 2246 6.2.3.1: sequence number 1, application_data, TLS 1.0, the length. */
static const uint8_t record_hdr[HDR_LEN] = {
    0, 0, 0, 0, 0, 0, 0, 1, 23, 3, 1, DATA_LEN >> 8, DATA_LEN & 0xff,
};
static const uint8_t iv0[AES_BLOCK_SIZE] = { 0x17, 0x17, 0x17, 0x17, 0x17, 0x17, 0x17, 0x17,
                                             0x17, 0x17, 0x17, 0x17, 0x17, 0x17, 0x17, 0x17 };

struct keys {
    struct aes128_ctx enc;
    struct aes128_ctx dec;
    struct hmac_sha1_ctx mac;
    uint8_t iv[AES_BLOCK_SIZE];
};

static double cpu_now(void)
{
    struct timespec ts;

    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

/* rec holds the data; MAC and padding are written after it, the ciphertext goes to out. */
static void seal(struct keys *k, const uint8_t *hdr, uint8_t *rec, uint8_t *out)
{
    hmac_sha1_update(&k->mac, HDR_LEN, hdr);
    hmac_sha1_update(&k->mac, DATA_LEN, rec);
    hmac_sha1_digest(&k->mac, SHA1_DIGEST_SIZE, rec + DATA_LEN);
    memset(rec + DATA_LEN + SHA1_DIGEST_SIZE, REC_LEN - DATA_LEN - SHA1_DIGEST_SIZE - 1,
           REC_LEN - DATA_LEN - SHA1_DIGEST_SIZE);
    cbc_aes128_encrypt(&k->enc, k->iv, REC_LEN, out, rec);
}

/* Returns 0 when the MAC does not match, which would make the figure meaningless. */
static int open_rec(struct keys *k, const uint8_t *hdr, const uint8_t *in, uint8_t *plain)
{
    uint8_t mac[SHA1_DIGEST_SIZE];

    cbc_decrypt(&k->dec, (nettle_cipher_func *)aes128_decrypt, AES_BLOCK_SIZE, k->iv, REC_LEN, plain, in);
    hmac_sha1_update(&k->mac, HDR_LEN, hdr);
    hmac_sha1_update(&k->mac, DATA_LEN, plain);
    hmac_sha1_digest(&k->mac, SHA1_DIGEST_SIZE, mac);
    return memcmp(mac, plain + DATA_LEN, SHA1_DIGEST_SIZE) == 0;
}

static void init_keys(struct keys *k)
{
    static const uint8_t key[AES128_KEY_SIZE] = { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16 };
    static const uint8_t mac_key[SHA1_DIGEST_SIZE] = { 0x42 };

    aes128_set_encrypt_key(&k->enc, key);
    aes128_invert_key(&k->dec, &k->enc);
    hmac_sha1_set_key(&k->mac, sizeof mac_key, mac_key);
    memcpy(k->iv, iv0, sizeof iv0);
}

/* MB per CPU-second for n records of one direction. */
static double measure(struct keys *k, int sealing, size_t n, uint8_t *rec, uint8_t *sealed, uint8_t *out)
{
    double t0 = cpu_now();

    for (size_t i = 0; i < n; i++) {
        if (sealing) {
            seal(k, record_hdr, rec, out);
            continue;
        }
        memcpy(k->iv, iv0, sizeof iv0); /* every pass opens the same record */
        if (!open_rec(k, record_hdr, sealed, out)) {
            fprintf(stderr, "nettle_baseline: the record does not open\n");
            exit(1);
        }
    }
    return (double)n * DATA_LEN / MB / (cpu_now() - t0);
}

int main(int argc, char **argv)
{
    static uint8_t rec[REC_LEN], sealed[REC_LEN], out[REC_LEN];
    struct keys k;
    unsigned long mb = argc > 1 ? strtoul(argv[1], NULL, 10) : 128; /* optional: MB per direction */
    size_t n = (size_t)((double)(mb ? mb : 128) * MB / DATA_LEN);
    double seal_mbps, open_mbps;

    init_keys(&k);
    memset(rec, 0xa5, DATA_LEN);
    seal(&k, record_hdr, rec, sealed); /* with iv0: the record every open pass starts from */
    measure(&k, 1, WARMUP_RECORDS, rec, sealed, out);
    seal_mbps = measure(&k, 1, n, rec, sealed, out);
    measure(&k, 0, WARMUP_RECORDS, rec, sealed, out);
    open_mbps = measure(&k, 0, n, rec, sealed, out);
    printf("# lib Nettle\n# version Nettle %d.%d\n", nettle_version_major(), nettle_version_minor());
    printf("nettle_seal %.6g\nnettle_open %.6g\n", seal_mbps, open_mbps);
    return 0;
}
