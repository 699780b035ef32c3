/*
 * poll_server: a single-threaded HTTPS server with non-blocking sockets and one poll() loop, the shape of
 * event-driven daemons: every connection is a small state machine (handshake, read the request, write the
 * answer, shutdown) driven by SSL_get_error's WANT_READ/WANT_WRITE. Sessions are cached (one process), so
 * clients can resume. Binds 127.0.0.1 port 0, prints "PORT <n>", and after -n connections prints
 * "SERVED <ok> FAILED <bad> MAXOPEN <most connections open at once> WANT_READ <n> WANT_WRITE <n>" and exits.
 *
 * The answer to "GET <path>" is "path=<path>\n" followed by the -f file.
 *
 * usage: poll_server -c cert -k key [-f bodyfile] [-n count] [-C ciphers] [-1] [-t secs]
 */
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include <openssl/err.h>
#include <openssl/ssl.h>

#define MAX_CONNS 64

enum state { ST_HANDSHAKE, ST_READ, ST_WRITE, ST_SHUTDOWN, ST_DONE, ST_FAILED };

struct conn {
    int fd;
    SSL *ssl;
    enum state state;
    short events; /* what SSL last asked to wait for */
    char req[8192];
    size_t req_len;
    char *out;
    size_t out_len, out_off;
};

struct options {
    const char *cert, *key, *bodyfile, *ciphers;
    int count, tls1_only;
    unsigned timeout;
};

struct stats {
    int accepted, served, failed, open, max_open;
    long want_read, want_write;
};

static char *body;
static size_t body_len;
static struct stats st;

static void usage(void)
{
    fprintf(stderr, "usage: poll_server -c cert -k key [-f bodyfile] [-n count] [-C ciphers] [-1] "
                    "[-t secs]\n");
    exit(2);
}

static void parse_options(int argc, char **argv, struct options *o)
{
    int ch;
    memset(o, 0, sizeof *o);
    o->count = 1;
    o->timeout = 30;
    while ((ch = getopt(argc, argv, "c:k:f:n:C:1t:")) != -1) {
        switch (ch) {
        case 'c': o->cert = optarg; break;
        case 'k': o->key = optarg; break;
        case 'f': o->bodyfile = optarg; break;
        case 'n': o->count = atoi(optarg); break;
        case 'C': o->ciphers = optarg; break;
        case '1': o->tls1_only = 1; break;
        case 't': o->timeout = (unsigned)atoi(optarg); break;
        default: usage();
        }
    }
    if (o->cert == NULL || o->key == NULL || o->count > MAX_CONNS || optind != argc) {
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
        getsockname(fd, (struct sockaddr *)&sin, &len) != 0 || fcntl(fd, F_SETFL, O_NONBLOCK) != 0) {
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
    static const unsigned char sid_ctx[] = "poll_server";
    SSL_CTX *ctx = SSL_CTX_new(SSLv23_server_method());
    if (ctx == NULL) {
        return NULL;
    }
    /* The one place where builds differ: the driver passes -C/-1 to the system-OpenSSL build only. */
    if ((o->ciphers != NULL && !SSL_CTX_set_cipher_list(ctx, o->ciphers)) ||
        (o->tls1_only && (!SSL_CTX_set_min_proto_version(ctx, TLS1_VERSION) ||
                          !SSL_CTX_set_max_proto_version(ctx, TLS1_VERSION))) ||
        SSL_CTX_use_certificate_chain_file(ctx, o->cert) != 1 ||
        SSL_CTX_use_PrivateKey_file(ctx, o->key, SSL_FILETYPE_PEM) != 1 || !SSL_CTX_check_private_key(ctx)) {
        SSL_CTX_free(ctx);
        return NULL;
    }
    /* Partial writes let one slow client not hold a whole record's worth of our loop. */
    SSL_CTX_set_mode(ctx, SSL_MODE_ENABLE_PARTIAL_WRITE | SSL_MODE_ACCEPT_MOVING_WRITE_BUFFER);
    SSL_CTX_set_session_id_context(ctx, sid_ctx, sizeof sid_ctx - 1);
    return ctx;
}

/* Turns a failed SSL call into what to wait for; returns 0 to wait, -1 when the connection is finished. */
static int want(struct conn *c, int ret)
{
    switch (SSL_get_error(c->ssl, ret)) {
    case SSL_ERROR_WANT_READ: c->events = POLLIN; st.want_read++; return 0;
    case SSL_ERROR_WANT_WRITE: c->events = POLLOUT; st.want_write++; return 0;
    case SSL_ERROR_ZERO_RETURN:
        /* The client closed before asking anything (a probe, or gnutls-cli --resume's first connection):
         * answer its close_notify, or the session would count as unclean and leave the cache. */
        printf("REQUEST none\n");
        c->state = ST_SHUTDOWN;
        return -1;
    default:
        ERR_print_errors_fp(stderr);
        c->state = ST_FAILED;
        return -1;
    }
}

static void start_answer(struct conn *c)
{
    char *end = strstr(c->req, "\r\n\r\n"), *path = c->req + 4, *sp;
    size_t head_max = (size_t)(end - c->req) + 256;
    if (strncmp(c->req, "GET ", 4) != 0 || (sp = strchr(path, ' ')) == NULL || sp > end ||
        (c->out = malloc(head_max + body_len)) == NULL) {
        c->state = ST_FAILED;
        return;
    }
    *sp = '\0';
    printf("REQUEST %s\n", path);
    c->out_len = (size_t)snprintf(c->out, head_max,
                                  "HTTP/1.0 200 OK\r\nContent-Type: application/octet-stream\r\n"
                                  "Content-Length: %zu\r\n\r\npath=%s\n", strlen(path) + 6 + body_len, path);
    memcpy(c->out + c->out_len, body, body_len);
    c->out_len += body_len;
    c->state = ST_WRITE;
}

static void step_read(struct conn *c)
{
    int n = SSL_read(c->ssl, c->req + c->req_len, (int)(sizeof c->req - 1 - c->req_len));
    if (n <= 0) {
        want(c, n);
        return;
    }
    c->req_len += (size_t)n;
    c->req[c->req_len] = '\0';
    if (strstr(c->req, "\r\n\r\n") != NULL) {
        start_answer(c);
    } else if (c->req_len + 1 == sizeof c->req) {
        c->state = ST_FAILED;
    }
}

/* Runs the connection until SSL wants to wait for the socket or the connection is over. */
static void step(struct conn *c)
{
    int n;
    c->events = 0;
    while (c->state != ST_DONE && c->state != ST_FAILED) {
        switch (c->state) {
        case ST_HANDSHAKE:
            if ((n = SSL_accept(c->ssl)) != 1) {
                if (want(c, n) == 0) {
                    return;
                }
                break;
            }
            printf("PROTOCOL %s\nCIPHER %s\nREUSED %d\n", SSL_get_version(c->ssl),
                   SSL_get_cipher(c->ssl), (int)SSL_session_reused(c->ssl));
            c->state = ST_READ;
            break;
        case ST_READ:
            step_read(c);
            if (c->events != 0) {
                return; /* waiting; a closed or failed read has moved the state on instead */
            }
            break;
        case ST_WRITE:
            if ((n = SSL_write(c->ssl, c->out + c->out_off, (int)(c->out_len - c->out_off))) <= 0) {
                if (want(c, n) == 0) {
                    return;
                }
                break;
            }
            c->out_off += (size_t)n;
            c->state = c->out_off == c->out_len ? ST_SHUTDOWN : ST_WRITE;
            break;
        default: /* ST_SHUTDOWN: our close_notify is enough, as for most servers */
            if ((n = SSL_shutdown(c->ssl)) < 0 && want(c, n) == 0) {
                return;
            }
            c->state = n < 0 ? ST_FAILED : ST_DONE;
            break;
        }
        c->events = 0;
    }
}

static void finish(struct conn *c)
{
    if (c->state == ST_DONE) {
        st.served++;
    } else {
        st.failed++;
    }
    SSL_free(c->ssl);
    close(c->fd);
    free(c->out);
    c->fd = -1;
    st.open--;
}

static void accept_one(SSL_CTX *ctx, int lfd, struct conn *conns)
{
    int fd = accept(lfd, NULL, NULL), i, sndbuf = 4096;
    if (fd < 0) {
        if (errno != EAGAIN && errno != EWOULDBLOCK) {
            perror("accept");
        }
        return;
    }
    for (i = 0; conns[i].fd >= 0; i++) {
        continue; /* there is room: the loop stops accepting at the count */
    }
    /* A small send buffer, as on a busy host: writes then stall and the WANT_WRITE path gets used. */
    setsockopt(fd, SOL_SOCKET, SO_SNDBUF, &sndbuf, sizeof sndbuf);
    fcntl(fd, F_SETFL, O_NONBLOCK);
    memset(&conns[i], 0, sizeof conns[i]);
    conns[i].fd = fd;
    conns[i].ssl = SSL_new(ctx);
    SSL_set_fd(conns[i].ssl, fd);
    SSL_set_accept_state(conns[i].ssl);
    st.accepted++;
    if (++st.open > st.max_open) {
        st.max_open = st.open;
    }
    step(&conns[i]);
    if (conns[i].state == ST_DONE || conns[i].state == ST_FAILED) {
        finish(&conns[i]);
    }
}

static void poll_loop(SSL_CTX *ctx, int lfd, int count)
{
    static struct conn conns[MAX_CONNS];
    struct pollfd pfd[MAX_CONNS + 1];
    int i, map[MAX_CONNS + 1];
    for (i = 0; i < MAX_CONNS; i++) {
        conns[i].fd = -1;
    }
    while (st.accepted < count || st.open > 0) {
        int n = 0;
        if (st.accepted < count) {
            pfd[n].fd = lfd;
            pfd[n].events = POLLIN;
            map[n++] = -1;
        }
        for (i = 0; i < MAX_CONNS; i++) {
            if (conns[i].fd >= 0) {
                pfd[n].fd = conns[i].fd;
                pfd[n].events = conns[i].events;
                map[n++] = i;
            }
        }
        if (poll(pfd, (nfds_t)n, -1) < 0) {
            perror("poll");
            return;
        }
        for (i = 0; i < n; i++) {
            if (pfd[i].revents == 0) {
                continue;
            }
            if (map[i] < 0) {
                accept_one(ctx, lfd, conns);
                continue;
            }
            step(&conns[map[i]]);
            if (conns[map[i]].state == ST_DONE || conns[map[i]].state == ST_FAILED) {
                finish(&conns[map[i]]);
            }
        }
        fflush(stdout);
    }
}

int main(int argc, char **argv)
{
    struct options o;
    SSL_CTX *ctx;
    int lfd;
    parse_options(argc, argv, &o);
    alarm(o.timeout);
    signal(SIGPIPE, SIG_IGN);
    SSL_library_init();
    SSL_load_error_strings();
    if (load_body(o.bodyfile) != 0 || (ctx = make_ctx(&o)) == NULL) {
        ERR_print_errors_fp(stderr);
        return 1;
    }
    if ((lfd = listen_local()) < 0) {
        return 1;
    }
    poll_loop(ctx, lfd, o.count);
    printf("SERVED %d FAILED %d MAXOPEN %d WANT_READ %ld WANT_WRITE %ld\n", st.served, st.failed, st.max_open,
           st.want_read, st.want_write);
    close(lfd);
    SSL_CTX_free(ctx);
    free(body);
    return st.failed == 0 ? 0 : 1;
}
