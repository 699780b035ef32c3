/* nettls: the password callback for encrypted PEM keys (SSL_CTX_set_default_passwd_cb(3); ssl_cert.c
 * calls it) and a connection's own certificate and key (SSL_use_certificate_file(3)), loaded by the
 * context's loaders into a scratch context so that both follow the same rules (1.1.0's ssl_set_cert and
 * ssl_set_pkey). */
#include <stdlib.h>
#include <string.h>

#include <openssl/err.h>
#include <openssl/ssl.h>
#include <openssl/x509.h>

#include "ssl_local.h"

void SSL_CTX_set_default_passwd_cb(SSL_CTX *ctx, pem_password_cb *cb)
{
    ctx->passwd_cb = cb;
}

void SSL_CTX_set_default_passwd_cb_userdata(SSL_CTX *ctx, void *u)
{
    ctx->passwd_arg = u;
}

pem_password_cb *SSL_CTX_get_default_passwd_cb(SSL_CTX *ctx)
{
    return ctx->passwd_cb;
}

void *SSL_CTX_get_default_passwd_cb_userdata(SSL_CTX *ctx)
{
    return ctx->passwd_arg;
}

/* ---------------------------------------------------------------------------------------------------- */
/* A connection's own identity */

/* The slot of a certificate's key type, as ssl_cert.c numbers them (ssl_local.h). */
static int slot_of(const struct ntls_compat_certs *c)
{
    int type = c != NULL && c->n > 0 ? (int)c->certs[0]->spki.type : -1;
    return type == NTLS_PK_RSA || type == NTLS_PK_DSA || type == NTLS_PK_EC ? type - 1 : -1;
}

static void put_slot(SSL_CTX *tmp, struct ntls_compat_certs *chain, struct ntls_compat_pkey *pkey)
{
    int i = slot_of(chain);
    if (i < 0 || tmp->slots[i].chain != NULL) {
        return;
    }
    tmp->slots[i].chain = ntls_compat_certs_ref(chain);
    tmp->slots[i].pkey = ntls_compat_pkey_ref(pkey);
}

/* A scratch context holding s's identities (its current pair first) and its context's password
 * callback, for the context's loaders to work on. */
static SSL_CTX *scratch(SSL *s)
{
    SSL_CTX *tmp = SSL_CTX_new(s->ctx->method);
    if (tmp == NULL) {
        return NULL;
    }
    tmp->chain = ntls_compat_certs_ref(s->chain);
    tmp->pkey = ntls_compat_pkey_ref(s->pkey);
    put_slot(tmp, s->chain, s->pkey);
    for (size_t i = 0; i < NTLS_MAX_IDENTITIES; i++) {
        put_slot(tmp, s->slots[i].chain, s->slots[i].pkey);
    }
    tmp->passwd_cb = s->ctx->passwd_cb;
    tmp->passwd_arg = s->ctx->passwd_arg;
    return tmp;
}

/* Takes what the loader left in the scratch context, as SSL_new() takes a context's. */
static void take(SSL *s, SSL_CTX *tmp)
{
    struct ntls_compat_certs *chain = ntls_compat_certs_ref(tmp->chain);
    struct ntls_compat_pkey *pkey = ntls_compat_pkey_ref(tmp->pkey);
    ntls_compat_certs_unref(s->chain);
    ntls_compat_pkey_unref(s->pkey);
    s->chain = chain;
    s->pkey = pkey;
    ntls_compat_identities_take(s, tmp);
    X509_free(s->own_leaf);
    s->own_leaf = NULL;
}

static int use_file(SSL *s, const char *file, int type, int (*load)(SSL_CTX *, const char *, int))
{
    SSL_CTX *tmp = scratch(s);
    int ok = tmp != NULL && load(tmp, file, type);
    if (ok) {
        take(s, tmp);
    }
    SSL_CTX_free(tmp);
    return ok;
}

/* The same for the loaders that take an object (ssl_client_cert.c). */
int ntls_compat_ssl_use(SSL *s, int (*use)(SSL_CTX *ctx, void *obj), void *obj)
{
    SSL_CTX *tmp = scratch(s);
    int ok = tmp != NULL && use(tmp, obj);
    if (ok) {
        take(s, tmp);
    }
    SSL_CTX_free(tmp);
    return ok;
}

int SSL_use_certificate_file(SSL *ssl, const char *file, int type)
{
    return use_file(ssl, file, type, SSL_CTX_use_certificate_file);
}

int SSL_use_PrivateKey_file(SSL *ssl, const char *file, int type)
{
    return use_file(ssl, file, type, SSL_CTX_use_PrivateKey_file);
}

/* nettls reads RSA keys in every format SSL_use_PrivateKey_file() takes. */
int SSL_use_RSAPrivateKey_file(SSL *ssl, const char *file, int type)
{
    return use_file(ssl, file, type, SSL_CTX_use_PrivateKey_file);
}

/* The connection's leaf certificate, owned by the SSL (made on first use, as the peer's are). */
X509 *SSL_get_certificate(const SSL *ssl)
{
    SSL *s = (SSL *)ssl;
    if (s->own_leaf == NULL && s->chain != NULL && s->chain->n > 0) {
        const unsigned char *p = s->chain->certs[0]->der;
        s->own_leaf = d2i_X509(NULL, &p, (long)s->chain->certs[0]->der_len);
    }
    return s->own_leaf;
}
