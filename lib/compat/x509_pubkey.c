/* nettls: X509_PUBKEY, a certificate's SubjectPublicKeyInfo (RFC 5280 4.1.2.7), as X509_get_X509_PUBKEY
 * hands it out and i2d_X509_PUBKEY encodes it (man X509_get_X509_PUBKEY, man d2i_X509).
 *
 * The certificate already holds the element as parsed (cert.spki, whose raw span is the DER), so an
 * X509_PUBKEY is that parsed element under the opaque name: the pointer is converted back to its own
 * type before use (C11 6.3.2.3p7), and struct X509_pubkey_st is never defined. Like OpenSSL's, it is an
 * internal pointer that lives as long as the certificate. */
#include <stdlib.h>
#include <string.h>

#include <openssl/err.h>
#include <openssl/x509.h>

#include "x509_local.h"

X509_PUBKEY *X509_get_X509_PUBKEY(const X509 *x)
{
    if (x == NULL) {
        return NULL;
    }
    return (X509_PUBKEY *)(void *)&x->cert.spki;
}

/* The usual i2d convention: pp NULL asks for the length; *pp NULL gets a new buffer (freed with
 * OPENSSL_free) that *pp points to; otherwise the DER is written at *pp, which moves past it. */
int i2d_X509_PUBKEY(X509_PUBKEY *a, unsigned char **pp)
{
    if (a == NULL) {
        return 0; /* OpenSSL's ASN1 encoder writes nothing for an absent item */
    }
    const struct ntls_x509_spki *spki = (const struct ntls_x509_spki *)(void *)a;
    int len = (int)spki->raw.len; /* inside a parsed certificate, whose length fits an int (x509_obj.c) */
    if (pp == NULL) {
        return len;
    }
    if (*pp == NULL) {
        *pp = malloc(spki->raw.len);
        if (*pp == NULL) {
            X509err(0, ERR_R_MALLOC_FAILURE);
            return -1;
        }
        memcpy(*pp, spki->raw.p, spki->raw.len);
        return len;
    }
    memcpy(*pp, spki->raw.p, spki->raw.len);
    *pp += spki->raw.len;
    return len;
}
