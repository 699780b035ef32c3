/* nettls: <openssl/md5.h>, MD5 as a one-shot function (the MD5_Init/Update/Final context API is not
 * provided yet, so MD5_CTX stays opaque). */
#ifndef HEADER_MD5_H
#define HEADER_MD5_H

#include <stddef.h>

#include <openssl/e_os2.h>

#ifdef __cplusplus
extern "C" {
#endif

#define MD5_LONG unsigned int

#define MD5_CBLOCK 64
#define MD5_LBLOCK (MD5_CBLOCK / 4)
#define MD5_DIGEST_LENGTH 16

typedef struct MD5state_st MD5_CTX;

/* Writes MD5_DIGEST_LENGTH bytes to md, or to a static buffer when md is NULL; returns where. */
unsigned char *MD5(const unsigned char *d, size_t n, unsigned char *md);

#ifdef __cplusplus
}
#endif

#endif
