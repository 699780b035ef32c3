/* nettls: identity checks and whole-certificate operations over lib/x509: X509_check_host/email/ip/ip_asc
 * (man X509_check_host; RFC 6125 matching in lib/x509/hostname.c), X509_digest, X509_cmp and X509_dup. */
#include <stdlib.h>
#include <string.h>

#include <openssl/crypto.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include "base/mem.h"
#include "x509/verify.h"
#include "x509_local.h"

/* *peername (may be NULL) gets the name that matched, the caller's to OPENSSL_free. */
int X509_check_host(X509 *x, const char *chk, size_t chklen, unsigned int flags, char **peername)
{
    if (x == NULL || chk == NULL) {
        return -2;
    }
    char *matched = NULL;
    int r = ntls_x509_check_host(&x->cert, chk, chklen, flags, peername != NULL ? &matched : NULL);
    if (peername != NULL) {
        *peername = NULL;
        if (r == 1 && matched != NULL && (*peername = OPENSSL_strdup(matched)) == NULL) {
            r = -1;
        }
    }
    ntls_free(matched);
    return r;
}

int X509_check_email(X509 *x, const char *chk, size_t chklen, unsigned int flags)
{
    return x == NULL || chk == NULL ? -2 : ntls_x509_check_email(&x->cert, chk, chklen, flags);
}

int X509_check_ip(X509 *x, const unsigned char *chk, size_t chklen, unsigned int flags)
{
    return x == NULL || chk == NULL ? -2 : ntls_x509_check_ip(&x->cert, chk, chklen, flags);
}

int X509_check_ip_asc(X509 *x, const char *address, unsigned int flags)
{
    return x == NULL || address == NULL ? -2 : ntls_x509_check_ip_asc(&x->cert, address, flags);
}

/* The digest of the whole DER certificate (the "fingerprint"). */
int X509_digest(const X509 *data, const EVP_MD *type, unsigned char *md, unsigned int *len)
{
    return EVP_Digest(data->cert.der, data->cert.der_len, md, len, type, NULL);
}

/* 1.1.0 orders certificates by their SHA-1 hashes, then by encoding. */
int X509_cmp(const X509 *a, const X509 *b)
{
    unsigned char ha[EVP_MAX_MD_SIZE], hb[EVP_MAX_MD_SIZE];
    if (X509_digest(a, EVP_sha1(), ha, NULL) != 1 || X509_digest(b, EVP_sha1(), hb, NULL) != 1) {
        return -2;
    }
    int r = memcmp(ha, hb, 20);
    if (r != 0) {
        return r;
    }
    if (a->cert.der_len != b->cert.der_len) {
        return a->cert.der_len < b->cert.der_len ? -1 : 1;
    }
    return memcmp(a->cert.der, b->cert.der, a->cert.der_len);
}

X509 *X509_dup(X509 *x509)
{
    if (x509 == NULL) {
        return NULL;
    }
    const unsigned char *p = x509->cert.der;
    return d2i_X509(NULL, &p, (long)x509->cert.der_len);
}
