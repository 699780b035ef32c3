/* nettls: <openssl/sha.h>, the SHA family as one-shot functions and as SHA*_Init/Update/Final over the
 * SHA_CTX, SHA256_CTX and SHA512_CTX contexts. */
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

/* Programs declare these contexts and pass their address; they do not read their fields (1.1.0 documents
 * none). nettls keeps its own hash state in them: the storage only has to be large enough. */
#ifndef NETTLS_DIGEST_CTX_SIZE
#define NETTLS_DIGEST_CTX_SIZE 288
#endif
typedef struct SHAstate_st {
    union {
        unsigned char opaque[NETTLS_DIGEST_CTX_SIZE];
        double align_double;
        void *align_pointer;
    } nettls_state;
} SHA_CTX;
typedef struct SHA256state_st {
    union {
        unsigned char opaque[NETTLS_DIGEST_CTX_SIZE];
        double align_double;
        void *align_pointer;
    } nettls_state;
} SHA256_CTX;
typedef struct SHA512state_st {
    union {
        unsigned char opaque[NETTLS_DIGEST_CTX_SIZE];
        double align_double;
        void *align_pointer;
    } nettls_state;
} SHA512_CTX;

/* Each returns 1 (0 only for a NULL context). SHA224 uses a SHA256_CTX and SHA384 a SHA512_CTX. */
int SHA1_Init(SHA_CTX *c);
int SHA1_Update(SHA_CTX *c, const void *data, size_t len);
int SHA1_Final(unsigned char *md, SHA_CTX *c);
int SHA224_Init(SHA256_CTX *c);
int SHA224_Update(SHA256_CTX *c, const void *data, size_t len);
int SHA224_Final(unsigned char *md, SHA256_CTX *c);
int SHA256_Init(SHA256_CTX *c);
int SHA256_Update(SHA256_CTX *c, const void *data, size_t len);
int SHA256_Final(unsigned char *md, SHA256_CTX *c);
int SHA384_Init(SHA512_CTX *c);
int SHA384_Update(SHA512_CTX *c, const void *data, size_t len);
int SHA384_Final(unsigned char *md, SHA512_CTX *c);
int SHA512_Init(SHA512_CTX *c);
int SHA512_Update(SHA512_CTX *c, const void *data, size_t len);
int SHA512_Final(unsigned char *md, SHA512_CTX *c);

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
