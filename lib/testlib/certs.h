/* nettls test library: the fixture certificates and keys of lib/x509/tests/data as engine identities. */
#ifndef NTLS_TESTLIB_CERTS_H
#define NTLS_TESTLIB_CERTS_H

#include <stdbool.h>

#include "core/conn.h"

#define NTLS_TEST_CHAIN_MAX 4

struct ntls_test_identity {
    struct ntls_x509_cert certs[NTLS_TEST_CHAIN_MAX];
    struct ntls_x509_cert *chain[NTLS_TEST_CHAIN_MAX];
    size_t n;
    struct ntls_x509_key key;
    struct ntls_identity id; /* points into the fields above */
};

/* Loads the certificates of cert_file (leaf first) and the private key of key_file, both names relative to
 * the fixture directory. False when anything fails. */
bool ntls_test_identity_load(struct ntls_test_identity *t, const char *cert_file, const char *key_file);
void ntls_test_identity_free(struct ntls_test_identity *t);

/* The bytes of a fixture file (NUL-terminated; free with free()), or NULL. */
char *ntls_test_read_file(const char *name, size_t *len);

#endif
