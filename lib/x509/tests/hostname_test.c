/* Identity checks (lib/x509/hostname.c): RFC 6125 host names (SAN dNSName before CN, one left-most
 * wildcard label, IDNA labels, OpenSSL's X509_CHECK_FLAG_* behaviours), IP addresses only against
 * iPAddress entries, e-mail addresses, and the text forms of addresses. hostname_openssl_test.c compares the
 * same functions with the system OpenSSL over many more names. */
#include <criterion/criterion.h>
#include <string.h>

#include "base/mem.h"
#include "testutil.h"
#include "x509/verify.h"

#define DNS 0x82
#define EMAIL 0x81
#define IPADD 0x87
#define OTHER 0xa0

static void build(struct ntls_x509_cert *cert, const struct tu_gname *san, size_t n, uint8_t cn_tag,
                  const char *cn, size_t cn_len)
{
    static struct tu_buf der;
    tu_build_names(&der, san, n, cn_tag, cn, cn_len, NULL);
    cr_assert_eq(ntls_x509_cert_parse(cert, der.p, der.len).err, NTLS_E_OK);
}

static int host(const struct ntls_x509_cert *cert, const char *name, unsigned flags)
{
    return ntls_x509_check_host(cert, name, 0, flags, NULL);
}

Test(hostname, san_dns_names)
{
    struct ntls_x509_cert c;
    char *peer = NULL;
    tu_cert("verify/leaf.pem", &c); /* DNS:www.example.com, DNS:example.com, CN=www.example.com */
    cr_assert_eq(host(&c, "www.example.com", 0), 1);
    cr_assert_eq(host(&c, "WWW.Example.COM", 0), 1, "ASCII case does not matter");
    cr_assert_eq(host(&c, "example.com", 0), 1, "the second SAN");
    cr_assert_eq(host(&c, "mail.example.com", 0), 0);
    cr_assert_eq(host(&c, "www.example.com.", 0), 0, "no trailing-dot folding");
    cr_assert_eq(host(&c, "", 0), 0);
    cr_assert_eq(ntls_x509_check_host(&c, "WWW.example.com", 0, 0, &peer), 1);
    cr_assert_str_eq(peer, "www.example.com", "peername is the certificate's spelling");
    ntls_free(peer);
    cr_assert_eq(ntls_x509_check_host(&c, "www.example.com", 16, 0, NULL), 1,
                 "a final NUL in len is dropped");
    cr_assert_eq(ntls_x509_check_host(&c, "www\0example.com", 15, 0, NULL), -2, "an inner NUL is an error");
    cr_assert_eq(ntls_x509_check_host(&c, NULL, 0, 0, NULL), -2);
    /* a reference name starting with '.' matches any subdomain */
    cr_assert_eq(host(&c, ".example.com", 0), 1);
    cr_assert_eq(host(&c, ".example.com", NTLS_X509_CHECK_FLAG_SINGLE_LABEL_SUBDOMAINS), 1);
    cr_assert_eq(host(&c, ".www.example.com", 0), 0);
    ntls_x509_cert_free(&c);

    static const struct tu_gname deep[] = { { DNS, "a.b.example.com", 0 } };
    build(&c, deep, 1, NTLS_DER_UTF8_STRING, "x", 0);
    cr_assert_eq(host(&c, ".example.com", 0), 1);
    cr_assert_eq(host(&c, ".example.com", NTLS_X509_CHECK_FLAG_SINGLE_LABEL_SUBDOMAINS), 0);
    ntls_x509_cert_free(&c);
}

Test(hostname, common_name_only_without_dns_san)
{
    struct ntls_x509_cert c;
    tu_cert("verify/leaf-cn.pem", &c); /* no SAN, CN=cn-only.example.com */
    cr_assert_eq(host(&c, "cn-only.example.com", 0), 1);
    cr_assert_eq(host(&c, "cn-only.example.com", NTLS_X509_CHECK_FLAG_NEVER_CHECK_SUBJECT), 0);
    ntls_x509_cert_free(&c);

    tu_cert("verify/leaf.pem", &c);
    cr_assert_eq(host(&c, "nettls", 0), 0, "O is not a host name");
    ntls_x509_cert_free(&c);

    static const struct tu_gname ip[] = { { IPADD, "\x0a\x00\x00\x01", 4 } };
    build(&c, ip, 1, NTLS_DER_UTF8_STRING, "ip-cn.example.com", 0);
    cr_assert_eq(host(&c, "ip-cn.example.com", 0), 1, "an iPAddress SAN does not hide the CN");
    ntls_x509_cert_free(&c);

    /* other kinds of names do not hide the CN either */
    static const struct tu_gname upn[] = {
        { OTHER, "\x06\x0a\x2b\x06\x01\x04\x01\x82\x37\x14\x02\x03\xa0\x05\x0c\x03u@x", 19 },
    };
    build(&c, upn, 1, NTLS_DER_UTF8_STRING, "upn.example.com", 0);
    cr_assert_eq(host(&c, "upn.example.com", 0), 1);
    cr_assert_eq(host(&c, "upn.example.com", NTLS_X509_CHECK_FLAG_NEVER_CHECK_SUBJECT), 0);
    cr_assert_eq(host(&c, "upn.example.com", NTLS_X509_CHECK_FLAG_ALWAYS_CHECK_SUBJECT), 1);
    ntls_x509_cert_free(&c);

    /* a CN in a BMPString is compared as UTF-8 */
    build(&c, NULL, 0, NTLS_DER_BMP_STRING, "\0b\0m\0p\0.\0e\0x\0a\0m\0p\0l\0e\0.\0c\0o\0m", 30);
    cr_assert_eq(host(&c, "bmp.example.com", 0), 1);
    cr_assert_eq(host(&c, "BMP.EXAMPLE.COM", 0), 1);
    ntls_x509_cert_free(&c);
}

Test(hostname, wildcards)
{
    struct ntls_x509_cert c;
    tu_cert("verify/leaf-wildcard.pem", &c); /* DNS:*.example.com */
    cr_assert_eq(host(&c, "foo.example.com", 0), 1);
    cr_assert_eq(host(&c, "FOO.example.COM", 0), 1);
    cr_assert_eq(host(&c, "xn--bcher-kva.example.com", 0), 1, "a whole-label wildcard matches A-labels");
    cr_assert_eq(host(&c, "a.b.example.com", 0), 0, "one label only");
    cr_assert_eq(host(&c, "a.b.example.com", NTLS_X509_CHECK_FLAG_MULTI_LABEL_WILDCARDS), 1);
    cr_assert_eq(host(&c, "example.com", 0), 0, "the wildcard matches at least one character");
    cr_assert_eq(host(&c, ".example.com", 0), 1, "the subdomain rule drops the '*' label like any other");
    cr_assert_eq(host(&c, "foo.example.com", NTLS_X509_CHECK_FLAG_NO_WILDCARDS), 0);
    cr_assert_eq(host(&c, "*.example.com", NTLS_X509_CHECK_FLAG_NO_WILDCARDS), 1, "then '*' is literal");
    cr_assert_eq(host(&c, "*.example.com", 0), 1);
    cr_assert_eq(host(&c, "a_b.example.com", 0), 0, "only letters, digits and '-' under a wildcard");
    ntls_x509_cert_free(&c);

    static const struct tu_gname partial[] = {
        { DNS, "f*.example.com", 0 },
        { DNS, "*z.example.org", 0 },
        { DNS, "x*.example.net", 0 },
    };
    build(&c, partial, 3, NTLS_DER_UTF8_STRING, "x", 0);
    cr_assert_eq(host(&c, "foo.example.com", 0), 1);
    cr_assert_eq(host(&c, "f.example.com", 0), 1, "a partial wildcard may match nothing");
    cr_assert_eq(host(&c, "bar.example.com", 0), 0);
    cr_assert_eq(host(&c, "baz.example.org", 0), 1);
    cr_assert_eq(host(&c, "foo.example.com", NTLS_X509_CHECK_FLAG_NO_PARTIAL_WILDCARDS), 0);
    cr_assert_eq(host(&c, "xyz.example.net", 0), 1);
    cr_assert_eq(host(&c, "xn--a.example.net", 0), 0, "no partial wildcard over an A-label");
    ntls_x509_cert_free(&c);

    static const struct tu_gname bad[] = {
        { DNS, "*.com", 0 },           { DNS, "*.*.example.net", 0 }, { DNS, "xn--*.example.org", 0 },
        { DNS, "a.*.example.com", 0 }, { DNS, "f*o.example.com", 0 },
    };
    build(&c, bad, 5, NTLS_DER_UTF8_STRING, "x", 0);
    cr_assert_eq(host(&c, "example.com", 0), 0, "two labels after the wildcard at least");
    cr_assert_eq(host(&c, "a.b.example.net", 0), 0);
    cr_assert_eq(host(&c, "xn--a.example.org", 0), 0, "no wildcard inside an A-label");
    cr_assert_eq(host(&c, "a.b.example.com", 0), 0, "only in the left-most label");
    cr_assert_eq(host(&c, "foo.example.com", 0), 0, "not in the middle of a label");
    cr_assert_eq(host(&c, "*.com", 0), 1, "an invalid pattern compares literally");
    ntls_x509_cert_free(&c);

    static const struct tu_gname nul[] = { { DNS, "a\0.example.com", 14 } };
    build(&c, nul, 1, NTLS_DER_UTF8_STRING, "x", 0);
    cr_assert_eq(host(&c, "a", 0), 0, "a NUL in the certificate's name never matches");
    ntls_x509_cert_free(&c);
}

Test(hostname, ip_addresses)
{
    struct ntls_x509_cert c;
    const uint8_t v4[4] = { 192, 0, 2, 1 }, other[4] = { 192, 0, 2, 2 };
    const uint8_t v6[16] = { 0x20, 0x01, 0x0d, 0xb8, [15] = 1 };
    tu_cert("verify/leaf-ip.pem", &c); /* IP:192.0.2.1, IP:2001:db8::1, CN=192.0.2.1 */
    cr_assert_eq(ntls_x509_check_ip(&c, v4, 4, 0), 1);
    cr_assert_eq(ntls_x509_check_ip(&c, other, 4, 0), 0);
    cr_assert_eq(ntls_x509_check_ip(&c, v6, 16, 0), 1);
    cr_assert_eq(ntls_x509_check_ip(&c, v4, 3, 0), 0);
    cr_assert_eq(ntls_x509_check_ip(&c, NULL, 4, 0), -2);
    cr_assert_eq(ntls_x509_check_ip_asc(&c, "192.0.2.1", 0), 1);
    cr_assert_eq(ntls_x509_check_ip_asc(&c, "2001:DB8:0::1", 0), 1);
    cr_assert_eq(ntls_x509_check_ip_asc(&c, "2001:db8::2", 0), 0);
    cr_assert_eq(ntls_x509_check_ip_asc(&c, "192.0.2", 0), -2);
    cr_assert_eq(ntls_x509_check_ip_asc(&c, NULL, 0), -2);
    ntls_x509_cert_free(&c);

    tu_cert("verify/leaf-cn.pem", &c);
    cr_assert_eq(ntls_x509_check_ip_asc(&c, "192.0.2.1", 0), 0, "never the subject for IP addresses");
    ntls_x509_cert_free(&c);
}

Test(hostname, email_addresses)
{
    struct ntls_x509_cert c;
    tu_cert("verify/leaf-client.pem", &c); /* email:alice@example.com, emailAddress=alice@example.com */
    cr_assert_eq(ntls_x509_check_email(&c, "alice@example.com", 0, 0), 1);
    cr_assert_eq(ntls_x509_check_email(&c, "alice@EXAMPLE.COM", 0, 0), 1, "the domain without case");
    cr_assert_eq(ntls_x509_check_email(&c, "Alice@example.com", 0, 0), 0, "the local part exactly");
    cr_assert_eq(ntls_x509_check_email(&c, "bob@example.com", 0, 0), 0);
    cr_assert_eq(ntls_x509_check_email(&c, NULL, 0, 0), -2);
    ntls_x509_cert_free(&c);

    static struct tu_buf der;
    tu_build_names(&der, NULL, 0, NTLS_DER_UTF8_STRING, "Carol", 0, "carol@example.com");
    cr_assert_eq(ntls_x509_cert_parse(&c, der.p, der.len).err, NTLS_E_OK);
    cr_assert_eq(ntls_x509_check_email(&c, "carol@example.com", 0, 0), 1, "the subject's emailAddress");
    cr_assert_eq(ntls_x509_check_email(&c, "carol@example.com", 0, NTLS_X509_CHECK_FLAG_NEVER_CHECK_SUBJECT),
                 0);
    cr_assert_eq(host(&c, "Carol", 0), 1, "the CN as a (one-label) host name");
    ntls_x509_cert_free(&c);
}

struct ipcase {
    const char *text;
    size_t len;
    const char *hex;
};

Test(hostname, ip_text)
{
    static const struct ipcase cases[] = {
        { "192.0.2.1", 4, "c0000201" },
        { "0.0.0.0", 4, "00000000" },
        { "255.255.255.255", 4, "ffffffff" },
        { "010.1.1.1", 4, "0a010101" },
        { "256.1.1.1", 0, NULL },
        { "1.2.3", 0, NULL },
        { "1.2.3.4.5", 0, NULL },
        { "1.2.3.4 ", 0, NULL },
        { "1..3.4", 0, NULL },
        { "a.b.c.d", 0, NULL },
        { "", 0, NULL },
        { "::", 16, "00000000000000000000000000000000" },
        { "::1", 16, "00000000000000000000000000000001" },
        { "1::", 16, "00010000000000000000000000000000" },
        { "2001:db8::ff00:42:8329", 16, "20010db8000000000000ff0000428329" },
        { "2001:DB8:0:0:0:0:0:1", 16, "20010db8000000000000000000000001" },
        { "::ffff:192.0.2.1", 16, "00000000000000000000ffffc0000201" },
        { "1:2:3:4:5:6:7:8", 16, "00010002000300040005000600070008" },
        { "1:2:3:4:5:6:7", 0, NULL },
        { "1:2:3:4:5:6:7:8:9", 0, NULL },
        { "1::2::3", 0, NULL },
        { ":::", 0, NULL },
        { "1:::2", 0, NULL },
        { "12345::", 0, NULL },
        { "g::", 0, NULL },
        { "::1.2.3.4:5", 0, NULL },
        { "1:2:3:4:5:6:7:1.2.3.4", 0, NULL },
        { ":1::2", 0, NULL },
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        uint8_t out[16], want[16];
        size_t len = ntls_x509_parse_ip(cases[i].text, out);
        cr_expect_eq(len, cases[i].len, "\"%s\": %zu", cases[i].text, len);
        if (cases[i].hex != NULL && len == cases[i].len) {
            cr_assert_eq(tu_hex(cases[i].hex, want, sizeof want), len);
            cr_expect_eq(memcmp(out, want, len), 0, "\"%s\"", cases[i].text);
        }
    }
}
