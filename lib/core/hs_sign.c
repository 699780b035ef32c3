#include "hs_sign.h"

enum ntls_hash_id ntls_sig_hash(enum ntls_pk_type type)
{
    return type == NTLS_PK_RSA ? NTLS_HASH_MD5SHA1 : NTLS_HASH_SHA1;
}

ntls_result ntls_sig_write(const struct ntls_x509_key *key, const uint8_t *digest, struct ntls_wr *w)
{
    size_t mark = ntls_wr_vec16_open(w);
    size_t len = 0;
    switch (key->type) {
    case NTLS_PK_RSA: {
        uint8_t *sig = ntls_wr_reserve(w, ntls_rsa_size(key->rsa));
        NTLS_ENSURE(sig != NULL, NTLS_E_INTERNAL);
        NTLS_TRY(ntls_rsa_sign(key->rsa, NTLS_HASH_MD5SHA1, digest, sig));
        break;
    }
    case NTLS_PK_DSA: {
        uint8_t der[NTLS_DSA_SIG_MAX];
        NTLS_TRY(ntls_dsa_sign(key->dsa, digest, 20, der, &len));
        ntls_wr_bytes(w, der, len);
        break;
    }
    case NTLS_PK_EC: {
        uint8_t der[NTLS_ECDSA_SIG_MAX];
        NTLS_TRY(ntls_ecdsa_sign(key->ec, digest, 20, der, &len));
        ntls_wr_bytes(w, der, len);
        break;
    }
    default:
        return ntls_error(NTLS_E_INTERNAL);
    }
    ntls_wr_vec16_close(w, mark);
    return ntls_wr_done(w);
}

ntls_result ntls_sig_check(const struct ntls_x509_key *key, const uint8_t *digest, struct ntls_cur *in)
{
    struct ntls_cur sig;
    NTLS_TRY(ntls_cur_vec16(in, &sig));
    switch (key->type) {
    case NTLS_PK_RSA:
        return ntls_rsa_verify(key->rsa, NTLS_HASH_MD5SHA1, digest, sig.p, sig.len);
    case NTLS_PK_DSA:
        return ntls_dsa_verify(key->dsa, digest, 20, sig.p, sig.len);
    case NTLS_PK_EC:
        return ntls_ecdsa_verify(key->ec, digest, 20, sig.p, sig.len);
    default:
        return ntls_error(NTLS_E_UNSUPPORTED_CERTIFICATE);
    }
}
