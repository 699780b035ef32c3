/* Each alert of RFC 2246 7.2.2 the engine sends, provoked in its situation and seen on the wire: a plaintext
 * alert record is read byte for byte; an encrypted one is seen by the peer engine that decrypts it. */
#include <criterion/criterion.h>
#include <string.h>

#include "core/alert.h"
#include "core/conn_internal.h"
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

/* The server's answer to one record, which must be exactly a plaintext fatal alert of desc. */
static void server_answers_with_alert(const uint8_t *rec, size_t len, uint8_t desc)
{
    struct ntls_conn *s = ntls_conn_new(&server_cfg, true);
    cr_assert_eq(ntls_conn_start(s).err, NTLS_E_OK);
    uint8_t out[64];
    size_t n = ntls_wire_feed(s, rec, len, out, sizeof out);
    const uint8_t want[] = { 21, 0x03, 0x01, 0x00, 0x02, 2, desc };
    cr_assert_eq(n, sizeof want, "got %zu bytes", n);
    cr_assert_eq(memcmp(out, want, sizeof want), 0, "alert %u expected, got %u", desc, out[6]);
    cr_assert_eq(ntls_conn_alert_sent(s), desc);
    cr_assert_eq(ntls_conn_state(s), NTLS_ST_CLOSED);
    ntls_conn_free(s);
}

Test(conn_alert, protocol_version_for_an_ssl3_client, .init = setup, .fini = teardown)
{
    uint8_t body[64], rec[128];
    size_t n = ntls_wire_hs_record(rec, sizeof rec, 0x0301, 1, body, ntls_wire_client_hello(body, 0x0300, 0));
    server_answers_with_alert(rec, n, NTLS_ALERT_PROTOCOL_VERSION);
}

Test(conn_alert, illegal_parameter_without_null_compression, .init = setup, .fini = teardown)
{
    uint8_t body[64], rec[128];
    size_t n = ntls_wire_hs_record(rec, sizeof rec, 0x0301, 1, body, ntls_wire_client_hello(body, 0x0301, 1));
    server_answers_with_alert(rec, n, NTLS_ALERT_ILLEGAL_PARAMETER);
}

Test(conn_alert, decode_error_for_a_truncated_hello_and_trailing_bytes, .init = setup, .fini = teardown)
{
    uint8_t body[80], rec[128];
    size_t len = ntls_wire_client_hello(body, 0x0301, 0);
    size_t n = ntls_wire_hs_record(rec, sizeof rec, 0x0301, 1, body, len - 3);
    server_answers_with_alert(rec, n, NTLS_ALERT_DECODE_ERROR);
    body[len] = 0x00; /* an extensions block cut after one byte */
    n = ntls_wire_hs_record(rec, sizeof rec, 0x0301, 1, body, len + 1);
    server_answers_with_alert(rec, n, NTLS_ALERT_DECODE_ERROR);
}

Test(conn_alert, unexpected_message_out_of_order_and_early_ccs, .init = setup, .fini = teardown)
{
    uint8_t verify[12] = { 0 }, rec[64];
    size_t n = ntls_wire_hs_record(rec, sizeof rec, 0x0301, 20, verify, sizeof verify); /* Finished first */
    server_answers_with_alert(rec, n, NTLS_ALERT_UNEXPECTED_MESSAGE);
    const uint8_t ccs[] = { 20, 0x03, 0x01, 0x00, 0x01, 0x01 };
    server_answers_with_alert(ccs, sizeof ccs, NTLS_ALERT_UNEXPECTED_MESSAGE);
    const uint8_t app[] = { 23, 0x03, 0x01, 0x00, 0x01, 'x' };
    server_answers_with_alert(app, sizeof app, NTLS_ALERT_UNEXPECTED_MESSAGE);
}

Test(conn_alert, record_overflow_for_an_oversized_plaintext_record, .init = setup, .fini = teardown)
{
    /* RFC 2246 6.2.1: a plaintext record of 2^14 + 1 bytes (the header alone is enough to refuse it). */
    const uint8_t header[] = { 22, 0x03, 0x01, 0x40, 0x01 };
    server_answers_with_alert(header, sizeof header, NTLS_ALERT_RECORD_OVERFLOW);
}

Test(conn_alert, handshake_failure_and_insufficient_security, .init = setup, .fini = teardown)
{
    uint8_t body[64], rec[128];
    size_t len = ntls_wire_client_hello(body, 0x0301, 0);
    body[37] = 0x00;
    body[38] = 0x07; /* IDEA-CBC-SHA: a suite we do not implement */
    size_t n = ntls_wire_hs_record(rec, sizeof rec, 0x0301, 1, body, len);
    server_answers_with_alert(rec, n, NTLS_ALERT_HANDSHAKE_FAILURE);
    body[38] = 0x02; /* NULL-SHA: known, but weaker than anything the server allows */
    n = ntls_wire_hs_record(rec, sizeof rec, 0x0301, 1, body, len);
    server_answers_with_alert(rec, n, NTLS_ALERT_INSUFFICIENT_SECURITY);
}

static enum ntls_err failing_server_name(struct ntls_conn *c, const char *host)
{
    (void)c;
    (void)host;
    return NTLS_E_INTERNAL;
}

Test(conn_alert, internal_error_when_the_server_name_hook_fails, .init = setup, .fini = teardown)
{
    server_cfg.on_server_name = failing_server_name;
    struct ntls_pair p = { ntls_conn_new(&client_cfg, false), ntls_conn_new(&server_cfg, true), 0, 1, NULL, NULL };
    cr_assert_eq(ntls_conn_set_server_name(p.client, "example.com").err, NTLS_E_OK);
    cr_assert_not(ntls_pair_handshake(&p));
    cr_assert_eq(ntls_conn_alert_sent(p.server), NTLS_ALERT_INTERNAL_ERROR);
    cr_assert_eq(ntls_conn_alert_received(p.client), NTLS_ALERT_INTERNAL_ERROR);
    ntls_conn_free(p.client);
    ntls_conn_free(p.server);
}

/* Flips one byte of the first chunk of the given direction that contains the marker bytes. */
struct flip {
    bool from_client;
    const uint8_t *marker;
    size_t marker_len, offset;
    bool done;
};

static void flip_on_wire(struct ntls_pair *p, bool from_client, uint8_t *bytes, size_t len)
{
    struct flip *f = p->arg;
    if (f->done || from_client != f->from_client) {
        return;
    }
    for (size_t i = 0; i + f->marker_len <= len; i++) {
        if (memcmp(bytes + i, f->marker, f->marker_len) == 0) {
            bytes[i + f->offset] ^= 0x01;
            f->done = true;
            return;
        }
    }
}

Test(conn_alert, decrypt_error_when_the_transcripts_differ, .init = setup, .fini = teardown)
{
    /* Turning the ClientHello's extended_master_secret (type 23) into type 22, which the server ignores,
     * changes the server's transcript and leaves both sides with the RFC 2246 master secret: the keys still
     * agree, so the client's Finished decrypts and its verify_data is wrong. */
    const uint8_t marker[] = { 0x00, 0x17, 0x00, 0x00 };
    struct flip f = { true, marker, sizeof marker, 1, false };
    struct ntls_pair p = { ntls_conn_new(&client_cfg, false), ntls_conn_new(&server_cfg, true), 0, 1,
                           flip_on_wire, &f };
    cr_assert_not(ntls_pair_handshake(&p));
    cr_assert(f.done);
    cr_assert_eq(ntls_conn_last_error(p.server), NTLS_E_DECRYPT_ERROR, "server: %s, client: %s",
                 ntls_err_name(ntls_conn_last_error(p.server)), ntls_err_name(ntls_conn_last_error(p.client)));
    cr_assert_eq(ntls_conn_alert_received(p.client), NTLS_ALERT_DECRYPT_ERROR);
    ntls_conn_free(p.client);
    ntls_conn_free(p.server);
}

Test(conn_alert, bad_premaster_shows_only_as_bad_record_mac, .init = setup, .fini = teardown)
{
    /* Bleichenbacher: a corrupted EncryptedPreMasterSecret is not refused when it arrives; the server goes on
     * with a random premaster and the client's Finished fails its MAC. */
    const uint8_t cke[] = { 22, 0x03, 0x01, 0x01, 0x06, 16, 0x00, 0x01, 0x02, 0x01, 0x00 };
    client_cfg.suites[0] = 0x002F; /* the RSA key exchange */
    client_cfg.nsuites = 1;
    struct flip f = { true, cke, sizeof cke, sizeof cke + 40, false };
    struct ntls_pair p = { ntls_conn_new(&client_cfg, false), ntls_conn_new(&server_cfg, true), 0, 1,
                           flip_on_wire, &f };
    cr_assert_not(ntls_pair_handshake(&p));
    cr_assert(f.done, "the ClientKeyExchange of a 2048-bit key was not seen");
    cr_assert_eq(ntls_conn_last_error(p.server), NTLS_E_BAD_RECORD_MAC);
    cr_assert_eq(ntls_conn_alert_sent(p.server), NTLS_ALERT_BAD_RECORD_MAC);
    ntls_conn_free(p.client);
    ntls_conn_free(p.server);
}

static void flip_app_data(struct ntls_pair *p, bool from_client, uint8_t *bytes, size_t len)
{
    bool *armed = p->arg;
    if (*armed && !from_client && len > 10 && bytes[0] == 23) {
        bytes[len - 1] ^= 0x80;
        *armed = false;
    }
}

Test(conn_alert, bad_record_mac_for_tampered_data_forgets_the_session, .init = setup, .fini = teardown)
{
    bool armed = false;
    struct ntls_pair p = { ntls_conn_new(&client_cfg, false), ntls_conn_new(&server_cfg, true), 0, 1,
                           flip_app_data, &armed };
    cr_assert(ntls_pair_handshake(&p));
    cr_assert_eq(ntls_session_cache_count(server_cfg.cache), 1);
    armed = true;
    uint8_t data[100] = { 0 }, got[100];
    cr_assert_eq(ntls_pair_send(&p, false, data, sizeof data, got, sizeof got), 0);
    cr_assert_eq(ntls_conn_alert_sent(p.client), NTLS_ALERT_BAD_RECORD_MAC);
    /* The server decrypted the client's alert: it is on the wire, and RFC 2246 7.2.2 forgets the session. */
    cr_assert_eq(ntls_conn_alert_received(p.server), NTLS_ALERT_BAD_RECORD_MAC);
    cr_assert_eq(ntls_conn_last_error(p.server), NTLS_E_PEER_ALERT);
    cr_assert_eq(ntls_session_cache_count(server_cfg.cache), 0);
    cr_assert(ntls_conn_session(p.client)->not_resumable);
    ntls_conn_free(p.client);
    ntls_conn_free(p.server);
}

static int no_reneg_warnings;

static void count_alerts(struct ntls_conn *c, enum ntls_event ev, uint8_t detail)
{
    (void)c;
    if (ev == NTLS_EV_ALERT_SENT && detail == NTLS_ALERT_NO_RENEGOTIATION) {
        no_reneg_warnings++;
    }
}

Test(conn_alert, no_renegotiation_warning_for_a_hello_request, .init = setup, .fini = teardown)
{
    client_cfg.on_event = count_alerts;
    no_reneg_warnings = 0;
    struct ntls_pair p = { ntls_conn_new(&client_cfg, false), ntls_conn_new(&server_cfg, true), 0, 1, NULL, NULL };
    cr_assert(ntls_pair_handshake(&p));
    const uint8_t hello_request[] = { 0, 0, 0, 0 };
    size_t written;
    cr_assert_eq(ntls_rec_write(&p.server->rec, 22, hello_request, 4, &written).err, NTLS_E_OK);
    ntls_pair_pump(&p);
    cr_assert_eq(no_reneg_warnings, 1);
    cr_assert_eq(ntls_conn_last_error(p.client), NTLS_E_OK, "a warning, not a failure");
    cr_assert_eq(ntls_conn_last_error(p.server), NTLS_E_OK);
    uint8_t data[10] = "after", got[10];
    cr_assert_eq(ntls_pair_send(&p, true, data, sizeof data, got, sizeof got), sizeof data);
    ntls_conn_free(p.client);
    ntls_conn_free(p.server);
}
