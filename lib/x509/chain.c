/* Path building (verify_internal.h): OpenSSL 3.0's build_chain (crypto/x509/x509_vfy.c) turned into a
 * depth-first search, so that the first chain found is exactly the one OpenSSL builds (trusted store first
 * at every step, the first time-valid candidate preferred, else the one expiring last), and the other
 * candidates are the alternatives tried when that chain fails a check (RFC 4158 path building: several
 * issuers with one name, cross-signed roots, an untrusted copy of a path that also exists in the store).
 *
 * Each complete chain is checked with ntls_x509_check_path in silent mode; the first that passes is kept.
 * When none passes (or the search budget runs out), the first chain is kept, so the errors reported are
 * those of OpenSSL's chain. */
#include "verify_internal.h"

#include <string.h>

#include "../base/mem.h"

#define BUILD_MAX_STEPS 4096 /* search steps before giving up on alternatives */
#define BUILD_MAX_CHAINS 64 /* complete chains checked */

#define SEARCH_UNTRUSTED 1u
#define SEARCH_TRUSTED 2u

struct build {
    struct ntls_x509_verify_ctx *ctx;
    struct ntls_x509_verify_state *st;
    const struct ntls_x509_certinfo **chain; /* the chain being extended */
    size_t chain_cap;
    bool *used; /* untrusted certificates (st->infos[1..]) in the chain */
    size_t max_depth; /* OpenSSL's max_depth: depth + 1 */
    bool alternatives;
    bool done; /* stop searching */
    bool passed; /* st->path holds a chain that passed every check */
    bool have_first;
    struct ntls_x509_path first;
    unsigned steps, chains;
    ntls_result err;
};

static bool same_der(const struct ntls_x509_certinfo *a, const struct ntls_x509_certinfo *b)
{
    return a->cert->der_len == b->cert->der_len && memcmp(a->cert->der, b->cert->der, a->cert->der_len) == 0;
}

/* Copies a chain into path (growing its array). */
static bool path_set(struct ntls_x509_path *path, const struct ntls_x509_certinfo **certs, size_t len,
                     size_t num_untrusted, int error, int depth)
{
    const struct ntls_x509_certinfo **p = ntls_realloc(path->certs, (len > 0 ? len : 1) * sizeof *p);
    if (p == NULL) {
        return false;
    }
    memcpy(p, certs, len * sizeof *p);
    *path = (struct ntls_x509_path){ p, len, num_untrusted, error, depth };
    return true;
}

static bool chain_reserve(struct build *b, size_t len)
{
    if (len <= b->chain_cap) {
        return true;
    }
    size_t cap = b->chain_cap * 2 > len ? b->chain_cap * 2 : len;
    const struct ntls_x509_certinfo **grown = ntls_realloc(b->chain, cap * sizeof *grown);
    if (grown == NULL) {
        b->err = ntls_error(NTLS_E_NOMEM);
        b->done = true;
        return false;
    }
    b->chain = grown;
    b->chain_cap = cap;
    return true;
}

static bool time_ok(const struct build *b, const struct ntls_x509_certinfo *ci)
{
    return ntls_x509_time_check(b->st, ci) == 0;
}

/* Puts the candidate OpenSSL would pick first (find_issuer, X509_STORE_CTX_get1_issuer): the first one
 * valid now, else the one whose notAfter is latest (the first of equals). */
static void order_candidates(const struct build *b, const struct ntls_x509_certinfo **c, size_t n)
{
    size_t pick = 0;
    bool found = false;
    for (size_t i = 0; i < n && !found; i++) {
        if (time_ok(b, c[i])) {
            pick = i;
            found = true;
        } else if (c[i]->cert->not_after > c[pick]->cert->not_after) {
            pick = i;
        }
    }
    const struct ntls_x509_certinfo *first = c[pick];
    memmove(c + 1, c, pick * sizeof *c);
    c[0] = first;
}

/* OpenSSL's check_trust for the certificates added from index from: explicit trust settings first, then
 * (partial chains) any store certificate. *depth gets the index of a rejected one. */
static int check_trust(const struct build *b, size_t len, size_t from, int *depth)
{
    for (size_t i = from; i < len; i++) {
        int t = ntls_x509_ci_check_trust(b->chain[i], b->st->params.trust, 0);
        if (t != NTLS_TRUST_UNTRUSTED) {
            *depth = (int)i;
            return t;
        }
    }
    if (from < len && (b->st->params.flags & NTLS_X509_V_FLAG_PARTIAL_CHAIN)) {
        return NTLS_TRUST_TRUSTED;
    }
    return NTLS_TRUST_UNTRUSTED;
}

/* Whether a certificate below the top is signed with MD5 or SHA-1. An alternative chain (one OpenSSL would
 * not build) is only taken when its signatures are all stronger: path building prefers strong paths, and
 * falls back to a weak one only where OpenSSL itself would accept it. */
static bool weak_chain(const struct ntls_x509_certinfo *const *certs, size_t len)
{
    for (size_t i = 0; i + 1 < len; i++) {
        const struct ntls_oid_info *sig = certs[i]->cert->sig;
        if (sig == NULL || !sig->supported || sig->hash == NTLS_HASH_MD5 || sig->hash == NTLS_HASH_SHA1) {
            return true;
        }
    }
    return false;
}

/* The end of build_chain for a chain that stopped growing: the last-resort direct match of the leaf in the
 * store (partial chains), and otherwise which error OpenSSL reports. */
static void finish(struct build *b, size_t len, size_t nu, int trust, int reject_depth)
{
    struct ntls_x509_verify_state *st = b->st;
    const struct ntls_x509_certinfo *leaf = b->chain[0];
    int error = NTLS_X509_V_OK, depth = reject_depth;
    if (trust == NTLS_TRUST_UNTRUSTED && len <= b->max_depth && len == nu &&
        (st->params.flags & NTLS_X509_V_FLAG_PARTIAL_CHAIN)) {
        const struct ntls_x509_certinfo *mx = ntls_x509_store_exact(b->ctx->store, leaf);
        if (mx != NULL) {
            trust = ntls_x509_ci_check_trust(mx, st->params.trust, 0) == NTLS_TRUST_REJECTED
                        ? NTLS_TRUST_REJECTED
                        : NTLS_TRUST_TRUSTED;
            b->chain[0] = mx;
            nu = 0;
            depth = 0;
        }
    }
    if (trust == NTLS_TRUST_REJECTED) {
        error = NTLS_X509_V_ERR_CERT_REJECTED;
    } else if (trust != NTLS_TRUST_TRUSTED) {
        const struct ntls_x509_certinfo *top = b->chain[len - 1];
        depth = (int)len - 1;
        if (len > b->max_depth) {
            error = NTLS_X509_V_ERR_CERT_CHAIN_TOO_LONG;
        } else if (top->flags & NTLS_CI_SS) {
            error = len == 1 ? NTLS_X509_V_ERR_DEPTH_ZERO_SELF_SIGNED_CERT
                             : NTLS_X509_V_ERR_SELF_SIGNED_CERT_IN_CHAIN;
        } else {
            error = nu < len ? NTLS_X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT
                             : NTLS_X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT_LOCALLY;
        }
    }
    bool ok = path_set(&st->path, b->chain, len, nu, error, depth);
    bool first = !b->have_first;
    b->chain[0] = leaf;
    if (ok && first) {
        ok = path_set(&b->first, st->path.certs, len, nu, error, depth);
        b->have_first = ok;
    }
    if (!ok) {
        b->err = ntls_error(NTLS_E_NOMEM);
        b->done = true;
        return;
    }
    if (error == NTLS_X509_V_OK && b->alternatives && (first || !weak_chain(st->path.certs, len))) {
        st->silent = true;
        b->passed = ntls_x509_check_path(b->ctx) == 1; /* this chain passes: keep it */
        st->silent = false;
    }
    if (b->passed || !b->alternatives || ++b->chains >= BUILD_MAX_CHAINS) {
        b->done = true;
    }
}

/* The candidates for issuer of curr in the store, OpenSSL's pick first; *out is allocated. */
static size_t trusted_candidates(struct build *b, const struct ntls_x509_certinfo *curr,
                                 const struct ntls_x509_certinfo ***out)
{
    *out = NULL;
    size_t n = ntls_x509_store_issuers(b->ctx->store, curr->issuer_canon, curr->issuer_canon_len,
                                       curr->issuer_hash, NULL, 0);
    if (n == 0) {
        return 0;
    }
    const struct ntls_x509_certinfo **c = ntls_calloc(n, sizeof *c);
    if (c == NULL) {
        b->err = ntls_error(NTLS_E_NOMEM);
        b->done = true;
        return 0;
    }
    size_t got = ntls_x509_store_issuers(b->ctx->store, curr->issuer_canon, curr->issuer_canon_len,
                                         curr->issuer_hash, c, n);
    size_t k = 0;
    for (size_t i = 0; i < got && i < n; i++) {
        if (ntls_x509_ci_likely_issued(c[i], curr) == NTLS_X509_V_OK) {
            c[k++] = c[i];
        }
    }
    if (k > 0) {
        order_candidates(b, c, k);
    }
    *out = c;
    return k;
}

/* The candidates among the untrusted certificates not yet used, OpenSSL's pick first. */
static size_t untrusted_candidates(struct build *b, const struct ntls_x509_certinfo *curr,
                                   const struct ntls_x509_certinfo ***out)
{
    struct ntls_x509_verify_state *st = b->st;
    *out = NULL;
    if (st->info_count <= 1) {
        return 0;
    }
    const struct ntls_x509_certinfo **c = ntls_calloc(st->info_count, sizeof *c);
    if (c == NULL) {
        b->err = ntls_error(NTLS_E_NOMEM);
        b->done = true;
        return 0;
    }
    size_t k = 0;
    for (size_t i = 1; i < st->info_count; i++) {
        if (!b->used[i] && ntls_x509_ci_likely_issued(&st->infos[i], curr) == NTLS_X509_V_OK) {
            c[k++] = &st->infos[i];
        }
    }
    if (k > 0) {
        order_candidates(b, c, k);
    }
    *out = c;
    return k;
}

static bool in_chain(const struct build *b, size_t len, const struct ntls_x509_certinfo *ci)
{
    for (size_t i = 0; i < len; i++) {
        if (b->chain[i] == ci) {
            return true;
        }
    }
    return false;
}

static void step(struct build *b, size_t len, size_t nu, unsigned search);

/* One trusted candidate for the issuer of chain[len - 1] (the body of build_chain's S_DOTRUSTED branch).
 * Returns false when the candidate is not usable (a self-signed look-alike, or already in the chain). */
static bool try_trusted(struct build *b, size_t len, size_t nu, unsigned search,
                        const struct ntls_x509_certinfo *cand)
{
    const struct ntls_x509_certinfo *curr = b->chain[len - 1];
    int depth = 0, trust;
    search &= ~SEARCH_UNTRUSTED;
    if ((curr->flags & NTLS_CI_SS) == 0) {
        if (in_chain(b, len, cand) || !chain_reserve(b, len + 1)) {
            return false;
        }
        b->chain[len] = cand;
        trust = check_trust(b, len + 1, len, &depth);
        if (trust != NTLS_TRUST_UNTRUSTED || (cand->flags & NTLS_CI_SS)) {
            finish(b, len + 1, nu, trust, depth);
        } else {
            step(b, len + 1, nu, search);
        }
        return true;
    }
    /* a self-signed certificate is replaced by its exact copy in the store, or is a mimic */
    if (!same_der(curr, cand)) {
        return false;
    }
    b->chain[len - 1] = cand;
    trust = check_trust(b, len, len - 1, &depth);
    finish(b, len, len - 1, trust, depth);
    b->chain[len - 1] = curr;
    return true;
}

static void step_untrusted(struct build *b, size_t len, size_t nu, unsigned search, bool tried_trusted)
{
    const struct ntls_x509_certinfo *curr = b->chain[len - 1];
    const struct ntls_x509_certinfo **cands = NULL;
    size_t n = 0;
    if ((curr->flags & NTLS_CI_SS) == 0 && len <= b->max_depth) {
        n = untrusted_candidates(b, curr, &cands);
    }
    if (n == 0 && !tried_trusted && !b->done) {
        finish(b, len, nu, NTLS_TRUST_UNTRUSTED, 0); /* no issuer anywhere: the chain ends here */
    }
    for (size_t i = 0; i < n && !b->done && chain_reserve(b, len + 1); i++) {
        size_t idx = (size_t)(cands[i] - b->st->infos);
        b->used[idx] = true;
        b->chain[len] = cands[i];
        step(b, len + 1, nu + 1, search);
        b->used[idx] = false;
        if (!b->alternatives) {
            break;
        }
    }
    ntls_free(cands);
}

/* One iteration of build_chain's loop, with the state passed in; recursion explores the alternatives. */
static void step(struct build *b, size_t len, size_t nu, unsigned search)
{
    if (b->done || ++b->steps > BUILD_MAX_STEPS) {
        b->done = true;
        return;
    }
    bool tried = false;
    if (search & SEARCH_TRUSTED) {
        const struct ntls_x509_certinfo **cands = NULL;
        size_t n = len > b->max_depth ? 0 : trusted_candidates(b, b->chain[len - 1], &cands);
        for (size_t i = 0; i < n && !b->done; i++) {
            if (try_trusted(b, len, nu, search, cands[i])) {
                tried = true;
                if (!b->alternatives) {
                    break;
                }
            }
        }
        ntls_free(cands);
        if (b->done || (tried && !b->alternatives)) {
            return;
        }
    }
    if (search & SEARCH_UNTRUSTED) {
        step_untrusted(b, len, nu, search, tried);
    } else if (!tried) {
        finish(b, len, nu, NTLS_TRUST_UNTRUSTED, 0);
    }
}

ntls_result ntls_x509_build(struct ntls_x509_verify_ctx *ctx)
{
    struct ntls_x509_verify_state *st = ctx->state;
    struct build b = {
        .ctx = ctx,
        .st = st,
        .max_depth = (size_t)st->params.depth + 1,
        .alternatives = (st->params.flags & NTLS_X509_V_FLAG_NO_ALT_CHAINS) == 0,
        .err = ntls_ok(),
    };
    b.used = ntls_calloc(st->info_count, sizeof *b.used);
    if (b.used == NULL || !chain_reserve(&b, 16)) {
        ntls_free(b.used);
        ntls_free(b.chain);
        return ntls_error(NTLS_E_NOMEM);
    }
    /* an untrusted copy of the leaf or of another untrusted certificate is never used (find_issuer) */
    for (size_t i = 1; i < st->info_count; i++) {
        for (size_t j = 0; j < i && !b.used[i]; j++) {
            b.used[i] = same_der(&st->infos[i], &st->infos[j]);
        }
    }
    b.chain[0] = &st->infos[0];
    step(&b, 1, 1, SEARCH_UNTRUSTED | SEARCH_TRUSTED);
    if (ntls_is_ok(b.err) && !b.passed && b.have_first &&
        !path_set(&st->path, b.first.certs, b.first.len, b.first.num_untrusted, b.first.error,
                  b.first.error_depth)) {
        b.err = ntls_error(NTLS_E_NOMEM); /* nothing passed: report OpenSSL's chain */
    }
    ntls_free(b.first.certs);
    ntls_free(b.chain);
    ntls_free(b.used);
    return b.err;
}
