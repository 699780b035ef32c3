/* nettls: <openssl/x509.h>, certificates. The X509 types are opaque.
 *
 * An X509 holds one parsed certificate and is reference counted (X509_up_ref, X509_free). The X509_NAME
 * that X509_get_subject_name() and X509_get_issuer_name() return belongs to the certificate; one made by
 * X509_NAME_dup() is the caller's. */
#ifndef HEADER_X509_H
#define HEADER_X509_H

#include <openssl/e_os2.h>
#include <openssl/ossl_typ.h>
#include <openssl/symhacks.h>
#include <openssl/buffer.h>
#include <openssl/evp.h>
#include <openssl/bio.h>
#include <openssl/stack.h>
#include <openssl/asn1.h>
#include <openssl/safestack.h>
#include <openssl/ec.h>
#include <openssl/rsa.h>
#include <openssl/dsa.h>
#include <openssl/dh.h>
#include <openssl/sha.h>

#ifdef __cplusplus
extern "C" {
#endif

#define X509_FILETYPE_PEM 1
#define X509_FILETYPE_ASN1 2
#define X509_FILETYPE_DEFAULT 3

#define X509v3_KU_DIGITAL_SIGNATURE 0x0080
#define X509v3_KU_NON_REPUDIATION 0x0040
#define X509v3_KU_KEY_ENCIPHERMENT 0x0020
#define X509v3_KU_DATA_ENCIPHERMENT 0x0010
#define X509v3_KU_KEY_AGREEMENT 0x0008
#define X509v3_KU_KEY_CERT_SIGN 0x0004
#define X509v3_KU_CRL_SIGN 0x0002
#define X509v3_KU_ENCIPHER_ONLY 0x0001
#define X509v3_KU_DECIPHER_ONLY 0x8000
#define X509v3_KU_UNDEF 0xffff

typedef struct X509_val_st X509_VAL;
typedef struct X509_sig_st X509_SIG;
typedef struct X509_name_entry_st X509_NAME_ENTRY;
typedef struct X509_extension_st X509_EXTENSION;
typedef struct x509_attributes_st X509_ATTRIBUTE;
typedef struct X509_req_info_st X509_REQ_INFO;
typedef struct X509_req_st X509_REQ;
typedef struct x509_cert_aux_st X509_CERT_AUX;
typedef struct x509_cinf_st X509_CINF;
typedef struct x509_trust_st X509_TRUST;
typedef struct X509_info_st X509_INFO;
typedef struct private_key_st X509_PKEY;
typedef struct Netscape_spkac_st NETSCAPE_SPKAC;
typedef struct Netscape_spki_st NETSCAPE_SPKI;
typedef struct Netscape_certificate_sequence NETSCAPE_CERT_SEQUENCE;
typedef struct PBEPARAM_st PBEPARAM;
typedef struct PBE2PARAM_st PBE2PARAM;
typedef struct PBKDF2PARAM_st PBKDF2PARAM;

STACK_OF(X509);
STACK_OF(X509_NAME);
STACK_OF(X509_NAME_ENTRY);
STACK_OF(X509_EXTENSION);
STACK_OF(X509_ATTRIBUTE);
STACK_OF(X509_CRL);
STACK_OF(X509_REVOKED);
STACK_OF(X509_INFO);
STACK_OF(X509_TRUST);
STACK_OF(X509_ALGOR);

typedef STACK_OF(X509_ALGOR) X509_ALGORS;
typedef STACK_OF(X509_EXTENSION) X509_EXTENSIONS;

/* standard trust ids */
#define X509_TRUST_DEFAULT 0 /* Only valid in purpose settings */
#define X509_TRUST_COMPAT 1
#define X509_TRUST_SSL_CLIENT 2
#define X509_TRUST_SSL_SERVER 3
#define X509_TRUST_EMAIL 4
#define X509_TRUST_OBJECT_SIGN 5
#define X509_TRUST_OCSP_SIGN 6
#define X509_TRUST_OCSP_REQUEST 7
#define X509_TRUST_TSA 8

#define X509_TRUST_MIN 1
#define X509_TRUST_MAX 8

/* trust_flags values */
#define X509_TRUST_DYNAMIC (1U << 0)
#define X509_TRUST_DYNAMIC_NAME (1U << 1)
#define X509_TRUST_NO_SS_COMPAT (1U << 2)
#define X509_TRUST_DO_SS_COMPAT (1U << 3)
#define X509_TRUST_OK_ANY_EKU (1U << 4)

/* check_trust return codes */
#define X509_TRUST_TRUSTED 1
#define X509_TRUST_REJECTED 2
#define X509_TRUST_UNTRUSTED 3

/* Flags for X509_print_ex() */
#define X509_FLAG_COMPAT 0
#define X509_FLAG_NO_HEADER 1L
#define X509_FLAG_NO_VERSION (1L << 1)
#define X509_FLAG_NO_SERIAL (1L << 2)
#define X509_FLAG_NO_SIGNAME (1L << 3)
#define X509_FLAG_NO_ISSUER (1L << 4)
#define X509_FLAG_NO_VALIDITY (1L << 5)
#define X509_FLAG_NO_SUBJECT (1L << 6)
#define X509_FLAG_NO_PUBKEY (1L << 7)
#define X509_FLAG_NO_EXTENSIONS (1L << 8)
#define X509_FLAG_NO_SIGDUMP (1L << 9)
#define X509_FLAG_NO_AUX (1L << 10)
#define X509_FLAG_NO_ATTRIBUTES (1L << 11)
#define X509_FLAG_NO_IDS (1L << 12)

/* Flags specific to X509_NAME_print_ex() */
#define XN_FLAG_SEP_MASK (0xf << 16)
#define XN_FLAG_COMPAT 0 /* Traditional; use old X509_NAME_print */
#define XN_FLAG_SEP_COMMA_PLUS (1 << 16) /* RFC2253 ,+ */
#define XN_FLAG_SEP_CPLUS_SPC (2 << 16) /* ,+ spaced: more readable */
#define XN_FLAG_SEP_SPLUS_SPC (3 << 16) /* ;+ spaced */
#define XN_FLAG_SEP_MULTILINE (4 << 16) /* One line per field */
#define XN_FLAG_DN_REV (1 << 20) /* Reverse DN order */
#define XN_FLAG_FN_MASK (0x3 << 21)
#define XN_FLAG_FN_SN 0 /* Object short name */
#define XN_FLAG_FN_LN (1 << 21) /* Object long name */
#define XN_FLAG_FN_OID (2 << 21) /* Always use OIDs */
#define XN_FLAG_FN_NONE (3 << 21) /* No field names */
#define XN_FLAG_SPC_EQ (1 << 23) /* Put spaces round '=' */
#define XN_FLAG_DUMP_UNKNOWN_FIELDS (1 << 24)
#define XN_FLAG_FN_ALIGN (1 << 25) /* Align field names to 20 characters */

#define XN_FLAG_RFC2253                                                                                     \
    (ASN1_STRFLGS_RFC2253 | XN_FLAG_SEP_COMMA_PLUS | XN_FLAG_DN_REV | XN_FLAG_FN_SN |                       \
     XN_FLAG_DUMP_UNKNOWN_FIELDS)
#define XN_FLAG_ONELINE                                                                                     \
    (ASN1_STRFLGS_RFC2253 | ASN1_STRFLGS_ESC_QUOTE | XN_FLAG_SEP_CPLUS_SPC | XN_FLAG_SPC_EQ | XN_FLAG_FN_SN)
#define XN_FLAG_MULTILINE                                                                                   \
    (ASN1_STRFLGS_ESC_CTRL | ASN1_STRFLGS_ESC_MSB | XN_FLAG_SEP_MULTILINE | XN_FLAG_SPC_EQ |                 \
     XN_FLAG_FN_LN | XN_FLAG_FN_ALIGN)

#define X509_EX_V_NETSCAPE_HACK 0x8000
#define X509_EX_V_INIT 0x0001

/* Reason codes (ERR_LIB_X509). */
#define X509_R_CERT_ALREADY_IN_HASH_TABLE 101
#define X509_R_KEY_TYPE_MISMATCH 115
#define X509_R_KEY_VALUES_MISMATCH 116
#define X509_R_UNKNOWN_KEY_TYPE 117
#define X509_R_UNKNOWN_TRUST_ID 120
#define X509_R_UNKNOWN_PURPOSE_ID 121
#define X509_R_WRONG_TYPE 122

X509 *d2i_X509(X509 **a, const unsigned char **in, long len);
int i2d_X509(X509 *a, unsigned char **out);
/* The certificate's SubjectPublicKeyInfo (an internal pointer) and its DER (man X509_get_X509_PUBKEY). */
X509_PUBKEY *X509_get_X509_PUBKEY(const X509 *x);
int i2d_X509_PUBKEY(X509_PUBKEY *a, unsigned char **pp);
void X509_free(X509 *a);
int X509_up_ref(X509 *a);
X509_NAME *X509_get_subject_name(const X509 *a);
X509_NAME *X509_get_issuer_name(const X509 *a);

/* "/C=US/O=Org/CN=name" as 1.1.0 prints it: short attribute names (dotted OIDs for unknown ones), bytes
 * outside 0x20..0x7e as \xHH. With buf NULL the result is allocated (free it with OPENSSL_free); otherwise
 * entries that do not fit in size bytes are left out. */
char *X509_NAME_oneline(const X509_NAME *a, char *buf, int size);
X509_NAME *X509_NAME_dup(X509_NAME *xn);
void X509_NAME_free(X509_NAME *a);
int X509_NAME_cmp(const X509_NAME *a, const X509_NAME *b);
int i2d_X509_NAME(X509_NAME *a, unsigned char **out);

const char *X509_verify_cert_error_string(long n);

#define sk_X509_new_null() SKM_sk_new_null(X509)
#define sk_X509_num(st) SKM_sk_num(X509, (st))
#define sk_X509_value(st, i) SKM_sk_value(X509, (st), (i))
#define sk_X509_set(st, i, p) SKM_sk_set(X509, (st), (i), (p))
#define sk_X509_free(st) SKM_sk_free(X509, (st))
#define sk_X509_pop_free(st, f) SKM_sk_pop_free(X509, (st), (f))
#define sk_X509_push(st, p) SKM_sk_push(X509, (st), (p))
#define sk_X509_unshift(st, p) SKM_sk_unshift(X509, (st), (p))
#define sk_X509_insert(st, p, i) SKM_sk_insert(X509, (st), (p), (i))
#define sk_X509_find(st, p) SKM_sk_find(X509, (st), (p))
#define sk_X509_delete(st, i) SKM_sk_delete(X509, (st), (i))
#define sk_X509_delete_ptr(st, p) SKM_sk_delete_ptr(X509, (st), (p))
#define sk_X509_pop(st) SKM_sk_pop(X509, (st))
#define sk_X509_shift(st) SKM_sk_shift(X509, (st))
#define sk_X509_zero(st) SKM_sk_zero(X509, (st))
#define sk_X509_dup(st) SKM_sk_dup(X509, (st))
#define sk_X509_NAME_new_null() SKM_sk_new_null(X509_NAME)
#define sk_X509_NAME_num(st) SKM_sk_num(X509_NAME, (st))
#define sk_X509_NAME_value(st, i) SKM_sk_value(X509_NAME, (st), (i))
#define sk_X509_NAME_set(st, i, p) SKM_sk_set(X509_NAME, (st), (i), (p))
#define sk_X509_NAME_free(st) SKM_sk_free(X509_NAME, (st))
#define sk_X509_NAME_pop_free(st, f) SKM_sk_pop_free(X509_NAME, (st), (f))
#define sk_X509_NAME_push(st, p) SKM_sk_push(X509_NAME, (st), (p))
#define sk_X509_NAME_unshift(st, p) SKM_sk_unshift(X509_NAME, (st), (p))
#define sk_X509_NAME_insert(st, p, i) SKM_sk_insert(X509_NAME, (st), (p), (i))
#define sk_X509_NAME_find(st, p) SKM_sk_find(X509_NAME, (st), (p))
#define sk_X509_NAME_delete(st, i) SKM_sk_delete(X509_NAME, (st), (i))
#define sk_X509_NAME_delete_ptr(st, p) SKM_sk_delete_ptr(X509_NAME, (st), (p))
#define sk_X509_NAME_pop(st) SKM_sk_pop(X509_NAME, (st))
#define sk_X509_NAME_shift(st) SKM_sk_shift(X509_NAME, (st))
#define sk_X509_NAME_zero(st) SKM_sk_zero(X509_NAME, (st))
#define sk_X509_NAME_dup(st) SKM_sk_dup(X509_NAME, (st))

/* Serial number, validity, extensions (owned by the certificate). */
ASN1_INTEGER *X509_get_serialNumber(X509 *x);
const ASN1_TIME *X509_get0_notBefore(const X509 *x);
const ASN1_TIME *X509_get0_notAfter(const X509 *x);
ASN1_TIME *X509_getm_notBefore(const X509 *x);
ASN1_TIME *X509_getm_notAfter(const X509 *x);
#if OPENSSL_API_COMPAT < 0x10100000L
#define X509_get_notBefore X509_getm_notBefore
#define X509_get_notAfter X509_getm_notAfter
#endif
int X509_get_ext_count(const X509 *x);
X509_EXTENSION *X509_get_ext(const X509 *x, int loc);
int X509_get_ext_by_NID(const X509 *x, int nid, int lastpos);
int X509_EXTENSION_get_critical(const X509_EXTENSION *ex);
ASN1_OCTET_STRING *X509_EXTENSION_get_data(X509_EXTENSION *ne);

/* Name entries (owned by the name; man X509_NAME_get_index_by_NID). */
int X509_NAME_entry_count(const X509_NAME *name);
int X509_NAME_get_index_by_NID(X509_NAME *name, int nid, int lastpos);
X509_NAME_ENTRY *X509_NAME_get_entry(const X509_NAME *name, int loc);
ASN1_STRING *X509_NAME_ENTRY_get_data(const X509_NAME_ENTRY *ne);
int X509_NAME_ENTRY_set(const X509_NAME_ENTRY *ne);
int X509_NAME_get_text_by_NID(X509_NAME *name, int nid, char *buf, int len);
/* The name as text (man X509_NAME_print_ex): the number of characters written, or -1. */
int X509_NAME_print_ex(BIO *out, const X509_NAME *nm, int indent, unsigned long flags);
int X509_NAME_print(BIO *bp, const X509_NAME *name, int obase);

/* Whole certificates: the digest of the DER (fingerprint), ordering, copies. */
int X509_digest(const X509 *data, const EVP_MD *type, unsigned char *md, unsigned int *len);
int X509_cmp(const X509 *a, const X509 *b);
X509 *X509_dup(X509 *x509);
/* The text dump `openssl x509 -text` prints, in 1.1.0's layout. */
int X509_print(BIO *bp, X509 *x);

#ifdef __cplusplus
}
#endif

#include <openssl/x509_vfy.h>
#include <openssl/pkcs7.h>

#endif
