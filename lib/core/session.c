#include "session.h"

#include <pthread.h>
#include <stdatomic.h>
#include <string.h>

#include "base/mem.h"

struct ntls_session *ntls_session_new(void)
{
    struct ntls_session *s = ntls_calloc(1, sizeof *s);
    if (s != NULL) {
        atomic_init(&s->refs, 1);
    }
    return s;
}

struct ntls_session *ntls_session_ref(struct ntls_session *s)
{
    if (s != NULL) {
        atomic_fetch_add(&s->refs, 1);
    }
    return s;
}

void ntls_session_unref(struct ntls_session *s)
{
    if (s != NULL && atomic_fetch_sub(&s->refs, 1) == 1) {
        ntls_free(s->peer_certs);
        if (s->ext != NULL && s->ext_free != NULL) {
            s->ext_free(s->ext);
        }
        ntls_free_secret(s, sizeof *s);
    }
}

bool ntls_session_expired(const struct ntls_session *s, int64_t now)
{
    return now >= s->created + (int64_t)s->timeout;
}

/* One entry: in a hash chain, and in the LRU list (head = most recently used). */
struct node {
    struct ntls_session *s;
    struct node *chain;
    struct node *newer, *older;
    bool report; /* dropped by the cache's own decision: tell the drop hook */
};

struct ntls_session_cache {
    pthread_mutex_t lock;
    struct node **buckets;
    size_t nbuckets; /* a power of two */
    size_t count, max;
    struct node *newest, *oldest;
    struct node *dropped; /* unlinked under the lock, released (and reported) after it (see unlock) */
    void (*on_drop)(void *arg, struct ntls_session *s);
    void *drop_arg;
};

#define INITIAL_BUCKETS 64

/* Session ids are random (RFC 2246 7.4.1.3), so their first bytes are a good enough hash. */
static size_t bucket_of(const struct ntls_session_cache *c, const uint8_t *id, size_t id_len)
{
    uint32_t h = 2166136261u; /* FNV-1a, in case a client picks a low-entropy id */
    for (size_t i = 0; i < id_len; i++) {
        h = (h ^ id[i]) * 16777619u;
    }
    return h & (c->nbuckets - 1);
}

struct ntls_session_cache *ntls_session_cache_new(size_t max_entries)
{
    struct ntls_session_cache *c = ntls_calloc(1, sizeof *c);
    if (c == NULL) {
        return NULL;
    }
    c->buckets = ntls_calloc(INITIAL_BUCKETS, sizeof *c->buckets);
    if (c->buckets == NULL) {
        ntls_free(c);
        return NULL;
    }
    c->nbuckets = INITIAL_BUCKETS;
    c->max = max_entries;
    pthread_mutex_init(&c->lock, NULL);
    return c;
}

static void lru_unlink(struct ntls_session_cache *c, struct node *n)
{
    if (n->newer != NULL) {
        n->newer->older = n->older;
    } else {
        c->newest = n->older;
    }
    if (n->older != NULL) {
        n->older->newer = n->newer;
    } else {
        c->oldest = n->newer;
    }
    n->newer = n->older = NULL;
}

static void lru_push_newest(struct ntls_session_cache *c, struct node *n)
{
    n->older = c->newest;
    n->newer = NULL;
    if (c->newest != NULL) {
        c->newest->newer = n;
    } else {
        c->oldest = n;
    }
    c->newest = n;
}

/* The link that points at the entry stored under id, or at the NULL ending its chain. */
static struct node **chain_find(struct ntls_session_cache *c, const uint8_t *id, size_t id_len)
{
    struct node **link = &c->buckets[bucket_of(c, id, id_len)];
    while (*link != NULL) {
        const struct ntls_session *s = (*link)->s;
        if (s->id_len == id_len && memcmp(s->id, id, id_len) == 0) {
            break;
        }
        link = &(*link)->chain;
    }
    return link;
}

/* Unlinks an entry; it is released by unlock(), so the drop hook never runs under the lock (a hook may call
 * back into the cache). */
static void drop(struct ntls_session_cache *c, struct node **link, bool report)
{
    struct node *n = *link;
    n->report = report;
    *link = n->chain;
    lru_unlink(c, n);
    n->chain = c->dropped;
    c->dropped = n;
    c->count--;
}

/* Releases the lock, then reports and releases what was dropped while holding it. */
static void unlock(struct ntls_session_cache *c)
{
    struct node *n = c->dropped;
    c->dropped = NULL;
    pthread_mutex_unlock(&c->lock);
    while (n != NULL) {
        struct node *next = n->chain;
        if (c->on_drop != NULL && n->report) {
            c->on_drop(c->drop_arg, n->s);
        }
        ntls_session_unref(n->s);
        ntls_free(n);
        n = next;
    }
}

void ntls_session_cache_set_drop_hook(struct ntls_session_cache *c,
                                      void (*on_drop)(void *arg, struct ntls_session *s), void *arg)
{
    pthread_mutex_lock(&c->lock);
    c->on_drop = on_drop;
    c->drop_arg = arg;
    pthread_mutex_unlock(&c->lock);
}

static void drop_session(struct ntls_session_cache *c, const struct ntls_session *s)
{
    drop(c, chain_find(c, s->id, s->id_len), true);
}

/* Doubles the table when chains would grow past one entry on average; failure to grow is harmless. */
static void maybe_grow(struct ntls_session_cache *c)
{
    if (c->count < c->nbuckets) {
        return;
    }
    size_t n = c->nbuckets * 2;
    struct node **fresh = ntls_calloc(n, sizeof *fresh);
    if (fresh == NULL) {
        return;
    }
    struct node **old = c->buckets;
    size_t old_n = c->nbuckets;
    c->buckets = fresh;
    c->nbuckets = n;
    for (size_t i = 0; i < old_n; i++) {
        while (old[i] != NULL) {
            struct node *e = old[i];
            old[i] = e->chain;
            size_t b = bucket_of(c, e->s->id, e->s->id_len);
            e->chain = fresh[b];
            fresh[b] = e;
        }
    }
    ntls_free(old);
}

ntls_result ntls_session_cache_add(struct ntls_session_cache *c, struct ntls_session *s)
{
    NTLS_ENSURE(s->id_len > 0 && s->id_len <= NTLS_SESSION_ID_MAX, NTLS_E_USAGE);
    struct node *n = ntls_calloc(1, sizeof *n);
    NTLS_ENSURE(n != NULL, NTLS_E_NOMEM);
    n->s = ntls_session_ref(s);

    pthread_mutex_lock(&c->lock);
    struct node **link = chain_find(c, s->id, s->id_len);
    if (*link != NULL) {
        drop(c, link, true);
    }
    while (c->max > 0 && c->count >= c->max) {
        drop_session(c, c->oldest->s);
    }
    link = &c->buckets[bucket_of(c, s->id, s->id_len)];
    n->chain = *link;
    *link = n;
    lru_push_newest(c, n);
    c->count++;
    maybe_grow(c);
    unlock(c);
    return ntls_ok();
}

struct ntls_session *ntls_session_cache_find(struct ntls_session_cache *c, const uint8_t *id, size_t id_len,
                                             int64_t now)
{
    struct ntls_session *found = NULL;
    pthread_mutex_lock(&c->lock);
    struct node **link = chain_find(c, id, id_len);
    if (*link != NULL) {
        if (ntls_session_expired((*link)->s, now)) {
            drop(c, link, true);
        } else {
            found = ntls_session_ref((*link)->s);
            lru_unlink(c, *link);
            lru_push_newest(c, *link);
        }
    }
    unlock(c);
    return found;
}

bool ntls_session_cache_remove(struct ntls_session_cache *c, const uint8_t *id, size_t id_len)
{
    pthread_mutex_lock(&c->lock);
    struct node **link = chain_find(c, id, id_len);
    bool had = *link != NULL;
    if (had) {
        drop(c, link, false);
    }
    unlock(c);
    return had;
}

size_t ntls_session_cache_flush(struct ntls_session_cache *c, int64_t now)
{
    size_t dropped = 0;
    pthread_mutex_lock(&c->lock);
    struct node *n = c->oldest;
    while (n != NULL) {
        struct node *newer = n->newer;
        if (now == INT64_MAX || ntls_session_expired(n->s, now)) {
            drop_session(c, n->s);
            dropped++;
        }
        n = newer;
    }
    unlock(c);
    return dropped;
}

void ntls_session_cache_set_max(struct ntls_session_cache *c, size_t max_entries)
{
    pthread_mutex_lock(&c->lock);
    c->max = max_entries;
    while (c->max > 0 && c->count > c->max) {
        drop_session(c, c->oldest->s);
    }
    unlock(c);
}

size_t ntls_session_cache_count(struct ntls_session_cache *c)
{
    pthread_mutex_lock(&c->lock);
    size_t n = c->count;
    pthread_mutex_unlock(&c->lock);
    return n;
}

void ntls_session_cache_free(struct ntls_session_cache *c)
{
    if (c == NULL) {
        return;
    }
    (void)ntls_session_cache_flush(c, INT64_MAX);
    pthread_mutex_destroy(&c->lock);
    ntls_free(c->buckets);
    ntls_free(c);
}
