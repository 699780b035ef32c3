/* nettls: the engine's hooks (struct ntls_config) as OpenSSL's callbacks: the info and message callbacks,
 * the server name callback, peer verification and the new-session callback. Each hook finds its SSL with
 * ntls_conn_user(). */
#include <openssl/ssl.h>
#include <openssl/x509.h>

#include "core/alert.h"
#include "core/session.h"
#include "ssl_local.h"

static SSL *ssl_of(struct ntls_conn *c)
{
    return ntls_conn_user(c);
}

static void info(SSL *s, int where, int val)
{
    if (s->set.info_cb != NULL) {
        s->set.info_cb(s, where, val);
    }
}

static void on_event(struct ntls_conn *c, enum ntls_event ev, uint8_t detail)
{
    SSL *s = ssl_of(c);
    int loop = s->server ? SSL_CB_ACCEPT_LOOP : SSL_CB_CONNECT_LOOP;
    int alert = (int)ntls_alert_level_for(detail) << 8 | detail;
    switch (ev) {
    case NTLS_EV_HANDSHAKE_START:
        info(s, SSL_CB_HANDSHAKE_START, 1);
        break;
    case NTLS_EV_HANDSHAKE_DONE:
        info(s, SSL_CB_HANDSHAKE_DONE, 1);
        break;
    case NTLS_EV_MESSAGE_SENT:
    case NTLS_EV_MESSAGE_RECEIVED:
        info(s, loop, 1);
        break;
    case NTLS_EV_ALERT_SENT:
        info(s, SSL_CB_WRITE_ALERT, alert);
        break;
    case NTLS_EV_ALERT_RECEIVED:
        info(s, SSL_CB_READ_ALERT, alert);
        break;
    default:
        break;
    }
}

static void on_message(struct ntls_conn *c, bool sent, uint8_t ctype, const uint8_t *data, size_t len)
{
    SSL *s = ssl_of(c);
    if (s->set.msg_cb != NULL) {
        s->set.msg_cb(sent ? 1 : 0, TLS1_VERSION, ctype, data, len, s, s->set.msg_arg);
    }
}

/* The error whose alert best carries what the callback asked for (the engine sends one alert per error). */
static enum ntls_err alert_error(int alert)
{
    switch (alert) {
    case SSL_AD_INTERNAL_ERROR:
        return NTLS_E_INTERNAL;
    case SSL_AD_ACCESS_DENIED:
        return NTLS_E_ACCESS_DENIED;
    case SSL_AD_ILLEGAL_PARAMETER:
        return NTLS_E_ILLEGAL_PARAMETER;
    case SSL_AD_DECODE_ERROR:
        return NTLS_E_DECODE;
    case SSL_AD_UNRECOGNIZED_NAME:
        return NTLS_E_UNRECOGNIZED_NAME;
    default:
        return NTLS_E_HANDSHAKE_FAILURE;
    }
}

static enum ntls_err on_server_name(struct ntls_conn *c, const char *host)
{
    SSL *s = ssl_of(c);
    (void)host;
    if (s->ctx->servername_cb == NULL) {
        return NTLS_E_OK;
    }
    int alert = SSL_AD_UNRECOGNIZED_NAME;
    int r = s->ctx->servername_cb(s, &alert, s->ctx->servername_arg);
    if (r == SSL_TLSEXT_ERR_ALERT_FATAL) {
        return alert_error(alert);
    }
    return NTLS_E_OK;
}

/* The application's verify callback sees each step of the native verifier. The X509_STORE_CTX it is given
 * is the native verification context; nettls exports no X509_STORE_CTX accessors yet, so a callback can
 * only use preverify_ok. */
static int app_verify_cb(int ok, struct ntls_x509_verify_ctx *vctx)
{
    SSL *s = vctx->user;
    return s->set.verify_cb(ok, (X509_STORE_CTX *)(void *)vctx);
}

/* OpenSSL's ssl_verify_cert_chain: the peer's chain is checked against the context's trust store for the
 * purpose of the peer's role, whatever the verify mode; SSL_get_verify_result() reports the outcome, and
 * only with SSL_VERIFY_PEER does a failure end the handshake (with the alert its class gives). */
static enum ntls_err verify_peer(struct ntls_conn *c, struct ntls_x509_cert *const *chain, size_t n)
{
    SSL *s = ssl_of(c);
    struct ntls_x509_vparams params;
    ntls_x509_vparams_init(&params);
    params.depth = s->set.verify_depth;
    ntls_result pr = ntls_x509_vparams_set_purpose(&params, s->server ? NTLS_X509_PURPOSE_SSL_CLIENT
                                                                      : NTLS_X509_PURPOSE_SSL_SERVER);
    (void)pr; /* both purposes are implemented */
    struct ntls_x509_verify_ctx vctx;
    ntls_x509_verify_ctx_init(&vctx);
    vctx.store = s->ctx->store;
    vctx.leaf = chain[0];
    vctx.untrusted = (const struct ntls_x509_cert *const *)(chain + 1);
    vctx.untrusted_count = n - 1;
    vctx.params = &params;
    vctx.verify_cb = s->set.verify_cb != NULL ? app_verify_cb : NULL;
    vctx.user = s;
    ntls_result r = ntls_x509_verify(&vctx);
    /* The verifier numbers codes as OpenSSL 3.0; 1.1.0, which nettls claims, calls an invalid CA 24. */
    s->verify_result = vctx.error == NTLS_X509_V_ERR_INVALID_CA ? X509_V_ERR_INVALID_CA : vctx.error;
    ntls_x509_verify_ctx_cleanup(&vctx);
    ntls_x509_vparams_free(&params);
    if (!ntls_is_ok(r) && (s->set.verify_mode & SSL_VERIFY_PEER)) {
        s->verify_failed = true;
        return r.err;
    }
    return NTLS_E_OK;
}

/* OpenSSL calls the new-session callback when the cache mode covers the connection's side; a callback
 * that returns 1 keeps the reference it was given. */
static void on_new_session(struct ntls_conn *c, struct ntls_session *sess)
{
    SSL *s = ssl_of(c);
    long side = s->server ? SSL_SESS_CACHE_SERVER : SSL_SESS_CACHE_CLIENT;
    if (s->ctx->new_session_cb == NULL || !(s->ctx->cache_mode & side)) {
        return;
    }
    ntls_session_ref(sess);
    if (!s->ctx->new_session_cb(s, ntls_compat_ssl_session(sess))) {
        ntls_session_unref(sess);
    }
}

void ntls_compat_hooks_install(struct ntls_config *cfg)
{
    cfg->on_event = on_event;
    cfg->on_message = on_message;
    cfg->on_server_name = on_server_name;
    cfg->verify_peer = verify_peer;
    cfg->on_new_session = on_new_session;
}
