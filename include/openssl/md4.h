/* nettls: <openssl/md4.h>, MD4 (RFC 1320) as a one-shot function and as MD4_Init/Update/Final over an
 * MD4_CTX, for the NTLM code of old programs. MD4 is broken: nettls never uses it in TLS. */
#ifndef HEADER_MD4_H
#define HEADER_MD4_H

#include <stddef.h>

#include <openssl/opensslconf.h>
#include <openssl/md5.h>

#ifdef __cplusplus
extern "C" {
#endif

#define MD4_LONG unsigned int
#define MD4_CBLOCK 64
#define MD4_LBLOCK (MD4_CBLOCK / 4)
#define MD4_DIGEST_LENGTH 16

/* Plain storage for nettls's hash state, as MD5_CTX (see <openssl/md5.h>). */
typedef struct MD4state_st {
    union {
        unsigned char opaque[NETTLS_DIGEST_CTX_SIZE];
        double align_double;
        void *align_pointer;
    } nettls_state;
} MD4_CTX;

/* Each returns 1 (0 only for a NULL context). MD4_Final writes MD4_DIGEST_LENGTH bytes. */
int MD4_Init(MD4_CTX *c);
int MD4_Update(MD4_CTX *c, const void *data, size_t len);
int MD4_Final(unsigned char *md, MD4_CTX *c);

/* Writes MD4_DIGEST_LENGTH bytes to md, or to a static buffer when md is NULL; returns where. */
unsigned char *MD4(const unsigned char *d, size_t n, unsigned char *md);

#ifdef __cplusplus
}
#endif

#endif
