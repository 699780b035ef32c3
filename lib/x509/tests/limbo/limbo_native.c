/* x509-limbo through the native API: the policy of ../shared/x509-limbo/limbo_check.c (read its header)
 * applied with verify.h instead of X509_STORE_CTX, so the path validation the OpenSSL layer will map is
 * measured before that layer exists. Reads case folders made by convert.py and prints, per case,
 * "<id> <expected> <got> [<error>@<depth>]", as limbo_check does with -DLIMBO_ERRORS.
 *
 * Usage: limbo_native -f LIST   (one case folder per line) */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "x509/verify.h"

#define MAX_CERTS 256

struct meta {
    char id[1024], expected[32], kind[32], vtime[64], peer_kind[32], peer_name[2048], depth[32];
    int n_trusted, n_intermediates;
};

static void chomp(char *s)
{
    s[strcspn(s, "\r\n")] = '\0';
}

static void field(char *dst, size_t cap, const char *src)
{
    snprintf(dst, cap, "%s", src);
}

static bool read_meta(const char *dir, struct meta *m)
{
    char path[4200], line[8192];
    snprintf(path, sizeof path, "%.4000s/meta.txt", dir);
    FILE *f = fopen(path, "r");
    if (f == NULL) {
        return false;
    }
    memset(m, 0, sizeof *m);
    while (fgets(line, sizeof line, f) != NULL) {
        chomp(line);
        char *eq = strchr(line, '=');
        if (eq == NULL) {
            continue;
        }
        *eq = '\0';
        const char *v = eq + 1;
        if (strcmp(line, "id") == 0) {
            field(m->id, sizeof m->id, v);
        } else if (strcmp(line, "expected_result") == 0) {
            field(m->expected, sizeof m->expected, v);
        } else if (strcmp(line, "validation_kind") == 0) {
            field(m->kind, sizeof m->kind, v);
        } else if (strcmp(line, "validation_time") == 0) {
            field(m->vtime, sizeof m->vtime, v);
        } else if (strcmp(line, "peer_kind") == 0) {
            field(m->peer_kind, sizeof m->peer_kind, v);
        } else if (strcmp(line, "peer_name") == 0) {
            field(m->peer_name, sizeof m->peer_name, v);
        } else if (strcmp(line, "max_chain_depth") == 0) {
            field(m->depth, sizeof m->depth, v);
        } else if (strcmp(line, "n_trusted") == 0) {
            m->n_trusted = atoi(v);
        } else if (strcmp(line, "n_intermediates") == 0) {
            m->n_intermediates = atoi(v);
        }
    }
    fclose(f);
    return m->id[0] != '\0';
}

/* Parses the certificates of dir/name in order, stopping at the first that does not parse (as
 * PEM_read_X509 does); returns how many, or -1 when the file cannot be read. */
static int load(const char *dir, const char *name, struct ntls_x509_cert *out, int cap)
{
    char path[4200];
    snprintf(path, sizeof path, "%.4000s/%.100s", dir, name);
    FILE *f = fopen(path, "rb");
    if (f == NULL) {
        return -1;
    }
    char *text = NULL, chunk[65536];
    size_t len = 0, got;
    while ((got = fread(chunk, 1, sizeof chunk, f)) > 0) {
        char *grown = realloc(text, len + got);
        if (grown == NULL) {
            break;
        }
        memcpy(grown + len, chunk, got);
        text = grown;
        len += got;
    }
    fclose(f);
    struct ntls_cur in = ntls_cur_init(text, len);
    int n = 0;
    for (;;) {
        struct ntls_pem_block block;
        bool found;
        if (n >= cap || !ntls_is_ok(ntls_pem_next(&in, "CERTIFICATE", &block, &found)) || !found) {
            break;
        }
        bool ok = ntls_is_ok(ntls_x509_cert_parse(&out[n], block.der, block.der_len));
        ntls_pem_block_free(&block);
        if (!ok) {
            break;
        }
        n++;
    }
    free(text);
    return n;
}

static void params_for(const struct meta *m, struct ntls_x509_vparams *p, const char **detail)
{
    ntls_x509_vparams_init(p);
    p->flags = NTLS_X509_V_FLAG_PARTIAL_CHAIN | NTLS_X509_V_FLAG_X509_STRICT;
    int purpose =
        strcmp(m->kind, "CLIENT") == 0 ? NTLS_X509_PURPOSE_SSL_CLIENT : NTLS_X509_PURPOSE_SSL_SERVER;
    if (!ntls_is_ok(ntls_x509_vparams_set_purpose(p, purpose))) {
        *detail = "set-purpose";
    }
    if (m->vtime[0] != '\0') {
        ntls_x509_vparams_set_time(p, strtoll(m->vtime, NULL, 10));
    }
    if (m->depth[0] != '\0') {
        p->depth = atoi(m->depth);
    }
    /* limbo_check sets the host flags only for DNS names */
    if (strcmp(m->peer_kind, "DNS") == 0 && m->peer_name[0] != '\0') {
        p->hostflags = NTLS_X509_CHECK_FLAG_NO_PARTIAL_WILDCARDS | NTLS_X509_CHECK_FLAG_NEVER_CHECK_SUBJECT;
        if (!ntls_is_ok(ntls_x509_vparams_set_host(p, m->peer_name, strlen(m->peer_name)))) {
            *detail = "set1_host";
        }
    } else if (strcmp(m->peer_kind, "IP") == 0 && m->peer_name[0] != '\0') {
        if (!ntls_is_ok(ntls_x509_vparams_set_ip_asc(p, m->peer_name))) {
            *detail = "set1_ip_asc";
        }
    }
}

static struct ntls_x509_cert trusted[MAX_CERTS], inter[MAX_CERTS], leaf[1];

/* One case: SUCCESS only when everything loads and the verification passes. */
static bool verify_case(const char *dir, const struct meta *m, char *detail, size_t cap)
{
    int nt = load(dir, "trusted.pem", trusted, MAX_CERTS),
        ni = load(dir, "intermediates.pem", inter, MAX_CERTS);
    int nl = load(dir, "leaf.pem", leaf, 1);
    const char *why = nt != m->n_trusted         ? "load:trusted"
                      : ni != m->n_intermediates ? "load:intermediates"
                      : nl != 1                  ? "load:leaf"
                                                 : NULL;
    struct ntls_x509_store *store = NULL;
    struct ntls_x509_vparams p;
    struct ntls_x509_verify_ctx ctx;
    const struct ntls_x509_cert *untrusted[MAX_CERTS];
    bool ok = false;
    params_for(m, &p, &why);
    ntls_x509_verify_ctx_init(&ctx);
    if (why == NULL && !ntls_is_ok(ntls_x509_store_new(&store))) {
        why = "alloc";
    }
    for (int i = 0; why == NULL && i < nt; i++) {
        why = ntls_is_ok(ntls_x509_store_add_cert(store, &trusted[i])) ? NULL : "load:trusted";
    }
    if (why == NULL) {
        for (int i = 0; i < ni; i++) {
            untrusted[i] = &inter[i];
        }
        ctx = (struct ntls_x509_verify_ctx){
            .store = store, .leaf = leaf, .untrusted = untrusted, .untrusted_count = (size_t)ni, .params = &p
        };
        ok = ntls_is_ok(ntls_x509_verify(&ctx)) && ctx.error == NTLS_X509_V_OK;
        detail[0] = '\0';
        if (!ok) {
            snprintf(detail, cap, "%d@%d", ctx.error, ctx.error_depth);
        }
    } else {
        snprintf(detail, cap, "%s", why);
    }
    ntls_x509_verify_ctx_cleanup(&ctx);
    ntls_x509_vparams_free(&p);
    ntls_x509_store_free(store);
    for (int i = 0; i < nt; i++) {
        ntls_x509_cert_free(&trusted[i]);
    }
    for (int i = 0; i < ni; i++) {
        ntls_x509_cert_free(&inter[i]);
    }
    if (nl > 0) {
        ntls_x509_cert_free(&leaf[0]);
    }
    return ok;
}

static void run(const char *dir)
{
    struct meta m;
    char detail[64];
    if (!read_meta(dir, &m)) {
        printf("%s UNKNOWN ERROR meta\n", dir);
        return;
    }
    bool ok = verify_case(dir, &m, detail, sizeof detail);
    printf("%s %s %s%s%s\n", m.id, m.expected, ok ? "SUCCESS" : "FAILURE", detail[0] ? " " : "", detail);
    fflush(stdout);
}

int main(int argc, char **argv)
{
    char line[4096];
    if (argc != 3 || strcmp(argv[1], "-f") != 0) {
        fprintf(stderr, "usage: limbo_native -f LIST\n");
        return 2;
    }
    FILE *f = strcmp(argv[2], "-") == 0 ? stdin : fopen(argv[2], "r");
    if (f == NULL) {
        perror(argv[2]);
        return 2;
    }
    while (fgets(line, sizeof line, f) != NULL) {
        chomp(line);
        if (line[0] != '\0') {
            run(line);
        }
    }
    if (f != stdin) {
        fclose(f);
    }
    return 0;
}
