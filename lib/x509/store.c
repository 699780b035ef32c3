/* Trust stores (verify.h): OpenSSL's X509_STORE with its file and hashed-directory lookups
 * (crypto/x509/by_file.c, by_dir.c). Certificates live in one array of heap items that only grows, so a
 * pointer handed out stays valid until the store is freed; one mutex guards the array and the directory
 * bookkeeping, because directory files are read while verifications run. */
#include "verify_internal.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../base/mem.h"

#define STORE_FILE_MAX (64u << 20) /* larger files are refused: a trust bundle is a few hundred KiB */
#define STORE_DIR_SUFFIX_MAX 1000 /* "<hash>.0" .. ".999": more certificates with one name is abuse */

struct store_item {
    struct ntls_x509_cert cert;
    struct ntls_x509_certinfo info;
};

struct store_dir {
    char *path;
    uint32_t *tried; /* name hashes whose files were already read */
    size_t tried_len, tried_cap;
};

struct ntls_x509_store {
    pthread_mutex_t lock;
    struct store_item **items;
    size_t count, cap;
    struct store_dir *dirs;
    size_t dir_count;
};

ntls_result ntls_x509_store_new(struct ntls_x509_store **out)
{
    struct ntls_x509_store *s = ntls_calloc(1, sizeof *s);
    NTLS_ENSURE(s != NULL, NTLS_E_NOMEM);
    if (pthread_mutex_init(&s->lock, NULL) != 0) {
        ntls_free(s);
        return ntls_error(NTLS_E_NOMEM);
    }
    *out = s;
    return ntls_ok();
}

static void item_free(struct store_item *it)
{
    if (it != NULL) {
        ntls_x509_certinfo_free(&it->info);
        ntls_x509_cert_free(&it->cert);
        ntls_free(it);
    }
}

void ntls_x509_store_free(struct ntls_x509_store *store)
{
    if (store == NULL) {
        return;
    }
    for (size_t i = 0; i < store->count; i++) {
        item_free(store->items[i]);
    }
    for (size_t i = 0; i < store->dir_count; i++) {
        ntls_free(store->dirs[i].path);
        ntls_free(store->dirs[i].tried);
    }
    ntls_free(store->items);
    ntls_free(store->dirs);
    pthread_mutex_destroy(&store->lock);
    ntls_free(store);
}

/* A SEQUENCE OF OBJECT IDENTIFIER of trust purposes as NTLS_X509_AUX_* bits. */
static ntls_result aux_purposes(struct ntls_cur list, uint32_t *bits)
{
    static const struct {
        enum ntls_oid_id id;
        uint32_t bit;
    } map[] = {
        { NTLS_OID_SERVER_AUTH, NTLS_X509_AUX_SERVER_AUTH },
        { NTLS_OID_CLIENT_AUTH, NTLS_X509_AUX_CLIENT_AUTH },
        { NTLS_OID_EMAIL_PROTECTION, NTLS_X509_AUX_EMAIL },
        { NTLS_OID_CODE_SIGNING, NTLS_X509_AUX_CODE_SIGN },
        { NTLS_OID_ANY_EKU, NTLS_X509_AUX_ANY_EKU },
    };
    *bits = 0;
    while (!ntls_cur_empty(&list)) {
        struct ntls_cur oid;
        uint32_t bit = NTLS_X509_AUX_OTHER;
        NTLS_TRY(ntls_der_oid(&list, &oid));
        for (size_t i = 0; i < sizeof map / sizeof map[0]; i++) {
            if (ntls_oid_is(oid, map[i].id)) {
                bit = map[i].bit;
            }
        }
        *bits |= bit;
    }
    return ntls_ok();
}

/* OpenSSL's X509_CERT_AUX ::= SEQUENCE { trust SEQUENCE OF OBJECT IDENTIFIER OPTIONAL,
 *     reject [0] IMPLICIT SEQUENCE OF OBJECT IDENTIFIER OPTIONAL, alias UTF8String OPTIONAL,
 *     keyid OCTET STRING OPTIONAL, other [1] IMPLICIT SEQUENCE OF AlgorithmIdentifier OPTIONAL } */
static ntls_result read_aux(struct ntls_cur in, struct ntls_x509_certinfo *ci)
{
    struct ntls_cur body, list;
    bool present;
    NTLS_TRY(ntls_der_sequence(&in, &body));
    NTLS_TRY(ntls_cur_end(&in));
    ci->flags |= NTLS_CI_HAS_AUX;
    NTLS_TRY(ntls_der_optional(&body, NTLS_DER_SEQUENCE, &list, &present));
    if (present) {
        ci->flags |= NTLS_CI_AUX_TRUST;
        NTLS_TRY(aux_purposes(list, &ci->aux_trust));
    }
    NTLS_TRY(ntls_der_optional(&body, NTLS_DER_CTX_CONS(0), &list, &present));
    if (present) {
        ci->flags |= NTLS_CI_AUX_REJECT;
        NTLS_TRY(aux_purposes(list, &ci->aux_reject));
    }
    return ntls_ok(); /* alias, keyid and other do not matter to verification */
}

static ntls_result item_new(const uint8_t *der, size_t len, struct store_item **out)
{
    struct ntls_cur in = ntls_cur_init(der, len);
    struct ntls_der_tlv tlv;
    NTLS_ENSURE(ntls_is_ok(ntls_der_read(&in, &tlv)), NTLS_E_BAD_CERTIFICATE);
    struct store_item *it = ntls_calloc(1, sizeof *it);
    NTLS_ENSURE(it != NULL, NTLS_E_NOMEM);
    ntls_result r = ntls_x509_cert_parse(&it->cert, tlv.raw.p, tlv.raw.len);
    if (!ntls_is_ok(r)) {
        ntls_free(it);
        return r;
    }
    r = ntls_x509_certinfo_init(&it->info, &it->cert);
    if (ntls_is_ok(r) && !ntls_cur_empty(&in)) {
        r = read_aux(in, &it->info);
    }
    if (!ntls_is_ok(r)) {
        item_free(it);
        return r;
    }
    *out = it;
    return ntls_ok();
}

/* With the lock held: takes ownership of it (freed when it duplicates a certificate already there). */
static ntls_result push_locked(struct ntls_x509_store *s, struct store_item *it)
{
    for (size_t i = 0; i < s->count; i++) {
        const struct ntls_x509_cert *c = &s->items[i]->cert;
        if (c->der_len == it->cert.der_len && memcmp(c->der, it->cert.der, c->der_len) == 0) {
            item_free(it);
            return ntls_ok();
        }
    }
    if (s->count == s->cap) {
        size_t cap = s->cap == 0 ? 16 : s->cap * 2;
        struct store_item **items = ntls_realloc(s->items, cap * sizeof *items);
        if (items == NULL) {
            item_free(it);
            return ntls_error(NTLS_E_NOMEM);
        }
        s->items = items;
        s->cap = cap;
    }
    s->items[s->count++] = it;
    return ntls_ok();
}

ntls_result ntls_x509_store_add_der(struct ntls_x509_store *store, const uint8_t *der, size_t len)
{
    struct store_item *it;
    NTLS_TRY(item_new(der, len, &it));
    pthread_mutex_lock(&store->lock);
    ntls_result r = push_locked(store, it);
    pthread_mutex_unlock(&store->lock);
    return r;
}

ntls_result ntls_x509_store_add_cert(struct ntls_x509_store *store, const struct ntls_x509_cert *cert)
{
    return ntls_x509_store_add_der(store, cert->der, cert->der_len);
}

static bool cert_label(const char *label)
{
    return strcmp(label, "CERTIFICATE") == 0 || strcmp(label, "X509 CERTIFICATE") == 0 ||
           strcmp(label, "TRUSTED CERTIFICATE") == 0;
}

/* Parses every certificate block of text into a fresh array of items (all or nothing). */
static ntls_result parse_pem(const char *text, size_t len, struct store_item ***out, size_t *count)
{
    struct ntls_cur in = ntls_cur_init(text, len);
    struct store_item **items = NULL;
    size_t n = 0, cap = 0;
    ntls_result r = ntls_ok();
    for (;;) {
        struct ntls_pem_block block;
        bool found;
        r = ntls_pem_next(&in, NULL, &block, &found);
        if (!ntls_is_ok(r) || !found) {
            break;
        }
        if (cert_label(block.label)) {
            if (n == cap) {
                cap = cap == 0 ? 8 : cap * 2;
                struct store_item **grown = ntls_realloc(items, cap * sizeof *grown);
                r = grown != NULL ? ntls_ok() : ntls_error(NTLS_E_NOMEM);
                items = grown != NULL ? grown : items;
            }
            if (ntls_is_ok(r)) {
                r = item_new(block.der, block.der_len, &items[n]);
                n += ntls_is_ok(r) ? 1 : 0;
            }
        }
        ntls_pem_block_free(&block);
        if (!ntls_is_ok(r)) {
            break;
        }
    }
    if (ntls_is_ok(r) && n == 0) {
        r = ntls_error(NTLS_E_DECODE);
    }
    if (!ntls_is_ok(r)) {
        for (size_t i = 0; i < n; i++) {
            item_free(items[i]);
        }
        ntls_free(items);
        return r;
    }
    *out = items;
    *count = n;
    return ntls_ok();
}

/* With the lock held: adds parsed items; on failure the rest are freed. */
static ntls_result push_all_locked(struct ntls_x509_store *s, struct store_item **items, size_t n)
{
    ntls_result r = ntls_ok();
    for (size_t i = 0; i < n; i++) {
        if (ntls_is_ok(r)) {
            r = push_locked(s, items[i]);
        } else {
            item_free(items[i]);
        }
    }
    ntls_free(items);
    return r;
}

ntls_result ntls_x509_store_load_pem(struct ntls_x509_store *store, const char *text, size_t len,
                                     size_t *added)
{
    struct store_item **items;
    size_t n;
    NTLS_TRY(parse_pem(text, len, &items, &n));
    pthread_mutex_lock(&store->lock);
    ntls_result r = push_all_locked(store, items, n);
    pthread_mutex_unlock(&store->lock);
    if (ntls_is_ok(r) && added != NULL) {
        *added = n;
    }
    return r;
}

/* The whole file, NUL-terminated (*out freed with ntls_free); NTLS_E_USAGE when it cannot be read. */
static ntls_result read_file(const char *path, char **out, size_t *len)
{
    FILE *f = fopen(path, "rb");
    NTLS_ENSURE(f != NULL, NTLS_E_USAGE);
    struct ntls_x509_dbuf b = { 0 };
    char chunk[4096];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0 && b.len <= STORE_FILE_MAX) {
        ntls_x509_dbuf_put(&b, chunk, n);
    }
    bool bad = ferror(f) != 0 || b.len > STORE_FILE_MAX;
    fclose(f);
    ntls_x509_dbuf_byte(&b, 0);
    if (bad || b.failed) {
        ntls_x509_dbuf_free(&b);
        return ntls_error(bad ? NTLS_E_USAGE : NTLS_E_NOMEM);
    }
    *out = (char *)b.p;
    *len = b.len - 1;
    return ntls_ok();
}

ntls_result ntls_x509_store_load_file(struct ntls_x509_store *store, const char *path, size_t *added)
{
    char *text;
    size_t len;
    NTLS_TRY(read_file(path, &text, &len));
    ntls_result r = ntls_x509_store_load_pem(store, text, len, added);
    ntls_free(text);
    return r;
}

ntls_result ntls_x509_store_add_dir(struct ntls_x509_store *store, const char *dirs)
{
    ntls_result r = ntls_ok();
    pthread_mutex_lock(&store->lock);
    for (const char *p = dirs; *p != '\0' && ntls_is_ok(r);) {
        size_t n = strcspn(p, ":");
        bool known = n == 0;
        for (size_t i = 0; i < store->dir_count && !known; i++) {
            known = strlen(store->dirs[i].path) == n && memcmp(store->dirs[i].path, p, n) == 0;
        }
        if (!known) {
            struct store_dir *grown = ntls_realloc(store->dirs, (store->dir_count + 1) * sizeof *grown);
            char *path = ntls_calloc(n + 1, 1);
            if (grown != NULL) {
                store->dirs = grown;
            }
            if (grown == NULL || path == NULL) {
                ntls_free(path);
                r = ntls_error(NTLS_E_NOMEM);
                break;
            }
            memcpy(path, p, n);
            store->dirs[store->dir_count++] = (struct store_dir){ .path = path };
        }
        p += n;
        p += *p == ':' ? 1 : 0;
    }
    pthread_mutex_unlock(&store->lock);
    return r;
}

/* Environment overrides are ignored in set-uid programs, as OpenSSL's ossl_safe_getenv does. */
static const char *safe_getenv(const char *name)
{
    if (getuid() != geteuid() || getgid() != getegid()) {
        return NULL;
    }
    const char *v = getenv(name);
    return v != NULL && *v != '\0' ? v : NULL;
}

ntls_result ntls_x509_store_load_system(struct ntls_x509_store *store)
{
    const char *file = safe_getenv("SSL_CERT_FILE");
    const char *dir = safe_getenv("SSL_CERT_DIR");
    ntls_result r =
        ntls_x509_store_load_file(store, file != NULL ? file : "/etc/ssl/certs/ca-certificates.crt", NULL);
    if (r.err == NTLS_E_NOMEM) {
        return r;
    }
    return ntls_x509_store_add_dir(store, dir != NULL ? dir : "/etc/ssl/certs");
}

/* With the lock held: reads "<dir>/<hash>.0", ".1", ... until one is missing (by_dir.c's
 * get_cert_by_subject). Unreadable or malformed files are skipped. */
static void load_hash_locked(struct ntls_x509_store *s, struct store_dir *d, uint32_t hash)
{
    for (size_t i = 0; i < d->tried_len; i++) {
        if (d->tried[i] == hash) {
            return;
        }
    }
    if (d->tried_len == d->tried_cap) {
        size_t cap = d->tried_cap == 0 ? 16 : d->tried_cap * 2;
        uint32_t *grown = ntls_realloc(d->tried, cap * sizeof *grown);
        if (grown == NULL) {
            return; /* not remembered: tried again next time */
        }
        d->tried = grown;
        d->tried_cap = cap;
    }
    d->tried[d->tried_len++] = hash;
    size_t plen = strlen(d->path) + 32;
    char *path = ntls_calloc(plen, 1);
    for (unsigned k = 0; path != NULL && k < STORE_DIR_SUFFIX_MAX; k++) {
        char *text;
        size_t len, n;
        struct store_item **items;
        snprintf(path, plen, "%s/%08x.%u", d->path, (unsigned)hash, k);
        if (!ntls_is_ok(read_file(path, &text, &len))) {
            break;
        }
        if (ntls_is_ok(parse_pem(text, len, &items, &n))) {
            (void)push_all_locked(s, items, n);
        }
        ntls_free(text);
    }
    ntls_free(path);
}

size_t ntls_x509_store_issuers(struct ntls_x509_store *store, const uint8_t *canon, size_t canon_len,
                               uint32_t hash, const struct ntls_x509_certinfo **out, size_t cap)
{
    size_t n = 0;
    if (store == NULL || canon == NULL) {
        return 0;
    }
    pthread_mutex_lock(&store->lock);
    for (size_t i = 0; i < store->dir_count; i++) {
        load_hash_locked(store, &store->dirs[i], hash);
    }
    for (size_t i = 0; i < store->count; i++) {
        const struct ntls_x509_certinfo *ci = &store->items[i]->info;
        if (ci->subject_hash == hash &&
            ntls_x509_canon_eq(ci->subject_canon, ci->subject_canon_len, canon, canon_len)) {
            if (n < cap) {
                out[n] = ci;
            }
            n++;
        }
    }
    pthread_mutex_unlock(&store->lock);
    return n;
}

const struct ntls_x509_certinfo *ntls_x509_store_exact(struct ntls_x509_store *store,
                                                       const struct ntls_x509_certinfo *ci)
{
    const struct ntls_x509_certinfo *found = NULL;
    if (store == NULL || ci->subject_canon == NULL) {
        return NULL;
    }
    pthread_mutex_lock(&store->lock);
    for (size_t i = 0; i < store->dir_count; i++) {
        load_hash_locked(store, &store->dirs[i], ci->subject_hash);
    }
    for (size_t i = 0; i < store->count && found == NULL; i++) {
        const struct ntls_x509_cert *c = &store->items[i]->cert;
        if (c->der_len == ci->cert->der_len && memcmp(c->der, ci->cert->der, c->der_len) == 0) {
            found = &store->items[i]->info;
        }
    }
    pthread_mutex_unlock(&store->lock);
    return found;
}

size_t ntls_x509_store_find(struct ntls_x509_store *store, const struct ntls_x509_name *name,
                            const struct ntls_x509_cert **out, size_t cap)
{
    uint8_t *canon;
    size_t len;
    if (!ntls_is_ok(ntls_x509_name_canon(name, &canon, &len))) {
        return 0;
    }
    const struct ntls_x509_certinfo **infos = cap > 0 ? ntls_calloc(cap, sizeof *infos) : NULL;
    size_t n = 0;
    if (cap == 0 || infos != NULL) {
        n = ntls_x509_store_issuers(store, canon, len, ntls_x509_canon_hash(canon, len), infos, cap);
    }
    for (size_t i = 0; i < n && i < cap; i++) {
        out[i] = infos[i]->cert;
    }
    ntls_free(infos);
    ntls_free(canon);
    return n;
}

size_t ntls_x509_store_count(const struct ntls_x509_store *store)
{
    struct ntls_x509_store *s = (struct ntls_x509_store *)store; /* the lock is not part of the value */
    pthread_mutex_lock(&s->lock);
    size_t n = s->count;
    pthread_mutex_unlock(&s->lock);
    return n;
}

const struct ntls_x509_cert *ntls_x509_store_get(const struct ntls_x509_store *store, size_t i)
{
    struct ntls_x509_store *s = (struct ntls_x509_store *)store;
    pthread_mutex_lock(&s->lock);
    const struct ntls_x509_cert *c = i < s->count ? &s->items[i]->cert : NULL;
    pthread_mutex_unlock(&s->lock);
    return c;
}

bool ntls_x509_store_get_aux(const struct ntls_x509_store *store, size_t i, uint32_t *trust, uint32_t *reject)
{
    struct ntls_x509_store *s = (struct ntls_x509_store *)store;
    bool has = false;
    pthread_mutex_lock(&s->lock);
    if (i < s->count) {
        const struct ntls_x509_certinfo *ci = &s->items[i]->info;
        has = (ci->flags & NTLS_CI_HAS_AUX) != 0;
        *trust = ci->aux_trust;
        *reject = ci->aux_reject;
    }
    pthread_mutex_unlock(&s->lock);
    return has;
}
