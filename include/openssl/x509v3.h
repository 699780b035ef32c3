/* nettls: <openssl/x509v3.h>, X.509 v3 extensions.
 *
 * GENERAL_NAME is public and laid out as in OpenSSL 1.1.0, because programs read ->type and
 * ->d.dNSName, ->d.iPAddress, ->d.ia5 directly when they walk subjectAltName. The other extension types
 * are opaque. */
#ifndef HEADER_X509V3_H
#define HEADER_X509V3_H

#include <openssl/bio.h>
#include <openssl/x509.h>
#include <openssl/conf.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct otherName_st OTHERNAME;
typedef struct EDIPartyName_st EDIPARTYNAME;

typedef struct GENERAL_NAME_st {
#define GEN_OTHERNAME 0
#define GEN_EMAIL 1
#define GEN_DNS 2
#define GEN_X400 3
#define GEN_DIRNAME 4
#define GEN_EDIPARTY 5
#define GEN_URI 6
#define GEN_IPADD 7
#define GEN_RID 8
    int type;
    union {
        char *ptr;
        OTHERNAME *otherName; /* otherName */
        ASN1_IA5STRING *rfc822Name;
        ASN1_IA5STRING *dNSName;
        ASN1_TYPE *x400Address;
        X509_NAME *directoryName;
        EDIPARTYNAME *ediPartyName;
        ASN1_IA5STRING *uniformResourceIdentifier;
        ASN1_OCTET_STRING *iPAddress;
        ASN1_OBJECT *registeredID;
        /* Old names */
        ASN1_OCTET_STRING *ip; /* iPAddress */
        X509_NAME *dirn; /* dirn */
        ASN1_IA5STRING *ia5; /* rfc822Name, dNSName, uniformResourceIdentifier */
        ASN1_OBJECT *rid; /* registeredID */
        ASN1_TYPE *other; /* x400Address */
    } d;
} GENERAL_NAME;

STACK_OF(GENERAL_NAME);
typedef STACK_OF(GENERAL_NAME) GENERAL_NAMES;
STACK_OF(GENERAL_NAMES);

typedef struct BASIC_CONSTRAINTS_st BASIC_CONSTRAINTS;
typedef struct PKEY_USAGE_PERIOD_st PKEY_USAGE_PERIOD;
typedef struct ACCESS_DESCRIPTION_st ACCESS_DESCRIPTION;
typedef struct DIST_POINT_NAME_st DIST_POINT_NAME;
typedef struct POLICYINFO_st POLICYINFO;
typedef struct POLICYQUALINFO_st POLICYQUALINFO;
typedef struct USERNOTICE_st USERNOTICE;
typedef struct NOTICEREF_st NOTICEREF;
typedef struct GENERAL_SUBTREE_st GENERAL_SUBTREE;
typedef struct POLICY_MAPPING_st POLICY_MAPPING;
typedef struct POLICY_CONSTRAINTS_st POLICY_CONSTRAINTS;
typedef struct x509_purpose_st X509_PURPOSE;
typedef struct v3_ext_method X509V3_EXT_METHOD;

STACK_OF(ACCESS_DESCRIPTION);
STACK_OF(DIST_POINT);
STACK_OF(POLICYINFO);
STACK_OF(POLICYQUALINFO);
STACK_OF(GENERAL_SUBTREE);
STACK_OF(POLICY_MAPPING);
STACK_OF(X509_PURPOSE);

typedef STACK_OF(ACCESS_DESCRIPTION) AUTHORITY_INFO_ACCESS;
typedef STACK_OF(ASN1_OBJECT) EXTENDED_KEY_USAGE;
typedef STACK_OF(ASN1_INTEGER) TLS_FEATURE;
typedef STACK_OF(DIST_POINT) CRL_DIST_POINTS;
typedef STACK_OF(POLICYINFO) CERTIFICATEPOLICIES;
typedef STACK_OF(POLICY_MAPPING) POLICY_MAPPINGS;

/* All existing reasons */
#define CRLDP_ALL_REASONS 0x807f

#define EXFLAG_BCONS 0x1
#define EXFLAG_KUSAGE 0x2
#define EXFLAG_XKUSAGE 0x4
#define EXFLAG_NSCERT 0x8

#define EXFLAG_CA 0x10
/* Really self issued not necessarily self signed */
#define EXFLAG_SI 0x20
#define EXFLAG_V1 0x40
#define EXFLAG_INVALID 0x80
#define EXFLAG_SET 0x100
#define EXFLAG_CRITICAL 0x200
#define EXFLAG_PROXY 0x400

#define EXFLAG_INVALID_POLICY 0x800
#define EXFLAG_FRESHEST 0x1000
/* Self signed */
#define EXFLAG_SS 0x2000

#define KU_DIGITAL_SIGNATURE 0x0080
#define KU_NON_REPUDIATION 0x0040
#define KU_KEY_ENCIPHERMENT 0x0020
#define KU_DATA_ENCIPHERMENT 0x0010
#define KU_KEY_AGREEMENT 0x0008
#define KU_KEY_CERT_SIGN 0x0004
#define KU_CRL_SIGN 0x0002
#define KU_ENCIPHER_ONLY 0x0001
#define KU_DECIPHER_ONLY 0x8000

#define NS_SSL_CLIENT 0x80
#define NS_SSL_SERVER 0x40
#define NS_SMIME 0x20
#define NS_OBJSIGN 0x10
#define NS_SSL_CA 0x04
#define NS_SMIME_CA 0x02
#define NS_OBJSIGN_CA 0x01
#define NS_ANY_CA (NS_SSL_CA | NS_SMIME_CA | NS_OBJSIGN_CA)

#define XKU_SSL_SERVER 0x1
#define XKU_SSL_CLIENT 0x2
#define XKU_SMIME 0x4
#define XKU_CODE_SIGN 0x8
#define XKU_SGC 0x10
#define XKU_OCSP_SIGN 0x20
#define XKU_TIMESTAMP 0x40
#define XKU_DVCS 0x80
#define XKU_ANYEKU 0x100

#define X509_PURPOSE_DYNAMIC 0x1
#define X509_PURPOSE_DYNAMIC_NAME 0x2

#define X509_PURPOSE_SSL_CLIENT 1
#define X509_PURPOSE_SSL_SERVER 2
#define X509_PURPOSE_NS_SSL_SERVER 3
#define X509_PURPOSE_SMIME_SIGN 4
#define X509_PURPOSE_SMIME_ENCRYPT 5
#define X509_PURPOSE_CRL_SIGN 6
#define X509_PURPOSE_ANY 7
#define X509_PURPOSE_OCSP_HELPER 8
#define X509_PURPOSE_TIMESTAMP_SIGN 9

#define X509_PURPOSE_MIN 1
#define X509_PURPOSE_MAX 9

/* Flags for X509V3_EXT_print() */
#define X509V3_EXT_UNKNOWN_MASK (0xfL << 16)
#define X509V3_EXT_DEFAULT 0
#define X509V3_EXT_ERROR_UNKNOWN (1L << 16)
#define X509V3_EXT_PARSE_UNKNOWN (2L << 16)
#define X509V3_EXT_DUMP_UNKNOWN (3L << 16)

/* Flags for X509V3_add1_i2d */
#define X509V3_ADD_OP_MASK 0xfL
#define X509V3_ADD_DEFAULT 0L
#define X509V3_ADD_APPEND 1L
#define X509V3_ADD_REPLACE 2L
#define X509V3_ADD_REPLACE_EXISTING 3L
#define X509V3_ADD_KEEP_EXISTING 4L
#define X509V3_ADD_DELETE 5L
#define X509V3_ADD_SILENT 0x10

/* Flags for X509_check_host(), X509_check_email(), X509_check_ip() */
/* Always check subject name for host match even if subject alt names present */
#define X509_CHECK_FLAG_ALWAYS_CHECK_SUBJECT 0x1
/* Disable wildcard matching for dnsName fields and common name. */
#define X509_CHECK_FLAG_NO_WILDCARDS 0x2
/* Wildcards must not match a partial label. */
#define X509_CHECK_FLAG_NO_PARTIAL_WILDCARDS 0x4
/* Allow (non-partial) wildcards to match multiple labels. */
#define X509_CHECK_FLAG_MULTI_LABEL_WILDCARDS 0x8
/* Constraint verifier subdomain patterns to match a single labels. */
#define X509_CHECK_FLAG_SINGLE_LABEL_SUBDOMAINS 0x10
/* Never check the subject CN */
#define X509_CHECK_FLAG_NEVER_CHECK_SUBJECT 0x20

struct BASIC_CONSTRAINTS_st {
    int ca;
    ASN1_INTEGER *pathlen;
};

#define sk_GENERAL_NAME_new_null() SKM_sk_new_null(GENERAL_NAME)
#define sk_GENERAL_NAME_num(st) SKM_sk_num(GENERAL_NAME, (st))
#define sk_GENERAL_NAME_value(st, i) SKM_sk_value(GENERAL_NAME, (st), (i))
#define sk_GENERAL_NAME_free(st) SKM_sk_free(GENERAL_NAME, (st))
#define sk_GENERAL_NAME_pop_free(st, f) SKM_sk_pop_free(GENERAL_NAME, (st), (f))
#define sk_GENERAL_NAME_push(st, p) SKM_sk_push(GENERAL_NAME, (st), (p))
#define sk_GENERAL_NAME_pop(st) SKM_sk_pop(GENERAL_NAME, (st))
#define sk_GENERAL_NAME_shift(st) SKM_sk_shift(GENERAL_NAME, (st))

/* Decoded extensions (man X509_get_ext_d2i): subjectAltName (GENERAL_NAMES; otherName, x400Address,
 * ediPartyName and registeredID entries are left out), basicConstraints (BASIC_CONSTRAINTS), keyUsage
 * (ASN1_BIT_STRING) and subjectKeyIdentifier (ASN1_OCTET_STRING); NULL for other extensions. */
void *X509_get_ext_d2i(const X509 *x, int nid, int *crit, int *idx);
void *X509V3_EXT_d2i(X509_EXTENSION *ext);
const X509V3_EXT_METHOD *X509V3_EXT_get(X509_EXTENSION *ext);
const X509V3_EXT_METHOD *X509V3_EXT_get_nid(int nid);
GENERAL_NAME *GENERAL_NAME_new(void);
void GENERAL_NAME_free(GENERAL_NAME *a);
void GENERAL_NAMES_free(GENERAL_NAMES *a);
void BASIC_CONSTRAINTS_free(BASIC_CONSTRAINTS *a);

/* Identity checks (man X509_check_host): 1 match, 0 none, -2 malformed argument, -1 out of memory. */
int X509_check_host(X509 *x, const char *chk, size_t chklen, unsigned int flags, char **peername);
int X509_check_email(X509 *x, const char *chk, size_t chklen, unsigned int flags);
int X509_check_ip(X509 *x, const unsigned char *chk, size_t chklen, unsigned int flags);
int X509_check_ip_asc(X509 *x, const char *address, unsigned int flags);
/* The octets of an IPv4 or IPv6 address in text (4 or 16), NULL if ipasc is not one. */
ASN1_OCTET_STRING *a2i_IPADDRESS(const char *ipasc);

#ifdef __cplusplus
}
#endif

#endif
