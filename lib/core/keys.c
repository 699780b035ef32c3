#include "keys.h"

#include "base/buf.h"
#include "base/mem.h"

/* The PRF of a version (proto.c), NULL for one we do not speak. */
static ntls_prf_fn prf_for(uint16_t version)
{
    const struct ntls_version_ops *v = ntls_version_ops(version);
    return v != NULL ? v->prf : NULL;
}

ntls_result ntls_keys_master_secret(uint16_t version, const uint8_t *pms, size_t pms_len,
                                    const uint8_t client_random[NTLS_RANDOM_LEN],
                                    const uint8_t server_random[NTLS_RANDOM_LEN],
                                    uint8_t master[NTLS_MASTER_SECRET_LEN])
{
    ntls_prf_fn prf = prf_for(version);
    NTLS_ENSURE(prf != NULL, NTLS_E_USAGE);
    prf(pms, pms_len, "master secret", client_random, NTLS_RANDOM_LEN, server_random, NTLS_RANDOM_LEN, master,
        NTLS_MASTER_SECRET_LEN);
    return ntls_ok();
}

/* RFC 2246 6.3: client_write_MAC_secret, server_write_MAC_secret, client_write_key, server_write_key,
 * client_write_IV, server_write_IV. */
static ntls_result cut_block(struct ntls_cur *c, struct ntls_key_block *kb)
{
    NTLS_TRY(ntls_cur_copy(c, kb->client_mac, kb->mac_len));
    NTLS_TRY(ntls_cur_copy(c, kb->server_mac, kb->mac_len));
    NTLS_TRY(ntls_cur_copy(c, kb->client_key, kb->key_len));
    NTLS_TRY(ntls_cur_copy(c, kb->server_key, kb->key_len));
    NTLS_TRY(ntls_cur_copy(c, kb->client_iv, kb->iv_len));
    NTLS_TRY(ntls_cur_copy(c, kb->server_iv, kb->iv_len));
    return ntls_cur_end(c);
}

ntls_result ntls_keys_expand(uint16_t version, const struct ntls_suite *s,
                             const uint8_t master[NTLS_MASTER_SECRET_LEN],
                             const uint8_t client_random[NTLS_RANDOM_LEN],
                             const uint8_t server_random[NTLS_RANDOM_LEN], struct ntls_key_block *kb)
{
    uint8_t block[NTLS_KEY_BLOCK_MAX];
    ntls_prf_fn prf = prf_for(version);

    NTLS_ENSURE(prf != NULL, NTLS_E_USAGE);
    NTLS_ENSURE(s->mac_len <= NTLS_HASH_MAX_SIZE && s->key_len <= NTLS_CIPHER_MAX_KEY &&
                    s->iv_len <= NTLS_CIPHER_MAX_BLOCK,
                NTLS_E_INTERNAL);
    size_t len = 2 * ((size_t)s->mac_len + s->key_len + s->iv_len);
    /* RFC 2246 6.3: note the order of the randoms, server first (the master secret has client first). */
    prf(master, NTLS_MASTER_SECRET_LEN, "key expansion", server_random, NTLS_RANDOM_LEN, client_random,
        NTLS_RANDOM_LEN, block, len);

    struct ntls_cur c = ntls_cur_init(block, len);
    *kb = (struct ntls_key_block){ .mac_len = s->mac_len, .key_len = s->key_len, .iv_len = s->iv_len };
    ntls_result res = cut_block(&c, kb);
    ntls_zeroize(block, sizeof block);
    return res;
}

ntls_result ntls_keys_install(struct ntls_record *r, uint16_t version, const struct ntls_suite *s,
                              const uint8_t master[NTLS_MASTER_SECRET_LEN],
                              const uint8_t client_random[NTLS_RANDOM_LEN],
                              const uint8_t server_random[NTLS_RANDOM_LEN])
{
    struct ntls_key_block kb;
    NTLS_TRY(ntls_keys_expand(version, s, master, client_random, server_random, &kb));

    struct ntls_rec_keys client = { s->cipher, s->mac, kb.client_mac, kb.client_key, kb.client_iv };
    struct ntls_rec_keys server = { s->cipher, s->mac, kb.server_mac, kb.server_key, kb.server_iv };
    ntls_result res = ntls_rec_set_pending(r, NTLS_REC_WRITE, version, r->is_client ? &client : &server);
    if (res.err == NTLS_E_OK) {
        res = ntls_rec_set_pending(r, NTLS_REC_READ, version, r->is_client ? &server : &client);
    }
    ntls_key_block_wipe(&kb);
    return res;
}

void ntls_key_block_wipe(struct ntls_key_block *kb)
{
    ntls_zeroize(kb, sizeof *kb);
}
