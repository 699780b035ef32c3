/* nettls: <openssl/des.h>, DES constants and block types. DES_key_schedule is opaque; the DES_*
 * functions are not provided. */
#ifndef HEADER_NEW_DES_H
#define HEADER_NEW_DES_H

#include <openssl/e_os2.h>

#ifdef __cplusplus
extern "C" {
#endif

#define DES_LONG unsigned int

typedef unsigned char DES_cblock[8];
typedef unsigned char const_DES_cblock[8];

typedef struct DES_ks DES_key_schedule;

#define DES_KEY_SZ (sizeof(DES_cblock))

#define DES_ENCRYPT 1
#define DES_DECRYPT 0

#define DES_CBC_MODE 0
#define DES_PCBC_MODE 1

#ifdef __cplusplus
}
#endif

#endif
