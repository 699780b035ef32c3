/* nettls: SSL_CTX: references, options, modes, version bounds, the session cache and the callbacks.
 *
 * A context's settings are copied into each SSL at SSL_new(), so after the first SSL_new() many threads
 * may share a context as long as nobody changes it. The session cache is the engine's, which locks. */
#include <stdlib.h>
#include <string.h>

#include <openssl/err.h>
#include <openssl/ssl.h>
#include <openssl/x509.h>

#include "base/mem.h"
#include "core/session.h"
#include "ssl_local.h"

void ntls_compat_ssl_error(int reason, const char *file, int line)
{
    ERR_put_error(ERR_LIB_SSL, 0, reason, file, line);
}

/* 1.1.0's defaults: no compression, connect to servers without RFC 5746 support. */
static const unsigned long default_options = SSL_OP_LEGACY_SERVER_CONNECT | SSL_OP_NO_COMPRESSION;

/* The cache let a session go (evicted, expired, flushed): OpenSSL's remove-session callback hears of it. */
static void cache_dropped(void *arg, struct ntls_session *s)
{
    ntls_compat_sess_removed(arg, s);
}

SSL_CTX *SSL_CTX_new(const SSL_METHOD *meth)
{
    if (meth == NULL) {
        NTLS_SSLERR(SSL_R_NULL_SSL_METHOD_PASSED);
        return NULL;
    }
    SSL_CTX *ctx = calloc(1, sizeof *ctx);
    if (ctx == NULL) {
        NTLS_SSLERR(ERR_R_MALLOC_FAILURE);
        return NULL;
    }
    atomic_init(&ctx->refs, 1);
    ctx->method = meth;
    ctx->set.options = default_options;
    ctx->set.verify_depth = -1;
    ctx->set.max_cert_list = SSL_MAX_CERT_LIST_DEFAULT;
    ctx->cache_mode = SSL_SESS_CACHE_SERVER;
    ctx->cache_size = SSL_SESSION_CACHE_MAX_SIZE_DEFAULT;
    ctx->timeout = NTLS_COMPAT_SESSION_TIMEOUT;
    ctx->set.nsuites = ntls_compat_cipher_list(SSL_DEFAULT_CIPHER_LIST, ctx->set.suites);
    ctx->cipher_stack = ntls_compat_cipher_stack(ctx->set.suites, ctx->set.nsuites);
    ctx->cache = ntls_session_cache_new((size_t)ctx->cache_size);
    if (ctx->set.nsuites == 0 || ctx->cipher_stack == NULL || ctx->cache == NULL) {
        SSL_CTX_free(ctx);
        NTLS_SSLERR(ERR_R_MALLOC_FAILURE);
        return NULL;
    }
    ntls_session_cache_set_drop_hook(ctx->cache, cache_dropped, ctx);
    return ctx;
}

int SSL_CTX_up_ref(SSL_CTX *ctx)
{
    atomic_fetch_add(&ctx->refs, 1);
    return 1;
}

void SSL_CTX_free(SSL_CTX *ctx)
{
    if (ctx == NULL || atomic_fetch_sub(&ctx->refs, 1) > 1) {
        return;
    }
    /* First, as OpenSSL flushes its sessions first: the remove callback may still look at the context. */
    ntls_session_cache_free(ctx->cache);
    sk_SSL_CIPHER_free(ctx->cipher_stack);
    ntls_compat_certs_unref(ctx->chain);
    ntls_compat_pkey_unref(ctx->pkey);
    ntls_compat_slots_release(ctx->slots);
    ntls_compat_dh_unref(ctx->dh);
    if (ctx->x509_store != NULL) {
        X509_STORE_free(ctx->x509_store); /* owns ctx->store (ssl_cert_store.c) */
    } else {
        ntls_x509_store_free(ctx->store);
    }
    X509_VERIFY_PARAM_free(ctx->param);
    sk_X509_NAME_pop_free(ctx->client_ca, X509_NAME_free);
    ntls_compat_exdata_free(&ctx->exdata);
    ntls_zeroize(ctx, sizeof *ctx);
    free(ctx);
}

unsigned long SSL_CTX_get_options(const SSL_CTX *ctx)
{
    return ctx->set.options;
}

unsigned long SSL_CTX_set_options(SSL_CTX *ctx, unsigned long op)
{
    return ctx->set.options |= op;
}

unsigned long SSL_CTX_clear_options(SSL_CTX *ctx, unsigned long op)
{
    return ctx->set.options &= ~op;
}

/* TLS 1.0 is left unless a bound or SSL_OP_NO_TLSv1 excludes it; fixed-version methods ignore both
 * (1.1.0's "fixed-version methods are not subject to controls that disable individual versions"). */
bool ntls_compat_tls10_allowed(const SSL_METHOD *m, const struct ntls_compat_settings *set)
{
    if (m->version != TLS_ANY_VERSION) {
        return true;
    }
    if (set->options & SSL_OP_NO_TLSv1) {
        return false;
    }
    return (set->min_version == 0 || set->min_version <= TLS1_VERSION) &&
           (set->max_version == 0 || set->max_version >= TLS1_VERSION);
}

/* 1.1.0's ssl_set_version_bound: 0 clears the bound; TLS methods take SSL3_VERSION..TLS_MAX_VERSION;
 * fixed-version methods take none. */
static long set_bound(const SSL_METHOD *m, int *bound, long version)
{
    if (version != 0) {
        if (m->version != TLS_ANY_VERSION || version < SSL3_VERSION || version > TLS_MAX_VERSION) {
            return 0;
        }
    }
    *bound = (int)version;
    return 1;
}

long ntls_compat_settings_ctrl(const SSL_METHOD *m, struct ntls_compat_settings *set, int cmd, long larg,
                               void *parg, bool *handled)
{
    long old;
    *handled = true;
    switch (cmd) {
    case SSL_CTRL_MODE:
        return (long)(set->mode |= (uint32_t)larg);
    case SSL_CTRL_CLEAR_MODE:
        return (long)(set->mode &= ~(uint32_t)larg);
    case SSL_CTRL_SET_MIN_PROTO_VERSION:
        return set_bound(m, &set->min_version, larg);
    case SSL_CTRL_SET_MAX_PROTO_VERSION:
        return set_bound(m, &set->max_version, larg);
    case SSL_CTRL_GET_MIN_PROTO_VERSION:
        return set->min_version;
    case SSL_CTRL_GET_MAX_PROTO_VERSION:
        return set->max_version;
    case SSL_CTRL_GET_MAX_CERT_LIST:
        return set->max_cert_list;
    case SSL_CTRL_SET_MAX_CERT_LIST:
        if (larg < 0) {
            return 0;
        }
        old = set->max_cert_list;
        set->max_cert_list = larg;
        return old;
    case SSL_CTRL_SET_MSG_CALLBACK_ARG:
        set->msg_arg = parg;
        return 1;
    case SSL_CTRL_GET_READ_AHEAD:
    case SSL_CTRL_SET_READ_AHEAD:
        return 0; /* the engine reads what the transport has; read-ahead changes nothing */
    default:
        *handled = false;
        return 0;
    }
}

static long cache_ctrl(SSL_CTX *ctx, int cmd, long larg)
{
    long old;
    switch (cmd) {
    case SSL_CTRL_SESS_NUMBER:
        return (long)ntls_session_cache_count(ctx->cache);
    case SSL_CTRL_SET_SESS_CACHE_SIZE:
        if (larg < 0) {
            return 0;
        }
        old = ctx->cache_size;
        ctx->cache_size = larg;
        ntls_session_cache_set_max(ctx->cache, (size_t)larg);
        return old;
    case SSL_CTRL_GET_SESS_CACHE_SIZE:
        return ctx->cache_size;
    case SSL_CTRL_SET_SESS_CACHE_MODE:
        old = ctx->cache_mode;
        ctx->cache_mode = larg;
        return old;
    case SSL_CTRL_GET_SESS_CACHE_MODE:
        return ctx->cache_mode;
    default:
        return ntls_compat_sess_stat(ctx, cmd); /* the SSL_CTRL_SESS_* statistics (ssl_sess_cache.c) */
    }
}

long SSL_CTX_ctrl(SSL_CTX *ctx, int cmd, long larg, void *parg)
{
    if (ctx == NULL) {
        return 0;
    }
    bool handled;
    long r = ntls_compat_settings_ctrl(ctx->method, &ctx->set, cmd, larg, parg, &handled);
    if (handled) {
        return r;
    }
    r = ntls_compat_kx_ctrl(ctx, &ctx->set, cmd, larg, parg, &handled); /* ssl_kx.c */
    if (handled) {
        return r;
    }
    if (cmd == SSL_CTRL_SET_TLSEXT_SERVERNAME_ARG) {
        ctx->servername_arg = parg;
        return 1;
    }
    return cache_ctrl(ctx, cmd, larg);
}

long SSL_CTX_callback_ctrl(SSL_CTX *ctx, int cmd, void (*fp)(void))
{
    switch (cmd) {
    case SSL_CTRL_SET_TLSEXT_SERVERNAME_CB:
        ctx->servername_cb = (ntls_compat_servername_cb)fp;
        return 1;
    case SSL_CTRL_SET_MSG_CALLBACK:
        ctx->set.msg_cb = (ntls_compat_msg_cb)fp;
        return 1;
    default:
        return 0;
    }
}

long SSL_CTX_set_timeout(SSL_CTX *ctx, long t)
{
    long old = ctx->timeout;
    ctx->timeout = t;
    return old;
}

long SSL_CTX_get_timeout(const SSL_CTX *ctx)
{
    return ctx->timeout;
}

void SSL_CTX_set_verify(SSL_CTX *ctx, int mode, SSL_verify_cb callback)
{
    ctx->set.verify_mode = mode;
    ctx->set.verify_cb = callback;
}

void SSL_CTX_set_verify_depth(SSL_CTX *ctx, int depth)
{
    ctx->set.verify_depth = depth;
}

int SSL_CTX_get_verify_mode(const SSL_CTX *ctx)
{
    return ctx->set.verify_mode;
}

int SSL_CTX_get_verify_depth(const SSL_CTX *ctx)
{
    return ctx->set.verify_depth;
}

int SSL_CTX_set_session_id_context(SSL_CTX *ctx, const unsigned char *sid_ctx, unsigned int sid_ctx_len)
{
    if (sid_ctx_len > NTLS_SID_CTX_MAX) {
        NTLS_SSLERR(SSL_R_SSL_SESSION_ID_CONTEXT_TOO_LONG);
        return 0;
    }
    if (sid_ctx_len > 0) {
        memcpy(ctx->sid_ctx, sid_ctx, sid_ctx_len);
    }
    ctx->sid_ctx_len = sid_ctx_len;
    return 1;
}

void SSL_CTX_sess_set_new_cb(SSL_CTX *ctx, int (*new_session_cb)(SSL *ssl, SSL_SESSION *sess))
{
    ctx->new_session_cb = new_session_cb;
}

int SSL_CTX_remove_session(SSL_CTX *ctx, SSL_SESSION *c)
{
    struct ntls_session *s = ntls_compat_session(c);
    if (s == NULL) {
        return 0;
    }
    s->not_resumable = true;
    bool had = ntls_session_cache_remove(ctx->cache, s->id, s->id_len);
    if (s->id_len > 0) {
        ntls_compat_sess_removed(ctx, s); /* 1.1.0 tells an external cache even when it was not cached */
    }
    return had ? 1 : 0;
}

/* Drops the sessions that have expired at time tm (seconds since the epoch); tm 0 drops them all. */
void SSL_CTX_flush_sessions(SSL_CTX *ctx, long tm)
{
    (void)ntls_session_cache_flush(ctx->cache, tm == 0 ? INT64_MAX : (int64_t)tm);
}

void SSL_CTX_set_info_callback(SSL_CTX *ctx, void (*cb)(const SSL *ssl, int type, int val))
{
    ctx->set.info_cb = cb;
}

void SSL_CTX_set_msg_callback(SSL_CTX *ctx, void (*cb)(int write_p, int version, int content_type,
                                                       const void *buf, size_t len, SSL *ssl, void *arg))
{
    ctx->set.msg_cb = cb;
}

void SSL_CTX_set_client_CA_list(SSL_CTX *ctx, STACK_OF(X509_NAME) *name_list)
{
    sk_X509_NAME_pop_free(ctx->client_ca, X509_NAME_free);
    ctx->client_ca = name_list;
}

STACK_OF(X509_NAME) *SSL_CTX_get_client_CA_list(const SSL_CTX *ctx)
{
    return ctx->client_ca;
}

int SSL_CTX_set_cipher_list(SSL_CTX *ctx, const char *str)
{
    uint16_t suites[NTLS_MAX_SUITES];
    size_t n = ntls_compat_cipher_list(str, suites);
    if (n == 0) {
        return 0;
    }
    STACK_OF(SSL_CIPHER) *stack = ntls_compat_cipher_stack(suites, n);
    if (stack == NULL) {
        NTLS_SSLERR(ERR_R_MALLOC_FAILURE);
        return 0;
    }
    sk_SSL_CIPHER_free(ctx->cipher_stack);
    ctx->cipher_stack = stack;
    memcpy(ctx->set.suites, suites, n * sizeof suites[0]);
    ctx->set.nsuites = n;
    return 1;
}

STACK_OF(SSL_CIPHER) *SSL_CTX_get_ciphers(const SSL_CTX *ctx)
{
    return ctx->cipher_stack;
}
