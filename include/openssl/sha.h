/* nettls: <openssl/sha.h>, the SHA family as one-shot functions (the SHA*_Init/Update/Final context API is
 * not provided yet, so the contexts stay opaque). */
#ifndef HEADER_SHA_H
#define HEADER_SHA_H

#include <stddef.h>

#include <openssl/e_os2.h>

#ifdef __cplusplus
extern "C" {
#endif

#define SHA_LONG unsigned int

#define SHA_LBLOCK 16
#define SHA_CBLOCK (SHA_LBLOCK * 4)
#define SHA_LAST_BLOCK (SHA_CBLOCK - 8)
#define SHA_DIGEST_LENGTH 20

#define SHA256_CBLOCK (SHA_LBLOCK * 4)
#define SHA224_DIGEST_LENGTH 28
#define SHA256_DIGEST_LENGTH 32
#define SHA384_DIGEST_LENGTH 48
#define SHA512_DIGEST_LENGTH 64
#define SHA512_CBLOCK (SHA_LBLOCK * 8)

typedef struct SHAstate_st SHA_CTX;
typedef struct SHA256state_st SHA256_CTX;
typedef struct SHA512state_st SHA512_CTX;

/* Each writes its digest to md, or to a static buffer when md is NULL, and returns where. */
unsigned char *SHA1(const unsigned char *d, size_t n, unsigned char *md);
unsigned char *SHA224(const unsigned char *d, size_t n, unsigned char *md);
unsigned char *SHA256(const unsigned char *d, size_t n, unsigned char *md);
unsigned char *SHA384(const unsigned char *d, size_t n, unsigned char *md);
unsigned char *SHA512(const unsigned char *d, size_t n, unsigned char *md);

#ifdef __cplusplus
}
#endif

#endif
