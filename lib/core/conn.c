/* nettls: the connection: the engine's entry points, record routing and the one failure path. */
#include <string.h>
#include <time.h>

#include "alert.h"
#include "base/mem.h"
#include "conn_internal.h"
#include "hs_hello.h"

int64_t ntls_conn_now(void)
{
    return (int64_t)time(NULL);
}

bool ntls_conn_suite_supported(const struct ntls_suite *s)
{
    (void)s; /* every key exchange of the suite table: RSA, DHE_RSA, DHE_DSS, ECDHE_RSA, ECDHE_ECDSA */
    return true;
}

void ntls_config_default(struct ntls_config *cfg)
{
    memset(cfg, 0, sizeof *cfg);
    size_t count;
    const struct ntls_suite *all = ntls_suite_all(&count);
    for (size_t i = 0; i < count && cfg->nsuites < NTLS_MAX_SUITES; i++) {
        if (!(all[i].flags & NTLS_SUITE_NOT_DEFAULT) && ntls_conn_suite_supported(&all[i])) {
            cfg->suites[cfg->nsuites++] = all[i].id;
        }
    }
}

struct ntls_conn *ntls_conn_new(const struct ntls_config *cfg, bool is_server)
{
    struct ntls_conn *c = ntls_calloc(1, sizeof *c);
    if (c == NULL) {
        return NULL;
    }
    c->cfg = cfg;
    c->is_server = is_server;
    c->alert_sent = c->alert_received = -1;
    ntls_rec_init(&c->rec, !is_server, (cfg->flags & NTLS_CFG_NO_CBC_SPLIT) ? NTLS_REC_NO_CBC_SPLIT : 0);
    ntls_hs_in_init(&c->hs_in);
    if (cfg->max_cert_list != 0) {
        ntls_hs_in_set_limits(&c->hs_in, NTLS_HS_MAX_DEFAULT, cfg->max_cert_list);
    }
    return c;
}

/* Everything secret the handshake holds, and what it allocated for the handshake only. */
static void wipe_handshake(struct ntls_conn *c)
{
    if (c->hs != NULL) {
        ntls_kx_wipe(&c->hs->kx); /* these two own allocations of their own */
        ntls_x509_key_free(&c->hs->peer_key);
        ntls_free_secret(c->hs, sizeof *c->hs);
        c->hs = NULL;
    }
    ntls_free_secret(c->hs_out.buf, c->hs_out.cap);
    c->hs_out = (struct ntls_hs_out){ 0 };
    ntls_hs_in_free(&c->hs_in);
}

static void free_peer_chain(struct ntls_conn *c)
{
    for (size_t i = 0; i < c->peer_chain_len; i++) {
        ntls_x509_cert_free(c->peer_chain[i]);
        ntls_free(c->peer_chain[i]);
    }
    ntls_free(c->peer_chain);
    c->peer_chain = NULL;
    c->peer_chain_len = 0;
}

void ntls_conn_free(struct ntls_conn *c)
{
    if (c == NULL) {
        return;
    }
    wipe_handshake(c);
    ntls_rec_free(&c->rec);
    free_peer_chain(c);
    ntls_session_unref(c->session);
    ntls_session_unref(c->offered);
    ntls_free(c->server_name);
    ntls_free_secret(c, sizeof *c);
}

void ntls_conn_set_user(struct ntls_conn *c, void *user)
{
    c->user = user;
}

void *ntls_conn_user(const struct ntls_conn *c)
{
    return c->user;
}

void ntls_conn_set_config(struct ntls_conn *c, const struct ntls_config *cfg)
{
    c->cfg = cfg;
}

const struct ntls_config *ntls_conn_config(const struct ntls_conn *c)
{
    return c->cfg;
}

ntls_result ntls_conn_set_server_name(struct ntls_conn *c, const char *host)
{
    NTLS_ENSURE(!c->started && !c->is_server, NTLS_E_USAGE);
    ntls_free(c->server_name);
    c->server_name = NULL;
    if (host == NULL) {
        return ntls_ok();
    }
    size_t n = strlen(host);
    NTLS_ENSURE(n > 0 && n <= NTLS_HOST_NAME_MAX, NTLS_E_USAGE);
    c->server_name = ntls_calloc(1, n + 1);
    NTLS_ENSURE(c->server_name != NULL, NTLS_E_NOMEM);
    memcpy(c->server_name, host, n);
    return ntls_ok();
}

void ntls_conn_set_session(struct ntls_conn *c, struct ntls_session *s)
{
    ntls_session_unref(c->offered);
    c->offered = ntls_session_ref(s);
}

static void event(struct ntls_conn *c, enum ntls_event ev, uint8_t detail)
{
    if (c->cfg->on_event != NULL) {
        c->cfg->on_event(c, ev, detail);
    }
}

void ntls_conn_forget_session(struct ntls_conn *c)
{
    struct ntls_session *s = c->session;
    if (s == NULL) {
        return;
    }
    s->not_resumable = true;
    if (c->is_server && c->cfg->cache != NULL && s->id_len > 0) {
        (void)ntls_session_cache_remove(c->cfg->cache, s->id, s->id_len);
    }
}

ntls_result ntls_conn_fail(struct ntls_conn *c, ntls_result r)
{
    if (c->err != NTLS_E_OK || r.err == NTLS_E_OK) {
        return r;
    }
    c->err = r.err;
    int desc = ntls_alert_for_error(r.err);
    if (desc >= 0) {
        ntls_rec_seal_cancel(&c->rec);
        if (ntls_is_ok(ntls_rec_write_alert(&c->rec, NTLS_ALERT_FATAL, (uint8_t)desc))) {
            c->alert_sent = desc;
            uint8_t bytes[2] = { NTLS_ALERT_FATAL, (uint8_t)desc };
            if (c->cfg->on_message != NULL) {
                c->cfg->on_message(c, true, NTLS_CT_ALERT, bytes, 2);
            }
            event(c, NTLS_EV_ALERT_SENT, (uint8_t)desc);
        }
    }
    /* RFC 2246 7.2.2: forget the session, the keys and the secrets of a failed connection. */
    ntls_conn_forget_session(c);
    wipe_handshake(c);
    return r;
}

/* Once a failed connection's last bytes (its alert) are out, its record keys go too. */
static void wipe_if_failed_and_flushed(struct ntls_conn *c)
{
    size_t pending;
    (void)ntls_rec_out_buf(&c->rec, &pending);
    if (c->err != NTLS_E_OK && pending == 0 && !c->wiped) {
        ntls_rec_free(&c->rec);
        c->wiped = true;
    }
}

void ntls_hs_complete(struct ntls_conn *c)
{
    c->done = true;
    bool full = !c->reused;
    if (full && c->session != NULL) {
        memcpy(c->session->master_secret, c->hs->master, NTLS_MASTER_SECRET_LEN);
        if (!ntls_is_ok(ntls_hs_save_peer_chain(c))) {
            c->session->not_resumable = true; /* out of memory: a session without its chain is not kept */
        }
        if (c->is_server && c->session->id_len > 0 && c->cfg->cache != NULL) {
            ntls_result stored = ntls_session_cache_add(c->cfg->cache, c->session);
            (void)stored; /* a session that could not be cached is no reason to fail the connection */
        }
        if (c->cfg->on_new_session != NULL) {
            c->cfg->on_new_session(c, c->session);
        }
    }
    wipe_handshake(c);
    event(c, NTLS_EV_HANDSHAKE_DONE, 0);
}

ntls_result ntls_conn_start(struct ntls_conn *c)
{
    if (c->started) {
        return ntls_ok();
    }
    c->hs = ntls_calloc(1, sizeof *c->hs);
    NTLS_ENSURE(c->hs != NULL, NTLS_E_NOMEM);
    c->started = true;
    /* The transcript starts before a version is agreed; every version we speak hashes it the same way. */
    ntls_hash_init(&c->hs->transcript, ntls_version_ops(NTLS_TLS10)->transcript);
    event(c, NTLS_EV_HANDSHAKE_START, 0);
    ntls_result r = ntls_hs_send_due(c);
    if (r.err == NTLS_E_WANT_WRITE) {
        return ntls_ok();
    }
    return ntls_conn_fail(c, r);
}

/* RFC 2246 7.2: one alert record. close_notify ends the peer's sending; a fatal alert ends the connection
 * without an answer; other warnings are ignored. */
static ntls_result on_alert(struct ntls_conn *c)
{
    struct ntls_rec_view v;
    uint8_t level, desc;
    NTLS_TRY(ntls_rec_read(&c->rec, &v));
    struct ntls_cur in = v.data;
    NTLS_TRY(ntls_cur_u8(&in, &level));
    NTLS_TRY(ntls_cur_u8(&in, &desc));
    NTLS_TRY(ntls_cur_end(&in));
    if (c->cfg->on_message != NULL) {
        c->cfg->on_message(c, false, NTLS_CT_ALERT, v.data.p, 2);
    }
    ntls_rec_consume(&c->rec, 2);
    event(c, NTLS_EV_ALERT_RECEIVED, desc);
    if (desc == NTLS_ALERT_CLOSE_NOTIFY) {
        c->close_received = true;
        return ntls_ok();
    }
    if (level == NTLS_ALERT_FATAL) {
        c->alert_received = desc;
        return ntls_error(NTLS_E_PEER_ALERT);
    }
    NTLS_ENSURE(level == NTLS_ALERT_WARNING, NTLS_E_ILLEGAL_PARAMETER);
    return ntls_ok();
}

/* A handshake message after the handshake: a renegotiation request, which we refuse (RFC 5746 4.5 and
 * RFC 2246 7.4.1.1 allow the no_renegotiation warning). */
static ntls_result on_late_handshake(struct ntls_conn *c, const struct ntls_hs_msg *msg)
{
    bool hello_request = !c->is_server && msg->type == 0 && msg->body.len == 0;
    bool client_hello = c->is_server && msg->type == 1;
    NTLS_ENSURE(hello_request || client_hello, NTLS_E_UNEXPECTED_MESSAGE);
    NTLS_TRY(ntls_rec_write_alert(&c->rec, NTLS_ALERT_WARNING, NTLS_ALERT_NO_RENEGOTIATION));
    event(c, NTLS_EV_ALERT_SENT, NTLS_ALERT_NO_RENEGOTIATION);
    return ntls_ok();
}

/* A record that is not a handshake message: a CCS where the flow has one, an alert, or application data
 * once the handshake is done. Sets *app when application data is ready for the application. */
static ntls_result route_record(struct ntls_conn *c, uint8_t ctype, bool *app)
{
    if (ctype == NTLS_CT_ALERT) {
        return on_alert(c);
    }
    struct ntls_rec_view v;
    NTLS_TRY(ntls_rec_read(&c->rec, &v));
    if (ctype == NTLS_CT_CHANGE_CIPHER_SPEC) {
        struct ntls_hs_msg msg = { .ctype = ctype, .type = 0, .body = v.data, .raw = v.data };
        ntls_rec_consume(&c->rec, v.data.len);
        return ntls_hs_receive(c, &msg);
    }
    /* RFC 2246 6.2.1: application data only once a cipher spec has been agreed; after that the record
     * layer already refuses unknown types. */
    NTLS_ENSURE(ctype == NTLS_CT_APPLICATION_DATA && c->done, NTLS_E_UNEXPECTED_MESSAGE);
    if (v.data.len == 0) {
        ntls_rec_consume(&c->rec, 0); /* empty records are fine; the record layer bounds a run of them */
        return ntls_ok();
    }
    *app = true;
    return ntls_ok();
}

/* RFC 2246 E.1: a server accepts a ClientHello in SSL 2.0 format that offers TLS 1.0. Its two-byte
 * header has the top bit set, which no TLS record's first byte (a content type) has. */
static ntls_result sslv2_hello(struct ntls_conn *c, bool *handled, bool *idle)
{
    struct ntls_cur raw, probe, body;
    uint8_t b0;
    uint16_t len;
    ntls_rec_peek_raw(&c->rec, &raw);
    probe = raw;
    if (!ntls_is_ok(ntls_cur_u8(&probe, &b0)) || !(b0 & 0x80)) {
        return ntls_ok(); /* nothing yet, or a TLS record */
    }
    if (!ntls_is_ok(ntls_cur_u16(&raw, &len))) {
        *idle = true;
        return ntls_ok();
    }
    /* The record layer buffers at most NTLS_REC_IN_CAP bytes: a longer hello could never complete. */
    NTLS_ENSURE((len & 0x7fff) <= NTLS_REC_IN_CAP - 2, NTLS_E_RECORD_OVERFLOW);
    if (!ntls_is_ok(ntls_cur_take(&raw, len & 0x7fff, &body))) {
        *idle = true; /* wait for the whole message */
        return ntls_ok();
    }
    /* Every 3-byte cipher spec can become a 2-byte suite. */
    uint8_t suites[NTLS_REC_IN_CAP / 3 * 2];
    struct ntls_client_hello ch;
    struct ntls_cur msg = body;
    NTLS_TRY(ntls_client_hello_parse_v2(&msg, &ch, suites, sizeof suites));
    ntls_hash_update(&c->hs->transcript, body.p, body.len); /* the hash covers it from msg_type on */
    if (c->cfg->on_message != NULL) {
        c->cfg->on_message(c, false, NTLS_CT_HANDSHAKE, body.p, body.len);
    }
    ntls_rec_skip_raw(&c->rec, 2 + body.len);
    *handled = true;
    return ntls_hs_receive_v2(c, &ch);
}

/* One step of input processing. *idle is set when nothing more can be done without the peer or the
 * application. */
static ntls_result process_one(struct ntls_conn *c, bool *idle)
{
    if (c->is_server && c->pos == 0) {
        bool handled = false;
        NTLS_TRY(sslv2_hello(c, &handled, idle));
        if (handled || *idle) {
            return ntls_ok();
        }
    }
    struct ntls_hs_msg msg;
    ntls_result r = ntls_hs_in_next(&c->hs_in, &c->rec, &msg);
    if (r.err == NTLS_E_WANT_READ) {
        *idle = true;
        return ntls_ok();
    }
    NTLS_TRY(r);
    if (msg.ctype != NTLS_CT_HANDSHAKE) {
        bool app = false;
        NTLS_TRY(route_record(c, msg.ctype, &app));
        c->app_open = app;
        *idle = app;
        return ntls_ok();
    }
    if (c->done) {
        return on_late_handshake(c, &msg);
    }
    if (msg.type == 0 && !c->is_server) {
        return ntls_ok(); /* RFC 2246 7.4.1.1: HelloRequest during a handshake is ignored */
    }
    return ntls_hs_receive(c, &msg);
}

static void run(struct ntls_conn *c)
{
    while (c->err == NTLS_E_OK && !c->eof && c->started && !c->app_open && !c->close_received) {
        ntls_result r = ntls_hs_send_due(c);
        if (r.err == NTLS_E_WANT_WRITE) {
            return;
        }
        bool idle = false;
        if (ntls_is_ok(r)) {
            r = process_one(c, &idle);
        }
        if (!ntls_is_ok(r)) {
            (void)ntls_conn_fail(c, r);
            return;
        }
        if (idle) {
            return;
        }
    }
}

unsigned ntls_conn_state(struct ntls_conn *c)
{
    size_t out;
    (void)ntls_rec_out_buf(&c->rec, &out);
    unsigned st = out > 0 ? NTLS_ST_SENDREC : 0;
    bool over = c->err != NTLS_E_OK || c->eof || (c->close_sent && c->close_received);
    if (over) {
        return st != 0 ? st : NTLS_ST_CLOSED;
    }
    if (!c->started) {
        return st;
    }
    if (c->done && !c->close_sent && out == 0) {
        st |= NTLS_ST_SENDAPP;
    }
    if (c->app_open) {
        st |= NTLS_ST_RECVAPP;
    } else if (!c->close_received && (c->done || ntls_hs_awaits_peer(c))) {
        st |= NTLS_ST_RECVREC;
    }
    return st;
}

uint8_t *ntls_conn_recvrec_buf(struct ntls_conn *c, size_t *room)
{
    *room = 0;
    if (!(ntls_conn_state(c) & NTLS_ST_RECVREC)) {
        return NULL;
    }
    uint8_t *p = ntls_rec_in_buf(&c->rec, room);
    if (p == NULL) {
        (void)ntls_conn_fail(c, ntls_error(NTLS_E_NOMEM));
        *room = 0;
    }
    return p;
}

void ntls_conn_recvrec_ack(struct ntls_conn *c, size_t n)
{
    ntls_rec_in_ack(&c->rec, n);
    run(c);
    wipe_if_failed_and_flushed(c);
}

void ntls_conn_recvrec_eof(struct ntls_conn *c)
{
    c->eof = true;
    if (!c->close_received) {
        c->truncated = true; /* RFC 2246 7.2.1: a session ended without close_notify is not resumable */
        ntls_conn_forget_session(c);
    }
}

const uint8_t *ntls_conn_sendrec_buf(struct ntls_conn *c, size_t *len)
{
    return ntls_rec_out_buf(&c->rec, len);
}

void ntls_conn_sendrec_ack(struct ntls_conn *c, size_t n)
{
    ntls_rec_out_ack(&c->rec, n);
    run(c); /* a handshake flight may have been waiting for room */
    wipe_if_failed_and_flushed(c);
}

uint8_t *ntls_conn_sendapp_buf(struct ntls_conn *c, size_t *room)
{
    uint8_t *p = NULL;
    *room = 0;
    if (!(ntls_conn_state(c) & NTLS_ST_SENDAPP)) {
        return NULL;
    }
    ntls_result r = ntls_rec_seal_begin(&c->rec, NTLS_CT_APPLICATION_DATA, &p, room);
    if (!ntls_is_ok(r)) {
        *room = 0;
        if (r.err != NTLS_E_WANT_WRITE) {
            (void)ntls_conn_fail(c, r);
        }
        return NULL;
    }
    return p;
}

void ntls_conn_sendapp_ack(struct ntls_conn *c, size_t n)
{
    if (n == 0) {
        ntls_rec_seal_cancel(&c->rec);
        return;
    }
    (void)ntls_conn_fail(c, ntls_rec_seal_end(&c->rec, n));
}

const uint8_t *ntls_conn_recvapp_buf(struct ntls_conn *c, size_t *len)
{
    struct ntls_rec_view v;
    *len = 0;
    if (!c->app_open || !ntls_is_ok(ntls_rec_read(&c->rec, &v))) {
        return NULL;
    }
    *len = v.data.len;
    return v.data.p;
}

void ntls_conn_recvapp_ack(struct ntls_conn *c, size_t n)
{
    if (!c->app_open) {
        return;
    }
    ntls_rec_consume(&c->rec, n);
    if (ntls_rec_in_plaintext(&c->rec) == 0) {
        c->app_open = false;
        run(c);
        wipe_if_failed_and_flushed(c);
    }
}

void ntls_conn_close(struct ntls_conn *c)
{
    if (c->close_sent || c->err != NTLS_E_OK || c->eof) {
        return;
    }
    ntls_rec_seal_cancel(&c->rec);
    ntls_result r = ntls_rec_write_alert(&c->rec, NTLS_ALERT_WARNING, NTLS_ALERT_CLOSE_NOTIFY);
    if (!ntls_is_ok(r)) {
        (void)ntls_conn_fail(c, r);
        return;
    }
    c->close_sent = true;
    uint8_t bytes[2] = { NTLS_ALERT_WARNING, NTLS_ALERT_CLOSE_NOTIFY };
    if (c->cfg->on_message != NULL) {
        c->cfg->on_message(c, true, NTLS_CT_ALERT, bytes, 2);
    }
    event(c, NTLS_EV_ALERT_SENT, NTLS_ALERT_CLOSE_NOTIFY);
}

bool ntls_conn_close_sent(const struct ntls_conn *c)
{
    return c->close_sent;
}

bool ntls_conn_close_received(const struct ntls_conn *c)
{
    return c->close_received;
}

bool ntls_conn_truncated(const struct ntls_conn *c)
{
    return c->truncated;
}

enum ntls_err ntls_conn_last_error(const struct ntls_conn *c)
{
    return c->err;
}

int ntls_conn_alert_sent(const struct ntls_conn *c)
{
    return c->alert_sent;
}

int ntls_conn_alert_received(const struct ntls_conn *c)
{
    return c->alert_received;
}

bool ntls_conn_is_server(const struct ntls_conn *c)
{
    return c->is_server;
}

bool ntls_conn_handshake_done(const struct ntls_conn *c)
{
    return c->done;
}

bool ntls_conn_in_handshake(const struct ntls_conn *c)
{
    return c->started && !c->done;
}

uint16_t ntls_conn_version(const struct ntls_conn *c)
{
    return c->version;
}

const struct ntls_suite *ntls_conn_suite(const struct ntls_conn *c)
{
    return c->suite;
}

struct ntls_session *ntls_conn_session(const struct ntls_conn *c)
{
    return c->session;
}

bool ntls_conn_session_reused(const struct ntls_conn *c)
{
    return c->reused;
}

const char *ntls_conn_server_name(const struct ntls_conn *c)
{
    return c->server_name;
}

struct ntls_x509_cert *const *ntls_conn_peer_chain(const struct ntls_conn *c, size_t *n)
{
    *n = c->peer_chain_len;
    return c->peer_chain;
}

const uint8_t *ntls_conn_client_random(const struct ntls_conn *c)
{
    return c->client_random;
}

const uint8_t *ntls_conn_server_random(const struct ntls_conn *c)
{
    return c->server_random;
}

size_t ntls_conn_pending(const struct ntls_conn *c)
{
    return c->app_open ? ntls_rec_in_plaintext(&c->rec) : 0;
}

void ntls_conn_release_buffers(struct ntls_conn *c)
{
    ntls_rec_release_buffers(&c->rec);
}

size_t ntls_conn_heap_bytes(const struct ntls_conn *c)
{
    return sizeof *c + ntls_rec_heap_bytes(&c->rec) + c->hs_out.cap + (c->hs != NULL ? sizeof *c->hs : 0);
}
