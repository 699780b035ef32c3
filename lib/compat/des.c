/* nettls: the DES_* calls of legacy code (NTLM's LM/NTLM responses use DES_set_odd_parity, DES_set_key and
 * DES_ecb_encrypt), over the crypto layer's DES and 3DES-EDE.
 *
 * DES_key_schedule keeps the 8-byte key itself (in ks[0]); each call expands it, which costs little for
 * the few blocks such code encrypts and keeps Nettle's key schedule inside lib/crypto. A single-block ECB
 * operation is CBC with a zero IV. */
#include <string.h>

#include <openssl/des.h>

#include "crypto/crypto.h"

enum { DES_BLOCK = 8 };

/* Weak and semi-weak keys, as OpenSSL's set_key.c lists them (with odd parity). */
static const unsigned char weak_keys[16][DES_BLOCK] = {
    { 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01 }, { 0xFE, 0xFE, 0xFE, 0xFE, 0xFE, 0xFE, 0xFE, 0xFE },
    { 0x1F, 0x1F, 0x1F, 0x1F, 0x0E, 0x0E, 0x0E, 0x0E }, { 0xE0, 0xE0, 0xE0, 0xE0, 0xF1, 0xF1, 0xF1, 0xF1 },
    { 0x01, 0xFE, 0x01, 0xFE, 0x01, 0xFE, 0x01, 0xFE }, { 0xFE, 0x01, 0xFE, 0x01, 0xFE, 0x01, 0xFE, 0x01 },
    { 0x1F, 0xE0, 0x1F, 0xE0, 0x0E, 0xF1, 0x0E, 0xF1 }, { 0xE0, 0x1F, 0xE0, 0x1F, 0xF1, 0x0E, 0xF1, 0x0E },
    { 0x01, 0xE0, 0x01, 0xE0, 0x01, 0xF1, 0x01, 0xF1 }, { 0xE0, 0x01, 0xE0, 0x01, 0xF1, 0x01, 0xF1, 0x01 },
    { 0x1F, 0xFE, 0x1F, 0xFE, 0x0E, 0xFE, 0x0E, 0xFE }, { 0xFE, 0x1F, 0xFE, 0x1F, 0xFE, 0x0E, 0xFE, 0x0E },
    { 0x01, 0x1F, 0x01, 0x1F, 0x01, 0x0E, 0x01, 0x0E }, { 0x1F, 0x01, 0x1F, 0x01, 0x0E, 0x01, 0x0E, 0x01 },
    { 0xE0, 0xFE, 0xE0, 0xFE, 0xF1, 0xFE, 0xF1, 0xFE }, { 0xFE, 0xE0, 0xFE, 0xE0, 0xFE, 0xF1, 0xFE, 0xF1 },
};

static int odd_parity(unsigned char b)
{
    int bits = 0;
    for (; b != 0; b &= (unsigned char)(b - 1)) {
        bits++;
    }
    return bits & 1;
}

void DES_set_odd_parity(DES_cblock *key)
{
    for (int i = 0; i < DES_BLOCK; i++) {
        unsigned char high = (*key)[i] & 0xFE;
        (*key)[i] = (unsigned char)(high | (odd_parity(high) ? 0 : 1));
    }
}

int DES_check_key_parity(const_DES_cblock *key)
{
    for (int i = 0; i < DES_BLOCK; i++) {
        if (!odd_parity((*key)[i])) {
            return 0;
        }
    }
    return 1;
}

int DES_is_weak_key(const_DES_cblock *key)
{
    for (size_t i = 0; i < sizeof weak_keys / sizeof weak_keys[0]; i++) {
        if (memcmp(weak_keys[i], key, DES_BLOCK) == 0) {
            return 1;
        }
    }
    return 0;
}

void DES_set_key_unchecked(const_DES_cblock *key, DES_key_schedule *schedule)
{
    memset(schedule, 0, sizeof *schedule);
    memcpy(schedule->ks[0].cblock, key, DES_BLOCK);
}

int DES_set_key_checked(const_DES_cblock *key, DES_key_schedule *schedule)
{
    if (!DES_check_key_parity(key)) {
        return -1;
    }
    if (DES_is_weak_key(key)) {
        return -2;
    }
    DES_set_key_unchecked(key, schedule);
    return 0;
}

int DES_set_key(const_DES_cblock *key, DES_key_schedule *schedule)
{
    DES_set_key_unchecked(key, schedule);
    return 0;
}

int DES_key_sched(const_DES_cblock *key, DES_key_schedule *schedule)
{
    return DES_set_key(key, schedule);
}

/* CBC over length bytes with DES (ks2 NULL) or 3DES-EDE; updates ivec. A last partial block is zero-padded
 * and written whole when encrypting, and read whole with only its length written when decrypting, as
 * OpenSSL's des_enc.c does. */
static void des_cbc(const unsigned char *in, unsigned char *out, long length, DES_key_schedule *ks1,
                    DES_key_schedule *ks2, DES_key_schedule *ks3, unsigned char *ivec, int enc)
{
    uint8_t key[3 * DES_BLOCK];
    struct ntls_cipher c;
    enum ntls_cipher_id id = ks2 == NULL ? NTLS_CIPHER_DES_CBC : NTLS_CIPHER_3DES_EDE_CBC;
    memcpy(key, ks1->ks[0].cblock, DES_BLOCK);
    if (ks2 != NULL) {
        memcpy(key + DES_BLOCK, ks2->ks[0].cblock, DES_BLOCK);
        memcpy(key + 2 * DES_BLOCK, ks3->ks[0].cblock, DES_BLOCK);
    }
    ntls_cipher_init(&c, id, enc != DES_DECRYPT, key, ivec);
    size_t len = length > 0 ? (size_t)length : 0;
    size_t whole = len - len % DES_BLOCK;
    if (whole > 0) {
        ntls_cipher_run(&c, out, in, whole);
    }
    if (len > whole) {
        uint8_t block[DES_BLOCK] = { 0 };
        if (enc != DES_DECRYPT) {
            memcpy(block, in + whole, len - whole);
            ntls_cipher_run(&c, out + whole, block, DES_BLOCK);
        } else {
            ntls_cipher_run(&c, block, in + whole, DES_BLOCK);
            memcpy(out + whole, block, len - whole);
        }
    }
    memcpy(ivec, c.iv, DES_BLOCK);
    ntls_cipher_wipe(&c);
    memset(key, 0, sizeof key);
}

void DES_ecb_encrypt(const_DES_cblock *input, DES_cblock *output, DES_key_schedule *ks, int enc)
{
    unsigned char iv[DES_BLOCK] = { 0 };
    des_cbc(*input, *output, DES_BLOCK, ks, NULL, NULL, iv, enc);
}

void DES_ecb3_encrypt(const_DES_cblock *input, DES_cblock *output, DES_key_schedule *ks1,
                      DES_key_schedule *ks2, DES_key_schedule *ks3, int enc)
{
    unsigned char iv[DES_BLOCK] = { 0 };
    des_cbc(*input, *output, DES_BLOCK, ks1, ks2, ks3, iv, enc);
}

void DES_ncbc_encrypt(const unsigned char *input, unsigned char *output, long length,
                      DES_key_schedule *schedule, DES_cblock *ivec, int enc)
{
    des_cbc(input, output, length, schedule, NULL, NULL, *ivec, enc);
}

void DES_ede3_cbc_encrypt(const unsigned char *input, unsigned char *output, long length,
                          DES_key_schedule *ks1, DES_key_schedule *ks2, DES_key_schedule *ks3,
                          DES_cblock *ivec, int enc)
{
    des_cbc(input, output, length, ks1, ks2, ks3, *ivec, enc);
}
