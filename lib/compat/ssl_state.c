/* nettls: the connection's life: making the engine connection, the role, closure (RFC 2246 7.2.1) and
 * SSL_get_error(). */
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include <openssl/bio.h>
#include <openssl/err.h>
#include <openssl/ssl.h>
#include <openssl/x509.h>

#include "core/session.h"
#include "ssl_io.h"
#include "ssl_local.h"

static unsigned config_flags(const SSL *s)
{
    unsigned flags = 0;
    if (s->set.options & SSL_OP_DONT_INSERT_EMPTY_FRAGMENTS) {
        flags |= NTLS_CFG_NO_CBC_SPLIT;
    }
    if (s->set.options & SSL_OP_CIPHER_SERVER_PREFERENCE) {
        flags |= NTLS_CFG_SERVER_PREFERENCE;
    }
    if (s->server && (s->set.verify_mode & SSL_VERIFY_PEER)) {
        flags |= NTLS_CFG_VERIFY_CLIENT;
        if (s->set.verify_mode & SSL_VERIFY_FAIL_IF_NO_PEER_CERT) {
            flags |= NTLS_CFG_REQUIRE_CLIENT_CERT;
        }
    }
    long mode = s->ctx->cache_mode;
    /* SSL_SESS_CACHE_NO_INTERNAL still makes session ids, for an external cache: ssl_sess_cache.c keeps
     * such sessions out of the internal cache and brings the get callback's in. */
    if (!(mode & SSL_SESS_CACHE_SERVER)) {
        flags |= NTLS_CFG_NO_SESSION_CACHE;
    }
    return flags;
}

/* A server's CertificateRequest names the CAs of SSL_CTX_set_client_CA_list(): their DER, copied into one
 * allocation the SSL owns (the context's list may change while the connection runs). */
static bool build_ca_names(SSL *s)
{
    STACK_OF(X509_NAME) *names = s->ctx->client_ca;
    int n = sk_X509_NAME_num(names);
    if (!s->server || n <= 0) {
        return true;
    }
    size_t total = (size_t)n * sizeof(struct ntls_cur);
    for (int i = 0; i < n; i++) {
        int len = i2d_X509_NAME(sk_X509_NAME_value(names, i), NULL);
        total += len > 0 ? (size_t)len : 0;
    }
    s->ca_names = malloc(total);
    if (s->ca_names == NULL) {
        return false;
    }
    unsigned char *p = (unsigned char *)(s->ca_names + n);
    for (int i = 0; i < n; i++) {
        unsigned char *start = p;
        int len = i2d_X509_NAME(sk_X509_NAME_value(names, i), &p);
        s->ca_names[i] = ntls_cur_init(start, len > 0 ? (size_t)len : 0);
    }
    s->cfg.ca_names = s->ca_names;
    s->cfg.nca_names = (size_t)n;
    return true;
}

static void build_config(SSL *s)
{
    struct ntls_config *cfg = &s->cfg; /* the identity is already there (ssl.c) */
    SSL_CTX *ctx = s->ctx;
    memcpy(cfg->suites, s->set.suites, s->set.nsuites * sizeof cfg->suites[0]);
    cfg->nsuites = s->set.nsuites;
    cfg->flags = config_flags(s);
    cfg->cache = ctx->cache;
    cfg->session_timeout = ctx->timeout <= 0 ? 0 : ctx->timeout > (long)UINT32_MAX ? UINT32_MAX
                                                                                   : (uint32_t)ctx->timeout;
    memcpy(cfg->sid_ctx, ctx->sid_ctx, ctx->sid_ctx_len);
    cfg->sid_ctx_len = ctx->sid_ctx_len;
    cfg->max_cert_list = s->set.max_cert_list > 0 ? (size_t)s->set.max_cert_list : 0;
    ntls_compat_kx_config(s); /* groups and DH parameters (ssl_kx.c) */
    ntls_compat_hooks_install(cfg);
}

int ntls_compat_conn_make(SSL *s)
{
    build_config(s);
    if (!build_ca_names(s)) {
        NTLS_SSLERR(ERR_R_MALLOC_FAILURE);
        return 0;
    }
    s->conn = ntls_conn_new(&s->cfg, s->server);
    if (s->conn == NULL) {
        NTLS_SSLERR(ERR_R_MALLOC_FAILURE);
        return 0;
    }
    ntls_conn_set_user(s->conn, s);
    if (s->server) {
        return 1;
    }
    if (s->hostname != NULL && !ntls_is_ok(ntls_conn_set_server_name(s->conn, s->hostname))) {
        NTLS_SSLERR(SSL_R_SSL3_EXT_INVALID_SERVERNAME);
        return 0;
    }
    /* 1.1.0 offers a session only while it is resumable. */
    if (s->offer != NULL && !s->offer->not_resumable && s->offer->id_len > 0) {
        ntls_conn_set_session(s->conn, s->offer);
    }
    return 1;
}

void SSL_set_connect_state(SSL *s)
{
    s->server = false;
    s->role_set = true;
    s->shutdown = 0;
}

void SSL_set_accept_state(SSL *s)
{
    s->server = true;
    s->role_set = true;
    s->shutdown = 0;
}

int SSL_is_server(SSL *s)
{
    return s->server ? 1 : 0;
}

/* 1.1.0: a role chosen before (SSL_set_accept_state) stays. */
int SSL_connect(SSL *s)
{
    if (!s->role_set) {
        SSL_set_connect_state(s);
    }
    return SSL_do_handshake(s);
}

int SSL_accept(SSL *s)
{
    if (!s->role_set) {
        SSL_set_accept_state(s);
    }
    return SSL_do_handshake(s);
}

int SSL_in_init(SSL *s)
{
    return s->conn == NULL || !ntls_conn_handshake_done(s->conn);
}

int SSL_in_before(SSL *s)
{
    return s->conn == NULL;
}

int SSL_is_init_finished(SSL *s)
{
    return !SSL_in_init(s);
}

int SSL_want(const SSL *s)
{
    return s->rwstate;
}

/* ---------------------------------------------------------------------------------------------------- */
/* Closure */

static bool received(SSL *s)
{
    return ntls_conn_close_received(s->conn) || (s->shutdown & SSL_RECEIVED_SHUTDOWN);
}

static bool has_app_data(SSL *s)
{
    return (ntls_conn_state(s->conn) & NTLS_ST_RECVAPP) != 0 || ntls_conn_close_received(s->conn);
}

/* Reads until the peer's close_notify, throwing away application data still on its way. */
static int await_close_notify(SSL *s)
{
    while (ntls_compat_pump_until(s, has_app_data) == NTLS_PUMP_OK) {
        size_t len;
        if (ntls_conn_close_received(s->conn)) {
            return 1;
        }
        if (ntls_conn_recvapp_buf(s->conn, &len) != NULL) {
            ntls_conn_recvapp_ack(s->conn, len);
        }
    }
    return -1;
}

/* 1.1.0's ssl3_shutdown: the first call sends close_notify and returns 0 (1 if the peer's has already
 * arrived); a later call writes what is still pending, or waits for the peer's close_notify and returns
 * 1. A failed connection gives -1 with its error. */
int SSL_shutdown(SSL *s)
{
    s->rwstate = SSL_NOTHING;
    if (!s->role_set) {
        NTLS_SSLERR(SSL_R_UNINITIALIZED);
        return -1;
    }
    if (s->conn == NULL || !ntls_conn_handshake_done(s->conn)) {
        NTLS_SSLERR(SSL_R_SHUTDOWN_WHILE_IN_INIT);
        return -1;
    }
    if (!(s->shutdown & SSL_SENT_SHUTDOWN)) {
        s->shutdown |= SSL_SENT_SHUTDOWN;
        ntls_conn_close(s->conn); /* RFC 2246 7.2.1 */
        if (ntls_compat_pump_until(s, ntls_compat_flushed) != NTLS_PUMP_OK) {
            return -1;
        }
    } else if (!ntls_compat_flushed(s) || ntls_conn_last_error(s->conn) != NTLS_E_OK) {
        if (ntls_compat_pump_until(s, ntls_compat_flushed) != NTLS_PUMP_OK) {
            return -1;
        }
    } else if (!received(s) && await_close_notify(s) != 1) {
        return -1;
    }
    ntls_compat_idle(s);
    return received(s) ? 1 : 0;
}

void SSL_set_shutdown(SSL *s, int mode)
{
    s->shutdown = mode;
}

int SSL_get_shutdown(const SSL *s)
{
    int mode = s->shutdown;
    if (s->conn != NULL) {
        mode |= ntls_conn_close_sent(s->conn) ? SSL_SENT_SHUTDOWN : 0;
        bool got = ntls_conn_close_received(s->conn) || ntls_conn_alert_received(s->conn) >= 0;
        mode |= got ? SSL_RECEIVED_SHUTDOWN : 0;
    }
    return mode;
}

/* 1.1.0's order: anything in the error queue wins, then a BIO that asked for a retry, then close_notify;
 * what is left is a transport problem (errno, or 0 for EOF without close_notify). */
int SSL_get_error(const SSL *s, int ret_code)
{
    if (ret_code > 0) {
        return SSL_ERROR_NONE;
    }
    unsigned long l = ERR_peek_error();
    if (l != 0) {
        return ERR_GET_LIB(l) == ERR_LIB_SYS ? SSL_ERROR_SYSCALL : SSL_ERROR_SSL;
    }
    if (s->rwstate == SSL_READING && s->rbio != NULL && BIO_should_read(s->rbio)) {
        return SSL_ERROR_WANT_READ;
    }
    if (s->rwstate == SSL_WRITING && s->wbio != NULL && BIO_should_write(s->wbio)) {
        return SSL_ERROR_WANT_WRITE;
    }
    if (s->conn != NULL && ntls_conn_close_received(s->conn)) {
        return SSL_ERROR_ZERO_RETURN;
    }
    return SSL_ERROR_SYSCALL;
}
