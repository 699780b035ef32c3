/* Test helpers for the TLS compat tests; see tls_pair.h. */
#include "tls_pair.h"

#include <criterion/criterion.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

const char *tls_fixture(const char *name)
{
    static _Thread_local char path[1024];
    snprintf(path, sizeof path, "%s/%s", COMPAT_TEST_DATA, name);
    return path;
}

static SSL_CTX *pinned_ctx(const SSL_METHOD *m, const char *ciphers)
{
    char list[512];
    SSL_CTX *ctx = SSL_CTX_new(m);
    cr_assert_not_null(ctx);
    cr_assert_eq(SSL_CTX_set_min_proto_version(ctx, TLS1_VERSION), 1);
    cr_assert_eq(SSL_CTX_set_max_proto_version(ctx, TLS1_VERSION), 1);
    snprintf(list, sizeof list, "%s%s", ciphers, TLS_SECLEVEL0);
    if (SSL_CTX_set_cipher_list(ctx, list) != 1) {
        SSL_CTX_free(ctx);
        ERR_clear_error();
        return NULL;
    }
    return ctx;
}

SSL_CTX *tls_server_ctx(const char *ciphers, const char *cert_file, const char *key_file)
{
    SSL_CTX *ctx = pinned_ctx(TLS_server_method(), ciphers);
    if (ctx != NULL) {
        SSL_CTX_set_options(ctx, SSL_OP_NO_TICKET); /* tls_pair.h */
    }
    if (ctx != NULL && cert_file != NULL) {
        cr_assert_eq(SSL_CTX_use_certificate_chain_file(ctx, tls_fixture(cert_file)), 1);
        cr_assert_eq(SSL_CTX_use_PrivateKey_file(ctx, tls_fixture(key_file), SSL_FILETYPE_PEM), 1);
        cr_assert_eq(SSL_CTX_check_private_key(ctx), 1);
    }
    return ctx;
}

SSL_CTX *tls_client_ctx(const char *ciphers)
{
    return pinned_ctx(TLS_client_method(), ciphers);
}

static void record(struct tls_side *side, int ret)
{
    side->ret = ret;
    side->err = SSL_get_error(side->ssl, ret);
    side->errcode = ERR_peek_error();
}

void tls_do_connect(struct tls_side *side)
{
    record(side, SSL_connect(side->ssl));
}

void tls_do_accept(struct tls_side *side)
{
    record(side, SSL_accept(side->ssl));
}

int tls_read_all(SSL *ssl, void *buf, size_t n)
{
    unsigned char *p = buf;
    while (n > 0) {
        int r = SSL_read(ssl, p, n > 65536 ? 65536 : (int)n);
        if (r <= 0) {
            return 0;
        }
        p += r;
        n -= (size_t)r;
    }
    return 1;
}

int tls_write_all(SSL *ssl, const void *buf, size_t n)
{
    const unsigned char *p = buf;
    while (n > 0) {
        int r = SSL_write(ssl, p, n > 65536 ? 65536 : (int)n);
        if (r <= 0) {
            return 0;
        }
        p += r;
        n -= (size_t)r;
    }
    return 1;
}

int tls_reason(void)
{
    unsigned long e = ERR_peek_error();
    return e == 0 ? 0 : ERR_GET_REASON(e);
}

static void *server_main(void *p)
{
    struct tls_side *side = p;
    side->run(side);
    shutdown(side->fd, SHUT_RDWR);
    ERR_clear_error(); /* this thread's queue goes with it */
    return NULL;
}

void tls_run(SSL_CTX *client_ctx, struct tls_side *client, SSL_CTX *server_ctx, struct tls_side *server)
{
    int fds[2];
    pthread_t thread;
    cr_assert_eq(socketpair(AF_UNIX, SOCK_STREAM, 0, fds), 0);
    client->fd = fds[0];
    server->fd = fds[1];
    client->ssl = SSL_new(client_ctx);
    server->ssl = SSL_new(server_ctx);
    cr_assert(client->ssl != NULL && server->ssl != NULL);
    cr_assert_eq(SSL_set_fd(client->ssl, client->fd), 1);
    cr_assert_eq(SSL_set_fd(server->ssl, server->fd), 1);
    cr_assert_eq(pthread_create(&thread, NULL, server_main, server), 0);
    client->run(client);
    shutdown(client->fd, SHUT_RDWR);
    cr_assert_eq(pthread_join(thread, NULL), 0);
}

void tls_sides_free(struct tls_side *client, struct tls_side *server)
{
    SSL_free(client->ssl);
    SSL_free(server->ssl);
    close(client->fd);
    close(server->fd);
    client->ssl = server->ssl = NULL;
}
