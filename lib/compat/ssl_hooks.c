/* nettls: the engine's hooks (struct ntls_config) as OpenSSL's callbacks: the info and message callbacks,
 * the server name callback, peer verification and the new-session callback. Each hook finds its SSL with
 * ntls_conn_user(). */
#include <stdlib.h>

#include <openssl/ssl.h>
#include <openssl/x509.h>
#include <openssl/x509_vfy.h>

#include "core/alert.h"
#include "core/session.h"
#include "ssl_local.h"
#include "x509_local.h"

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
    int alert = (int)ntls_alert_level_for(detail) << 8 | detail;
    switch (ev) {
    case NTLS_EV_HANDSHAKE_START:
        ntls_compat_sess_event(s, false);
        info(s, SSL_CB_HANDSHAKE_START, 1);
        break;
    case NTLS_EV_HANDSHAKE_DONE:
        ntls_compat_state_done(s);
        ntls_compat_sess_event(s, true);
        info(s, SSL_CB_HANDSHAKE_DONE, 1);
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
    ntls_compat_sess_message(s, sent, ctype, data, len);
    ntls_compat_state_message(s, sent, ctype, data, len);
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

/* The application's verify callback sees each step of the native verifier through an X509_STORE_CTX of
 * the crypto half, filled in with exported functions only (the two halves share no native state): the
 * error, depth and current certificate as X509 objects, the chain so far, and the SSL under
 * SSL_get_ex_data_X509_STORE_CTX_idx(). What the callback leaves in X509_STORE_CTX_get_error() goes back
 * to the verifier (man SSL_CTX_set_verify). */
struct verify_bridge {
    SSL *ssl;
    X509_STORE_CTX *sctx;
    const struct ntls_x509_cert **native; /* native[i] is the certificate of objs[i] */
    X509 **objs;
    size_t count, cap;
    bool refused; /* the callback returned 0 for a certificate that had passed (preverify_ok 1) */
};

static X509 *bridge_x509(struct verify_bridge *vb, const struct ntls_x509_cert *c)
{
    if (c == NULL) {
        return NULL;
    }
    for (size_t i = 0; i < vb->count; i++) {
        if (vb->native[i] == c) {
            return vb->objs[i];
        }
    }
    if (vb->count == vb->cap) {
        size_t cap = vb->cap == 0 ? 8 : vb->cap * 2;
        const struct ntls_x509_cert **n = realloc(vb->native, cap * sizeof *n);
        if (n == NULL) {
            return NULL;
        }
        vb->native = n;
        X509 **o = realloc(vb->objs, cap * sizeof *o);
        if (o == NULL) {
            return NULL;
        }
        vb->objs = o;
        vb->cap = cap;
    }
    const unsigned char *p = c->der;
    X509 *x = d2i_X509(NULL, &p, (long)c->der_len);
    if (x != NULL) {
        vb->native[vb->count] = c;
        vb->objs[vb->count++] = x;
    }
    return x;
}

static void bridge_chain(struct verify_bridge *vb, const struct ntls_x509_verify_ctx *vctx)
{
    STACK_OF(X509) *cur = X509_STORE_CTX_get0_chain(vb->sctx);
    if (cur != NULL && (size_t)sk_X509_num(cur) == vctx->chain_len) {
        return;
    }
    STACK_OF(X509) *sk = sk_X509_new_null();
    for (size_t i = 0; sk != NULL && i < vctx->chain_len; i++) {
        X509 *x = bridge_x509(vb, vctx->chain[i]);
        if (x != NULL && sk_X509_push(sk, x)) {
            X509_up_ref(x);
        }
    }
    X509_STORE_CTX_set0_verified_chain(vb->sctx, sk);
}

static void bridge_free(struct verify_bridge *vb)
{
    X509_STORE_CTX_free(vb->sctx);
    for (size_t i = 0; i < vb->count; i++) {
        X509_free(vb->objs[i]);
    }
    free(vb->objs);
    free(vb->native);
}

static int app_verify_cb(int ok, struct ntls_x509_verify_ctx *vctx)
{
    struct verify_bridge *vb = vctx->user;
    X509_STORE_CTX *sctx = vb->sctx;
    /* The verifier numbers codes as OpenSSL 3.0; 1.1.0, which nettls claims, calls an invalid CA 24. */
    X509_STORE_CTX_set_error(sctx, vctx->error == NTLS_X509_V_ERR_INVALID_CA ? X509_V_ERR_INVALID_CA
                                                                           : vctx->error);
    X509_STORE_CTX_set_error_depth(sctx, vctx->error_depth);
    X509_STORE_CTX_set_current_cert(sctx, bridge_x509(vb, vctx->current_cert));
    bridge_chain(vb, vctx);
    int ret = vb->ssl->set.verify_cb(ok, sctx);
    if (ok && !ret) {
        vb->refused = true;
    }
    int err = X509_STORE_CTX_get_error(sctx);
    vctx->error = err == X509_V_ERR_INVALID_CA ? NTLS_X509_V_ERR_INVALID_CA : err;
    return ret;
}

/* Verification parameters (man SSL_set1_host, SSL_CTX_get0_param). The X509_VERIFY_PARAM objects belong to
 * the crypto half and are changed only through its exported functions; verify_peer reads their native
 * parameters (x509_local.h) and deep-copies them with this half's code. An SSL gets its own copy of the
 * context's parameters when it first asks for them; until then it verifies with the context's. */
X509_VERIFY_PARAM *SSL_CTX_get0_param(SSL_CTX *ctx)
{
    if (ctx->param == NULL) {
        ctx->param = X509_VERIFY_PARAM_new();
    }
    return ctx->param;
}

X509_VERIFY_PARAM *SSL_get0_param(SSL *ssl)
{
    if (ssl->param == NULL) {
        ssl->param = X509_VERIFY_PARAM_new();
        if (ssl->param != NULL && ssl->ctx->param != NULL &&
            X509_VERIFY_PARAM_set1(ssl->param, ssl->ctx->param) != 1) {
            X509_VERIFY_PARAM_free(ssl->param);
            ssl->param = NULL;
        }
    }
    return ssl->param;
}

int SSL_CTX_set1_param(SSL_CTX *ctx, X509_VERIFY_PARAM *vpm)
{
    X509_VERIFY_PARAM *p = SSL_CTX_get0_param(ctx);
    return p != NULL ? X509_VERIFY_PARAM_set1(p, vpm) : 0;
}

int SSL_set1_param(SSL *ssl, X509_VERIFY_PARAM *vpm)
{
    X509_VERIFY_PARAM *p = SSL_get0_param(ssl);
    return p != NULL ? X509_VERIFY_PARAM_set1(p, vpm) : 0;
}

/* The server's certificate must then match hostname (RFC 6125); NULL clears the names. */
int SSL_set1_host(SSL *s, const char *hostname)
{
    X509_VERIFY_PARAM *p = SSL_get0_param(s);
    return p != NULL ? X509_VERIFY_PARAM_set1_host(p, hostname, 0) : 0;
}

int SSL_add1_host(SSL *s, const char *hostname)
{
    X509_VERIFY_PARAM *p = SSL_get0_param(s);
    return p != NULL ? X509_VERIFY_PARAM_add1_host(p, hostname, 0) : 0;
}

void SSL_set_hostflags(SSL *s, unsigned int flags)
{
    X509_VERIFY_PARAM *p = SSL_get0_param(s);
    if (p != NULL) {
        X509_VERIFY_PARAM_set_hostflags(p, flags);
    }
}

/* OpenSSL keeps the SSL at a fixed index of the store context's ex_data; nettls reserves index 0. */
int SSL_get_ex_data_X509_STORE_CTX_idx(void)
{
    return 0;
}

/* The alert for a verification error, as 1.1.0's ssl_verify_alarm_type() chooses it (RFC 2246 7.2.2);
 * codes nettls never reports (CRLs, revocation, DANE) are left to the default. */
static enum ntls_err verify_alarm(long code)
{
    switch (code) {
    case X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT:
    case X509_V_ERR_DEPTH_ZERO_SELF_SIGNED_CERT:
    case X509_V_ERR_SELF_SIGNED_CERT_IN_CHAIN:
    case X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT_LOCALLY:
    case X509_V_ERR_UNABLE_TO_VERIFY_LEAF_SIGNATURE:
    case X509_V_ERR_CERT_CHAIN_TOO_LONG:
    case X509_V_ERR_PATH_LENGTH_EXCEEDED:
    case X509_V_ERR_INVALID_CA:
        return NTLS_E_UNKNOWN_CA;
    case X509_V_ERR_UNABLE_TO_DECRYPT_CERT_SIGNATURE:
    case X509_V_ERR_UNABLE_TO_DECODE_ISSUER_PUBLIC_KEY:
    case X509_V_ERR_ERROR_IN_CERT_NOT_BEFORE_FIELD:
    case X509_V_ERR_ERROR_IN_CERT_NOT_AFTER_FIELD:
    case X509_V_ERR_CERT_NOT_YET_VALID:
    case X509_V_ERR_CERT_UNTRUSTED:
    case X509_V_ERR_CERT_REJECTED:
    case X509_V_ERR_HOSTNAME_MISMATCH:
    case X509_V_ERR_EMAIL_MISMATCH:
    case X509_V_ERR_IP_ADDRESS_MISMATCH:
    case X509_V_ERR_EE_KEY_TOO_SMALL:
    case X509_V_ERR_CA_KEY_TOO_SMALL:
    case X509_V_ERR_CA_MD_TOO_WEAK:
        return NTLS_E_BAD_CERTIFICATE;
    case X509_V_ERR_CERT_SIGNATURE_FAILURE:
        return NTLS_E_DECRYPT_ERROR;
    case X509_V_ERR_CERT_HAS_EXPIRED:
        return NTLS_E_CERT_EXPIRED;
    case X509_V_ERR_UNSPECIFIED:
    case X509_V_ERR_OUT_OF_MEM:
    case X509_V_ERR_INVALID_CALL:
    case X509_V_ERR_STORE_LOOKUP:
        return NTLS_E_INTERNAL;
    case X509_V_ERR_APPLICATION_VERIFICATION:
        return NTLS_E_HANDSHAKE_FAILURE;
    case X509_V_ERR_INVALID_PURPOSE:
        return NTLS_E_UNSUPPORTED_CERTIFICATE;
    default:
        return NTLS_E_CERT_UNKNOWN;
    }
}

/* OpenSSL's ssl_verify_cert_chain: the peer's chain is checked against the context's trust store for the
 * purpose of the peer's role, whatever the verify mode; SSL_get_verify_result() reports the outcome, and
 * only with SSL_VERIFY_PEER does a failure end the handshake, with the alert verify_alarm() gives. A callback
 * that refuses a chain the verifier accepted leaves X509_V_ERR_UNSPECIFIED (1.1.0's X509_verify_cert
 * safety net) and is answered with access_denied (RFC 2246 7.2.2: a valid certificate, but the
 * application would not proceed). */
static enum ntls_err verify_peer(struct ntls_conn *c, struct ntls_x509_cert *const *chain, size_t n)
{
    SSL *s = ssl_of(c);
    struct ntls_x509_vparams params;
    ntls_x509_vparams_init(&params);
    const X509_VERIFY_PARAM *vp = s->param != NULL ? s->param : s->ctx->param;
    if (vp != NULL && !ntls_is_ok(ntls_x509_vparams_copy(&params, &vp->p))) {
        return NTLS_E_NOMEM;
    }
    if (vp == NULL || s->set.verify_depth >= 0) {
        params.depth = s->set.verify_depth;
    }
    if (s->ctx->x509_store != NULL) { /* SSL_CTX_get_cert_store's flags, as X509_STORE_CTX_init inherits */
        params.flags |= s->ctx->x509_store->param.p.flags;
    }
    if (params.purpose == NTLS_X509_PURPOSE_NONE) {
        /* OpenSSL's default for the peer's role (ssl_verify_cert_chain) */
        ntls_result pr = ntls_x509_vparams_set_purpose(&params, s->server ? NTLS_X509_PURPOSE_SSL_CLIENT
                                                                          : NTLS_X509_PURPOSE_SSL_SERVER);
        (void)pr; /* both purposes are implemented */
    }
    struct verify_bridge vb = { .ssl = s };
    struct ntls_x509_verify_ctx vctx;
    ntls_x509_verify_ctx_init(&vctx);
    vctx.store = s->ctx->store;
    vctx.leaf = chain[0];
    vctx.untrusted = (const struct ntls_x509_cert *const *)(chain + 1);
    vctx.untrusted_count = n - 1;
    vctx.params = &params;
    if (s->set.verify_cb != NULL) {
        vb.sctx = X509_STORE_CTX_new();
        if (vb.sctx == NULL) {
            ntls_x509_vparams_free(&params);
            return NTLS_E_NOMEM;
        }
        (void)X509_STORE_CTX_set_ex_data(vb.sctx, SSL_get_ex_data_X509_STORE_CTX_idx(), s);
        X509_STORE_CTX_set_cert(vb.sctx, bridge_x509(&vb, chain[0]));
        vctx.verify_cb = app_verify_cb;
        vctx.user = &vb;
    }
    ntls_result r = ntls_x509_verify(&vctx);
    /* The verifier numbers codes as OpenSSL 3.0; 1.1.0, which nettls claims, calls an invalid CA 24. */
    s->verify_result = vctx.error == NTLS_X509_V_ERR_INVALID_CA ? X509_V_ERR_INVALID_CA : vctx.error;
    enum ntls_err err = r.err == NTLS_E_NOMEM ? r.err : verify_alarm(s->verify_result);
    if (!ntls_is_ok(r) && vb.refused) {
        err = NTLS_E_ACCESS_DENIED;
    }
    bridge_free(&vb);
    ntls_x509_verify_ctx_cleanup(&vctx);
    ntls_x509_vparams_free(&params);
    if (!ntls_is_ok(r) && (s->set.verify_mode & SSL_VERIFY_PEER)) {
        s->verify_failed = true;
        return err;
    }
    return NTLS_E_OK;
}

/* OpenSSL calls the new-session callback when the cache mode covers the connection's side; a callback
 * that returns 1 keeps the reference it was given. */
static void on_new_session(struct ntls_conn *c, struct ntls_session *sess)
{
    SSL *s = ssl_of(c);
    ntls_compat_sess_new(s, sess);
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
    cfg->on_cert_request = ntls_compat_on_cert_request;
}
