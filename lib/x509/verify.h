/* nettls: trust stores, certificate path validation and host-name checks (lib/x509).
 *
 * The native layer under the OpenSSL X509_STORE / X509_STORE_CTX / X509_VERIFY_PARAM / X509_check_host API,
 * made so that API is a thin mapping: the error codes are OpenSSL's X509_V_ERR_* numbers, the flags are
 * OpenSSL's X509_V_FLAG_* and X509_CHECK_FLAG_* bits, purposes and trust ids are OpenSSL's numbers, and the
 * order in which checks run (so which error is reported first when several apply) follows OpenSSL 3.0's
 * crypto/x509/x509_vfy.c: build the chain, then extensions and purpose, then host/email/IP, then
 * signatures and validity from the root down, then name constraints.
 *
 * Where nettls departs from OpenSSL 3.0 (each is documented where it happens):
 *  - path building backtracks: when the chain OpenSSL would build fails, the other candidate issuers are
 *    tried (RFC 4158), and the first chain that passes every check is taken; an alternative chain must not
 *    hold MD5 or SHA-1 signatures. If none passes, the result is the one of the chain OpenSSL builds, so
 *    errors match `openssl verify`. NTLS_X509_V_FLAG_NO_ALT_CHAINS turns the search off.
 *  - validity includes notAfter itself (RFC 5280 4.1.2.5; OpenSSL treats that second as expired).
 *  - name constraints: an excluded dNSName subtree that a wildcard SAN could match is a violation
 *    (CVE-2025-61727); X509_STRICT also refuses nameConstraints in non-CA certificates and a
 *    non-critical policyConstraints (X509_V_ERR_INVALID_EXTENSION).
 *  - CRLs, policies, DANE, proxy certificates and RFC 3779 are not implemented (their flags are ignored;
 *    a critical proxyCertInfo or RFC 3779 extension is an unhandled critical extension).
 *
 * Conventions as in x509.h: pointers MUST be non-NULL unless a comment says otherwise. */
#ifndef NTLS_X509_VERIFY_H
#define NTLS_X509_VERIFY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "x509.h"

/* ---------------------------------------------------------------------------------------------------- */
/* Verification results: the values of OpenSSL 3.0's X509_V_* codes (openssl/x509_vfy.h). */

enum ntls_x509_verr {
    NTLS_X509_V_OK = 0,
    NTLS_X509_V_ERR_UNSPECIFIED = 1,
    NTLS_X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT = 2,
    NTLS_X509_V_ERR_UNABLE_TO_DECODE_ISSUER_PUBLIC_KEY = 6,
    NTLS_X509_V_ERR_CERT_SIGNATURE_FAILURE = 7,
    NTLS_X509_V_ERR_CERT_NOT_YET_VALID = 9,
    NTLS_X509_V_ERR_CERT_HAS_EXPIRED = 10,
    NTLS_X509_V_ERR_OUT_OF_MEM = 17,
    NTLS_X509_V_ERR_DEPTH_ZERO_SELF_SIGNED_CERT = 18,
    NTLS_X509_V_ERR_SELF_SIGNED_CERT_IN_CHAIN = 19,
    NTLS_X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT_LOCALLY = 20,
    NTLS_X509_V_ERR_UNABLE_TO_VERIFY_LEAF_SIGNATURE = 21,
    NTLS_X509_V_ERR_CERT_CHAIN_TOO_LONG = 22,
    NTLS_X509_V_ERR_NO_ISSUER_PUBLIC_KEY = 24,
    NTLS_X509_V_ERR_PATH_LENGTH_EXCEEDED = 25,
    NTLS_X509_V_ERR_INVALID_PURPOSE = 26,
    NTLS_X509_V_ERR_CERT_UNTRUSTED = 27,
    NTLS_X509_V_ERR_CERT_REJECTED = 28,
    NTLS_X509_V_ERR_SUBJECT_ISSUER_MISMATCH = 29,
    NTLS_X509_V_ERR_AKID_SKID_MISMATCH = 30,
    NTLS_X509_V_ERR_AKID_ISSUER_SERIAL_MISMATCH = 31,
    NTLS_X509_V_ERR_KEYUSAGE_NO_CERTSIGN = 32,
    NTLS_X509_V_ERR_UNHANDLED_CRITICAL_EXTENSION = 34,
    NTLS_X509_V_ERR_INVALID_NON_CA = 37,
    NTLS_X509_V_ERR_INVALID_EXTENSION = 41,
    NTLS_X509_V_ERR_PERMITTED_VIOLATION = 47,
    NTLS_X509_V_ERR_EXCLUDED_VIOLATION = 48,
    NTLS_X509_V_ERR_SUBTREE_MINMAX = 49,
    NTLS_X509_V_ERR_APPLICATION_VERIFICATION = 50,
    NTLS_X509_V_ERR_UNSUPPORTED_CONSTRAINT_TYPE = 51,
    NTLS_X509_V_ERR_UNSUPPORTED_CONSTRAINT_SYNTAX = 52,
    NTLS_X509_V_ERR_UNSUPPORTED_NAME_SYNTAX = 53,
    NTLS_X509_V_ERR_HOSTNAME_MISMATCH = 62,
    NTLS_X509_V_ERR_EMAIL_MISMATCH = 63,
    NTLS_X509_V_ERR_IP_ADDRESS_MISMATCH = 64,
    NTLS_X509_V_ERR_EE_KEY_TOO_SMALL = 66,
    NTLS_X509_V_ERR_CA_KEY_TOO_SMALL = 67,
    NTLS_X509_V_ERR_CA_MD_TOO_WEAK = 68,
    NTLS_X509_V_ERR_INVALID_CALL = 69,
    NTLS_X509_V_ERR_STORE_LOOKUP = 70,
    NTLS_X509_V_ERR_UNSUPPORTED_SIGNATURE_ALGORITHM = 76,
    NTLS_X509_V_ERR_SIGNATURE_ALGORITHM_MISMATCH = 77,
    NTLS_X509_V_ERR_SIGNATURE_ALGORITHM_INCONSISTENCY = 78,
    NTLS_X509_V_ERR_INVALID_CA = 79, /* 24 before OpenSSL 3.0 */
    NTLS_X509_V_ERR_PATHLEN_INVALID_FOR_NON_CA = 80,
    NTLS_X509_V_ERR_PATHLEN_WITHOUT_KU_KEY_CERT_SIGN = 81,
    NTLS_X509_V_ERR_KU_KEY_CERT_SIGN_INVALID_FOR_NON_CA = 82,
    NTLS_X509_V_ERR_ISSUER_NAME_EMPTY = 83,
    NTLS_X509_V_ERR_SUBJECT_NAME_EMPTY = 84,
    NTLS_X509_V_ERR_MISSING_AUTHORITY_KEY_IDENTIFIER = 85,
    NTLS_X509_V_ERR_MISSING_SUBJECT_KEY_IDENTIFIER = 86,
    NTLS_X509_V_ERR_EMPTY_SUBJECT_ALT_NAME = 87,
    NTLS_X509_V_ERR_EMPTY_SUBJECT_SAN_NOT_CRITICAL = 88,
    NTLS_X509_V_ERR_CA_BCONS_NOT_CRITICAL = 89,
    NTLS_X509_V_ERR_AUTHORITY_KEY_IDENTIFIER_CRITICAL = 90,
    NTLS_X509_V_ERR_SUBJECT_KEY_IDENTIFIER_CRITICAL = 91,
    NTLS_X509_V_ERR_CA_CERT_MISSING_KEY_USAGE = 92,
    NTLS_X509_V_ERR_EXTENSIONS_REQUIRE_VERSION_3 = 93,
    NTLS_X509_V_ERR_EC_KEY_EXPLICIT_PARAMS = 94,
};

/* The text OpenSSL's X509_verify_cert_error_string gives for code (its exact wording for every code above;
 * "unknown certificate verification error" otherwise). Never NULL. */
const char *ntls_x509_verr_string(int code);
/* The native error class of a verification failure, for the TLS engine's alert (RFC 2246 7.2.2):
 * NTLS_E_UNKNOWN_CA for a chain that ends untrusted (2, 18, 19, 20, 27, 28), NTLS_E_CERT_EXPIRED for 9 and
 * 10, NTLS_E_NOMEM for 17, NTLS_E_INTERNAL for 1 and 69, NTLS_E_BAD_CERTIFICATE otherwise; NTLS_E_OK for 0.
 */
enum ntls_err ntls_x509_verr_class(int code);

/* ---------------------------------------------------------------------------------------------------- */
/* Verification parameters (OpenSSL's X509_VERIFY_PARAM). */

/* Flags: OpenSSL's X509_V_FLAG_* values. Only these change what nettls does; other bits are kept and
 * ignored. */
#define NTLS_X509_V_FLAG_USE_CHECK_TIME 0x2u /* set by ntls_x509_vparams_set_time */
#define NTLS_X509_V_FLAG_IGNORE_CRITICAL 0x10u /* unknown critical extensions are not errors */
#define NTLS_X509_V_FLAG_X509_STRICT 0x20u /* RFC 5280 conformance checks (codes 79..94) */
#define NTLS_X509_V_FLAG_CHECK_SS_SIGNATURE 0x4000u /* check the self-signature of the root too */
#define NTLS_X509_V_FLAG_TRUSTED_FIRST 0x8000u /* always on in nettls (OpenSSL's default) */
#define NTLS_X509_V_FLAG_PARTIAL_CHAIN 0x80000u /* any certificate in the store is a trust anchor */
#define NTLS_X509_V_FLAG_NO_ALT_CHAINS 0x100000u /* no backtracking: only the chain OpenSSL builds */
#define NTLS_X509_V_FLAG_NO_CHECK_TIME 0x200000u /* validity periods are not checked */

/* Host-name check flags: OpenSSL's X509_CHECK_FLAG_* values. */
#define NTLS_X509_CHECK_FLAG_ALWAYS_CHECK_SUBJECT 0x1u
#define NTLS_X509_CHECK_FLAG_NO_WILDCARDS 0x2u
#define NTLS_X509_CHECK_FLAG_NO_PARTIAL_WILDCARDS 0x4u
#define NTLS_X509_CHECK_FLAG_MULTI_LABEL_WILDCARDS 0x8u
#define NTLS_X509_CHECK_FLAG_SINGLE_LABEL_SUBDOMAINS 0x10u
#define NTLS_X509_CHECK_FLAG_NEVER_CHECK_SUBJECT 0x20u

/* Purposes (OpenSSL's X509_PURPOSE_* ids) and trust settings (X509_TRUST_* ids) nettls implements. */
enum ntls_x509_purpose {
    NTLS_X509_PURPOSE_NONE = 0, /* no extendedKeyUsage or keyUsage requirement */
    NTLS_X509_PURPOSE_SSL_CLIENT = 1, /* a TLS client certificate (clientAuth) */
    NTLS_X509_PURPOSE_SSL_SERVER = 2, /* a TLS server certificate (serverAuth) */
    NTLS_X509_PURPOSE_NS_SSL_SERVER = 3, /* SSL_SERVER plus keyEncipherment */
    NTLS_X509_PURPOSE_ANY = 7,
};
enum ntls_x509_trust {
    NTLS_X509_TRUST_DEFAULT = 0, /* from the purpose; with no purpose, anyExtendedKeyUsage */
    NTLS_X509_TRUST_COMPAT = 1, /* only self-signed anchors */
    NTLS_X509_TRUST_SSL_CLIENT = 2, /* trust settings for clientAuth */
    NTLS_X509_TRUST_SSL_SERVER = 3, /* trust settings for serverAuth */
    NTLS_X509_TRUST_EMAIL = 4, /* trust settings for emailProtection */
};

#define NTLS_X509_DEFAULT_DEPTH 100 /* OpenSSL's default verify depth */

struct ntls_x509_vparams {
    uint32_t flags; /* NTLS_X509_V_FLAG_* */
    int64_t check_time; /* seconds since the epoch; used when flags has USE_CHECK_TIME, else now */
    int depth; /* most intermediate certificates allowed, leaf and anchor not counted;
                  negative: NTLS_X509_DEFAULT_DEPTH */
    int purpose; /* enum ntls_x509_purpose */
    int trust; /* enum ntls_x509_trust */
    int auth_level; /* OpenSSL's security level for keys and signatures (the SSL layer's): 1..5 need
                       80, 112, 128, 192, 256 bits; <= 0 (the default, -1) checks nothing */
    unsigned hostflags; /* NTLS_X509_CHECK_FLAG_*, for the host names below */
    char **hosts; /* owned, NUL-terminated; the leaf must match at least one */
    size_t host_count;
    char *email; /* owned, NUL-terminated, or NULL */
    size_t email_len;
    uint8_t ip[16]; /* ip_len 4 (IPv4) or 16 (IPv6); ip_len 0: no IP check */
    size_t ip_len;
};

/* Defaults: no flags, current time, depth 100, no purpose, default trust, no names. */
void ntls_x509_vparams_init(struct ntls_x509_vparams *p);
/* Frees the owned names and re-initialises. */
void ntls_x509_vparams_free(struct ntls_x509_vparams *p);
/* Deep copy: *dst (initialised or freed) gets everything from *src. */
NTLS_MUST_CHECK ntls_result ntls_x509_vparams_copy(struct ntls_x509_vparams *dst,
                                                   const struct ntls_x509_vparams *src);
/* Sets the verification time and NTLS_X509_V_FLAG_USE_CHECK_TIME. */
void ntls_x509_vparams_set_time(struct ntls_x509_vparams *p, int64_t t);
/* Purpose (and, while trust is DEFAULT, nothing else: the trust follows the purpose at verification).
 * NTLS_E_USAGE for a purpose nettls does not implement. */
NTLS_MUST_CHECK ntls_result ntls_x509_vparams_set_purpose(struct ntls_x509_vparams *p, int purpose);
/* Replaces (set) or extends (add) the host names to match (X509_VERIFY_PARAM_set1_host/add1_host). len 0
 * means strlen(name). A trailing NUL inside len is dropped; any other NUL is NTLS_E_USAGE. set with
 * name NULL or an empty name clears the list. A name starting with '.' matches any subdomain. */
NTLS_MUST_CHECK ntls_result ntls_x509_vparams_set_host(struct ntls_x509_vparams *p, const char *name,
                                                       size_t len);
NTLS_MUST_CHECK ntls_result ntls_x509_vparams_add_host(struct ntls_x509_vparams *p, const char *name,
                                                       size_t len);
/* The e-mail address to match (NULL clears). len 0 means strlen(email). */
NTLS_MUST_CHECK ntls_result ntls_x509_vparams_set_email(struct ntls_x509_vparams *p, const char *email,
                                                        size_t len);
/* The IP address to match: 4 or 16 octets (len 0 clears), or text (IPv4 dotted quad or RFC 4291 IPv6).
 * NTLS_E_USAGE for another length or text that is not an address. */
NTLS_MUST_CHECK ntls_result ntls_x509_vparams_set_ip(struct ntls_x509_vparams *p, const uint8_t *ip,
                                                     size_t len);
NTLS_MUST_CHECK ntls_result ntls_x509_vparams_set_ip_asc(struct ntls_x509_vparams *p, const char *text);

/* ---------------------------------------------------------------------------------------------------- */
/* Names as OpenSSL compares and hashes them (namecanon.c). */

/* OpenSSL's canonical encoding of a Name (x509_name_canon in crypto/x509/x_name.c): every RDN as a DER SET
 * of AttributeTypeAndValue, without the outer SEQUENCE header; string values of the types UTF8String,
 * PrintableString, T61String (read as Latin-1), IA5String, VisibleString, BMPString and UniversalString
 * become UTF8String with leading and trailing white space removed, inner runs of white space folded to one
 * space and ASCII upper case lowered; other values are kept as they are. An empty name has an empty
 * encoding. *out is allocated (free with ntls_free; non-NULL even when *out_len is 0). NTLS_E_DECODE when a
 * string holds characters that are not Unicode scalar values (OpenSSL refuses to load such names). */
NTLS_MUST_CHECK ntls_result ntls_x509_name_canon(const struct ntls_x509_name *name, uint8_t **out,
                                                 size_t *out_len);
/* X509_NAME_hash: the first four octets of SHA-1 over the canonical encoding, little-endian. This is the
 * file name of the name's certificates in a hashed directory ("%08x.0", as `openssl rehash` writes). */
NTLS_MUST_CHECK ntls_result ntls_x509_name_hash(const struct ntls_x509_name *name, uint32_t *hash);
/* X509_NAME_hash_old: the same over MD5 of the name's DER (OpenSSL before 1.0.0). */
uint32_t ntls_x509_name_hash_old(const struct ntls_x509_name *name);
/* X509_NAME_cmp == 0: the canonical encodings are equal (so case and white space in strings do not
 * matter). False when either name cannot be canonicalised. */
bool ntls_x509_name_match(const struct ntls_x509_name *a, const struct ntls_x509_name *b);

/* ---------------------------------------------------------------------------------------------------- */
/* Trust stores (store.c): certificates added one by one, from PEM text or files, from hashed directories
 * looked up when a verification needs a name, and the system's default locations.
 *
 * The store owns copies of its certificates; pointers it returns stay valid until ntls_x509_store_free.
 * Loading is for one thread at a time; after loading, any number of threads may verify against the store
 * at once (directory lookups during verification take an internal lock). */

struct ntls_x509_store;

/* Trust settings of an anchor, from an OpenSSL "TRUSTED CERTIFICATE" (X509_CERT_AUX trust and reject
 * lists), as bits. */
#define NTLS_X509_AUX_SERVER_AUTH 0x01u
#define NTLS_X509_AUX_CLIENT_AUTH 0x02u
#define NTLS_X509_AUX_EMAIL 0x04u
#define NTLS_X509_AUX_CODE_SIGN 0x08u
#define NTLS_X509_AUX_ANY_EKU 0x10u
#define NTLS_X509_AUX_OTHER 0x80u /* some other purpose: the list is not empty */

NTLS_MUST_CHECK ntls_result ntls_x509_store_new(struct ntls_x509_store **out);
void ntls_x509_store_free(struct ntls_x509_store *store); /* NULL allowed */
/* Adds one certificate: a DER Certificate, optionally followed by OpenSSL's X509_CERT_AUX trust settings
 * (the DER inside a "TRUSTED CERTIFICATE" PEM block). A certificate already in the store (same DER) is not
 * added twice (success). NTLS_E_BAD_CERTIFICATE when it does not parse, NTLS_E_DECODE when the trust
 * settings are malformed. */
NTLS_MUST_CHECK ntls_result ntls_x509_store_add_der(struct ntls_x509_store *store, const uint8_t *der,
                                                    size_t len);
NTLS_MUST_CHECK ntls_result ntls_x509_store_add_cert(struct ntls_x509_store *store,
                                                     const struct ntls_x509_cert *cert);
/* Adds every "CERTIFICATE", "X509 CERTIFICATE" and "TRUSTED CERTIFICATE" block of PEM text (other blocks
 * are skipped), all or nothing: when a block is malformed or a certificate does not parse, nothing is
 * added. NTLS_E_DECODE when there is no certificate at all (OpenSSL: "no certificate or crl found").
 * *added (may be NULL) gets the number of blocks read. */
NTLS_MUST_CHECK ntls_result ntls_x509_store_load_pem(struct ntls_x509_store *store, const char *text,
                                                     size_t len, size_t *added);
/* ntls_x509_store_load_pem on a file's contents (X509_LOOKUP_load_file). NTLS_E_USAGE when the file cannot
 * be read. */
NTLS_MUST_CHECK ntls_result ntls_x509_store_load_file(struct ntls_x509_store *store, const char *path,
                                                      size_t *added);
/* Remembers directories (one path, or several separated by ':') laid out as `openssl rehash` makes them:
 * the certificates of subject name N in files "<ntls_x509_name_hash(N) as %08x>.0", ".1", ... Nothing is
 * read now: when a verification looks for an issuer named N, the files for N's hash are loaded (once per
 * directory and hash) into the store. Files that are missing or malformed are skipped. */
NTLS_MUST_CHECK ntls_result ntls_x509_store_add_dir(struct ntls_x509_store *store, const char *dirs);
/* The system defaults (SSL_CTX_set_default_verify_paths): the file $SSL_CERT_FILE or
 * /etc/ssl/certs/ca-certificates.crt, loaded now, and the directories $SSL_CERT_DIR or /etc/ssl/certs
 * (Debian's `update-ca-certificates` layout), looked up lazily. A missing file or directory is not an
 * error, as in OpenSSL. */
NTLS_MUST_CHECK ntls_result ntls_x509_store_load_system(struct ntls_x509_store *store);
/* The certificates loaded so far (directories add to this as lookups happen), in the order added. */
size_t ntls_x509_store_count(const struct ntls_x509_store *store);
const struct ntls_x509_cert *ntls_x509_store_get(const struct ntls_x509_store *store, size_t i);
/* Trust settings of the i-th certificate: *trust and *reject get NTLS_X509_AUX_* bits; false when it came
 * without trust settings (a plain CERTIFICATE). */
bool ntls_x509_store_get_aux(const struct ntls_x509_store *store, size_t i, uint32_t *trust,
                             uint32_t *reject);
/* The certificates whose subject matches name (ntls_x509_name_match), after loading the directory files for
 * it; writes up to cap pointers to out and returns how many matched in all (may exceed cap). */
size_t ntls_x509_store_find(struct ntls_x509_store *store, const struct ntls_x509_name *name,
                            const struct ntls_x509_cert **out, size_t cap);

/* ---------------------------------------------------------------------------------------------------- */
/* Path validation (chain.c, verify.c): X509_verify_cert. */

struct ntls_x509_verify_state; /* internal */

struct ntls_x509_verify_ctx {
    /* Inputs, set by the caller before ntls_x509_verify (ntls_x509_verify_ctx_init zeroes them). */
    struct ntls_x509_store *store; /* trust anchors; may be NULL (nothing is trusted) */
    const struct ntls_x509_cert *leaf; /* the certificate to verify */
    const struct ntls_x509_cert *const *untrusted; /* other certificates the peer sent; may be NULL */
    size_t untrusted_count;
    const struct ntls_x509_vparams *params; /* may be NULL: defaults */
    /* OpenSSL's verify_cb: called with ok = 0 for each error (ctx->error, error_depth, current_cert say
     * which), and with ok = 1 for each certificate whose signature and validity passed, from the root
     * down. Its return value replaces ok: returning 1 for an error continues the verification with the
     * error remembered in ctx->error (it may also reset ctx->error); returning 0 stops it. NULL: ok is
     * returned as is. The callback may read the outputs below but not change the inputs. */
    int (*verify_cb)(int ok, struct ntls_x509_verify_ctx *ctx);
    void *user; /* for verify_cb */

    /* Outputs. */
    int error; /* X509_V_* code, sticky (see verify_cb) */
    int error_depth; /* index in chain of the certificate concerned */
    const struct ntls_x509_cert *current_cert; /* the certificate concerned (during verify_cb) */
    const struct ntls_x509_cert *current_issuer; /* its issuer, during the ok = 1 callbacks */
    const struct ntls_x509_cert **chain; /* the chain built, leaf first; owned by the context */
    size_t chain_len;
    size_t num_untrusted; /* chain[0..num_untrusted) came from leaf/untrusted */
    struct ntls_x509_verify_state *state;
};

void ntls_x509_verify_ctx_init(struct ntls_x509_verify_ctx *ctx);
/* Frees the chain and the internal state; the inputs are left alone. The context can then be reused. */
void ntls_x509_verify_ctx_cleanup(struct ntls_x509_verify_ctx *ctx);

/* Builds a chain from ctx->leaf through ctx->untrusted to a trust anchor in ctx->store and validates it
 * (RFC 5280 6.1 as TLS uses it), reporting through ctx->error and ctx->verify_cb as OpenSSL's
 * X509_verify_cert does. Certificates in chain point to ctx->leaf, ctx->untrusted[] or the store, which
 * MUST outlive the chain.
 * Returns OK when the verification ran to its end: ctx->error is then X509_V_OK, unless verify_cb
 * accepted an error. Otherwise ctx->error says why and the result is ntls_x509_verr_class(ctx->error)
 * (NTLS_E_NOMEM when memory ran out, NTLS_E_USAGE when a context is reused without cleanup or has no
 * leaf, with ctx->error X509_V_ERR_INVALID_CALL). */
NTLS_MUST_CHECK ntls_result ntls_x509_verify(struct ntls_x509_verify_ctx *ctx);

/* ---------------------------------------------------------------------------------------------------- */
/* Identity checks (hostname.c): X509_check_host, X509_check_email, X509_check_ip, X509_check_ip_asc.
 * Return 1 for a match, 0 for none, -2 for a malformed argument (and -1 when memory runs out).
 * peername (may be NULL) receives a NUL-terminated copy of the name that matched (free with ntls_free). */

/* RFC 6125 6.4 as OpenSSL does it: the subjectAltName dNSNames are compared case-insensitively (ASCII);
 * the subject's commonNames only when there is no dNSName (and not with NEVER_CHECK_SUBJECT, always with
 * ALWAYS_CHECK_SUBJECT). A wildcard '*' is allowed once, in the left-most label of a name with at least
 * three labels, not in an IDNA A-label ("xn--"), matching characters of one label (at least one when it
 * is the whole label); with NO_PARTIAL_WILDCARDS it must be the whole label; with NO_WILDCARDS it is
 * literal. A name starting with
 * '.' matches any subdomain of the rest. len 0 means strlen(name); a NUL inside the name (other than a
 * final one) is -2. */
int ntls_x509_check_host(const struct ntls_x509_cert *cert, const char *name, size_t len, unsigned flags,
                         char **peername);
/* rfc822Name entries (then the subject's emailAddress attributes): the local part compared exactly, the
 * domain case-insensitively. */
int ntls_x509_check_email(const struct ntls_x509_cert *cert, const char *email, size_t len, unsigned flags);
/* iPAddress entries only (never the subject): 4 or 16 octets, compared exactly. */
int ntls_x509_check_ip(const struct ntls_x509_cert *cert, const uint8_t *ip, size_t len, unsigned flags);
int ntls_x509_check_ip_asc(const struct ntls_x509_cert *cert, const char *text, unsigned flags);
/* Parses an IPv4 dotted quad or an RFC 4291 2.2 IPv6 text address (an IPv4 tail allowed) into out (16
 * bytes of room); returns the length (4 or 16), or 0 when text is not an address. Stricter than OpenSSL's
 * sscanf-based parser: no signs and no white space around the numbers. */
size_t ntls_x509_parse_ip(const char *text, uint8_t out[16]);

#endif
