/* nettls: the session cache as SSL_CTX_sess_*(3) describe it: statistics, the new/remove/get callbacks
 * of an external cache, and the SSL_SESS_CACHE_NO_INTERNAL_* modes, over the engine's cache.
 *
 * The engine looks a server's offered session up in the context's cache while it handles the
 * ClientHello; the message hook sees that ClientHello first, so a session the get callback returns is put
 * into the cache just before the engine looks (and taken out again after the handshake when the internal
 * cache is not to keep it). */
#include <string.h>
#include <time.h>

#include <openssl/ssl.h>

#include "core/session.h"
#include "ssl_local.h"

enum { CT_HS = 22, HS_CLIENT_HELLO = 1 };

static void bump(SSL_CTX *ctx, int cmd)
{
    atomic_fetch_add(&ctx->sess_cbs.stats[cmd - SSL_CTRL_SESS_CONNECT], 1);
}

long ntls_compat_sess_stat(SSL_CTX *ctx, int cmd)
{
    if (cmd < SSL_CTRL_SESS_CONNECT || cmd > SSL_CTRL_SESS_CACHE_FULL) {
        return 0;
    }
    return atomic_load(&ctx->sess_cbs.stats[cmd - SSL_CTRL_SESS_CONNECT]);
}

/* RFC 2246 7.4.1.2: ClientHello = version(2) random(32) session_id<0..32> ...; data has the 4-byte
 * handshake header in front. Returns the offered id's length (0 for none or a short message). */
static size_t offered_id(const uint8_t *data, size_t len, const uint8_t **id)
{
    enum { ID_AT = 4 + 2 + 32 };
    if (len <= ID_AT || data[ID_AT] == 0 || data[ID_AT] > NTLS_SESSION_ID_MAX ||
        len < ID_AT + 1 + (size_t)data[ID_AT]) {
        return 0;
    }
    *id = data + ID_AT + 1;
    return data[ID_AT];
}

/* Asks the get callback for a session the internal cache does not have (or may not be asked for). */
static void external_lookup(SSL *s, const uint8_t *id, size_t id_len)
{
    SSL_CTX *ctx = s->ctx;
    bool found = false;
    if (!(ctx->cache_mode & SSL_SESS_CACHE_NO_INTERNAL_LOOKUP)) {
        /* Looked at without the clock, so that an expired entry is counted (the engine then drops it). */
        struct ntls_session *in = ntls_session_cache_find(ctx->cache, id, id_len, INT64_MIN);
        found = in != NULL && !ntls_session_expired(in, (int64_t)time(NULL));
        if (in != NULL && !found) {
            bump(ctx, SSL_CTRL_SESS_TIMEOUTS);
        }
        ntls_session_unref(in);
    }
    if (found || ctx->sess_cbs.get_cb == NULL) {
        return;
    }
    int copy = 1;
    SSL_SESSION *got = ctx->sess_cbs.get_cb(s, id, (int)id_len, &copy);
    if (got == NULL) {
        return;
    }
    struct ntls_session *sess = ntls_compat_session(got);
    if (copy) {
        ntls_session_ref(sess); /* the callback keeps its reference */
    }
    bool same_id = sess->id_len == id_len && memcmp(sess->id, id, id_len) == 0;
    if (same_id && ntls_is_ok(ntls_session_cache_add(ctx->cache, sess))) {
        s->sess_cb_hit = true;
    }
    ntls_session_unref(sess);
}

void ntls_compat_sess_message(SSL *s, bool sent, uint8_t ctype, const uint8_t *data, size_t len)
{
    const uint8_t *id = NULL;
    size_t id_len;
    if (!s->server || sent || ctype != CT_HS || len == 0 || data[0] != HS_CLIENT_HELLO ||
        (id_len = offered_id(data, len, &id)) == 0) {
        return;
    }
    s->sid_offered = true;
    if (s->ctx->cache_mode & SSL_SESS_CACHE_SERVER) {
        external_lookup(s, id, id_len);
    }
}

/* A server's session found through the get callback is not kept when the internal store is off. */
static void drop_external(SSL *s, struct ntls_session *sess)
{
    if (sess != NULL && (s->ctx->cache_mode & SSL_SESS_CACHE_NO_INTERNAL_STORE)) {
        (void)ntls_session_cache_remove(s->ctx->cache, sess->id, sess->id_len);
    }
}

void ntls_compat_sess_event(SSL *s, bool done)
{
    SSL_CTX *ctx = s->ctx;
    if (!done) {
        bump(ctx, s->server ? SSL_CTRL_SESS_ACCEPT : SSL_CTRL_SESS_CONNECT);
        return;
    }
    bump(ctx, s->server ? SSL_CTRL_SESS_ACCEPT_GOOD : SSL_CTRL_SESS_CONNECT_GOOD);
    if (!s->server) {
        return;
    }
    bool reused = ntls_conn_session_reused(s->conn);
    if (reused) {
        bump(ctx, SSL_CTRL_SESS_HIT);
    } else if (s->sid_offered) {
        bump(ctx, SSL_CTRL_SESS_MISSES);
    }
    if (reused && s->sess_cb_hit) {
        bump(ctx, SSL_CTRL_SESS_CB_HIT);
    }
    if (s->sess_cb_hit) {
        drop_external(s, ntls_conn_session(s->conn));
    }
}

/* The engine stored a server's new session before this hook runs (lib/core/conn.c ntls_hs_complete). */
void ntls_compat_sess_new(SSL *s, struct ntls_session *sess)
{
    if (s->server && sess->id_len > 0 && (s->ctx->cache_mode & SSL_SESS_CACHE_NO_INTERNAL_STORE)) {
        (void)ntls_session_cache_remove(s->ctx->cache, sess->id, sess->id_len);
    }
}

void ntls_compat_sess_removed(SSL_CTX *ctx, struct ntls_session *sess)
{
    if (ctx->sess_cbs.remove_cb != NULL && sess != NULL) {
        ctx->sess_cbs.remove_cb(ctx, ntls_compat_ssl_session(sess));
    }
}

int (*SSL_CTX_sess_get_new_cb(SSL_CTX *ctx))(SSL *ssl, SSL_SESSION *sess)
{
    return ctx->new_session_cb;
}

void SSL_CTX_sess_set_remove_cb(SSL_CTX *ctx, void (*remove_session_cb)(SSL_CTX *ctx, SSL_SESSION *sess))
{
    ctx->sess_cbs.remove_cb = remove_session_cb;
}

void (*SSL_CTX_sess_get_remove_cb(SSL_CTX *ctx))(SSL_CTX *ctx, SSL_SESSION *sess)
{
    return ctx->sess_cbs.remove_cb;
}

void SSL_CTX_sess_set_get_cb(SSL_CTX *ctx,
                             SSL_SESSION *(*get_session_cb)(SSL *ssl, const unsigned char *data, int len,
                                                            int *copy))
{
    ctx->sess_cbs.get_cb = get_session_cb;
}

SSL_SESSION *(*SSL_CTX_sess_get_get_cb(SSL_CTX *ctx))(SSL *ssl, const unsigned char *data, int len,
                                                      int *copy)
{
    return ctx->sess_cbs.get_cb;
}
