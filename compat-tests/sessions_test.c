/* Sessions (SSL_get_session(3), SSL_set_session(3), SSL_SESSION_get_time(3), SSL_CTX_sess_number(3),
 * SSL_CTX_sess_set_new_cb(3), SSL_CTX_set_session_cache_mode(3), i2d_SSL_SESSION(3)): resumption from the
 * server's cache, the statistics, the callbacks of an external cache, and sessions kept as DER. Built
 * against nettls and against the system OpenSSL 3 (tls_pair.h: the servers set SSL_OP_NO_TICKET). */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <openssl/err.h>
#include <openssl/ssl.h>

#include "mem_pair.h"
#include "tls_pair.h"

static void setup(void)
{
    OPENSSL_init_ssl(0, NULL);
    ERR_clear_error();
}

TestSuite(sessions, .init = setup, .timeout = 60);

static SSL_CTX *cctx, *sctx;

static void make_ctx(void)
{
    cctx = tls_client_ctx("AES128-SHA");
    sctx = tls_server_ctx("AES128-SHA", "server-rsa.pem", "server-rsa.key");
    cr_assert(cctx != NULL && sctx != NULL);
    static const unsigned char sid_ctx[] = "sessions";
    cr_assert_eq(SSL_CTX_set_session_id_context(sctx, sid_ctx, sizeof sid_ctx), 1);
}

static void free_ctx(void)
{
    SSL_CTX_free(cctx);
    SSL_CTX_free(sctx);
}

/* One connection, offering sess (may be NULL); returns the client's session (a new reference) and
 * whether it was resumed. The connection is shut down cleanly, so its session stays resumable. */
static SSL_SESSION *connect_once(SSL_SESSION *sess, int *reused)
{
    struct mem_pair p;
    mem_pair_new(&p, cctx, sctx);
    if (sess != NULL) {
        cr_assert_eq(SSL_set_session(p.c, sess), 1);
        cr_assert_eq(SSL_get_session(p.c), sess);
    }
    cr_assert_eq(mem_pair_handshake(&p, NULL, NULL), 1);
    *reused = SSL_session_reused(p.c);
    cr_assert_eq(SSL_session_reused(p.s), *reused);
    SSL_SESSION *cs = SSL_get_session(p.c), *ss = SSL_get_session(p.s);
    cr_assert(cs != NULL && ss != NULL);
    unsigned int clen, slen;
    const unsigned char *cid = SSL_SESSION_get_id(cs, &clen), *sid = SSL_SESSION_get_id(ss, &slen);
    cr_assert_eq(clen, 32);
    cr_assert_eq(slen, 32);
    cr_assert_eq(memcmp(cid, sid, 32), 0);
    SSL_SESSION *out = SSL_get1_session(p.c);
    cr_assert_eq(out, cs);
    cr_assert_eq(SSL_shutdown(p.c), 0);
    mem_pair_move(&p);
    char c;
    cr_assert_eq(SSL_read(p.s, &c, 1), 0);
    cr_assert_eq(SSL_get_error(p.s, 0), SSL_ERROR_ZERO_RETURN);
    cr_assert_eq(SSL_shutdown(p.s), 1);
    mem_pair_free(&p);
    return out;
}

Test(sessions, resume_from_server_cache_and_counters)
{
    make_ctx();
    cr_assert_eq(SSL_CTX_get_session_cache_mode(sctx), SSL_SESS_CACHE_SERVER);
    cr_assert_eq(SSL_CTX_set_timeout(sctx, 100), 7200); /* 1.1.0's and 3.x's tls1_default_timeout() */
    cr_assert_eq(SSL_CTX_get_timeout(sctx), 100);
    int reused;
    long now = (long)time(NULL);
    SSL_SESSION *s1 = connect_once(NULL, &reused);
    cr_assert_eq(reused, 0);
    cr_assert_geq(SSL_SESSION_get_time(s1), now);
    cr_assert_leq(SSL_SESSION_get_time(s1), now + 5);
    cr_assert_eq(SSL_CTX_sess_number(sctx), 1);
    SSL_SESSION *s2 = connect_once(s1, &reused);
    cr_assert_eq(reused, 1);
    cr_assert_eq(s2, s1); /* the client keeps the session it resumed */
    cr_assert_eq(SSL_CTX_sess_accept(sctx), 2);
    cr_assert_eq(SSL_CTX_sess_accept_good(sctx), 2);
    cr_assert_eq(SSL_CTX_sess_connect(cctx), 2);
    cr_assert_eq(SSL_CTX_sess_connect_good(cctx), 2);
    cr_assert_eq(SSL_CTX_sess_hits(sctx), 1);
    cr_assert_eq(SSL_CTX_sess_misses(sctx), 0);
    cr_assert_eq(SSL_CTX_sess_cb_hits(sctx), 0);
    SSL_SESSION_free(s2);
    /* A server that never saw the session: a miss and a full handshake. */
    SSL_CTX *first = sctx;
    sctx = tls_server_ctx("AES128-SHA", "server-rsa.pem", "server-rsa.key");
    static const unsigned char sid_ctx[] = "sessions";
    cr_assert_eq(SSL_CTX_set_session_id_context(sctx, sid_ctx, sizeof sid_ctx), 1);
    SSL_SESSION *s3 = connect_once(s1, &reused);
    cr_assert_eq(reused, 0);
    cr_assert_eq(SSL_CTX_sess_misses(sctx), 1);
    cr_assert_eq(SSL_CTX_sess_hits(sctx), 0);
    cr_assert_eq(SSL_CTX_sess_number(sctx), 1);
    SSL_CTX_free(sctx);
    sctx = first;
    /* A removed session is not resumable any more, so the client does not offer it. */
    cr_assert_eq(SSL_CTX_remove_session(sctx, s1), 1);
    cr_assert_eq(SSL_CTX_sess_number(sctx), 0);
    SSL_SESSION *s4 = connect_once(s1, &reused);
    cr_assert_eq(reused, 0);
    cr_assert_eq(SSL_CTX_sess_misses(sctx), 0);
    SSL_CTX_flush_sessions(sctx, 0);
    cr_assert_eq(SSL_CTX_sess_number(sctx), 0);
    SSL_SESSION_free(s1);
    SSL_SESSION_free(s3);
    SSL_SESSION_free(s4);
    free_ctx();
}

Test(sessions, timeouts)
{
    make_ctx();
    int reused;
    SSL_SESSION *s1 = connect_once(NULL, &reused);
    cr_assert_eq(SSL_SESSION_get_timeout(s1), 7200);
    cr_assert_eq(SSL_SESSION_set_timeout(s1, 50), 1);
    cr_assert_eq(SSL_SESSION_get_timeout(s1), 50);
    /* The server's copy of the session ages: one made long ago has expired. */
    SSL_SESSION *s2 = connect_once(s1, &reused);
    cr_assert_eq(reused, 1);
    SSL_SESSION_free(s2);
    cr_assert_eq(SSL_CTX_sess_set_cache_size(sctx, 10), SSL_SESSION_CACHE_MAX_SIZE_DEFAULT);
    cr_assert_eq(SSL_CTX_sess_get_cache_size(sctx), 10);
    SSL_SESSION_free(s1);
    free_ctx();
}

/* ---------------------------------------------------------------------------------------------------- */
/* The callbacks of an external cache (SSL_CTX_sess_set_get_cb(3)): the server keeps nothing itself and
 * resumes what the get callback gives back from DER. */

static unsigned char stored[4096];
static int stored_len, new_calls, get_calls, remove_calls, client_new_calls;

static int new_cb(SSL *ssl, SSL_SESSION *sess)
{
    (void)ssl;
    new_calls++;
    unsigned char *p = stored;
    stored_len = i2d_SSL_SESSION(sess, NULL);
    cr_assert(stored_len > 0 && stored_len <= (int)sizeof stored);
    cr_assert_eq(i2d_SSL_SESSION(sess, &p), stored_len);
    return 0; /* the reference stays the library's */
}

static SSL_SESSION *get_cb(SSL *ssl, const unsigned char *id, int len, int *copy)
{
    (void)ssl;
    get_calls++;
    const unsigned char *p = stored;
    SSL_SESSION *sess = stored_len > 0 ? d2i_SSL_SESSION(NULL, &p, stored_len) : NULL;
    unsigned int slen;
    const unsigned char *sid = sess != NULL ? SSL_SESSION_get_id(sess, &slen) : NULL;
    cr_assert(sid != NULL && (int)slen == len && memcmp(sid, id, slen) == 0);
    *copy = 0; /* the library takes this reference */
    return sess;
}

static void remove_cb(SSL_CTX *ctx, SSL_SESSION *sess)
{
    (void)ctx;
    (void)sess;
    remove_calls++;
}

static int client_new_cb(SSL *ssl, SSL_SESSION *sess)
{
    (void)ssl;
    (void)sess;
    client_new_calls++;
    return 0;
}

Test(sessions, external_cache_callbacks)
{
    make_ctx();
    stored_len = new_calls = get_calls = remove_calls = client_new_calls = 0;
    SSL_CTX_set_session_cache_mode(sctx, SSL_SESS_CACHE_SERVER | SSL_SESS_CACHE_NO_INTERNAL);
    SSL_CTX_sess_set_new_cb(sctx, new_cb);
    SSL_CTX_sess_set_get_cb(sctx, get_cb);
    SSL_CTX_sess_set_remove_cb(sctx, remove_cb);
    cr_assert_eq(SSL_CTX_sess_get_new_cb(sctx), new_cb);
    cr_assert_eq(SSL_CTX_sess_get_get_cb(sctx), get_cb);
    cr_assert_eq(SSL_CTX_sess_get_remove_cb(sctx), remove_cb);
    SSL_CTX_set_session_cache_mode(cctx, SSL_SESS_CACHE_CLIENT);
    SSL_CTX_sess_set_new_cb(cctx, client_new_cb);
    int reused;
    SSL_SESSION *s1 = connect_once(NULL, &reused);
    cr_assert_eq(reused, 0);
    cr_assert_eq(new_calls, 1);
    cr_assert_eq(client_new_calls, 1);
    cr_assert_eq(get_calls, 0);
    cr_assert_eq(SSL_CTX_sess_number(sctx), 0);
    SSL_SESSION *s2 = connect_once(s1, &reused);
    cr_assert_eq(reused, 1);
    cr_assert_eq(get_calls, 1);
    cr_assert_eq(new_calls, 1);
    cr_assert_eq(SSL_CTX_sess_cb_hits(sctx), 1);
    cr_assert_eq(SSL_CTX_sess_hits(sctx), 1);
    cr_assert_eq(SSL_CTX_sess_number(sctx), 0);
    cr_assert_eq(remove_calls, 0);
    SSL_CTX_remove_session(sctx, s1); /* 1.1.0 tells the external cache even when it kept nothing */
    cr_assert_eq(remove_calls, 1);
    SSL_SESSION_free(s1);
    SSL_SESSION_free(s2);
    free_ctx();
}

/* A client keeps its session as DER (i2d_SSL_SESSION(3)) and resumes from the copy. */
Test(sessions, der_round_trip_resumes)
{
    make_ctx();
    int reused;
    SSL_SESSION *s1 = connect_once(NULL, &reused);
    int len = i2d_SSL_SESSION(s1, NULL);
    cr_assert_gt(len, 0);
    unsigned char *der = malloc((size_t)len), *w = der;
    cr_assert_eq(i2d_SSL_SESSION(s1, &w), len);
    cr_assert_eq(w, der + len);
    const unsigned char *r = der;
    SSL_SESSION *copy = d2i_SSL_SESSION(NULL, &r, len);
    cr_assert_not_null(copy);
    cr_assert_eq(r, der + len);
    unsigned int l1, l2;
    const unsigned char *id1 = SSL_SESSION_get_id(s1, &l1), *id2 = SSL_SESSION_get_id(copy, &l2);
    cr_assert(l1 == l2 && memcmp(id1, id2, l1) == 0);
    cr_assert_eq(SSL_SESSION_get_time(copy), SSL_SESSION_get_time(s1));
    cr_assert_eq(SSL_SESSION_get_timeout(copy), SSL_SESSION_get_timeout(s1));
    SSL_SESSION *s2 = connect_once(copy, &reused);
    cr_assert_eq(reused, 1);
    cr_assert_eq(SSL_SESSION_up_ref(s2), 1);
    SSL_SESSION_free(s2);
    SSL_SESSION_free(s2);
    SSL_SESSION_free(copy);
    SSL_SESSION_free(s1);
    free(der);
    free_ctx();
}

Test(sessions, ex_data_travels_with_the_session)
{
    make_ctx();
    int reused;
    SSL_SESSION *s = connect_once(NULL, &reused);
    int idx = SSL_SESSION_get_ex_new_index(0, NULL, NULL, NULL, NULL);
    cr_assert_geq(idx, 0);
    static int marker;
    cr_assert_null(SSL_SESSION_get_ex_data(s, idx));
    cr_assert_eq(SSL_SESSION_set_ex_data(s, idx, &marker), 1);
    cr_assert_eq(SSL_SESSION_get_ex_data(s, idx), &marker);
    /* The resumed connection hands back the same session object, with its data. */
    SSL_SESSION *again = connect_once(s, &reused);
    cr_assert_eq(reused, 1);
    cr_assert_eq(SSL_SESSION_get_ex_data(again, idx), &marker);
    SSL_SESSION_free(again);
    SSL_SESSION_free(s);
    free_ctx();
}

static int removed;

static void count_removed(SSL_CTX *ctx, SSL_SESSION *sess)
{
    (void)ctx;
    cr_assert_not_null(sess);
    removed++;
}

Test(sessions, remove_callback_hears_flushed_sessions)
{
    make_ctx();
    removed = 0;
    SSL_CTX_sess_set_remove_cb(sctx, count_removed);
    int reused;
    SSL_SESSION *s = connect_once(NULL, &reused);
    cr_assert_eq(SSL_CTX_sess_number(sctx), 1);
    SSL_CTX_flush_sessions(sctx, 0); /* 0: every session */
    cr_assert_eq(SSL_CTX_sess_number(sctx), 0);
    cr_assert_eq(removed, 1);
    SSL_SESSION_free(s);
    free_ctx();
}
