/* nettls: the low-level digest context API, MD4_Init/Update/Final, MD5_Init/Update/Final and
 * SHA{1,224,256,384,512}_*, over the crypto layer's running hash.
 *
 * The public contexts (MD5_CTX, SHA_CTX, ...) are plain storage a program declares; the hash state is
 * copied in and out of it with memcpy, so the storage needs no particular alignment. As in OpenSSL 1.1.0
 * (man MD5_Init), each call returns 1; Final leaves the context to be initialised again. */
#include <string.h>

#include <openssl/md4.h>
#include <openssl/md5.h>
#include <openssl/sha.h>

#include "crypto/crypto.h"

_Static_assert(sizeof(MD5_CTX) >= sizeof(struct ntls_hash), "MD5_CTX too small for struct ntls_hash");
_Static_assert(sizeof(SHA_CTX) >= sizeof(struct ntls_hash), "SHA_CTX too small for struct ntls_hash");
_Static_assert(sizeof(SHA256_CTX) >= sizeof(struct ntls_hash), "SHA256_CTX too small");
_Static_assert(sizeof(SHA512_CTX) >= sizeof(struct ntls_hash), "SHA512_CTX too small");

static int ctx_init(void *storage, enum ntls_hash_id id)
{
    struct ntls_hash h;
    if (storage == NULL) {
        return 0;
    }
    ntls_hash_init(&h, id);
    memcpy(storage, &h, sizeof h);
    ntls_hash_wipe(&h);
    return 1;
}

static int ctx_update(void *storage, const void *data, size_t len)
{
    struct ntls_hash h;
    if (storage == NULL || (data == NULL && len > 0)) {
        return 0;
    }
    memcpy(&h, storage, sizeof h);
    ntls_hash_update(&h, data, len);
    memcpy(storage, &h, sizeof h);
    ntls_hash_wipe(&h);
    return 1;
}

/* Writes the digest and wipes the context, as OpenSSL's *_Final cleanses the state. */
static int ctx_final(unsigned char *md, void *storage, size_t storage_size)
{
    struct ntls_hash h;
    if (storage == NULL || md == NULL) {
        return 0;
    }
    memcpy(&h, storage, sizeof h);
    ntls_hash_final(&h, md);
    ntls_hash_wipe(&h);
    memset(storage, 0, storage_size);
    return 1;
}

int MD4_Init(MD4_CTX *c)
{
    return ctx_init(c, NTLS_HASH_MD4);
}

int MD4_Update(MD4_CTX *c, const void *data, size_t len)
{
    return ctx_update(c, data, len);
}

int MD4_Final(unsigned char *md, MD4_CTX *c)
{
    return ctx_final(md, c, sizeof *c);
}

int MD5_Init(MD5_CTX *c)
{
    return ctx_init(c, NTLS_HASH_MD5);
}

int MD5_Update(MD5_CTX *c, const void *data, size_t len)
{
    return ctx_update(c, data, len);
}

int MD5_Final(unsigned char *md, MD5_CTX *c)
{
    return ctx_final(md, c, sizeof *c);
}

int SHA1_Init(SHA_CTX *c)
{
    return ctx_init(c, NTLS_HASH_SHA1);
}

int SHA1_Update(SHA_CTX *c, const void *data, size_t len)
{
    return ctx_update(c, data, len);
}

int SHA1_Final(unsigned char *md, SHA_CTX *c)
{
    return ctx_final(md, c, sizeof *c);
}

int SHA224_Init(SHA256_CTX *c)
{
    return ctx_init(c, NTLS_HASH_SHA224);
}

int SHA224_Update(SHA256_CTX *c, const void *data, size_t len)
{
    return ctx_update(c, data, len);
}

int SHA224_Final(unsigned char *md, SHA256_CTX *c)
{
    return ctx_final(md, c, sizeof *c);
}

int SHA256_Init(SHA256_CTX *c)
{
    return ctx_init(c, NTLS_HASH_SHA256);
}

int SHA256_Update(SHA256_CTX *c, const void *data, size_t len)
{
    return ctx_update(c, data, len);
}

int SHA256_Final(unsigned char *md, SHA256_CTX *c)
{
    return ctx_final(md, c, sizeof *c);
}

int SHA384_Init(SHA512_CTX *c)
{
    return ctx_init(c, NTLS_HASH_SHA384);
}

int SHA384_Update(SHA512_CTX *c, const void *data, size_t len)
{
    return ctx_update(c, data, len);
}

int SHA384_Final(unsigned char *md, SHA512_CTX *c)
{
    return ctx_final(md, c, sizeof *c);
}

int SHA512_Init(SHA512_CTX *c)
{
    return ctx_init(c, NTLS_HASH_SHA512);
}

int SHA512_Update(SHA512_CTX *c, const void *data, size_t len)
{
    return ctx_update(c, data, len);
}

int SHA512_Final(unsigned char *md, SHA512_CTX *c)
{
    return ctx_final(md, c, sizeof *c);
}
