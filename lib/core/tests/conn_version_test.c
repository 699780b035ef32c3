/* Version negotiation (RFC 2246 E.1), the SSLv2-format ClientHello, and the resumption rules (RFC 2246 7.3,
 * RFC 7627 5.3), at the wire level. */
#include <criterion/criterion.h>
#include <string.h>

#include "core/alert.h"
#include "testlib/certs.h"
#include "testlib/pair.h"
#include "testlib/wire.h"

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

/* Feeds one record to a fresh server; returns the version of the ServerHello it answers with. */
static uint16_t server_hello_version(const uint8_t *rec, size_t len)
{
    struct ntls_conn *s = ntls_conn_new(&server_cfg, true);
    cr_assert_eq(ntls_conn_start(s).err, NTLS_E_OK);
    static uint8_t out[8192];
    size_t n = ntls_wire_feed(s, rec, len, out, sizeof out);
    cr_assert_eq(ntls_conn_last_error(s), NTLS_E_OK, "server failed: %s", ntls_err_name(ntls_conn_last_error(s)));
    cr_assert_gt(n, 11);
    cr_assert_eq(out[0], 22, "a handshake record");
    cr_assert_eq(out[5], 2, "a ServerHello");
    ntls_conn_free(s);
    return (uint16_t)(out[9] << 8 | out[10]);
}

Test(conn_version, a_tls12_client_gets_tls10, .init = setup, .fini = teardown)
{
    uint8_t body[64], rec[128];
    size_t n = ntls_wire_hs_record(rec, sizeof rec, 0x0301, 1, body, ntls_wire_client_hello(body, 0x0303, 0));
    cr_assert_eq(server_hello_version(rec, n), 0x0301);
}

Test(conn_version, record_version_3_0_is_accepted_on_the_first_hello, .init = setup, .fini = teardown)
{
    uint8_t body[64], rec[128];
    size_t n = ntls_wire_hs_record(rec, sizeof rec, 0x0300, 1, body, ntls_wire_client_hello(body, 0x0301, 0));
    cr_assert_eq(server_hello_version(rec, n), 0x0301);
}

Test(conn_version, sslv2_format_client_hello_is_answered, .init = setup, .fini = teardown)
{
    /* RFC 2246 E.1: msg_length with the top bit set, msg_type 1, version 3.1, two cipher specs (one SSLv2
     * only), no session id, a 16-byte challenge. */
    const uint8_t v2[] = { 0x80, 0x1f, 0x01, 0x03, 0x01, 0x00, 0x06, 0x00, 0x00, 0x00, 0x10,
                           0x07, 0x00, 0xc0, 0x00, 0x00, 0x2f,
                           1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16 };
    cr_assert_eq(server_hello_version(v2, sizeof v2), 0x0301);
}

Test(conn_version, client_refuses_a_tls11_server_hello, .init = setup, .fini = teardown)
{
    struct ntls_conn *c = ntls_conn_new(&client_cfg, false);
    cr_assert_eq(ntls_conn_start(c).err, NTLS_E_OK);
    size_t hello_len;
    (void)ntls_conn_sendrec_buf(c, &hello_len);
    ntls_conn_sendrec_ack(c, hello_len);

    uint8_t body[64] = { 0x03, 0x02 }; /* version 3.2, random, empty session id, AES128-SHA, null */
    body[35] = 0x00;
    body[36] = 0x2f;
    uint8_t rec[128], out[16];
    size_t n = ntls_wire_hs_record(rec, sizeof rec, 0x0301, 2, body, 38);
    n = ntls_wire_feed(c, rec, n, out, sizeof out);
    const uint8_t want[] = { 21, 0x03, 0x01, 0x00, 0x02, 2, NTLS_ALERT_PROTOCOL_VERSION };
    cr_assert_eq(n, sizeof want);
    cr_assert_eq(memcmp(out, want, sizeof want), 0);
    ntls_conn_free(c);
}

/* A full handshake; returns a reference to the client's session. */
static struct ntls_session *first_session(void)
{
    struct ntls_pair p = { ntls_conn_new(&client_cfg, false), ntls_conn_new(&server_cfg, true), 0, 1, NULL, NULL };
    cr_assert(ntls_pair_handshake(&p));
    struct ntls_session *s = ntls_session_ref(ntls_conn_session(p.client));
    cr_assert(s->extended_master_secret, "both sides speak RFC 7627");
    ntls_conn_free(p.client);
    ntls_conn_free(p.server);
    return s;
}

static void strip_ems(struct ntls_pair *p, bool from_client, uint8_t *bytes, size_t len)
{
    bool *done = p->arg;
    for (size_t i = 0; !*done && from_client && i + 4 <= len; i++) {
        if (bytes[i] == 0x00 && bytes[i + 1] == 0x17 && bytes[i + 2] == 0x00 && bytes[i + 3] == 0x00) {
            bytes[i + 1] = 0x16; /* extended_master_secret becomes encrypt_then_mac, which is ignored */
            *done = true;
        }
    }
}

Test(conn_version, ems_session_is_not_resumed_without_ems, .init = setup, .fini = teardown)
{
    struct ntls_session *s = first_session();
    bool done = false;
    struct ntls_pair q = { ntls_conn_new(&client_cfg, false), ntls_conn_new(&server_cfg, true), 0, 1, strip_ems,
                           &done };
    ntls_conn_set_session(q.client, s);
    ntls_session_unref(s);
    cr_assert_not(ntls_pair_handshake(&q));
    cr_assert(done);
    /* RFC 7627 5.3: the server aborts the abbreviated handshake. */
    cr_assert_eq(ntls_conn_alert_sent(q.server), NTLS_ALERT_HANDSHAKE_FAILURE);
    ntls_conn_free(q.client);
    ntls_conn_free(q.server);
}

Test(conn_version, session_is_not_resumed_without_its_suite, .init = setup, .fini = teardown)
{
    struct ntls_session *s = first_session();
    /* The client no longer offers the session's suite: it does not offer the session either. */
    size_t kept = 0;
    for (size_t i = 0; i < client_cfg.nsuites; i++) {
        if (client_cfg.suites[i] != s->suite) {
            client_cfg.suites[kept++] = client_cfg.suites[i];
        }
    }
    cr_assert_eq(kept, client_cfg.nsuites - 1);
    client_cfg.nsuites = kept;
    struct ntls_pair q = { ntls_conn_new(&client_cfg, false), ntls_conn_new(&server_cfg, true), 0, 1, NULL, NULL };
    ntls_conn_set_session(q.client, s);
    ntls_session_unref(s);
    cr_assert(ntls_pair_handshake(&q));
    cr_assert_not(ntls_conn_session_reused(q.server));
    ntls_conn_free(q.client);
    ntls_conn_free(q.server);
}
