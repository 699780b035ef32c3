/* The OID table (lib/x509/oid.c): each row's octets spell its dotted text, lookups agree, and the
 * dotted-text writer handles every arc form. */
#include <criterion/criterion.h>
#include <string.h>

#include "x509/der.h"
#include "x509/oid.h"

Test(oid, every_row_is_consistent)
{
    for (int id = NTLS_OID_NONE + 1; id < NTLS_OID__COUNT; id++) {
        const struct ntls_oid_info *row = ntls_oid_get((enum ntls_oid_id)id);
        cr_assert_not_null(row);
        cr_assert_eq(row->id, (enum ntls_oid_id)id, "row for id %d holds %d", id, row->id);
        struct ntls_cur der = ntls_cur_init(row->der, row->der_len);
        char text[64];
        cr_assert_gt(ntls_oid_to_text(der, text, sizeof text), 0);
        cr_assert_str_eq(text, row->text, "%s", row->sn);
        cr_assert_eq(ntls_der_oid_value(der).err, NTLS_E_OK);
        cr_assert_eq(ntls_oid_find(der), row, "%s", row->sn);
        cr_assert(ntls_oid_is(der, row->id));
        cr_assert_eq(ntls_oid_by_nid(row->nid), row, "%s", row->sn);
        cr_assert_eq(ntls_oid_by_text(row->text), row, "%s", row->sn);
        cr_assert_eq(ntls_oid_by_name(row->sn), row, "%s", row->sn);
        cr_assert_eq(ntls_oid_by_name(row->ln), row, "%s", row->ln);
        cr_assert_gt(row->nid, 0);
    }
    cr_assert_null(ntls_oid_get(NTLS_OID_NONE));
    cr_assert_null(ntls_oid_get(NTLS_OID__COUNT));
}

Test(oid, algorithm_rows_say_what_they_mean)
{
    const struct ntls_oid_info *r = ntls_oid_get(NTLS_OID_SHA256_RSA);
    cr_assert_eq(r->kind, NTLS_OID_KIND_SIG);
    cr_assert(r->supported);
    cr_assert_eq(r->hash, NTLS_HASH_SHA256);
    cr_assert_eq(r->pk, NTLS_PK_RSA);
    r = ntls_oid_get(NTLS_OID_ECDSA_SHA384);
    cr_assert_eq(r->hash, NTLS_HASH_SHA384);
    cr_assert_eq(r->pk, NTLS_PK_EC);
    r = ntls_oid_get(NTLS_OID_DSA_SHA1);
    cr_assert_eq(r->hash, NTLS_HASH_SHA1);
    cr_assert_eq(r->pk, NTLS_PK_DSA);
    cr_assert(!ntls_oid_get(NTLS_OID_RSASSA_PSS)->supported);
    cr_assert_eq(ntls_oid_get(NTLS_OID_P384)->curve, NTLS_CURVE_P384);
    cr_assert(!ntls_oid_get(NTLS_OID_P521)->supported);
    cr_assert_eq(ntls_oid_get(NTLS_OID_DES_EDE3_CBC)->cipher, NTLS_CIPHER_3DES_EDE_CBC);
    cr_assert_eq(ntls_oid_get(NTLS_OID_HMAC_SHA256)->hash, NTLS_HASH_SHA256);
    cr_assert(ntls_oid_get(NTLS_OID_KEY_USAGE)->supported); /* may be critical */
    cr_assert(!ntls_oid_get(NTLS_OID_AKID)->supported);     /* must not be (as OpenSSL) */
    /* OpenSSL's numbers and names, the ones the compat layer will expose */
    cr_assert_eq(ntls_oid_get(NTLS_OID_CN)->nid, 13);
    cr_assert_str_eq(ntls_oid_get(NTLS_OID_CN)->sn, "CN");
    cr_assert_str_eq(ntls_oid_get(NTLS_OID_CN)->ln, "commonName");
    cr_assert_eq(ntls_oid_by_name("emailAddress")->id, NTLS_OID_EMAIL);
    cr_assert_null(ntls_oid_by_name("commonname")); /* exact, as OpenSSL */
    cr_assert_null(ntls_oid_by_nid(0));
    cr_assert_null(ntls_oid_by_text("1.2.3"));
}

Test(oid, rows_are_unique)
{
    for (int a = 1; a < NTLS_OID__COUNT; a++) {
        for (int b = a + 1; b < NTLS_OID__COUNT; b++) {
            const struct ntls_oid_info *x = ntls_oid_get((enum ntls_oid_id)a);
            const struct ntls_oid_info *y = ntls_oid_get((enum ntls_oid_id)b);
            cr_assert_neq(x->nid, y->nid, "%s / %s", x->sn, y->sn);
            cr_assert(x->der_len != y->der_len || memcmp(x->der, y->der, x->der_len) != 0);
        }
    }
}

static const char *text_of(const uint8_t *der, size_t len, char *buf, size_t cap)
{
    size_t n = ntls_oid_to_text(ntls_cur_init(der, len), buf, cap);
    cr_assert_eq(n, strlen(buf));
    return buf;
}

Test(oid, dotted_text)
{
    char buf[64];
    static const uint8_t zero[] = { 0x00 };
    static const uint8_t two_999[] = { 0x88, 0x37, 0x03 };        /* 2.999.3: first subidentifier 1079 */
    static const uint8_t uuid_arc[] = { 0x69, 0x83, 0xa0, 0x01 }; /* 2.25.53249 */
    static const uint8_t u64[] = { 0x2a, 0x81, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f };
    static const uint8_t too_big[] = { 0x2a, 0x82, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x00 };
    static const uint8_t leading[] = { 0x2a, 0x80, 0x01 };
    static const uint8_t cut[] = { 0x2a, 0x86 };
    cr_assert_str_eq(text_of(zero, 1, buf, sizeof buf), "0.0");
    cr_assert_str_eq(text_of(two_999, 3, buf, sizeof buf), "2.999.3");
    cr_assert_str_eq(text_of(uuid_arc, 4, buf, sizeof buf), "2.25.53249");
    cr_assert_str_eq(text_of(u64, sizeof u64, buf, sizeof buf), "1.2.18446744073709551615");
    cr_assert_str_eq(text_of(too_big, sizeof too_big, buf, sizeof buf), "");
    cr_assert_str_eq(text_of(leading, sizeof leading, buf, sizeof buf), "");
    cr_assert_str_eq(text_of(cut, sizeof cut, buf, sizeof buf), "");
    cr_assert_str_eq(text_of(NULL, 0, buf, sizeof buf), "");
    /* "2.5.4.3" needs 8 bytes with its NUL */
    static const uint8_t cn[] = { 0x55, 0x04, 0x03 };
    cr_assert_eq(ntls_oid_to_text(ntls_cur_init(cn, 3), buf, 8), 7);
    cr_assert_eq(ntls_oid_to_text(ntls_cur_init(cn, 3), buf, 7), 0);
    cr_assert_str_eq(buf, "");
}
