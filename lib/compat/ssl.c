/* nettls: the SSL object: creation from a context, settings, transport BIOs, and what a program reads
 * after the handshake. The I/O calls are in ssl_io.c, the engine hooks in ssl_hooks.c. */
#include <stdlib.h>
#include <string.h>

#include <openssl/bio.h>
#include <openssl/err.h>
#include <openssl/ssl.h>
#include <openssl/x509.h>

#include "base/mem.h"
#include "core/session.h"
#include "ssl_local.h"

static void take_identity(SSL *s, SSL_CTX *ctx)
{
    struct ntls_compat_certs *chain = ntls_compat_certs_ref(ctx->chain);
    struct ntls_compat_pkey *pkey = ntls_compat_pkey_ref(ctx->pkey);
    ntls_compat_certs_unref(s->chain);
    ntls_compat_pkey_unref(s->pkey);
    s->chain = chain;
    s->pkey = pkey;
    ntls_compat_identities_take(s, ctx); /* every key type's pair (ssl_cert.c) */
}

SSL *SSL_new(SSL_CTX *ctx)
{
    if (ctx == NULL) {
        NTLS_SSLERR(SSL_R_NULL_SSL_CTX);
        return NULL;
    }
    SSL *s = calloc(1, sizeof *s);
    if (s == NULL) {
        NTLS_SSLERR(ERR_R_MALLOC_FAILURE);
        return NULL;
    }
    atomic_init(&s->refs, 1);
    SSL_CTX_up_ref(ctx);
    s->ctx = ctx;
    s->set = ctx->set;
    take_identity(s, ctx);
    /* 1.1.0: a method that can accept makes a server until SSL_set_connect_state() or SSL_connect(). */
    s->server = ctx->method->can_accept;
    s->rwstate = SSL_NOTHING;
    s->verify_result = X509_V_OK;
    return s;
}

int SSL_up_ref(SSL *s)
{
    atomic_fetch_add(&s->refs, 1);
    return 1;
}

/* 1.1.0's ssl_clear_bad_session: a session whose connection was neither shut down nor failed before the
 * end of its handshake is not resumable any more. */
static void clear_bad_session(SSL *s)
{
    if (s->conn == NULL || !ntls_conn_handshake_done(s->conn)) {
        return;
    }
    if ((s->shutdown & SSL_SENT_SHUTDOWN) || ntls_conn_close_sent(s->conn)) {
        return;
    }
    struct ntls_session *sess = ntls_conn_session(s->conn);
    if (sess != NULL) {
        SSL_CTX_remove_session(s->ctx, ntls_compat_ssl_session(sess));
    }
}

static void free_bios(SSL *s, BIO *keep_r, BIO *keep_w)
{
    BIO *old[2] = { s->rbio, s->wbio != s->rbio ? s->wbio : NULL };
    for (int i = 0; i < 2; i++) {
        if (old[i] != NULL && old[i] != keep_r && old[i] != keep_w) {
            BIO_free(old[i]);
        }
    }
}

void SSL_free(SSL *s)
{
    if (s == NULL || atomic_fetch_sub(&s->refs, 1) > 1) {
        return;
    }
    clear_bad_session(s);
    ntls_conn_free(s->conn);
    free_bios(s, NULL, NULL);
    sk_X509_pop_free(s->peer_chain, X509_free);
    X509_free(s->peer_leaf);
    X509_free(s->own_leaf);
    X509_VERIFY_PARAM_free(s->param);
    ntls_compat_exdata_free(&s->exdata);
    free(s->ca_names);
    sk_SSL_CIPHER_free(s->cipher_stack);
    free(s->hostname);
    ntls_session_unref(s->offer);
    ntls_compat_certs_unref(s->chain);
    ntls_compat_pkey_unref(s->pkey);
    ntls_compat_slots_release(s->slots);
    ntls_compat_dh_unref(s->dh);
    SSL_CTX_free(s->ctx);
    ntls_zeroize(s, sizeof *s);
    free(s);
}

SSL_CTX *SSL_get_SSL_CTX(const SSL *s)
{
    return s->ctx;
}

/* Switches the certificate and key to ctx's, for a server name callback; the other settings stay. */
SSL_CTX *SSL_set_SSL_CTX(SSL *s, SSL_CTX *ctx)
{
    if (ctx == NULL || ctx == s->ctx) {
        return s->ctx;
    }
    SSL_CTX_up_ref(ctx);
    take_identity(s, ctx);
    SSL_CTX_free(s->ctx);
    s->ctx = ctx;
    return ctx;
}

/* ---------------------------------------------------------------------------------------------------- */
/* Settings */

unsigned long SSL_get_options(const SSL *s)
{
    return s->set.options;
}

unsigned long SSL_set_options(SSL *s, unsigned long op)
{
    return s->set.options |= op;
}

unsigned long SSL_clear_options(SSL *s, unsigned long op)
{
    return s->set.options &= ~op;
}

static long set_host_name(SSL *s, long type, const char *name)
{
    if (type != TLSEXT_NAMETYPE_host_name) {
        NTLS_SSLERR(SSL_R_SSL3_EXT_INVALID_SERVERNAME_TYPE);
        return 0;
    }
    size_t len = name != NULL ? strlen(name) : 0;
    if (name != NULL && (len == 0 || len > TLSEXT_MAXLEN_host_name)) {
        NTLS_SSLERR(SSL_R_SSL3_EXT_INVALID_SERVERNAME);
        return 0;
    }
    char *copy = name != NULL ? strdup(name) : NULL;
    if (name != NULL && copy == NULL) {
        NTLS_SSLERR(ERR_R_MALLOC_FAILURE);
        return 0;
    }
    free(s->hostname);
    s->hostname = copy;
    return 1;
}

long SSL_ctrl(SSL *s, int cmd, long larg, void *parg)
{
    if (s == NULL) {
        return 0;
    }
    bool handled;
    long r = ntls_compat_settings_ctrl(s->ctx->method, &s->set, cmd, larg, parg, &handled);
    if (handled) {
        return r;
    }
    r = ntls_compat_kx_ctrl(NULL, &s->set, cmd, larg, parg, &handled); /* ssl_kx.c */
    if (handled) {
        return r;
    }
    switch (cmd) {
    case SSL_CTRL_SET_TLSEXT_HOSTNAME:
        return set_host_name(s, larg, parg);
    default:
        return 0;
    }
}

long SSL_callback_ctrl(SSL *s, int cmd, void (*fp)(void))
{
    if (cmd == SSL_CTRL_SET_MSG_CALLBACK) {
        s->set.msg_cb = (ntls_compat_msg_cb)fp;
        return 1;
    }
    return 0;
}

int SSL_set_cipher_list(SSL *s, const char *str)
{
    uint16_t suites[NTLS_MAX_SUITES];
    size_t n = ntls_compat_cipher_list(str, suites);
    if (n == 0) {
        return 0;
    }
    sk_SSL_CIPHER_free(s->cipher_stack);
    s->cipher_stack = NULL;
    memcpy(s->set.suites, suites, n * sizeof suites[0]);
    s->set.nsuites = n;
    return 1;
}

/* Made on first use: most connections never ask, and an idle connection should stay small. */
STACK_OF(SSL_CIPHER) *SSL_get_ciphers(const SSL *s)
{
    SSL *m = (SSL *)s;
    if (s != NULL && s->cipher_stack == NULL) {
        m->cipher_stack = ntls_compat_cipher_stack(s->set.suites, s->set.nsuites);
    }
    return s != NULL ? s->cipher_stack : NULL;
}

const char *SSL_get_cipher_list(const SSL *s, int n)
{
    if (s == NULL || n < 0 || (size_t)n >= s->set.nsuites) {
        return NULL;
    }
    return SSL_CIPHER_get_name(ntls_compat_cipher(ntls_suite_by_id(s->set.suites[n])));
}

void SSL_set_verify(SSL *s, int mode, SSL_verify_cb callback)
{
    s->set.verify_mode = mode;
    if (callback != NULL) {
        s->set.verify_cb = callback;
    }
}

void SSL_set_verify_depth(SSL *s, int depth)
{
    s->set.verify_depth = depth;
}

int SSL_get_verify_mode(const SSL *s)
{
    return s->set.verify_mode;
}

int SSL_get_verify_depth(const SSL *s)
{
    return s->set.verify_depth;
}

void SSL_set_info_callback(SSL *s, void (*cb)(const SSL *ssl, int type, int val))
{
    s->set.info_cb = cb;
}

void SSL_set_msg_callback(SSL *s, void (*cb)(int write_p, int version, int content_type, const void *buf,
                                             size_t len, SSL *ssl, void *arg))
{
    s->set.msg_cb = cb;
}

/* ---------------------------------------------------------------------------------------------------- */
/* Transport */

/* 1.1.0's ownership rules, simplified: the SSL owns one reference to each distinct BIO it holds, and
 * releases the old ones it does not keep. */
void SSL_set_bio(SSL *s, BIO *rbio, BIO *wbio)
{
    free_bios(s, rbio, wbio);
    s->rbio = rbio;
    s->wbio = wbio;
}

BIO *SSL_get_rbio(const SSL *s)
{
    return s->rbio;
}

BIO *SSL_get_wbio(const SSL *s)
{
    return s->wbio;
}

static BIO *socket_bio(int fd)
{
    BIO *b = BIO_new_socket(fd, BIO_NOCLOSE);
    if (b == NULL) {
        NTLS_SSLERR(ERR_R_BUF_LIB);
    }
    return b;
}

int SSL_set_fd(SSL *s, int fd)
{
    BIO *b = socket_bio(fd);
    if (b == NULL) {
        return 0;
    }
    SSL_set_bio(s, b, b);
    return 1;
}

int SSL_set_rfd(SSL *s, int fd)
{
    BIO *b = socket_bio(fd);
    if (b == NULL) {
        return 0;
    }
    SSL_set_bio(s, b, s->wbio);
    return 1;
}

int SSL_set_wfd(SSL *s, int fd)
{
    BIO *b = socket_bio(fd);
    if (b == NULL) {
        return 0;
    }
    SSL_set_bio(s, s->rbio, b);
    return 1;
}

static int bio_fd(BIO *b)
{
    int fd = -1;
    if (b == NULL || BIO_get_fd(b, &fd) < 0) {
        return -1;
    }
    return fd;
}

int SSL_get_rfd(const SSL *s)
{
    return bio_fd(s->rbio);
}

int SSL_get_wfd(const SSL *s)
{
    return bio_fd(s->wbio);
}

int SSL_get_fd(const SSL *s)
{
    return SSL_get_rfd(s);
}

/* ---------------------------------------------------------------------------------------------------- */
/* What was negotiated */

int SSL_version(const SSL *s)
{
    (void)s;
    return TLS1_VERSION;
}

const char *SSL_get_version(const SSL *s)
{
    (void)s;
    return "TLSv1";
}

const SSL_CIPHER *SSL_get_current_cipher(const SSL *s)
{
    const struct ntls_suite *suite = s->conn != NULL ? ntls_conn_suite(s->conn) : NULL;
    return suite != NULL ? ntls_compat_cipher(suite) : NULL;
}

/* The peer's certificates as X509 objects, made once after the handshake. OpenSSL's chain starts with
 * the leaf on a client and leaves it out on a server. */
static void load_peer(SSL *s)
{
    size_t n = 0;
    struct ntls_x509_cert *const *chain = s->conn != NULL ? ntls_conn_peer_chain(s->conn, &n) : NULL;
    if (s->peer_leaf != NULL || n == 0 || (s->peer_chain = sk_X509_new_null()) == NULL) {
        return;
    }
    for (size_t i = 0; i < n; i++) {
        const unsigned char *p = chain[i]->der;
        X509 *x = d2i_X509(NULL, &p, (long)chain[i]->der_len);
        if (x == NULL) {
            break;
        }
        if (i == 0) {
            s->peer_leaf = x;
            if (s->server) {
                continue;
            }
            X509_up_ref(x);
        }
        if (sk_X509_push(s->peer_chain, x) == 0) {
            X509_free(x);
            break;
        }
    }
}

STACK_OF(X509) *SSL_get_peer_cert_chain(const SSL *s)
{
    load_peer((SSL *)s); /* a cache filled on first use */
    return s->peer_chain;
}

X509 *SSL_get_peer_certificate(const SSL *s)
{
    load_peer((SSL *)s);
    if (s->peer_leaf != NULL) {
        X509_up_ref(s->peer_leaf);
    }
    return s->peer_leaf;
}

long SSL_get_verify_result(const SSL *s)
{
    return s->verify_result;
}

void SSL_set_verify_result(SSL *s, long v)
{
    s->verify_result = v;
}

const char *SSL_get_servername(const SSL *s, const int type)
{
    if (type != TLSEXT_NAMETYPE_host_name) {
        return NULL;
    }
    if (s->conn != NULL) {
        return ntls_conn_server_name(s->conn);
    }
    return s->server ? NULL : s->hostname;
}

int SSL_get_servername_type(const SSL *s)
{
    return SSL_get_servername(s, TLSEXT_NAMETYPE_host_name) != NULL ? TLSEXT_NAMETYPE_host_name : -1;
}

static size_t copy_random(const uint8_t *r, unsigned char *out, size_t outlen)
{
    enum { RANDOM_LEN = 32 }; /* RFC 2246 7.4.1.2 */
    if (outlen == 0) {
        return RANDOM_LEN;
    }
    size_t n = outlen < RANDOM_LEN ? outlen : RANDOM_LEN;
    if (r != NULL) {
        memcpy(out, r, n);
    } else {
        memset(out, 0, n);
    }
    return n;
}

size_t SSL_get_client_random(const SSL *s, unsigned char *out, size_t outlen)
{
    return copy_random(s->conn != NULL ? ntls_conn_client_random(s->conn) : NULL, out, outlen);
}

size_t SSL_get_server_random(const SSL *s, unsigned char *out, size_t outlen)
{
    return copy_random(s->conn != NULL ? ntls_conn_server_random(s->conn) : NULL, out, outlen);
}
