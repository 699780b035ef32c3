/* Callbacks and state (SSL_CTX_set_info_callback(3), SSL_CTX_set_msg_callback(3), SSL_CTX_set_verify(3),
 * SSL_get_ex_data(3), SSL_state_string(3), SSL_alert_type_string(3), SSL_CTX_set_default_passwd_cb(3)):
 * what a program sees while one connection runs over memory BIOs. Built against nettls and against the
 * system OpenSSL 3 (tls_pair.h). */
#include <criterion/criterion.h>
#include <string.h>

#include <openssl/err.h>
#include <openssl/ssl.h>
#include <openssl/x509_vfy.h>

#include "mem_pair.h"
#include "tls_pair.h"

static void setup(void)
{
    OPENSSL_init_ssl(0, NULL);
    ERR_clear_error();
}

TestSuite(callbacks, .init = setup, .timeout = 60);

/* 1.1.0 pads the short state names to six characters ("SSLOK "); OpenSSL 3 does not. */
static int brief_is(const char *got, const char *want)
{
    size_t n = strlen(want);
    return strncmp(got, want, n) == 0 && (got[n] == '\0' || got[n] == ' ');
}

#define MAX_EVENTS 64

struct info_log {
    int n;
    int where[MAX_EVENTS], ret[MAX_EVENTS];
    char state[MAX_EVENTS][64];
};

static struct info_log client_log, server_log;

static void info_cb(const SSL *ssl, int where, int ret)
{
    struct info_log *log = SSL_is_server((SSL *)ssl) ? &server_log : &client_log;
    if (log->n < MAX_EVENTS) {
        log->where[log->n] = where;
        log->ret[log->n] = ret;
        strncpy(log->state[log->n], SSL_state_string_long(ssl), sizeof log->state[0] - 1);
        log->n++;
    }
}

static int has_event(const struct info_log *log, int where, int ret)
{
    for (int i = 0; i < log->n; i++) {
        if (log->where[i] == where && log->ret[i] == ret) {
            return 1;
        }
    }
    return 0;
}

static int saw_state(const struct info_log *log, int loop, const char *state)
{
    for (int i = 0; i < log->n; i++) {
        if ((log->where[i] & loop) == loop && strcmp(log->state[i], state) == 0) {
            return 1;
        }
    }
    return 0;
}

static void pair_ctx(SSL_CTX **cctx, SSL_CTX **sctx)
{
    *cctx = tls_client_ctx("AES128-SHA");
    *sctx = tls_server_ctx("AES128-SHA", "server-rsa.pem", "server-rsa.key");
    cr_assert(*cctx != NULL && *sctx != NULL);
}

Test(callbacks, info_callback_and_state_strings)
{
    SSL_CTX *cctx, *sctx;
    pair_ctx(&cctx, &sctx);
    SSL_CTX_set_info_callback(cctx, info_cb);
    SSL_CTX_set_info_callback(sctx, info_cb);
    memset(&client_log, 0, sizeof client_log);
    memset(&server_log, 0, sizeof server_log);
    struct mem_pair p;
    mem_pair_new(&p, cctx, sctx);
    cr_assert_eq(SSL_in_before(p.c), 1);
    cr_assert_eq(SSL_in_init(p.c), 1);
    cr_assert_eq(SSL_is_init_finished(p.c), 0);
    cr_assert_str_eq(SSL_state_string_long(p.c), "before SSL initialization");
    cr_assert(brief_is(SSL_state_string(p.c), "PINIT"));
    cr_assert_eq(SSL_get_state(p.c), TLS_ST_BEFORE);

    cr_assert_eq(mem_pair_handshake(&p, NULL, NULL), 1);
    cr_assert_eq(SSL_in_before(p.c), 0);
    cr_assert_eq(SSL_in_init(p.c), 0);
    cr_assert_eq(SSL_is_init_finished(p.s), 1);
    cr_assert_eq(SSL_get_state(p.c), TLS_ST_OK);
    cr_assert_str_eq(SSL_state_string_long(p.c), "SSL negotiation finished successfully");
    cr_assert(brief_is(SSL_state_string(p.s), "SSLOK"));

    /* The events of a handshake, in OpenSSL's order: START first; a WANT_READ exit (-1) while waiting;
     * the message states as loops; DONE; an exit with 1 last. */
    cr_assert_eq(client_log.where[0], SSL_CB_HANDSHAKE_START);
    cr_assert_eq(server_log.where[0], SSL_CB_HANDSHAKE_START);
    cr_assert(has_event(&client_log, SSL_CB_CONNECT_EXIT, -1));
    cr_assert(has_event(&server_log, SSL_CB_ACCEPT_EXIT, -1));
    cr_assert(has_event(&client_log, SSL_CB_HANDSHAKE_DONE, 1));
    cr_assert_eq(client_log.where[client_log.n - 1], SSL_CB_CONNECT_EXIT);
    cr_assert_eq(client_log.ret[client_log.n - 1], 1);
    cr_assert_eq(server_log.where[server_log.n - 1], SSL_CB_ACCEPT_EXIT);
    cr_assert_eq(server_log.ret[server_log.n - 1], 1);
    static const char *const client_states[] = {
        "SSLv3/TLS write client hello", "SSLv3/TLS read server hello", "SSLv3/TLS read server certificate",
        "SSLv3/TLS read server done", "SSLv3/TLS write client key exchange",
        "SSLv3/TLS write change cipher spec", "SSLv3/TLS write finished", "SSLv3/TLS read finished",
    };
    for (size_t i = 0; i < sizeof client_states / sizeof client_states[0]; i++) {
        cr_expect(saw_state(&client_log, SSL_CB_CONNECT_LOOP, client_states[i]), "%s", client_states[i]);
    }
    static const char *const server_states[] = {
        "SSLv3/TLS read client hello", "SSLv3/TLS write server hello", "SSLv3/TLS write certificate",
        "SSLv3/TLS write server done", "SSLv3/TLS read client key exchange",
        "SSLv3/TLS read finished", "SSLv3/TLS write change cipher spec", "SSLv3/TLS write finished",
    };
    for (size_t i = 0; i < sizeof server_states / sizeof server_states[0]; i++) {
        cr_expect(saw_state(&server_log, SSL_CB_ACCEPT_LOOP, server_states[i]), "%s", server_states[i]);
    }

    /* close_notify is a warning alert (RFC 2246 7.2.1), written by one side and read by the other. */
    client_log.n = server_log.n = 0;
    cr_assert_eq(SSL_shutdown(p.c), 0);
    mem_pair_move(&p);
    char c;
    cr_assert_eq(SSL_read(p.s, &c, 1), 0);
    cr_assert_eq(SSL_get_error(p.s, 0), SSL_ERROR_ZERO_RETURN);
    int alert = SSL3_AL_WARNING << 8 | SSL_AD_CLOSE_NOTIFY;
    cr_assert(has_event(&client_log, SSL_CB_WRITE_ALERT, alert));
    cr_assert(has_event(&server_log, SSL_CB_READ_ALERT, alert));
    cr_assert_str_eq(SSL_alert_type_string_long(alert), "warning");
    cr_assert_str_eq(SSL_alert_type_string(alert), "W");
    cr_assert_str_eq(SSL_alert_desc_string_long(alert), "close notify");
    cr_assert_str_eq(SSL_alert_desc_string(alert), "CN");
    mem_pair_free(&p);
    SSL_CTX_free(cctx);
    SSL_CTX_free(sctx);
}

Test(callbacks, alert_names)
{
    int fatal = SSL3_AL_FATAL << 8;
    cr_assert_str_eq(SSL_alert_type_string_long(fatal | SSL_AD_HANDSHAKE_FAILURE), "fatal");
    cr_assert_str_eq(SSL_alert_type_string(fatal), "F");
    cr_assert_str_eq(SSL_alert_type_string(3 << 8), "U");
    cr_assert_str_eq(SSL_alert_type_string_long(3 << 8), "unknown");
    cr_assert_str_eq(SSL_alert_desc_string_long(SSL_AD_HANDSHAKE_FAILURE), "handshake failure");
    cr_assert_str_eq(SSL_alert_desc_string(SSL_AD_HANDSHAKE_FAILURE), "HF");
    cr_assert_str_eq(SSL_alert_desc_string_long(SSL_AD_UNEXPECTED_MESSAGE), "unexpected_message");
    cr_assert_str_eq(SSL_alert_desc_string_long(SSL_AD_BAD_RECORD_MAC), "bad record mac");
    cr_assert_str_eq(SSL_alert_desc_string_long(SSL_AD_UNKNOWN_CA), "unknown CA");
    cr_assert_str_eq(SSL_alert_desc_string(SSL_AD_UNKNOWN_CA), "CA");
    cr_assert_str_eq(SSL_alert_desc_string_long(SSL_AD_DECRYPT_ERROR), "decrypt error");
    cr_assert_str_eq(SSL_alert_desc_string(SSL_AD_DECRYPT_ERROR), "CY");
    cr_assert_str_eq(SSL_alert_desc_string_long(SSL_AD_UNRECOGNIZED_NAME), "unrecognized name");
    cr_assert_str_eq(SSL_alert_desc_string_long(SSL_AD_NO_RENEGOTIATION), "no renegotiation");
    cr_assert_str_eq(SSL_alert_desc_string_long(SSL_AD_PROTOCOL_VERSION), "protocol version");
    cr_assert_str_eq(SSL_alert_desc_string_long(SSL_AD_INTERNAL_ERROR), "internal error");
    cr_assert_str_eq(SSL_alert_desc_string_long(200), "unknown");
    cr_assert_str_eq(SSL_alert_desc_string(200), "UK");
}

/* ---------------------------------------------------------------------------------------------------- */
/* The message callback: each handshake message as it goes out or comes in, with its header. */

struct msg_log {
    int n;
    int types[2][16]; /* [write_p][i]: handshake message types */
    int counts[2];
    int ccs[2];
    int bad_version;
};

static void msg_cb(int write_p, int version, int content_type, const void *buf, size_t len, SSL *ssl,
                   void *arg)
{
    struct msg_log *log = arg;
    (void)ssl;
    if (content_type == SSL3_RT_HANDSHAKE && len >= 4 && log->counts[write_p] < 16) {
        log->types[write_p][log->counts[write_p]++] = ((const unsigned char *)buf)[0];
        log->bad_version += version != TLS1_VERSION;
    } else if (content_type == SSL3_RT_CHANGE_CIPHER_SPEC) {
        log->ccs[write_p]++;
    }
}

Test(callbacks, message_callback_sees_each_handshake_message)
{
    SSL_CTX *cctx, *sctx;
    pair_ctx(&cctx, &sctx);
    struct msg_log log;
    memset(&log, 0, sizeof log);
    SSL_CTX_set_msg_callback(cctx, msg_cb);
    SSL_CTX_set_msg_callback_arg(cctx, &log);
    struct mem_pair p;
    mem_pair_new(&p, cctx, sctx);
    cr_assert_eq(mem_pair_handshake(&p, NULL, NULL), 1);
    static const int sent[] = { 1, 16, 20 };      /* ClientHello, ClientKeyExchange, Finished */
    static const int got[] = { 2, 11, 14, 20 };   /* ServerHello, Certificate, ServerHelloDone, Finished */
    cr_assert_eq(log.counts[1], 3);
    cr_assert_eq(log.counts[0], 4);
    cr_assert_eq(memcmp(log.types[1], sent, sizeof sent), 0);
    cr_assert_eq(memcmp(log.types[0], got, sizeof got), 0);
    cr_assert_eq(log.ccs[1], 1);
    cr_assert_eq(log.bad_version, 0);
    mem_pair_free(&p);
    SSL_CTX_free(cctx);
    SSL_CTX_free(sctx);
}

/* ---------------------------------------------------------------------------------------------------- */
/* The verify callback and ex_data: the callback finds its SSL in the X509_STORE_CTX, and the
 * application's data on the SSL and its context. */

static int ssl_idx, ctx_idx; /* from SSL_get_ex_new_index(3) */

struct verify_log {
    int calls, preverify_failures, found_ssl;
};

static int verify_cb(int ok, X509_STORE_CTX *x)
{
    SSL *ssl = X509_STORE_CTX_get_ex_data(x, SSL_get_ex_data_X509_STORE_CTX_idx());
    struct verify_log *log = ssl != NULL ? SSL_get_ex_data(ssl, ssl_idx) : NULL;
    if (log == NULL) {
        return 0;
    }
    log->calls++;
    log->preverify_failures += !ok;
    log->found_ssl += SSL_CTX_get_ex_data(SSL_get_SSL_CTX(ssl), ctx_idx) == log;
    return ok;
}

Test(callbacks, verify_callback_and_ex_data)
{
    SSL_CTX *cctx, *sctx;
    pair_ctx(&cctx, &sctx);
    cr_assert_eq(SSL_CTX_load_verify_locations(cctx, tls_fixture("ca-rsa.pem"), NULL), 1);
    SSL_CTX_set_verify(cctx, SSL_VERIFY_PEER, verify_cb);
    struct verify_log log = { 0, 0, 0 };
    ssl_idx = SSL_get_ex_new_index(0, NULL, NULL, NULL, NULL);
    ctx_idx = SSL_CTX_get_ex_new_index(0, NULL, NULL, NULL, NULL);
    cr_assert(ssl_idx > 0 && ctx_idx > 0);
    cr_assert_gt(SSL_get_ex_new_index(0, NULL, NULL, NULL, NULL), ssl_idx);
    cr_assert_null(SSL_CTX_get_ex_data(cctx, ctx_idx));
    cr_assert_eq(SSL_CTX_set_ex_data(cctx, ctx_idx, &log), 1);
    struct mem_pair p;
    mem_pair_new(&p, cctx, sctx);
    cr_assert_null(SSL_get_ex_data(p.c, ssl_idx));
    cr_assert_null(SSL_get_ex_data(p.c, 40));
    cr_assert_eq(SSL_set_ex_data(p.c, ssl_idx, &log), 1);
    cr_assert_eq(SSL_get_ex_data(p.c, ssl_idx), &log);
    SSL_set_app_data(p.s, &log);
    cr_assert_eq(SSL_get_app_data(p.s), &log);
    cr_assert_eq(mem_pair_handshake(&p, NULL, NULL), 1);
    cr_assert_eq(SSL_get_verify_result(p.c), X509_V_OK);
    cr_assert_eq(log.calls, 2); /* the CA, then the server's certificate */
    cr_assert_eq(log.preverify_failures, 0);
    cr_assert_eq(log.found_ssl, 2);
    cr_assert_eq(SSL_set_ex_data(p.c, ssl_idx, NULL), 1);
    cr_assert_null(SSL_get_ex_data(p.c, ssl_idx));
    mem_pair_free(&p);
    SSL_CTX_free(cctx);
    SSL_CTX_free(sctx);
}

/* ---------------------------------------------------------------------------------------------------- */
/* The password callback: asked once for an encrypted key, with rwflag 0 and the user data. */

struct pw_log {
    int calls, rwflag;
    void *self;
};

static int pw_cb(char *buf, int size, int rwflag, void *u)
{
    struct pw_log *log = u;
    log->calls++;
    log->rwflag = rwflag;
    log->self = u;
    const char *pw = "nettls";
    int n = (int)strlen(pw);
    cr_assert_geq(size, n);
    memcpy(buf, pw, (size_t)n);
    return n;
}

static int wrong_pw_cb(char *buf, int size, int rwflag, void *u)
{
    (void)rwflag;
    (void)u;
    cr_assert_geq(size, 5);
    memcpy(buf, "wrong", 5);
    return 5;
}

Test(callbacks, default_passwd_cb)
{
    SSL_CTX *ctx = SSL_CTX_new(TLS_server_method());
    cr_assert_not_null(ctx);
    struct pw_log log = { 0, -1, NULL };
    SSL_CTX_set_default_passwd_cb(ctx, pw_cb);
    SSL_CTX_set_default_passwd_cb_userdata(ctx, &log);
    cr_assert_eq(SSL_CTX_get_default_passwd_cb(ctx), pw_cb);
    cr_assert_eq(SSL_CTX_get_default_passwd_cb_userdata(ctx), &log);
    cr_assert_eq(SSL_CTX_use_PrivateKey_file(ctx, tls_fixture("server-rsa.key"), SSL_FILETYPE_PEM), 1);
    cr_assert_eq(log.calls, 0); /* not encrypted: not asked */
    cr_assert_eq(SSL_CTX_use_PrivateKey_file(ctx, tls_fixture("key-rsa-legacy-aes128.pem"), SSL_FILETYPE_PEM),
                 1);
    cr_assert_eq(log.calls, 1);
    cr_assert_eq(log.rwflag, 0);
    cr_assert_eq(log.self, &log);
    SSL_CTX_set_default_passwd_cb(ctx, wrong_pw_cb);
    cr_assert_eq(SSL_CTX_use_PrivateKey_file(ctx, tls_fixture("key-rsa-pkcs8-aes256.pem"), SSL_FILETYPE_PEM),
                 0);
    cr_assert_neq(ERR_peek_error(), 0);
    ERR_clear_error();
    SSL_CTX_free(ctx);
}
