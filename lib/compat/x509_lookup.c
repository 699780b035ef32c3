/* nettls: X509_LOOKUP, the file lookup method of an X509_STORE (man X509_LOOKUP_file, X509_load_cert_file).
 *
 * A store has at most one lookup per method, made by X509_STORE_add_lookup and freed with the store, as in
 * OpenSSL. nettls has only the file method, and of its loaders only certificates in PEM: CRLs are not
 * implemented (lib/x509 does not check revocation), so X509_load_crl_file fails with ERR_R_DISABLED rather
 * than accept a file whose revocations would then be ignored. DER files are refused the same way. */
#include <limits.h>
#include <stdlib.h>

#include <openssl/err.h>
#include <openssl/x509_vfy.h>

#include "x509_local.h"

struct x509_lookup_method_st {
    const char *name;
};

struct x509_lookup_st {
    X509_STORE *store; /* the owner, which frees this lookup with itself */
};

static X509_LOOKUP_METHOD file_method = { "Load file into cache" }; /* OpenSSL's name for it */

X509_LOOKUP_METHOD *X509_LOOKUP_file(void)
{
    return &file_method;
}

/* The store's lookup for m, made on the first call; later calls return the same one (x509_lu.c). */
X509_LOOKUP *X509_STORE_add_lookup(X509_STORE *v, X509_LOOKUP_METHOD *m)
{
    if (v == NULL || m != &file_method) {
        X509err(0, ERR_R_PASSED_NULL_PARAMETER);
        return NULL;
    }
    if (v->file_lookup == NULL) {
        v->file_lookup = calloc(1, sizeof *v->file_lookup);
        if (v->file_lookup == NULL) {
            X509err(0, ERR_R_MALLOC_FAILURE);
            return NULL;
        }
        v->file_lookup->store = v;
    }
    return v->file_lookup;
}

void ntls_compat_store_lookups_free(X509_STORE *v)
{
    free(v->file_lookup);
    v->file_lookup = NULL;
}

/* The number of certificates added to the lookup's store; 0 (with an error) when the file cannot be read,
 * holds a malformed certificate, or none. */
int X509_load_cert_file(X509_LOOKUP *ctx, const char *file, int type)
{
    if (ctx == NULL || file == NULL) {
        X509err(0, ERR_R_PASSED_NULL_PARAMETER);
        return 0;
    }
    if (type != X509_FILETYPE_PEM) {
        X509err(0, ERR_R_DISABLED);
        return 0;
    }
    size_t added = 0;
    ntls_result r = ntls_x509_store_load_file(ctx->store->store, file, &added);
    if (!ntls_is_ok(r)) {
        X509err(0, r.err == NTLS_E_NOMEM ? ERR_R_MALLOC_FAILURE : ERR_R_PEM_LIB);
        return 0;
    }
    if (added == 0) {
        X509err(0, ERR_R_PEM_LIB);
        return 0;
    }
    return added > INT_MAX ? INT_MAX : (int)added;
}

int X509_load_crl_file(X509_LOOKUP *ctx, const char *file, int type)
{
    (void)ctx;
    (void)file;
    (void)type;
    X509err(0, ERR_R_DISABLED);
    return 0;
}
