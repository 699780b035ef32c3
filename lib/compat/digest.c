/* nettls: the one-shot digests MD5(), SHA1(), SHA224(), SHA256(), SHA384(), SHA512().
 *
 * As in OpenSSL, a NULL output pointer means a static buffer (shared by all threads: callers that need
 * thread safety pass their own). */
#include <openssl/md4.h>
#include <openssl/md5.h>
#include <openssl/sha.h>

#include "crypto/crypto.h"

static unsigned char *digest(enum ntls_hash_id id, const unsigned char *d, size_t n, unsigned char *md,
                             unsigned char *fallback)
{
    unsigned char *out = md != NULL ? md : fallback;
    ntls_hash_oneshot(id, d, n, out);
    return out;
}

unsigned char *MD4(const unsigned char *d, size_t n, unsigned char *md)
{
    static unsigned char m[MD4_DIGEST_LENGTH];
    return digest(NTLS_HASH_MD4, d, n, md, m);
}

unsigned char *MD5(const unsigned char *d, size_t n, unsigned char *md)
{
    static unsigned char m[MD5_DIGEST_LENGTH];
    return digest(NTLS_HASH_MD5, d, n, md, m);
}

unsigned char *SHA1(const unsigned char *d, size_t n, unsigned char *md)
{
    static unsigned char m[SHA_DIGEST_LENGTH];
    return digest(NTLS_HASH_SHA1, d, n, md, m);
}

unsigned char *SHA224(const unsigned char *d, size_t n, unsigned char *md)
{
    static unsigned char m[SHA224_DIGEST_LENGTH];
    return digest(NTLS_HASH_SHA224, d, n, md, m);
}

unsigned char *SHA256(const unsigned char *d, size_t n, unsigned char *md)
{
    static unsigned char m[SHA256_DIGEST_LENGTH];
    return digest(NTLS_HASH_SHA256, d, n, md, m);
}

unsigned char *SHA384(const unsigned char *d, size_t n, unsigned char *md)
{
    static unsigned char m[SHA384_DIGEST_LENGTH];
    return digest(NTLS_HASH_SHA384, d, n, md, m);
}

unsigned char *SHA512(const unsigned char *d, size_t n, unsigned char *md)
{
    static unsigned char m[SHA512_DIGEST_LENGTH];
    return digest(NTLS_HASH_SHA512, d, n, md, m);
}
