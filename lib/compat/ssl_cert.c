/* nettls: a context's certificate chain, private key and trust anchors, loaded from PEM or DER files
 * with lib/x509, and the client CA names of SSL_load_client_CA_file().
 *
 * Errors are queued as OpenSSL 1.1.0 queues them: the system or PEM error first, then an SSL entry. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <openssl/err.h>
#include <openssl/pem.h>
#include <openssl/ssl.h>
#include <openssl/x509.h>

#include "base/mem.h"
#include "ssl_local.h"
#include "x509/verify.h"
#include "x509/x509.h"

enum { FILE_MAX = 16 * 1024 * 1024 };

/* ---------------------------------------------------------------------------------------------------- */
/* Holders */

static struct ntls_compat_certs *certs_new(size_t n)
{
    struct ntls_compat_certs *c = calloc(1, sizeof *c + n * sizeof c->certs[0]);
    if (c != NULL) {
        atomic_init(&c->refs, 1);
    }
    return c;
}

struct ntls_compat_certs *ntls_compat_certs_ref(struct ntls_compat_certs *c)
{
    if (c != NULL) {
        atomic_fetch_add(&c->refs, 1);
    }
    return c;
}

void ntls_compat_certs_unref(struct ntls_compat_certs *c)
{
    if (c == NULL || atomic_fetch_sub(&c->refs, 1) > 1) {
        return;
    }
    for (size_t i = 0; i < c->n; i++) {
        ntls_x509_cert_free(c->certs[i]);
        free(c->certs[i]);
    }
    free(c);
}

struct ntls_compat_pkey *ntls_compat_pkey_ref(struct ntls_compat_pkey *k)
{
    if (k != NULL) {
        atomic_fetch_add(&k->refs, 1);
    }
    return k;
}

void ntls_compat_pkey_unref(struct ntls_compat_pkey *k)
{
    if (k == NULL || atomic_fetch_sub(&k->refs, 1) > 1) {
        return;
    }
    if (k->owner != NULL) {
        EVP_PKEY_free(k->owner); /* the crypto half's key (SSL_CTX_use_PrivateKey) */
    } else {
        ntls_x509_key_free(&k->key);
    }
    free(k);
}

/* Appends a parsed copy of der to c (which has room). */
static bool certs_add(struct ntls_compat_certs *c, const uint8_t *der, size_t len)
{
    struct ntls_x509_cert *cert = calloc(1, sizeof *cert);
    if (cert == NULL) {
        NTLS_SSLERR(ERR_R_MALLOC_FAILURE);
        return false;
    }
    ntls_result r = ntls_x509_cert_parse(cert, der, len);
    if (!ntls_is_ok(r)) {
        free(cert);
        ERR_put_error(ERR_LIB_ASN1, 0, r.err == NTLS_E_NOMEM ? ERR_R_MALLOC_FAILURE : ERR_R_NESTED_ASN1_ERROR,
                      OPENSSL_FILE, OPENSSL_LINE);
        return false;
    }
    c->certs[c->n++] = cert;
    return true;
}

/* ---------------------------------------------------------------------------------------------------- */
/* Files */

static char *read_file(const char *path, size_t *len)
{
    FILE *f = path != NULL ? fopen(path, "rb") : NULL;
    if (f == NULL) {
        ERR_put_error(ERR_LIB_SYS, SYS_F_FOPEN, path != NULL ? errno : EINVAL, OPENSSL_FILE, OPENSSL_LINE);
        ERR_add_error_data(3, "fopen('", path != NULL ? path : "(null)", "','r')");
        NTLS_SSLERR(ERR_R_SYS_LIB);
        return NULL;
    }
    size_t cap = 4096, n = 0;
    char *buf = malloc(cap + 1);
    while (buf != NULL) {
        n += fread(buf + n, 1, cap - n, f);
        if (n < cap || cap >= FILE_MAX) {
            break;
        }
        char *bigger = realloc(buf, cap * 2 + 1);
        if (bigger == NULL) {
            free(buf);
            buf = NULL;
        }
        buf = bigger;
        cap *= 2;
    }
    bool failed = buf == NULL || ferror(f) || n >= FILE_MAX;
    fclose(f);
    if (failed) {
        free(buf);
        NTLS_SSLERR(buf == NULL ? ERR_R_MALLOC_FAILURE : ERR_R_SYS_LIB);
        return NULL;
    }
    buf[n] = '\0';
    *len = n;
    return buf;
}

static bool is_cert_label(const char *label)
{
    return strcmp(label, PEM_STRING_X509) == 0 || strcmp(label, PEM_STRING_X509_OLD) == 0 ||
           strcmp(label, PEM_STRING_X509_TRUSTED) == 0;
}

/* Every certificate of a PEM text (other blocks are skipped), in order, up to max; or the one DER
 * certificate of a binary file. */
static struct ntls_compat_certs *load_certs(const char *file, int type, size_t max)
{
    size_t len;
    char *text = read_file(file, &len);
    if (text == NULL) {
        return NULL;
    }
    struct ntls_compat_certs *c = certs_new(max);
    bool ok = c != NULL;
    if (ok && type == SSL_FILETYPE_ASN1) {
        ok = certs_add(c, (const uint8_t *)text, len);
    }
    struct ntls_cur cur = ntls_cur_init(text, len);
    while (ok && type == SSL_FILETYPE_PEM && c->n < max) {
        struct ntls_pem_block block;
        bool found = false;
        if (!ntls_is_ok(ntls_pem_next(&cur, NULL, &block, &found))) {
            ERR_put_error(ERR_LIB_PEM, 0, PEM_R_BAD_BASE64_DECODE, OPENSSL_FILE, OPENSSL_LINE);
            ok = false;
            break;
        }
        if (!found) {
            break;
        }
        if (is_cert_label(block.label)) {
            ok = certs_add(c, block.der, block.der_len);
        }
        ntls_pem_block_free(&block);
    }
    if (ok && c->n == 0) {
        ERR_put_error(ERR_LIB_PEM, 0, PEM_R_NO_START_LINE, OPENSSL_FILE, OPENSSL_LINE);
        ok = false;
    }
    if (!ok) {
        NTLS_SSLERR(ERR_R_PEM_LIB);
        ntls_compat_certs_unref(c);
        c = NULL;
    }
    free(text);
    return c;
}

/* ---------------------------------------------------------------------------------------------------- */
/* The identity: leaf, chain and key */

static ntls_result check_pair(const struct ntls_x509_cert *leaf, const struct ntls_x509_key *priv)
{
    struct ntls_x509_key pub = { .type = NTLS_PK_NONE };
    NTLS_TRY(ntls_x509_cert_key(leaf, &pub));
    ntls_result r = ntls_x509_key_check_pair(priv, &pub);
    ntls_x509_key_free(&pub);
    return r;
}

/* A context holds one chain and key per key type, as OpenSSL's CERT holds pkeys[] (ssl_cert_type): a
 * server presents the one its suite's authentication needs (RSA, DSA or ECDSA). The last loaded slot is the
 * current one (1.1.0's c->key): ctx->chain and ctx->pkey hold references to its pair. */
static int slot_of(enum ntls_pk_type type)
{
    return type == NTLS_PK_RSA || type == NTLS_PK_DSA || type == NTLS_PK_EC ? (int)type - 1 : -1;
}

static void select_slot(SSL_CTX *ctx, int i)
{
    struct ntls_compat_certs *chain = ntls_compat_certs_ref(ctx->slots[i].chain);
    struct ntls_compat_pkey *pkey = ntls_compat_pkey_ref(ctx->slots[i].pkey);
    ntls_compat_certs_unref(ctx->chain);
    ntls_compat_pkey_unref(ctx->pkey);
    ctx->chain = chain;
    ctx->pkey = pkey;
}

void ntls_compat_slots_release(struct ntls_compat_slot *slots)
{
    for (size_t i = 0; i < NTLS_MAX_IDENTITIES; i++) {
        ntls_compat_certs_unref(slots[i].chain);
        ntls_compat_pkey_unref(slots[i].pkey);
        slots[i].chain = NULL;
        slots[i].pkey = NULL;
    }
}

/* The engine reads identities through s->cfg, which may already be in use (SNI switching); the current
 * pair goes first, so a client sends it when the server accepts its type (1.1.0 sends only c->key). */
void ntls_compat_identities_take(SSL *s, SSL_CTX *ctx)
{
    struct ntls_compat_slot old[NTLS_MAX_IDENTITIES];
    memcpy(old, s->slots, sizeof old);
    size_t n = 0;
    for (size_t k = 0; k <= NTLS_MAX_IDENTITIES; k++) {
        /* k == 0: the current pair; then every other complete slot in order */
        size_t i = k;
        if (k == 0) {
            int cur = ctx->chain != NULL ? slot_of(ctx->chain->certs[0]->spki.type) : -1;
            if (cur < 0) {
                continue;
            }
            i = (size_t)cur;
        } else if (ctx->chain != NULL && ctx->slots[k - 1].chain == ctx->chain) {
            continue;
        } else {
            i = k - 1;
        }
        struct ntls_compat_slot *src = &ctx->slots[i];
        if (src->chain == NULL || src->pkey == NULL) {
            continue;
        }
        s->slots[n].chain = ntls_compat_certs_ref(src->chain);
        s->slots[n].pkey = ntls_compat_pkey_ref(src->pkey);
        s->cfg.identities[n].chain = src->chain->certs;
        s->cfg.identities[n].chain_len = src->chain->n;
        s->cfg.identities[n].key = &src->pkey->key;
        n++;
    }
    for (size_t i = n; i < NTLS_MAX_IDENTITIES; i++) {
        s->slots[i].chain = NULL;
        s->slots[i].pkey = NULL;
        memset(&s->cfg.identities[i], 0, sizeof s->cfg.identities[i]);
    }
    s->cfg.nidentities = n;
    ntls_compat_slots_release(old);
}

/* Installs a new chain in the slot of its leaf's key type. As 1.1.0's ssl_set_cert does, a key that does
 * not match the new leaf is dropped without an error (the program is expected to load the matching key
 * next). */
static int set_chain(SSL_CTX *ctx, struct ntls_compat_certs *chain)
{
    int i = slot_of(chain->certs[0]->spki.type);
    if (i < 0) {
        ntls_compat_certs_unref(chain);
        NTLS_SSLERR(SSL_R_UNKNOWN_CERTIFICATE_TYPE);
        return 0;
    }
    struct ntls_compat_slot *slot = &ctx->slots[i];
    ntls_compat_certs_unref(slot->chain);
    slot->chain = chain;
    if (slot->pkey != NULL && !ntls_is_ok(check_pair(chain->certs[0], &slot->pkey->key))) {
        ntls_compat_pkey_unref(slot->pkey);
        slot->pkey = NULL;
    }
    select_slot(ctx, i);
    return 1;
}

/* A new leaf in front of the other certificates of its slot's chain (SSL_CTX_use_certificate*). */
static int set_leaf(SSL_CTX *ctx, struct ntls_compat_certs *leaf)
{
    int slot = slot_of(leaf->certs[0]->spki.type);
    const struct ntls_compat_certs *old = slot >= 0 ? ctx->slots[slot].chain : NULL;
    size_t extra = old != NULL ? old->n - 1 : 0;
    struct ntls_compat_certs *chain = certs_new(1 + extra);
    bool ok = chain != NULL;
    for (size_t i = 0; ok && i <= extra; i++) {
        const struct ntls_x509_cert *src = i == 0 ? leaf->certs[0] : old->certs[i];
        ok = certs_add(chain, src->der, src->der_len);
    }
    ntls_compat_certs_unref(leaf);
    if (!ok) {
        ntls_compat_certs_unref(chain);
        return 0;
    }
    return set_chain(ctx, chain);
}

int SSL_CTX_use_certificate_file(SSL_CTX *ctx, const char *file, int type)
{
    if (type != SSL_FILETYPE_PEM && type != SSL_FILETYPE_ASN1) {
        NTLS_SSLERR(SSL_R_BAD_SSL_FILETYPE);
        return 0;
    }
    struct ntls_compat_certs *leaf = load_certs(file, type, 1);
    return leaf != NULL ? set_leaf(ctx, leaf) : 0;
}

int SSL_CTX_use_certificate(SSL_CTX *ctx, X509 *x)
{
    unsigned char *der = NULL;
    int len = x != NULL ? i2d_X509(x, &der) : -1;
    struct ntls_compat_certs *leaf = len > 0 ? certs_new(1) : NULL;
    bool ok = leaf != NULL && certs_add(leaf, der, (size_t)len);
    OPENSSL_free(der);
    if (!ok) {
        ntls_compat_certs_unref(leaf);
        NTLS_SSLERR(x == NULL ? ERR_R_PASSED_NULL_PARAMETER : ERR_R_X509_LIB);
        return 0;
    }
    return set_leaf(ctx, leaf);
}

enum { CHAIN_MAX = 16 };

int SSL_CTX_use_certificate_chain_file(SSL_CTX *ctx, const char *file)
{
    struct ntls_compat_certs *chain = load_certs(file, SSL_FILETYPE_PEM, CHAIN_MAX);
    if (chain == NULL) {
        return 0;
    }
    return set_chain(ctx, chain);
}

static ntls_result parse_key_der(struct ntls_x509_key *key, const char *der, size_t len)
{
    static const enum ntls_key_format formats[] = { NTLS_KEY_PKCS8, NTLS_KEY_RSA, NTLS_KEY_EC, NTLS_KEY_DSA };
    ntls_result r = ntls_error(NTLS_E_DECODE);
    for (size_t i = 0; i < sizeof formats / sizeof formats[0] && !ntls_is_ok(r); i++) {
        r = ntls_x509_key_parse(key, formats[i], (const uint8_t *)der, len, NULL, 0);
    }
    return r;
}

static void key_error(enum ntls_err err)
{
    int reason = err == NTLS_E_USAGE           ? PEM_R_BAD_PASSWORD_READ
                 : err == NTLS_E_DECRYPT_ERROR ? PEM_R_BAD_DECRYPT
                 : err == NTLS_E_DECODE        ? PEM_R_NO_START_LINE
                                               : PEM_R_UNSUPPORTED_KEY_COMPONENTS;
    ERR_put_error(ERR_LIB_PEM, 0, reason, OPENSSL_FILE, OPENSSL_LINE);
    NTLS_SSLERR(ERR_R_PEM_LIB);
}

/* An encrypted PEM key (legacy Proc-Type or PKCS#8) asks the context's password callback, as 1.1.0's
 * PEM_do_header does: a callback that returns <= 0 is "bad password read". Without a callback OpenSSL would
 * prompt on the terminal; nettls does not prompt, so that is the same error. */
static ntls_result key_from_pem(SSL_CTX *ctx, struct ntls_x509_key *key, const char *text, size_t len)
{
    ntls_result r = ntls_x509_key_from_pem(key, text, len, NULL, 0);
    if (ntls_is_ok(r) || r.err != NTLS_E_USAGE || ctx->passwd_cb == NULL) {
        return r;
    }
    char pass[PEM_BUFSIZE];
    int n = ctx->passwd_cb(pass, (int)sizeof pass, 0, ctx->passwd_arg);
    if (n <= 0 || n > (int)sizeof pass) {
        ntls_zeroize(pass, sizeof pass);
        return ntls_error(NTLS_E_USAGE);
    }
    r = ntls_x509_key_from_pem(key, text, len, pass, (size_t)n);
    ntls_zeroize(pass, sizeof pass);
    return r;
}

/* The slot of a new key: its type's; a key that does not match that slot's leaf is refused. */
static int set_pkey(SSL_CTX *ctx, struct ntls_compat_pkey *k)
{
    int i = slot_of(k->key.type);
    if (i < 0) {
        ntls_compat_pkey_unref(k);
        NTLS_SSLERR(SSL_R_UNKNOWN_PKEY_TYPE);
        return 0;
    }
    struct ntls_compat_slot *slot = &ctx->slots[i];
    if (slot->chain != NULL && !ntls_is_ok(check_pair(slot->chain->certs[0], &k->key))) {
        ntls_compat_pkey_unref(k);
        ERR_put_error(ERR_LIB_X509, 0, X509_R_KEY_VALUES_MISMATCH, OPENSSL_FILE, OPENSSL_LINE);
        NTLS_SSLERR(ERR_R_X509_LIB);
        return 0;
    }
    ntls_compat_pkey_unref(slot->pkey);
    slot->pkey = k;
    select_slot(ctx, i);
    return 1;
}

int ntls_compat_ctx_set_pkey(SSL_CTX *ctx, struct ntls_compat_pkey *k)
{
    return set_pkey(ctx, k);
}

int SSL_CTX_use_PrivateKey_file(SSL_CTX *ctx, const char *file, int type)
{
    if (type != SSL_FILETYPE_PEM && type != SSL_FILETYPE_ASN1) {
        NTLS_SSLERR(SSL_R_BAD_SSL_FILETYPE);
        return 0;
    }
    size_t len;
    char *text = read_file(file, &len);
    if (text == NULL) {
        return 0;
    }
    struct ntls_compat_pkey *k = calloc(1, sizeof *k);
    if (k == NULL) {
        ntls_free_secret(text, len);
        NTLS_SSLERR(ERR_R_MALLOC_FAILURE);
        return 0;
    }
    atomic_init(&k->refs, 1);
    ntls_result r = type == SSL_FILETYPE_PEM ? key_from_pem(ctx, &k->key, text, len)
                                             : parse_key_der(&k->key, text, len);
    ntls_free_secret(text, len);
    if (!ntls_is_ok(r)) {
        free(k);
        key_error(r.err);
        return 0;
    }
    return set_pkey(ctx, k);
}

int SSL_CTX_check_private_key(const SSL_CTX *ctx)
{
    if (ctx == NULL || ctx->chain == NULL) {
        NTLS_SSLERR(SSL_R_NO_CERTIFICATE_ASSIGNED);
        return 0;
    }
    if (ctx->pkey == NULL) {
        NTLS_SSLERR(SSL_R_NO_PRIVATE_KEY_ASSIGNED);
        return 0;
    }
    if (!ntls_is_ok(check_pair(ctx->chain->certs[0], &ctx->pkey->key))) {
        ERR_put_error(ERR_LIB_X509, 0, X509_R_KEY_VALUES_MISMATCH, OPENSSL_FILE, OPENSSL_LINE);
        return 0;
    }
    return 1;
}

/* ---------------------------------------------------------------------------------------------------- */
/* Trust anchors: lib/x509's store, which the verifier reads (ssl_hooks.c) */

static struct ntls_x509_store *store_of(SSL_CTX *ctx)
{
    if (ctx->store == NULL && !ntls_is_ok(ntls_x509_store_new(&ctx->store))) {
        NTLS_SSLERR(ERR_R_MALLOC_FAILURE);
        return NULL;
    }
    return ctx->store;
}

/* CAfile's certificates are loaded now (all or nothing); CApath, a directory laid out by `openssl rehash`,
 * is read when a verification looks for an issuer. */
int SSL_CTX_load_verify_locations(SSL_CTX *ctx, const char *CAfile, const char *CApath)
{
    if (CAfile == NULL && CApath == NULL) {
        return 0;
    }
    struct ntls_x509_store *store = store_of(ctx);
    if (store == NULL) {
        return 0;
    }
    if (CAfile != NULL) {
        ntls_result r = ntls_x509_store_load_file(store, CAfile, NULL);
        if (!ntls_is_ok(r)) {
            if (r.err == NTLS_E_USAGE) {
                int e = errno != 0 ? errno : ENOENT;
                ERR_put_error(ERR_LIB_SYS, SYS_F_FOPEN, e, OPENSSL_FILE, OPENSSL_LINE);
                ERR_add_error_data(3, "fopen('", CAfile, "','r')");
                ERR_put_error(ERR_LIB_X509, 0, ERR_R_SYS_LIB, OPENSSL_FILE, OPENSSL_LINE);
            } else {
                ERR_put_error(ERR_LIB_PEM, 0, PEM_R_NO_START_LINE, OPENSSL_FILE, OPENSSL_LINE);
                ERR_put_error(ERR_LIB_X509, 0, ERR_R_PEM_LIB, OPENSSL_FILE, OPENSSL_LINE);
            }
            return 0;
        }
    }
    if (CApath != NULL && !ntls_is_ok(ntls_x509_store_add_dir(store, CApath))) {
        NTLS_SSLERR(ERR_R_MALLOC_FAILURE);
        return 0;
    }
    return 1;
}

/* $SSL_CERT_FILE/$SSL_CERT_DIR or the system's store; as in OpenSSL, a missing store is not an error. */
int SSL_CTX_set_default_verify_paths(SSL_CTX *ctx)
{
    struct ntls_x509_store *store = store_of(ctx);
    if (store == NULL || !ntls_is_ok(ntls_x509_store_load_system(store))) {
        NTLS_SSLERR(ERR_R_X509_LIB);
        return 0;
    }
    return 1;
}

/* ---------------------------------------------------------------------------------------------------- */
/* Client CA names */

static bool has_name(STACK_OF(X509_NAME) *names, X509_NAME *n)
{
    for (int i = 0; i < sk_X509_NAME_num(names); i++) {
        if (X509_NAME_cmp(sk_X509_NAME_value(names, i), n) == 0) {
            return true;
        }
    }
    return false;
}

STACK_OF(X509_NAME) *SSL_load_client_CA_file(const char *file)
{
    BIO *in = BIO_new_file(file, "r");
    STACK_OF(X509_NAME) *names = in != NULL ? sk_X509_NAME_new_null() : NULL;
    bool ok = names != NULL;
    ERR_set_mark();
    while (ok) {
        X509 *x = PEM_read_bio_X509(in, NULL, NULL, NULL);
        if (x == NULL) {
            /* The end of the file; an error only when nothing was read (1.1.0 clears it otherwise). */
            if (sk_X509_NAME_num(names) > 0) {
                ERR_pop_to_mark();
            }
            break;
        }
        X509_NAME *name = X509_get_subject_name(x);
        if (!has_name(names, name)) {
            X509_NAME *copy = X509_NAME_dup(name);
            ok = copy != NULL && sk_X509_NAME_push(names, copy) > 0;
            if (!ok) {
                X509_NAME_free(copy);
            }
        }
        X509_free(x);
    }
    BIO_free(in);
    if (!ok || sk_X509_NAME_num(names) <= 0) {
        sk_X509_NAME_pop_free(names, X509_NAME_free);
        return NULL;
    }
    return names;
}
