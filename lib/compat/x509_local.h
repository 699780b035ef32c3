/* nettls: the X509, X509_NAME, ASN1_STRING, X509_STORE, X509_STORE_CTX and X509_VERIFY_PARAM objects,
 * private to the crypto half (x509_*.c, asn1_obj.c).
 *
 * The ssl half makes and changes these only through exported functions (d2i_X509, i2d_X509, ...); its
 * verify hook (ssl_hooks.c) reads an X509_VERIFY_PARAM's native parameters, which are plain data. */
#ifndef NTLS_COMPAT_X509_LOCAL_H
#define NTLS_COMPAT_X509_LOCAL_H

#include <stdatomic.h>

#include <openssl/x509.h>

#include "x509/x509.h"
#include "x509/verify.h"

/* ASN1_STRING (asn1_obj.c), laid out as OpenSSL's: data is NUL-terminated, owned unless flags has
 * ASN1_STRING_FLAG_EMBED (a string inside another object, freed with it). */
struct asn1_string_st {
    int length;
    int type;
    unsigned char *data;
    long flags;
};

/* A name inside a certificate (der == NULL: the views point into the certificate) or on its own (der
 * owned, the views point into it). */
struct X509_name_st {
    struct ntls_x509_name name;
    uint8_t *der;
    _Atomic(X509_NAME_ENTRY *) ents; /* x509_name_entry.c: one per entry, made on first use */
};

/* X509_NAME_ENTRY (x509_name_entry.c): a view of one entry, owned by its name. */
struct X509_name_entry_st {
    struct asn1_string_st data; /* the value's octets, type = its universal tag */
    int nid;                   /* NID_undef for an attribute nettls's table does not know */
    int set;                   /* index of its RDN */
};
void ntls_compat_name_entries_free(X509_NAME *name);

struct x509_st {
    atomic_int refs;
    struct ntls_x509_cert cert;
    X509_NAME subject, issuer; /* views of cert.subject and cert.issuer */
    struct ntls_compat_x509_asn1 *asn1; /* serial and validity as ASN1 objects (asn1_obj.c) */
    _Atomic(X509_EXTENSION *) exts;     /* x509_ext.c: one per extension, made on first use */
};
void ntls_compat_x509_exts_free(X509 *x);

/* Sets an embedded string to a copy of len bytes (0 on allocation failure). */
int ntls_compat_asn1_embed(ASN1_STRING *s, int type, const void *data, size_t len);
void ntls_compat_asn1_unembed(ASN1_STRING *s);

/* asn1_obj.c: the serial number and validity as ASN1 objects, made with the certificate (x509_from_der)
 * and freed with it. */
struct ntls_compat_x509_asn1 {
    ASN1_INTEGER serial;
    ASN1_TIME not_before, not_after;
};
int ntls_compat_x509_asn1_attach(X509 *x);
void ntls_compat_x509_asn1_free(X509 *x);

/* X509_VERIFY_PARAM (x509_param.c): the native parameters. */
struct X509_VERIFY_PARAM_st {
    struct ntls_x509_vparams p;
};

/* X509_STORE (x509_store.c): a native store, owned or borrowed, and the parameters copied into each
 * X509_STORE_CTX it initialises. */
struct x509_store_st {
    atomic_int refs;
    struct ntls_x509_store *store;
    X509_VERIFY_PARAM param;
    int (*verify_cb)(int, X509_STORE_CTX *);
    X509_LOOKUP *file_lookup; /* x509_lookup.c: X509_STORE_add_lookup(st, X509_LOOKUP_file()) */
};
void ntls_compat_store_lookups_free(X509_STORE *v);

enum { NTLS_COMPAT_STORE_CTX_EX = 16 };

/* X509_STORE_CTX (x509_vfy.c): the inputs of one X509_verify_cert, the native verification context, and
 * the X509 objects the callback and the chain hand out (certificates of the store get one on demand). */
struct x509_store_ctx_st {
    X509_STORE *store;
    X509 *cert;
    STACK_OF(X509) *untrusted;
    X509_VERIFY_PARAM param;
    int (*verify_cb)(int, X509_STORE_CTX *);
    struct ntls_x509_verify_ctx vctx;
    const struct ntls_x509_cert **untrusted_native; /* vctx.untrusted, owned */
    int error, error_depth;
    X509 *current_cert;
    STACK_OF(X509) *chain; /* the verified chain, leaf first, one reference each */
    STACK_OF(X509) *made;  /* X509 objects made for native certificates, one reference each */
    void *ex_data[NTLS_COMPAT_STORE_CTX_EX];
};

/* x509_param.c: OpenSSL 3.0 numbers an invalid CA 79, 1.1.0 (which nettls claims) 24. */
int ntls_compat_verr_to_api(int native);
int ntls_compat_verr_from_api(int api);

#endif
