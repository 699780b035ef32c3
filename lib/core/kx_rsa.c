#include "kx_rsa.h"

#include "base/ct.h"
#include "base/mem.h"

ntls_result ntls_kx_rsa_client(const struct ntls_rsa_key *server_key, uint16_t client_version, uint8_t *pms,
                               struct ntls_wr *out)
{
    /* RFC 2246 7.4.7.1: the version the client offered, not the negotiated one (rollback protection). */
    pms[0] = (uint8_t)(client_version >> 8);
    pms[1] = (uint8_t)client_version;
    NTLS_TRY(ntls_rand_bytes(pms + 2, NTLS_RSA_PMS_LEN - 2));

    size_t mark = ntls_wr_vec16_open(out);
    uint8_t *ct = ntls_wr_reserve(out, ntls_rsa_size(server_key));
    NTLS_ENSURE(ct != NULL, NTLS_E_INTERNAL);
    NTLS_TRY(ntls_rsa_encrypt(server_key, pms, NTLS_RSA_PMS_LEN, ct));
    ntls_wr_vec16_close(out, mark);
    return ntls_wr_done(out);
}

ntls_result ntls_kx_rsa_server(const struct ntls_rsa_key *key, uint16_t client_version, struct ntls_cur *body,
                               uint8_t *pms)
{
    struct ntls_cur ct;
    NTLS_TRY(ntls_cur_vec16(body, &ct));
    NTLS_TRY(ntls_cur_end(body));

    uint8_t decrypted[NTLS_RSA_PMS_LEN];
    NTLS_TRY(ntls_rand_bytes(pms, NTLS_RSA_PMS_LEN));
    uint32_t good = ntls_rsa_decrypt_fixed(key, ct.p, ct.len, decrypted, sizeof decrypted);
    good &= ntls_ct_eq(decrypted[0], (uint8_t)(client_version >> 8));
    good &= ntls_ct_eq(decrypted[1], (uint8_t)client_version);
    ntls_ct_memcpy_if(good, pms, decrypted, NTLS_RSA_PMS_LEN);
    ntls_zeroize(decrypted, sizeof decrypted);
    return ntls_ok();
}
