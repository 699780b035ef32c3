#include "kx_ephemeral.h"

#include <string.h>

#include "base/mem.h"

bool ntls_group_curve(uint16_t group, enum ntls_curve *curve)
{
    switch (group) {
    case NTLS_GROUP_SECP256R1: *curve = NTLS_CURVE_P256; return true;
    case NTLS_GROUP_SECP384R1: *curve = NTLS_CURVE_P384; return true;
    case NTLS_GROUP_X25519: *curve = NTLS_CURVE_X25519; return true;
    default: return false;
    }
}

static bool is_dhe(const struct ntls_kx_state *k)
{
    return k->kx == NTLS_KX_DHE_RSA || k->kx == NTLS_KX_DHE_DSS;
}

static ntls_result copy_out(uint8_t **dst, size_t *dst_len, const uint8_t *src, size_t len)
{
    *dst = ntls_calloc(1, len);
    NTLS_ENSURE(*dst != NULL, NTLS_E_NOMEM);
    memcpy(*dst, src, len);
    *dst_len = len;
    return ntls_ok();
}

/* Twice the security level of the group (NIST SP 800-57), the short exponent RFC 7919 5.2 allows. */
static unsigned dh_priv_bits(size_t p_len)
{
    return p_len <= 128 ? 160 : p_len <= 256 ? 224 : p_len <= 384 ? 256 : 304;
}

/* RFC 2246 7.4.3 ServerDHParams; RFC 4492 5.4 ServerECDHParams (named_curve only). */
ntls_result ntls_kx_server_params(struct ntls_kx_state *k, const uint8_t *p, size_t p_len, const uint8_t *g,
                                  size_t g_len, struct ntls_wr *w)
{
    if (is_dhe(k)) {
        NTLS_TRY(copy_out(&k->p, &k->p_len, p, p_len));
        NTLS_TRY(copy_out(&k->g, &k->g_len, g, g_len));
        uint8_t *pub = ntls_calloc(1, p_len);
        NTLS_ENSURE(pub != NULL, NTLS_E_NOMEM);
        ntls_result r = ntls_dh_keygen(&k->dh, p, p_len, g, g_len, dh_priv_bits(p_len), pub);
        size_t m = ntls_wr_vec16_open(w);
        ntls_wr_bytes(w, p, p_len);
        ntls_wr_vec16_close(w, m);
        m = ntls_wr_vec16_open(w);
        ntls_wr_bytes(w, g, g_len);
        ntls_wr_vec16_close(w, m);
        m = ntls_wr_vec16_open(w);
        ntls_wr_bytes(w, pub, p_len);
        ntls_wr_vec16_close(w, m);
        ntls_free(pub);
        return r;
    }
    NTLS_ENSURE(ntls_group_curve(k->group, &k->curve), NTLS_E_INTERNAL);
    uint8_t pub[NTLS_EC_POINT_MAX];
    NTLS_TRY(ntls_ecdh_keygen(k->curve, k->ec_priv, pub));
    ntls_wr_u8(w, 3); /* ECCurveType named_curve */
    ntls_wr_u16(w, k->group);
    size_t m = ntls_wr_vec8_open(w);
    ntls_wr_bytes(w, pub, ntls_curve_point_size(k->curve));
    ntls_wr_vec8_close(w, m);
    return ntls_ok();
}

static ntls_result client_dh_params(struct ntls_kx_state *k, struct ntls_cur *in, unsigned min_bits)
{
    struct ntls_cur p, g, ys;
    NTLS_TRY(ntls_cur_vec16(in, &p));
    NTLS_TRY(ntls_cur_vec16(in, &g));
    NTLS_TRY(ntls_cur_vec16(in, &ys));
    /* p: no leading zero byte, odd, of at least min_bits bits (a small group is Logjam's opening). */
    NTLS_ENSURE(p.len > 0 && p.len <= NTLS_DH_MAX_BYTES && p.p[0] != 0, NTLS_E_ILLEGAL_PARAMETER);
    NTLS_ENSURE((p.p[p.len - 1] & 1) == 1, NTLS_E_ILLEGAL_PARAMETER);
    unsigned bits = (unsigned)p.len * 8;
    for (uint8_t top = p.p[0]; !(top & 0x80); top <<= 1) {
        bits--;
    }
    NTLS_ENSURE(bits >= min_bits, NTLS_E_ILLEGAL_PARAMETER);
    NTLS_TRY(ntls_dh_check_element(p.p, p.len, g.p, g.len));
    NTLS_TRY(ntls_dh_check_element(p.p, p.len, ys.p, ys.len));
    NTLS_TRY(copy_out(&k->p, &k->p_len, p.p, p.len));
    NTLS_TRY(copy_out(&k->g, &k->g_len, g.p, g.len));
    return copy_out(&k->peer, &k->peer_len, ys.p, ys.len);
}

static ntls_result client_ec_params(struct ntls_kx_state *k, struct ntls_cur *in, struct ntls_cur offered)
{
    uint8_t type;
    struct ntls_cur point;
    NTLS_TRY(ntls_cur_u8(in, &type));
    NTLS_ENSURE(type == 3, NTLS_E_ILLEGAL_PARAMETER); /* only named curves (RFC 4492 5.4) */
    NTLS_TRY(ntls_cur_u16(in, &k->group));
    uint16_t g;
    bool ours = false;
    while (ntls_is_ok(ntls_cur_u16(&offered, &g))) {
        ours = ours || g == k->group;
    }
    NTLS_ENSURE(ours && ntls_group_curve(k->group, &k->curve), NTLS_E_ILLEGAL_PARAMETER);
    NTLS_TRY(ntls_cur_vec8(in, &point));
    NTLS_ENSURE(point.len == ntls_curve_point_size(k->curve), NTLS_E_ILLEGAL_PARAMETER);
    if (k->curve != NTLS_CURVE_X25519) {
        /* RFC 4492 5.4: refuse a point not on the curve before using it (invalid-curve attacks). */
        struct ntls_ec_key *check;
        NTLS_TRY(ntls_ec_key_new(&check, k->curve, point.p, point.len, NULL, 0));
        ntls_ec_key_free(check);
    }
    k->ec_peer_len = point.len;
    return ntls_cur_copy(&point, k->ec_peer, point.len);
}

ntls_result ntls_kx_client_params(struct ntls_kx_state *k, struct ntls_cur *in, unsigned min_bits,
                                  struct ntls_cur offered)
{
    return is_dhe(k) ? client_dh_params(k, in, min_bits) : client_ec_params(k, in, offered);
}

ntls_result ntls_kx_client_public(struct ntls_kx_state *k, struct ntls_wr *w, uint8_t *pms, size_t *pms_len)
{
    if (is_dhe(k)) {
        size_t m = ntls_wr_vec16_open(w);
        uint8_t *pub = ntls_wr_reserve(w, k->p_len);
        NTLS_ENSURE(pub != NULL, NTLS_E_INTERNAL);
        NTLS_TRY(ntls_dh_keygen(&k->dh, k->p, k->p_len, k->g, k->g_len, dh_priv_bits(k->p_len), pub));
        ntls_wr_vec16_close(w, m);
        return ntls_dh_shared(&k->dh, k->p, k->p_len, k->peer, k->peer_len, pms, pms_len);
    }
    uint8_t pub[NTLS_EC_POINT_MAX];
    NTLS_TRY(ntls_ecdh_keygen(k->curve, k->ec_priv, pub));
    size_t m = ntls_wr_vec8_open(w);
    ntls_wr_bytes(w, pub, ntls_curve_point_size(k->curve));
    ntls_wr_vec8_close(w, m);
    *pms_len = ntls_curve_size(k->curve);
    return ntls_ecdh_shared(k->curve, k->ec_priv, k->ec_peer, k->ec_peer_len, pms);
}

ntls_result ntls_kx_server_secret(struct ntls_kx_state *k, struct ntls_cur *in, uint8_t *pms, size_t *pms_len)
{
    struct ntls_cur pub;
    if (is_dhe(k)) {
        NTLS_TRY(ntls_cur_vec16(in, &pub));
        NTLS_TRY(ntls_dh_check_element(k->p, k->p_len, pub.p, pub.len));
        return ntls_dh_shared(&k->dh, k->p, k->p_len, pub.p, pub.len, pms, pms_len);
    }
    NTLS_TRY(ntls_cur_vec8(in, &pub));
    NTLS_ENSURE(pub.len == ntls_curve_point_size(k->curve), NTLS_E_ILLEGAL_PARAMETER);
    *pms_len = ntls_curve_size(k->curve);
    return ntls_ecdh_shared(k->curve, k->ec_priv, pub.p, pub.len, pms);
}

void ntls_kx_wipe(struct ntls_kx_state *k)
{
    ntls_free(k->p);
    ntls_free(k->g);
    ntls_free(k->peer);
    ntls_dh_wipe(&k->dh);
    ntls_zeroize(k, sizeof *k);
}
