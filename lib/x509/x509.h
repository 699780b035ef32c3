/* nettls: X.509 certificates, names, PEM, private keys and DH parameters (lib/x509).
 *
 * Uses lib/base and lib/crypto only. Path validation, trust stores and host-name checks build on this
 * (verify.h); the OpenSSL X509/PEM API lives in lib/compat on top of it.
 *
 * Conventions (BearSSL-style contracts):
 *  - Pointers MUST be non-NULL unless a comment says otherwise.
 *  - A struct filled by a *_parse function is owned by the caller (stack or heap) and MUST be released with
 *    the matching *_free, on success only; on failure nothing is left allocated and the struct is zeroed.
 *    *_free accepts a zeroed struct and leaves the struct zeroed.
 *  - struct ntls_cur fields are read-only views into memory the struct (or, for names, the caller) owns.
 *  - Errors:
 *      NTLS_E_DECODE           malformed DER, PEM, base64, names, keys or parameters;
 *      NTLS_E_BAD_CERTIFICATE  ntls_x509_cert_parse: any malformed certificate (every NTLS_E_DECODE from
 *                              below is turned into this, so the TLS engine answers bad_certificate);
 *      NTLS_E_UNSUPPORTED_CERTIFICATE  well formed, but an algorithm, curve, cipher or key form nettls does
 *                              not implement (only reported when the thing is used, never by a parse);
 *      NTLS_E_DECRYPT_ERROR    a signature that does not verify; a wrong passphrase (bad padding or an
 *                              undecodable plaintext after decryption);
 *      NTLS_E_USAGE            a caller error, such as an encrypted key without a passphrase;
 *      NTLS_E_NOMEM            allocation failure.
 *  - Times are seconds since 1970-01-01T00:00:00Z (int64_t). */
#ifndef NTLS_X509_H
#define NTLS_X509_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "../base/buf.h"
#include "../crypto/crypto.h"
#include "der.h"
#include "oid.h"

/* ---------------------------------------------------------------------------------------------------- */
/* Distinguished names (name.c), RFC 5280 4.1.2.4:
 *   Name ::= SEQUENCE OF RelativeDistinguishedName
 *   RelativeDistinguishedName ::= SET SIZE (1..MAX) OF AttributeTypeAndValue
 *   AttributeTypeAndValue ::= SEQUENCE { type OBJECT IDENTIFIER, value ANY } */

struct ntls_x509_name_entry {
    struct ntls_cur oid;                /* attribute type, OID content octets */
    const struct ntls_oid_info *attr;   /* its table row, NULL if the table does not know it */
    uint8_t tag;                        /* universal tag of the value: a string type (NTLS_DER_*_STRING) or,
                                           for the rare non-string attribute, whatever it carries */
    struct ntls_cur value;              /* content octets of the value, in the encoding tag says */
    size_t rdn;                         /* index of the RDN (SET) it belongs to: entries of a multi-valued
                                           RDN share it; increases by one per RDN, from 0 */
};

struct ntls_x509_name {
    struct ntls_cur der;                 /* the whole Name element: compare and hash this */
    struct ntls_x509_name_entry *entries; /* one array for all entries (NULL when count == 0) */
    size_t count;
};

/* Reads one Name element from *in and advances past it. The views in *out point into *in's memory, which
 * MUST outlive *out. String values are checked (ntls_der_string_value); empty RDNs are rejected; an empty
 * Name (zero RDNs) is allowed. Allocates one array. */
NTLS_MUST_CHECK ntls_result ntls_x509_name_parse(struct ntls_cur *in, struct ntls_x509_name *out);
void ntls_x509_name_free(struct ntls_x509_name *name);
/* Byte equality of the DER (RFC 5280 7.1's simple comparison; canonical matching is the verifier's). */
bool ntls_x509_name_equal(const struct ntls_x509_name *a, const struct ntls_x509_name *b);
/* The first entry at index >= *pos whose attribute is attr; sets *pos to the index after it. NULL when
 * none is left. Start with *pos = 0. */
const struct ntls_x509_name_entry *ntls_x509_name_next(const struct ntls_x509_name *name,
                                                       enum ntls_oid_id attr, size_t *pos);

/* ---------------------------------------------------------------------------------------------------- */
/* GeneralName (RFC 5280 4.2.1.6), used by subjectAltName, nameConstraints and authorityKeyIdentifier. */

enum ntls_gname_type { /* the CHOICE tag numbers, equal to OpenSSL's GEN_* */
    NTLS_GNAME_OTHER = 0,
    NTLS_GNAME_EMAIL = 1, /* rfc822Name, IA5String */
    NTLS_GNAME_DNS = 2,   /* dNSName, IA5String */
    NTLS_GNAME_X400 = 3,
    NTLS_GNAME_DIRNAME = 4,
    NTLS_GNAME_EDIPARTY = 5,
    NTLS_GNAME_URI = 6,   /* uniformResourceIdentifier, IA5String */
    NTLS_GNAME_IP = 7,    /* iPAddress: 4 or 16 octets; 8 or 32 (address and mask) in nameConstraints */
    NTLS_GNAME_RID = 8,   /* registeredID, OID content octets */
};

struct ntls_x509_gname {
    enum ntls_gname_type type;
    struct ntls_cur value; /* EMAIL/DNS/URI: the characters; IP: the octets; RID: the OID octets;
                              DIRNAME: the whole inner Name element (ntls_x509_name_parse reads it);
                              OTHER, X400, EDIPARTY: the content octets of the [n] element */
    struct ntls_cur raw;   /* the whole GeneralName element */
};

/* GeneralSubtree (RFC 5280 4.2.1.10). RFC 5280 says minimum MUST be 0 and maximum absent; they are kept so
 * the verifier can refuse what it cannot honour, as OpenSSL does. */
struct ntls_x509_subtree {
    struct ntls_x509_gname base;
    uint64_t minimum;
    bool has_maximum;
    uint64_t maximum;
};

/* ---------------------------------------------------------------------------------------------------- */
/* Public keys and private keys (cert.c, sig.c, key.c) */

/* One key of any supported type, public or private, as crypto-layer objects. */
struct ntls_x509_key {
    enum ntls_pk_type type; /* NTLS_PK_NONE: empty */
    union {
        struct ntls_rsa_key *rsa;
        struct ntls_dsa_key *dsa;
        struct ntls_ec_key *ec;
    };
};

void ntls_x509_key_free(struct ntls_x509_key *key);
bool ntls_x509_key_is_private(const struct ntls_x509_key *key);
/* Modulus bits (RSA), bits of p (DSA), curve bits (EC); 0 for an empty key. */
size_t ntls_x509_key_bits(const struct ntls_x509_key *key);
/* Whether priv is the private half of pub (X509_check_private_key): signs a fixed digest with priv and
 * verifies it with pub. NTLS_E_DECRYPT_ERROR when they do not match (also for different types),
 * NTLS_E_USAGE when priv is not private. */
NTLS_MUST_CHECK ntls_result ntls_x509_key_check_pair(const struct ntls_x509_key *priv,
                                                     const struct ntls_x509_key *pub);

/* SubjectPublicKeyInfo ::= SEQUENCE { algorithm AlgorithmIdentifier, subjectPublicKey BIT STRING }
 * (RFC 5280 4.1.2.7; RFC 3279 2.3 and RFC 5480 for the algorithms). */
struct ntls_x509_spki {
    struct ntls_cur raw;               /* the whole element (what OpenSSL's X509_pubkey_digest hashes) */
    struct ntls_cur alg_oid;
    const struct ntls_oid_info *alg;   /* NULL if unknown */
    struct ntls_cur params;            /* the whole parameters element, or empty */
    enum ntls_pk_type type;            /* NTLS_PK_NONE for an algorithm we do not implement */
    const struct ntls_oid_info *curve; /* EC: the named curve's row, NULL if not a known named curve */
    struct ntls_cur key;               /* subjectPublicKey octets (RSAPublicKey DER, DSA INTEGER DER, EC
                                          point) */
};

/* Builds the crypto-layer public key. NTLS_E_UNSUPPORTED_CERTIFICATE for an unknown algorithm or curve, a
 * DSA key without parameters (inheritance is not supported); NTLS_E_BAD_CERTIFICATE when the key octets
 * or parameters are malformed or the crypto layer refuses them (an EC point off the curve). */
NTLS_MUST_CHECK ntls_result ntls_x509_spki_key(const struct ntls_x509_spki *spki, struct ntls_x509_key *out);

/* ---------------------------------------------------------------------------------------------------- */
/* Certificates (cert.c, ext.c, sig.c), RFC 5280 4.1 */

/* keyUsage bits, laid out as OpenSSL's KU_* (first octet of the BIT STRING in the low byte). */
#define NTLS_KU_DIGITAL_SIGNATURE 0x0080
#define NTLS_KU_NON_REPUDIATION 0x0040
#define NTLS_KU_KEY_ENCIPHERMENT 0x0020
#define NTLS_KU_DATA_ENCIPHERMENT 0x0010
#define NTLS_KU_KEY_AGREEMENT 0x0008
#define NTLS_KU_KEY_CERT_SIGN 0x0004
#define NTLS_KU_CRL_SIGN 0x0002
#define NTLS_KU_ENCIPHER_ONLY 0x0001
#define NTLS_KU_DECIPHER_ONLY 0x8000

/* extKeyUsage purposes we know, as bits of eku_flags (unknown purposes are only in the eku list). */
#define NTLS_EKU_SERVER_AUTH 0x01
#define NTLS_EKU_CLIENT_AUTH 0x02
#define NTLS_EKU_CODE_SIGNING 0x04
#define NTLS_EKU_EMAIL_PROTECTION 0x08
#define NTLS_EKU_TIME_STAMPING 0x10
#define NTLS_EKU_OCSP_SIGNING 0x20
#define NTLS_EKU_ANY 0x40

/* Which extensions were present (bits of ext_flags). */
#define NTLS_EXT_BASIC_CONSTRAINTS 0x001
#define NTLS_EXT_KEY_USAGE 0x002
#define NTLS_EXT_EKU 0x004
#define NTLS_EXT_SAN 0x008
#define NTLS_EXT_NAME_CONSTRAINTS 0x010
#define NTLS_EXT_AKID 0x020
#define NTLS_EXT_SKID 0x040
#define NTLS_EXT_CERT_POLICIES 0x080
#define NTLS_EXT_CRL_DP 0x100
#define NTLS_EXT_AIA 0x200

/* One extension as it appears: Extension ::= SEQUENCE { extnID, critical BOOLEAN DEFAULT FALSE,
 * extnValue OCTET STRING }. */
struct ntls_x509_ext {
    struct ntls_cur oid;
    const struct ntls_oid_info *info; /* NULL if unknown */
    bool critical;
    struct ntls_cur value;            /* extnValue's octets: the DER of the extension's own type */
};

struct ntls_x509_cert {
    uint8_t *der;                 /* owned copy of the whole Certificate */
    size_t der_len;
    struct ntls_cur tbs;          /* the whole tbsCertificate element: the signed bytes */

    unsigned version;             /* 1, 2 or 3 (the encoded value plus one) */
    struct ntls_cur serial;       /* INTEGER content octets as encoded (two's complement, minimal) */
    bool serial_negative;         /* RFC 5280 4.1.2.2 forbids it, but it is seen and OpenSSL accepts it */
    struct ntls_der_alg sig_alg;  /* signatureAlgorithm (outer; the inner one is byte-identical) */
    const struct ntls_oid_info *sig; /* its row, NULL if unknown (then signatures cannot be checked) */
    struct ntls_cur sig_value;    /* signatureValue octets */

    struct ntls_x509_name issuer, subject;
    int64_t not_before, not_after;
    struct ntls_x509_spki spki;
    struct ntls_cur issuer_uid;   /* v2/v3 unique identifiers, BIT STRING octets; empty if absent */
    struct ntls_cur subject_uid;

    /* extensions (v3 only) */
    struct ntls_x509_ext *exts;   /* all of them in order, one array */
    size_t ext_count;
    uint32_t ext_flags;           /* NTLS_EXT_*: which of the extensions below were present */
    /* An extension marked critical that nettls does not process (RFC 5280 4.2: MUST reject). The parse
     * succeeds, as OpenSSL's does; the verifier turns this into X509_V_ERR_UNHANDLED_CRITICAL_EXTENSION. */
    bool unhandled_critical;

    bool ca;                      /* basicConstraints cA */
    int path_len;                 /* basicConstraints pathLenConstraint, -1 when absent */
    uint16_t key_usage;           /* NTLS_KU_* bits; meaningful when ext_flags has NTLS_EXT_KEY_USAGE */
    uint32_t eku_flags;           /* NTLS_EKU_* bits */
    struct ntls_cur *eku;         /* every KeyPurposeId, OID content octets */
    size_t eku_count;
    struct ntls_x509_gname *san;  /* subjectAltName entries */
    size_t san_count;
    struct ntls_x509_subtree *permitted, *excluded; /* nameConstraints */
    size_t permitted_count, excluded_count;
    struct ntls_cur akid_keyid;   /* authorityKeyIdentifier keyIdentifier, empty if absent */
    struct ntls_cur akid_issuer;  /* authorityCertIssuer: the content of the GeneralNames, empty if absent */
    struct ntls_cur akid_serial;  /* authorityCertSerialNumber INTEGER content octets, empty if absent */
    struct ntls_cur skid;         /* subjectKeyIdentifier, empty if absent */
};

/* Parses exactly one DER Certificate of len bytes (trailing bytes are an error) into *cert, which owns a
 * copy of the bytes afterwards (der may be freed). Checks: DER throughout, version 1..3 (v1 without
 * unique identifiers or extensions, unique identifiers only from v2, extensions only in v3; an explicit
 * version 0 is accepted, as OpenSSL does), the inner and outer signature AlgorithmIdentifiers identical, a
 * well-formed validity, names, SubjectPublicKeyInfo and extensions (each known extension parsed, unknown
 * ones kept raw, duplicates rejected). Unknown algorithms are not errors here. Failure:
 * NTLS_E_BAD_CERTIFICATE or NTLS_E_NOMEM. */
NTLS_MUST_CHECK ntls_result ntls_x509_cert_parse(struct ntls_x509_cert *cert, const uint8_t *der, size_t len);
void ntls_x509_cert_free(struct ntls_x509_cert *cert);
/* The certificate's public key (ntls_x509_spki_key on cert->spki). */
NTLS_MUST_CHECK ntls_result ntls_x509_cert_key(const struct ntls_x509_cert *cert, struct ntls_x509_key *out);
/* The extension with the given OID, or NULL. */
const struct ntls_x509_ext *ntls_x509_cert_ext(const struct ntls_x509_cert *cert, enum ntls_oid_id id);

/* Verifies data/sig made with the signature algorithm sig_alg (a NTLS_OID_KIND_SIG row) by key: RSA
 * PKCS#1 v1.5 with MD5, SHA-1 or SHA-2, DSA and ECDSA with SHA-1 or SHA-2 (DER signatures). OK, or
 * NTLS_E_DECRYPT_ERROR when it does not verify (including a key of another type than the algorithm's),
 * NTLS_E_UNSUPPORTED_CERTIFICATE when sig_alg is NULL or not implemented. */
NTLS_MUST_CHECK ntls_result ntls_x509_verify_data(const struct ntls_x509_key *key,
                                                  const struct ntls_oid_info *sig_alg, const uint8_t *data,
                                                  size_t data_len, const uint8_t *sig, size_t sig_len);
/* Verifies cert's signature over its raw tbsCertificate with issuer's public key. Results as
 * ntls_x509_verify_data, plus those of ntls_x509_cert_key for the issuer's key. Names, validity and
 * extensions are the verifier's business, not this function's. cert == issuer is allowed (self-signed). */
NTLS_MUST_CHECK ntls_result ntls_x509_check_signature(const struct ntls_x509_cert *cert,
                                                      const struct ntls_x509_cert *issuer);

/* ---------------------------------------------------------------------------------------------------- */
/* PEM (pem.c), RFC 7468 plus OpenSSL's legacy encryption headers (RFC 1421 4.6.1.1 and 4.6.1.3) */

#define NTLS_PEM_LABEL_MAX 64

struct ntls_pem_block {
    char label[NTLS_PEM_LABEL_MAX];     /* the text between "BEGIN " and the dashes, NUL-terminated */
    uint8_t *der;                       /* decoded body, owned; wiped when freed (it may be a key) */
    size_t der_len;
    bool encrypted;                     /* "Proc-Type: 4,ENCRYPTED": der is ciphertext */
    enum ntls_cipher_id dek_cipher;     /* from "DEK-Info: <cipher>,<hex IV>" when encrypted */
    uint8_t dek_iv[NTLS_CIPHER_MAX_BLOCK];
};

/* Finds the next PEM block in the text at *text whose label equals label (NULL: any label), decodes it
 * into *out and advances *text past its END line; *found tells whether there was one (when not, *text is
 * emptied and *out zeroed). Lines end in LF or CRLF; text before, between and after blocks is skipped, as
 * are blocks with other labels. Inside a block: optional RFC 1421 headers ("Name: value" lines, then an
 * empty line), then base64 lines (surrounding spaces and tabs allowed), then "-----END <label>-----".
 * A block that starts but is malformed (bad base64, wrong END label, missing END, unknown Proc-Type or
 * DEK-Info cipher) is NTLS_E_DECODE; DEK-Info names AES-128-CBC, AES-256-CBC or DES-EDE3-CBC. */
NTLS_MUST_CHECK ntls_result ntls_pem_next(struct ntls_cur *text, const char *label,
                                          struct ntls_pem_block *out, bool *found);
void ntls_pem_block_free(struct ntls_pem_block *block);

/* ---------------------------------------------------------------------------------------------------- */
/* Private keys (key.c, pbe.c) */

enum ntls_key_format {
    NTLS_KEY_PKCS8,           /* PrivateKeyInfo / OneAsymmetricKey (RFC 5208, RFC 5958): RSA, DSA, EC */
    NTLS_KEY_PKCS8_ENCRYPTED, /* EncryptedPrivateKeyInfo with PBES2 (RFC 8018) */
    NTLS_KEY_RSA,             /* PKCS#1 RSAPrivateKey (RFC 8017 A.1.2), two primes */
    NTLS_KEY_EC,              /* SEC1 ECPrivateKey (RFC 5915), P-256 or P-384 named curve */
    NTLS_KEY_DSA,             /* OpenSSL's DSA key: SEQUENCE { 0, p, q, g, y, x } */
};

/* Loads a DER private key of the given format. pass/pass_len are used only by NTLS_KEY_PKCS8_ENCRYPTED
 * (then pass MUST be non-NULL, else NTLS_E_USAGE; pass_len 0 is an empty passphrase); pass may be NULL
 * otherwise. For EC keys the public point MUST be present (SEC1 publicKey or PKCS#8 publicKey) and is
 * checked against the private scalar; NTLS_E_UNSUPPORTED_CERTIFICATE when it is absent. PBES2: PBKDF2 with
 * HMAC-SHA1/256/384/512 and AES-128/256-CBC or DES-EDE3-CBC. */
NTLS_MUST_CHECK ntls_result ntls_x509_key_parse(struct ntls_x509_key *out, enum ntls_key_format format,
                                                const uint8_t *der, size_t len, const char *pass,
                                                size_t pass_len);
/* Loads the private key in a decoded PEM block, the format chosen by its label: "PRIVATE KEY",
 * "ENCRYPTED PRIVATE KEY", "RSA PRIVATE KEY", "EC PRIVATE KEY", "DSA PRIVATE KEY" (NTLS_E_DECODE for another
 * label). A legacy encrypted block (block->encrypted) is decrypted with OpenSSL's EVP_BytesToKey(MD5) key
 * derivation first. pass as for ntls_x509_key_parse; needed for both kinds of encryption. */
NTLS_MUST_CHECK ntls_result ntls_x509_key_from_pem_block(struct ntls_x509_key *out,
                                                         const struct ntls_pem_block *block, const char *pass,
                                                         size_t pass_len);
/* The first private-key block (any of the labels above) in PEM text, loaded. NTLS_E_DECODE when there is
 * none. */
NTLS_MUST_CHECK ntls_result ntls_x509_key_from_pem(struct ntls_x509_key *out, const char *text, size_t len,
                                                   const char *pass, size_t pass_len);

/* Decrypts an EncryptedPrivateKeyInfo into a freshly allocated PrivateKeyInfo (*out, *out_len; free with
 * ntls_free_secret(*out, *out_len)). The plaintext is checked to be one DER SEQUENCE: a wrong passphrase is
 * NTLS_E_DECRYPT_ERROR. */
NTLS_MUST_CHECK ntls_result ntls_x509_pkcs8_decrypt(const uint8_t *der, size_t len, const char *pass,
                                                    size_t pass_len, uint8_t **out, size_t *out_len);
/* Decrypts a legacy encrypted PEM body (block->encrypted) into a fresh allocation, as above. */
NTLS_MUST_CHECK ntls_result ntls_pem_decrypt(const struct ntls_pem_block *block, const char *pass,
                                             size_t pass_len, uint8_t **out, size_t *out_len);

/* ---------------------------------------------------------------------------------------------------- */
/* Diffie-Hellman parameters (dhparam.c): PKCS#3 DHParameter ::= SEQUENCE { prime INTEGER, base INTEGER,
 * privateValueLength INTEGER OPTIONAL } */

struct ntls_x509_dh_params {
    uint8_t *p, *g;        /* owned, unsigned big-endian without leading zeros */
    size_t p_len, g_len;
    unsigned priv_bits;    /* privateValueLength, 0 when absent */
};

/* Checks p odd, at least 512 bits and at most NTLS_DH_MAX_BYTES, and 1 < g < p-1. NTLS_E_DECODE. */
NTLS_MUST_CHECK ntls_result ntls_x509_dh_params_parse(struct ntls_x509_dh_params *out, const uint8_t *der,
                                                      size_t len);
/* The first "DH PARAMETERS" block in PEM text. */
NTLS_MUST_CHECK ntls_result ntls_x509_dh_params_from_pem(struct ntls_x509_dh_params *out, const char *text,
                                                         size_t len);
void ntls_x509_dh_params_free(struct ntls_x509_dh_params *params);

#endif
