/* nettls: CertificateRequest (RFC 2246 7.4.4; RFC 4492 5.5 adds ecdsa_sign). */
#include "conn_internal.h"

ntls_result ntls_cert_req_send(struct ntls_conn *c)
{
    const struct ntls_config *cfg = c->cfg;
    size_t names = 0;
    for (size_t i = 0; i < cfg->nca_names; i++) {
        names += 2 + cfg->ca_names[i].len;
    }
    struct ntls_wr w;
    size_t mark;
    NTLS_TRY(ntls_hs_msg_begin(c, 13, 8 + names, &w, &mark));
    size_t types = ntls_wr_vec8_open(&w);
    ntls_wr_u8(&w, 1);  /* rsa_sign */
    ntls_wr_u8(&w, 2);  /* dss_sign */
    ntls_wr_u8(&w, 64); /* ecdsa_sign */
    ntls_wr_vec8_close(&w, types);
    size_t list = ntls_wr_vec16_open(&w);
    for (size_t i = 0; i < cfg->nca_names; i++) {
        size_t one = ntls_wr_vec16_open(&w);
        ntls_wr_bytes(&w, cfg->ca_names[i].p, cfg->ca_names[i].len);
        ntls_wr_vec16_close(&w, one);
    }
    ntls_wr_vec16_close(&w, list);
    return ntls_hs_msg_end(c, &w, mark);
}

ntls_result ntls_cert_req_recv(struct ntls_conn *c, struct ntls_cur *body)
{
    struct ntls_cur types, names;
    NTLS_TRY(ntls_cur_vec8(body, &types));
    NTLS_ENSURE(!ntls_cur_empty(&types), NTLS_E_DECODE);
    uint8_t t;
    while (ntls_is_ok(ntls_cur_u8(&types, &t))) {
        c->cert_types |= t == 1 ? NTLS_CT_RSA_SIGN : t == 2 ? NTLS_CT_DSS_SIGN : t == 64 ? NTLS_CT_ECDSA_SIGN : 0;
    }
    NTLS_TRY(ntls_cur_vec16(body, &names));
    while (!ntls_cur_empty(&names)) {
        struct ntls_cur name;
        NTLS_TRY(ntls_cur_vec16(&names, &name));
        NTLS_ENSURE(!ntls_cur_empty(&name), NTLS_E_DECODE);
    }
    return ntls_ok();
}
