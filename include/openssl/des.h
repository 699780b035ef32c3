/* nettls: <openssl/des.h>, the DES calls NTLM and other legacy code makes: key setup and parity, single
 * blocks (DES_ecb_encrypt, DES_ecb3_encrypt) and CBC (DES_ncbc_encrypt, DES_ede3_cbc_encrypt). */
#ifndef HEADER_NEW_DES_H
#define HEADER_NEW_DES_H

#include <openssl/e_os2.h>

#ifdef __cplusplus
extern "C" {
#endif

#define DES_LONG unsigned int

typedef unsigned char DES_cblock[8];
typedef unsigned char const_DES_cblock[8];

/* Laid out as in OpenSSL so programs can declare one; nettls keeps the key itself in it and expands it
 * when it is used. */
typedef struct DES_ks {
    union {
        DES_cblock cblock;
        DES_LONG deslong[2];
    } ks[16];
} DES_key_schedule;

#define DES_KEY_SZ (sizeof(DES_cblock))

#define DES_ENCRYPT 1
#define DES_DECRYPT 0

#define DES_CBC_MODE 0
#define DES_PCBC_MODE 1

void DES_ecb_encrypt(const_DES_cblock *input, DES_cblock *output, DES_key_schedule *ks, int enc);
void DES_ecb3_encrypt(const_DES_cblock *input, DES_cblock *output, DES_key_schedule *ks1,
                      DES_key_schedule *ks2, DES_key_schedule *ks3, int enc);
/* CBC over length bytes; ivec is updated for the next call. A last partial block is zero-padded when
 * encrypting (a whole block is written). */
void DES_ncbc_encrypt(const unsigned char *input, unsigned char *output, long length,
                      DES_key_schedule *schedule, DES_cblock *ivec, int enc);
void DES_ede3_cbc_encrypt(const unsigned char *input, unsigned char *output, long length,
                          DES_key_schedule *ks1, DES_key_schedule *ks2, DES_key_schedule *ks3,
                          DES_cblock *ivec, int enc);

void DES_set_odd_parity(DES_cblock *key);
#define DES_fixup_key_parity DES_set_odd_parity
int DES_check_key_parity(const_DES_cblock *key);
int DES_is_weak_key(const_DES_cblock *key);
/* As in OpenSSL (DES_check_key is 0): no checks, returns 0. */
int DES_set_key(const_DES_cblock *key, DES_key_schedule *schedule);
int DES_key_sched(const_DES_cblock *key, DES_key_schedule *schedule);
/* -1 when the parity is wrong, -2 for a weak key, else 0. */
int DES_set_key_checked(const_DES_cblock *key, DES_key_schedule *schedule);
void DES_set_key_unchecked(const_DES_cblock *key, DES_key_schedule *schedule);

#ifdef __cplusplus
}
#endif

#endif
