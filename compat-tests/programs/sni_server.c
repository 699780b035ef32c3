/*
 * sni_server: name-based virtual hosting over TLS, as web servers did it once clients sent server_name: one
 * SSL_CTX per virtual host, and a servername callback that moves the connection to the named host's context
 * with SSL_set_SSL_CTX (so the client gets that host's certificate). Unknown or absent names get the default
 * host. Prints "SNI <name>" and "VHOST <chosen>" per connection; iterative; binds 127.0.0.1 port 0, prints
 * "PORT <n>" and exits after -n connections.
 *
 * The answer to "GET <path>" is "path=<path>\nvhost=<chosen>\n" followed by the -f file.
 *
 * usage: sni_server -c cert -k key [-v name:cert:key]... [-f bodyfile] [-n count] [-C ciphers] [-1] [-t secs]
 */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>
#include <unistd.h>

#include <openssl/err.h>
#include <openssl/ssl.h>

#define MAX_VHOSTS 4

struct vhost {
    char spec[512]; /* "name:cert:key", split in place */
    const char *name, *cert, *key;
    SSL_CTX *ctx;
};

struct options {
    const char *cert, *key, *bodyfile, *ciphers;
    int count, tls1_only, nvhosts;
    unsigned timeout;
    struct vhost vhosts[MAX_VHOSTS];
};

static char *body;
static size_t body_len;
/* What the callback chose for the connection in progress (the server is iterative). */
static const char *chosen_vhost;

static void usage(void)
{
    fprintf(stderr, "usage: sni_server -c cert -k key [-v name:cert:key]... [-f bodyfile] [-n count] "
                    "[-C ciphers] [-1] [-t secs]\n");
    exit(2);
}

static void add_vhost(struct options *o, const char *spec)
{
    struct vhost *v = &o->vhosts[o->nvhosts];
    char *colon;
    if (o->nvhosts == MAX_VHOSTS || strlen(spec) >= sizeof v->spec) {
        usage();
    }
    strcpy(v->spec, spec);
    v->name = v->spec;
    if ((colon = strchr(v->spec, ':')) == NULL) {
        usage();
    }
    *colon = '\0';
    v->cert = colon + 1;
    if ((colon = strchr(colon + 1, ':')) == NULL) {
        usage();
    }
    *colon = '\0';
    v->key = colon + 1;
    o->nvhosts++;
}

static void parse_options(int argc, char **argv, struct options *o)
{
    int ch;
    memset(o, 0, sizeof *o);
    o->count = 1;
    o->timeout = 30;
    while ((ch = getopt(argc, argv, "c:k:v:f:n:C:1t:")) != -1) {
        switch (ch) {
        case 'c': o->cert = optarg; break;
        case 'k': o->key = optarg; break;
        case 'v': add_vhost(o, optarg); break;
        case 'f': o->bodyfile = optarg; break;
        case 'n': o->count = atoi(optarg); break;
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

static SSL_CTX *make_ctx(const struct options *o, const char *cert, const char *key)
{
    SSL_CTX *ctx = SSL_CTX_new(SSLv23_server_method());
    if (ctx == NULL) {
        return NULL;
    }
    /* The one place where builds differ: the driver passes -C/-1 to the system-OpenSSL build only. */
    if ((o->ciphers != NULL && !SSL_CTX_set_cipher_list(ctx, o->ciphers)) ||
        (o->tls1_only && (!SSL_CTX_set_min_proto_version(ctx, TLS1_VERSION) ||
                          !SSL_CTX_set_max_proto_version(ctx, TLS1_VERSION))) ||
        SSL_CTX_use_certificate_chain_file(ctx, cert) != 1 ||
        SSL_CTX_use_PrivateKey_file(ctx, key, SSL_FILETYPE_PEM) != 1 || !SSL_CTX_check_private_key(ctx)) {
        SSL_CTX_free(ctx);
        return NULL;
    }
    return ctx;
}

static int servername_cb(SSL *ssl, int *alert, void *arg)
{
    struct options *o = arg;
    const char *name = SSL_get_servername(ssl, TLSEXT_NAMETYPE_host_name);
    int i;
    printf("SNI %s\n", name != NULL ? name : "(none)");
    if (name == NULL) {
        return SSL_TLSEXT_ERR_NOACK;
    }
    for (i = 0; i < o->nvhosts; i++) {
        if (strcasecmp(name, o->vhosts[i].name) == 0) {
            SSL_set_SSL_CTX(ssl, o->vhosts[i].ctx);
            chosen_vhost = o->vhosts[i].name;
            return SSL_TLSEXT_ERR_OK;
        }
    }
    /* Not one of ours: carry on with the default host rather than abort, as most servers do. */
    return SSL_TLSEXT_ERR_NOACK;
}

static SSL_CTX *make_contexts(struct options *o)
{
    SSL_CTX *def = make_ctx(o, o->cert, o->key);
    int i;
    if (def == NULL) {
        return NULL;
    }
    for (i = 0; i < o->nvhosts; i++) {
        if ((o->vhosts[i].ctx = make_ctx(o, o->vhosts[i].cert, o->vhosts[i].key)) == NULL) {
            return NULL;
        }
    }
    SSL_CTX_set_tlsext_servername_callback(def, servername_cb);
    SSL_CTX_set_tlsext_servername_arg(def, o);
    return def;
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

static int serve(SSL *ssl)
{
    char req[8192], head[8192 + 512];
    const char *path;
    chosen_vhost = "default";
    if (SSL_accept(ssl) != 1) {
        printf("HANDSHAKE failed\n");
        return -1;
    }
    printf("PROTOCOL %s\nCIPHER %s\nVHOST %s\n", SSL_get_version(ssl), SSL_get_cipher(ssl),
           chosen_vhost);
    if ((path = read_request(ssl, req, sizeof req)) == NULL) {
        printf("REQUEST none\n");
        return -1;
    }
    printf("REQUEST %s\n", path);
    snprintf(head, sizeof head, "HTTP/1.0 200 OK\r\nContent-Type: application/octet-stream\r\n"
             "Content-Length: %zu\r\n\r\npath=%s\nvhost=%s\n",
             strlen(path) + strlen(chosen_vhost) + 13 + body_len, path, chosen_vhost);
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
    return failed;
}

int main(int argc, char **argv)
{
    static struct options o; /* the callback keeps a pointer to it */
    SSL_CTX *ctx = NULL;
    int i, lfd, rc = 1;
    parse_options(argc, argv, &o);
    alarm(o.timeout);
    signal(SIGPIPE, SIG_IGN);
    SSL_library_init();
    SSL_load_error_strings();
    if (load_body(o.bodyfile) == 0 && (ctx = make_contexts(&o)) != NULL && (lfd = listen_local()) >= 0) {
        rc = accept_loop(ctx, lfd, o.count) == 0 ? 0 : 1;
    } else {
        ERR_print_errors_fp(stderr);
    }
    SSL_CTX_free(ctx);
    for (i = 0; i < o.nvhosts; i++) {
        SSL_CTX_free(o.vhosts[i].ctx);
    }
    free(body);
    return rc;
}
