/* tools/bench: one source, built against nettls (bench-nettls) and the system OpenSSL (bench-openssl).
 *
 * A run (`--raw`) measures every figure once in this process and prints "key value" lines; `--compare`
 * runs two builds alternately as child processes and prints the medians side by side (bench_compare.c). */
#ifndef BENCH_H
#define BENCH_H

#include <stddef.h>

#include <openssl/ssl.h>

/* Figures are in MB of 10^6 bytes, as in the target statements. */
#define BENCH_MB 1e6

struct bench_cfg {
    unsigned mb;          /* MB sent in each bulk phase */
    unsigned full;        /* full handshakes timed */
    unsigned resumed;     /* resumed handshakes timed */
    unsigned idle;        /* idle connection pairs held for the memory figure */
    unsigned runs;        /* --compare: runs of each build */
    const char *compare;  /* --compare: the other build */
    const char *baseline; /* --compare: nettle_baseline, optional */
};

/* Both ends of the benchmark's connections, built from one configuration (bench_ctx.c). */
struct bench_ctxs {
    SSL_CTX *client;
    SSL_CTX *server;
};

/* bench_ctx.c */
void bench_ctx_init(struct bench_ctxs *c);
void bench_ctx_free(struct bench_ctxs *c);
const char *bench_lib_name(void);

/* bench_pair.c: the two sides of a measurement, each in its own thread */
void bench_fail(const char *what);
double bench_cpu_now(void);
void bench_socketpairs(int *client_fds, int *server_fds, size_t n);
SSL *bench_ssl_new(SSL_CTX *ctx, int fd);
void bench_ssl_close(SSL *ssl);
void bench_pair_run(void *(*client)(void *), void *client_arg, void *(*server)(void *), void *server_arg);
void bench_print(const char *key, double value);

/* The measurements; each prints its figures with bench_print. */
void bench_bulk(const struct bench_ctxs *c, const struct bench_cfg *cfg);
void bench_handshakes(const struct bench_ctxs *c, const struct bench_cfg *cfg);
void bench_idle_memory(const struct bench_ctxs *c, const struct bench_cfg *cfg);

/* bench_compare.c */
int bench_compare(const char *self, const struct bench_cfg *cfg);

#endif
