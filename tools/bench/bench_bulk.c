/* Bulk transfer: MB per CPU-second of the sender and of the receiver, for 16 KiB and for 1 KiB writes.
 *
 * One connection, as a download: the server writes, the client reads with a 16 KiB buffer. The phases run
 * back to back on it (a warm-up, then the two timed ones) and each side times each phase on its own clock;
 * the receiver reads exactly a phase's bytes, so phase boundaries do not depend on record boundaries. */
#include <string.h>

#include <openssl/ssl.h>

#include "bench.h"

enum { PHASE_WARMUP, PHASE_16K, PHASE_1K, PHASE_COUNT };

#define BULK_BUF 16384
#define BULK_WARMUP_MB 4

static const int phase_write[PHASE_COUNT] = { 16384, 16384, 1024 };

struct bulk_side {
    SSL_CTX *ctx;
    int fd;
    size_t bytes[PHASE_COUNT];
    double cpu[PHASE_COUNT];
};

static void *bulk_send(void *arg)
{
    struct bulk_side *s = arg;
    unsigned char buf[BULK_BUF];
    SSL *ssl = bench_ssl_new(s->ctx, s->fd);

    memset(buf, 0xa5, sizeof buf);
    if (SSL_accept(ssl) != 1) {
        bench_fail("bulk: SSL_accept");
    }
    for (int p = 0; p < PHASE_COUNT; p++) {
        double t0 = bench_cpu_now();

        for (size_t sent = 0; sent < s->bytes[p]; sent += (size_t)phase_write[p]) {
            if (SSL_write(ssl, buf, phase_write[p]) != phase_write[p]) {
                bench_fail("bulk: SSL_write");
            }
        }
        s->cpu[p] = bench_cpu_now() - t0;
    }
    bench_ssl_close(ssl);
    return NULL;
}

static void *bulk_recv(void *arg)
{
    struct bulk_side *s = arg;
    unsigned char buf[BULK_BUF];
    SSL *ssl = bench_ssl_new(s->ctx, s->fd);

    if (SSL_connect(ssl) != 1) {
        bench_fail("bulk: SSL_connect");
    }
    for (int p = 0; p < PHASE_COUNT; p++) {
        double t0 = bench_cpu_now();

        for (size_t got = 0; got < s->bytes[p];) {
            size_t want = s->bytes[p] - got < sizeof buf ? s->bytes[p] - got : sizeof buf;
            int n = SSL_read(ssl, buf, (int)want);

            if (n <= 0) {
                bench_fail("bulk: SSL_read");
            }
            got += (size_t)n;
        }
        s->cpu[p] = bench_cpu_now() - t0;
    }
    bench_ssl_close(ssl);
    return NULL;
}

/* Whole writes only, so every phase is a multiple of its write size. */
static size_t phase_bytes(unsigned mb, int write_size)
{
    size_t bytes = (size_t)((double)mb * BENCH_MB);

    return bytes - bytes % (size_t)write_size;
}

void bench_bulk(const struct bench_ctxs *c, const struct bench_cfg *cfg)
{
    struct bulk_side sender = { .ctx = c->server };
    struct bulk_side receiver = { .ctx = c->client };

    bench_socketpairs(&receiver.fd, &sender.fd, 1);
    for (int p = 0; p < PHASE_COUNT; p++) {
        sender.bytes[p] = phase_bytes(p == PHASE_WARMUP ? BULK_WARMUP_MB : cfg->mb, phase_write[p]);
        receiver.bytes[p] = sender.bytes[p];
    }
    bench_pair_run(bulk_recv, &receiver, bulk_send, &sender);
    bench_print("bulk16k_send", (double)sender.bytes[PHASE_16K] / BENCH_MB / sender.cpu[PHASE_16K]);
    bench_print("bulk16k_recv", (double)receiver.bytes[PHASE_16K] / BENCH_MB / receiver.cpu[PHASE_16K]);
    bench_print("bulk1k_send", (double)sender.bytes[PHASE_1K] / BENCH_MB / sender.cpu[PHASE_1K]);
    bench_print("bulk1k_recv", (double)receiver.bytes[PHASE_1K] / BENCH_MB / receiver.cpu[PHASE_1K]);
}
