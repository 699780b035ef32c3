/* Test helpers for the TLS compat tests: contexts over the fixture certificates, and a client and a
 * server SSL over a socketpair, the server side run in its own thread. Written against the OpenSSL
 * headers only, so the same tests build against nettls and against the system OpenSSL (the oracle).
 *
 * Where OpenSSL 3 differs from the OpenSSL 1.1.0 behaviour nettls claims, the tests say so with the
 * macros below; this is the one place that lists the differences:
 *  - OpenSSL 3 speaks TLS 1.0 only at security level 0, so every cipher string ends in TLS_SECLEVEL0
 *    (nettls accepts "@SECLEVEL=0" and drops nothing at level 0);
 *  - OpenSSL 3's libssl has no DES-CBC3-SHA, RC4-SHA or RC4-MD5, and leaves CAMELLIA out of DEFAULT;
 *  - a server does DHE in OpenSSL (1.1.0 and 3) only after SSL_CTX_set_dh_auto() or SSL_CTX_set_tmp_dh();
 *    nettls uses RFC 7919 ffdhe2048 without them (kx_test.c sets one, so both builds agree);
 *  - an OpenSSL server issues session tickets (RFC 5077) and then keeps no session in its cache; nettls
 *    has no tickets, so the test servers set SSL_OP_NO_TICKET and both resume from the server cache;
 *  - OpenSSL 3's message callback does not report the ChangeCipherSpec it receives (1.1.0's does);
 *  - an EOF without close_notify is SSL_ERROR_SSL ("unexpected eof while reading") in OpenSSL 3, and
 *    SSL_ERROR_SYSCALL with a 0 return and an empty error queue in 1.1.0 and nettls;
 *  - a verify callback that refuses a chain the verifier accepted gets access_denied from nettls,
 *    internal_error from OpenSSL 3; an Ed25519 server certificate with an RSA suite gets
 *    unsupported_certificate from nettls, illegal_parameter from OpenSSL 3 (verify_alert_test.c);
 *  - PEM_read_bio_PrivateKey of a file without a key fails with 1.1.0's PEM "no start line" in nettls, a
 *    DECODER error in OpenSSL 3; without a callback or passphrase OpenSSL prompts on the terminal, nettls
 *    fails with "bad password read" (client_cert_cb_test.c);
 *  - nettls has no CRLs: X509_load_crl_file fails (ERR_R_DISABLED) on any file, OpenSSL loads CRL files
 *    (x509_more_test.c checks only a file without a CRL on both). */
#ifndef COMPAT_TESTS_TLS_PAIR_H
#define COMPAT_TESTS_TLS_PAIR_H

#include <pthread.h>
#include <stddef.h>

#include <openssl/err.h>
#include <openssl/ssl.h>

#ifdef NETTLS_VERSION_NUMBER
#define TLS_ORACLE 0 /* built against nettls */
#else
#define TLS_ORACLE 1 /* built against the system OpenSSL 3 */
#endif

#define TLS_SECLEVEL0 ":@SECLEVEL=0"

/* The path of a fixture file (lib/x509/tests/data), in a static buffer. */
const char *tls_fixture(const char *name);

/* A context pinned to TLS 1.0 with the cipher string ciphers (TLS_SECLEVEL0 is appended). The server's
 * presents cert_file/key_file (fixture names; NULL for none). NULL when the cipher string selects
 * nothing. */
SSL_CTX *tls_server_ctx(const char *ciphers, const char *cert_file, const char *key_file);
SSL_CTX *tls_client_ctx(const char *ciphers);

/* One side of a connection: its SSL over one end of a socketpair, what it should do, what happened. */
struct tls_side {
    SSL *ssl;
    int fd;
    void (*run)(struct tls_side *side); /* runs in the side's own thread for the server */
    int ret;                            /* return value of the last call */
    int err;                            /* SSL_get_error() of it */
    unsigned long errcode;              /* ERR_peek_error() in that thread after it */
    void *arg;
};

/* Connects client_ctx and server_ctx over a new socketpair: client->ssl and server->ssl are made, then
 * server->run runs in a new thread while client->run runs here. Both sockets are shut down when a side's
 * run returns, so a side that gives up cannot leave the other waiting. The SSLs are kept (free them with
 * tls_sides_free). */
void tls_run(SSL_CTX *client_ctx, struct tls_side *client, SSL_CTX *server_ctx, struct tls_side *server);
void tls_sides_free(struct tls_side *client, struct tls_side *server);

/* Common steps for run functions: each records ret, err and errcode. */
void tls_do_connect(struct tls_side *side);
void tls_do_accept(struct tls_side *side);
/* Reads exactly n bytes into buf (n > 0); false when the connection ended or failed first. */
int tls_read_all(SSL *ssl, void *buf, size_t n);
int tls_write_all(SSL *ssl, const void *buf, size_t n);

/* The ERR_LIB_SSL reason of the oldest error in the calling thread's queue (0 for none). */
int tls_reason(void);

#endif
