/* nettls: the Certificate message (RFC 2246 7.4.2 from the server, 7.4.6 from the client). */
#include "base/mem.h"
#include "conn_internal.h"

/* Our chain, leaf first; an identity of NULL sends the empty list (a client without a certificate). */
static ntls_result write_chain(struct ntls_conn *c, const struct ntls_identity *id)
{
    size_t n = id != NULL ? id->chain_len : 0, total = 3;
    for (size_t i = 0; i < n; i++) {
        total += 3 + id->chain[i]->der_len;
    }
    struct ntls_wr w;
    size_t mark;
    NTLS_TRY(ntls_hs_msg_begin(c, NTLS_HS_CERTIFICATE, total, &w, &mark));
    size_t list = ntls_wr_vec24_open(&w);
    for (size_t i = 0; i < n; i++) {
        size_t one = ntls_wr_vec24_open(&w);
        ntls_wr_bytes(&w, id->chain[i]->der, id->chain[i]->der_len);
        ntls_wr_vec24_close(&w, one);
    }
    ntls_wr_vec24_close(&w, list);
    return ntls_hs_msg_end(c, &w, mark);
}

/* Appends one parsed certificate to the peer chain. */
static ntls_result add_cert(struct ntls_conn *c, struct ntls_cur der)
{
    struct ntls_x509_cert **grown =
        ntls_realloc(c->peer_chain, (c->peer_chain_len + 1) * sizeof *c->peer_chain);
    NTLS_ENSURE(grown != NULL, NTLS_E_NOMEM);
    c->peer_chain = grown;
    struct ntls_x509_cert *cert = ntls_calloc(1, sizeof *cert);
    NTLS_ENSURE(cert != NULL, NTLS_E_NOMEM);
    ntls_result r = ntls_x509_cert_parse(cert, der.p, der.len);
    if (!ntls_is_ok(r)) {
        ntls_free(cert);
        return r;
    }
    c->peer_chain[c->peer_chain_len++] = cert;
    return ntls_ok();
}

/* The peer's chain, and the leaf's key, which must be of the given type. */
static ntls_result read_chain(struct ntls_conn *c, struct ntls_cur *body, enum ntls_pk_type type)
{
    struct ntls_cur list;
    NTLS_TRY(ntls_cur_vec24(body, &list));
    NTLS_TRY(ntls_cur_end(body));
    while (!ntls_cur_empty(&list)) {
        struct ntls_cur der;
        NTLS_TRY(ntls_cur_vec24(&list, &der));
        NTLS_ENSURE(der.len > 0, NTLS_E_DECODE);
        NTLS_TRY(add_cert(c, der));
    }
    if (c->peer_chain_len == 0) {
        return ntls_ok();
    }
    NTLS_TRY(ntls_x509_cert_key(c->peer_chain[0], &c->hs->peer_key));
    NTLS_ENSURE(type == NTLS_PK_NONE || c->hs->peer_key.type == type, NTLS_E_UNSUPPORTED_CERTIFICATE);
    if (c->cfg->verify_peer != NULL) {
        enum ntls_err e = c->cfg->verify_peer(c, c->peer_chain, c->peer_chain_len);
        NTLS_ENSURE(e == NTLS_E_OK, e);
    }
    return ntls_ok();
}

ntls_result ntls_server_cert_send(struct ntls_conn *c)
{
    return write_chain(c, c->identity);
}

ntls_result ntls_server_cert_recv(struct ntls_conn *c, struct ntls_cur *body)
{
    /* The key the suite authenticates with: RSA, DSA or EC (RFC 2246 7.4.2, RFC 4492 2). */
    NTLS_TRY(read_chain(c, body, ntls_suite_auth_type(c->suite)));
    NTLS_ENSURE(c->peer_chain_len > 0, NTLS_E_DECODE); /* the server must send one */
    return ntls_ok();
}

/* RFC 2246 7.4.4: which certificate types a CertificateRequest lists for a key type. */
static uint8_t cert_type_bit(enum ntls_pk_type type)
{
    return type == NTLS_PK_RSA ? NTLS_CT_RSA_SIGN : type == NTLS_PK_DSA ? NTLS_CT_DSS_SIGN : NTLS_CT_ECDSA_SIGN;
}

ntls_result ntls_client_cert_send(struct ntls_conn *c)
{
    if (c->cfg->on_cert_request != NULL) {
        c->cfg->on_cert_request(c);
    }
    c->identity = NULL;
    for (size_t i = 0; i < c->cfg->nidentities && c->identity == NULL; i++) {
        const struct ntls_identity *id = &c->cfg->identities[i];
        if (id->key != NULL && id->chain_len > 0 && (c->cert_types & cert_type_bit(id->key->type))) {
            c->identity = id;
        }
    }
    if (c->identity != NULL) {
        ntls_hs_set_flags(c, HS_CLIENT_VERIFY);
    }
    return write_chain(c, c->identity);
}

ntls_result ntls_client_cert_recv(struct ntls_conn *c, struct ntls_cur *body)
{
    NTLS_TRY(read_chain(c, body, NTLS_PK_NONE));
    if (c->peer_chain_len == 0) {
        /* RFC 2246 7.4.6: a client may send none; a server that requires one fails (handshake_failure). */
        NTLS_ENSURE(!(c->cfg->flags & NTLS_CFG_REQUIRE_CLIENT_CERT), NTLS_E_HANDSHAKE_FAILURE);
        return ntls_ok();
    }
    ntls_hs_set_flags(c, HS_CLIENT_VERIFY);
    return ntls_ok();
}

/* The peer's chain is kept in the session as the certificate_list it came in. */
ntls_result ntls_hs_save_peer_chain(struct ntls_conn *c)
{
    if (c->peer_chain_len == 0 || c->session == NULL || c->session->peer_certs != NULL) {
        return ntls_ok();
    }
    size_t total = 0;
    for (size_t i = 0; i < c->peer_chain_len; i++) {
        total += 3 + c->peer_chain[i]->der_len;
    }
    uint8_t *buf = ntls_calloc(1, total);
    NTLS_ENSURE(buf != NULL, NTLS_E_NOMEM);
    struct ntls_wr w = ntls_wr_init(buf, total);
    for (size_t i = 0; i < c->peer_chain_len; i++) {
        size_t one = ntls_wr_vec24_open(&w);
        ntls_wr_bytes(&w, c->peer_chain[i]->der, c->peer_chain[i]->der_len);
        ntls_wr_vec24_close(&w, one);
    }
    c->session->peer_certs = buf;
    c->session->peer_certs_len = w.len;
    return ntls_wr_done(&w);
}

/* A resumed connection takes the peer's chain from its session (it was verified when the session was made). */
ntls_result ntls_hs_restore_peer_chain(struct ntls_conn *c)
{
    struct ntls_cur list = ntls_cur_init(c->session->peer_certs, c->session->peer_certs_len);
    while (!ntls_cur_empty(&list)) {
        struct ntls_cur der;
        NTLS_TRY(ntls_cur_vec24(&list, &der));
        NTLS_TRY(add_cert(c, der));
    }
    return ntls_ok(); /* no key needed: a resumed handshake exchanges no keys and checks no signatures */
}
