/*
 * nettls-client: a TLS client in the spirit of `openssl s_client`. Connects, handshakes, prints the peer
 * chain, protocol, cipher, session id and verify result, then copies stdin to the connection and the
 * connection to stdout. At EOF on stdin it sends close_notify and keeps reading until the server closes. With
 * -reconnect the first connection only handshakes; a second one resumes its session and carries the data.
 */
#include <signal.h>
#include <stdio.h>
#include <unistd.h>

#include <openssl/ssl.h>

#include "cli_common.h"

static int prepare(SSL *ssl, int fd, const struct cli_opts *o, SSL_SESSION *resume)
{
    if (SSL_set_fd(ssl, fd) != 1) {
        cli_error("SSL_set_fd");
        return 0;
    }
    if (o->msg) {
        SSL_set_msg_callback(ssl, cli_msg_cb);
    }
    if (o->servername != NULL && SSL_set_tlsext_host_name(ssl, o->servername) != 1) {
        cli_error("-servername");
        return 0;
    }
    if (resume != NULL && SSL_set_session(ssl, resume) != 1) {
        cli_error("SSL_set_session");
        return 0;
    }
    return 1;
}

static int handshake(SSL *ssl, const struct cli_opts *o)
{
    int r;

    if (!o->quiet) {
        printf("CONNECTED(%s)\n", o->connect);
        fflush(stdout);
    }
    r = SSL_connect(ssl);
    if (r != 1) {
        cli_ssl_status(ssl, r, "SSL_connect");
        if (!o->quiet) {
            cli_report_verify(ssl);
        }
        return 0;
    }
    cli_keylog_write(ssl);
    if (!o->quiet) {
        cli_report_print(ssl, CLI_CLIENT);
    }
    return o->sess_out == NULL || cli_session_save(ssl, o->sess_out);
}

/*
 * One connection: handshake, then either the data phase (with_data) or an immediate close_notify. On success
 * and when keep is not NULL, *keep receives the session for a later resumption.
 */
static int connection(SSL_CTX *ctx, const struct cli_opts *o, SSL_SESSION *resume, int with_data,
                      SSL_SESSION **keep)
{
    int fd = cli_net_connect(o->connect);
    SSL *ssl;
    int ok;

    if (fd < 0) {
        return 0;
    }
    ssl = SSL_new(ctx);
    ok = ssl != NULL && prepare(ssl, fd, o, resume) && handshake(ssl, o);
    if (ok && with_data) {
        ok = cli_pump(ssl);
    }
    ok = ok && cli_shutdown(ssl);
    if (ok && keep != NULL) {
        *keep = SSL_get1_session(ssl);
    }
    SSL_free(ssl);
    close(fd);
    return ok;
}

static int run(SSL_CTX *ctx, const struct cli_opts *o, SSL_SESSION *resume)
{
    SSL_SESSION *first = NULL;
    int ok;

    if (!o->reconnect) {
        return connection(ctx, o, resume, 1, NULL);
    }
    if (!connection(ctx, o, resume, 0, &first)) {
        return 0;
    }
    if (!o->quiet) {
        printf("drop connection and then reconnect\n");
    }
    ok = connection(ctx, o, first, 1, NULL);
    SSL_SESSION_free(first);
    return ok;
}

int main(int argc, char **argv)
{
    struct cli_opts o;
    SSL_CTX *ctx;
    SSL_SESSION *resume = NULL;
    int code;

    /* A peer that goes away must turn into an error we report, not a silent death on SIGPIPE. */
    signal(SIGPIPE, SIG_IGN);
    cli_opts_parse(&o, CLI_CLIENT, argc, argv);
    if (o.connect == NULL) {
        o.connect = "127.0.0.1:4433";
    }
    ctx = cli_ctx_new(&o, CLI_CLIENT, &code);
    if (ctx == NULL) {
        return code;
    }
    code = CLI_EXIT_FAIL;
    if (o.sess_in == NULL || (resume = cli_session_load(o.sess_in)) != NULL) {
        code = run(ctx, &o, resume) ? CLI_EXIT_OK : CLI_EXIT_FAIL;
    }
    SSL_SESSION_free(resume);
    SSL_CTX_free(ctx);
    return code;
}
