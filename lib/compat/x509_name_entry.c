/* nettls: the entries of an X509_NAME (man X509_NAME_get_index_by_NID, X509_NAME_get_entry,
 * X509_NAME_ENTRY_get_data, X509_NAME_get_text_by_NID). The X509_NAME_ENTRY objects are views of the
 * native entries, made for the whole name on first use and owned by it. */
#include <stdlib.h>
#include <string.h>

#include <openssl/err.h>
#include <openssl/objects.h>
#include <openssl/x509.h>

#include "x509/oid.h"
#include "x509_local.h"

void ntls_compat_name_entries_free(X509_NAME *name)
{
    X509_NAME_ENTRY *ents = atomic_load(&name->ents);
    if (ents == NULL) {
        return;
    }
    for (size_t i = 0; i < name->name.count; i++) {
        ntls_compat_asn1_unembed(&ents[i].data);
    }
    free(ents);
    atomic_store(&name->ents, NULL);
}

static void free_array(X509_NAME_ENTRY *ents, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        ntls_compat_asn1_unembed(&ents[i].data);
    }
    free(ents);
}

/* The entries, made once; a thread that loses the race to make them frees its copy. */
static X509_NAME_ENTRY *entries(const X509_NAME *cname)
{
    X509_NAME *name = (X509_NAME *)cname;
    X509_NAME_ENTRY *ents = atomic_load(&name->ents);
    if (ents != NULL || name->name.count == 0) {
        return ents;
    }
    size_t n = name->name.count;
    ents = calloc(n, sizeof *ents);
    if (ents == NULL) {
        X509err(0, ERR_R_MALLOC_FAILURE);
        return NULL;
    }
    for (size_t i = 0; i < n; i++) {
        const struct ntls_x509_name_entry *e = &name->name.entries[i];
        ents[i].nid = e->attr != NULL ? e->attr->nid : NID_undef;
        ents[i].set = (int)e->rdn;
        if (!ntls_compat_asn1_embed(&ents[i].data, e->tag, e->value.p, e->value.len)) {
            free_array(ents, i);
            X509err(0, ERR_R_MALLOC_FAILURE);
            return NULL;
        }
    }
    X509_NAME_ENTRY *expected = NULL;
    if (!atomic_compare_exchange_strong(&name->ents, &expected, ents)) {
        free_array(ents, n);
        return expected;
    }
    return ents;
}

int X509_NAME_entry_count(const X509_NAME *name)
{
    return name == NULL ? 0 : (int)name->name.count;
}

/* The index of the next entry after lastpos with this NID; -1 when none, -2 for a NID nettls does not
 * know (OpenSSL: one OBJ_nid2obj cannot map). */
int X509_NAME_get_index_by_NID(X509_NAME *name, int nid, int lastpos)
{
    if (ntls_oid_by_nid(nid) == NULL) {
        return -2;
    }
    if (name == NULL) {
        return -1;
    }
    if (lastpos < 0) {
        lastpos = -1;
    }
    for (size_t i = (size_t)(lastpos + 1); i < name->name.count; i++) {
        const struct ntls_oid_info *attr = name->name.entries[i].attr;
        if (attr != NULL && attr->nid == nid) {
            return (int)i;
        }
    }
    return -1;
}

X509_NAME_ENTRY *X509_NAME_get_entry(const X509_NAME *name, int loc)
{
    if (name == NULL || loc < 0 || (size_t)loc >= name->name.count) {
        return NULL;
    }
    X509_NAME_ENTRY *ents = entries(name);
    return ents != NULL ? &ents[loc] : NULL;
}

ASN1_STRING *X509_NAME_ENTRY_get_data(const X509_NAME_ENTRY *ne)
{
    return ne == NULL ? NULL : (ASN1_STRING *)&ne->data;
}

int X509_NAME_ENTRY_set(const X509_NAME_ENTRY *ne)
{
    return ne->set;
}

/* The raw octets of the first entry with this NID, truncated to len - 1 and NUL-terminated; returns the
 * length copied (the full length when buf is NULL), -1 when there is none. Multi-byte strings come out
 * as they are encoded (1.1.0's X509_NAME_get_text_by_OBJ; ASN1_STRING_to_UTF8 is the portable way). */
int X509_NAME_get_text_by_NID(X509_NAME *name, int nid, char *buf, int len)
{
    int i = X509_NAME_get_index_by_NID(name, nid, -1);
    if (i < 0) {
        return -1;
    }
    const ASN1_STRING *data = X509_NAME_ENTRY_get_data(X509_NAME_get_entry(name, i));
    if (data == NULL) {
        return -1;
    }
    if (buf == NULL) {
        return data->length;
    }
    if (len <= 0) {
        return 0;
    }
    int n = data->length > len - 1 ? len - 1 : data->length;
    memcpy(buf, data->data, (size_t)n);
    buf[n] = '\0';
    return n;
}
