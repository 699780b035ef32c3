/* Path validation (lib/x509/verify.c, chain.c, certinfo.c): every case of data/verify/expected.tsv, where
 * data/verify/make.sh recorded what the system `openssl verify` says (status, and every error its callback
 * saw, in order), verified again with nettls: first without a callback (the first error and its depth),
 * then with a callback that accepts the same errors `openssl verify`'s does (the whole sequence). Then the
 * API itself: the chain, the callback's view, contexts, parameters and codes. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/mem.h"
#include "testutil.h"
#include "x509/verify.h"

#define ATTIME 1750000000 /* make.sh's -attime */

struct vcase {
    char name[64], cafile[64], untrusted[256], leaf[64], opts[256], status[8], errors[128], nettls[32];
};

/* One line of expected.tsv; false at the end. */
static bool read_case(FILE *f, struct vcase *c)
{
    char line[1024];
    while (fgets(line, sizeof line, f) != NULL) {
        if (line[0] == '#' || line[0] == '\n') {
            continue;
        }
        line[strcspn(line, "\n")] = '\0';
        char *fields[8];
        size_t n = 0;
        for (char *p = line; n < 8; n++) {
            fields[n] = p;
            p = strchr(p, '\t');
            if (p == NULL) {
                n++;
                break;
            }
            *p++ = '\0';
        }
        cr_assert_eq(n, 8, "expected.tsv: a line with %zu fields", n);
        snprintf(c->name, sizeof c->name, "%s", fields[0]);
        snprintf(c->cafile, sizeof c->cafile, "%s", fields[1]);
        snprintf(c->untrusted, sizeof c->untrusted, "%s", fields[2]);
        snprintf(c->leaf, sizeof c->leaf, "%s", fields[3]);
        snprintf(c->opts, sizeof c->opts, "%s", fields[4]);
        snprintf(c->status, sizeof c->status, "%s", fields[5]);
        snprintf(c->errors, sizeof c->errors, "%s", fields[6]);
        snprintf(c->nettls, sizeof c->nettls, "%s", fields[7]);
        return true;
    }
    return false;
}

static char *verify_path(const char *file)
{
    static char buf[2][256];
    static int k;
    k ^= 1;
    snprintf(buf[k], sizeof buf[k], "verify/%s", file);
    return buf[k];
}

/* The parameters make.sh gave openssl verify. */
static void case_params(const struct vcase *c, struct ntls_x509_vparams *p)
{
    char opts[256];
    ntls_x509_vparams_init(p);
    ntls_x509_vparams_set_time(p, ATTIME);
    snprintf(opts, sizeof opts, "%s", c->opts);
    for (char *save = NULL, *o = strtok_r(opts, ",", &save); o != NULL; o = strtok_r(NULL, ",", &save)) {
        if (strncmp(o, "host=", 5) == 0) {
            cr_assert_eq(ntls_x509_vparams_add_host(p, o + 5, 0).err, NTLS_E_OK);
        } else if (strncmp(o, "ip=", 3) == 0) {
            cr_assert_eq(ntls_x509_vparams_set_ip_asc(p, o + 3).err, NTLS_E_OK, "%s", o);
        } else if (strncmp(o, "email=", 6) == 0) {
            cr_assert_eq(ntls_x509_vparams_set_email(p, o + 6, 0).err, NTLS_E_OK);
        } else if (strcmp(o, "purpose=sslserver") == 0) {
            cr_assert_eq(ntls_x509_vparams_set_purpose(p, NTLS_X509_PURPOSE_SSL_SERVER).err, NTLS_E_OK);
        } else if (strcmp(o, "purpose=sslclient") == 0) {
            cr_assert_eq(ntls_x509_vparams_set_purpose(p, NTLS_X509_PURPOSE_SSL_CLIENT).err, NTLS_E_OK);
        } else if (strcmp(o, "partial") == 0) {
            p->flags |= NTLS_X509_V_FLAG_PARTIAL_CHAIN;
        } else if (strcmp(o, "strict") == 0) {
            p->flags |= NTLS_X509_V_FLAG_X509_STRICT;
        } else if (strcmp(o, "ignore_critical") == 0) {
            p->flags |= NTLS_X509_V_FLAG_IGNORE_CRITICAL;
        } else if (strcmp(o, "noalt") == 0) {
            p->flags |= NTLS_X509_V_FLAG_NO_ALT_CHAINS;
        } else if (strncmp(o, "auth=", 5) == 0) {
            p->auth_level = atoi(o + 5);
        } else if (strncmp(o, "depth=", 6) == 0) {
            p->depth = atoi(o + 6);
        } else {
            cr_assert(strcmp(o, "-") == 0, "%s: unknown option %s", c->name, o);
        }
    }
}

/* Everything one case needs, loaded. */
struct loaded {
    struct ntls_x509_store *store;
    struct ntls_x509_cert *leaf, *untrusted[8];
    size_t leaf_n, untrusted_n[8], files;
    const struct ntls_x509_cert *uptr[32];
    size_t ucount;
    struct ntls_x509_vparams params;
};

static void load_case(const struct vcase *c, struct loaded *l)
{
    memset(l, 0, sizeof *l);
    cr_assert_eq(ntls_x509_store_new(&l->store).err, NTLS_E_OK);
    if (strcmp(c->cafile, "-") != 0) {
        size_t added;
        cr_assert_eq(ntls_x509_store_load_file(l->store, tu_path(verify_path(c->cafile)), &added).err,
                     NTLS_E_OK, "%s: %s", c->name, c->cafile);
        cr_assert_gt(added, 0);
    }
    char list[256];
    snprintf(list, sizeof list, "%s", c->untrusted);
    for (char *save = NULL, *u = strtok_r(list, ",", &save); u != NULL && strcmp(u, "-") != 0;
         u = strtok_r(NULL, ",", &save)) {
        cr_assert_lt(l->files, 8);
        l->untrusted[l->files] = tu_certs(verify_path(u), &l->untrusted_n[l->files]);
        for (size_t i = 0; i < l->untrusted_n[l->files]; i++) {
            l->uptr[l->ucount++] = &l->untrusted[l->files][i];
        }
        l->files++;
    }
    l->leaf = tu_certs(verify_path(c->leaf), &l->leaf_n);
    cr_assert_eq(l->leaf_n, 1, "%s", c->leaf);
    case_params(c, &l->params);
}

static void unload_case(struct loaded *l)
{
    for (size_t i = 0; i < l->files; i++) {
        tu_certs_free(l->untrusted[i], l->untrusted_n[i]);
    }
    tu_certs_free(l->leaf, l->leaf_n);
    ntls_x509_store_free(l->store);
    ntls_x509_vparams_free(&l->params);
}

static void ctx_for(struct ntls_x509_verify_ctx *ctx, struct loaded *l)
{
    ntls_x509_verify_ctx_init(ctx);
    ctx->store = l->store;
    ctx->leaf = l->leaf;
    ctx->untrusted = l->uptr;
    ctx->untrusted_count = l->ucount;
    ctx->params = &l->params;
}

/* apps/verify.c's callback in OpenSSL 3.0: it reports every error and continues after these. */
struct seen {
    char errors[256];
};

static int openssl_verify_cb(int ok, struct ntls_x509_verify_ctx *ctx)
{
    static const int accepted[] = { 43, 10, 18, 79, 37, 25, 12, 11, 34, 26, 80, 81, 89,
                                    92, 82, 83, 84, 88, 87, 78, 90, 91, 85, 86, 93 };
    struct seen *s = ctx->user;
    if (ok) {
        return ok;
    }
    size_t len = strlen(s->errors);
    snprintf(s->errors + len, sizeof s->errors - len, "%s%d@%d", len > 0 ? ";" : "", ctx->error,
             ctx->error_depth);
    for (size_t i = 0; i < sizeof accepted / sizeof accepted[0]; i++) {
        if (ctx->error == accepted[i]) {
            return 1;
        }
    }
    return 0;
}

/* The first "N@D" of a list, or "OK" for "-". */
static void first_error(const char *errors, char *out, size_t cap)
{
    if (strcmp(errors, "-") == 0) {
        snprintf(out, cap, "OK");
        return;
    }
    snprintf(out, cap, "%.*s", (int)strcspn(errors, ";"), errors);
}

static void run_case(const struct vcase *c)
{
    struct loaded l;
    struct ntls_x509_verify_ctx ctx;
    char want[32], got[32];
    load_case(c, &l);

    /* 1. no callback: the first error stops the verification */
    ctx_for(&ctx, &l);
    ntls_result r = ntls_x509_verify(&ctx);
    if (ntls_is_ok(r)) {
        cr_expect_eq(ctx.error, NTLS_X509_V_OK, "%s", c->name);
        snprintf(got, sizeof got, "OK");
    } else {
        cr_expect_eq(r.err, ntls_x509_verr_class(ctx.error), "%s", c->name);
        snprintf(got, sizeof got, "%d@%d", ctx.error, ctx.error_depth);
        cr_expect_not_null(ctx.current_cert, "%s", c->name);
    }
    if (strcmp(c->nettls, "=") == 0) {
        first_error(c->errors, want, sizeof want);
        if (strcmp(c->status, "OK") != 0 && strcmp(want, "OK") == 0) {
            snprintf(want, sizeof want, "FAIL");
        }
    } else {
        snprintf(want, sizeof want, "%s", c->nettls);
    }
    cr_expect_str_eq(got, want, "%s: openssl verify says %s (%s), nettls %s", c->name, c->status, c->errors,
                     got);
    ntls_x509_verify_ctx_cleanup(&ctx);

    /* 2. `openssl verify`'s callback: the same errors in the same order, and the same verdict */
    if (strcmp(c->nettls, "=") == 0) {
        struct seen s = { "" };
        ctx_for(&ctx, &l);
        ctx.verify_cb = openssl_verify_cb;
        ctx.user = &s;
        r = ntls_x509_verify(&ctx);
        bool ok = ntls_is_ok(r) && ctx.error == NTLS_X509_V_OK;
        cr_expect_str_eq(s.errors[0] ? s.errors : "-", c->errors, "%s: callback saw %s", c->name, s.errors);
        cr_expect_eq(ok, strcmp(c->status, "OK") == 0, "%s: callback verdict", c->name);
        ntls_x509_verify_ctx_cleanup(&ctx);
    }
    unload_case(&l);
}

Test(verify, openssl_verify_cases)
{
    size_t len;
    free(tu_read("verify/expected.tsv", &len)); /* fails clearly when the fixtures are missing */
    FILE *f = fopen(tu_path("verify/expected.tsv"), "r");
    cr_assert_not_null(f);
    struct vcase c;
    size_t n = 0;
    while (read_case(f, &c)) {
        run_case(&c);
        n++;
    }
    fclose(f);
    cr_assert_geq(n, 60, "expected.tsv holds %zu cases", n);
}

/* A case by name, loaded. */
static void load_named(const char *name, struct loaded *l)
{
    FILE *f = fopen(tu_path("verify/expected.tsv"), "r");
    cr_assert_not_null(f);
    struct vcase c;
    bool found = false;
    while (!found && read_case(f, &c)) {
        found = strcmp(c.name, name) == 0;
    }
    fclose(f);
    cr_assert(found, "no case %s", name);
    load_case(&c, l);
}

static const char *cn_of(const struct ntls_x509_cert *cert)
{
    static char buf[128];
    size_t pos = 0;
    const struct ntls_x509_name_entry *e = ntls_x509_name_next(&cert->subject, NTLS_OID_CN, &pos);
    cr_assert_not_null(e);
    snprintf(buf, sizeof buf, "%.*s", (int)e->value.len, (const char *)e->value.p);
    return buf;
}

Test(verify, chain_points_to_inputs_and_store)
{
    struct loaded l;
    struct ntls_x509_verify_ctx ctx;
    load_named("chain", &l);
    ctx_for(&ctx, &l);
    cr_assert_eq(ntls_x509_verify(&ctx).err, NTLS_E_OK);
    cr_assert_eq(ctx.chain_len, 3);
    cr_assert_eq(ctx.num_untrusted, 2);
    cr_assert_eq(ctx.chain[0], l.leaf, "the leaf is the caller's");
    cr_assert_eq(ctx.chain[1], l.uptr[0], "the intermediate is the caller's");
    cr_assert_eq(ctx.chain[2], ntls_x509_store_get(l.store, 0), "the root is the store's");
    /* a context is used once: reuse without cleanup is refused */
    cr_assert_eq(ntls_x509_verify(&ctx).err, NTLS_E_USAGE);
    cr_assert_eq(ctx.error, NTLS_X509_V_ERR_INVALID_CALL);
    ntls_x509_verify_ctx_cleanup(&ctx);
    cr_assert_null(ctx.chain);
    cr_assert_eq(ntls_x509_verify(&ctx).err, NTLS_E_OK, "after cleanup it can run again");
    ntls_x509_verify_ctx_cleanup(&ctx);
    ctx.leaf = NULL;
    cr_assert_eq(ntls_x509_verify(&ctx).err, NTLS_E_USAGE);
    unload_case(&l);
}

struct trace {
    int oks[8], n_ok, errs[8], n_err;
    bool accept, reset;
    const struct ntls_x509_cert *issuers[8];
};

static int tracing_cb(int ok, struct ntls_x509_verify_ctx *ctx)
{
    struct trace *t = ctx->user;
    if (ok) {
        cr_assert_lt(t->n_ok, 8);
        t->issuers[t->n_ok] = ctx->current_issuer;
        t->oks[t->n_ok++] = ctx->error_depth;
        cr_assert_eq(ctx->current_cert, ctx->chain[ctx->error_depth]);
        return 1;
    }
    cr_assert_lt(t->n_err, 8);
    t->errs[t->n_err++] = ctx->error;
    if (t->reset) {
        ctx->error = NTLS_X509_V_OK;
    }
    return t->accept || t->reset;
}

Test(verify, callback_sees_each_certificate_from_the_root_down)
{
    struct loaded l;
    struct ntls_x509_verify_ctx ctx;
    struct trace t = { .n_ok = 0 };
    load_named("chain", &l);
    ctx_for(&ctx, &l);
    ctx.verify_cb = tracing_cb;
    ctx.user = &t;
    cr_assert_eq(ntls_x509_verify(&ctx).err, NTLS_E_OK);
    cr_assert_eq(t.n_err, 0);
    cr_assert_eq(t.n_ok, 3);
    cr_assert_eq(t.oks[0], 2);
    cr_assert_eq(t.oks[1], 1);
    cr_assert_eq(t.oks[2], 0);
    cr_assert_eq(t.issuers[0], ctx.chain[2], "the self-signed root is its own issuer");
    cr_assert_eq(t.issuers[2], ctx.chain[1]);
    ntls_x509_verify_ctx_cleanup(&ctx);
    unload_case(&l);
}

Test(verify, callback_can_accept_or_clear_an_error)
{
    struct loaded l;
    struct ntls_x509_verify_ctx ctx;
    load_named("expired", &l);

    struct trace t = { .accept = true };
    ctx_for(&ctx, &l);
    ctx.verify_cb = tracing_cb;
    ctx.user = &t;
    cr_assert_eq(ntls_x509_verify(&ctx).err, NTLS_E_OK, "accepted: the verification runs to its end");
    cr_assert_eq(ctx.error, NTLS_X509_V_ERR_CERT_HAS_EXPIRED, "... and the error stays");
    cr_assert_eq(t.n_err, 1);
    cr_assert_eq(t.n_ok, 3);
    ntls_x509_verify_ctx_cleanup(&ctx);

    struct trace t2 = { .reset = true };
    ctx_for(&ctx, &l);
    ctx.verify_cb = tracing_cb;
    ctx.user = &t2;
    cr_assert_eq(ntls_x509_verify(&ctx).err, NTLS_E_OK);
    cr_assert_eq(ctx.error, NTLS_X509_V_OK, "cleared by the callback");
    ntls_x509_verify_ctx_cleanup(&ctx);

    struct trace t3 = { .accept = false };
    ctx_for(&ctx, &l);
    ctx.verify_cb = tracing_cb;
    ctx.user = &t3;
    cr_assert_eq(ntls_x509_verify(&ctx).err, NTLS_E_CERT_EXPIRED);
    cr_assert_eq(t3.n_ok, 2, "stopped at the leaf, after the root and the intermediate");
    ntls_x509_verify_ctx_cleanup(&ctx);

    l.params.flags |= NTLS_X509_V_FLAG_NO_CHECK_TIME;
    l.params.flags &= ~NTLS_X509_V_FLAG_USE_CHECK_TIME;
    ctx_for(&ctx, &l);
    cr_assert_eq(ntls_x509_verify(&ctx).err, NTLS_E_OK, "NO_CHECK_TIME");
    ntls_x509_verify_ctx_cleanup(&ctx);
    unload_case(&l);
}

Test(verify, validity_bounds_are_inclusive)
{
    struct loaded l;
    struct ntls_x509_verify_ctx ctx;
    load_named("notyet", &l); /* 2100-01-01 .. 2110-01-01, under CAs valid 2024 .. 2124 */
    const int64_t not_before = 4102444800, not_after = 4417977600;
    const int64_t times[] = { not_before - 1, not_before, not_after, not_after + 1 };
    const int want[] = { NTLS_X509_V_ERR_CERT_NOT_YET_VALID, 0, 0, NTLS_X509_V_ERR_CERT_HAS_EXPIRED };
    for (size_t i = 0; i < 4; i++) {
        ntls_x509_vparams_set_time(&l.params, times[i]);
        ctx_for(&ctx, &l);
        ntls_result r = ntls_x509_verify(&ctx);
        cr_expect_eq(r.err, ntls_x509_verr_class(ctx.error));
        cr_expect_eq(ctx.error, want[i], "at %lld", (long long)times[i]);
        ntls_x509_verify_ctx_cleanup(&ctx);
    }
    unload_case(&l);
}

Test(verify, alternative_chain_through_the_cross_certificate)
{
    struct loaded l;
    struct ntls_x509_verify_ctx ctx;
    load_named("cross-both-untrusted", &l);
    ctx_for(&ctx, &l);
    cr_assert_eq(ntls_x509_verify(&ctx).err, NTLS_E_OK);
    cr_assert_eq(ctx.chain_len, 3);
    cr_assert_eq(ctx.chain[1], l.uptr[1], "rootB-by-A, not the self-signed rootB listed first");
    cr_assert_str_eq(cn_of(ctx.chain[2]), "nettls Root A");
    ntls_x509_verify_ctx_cleanup(&ctx);

    l.params.flags |= NTLS_X509_V_FLAG_NO_ALT_CHAINS;
    ctx_for(&ctx, &l);
    cr_assert_eq(ntls_x509_verify(&ctx).err, NTLS_E_UNKNOWN_CA);
    cr_assert_eq(ctx.error, NTLS_X509_V_ERR_SELF_SIGNED_CERT_IN_CHAIN);
    cr_assert_eq(ctx.chain[1], l.uptr[0], "OpenSSL's chain: the self-signed rootB");
    ntls_x509_verify_ctx_cleanup(&ctx);
    unload_case(&l);
}

Test(verify, several_issuers_with_one_name_tried_in_turn)
{
    struct loaded l;
    struct ntls_x509_verify_ctx ctx;
    struct trace t = { .n_ok = 0 };
    load_named("dup-name", &l);
    ctx_for(&ctx, &l);
    ctx.verify_cb = tracing_cb;
    ctx.user = &t;
    cr_assert_eq(ntls_x509_verify(&ctx).err, NTLS_E_OK);
    cr_assert_eq(t.n_err, 0, "the failed first candidate is not reported to the callback");
    cr_assert_eq(ctx.chain[1], ntls_x509_store_get(l.store, 1), "the second Dup CA signed the leaf");
    ntls_x509_verify_ctx_cleanup(&ctx);
    unload_case(&l);
}

Test(verify, depth_limit_counts_intermediates)
{
    struct loaded l;
    struct ntls_x509_verify_ctx ctx;
    load_named("pathlen-exceeded", &l);
    l.params.flags = NTLS_X509_V_FLAG_USE_CHECK_TIME;
    const int depths[] = { 0, 1, 2 };
    const int want[] = { NTLS_X509_V_ERR_CERT_CHAIN_TOO_LONG, NTLS_X509_V_ERR_CERT_CHAIN_TOO_LONG,
                         NTLS_X509_V_ERR_PATH_LENGTH_EXCEEDED };
    for (size_t i = 0; i < 3; i++) {
        l.params.depth = depths[i];
        ctx_for(&ctx, &l);
        ntls_result r = ntls_x509_verify(&ctx);
        cr_expect_eq(r.err, ntls_x509_verr_class(ctx.error));
        cr_expect_eq(ctx.error, want[i], "depth %d", depths[i]);
        ntls_x509_verify_ctx_cleanup(&ctx);
    }
    unload_case(&l);
}

Test(verify, no_store_trusts_nothing)
{
    struct ntls_x509_verify_ctx ctx;
    size_t n;
    struct ntls_x509_cert *leaf = tu_certs("verify/leaf-direct.pem", &n);
    ntls_x509_verify_ctx_init(&ctx);
    ctx.leaf = leaf;
    cr_assert_eq(ntls_x509_verify(&ctx).err, NTLS_E_UNKNOWN_CA);
    cr_assert_eq(ctx.error, NTLS_X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT_LOCALLY);
    cr_assert_eq(ctx.error_depth, 0);
    cr_assert_eq(ctx.current_cert, leaf);
    ntls_x509_verify_ctx_cleanup(&ctx);
    tu_certs_free(leaf, n);
}

Test(verify, parameters)
{
    struct ntls_x509_vparams p, q;
    ntls_x509_vparams_init(&p);
    ntls_x509_vparams_init(&q);
    cr_assert_eq(p.depth, -1);
    cr_assert_eq(ntls_x509_vparams_set_host(&p, "a.example", 0).err, NTLS_E_OK);
    cr_assert_eq(ntls_x509_vparams_add_host(&p, "b.example\0", 10).err, NTLS_E_OK, "a final NUL is dropped");
    cr_assert_eq(p.host_count, 2);
    cr_assert_str_eq(p.hosts[1], "b.example");
    cr_assert_eq(ntls_x509_vparams_add_host(&p, "c\0d", 3).err, NTLS_E_USAGE, "an inner NUL is refused");
    cr_assert_eq(ntls_x509_vparams_set_email(&p, "x@example.com", 0).err, NTLS_E_OK);
    cr_assert_eq(ntls_x509_vparams_set_ip_asc(&p, "10.1.2.3").err, NTLS_E_OK);
    cr_assert_eq(p.ip_len, 4);
    cr_assert_eq(ntls_x509_vparams_set_ip_asc(&p, "10.1.2").err, NTLS_E_USAGE);
    cr_assert_eq(ntls_x509_vparams_set_ip(&p, (const uint8_t *)"12345", 5).err, NTLS_E_USAGE);
    cr_assert_eq(ntls_x509_vparams_set_purpose(&p, 5).err, NTLS_E_USAGE, "S/MIME is not implemented");
    cr_assert_eq(ntls_x509_vparams_set_purpose(&p, NTLS_X509_PURPOSE_SSL_CLIENT).err, NTLS_E_OK);
    ntls_x509_vparams_set_time(&p, 42);
    cr_assert(p.flags & NTLS_X509_V_FLAG_USE_CHECK_TIME);

    cr_assert_eq(ntls_x509_vparams_copy(&q, &p).err, NTLS_E_OK);
    cr_assert_eq(q.host_count, 2);
    cr_assert_neq(q.hosts, p.hosts, "a deep copy");
    cr_assert_str_eq(q.hosts[0], "a.example");
    cr_assert_str_eq(q.email, "x@example.com");
    cr_assert_eq(q.check_time, 42);
    cr_assert_eq(q.purpose, NTLS_X509_PURPOSE_SSL_CLIENT);

    cr_assert_eq(ntls_x509_vparams_set_host(&p, NULL, 0).err, NTLS_E_OK);
    cr_assert_eq(p.host_count, 0, "set with NULL clears");
    ntls_x509_vparams_free(&p);
    ntls_x509_vparams_free(&q);
    cr_assert_null(q.hosts);
}

Test(verify, codes_and_texts)
{
    cr_assert_str_eq(ntls_x509_verr_string(NTLS_X509_V_OK), "ok");
    cr_assert_str_eq(ntls_x509_verr_string(NTLS_X509_V_ERR_HOSTNAME_MISMATCH), "hostname mismatch");
    cr_assert_str_eq(ntls_x509_verr_string(NTLS_X509_V_ERR_INVALID_CA), "invalid CA certificate");
    cr_assert_str_eq(ntls_x509_verr_string(-1), "unknown certificate verification error");
    cr_assert_str_eq(ntls_x509_verr_string(1000), "unknown certificate verification error");
    cr_assert_eq(ntls_x509_verr_class(NTLS_X509_V_OK), NTLS_E_OK);
    cr_assert_eq(ntls_x509_verr_class(NTLS_X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT_LOCALLY), NTLS_E_UNKNOWN_CA);
    cr_assert_eq(ntls_x509_verr_class(NTLS_X509_V_ERR_CERT_HAS_EXPIRED), NTLS_E_CERT_EXPIRED);
    cr_assert_eq(ntls_x509_verr_class(NTLS_X509_V_ERR_HOSTNAME_MISMATCH), NTLS_E_BAD_CERTIFICATE);
    cr_assert_eq(ntls_x509_verr_class(NTLS_X509_V_ERR_OUT_OF_MEM), NTLS_E_NOMEM);
}
