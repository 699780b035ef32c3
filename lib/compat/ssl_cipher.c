/* nettls: SSL_CIPHER, which is the engine's suite table row (struct ntls_suite) under OpenSSL's name, so
 * the pointers stay valid for the life of the program, as OpenSSL's do. */
#include <openssl/ssl.h>

#include "ssl_local.h"

const SSL_CIPHER *ntls_compat_cipher(const struct ntls_suite *s)
{
    return (const SSL_CIPHER *)(const void *)s;
}

static const struct ntls_suite *suite_of(const SSL_CIPHER *c)
{
    return (const struct ntls_suite *)(const void *)c;
}

STACK_OF(SSL_CIPHER) *ntls_compat_cipher_stack(const uint16_t *suites, size_t n)
{
    STACK_OF(SSL_CIPHER) *st = sk_SSL_CIPHER_new_null();
    for (size_t i = 0; st != NULL && i < n; i++) {
        const struct ntls_suite *s = ntls_suite_by_id(suites[i]);
        if (s != NULL && sk_SSL_CIPHER_push(st, ntls_compat_cipher(s)) == 0) {
            sk_SSL_CIPHER_free(st);
            st = NULL;
        }
    }
    return st;
}

const char *SSL_CIPHER_get_name(const SSL_CIPHER *c)
{
    return c == NULL ? "(NONE)" : suite_of(c)->name;
}

int SSL_CIPHER_get_bits(const SSL_CIPHER *c, int *alg_bits)
{
    if (c == NULL) {
        return 0;
    }
    if (alg_bits != NULL) {
        *alg_bits = suite_of(c)->alg_bits;
    }
    return suite_of(c)->strength_bits;
}

/* The first protocol version that defined the suite, as 1.1.0 reports it. */
const char *SSL_CIPHER_get_version(const SSL_CIPHER *c)
{
    if (c == NULL) {
        return "(NONE)";
    }
    enum ntls_kx kx = suite_of(c)->kx;
    return kx == NTLS_KX_ECDHE_RSA || kx == NTLS_KX_ECDHE_ECDSA ? "TLSv1.0" : "SSLv3";
}

uint32_t SSL_CIPHER_get_id(const SSL_CIPHER *c)
{
    return c == NULL ? 0 : 0x03000000u | suite_of(c)->id;
}
