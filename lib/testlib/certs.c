#include "certs.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

char *ntls_test_read_file(const char *name, size_t *len)
{
    char path[1024];
    snprintf(path, sizeof path, "%s/%s", NTLS_TEST_DATA, name);
    FILE *f = fopen(path, "rb");
    if (f == NULL) {
        return NULL;
    }
    char *buf = NULL;
    size_t cap = 0, n = 0, got;
    do {
        if (n + 4096 + 1 > cap) {
            cap = 2 * cap + 4096 + 1;
            char *grown = realloc(buf, cap);
            if (grown == NULL) {
                free(buf);
                fclose(f);
                return NULL;
            }
            buf = grown;
        }
        got = fread(buf + n, 1, cap - n - 1, f);
        n += got;
    } while (got > 0);
    fclose(f);
    buf[n] = '\0';
    *len = n;
    return buf;
}

static bool load_chain(struct ntls_test_identity *t, const char *text, size_t len)
{
    struct ntls_cur in = ntls_cur_init(text, len);
    while (t->n < NTLS_TEST_CHAIN_MAX) {
        struct ntls_pem_block block;
        bool found;
        if (!ntls_is_ok(ntls_pem_next(&in, "CERTIFICATE", &block, &found)) || !found) {
            break;
        }
        ntls_result r = ntls_x509_cert_parse(&t->certs[t->n], block.der, block.der_len);
        ntls_pem_block_free(&block);
        if (!ntls_is_ok(r)) {
            return false;
        }
        t->chain[t->n] = &t->certs[t->n];
        t->n++;
    }
    return t->n > 0;
}

bool ntls_test_identity_load(struct ntls_test_identity *t, const char *cert_file, const char *key_file)
{
    memset(t, 0, sizeof *t);
    size_t clen, klen;
    char *certs = ntls_test_read_file(cert_file, &clen);
    char *key = ntls_test_read_file(key_file, &klen);
    bool ok = certs != NULL && key != NULL && load_chain(t, certs, clen) &&
              ntls_is_ok(ntls_x509_key_from_pem(&t->key, key, klen, NULL, 0));
    free(certs);
    free(key);
    t->id = (struct ntls_identity){ t->chain, t->n, &t->key };
    return ok;
}

void ntls_test_identity_free(struct ntls_test_identity *t)
{
    for (size_t i = 0; i < t->n; i++) {
        ntls_x509_cert_free(&t->certs[i]);
    }
    ntls_x509_key_free(&t->key);
    memset(t, 0, sizeof *t);
}
