/* nettls: a minimal EVP_PKEY: a reference-counted private key loaded by lib/x509 (man EVP_PKEY_new,
 * man PEM_read_bio_PrivateKey). The layout is in internal.h, so that the ssl half can give the key to the
 * engine (SSL_CTX_use_PrivateKey). Only what a program needs to hand a key to libssl is here: no
 * assignment of RSA/DSA/EC_KEY objects, no signing through EVP. */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <openssl/bio.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>

#include "base/mem.h"
#include "internal.h"

EVP_PKEY *EVP_PKEY_new(void)
{
    EVP_PKEY *k = calloc(1, sizeof *k);
    if (k == NULL) {
        EVPerr(0, ERR_R_MALLOC_FAILURE);
        return NULL;
    }
    atomic_init(&k->refs, 1);
    k->key.type = NTLS_PK_NONE;
    return k;
}

int EVP_PKEY_up_ref(EVP_PKEY *pkey)
{
    atomic_fetch_add(&pkey->refs, 1);
    return 1;
}

void EVP_PKEY_free(EVP_PKEY *pkey)
{
    if (pkey == NULL || atomic_fetch_sub(&pkey->refs, 1) > 1) {
        return;
    }
    ntls_x509_key_free(&pkey->key);
    free(pkey);
}

/* The NID of the key's algorithm (EVP_PKEY_RSA, EVP_PKEY_DSA, EVP_PKEY_EC), EVP_PKEY_NONE when empty. */
int EVP_PKEY_id(const EVP_PKEY *pkey)
{
    switch (pkey != NULL ? pkey->key.type : NTLS_PK_NONE) {
    case NTLS_PK_RSA:
        return EVP_PKEY_RSA;
    case NTLS_PK_DSA:
        return EVP_PKEY_DSA;
    case NTLS_PK_EC:
        return EVP_PKEY_EC;
    default:
        return EVP_PKEY_NONE;
    }
}

/* nettls knows no aliases (EVP_PKEY_RSA2 and the like): the base type is the type. */
int EVP_PKEY_base_id(const EVP_PKEY *pkey)
{
    return EVP_PKEY_id(pkey);
}

int EVP_PKEY_bits(const EVP_PKEY *pkey)
{
    return pkey != NULL ? (int)ntls_x509_key_bits(&pkey->key) : 0;
}

/* ---------------------------------------------------------------------------------------------------- */
/* PEM */

/* The BEGIN line of a private key: "PRIVATE KEY", "ENCRYPTED PRIVATE KEY", "RSA PRIVATE KEY", ... As
 * OpenSSL's PEM_bytes_read_bio, blocks of other kinds before it (EC PARAMETERS, certificates) are skipped. */
static bool is_key_begin(const char *line)
{
    return strstr(line, "PRIVATE KEY-----") != NULL;
}

static void key_error(enum ntls_err err)
{
    int reason = err == NTLS_E_USAGE           ? PEM_R_BAD_PASSWORD_READ
                 : err == NTLS_E_DECRYPT_ERROR ? PEM_R_BAD_DECRYPT
                 : err == NTLS_E_NOMEM         ? ERR_R_MALLOC_FAILURE
                 : err == NTLS_E_DECODE        ? ERR_R_ASN1_LIB
                                               : PEM_R_UNSUPPORTED_KEY_COMPONENTS;
    PEMerr(0, reason);
}

/* The passphrase, as 1.1.0's PEM_read_bio_PrivateKey gets it: from cb, else PEM_def_callback, which takes
 * u as the passphrase string. Without either 1.1.0 prompts on the terminal; nettls never prompts, so that
 * is a failure. Returns the length, <= 0 for none. */
static int get_pass(char buf[PEM_BUFSIZE], pem_password_cb *cb, void *u)
{
    if (cb != NULL) {
        int n = cb(buf, PEM_BUFSIZE, 0, u);
        return n > PEM_BUFSIZE ? -1 : n;
    }
    if (u == NULL) {
        return -1;
    }
    size_t n = strlen(u);
    n = n < PEM_BUFSIZE ? n : PEM_BUFSIZE;
    memcpy(buf, u, n);
    return (int)n;
}

static EVP_PKEY *key_from_text(const struct ntls_compat_pem_text *t, pem_password_cb *cb, void *u)
{
    EVP_PKEY *k = EVP_PKEY_new();
    if (k == NULL) {
        return NULL;
    }
    ntls_result r = ntls_x509_key_from_pem(&k->key, t->p, t->len, NULL, 0);
    if (!ntls_is_ok(r) && r.err == NTLS_E_USAGE) {
        /* encrypted: legacy Proc-Type/DEK-Info or PKCS#8 EncryptedPrivateKeyInfo */
        char pass[PEM_BUFSIZE];
        int n = get_pass(pass, cb, u);
        if (n > 0) {
            r = ntls_x509_key_from_pem(&k->key, t->p, t->len, pass, (size_t)n);
        }
        ntls_zeroize(pass, sizeof pass);
    }
    if (!ntls_is_ok(r)) {
        key_error(r.err);
        EVP_PKEY_free(k);
        return NULL;
    }
    return k;
}

EVP_PKEY *PEM_read_bio_PrivateKey(BIO *bp, EVP_PKEY **x, pem_password_cb *cb, void *u)
{
    struct ntls_compat_pem_text t = { NULL, 0, 0 };
    EVP_PKEY *k = NULL;
    if (bp == NULL) {
        PEMerr(0, ERR_R_PASSED_NULL_PARAMETER);
    } else if (ntls_compat_pem_collect(bp, &t, is_key_begin)) {
        k = key_from_text(&t, cb, u);
    }
    ntls_compat_pem_text_free(&t);
    if (k != NULL && x != NULL) {
        EVP_PKEY_free(*x);
        *x = k;
    }
    return k;
}

EVP_PKEY *PEM_read_PrivateKey(FILE *fp, EVP_PKEY **x, pem_password_cb *cb, void *u)
{
    BIO *b = BIO_new_fp(fp, BIO_NOCLOSE);
    if (b == NULL) {
        PEMerr(0, ERR_R_BUF_LIB);
        return NULL;
    }
    EVP_PKEY *k = PEM_read_bio_PrivateKey(b, x, cb, u);
    BIO_free(b);
    return k;
}
