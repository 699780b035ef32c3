/* Trust stores (lib/x509/store.c): PEM files loaded all or nothing, duplicates, OpenSSL trust settings,
 * hashed directories read only when a name is looked up (as `openssl rehash` lays them out, including two
 * certificates with one name hash), the system defaults through SSL_CERT_FILE and SSL_CERT_DIR, and many
 * threads verifying against one store. */
#include <criterion/criterion.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "testutil.h"
#include "x509/verify.h"

static struct ntls_x509_store *new_store(void)
{
    struct ntls_x509_store *s;
    cr_assert_eq(ntls_x509_store_new(&s).err, NTLS_E_OK);
    return s;
}

Test(store, file_and_duplicates)
{
    struct ntls_x509_store *s = new_store();
    size_t added = 0;
    cr_assert_eq(ntls_x509_store_count(s), 0);
    cr_assert_eq(ntls_x509_store_load_file(s, tu_path("verify/dup-both.pem"), &added).err, NTLS_E_OK);
    cr_assert_eq(added, 2);
    cr_assert_eq(ntls_x509_store_count(s), 2);
    cr_assert_eq(ntls_x509_store_load_file(s, tu_path("verify/dup2.pem"), &added).err, NTLS_E_OK);
    cr_assert_eq(ntls_x509_store_count(s), 2, "the same certificate is kept once");

    struct ntls_x509_cert root;
    tu_cert("verify/root.pem", &root);
    cr_assert_eq(ntls_x509_store_add_cert(s, &root).err, NTLS_E_OK);
    cr_assert_eq(ntls_x509_store_add_cert(s, &root).err, NTLS_E_OK);
    cr_assert_eq(ntls_x509_store_count(s), 3);
    const struct ntls_x509_cert *got = ntls_x509_store_get(s, 2);
    cr_assert_not_null(got);
    cr_assert_neq(got, &root, "the store keeps a copy");
    cr_assert_eq(got->der_len, root.der_len);
    cr_assert_eq(memcmp(got->der, root.der, root.der_len), 0);
    cr_assert_null(ntls_x509_store_get(s, 3));

    const struct ntls_x509_cert *found[4];
    cr_assert_eq(ntls_x509_store_find(s, &root.subject, found, 4), 1);
    cr_assert_eq(found[0], got);
    struct ntls_x509_cert dup;
    tu_cert("verify/dup1.pem", &dup);
    cr_assert_eq(ntls_x509_store_find(s, &dup.subject, found, 1), 2, "two match, one fits");
    cr_assert_eq(found[0], ntls_x509_store_get(s, 0));
    ntls_x509_cert_free(&dup);
    ntls_x509_cert_free(&root);
    ntls_x509_store_free(s);
}

Test(store, pem_is_all_or_nothing)
{
    struct ntls_x509_store *s = new_store();
    size_t len, added = 99;
    uint8_t *good = tu_read("verify/root.pem", &len);
    /* a second block whose base64 decodes but is not a certificate */
    const char *bad = "-----BEGIN CERTIFICATE-----\nMAMCAQE=\n-----END CERTIFICATE-----\n";
    size_t both_len = len + strlen(bad);
    char *both = malloc(both_len + 1);
    cr_assert_not_null(both);
    memcpy(both, good, len);
    memcpy(both + len, bad, strlen(bad) + 1);
    cr_assert_eq(ntls_x509_store_load_pem(s, both, both_len, &added).err, NTLS_E_BAD_CERTIFICATE);
    cr_assert_eq(ntls_x509_store_count(s), 0, "nothing added");
    cr_assert_eq(added, 99, "not written on failure");

    const char *none =
        "no certificate here\n-----BEGIN DH PARAMETERS-----\nMAMCAQI=\n-----END DH PARAMETERS-----\n";
    cr_assert_eq(ntls_x509_store_load_pem(s, none, strlen(none), NULL).err, NTLS_E_DECODE);
    const char *broken = "-----BEGIN CERTIFICATE-----\n!!!!\n-----END CERTIFICATE-----\n";
    cr_assert_eq(ntls_x509_store_load_pem(s, broken, strlen(broken), NULL).err, NTLS_E_DECODE);
    cr_assert_eq(ntls_x509_store_load_file(s, tu_path("verify/no-such-file.pem"), NULL).err, NTLS_E_USAGE);

    cr_assert_eq(ntls_x509_store_load_pem(s, (const char *)good, len, &added).err, NTLS_E_OK);
    cr_assert_eq(added, 1);
    free(both);
    free(good);
    ntls_x509_store_free(s);
}

Test(store, trusted_certificate_settings)
{
    struct ntls_x509_store *s = new_store();
    uint32_t trust = 0, reject = 0;
    cr_assert_eq(ntls_x509_store_load_file(s, tu_path("ca-rsa-trusted.pem"), NULL).err, NTLS_E_OK);
    cr_assert_eq(ntls_x509_store_load_file(s, tu_path("ca-rsa.pem"), NULL).err, NTLS_E_OK);
    cr_assert_eq(ntls_x509_store_count(s), 1, "TRUSTED CERTIFICATE holds the same certificate");
    cr_assert(ntls_x509_store_get_aux(s, 0, &trust, &reject));
    cr_assert_eq(trust, NTLS_X509_AUX_SERVER_AUTH, "-addtrust serverAuth");
    cr_assert_eq(reject, 0);
    ntls_x509_store_free(s);

    s = new_store();
    cr_assert_eq(ntls_x509_store_load_file(s, tu_path("ca-rsa.pem"), NULL).err, NTLS_E_OK);
    cr_assert_not(ntls_x509_store_get_aux(s, 0, &trust, &reject), "a plain CERTIFICATE has none");
    ntls_x509_store_free(s);
}

/* Verifies verify/leaf.pem (through inter.pem, in the store or the directory) against store s. */
static int verify_leaf(struct ntls_x509_store *s, bool give_inter)
{
    size_t nl, ni;
    struct ntls_x509_cert *leaf = tu_certs("verify/leaf.pem", &nl);
    struct ntls_x509_cert *inter = tu_certs("verify/inter.pem", &ni);
    const struct ntls_x509_cert *u[1] = { inter };
    struct ntls_x509_vparams p;
    struct ntls_x509_verify_ctx ctx;
    ntls_x509_vparams_init(&p);
    ntls_x509_vparams_set_time(&p, 1750000000);
    ntls_x509_verify_ctx_init(&ctx);
    ctx.store = s;
    ctx.leaf = leaf;
    ctx.untrusted = give_inter ? u : NULL;
    ctx.untrusted_count = give_inter ? 1 : 0;
    ctx.params = &p;
    ntls_result r = ntls_x509_verify(&ctx);
    cr_expect_eq(r.err, ntls_x509_verr_class(ctx.error));
    int err = ctx.error;
    ntls_x509_verify_ctx_cleanup(&ctx);
    ntls_x509_vparams_free(&p);
    tu_certs_free(leaf, nl);
    tu_certs_free(inter, ni);
    return err;
}

Test(store, hashed_directory_is_read_lazily)
{
    struct ntls_x509_store *s = new_store();
    cr_assert_eq(ntls_x509_store_add_dir(s, tu_path("verify/hashdir")).err, NTLS_E_OK);
    cr_assert_eq(ntls_x509_store_count(s), 0, "nothing read yet");
    cr_assert_eq(verify_leaf(s, false), NTLS_X509_V_OK, "inter.pem and root.pem come from the directory");
    cr_assert_eq(ntls_x509_store_count(s), 2, "only the files of the names looked up");
    cr_assert_eq(verify_leaf(s, true), NTLS_X509_V_OK);
    cr_assert_eq(ntls_x509_store_count(s), 2);

    /* "<hash>.0" and "<hash>.1" for two CAs with one name */
    struct ntls_x509_cert dup;
    const struct ntls_x509_cert *found[4];
    tu_cert("verify/dup1.pem", &dup);
    cr_assert_eq(ntls_x509_store_find(s, &dup.subject, found, 4), 2);
    cr_assert_eq(ntls_x509_store_count(s), 4);
    ntls_x509_cert_free(&dup);
    ntls_x509_store_free(s);
}

Test(store, several_directories_and_missing_ones)
{
    char dirs[2048];
    struct ntls_x509_store *s = new_store();
    snprintf(dirs, sizeof dirs, "%s:", tu_path("verify/no-such-dir"));
    strncat(dirs, tu_path("verify/hashdir"), sizeof dirs - strlen(dirs) - 1);
    cr_assert_eq(ntls_x509_store_add_dir(s, dirs).err, NTLS_E_OK);
    cr_assert_eq(ntls_x509_store_add_dir(s, tu_path("verify/hashdir")).err, NTLS_E_OK, "again: no change");
    cr_assert_eq(verify_leaf(s, true), NTLS_X509_V_OK);
    ntls_x509_store_free(s);

    s = new_store();
    cr_assert_eq(ntls_x509_store_add_dir(s, tu_path("verify/no-such-dir")).err, NTLS_E_OK);
    cr_assert_eq(verify_leaf(s, true), NTLS_X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT_LOCALLY);
    ntls_x509_store_free(s);
}

Test(store, system_defaults_follow_the_environment)
{
    struct ntls_x509_store *s = new_store();
    char file[1024];
    snprintf(file, sizeof file, "%s", tu_path("verify/rootA.pem"));
    cr_assert_eq(setenv("SSL_CERT_FILE", file, 1), 0);
    cr_assert_eq(setenv("SSL_CERT_DIR", tu_path("verify/hashdir"), 1), 0);
    cr_assert_eq(ntls_x509_store_load_system(s).err, NTLS_E_OK);
    cr_assert_eq(ntls_x509_store_count(s), 1, "the file now, the directory later");
    cr_assert_eq(verify_leaf(s, false), NTLS_X509_V_OK);
    ntls_x509_store_free(s);

    s = new_store();
    cr_assert_eq(setenv("SSL_CERT_FILE", tu_path("verify/no-such-file.pem"), 1), 0);
    cr_assert_eq(setenv("SSL_CERT_DIR", tu_path("verify/no-such-dir"), 1), 0);
    cr_assert_eq(ntls_x509_store_load_system(s).err, NTLS_E_OK, "missing defaults are not an error");
    cr_assert_eq(ntls_x509_store_count(s), 0);
    ntls_x509_store_free(s);
    unsetenv("SSL_CERT_FILE");
    unsetenv("SSL_CERT_DIR");
}

static void *verify_many(void *arg)
{
    struct ntls_x509_store *s = arg;
    for (int i = 0; i < 20; i++) {
        if (verify_leaf(s, i % 2 == 0) != NTLS_X509_V_OK) {
            return (void *)1;
        }
    }
    return NULL;
}

Test(store, concurrent_verifications_share_one_store)
{
    struct ntls_x509_store *s = new_store();
    pthread_t threads[4];
    cr_assert_eq(ntls_x509_store_add_dir(s, tu_path("verify/hashdir")).err, NTLS_E_OK);
    for (size_t i = 0; i < 4; i++) {
        cr_assert_eq(pthread_create(&threads[i], NULL, verify_many, s), 0);
    }
    for (size_t i = 0; i < 4; i++) {
        void *ret;
        cr_assert_eq(pthread_join(threads[i], &ret), 0);
        cr_expect_null(ret, "thread %zu saw a failure", i);
    }
    cr_assert_eq(ntls_x509_store_count(s), 2, "each directory file read once");
    ntls_x509_store_free(s);
}

/* Every root of the system bundle found again through /etc/ssl/certs' hash links (written by
 * update-ca-certificates with `openssl rehash`): real-world names, hashed as OpenSSL hashes them. */
Test(store, system_directory_hashes_match_openssl)
{
    const char *bundle = "/etc/ssl/certs/ca-certificates.crt";
    FILE *f = fopen(bundle, "r");
    if (f == NULL) {
        cr_skip_test("no %s on this machine", bundle);
    }
    fclose(f);
    struct ntls_x509_store *all = new_store(), *dir = new_store();
    size_t n = 0;
    cr_assert_eq(ntls_x509_store_load_file(all, bundle, &n).err, NTLS_E_OK);
    cr_assert_gt(n, 10);
    cr_assert_eq(ntls_x509_store_add_dir(dir, "/etc/ssl/certs").err, NTLS_E_OK);
    struct ntls_x509_vparams p;
    ntls_x509_vparams_init(&p);
    p.flags = NTLS_X509_V_FLAG_PARTIAL_CHAIN | NTLS_X509_V_FLAG_NO_CHECK_TIME;
    for (size_t i = 0; i < ntls_x509_store_count(all); i++) {
        struct ntls_x509_verify_ctx ctx;
        ntls_x509_verify_ctx_init(&ctx);
        ctx.store = dir;
        ctx.leaf = ntls_x509_store_get(all, i);
        ctx.params = &p;
        ntls_result r = ntls_x509_verify(&ctx);
        cr_expect_eq(r.err, NTLS_E_OK, "bundle certificate %zu: error %d", i, ctx.error);
        ntls_x509_verify_ctx_cleanup(&ctx);
    }
    ntls_x509_vparams_free(&p);
    ntls_x509_store_free(all);
    ntls_x509_store_free(dir);
}
