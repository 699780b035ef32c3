/* Name constraints (lib/x509/nconstraints.c), RFC 5280 4.2.1.10 as OpenSSL 3.0 checks them: each name
 * form against permitted and excluded subtrees, built by hand; the chains of data/verify (nc-* cases in
 * expected.tsv) cover them end to end against `openssl verify`. */
#include <criterion/criterion.h>
#include <string.h>

#include "testutil.h"
#include "x509/verify_internal.h"

#define DNS 0x82
#define EMAIL 0x81
#define URI 0x86
#define IPADD 0x87
#define DIRN 0xa4
#define OTHER 0xa0
#define RID 0x88

/* A subtree: the base GeneralName, and a maximum when max >= 0. */
struct sub {
    uint8_t tag;
    const char *value;
    size_t len;
    int max;
};

static void build_nc(struct ntls_x509_cert *ca, const struct sub *perm, size_t np, const struct sub *excl,
                     size_t ne)
{
    static const uint8_t nc_oid[] = { 0x55, 0x1d, 0x1e };
    static struct tu_buf trees, one, body, value, exts, der;
    body.len = value.len = exts.len = 0;
    for (int list = 0; list < 2; list++) {
        const struct sub *s = list == 0 ? perm : excl;
        size_t n = list == 0 ? np : ne;
        if (n == 0) {
            continue;
        }
        trees.len = 0;
        for (size_t i = 0; i < n; i++) {
            one.len = 0;
            tu_tlv(&one, s[i].tag, s[i].value, s[i].len > 0 ? s[i].len : strlen(s[i].value));
            if (s[i].max >= 0) {
                uint8_t m = (uint8_t)s[i].max;
                tu_tlv(&one, NTLS_DER_CTX(1), &m, 1);
            }
            tu_wrap(&trees, NTLS_DER_SEQUENCE, &one);
        }
        tu_wrap(&body, NTLS_DER_CTX_CONS(list), &trees);
    }
    tu_wrap(&value, NTLS_DER_SEQUENCE, &body);
    tu_ext(&exts, nc_oid, sizeof nc_oid, 1, value.p, value.len);
    struct tu_cert_spec spec = { .exts = &exts };
    tu_build_cert(&der, &spec);
    cr_assert_eq(ntls_x509_cert_parse(ca, der.p, der.len).err, NTLS_E_OK);
}

/* Checks a leaf with the given SANs (and subject CN=leaf, or O=nettls when cn is NULL) against ca. */
static int check(const struct ntls_x509_cert *ca, const struct tu_gname *san, size_t n, const char *cn,
                 const char *email)
{
    static struct tu_buf der;
    struct ntls_x509_cert leaf;
    struct ntls_x509_certinfo ci;
    tu_build_names(&der, san, n, NTLS_DER_UTF8_STRING, cn, 0, email);
    cr_assert_eq(ntls_x509_cert_parse(&leaf, der.p, der.len).err, NTLS_E_OK);
    cr_assert_eq(ntls_x509_certinfo_init(&ci, &leaf).err, NTLS_E_OK);
    int r = ntls_x509_nc_check(&ci, ca);
    if (r == NTLS_X509_V_OK && cn != NULL) {
        r = ntls_x509_nc_check_cn(&leaf, ca);
    }
    ntls_x509_certinfo_free(&ci);
    ntls_x509_cert_free(&leaf);
    return r;
}

static int one_name(const struct ntls_x509_cert *ca, uint8_t tag, const char *value, size_t len)
{
    const struct tu_gname g = { tag, value, len };
    return check(ca, &g, 1, NULL, NULL);
}

#define OK NTLS_X509_V_OK
#define PERMIT NTLS_X509_V_ERR_PERMITTED_VIOLATION
#define EXCL NTLS_X509_V_ERR_EXCLUDED_VIOLATION
#define SYNTAX NTLS_X509_V_ERR_UNSUPPORTED_NAME_SYNTAX

Test(nconstraints, dns_names)
{
    struct ntls_x509_cert ca;
    static const struct sub perm[] = { { DNS, "example.com", 0, -1 }, { DNS, ".example.net", 0, -1 } };
    static const struct sub excl[] = { { DNS, "bad.example.com", 0, -1 } };
    build_nc(&ca, perm, 2, excl, 1);
    cr_expect_eq(one_name(&ca, DNS, "example.com", 0), OK);
    cr_expect_eq(one_name(&ca, DNS, "www.EXAMPLE.com", 0), OK);
    cr_expect_eq(one_name(&ca, DNS, "wwwexample.com", 0), PERMIT, "label boundaries");
    cr_expect_eq(one_name(&ca, DNS, "example.org", 0), PERMIT);
    cr_expect_eq(one_name(&ca, DNS, "a.example.net", 0), OK);
    cr_expect_eq(one_name(&ca, DNS, "example.net", 0), PERMIT, "'.example.net' only covers subdomains");
    cr_expect_eq(one_name(&ca, DNS, "bad.example.com", 0), EXCL);
    cr_expect_eq(one_name(&ca, DNS, "x.bad.example.com", 0), EXCL);
    cr_expect_eq(one_name(&ca, DNS, "notbad.example.com", 0), OK);
    cr_expect_eq(one_name(&ca, DNS, "*.example.com", 0), EXCL, "the wildcard covers bad.example.com");
    cr_expect_eq(one_name(&ca, EMAIL, "a@elsewhere.org", 0), OK, "no constraint of that type");
    const struct tu_gname two[] = { { DNS, "www.example.com", 0 }, { DNS, "www.example.org", 0 } };
    cr_expect_eq(check(&ca, two, 2, NULL, NULL), PERMIT, "every name must be permitted");
    ntls_x509_cert_free(&ca);

    static const struct sub deep[] = { { DNS, "x.bar.example.com", 0, -1 },
                                       { DNS, ".bar.example.com", 0, -1 } };
    build_nc(&ca, NULL, 0, deep, 2);
    cr_expect_eq(one_name(&ca, DNS, "*.example.com", 0), OK,
                 "one label only: the wildcard cannot reach them");
    ntls_x509_cert_free(&ca);

    static const struct sub any[] = { { DNS, "", 0, -1 } };
    build_nc(&ca, any, 1, NULL, 0);
    cr_expect_eq(one_name(&ca, DNS, "anything.at.all", 0), OK, "an empty base matches every name");
    ntls_x509_cert_free(&ca);
}

Test(nconstraints, email_uri_ip)
{
    struct ntls_x509_cert ca;
    static const struct sub perm[] = {
        { EMAIL, "example.com", 0, -1 },       { EMAIL, ".example.org", 0, -1 },
        { EMAIL, "alice@example.net", 0, -1 }, { URI, "example.com", 0, -1 },
        { URI, ".example.org", 0, -1 },        { IPADD, "\x0a\x00\x00\x00\xff\x00\x00\x00", 8, -1 },
    };
    build_nc(&ca, perm, 6, NULL, 0);
    cr_expect_eq(one_name(&ca, EMAIL, "a@example.com", 0), OK);
    cr_expect_eq(one_name(&ca, EMAIL, "a@EXAMPLE.COM", 0), OK);
    cr_expect_eq(one_name(&ca, EMAIL, "a@sub.example.com", 0), PERMIT, "a host is exact");
    cr_expect_eq(one_name(&ca, EMAIL, "a@sub.example.org", 0), OK);
    cr_expect_eq(one_name(&ca, EMAIL, "a@example.org", 0), PERMIT);
    cr_expect_eq(one_name(&ca, EMAIL, "alice@example.net", 0), OK);
    cr_expect_eq(one_name(&ca, EMAIL, "Alice@example.net", 0), PERMIT, "a mailbox's local part is exact");
    cr_expect_eq(one_name(&ca, EMAIL, "not-an-address", 0), SYNTAX);
    cr_expect_eq(one_name(&ca, URI, "https://example.com/path", 0), OK);
    cr_expect_eq(one_name(&ca, URI, "https://example.com:8443/", 0), OK);
    cr_expect_eq(one_name(&ca, URI, "https://www.example.com/", 0), PERMIT);
    cr_expect_eq(one_name(&ca, URI, "ldap://www.example.org", 0), OK);
    cr_expect_eq(one_name(&ca, URI, "urn:isbn:0451450523", 0), SYNTAX);
    cr_expect_eq(one_name(&ca, URI, "https:///path", 0), SYNTAX);
    cr_expect_eq(one_name(&ca, IPADD, "\x0a\x01\x02\x03", 4), OK);
    cr_expect_eq(one_name(&ca, IPADD, "\x0b\x00\x00\x01", 4), PERMIT);
    cr_expect_eq(one_name(&ca, IPADD, "\x0a\0\0\0\0\0\0\0\0\0\0\0\0\0\0\x01", 16), PERMIT, "IPv6 vs IPv4");
    ntls_x509_cert_free(&ca);
}

Test(nconstraints, subject_names)
{
    struct ntls_x509_cert ca;
    /* directoryName O=nettls */
    static const struct sub perm[] = {
        { DIRN, "\x30\x11\x31\x0f\x30\x0d\x06\x03\x55\x04\x0a\x0c\x06nettls", 19, -1 },
        { EMAIL, "example.com", 0, -1 },
    };
    build_nc(&ca, perm, 2, NULL, 0);
    cr_expect_eq(check(&ca, NULL, 0, NULL, NULL), OK, "subject O=nettls");
    cr_expect_eq(check(&ca, NULL, 0, "leaf", NULL), PERMIT, "CN=leaf is not under O=nettls");
    cr_expect_eq(check(&ca, NULL, 0, NULL, "x@example.com"), OK, "the subject's emailAddress is an email");
    cr_expect_eq(check(&ca, NULL, 0, NULL, "x@other.com"), PERMIT);
    const struct tu_gname dn = { DIRN, "\x30\x11\x31\x0f\x30\x0d\x06\x03\x55\x04\x0a\x13\x06NETTLS", 19 };
    cr_expect_eq(check(&ca, &dn, 1, NULL, NULL), OK, "directoryName SANs compare canonically");
    ntls_x509_cert_free(&ca);

    static const struct sub dns[] = { { DNS, "example.com", 0, -1 } };
    build_nc(&ca, dns, 1, NULL, 0);
    cr_expect_eq(check(&ca, NULL, 0, "www.example.com", NULL), OK, "a host-name CN is constrained");
    cr_expect_eq(check(&ca, NULL, 0, "www.other.org", NULL), PERMIT);
    cr_expect_eq(check(&ca, NULL, 0, "Not A Host Name", NULL), OK, "other CNs are not");
    cr_expect_eq(check(&ca, NULL, 0, "localhost", NULL), OK, "nor single labels");
    ntls_x509_cert_free(&ca);
}

Test(nconstraints, unsupported_forms)
{
    struct ntls_x509_cert ca;
    static const struct sub max[] = { { DNS, "example.com", 0, 3 } };
    build_nc(&ca, max, 1, NULL, 0);
    cr_expect_eq(one_name(&ca, DNS, "example.com", 0), NTLS_X509_V_ERR_SUBTREE_MINMAX);
    cr_expect_eq(one_name(&ca, EMAIL, "a@example.com", 0), OK, "only for names of its type");
    ntls_x509_cert_free(&ca);

    static const struct sub rid[] = { { RID, "\x2a\x03", 2, -1 } };
    build_nc(&ca, rid, 1, NULL, 0);
    cr_expect_eq(one_name(&ca, RID, "\x2a\x03", 2), NTLS_X509_V_ERR_UNSUPPORTED_CONSTRAINT_TYPE);
    ntls_x509_cert_free(&ca);

    /* SmtpUTF8Mailbox (RFC 8398) against rfc822Name constraints */
    static const struct sub mail[] = { { EMAIL, "example.com", 0, -1 } };
    build_nc(&ca, mail, 1, NULL, 0);
    static const char good[] = "\x06\x08\x2b\x06\x01\x05\x05\x07\x08\x09\xa0\x10\x0c\x0e\xc3\xbc@example.com";
    static const char bad[] = "\x06\x08\x2b\x06\x01\x05\x05\x07\x08\x09\xa0\x10\x0c\x0e\xc3\xbc@example.org";
    cr_expect_eq(one_name(&ca, OTHER, good, sizeof good - 1), OK);
    cr_expect_eq(one_name(&ca, OTHER, bad, sizeof bad - 1), PERMIT);
    ntls_x509_cert_free(&ca);
}
