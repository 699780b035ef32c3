/* nettls: the CRYPTO_* allocation functions behind OPENSSL_malloc() and friends, with OpenSSL 1.1.0's
 * semantics (crypto/mem.c): a zero-byte request returns NULL, realloc to zero frees. Memory comes from the
 * C library, so programs may free what the libraries hand them with OPENSSL_free(). */
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include <openssl/crypto.h>

#include "base/ct.h"
#include "base/mem.h"

void *CRYPTO_malloc(size_t num, const char *file, int line)
{
    (void)file;
    (void)line;
    if (num == 0) {
        return NULL;
    }
    return malloc(num);
}

void *CRYPTO_zalloc(size_t num, const char *file, int line)
{
    void *p = CRYPTO_malloc(num, file, line);
    if (p != NULL) {
        memset(p, 0, num);
    }
    return p;
}

void *CRYPTO_realloc(void *addr, size_t num, const char *file, int line)
{
    if (addr == NULL) {
        return CRYPTO_malloc(num, file, line);
    }
    if (num == 0) {
        free(addr);
        return NULL;
    }
    return realloc(addr, num);
}

void CRYPTO_free(void *ptr, const char *file, int line)
{
    (void)file;
    (void)line;
    free(ptr);
}

void CRYPTO_clear_free(void *ptr, size_t num, const char *file, int line)
{
    (void)file;
    (void)line;
    if (ptr == NULL) {
        return;
    }
    ntls_zeroize(ptr, num);
    free(ptr);
}

/* Never realloc(): the old block could be released without being wiped. Shrinking wipes the tail and keeps
 * the block, as OpenSSL does. */
void *CRYPTO_clear_realloc(void *addr, size_t old_num, size_t num, const char *file, int line)
{
    if (addr == NULL) {
        return CRYPTO_malloc(num, file, line);
    }
    if (num == 0) {
        CRYPTO_clear_free(addr, old_num, file, line);
        return NULL;
    }
    if (num < old_num) {
        ntls_zeroize((unsigned char *)addr + num, old_num - num);
        return addr;
    }
    void *p = CRYPTO_malloc(num, file, line);
    if (p != NULL) {
        memcpy(p, addr, old_num);
        CRYPTO_clear_free(addr, old_num, file, line);
    }
    return p;
}

void *CRYPTO_memdup(const void *str, size_t siz, const char *file, int line)
{
    if (str == NULL || siz >= INT_MAX) {
        return NULL;
    }
    void *p = CRYPTO_malloc(siz, file, line);
    if (p != NULL) {
        memcpy(p, str, siz);
    }
    return p;
}

char *CRYPTO_strdup(const char *str, const char *file, int line)
{
    if (str == NULL) {
        return NULL;
    }
    return CRYPTO_memdup(str, strlen(str) + 1, file, line);
}

char *CRYPTO_strndup(const char *str, size_t s, const char *file, int line)
{
    if (str == NULL) {
        return NULL;
    }
    size_t len = strnlen(str, s);
    char *p = CRYPTO_malloc(len + 1, file, line);
    if (p != NULL) {
        memcpy(p, str, len);
        p[len] = '\0';
    }
    return p;
}

void OPENSSL_cleanse(void *ptr, size_t len)
{
    ntls_zeroize(ptr, len);
}

int CRYPTO_memcmp(const void *a, const void *b, size_t len)
{
    return (int)(~ntls_ct_memeq(a, b, len) & 1u);
}
