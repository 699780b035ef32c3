/* nettls: a certificate's extensions (man X509_get_ext_d2i, X509V3_get_d2i, X509_get_ext_by_NID) over the
 * native parser's: X509_EXTENSION views, and the decoded forms programs ask for: subjectAltName as
 * GENERAL_NAMES (GENERAL_NAME laid out as OpenSSL's), basicConstraints, keyUsage and
 * subjectKeyIdentifier. Other extensions are found and their octets read, but not decoded. */
#include <stdlib.h>
#include <string.h>

#include <openssl/err.h>
#include <openssl/objects.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include "x509/oid.h"
#include "x509_local.h"

struct X509_extension_st {
    const X509 *cert;
    const struct ntls_x509_ext *src;
    int nid; /* NID_undef when nettls's table does not know the OID */
    struct asn1_string_st value; /* extnValue's octets */
};

/* What X509V3_EXT_get() returns: the extensions X509V3_EXT_d2i() decodes. */
struct v3_ext_method {
    int ext_nid;
};
static const struct v3_ext_method methods[] = {
    { NID_subject_alt_name }, { NID_basic_constraints }, { NID_key_usage }, { NID_subject_key_identifier },
};

void ntls_compat_x509_exts_free(X509 *x)
{
    X509_EXTENSION *exts = atomic_load(&x->exts);
    if (exts == NULL) {
        return;
    }
    for (size_t i = 0; i < x->cert.ext_count; i++) {
        ntls_compat_asn1_unembed(&exts[i].value);
    }
    free(exts);
    atomic_store(&x->exts, NULL);
}

static void free_array(X509_EXTENSION *exts, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        ntls_compat_asn1_unembed(&exts[i].value);
    }
    free(exts);
}

/* Made once per certificate; a thread that loses the race to make them frees its copy. */
static X509_EXTENSION *extensions(const X509 *cx)
{
    X509 *x = (X509 *)cx;
    X509_EXTENSION *exts = atomic_load(&x->exts);
    size_t n = x->cert.ext_count;
    if (exts != NULL || n == 0) {
        return exts;
    }
    if ((exts = calloc(n, sizeof *exts)) == NULL) {
        X509err(0, ERR_R_MALLOC_FAILURE);
        return NULL;
    }
    for (size_t i = 0; i < n; i++) {
        const struct ntls_x509_ext *e = &x->cert.exts[i];
        exts[i].cert = x;
        exts[i].src = e;
        exts[i].nid = e->info != NULL ? e->info->nid : NID_undef;
        if (!ntls_compat_asn1_embed(&exts[i].value, V_ASN1_OCTET_STRING, e->value.p, e->value.len)) {
            free_array(exts, i);
            X509err(0, ERR_R_MALLOC_FAILURE);
            return NULL;
        }
    }
    X509_EXTENSION *expected = NULL;
    if (!atomic_compare_exchange_strong(&x->exts, &expected, exts)) {
        free_array(exts, n);
        return expected;
    }
    return exts;
}

int X509_get_ext_count(const X509 *x)
{
    return (int)x->cert.ext_count;
}

X509_EXTENSION *X509_get_ext(const X509 *x, int loc)
{
    if (loc < 0 || (size_t)loc >= x->cert.ext_count) {
        return NULL;
    }
    X509_EXTENSION *exts = extensions(x);
    return exts != NULL ? &exts[loc] : NULL;
}

/* The index of the next extension after lastpos with this NID; -1 when none, -2 for an unknown NID. */
int X509_get_ext_by_NID(const X509 *x, int nid, int lastpos)
{
    if (ntls_oid_by_nid(nid) == NULL) {
        return -2;
    }
    for (size_t i = (size_t)(lastpos < 0 ? 0 : lastpos + 1); i < x->cert.ext_count; i++) {
        const struct ntls_oid_info *info = x->cert.exts[i].info;
        if (info != NULL && info->nid == nid) {
            return (int)i;
        }
    }
    return -1;
}

int X509_EXTENSION_get_critical(const X509_EXTENSION *ex)
{
    return ex != NULL && ex->src->critical ? 1 : 0;
}

ASN1_OCTET_STRING *X509_EXTENSION_get_data(X509_EXTENSION *ne)
{
    return ne != NULL ? &ne->value : NULL;
}

const X509V3_EXT_METHOD *X509V3_EXT_get_nid(int nid)
{
    for (size_t i = 0; i < sizeof methods / sizeof methods[0]; i++) {
        if (methods[i].ext_nid == nid) {
            return &methods[i];
        }
    }
    return NULL;
}

const X509V3_EXT_METHOD *X509V3_EXT_get(X509_EXTENSION *ext)
{
    return ext != NULL ? X509V3_EXT_get_nid(ext->nid) : NULL;
}

void GENERAL_NAME_free(GENERAL_NAME *a)
{
    if (a == NULL) {
        return;
    }
    if (a->type == GEN_DIRNAME) {
        X509_NAME_free(a->d.directoryName);
    } else {
        ASN1_STRING_free(a->d.ia5);
    }
    free(a);
}

GENERAL_NAME *GENERAL_NAME_new(void)
{
    GENERAL_NAME *g = calloc(1, sizeof *g);
    if (g == NULL) {
        X509V3err(0, ERR_R_MALLOC_FAILURE);
    }
    return g;
}

void GENERAL_NAMES_free(GENERAL_NAMES *a)
{
    sk_GENERAL_NAME_pop_free(a, GENERAL_NAME_free);
}

/* A directoryName: the inner Name element copied into a name of its own. */
static X509_NAME *dirname_new(struct ntls_cur der)
{
    X509_NAME tmp;
    memset(&tmp, 0, sizeof tmp);
    tmp.name.der = der;
    return X509_NAME_dup(&tmp);
}

/* One GeneralName; *skip for the forms nettls has no OpenSSL objects for (otherName, x400Address,
 * ediPartyName, registeredID), which are left out of the list. */
static GENERAL_NAME *gname_new(const struct ntls_x509_gname *g, int *skip)
{
    *skip = g->type != NTLS_GNAME_EMAIL && g->type != NTLS_GNAME_DNS && g->type != NTLS_GNAME_URI &&
            g->type != NTLS_GNAME_IP && g->type != NTLS_GNAME_DIRNAME;
    if (*skip) {
        return NULL;
    }
    GENERAL_NAME *out = GENERAL_NAME_new();
    if (out == NULL) {
        return NULL;
    }
    out->type = (int)g->type;
    if (g->type == NTLS_GNAME_DIRNAME) {
        out->d.directoryName = dirname_new(g->value);
        if (out->d.directoryName == NULL) {
            free(out);
            return NULL;
        }
        return out;
    }
    out->d.ia5 = ASN1_STRING_type_new(g->type == NTLS_GNAME_IP ? V_ASN1_OCTET_STRING : V_ASN1_IA5STRING);
    if (out->d.ia5 == NULL || g->value.len > 0x7fffffff ||
        !ASN1_STRING_set(out->d.ia5, g->value.p, (int)g->value.len)) {
        GENERAL_NAME_free(out);
        return NULL;
    }
    return out;
}

static GENERAL_NAMES *san_new(const struct ntls_x509_cert *c)
{
    GENERAL_NAMES *names = sk_GENERAL_NAME_new_null();
    for (size_t i = 0; names != NULL && i < c->san_count; i++) {
        int skip;
        GENERAL_NAME *g = gname_new(&c->san[i], &skip);
        if (!skip && (g == NULL || !sk_GENERAL_NAME_push(names, g))) {
            GENERAL_NAME_free(g);
            GENERAL_NAMES_free(names);
            names = NULL;
        }
    }
    if (names == NULL) {
        X509V3err(0, ERR_R_MALLOC_FAILURE);
    }
    return names;
}

void BASIC_CONSTRAINTS_free(BASIC_CONSTRAINTS *a)
{
    if (a != NULL) {
        ASN1_STRING_free(a->pathlen);
        free(a);
    }
}

static BASIC_CONSTRAINTS *bcons_new(const struct ntls_x509_cert *c)
{
    BASIC_CONSTRAINTS *bc = calloc(1, sizeof *bc);
    if (bc == NULL) {
        X509V3err(0, ERR_R_MALLOC_FAILURE);
        return NULL;
    }
    bc->ca = c->ca ? 0xff : 0; /* OpenSSL keeps the BOOLEAN's octet */
    if (c->path_len >= 0) {
        unsigned char v[4] = { (unsigned char)(c->path_len >> 24), (unsigned char)(c->path_len >> 16),
                               (unsigned char)(c->path_len >> 8), (unsigned char)c->path_len };
        int skip = 0;
        while (skip < 3 && v[skip] == 0) {
            skip++;
        }
        bc->pathlen = ASN1_STRING_type_new(V_ASN1_INTEGER);
        if (bc->pathlen == NULL || !ASN1_STRING_set(bc->pathlen, v + skip, 4 - skip)) {
            BASIC_CONSTRAINTS_free(bc);
            return NULL;
        }
    }
    return bc;
}

/* keyUsage as OpenSSL's ASN1_BIT_STRING: the named bits' octets, trailing zero octets dropped. */
static ASN1_BIT_STRING *ku_new(const struct ntls_x509_cert *c)
{
    unsigned char v[2] = { (unsigned char)(c->key_usage & 0xff), (unsigned char)(c->key_usage >> 8) };
    ASN1_BIT_STRING *bs = ASN1_STRING_type_new(V_ASN1_BIT_STRING);
    int n = v[1] != 0 ? 2 : v[0] != 0 ? 1 : 0;
    if (bs == NULL || !ASN1_STRING_set(bs, v, n)) {
        ASN1_STRING_free(bs);
        return NULL;
    }
    return bs;
}

static ASN1_OCTET_STRING *skid_new(const struct ntls_x509_cert *c)
{
    ASN1_OCTET_STRING *os = ASN1_STRING_type_new(V_ASN1_OCTET_STRING);
    if (os == NULL || c->skid.len > 0x7fffffff || !ASN1_STRING_set(os, c->skid.p, (int)c->skid.len)) {
        ASN1_STRING_free(os);
        return NULL;
    }
    return os;
}

/* The decoded extension, the caller's to free with the type's *_free; NULL for an extension nettls does
 * not decode (X509V3_EXT_get() returns NULL for those). */
void *X509V3_EXT_d2i(X509_EXTENSION *ext)
{
    if (ext == NULL || X509V3_EXT_get(ext) == NULL) {
        return NULL;
    }
    const struct ntls_x509_cert *c = &ext->cert->cert;
    switch (ext->nid) {
    case NID_subject_alt_name:
        return san_new(c);
    case NID_basic_constraints:
        return bcons_new(c);
    case NID_key_usage:
        return ku_new(c);
    default:
        return skid_new(c);
    }
}

/* man X509_get_ext_d2i: with idx NULL, *crit is -1 when the extension is absent, -2 when it appears more
 * than once (nettls's parser refuses duplicates, so never), else its critical flag. With idx, the search
 * starts after *idx and *idx gets the index found (-1: none). */
void *X509_get_ext_d2i(const X509 *x, int nid, int *crit, int *idx)
{
    int loc = X509_get_ext_by_NID(x, nid, idx != NULL ? *idx : -1);
    if (idx != NULL) {
        *idx = loc;
    }
    if (loc < 0) {
        if (crit != NULL) {
            *crit = -1;
        }
        return NULL;
    }
    X509_EXTENSION *ext = X509_get_ext(x, loc);
    if (crit != NULL) {
        *crit = X509_EXTENSION_get_critical(ext);
    }
    return X509V3_EXT_d2i(ext);
}
