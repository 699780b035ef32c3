/* Heap held per idle connection on each side, from glibc's malloc statistics (both libraries use malloc).
 *
 * M connection pairs are opened and left idle (handshake done, nothing pending); the heap in use before and
 * after, divided by M, is the cost of a pair. The client's share is what freeing the client objects gives
 * back; the rest is the server's, including its session cache entries, which live as long as the
 * connection's session does. Both threads first make a few throw-away connections, so one-time and
 * per-thread state (error queues, random generators, lazily loaded tables) is in place before the "before"
 * figure and is not divided among the M connections; barriers keep one thread from allocating while the
 * other reads the statistics. */
#include <malloc.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

#include <openssl/ssl.h>

#include "bench.h"

#define IDLE_WARMUP 4

struct idle {
    const struct bench_ctxs *c;
    size_t m;
    int *client_fds; /* IDLE_WARMUP + m of each */
    int *server_fds;
    SSL **client_ssl;
    SSL **server_ssl;
    pthread_barrier_t bar;
    double before, after, after_client_freed;
};

/* uordblks counts the arenas' chunks in use; hblkhd adds the mmap()ed ones, in case a library allocates
 * something above the mmap threshold per connection. */
static double heap_in_use(void)
{
    struct mallinfo2 mi = mallinfo2();

    return (double)mi.uordblks + (double)mi.hblkhd;
}

static void open_n(SSL_CTX *ctx, const int *fds, SSL **out, size_t n, int client)
{
    for (size_t i = 0; i < n; i++) {
        out[i] = bench_ssl_new(ctx, fds[i]);
        if ((client ? SSL_connect(out[i]) : SSL_accept(out[i])) != 1) {
            bench_fail(client ? "idle: SSL_connect" : "idle: SSL_accept");
        }
    }
}

static void close_n(SSL **ssl, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        bench_ssl_close(ssl[i]);
    }
}

static void *idle_client(void *arg)
{
    struct idle *d = arg;

    open_n(d->c->client, d->client_fds, d->client_ssl, IDLE_WARMUP, 1);
    close_n(d->client_ssl, IDLE_WARMUP);
    pthread_barrier_wait(&d->bar);
    d->before = heap_in_use();
    pthread_barrier_wait(&d->bar);
    open_n(d->c->client, d->client_fds + IDLE_WARMUP, d->client_ssl, d->m, 1);
    pthread_barrier_wait(&d->bar); /* the server has finished its side of every handshake */
    d->after = heap_in_use();
    close_n(d->client_ssl, d->m);
    d->after_client_freed = heap_in_use();
    pthread_barrier_wait(&d->bar);
    return NULL;
}

static void *idle_server(void *arg)
{
    struct idle *d = arg;

    open_n(d->c->server, d->server_fds, d->server_ssl, IDLE_WARMUP, 0);
    close_n(d->server_ssl, IDLE_WARMUP);
    pthread_barrier_wait(&d->bar);
    pthread_barrier_wait(&d->bar);
    open_n(d->c->server, d->server_fds + IDLE_WARMUP, d->server_ssl, d->m, 0);
    pthread_barrier_wait(&d->bar);
    pthread_barrier_wait(&d->bar); /* the client has taken its figures */
    close_n(d->server_ssl, d->m);
    return NULL;
}

void bench_idle_memory(const struct bench_ctxs *c, const struct bench_cfg *cfg)
{
    struct idle d = { .c = c, .m = cfg->idle };
    size_t fds = IDLE_WARMUP + d.m;

    d.client_fds = calloc(fds, sizeof *d.client_fds);
    d.server_fds = calloc(fds, sizeof *d.server_fds);
    d.client_ssl = calloc(fds, sizeof *d.client_ssl);
    d.server_ssl = calloc(fds, sizeof *d.server_ssl);
    if (d.client_fds == NULL || d.server_fds == NULL || d.client_ssl == NULL || d.server_ssl == NULL
        || pthread_barrier_init(&d.bar, NULL, 2) != 0) {
        bench_fail("idle: out of memory");
    }
    bench_socketpairs(d.client_fds, d.server_fds, fds);
    bench_pair_run(idle_client, &d, idle_server, &d);
    pthread_barrier_destroy(&d.bar);
    if (d.after == d.before) {
        /* A sanitizer's malloc (or another libc's) leaves glibc's statistics still: no figure is better
         * than a zero that reads as a met target. */
        fprintf(stderr, "bench: malloc statistics did not move; no idle memory figure\n");
    } else {
        bench_print("idle_client", (d.after - d.after_client_freed) / (double)d.m);
        bench_print("idle_server", (d.after_client_freed - d.before) / (double)d.m);
    }
    free(d.client_fds);
    free(d.server_fds);
    free(d.client_ssl);
    free(d.server_ssl);
}
