/* nettls: EVP message digests (EVP_md5 ... EVP_sha512, EVP_MD_CTX, EVP_Digest*) over the crypto layer's
 * hashes, with OpenSSL 1.1.0's semantics (man EVP_DigestInit): functions return 1 on success and 0 on
 * failure, putting an ERR_LIB_EVP error on the queue. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/objects.h>

#include "evp_local.h"

struct evp_md_ctx_st {
    const EVP_MD *digest; /* NULL until EVP_DigestInit */
    struct ntls_hash hash;
};

static const EVP_MD md4_md = { NID_md4, NTLS_HASH_MD4, 64, SN_md4, LN_md4 };
static const EVP_MD md5_md = { NID_md5, NTLS_HASH_MD5, 64, SN_md5, LN_md5 };
static const EVP_MD md5_sha1_md = { NID_md5_sha1, NTLS_HASH_MD5SHA1, 64, SN_md5_sha1, LN_md5_sha1 };
static const EVP_MD sha1_md = { NID_sha1, NTLS_HASH_SHA1, 64, SN_sha1, LN_sha1 };
static const EVP_MD sha224_md = { NID_sha224, NTLS_HASH_SHA224, 64, SN_sha224, LN_sha224 };
static const EVP_MD sha256_md = { NID_sha256, NTLS_HASH_SHA256, 64, SN_sha256, LN_sha256 };
static const EVP_MD sha384_md = { NID_sha384, NTLS_HASH_SHA384, 128, SN_sha384, LN_sha384 };
static const EVP_MD sha512_md = { NID_sha512, NTLS_HASH_SHA512, 128, SN_sha512, LN_sha512 };

static const EVP_MD *const all_mds[] = {
    &md4_md, &md5_md, &md5_sha1_md, &sha1_md, &sha224_md, &sha256_md, &sha384_md, &sha512_md,
};

const EVP_MD *EVP_md4(void)
{
    return &md4_md;
}

const EVP_MD *EVP_md5(void)
{
    return &md5_md;
}

const EVP_MD *EVP_md5_sha1(void)
{
    return &md5_sha1_md;
}

const EVP_MD *EVP_sha1(void)
{
    return &sha1_md;
}

const EVP_MD *EVP_sha224(void)
{
    return &sha224_md;
}

const EVP_MD *EVP_sha256(void)
{
    return &sha256_md;
}

const EVP_MD *EVP_sha384(void)
{
    return &sha384_md;
}

const EVP_MD *EVP_sha512(void)
{
    return &sha512_md;
}

/* OpenSSL registers each digest under its short and long object name; OpenSSL 3 matches names without
 * regard to case, which accepts every spelling 1.1.0 did. */
const EVP_MD *EVP_get_digestbyname(const char *name)
{
    if (name == NULL) {
        return NULL;
    }
    for (size_t i = 0; i < sizeof all_mds / sizeof all_mds[0]; i++) {
        if (strcasecmp(name, all_mds[i]->sn) == 0 || strcasecmp(name, all_mds[i]->ln) == 0) {
            return all_mds[i];
        }
    }
    return NULL;
}

int EVP_MD_type(const EVP_MD *md)
{
    return md != NULL ? md->type : NID_undef;
}

int EVP_MD_size(const EVP_MD *md)
{
    if (md == NULL) {
        EVPerr(0, EVP_R_NO_DIGEST_SET);
        return -1;
    }
    return (int)ntls_hash_size(md->hash);
}

int EVP_MD_block_size(const EVP_MD *md)
{
    return md != NULL ? md->block_size : -1;
}

EVP_MD_CTX *EVP_MD_CTX_new(void)
{
    EVP_MD_CTX *ctx = calloc(1, sizeof *ctx);
    if (ctx == NULL) {
        EVPerr(0, ERR_R_MALLOC_FAILURE);
    }
    return ctx;
}

int EVP_MD_CTX_reset(EVP_MD_CTX *ctx)
{
    if (ctx != NULL) {
        ntls_hash_wipe(&ctx->hash);
        ctx->digest = NULL;
    }
    return 1;
}

void EVP_MD_CTX_free(EVP_MD_CTX *ctx)
{
    EVP_MD_CTX_reset(ctx);
    free(ctx);
}

const EVP_MD *EVP_MD_CTX_md(const EVP_MD_CTX *ctx)
{
    return ctx != NULL ? ctx->digest : NULL;
}

int EVP_MD_CTX_copy_ex(EVP_MD_CTX *out, const EVP_MD_CTX *in)
{
    if (out == NULL || in == NULL || in->digest == NULL) {
        EVPerr(0, EVP_R_INPUT_NOT_INITIALIZED);
        return 0;
    }
    if (out != in) {
        *out = *in; /* a running hash forks by assignment (lib/crypto/crypto.h) */
    }
    return 1;
}

int EVP_MD_CTX_copy(EVP_MD_CTX *out, const EVP_MD_CTX *in)
{
    if (out != in) {
        EVP_MD_CTX_reset(out);
    }
    return EVP_MD_CTX_copy_ex(out, in);
}

int EVP_DigestInit_ex(EVP_MD_CTX *ctx, const EVP_MD *type, ENGINE *impl)
{
    (void)impl;
    if (ctx == NULL) {
        EVPerr(0, ERR_R_PASSED_NULL_PARAMETER);
        return 0;
    }
    if (type == NULL) {
        type = ctx->digest;
    }
    if (type == NULL) {
        EVPerr(0, EVP_R_NO_DIGEST_SET);
        return 0;
    }
    ctx->digest = type;
    ntls_hash_init(&ctx->hash, type->hash);
    return 1;
}

int EVP_DigestUpdate(EVP_MD_CTX *ctx, const void *d, size_t cnt)
{
    if (ctx == NULL || ctx->digest == NULL) {
        EVPerr(0, EVP_R_NO_DIGEST_SET);
        return 0;
    }
    if (cnt > 0) {
        ntls_hash_update(&ctx->hash, d, cnt);
    }
    return 1;
}

int EVP_DigestFinal_ex(EVP_MD_CTX *ctx, unsigned char *md, unsigned int *s)
{
    if (ctx == NULL || ctx->digest == NULL) {
        EVPerr(0, EVP_R_NO_DIGEST_SET);
        return 0;
    }
    ntls_hash_final(&ctx->hash, md);
    if (s != NULL) {
        *s = (unsigned int)ntls_hash_size(ctx->digest->hash);
    }
    return 1;
}

int EVP_DigestInit(EVP_MD_CTX *ctx, const EVP_MD *type)
{
    EVP_MD_CTX_reset(ctx);
    return EVP_DigestInit_ex(ctx, type, NULL);
}

int EVP_DigestFinal(EVP_MD_CTX *ctx, unsigned char *md, unsigned int *s)
{
    int ok = EVP_DigestFinal_ex(ctx, md, s);
    EVP_MD_CTX_reset(ctx);
    return ok;
}

int EVP_Digest(const void *data, size_t count, unsigned char *md, unsigned int *size, const EVP_MD *type,
               ENGINE *impl)
{
    (void)impl;
    if (type == NULL) {
        EVPerr(0, EVP_R_NO_DIGEST_SET);
        return 0;
    }
    ntls_hash_oneshot(type->hash, data, count, md);
    if (size != NULL) {
        *size = (unsigned int)ntls_hash_size(type->hash);
    }
    return 1;
}
