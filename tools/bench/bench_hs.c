/* Handshakes per CPU-second on each side: full ones (RSA-2048 key exchange) and resumed ones (session id
 * from the server's cache).
 *
 * Every handshake is a whole connection as a program makes it: SSL_new, SSL_set_fd, SSL_connect or
 * SSL_accept, SSL_shutdown, SSL_free, close. Only the socketpairs are made outside the clocks. */
#include <openssl/ssl.h>

#include "bench.h"

/* Connections made at once: bounds the descriptors held open (two per connection). */
#define HS_BATCH 128
#define HS_WARMUP 8

struct hs_side {
    SSL_CTX *ctx;
    int fds[HS_BATCH];
    size_t n;
    SSL_SESSION *offer; /* client: offered on every connection; NULL for full handshakes */
    int keep;           /* client: keep the first batch's last session in `kept` */
    SSL_SESSION *kept;
    double cpu;         /* accumulated over batches */
};

static void *hs_client(void *arg)
{
    struct hs_side *s = arg;
    double t0 = bench_cpu_now();

    for (size_t i = 0; i < s->n; i++) {
        SSL *ssl = bench_ssl_new(s->ctx, s->fds[i]);

        if (s->offer != NULL && SSL_set_session(ssl, s->offer) != 1) {
            bench_fail("SSL_set_session");
        }
        if (SSL_connect(ssl) != 1) {
            bench_fail("handshake: SSL_connect");
        }
        /* A figure for resumption that silently measured full handshakes would be worse than none. */
        if (SSL_session_reused(ssl) != (s->offer != NULL)) {
            bench_fail(s->offer != NULL ? "the session was not resumed" : "a full handshake resumed");
        }
        if (s->keep && i + 1 == s->n && s->kept == NULL) {
            s->kept = SSL_get1_session(ssl);
        }
        bench_ssl_close(ssl);
    }
    s->cpu += bench_cpu_now() - t0;
    return NULL;
}

static void *hs_server(void *arg)
{
    struct hs_side *s = arg;
    double t0 = bench_cpu_now();

    for (size_t i = 0; i < s->n; i++) {
        SSL *ssl = bench_ssl_new(s->ctx, s->fds[i]);

        if (SSL_accept(ssl) != 1) {
            bench_fail("handshake: SSL_accept");
        }
        bench_ssl_close(ssl);
    }
    s->cpu += bench_cpu_now() - t0;
    return NULL;
}

/* n handshakes, offering the session `offer` (or none); hands back a client session if `kept` is given. */
static void run(const struct bench_ctxs *c, SSL_SESSION *offer, size_t n, double *cpu_client,
                double *cpu_server, SSL_SESSION **kept)
{
    struct hs_side client = { .ctx = c->client, .offer = offer, .keep = kept != NULL };
    struct hs_side server = { .ctx = c->server };

    for (size_t done = 0; done < n; done += client.n) {
        client.n = n - done < HS_BATCH ? n - done : HS_BATCH;
        server.n = client.n;
        bench_socketpairs(client.fds, server.fds, client.n);
        bench_pair_run(hs_client, &client, hs_server, &server);
    }
    *cpu_client = client.cpu;
    *cpu_server = server.cpu;
    if (kept != NULL) {
        *kept = client.kept;
    }
}

void bench_handshakes(const struct bench_ctxs *c, const struct bench_cfg *cfg)
{
    SSL_SESSION *session;
    double cc, cs;

    run(c, NULL, HS_WARMUP, &cc, &cs, &session);
    run(c, session, HS_WARMUP, &cc, &cs, NULL);

    run(c, NULL, cfg->full, &cc, &cs, NULL);
    bench_print("hs_full_client", cfg->full / cc);
    bench_print("hs_full_server", cfg->full / cs);
    run(c, session, cfg->resumed, &cc, &cs, NULL);
    bench_print("hs_resumed_client", cfg->resumed / cc);
    bench_print("hs_resumed_server", cfg->resumed / cs);
    SSL_SESSION_free(session);
}
