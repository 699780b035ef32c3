/* nettls: SSL_CIPHER_description(3), in 1.1.0's format, and SSL_CTX_set_ciphersuites(3), the TLS 1.3 list
 * that a TLS 1.0 library checks and ignores. */
#include <stdio.h>
#include <string.h>

#include <openssl/crypto.h>
#include <openssl/err.h>
#include <openssl/ssl.h>

#include "ssl_local.h"

static const char *kx_name(enum ntls_kx kx)
{
    switch (kx) {
    case NTLS_KX_RSA:
        return "RSA";
    case NTLS_KX_DHE_RSA:
    case NTLS_KX_DHE_DSS:
        return "DH";
    default:
        return "ECDH";
    }
}

static const char *au_name(enum ntls_kx kx)
{
    switch (kx) {
    case NTLS_KX_DHE_DSS:
        return "DSS";
    case NTLS_KX_ECDHE_ECDSA:
        return "ECDSA";
    default:
        return "RSA";
    }
}

static const char *enc_name(enum ntls_cipher_id c)
{
    static const char *const names[NTLS_CIPHER__COUNT] = {
        [NTLS_CIPHER_NULL] = "None",
        [NTLS_CIPHER_RC4_128] = "RC4(128)",
        [NTLS_CIPHER_DES_CBC] = "DES(56)",
        [NTLS_CIPHER_3DES_EDE_CBC] = "3DES(168)",
        [NTLS_CIPHER_AES128_CBC] = "AES(128)",
        [NTLS_CIPHER_AES256_CBC] = "AES(256)",
        [NTLS_CIPHER_CAMELLIA128_CBC] = "Camellia(128)",
        [NTLS_CIPHER_CAMELLIA256_CBC] = "Camellia(256)",
    };
    return (unsigned)c < NTLS_CIPHER__COUNT && names[c] != NULL ? names[c] : "unknown";
}

/* 1.1.0's ssl_ciph.c: 128 bytes at least; a NULL buf is allocated (free with OPENSSL_free). */
char *SSL_CIPHER_description(const SSL_CIPHER *cipher, char *buf, int size)
{
    enum { DESC_MIN = 128 };
    if (cipher == NULL) {
        return NULL;
    }
    if (buf == NULL) {
        size = DESC_MIN;
        buf = OPENSSL_malloc(DESC_MIN);
        if (buf == NULL) {
            return NULL;
        }
    } else if (size < DESC_MIN) {
        return NULL;
    }
    const struct ntls_suite *s = (const struct ntls_suite *)(const void *)cipher;
    bool tls1 = s->kx == NTLS_KX_ECDHE_RSA || s->kx == NTLS_KX_ECDHE_ECDSA; /* RFC 4492 came with TLS */
    (void)snprintf(buf, (size_t)size, "%-23s %s Kx=%-8s Au=%-4s Enc=%-9s Mac=%-4s\n", s->name,
                   tls1 ? "TLSv1" : "SSLv3", kx_name(s->kx), au_name(s->kx), enc_name(s->cipher),
                   s->mac == NTLS_HASH_MD5 ? "MD5" : "SHA1");
    return buf;
}

/* RFC 8446 B.4 names. OpenSSL 3 accepts a list if one name is known and ignores the others; a list of
 * only unknown names fails without an error queued. */
static bool tls13_name(const char *name, size_t len)
{
    static const char *const names[] = { "TLS_AES_128_GCM_SHA256", "TLS_AES_256_GCM_SHA384",
                                         "TLS_CHACHA20_POLY1305_SHA256", "TLS_AES_128_CCM_SHA256",
                                         "TLS_AES_128_CCM_8_SHA256" };
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        if (strlen(names[i]) == len && memcmp(names[i], name, len) == 0) {
            return true;
        }
    }
    return false;
}

static int check_ciphersuites(const char *str)
{
    if (str == NULL) {
        return 0;
    }
    bool any = false, known = false;
    for (const char *p = str; *p != '\0';) {
        size_t len = strcspn(p, ":");
        any = any || len > 0;
        known = known || tls13_name(p, len);
        p += len + (p[len] == ':' ? 1 : 0);
    }
    return !any || known ? 1 : 0;
}

int SSL_CTX_set_ciphersuites(SSL_CTX *ctx, const char *str)
{
    (void)ctx;
    return check_ciphersuites(str);
}

int SSL_set_ciphersuites(SSL *s, const char *str)
{
    (void)s;
    return check_ciphersuites(str);
}
