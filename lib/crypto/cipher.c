/* nettls: the record ciphers of TLS 1.0 over Nettle: NULL, RC4, DES/3DES-CBC, AES-CBC, Camellia-CBC.
 *
 * One struct ntls_cipher is one direction with its own key schedule (AES and Camellia decrypt with an
 * inverted schedule). CBC keeps its chaining value in c->iv, which Nettle updates in place, so consecutive
 * calls continue one CBC stream (TLS 1.0 uses the last ciphertext block of a record as the next IV). */
#include <assert.h>
#include <stdlib.h>
#include <string.h>

#include <nettle/aes.h>
#include <nettle/arcfour.h>
#include <nettle/camellia.h>
#include <nettle/cbc.h>
#include <nettle/des.h>

#include "../base/mem.h"
#include "crypto.h"

#define FITS(type)                                                                                           \
    _Static_assert(sizeof(struct type) <= NTLS_CIPHER_STATE_SIZE, #type " does not fit");                  \
    _Static_assert(_Alignof(struct type) <= 16, #type " needs more alignment")
FITS(arcfour_ctx);
FITS(des_ctx);
FITS(des3_ctx);
FITS(aes128_ctx);
FITS(aes256_ctx);
FITS(camellia128_ctx);
FITS(camellia256_ctx);
#undef FITS

struct cipher_info {
    uint8_t key_size, block_size, iv_size;
};

static const struct cipher_info infos[NTLS_CIPHER__COUNT] = {
    [NTLS_CIPHER_NULL] = { 0, 1, 0 },
    [NTLS_CIPHER_RC4_128] = { ARCFOUR128_KEY_SIZE, 1, 0 },
    [NTLS_CIPHER_DES_CBC] = { DES_KEY_SIZE, DES_BLOCK_SIZE, DES_BLOCK_SIZE },
    [NTLS_CIPHER_3DES_EDE_CBC] = { DES3_KEY_SIZE, DES3_BLOCK_SIZE, DES3_BLOCK_SIZE },
    [NTLS_CIPHER_AES128_CBC] = { AES128_KEY_SIZE, AES_BLOCK_SIZE, AES_BLOCK_SIZE },
    [NTLS_CIPHER_AES256_CBC] = { AES256_KEY_SIZE, AES_BLOCK_SIZE, AES_BLOCK_SIZE },
    [NTLS_CIPHER_CAMELLIA128_CBC] = { CAMELLIA128_KEY_SIZE, CAMELLIA_BLOCK_SIZE, CAMELLIA_BLOCK_SIZE },
    [NTLS_CIPHER_CAMELLIA256_CBC] = { CAMELLIA256_KEY_SIZE, CAMELLIA_BLOCK_SIZE, CAMELLIA_BLOCK_SIZE },
};

static const struct cipher_info *info(enum ntls_cipher_id id)
{
    if ((unsigned)id >= NTLS_CIPHER__COUNT) {
        abort(); /* a caller bug: an id outside the enum */
    }
    return &infos[id];
}

size_t ntls_cipher_key_size(enum ntls_cipher_id id)
{
    return info(id)->key_size;
}

size_t ntls_cipher_block_size(enum ntls_cipher_id id)
{
    return info(id)->block_size;
}

size_t ntls_cipher_iv_size(enum ntls_cipher_id id)
{
    return info(id)->iv_size;
}

void ntls_cipher_init(struct ntls_cipher *c, enum ntls_cipher_id id, bool encrypt, const uint8_t *key,
                      const uint8_t *iv)
{
    const struct cipher_info *ci = info(id);
    void *s = c->state;
    uint8_t fixed[DES3_KEY_SIZE];

    memset(c, 0, sizeof *c);
    c->id = id;
    c->encrypt = encrypt;
    if (ci->iv_size > 0) {
        memcpy(c->iv, iv, ci->iv_size);
    }
    switch (id) {
    case NTLS_CIPHER_NULL:
        break;
    case NTLS_CIPHER_RC4_128:
        arcfour128_set_key(s, key);
        break;
    case NTLS_CIPHER_DES_CBC:
    case NTLS_CIPHER_3DES_EDE_CBC:
        /* TLS key blocks do not set the DES parity bits, which DES ignores; set them so Nettle sees a
         * well-formed key. des_set_key returns 0 for the (semi-)weak keys but expands them all the same: a
         * random key block hits one with negligible probability and refusing it would not help. */
        des_fix_parity(ci->key_size, fixed, key);
        if (id == NTLS_CIPHER_DES_CBC) {
            (void)des_set_key(s, fixed);
        } else {
            (void)des3_set_key(s, fixed);
        }
        ntls_zeroize(fixed, sizeof fixed);
        break;
    case NTLS_CIPHER_AES128_CBC:
        (encrypt ? aes128_set_encrypt_key : aes128_set_decrypt_key)(s, key);
        break;
    case NTLS_CIPHER_AES256_CBC:
        (encrypt ? aes256_set_encrypt_key : aes256_set_decrypt_key)(s, key);
        break;
    case NTLS_CIPHER_CAMELLIA128_CBC:
        (encrypt ? camellia128_set_encrypt_key : camellia128_set_decrypt_key)(s, key);
        break;
    case NTLS_CIPHER_CAMELLIA256_CBC:
        (encrypt ? camellia256_set_encrypt_key : camellia256_set_decrypt_key)(s, key);
        break;
    default:
        abort();
    }
}

/* Generic CBC for the block ciphers without a dedicated Nettle routine (and for all decryption: Nettle 3.8
 * has cbc_aesN_encrypt only; cbc_decrypt hands many blocks to the block function at once, since CBC
 * decryption is parallel, so it is not the bottleneck that generic cbc_encrypt is). */
static void run_cbc(struct ntls_cipher *c, nettle_cipher_func *enc, nettle_cipher_func *dec, uint8_t *dst,
                    const uint8_t *src, size_t len)
{
    size_t bs = infos[c->id].block_size;
    if (c->encrypt) {
        cbc_encrypt(c->state, enc, bs, c->iv, len, dst, src);
    } else {
        cbc_decrypt(c->state, dec, bs, c->iv, len, dst, src);
    }
}

void ntls_cipher_run(struct ntls_cipher *c, uint8_t *dst, const uint8_t *src, size_t len)
{
    void *s = c->state;
    size_t bs = info(c->id)->block_size;

    assert(len % bs == 0);
    len -= len % bs; /* release builds: never hand Nettle a partial block */
    if (len == 0) {
        return;
    }
    switch (c->id) {
    case NTLS_CIPHER_NULL:
        if (dst != src) {
            memmove(dst, src, len);
        }
        break;
    case NTLS_CIPHER_RC4_128:
        arcfour_crypt(s, len, dst, src);
        break;
    case NTLS_CIPHER_DES_CBC:
        run_cbc(c, (nettle_cipher_func *)des_encrypt, (nettle_cipher_func *)des_decrypt, dst, src, len);
        break;
    case NTLS_CIPHER_3DES_EDE_CBC:
        run_cbc(c, (nettle_cipher_func *)des3_encrypt, (nettle_cipher_func *)des3_decrypt, dst, src, len);
        break;
    case NTLS_CIPHER_AES128_CBC:
        if (c->encrypt) {
            cbc_aes128_encrypt(s, c->iv, len, dst, src); /* the generic cbc_encrypt costs ~40% */
        } else {
            cbc_decrypt(s, (nettle_cipher_func *)aes128_decrypt, AES_BLOCK_SIZE, c->iv, len, dst, src);
        }
        break;
    case NTLS_CIPHER_AES256_CBC:
        if (c->encrypt) {
            cbc_aes256_encrypt(s, c->iv, len, dst, src);
        } else {
            cbc_decrypt(s, (nettle_cipher_func *)aes256_decrypt, AES_BLOCK_SIZE, c->iv, len, dst, src);
        }
        break;
    case NTLS_CIPHER_CAMELLIA128_CBC: /* one function for both directions, the schedule decides */
        run_cbc(c, (nettle_cipher_func *)camellia128_crypt, (nettle_cipher_func *)camellia128_crypt, dst,
                src, len);
        break;
    case NTLS_CIPHER_CAMELLIA256_CBC:
        run_cbc(c, (nettle_cipher_func *)camellia256_crypt, (nettle_cipher_func *)camellia256_crypt, dst,
                src, len);
        break;
    default:
        abort();
    }
}

void ntls_cipher_wipe(struct ntls_cipher *c)
{
    ntls_zeroize(c->state, sizeof c->state);
    ntls_zeroize(c->iv, sizeof c->iv);
}
