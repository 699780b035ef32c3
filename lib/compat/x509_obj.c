/* nettls: X509 objects over the native certificate parser (lib/x509): DER in and out, references, names. */
#include <stdlib.h>
#include <string.h>

#include <openssl/err.h>
#include <openssl/x509.h>

#include "base/mem.h"
#include "x509/der.h"
#include "x509_local.h"

static X509 *x509_from_der(const uint8_t *der, size_t len)
{
    X509 *x = calloc(1, sizeof *x);
    if (x == NULL) {
        X509err(0, ERR_R_MALLOC_FAILURE);
        return NULL;
    }
    ntls_result r = ntls_x509_cert_parse(&x->cert, der, len);
    if (!ntls_is_ok(r)) {
        free(x);
        ASN1err(0, r.err == NTLS_E_NOMEM ? ERR_R_MALLOC_FAILURE : ERR_R_NESTED_ASN1_ERROR);
        return NULL;
    }
    atomic_init(&x->refs, 1);
    /* Shallow copies: the entries arrays stay owned by the certificate. */
    x->subject.name = x->cert.subject;
    x->issuer.name = x->cert.issuer;
    if (!ntls_compat_x509_asn1_attach(x)) {
        ntls_x509_cert_free(&x->cert);
        free(x);
        X509err(0, ERR_R_MALLOC_FAILURE);
        return NULL;
    }
    return x;
}

/* Reads one Certificate element from *in (at most len bytes) and advances *in past it. */
X509 *d2i_X509(X509 **a, const unsigned char **in, long len)
{
    if (in == NULL || *in == NULL || len <= 0) {
        ASN1err(0, ERR_R_PASSED_NULL_PARAMETER);
        return NULL;
    }
    struct ntls_cur cur = ntls_cur_init(*in, (size_t)len);
    struct ntls_der_tlv tlv;
    if (!ntls_is_ok(ntls_der_read(&cur, &tlv))) {
        ASN1err(0, ERR_R_NESTED_ASN1_ERROR);
        return NULL;
    }
    X509 *x = x509_from_der(tlv.raw.p, tlv.raw.len);
    if (x == NULL) {
        return NULL;
    }
    *in = cur.p;
    if (a != NULL) {
        X509_free(*a);
        *a = x;
    }
    return x;
}

int i2d_X509(X509 *a, unsigned char **out)
{
    if (a == NULL) {
        return -1;
    }
    int len = (int)a->cert.der_len;
    if (out == NULL) {
        return len;
    }
    if (*out == NULL) {
        *out = malloc(a->cert.der_len);
        if (*out == NULL) {
            ASN1err(0, ERR_R_MALLOC_FAILURE);
            return -1;
        }
        memcpy(*out, a->cert.der, a->cert.der_len);
        return len;
    }
    memcpy(*out, a->cert.der, a->cert.der_len);
    *out += a->cert.der_len;
    return len;
}

int X509_up_ref(X509 *a)
{
    atomic_fetch_add(&a->refs, 1);
    return 1;
}

void X509_free(X509 *a)
{
    if (a == NULL || atomic_fetch_sub(&a->refs, 1) > 1) {
        return;
    }
    ntls_compat_x509_asn1_free(a);
    ntls_compat_x509_exts_free(a);
    ntls_compat_name_entries_free(&a->subject);
    ntls_compat_name_entries_free(&a->issuer);
    ntls_x509_cert_free(&a->cert);
    free(a);
}

X509_NAME *X509_get_subject_name(const X509 *a)
{
    return (X509_NAME *)&a->subject;
}

X509_NAME *X509_get_issuer_name(const X509 *a)
{
    return (X509_NAME *)&a->issuer;
}

X509_NAME *X509_NAME_dup(X509_NAME *xn)
{
    if (xn == NULL) {
        return NULL;
    }
    X509_NAME *copy = calloc(1, sizeof *copy);
    size_t len = xn->name.der.len;
    if (copy == NULL || (copy->der = malloc(len == 0 ? 1 : len)) == NULL) {
        free(copy);
        X509err(0, ERR_R_MALLOC_FAILURE);
        return NULL;
    }
    memcpy(copy->der, xn->name.der.p, len);
    struct ntls_cur in = ntls_cur_init(copy->der, len);
    if (!ntls_is_ok(ntls_x509_name_parse(&in, &copy->name))) {
        free(copy->der);
        free(copy);
        X509err(0, ERR_R_MALLOC_FAILURE);
        return NULL;
    }
    return copy;
}

/* Only names made by X509_NAME_dup() are the caller's to free; the ones inside a certificate go with it. */
void X509_NAME_free(X509_NAME *a)
{
    if (a == NULL || a->der == NULL) {
        return;
    }
    ntls_compat_name_entries_free(a);
    ntls_x509_name_free(&a->name);
    free(a->der);
    free(a);
}

int i2d_X509_NAME(X509_NAME *a, unsigned char **out)
{
    if (a == NULL) {
        return -1;
    }
    size_t len = a->name.der.len;
    if (out == NULL) {
        return (int)len;
    }
    if (*out == NULL) {
        *out = malloc(len == 0 ? 1 : len);
        if (*out == NULL) {
            ASN1err(0, ERR_R_MALLOC_FAILURE);
            return -1;
        }
        memcpy(*out, a->name.der.p, len);
        return (int)len;
    }
    memcpy(*out, a->name.der.p, len);
    *out += len;
    return (int)len;
}

/* Orders by the DER encoding (OpenSSL compares its canonical encoding; equal names compare equal in
 * both, which is what programs test). */
int X509_NAME_cmp(const X509_NAME *a, const X509_NAME *b)
{
    size_t la = a->name.der.len, lb = b->name.der.len;
    if (la != lb) {
        return la < lb ? -1 : 1;
    }
    return la == 0 ? 0 : memcmp(a->name.der.p, b->name.der.p, la);
}
