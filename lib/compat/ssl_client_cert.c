/* nettls: certificates and keys given as objects (man SSL_CTX_use_certificate: SSL_CTX_use_PrivateKey,
 * SSL_use_PrivateKey, SSL_use_certificate) and the client certificate callback (man
 * SSL_CTX_set_client_cert_cb).
 *
 * An EVP_PKEY belongs to the crypto half (evp_pkey.c); its layout is in internal.h. A slot does not copy
 * the key: its struct ntls_compat_pkey views the EVP_PKEY's key and holds a reference to the object, which
 * it drops with EVP_PKEY_free (ssl_cert.c's ntls_compat_pkey_unref). */
#include <stdlib.h>

#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/ssl.h>
#include <openssl/x509.h>

#include "internal.h"
#include "ssl_local.h"

int SSL_CTX_use_PrivateKey(SSL_CTX *ctx, EVP_PKEY *pkey)
{
    if (pkey == NULL) {
        NTLS_SSLERR(ERR_R_PASSED_NULL_PARAMETER);
        return 0;
    }
    struct ntls_compat_pkey *k = calloc(1, sizeof *k);
    if (k == NULL) {
        NTLS_SSLERR(ERR_R_MALLOC_FAILURE);
        return 0;
    }
    atomic_init(&k->refs, 1);
    EVP_PKEY_up_ref(pkey);
    k->owner = pkey;
    k->key = pkey->key;
    return ntls_compat_ctx_set_pkey(ctx, k); /* takes k: refuses a key that does not match its slot */
}

static int ctx_use_pkey(SSL_CTX *ctx, void *pkey)
{
    return SSL_CTX_use_PrivateKey(ctx, pkey);
}

static int ctx_use_cert(SSL_CTX *ctx, void *x)
{
    return SSL_CTX_use_certificate(ctx, x);
}

int SSL_use_PrivateKey(SSL *ssl, EVP_PKEY *pkey)
{
    return ntls_compat_ssl_use(ssl, ctx_use_pkey, pkey);
}

int SSL_use_certificate(SSL *ssl, X509 *x)
{
    return ntls_compat_ssl_use(ssl, ctx_use_cert, x);
}

/* ---------------------------------------------------------------------------------------------------- */
/* The client certificate callback */

void SSL_CTX_set_client_cert_cb(SSL_CTX *ctx, int (*cb)(SSL *ssl, X509 **x509, EVP_PKEY **pkey))
{
    ctx->client_cert_cb = cb;
}

int (*SSL_CTX_get_client_cert_cb(SSL_CTX *ctx))(SSL *ssl, X509 **x509, EVP_PKEY **pkey)
{
    return ctx->client_cert_cb;
}

/* The engine is about to answer a CertificateRequest. As 1.1.0's tls_prepare_client_certificate: when the
 * SSL has no certificate and key, the callback is asked; on 1 with both set they become the SSL's own
 * (SSL_use_certificate, SSL_use_PrivateKey) and the library frees the references it was given. On 0, or on
 * 1 with one of them missing (1.1.0 also queues "bad data returned by callback"; nettls queues nothing, so
 * that a handshake that goes on is not reported as failed), no certificate is sent. A negative return would
 * suspend the handshake in OpenSSL (SSL_ERROR_WANT_X509_LOOKUP, the callback asked again later); the engine
 * cannot pause here, so nettls treats it as 0. The engine then sends the first identity of s->cfg whose
 * key type the request accepts, or an empty Certificate. */
void ntls_compat_on_cert_request(struct ntls_conn *c)
{
    SSL *s = ntls_conn_user(c);
    if (s == NULL || s->ctx->client_cert_cb == NULL || (s->chain != NULL && s->pkey != NULL)) {
        return;
    }
    X509 *x509 = NULL;
    EVP_PKEY *pkey = NULL;
    int ret = s->ctx->client_cert_cb(s, &x509, &pkey);
    if (ret == 1 && x509 != NULL && pkey != NULL) {
        /* a key that does not match the certificate leaves the identity incomplete: nothing is sent */
        if (SSL_use_certificate(s, x509)) {
            (void)SSL_use_PrivateKey(s, pkey);
        }
    }
    X509_free(x509);
    EVP_PKEY_free(pkey);
}
