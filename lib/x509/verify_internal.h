/* nettls: declarations shared by the trust-store and path-validation files of lib/x509 (store.c, chain.c,
 * verify.c, certinfo.c, namecanon.c, hostname.c, nconstraints.c); not part of the API (verify.h is). */
#ifndef NTLS_X509_VERIFY_INTERNAL_H
#define NTLS_X509_VERIFY_INTERNAL_H

#include "verify.h"
#include "x509_internal.h"

/* ---------------------------------------------------------------------------------------------------- */
/* A growing byte buffer (namecanon.c). Appends never fail one by one: the first allocation failure sets
 * failed, which the owner checks once at the end. */
struct ntls_x509_dbuf {
    uint8_t *p;
    size_t len, cap;
    bool failed;
};
void ntls_x509_dbuf_put(struct ntls_x509_dbuf *b, const void *p, size_t n);
void ntls_x509_dbuf_byte(struct ntls_x509_dbuf *b, uint8_t v);
/* A DER identifier octet and a minimal length (X.690 8.1.3). */
void ntls_x509_dbuf_tl(struct ntls_x509_dbuf *b, uint8_t tag, size_t len);
void ntls_x509_dbuf_free(struct ntls_x509_dbuf *b);

/* The value of a string of type tag as UTF-8 (OpenSSL's ASN1_STRING_to_UTF8): UTF8String as is; Numeric,
 * Printable, T61, IA5 and Visible strings octet by octet as Latin-1; BMPString as UCS-2 and
 * UniversalString as UCS-4, big-endian. Appends to *out. NTLS_E_DECODE for other tags and for code points
 * that are surrogates or above U+10FFFF. */
NTLS_MUST_CHECK ntls_result ntls_x509_string_utf8(uint8_t tag, struct ntls_cur value,
                                                  struct ntls_x509_dbuf *out);
/* Canonical encoding of the Name element der (a whole SEQUENCE), as ntls_x509_name_canon. */
NTLS_MUST_CHECK ntls_result ntls_x509_name_canon_der(struct ntls_cur der, uint8_t **out, size_t *out_len);
/* First four octets of SHA-1 over canon, little-endian (X509_NAME_hash_ex). */
uint32_t ntls_x509_canon_hash(const uint8_t *canon, size_t len);

/* ---------------------------------------------------------------------------------------------------- */
/* What the verifier needs to know about one certificate, worked out once (certinfo.c): OpenSSL's cached
 * extension flags (x509v3_cache_extensions in crypto/x509/v3_purp.c) and canonical names. */

#define NTLS_CI_SI 0x0001u /* self-issued: canonical subject == canonical issuer */
#define NTLS_CI_SS                                                                                           \
    0x0002u /* self-signed as OpenSSL judges it without the signature: self-issued,                          \
               own AKID matching, signature algorithm matching its key */
#define NTLS_CI_INVALID                                                                                      \
    0x0004u /* OpenSSL would mark the certificate EXFLAG_INVALID: it can neither                             \
               issue nor be issued */
#define NTLS_CI_CA 0x0008u /* basicConstraints cA */
#define NTLS_CI_BCONS 0x0010u /* basicConstraints present */
#define NTLS_CI_KUSAGE 0x0020u /* keyUsage present */
#define NTLS_CI_XKUSAGE 0x0040u /* extendedKeyUsage present */
#define NTLS_CI_NSCERT 0x0080u /* Netscape certificate type present */
#define NTLS_CI_V1 0x0100u
#define NTLS_CI_CRITICAL 0x0200u /* an unhandled critical extension */
#define NTLS_CI_BCONS_CRITICAL 0x0400u
#define NTLS_CI_AKID_CRITICAL 0x0800u
#define NTLS_CI_SKID_CRITICAL 0x1000u
#define NTLS_CI_SAN_CRITICAL 0x2000u
#define NTLS_CI_EC_EXPLICIT 0x4000u /* EC key with explicit curve parameters */
#define NTLS_CI_HAS_AUX 0x10000u /* came with trust settings (TRUSTED CERTIFICATE) */
#define NTLS_CI_AUX_TRUST 0x20000u /* ... with a trust list (possibly empty) */
#define NTLS_CI_AUX_REJECT 0x40000u /* ... with a reject list (possibly empty) */

/* OpenSSL's XKU_* bits (extendedKeyUsage purposes) and NS_* bits (Netscape certificate type). */
#define NTLS_XKU_SSL_SERVER 0x1u
#define NTLS_XKU_SSL_CLIENT 0x2u
#define NTLS_XKU_SMIME 0x4u
#define NTLS_XKU_CODE_SIGN 0x8u
#define NTLS_XKU_SGC 0x10u
#define NTLS_XKU_OCSP_SIGN 0x20u
#define NTLS_XKU_TIMESTAMP 0x40u
#define NTLS_XKU_ANYEKU 0x100u
#define NTLS_NS_SSL_CLIENT 0x80u
#define NTLS_NS_SSL_SERVER 0x40u
#define NTLS_NS_SSL_CA 0x04u
#define NTLS_NS_ANY_CA 0x07u

/* X509_check_trust results */
#define NTLS_TRUST_TRUSTED 1
#define NTLS_TRUST_REJECTED 2
#define NTLS_TRUST_UNTRUSTED 3
/* X509_check_trust flags */
#define NTLS_TRUST_NO_SS_COMPAT 0x4u
#define NTLS_TRUST_DO_SS_COMPAT 0x8u
#define NTLS_TRUST_OK_ANY_EKU 0x10u

struct ntls_x509_certinfo {
    const struct ntls_x509_cert *cert;
    uint8_t *subject_canon, *issuer_canon; /* NULL when the name cannot be canonicalised (then INVALID) */
    size_t subject_canon_len, issuer_canon_len;
    uint32_t subject_hash, issuer_hash; /* ntls_x509_canon_hash of the canonical names */
    uint32_t flags; /* NTLS_CI_* */
    uint32_t xku; /* NTLS_XKU_* */
    uint8_t nscert; /* NTLS_NS_* */
    uint32_t aux_trust, aux_reject; /* NTLS_X509_AUX_* (store anchors only) */
};

/* Works out the flags and names of cert, which MUST outlive *ci. Only NTLS_E_NOMEM fails; a certificate
 * OpenSSL would not accept gets NTLS_CI_INVALID. */
NTLS_MUST_CHECK ntls_result ntls_x509_certinfo_init(struct ntls_x509_certinfo *ci,
                                                    const struct ntls_x509_cert *cert);
void ntls_x509_certinfo_free(struct ntls_x509_certinfo *ci);
bool ntls_x509_canon_eq(const uint8_t *a, size_t a_len, const uint8_t *b, size_t b_len);
/* X509_check_ca: 0 not a CA, 1 a CA by basicConstraints, 3 a self-signed v1 root, 4 keyUsage with
 * keyCertSign but no basicConstraints, 5 a Netscape CA type. */
int ntls_x509_ci_check_ca(const struct ntls_x509_certinfo *ci);
/* X509_check_purpose: 1 allowed, 0 not, -1 the certificate is invalid. */
int ntls_x509_ci_check_purpose(const struct ntls_x509_certinfo *ci, int purpose, bool non_leaf);
/* ossl_x509_likely_issued: names, AKID and signature algorithm; X509_V_OK or why not. */
int ntls_x509_ci_likely_issued(const struct ntls_x509_certinfo *issuer,
                               const struct ntls_x509_certinfo *subject);
/* ossl_x509_signing_allowed: the issuer's keyUsage, if present, has keyCertSign. */
int ntls_x509_ci_signing_allowed(const struct ntls_x509_certinfo *issuer);
/* X509_check_trust with OpenSSL's trust ids and flags. */
int ntls_x509_ci_check_trust(const struct ntls_x509_certinfo *ci, int trust, unsigned flags);
/* The trust id a purpose implies (X509_PURPOSE_get_trust); NTLS_X509_TRUST_DEFAULT for none. */
int ntls_x509_purpose_trust(int purpose);

/* ---------------------------------------------------------------------------------------------------- */
/* store.c: the anchors whose subject is the canonical name canon (hash is its ntls_x509_canon_hash), after
 * loading the directory files for hash. Writes up to cap pointers and returns how many matched in all. */
size_t ntls_x509_store_issuers(struct ntls_x509_store *store, const uint8_t *canon, size_t canon_len,
                               uint32_t hash, const struct ntls_x509_certinfo **out, size_t cap);
/* store.c: the anchor whose DER equals cert's, or NULL. */
const struct ntls_x509_certinfo *ntls_x509_store_exact(struct ntls_x509_store *store,
                                                       const struct ntls_x509_certinfo *ci);

/* ---------------------------------------------------------------------------------------------------- */
/* nconstraints.c: NAME_CONSTRAINTS_check of a certificate's subject and subjectAltNames against the
 * nameConstraints of the certificate nc; X509_V_OK or the X509_V_ERR_* code. */
int ntls_x509_nc_check(const struct ntls_x509_certinfo *ci, const struct ntls_x509_cert *nc);
/* NAME_CONSTRAINTS_check_CN: the subject's commonNames that look like host names, as dNSNames. */
int ntls_x509_nc_check_cn(const struct ntls_x509_cert *cert, const struct ntls_x509_cert *nc);

/* hostname.c: the len bytes of s at offset off, or an empty view when they are not all in s. */
struct ntls_cur ntls_x509_span(struct ntls_cur s, size_t off, size_t len);
/* hostname.c: whether the subjectAltName has an entry of type t. */
bool ntls_x509_has_san(const struct ntls_x509_cert *cert, enum ntls_gname_type t);

/* ---------------------------------------------------------------------------------------------------- */
/* The state of one verification (chain.c builds, verify.c checks). */

struct ntls_x509_path {
    const struct ntls_x509_certinfo **certs; /* leaf first */
    size_t len, num_untrusted;
    int error; /* X509_V_OK when the chain reaches a trust anchor, else the build error */
    int error_depth; /* and the depth it is reported at */
};

struct ntls_x509_sigmemo {
    const struct ntls_x509_certinfo *subject, *issuer;
    int result; /* X509_V_OK, or the code a failed check reports */
};

struct ntls_x509_verify_state {
    struct ntls_x509_certinfo *infos; /* leaf, then untrusted */
    size_t info_count;
    struct ntls_x509_vparams params; /* a copy with the defaults resolved (depth, trust) */
    int64_t now;
    size_t cap; /* room in a path: most certificates a chain may have, plus one */
    struct ntls_x509_path path; /* the chain reported */
    bool silent; /* no callbacks: stop at the first error (trying alternatives) */
    unsigned budget; /* alternative chains left to evaluate */
    struct ntls_x509_sigmemo *memo;
    size_t memo_len, memo_cap;
};

/* chain.c: builds and chooses the chain into st->path (trying alternatives, each checked with
 * ntls_x509_check_path in silent mode). NTLS_E_NOMEM only. */
NTLS_MUST_CHECK ntls_result ntls_x509_build(struct ntls_x509_verify_ctx *ctx);
/* verify.c: every check after building, on st->path, in OpenSSL's order; 1 passed (or the callback
 * accepted every error), 0 failed. In silent mode stops at the first error without calling back. */
int ntls_x509_check_path(struct ntls_x509_verify_ctx *ctx);
/* verify.c: reports an error on the certificate at depth (cert NULL: the one at depth in the path):
 * sets ctx->error, error_depth, current_cert and returns what the callback says (0 in silent mode). */
int ntls_x509_verify_fail(struct ntls_x509_verify_ctx *ctx, const struct ntls_x509_certinfo *cert, int depth,
                          int err);
/* verify.c: 0 when cert is valid at the verification time (or times are not checked), else
 * X509_V_ERR_CERT_NOT_YET_VALID or X509_V_ERR_CERT_HAS_EXPIRED. */
int ntls_x509_time_check(const struct ntls_x509_verify_state *st, const struct ntls_x509_certinfo *ci);

#endif
