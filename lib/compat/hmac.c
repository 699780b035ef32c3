/* nettls: HMAC_* (man HMAC) over the crypto layer's HMAC, with OpenSSL 1.1.0's semantics for re-keying:
 * HMAC_Init_ex with a NULL key and digest starts a new message under the last key, and a new digest needs
 * a new key. */
#include <stdlib.h>

#include <openssl/err.h>
#include <openssl/hmac.h>

#include "evp_local.h"

struct hmac_ctx_st {
    const EVP_MD *md; /* NULL until keyed */
    struct ntls_hmac mac;
};

HMAC_CTX *HMAC_CTX_new(void)
{
    HMAC_CTX *ctx = calloc(1, sizeof *ctx);
    if (ctx == NULL) {
        EVPerr(0, ERR_R_MALLOC_FAILURE);
    }
    return ctx;
}

int HMAC_CTX_reset(HMAC_CTX *ctx)
{
    if (ctx != NULL) {
        ntls_hmac_wipe(&ctx->mac);
        ctx->md = NULL;
    }
    return 1;
}

void HMAC_CTX_free(HMAC_CTX *ctx)
{
    HMAC_CTX_reset(ctx);
    free(ctx);
}

size_t HMAC_size(const HMAC_CTX *ctx)
{
    return ctx != NULL && ctx->md != NULL ? ntls_hash_size(ctx->md->hash) : 0;
}

const EVP_MD *HMAC_CTX_get_md(const HMAC_CTX *ctx)
{
    return ctx != NULL ? ctx->md : NULL;
}

int HMAC_Init_ex(HMAC_CTX *ctx, const void *key, int len, const EVP_MD *md, ENGINE *impl)
{
    (void)impl;
    if (ctx == NULL) {
        return 0;
    }
    /* hmac.c of 1.1.0: changing the digest requires a key. */
    if (md != NULL && md != ctx->md && (key == NULL || len < 0)) {
        return 0;
    }
    if (md == NULL) {
        md = ctx->md;
    }
    if (md == NULL || md->hash == NTLS_HASH_MD5SHA1) {
        EVPerr(0, md == NULL ? EVP_R_NO_DIGEST_SET : ERR_R_DISABLED);
        return 0;
    }
    if (key != NULL) {
        if (len < 0) {
            return 0;
        }
        ntls_hmac_init(&ctx->mac, md->hash, key, (size_t)len);
        ctx->md = md;
    } else {
        ntls_hmac_restart(&ctx->mac);
    }
    return 1;
}

int HMAC_Init(HMAC_CTX *ctx, const void *key, int len, const EVP_MD *md)
{
    /* 1.1.0 resets the context first when a digest is given, so the old key cannot carry over. */
    if (key != NULL && md != NULL) {
        HMAC_CTX_reset(ctx);
    }
    return HMAC_Init_ex(ctx, key, len, md, NULL);
}

int HMAC_Update(HMAC_CTX *ctx, const unsigned char *data, size_t len)
{
    if (ctx == NULL || ctx->md == NULL) {
        return 0;
    }
    if (len > 0) {
        ntls_hmac_update(&ctx->mac, data, len);
    }
    return 1;
}

int HMAC_Final(HMAC_CTX *ctx, unsigned char *md, unsigned int *len)
{
    if (ctx == NULL || ctx->md == NULL) {
        return 0;
    }
    ntls_hmac_final(&ctx->mac, md);
    if (len != NULL) {
        *len = (unsigned int)ntls_hash_size(ctx->md->hash);
    }
    return 1;
}

int HMAC_CTX_copy(HMAC_CTX *dctx, HMAC_CTX *sctx)
{
    if (dctx == NULL || sctx == NULL) {
        return 0;
    }
    *dctx = *sctx; /* the keyed and running states are plain data */
    return 1;
}

unsigned char *HMAC(const EVP_MD *evp_md, const void *key, int key_len, const unsigned char *d, size_t n,
                    unsigned char *md, unsigned int *md_len)
{
    static unsigned char static_md[EVP_MAX_MD_SIZE];
    static const unsigned char empty_key[1];
    if (evp_md == NULL || evp_md->hash == NTLS_HASH_MD5SHA1 || key_len < 0) {
        return NULL;
    }
    if (md == NULL) {
        md = static_md;
    }
    /* OpenSSL accepts a NULL key of length 0 (an empty key). */
    ntls_hmac_oneshot(evp_md->hash, key != NULL ? key : empty_key, key != NULL ? (size_t)key_len : 0, d, n,
                      md);
    if (md_len != NULL) {
        *md_len = (unsigned int)ntls_hash_size(evp_md->hash);
    }
    return md;
}
