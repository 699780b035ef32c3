/* nettls: ServerKeyExchange (RFC 2246 7.4.3; RFC 4492 5.4 for ECDHE): the server's ephemeral parameters,
 * signed with its certificate's key over both randoms. */
#include "base/mem.h"
#include "conn_internal.h"
#include "hs_sign.h"

/* The bytes a TLS 1.0 signature covers: MD5 || SHA-1 of randoms and parameters; a DSA or ECDSA key uses
 * the SHA-1 half (RFC 2246 7.4.3). Returns where the key's digest starts in out. */
static const uint8_t *params_digest(const struct ntls_conn *c, enum ntls_pk_type type, struct ntls_cur params,
                                    uint8_t *out)
{
    struct ntls_hash h;
    ntls_hash_init(&h, NTLS_HASH_MD5SHA1);
    ntls_hash_update(&h, c->client_random, NTLS_RANDOM_LEN);
    ntls_hash_update(&h, c->server_random, NTLS_RANDOM_LEN);
    ntls_hash_update(&h, params.p, params.len);
    ntls_hash_final(&h, out);
    return ntls_sig_hash(type) == NTLS_HASH_MD5SHA1 ? out : out + 16;
}

ntls_result ntls_server_kx_send(struct ntls_conn *c)
{
    const struct ntls_config *cfg = c->cfg;
    const uint8_t *p = cfg->dh_p != NULL ? cfg->dh_p : ntls_ffdhe2048_p;
    const uint8_t *g = cfg->dh_p != NULL ? cfg->dh_g : ntls_ffdhe2048_g;
    size_t p_len = cfg->dh_p != NULL ? cfg->dh_p_len : sizeof ntls_ffdhe2048_p;
    size_t g_len = cfg->dh_p != NULL ? cfg->dh_g_len : sizeof ntls_ffdhe2048_g;

    struct ntls_wr w;
    size_t mark;
    NTLS_TRY(ntls_hs_msg_begin(c, 12, 3 * (2 + p_len) + 2 + 1024, &w, &mark));
    size_t start = w.len;
    NTLS_TRY(ntls_kx_server_params(&c->hs->kx, p, p_len, g, g_len, &w));
    NTLS_TRY(ntls_wr_done(&w));
    struct ntls_cur params = ntls_cur_init(w.p + start, w.len - start);
    uint8_t digest[36];
    const struct ntls_x509_key *key = c->identity->key;
    NTLS_TRY(ntls_sig_write(key, params_digest(c, key->type, params, digest), &w));
    return ntls_hs_msg_end(c, &w, mark);
}

/* The groups the client offered, as the u16 list its ClientHello carried. */
static struct ntls_cur offered_groups(const struct ntls_conn *c, uint8_t *buf, size_t cap)
{
    const uint16_t *groups;
    size_t n = ntls_hs_groups(c, &groups);
    struct ntls_wr w = ntls_wr_init(buf, cap);
    for (size_t i = 0; i < n; i++) {
        ntls_wr_u16(&w, groups[i]);
    }
    return ntls_cur_init(buf, w.len);
}

ntls_result ntls_server_kx_recv(struct ntls_conn *c, struct ntls_cur *body)
{
    uint8_t groups[2 * 8];
    struct ntls_cur start = *body, params;
    unsigned min_bits = c->cfg->dh_min_bits != 0 ? c->cfg->dh_min_bits : 2048;
    NTLS_TRY(ntls_kx_client_params(&c->hs->kx, body, min_bits, offered_groups(c, groups, sizeof groups)));
    NTLS_TRY(ntls_cur_take(&start, start.len - body->len, &params));
    uint8_t digest[36];
    return ntls_sig_check(&c->hs->peer_key, params_digest(c, c->hs->peer_key.type, params, digest), body);
}
