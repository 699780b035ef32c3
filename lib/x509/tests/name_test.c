/* Distinguished names (lib/x509/name.c): the fixtures' subjects as `openssl x509 -subject` prints them,
 * multi-valued RDNs, DER comparison, and malformed names. */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

#include "testutil.h"

static void expect_entry(const struct ntls_x509_name *n, size_t i, enum ntls_oid_id attr, uint8_t tag,
                         const char *value, size_t rdn)
{
    cr_assert_lt(i, n->count);
    const struct ntls_x509_name_entry *e = &n->entries[i];
    cr_assert_not_null(e->attr, "entry %zu", i);
    cr_assert_eq(e->attr->id, attr, "entry %zu is %s", i, e->attr->sn);
    cr_assert_eq(e->tag, tag, "entry %zu tag %#x", i, e->tag);
    cr_assert_eq(e->value.len, strlen(value), "entry %zu", i);
    cr_assert_eq(memcmp(e->value.p, value, e->value.len), 0, "entry %zu", i);
    cr_assert_eq(e->rdn, rdn, "entry %zu", i);
}

Test(name, server_subject_and_issuer)
{
    /* subject=C = US, ST = California, L = San Francisco, O = nettls, OU = Testing, CN = localhost */
    struct ntls_x509_cert c;
    tu_cert("server-rsa.pem", &c);
    cr_assert_eq(c.subject.count, 6);
    expect_entry(&c.subject, 0, NTLS_OID_C, NTLS_DER_PRINTABLE_STRING, "US", 0);
    expect_entry(&c.subject, 1, NTLS_OID_ST, NTLS_DER_UTF8_STRING, "California", 1);
    expect_entry(&c.subject, 2, NTLS_OID_L, NTLS_DER_UTF8_STRING, "San Francisco", 2);
    expect_entry(&c.subject, 3, NTLS_OID_O, NTLS_DER_UTF8_STRING, "nettls", 3);
    expect_entry(&c.subject, 4, NTLS_OID_OU, NTLS_DER_UTF8_STRING, "Testing", 4);
    expect_entry(&c.subject, 5, NTLS_OID_CN, NTLS_DER_UTF8_STRING, "localhost", 5);
    /* issuer=C = US, O = nettls, CN = nettls Test RSA CA */
    cr_assert_eq(c.issuer.count, 3);
    expect_entry(&c.issuer, 2, NTLS_OID_CN, NTLS_DER_UTF8_STRING, "nettls Test RSA CA", 2);
    /* the whole Name element, as it sits in the certificate */
    cr_assert_eq(c.subject.der.p[0], 0x30);
    struct ntls_cur again = c.subject.der;
    struct ntls_x509_name n;
    cr_assert_eq(ntls_x509_name_parse(&again, &n).err, NTLS_E_OK);
    cr_assert(ntls_cur_empty(&again));
    cr_assert(ntls_x509_name_equal(&n, &c.subject));
    cr_assert(!ntls_x509_name_equal(&n, &c.issuer));
    ntls_x509_name_free(&n);
    cr_assert_null(n.entries);
    ntls_x509_cert_free(&c);
}

Test(name, issuer_equals_the_ca_subject)
{
    struct ntls_x509_cert ca, leaf;
    tu_cert("ca-rsa.pem", &ca);
    tu_cert("server-rsa.pem", &leaf);
    cr_assert(ntls_x509_name_equal(&leaf.issuer, &ca.subject));
    cr_assert(ntls_x509_name_equal(&ca.issuer, &ca.subject));
    cr_assert(!ntls_x509_name_equal(&leaf.subject, &ca.subject));
    ntls_x509_cert_free(&ca);
    ntls_x509_cert_free(&leaf);
}

Test(name, multi_valued_rdn_and_ia5_domain_components)
{
    /* subject=DC = org, DC = nettls, UID = 42 + CN = v1 certificate */
    struct ntls_x509_cert c;
    tu_cert("v1.pem", &c);
    cr_assert_eq(c.subject.count, 4);
    expect_entry(&c.subject, 0, NTLS_OID_DC, NTLS_DER_IA5_STRING, "org", 0);
    expect_entry(&c.subject, 1, NTLS_OID_DC, NTLS_DER_IA5_STRING, "nettls", 1);
    expect_entry(&c.subject, 2, NTLS_OID_UID, NTLS_DER_UTF8_STRING, "42", 2);
    expect_entry(&c.subject, 3, NTLS_OID_CN, NTLS_DER_UTF8_STRING, "v1 certificate", 2);
    size_t pos = 0;
    const struct ntls_x509_name_entry *e = ntls_x509_name_next(&c.subject, NTLS_OID_DC, &pos);
    cr_assert_eq(e, &c.subject.entries[0]);
    e = ntls_x509_name_next(&c.subject, NTLS_OID_DC, &pos);
    cr_assert_eq(e, &c.subject.entries[1]);
    cr_assert_null(ntls_x509_name_next(&c.subject, NTLS_OID_DC, &pos));
    pos = 0;
    cr_assert_eq(ntls_x509_name_next(&c.subject, NTLS_OID_CN, &pos), &c.subject.entries[3]);
    pos = 0;
    cr_assert_null(ntls_x509_name_next(&c.subject, NTLS_OID_O, &pos));
    ntls_x509_cert_free(&c);
}

Test(name, utf8_and_email_attributes)
{
    /* rsa-4096: subject=O = Société nettls, CN = rsa-4096 */
    struct ntls_x509_cert c;
    tu_cert("rsa-4096.pem", &c);
    expect_entry(&c.subject, 0, NTLS_OID_O, NTLS_DER_UTF8_STRING, "Soci\xc3\xa9t\xc3\xa9 nettls", 0);
    ntls_x509_cert_free(&c);
    /* client-rsa: subject=C = US, O = nettls, CN = nettls client, emailAddress = client@example.com */
    tu_cert("client-rsa.pem", &c);
    expect_entry(&c.subject, 3, NTLS_OID_EMAIL, NTLS_DER_IA5_STRING, "client@example.com", 3);
    ntls_x509_cert_free(&c);
}

/* SEQUENCE { SET { SEQUENCE { OID CN, PrintableString "ab" } } } */
static const uint8_t one_cn[] = { 0x30, 0x0d, 0x31, 0x0b, 0x30, 0x09, 0x06, 0x03,
                                  0x55, 0x04, 0x03, 0x13, 0x02, 'a',  'b' };

Test(name, hand_made_names)
{
    struct ntls_cur in = ntls_cur_init(one_cn, sizeof one_cn);
    struct ntls_x509_name n;
    cr_assert_eq(ntls_x509_name_parse(&in, &n).err, NTLS_E_OK);
    cr_assert_eq(n.count, 1);
    expect_entry(&n, 0, NTLS_OID_CN, NTLS_DER_PRINTABLE_STRING, "ab", 0);
    cr_assert_eq(n.der.len, sizeof one_cn);
    ntls_x509_name_free(&n);

    static const uint8_t empty[] = { 0x30, 0x00 };
    in = ntls_cur_init(empty, sizeof empty);
    cr_assert_eq(ntls_x509_name_parse(&in, &n).err, NTLS_E_OK);
    cr_assert_eq(n.count, 0);
    cr_assert_null(n.entries);
    ntls_x509_name_free(&n);

    /* an unknown attribute with a non-string value is kept with its tag */
    static const uint8_t odd[] = { 0x30, 0x0c, 0x31, 0x0a, 0x30, 0x08, 0x06,
                                   0x03, 0x2a, 0x03, 0x04, 0x02, 0x01, 0x07 };
    in = ntls_cur_init(odd, sizeof odd);
    cr_assert_eq(ntls_x509_name_parse(&in, &n).err, NTLS_E_OK);
    cr_assert_eq(n.count, 1);
    cr_assert_null(n.entries[0].attr);
    cr_assert_eq(n.entries[0].tag, NTLS_DER_INTEGER);
    cr_assert_eq(n.entries[0].oid.len, 3);
    ntls_x509_name_free(&n);
}

static void name_fails(const uint8_t *der, size_t len)
{
    struct ntls_cur in = ntls_cur_init(der, len);
    struct ntls_x509_name n;
    cr_assert_eq(ntls_x509_name_parse(&in, &n).err, NTLS_E_DECODE);
    cr_assert_eq(in.len, len);
    cr_assert_null(n.entries);
}

Test(name, malformed_names)
{
    static const uint8_t empty_rdn[] = { 0x30, 0x02, 0x31, 0x00 };
    static const uint8_t bad_printable[] = { 0x30, 0x0d, 0x31, 0x0b, 0x30, 0x09, 0x06, 0x03,
                                             0x55, 0x04, 0x03, 0x13, 0x02, 'a',  0x80 };
    static const uint8_t bad_utf8[] = { 0x30, 0x0d, 0x31, 0x0b, 0x30, 0x09, 0x06, 0x03,
                                        0x55, 0x04, 0x03, 0x0c, 0x02, 0xc0, 0x80 };
    static const uint8_t extra_in_atv[] = { 0x30, 0x0f, 0x31, 0x0d, 0x30, 0x0b, 0x06, 0x03, 0x55,
                                            0x04, 0x03, 0x13, 0x02, 'a',  'b',  0x05, 0x00 };
    static const uint8_t no_value[] = { 0x30, 0x09, 0x31, 0x07, 0x30, 0x05, 0x06, 0x03, 0x55, 0x04, 0x03 };
    static const uint8_t seq_not_set[] = { 0x30, 0x0d, 0x30, 0x0b, 0x30, 0x09, 0x06, 0x03,
                                           0x55, 0x04, 0x03, 0x13, 0x02, 'a',  'b' };
    static const uint8_t set_not_seq[] = { 0x31, 0x0d, 0x31, 0x0b, 0x30, 0x09, 0x06, 0x03,
                                           0x55, 0x04, 0x03, 0x13, 0x02, 'a',  'b' };
    name_fails(empty_rdn, sizeof empty_rdn);
    name_fails(bad_printable, sizeof bad_printable);
    name_fails(bad_utf8, sizeof bad_utf8);
    name_fails(extra_in_atv, sizeof extra_in_atv);
    name_fails(no_value, sizeof no_value);
    name_fails(seq_not_set, sizeof seq_not_set);
    name_fails(set_not_seq, sizeof set_not_seq);
}

Test(name, truncated_at_every_offset)
{
    struct ntls_x509_cert c;
    tu_cert("server-rsa.pem", &c);
    struct ntls_cur der = c.subject.der;
    for (size_t n = 0; n < der.len; n++) {
        name_fails(der.p, n);
    }
    /* every byte flipped: a decode error, or (a flipped character) a name that still reads whole */
    uint8_t *copy = malloc(der.len);
    cr_assert_not_null(copy);
    size_t failures = 0;
    for (size_t i = 0; i < der.len; i++) {
        memcpy(copy, der.p, der.len);
        copy[i] ^= 0xff;
        struct ntls_cur in = ntls_cur_init(copy, der.len);
        struct ntls_x509_name n;
        ntls_result r = ntls_x509_name_parse(&in, &n);
        cr_assert(r.err == NTLS_E_OK || r.err == NTLS_E_DECODE);
        if (ntls_is_ok(r)) {
            cr_assert(ntls_cur_empty(&in));
            ntls_x509_name_free(&n);
        } else {
            failures++;
        }
    }
    cr_assert_gt(failures, der.len / 2); /* tags, lengths and OIDs are most of a name */
    free(copy);
    ntls_x509_cert_free(&c);
}
