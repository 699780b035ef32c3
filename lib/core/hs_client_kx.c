/* nettls: ClientKeyExchange (RFC 2246 7.4.7; RFC 4492 5.7), and the master secret it leads to. */
#include "base/mem.h"
#include "conn_internal.h"
#include "keys.h"
#include "kx_rsa.h"

/* RFC 2246 8.1, or RFC 7627 4 when extended_master_secret was negotiated (the transcript then ends with
 * this ClientKeyExchange), then the pending keys of both directions. */
static ntls_result derive(struct ntls_conn *c, uint8_t *pms, size_t pms_len)
{
    ntls_result r = ntls_ok();
    if (c->use_ems) {
        ntls_master_secret_ems(c->version, pms, pms_len, &c->hs->transcript, c->hs->master);
    } else {
        r = ntls_keys_master_secret(c->version, pms, pms_len, c->client_random, c->server_random, c->hs->master);
    }
    ntls_zeroize(pms, pms_len);
    ntls_kx_wipe(&c->hs->kx);
    NTLS_TRY(r);
    return ntls_hs_install_keys(c);
}

/* The message body: the encrypted premaster (RSA) or our ephemeral public value. */
static ntls_result write_body(struct ntls_conn *c, struct ntls_wr *w, uint8_t *pms, size_t *pms_len)
{
    if (c->suite->kx == NTLS_KX_RSA) {
        *pms_len = NTLS_RSA_PMS_LEN;
        return ntls_kx_rsa_client(c->hs->peer_key.rsa, c->client_version, pms, w);
    }
    return ntls_kx_client_public(&c->hs->kx, w, pms, pms_len);
}

ntls_result ntls_client_kx_send(struct ntls_conn *c)
{
    uint8_t pms[NTLS_PMS_MAX];
    size_t pms_len = 0;
    struct ntls_wr w;
    size_t mark;
    NTLS_TRY(ntls_hs_msg_begin(c, 16, 2 + NTLS_PMS_MAX, &w, &mark));
    ntls_result r = write_body(c, &w, pms, &pms_len);
    if (ntls_is_ok(r)) {
        r = ntls_hs_msg_end(c, &w, mark);
    }
    if (!ntls_is_ok(r)) {
        ntls_zeroize(pms, sizeof pms);
        return r;
    }
    return derive(c, pms, pms_len);
}

ntls_result ntls_client_kx_recv(struct ntls_conn *c, struct ntls_cur *body)
{
    uint8_t pms[NTLS_PMS_MAX];
    size_t pms_len = NTLS_RSA_PMS_LEN;
    ntls_result r;
    if (c->suite->kx == NTLS_KX_RSA) {
        /* Never fails on a bad premaster: that shows up as a Finished mismatch (kx_rsa.h). */
        r = ntls_kx_rsa_server(c->identity->key->rsa, c->client_version, body, pms);
    } else {
        r = ntls_kx_server_secret(&c->hs->kx, body, pms, &pms_len);
    }
    if (!ntls_is_ok(r)) {
        ntls_zeroize(pms, sizeof pms);
        return r;
    }
    return derive(c, pms, pms_len);
}
