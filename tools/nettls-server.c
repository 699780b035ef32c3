/*
 * nettls-server: a TLS server in the spirit of `openssl s_server`. Listens (127.0.0.1 unless told otherwise,
 * printing "ACCEPT host:port"), and for each connection handshakes, prints the same facts as nettls-client,
 * then echoes what it reads until the client's close_notify, or with -www answers one HTTP GET with a page
 * naming the protocol and cipher. Exits after -naccept connections, with status 1 if any of them failed.
 */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include <openssl/ssl.h>

#include "cli_common.h"

static int echo(SSL *ssl)
{
    char buf[16384];

    for (;;) {
        int r = SSL_read(ssl, buf, sizeof buf);
        int status;

        if (r > 0) {
            if (!cli_ssl_write_all(ssl, buf, (size_t)r)) {
                return 0;
            }
            continue;
        }
        status = cli_ssl_status(ssl, r, "SSL_read");
        if (status != CLI_IO_RETRY) {
            return status == CLI_IO_CLOSED;
        }
    }
}

/* Reads an HTTP request head into buf (NUL-terminated). Returns 0 if the connection ended first. */
static int read_request(SSL *ssl, char *buf, size_t size)
{
    size_t len = 0;

    while (len + 1 < size) {
        int r = SSL_read(ssl, buf + len, (int)(size - 1 - len));

        if (r <= 0) {
            if (cli_ssl_status(ssl, r, "SSL_read") == CLI_IO_RETRY) {
                continue;
            }
            return 0;
        }
        len += (size_t)r;
        buf[len] = '\0';
        if (strstr(buf, "\r\n\r\n") != NULL || strstr(buf, "\n\n") != NULL) {
            return 1;
        }
    }
    return 1; /* an oversized head is answered anyway */
}

static int www(SSL *ssl)
{
    static const char bad[] = "HTTP/1.0 400 Bad Request\r\nContent-type: text/plain\r\n\r\nonly GET\r\n";
    char req[8192], page[1024];
    int n;

    if (!read_request(ssl, req, sizeof req)) {
        return 0;
    }
    if (strncmp(req, "GET ", 4) != 0) {
        return cli_ssl_write_all(ssl, bad, sizeof bad - 1);
    }
    n = snprintf(page, sizeof page,
                 "HTTP/1.0 200 ok\r\nContent-type: text/html\r\n\r\n"
                 "<HTML><BODY BGCOLOR=\"#ffffff\">\n<pre>\n"
                 "%s, %s, Cipher is %s\n"
                 "Protocol  : %s\nCipher    : %s\n"
                 "</pre></BODY></HTML>\r\n",
                 SSL_session_reused(ssl) ? "Reused" : "New", SSL_get_version(ssl),
                 SSL_CIPHER_get_name(SSL_get_current_cipher(ssl)), SSL_get_version(ssl),
                 SSL_CIPHER_get_name(SSL_get_current_cipher(ssl)));
    return n > 0 && (size_t)n < sizeof page && cli_ssl_write_all(ssl, page, (size_t)n);
}

static int handshake(SSL *ssl, int fd, const struct cli_opts *o)
{
    int r;

    if (SSL_set_fd(ssl, fd) != 1) {
        cli_error("SSL_set_fd");
        return 0;
    }
    if (o->msg) {
        SSL_set_msg_callback(ssl, cli_msg_cb);
    }
    r = SSL_accept(ssl);
    if (r != 1) {
        cli_ssl_status(ssl, r, "SSL_accept");
        return 0;
    }
    cli_keylog_write(ssl);
    if (!o->quiet) {
        cli_report_print(ssl, CLI_SERVER);
    }
    return o->sess_out == NULL || cli_session_save(ssl, o->sess_out);
}

static int serve(SSL_CTX *ctx, const struct cli_opts *o, int fd)
{
    SSL *ssl = SSL_new(ctx);
    int ok = ssl != NULL && handshake(ssl, fd, o);

    if (ok) {
        ok = o->www ? www(ssl) : echo(ssl);
    }
    ok = ok && cli_shutdown(ssl);
    SSL_free(ssl);
    return ok;
}

int main(int argc, char **argv)
{
    struct cli_opts o;
    SSL_CTX *ctx;
    int lfd, code, failures = 0;

    /* A client that goes away must turn into an error we report, not a silent death on SIGPIPE. */
    signal(SIGPIPE, SIG_IGN);
    cli_opts_parse(&o, CLI_SERVER, argc, argv);
    ctx = cli_ctx_new(&o, CLI_SERVER, &code);
    if (ctx == NULL) {
        return code;
    }
    lfd = cli_net_listen(o.accept != NULL ? o.accept : "4433");
    for (int served = 0; lfd >= 0 && (o.naccept == 0 || served < o.naccept);) {
        int fd = accept(lfd, NULL, NULL);

        if (fd < 0) {
            if (errno != EINTR && errno != ECONNABORTED) {
                perror("accept");
                failures++;
                break;
            }
            continue;
        }
        served++;
        failures += !serve(ctx, &o, fd);
        close(fd);
    }
    if (lfd >= 0) {
        close(lfd);
    }
    SSL_CTX_free(ctx);
    return lfd < 0 || failures > 0 ? CLI_EXIT_FAIL : CLI_EXIT_OK;
}
