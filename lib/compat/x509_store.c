/* nettls: X509_STORE over the native trust store (lib/x509/verify.h), and PEM_read_X509 for programs that
 * load anchors from a FILE. man X509_STORE_new, X509_STORE_add_cert, X509_STORE_load_locations. */
#include <stdlib.h>

#include <openssl/bio.h>
#include <openssl/err.h>
#include <openssl/pem.h>
#include <openssl/x509_vfy.h>

#include "x509_local.h"

X509_STORE *X509_STORE_new(void)
{
    X509_STORE *st = calloc(1, sizeof *st);
    if (st == NULL || !ntls_is_ok(ntls_x509_store_new(&st->store))) {
        free(st);
        X509err(0, ERR_R_MALLOC_FAILURE);
        return NULL;
    }
    atomic_init(&st->refs, 1);
    ntls_x509_vparams_init(&st->param.p);
    return st;
}

int X509_STORE_up_ref(X509_STORE *st)
{
    atomic_fetch_add(&st->refs, 1);
    return 1;
}

void X509_STORE_free(X509_STORE *st)
{
    if (st == NULL || atomic_fetch_sub(&st->refs, 1) > 1) {
        return;
    }
    ntls_compat_store_lookups_free(st);
    ntls_x509_store_free(st->store);
    ntls_x509_vparams_free(&st->param.p);
    free(st);
}

/* A certificate already in the store is not an error (OpenSSL 1.1.0h and later). The store keeps its own
 * copy, so x stays the caller's. */
int X509_STORE_add_cert(X509_STORE *st, X509 *x)
{
    if (st == NULL || x == NULL) {
        X509err(0, ERR_R_PASSED_NULL_PARAMETER);
        return 0;
    }
    ntls_result r = ntls_x509_store_add_cert(st->store, &x->cert);
    if (!ntls_is_ok(r)) {
        X509err(0, r.err == NTLS_E_NOMEM ? ERR_R_MALLOC_FAILURE : ERR_R_NESTED_ASN1_ERROR);
        return 0;
    }
    return 1;
}

/* file: PEM certificates loaded now; dir: a hashed directory searched during verification. */
int X509_STORE_load_locations(X509_STORE *st, const char *file, const char *dir)
{
    if (file == NULL && dir == NULL) {
        return 0;
    }
    if (file != NULL && !ntls_is_ok(ntls_x509_store_load_file(st->store, file, NULL))) {
        X509err(0, ERR_R_SYS_LIB);
        return 0;
    }
    if (dir != NULL && !ntls_is_ok(ntls_x509_store_add_dir(st->store, dir))) {
        X509err(0, ERR_R_MALLOC_FAILURE);
        return 0;
    }
    return 1;
}

int X509_STORE_set_default_paths(X509_STORE *st)
{
    if (!ntls_is_ok(ntls_x509_store_load_system(st->store))) {
        X509err(0, ERR_R_SYS_LIB);
        return 0;
    }
    return 1;
}

int X509_STORE_set_flags(X509_STORE *st, unsigned long flags)
{
    return X509_VERIFY_PARAM_set_flags(&st->param, flags);
}

int X509_STORE_set_depth(X509_STORE *st, int depth)
{
    X509_VERIFY_PARAM_set_depth(&st->param, depth);
    return 1;
}

int X509_STORE_set_purpose(X509_STORE *st, int purpose)
{
    return X509_VERIFY_PARAM_set_purpose(&st->param, purpose);
}

int X509_STORE_set_trust(X509_STORE *st, int trust)
{
    return X509_VERIFY_PARAM_set_trust(&st->param, trust);
}

int X509_STORE_set1_param(X509_STORE *st, X509_VERIFY_PARAM *pm)
{
    return X509_VERIFY_PARAM_set1(&st->param, pm);
}

X509_VERIFY_PARAM *X509_STORE_get0_param(X509_STORE *st)
{
    return &st->param;
}

void X509_STORE_set_verify_cb(X509_STORE *st, X509_STORE_CTX_verify_cb verify_cb)
{
    st->verify_cb = verify_cb;
}

/* The next certificate in fp: reads no further than its END line, so calls can follow one another. */
X509 *PEM_read_X509(FILE *fp, X509 **x, pem_password_cb *cb, void *u)
{
    BIO *b = BIO_new_fp(fp, BIO_NOCLOSE);
    if (b == NULL) {
        PEMerr(0, ERR_R_BUF_LIB);
        return NULL;
    }
    X509 *ret = PEM_read_bio_X509(b, x, cb, u);
    BIO_free(b);
    return ret;
}

/* X509_OBJECT: one certificate found in a store (CRLs are not kept by nettls's stores). */
struct x509_object_st {
    X509_LOOKUP_TYPE type;
    X509 *x509;
};

X509_OBJECT *X509_OBJECT_new(void)
{
    X509_OBJECT *obj = calloc(1, sizeof *obj);
    if (obj == NULL) {
        X509err(0, ERR_R_MALLOC_FAILURE);
    }
    return obj;
}

void X509_OBJECT_free(X509_OBJECT *a)
{
    if (a != NULL) {
        X509_free(a->x509);
        free(a);
    }
}

X509_LOOKUP_TYPE X509_OBJECT_get_type(const X509_OBJECT *a)
{
    return a->type;
}

X509 *X509_OBJECT_get0_X509(const X509_OBJECT *a)
{
    return a != NULL && a->type == X509_LU_X509 ? a->x509 : NULL;
}

/* The first certificate of the context's store whose subject is name (compared as OpenSSL compares
 * names), searching hashed directories too; ret holds a reference to it. 0 when there is none. */
int X509_STORE_CTX_get_by_subject(X509_STORE_CTX *vs, X509_LOOKUP_TYPE type, X509_NAME *name,
                                  X509_OBJECT *ret)
{
    const struct ntls_x509_cert *found = NULL;
    if (type != X509_LU_X509 || vs->store == NULL || name == NULL ||
        ntls_x509_store_find(vs->store->store, &name->name, &found, 1) == 0) {
        return 0;
    }
    const unsigned char *p = found->der;
    X509 *x = d2i_X509(NULL, &p, (long)found->der_len);
    if (x == NULL) {
        return 0;
    }
    X509_free(ret->x509);
    ret->type = X509_LU_X509;
    ret->x509 = x;
    return 1;
}
