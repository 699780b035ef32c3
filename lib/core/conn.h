/* nettls: the TLS 1.0 engine, sans I/O: the contract between lib/core and lib/compat.
 *
 * The engine never calls read() or write(). It exposes four byte channels and a state word, in BearSSL's
 * shape (bearssl_ssl.h, ssl_io.c):
 *   SENDREC  sealed records are waiting to go to the wire:   ntls_conn_sendrec_buf / _ack
 *   RECVREC  the engine wants bytes from the wire:            ntls_conn_recvrec_buf / _ack
 *   SENDAPP  the application may write plaintext:             ntls_conn_sendapp_buf / _ack
 *   RECVAPP  decrypted application data is ready:             ntls_conn_recvapp_buf / _ack
 * The owner loops: while SENDREC, write those bytes out; when it wants plaintext and RECVAPP is off, feed
 * RECVREC from the wire. The handshake runs by itself as bytes come in (ntls_conn_start begins it).
 *
 * Failures: the first error is kept (ntls_conn_last_error); the connection queues the one fatal alert that
 * alert.c picks for it, keeps SENDREC until that alert is written, then reports CLOSED. A failed
 * connection's session is removed from the cache and its keys are wiped (RFC 2246 7.2.2).
 *
 * Threads: a connection is used by one thread at a time; a config may be shared by many connections and
 * threads as long as nobody changes it while they run (the compat layer copies SSL_CTX settings into it). */
#ifndef NTLS_CORE_CONN_H
#define NTLS_CORE_CONN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/err.h"
#include "session.h"
#include "suites.h"
#include "x509/x509.h"

#define NTLS_MAX_SUITES 64
#define NTLS_MAX_IDENTITIES 3

/* ntls_conn_state() bits */
#define NTLS_ST_CLOSED 0x01u
#define NTLS_ST_SENDREC 0x02u
#define NTLS_ST_RECVREC 0x04u
#define NTLS_ST_SENDAPP 0x08u
#define NTLS_ST_RECVAPP 0x10u

/* ntls_config.flags */
#define NTLS_CFG_NO_CBC_SPLIT 0x1u      /* SSL_OP_DONT_INSERT_EMPTY_FRAGMENTS: no 1/n-1 split on a client */
#define NTLS_CFG_SERVER_PREFERENCE 0x2u /* SSL_OP_CIPHER_SERVER_PREFERENCE: the server's order decides */
#define NTLS_CFG_NO_SESSION_CACHE 0x4u  /* a server neither stores nor resumes sessions */
#define NTLS_CFG_VERIFY_CLIENT 0x8u     /* a server asks for a client certificate (SSL_VERIFY_PEER) */
#define NTLS_CFG_REQUIRE_CLIENT_CERT 0x10u /* ...and fails without one (SSL_VERIFY_FAIL_IF_NO_PEER_CERT) */

struct ntls_conn;

/* Events reported through ntls_config.on_event, for OpenSSL's info callback. Each handshake message is
 * reported through on_message instead. */
enum ntls_event {
    NTLS_EV_HANDSHAKE_START,
    NTLS_EV_HANDSHAKE_DONE,
    NTLS_EV_ALERT_SENT,
    NTLS_EV_ALERT_RECEIVED,
};

/* What a server presents: a certificate chain (leaf first) and the leaf's private key. Borrowed: the owner
 * keeps them alive while a connection may use them. */
struct ntls_identity {
    struct ntls_x509_cert *const *chain;
    size_t chain_len;
    const struct ntls_x509_key *key;
};

/* Settings shared by connections (filled by the compat layer from an SSL_CTX). Plain data: zero means the
 * default for every field. */
struct ntls_config {
    uint16_t suites[NTLS_MAX_SUITES]; /* in preference order; ntls_config_default() fills DEFAULT */
    size_t nsuites;
    unsigned flags; /* NTLS_CFG_* */
    /* Our certificates and keys, at most one per key type: a server picks the one its suite authenticates
     * with (RSA, DSA or EC); a client sends the first of a type the server's CertificateRequest lists. */
    struct ntls_identity identities[NTLS_MAX_IDENTITIES];
    size_t nidentities;
    struct ntls_session_cache *cache; /* a server's cache; NULL for none */
    uint32_t session_timeout;         /* seconds; 0 means 300 (OpenSSL's default) */
    uint8_t sid_ctx[NTLS_SID_CTX_MAX];
    size_t sid_ctx_len;
    size_t max_cert_list; /* largest Certificate message accepted; 0 means 100 KiB */

    /* Ephemeral key exchange. Named groups for ECDHE in preference order (RFC 4492 5.1.1 values; none means
     * x25519, secp256r1, secp384r1); a server's DH group (none means RFC 7919 ffdhe2048); the smallest DH
     * group a client accepts, in bits (0 means 2048). */
    uint16_t groups[8];
    size_t ngroups;
    const uint8_t *dh_p, *dh_g;
    size_t dh_p_len, dh_g_len;
    unsigned dh_min_bits;

    /* A server's CertificateRequest: the DER distinguished names of the CAs it accepts (may be none). */
    const struct ntls_cur *ca_names;
    size_t nca_names;

    /* Hooks; each may be NULL. The connection is passed so the owner can find its own object with
     * ntls_conn_user(). */
    void (*on_event)(struct ntls_conn *c, enum ntls_event ev, uint8_t detail);
    /* Every record-level message sent or received, as OpenSSL's message callback sees it: content type and
     * the message bytes (handshake header included; the two alert bytes; the one CCS byte). */
    void (*on_message)(struct ntls_conn *c, bool sent, uint8_t ctype, const uint8_t *data, size_t len);
    /* A server read a ClientHello; host is its server_name, or NULL when it had none (OpenSSL calls the
     * servername callback either way). Return NTLS_E_OK to go on (the hook may switch the connection's config
     * with ntls_conn_set_config), or an error to fail the handshake with its alert. */
    enum ntls_err (*on_server_name)(struct ntls_conn *c, const char *host);
    /* A client received the server's chain (leaf first): NTLS_E_OK to accept it, or the certificate error
     * to fail with. NULL accepts every chain (OpenSSL's SSL_VERIFY_NONE). */
    enum ntls_err (*verify_peer)(struct ntls_conn *c, struct ntls_x509_cert *const *chain, size_t n);
    /* A client is about to answer a CertificateRequest: the hook may change the identities of the config
     * it owns (OpenSSL's client_cert_cb); the client then sends the first one the request accepts. */
    void (*on_cert_request)(struct ntls_conn *c);
    /* A full handshake made a new resumable session (both sides). */
    void (*on_new_session)(struct ntls_conn *c, struct ntls_session *s);
};

/* Zeroes cfg and fills the DEFAULT suite list (no NULL, RC4, single DES, export or anonymous suites) with
 * the suites the engine can negotiate. */
void ntls_config_default(struct ntls_config *cfg);

/* Whether the engine implements the suite's key exchange; a config should list only these. */
bool ntls_conn_suite_supported(const struct ntls_suite *s);

/* A connection for a client or a server; NULL when out of memory. cfg is borrowed and must outlive the
 * connection (or until ntls_conn_set_config replaces it). Allocates only the connection itself: record
 * buffers come on first use and go when idle. */
struct ntls_conn *ntls_conn_new(const struct ntls_config *cfg, bool is_server);
void ntls_conn_free(struct ntls_conn *c); /* NULL allowed; wipes every secret */

void ntls_conn_set_user(struct ntls_conn *c, void *user);
void *ntls_conn_user(const struct ntls_conn *c);
void ntls_conn_set_config(struct ntls_conn *c, const struct ntls_config *cfg);
const struct ntls_config *ntls_conn_config(const struct ntls_conn *c);

/* Client, before start: the host name to send in server_name (RFC 4366 3.1; copied; NULL for none) and a
 * session to offer for resumption (a reference is taken; NULL for none). */
NTLS_MUST_CHECK ntls_result ntls_conn_set_server_name(struct ntls_conn *c, const char *host);
void ntls_conn_set_session(struct ntls_conn *c, struct ntls_session *s);

/* Begins the handshake: a client queues its ClientHello; a server starts waiting for one. Idempotent. */
NTLS_MUST_CHECK ntls_result ntls_conn_start(struct ntls_conn *c);

unsigned ntls_conn_state(struct ntls_conn *c); /* NTLS_ST_* bits */

/* Wire input: where to put bytes read from the transport, and how many were put there. Processing (record
 * opening, the handshake) happens in _ack. NULL with *room == 0 when the engine wants no input now. */
uint8_t *ntls_conn_recvrec_buf(struct ntls_conn *c, size_t *room);
void ntls_conn_recvrec_ack(struct ntls_conn *c, size_t n);
/* The transport reached end of file. The connection is CLOSED from then on. Before the peer's close_notify
 * this is a truncation (ntls_conn_truncated() turns true): the session is removed from the cache and not
 * resumable any more; what the application is told is the compat layer's choice. */
void ntls_conn_recvrec_eof(struct ntls_conn *c);

/* Wire output: sealed bytes to write, and how many were written. */
const uint8_t *ntls_conn_sendrec_buf(struct ntls_conn *c, size_t *len);
void ntls_conn_sendrec_ack(struct ntls_conn *c, size_t n);

/* Application output: where to put up to *room plaintext bytes (at most 2^14), then _ack seals n of them
 * as one record (two with the client's 1/n-1 split). NULL when SENDAPP is off. */
uint8_t *ntls_conn_sendapp_buf(struct ntls_conn *c, size_t *room);
void ntls_conn_sendapp_ack(struct ntls_conn *c, size_t n);

/* Application input: decrypted bytes ready to read, and how many were taken. NULL when RECVAPP is off. */
const uint8_t *ntls_conn_recvapp_buf(struct ntls_conn *c, size_t *len);
void ntls_conn_recvapp_ack(struct ntls_conn *c, size_t n);

/* Queues close_notify (RFC 2246 7.2.1), once; no application data may be sent after it. */
void ntls_conn_close(struct ntls_conn *c);
bool ntls_conn_close_sent(const struct ntls_conn *c);
bool ntls_conn_close_received(const struct ntls_conn *c);
/* True when the transport ended before the peer's close_notify (a possible truncation attack). */
bool ntls_conn_truncated(const struct ntls_conn *c);

/* The first error (NTLS_E_OK while none), the alert we sent for it and the alert the peer sent (-1 when
 * none): what the compat layer turns into ERR entries and SSL_get_error values. */
enum ntls_err ntls_conn_last_error(const struct ntls_conn *c);
int ntls_conn_alert_sent(const struct ntls_conn *c);
int ntls_conn_alert_received(const struct ntls_conn *c);

bool ntls_conn_is_server(const struct ntls_conn *c);
bool ntls_conn_handshake_done(const struct ntls_conn *c);
bool ntls_conn_in_handshake(const struct ntls_conn *c); /* started and not done */
uint16_t ntls_conn_version(const struct ntls_conn *c);  /* 0 before ServerHello */
const struct ntls_suite *ntls_conn_suite(const struct ntls_conn *c); /* NULL before ServerHello */
/* The connection's session (borrowed; take a reference to keep it), NULL before ServerHello. */
struct ntls_session *ntls_conn_session(const struct ntls_conn *c);
bool ntls_conn_session_reused(const struct ntls_conn *c);
/* Server: the host name the client asked for, NULL when none. Client: the one set. */
const char *ntls_conn_server_name(const struct ntls_conn *c);
/* The peer's certificate chain as received (leaf first); *n = 0 when none. Borrowed. */
struct ntls_x509_cert *const *ntls_conn_peer_chain(const struct ntls_conn *c, size_t *n);
/* The randoms and master secret, for SSLKEYLOGFILE and SSL_get_*_random. */
const uint8_t *ntls_conn_client_random(const struct ntls_conn *c);
const uint8_t *ntls_conn_server_random(const struct ntls_conn *c);
/* Plaintext bytes decrypted and not read yet (SSL_pending). */
size_t ntls_conn_pending(const struct ntls_conn *c);

/* Memory: frees idle record buffers (the engine also does this by itself after each exchange); the heap the
 * connection holds now. */
void ntls_conn_release_buffers(struct ntls_conn *c);
size_t ntls_conn_heap_bytes(const struct ntls_conn *c);

#endif
