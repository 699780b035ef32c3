/* The OID table against the system OpenSSL, the oracle for NIDs, names and encodings: the compat layer
 * exposes these numbers and names as OpenSSL's, so they must be OpenSSL's. Built only when libcrypto's
 * development files are installed. */
#include <criterion/criterion.h>
#include <openssl/objects.h>
#include <string.h>

#include "x509/oid.h"

Test(oid_openssl, nids_names_and_octets_match)
{
    for (int id = NTLS_OID_NONE + 1; id < NTLS_OID__COUNT; id++) {
        const struct ntls_oid_info *row = ntls_oid_get((enum ntls_oid_id)id);
        ASN1_OBJECT *obj = OBJ_txt2obj(row->text, 1);
        cr_assert_not_null(obj, "%s", row->text);
        int nid = OBJ_obj2nid(obj);
        cr_assert_eq(nid, row->nid, "%s: OpenSSL says NID %d", row->text, nid);
        cr_assert_str_eq(OBJ_nid2sn(nid), row->sn);
        cr_assert_str_eq(OBJ_nid2ln(nid), row->ln);
        cr_assert_eq((size_t)OBJ_length(obj), row->der_len, "%s", row->text);
        cr_assert_eq(memcmp(OBJ_get0_data(obj), row->der, row->der_len), 0, "%s", row->text);
        ASN1_OBJECT_free(obj);
    }
}
