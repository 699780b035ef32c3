/* Engine-pair tests: a client and a server engine wired in memory, full and resumed handshakes with every
 * suite, with and without random short transfers. */
#include <criterion/criterion.h>
#include <criterion/parameterized.h>
#include <string.h>

#include "core/alert.h"
#include "testlib/certs.h"
#include "testlib/pair.h"

static struct ntls_test_identity server_id;
static struct ntls_config server_cfg, client_cfg;

static void setup(void)
{
    cr_assert(ntls_test_identity_load(&server_id, "server-rsa.pem", "server-rsa.key"));
    ntls_config_default(&server_cfg);
    server_cfg.identities[0] = server_id.id;
    server_cfg.nidentities = 1;
    server_cfg.cache = ntls_session_cache_new(100);
    ntls_config_default(&client_cfg);
}

static void teardown(void)
{
    ntls_session_cache_free(server_cfg.cache);
    ntls_test_identity_free(&server_id);
}

static void only_suite(struct ntls_config *cfg, uint16_t id)
{
    cfg->suites[0] = id;
    cfg->nsuites = 1;
}

static struct ntls_pair make_pair(size_t max_chunk)
{
    struct ntls_pair p = { ntls_conn_new(&client_cfg, false), ntls_conn_new(&server_cfg, true), max_chunk, 7,
                           NULL, NULL };
    cr_assert_not_null(p.client);
    cr_assert_not_null(p.server);
    return p;
}

static void free_pair(struct ntls_pair *p)
{
    ntls_conn_free(p->client);
    ntls_conn_free(p->server);
}

/* Data both ways, byte-exact. */
static void exchange(struct ntls_pair *p, size_t len)
{
    static uint8_t data[70000], got[70000];
    for (size_t i = 0; i < len; i++) {
        data[i] = (uint8_t)(i * 31 + 7);
    }
    cr_assert_eq(ntls_pair_send(p, true, data, len, got, sizeof got), len);
    cr_assert_eq(memcmp(data, got, len), 0);
    cr_assert_eq(ntls_pair_send(p, false, data, len, got, sizeof got), len);
    cr_assert_eq(memcmp(data, got, len), 0);
}

static const uint16_t all_suites[] = { 0x002F, 0x0035, 0x000A, 0x0041, 0x0084, 0x0005, 0x0004,
                                       0x0009, 0x0002, 0x0001 };

ParameterizedTestParameters(conn, full_then_resumed_with_every_suite)
{
    return cr_make_param_array(uint16_t, (uint16_t *)all_suites, sizeof all_suites / sizeof all_suites[0]);
}

ParameterizedTest(uint16_t *suite, conn, full_then_resumed_with_every_suite, .init = setup, .fini = teardown)
{
    only_suite(&client_cfg, *suite);
    only_suite(&server_cfg, *suite);

    struct ntls_pair p = make_pair(0);
    cr_assert(ntls_pair_handshake(&p), "suite %#06x: client %s, server %s", *suite,
              ntls_err_name(ntls_conn_last_error(p.client)), ntls_err_name(ntls_conn_last_error(p.server)));
    cr_assert_eq(ntls_conn_suite(p.client)->id, *suite);
    cr_assert_eq(ntls_conn_version(p.server), 0x0301);
    cr_assert_not(ntls_conn_session_reused(p.client));
    exchange(&p, 40000);
    struct ntls_session *s = ntls_session_ref(ntls_conn_session(p.client));
    free_pair(&p);

    struct ntls_pair q = make_pair(0);
    ntls_conn_set_session(q.client, s);
    ntls_session_unref(s);
    cr_assert(ntls_pair_handshake(&q));
    cr_assert(ntls_conn_session_reused(q.client));
    cr_assert(ntls_conn_session_reused(q.server));
    size_t n;
    struct ntls_x509_cert *const *chain = ntls_conn_peer_chain(q.client, &n);
    cr_assert_eq(n, server_id.n, "a resumed client still knows the server's chain");
    cr_assert_eq(chain[0]->der_len, server_id.chain[0]->der_len);
    exchange(&q, 1000);
    free_pair(&q);
}

Test(conn, handshake_survives_random_short_transfers, .init = setup, .fini = teardown)
{
    for (size_t chunk = 1; chunk <= 64; chunk *= 4) {
        struct ntls_pair p = make_pair(chunk);
        cr_assert(ntls_pair_handshake(&p), "chunk %zu", chunk);
        exchange(&p, 20000);
        struct ntls_session *s = ntls_session_ref(ntls_conn_session(p.client));
        free_pair(&p);
        struct ntls_pair q = make_pair(chunk);
        ntls_conn_set_session(q.client, s);
        ntls_session_unref(s);
        cr_assert(ntls_pair_handshake(&q));
        cr_assert(ntls_conn_session_reused(q.server));
        free_pair(&q);
    }
}

Test(conn, no_common_suite_is_handshake_failure, .init = setup, .fini = teardown)
{
    only_suite(&client_cfg, 0x002F);
    only_suite(&server_cfg, 0x0035);
    struct ntls_pair p = make_pair(0);
    cr_assert_not(ntls_pair_handshake(&p));
    cr_assert_eq(ntls_conn_last_error(p.server), NTLS_E_HANDSHAKE_FAILURE);
    cr_assert_eq(ntls_conn_alert_sent(p.server), NTLS_ALERT_HANDSHAKE_FAILURE);
    cr_assert_eq(ntls_conn_alert_received(p.client), NTLS_ALERT_HANDSHAKE_FAILURE);
    cr_assert_eq(ntls_conn_last_error(p.client), NTLS_E_PEER_ALERT);
    cr_assert_eq(ntls_conn_state(p.client), NTLS_ST_CLOSED);
    free_pair(&p);
}

Test(conn, close_notify_both_ways, .init = setup, .fini = teardown)
{
    struct ntls_pair p = make_pair(0);
    cr_assert(ntls_pair_handshake(&p));
    ntls_conn_close(p.client);
    ntls_pair_pump(&p);
    cr_assert(ntls_conn_close_received(p.server));
    cr_assert_eq(ntls_conn_state(p.server) & NTLS_ST_RECVAPP, 0);
    ntls_conn_close(p.server);
    ntls_pair_pump(&p);
    cr_assert(ntls_conn_close_received(p.client));
    cr_assert_eq(ntls_conn_state(p.client), NTLS_ST_CLOSED);
    cr_assert_eq(ntls_conn_state(p.server), NTLS_ST_CLOSED);
    cr_assert_eq(ntls_conn_last_error(p.client), NTLS_E_OK);
    free_pair(&p);
}

Test(conn, truncated_session_is_not_resumed, .init = setup, .fini = teardown)
{
    struct ntls_pair p = make_pair(0);
    cr_assert(ntls_pair_handshake(&p));
    ntls_conn_recvrec_eof(p.server); /* the transport ended without close_notify */
    cr_assert(ntls_conn_truncated(p.server));
    struct ntls_session *s = ntls_session_ref(ntls_conn_session(p.client));
    free_pair(&p);

    struct ntls_pair q = make_pair(0);
    ntls_conn_set_session(q.client, s);
    ntls_session_unref(s);
    cr_assert(ntls_pair_handshake(&q));
    cr_assert_not(ntls_conn_session_reused(q.server), "RFC 2246 7.2.1: the truncated session is gone");
    free_pair(&q);
}

Test(conn, idle_connection_releases_its_buffers, .init = setup, .fini = teardown)
{
    struct ntls_pair p = make_pair(0);
    cr_assert(ntls_pair_handshake(&p));
    exchange(&p, 5000);
    ntls_conn_release_buffers(p.client);
    ntls_conn_release_buffers(p.server);
    cr_assert_leq(ntls_conn_heap_bytes(p.client), 8192, "client holds %zu", ntls_conn_heap_bytes(p.client));
    cr_assert_leq(ntls_conn_heap_bytes(p.server), 8192, "server holds %zu", ntls_conn_heap_bytes(p.server));
    exchange(&p, 5000);
    free_pair(&p);
}
