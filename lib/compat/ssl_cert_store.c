/* nettls: SSL_CTX_get_cert_store, the context's trust anchors as an X509_STORE (man SSL_CTX_get_cert_store).
 *
 * The context keeps its anchors in a native store (ctx->store, which the handshake's verifier reads). The
 * X509_STORE handed out is made on the first call around that same native store and takes it over: from
 * then on SSL_CTX_free drops its reference to the X509_STORE instead of freeing the native store, so a
 * program that holds the store longer (X509_STORE_up_ref) keeps the anchors alive. What is added through
 * it (X509_STORE_add_cert, X509_STORE_load_locations, X509_LOOKUP_file) is what the handshake trusts, and
 * its verification flags are merged into the context's parameters (ssl_hooks.c), as OpenSSL's
 * X509_STORE_CTX_init inherits the store's. Like OpenSSL's, this belongs to the context's set-up: it is
 * not safe to race with other calls on the same SSL_CTX. */
#include <openssl/err.h>
#include <openssl/ssl.h>
#include <openssl/x509_vfy.h>

#include "ssl_local.h"
#include "x509_local.h"

X509_STORE *SSL_CTX_get_cert_store(const SSL_CTX *cctx)
{
    SSL_CTX *ctx = (SSL_CTX *)cctx; /* 1.1.0's getter is const, yet builds the store on first use */
    if (ctx == NULL) {
        return NULL;
    }
    if (ctx->x509_store != NULL) {
        return ctx->x509_store;
    }
    X509_STORE *st = X509_STORE_new();
    if (st == NULL) {
        NTLS_SSLERR(ERR_R_MALLOC_FAILURE);
        return NULL;
    }
    if (ctx->store != NULL) {
        /* anchors already loaded: the X509_STORE adopts them instead of its own empty store */
        ntls_x509_store_free(st->store);
        st->store = ctx->store;
    } else {
        ctx->store = st->store;
    }
    ctx->x509_store = st;
    return st;
}
