/* nettls: resumable sessions (RFC 2246 7.3) and the server's session cache.
 *
 * A session is reference counted: the cache, a connection and the application (SSL_SESSION) may each hold
 * one. The master secret is wiped when the last reference goes. The cache is a hash table keyed by session id
 * with an LRU bound and per-session timeouts, safe to share between threads (one mutex; lookups are short). */
#ifndef NTLS_CORE_SESSION_H
#define NTLS_CORE_SESSION_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/err.h"
#include "proto.h"

#define NTLS_SESSION_ID_MAX 32
#define NTLS_SID_CTX_MAX 32

struct ntls_session {
    uint8_t id[NTLS_SESSION_ID_MAX];
    size_t id_len;
    uint8_t sid_ctx[NTLS_SID_CTX_MAX]; /* the server application's session_id_context */
    size_t sid_ctx_len;
    uint8_t master_secret[NTLS_MASTER_SECRET_LEN];
    uint16_t version;
    uint16_t suite;
    bool extended_master_secret; /* RFC 7627: made with the extension; resumable only with it */
    bool not_resumable;          /* its connection failed or was truncated (RFC 2246 7.2.2) */
    /* The peer's certificate_list as its Certificate message carried it (RFC 2246 7.4.2), so a resumed
     * connection can still report the peer's certificates; NULL when the peer sent none. Owned. */
    uint8_t *peer_certs;
    size_t peer_certs_len;
    /* What the owner (the OpenSSL layer) attaches, freed with the session by ext_free; NULL for none. */
    void *ext;
    void (*ext_free)(void *ext);
    int64_t created;             /* seconds since the epoch */
    uint32_t timeout;            /* seconds */
    /* private: */
    _Atomic unsigned refs;
};

/* A new session with one reference, all fields zero but refs; NULL when out of memory. */
struct ntls_session *ntls_session_new(void);
struct ntls_session *ntls_session_ref(struct ntls_session *s); /* returns s; s may be NULL */
void ntls_session_unref(struct ntls_session *s);               /* s may be NULL; wipes on the last one */
bool ntls_session_expired(const struct ntls_session *s, int64_t now);

struct ntls_session_cache;

/* max_entries == 0 means no bound. */
struct ntls_session_cache *ntls_session_cache_new(size_t max_entries);
void ntls_session_cache_free(struct ntls_session_cache *cache); /* NULL allowed */
void ntls_session_cache_set_max(struct ntls_session_cache *cache, size_t max_entries);
size_t ntls_session_cache_count(struct ntls_session_cache *cache);

/* Stores a reference to s under its id, replacing an entry with the same id. When the cache is full the
 * least recently used entry goes first. NTLS_E_USAGE for an empty id, NTLS_E_NOMEM. */
NTLS_MUST_CHECK ntls_result ntls_session_cache_add(struct ntls_session_cache *cache, struct ntls_session *s);

/* A new reference to the unexpired session stored under id, or NULL. An expired entry found on the way is
 * dropped. A hit becomes the most recently used entry. */
struct ntls_session *ntls_session_cache_find(struct ntls_session_cache *cache, const uint8_t *id, size_t id_len,
                                             int64_t now);

/* Drops the entry stored under id, if any (RFC 2246 7.2.2: a failed connection's session is forgotten).
 * Returns whether there was one. */
bool ntls_session_cache_remove(struct ntls_session_cache *cache, const uint8_t *id, size_t id_len);

/* Called, outside the cache's lock, with each session the cache lets go of by its own decision: replaced,
 * evicted, expired or flushed (OpenSSL's remove-session callback); not for ntls_session_cache_remove, whose
 * caller knows. on_drop may be NULL. */
void ntls_session_cache_set_drop_hook(struct ntls_session_cache *cache,
                                      void (*on_drop)(void *arg, struct ntls_session *s), void *arg);

/* Drops every entry that has expired at now (every entry if now is INT64_MAX). Returns how many. */
size_t ntls_session_cache_flush(struct ntls_session_cache *cache, int64_t now);

#endif
