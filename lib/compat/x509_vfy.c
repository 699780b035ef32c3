/* nettls: X509_STORE_CTX and X509_verify_cert over the native verifier (lib/x509/verify.h). The native
 * context reports errors, depths and certificates as OpenSSL's does; this file hands them to the
 * application's callback as X509 objects. man X509_STORE_CTX_new, X509_verify_cert,
 * X509_STORE_CTX_get_error, X509_STORE_CTX_set_verify_cb. */
#include <stdlib.h>
#include <string.h>

#include <openssl/err.h>
#include <openssl/x509_vfy.h>

#include "x509_local.h"

X509_STORE_CTX *X509_STORE_CTX_new(void)
{
    X509_STORE_CTX *ctx = calloc(1, sizeof *ctx);
    if (ctx == NULL) {
        X509err(0, ERR_R_MALLOC_FAILURE);
        return NULL;
    }
    ntls_x509_vparams_init(&ctx->param.p);
    ntls_x509_verify_ctx_init(&ctx->vctx);
    return ctx;
}

/* Drops what one verification left behind; the inputs (store, cert, untrusted) stay set. */
static void reset_outputs(X509_STORE_CTX *ctx)
{
    ntls_x509_verify_ctx_cleanup(&ctx->vctx);
    ntls_x509_verify_ctx_init(&ctx->vctx);
    free(ctx->untrusted_native);
    ctx->untrusted_native = NULL;
    sk_X509_pop_free(ctx->chain, X509_free);
    ctx->chain = NULL;
    sk_X509_pop_free(ctx->made, X509_free);
    ctx->made = NULL;
    ctx->current_cert = NULL;
    ctx->error = X509_V_OK;
    ctx->error_depth = 0;
}

void X509_STORE_CTX_cleanup(X509_STORE_CTX *ctx)
{
    reset_outputs(ctx);
    ntls_x509_vparams_free(&ctx->param.p);
    ctx->store = NULL;
    ctx->cert = NULL;
    ctx->untrusted = NULL;
    ctx->verify_cb = NULL;
    memset(ctx->ex_data, 0, sizeof ctx->ex_data);
}

void X509_STORE_CTX_free(X509_STORE_CTX *ctx)
{
    if (ctx != NULL) {
        X509_STORE_CTX_cleanup(ctx);
        free(ctx);
    }
}

/* The context borrows store, x509 and chain, which MUST outlive it (as in OpenSSL); the parameters are
 * copied from the store's. */
int X509_STORE_CTX_init(X509_STORE_CTX *ctx, X509_STORE *store, X509 *x509, STACK_OF(X509) *chain)
{
    X509_STORE_CTX_cleanup(ctx);
    ctx->store = store;
    ctx->cert = x509;
    ctx->untrusted = chain;
    if (store != NULL) {
        ctx->verify_cb = store->verify_cb;
        if (!ntls_is_ok(ntls_x509_vparams_copy(&ctx->param.p, &store->param.p))) {
            X509err(0, ERR_R_MALLOC_FAILURE);
            return 0;
        }
    }
    return 1;
}

void X509_STORE_CTX_set_cert(X509_STORE_CTX *ctx, X509 *x)
{
    ctx->cert = x;
}

void X509_STORE_CTX_set0_untrusted(X509_STORE_CTX *ctx, STACK_OF(X509) *sk)
{
    ctx->untrusted = sk;
}

X509 *X509_STORE_CTX_get0_cert(X509_STORE_CTX *ctx)
{
    return ctx->cert;
}

X509_STORE *X509_STORE_CTX_get0_store(X509_STORE_CTX *ctx)
{
    return ctx->store;
}

X509_VERIFY_PARAM *X509_STORE_CTX_get0_param(X509_STORE_CTX *ctx)
{
    return &ctx->param;
}

void X509_STORE_CTX_set0_param(X509_STORE_CTX *ctx, X509_VERIFY_PARAM *param)
{
    ntls_x509_vparams_free(&ctx->param.p);
    ctx->param.p = param->p; /* takes the owned names over */
    free(param);
}

/* man X509_STORE_CTX_set_purpose: the purpose, and with it its default trust (the native verifier
 * derives the trust from the purpose while the trust is DEFAULT). */
int X509_STORE_CTX_set_purpose(X509_STORE_CTX *ctx, int purpose)
{
    return X509_VERIFY_PARAM_set_purpose(&ctx->param, purpose);
}

int X509_STORE_CTX_set_trust(X509_STORE_CTX *ctx, int trust)
{
    return X509_VERIFY_PARAM_set_trust(&ctx->param, trust);
}

void X509_STORE_CTX_set_flags(X509_STORE_CTX *ctx, unsigned long flags)
{
    (void)X509_VERIFY_PARAM_set_flags(&ctx->param, flags);
}

void X509_STORE_CTX_set_depth(X509_STORE_CTX *ctx, int depth)
{
    X509_VERIFY_PARAM_set_depth(&ctx->param, depth);
}

void X509_STORE_CTX_set_time(X509_STORE_CTX *ctx, unsigned long flags, time_t t)
{
    (void)flags; /* unused in OpenSSL too */
    X509_VERIFY_PARAM_set_time(&ctx->param, t);
}

void X509_STORE_CTX_set_verify_cb(X509_STORE_CTX *ctx, X509_STORE_CTX_verify_cb verify_cb)
{
    ctx->verify_cb = verify_cb;
}

int X509_STORE_CTX_get_error(X509_STORE_CTX *ctx)
{
    return ctx->error;
}

void X509_STORE_CTX_set_error(X509_STORE_CTX *ctx, int s)
{
    ctx->error = s;
}

int X509_STORE_CTX_get_error_depth(X509_STORE_CTX *ctx)
{
    return ctx->error_depth;
}

void X509_STORE_CTX_set_error_depth(X509_STORE_CTX *ctx, int depth)
{
    ctx->error_depth = depth;
}

X509 *X509_STORE_CTX_get_current_cert(X509_STORE_CTX *ctx)
{
    return ctx->current_cert;
}

void X509_STORE_CTX_set_current_cert(X509_STORE_CTX *ctx, X509 *x)
{
    ctx->current_cert = x;
}

STACK_OF(X509) *X509_STORE_CTX_get0_chain(X509_STORE_CTX *ctx)
{
    return ctx->chain;
}

/* A new stack holding a reference to each certificate of the chain. */
STACK_OF(X509) *X509_STORE_CTX_get1_chain(X509_STORE_CTX *ctx)
{
    if (ctx->chain == NULL) {
        return NULL;
    }
    STACK_OF(X509) *copy = sk_X509_dup(ctx->chain);
    if (copy == NULL) {
        X509err(0, ERR_R_MALLOC_FAILURE);
        return NULL;
    }
    for (int i = 0; i < sk_X509_num(copy); i++) {
        X509_up_ref(sk_X509_value(copy, i));
    }
    return copy;
}

void X509_STORE_CTX_set0_verified_chain(X509_STORE_CTX *ctx, STACK_OF(X509) *sk)
{
    sk_X509_pop_free(ctx->chain, X509_free);
    ctx->chain = sk;
}

/* Index 0 is SSL_get_ex_data_X509_STORE_CTX_idx()'s: the SSL whose peer is being verified. */
int X509_STORE_CTX_set_ex_data(X509_STORE_CTX *ctx, int idx, void *data)
{
    if (idx < 0 || idx >= NTLS_COMPAT_STORE_CTX_EX) {
        return 0;
    }
    ctx->ex_data[idx] = data;
    return 1;
}

void *X509_STORE_CTX_get_ex_data(X509_STORE_CTX *ctx, int idx)
{
    return idx >= 0 && idx < NTLS_COMPAT_STORE_CTX_EX ? ctx->ex_data[idx] : NULL;
}

/* The X509 object for a native certificate of the chain: the context's leaf or one of the untrusted ones
 * when it is theirs, else one made from its DER (a store certificate), kept until cleanup. */
static X509 *x509_for(X509_STORE_CTX *ctx, const struct ntls_x509_cert *c)
{
    if (ctx->cert != NULL && c == &ctx->cert->cert) {
        return ctx->cert;
    }
    for (int i = 0; i < sk_X509_num(ctx->untrusted); i++) {
        X509 *u = sk_X509_value(ctx->untrusted, i);
        if (c == &u->cert) {
            return u;
        }
    }
    for (int i = 0; i < sk_X509_num(ctx->made); i++) {
        X509 *m = sk_X509_value(ctx->made, i);
        if (m->cert.der_len == c->der_len && memcmp(m->cert.der, c->der, c->der_len) == 0) {
            return m;
        }
    }
    const unsigned char *p = c->der;
    X509 *x = d2i_X509(NULL, &p, (long)c->der_len);
    if (x == NULL) {
        return NULL;
    }
    if ((ctx->made == NULL && (ctx->made = sk_X509_new_null()) == NULL) || !sk_X509_push(ctx->made, x)) {
        X509_free(x);
        return NULL;
    }
    return x;
}

/* ctx->chain as the native chain built so far. */
static void sync_chain(X509_STORE_CTX *ctx)
{
    if (ctx->chain != NULL && (size_t)sk_X509_num(ctx->chain) == ctx->vctx.chain_len) {
        return;
    }
    sk_X509_pop_free(ctx->chain, X509_free);
    ctx->chain = sk_X509_new_null();
    for (size_t i = 0; ctx->chain != NULL && i < ctx->vctx.chain_len; i++) {
        X509 *x = x509_for(ctx, ctx->vctx.chain[i]);
        if (x != NULL && sk_X509_push(ctx->chain, x)) {
            X509_up_ref(x);
        }
    }
}

static void sync_outputs(X509_STORE_CTX *ctx)
{
    const struct ntls_x509_verify_ctx *v = &ctx->vctx;
    ctx->error = ntls_compat_verr_to_api(v->error);
    ctx->error_depth = v->error_depth;
    ctx->current_cert = v->current_cert != NULL ? x509_for(ctx, v->current_cert) : NULL;
    sync_chain(ctx);
}

/* The callback may change the error (man X509_STORE_CTX_set_verify_cb); the native verifier reads it
 * back from its own context. */
static int trampoline(int ok, struct ntls_x509_verify_ctx *v)
{
    X509_STORE_CTX *ctx = v->user;
    sync_outputs(ctx);
    ok = ctx->verify_cb(ok, ctx);
    v->error = ntls_compat_verr_from_api(ctx->error);
    return ok;
}

/* 1 when the chain verified (or the callback accepted every error), 0 when not, -1 for a context without
 * a certificate (OpenSSL's X509_V_ERR_INVALID_CALL). */
int X509_verify_cert(X509_STORE_CTX *ctx)
{
    if (ctx->cert == NULL) {
        X509err(0, ERR_R_PASSED_NULL_PARAMETER);
        ctx->error = X509_V_ERR_INVALID_CALL;
        return -1;
    }
    reset_outputs(ctx);
    int n = sk_X509_num(ctx->untrusted);
    if (n > 0) {
        ctx->untrusted_native = calloc((size_t)n, sizeof *ctx->untrusted_native);
        if (ctx->untrusted_native == NULL) {
            X509err(0, ERR_R_MALLOC_FAILURE);
            ctx->error = X509_V_ERR_OUT_OF_MEM;
            return 0;
        }
        for (int i = 0; i < n; i++) {
            ctx->untrusted_native[i] = &sk_X509_value(ctx->untrusted, i)->cert;
        }
    }
    struct ntls_x509_verify_ctx *v = &ctx->vctx;
    v->store = ctx->store != NULL ? ctx->store->store : NULL;
    v->leaf = &ctx->cert->cert;
    v->untrusted = ctx->untrusted_native;
    v->untrusted_count = n > 0 ? (size_t)n : 0;
    v->params = &ctx->param.p;
    v->verify_cb = ctx->verify_cb != NULL ? trampoline : NULL;
    v->user = ctx;
    ntls_result r = ntls_x509_verify(v);
    sync_outputs(ctx);
    if (r.err == NTLS_E_NOMEM) {
        X509err(0, ERR_R_MALLOC_FAILURE);
    }
    return ntls_is_ok(r) ? 1 : 0;
}
