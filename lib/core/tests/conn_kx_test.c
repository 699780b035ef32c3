/* Forward-secret and DSS key exchanges and client certificates (RFC 2246 7.4.3-7.4.8, RFC 4492), over
 * engine pairs: every suite with its kind of certificate, every group, and each bad-parameter case. */
#include <criterion/criterion.h>
#include <criterion/parameterized.h>
#include <string.h>

#include "core/alert.h"
#include "testlib/certs.h"
#include "testlib/pair.h"

static struct ntls_test_identity server_id, client_id;
static struct ntls_config server_cfg, client_cfg;

static void configs(void)
{
    ntls_config_default(&server_cfg);
    server_cfg.cache = ntls_session_cache_new(100);
    ntls_config_default(&client_cfg);
}

static void teardown(void)
{
    ntls_session_cache_free(server_cfg.cache);
    ntls_test_identity_free(&server_id);
    ntls_test_identity_free(&client_id);
}

static void serve_with(const char *cert, const char *key)
{
    cr_assert(ntls_test_identity_load(&server_id, cert, key), "loading %s", cert);
    server_cfg.identities[0] = server_id.id;
    server_cfg.nidentities = 1;
}

static void only_suite(uint16_t id)
{
    client_cfg.suites[0] = server_cfg.suites[0] = id;
    client_cfg.nsuites = server_cfg.nsuites = 1;
}

static struct ntls_pair make_pair(void (*on_wire)(struct ntls_pair *, bool, uint8_t *, size_t), void *arg)
{
    struct ntls_pair p = { ntls_conn_new(&client_cfg, false), ntls_conn_new(&server_cfg, true), 0, 3, on_wire,
                           arg };
    cr_assert_not_null(p.client);
    cr_assert_not_null(p.server);
    return p;
}

static void free_pair(struct ntls_pair *p)
{
    ntls_conn_free(p->client);
    ntls_conn_free(p->server);
}

static void exchange(struct ntls_pair *p)
{
    uint8_t data[3000], got[3000];
    for (size_t i = 0; i < sizeof data; i++) {
        data[i] = (uint8_t)(i * 7);
    }
    cr_assert_eq(ntls_pair_send(p, true, data, sizeof data, got, sizeof got), sizeof data);
    cr_assert_eq(memcmp(data, got, sizeof data), 0);
    cr_assert_eq(ntls_pair_send(p, false, data, sizeof data, got, sizeof got), sizeof data);
    cr_assert_eq(memcmp(data, got, sizeof data), 0);
}

/* A full handshake, data both ways, then a resumed one. */
static void full_and_resumed(uint16_t suite)
{
    only_suite(suite);
    struct ntls_pair p = make_pair(NULL, NULL);
    cr_assert(ntls_pair_handshake(&p), "suite %#06x: client %s, server %s", suite,
              ntls_err_name(ntls_conn_last_error(p.client)), ntls_err_name(ntls_conn_last_error(p.server)));
    cr_assert_eq(ntls_conn_suite(p.server)->id, suite);
    exchange(&p);
    struct ntls_session *s = ntls_session_ref(ntls_conn_session(p.client));
    free_pair(&p);
    struct ntls_pair q = make_pair(NULL, NULL);
    ntls_conn_set_session(q.client, s);
    ntls_session_unref(s);
    cr_assert(ntls_pair_handshake(&q));
    cr_assert(ntls_conn_session_reused(q.server));
    exchange(&q);
    free_pair(&q);
}

static const uint16_t rsa_signed[] = { 0x0033, 0x0039, 0x0016, 0x0045, 0x0088, 0xC013, 0xC014, 0xC012, 0xC011 };

ParameterizedTestParameters(conn_kx, rsa_signed_suites)
{
    return cr_make_param_array(uint16_t, (uint16_t *)rsa_signed, sizeof rsa_signed / sizeof rsa_signed[0]);
}

ParameterizedTest(uint16_t *suite, conn_kx, rsa_signed_suites, .init = configs, .fini = teardown)
{
    serve_with("server-rsa.pem", "server-rsa.key");
    full_and_resumed(*suite);
}

static const uint16_t dss_signed[] = { 0x0032, 0x0038, 0x0013, 0x0044, 0x0087 };

ParameterizedTestParameters(conn_kx, dss_signed_suites)
{
    return cr_make_param_array(uint16_t, (uint16_t *)dss_signed, sizeof dss_signed / sizeof dss_signed[0]);
}

ParameterizedTest(uint16_t *suite, conn_kx, dss_signed_suites, .init = configs, .fini = teardown)
{
    serve_with("dsa-2048.pem", "dsa-2048.key");
    full_and_resumed(*suite);
}

static const uint16_t ecdsa_signed[] = { 0xC009, 0xC00A, 0xC008, 0xC007 };

ParameterizedTestParameters(conn_kx, ecdsa_signed_suites)
{
    return cr_make_param_array(uint16_t, (uint16_t *)ecdsa_signed, sizeof ecdsa_signed / sizeof ecdsa_signed[0]);
}

ParameterizedTest(uint16_t *suite, conn_kx, ecdsa_signed_suites, .init = configs, .fini = teardown)
{
    serve_with("ec-p256.pem", "ec-p256.key");
    full_and_resumed(*suite);
}

Test(conn_kx, every_group, .init = configs, .fini = teardown)
{
    serve_with("ec-p384.pem", "ec-p384.key");
    const uint16_t groups[] = { 29, 23, 24 };
    for (size_t i = 0; i < 3; i++) {
        client_cfg.groups[0] = server_cfg.groups[0] = groups[i];
        client_cfg.ngroups = server_cfg.ngroups = 1;
        full_and_resumed(0xC009);
    }
}

Test(conn_kx, a_dh_group_below_the_client_minimum_is_illegal_parameter, .init = configs, .fini = teardown)
{
    serve_with("server-rsa.pem", "server-rsa.key");
    only_suite(0x0033);
    client_cfg.dh_min_bits = 3072; /* the built-in group has 2048 bits */
    struct ntls_pair p = make_pair(NULL, NULL);
    cr_assert_not(ntls_pair_handshake(&p));
    cr_assert_eq(ntls_conn_alert_sent(p.client), NTLS_ALERT_ILLEGAL_PARAMETER);
    cr_assert_eq(ntls_conn_alert_received(p.server), NTLS_ALERT_ILLEGAL_PARAMETER);
    free_pair(&p);
}

/* Rewrites the ServerKeyExchange in flight: `edit` gets the message from its type byte on. */
struct ske_edit {
    void (*edit)(uint8_t *msg, size_t len);
    bool done;
};

static void edit_ske(struct ntls_pair *p, bool from_client, uint8_t *bytes, size_t len)
{
    struct ske_edit *e = p->arg;
    /* The server's flight is plaintext, one record per message: find the record that starts with type 12. */
    for (size_t i = 0; !e->done && !from_client && i + 9 <= len; i++) {
        if (bytes[i] == 22 && bytes[i + 1] == 3 && bytes[i + 2] == 1 && bytes[i + 5] == 12) {
            size_t mlen = 4 + ((size_t)bytes[i + 6] << 16 | (size_t)bytes[i + 7] << 8 | bytes[i + 8]);
            cr_assert_leq(i + 5 + mlen, len, "the ServerKeyExchange spans chunks");
            e->edit(bytes + i + 5, mlen);
            e->done = true;
        }
    }
}

/* ffdhe2048: p at body offset 2 (256 bytes), g at 260 (1 byte), Ys at 263 (256 bytes). */
static void ys_one(uint8_t *msg, size_t len)
{
    (void)len;
    memset(msg + 4 + 263, 0, 256);
    msg[4 + 263 + 255] = 1;
}

static void ys_p_minus_one(uint8_t *msg, size_t len)
{
    (void)len;
    memcpy(msg + 4 + 263, msg + 4 + 2, 256);
    msg[4 + 263 + 255] -= 1;
}

static void flip_signature(uint8_t *msg, size_t len)
{
    msg[len - 5] ^= 0x40;
}

static void run_ske_edit(void (*edit)(uint8_t *, size_t), uint16_t suite, uint8_t alert)
{
    struct ske_edit e = { edit, false };
    only_suite(suite);
    struct ntls_pair p = make_pair(edit_ske, &e);
    cr_assert_not(ntls_pair_handshake(&p));
    cr_assert(e.done, "no ServerKeyExchange seen");
    cr_assert_eq(ntls_conn_alert_sent(p.client), alert, "client sent %d", ntls_conn_alert_sent(p.client));
    cr_assert_eq(ntls_conn_alert_received(p.server), alert);
    free_pair(&p);
}

Test(conn_kx, ys_of_one_and_of_p_minus_one_are_illegal_parameter, .init = configs, .fini = teardown)
{
    serve_with("server-rsa.pem", "server-rsa.key");
    run_ske_edit(ys_one, 0x0033, NTLS_ALERT_ILLEGAL_PARAMETER);
    run_ske_edit(ys_p_minus_one, 0x0033, NTLS_ALERT_ILLEGAL_PARAMETER);
}

Test(conn_kx, a_corrupted_signature_is_decrypt_error, .init = configs, .fini = teardown)
{
    serve_with("server-rsa.pem", "server-rsa.key");
    run_ske_edit(flip_signature, 0x0033, NTLS_ALERT_DECRYPT_ERROR);
    run_ske_edit(flip_signature, 0xC013, NTLS_ALERT_DECRYPT_ERROR);
}

/* P-256: ServerECDHParams is curve_type (1), named curve (2), then the point as a vec8 of 65 bytes. */
static void point_off_curve(uint8_t *msg, size_t len)
{
    (void)len;
    msg[4 + 3 + 1 + 64] ^= 0x01; /* the last byte of y */
}

Test(conn_kx, a_point_off_the_curve_is_illegal_parameter, .init = configs, .fini = teardown)
{
    serve_with("server-rsa.pem", "server-rsa.key");
    client_cfg.groups[0] = server_cfg.groups[0] = 23;
    client_cfg.ngroups = server_cfg.ngroups = 1;
    run_ske_edit(point_off_curve, 0xC013, NTLS_ALERT_ILLEGAL_PARAMETER);
}

static void client_auth(const char *cert, const char *key, uint16_t suite)
{
    serve_with("server-rsa.pem", "server-rsa.key");
    cr_assert(ntls_test_identity_load(&client_id, cert, key));
    client_cfg.identities[0] = client_id.id;
    client_cfg.nidentities = 1;
    server_cfg.flags |= NTLS_CFG_VERIFY_CLIENT | NTLS_CFG_REQUIRE_CLIENT_CERT;
    only_suite(suite);
    struct ntls_pair p = make_pair(NULL, NULL);
    cr_assert(ntls_pair_handshake(&p), "%s: client %s, server %s", cert,
              ntls_err_name(ntls_conn_last_error(p.client)), ntls_err_name(ntls_conn_last_error(p.server)));
    size_t n;
    struct ntls_x509_cert *const *chain = ntls_conn_peer_chain(p.server, &n);
    cr_assert_geq(n, 1);
    cr_assert_eq(chain[0]->der_len, client_id.chain[0]->der_len);
    exchange(&p);
    free_pair(&p);
    ntls_test_identity_free(&client_id);
    ntls_test_identity_free(&server_id);
}

Test(conn_kx, client_certificates_of_every_kind, .init = configs, .fini = teardown)
{
    client_auth("client-rsa.pem", "client-rsa.key", 0x002F);
    client_auth("dsa-2048.pem", "dsa-2048.key", 0x0033);
    client_auth("ec-p256.pem", "ec-p256.key", 0xC013);
}

Test(conn_kx, a_missing_required_client_certificate_is_handshake_failure, .init = configs, .fini = teardown)
{
    serve_with("server-rsa.pem", "server-rsa.key");
    server_cfg.flags |= NTLS_CFG_VERIFY_CLIENT | NTLS_CFG_REQUIRE_CLIENT_CERT;
    struct ntls_pair p = make_pair(NULL, NULL);
    cr_assert_not(ntls_pair_handshake(&p));
    cr_assert_eq(ntls_conn_alert_sent(p.server), NTLS_ALERT_HANDSHAKE_FAILURE);
    cr_assert_eq(ntls_conn_alert_received(p.client), NTLS_ALERT_HANDSHAKE_FAILURE);
    free_pair(&p);
}

Test(conn_kx, an_optional_client_certificate_may_be_absent, .init = configs, .fini = teardown)
{
    serve_with("server-rsa.pem", "server-rsa.key");
    server_cfg.flags |= NTLS_CFG_VERIFY_CLIENT;
    struct ntls_pair p = make_pair(NULL, NULL);
    cr_assert(ntls_pair_handshake(&p));
    size_t n;
    (void)ntls_conn_peer_chain(p.server, &n);
    cr_assert_eq(n, 0);
    free_pair(&p);
}

Test(conn_kx, a_server_with_several_certificates_picks_the_one_its_suite_needs, .init = configs,
     .fini = teardown)
{
    struct ntls_test_identity ec_id;
    serve_with("server-rsa.pem", "server-rsa.key");
    cr_assert(ntls_test_identity_load(&ec_id, "ec-p256.pem", "ec-p256.key"));
    server_cfg.identities[1] = ec_id.id;
    server_cfg.nidentities = 2;
    const uint16_t suites[] = { 0xC009, 0xC013, 0x002F };
    const enum ntls_pk_type kinds[] = { NTLS_PK_EC, NTLS_PK_RSA, NTLS_PK_RSA };
    for (size_t i = 0; i < 3; i++) {
        client_cfg.suites[0] = suites[i];
        client_cfg.nsuites = 1;
        struct ntls_pair p = make_pair(NULL, NULL);
        cr_assert(ntls_pair_handshake(&p), "suite %#06x", suites[i]);
        size_t n;
        struct ntls_x509_cert *const *chain = ntls_conn_peer_chain(p.client, &n);
        cr_assert_eq(chain[0]->spki.type, kinds[i], "suite %#06x got the wrong certificate", suites[i]);
        free_pair(&p);
    }
    ntls_test_identity_free(&ec_id);
}

static struct ntls_test_identity late_id;

/* Loads the client's certificate only when the server asks for one, as OpenSSL's client_cert_cb does. */
static void provide_identity_late(struct ntls_conn *c)
{
    (void)c;
    cr_assert(ntls_test_identity_load(&late_id, "client-rsa.pem", "client-rsa.key"));
    client_cfg.identities[0] = late_id.id;
    client_cfg.nidentities = 1;
}

Test(conn_kx, the_certificate_request_hook_may_provide_the_client_identity, .init = configs, .fini = teardown)
{
    serve_with("server-rsa.pem", "server-rsa.key");
    server_cfg.flags |= NTLS_CFG_VERIFY_CLIENT | NTLS_CFG_REQUIRE_CLIENT_CERT;
    client_cfg.on_cert_request = provide_identity_late;
    struct ntls_pair p = make_pair(NULL, NULL);
    cr_assert(ntls_pair_handshake(&p));
    size_t n;
    (void)ntls_conn_peer_chain(p.server, &n);
    cr_assert_eq(n, late_id.n);
    free_pair(&p);
    ntls_test_identity_free(&late_id);
}
