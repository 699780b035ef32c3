/* nettls: the server's Certificate message (RFC 2246 7.4.2). */
#include "base/mem.h"
#include "conn_internal.h"

ntls_result ntls_server_cert_send(struct ntls_conn *c)
{
    const struct ntls_identity *id = &c->cfg->identity;
    size_t total = 3;
    for (size_t i = 0; i < id->chain_len; i++) {
        total += 3 + id->chain[i]->der_len;
    }
    struct ntls_wr w;
    size_t mark;
    NTLS_TRY(ntls_hs_msg_begin(c, NTLS_HS_CERTIFICATE, total, &w, &mark));
    size_t list = ntls_wr_vec24_open(&w);
    for (size_t i = 0; i < id->chain_len; i++) {
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

ntls_result ntls_server_cert_recv(struct ntls_conn *c, struct ntls_cur *body)
{
    struct ntls_cur list;
    NTLS_TRY(ntls_cur_vec24(body, &list));
    NTLS_TRY(ntls_cur_end(body));
    /* RFC 2246 7.4.2: the server's certificate comes first; a server must send one for RSA. */
    NTLS_ENSURE(!ntls_cur_empty(&list), NTLS_E_DECODE);
    while (!ntls_cur_empty(&list)) {
        struct ntls_cur der;
        NTLS_TRY(ntls_cur_vec24(&list, &der));
        NTLS_ENSURE(der.len > 0, NTLS_E_DECODE);
        NTLS_TRY(add_cert(c, der));
    }
    NTLS_TRY(ntls_x509_cert_key(c->peer_chain[0], &c->peer_key));
    /* The RSA key exchange encrypts to the leaf's key, so it must be an RSA key. */
    NTLS_ENSURE(c->peer_key.type == NTLS_PK_RSA, NTLS_E_UNSUPPORTED_CERTIFICATE);
    if (c->cfg->verify_peer != NULL) {
        enum ntls_err e = c->cfg->verify_peer(c, c->peer_chain, c->peer_chain_len);
        NTLS_ENSURE(e == NTLS_E_OK, e);
    }
    return ntls_ok();
}
