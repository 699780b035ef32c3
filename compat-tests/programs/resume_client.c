/*
 * resume_client: connects twice to an HTTPS server, sending a GET each time, and offers the first
 * connection's session on the second (SSL_get1_session / SSL_set_session), as clients that reconnect often
 * do to skip the full handshake. Bodies go to stdout, one after the other; per connection it prints
 * "PROTOCOL", "CIPHER" and "REUSED 0|1" (SSL_session_reused) on stderr.
 *
 * usage: resume_client [-A cafile] [-C ciphers] [-1] [-t secs] host port path
 */
#include <netdb.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include <openssl/err.h>
#include <openssl/ssl.h>

struct options {
    const char *host, *port, *path, *cafile, *ciphers;
    int tls1_only;
    unsigned timeout;
};

static void usage(void)
{
    fprintf(stderr, "usage: resume_client [-A cafile] [-C ciphers] [-1] [-t secs] host port path\n");
    exit(2);
}

static void parse_options(int argc, char **argv, struct options *o)
{
    int ch;
    memset(o, 0, sizeof *o);
    o->timeout = 30;
    while ((ch = getopt(argc, argv, "A:C:1t:")) != -1) {
        switch (ch) {
        case 'A': o->cafile = optarg; break;
        case 'C': o->ciphers = optarg; break;
        case '1': o->tls1_only = 1; break;
        case 't': o->timeout = (unsigned)atoi(optarg); break;
        default: usage();
        }
    }
    if (argc - optind != 3) {
        usage();
    }
    o->host = argv[optind];
    o->port = argv[optind + 1];
    o->path = argv[optind + 2];
}

static int tcp_connect(const char *host, const char *port)
{
    struct addrinfo hints, *res, *ai;
    int fd = -1;
    memset(&hints, 0, sizeof hints);
    hints.ai_family = AF_UNSPEC;
    hints.ai_socktype = SOCK_STREAM;
    if (getaddrinfo(host, port, &hints, &res) != 0) {
        fprintf(stderr, "cannot resolve %s\n", host);
        return -1;
    }
    for (ai = res; ai != NULL; ai = ai->ai_next) {
        fd = socket(ai->ai_family, ai->ai_socktype, ai->ai_protocol);
        if (fd >= 0 && connect(fd, ai->ai_addr, ai->ai_addrlen) == 0) {
            break;
        }
        if (fd >= 0) {
            close(fd);
        }
        fd = -1;
    }
    freeaddrinfo(res);
    return fd;
}

static SSL_CTX *make_ctx(const struct options *o)
{
    SSL_CTX *ctx = SSL_CTX_new(SSLv23_client_method());
    if (ctx == NULL) {
        return NULL;
    }
    /* The one place where builds differ: the driver passes -C/-1 to the system-OpenSSL build only. */
    if ((o->ciphers != NULL && !SSL_CTX_set_cipher_list(ctx, o->ciphers)) ||
        (o->tls1_only && (!SSL_CTX_set_min_proto_version(ctx, TLS1_VERSION) ||
                          !SSL_CTX_set_max_proto_version(ctx, TLS1_VERSION))) ||
        (o->cafile != NULL && !SSL_CTX_load_verify_locations(ctx, o->cafile, NULL))) {
        SSL_CTX_free(ctx);
        return NULL;
    }
    if (o->cafile != NULL) {
        SSL_CTX_set_verify(ctx, SSL_VERIFY_PEER, NULL);
    }
    return ctx;
}

static int write_all(SSL *ssl, const char *buf, size_t len)
{
    while (len > 0) {
        int n = SSL_write(ssl, buf, (int)len);
        if (n <= 0) {
            ERR_print_errors_fp(stderr);
            return -1;
        }
        buf += n;
        len -= (size_t)n;
    }
    return 0;
}

/* Reads to the end of the connection; HTTP/1.0 servers close after the response. */
static char *read_response(SSL *ssl, size_t *len)
{
    size_t cap = 16384;
    char *buf = malloc(cap);
    *len = 0;
    for (;;) {
        int n;
        if (buf == NULL) {
            return NULL;
        }
        if (cap - *len < 4096) {
            char *bigger = realloc(buf, cap * 2);
            if (bigger == NULL) {
                free(buf);
                return NULL;
            }
            buf = bigger;
            cap *= 2;
        }
        n = SSL_read(ssl, buf + *len, (int)(cap - *len));
        if (n > 0) {
            *len += (size_t)n;
            continue;
        }
        switch (SSL_get_error(ssl, n)) {
        case SSL_ERROR_ZERO_RETURN: fprintf(stderr, "CLOSE close_notify\n"); return buf;
        case SSL_ERROR_SYSCALL: fprintf(stderr, "CLOSE eof\n"); return buf;
        default: ERR_print_errors_fp(stderr); free(buf); return NULL;
        }
    }
}

static int print_body(const char *resp, size_t len)
{
    const char *end = NULL;
    size_t i;
    for (i = 0; i + 4 <= len; i++) {
        if (memcmp(resp + i, "\r\n\r\n", 4) == 0) {
            end = resp + i + 4;
            break;
        }
    }
    if (end == NULL) {
        fprintf(stderr, "no HTTP header in the response\n");
        return -1;
    }
    fprintf(stderr, "STATUS %.*s\n", (int)strcspn(resp, "\r\n"), resp);
    fwrite(end, 1, len - (size_t)(end - resp), stdout);
    fflush(stdout);
    return 0;
}

/* One connection: handshake (offering *sess if there is one), GET, body to stdout; keeps the session. */
static int fetch(SSL_CTX *ctx, const struct options *o, SSL_SESSION **sess)
{
    char req[1024], *resp;
    size_t len;
    int rc = 1, fd = tcp_connect(o->host, o->port);
    SSL *ssl;
    if (fd < 0) {
        perror("connect");
        return 1;
    }
    ssl = SSL_new(ctx);
    SSL_set_fd(ssl, fd);
    if (*sess != NULL) {
        SSL_set_session(ssl, *sess);
    }
    snprintf(req, sizeof req, "GET %s HTTP/1.0\r\nHost: %s\r\n\r\n", o->path, o->host);
    if (SSL_connect(ssl) != 1) {
        fprintf(stderr, "HANDSHAKE failed\n");
        ERR_print_errors_fp(stderr);
    } else {
        fprintf(stderr, "PROTOCOL %s\nCIPHER %s\nVERIFY %ld\nREUSED %d\n", SSL_get_version(ssl),
                SSL_get_cipher(ssl), SSL_get_verify_result(ssl), (int)SSL_session_reused(ssl));
        if (write_all(ssl, req, strlen(req)) == 0 && (resp = read_response(ssl, &len)) != NULL) {
            rc = print_body(resp, len) == 0 ? 0 : 1;
            free(resp);
            SSL_shutdown(ssl);
        }
        /* Taken after the exchange: the session is complete, and a clean close keeps it resumable. */
        if (*sess != NULL) {
            SSL_SESSION_free(*sess);
        }
        *sess = SSL_get1_session(ssl);
    }
    SSL_free(ssl);
    close(fd);
    return rc;
}

int main(int argc, char **argv)
{
    struct options o;
    SSL_CTX *ctx;
    SSL_SESSION *sess = NULL;
    int rc;
    parse_options(argc, argv, &o);
    alarm(o.timeout);
    /* A peer that closes first must not kill us while we send close_notify. */
    signal(SIGPIPE, SIG_IGN);
    SSL_library_init();
    SSL_load_error_strings();
    if ((ctx = make_ctx(&o)) == NULL) {
        ERR_print_errors_fp(stderr);
        return 1;
    }
    rc = fetch(ctx, &o, &sess);
    if (rc == 0) {
        rc = fetch(ctx, &o, &sess);
    }
    if (sess != NULL) {
        SSL_SESSION_free(sess);
    }
    SSL_CTX_free(ctx);
    return rc;
}
