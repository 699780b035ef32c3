/* nettls: <openssl/hmac.h>, HMAC (RFC 2104) with the EVP digests. HMAC_CTX is opaque, as in 1.1.0: make one
 * with HMAC_CTX_new(). EVP_md5_sha1() has no HMAC. */
#ifndef HEADER_HMAC_H
#define HEADER_HMAC_H

#include <openssl/opensslconf.h>
#include <openssl/evp.h>

#ifdef __cplusplus
extern "C" {
#endif

#define HMAC_MAX_MD_CBLOCK 128 /* largest known is SHA512 */

size_t HMAC_size(const HMAC_CTX *e);
HMAC_CTX *HMAC_CTX_new(void);
int HMAC_CTX_reset(HMAC_CTX *ctx);
void HMAC_CTX_free(HMAC_CTX *ctx);
#if OPENSSL_API_COMPAT < 0x10100000L
int HMAC_Init(HMAC_CTX *ctx, const void *key, int len, const EVP_MD *md);
#endif
/* A new key (key not NULL) or digest (md not NULL) re-keys the context; with both NULL the next message
 * reuses the last key. Changing the digest needs a key. 1 on success, 0 on failure. */
int HMAC_Init_ex(HMAC_CTX *ctx, const void *key, int len, const EVP_MD *md, ENGINE *impl);
int HMAC_Update(HMAC_CTX *ctx, const unsigned char *data, size_t len);
/* md has room for EVP_MAX_MD_SIZE bytes; *len (if len is not NULL) receives the MAC length. */
int HMAC_Final(HMAC_CTX *ctx, unsigned char *md, unsigned int *len);
/* md NULL: a static buffer (not thread-safe, as in OpenSSL). NULL on failure. */
unsigned char *HMAC(const EVP_MD *evp_md, const void *key, int key_len, const unsigned char *d, size_t n,
                    unsigned char *md, unsigned int *md_len);
int HMAC_CTX_copy(HMAC_CTX *dctx, HMAC_CTX *sctx);
const EVP_MD *HMAC_CTX_get_md(const HMAC_CTX *ctx);

#ifdef __cplusplus
}
#endif

#endif
