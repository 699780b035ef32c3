/* The benchmark's configuration: the one place where what the two libraries need is written down. */
#include <string.h>

#include <openssl/crypto.h>
#include <openssl/err.h>
#include <openssl/ssl.h>

#include "bench.h"

#ifndef BENCH_DATA_DIR
#error "meson passes BENCH_DATA_DIR, the directory of server-rsa.pem"
#endif

/* Both builds speak the same protocol, suite and record format; what each library needs for that is here.
 *
 * - OpenSSL 3 refuses TLS 1.0 and SHA-1 below security level 0: the cipher string carries "@SECLEVEL=0"
 *   and the version is pinned with min/max TLS1_VERSION. nettls accepts both unchanged (it speaks only
 *   TLS 1.0 anyway), so one string serves both builds and no #ifdef is needed.
 * - SSL_OP_NO_ENCRYPT_THEN_MAC: OpenSSL negotiates RFC 7366 encrypt-then-MAC with itself by default, and
 *   nettls does not implement it; without the option OpenSSL would be measured on another record format.
 *   RFC 2246's MAC-then-encrypt is also the faster of the two for OpenSSL (measured: 10-40% on the bulk
 *   figures), so the option cannot flatter nettls.
 * - SSL_OP_NO_TICKET: resumption is measured through the server's session-id cache, as a program that sets
 *   a session id context gets it. OpenSSL would otherwise resume through RFC 5077 tickets, another
 *   mechanism, and add a ticket to every full handshake.
 * Everything else (modes, buffers, the TLS 1.0 CBC record splitting each library does against BEAST) stays
 * at each library's default: a program that does not tune gets these figures. */
static const char bench_ciphers[] = "AES128-SHA:@SECLEVEL=0";
static const unsigned char bench_sid_ctx[] = "nettls-bench";

static void same_protocol(SSL_CTX *ctx)
{
    if (!SSL_CTX_set_min_proto_version(ctx, TLS1_VERSION) || !SSL_CTX_set_max_proto_version(ctx, TLS1_VERSION)
        || SSL_CTX_set_cipher_list(ctx, bench_ciphers) != 1) {
        bench_fail("cannot pin TLS 1.0 with AES128-SHA");
    }
    SSL_CTX_set_options(ctx, SSL_OP_NO_ENCRYPT_THEN_MAC | SSL_OP_NO_TICKET);
}

static SSL_CTX *client_ctx(void)
{
    SSL_CTX *ctx = SSL_CTX_new(TLS_client_method());

    if (ctx == NULL) {
        bench_fail("SSL_CTX_new (client)");
    }
    same_protocol(ctx);
    /* A real client verifies the server's chain; the work is part of its handshake cost. */
    if (SSL_CTX_load_verify_locations(ctx, BENCH_DATA_DIR "/ca-rsa.pem", NULL) != 1) {
        bench_fail(BENCH_DATA_DIR "/ca-rsa.pem");
    }
    SSL_CTX_set_verify(ctx, SSL_VERIFY_PEER, NULL);
    return ctx;
}

static SSL_CTX *server_ctx(void)
{
    SSL_CTX *ctx = SSL_CTX_new(TLS_server_method());

    if (ctx == NULL) {
        bench_fail("SSL_CTX_new (server)");
    }
    same_protocol(ctx);
    if (SSL_CTX_use_certificate_chain_file(ctx, BENCH_DATA_DIR "/server-rsa.pem") != 1
        || SSL_CTX_use_PrivateKey_file(ctx, BENCH_DATA_DIR "/server-rsa.key", SSL_FILETYPE_PEM) != 1
        || SSL_CTX_check_private_key(ctx) != 1) {
        bench_fail("cannot load server-rsa.pem and server-rsa.key");
    }
    if (SSL_CTX_set_session_id_context(ctx, bench_sid_ctx, (unsigned int)(sizeof bench_sid_ctx - 1)) != 1) {
        bench_fail("SSL_CTX_set_session_id_context");
    }
    SSL_CTX_set_session_cache_mode(ctx, SSL_SESS_CACHE_SERVER);
    return ctx;
}

void bench_ctx_init(struct bench_ctxs *c)
{
    c->client = client_ctx();
    c->server = server_ctx();
}

void bench_ctx_free(struct bench_ctxs *c)
{
    SSL_CTX_free(c->client);
    SSL_CTX_free(c->server);
}

/* The column the figures belong in; nettls names itself in OpenSSL's version text. */
const char *bench_lib_name(void)
{
    return strstr(OpenSSL_version(OPENSSL_VERSION), "nettls") != NULL ? "nettls" : "OpenSSL";
}
