/* nettls: the handshake as a table (ARCHITECTURE.md 6): the only place that knows the order of messages.
 *
 * Handlers parse or build one message and set connection state; they never decide what comes next. The
 * dispatcher owns the checks they should not repeat: the sender matches the row's writer, the message type
 * matches the expected row (otherwise unexpected_message), and after a receive handler the body is empty
 * (otherwise decode_error). */
#include <string.h>

#include "base/mem.h"
#include "conn_internal.h"

#define CT_CCS NTLS_CT_CHANGE_CIPHER_SPEC
#define CT_HS NTLS_CT_HANDSHAKE

struct ntls_hs_action {
    uint8_t ctype;   /* 22 handshake, 20 change_cipher_spec */
    uint8_t hs_type; /* RFC 2246 7.4 HandshakeType; 0 for CCS */
    char writer;     /* 'C' or 'S' */
    ntls_result (*send)(struct ntls_conn *c);
    ntls_result (*recv)(struct ntls_conn *c, struct ntls_cur *body);
    ntls_result (*sent)(struct ntls_conn *c); /* after the message went to the record layer; may be NULL */
};

static const struct ntls_hs_action actions[M__COUNT] = {
    [M_CLIENT_HELLO] = { CT_HS, 1, 'C', ntls_client_hello_send, ntls_client_hello_recv, NULL },
    [M_SERVER_HELLO] = { CT_HS, 2, 'S', ntls_server_hello_send, ntls_server_hello_recv, NULL },
    [M_SERVER_CERT] = { CT_HS, 11, 'S', ntls_server_cert_send, ntls_server_cert_recv, NULL },
    [M_SERVER_KX] = { CT_HS, 12, 'S', ntls_server_kx_send, ntls_server_kx_recv, NULL },
    [M_CERT_REQ] = { CT_HS, 13, 'S', ntls_cert_req_send, ntls_cert_req_recv, NULL },
    [M_SERVER_DONE] = { CT_HS, 14, 'S', ntls_server_done_send, ntls_server_done_recv, NULL },
    [M_CLIENT_CERT] = { CT_HS, 11, 'C', ntls_client_cert_send, ntls_client_cert_recv, NULL },
    [M_CLIENT_KX] = { CT_HS, 16, 'C', ntls_client_kx_send, ntls_client_kx_recv, NULL },
    [M_CERT_VERIFY] = { CT_HS, 15, 'C', ntls_cert_verify_send, ntls_cert_verify_recv, NULL },
    [M_CLIENT_CCS] = { CT_CCS, 0, 'C', ntls_ccs_send, ntls_ccs_recv, ntls_ccs_sent },
    [M_CLIENT_FIN] = { CT_HS, 20, 'C', ntls_finished_send, ntls_finished_recv, NULL },
    [M_SERVER_CCS] = { CT_CCS, 0, 'S', ntls_ccs_send, ntls_ccs_recv, ntls_ccs_sent },
    [M_SERVER_FIN] = { CT_HS, 20, 'S', ntls_finished_send, ntls_finished_recv, NULL },
    [M_APP_DATA] = { 0, 0, 0, NULL, NULL, NULL },
};

/* One step of a flow: the message, and the shape flags (HS_*) it needs. A step whose flags are not all set
 * is skipped, except a `peer_decides` step on the receiving side: there the message's arrival sets them
 * (a client learns that the server wants a certificate only from the CertificateRequest itself). */
struct flow_step {
    uint8_t msg;
    uint8_t need;
    bool peer_decides;
};

#define FLOW_MAX 16

/* RFC 2246 7.3: the full handshake, with the optional messages of 7.4.3-7.4.8, and the abbreviated one. */
static const struct flow_step flows[][FLOW_MAX] = {
    [HS_FULL] = {
        { M_CLIENT_HELLO, 0, false }, { M_SERVER_HELLO, 0, false }, { M_SERVER_CERT, 0, false },
        { M_SERVER_KX, HS_EPHEMERAL, false }, { M_CERT_REQ, HS_CLIENT_AUTH, true }, { M_SERVER_DONE, 0, false },
        { M_CLIENT_CERT, HS_CLIENT_AUTH, false }, { M_CLIENT_KX, 0, false },
        { M_CERT_VERIFY, HS_CLIENT_VERIFY, false }, { M_CLIENT_CCS, 0, false }, { M_CLIENT_FIN, 0, false },
        { M_SERVER_CCS, 0, false }, { M_SERVER_FIN, 0, false }, { M_APP_DATA, 0, false },
    },
    [HS_RESUME] = {
        { M_CLIENT_HELLO, 0, false }, { M_SERVER_HELLO, 0, false }, { M_SERVER_CCS, 0, false },
        { M_SERVER_FIN, 0, false }, { M_CLIENT_CCS, 0, false }, { M_CLIENT_FIN, 0, false },
        { M_APP_DATA, 0, false },
    },
};

static bool ours(const struct ntls_conn *c, const struct ntls_hs_action *a)
{
    return a->writer == (c->is_server ? 'S' : 'C');
}

/* Whether the step at pos is part of this handshake (or, for a receiver, may be). */
static bool step_due(const struct ntls_conn *c, unsigned pos)
{
    const struct flow_step *st = &flows[c->flow][pos];
    if ((st->need & ~c->hs_flags) == 0) {
        return true;
    }
    return st->peer_decides && !ours(c, &actions[st->msg]) && !c->hs_decided;
}

/* Moves past the steps this handshake does not have. */
static void settle(struct ntls_conn *c)
{
    while (!step_due(c, c->pos)) {
        c->pos++;
        c->hs_decided = false;
    }
}

static enum ntls_msg current(struct ntls_conn *c)
{
    settle(c);
    return (enum ntls_msg)flows[c->flow][c->pos].msg;
}

static void advance(struct ntls_conn *c)
{
    c->pos++;
    c->hs_decided = false;
    if (current(c) == M_APP_DATA) {
        ntls_hs_complete(c);
    }
}

void ntls_hs_set_flow(struct ntls_conn *c, enum ntls_flow flow)
{
    /* The rows agree up to ServerHello, the only message that may switch them. */
    c->flow = flow;
}

void ntls_hs_set_flags(struct ntls_conn *c, unsigned flags)
{
    c->hs_flags |= flags;
}

bool ntls_hs_awaits_peer(struct ntls_conn *c)
{
    if (!c->started || c->done || c->hs_out.len > 0) {
        return false;
    }
    const struct ntls_hs_action *a = &actions[current(c)];
    return a->writer != 0 && !ours(c, a);
}

/* Hands the pending message to the record layer; it may take several calls. */
static ntls_result push_pending(struct ntls_conn *c)
{
    struct ntls_hs_out *o = &c->hs_out;
    while (o->off < o->len) {
        size_t written = 0;
        ntls_result r = ntls_rec_write(&c->rec, o->ctype, o->buf + o->off, o->len - o->off, &written);
        o->off += written;
        NTLS_TRY(r);
    }
    o->len = o->off = 0;
    return ntls_ok();
}

ntls_result ntls_hs_send_due(struct ntls_conn *c)
{
    while (c->started && !c->done) {
        const struct ntls_hs_action *a = &actions[current(c)];
        if (c->hs_out.len == 0) {
            if (a->writer == 0 || !ours(c, a)) {
                return ntls_ok();
            }
            NTLS_TRY(a->send(c));
        }
        NTLS_TRY(push_pending(c));
        if (a->sent != NULL) {
            NTLS_TRY(a->sent(c));
        }
        advance(c);
    }
    return ntls_ok();
}

/* The expected action for a received message; a peer_decides step the message does not match is skipped. */
static const struct ntls_hs_action *expect(struct ntls_conn *c, const struct ntls_hs_msg *msg)
{
    const struct ntls_hs_action *a = &actions[current(c)];
    const struct flow_step *st = &flows[c->flow][c->pos];
    if (st->peer_decides && (st->need & ~c->hs_flags) != 0) {
        if (msg->ctype == a->ctype && msg->type == a->hs_type) {
            c->hs_flags |= st->need; /* the peer chose this shape by sending the message */
        } else {
            c->hs_decided = true; /* it did not: skip the step */
            a = &actions[current(c)];
        }
    }
    return a;
}

ntls_result ntls_hs_receive(struct ntls_conn *c, const struct ntls_hs_msg *msg)
{
    NTLS_ENSURE(c->started && !c->done, NTLS_E_UNEXPECTED_MESSAGE);
    const struct ntls_hs_action *a = expect(c, msg);
    NTLS_ENSURE(a->writer != 0 && !ours(c, a), NTLS_E_UNEXPECTED_MESSAGE);
    NTLS_ENSURE(msg->ctype == a->ctype && msg->type == a->hs_type, NTLS_E_UNEXPECTED_MESSAGE);
    if (msg->ctype == CT_HS) {
        c->hs->transcript_before = c->hs->transcript; /* CertificateVerify signs the transcript before itself */
        ntls_hash_update(&c->hs->transcript, msg->raw.p, msg->raw.len);
    }
    if (c->cfg->on_message != NULL) {
        c->cfg->on_message(c, false, msg->ctype, msg->raw.p, msg->raw.len);
    }
    struct ntls_cur body = msg->body;
    NTLS_TRY(a->recv(c, &body));
    NTLS_TRY(ntls_cur_end(&body));
    advance(c);
    return ntls_ok();
}

ntls_result ntls_hs_receive_v2(struct ntls_conn *c, const struct ntls_client_hello *ch)
{
    NTLS_ENSURE(c->started && current(c) == M_CLIENT_HELLO && c->is_server, NTLS_E_UNEXPECTED_MESSAGE);
    NTLS_TRY(ntls_server_accept_hello(c, ch));
    advance(c);
    return ntls_ok();
}

/* The pending-message buffer grows to the largest message sent and is freed when the handshake ends. */
static ntls_result reserve(struct ntls_hs_out *o, size_t n)
{
    if (o->cap >= n) {
        return ntls_ok();
    }
    uint8_t *grown = ntls_realloc(o->buf, n);
    NTLS_ENSURE(grown != NULL, NTLS_E_NOMEM);
    o->buf = grown;
    o->cap = n;
    return ntls_ok();
}

ntls_result ntls_hs_msg_begin(struct ntls_conn *c, uint8_t type, size_t body_max, struct ntls_wr *w,
                              size_t *mark)
{
    NTLS_TRY(reserve(&c->hs_out, NTLS_HS_HEADER + body_max));
    *w = ntls_wr_init(c->hs_out.buf, c->hs_out.cap);
    *mark = ntls_hs_wr_begin(w, type);
    return ntls_ok();
}

ntls_result ntls_hs_msg_end(struct ntls_conn *c, struct ntls_wr *w, size_t mark)
{
    ntls_hs_wr_end(w, mark);
    NTLS_TRY(ntls_wr_done(w));
    ntls_hash_update(&c->hs->transcript, w->p, w->len);
    c->hs_out.len = w->len;
    c->hs_out.off = 0;
    c->hs_out.ctype = CT_HS;
    if (c->cfg->on_message != NULL) {
        c->cfg->on_message(c, true, CT_HS, w->p, w->len);
    }
    return ntls_ok();
}

ntls_result ntls_hs_queue_ccs(struct ntls_conn *c)
{
    NTLS_TRY(reserve(&c->hs_out, 1));
    c->hs_out.buf[0] = 1; /* RFC 2246 7.1: enum { change_cipher_spec(1) } */
    c->hs_out.len = 1;
    c->hs_out.off = 0;
    c->hs_out.ctype = CT_CCS;
    if (c->cfg->on_message != NULL) {
        c->cfg->on_message(c, true, CT_CCS, c->hs_out.buf, 1);
    }
    return ntls_ok();
}
