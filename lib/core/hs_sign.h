/* nettls: TLS 1.0 "digitally-signed" elements (RFC 2246 4.7): what a key signs and how the signature is
 * carried. An RSA signature covers MD5 || SHA-1 without a DigestInfo; DSA (and ECDSA, RFC 4492 5.4) cover
 * SHA-1 and carry DER. On the wire the signature is a vec16. */
#ifndef NTLS_CORE_HS_SIGN_H
#define NTLS_CORE_HS_SIGN_H

#include "base/buf.h"
#include "x509/x509.h"

/* The hash a key of this type signs with in TLS 1.0. */
enum ntls_hash_id ntls_sig_hash(enum ntls_pk_type type);

/* Signs digest (ntls_hash_size(ntls_sig_hash(key->type)) bytes) with key and writes the vec16 signature. */
NTLS_MUST_CHECK ntls_result ntls_sig_write(const struct ntls_x509_key *key, const uint8_t *digest,
                                           struct ntls_wr *w);
/* Reads a vec16 signature from in and checks it over digest with key: NTLS_E_DECRYPT_ERROR when it does not
 * verify (RFC 2246 7.2.2). */
NTLS_MUST_CHECK ntls_result ntls_sig_check(const struct ntls_x509_key *key, const uint8_t *digest,
                                           struct ntls_cur *in);

#endif
