#include <criterion/criterion.h>
#include <pthread.h>
#include <string.h>

#include "core/session.h"

static struct ntls_session *make(uint8_t tag, int64_t created, uint32_t timeout)
{
    struct ntls_session *s = ntls_session_new();
    cr_assert_not_null(s);
    memset(s->id, tag, 32);
    s->id_len = 32;
    memset(s->master_secret, tag, sizeof s->master_secret);
    s->created = created;
    s->timeout = timeout;
    return s;
}

Test(session, add_find_remove)
{
    struct ntls_session_cache *c = ntls_session_cache_new(0);
    struct ntls_session *s = make(7, 100, 300);
    cr_assert_eq(ntls_session_cache_add(c, s).err, NTLS_E_OK);
    ntls_session_unref(s);

    uint8_t id[32];
    memset(id, 7, sizeof id);
    struct ntls_session *hit = ntls_session_cache_find(c, id, sizeof id, 150);
    cr_assert_not_null(hit);
    cr_assert_eq(hit->master_secret[0], 7);
    ntls_session_unref(hit);

    id[31] = 8;
    cr_assert_null(ntls_session_cache_find(c, id, sizeof id, 150));
    id[31] = 7;
    cr_assert(ntls_session_cache_remove(c, id, sizeof id));
    cr_assert_not(ntls_session_cache_remove(c, id, sizeof id));
    cr_assert_null(ntls_session_cache_find(c, id, sizeof id, 150));
    ntls_session_cache_free(c);
}

Test(session, expired_entries_are_not_found)
{
    struct ntls_session_cache *c = ntls_session_cache_new(0);
    struct ntls_session *s = make(1, 100, 300);
    cr_assert_eq(ntls_session_cache_add(c, s).err, NTLS_E_OK);
    ntls_session_unref(s);
    uint8_t id[32];
    memset(id, 1, sizeof id);
    struct ntls_session *hit = ntls_session_cache_find(c, id, sizeof id, 399);
    cr_assert_not_null(hit, "still valid one second before the timeout");
    ntls_session_unref(hit);
    cr_assert_null(ntls_session_cache_find(c, id, sizeof id, 400));
    cr_assert_eq(ntls_session_cache_count(c), 0, "the expired entry is dropped when found");
    ntls_session_cache_free(c);
}

Test(session, bound_evicts_least_recently_used)
{
    struct ntls_session_cache *c = ntls_session_cache_new(2);
    for (uint8_t tag = 1; tag <= 2; tag++) {
        struct ntls_session *s = make(tag, 0, 1000);
        cr_assert_eq(ntls_session_cache_add(c, s).err, NTLS_E_OK);
        ntls_session_unref(s);
    }
    uint8_t id[32];
    memset(id, 1, sizeof id);
    ntls_session_unref(ntls_session_cache_find(c, id, sizeof id, 1)); /* 1 is now the most recent */

    struct ntls_session *s3 = make(3, 0, 1000);
    cr_assert_eq(ntls_session_cache_add(c, s3).err, NTLS_E_OK);
    ntls_session_unref(s3);
    cr_assert_eq(ntls_session_cache_count(c), 2);
    memset(id, 2, sizeof id);
    cr_assert_null(ntls_session_cache_find(c, id, sizeof id, 1), "2 was the least recently used");
    memset(id, 1, sizeof id);
    struct ntls_session *hit = ntls_session_cache_find(c, id, sizeof id, 1);
    cr_assert_not_null(hit);
    ntls_session_unref(hit);
    ntls_session_cache_free(c);
}

Test(session, flush_drops_only_expired_and_growth_keeps_entries)
{
    struct ntls_session_cache *c = ntls_session_cache_new(0);
    for (unsigned i = 0; i < 500; i++) {
        struct ntls_session *s = make(0, 0, i % 2 ? 10 : 1000);
        s->id[0] = (uint8_t)i;
        s->id[1] = (uint8_t)(i >> 8);
        cr_assert_eq(ntls_session_cache_add(c, s).err, NTLS_E_OK);
        ntls_session_unref(s);
    }
    cr_assert_eq(ntls_session_cache_count(c), 500);
    cr_assert_eq(ntls_session_cache_flush(c, 100), 250);
    uint8_t id[32] = { 0 };
    id[0] = 2; /* even: long timeout */
    struct ntls_session *hit = ntls_session_cache_find(c, id, sizeof id, 100);
    cr_assert_not_null(hit);
    ntls_session_unref(hit);
    ntls_session_cache_free(c);
}

Test(session, empty_id_is_refused)
{
    struct ntls_session_cache *c = ntls_session_cache_new(0);
    struct ntls_session *s = ntls_session_new();
    cr_assert_eq(ntls_session_cache_add(c, s).err, NTLS_E_USAGE);
    ntls_session_unref(s);
    ntls_session_cache_free(c);
}

static struct ntls_session_cache *shared_cache;

static void *hammer(void *arg)
{
    uint8_t base = (uint8_t)(uintptr_t)arg;
    for (unsigned i = 0; i < 2000; i++) {
        struct ntls_session *s = make(base, 0, 1000);
        s->id[0] = (uint8_t)i;
        if (ntls_session_cache_add(shared_cache, s).err != NTLS_E_OK) {
            return (void *)1;
        }
        ntls_session_unref(ntls_session_cache_find(shared_cache, s->id, s->id_len, 1));
        if (i % 3 == 0) {
            (void)ntls_session_cache_remove(shared_cache, s->id, s->id_len);
        }
        ntls_session_unref(s);
    }
    return NULL;
}

Test(session, threads_share_one_cache)
{
    shared_cache = ntls_session_cache_new(100);
    pthread_t t[4];
    for (uintptr_t i = 0; i < 4; i++) {
        cr_assert_eq(pthread_create(&t[i], NULL, hammer, (void *)(i + 1)), 0);
    }
    for (int i = 0; i < 4; i++) {
        void *ret;
        pthread_join(t[i], &ret);
        cr_assert_null(ret);
    }
    cr_assert_leq(ntls_session_cache_count(shared_cache), 100);
    ntls_session_cache_free(shared_cache);
}

static struct ntls_session_cache *hook_cache;
static int drops;

/* Calls back into the cache, which deadlocks if the hook runs under the cache's lock. */
static void count_drop(void *arg, struct ntls_session *s)
{
    cr_assert_eq(arg, (void *)&drops);
    cr_assert_not_null(s);
    (void)ntls_session_cache_count(hook_cache);
    drops++;
}

Test(session, drop_hook_hears_the_caches_own_decisions_only)
{
    hook_cache = ntls_session_cache_new(2);
    ntls_session_cache_set_drop_hook(hook_cache, count_drop, &drops);
    drops = 0;
    for (uint8_t tag = 1; tag <= 3; tag++) { /* the third evicts the first */
        struct ntls_session *s = make(tag, 0, tag == 3 ? 10 : 1000);
        cr_assert_eq(ntls_session_cache_add(hook_cache, s).err, NTLS_E_OK);
        ntls_session_unref(s);
    }
    cr_assert_eq(drops, 1, "eviction");
    uint8_t id[32];
    memset(id, 3, sizeof id);
    cr_assert_null(ntls_session_cache_find(hook_cache, id, sizeof id, 50));
    cr_assert_eq(drops, 2, "expiry");
    memset(id, 2, sizeof id);
    cr_assert(ntls_session_cache_remove(hook_cache, id, sizeof id));
    cr_assert_eq(drops, 2, "an explicit removal is the caller's business");
    struct ntls_session *s = make(4, 0, 1000);
    cr_assert_eq(ntls_session_cache_add(hook_cache, s).err, NTLS_E_OK);
    ntls_session_unref(s);
    ntls_session_cache_free(hook_cache);
    cr_assert_eq(drops, 3, "flushed when the cache goes");
}
