/* nettls: declarations private to lib/compat, the layer that gives the native code OpenSSL's names and
 * semantics.
 *
 * The compat objects are linked into the two shipped libraries; only the names listed in libcrypto.map
 * and libssl.map leave them. Everything declared here stays inside. */
#ifndef NTLS_COMPAT_INTERNAL_H
#define NTLS_COMPAT_INTERNAL_H

#include <stdatomic.h>
#include <stdbool.h>

#include <openssl/ossl_typ.h>

#include "base/err.h"
#include "x509/x509.h"

/* ---------------------------------------------------------------------------------------------------- */
/* Error strings and the native-error table (err_reasons.c). This file is linked into both halves: the
 * crypto half answers ERR_*_error_string() from it, the ssl half maps engine errors with it. */

/* "SSL routines" for ERR_LIB_SSL, ...; NULL for a library without a name. */
const char *ntls_compat_lib_string(int lib);
/* The name of a function code, NULL when unknown (most codes: nettls names few functions). */
const char *ntls_compat_func_string(int lib, int func);
/* The text of a reason: lib's own table first, then the reasons common to every library (ERR_R_*);
 * system errors (ERR_LIB_SYS) read as strerror() does. NULL when unknown. */
const char *ntls_compat_reason_string(int lib, int reason);

/* The ERR_LIB_SSL (or common ERR_R_*) reason under which a failure of the native engine is reported.
 * 0 for the transient codes (want read/write, closed) and for NTLS_E_PEER_ALERT, which is reported as
 * SSL_AD_REASON_OFFSET + the alert the peer sent (ntls_compat_alert_reason). */
int ntls_compat_ssl_reason(enum ntls_err err);
int ntls_compat_alert_reason(int alert);

/* ---------------------------------------------------------------------------------------------------- */
/* EVP_PKEY (evp_pkey.c, crypto half): a private key loaded by lib/x509. The ssl half reads key in place
 * (SSL_CTX_use_PrivateKey, ssl_client_cert.c) and keeps the object alive with the exported
 * EVP_PKEY_up_ref/EVP_PKEY_free; the key's crypto objects are plain memory (nettle and GMP structures)
 * that both halves' copies of lib/crypto read alike, and only the crypto half frees them. */
struct evp_pkey_st {
    atomic_int refs;
    struct ntls_x509_key key;
};

/* ---------------------------------------------------------------------------------------------------- */
/* PEM text (pem_text.c, crypto half): the lines of one block read from a BIO, wiped when freed. */
#define NTLS_COMPAT_PEM_TEXT_MAX (16 * 1024 * 1024) /* the largest block read or written */
struct ntls_compat_pem_text {
    char *p; /* NUL-terminated */
    size_t len, cap;
};

/* Collects the next block whose BEGIN line accept approves (NULL: any), BEGIN to END line, skipping what
 * comes before it. 1, or 0 after queueing the PEM error (no start line, bad end line, no memory). */
int ntls_compat_pem_collect(BIO *bp, struct ntls_compat_pem_text *t, bool (*accept)(const char *begin_line));
void ntls_compat_pem_text_free(struct ntls_compat_pem_text *t);

#endif
