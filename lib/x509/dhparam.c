/* Diffie-Hellman parameters (x509.h): PKCS#3 DHParameter, as "DH PARAMETERS" PEM files carry it. */
#include "x509_internal.h"

#include <string.h>

#include "../base/mem.h"

/* DHParameter ::= SEQUENCE { prime INTEGER, base INTEGER, privateValueLength INTEGER OPTIONAL }
 * (PKCS#3 section 9) */
ntls_result ntls_x509_dh_params_parse(struct ntls_x509_dh_params *out, const uint8_t *der, size_t len)
{
    struct ntls_cur in = ntls_cur_init(der, len), body, p, g;
    uint64_t priv_bits = 0;
    memset(out, 0, sizeof *out);
    NTLS_TRY(ntls_der_sequence(&in, &body));
    NTLS_TRY(ntls_cur_end(&in));
    NTLS_TRY(ntls_der_uint(&body, &p));
    NTLS_TRY(ntls_der_uint(&body, &g));
    if (!ntls_cur_empty(&body)) {
        NTLS_TRY(ntls_der_u64(&body, &priv_bits));
        NTLS_ENSURE(priv_bits > 0 && priv_bits <= 8 * (uint64_t)p.len, NTLS_E_DECODE);
    }
    NTLS_TRY(ntls_cur_end(&body));
    /* p: odd, 512 bits or more (a smaller group is broken), and what the crypto layer can hold */
    NTLS_ENSURE(p.len >= 64 && p.len <= NTLS_DH_MAX_BYTES && (p.p[p.len - 1] & 1) == 1 && p.p[0] != 0,
                NTLS_E_DECODE);
    NTLS_ENSURE(ntls_is_ok(ntls_dh_check_element(p.p, p.len, g.p, g.len)), NTLS_E_DECODE); /* 1 < g < p-1 */
    NTLS_TRY(ntls_x509_dup(p.p, p.len, &out->p));
    ntls_result r = ntls_x509_dup(g.p, g.len, &out->g);
    if (!ntls_is_ok(r)) {
        ntls_x509_dh_params_free(out);
        return r;
    }
    out->p_len = p.len;
    out->g_len = g.len;
    out->priv_bits = (unsigned)priv_bits;
    return ntls_ok();
}

ntls_result ntls_x509_dh_params_from_pem(struct ntls_x509_dh_params *out, const char *text, size_t len)
{
    struct ntls_cur in = ntls_cur_init(text, len);
    struct ntls_pem_block block;
    bool found;
    memset(out, 0, sizeof *out);
    NTLS_TRY(ntls_pem_next(&in, "DH PARAMETERS", &block, &found));
    NTLS_ENSURE(found, NTLS_E_DECODE);
    ntls_result r = ntls_x509_dh_params_parse(out, block.der, block.der_len);
    ntls_pem_block_free(&block);
    return r;
}

void ntls_x509_dh_params_free(struct ntls_x509_dh_params *params)
{
    ntls_free(params->p);
    ntls_free(params->g);
    memset(params, 0, sizeof *params);
}
