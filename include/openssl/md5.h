/* nettls: <openssl/md5.h>, MD5 as a one-shot function and as MD5_Init/Update/Final over an MD5_CTX. */
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

/* Programs declare an MD5_CTX and pass its address; they do not read its fields (1.1.0 documents none).
 * nettls keeps its own hash state in it: the storage only has to be large enough. */
#ifndef NETTLS_DIGEST_CTX_SIZE
#define NETTLS_DIGEST_CTX_SIZE 288
#endif
typedef struct MD5state_st {
    union {
        unsigned char opaque[NETTLS_DIGEST_CTX_SIZE];
        double align_double;
        void *align_pointer;
    } nettls_state;
} MD5_CTX;

/* Each returns 1 (0 only for a NULL context). MD5_Final writes MD5_DIGEST_LENGTH bytes. */
int MD5_Init(MD5_CTX *c);
int MD5_Update(MD5_CTX *c, const void *data, size_t len);
int MD5_Final(unsigned char *md, MD5_CTX *c);

/* Writes MD5_DIGEST_LENGTH bytes to md, or to a static buffer when md is NULL; returns where. */
unsigned char *MD5(const unsigned char *d, size_t n, unsigned char *md);

#ifdef __cplusplus
}
#endif

#endif
