/* nettls: ClientKeyExchange (RFC 2246 7.4.7) with RSA key exchange, and the master secret it leads to. */
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
        ntls_master_secret_ems(c->version, pms, pms_len, &c->transcript, c->master);
    } else {
        r = ntls_keys_master_secret(c->version, pms, pms_len, c->client_random, c->server_random, c->master);
    }
    ntls_zeroize(pms, pms_len);
    NTLS_TRY(r);
    return ntls_hs_install_keys(c);
}

ntls_result ntls_client_kx_send(struct ntls_conn *c)
{
    uint8_t pms[NTLS_RSA_PMS_LEN];
    struct ntls_wr w;
    size_t mark;
    NTLS_TRY(ntls_hs_msg_begin(c, 16, 2 + ntls_rsa_size(c->peer_key.rsa), &w, &mark));
    ntls_result r = ntls_kx_rsa_client(c->peer_key.rsa, c->client_version, pms, &w);
    if (ntls_is_ok(r)) {
        r = ntls_hs_msg_end(c, &w, mark);
    }
    if (!ntls_is_ok(r)) {
        ntls_zeroize(pms, sizeof pms);
        return r;
    }
    return derive(c, pms, sizeof pms);
}

ntls_result ntls_client_kx_recv(struct ntls_conn *c, struct ntls_cur *body)
{
    uint8_t pms[NTLS_RSA_PMS_LEN];
    /* Never fails on a bad premaster: that shows up as a Finished mismatch (kx_rsa.h). */
    NTLS_TRY(ntls_kx_rsa_server(c->cfg->identity.key->rsa, c->client_version, body, pms));
    return derive(c, pms, sizeof pms);
}
