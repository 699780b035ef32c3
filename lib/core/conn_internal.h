/* nettls: the connection's insides, shared by conn.c, the handshake table and the message handlers. */
#ifndef NTLS_CORE_CONN_INTERNAL_H
#define NTLS_CORE_CONN_INTERNAL_H

#include "conn.h"
#include "crypto/crypto.h"
#include "hs_hello.h"
#include "hs_io.h"
#include "hs_secrets.h"
#include "kx_ephemeral.h"
#include "record.h"

/* The messages of a TLS 1.0 handshake, as rows of the action table in hs_table.c. */
enum ntls_msg {
    M_CLIENT_HELLO,
    M_SERVER_HELLO,
    M_SERVER_CERT,
    M_SERVER_KX,
    M_CERT_REQ,
    M_SERVER_DONE,
    M_CLIENT_CERT,
    M_CLIENT_KX,
    M_CERT_VERIFY,
    M_CLIENT_CCS,
    M_CLIENT_FIN,
    M_SERVER_CCS,
    M_SERVER_FIN,
    M_APP_DATA, /* the end of every flow */
    M__COUNT
};

/* The handshake shapes (RFC 2246 7.3): a row of messages each in hs_table.c. */
enum ntls_flow {
    HS_FULL,
    HS_RESUME,
};

/* CertificateRequest certificate types we know, as bits of ntls_conn.cert_types. */
#define NTLS_CT_RSA_SIGN 0x1u
#define NTLS_CT_DSS_SIGN 0x2u
#define NTLS_CT_ECDSA_SIGN 0x4u

/* Shape flags: which optional messages of RFC 2246 7.3 this handshake has. */
#define HS_EPHEMERAL 0x1u     /* ServerKeyExchange: a DHE or ECDHE suite */
#define HS_CLIENT_AUTH 0x2u   /* CertificateRequest and the client's Certificate */
#define HS_CLIENT_VERIFY 0x4u /* CertificateVerify: the client's Certificate was not empty */

/* The handshake message being handed to the record layer; it may take several rounds when the output
 * buffer fills (a long certificate chain). */
struct ntls_hs_out {
    uint8_t *buf;
    size_t cap, len, off;
    uint8_t ctype;
};

/* What only the handshake needs: allocated when it starts, wiped and freed when it ends, so an idle
 * connection does not carry it. */
struct ntls_hs_state {
    struct ntls_hash transcript;
    struct ntls_hash transcript_before; /* before the last received message (CertificateVerify) */
    uint8_t master[NTLS_MASTER_SECRET_LEN];
    uint8_t peer_finished[NTLS_FINISHED_LEN]; /* expected verify_data, computed at the peer's CCS */
    struct ntls_kx_state kx;
    struct ntls_x509_key peer_key; /* the peer's leaf key, for the key exchange and signatures */
};

struct ntls_conn {
    const struct ntls_config *cfg;
    void *user;
    bool is_server;
    struct ntls_record rec;
    struct ntls_hs_in hs_in;
    struct ntls_hs_out hs_out;

    /* handshake progress */
    bool started, done;
    enum ntls_flow flow;
    unsigned pos;       /* index into the flow row */
    unsigned hs_flags;  /* HS_* */
    bool hs_decided;    /* the peer skipped the optional step at pos */
    struct ntls_hs_state *hs; /* NULL before the handshake starts and after it ends */

    /* negotiated */
    uint16_t version;        /* 0 until ServerHello */
    uint16_t client_version; /* what the client offered (the RSA premaster carries it) */
    const struct ntls_suite *suite;
    uint8_t client_random[NTLS_RANDOM_LEN], server_random[NTLS_RANDOM_LEN];
    bool use_ems;          /* RFC 7627 negotiated */
    bool secure_reneg;     /* RFC 5746: the peer signalled support */
    bool client_sent_ems;  /* server: the ClientHello carried extended_master_secret */
    bool sni_accepted;     /* server: acknowledge server_name in the ServerHello */
    struct ntls_session *session; /* the session being made or resumed */
    struct ntls_session *offered; /* client: the session offered for resumption */
    bool reused;
    uint8_t client_verify[NTLS_FINISHED_LEN], server_verify[NTLS_FINISHED_LEN];
    char *server_name;

    /* key exchange and authentication */
    const struct ntls_identity *identity; /* ours for this handshake, NULL for none */
    uint8_t cert_types;                  /* client: the kinds of certificate the server asked for (CT_*) */

    /* the peer's certificates, leaf first */
    struct ntls_x509_cert **peer_chain;
    size_t peer_chain_len;

    /* closure and failure */
    bool app_open; /* an application-data record is open, waiting for the application */
    bool close_sent, close_received, eof, truncated;
    enum ntls_err err;
    int alert_sent, alert_received;
    bool wiped; /* secrets and record state already wiped after a failure */
};

/* The one failure path (ARCHITECTURE.md 8): keeps the first error, queues the alert alert.c picks for it,
 * forgets the session (RFC 2246 7.2.2) and wipes the handshake secrets. Returns the result it was given, so
 * callers can write `return ntls_conn_fail(c, r);`. */
ntls_result ntls_conn_fail(struct ntls_conn *c, ntls_result r);
/* Marks the connection's session as not resumable and removes it from the server's cache. */
void ntls_conn_forget_session(struct ntls_conn *c);
/* The current time in seconds, for session lifetimes. */
int64_t ntls_conn_now(void);

/* hs_table.c: the dispatcher. */
/* Sends every message of ours that is due, in order; NTLS_E_WANT_WRITE when the record layer's output is
 * full (call again after it drained). */
NTLS_MUST_CHECK ntls_result ntls_hs_send_due(struct ntls_conn *c);
/* True while the handshake waits for a message from the peer. */
bool ntls_hs_awaits_peer(struct ntls_conn *c);
/* Checks a received handshake message (or a CCS, msg->ctype 20) against the flow, hashes it into the
 * transcript and runs its handler. */
NTLS_MUST_CHECK ntls_result ntls_hs_receive(struct ntls_conn *c, const struct ntls_hs_msg *msg);
/* The same for an SSLv2-format ClientHello, already parsed and hashed (RFC 2246 E.1). */
struct ntls_client_hello;
NTLS_MUST_CHECK ntls_result ntls_hs_receive_v2(struct ntls_conn *c, const struct ntls_client_hello *ch);
/* Adds HS_* shape flags (hello and certificate handlers, before the steps that depend on them). */
void ntls_hs_set_flags(struct ntls_conn *c, unsigned flags);
/* Switches the rest of the handshake to another flow at the same position (ServerHello picks HS_RESUME). */
void ntls_hs_set_flow(struct ntls_conn *c, enum ntls_flow flow);

/* Message output, for the send handlers: begin gives a writer over the pending-message buffer with room for
 * body_max body bytes after the header; end closes the message, hashes it into the transcript and queues
 * it for the record layer. */
NTLS_MUST_CHECK ntls_result ntls_hs_msg_begin(struct ntls_conn *c, uint8_t type, size_t body_max,
                                              struct ntls_wr *w, size_t *mark);
NTLS_MUST_CHECK ntls_result ntls_hs_msg_end(struct ntls_conn *c, struct ntls_wr *w, size_t mark);
/* Queues the one-byte ChangeCipherSpec message (RFC 2246 7.1). */
NTLS_MUST_CHECK ntls_result ntls_hs_queue_ccs(struct ntls_conn *c);

/* The handlers: one send and one receive function per message (one file each). */
ntls_result ntls_client_hello_send(struct ntls_conn *c);
ntls_result ntls_client_hello_recv(struct ntls_conn *c, struct ntls_cur *body);
/* The server's handling of a parsed ClientHello, shared with the SSLv2-format hello (conn.c). */
ntls_result ntls_server_accept_hello(struct ntls_conn *c, const struct ntls_client_hello *ch);
ntls_result ntls_server_hello_send(struct ntls_conn *c);
ntls_result ntls_server_hello_recv(struct ntls_conn *c, struct ntls_cur *body);
ntls_result ntls_server_cert_send(struct ntls_conn *c);
ntls_result ntls_server_cert_recv(struct ntls_conn *c, struct ntls_cur *body);
ntls_result ntls_server_kx_send(struct ntls_conn *c);
ntls_result ntls_server_kx_recv(struct ntls_conn *c, struct ntls_cur *body);
ntls_result ntls_cert_req_send(struct ntls_conn *c);
ntls_result ntls_cert_req_recv(struct ntls_conn *c, struct ntls_cur *body);
ntls_result ntls_client_cert_send(struct ntls_conn *c);
ntls_result ntls_client_cert_recv(struct ntls_conn *c, struct ntls_cur *body);
ntls_result ntls_cert_verify_send(struct ntls_conn *c);
ntls_result ntls_cert_verify_recv(struct ntls_conn *c, struct ntls_cur *body);
ntls_result ntls_server_done_send(struct ntls_conn *c);
ntls_result ntls_server_done_recv(struct ntls_conn *c, struct ntls_cur *body);
ntls_result ntls_client_kx_send(struct ntls_conn *c);
ntls_result ntls_client_kx_recv(struct ntls_conn *c, struct ntls_cur *body);
ntls_result ntls_ccs_send(struct ntls_conn *c);
ntls_result ntls_ccs_sent(struct ntls_conn *c);
ntls_result ntls_ccs_recv(struct ntls_conn *c, struct ntls_cur *body);
ntls_result ntls_finished_send(struct ntls_conn *c);
ntls_result ntls_finished_recv(struct ntls_conn *c, struct ntls_cur *body);

/* The named groups this side offers or accepts for ECDHE, in preference order (config or defaults). */
size_t ntls_hs_groups(const struct ntls_conn *c, const uint16_t **groups);
/* Our certificate for a key of this type, or NULL. */
const struct ntls_identity *ntls_hs_identity_for(const struct ntls_conn *c, enum ntls_pk_type type);
/* The key type a suite authenticates the server with. */
enum ntls_pk_type ntls_suite_auth_type(const struct ntls_suite *s);

/* Shared by the hello handlers: derive the master secret (when not resumed) and install the pending keys. */
NTLS_MUST_CHECK ntls_result ntls_hs_install_keys(struct ntls_conn *c);
/* The peer's chain into the session (full handshake) and back out of it (resumption), hs_cert.c. */
NTLS_MUST_CHECK ntls_result ntls_hs_save_peer_chain(struct ntls_conn *c);
NTLS_MUST_CHECK ntls_result ntls_hs_restore_peer_chain(struct ntls_conn *c);
/* Called when the last Finished of the flow was sent or verified. */
void ntls_hs_complete(struct ntls_conn *c);

#endif
