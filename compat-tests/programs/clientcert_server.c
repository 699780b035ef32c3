/*
 * clientcert_server: an HTTPS server that admits only clients with a certificate from its CA, the way
 * intranet daemons did it: SSL_VERIFY_PEER|SSL_VERIFY_FAIL_IF_NO_PEER_CERT, the CA list sent to clients from
 * SSL_load_client_CA_file, and the client's subject printed ("CLIENT <subject>") and put in the answer.
 * Iterative: one connection at a time; binds 127.0.0.1 port 0, prints "PORT <n>", exits after -n connections
 * (refused ones count).
 *
 * The answer to "GET <path>" is "path=<path>\nclient=<subject>\n" followed by the -f file.
 *
 * usage: clientcert_server -c cert -k key -A client-cafile [-f bodyfile] [-n count] [-C ciphers] [-1]
 *                          [-t secs]
 */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include <openssl/err.h>
#include <openssl/ssl.h>
#include <openssl/x509.h>

struct options {
    const char *cert, *key, *cafile, *bodyfile, *ciphers;
    int count, tls1_only;
    unsigned timeout;
};

static char *body;
static size_t body_len;

static void usage(void)
{
    fprintf(stderr, "usage: clientcert_server -c cert -k key -A client-cafile [-f bodyfile] [-n count] "
                    "[-C ciphers] [-1] [-t secs]\n");
    exit(2);
}

static void parse_options(int argc, char **argv, struct options *o)
{
    int ch;
    memset(o, 0, sizeof *o);
    o->count = 1;
    o->timeout = 30;
    while ((ch = getopt(argc, argv, "c:k:A:f:n:C:1t:")) != -1) {
        switch (ch) {
        case 'c': o->cert = optarg; break;
        case 'k': o->key = optarg; break;
        case 'A': o->cafile = optarg; break;
        case 'f': o->bodyfile = optarg; break;
        case 'n': o->count = atoi(optarg); break;
        case 'C': o->ciphers = optarg; break;
        case '1': o->tls1_only = 1; break;
        case 't': o->timeout = (unsigned)atoi(optarg); break;
        default: usage();
        }
    }
    if (o->cert == NULL || o->key == NULL || o->cafile == NULL || optind != argc) {
        usage();
    }
}

static int load_body(const char *path)
{
    FILE *f;
    long n;
    if (path == NULL) {
        return 0;
    }
    f = fopen(path, "rb");
    if (f == NULL || fseek(f, 0, SEEK_END) != 0 || (n = ftell(f)) < 0 || fseek(f, 0, SEEK_SET) != 0) {
        perror(path);
        return -1;
    }
    body = malloc((size_t)n + 1);
    body_len = body != NULL ? fread(body, 1, (size_t)n, f) : 0;
    fclose(f);
    return body != NULL && body_len == (size_t)n ? 0 : -1;
}

static int listen_local(void)
{
    struct sockaddr_in sin;
    socklen_t len = sizeof sin;
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    memset(&sin, 0, sizeof sin);
    sin.sin_family = AF_INET;
    sin.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (fd < 0 || bind(fd, (struct sockaddr *)&sin, sizeof sin) != 0 || listen(fd, 16) != 0 ||
        getsockname(fd, (struct sockaddr *)&sin, &len) != 0) {
        perror("listen");
        return -1;
    }
    /* The driver reads the port from here: never a fixed port. */
    printf("PORT %d\n", ntohs(sin.sin_port));
    fflush(stdout);
    return fd;
}

static SSL_CTX *make_ctx(const struct options *o)
{
    static const unsigned char sid_ctx[] = "clientcert_server";
    SSL_CTX *ctx = SSL_CTX_new(SSLv23_server_method());
    STACK_OF(X509_NAME) *cas;
    if (ctx == NULL) {
        return NULL;
    }
    /* The one place where builds differ: the driver passes -C/-1 to the system-OpenSSL build only. */
    if ((o->ciphers != NULL && !SSL_CTX_set_cipher_list(ctx, o->ciphers)) ||
        (o->tls1_only && (!SSL_CTX_set_min_proto_version(ctx, TLS1_VERSION) ||
                          !SSL_CTX_set_max_proto_version(ctx, TLS1_VERSION))) ||
        SSL_CTX_use_certificate_chain_file(ctx, o->cert) != 1 ||
        SSL_CTX_use_PrivateKey_file(ctx, o->key, SSL_FILETYPE_PEM) != 1 || !SSL_CTX_check_private_key(ctx) ||
        !SSL_CTX_load_verify_locations(ctx, o->cafile, NULL) ||
        (cas = SSL_load_client_CA_file(o->cafile)) == NULL) {
        SSL_CTX_free(ctx);
        return NULL;
    }
    SSL_CTX_set_client_CA_list(ctx, cas);
    SSL_CTX_set_verify(ctx, SSL_VERIFY_PEER | SSL_VERIFY_FAIL_IF_NO_PEER_CERT, NULL);
    /* Sessions of verified clients may be resumed only within this context (OpenSSL insists). */
    SSL_CTX_set_session_id_context(ctx, sid_ctx, sizeof sid_ctx - 1);
    return ctx;
}

/* Reads up to the blank line that ends an HTTP request; returns the path, or NULL. */
static char *read_request(SSL *ssl, char *req, size_t size)
{
    size_t len = 0;
    char *sp;
    while (len + 1 < size) {
        int n = SSL_read(ssl, req + len, (int)(size - 1 - len));
        if (n <= 0) {
            return NULL;
        }
        len += (size_t)n;
        req[len] = '\0';
        if (strstr(req, "\r\n\r\n") != NULL) {
            break;
        }
    }
    if (strncmp(req, "GET ", 4) != 0 || (sp = strchr(req + 4, ' ')) == NULL) {
        return NULL;
    }
    *sp = '\0';
    return req + 4;
}

static int write_all(SSL *ssl, const char *buf, size_t len)
{
    while (len > 0) {
        int n = SSL_write(ssl, buf, (int)len);
        if (n <= 0) {
            return -1;
        }
        buf += n;
        len -= (size_t)n;
    }
    return 0;
}

static void client_subject(SSL *ssl, char *name, size_t size)
{
    X509 *peer = SSL_get_peer_certificate(ssl);
    snprintf(name, size, "(none)");
    if (peer != NULL) {
        X509_NAME_oneline(X509_get_subject_name(peer), name, (int)size);
        X509_free(peer);
    }
}

static int serve(SSL *ssl)
{
    char req[8192], head[8192 + 512], subject[256];
    const char *path;
    if (SSL_accept(ssl) != 1) {
        printf("HANDSHAKE failed\n");
        return -1;
    }
    client_subject(ssl, subject, sizeof subject);
    printf("PROTOCOL %s\nCIPHER %s\nVERIFY %ld\nCLIENT %s\n", SSL_get_version(ssl), SSL_get_cipher(ssl),
           SSL_get_verify_result(ssl), subject);
    if ((path = read_request(ssl, req, sizeof req)) == NULL) {
        printf("REQUEST none\n");
        return -1;
    }
    printf("REQUEST %s\n", path);
    snprintf(head, sizeof head, "HTTP/1.0 200 OK\r\nContent-Type: application/octet-stream\r\n"
             "Content-Length: %zu\r\n\r\npath=%s\nclient=%s\n",
             strlen(path) + strlen(subject) + 14 + body_len, path, subject);
    if (write_all(ssl, head, strlen(head)) != 0 || write_all(ssl, body, body_len) != 0) {
        return -1;
    }
    SSL_shutdown(ssl);
    return 0;
}

static int accept_loop(SSL_CTX *ctx, int lfd, int count)
{
    int i, failed = 0;
    for (i = 0; i < count; i++) {
        int fd = accept(lfd, NULL, NULL);
        SSL *ssl;
        if (fd < 0) {
            perror("accept");
            return -1;
        }
        ssl = SSL_new(ctx);
        SSL_set_fd(ssl, fd);
        if (serve(ssl) != 0) {
            ERR_print_errors_fp(stderr);
            failed++;
        }
        fflush(stdout);
        SSL_free(ssl);
        close(fd);
    }
    printf("SERVED %d FAILED %d\n", count - failed, failed);
    return 0;
}

int main(int argc, char **argv)
{
    struct options o;
    SSL_CTX *ctx;
    int lfd, rc;
    parse_options(argc, argv, &o);
    alarm(o.timeout);
    signal(SIGPIPE, SIG_IGN);
    SSL_library_init();
    SSL_load_error_strings();
    if (load_body(o.bodyfile) != 0 || (ctx = make_ctx(&o)) == NULL) {
        ERR_print_errors_fp(stderr);
        return 1;
    }
    lfd = listen_local();
    rc = lfd >= 0 && accept_loop(ctx, lfd, o.count) == 0 ? 0 : 1;
    SSL_CTX_free(ctx);
    free(body);
    return rc;
}
