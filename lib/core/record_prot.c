#include "record_ops.h"

#include "base/buf.h"
#include "base/mem.h"
#include "record.h"

/* The one table that says which ops protect a record: a row per (version, cipher kind). TLS 1.1 adds a CBC
 * row with an explicit IV, TLS 1.2 rows for AEAD; record.c and keys.c do not change. */
enum rec_kind {
    KIND_STREAM, /* NULL and RC4: MAC, then (maybe) a stream cipher */
    KIND_CBC,    /* MAC, pad, then CBC with the IV chained from the previous record */
};

static const struct {
    uint16_t version;
    enum rec_kind kind;
    const struct ntls_rec_ops *ops;
} rec_ops_table[] = {
    { NTLS_TLS10, KIND_STREAM, &ntls_rec_ops_tls10_stream },
    { NTLS_TLS10, KIND_CBC, &ntls_rec_ops_tls10_cbc },
};

static enum rec_kind cipher_kind(enum ntls_cipher_id cipher)
{
    return cipher == NTLS_CIPHER_NULL || cipher == NTLS_CIPHER_RC4_128 ? KIND_STREAM : KIND_CBC;
}

const struct ntls_rec_ops *ntls_rec_ops_find(uint16_t version, enum ntls_cipher_id cipher)
{
    if ((unsigned)cipher >= NTLS_CIPHER__COUNT) {
        return NULL;
    }
    enum rec_kind kind = cipher_kind(cipher);
    for (size_t i = 0; i < sizeof rec_ops_table / sizeof rec_ops_table[0]; i++) {
        if (rec_ops_table[i].version == version && rec_ops_table[i].kind == kind) {
            return rec_ops_table[i].ops;
        }
    }
    return NULL;
}

ntls_result ntls_rec_prot_init(struct ntls_rec_prot *p, uint16_t version, bool encrypt,
                               const struct ntls_rec_keys *k)
{
    const struct ntls_rec_ops *ops = ntls_rec_ops_find(version, k->cipher);
    NTLS_ENSURE(ops != NULL, NTLS_E_USAGE);
    NTLS_ENSURE(k->mac == NTLS_HASH_MD5 || k->mac == NTLS_HASH_SHA1, NTLS_E_USAGE);
    NTLS_ENSURE(k->mac_key != NULL, NTLS_E_USAGE);
    NTLS_ENSURE(k->key != NULL || ntls_cipher_key_size(k->cipher) == 0, NTLS_E_USAGE);
    NTLS_ENSURE(k->iv != NULL || ntls_cipher_iv_size(k->cipher) == 0, NTLS_E_USAGE);
    p->ops = ops;
    p->mac_len = ntls_hash_size(k->mac);
    p->block_len = ntls_cipher_block_size(k->cipher);
    ntls_hmac_init(&p->mac, k->mac, k->mac_key, p->mac_len);
    ntls_cipher_init(&p->cipher, k->cipher, encrypt, k->key, k->iv);
    return ntls_ok();
}

void ntls_rec_prot_wipe(struct ntls_rec_prot *p)
{
    ntls_hmac_wipe(&p->mac);
    ntls_cipher_wipe(&p->cipher);
    ntls_zeroize(p, sizeof *p);
}

void ntls_rec_mac_header(uint8_t out[NTLS_REC_MAC_HEADER], uint64_t seq, uint8_t type, uint16_t version,
                         size_t len)
{
    struct ntls_wr w = ntls_wr_init(out, NTLS_REC_MAC_HEADER);
    ntls_wr_u64(&w, seq);
    ntls_wr_u8(&w, type);
    ntls_wr_u16(&w, version);
    ntls_wr_u16(&w, (uint16_t)len);
}
