/* Distinguished names (x509.h), RFC 5280 4.1.2.4. A Name keeps its DER for comparison and hashing, and
 * its entries in one array, two passes over the same bytes: count, then fill. */
#include "x509_internal.h"

#include <string.h>

#include "../base/mem.h"

/* Walks the RDNSequence in body, checking every AttributeTypeAndValue; fills entries when non-NULL (the
 * caller sized it with a first walk). */
static ntls_result name_walk(struct ntls_cur body, struct ntls_x509_name_entry *entries, size_t *count)
{
    size_t n = 0;
    for (size_t rdn = 0; !ntls_cur_empty(&body); rdn++) {
        struct ntls_cur set;
        NTLS_TRY(ntls_der_set(&body, &set));
        NTLS_ENSURE(!ntls_cur_empty(&set), NTLS_E_DECODE); /* SET SIZE (1..MAX) */
        while (!ntls_cur_empty(&set)) {
            struct ntls_cur atv, oid;
            struct ntls_der_tlv value;
            NTLS_TRY(ntls_der_sequence(&set, &atv));
            NTLS_TRY(ntls_der_oid(&atv, &oid));
            NTLS_TRY(ntls_der_read(&atv, &value));
            NTLS_TRY(ntls_cur_end(&atv));
            if (ntls_der_is_string_tag(value.tag)) {
                NTLS_TRY(ntls_der_string_value(value.tag, value.value));
            }
            if (entries != NULL) {
                entries[n] = (struct ntls_x509_name_entry){
                    .oid = oid, .attr = ntls_oid_find(oid), .tag = value.tag, .value = value.value,
                    .rdn = rdn,
                };
            }
            n++;
        }
    }
    *count = n;
    return ntls_ok();
}

ntls_result ntls_x509_name_check(struct ntls_cur *in)
{
    struct ntls_cur c = *in, body;
    size_t count;
    NTLS_TRY(ntls_der_sequence(&c, &body));
    NTLS_TRY(name_walk(body, NULL, &count));
    *in = c;
    return ntls_ok();
}

ntls_result ntls_x509_name_parse(struct ntls_cur *in, struct ntls_x509_name *out)
{
    struct ntls_cur c = *in;
    struct ntls_der_tlv seq;
    size_t count;
    memset(out, 0, sizeof *out);
    NTLS_TRY(ntls_der_expect_tlv(&c, NTLS_DER_SEQUENCE, &seq));
    NTLS_TRY(name_walk(seq.value, NULL, &count));
    struct ntls_x509_name_entry *entries = NULL;
    if (count > 0) {
        entries = ntls_calloc(count, sizeof *entries);
        NTLS_ENSURE(entries != NULL, NTLS_E_NOMEM);
        ntls_result r = name_walk(seq.value, entries, &count);
        if (!ntls_is_ok(r)) { /* cannot happen: the first walk checked the same bytes */
            ntls_free(entries);
            return r;
        }
    }
    out->der = seq.raw;
    out->entries = entries;
    out->count = count;
    *in = c;
    return ntls_ok();
}

void ntls_x509_name_free(struct ntls_x509_name *name)
{
    ntls_free(name->entries);
    memset(name, 0, sizeof *name);
}

bool ntls_x509_name_equal(const struct ntls_x509_name *a, const struct ntls_x509_name *b)
{
    return a->der.len == b->der.len && (a->der.len == 0 || memcmp(a->der.p, b->der.p, a->der.len) == 0);
}

const struct ntls_x509_name_entry *ntls_x509_name_next(const struct ntls_x509_name *name,
                                                       enum ntls_oid_id attr, size_t *pos)
{
    for (size_t i = *pos; i < name->count; i++) {
        if (name->entries[i].attr != NULL && name->entries[i].attr->id == attr) {
            *pos = i + 1;
            return &name->entries[i];
        }
    }
    *pos = name->count;
    return NULL;
}
