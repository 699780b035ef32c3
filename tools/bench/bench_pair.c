/* Client and server of a measurement in two threads of one process, over socketpairs.
 *
 * Each side reads its own CLOCK_THREAD_CPUTIME_ID, so the figures separate the sender's CPU from the
 * receiver's (and the client's from the server's) even though both run at once; time spent blocked in
 * read() waiting for the peer costs no CPU and so does not count. */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include <openssl/err.h>
#include <openssl/ssl.h>

#include "bench.h"

/* A failed step leaves the figures meaningless and the peer thread blocked: end the whole run. */
void bench_fail(const char *what)
{
    fprintf(stderr, "bench: %s\n", what);
    ERR_print_errors_fp(stderr);
    exit(1);
}

double bench_cpu_now(void)
{
    struct timespec ts;

    if (clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts) != 0) {
        bench_fail("clock_gettime(CLOCK_THREAD_CPUTIME_ID)");
    }
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

/* Created before the clocks start, so socket setup is charged to neither library. */
void bench_socketpairs(int *client_fds, int *server_fds, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        int sv[2];

        if (socketpair(AF_UNIX, SOCK_STREAM, 0, sv) != 0) {
            bench_fail("socketpair");
        }
        client_fds[i] = sv[0];
        server_fds[i] = sv[1];
    }
}

SSL *bench_ssl_new(SSL_CTX *ctx, int fd)
{
    SSL *ssl = SSL_new(ctx);

    if (ssl == NULL || SSL_set_fd(ssl, fd) != 1) {
        bench_fail("SSL_new/SSL_set_fd");
    }
    return ssl;
}

/* Both sides send close_notify without waiting for the peer's, as servers commonly do; a proper shutdown
 * also keeps the session resumable in both libraries. The peer may already have closed its end, so the
 * alert's write can fail with EPIPE (SIGPIPE is ignored): that error is expected and dropped. */
void bench_ssl_close(SSL *ssl)
{
    int fd = SSL_get_fd(ssl);

    (void)SSL_shutdown(ssl);
    ERR_clear_error();
    SSL_free(ssl);
    close(fd);
}

void bench_pair_run(void *(*client)(void *), void *client_arg, void *(*server)(void *), void *server_arg)
{
    pthread_t tid;

    if (pthread_create(&tid, NULL, server, server_arg) != 0) {
        bench_fail("pthread_create");
    }
    (void)client(client_arg);
    if (pthread_join(tid, NULL) != 0) {
        bench_fail("pthread_join");
    }
}

/* The line format bench_compare.c reads back from each run. */
void bench_print(const char *key, double value)
{
    printf("%s %.6g\n", key, value);
    fflush(stdout);
}
