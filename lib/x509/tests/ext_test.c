/* Extensions and GeneralNames (lib/x509/ext.c): the fixtures' extensions as `openssl x509 -text` prints
 * them, then each extension's rules on certificates built with tu_build_cert. */
#include <criterion/criterion.h>
#include <string.h>

#include "testutil.h"

static void expect_gname(const struct ntls_x509_gname *g, enum ntls_gname_type type, const void *value,
                         size_t len)
{
    cr_assert_eq(g->type, type);
    cr_assert_eq(g->value.len, len);
    cr_assert_eq(memcmp(g->value.p, value, len), 0);
}

Test(ext, server_rsa)
{
    /* Basic Constraints CA:FALSE; Key Usage: critical Digital Signature, Key Encipherment;
     * Extended Key Usage: TLS Web Server Authentication; SAN: DNS:localhost, IP Address:127.0.0.1 */
    struct ntls_x509_cert c, ca;
    tu_cert("server-rsa.pem", &c);
    tu_cert("ca-rsa.pem", &ca);
    cr_assert_eq(c.ext_count, 6);
    cr_assert(ntls_oid_is(c.exts[0].oid, NTLS_OID_BASIC_CONSTRAINTS));
    cr_assert(!c.exts[0].critical);
    cr_assert(ntls_oid_is(c.exts[1].oid, NTLS_OID_KEY_USAGE));
    cr_assert(c.exts[1].critical);
    cr_assert_eq(c.exts[1].info, ntls_oid_get(NTLS_OID_KEY_USAGE));
    cr_assert_eq(c.key_usage, NTLS_KU_DIGITAL_SIGNATURE | NTLS_KU_KEY_ENCIPHERMENT);
    cr_assert_eq(c.eku_count, 1);
    cr_assert(ntls_oid_is(c.eku[0], NTLS_OID_SERVER_AUTH));
    cr_assert_eq(c.san_count, 2);
    expect_gname(&c.san[0], NTLS_GNAME_DNS, "localhost", 9);
    expect_gname(&c.san[1], NTLS_GNAME_IP, "\x7f\x00\x00\x01", 4);
    cr_assert_eq(c.san[0].raw.p[0], 0x82);
    cr_assert_eq(c.san[0].raw.len, 11);
    /* openssl prints the same 20-octet identifier as the CA's SKID and the leaf's AKID */
    cr_assert_eq(c.skid.len, 20);
    cr_assert_eq(c.akid_keyid.len, 20);
    cr_assert_eq(memcmp(c.akid_keyid.p, ca.skid.p, 20), 0);
    cr_assert_eq(memcmp(ca.akid_keyid.p, ca.skid.p, 20), 0); /* self-signed */
    cr_assert_eq(c.akid_issuer.len, 0);
    cr_assert_eq(c.akid_serial.len, 0);
    cr_assert_eq(ntls_x509_cert_ext(&c, NTLS_OID_SAN), &c.exts[3]);
    cr_assert_null(ntls_x509_cert_ext(&c, NTLS_OID_NAME_CONSTRAINTS));
    ntls_x509_cert_free(&c);
    ntls_x509_cert_free(&ca);
}

Test(ext, wildcard_and_the_raw_ones)
{
    /* SAN: DNS:*.example.com, DNS:example.com, URI:https://example.com/, IP Address:0:0:0:0:0:0:0:1;
     * Certificate Policies 2.23.140.1.2.1; CRL DP URI:http://crl.example.com/ca.crl; AIA OCSP + CA Issuers */
    struct ntls_x509_cert c;
    tu_cert("wildcard.pem", &c);
    cr_assert_eq(c.san_count, 4);
    expect_gname(&c.san[0], NTLS_GNAME_DNS, "*.example.com", 13);
    expect_gname(&c.san[1], NTLS_GNAME_DNS, "example.com", 11);
    expect_gname(&c.san[2], NTLS_GNAME_URI, "https://example.com/", 20);
    expect_gname(&c.san[3], NTLS_GNAME_IP, "\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\1", 16);
    cr_assert_eq(c.eku_flags, NTLS_EKU_SERVER_AUTH | NTLS_EKU_CLIENT_AUTH);
    const struct ntls_x509_ext *cp = ntls_x509_cert_ext(&c, NTLS_OID_CERT_POLICIES);
    cr_assert_not_null(cp);
    /* SEQUENCE { SEQUENCE { OID 2.23.140.1.2.1 } } */
    static const uint8_t policies[] = {
        0x30, 0x0a, 0x30, 0x08, 0x06, 0x06, 0x67, 0x81, 0x0c, 0x01, 0x02, 0x01
    };
    cr_assert_eq(cp->value.len, sizeof policies);
    cr_assert_eq(memcmp(cp->value.p, policies, sizeof policies), 0);
    cr_assert_not_null(ntls_x509_cert_ext(&c, NTLS_OID_CRL_DP));
    cr_assert_not_null(ntls_x509_cert_ext(&c, NTLS_OID_AIA));
    cr_assert(!c.unhandled_critical);
    ntls_x509_cert_free(&c);
}

Test(ext, client_email_san)
{
    struct ntls_x509_cert c;
    tu_cert("client-rsa.pem", &c);
    cr_assert_eq(c.san_count, 1);
    expect_gname(&c.san[0], NTLS_GNAME_EMAIL, "client@example.com", 18);
    cr_assert_eq(c.eku_count, 2);
    ntls_x509_cert_free(&c);
}

Test(ext, name_constraints_fixture)
{
    /* Permitted: DNS:.example.com, IP:192.168.0.0/255.255.0.0, email:example.com;
     * Excluded: DNS:forbidden.example.com */
    struct ntls_x509_cert c;
    tu_cert("name-constraints.pem", &c);
    cr_assert_eq(c.permitted_count, 3);
    expect_gname(&c.permitted[0].base, NTLS_GNAME_DNS, ".example.com", 12);
    expect_gname(&c.permitted[1].base, NTLS_GNAME_IP, "\xc0\xa8\x00\x00\xff\xff\x00\x00", 8);
    expect_gname(&c.permitted[2].base, NTLS_GNAME_EMAIL, "example.com", 11);
    cr_assert_eq(c.permitted[0].minimum, 0);
    cr_assert(!c.permitted[0].has_maximum);
    cr_assert_eq(c.excluded_count, 1);
    expect_gname(&c.excluded[0].base, NTLS_GNAME_DNS, "forbidden.example.com", 21);
    cr_assert(c.ca);
    cr_assert_eq(c.path_len, 1);
    cr_assert(!c.unhandled_critical); /* nameConstraints is critical and understood */
    ntls_x509_cert_free(&c);
}

Test(ext, unknown_critical_extension_is_flagged_not_refused)
{
    /* 1.3.6.1.4.1.55555.1: critical, UTF8String "nettls" */
    struct ntls_x509_cert c;
    tu_cert("crit-unknown.pem", &c);
    cr_assert(c.unhandled_critical);
    cr_assert_eq(c.ext_count, 4);
    char text[32];
    cr_assert_gt(ntls_oid_to_text(c.exts[1].oid, text, sizeof text), 0);
    cr_assert_str_eq(text, "1.3.6.1.4.1.55555.1");
    cr_assert_null(c.exts[1].info);
    cr_assert(c.exts[1].critical);
    cr_assert_eq(c.exts[1].value.len, 8);
    cr_assert_eq(memcmp(c.exts[1].value.p, "\x0c\x06nettls", 8), 0);
    ntls_x509_cert_free(&c);
}

/* ---- built certificates ---- */

#define OID(...) (const uint8_t[]){ __VA_ARGS__ }, sizeof((const uint8_t[]){ __VA_ARGS__ })
#define BC 0x55, 0x1d, 0x13
#define KU 0x55, 0x1d, 0x0f
#define EKU 0x55, 0x1d, 0x25
#define SAN 0x55, 0x1d, 0x11
#define NC 0x55, 0x1d, 0x1e
#define AKID 0x55, 0x1d, 0x23
#define SKID 0x55, 0x1d, 0x0e
#define CP 0x55, 0x1d, 0x20
#define PRIVATE 0x2b, 0x06, 0x01, 0x04, 0x01, 0x83, 0xb2, 0x03, 0x01

static enum ntls_err with_exts(const struct tu_buf *exts, struct ntls_x509_cert *c)
{
    struct tu_buf der;
    tu_build_cert(&der, &(struct tu_cert_spec){ .exts = exts });
    return ntls_x509_cert_parse(c, der.p, der.len).err;
}

/* One extension with the given value; the result of parsing the certificate. */
static enum ntls_err one_ext(const uint8_t *oid, size_t oid_len, int critical, const void *value, size_t n,
                             struct ntls_x509_cert *c)
{
    struct tu_buf exts = { .len = 0 };
    tu_ext(&exts, oid, oid_len, critical, value, n);
    return with_exts(&exts, c);
}

static void one_ext_fails(const uint8_t *oid, size_t oid_len, const void *value, size_t n)
{
    struct ntls_x509_cert c;
    cr_assert_eq(one_ext(oid, oid_len, -1, value, n, &c), NTLS_E_BAD_CERTIFICATE);
    cr_assert_null(c.exts);
}

Test(ext, extensions_sequence_rules)
{
    struct ntls_x509_cert c;
    struct tu_buf exts = { .len = 0 };
    cr_assert_eq(with_exts(&exts, &c), NTLS_E_BAD_CERTIFICATE); /* SIZE (1..MAX) */
    static const uint8_t two[] = { 0x30, 0x00, 0x30, 0x00 };    /* [3] holding two SEQUENCEs */
    struct tu_buf der;
    tu_build_cert(&der, &(struct tu_cert_spec){ .exts_raw = two, .exts_raw_len = sizeof two });
    cr_assert_eq(ntls_x509_cert_parse(&c, der.p, der.len).err, NTLS_E_BAD_CERTIFICATE);
    /* duplicates, even when both are unknown and identical */
    static const uint8_t skid[] = { 0x04, 0x01, 0xaa };
    tu_ext(&exts, OID(SKID), -1, skid, sizeof skid);
    tu_ext(&exts, OID(PRIVATE), -1, skid, sizeof skid);
    cr_assert_eq(with_exts(&exts, &c), NTLS_E_OK);
    cr_assert_eq(c.ext_count, 2);
    ntls_x509_cert_free(&c);
    tu_ext(&exts, OID(SKID), -1, skid, sizeof skid);
    cr_assert_eq(with_exts(&exts, &c), NTLS_E_BAD_CERTIFICATE);
    exts.len = 0;
    tu_ext(&exts, OID(PRIVATE), -1, skid, sizeof skid);
    tu_ext(&exts, OID(PRIVATE), -1, skid, sizeof skid);
    cr_assert_eq(with_exts(&exts, &c), NTLS_E_BAD_CERTIFICATE);
}

Test(ext, criticality)
{
    static const uint8_t value[] = { 0x05, 0x00 };
    static const uint8_t skid[] = { 0x04, 0x01, 0xaa };
    static const uint8_t ku[] = { 0x03, 0x02, 0x07, 0x80 };
    struct ntls_x509_cert c;
    cr_assert_eq(one_ext(OID(PRIVATE), 0, value, sizeof value, &c), NTLS_E_OK); /* explicit FALSE: accepted */
    cr_assert(!c.unhandled_critical);
    cr_assert(!c.exts[0].critical);
    ntls_x509_cert_free(&c);
    cr_assert_eq(one_ext(OID(PRIVATE), 1, value, sizeof value, &c), NTLS_E_OK);
    cr_assert(c.unhandled_critical);
    ntls_x509_cert_free(&c);
    cr_assert_eq(one_ext(OID(KU), 1, ku, sizeof ku, &c), NTLS_E_OK);
    cr_assert(!c.unhandled_critical);
    cr_assert_eq(c.key_usage, NTLS_KU_DIGITAL_SIGNATURE);
    ntls_x509_cert_free(&c);
    /* subjectKeyIdentifier is never critical (RFC 5280 4.2.1.2); OpenSSL refuses it as unhandled */
    cr_assert_eq(one_ext(OID(SKID), 1, skid, sizeof skid, &c), NTLS_E_OK);
    cr_assert(c.unhandled_critical);
    ntls_x509_cert_free(&c);
    /* a BER TRUE */
    struct tu_buf exts = { .len = 0 };
    static const uint8_t ext[] = { 0x30, 0x10, 0x06, 0x09, PRIVATE, 0x01, 0x01, 0x01, 0x04, 0x00 };
    tu_put(&exts, ext, sizeof ext);
    cr_assert_eq(with_exts(&exts, &c), NTLS_E_BAD_CERTIFICATE);
}

Test(ext, basic_constraints)
{
    struct ntls_x509_cert c;
    static const uint8_t empty[] = { 0x30, 0x00 };
    static const uint8_t ca_len3[] = { 0x30, 0x06, 0x01, 0x01, 0xff, 0x02, 0x01, 0x03 };
    static const uint8_t explicit_false[] = { 0x30, 0x03, 0x01, 0x01, 0x00 };
    static const uint8_t negative[] = { 0x30, 0x06, 0x01, 0x01, 0xff, 0x02, 0x01, 0xff };
    static const uint8_t huge[] = { 0x30, 0x09, 0x01, 0x01, 0xff, 0x02, 0x04, 0x7f, 0xff, 0xff, 0xff };
    static const uint8_t too_huge[] = {
        0x30, 0x0a, 0x01, 0x01, 0xff, 0x02, 0x05, 0x00, 0x80, 0x00, 0x00, 0x00
    };
    static const uint8_t len_first[] = { 0x30, 0x06, 0x02, 0x01, 0x03, 0x01, 0x01, 0xff };
    static const uint8_t trailing[] = { 0x30, 0x03, 0x01, 0x01, 0xff, 0x05, 0x00 };
    cr_assert_eq(one_ext(OID(BC), 1, empty, sizeof empty, &c), NTLS_E_OK);
    cr_assert(!c.ca);
    cr_assert_eq(c.path_len, -1);
    cr_assert_eq(c.ext_flags, NTLS_EXT_BASIC_CONSTRAINTS);
    ntls_x509_cert_free(&c);
    cr_assert_eq(one_ext(OID(BC), 1, ca_len3, sizeof ca_len3, &c), NTLS_E_OK);
    cr_assert(c.ca);
    cr_assert_eq(c.path_len, 3);
    ntls_x509_cert_free(&c);
    cr_assert_eq(one_ext(OID(BC), -1, explicit_false, sizeof explicit_false, &c), NTLS_E_OK);
    cr_assert(!c.ca);
    ntls_x509_cert_free(&c);
    cr_assert_eq(one_ext(OID(BC), -1, huge, sizeof huge, &c), NTLS_E_OK);
    cr_assert_eq(c.path_len, 0x7fffffff);
    ntls_x509_cert_free(&c);
    one_ext_fails(OID(BC), negative, sizeof negative);
    one_ext_fails(OID(BC), too_huge, sizeof too_huge);
    one_ext_fails(OID(BC), len_first, sizeof len_first);
    one_ext_fails(OID(BC), trailing, sizeof trailing);
    one_ext_fails(OID(BC), empty, 1);
}

Test(ext, key_usage_bits)
{
    struct ntls_x509_cert c;
    static const uint8_t decipher_only[] = { 0x03, 0x03, 0x07, 0x80, 0x80 }; /* digitalSignature + bit 8 */
    static const uint8_t none[] = { 0x03, 0x01, 0x00 };
    static const uint8_t dirty[] = { 0x03, 0x02, 0x01, 0x87 };
    static const uint8_t octets[] = { 0x04, 0x01, 0x80 };
    cr_assert_eq(one_ext(OID(KU), 1, decipher_only, sizeof decipher_only, &c), NTLS_E_OK);
    cr_assert_eq(c.key_usage, NTLS_KU_DIGITAL_SIGNATURE | NTLS_KU_DECIPHER_ONLY);
    ntls_x509_cert_free(&c);
    cr_assert_eq(one_ext(OID(KU), 1, none, sizeof none, &c), NTLS_E_OK);
    cr_assert_eq(c.key_usage, 0);
    cr_assert_eq(c.ext_flags, NTLS_EXT_KEY_USAGE);
    ntls_x509_cert_free(&c);
    one_ext_fails(OID(KU), dirty, sizeof dirty);
    one_ext_fails(OID(KU), octets, sizeof octets);
}

Test(ext, extended_key_usage)
{
    struct ntls_x509_cert c;
    static const uint8_t eku[] = { 0x30, 0x11, 0x06, 0x08, 0x2b, 0x06, 0x01, 0x05, 0x05, 0x07,
                                   0x03, 0x09, 0x06, 0x05, 0x2a, 0x03, 0x04, 0x05, 0x06 };
    static const uint8_t any[] = { 0x30, 0x06, 0x06, 0x04, 0x55, 0x1d, 0x25, 0x00 };
    static const uint8_t empty[] = { 0x30, 0x00 };
    static const uint8_t not_oid[] = { 0x30, 0x03, 0x02, 0x01, 0x01 };
    cr_assert_eq(one_ext(OID(EKU), -1, eku, sizeof eku, &c), NTLS_E_OK);
    cr_assert_eq(c.eku_count, 2);
    cr_assert_eq(c.eku_flags, NTLS_EKU_OCSP_SIGNING);
    cr_assert_eq(c.eku[1].len, 5);
    ntls_x509_cert_free(&c);
    cr_assert_eq(one_ext(OID(EKU), -1, any, sizeof any, &c), NTLS_E_OK);
    cr_assert_eq(c.eku_flags, NTLS_EKU_ANY);
    ntls_x509_cert_free(&c);
    one_ext_fails(OID(EKU), empty, sizeof empty);
    one_ext_fails(OID(EKU), not_oid, sizeof not_oid);
}

Test(ext, subject_alt_names)
{
    struct ntls_x509_cert c;
    /* otherName (UPN-like), registeredID, directoryName (CN=ab), x400 and ediParty kept opaque */
    static const uint8_t all[] = {
        0x30, 0x31, 0xa0, 0x0b, 0x06, 0x03, 0x2a, 0x03, 0x04, 0xa0, 0x04, 0x0c, 0x02, 'h',  'i',  0x88, 0x03,
        0x2a, 0x03, 0x04, 0xa4, 0x0f, 0x30, 0x0d, 0x31, 0x0b, 0x30, 0x09, 0x06, 0x03, 0x55, 0x04, 0x03, 0x13,
        0x02, 'a',  'b',  0xa3, 0x02, 0x30, 0x00, 0xa5, 0x02, 0x30, 0x00, 0x86, 0x04, 'u',  'r',  'n',  ':',
    };
    cr_assert_eq(one_ext(OID(SAN), -1, all, sizeof all, &c), NTLS_E_OK);
    cr_assert_eq(c.san_count, 6);
    cr_assert_eq(c.san[0].type, NTLS_GNAME_OTHER);
    expect_gname(&c.san[1], NTLS_GNAME_RID, "\x2a\x03\x04", 3);
    cr_assert_eq(c.san[2].type, NTLS_GNAME_DIRNAME);
    cr_assert_eq(c.san[2].value.len, 15);
    struct ntls_cur dn = c.san[2].value;
    struct ntls_x509_name name;
    cr_assert_eq(ntls_x509_name_parse(&dn, &name).err, NTLS_E_OK);
    cr_assert_eq(name.count, 1);
    ntls_x509_name_free(&name);
    cr_assert_eq(c.san[3].type, NTLS_GNAME_X400);
    cr_assert_eq(c.san[4].type, NTLS_GNAME_EDIPARTY);
    expect_gname(&c.san[5], NTLS_GNAME_URI, "urn:", 4);
    ntls_x509_cert_free(&c);

    static const uint8_t empty[] = { 0x30, 0x00 };
    static const uint8_t ip5[] = { 0x30, 0x07, 0x87, 0x05, 1, 2, 3, 4, 5 };
    static const uint8_t ip8[] = { 0x30, 0x0a, 0x87, 0x08, 1, 2, 3, 4, 5, 6, 7, 8 }; /* only in constraints */
    static const uint8_t dns8bit[] = { 0x30, 0x04, 0x82, 0x02, 'a', 0xe9 };
    static const uint8_t dns_cons[] = { 0x30, 0x04, 0xa2, 0x02, 'a', 'b' };
    static const uint8_t bad_dir[] = { 0x30, 0x04, 0xa4, 0x02, 0x31, 0x00 };
    static const uint8_t dir_trailing[] = { 0x30, 0x06, 0xa4, 0x04, 0x30, 0x00, 0x05, 0x00 };
    static const uint8_t tag9[] = { 0x30, 0x03, 0x89, 0x01, 0x00 };
    static const uint8_t universal[] = { 0x30, 0x04, 0x16, 0x02, 'a', 'b' };
    static const uint8_t other_no_value[] = { 0x30, 0x07, 0xa0, 0x05, 0x06, 0x03, 0x2a, 0x03, 0x04 };
    static const uint8_t rid_bad[] = { 0x30, 0x03, 0x88, 0x01, 0x80 };
    const struct {
        const uint8_t *der;
        size_t len;
    } bad[] = {
        { empty, sizeof empty },
        { ip5, sizeof ip5 },
        { ip8, sizeof ip8 },
        { dns8bit, sizeof dns8bit },
        { dns_cons, sizeof dns_cons },
        { bad_dir, sizeof bad_dir },
        { dir_trailing, sizeof dir_trailing },
        { tag9, sizeof tag9 },
        { universal, sizeof universal },
        { other_no_value, sizeof other_no_value },
        { rid_bad, sizeof rid_bad },
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        struct ntls_x509_cert d;
        cr_assert_eq(one_ext(OID(SAN), -1, bad[i].der, bad[i].len, &d), NTLS_E_BAD_CERTIFICATE, "case %zu",
                     i);
    }
}

Test(ext, name_constraints_rules)
{
    struct ntls_x509_cert c;
    /* excluded only, with minimum 0 written out and a maximum */
    static const uint8_t excl[] = { 0x30, 0x0d, 0xa1, 0x0b, 0x30, 0x09, 0x82, 0x01,
                                    'a',  0x80, 0x01, 0x00, 0x81, 0x01, 0x02 };
    static const uint8_t empty[] = { 0x30, 0x00 };
    static const uint8_t empty_trees[] = { 0x30, 0x02, 0xa0, 0x00 };
    static const uint8_t ip4[] = { 0x30, 0x0a, 0xa0, 0x08, 0x30, 0x06, 0x87, 0x04, 10, 0, 0, 0 };
    static const uint8_t swapped[] = { 0x30, 0x0c, 0xa1, 0x04, 0x30, 0x02, 0x82,
                                       0x00, 0xa0, 0x04, 0x30, 0x02, 0x82, 0x00 };
    cr_assert_eq(one_ext(OID(NC), 1, excl, sizeof excl, &c), NTLS_E_OK);
    cr_assert_eq(c.permitted_count, 0);
    cr_assert_null(c.permitted);
    cr_assert_eq(c.excluded_count, 1);
    cr_assert_eq(c.excluded[0].minimum, 0);
    cr_assert(c.excluded[0].has_maximum);
    cr_assert_eq(c.excluded[0].maximum, 2);
    ntls_x509_cert_free(&c);
    one_ext_fails(OID(NC), empty, sizeof empty);
    one_ext_fails(OID(NC), empty_trees, sizeof empty_trees);
    one_ext_fails(OID(NC), ip4, sizeof ip4);
    one_ext_fails(OID(NC), swapped, sizeof swapped);
}

Test(ext, key_identifiers)
{
    struct ntls_x509_cert c;
    /* keyIdentifier 01 02, authorityCertIssuer { directoryName CN=ab }, authorityCertSerialNumber 0x1000 */
    static const uint8_t akid[] = { 0x30, 0x1d, 0x80, 0x02, 0x01, 0x02, 0xa1, 0x13, 0xa4, 0x11, 0x30,
                                    0x0f, 0x31, 0x0d, 0x30, 0x0b, 0x06, 0x03, 0x55, 0x04, 0x03, 0x13,
                                    0x04, 'n',  'a',  'm',  'e',  0x82, 0x02, 0x10, 0x00 };
    static const uint8_t akid_empty_names[] = { 0x30, 0x02, 0xa1, 0x00 };
    static const uint8_t akid_bad_serial[] = { 0x30, 0x04, 0x82, 0x02, 0x00, 0x01 };
    static const uint8_t akid_order[] = { 0x30, 0x08, 0x82, 0x01, 0x01, 0x80, 0x01, 0xaa, 0x05, 0x00 };
    static const uint8_t skid_seq[] = { 0x30, 0x00 };
    struct tu_buf exts = { .len = 0 };
    static const uint8_t skid[] = { 0x04, 0x02, 0xab, 0xcd };
    tu_ext(&exts, OID(AKID), -1, akid, sizeof akid);
    tu_ext(&exts, OID(SKID), -1, skid, sizeof skid);
    cr_assert_eq(with_exts(&exts, &c), NTLS_E_OK);
    cr_assert_eq(c.akid_keyid.len, 2);
    cr_assert_eq(c.akid_issuer.len, 19);
    cr_assert_eq(c.akid_serial.len, 2);
    cr_assert_eq(c.akid_serial.p[0], 0x10);
    cr_assert_eq(c.skid.len, 2);
    cr_assert_eq(c.skid.p[1], 0xcd);
    cr_assert_eq(c.ext_flags, NTLS_EXT_AKID | NTLS_EXT_SKID);
    ntls_x509_cert_free(&c);
    one_ext_fails(OID(AKID), akid_empty_names, sizeof akid_empty_names);
    one_ext_fails(OID(AKID), akid_bad_serial, sizeof akid_bad_serial);
    one_ext_fails(OID(AKID), akid_order, sizeof akid_order);
    one_ext_fails(OID(SKID), skid_seq, sizeof skid_seq);
}

Test(ext, sequence_shaped_extensions)
{
    struct ntls_x509_cert c;
    static const uint8_t good[] = { 0x30, 0x02, 0x30, 0x00 };
    static const uint8_t empty[] = { 0x30, 0x00 };
    static const uint8_t not_seq[] = { 0x30, 0x02, 0x05, 0x00 };
    cr_assert_eq(one_ext(OID(CP), 1, good, sizeof good, &c), NTLS_E_OK);
    cr_assert(!c.unhandled_critical);
    cr_assert_eq(c.ext_flags, NTLS_EXT_CERT_POLICIES);
    ntls_x509_cert_free(&c);
    one_ext_fails(OID(CP), empty, sizeof empty);
    one_ext_fails(OID(CP), not_seq, sizeof not_seq);
    one_ext_fails(OID(CP), good, 3);
}

Test(ext, extension_value_must_be_exactly_one_element)
{
    static const uint8_t bc_twice[] = { 0x30, 0x00, 0x30, 0x00 };
    one_ext_fails(OID(BC), bc_twice, sizeof bc_twice);
    static const uint8_t ku_trailing[] = { 0x03, 0x02, 0x07, 0x80, 0x00 };
    one_ext_fails(OID(KU), ku_trailing, sizeof ku_trailing);
}
