/* nettls: the one table of object identifiers lib/x509 knows.
 *
 * Each row carries the DER content octets of the OID (compared byte for byte against what a parser read),
 * its dotted text, OpenSSL's NID number and short/long names (so the compat layer can expose NID_*, OBJ_*
 * and print names exactly as OpenSSL does), and for algorithms what they mean to the crypto layer.
 * The table is constant; lookups return pointers into it that stay valid for the life of the program. */
#ifndef NTLS_X509_OID_H
#define NTLS_X509_OID_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "../base/buf.h"
#include "../crypto/crypto.h"

/* Public-key algorithm families. */
enum ntls_pk_type {
    NTLS_PK_NONE = 0, /* unknown or unsupported */
    NTLS_PK_RSA,
    NTLS_PK_DSA,
    NTLS_PK_EC,
};

enum ntls_oid_kind {
    NTLS_OID_KIND_SIG,    /* signature algorithm: .hash and .pk */
    NTLS_OID_KIND_KEY,    /* SubjectPublicKeyInfo algorithm: .pk */
    NTLS_OID_KIND_CURVE,  /* named curve: .curve */
    NTLS_OID_KIND_ATTR,   /* Name attribute type */
    NTLS_OID_KIND_EXT,    /* certificate extension: .supported = understood when critical */
    NTLS_OID_KIND_EKU,    /* extended key usage purpose */
    NTLS_OID_KIND_OTHER,  /* policy and access-method identifiers */
    NTLS_OID_KIND_PBE,    /* PKCS#5 schemes */
    NTLS_OID_KIND_PRF,    /* PBKDF2 pseudo-random functions: .hash */
    NTLS_OID_KIND_CIPHER, /* key-encryption ciphers: .cipher */
    NTLS_OID_KIND_HASH,   /* digest algorithms: .hash */
};

enum ntls_oid_id {
    NTLS_OID_NONE = 0,
    NTLS_OID_MD5_RSA,
    NTLS_OID_SHA1_RSA,
    NTLS_OID_SHA224_RSA,
    NTLS_OID_SHA256_RSA,
    NTLS_OID_SHA384_RSA,
    NTLS_OID_SHA512_RSA,
    NTLS_OID_RSASSA_PSS,
    NTLS_OID_DSA_SHA1,
    NTLS_OID_DSA_SHA224,
    NTLS_OID_DSA_SHA256,
    NTLS_OID_ECDSA_SHA1,
    NTLS_OID_ECDSA_SHA224,
    NTLS_OID_ECDSA_SHA256,
    NTLS_OID_ECDSA_SHA384,
    NTLS_OID_ECDSA_SHA512,
    NTLS_OID_RSA,
    NTLS_OID_DSA,
    NTLS_OID_EC_PUBLIC_KEY,
    NTLS_OID_DH,
    NTLS_OID_P256,
    NTLS_OID_P384,
    NTLS_OID_P521,
    NTLS_OID_CN,
    NTLS_OID_SURNAME,
    NTLS_OID_SERIAL_NUMBER,
    NTLS_OID_C,
    NTLS_OID_L,
    NTLS_OID_ST,
    NTLS_OID_STREET,
    NTLS_OID_O,
    NTLS_OID_OU,
    NTLS_OID_TITLE,
    NTLS_OID_DESCRIPTION,
    NTLS_OID_BUSINESS_CATEGORY,
    NTLS_OID_POSTAL_CODE,
    NTLS_OID_NAME,
    NTLS_OID_GIVEN_NAME,
    NTLS_OID_INITIALS,
    NTLS_OID_GENERATION_QUALIFIER,
    NTLS_OID_DN_QUALIFIER,
    NTLS_OID_PSEUDONYM,
    NTLS_OID_EMAIL,
    NTLS_OID_DC,
    NTLS_OID_UID,
    NTLS_OID_SKID,
    NTLS_OID_KEY_USAGE,
    NTLS_OID_SAN,
    NTLS_OID_IAN,
    NTLS_OID_BASIC_CONSTRAINTS,
    NTLS_OID_NAME_CONSTRAINTS,
    NTLS_OID_CRL_DP,
    NTLS_OID_CERT_POLICIES,
    NTLS_OID_POLICY_MAPPINGS,
    NTLS_OID_AKID,
    NTLS_OID_POLICY_CONSTRAINTS,
    NTLS_OID_EKU,
    NTLS_OID_INHIBIT_ANY_POLICY,
    NTLS_OID_AIA,
    NTLS_OID_TLS_FEATURE,
    NTLS_OID_NS_CERT_TYPE,
    NTLS_OID_CT_SCTS,
    NTLS_OID_ANY_EKU,
    NTLS_OID_SERVER_AUTH,
    NTLS_OID_CLIENT_AUTH,
    NTLS_OID_CODE_SIGNING,
    NTLS_OID_EMAIL_PROTECTION,
    NTLS_OID_TIME_STAMPING,
    NTLS_OID_OCSP_SIGNING,
    NTLS_OID_ANY_POLICY,
    NTLS_OID_AD_OCSP,
    NTLS_OID_AD_CA_ISSUERS,
    NTLS_OID_PBES2,
    NTLS_OID_PBKDF2,
    NTLS_OID_HMAC_SHA1,
    NTLS_OID_HMAC_SHA224,
    NTLS_OID_HMAC_SHA256,
    NTLS_OID_HMAC_SHA384,
    NTLS_OID_HMAC_SHA512,
    NTLS_OID_AES128_CBC,
    NTLS_OID_AES192_CBC,
    NTLS_OID_AES256_CBC,
    NTLS_OID_DES_EDE3_CBC,
    NTLS_OID_MD5,
    NTLS_OID_SHA1,
    NTLS_OID_SHA224,
    NTLS_OID_SHA256,
    NTLS_OID_SHA384,
    NTLS_OID_SHA512,
    NTLS_OID__COUNT
};

#define NTLS_OID_DER_MAX 10

struct ntls_oid_info {
    enum ntls_oid_id id;
    enum ntls_oid_kind kind;
    int nid;          /* OpenSSL's NID_* value */
    const char *sn;   /* OpenSSL's SN_* (equal to the long name where OpenSSL has no short name) */
    const char *ln;   /* OpenSSL's LN_* */
    const char *text; /* dotted decimal */
    uint8_t der_len;
    uint8_t der[NTLS_OID_DER_MAX]; /* content octets of the OBJECT IDENTIFIER (no tag, no length) */
    /* Whether nettls implements it: the algorithm is usable (SIG, KEY, CURVE, PRF, CIPHER, HASH), or the
     * extension is one a verifier processes and so may be critical (EXT; RFC 5280 4.2, the same set as
     * OpenSSL's X509_supported_extension minus RFC 3779 and proxy certificates). */
    bool supported;
    enum ntls_hash_id hash;     /* SIG, PRF, HASH, when supported */
    enum ntls_pk_type pk;       /* SIG, KEY, when supported */
    enum ntls_curve curve;      /* CURVE, when supported */
    enum ntls_cipher_id cipher; /* CIPHER, when supported */
};

/* The row whose content octets equal oid, or NULL for an OID the table does not hold. */
const struct ntls_oid_info *ntls_oid_find(struct ntls_cur oid);
/* The row of a known id; NULL for NTLS_OID_NONE or an out-of-range value. */
const struct ntls_oid_info *ntls_oid_get(enum ntls_oid_id id);
/* Lookups for the compat layer (OBJ_nid2obj, OBJ_sn2nid, OBJ_ln2nid, OBJ_txt2nid); NULL when not found.
 * Names compare exactly (case-sensitive, as OpenSSL's). */
const struct ntls_oid_info *ntls_oid_by_nid(int nid);
const struct ntls_oid_info *ntls_oid_by_name(const char *sn_or_ln);
const struct ntls_oid_info *ntls_oid_by_text(const char *dotted);
/* True when oid holds exactly the octets of the known OID id. */
bool ntls_oid_is(struct ntls_cur oid, enum ntls_oid_id id);

/* Writes the dotted-decimal text of any OID's content octets (as read by ntls_der_oid) to buf,
 * NUL-terminated, and returns its length (without the NUL). Returns 0, with buf set to "" when cap > 0, if
 * the octets are not a valid OID, an arc exceeds 64 bits, or the text does not fit in cap bytes. */
size_t ntls_oid_to_text(struct ntls_cur oid, char *buf, size_t cap);

#endif
