/* nettls: ex_data on SSL, SSL_CTX and SSL_SESSION (CRYPTO_get_ex_new_index(3)): a growable array of the application's
 * pointers, indexed by what the application was given. The index registry and its callbacks belong to
 * the crypto half; here are only the slots. */
#include <stdlib.h>

#include <openssl/err.h>
#include <openssl/ssl.h>

#include "core/session.h"
#include "ssl_local.h"

/* Indices beyond this are refused rather than allocated: no registry hands out so many. */
enum { EXDATA_MAX = 1 << 16 };

static int exdata_set(struct ntls_compat_exdata *ex, int idx, void *data)
{
    if (idx < 0 || idx >= EXDATA_MAX) {
        NTLS_SSLERR(ERR_R_PASSED_NULL_PARAMETER);
        return 0;
    }
    if (idx >= ex->n) {
        int n = idx + 1 > 2 * ex->n ? idx + 1 : 2 * ex->n;
        void **grown = realloc(ex->slots, (size_t)n * sizeof *grown);
        if (grown == NULL) {
            NTLS_SSLERR(ERR_R_MALLOC_FAILURE);
            return 0;
        }
        for (int i = ex->n; i < n; i++) {
            grown[i] = NULL;
        }
        ex->slots = grown;
        ex->n = n;
    }
    ex->slots[idx] = data;
    return 1;
}

static void *exdata_get(const struct ntls_compat_exdata *ex, int idx)
{
    return idx >= 0 && idx < ex->n ? ex->slots[idx] : NULL;
}

void ntls_compat_exdata_free(struct ntls_compat_exdata *ex)
{
    free(ex->slots);
    ex->slots = NULL;
    ex->n = 0;
}

int SSL_set_ex_data(SSL *ssl, int idx, void *data)
{
    return exdata_set(&ssl->exdata, idx, data);
}

void *SSL_get_ex_data(const SSL *ssl, int idx)
{
    return exdata_get(&ssl->exdata, idx);
}

int SSL_CTX_set_ex_data(SSL_CTX *ctx, int idx, void *data)
{
    return exdata_set(&ctx->exdata, idx, data);
}

void *SSL_CTX_get_ex_data(const SSL_CTX *ctx, int idx)
{
    return exdata_get(&ctx->exdata, idx);
}

/* A session's slots hang off the engine's session (its ext pointer) and go when the session does. */
static void session_exdata_free(void *ext)
{
    ntls_compat_exdata_free(ext);
    free(ext);
}

int SSL_SESSION_set_ex_data(SSL_SESSION *ses, int idx, void *data)
{
    struct ntls_session *s = ntls_compat_session(ses);
    if (s->ext == NULL) {
        s->ext = calloc(1, sizeof(struct ntls_compat_exdata));
        if (s->ext == NULL) {
            NTLS_SSLERR(ERR_R_MALLOC_FAILURE);
            return 0;
        }
        s->ext_free = session_exdata_free;
    }
    return exdata_set(s->ext, idx, data);
}

void *SSL_SESSION_get_ex_data(const SSL_SESSION *ses, int idx)
{
    const struct ntls_session *s = ntls_compat_session(ses);
    return s->ext != NULL ? exdata_get(s->ext, idx) : NULL;
}
