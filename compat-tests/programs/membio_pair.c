/*
 * membio_pair: a TLS client and server in one process with no sockets, the way programs that own their I/O
 * (event libraries, proxies, test harnesses) drive OpenSSL: each SSL reads from and writes to memory BIOs,
 * and the program moves the bytes between them itself. Runs the handshake, sends -b bytes each way, checks
 * them, and closes with close_notify both ways. Prints "PROTOCOL", "CIPHER", "C2S <n> ok", "S2C <n> ok" and
 * "SHUTDOWN ok" on stdout.
 *
 * usage: membio_pair -c cert -k key [-A cafile] [-b bytes] [-C ciphers] [-1] [-t secs]
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <openssl/bio.h>
#include <openssl/err.h>
#include <openssl/ssl.h>

/* One end: the SSL, the BIO it reads the peer's bytes from, and the BIO it writes its own bytes to. */
struct end {
    SSL *ssl;
    BIO *in, *out;
};

struct options {
    const char *cert, *key, *cafile, *ciphers;
    int tls1_only;
    size_t bytes;
    unsigned timeout;
};

static void usage(void)
{
    fprintf(stderr, "usage: membio_pair -c cert -k key [-A cafile] [-b bytes] [-C ciphers] [-1] [-t secs]\n");
    exit(2);
}

static void parse_options(int argc, char **argv, struct options *o)
{
    int ch;
    memset(o, 0, sizeof *o);
    o->bytes = 100000;
    o->timeout = 30;
    while ((ch = getopt(argc, argv, "c:k:A:b:C:1t:")) != -1) {
        switch (ch) {
        case 'c': o->cert = optarg; break;
        case 'k': o->key = optarg; break;
        case 'A': o->cafile = optarg; break;
        case 'b': o->bytes = (size_t)atol(optarg); break;
        case 'C': o->ciphers = optarg; break;
        case '1': o->tls1_only = 1; break;
        case 't': o->timeout = (unsigned)atoi(optarg); break;
        default: usage();
        }
    }
    if (o->cert == NULL || o->key == NULL || optind != argc) {
        usage();
    }
}

static SSL_CTX *make_ctx(const struct options *o, int server)
{
    SSL_CTX *ctx = SSL_CTX_new(server ? SSLv23_server_method() : SSLv23_client_method());
    if (ctx == NULL) {
        return NULL;
    }
    /* The one place where builds differ: the driver passes -C/-1 to the system-OpenSSL build only. */
    if ((o->ciphers != NULL && !SSL_CTX_set_cipher_list(ctx, o->ciphers)) ||
        (o->tls1_only && (!SSL_CTX_set_min_proto_version(ctx, TLS1_VERSION) ||
                          !SSL_CTX_set_max_proto_version(ctx, TLS1_VERSION))) ||
        (server && (SSL_CTX_use_certificate_chain_file(ctx, o->cert) != 1 ||
                    SSL_CTX_use_PrivateKey_file(ctx, o->key, SSL_FILETYPE_PEM) != 1)) ||
        (!server && o->cafile != NULL && !SSL_CTX_load_verify_locations(ctx, o->cafile, NULL))) {
        SSL_CTX_free(ctx);
        return NULL;
    }
    if (!server && o->cafile != NULL) {
        SSL_CTX_set_verify(ctx, SSL_VERIFY_PEER, NULL);
    }
    return ctx;
}

static int make_end(struct end *e, SSL_CTX *ctx, int server)
{
    e->ssl = SSL_new(ctx);
    e->in = BIO_new(BIO_s_mem());
    e->out = BIO_new(BIO_s_mem());
    if (e->ssl == NULL || e->in == NULL || e->out == NULL) {
        return -1;
    }
    /* The SSL owns both BIOs from here; we keep the pointers to move bytes. */
    SSL_set_bio(e->ssl, e->in, e->out);
    if (server) {
        SSL_set_accept_state(e->ssl);
    } else {
        SSL_set_connect_state(e->ssl);
    }
    return 0;
}

/* Moves what one end wrote to the other end's input; returns how many bytes moved. */
static size_t move_bytes(struct end *from, struct end *to)
{
    char buf[4096];
    size_t moved = 0;
    int n;
    while ((n = BIO_read(from->out, buf, sizeof buf)) > 0) {
        BIO_write(to->in, buf, n);
        moved += (size_t)n;
    }
    return moved;
}

static size_t pump(struct end *c, struct end *s)
{
    return move_bytes(c, s) + move_bytes(s, c);
}

/* An SSL call that did not complete is fine only if it waits for the peer's bytes. */
static int only_waiting(struct end *e, int ret, const char *what)
{
    int err = SSL_get_error(e->ssl, ret);
    if (err == SSL_ERROR_WANT_READ) {
        return 1;
    }
    fprintf(stderr, "%s: SSL_get_error %d\n", what, err);
    ERR_print_errors_fp(stderr);
    return 0;
}

static int handshake(struct end *c, struct end *s)
{
    int rounds, cr = 0, sr = 0;
    for (rounds = 0; rounds < 20; rounds++) {
        if (cr != 1 && (cr = SSL_do_handshake(c->ssl)) != 1 && !only_waiting(c, cr, "client handshake")) {
            return -1;
        }
        if (sr != 1 && (sr = SSL_do_handshake(s->ssl)) != 1 && !only_waiting(s, sr, "server handshake")) {
            return -1;
        }
        if (pump(c, s) == 0 && cr == 1 && sr == 1) {
            printf("PROTOCOL %s\nCIPHER %s\n", SSL_get_version(c->ssl), SSL_get_cipher(c->ssl));
            return 0;
        }
    }
    fprintf(stderr, "handshake did not finish\n");
    return -1;
}

/* Sends len bytes from one end in uneven pieces, reading them at the other end as they arrive. */
static int transfer(struct end *from, struct end *to, struct end *c, struct end *s, const unsigned char *data,
                    size_t len)
{
    unsigned char *got = malloc(len + 1);
    size_t sent = 0, recvd = 0;
    int n, ok;
    while (got != NULL && recvd < len) {
        if (sent < len) {
            size_t piece = len - sent < 7001 ? len - sent : 7001;
            if ((n = SSL_write(from->ssl, data + sent, (int)piece)) <= 0) {
                break;
            }
            sent += (size_t)n;
        }
        pump(c, s);
        while ((n = SSL_read(to->ssl, got + recvd, (int)(len + 1 - recvd))) > 0) {
            recvd += (size_t)n;
        }
        if (!only_waiting(to, n, "read")) {
            break;
        }
    }
    ok = got != NULL && recvd == len && memcmp(got, data, len) == 0;
    free(got);
    return ok ? 0 : -1;
}

/* The client closes; the server sees close_notify, answers with its own; both must report a full close. */
static int shutdown_both(struct end *c, struct end *s)
{
    char byte;
    int cr = SSL_shutdown(c->ssl), sr, n;
    pump(c, s);
    if ((n = SSL_read(s->ssl, &byte, 1)) != 0 || SSL_get_error(s->ssl, n) != SSL_ERROR_ZERO_RETURN) {
        fprintf(stderr, "server did not see close_notify\n");
        return -1;
    }
    sr = SSL_shutdown(s->ssl);
    pump(c, s);
    if (cr != 1) {
        cr = SSL_shutdown(c->ssl);
    }
    printf("SHUTDOWN client=%d server=%d\n", cr, sr);
    return cr == 1 && sr == 1 ? 0 : -1;
}

static int run(SSL_CTX *cctx, SSL_CTX *sctx, const struct options *o)
{
    struct end c, s;
    unsigned char *data = malloc(o->bytes + 1);
    size_t i;
    int rc = -1;
    if (data == NULL || make_end(&c, cctx, 0) != 0 || make_end(&s, sctx, 1) != 0) {
        return -1;
    }
    for (i = 0; i < o->bytes; i++) {
        data[i] = (unsigned char)(i * 131 + (i >> 8)); /* every byte value, no period of a record */
    }
    if (handshake(&c, &s) == 0) {
        printf("VERIFY %ld\n", SSL_get_verify_result(c.ssl));
        if (transfer(&c, &s, &c, &s, data, o->bytes) == 0) {
            printf("C2S %zu ok\n", o->bytes);
            if (transfer(&s, &c, &c, &s, data, o->bytes) == 0) {
                printf("S2C %zu ok\n", o->bytes);
                rc = shutdown_both(&c, &s);
            }
        }
    }
    SSL_free(c.ssl);
    SSL_free(s.ssl);
    free(data);
    return rc;
}

int main(int argc, char **argv)
{
    struct options o;
    SSL_CTX *cctx, *sctx;
    int rc = 1;
    parse_options(argc, argv, &o);
    alarm(o.timeout);
    SSL_library_init();
    SSL_load_error_strings();
    cctx = make_ctx(&o, 0);
    sctx = make_ctx(&o, 1);
    if (cctx != NULL && sctx != NULL) {
        rc = run(cctx, sctx, &o) == 0 ? 0 : 1;
    }
    if (rc != 0) {
        ERR_print_errors_fp(stderr);
    }
    SSL_CTX_free(cctx);
    SSL_CTX_free(sctx);
    return rc;
}
