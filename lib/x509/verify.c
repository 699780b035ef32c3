/* Path validation (verify.h): X509_verify_cert. The checks after chain building follow OpenSSL 3.0's
 * verify_chain (crypto/x509/x509_vfy.c) in its order, so the first error reported is OpenSSL's:
 *   (the leaf's key strength, then the errors of chain building)
 *   check_extensions  critical extensions, CA markings, X509_STRICT conformance, purpose, path length;
 *   check_auth_level  key and signature strengths for the security level asked for;
 *   check_id          host names, e-mail, IP address of the leaf;
 *   internal_verify   from the root down: keyCertSign of the issuer, signature, validity period;
 *   name constraints  every certificate against the constraints above it (RFC 5280 6.1.3 (b), (c)).
 * Every failure goes through ntls_x509_verify_fail, which is where the caller's callback may accept it. */
#include "verify_internal.h"

#include <string.h>
#include <time.h>

#include "../base/mem.h"

#define VERIFY_MAX_DEPTH 1000 /* larger depth limits are lowered: chains are built by recursion */

int ntls_x509_verify_fail(struct ntls_x509_verify_ctx *ctx, const struct ntls_x509_certinfo *cert, int depth,
                          int err)
{
    struct ntls_x509_verify_state *st = ctx->state;
    if (cert == NULL) {
        cert = st->path.certs[depth];
    }
    ctx->error_depth = depth;
    ctx->current_cert = cert->cert;
    if (err != NTLS_X509_V_OK) {
        ctx->error = err;
    }
    if (st->silent || ctx->verify_cb == NULL) {
        return 0;
    }
    return ctx->verify_cb(0, ctx);
}

#define FAIL_IF(cond, ctx, ci, depth, err)                                                                   \
    do {                                                                                                     \
        if ((cond) && ntls_x509_verify_fail((ctx), (ci), (depth), (err)) == 0) {                             \
            return 0;                                                                                        \
        }                                                                                                    \
    } while (0)

int ntls_x509_time_check(const struct ntls_x509_verify_state *st, const struct ntls_x509_certinfo *ci)
{
    int64_t t = st->now;
    if (st->params.flags & NTLS_X509_V_FLAG_USE_CHECK_TIME) {
        t = st->params.check_time;
    } else if (st->params.flags & NTLS_X509_V_FLAG_NO_CHECK_TIME) {
        return 0;
    }
    if (ci->cert->not_before > t) {
        return NTLS_X509_V_ERR_CERT_NOT_YET_VALID;
    }
    /* RFC 5280 4.1.2.5: valid from notBefore through notAfter, inclusive */
    if (ci->cert->not_after < t) {
        return NTLS_X509_V_ERR_CERT_HAS_EXPIRED;
    }
    return 0;
}

/* check_purpose: an anchor's trust settings may allow what its extensions do not. */
static int check_purpose(struct ntls_x509_verify_ctx *ctx, const struct ntls_x509_certinfo *x, size_t depth,
                         int must_be_ca)
{
    const struct ntls_x509_verify_state *st = ctx->state;
    int tr = NTLS_TRUST_UNTRUSTED;
    if (depth >= st->path.num_untrusted) {
        tr = ntls_x509_ci_check_trust(x, st->params.trust, NTLS_TRUST_NO_SS_COMPAT);
    }
    if (tr == NTLS_TRUST_TRUSTED) {
        return 1;
    }
    if (tr != NTLS_TRUST_REJECTED) {
        int r = ntls_x509_ci_check_purpose(x, st->params.purpose, must_be_ca > 0);
        if (r == 1 || (r < 0 && (st->params.flags & NTLS_X509_V_FLAG_X509_STRICT) == 0)) {
            return 1;
        }
    }
    return ntls_x509_verify_fail(ctx, x, (int)depth, NTLS_X509_V_ERR_INVALID_PURPOSE);
}

/* The X509_STRICT checks of check_extensions (RFC 5280 4.1.2.4, 4.1.2.6, 4.2.1.1-4.2.1.3, 4.2.1.6,
 * 4.2.1.9), made for chains of more than one certificate. */
static int check_strict(struct ntls_x509_verify_ctx *ctx, const struct ntls_x509_certinfo *x, int i,
                        size_t num)
{
    const struct ntls_x509_cert *c = x->cert;
    bool ca = (x->flags & NTLS_CI_CA) != 0;
    bool san = (c->ext_flags & NTLS_EXT_SAN) != 0;
    if (c->path_len != -1) {
        FAIL_IF(!ca, ctx, x, i, NTLS_X509_V_ERR_PATHLEN_INVALID_FOR_NON_CA);
        FAIL_IF((c->key_usage & NTLS_KU_KEY_CERT_SIGN) == 0, ctx, x, i,
                NTLS_X509_V_ERR_PATHLEN_WITHOUT_KU_KEY_CERT_SIGN);
    }
    FAIL_IF(ca && (x->flags & NTLS_CI_BCONS) && !(x->flags & NTLS_CI_BCONS_CRITICAL), ctx, x, i,
            NTLS_X509_V_ERR_CA_BCONS_NOT_CRITICAL);
    if (ca) {
        FAIL_IF(!(x->flags & NTLS_CI_KUSAGE), ctx, x, i, NTLS_X509_V_ERR_CA_CERT_MISSING_KEY_USAGE);
    } else {
        FAIL_IF(c->key_usage & NTLS_KU_KEY_CERT_SIGN, ctx, x, i,
                NTLS_X509_V_ERR_KU_KEY_CERT_SIGN_INVALID_FOR_NON_CA);
    }
    FAIL_IF(c->issuer.count == 0, ctx, x, i, NTLS_X509_V_ERR_ISSUER_NAME_EMPTY);
    FAIL_IF((ca || (c->key_usage & NTLS_KU_CRL_SIGN) || !san) && c->subject.count == 0, ctx, x, i,
            NTLS_X509_V_ERR_SUBJECT_NAME_EMPTY);
    FAIL_IF(c->subject.count == 0 && san && !(x->flags & NTLS_CI_SAN_CRITICAL), ctx, x, i,
            NTLS_X509_V_ERR_EMPTY_SUBJECT_SAN_NOT_CRITICAL);
    if (c->version == 3) {
        FAIL_IF((size_t)i + 1 < num && c->akid_keyid.p == NULL, ctx, x, i,
                NTLS_X509_V_ERR_MISSING_AUTHORITY_KEY_IDENTIFIER);
        FAIL_IF(ca && c->skid.p == NULL, ctx, x, i, NTLS_X509_V_ERR_MISSING_SUBJECT_KEY_IDENTIFIER);
    }
    /* beyond OpenSSL 3.0: nameConstraints only in CA certificates (4.2.1.10), policyConstraints always
     * critical (4.2.1.11) */
    FAIL_IF(!ca && (c->ext_flags & NTLS_EXT_NAME_CONSTRAINTS), ctx, x, i, NTLS_X509_V_ERR_INVALID_EXTENSION);
    const struct ntls_x509_ext *pc = ntls_x509_cert_ext(c, NTLS_OID_POLICY_CONSTRAINTS);
    FAIL_IF(pc != NULL && !pc->critical, ctx, x, i, NTLS_X509_V_ERR_INVALID_EXTENSION);
    return 1;
}

/* check_extensions: each certificate from the leaf up. */
static int check_extensions(struct ntls_x509_verify_ctx *ctx)
{
    const struct ntls_x509_verify_state *st = ctx->state;
    size_t num = st->path.len;
    int must_be_ca = -1, plen = 0;
    bool strict = (st->params.flags & NTLS_X509_V_FLAG_X509_STRICT) != 0;
    for (size_t n = 0; n < num; n++) {
        const struct ntls_x509_certinfo *x = st->path.certs[n];
        int i = (int)n;
        FAIL_IF(!(st->params.flags & NTLS_X509_V_FLAG_IGNORE_CRITICAL) && (x->flags & NTLS_CI_CRITICAL), ctx,
                x, i, NTLS_X509_V_ERR_UNHANDLED_CRITICAL_EXTENSION);
        int ca = ntls_x509_ci_check_ca(x);
        if (must_be_ca < 0) {
            FAIL_IF(strict && ca != 1 && ca != 0, ctx, x, i, NTLS_X509_V_ERR_INVALID_CA);
        } else {
            /* X509_STRICT is implied for intermediates: only basicConstraints makes a CA */
            FAIL_IF(ca == 0 || ((n + 1 < num || strict) && ca != 1), ctx, x, i, NTLS_X509_V_ERR_INVALID_CA);
        }
        FAIL_IF(num > 1 && (x->flags & NTLS_CI_EC_EXPLICIT), ctx, x, i,
                NTLS_X509_V_ERR_EC_KEY_EXPLICIT_PARAMS);
        if (strict && num > 1 && !check_strict(ctx, x, i, num)) {
            return 0;
        }
        if (st->params.purpose > 0 && !check_purpose(ctx, x, n, must_be_ca)) {
            return 0;
        }
        /* RFC 5280 6.1.4 (l), (m): pathLenConstraint counts the non-self-issued CAs below */
        FAIL_IF(n > 1 && x->cert->path_len != -1 && plen > x->cert->path_len, ctx, x, i,
                NTLS_X509_V_ERR_PATH_LENGTH_EXCEEDED);
        if (n > 0 && !(x->flags & NTLS_CI_SI)) {
            plen++;
        }
        must_be_ca = 1;
    }
    return 1;
}

/* Bits of an unsigned big-endian magnitude. */
static size_t magnitude_bits(struct ntls_cur m)
{
    uint8_t top = 0;
    do {
        if (!ntls_is_ok(ntls_cur_u8(&m, &top))) {
            return 0;
        }
    } while (top == 0);
    size_t bits = m.len * 8;
    for (; top != 0; top >>= 1) {
        bits++;
    }
    return bits;
}

/* BN_security_bits: NIST SP 800-57 strengths of an L-bit modulus and an N-bit subgroup (N 0: none). */
static int bn_security_bits(size_t l, size_t n)
{
    int sec = l >= 15360 ? 256 : l >= 7680 ? 192 : l >= 3072 ? 128 : l >= 2048 ? 112 : l >= 1024 ? 80 : 0;
    if (sec == 0 || n == 0) {
        return sec;
    }
    return n / 2 < 80 ? 0 : (int)(n / 2) < sec ? (int)(n / 2) : sec;
}

/* EVP_PKEY_get_security_bits from the SubjectPublicKeyInfo alone; 0 when unknown or malformed. */
static int key_security_bits(const struct ntls_x509_spki *spki)
{
    struct ntls_cur in, body, p, q;
    switch (spki->type) {
    case NTLS_PK_RSA: /* RSAPublicKey ::= SEQUENCE { modulus, publicExponent } */
        in = spki->key;
        if (!ntls_is_ok(ntls_der_sequence(&in, &body)) || !ntls_is_ok(ntls_der_uint(&body, &p))) {
            return 0;
        }
        return bn_security_bits(magnitude_bits(p), 0);
    case NTLS_PK_DSA: /* Dss-Parms ::= SEQUENCE { p, q, g } */
        in = spki->params;
        if (!ntls_is_ok(ntls_der_sequence(&in, &body)) || !ntls_is_ok(ntls_der_uint(&body, &p)) ||
            !ntls_is_ok(ntls_der_uint(&body, &q))) {
            return 0;
        }
        return bn_security_bits(magnitude_bits(p), magnitude_bits(q));
    case NTLS_PK_EC:
        if (spki->curve == NULL) {
            return 0;
        }
        return spki->curve->id == NTLS_OID_P256   ? 128
               : spki->curve->id == NTLS_OID_P384 ? 192
               : spki->curve->id == NTLS_OID_P521 ? 256
                                                  : 0;
    default:
        return 0;
    }
}

/* X509_get_signature_info's strength of a certificate's signature (OpenSSL 3.0: MD5 39, SHA-1 63). */
static int sig_security_bits(const struct ntls_x509_cert *c)
{
    if (c->sig == NULL || !c->sig->supported) {
        return 0;
    }
    switch (c->sig->hash) {
    case NTLS_HASH_MD5:
        return 39;
    case NTLS_HASH_SHA1:
        return 63;
    default:
        return (int)ntls_hash_size(c->sig->hash) * 4;
    }
}

/* The bits a security level asks for (OpenSSL's minbits_table); 0 for no check. */
static int level_bits(const struct ntls_x509_verify_state *st)
{
    static const int minbits[] = { 80, 112, 128, 192, 256 };
    int level = st->params.auth_level;
    return level <= 0 ? 0 : minbits[(level > 5 ? 5 : level) - 1];
}

/* check_auth_level: issuers' keys, and the signatures below the anchor. */
static int check_auth_level(struct ntls_x509_verify_ctx *ctx)
{
    const struct ntls_x509_verify_state *st = ctx->state;
    int bits = level_bits(st);
    size_t num = st->path.len;
    for (size_t i = 0; i < num && bits > 0; i++) {
        const struct ntls_x509_certinfo *x = st->path.certs[i];
        FAIL_IF(i > 0 && key_security_bits(&x->cert->spki) < bits, ctx, x, (int)i,
                NTLS_X509_V_ERR_CA_KEY_TOO_SMALL);
        FAIL_IF(i + 1 < num && sig_security_bits(x->cert) < bits, ctx, x, (int)i,
                NTLS_X509_V_ERR_CA_MD_TOO_WEAK);
    }
    return 1;
}

/* check_id: the leaf against the host names, e-mail address and IP address asked for. */
static int check_id(struct ntls_x509_verify_ctx *ctx)
{
    const struct ntls_x509_verify_state *st = ctx->state;
    const struct ntls_x509_certinfo *leaf = &st->infos[0];
    const struct ntls_x509_vparams *p = &st->params;
    if (p->host_count > 0) {
        bool match = false;
        for (size_t i = 0; i < p->host_count && !match; i++) {
            match = ntls_x509_check_host(leaf->cert, p->hosts[i], 0, p->hostflags, NULL) > 0;
        }
        FAIL_IF(!match, ctx, leaf, 0, NTLS_X509_V_ERR_HOSTNAME_MISMATCH);
    }
    FAIL_IF(p->email != NULL && ntls_x509_check_email(leaf->cert, p->email, p->email_len, 0) <= 0, ctx, leaf,
            0, NTLS_X509_V_ERR_EMAIL_MISMATCH);
    FAIL_IF(p->ip_len > 0 && ntls_x509_check_ip(leaf->cert, p->ip, p->ip_len, 0) <= 0, ctx, leaf, 0,
            NTLS_X509_V_ERR_IP_ADDRESS_MISMATCH);
    return 1;
}

/* The signature of xs under xi's key, remembered for the verification (alternative chains share edges):
 * X509_V_OK, X509_V_ERR_UNABLE_TO_DECODE_ISSUER_PUBLIC_KEY or X509_V_ERR_CERT_SIGNATURE_FAILURE. */
static int signature(struct ntls_x509_verify_state *st, const struct ntls_x509_certinfo *xs,
                     const struct ntls_x509_certinfo *xi)
{
    for (size_t i = 0; i < st->memo_len; i++) {
        if (st->memo[i].subject == xs && st->memo[i].issuer == xi) {
            return st->memo[i].result;
        }
    }
    struct ntls_x509_key key;
    int result = NTLS_X509_V_ERR_UNABLE_TO_DECODE_ISSUER_PUBLIC_KEY;
    if (ntls_is_ok(ntls_x509_cert_key(xi->cert, &key))) {
        const struct ntls_x509_cert *c = xs->cert;
        bool ok = ntls_is_ok(
            ntls_x509_verify_data(&key, c->sig, c->tbs.p, c->tbs.len, c->sig_value.p, c->sig_value.len));
        result = ok ? NTLS_X509_V_OK : NTLS_X509_V_ERR_CERT_SIGNATURE_FAILURE;
        ntls_x509_key_free(&key);
    }
    if (st->memo_len == st->memo_cap) {
        size_t cap = st->memo_cap == 0 ? 16 : st->memo_cap * 2;
        struct ntls_x509_sigmemo *grown = ntls_realloc(st->memo, cap * sizeof *grown);
        if (grown == NULL) {
            return result; /* not remembered: checked again when asked again */
        }
        st->memo = grown;
        st->memo_cap = cap;
    }
    st->memo[st->memo_len++] = (struct ntls_x509_sigmemo){ xs, xi, result };
    return result;
}

/* One certificate of internal_verify: the issuer may sign certificates, the signature, the validity. */
static int verify_one(struct ntls_x509_verify_ctx *ctx, const struct ntls_x509_certinfo *xs,
                      const struct ntls_x509_certinfo *xi, int n)
{
    struct ntls_x509_verify_state *st = ctx->state;
    if (xs != xi || ((st->params.flags & NTLS_X509_V_FLAG_CHECK_SS_SIGNATURE) && (xi->flags & NTLS_CI_SS))) {
        int issuer_depth = n + (xs == xi ? 0 : 1);
        /* RFC 5280 6.1.4 (n); RFC 6818 2: not for a self-issued end-entity certificate */
        int ret = xs == xi && !(xi->flags & NTLS_CI_CA) ? NTLS_X509_V_OK : ntls_x509_ci_signing_allowed(xi);
        FAIL_IF(ret != NTLS_X509_V_OK, ctx, xi, issuer_depth, ret);
        ret = signature(st, xs, xi);
        FAIL_IF(ret == NTLS_X509_V_ERR_UNABLE_TO_DECODE_ISSUER_PUBLIC_KEY, ctx, xi, issuer_depth, ret);
        FAIL_IF(ret == NTLS_X509_V_ERR_CERT_SIGNATURE_FAILURE, ctx, xs, n, ret);
    }
    /* the anchor's validity is checked too, as OpenSSL does */
    int t = ntls_x509_time_check(st, xs);
    FAIL_IF(t != 0, ctx, xs, n, t);
    if (!st->silent && ctx->verify_cb != NULL) {
        ctx->current_issuer = xi->cert;
        ctx->current_cert = xs->cert;
        ctx->error_depth = n;
        return ctx->verify_cb(1, ctx);
    }
    return 1;
}

/* internal_verify: from the top of the chain down to the leaf. */
static int internal_verify(struct ntls_x509_verify_ctx *ctx)
{
    const struct ntls_x509_verify_state *st = ctx->state;
    int n = (int)st->path.len - 1;
    const struct ntls_x509_certinfo *xi = st->path.certs[n], *xs = xi;
    if (ntls_x509_ci_likely_issued(xi, xi) != NTLS_X509_V_OK &&
        (st->params.flags & NTLS_X509_V_FLAG_PARTIAL_CHAIN) == 0) {
        /* the top is not self-issued: its signature cannot be checked */
        if (n > 0) {
            xs = st->path.certs[--n];
        } else {
            FAIL_IF(1, ctx, xi, 0, NTLS_X509_V_ERR_UNABLE_TO_VERIFY_LEAF_SIGNATURE);
        }
    }
    while (n >= 0) {
        if (!verify_one(ctx, xs, xi, n)) {
            return 0;
        }
        if (--n >= 0) {
            xi = xs;
            xs = st->path.certs[n];
        }
    }
    return 1;
}

/* check_name_constraints: RFC 5280 6.1.3 (b), (c); self-issued intermediates are exempt (6.1.4 (b)). */
static int check_name_constraints(struct ntls_x509_verify_ctx *ctx)
{
    const struct ntls_x509_verify_state *st = ctx->state;
    size_t num = st->path.len;
    unsigned hf = st->params.hostflags;
    for (size_t k = num; k-- > 0;) {
        const struct ntls_x509_certinfo *x = st->path.certs[k];
        if (k != 0 && (x->flags & NTLS_CI_SI)) {
            continue;
        }
        for (size_t j = num; j-- > k + 1;) {
            const struct ntls_x509_cert *nc = st->path.certs[j]->cert;
            if ((nc->ext_flags & NTLS_EXT_NAME_CONSTRAINTS) == 0) {
                continue;
            }
            int rv = ntls_x509_nc_check(x, nc);
            /* the leaf's commonName is a host name to constrain too when it would be matched as one */
            if (rv == NTLS_X509_V_OK && k == 0 && !(hf & NTLS_X509_CHECK_FLAG_NEVER_CHECK_SUBJECT) &&
                ((hf & NTLS_X509_CHECK_FLAG_ALWAYS_CHECK_SUBJECT) ||
                 !ntls_x509_has_san(x->cert, NTLS_GNAME_DNS))) {
                rv = ntls_x509_nc_check_cn(x->cert, nc);
            }
            FAIL_IF(rv != NTLS_X509_V_OK, ctx, x, (int)k, rv);
        }
    }
    return 1;
}

int ntls_x509_check_path(struct ntls_x509_verify_ctx *ctx)
{
    const struct ntls_x509_verify_state *st = ctx->state;
    const struct ntls_x509_path *path = &st->path;
    /* the peer's own key first: no chain can make it stronger */
    int bits = level_bits(st);
    FAIL_IF(bits > 0 && key_security_bits(&st->infos[0].cert->spki) < bits, ctx, &st->infos[0], 0,
            NTLS_X509_V_ERR_EE_KEY_TOO_SMALL);
    FAIL_IF(path->error != NTLS_X509_V_OK, ctx, NULL, path->error_depth, path->error);
    if (!check_extensions(ctx) || !check_auth_level(ctx) || !check_id(ctx) || !internal_verify(ctx)) {
        return 0;
    }
    return check_name_constraints(ctx);
}

void ntls_x509_verify_ctx_init(struct ntls_x509_verify_ctx *ctx)
{
    memset(ctx, 0, sizeof *ctx);
}

static void state_free(struct ntls_x509_verify_state *st)
{
    if (st == NULL) {
        return;
    }
    for (size_t i = 0; i < st->info_count; i++) {
        ntls_x509_certinfo_free(&st->infos[i]);
    }
    ntls_free(st->infos);
    ntls_x509_vparams_free(&st->params);
    ntls_free(st->path.certs);
    ntls_free(st->memo);
    ntls_free(st);
}

void ntls_x509_verify_ctx_cleanup(struct ntls_x509_verify_ctx *ctx)
{
    state_free(ctx->state);
    ntls_free(ctx->chain);
    ctx->state = NULL;
    ctx->chain = NULL;
    ctx->chain_len = 0;
    ctx->num_untrusted = 0;
    ctx->error = NTLS_X509_V_OK;
    ctx->error_depth = 0;
    ctx->current_cert = NULL;
    ctx->current_issuer = NULL;
}

/* The state of a verification: the leaf and untrusted certificates worked out, the parameters with their
 * defaults resolved. */
static ntls_result state_new(const struct ntls_x509_verify_ctx *ctx, struct ntls_x509_verify_state **out)
{
    struct ntls_x509_verify_state *st = ntls_calloc(1, sizeof *st);
    NTLS_ENSURE(st != NULL, NTLS_E_NOMEM);
    ntls_x509_vparams_init(&st->params);
    size_t n = 1 + (ctx->untrusted != NULL ? ctx->untrusted_count : 0);
    st->infos = ntls_calloc(n, sizeof *st->infos);
    ntls_result r = st->infos != NULL ? ntls_ok() : ntls_error(NTLS_E_NOMEM);
    for (size_t i = 0; i < n && ntls_is_ok(r); i++) {
        r = ntls_x509_certinfo_init(&st->infos[i], i == 0 ? ctx->leaf : ctx->untrusted[i - 1]);
        st->info_count = ntls_is_ok(r) ? i + 1 : i;
    }
    if (ntls_is_ok(r) && ctx->params != NULL) {
        r = ntls_x509_vparams_copy(&st->params, ctx->params);
    }
    if (!ntls_is_ok(r)) {
        state_free(st);
        return r;
    }
    struct ntls_x509_vparams *p = &st->params;
    p->depth = p->depth < 0                  ? NTLS_X509_DEFAULT_DEPTH
               : p->depth > VERIFY_MAX_DEPTH ? VERIFY_MAX_DEPTH
                                             : p->depth;
    if (p->trust == NTLS_X509_TRUST_DEFAULT) {
        p->trust = ntls_x509_purpose_trust(p->purpose);
    }
    st->now = (int64_t)time(NULL);
    *out = st;
    return ntls_ok();
}

/* Publishes the chain chosen by the builder as certificates. */
static ntls_result publish_chain(struct ntls_x509_verify_ctx *ctx)
{
    const struct ntls_x509_path *path = &ctx->state->path;
    ctx->chain = ntls_calloc(path->len > 0 ? path->len : 1, sizeof *ctx->chain);
    NTLS_ENSURE(ctx->chain != NULL, NTLS_E_NOMEM);
    for (size_t i = 0; i < path->len; i++) {
        ctx->chain[i] = path->certs[i]->cert;
    }
    ctx->chain_len = path->len;
    ctx->num_untrusted = path->num_untrusted;
    return ntls_ok();
}

ntls_result ntls_x509_verify(struct ntls_x509_verify_ctx *ctx)
{
    if (ctx->state != NULL || ctx->chain != NULL || ctx->leaf == NULL) {
        ctx->error = NTLS_X509_V_ERR_INVALID_CALL;
        return ntls_error(NTLS_E_USAGE);
    }
    ntls_result r = state_new(ctx, &ctx->state);
    if (ntls_is_ok(r)) {
        r = ntls_x509_build(ctx);
    }
    ctx->error = NTLS_X509_V_OK;
    ctx->error_depth = 0;
    ctx->current_cert = NULL;
    ctx->current_issuer = NULL;
    if (ntls_is_ok(r)) {
        r = publish_chain(ctx);
    }
    if (!ntls_is_ok(r)) {
        ctx->error = NTLS_X509_V_ERR_OUT_OF_MEM;
        return r;
    }
    int ok = ntls_x509_check_path(ctx);
    if (ok > 0) {
        return ntls_ok(); /* the callback may have accepted errors: ctx->error tells */
    }
    if (ctx->error == NTLS_X509_V_OK) {
        ctx->error = NTLS_X509_V_ERR_UNSPECIFIED; /* a callback said stop without an error */
    }
    return ntls_error(ntls_x509_verr_class(ctx->error));
}
