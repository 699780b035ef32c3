/* The X509 API over lib/x509, against the fixture certificates: trust stores and X509_verify_cert with
 * its callback, verification parameters (host, IP, depth, time, purpose), and reading certificates
 * (names, subjectAltName, serial, validity, digests, host checks). Each check holds for OpenSSL 3 too. */
#include <stdio.h>
#include <string.h>

#include <criterion/criterion.h>

#include <openssl/bio.h>
#include <openssl/crypto.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/objects.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/x509_vfy.h>
#include <openssl/x509v3.h>

static const char *fixture(const char *name)
{
    static char path[1024];
    snprintf(path, sizeof path, "%s/%s", COMPAT_TEST_DATA, name);
    return path;
}

static X509 *load(const char *name)
{
    FILE *f = fopen(fixture(name), "r");
    cr_assert(f != NULL, "%s", name);
    X509 *x = PEM_read_X509(f, NULL, NULL, NULL);
    fclose(f);
    cr_assert(x != NULL, "%s", name);
    return x;
}


struct verify_run {
    int ret, error, depth, chain_len;
};

static struct verify_run verify(X509 *leaf, STACK_OF(X509) *untrusted, X509_STORE *store,
                                void (*tune)(X509_VERIFY_PARAM *))
{
    struct verify_run out;
    X509_STORE_CTX *ctx = X509_STORE_CTX_new();
    cr_assert(ctx != NULL);
    cr_assert_eq(X509_STORE_CTX_init(ctx, store, leaf, untrusted), 1);
    if (tune != NULL) {
        tune(X509_STORE_CTX_get0_param(ctx));
    }
    out.ret = X509_verify_cert(ctx);
    out.error = X509_STORE_CTX_get_error(ctx);
    out.depth = X509_STORE_CTX_get_error_depth(ctx);
    STACK_OF(X509) *chain = X509_STORE_CTX_get0_chain(ctx);
    out.chain_len = chain != NULL ? sk_X509_num(chain) : -1;
    X509_STORE_CTX_free(ctx);
    return out;
}

static X509_STORE *store_with(const char *anchor)
{
    X509_STORE *store = X509_STORE_new();
    cr_assert(store != NULL);
    cr_assert_eq(X509_STORE_load_locations(store, fixture(anchor), NULL), 1);
    return store;
}

Test(x509_store, chain_through_intermediate)
{
    X509_STORE *store = store_with("ca-rsa.pem");
    X509 *leaf = load("leaf-inter.pem");
    X509 *inter = load("inter-ca.pem");
    STACK_OF(X509) *untrusted = sk_X509_new_null();
    cr_assert(sk_X509_push(untrusted, inter));
    struct verify_run r = verify(leaf, untrusted, store, NULL);
    cr_assert_eq(r.ret, 1);
    cr_assert_eq(r.error, X509_V_OK);
    cr_assert_eq(r.chain_len, 3);
    /* without the intermediate there is no path */
    r = verify(leaf, NULL, store, NULL);
    cr_assert_eq(r.ret, 0);
    cr_assert_eq(r.error, X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT_LOCALLY);
    cr_assert_eq(r.depth, 0);
    sk_X509_pop_free(untrusted, X509_free);
    X509_free(leaf);
    X509_STORE_free(store);
}

Test(x509_store, add_cert_and_duplicates)
{
    X509_STORE *store = X509_STORE_new();
    X509 *ca = load("ca-rsa.pem");
    cr_assert_eq(X509_STORE_add_cert(store, ca), 1);
    X509 *leaf = load("server-rsa.pem");
    struct verify_run r = verify(leaf, NULL, store, NULL);
    cr_assert_eq(r.ret, 1);
    cr_assert_eq(r.chain_len, 2);
    X509_free(ca); /* the store keeps its own */
    r = verify(leaf, NULL, store, NULL);
    cr_assert_eq(r.ret, 1);
    X509_free(leaf);
    X509_STORE_free(store);
}

Test(x509_store, expired_and_not_yet_valid)
{
    X509_STORE *store = store_with("ca-rsa.pem");
    X509 *expired = load("expired.pem"), *notyet = load("notyet.pem");
    struct verify_run r = verify(expired, NULL, store, NULL);
    cr_assert_eq(r.ret, 0);
    cr_assert_eq(r.error, X509_V_ERR_CERT_HAS_EXPIRED);
    cr_assert_str_eq(X509_verify_cert_error_string(r.error), "certificate has expired");
    r = verify(notyet, NULL, store, NULL);
    cr_assert_eq(r.error, X509_V_ERR_CERT_NOT_YET_VALID);
    X509_free(expired);
    X509_free(notyet);
    X509_STORE_free(store);
}

static void want_localhost(X509_VERIFY_PARAM *p)
{
    cr_assert_eq(X509_VERIFY_PARAM_set1_host(p, "localhost", 0), 1);
}

static void want_other_host(X509_VERIFY_PARAM *p)
{
    cr_assert_eq(X509_VERIFY_PARAM_set1_host(p, "www.example.org", 0), 1);
}

static void want_ip(X509_VERIFY_PARAM *p)
{
    cr_assert_eq(X509_VERIFY_PARAM_set1_ip_asc(p, "192.0.2.200"), 1);
}

static void want_depth0(X509_VERIFY_PARAM *p)
{
    X509_VERIFY_PARAM_set_depth(p, 0);
}

static void client_purpose(X509_VERIFY_PARAM *p)
{
    cr_assert_eq(X509_VERIFY_PARAM_set_purpose(p, X509_PURPOSE_SSL_CLIENT), 1);
}

Test(x509_param, host_ip_depth_purpose)
{
    X509_STORE *store = store_with("ca-rsa.pem");
    X509 *leaf = load("server-rsa.pem");
    cr_assert_eq(verify(leaf, NULL, store, want_localhost).ret, 1);
    struct verify_run r = verify(leaf, NULL, store, want_other_host);
    cr_assert_eq(r.ret, 0);
    cr_assert_eq(r.error, X509_V_ERR_HOSTNAME_MISMATCH);
    r = verify(leaf, NULL, store, want_ip);
    cr_assert_eq(r.error, X509_V_ERR_IP_ADDRESS_MISMATCH);
    r = verify(leaf, NULL, store, client_purpose);
    cr_assert_eq(r.error, X509_V_ERR_INVALID_PURPOSE);
    X509_free(leaf);
    /* depth 0: no intermediate allowed */
    X509 *leaf2 = load("leaf-inter.pem");
    STACK_OF(X509) *untrusted = sk_X509_new_null();
    cr_assert(sk_X509_push(untrusted, load("inter-ca.pem")));
    r = verify(leaf2, untrusted, store, want_depth0);
    cr_assert_eq(r.ret, 0);
    cr_assert_eq(r.error, X509_V_ERR_CERT_CHAIN_TOO_LONG);
    sk_X509_pop_free(untrusted, X509_free);
    X509_free(leaf2);
    X509_STORE_free(store);
}

Test(x509_param, bad_arguments)
{
    X509_VERIFY_PARAM *p = X509_VERIFY_PARAM_new();
    cr_assert(p != NULL);
    cr_assert_eq(X509_VERIFY_PARAM_set1_ip_asc(p, "not an address"), 0);
    cr_assert_eq(X509_VERIFY_PARAM_set_flags(p, X509_V_FLAG_PARTIAL_CHAIN), 1);
    cr_assert(X509_VERIFY_PARAM_get_flags(p) & X509_V_FLAG_PARTIAL_CHAIN);
    cr_assert_eq(X509_VERIFY_PARAM_clear_flags(p, X509_V_FLAG_PARTIAL_CHAIN), 1);
    cr_assert_eq(X509_VERIFY_PARAM_get_flags(p) & X509_V_FLAG_PARTIAL_CHAIN, 0);
    X509_VERIFY_PARAM_set_depth(p, 3);
    cr_assert_eq(X509_VERIFY_PARAM_get_depth(p), 3);
    X509_VERIFY_PARAM_free(p);
}

/* The callback sees each error with its depth and certificate, and can accept it. */
static int cb_calls, cb_errors;

static int accept_expired(int ok, X509_STORE_CTX *ctx)
{
    cb_calls++;
    if (!ok) {
        cb_errors++;
        cr_assert_eq(X509_STORE_CTX_get_error(ctx), X509_V_ERR_CERT_HAS_EXPIRED);
        cr_assert_eq(X509_STORE_CTX_get_error_depth(ctx), 0);
        X509 *cur = X509_STORE_CTX_get_current_cert(ctx);
        cr_assert(cur != NULL);
        char cn[64];
        cr_assert_str_eq(X509_NAME_oneline(X509_get_subject_name(cur), cn, sizeof cn), "/CN=expired");
        return 1;
    }
    return ok;
}

Test(x509_vfy, callback_accepts_error)
{
    X509_STORE *store = store_with("ca-rsa.pem");
    X509 *expired = load("expired.pem");
    X509_STORE_CTX *ctx = X509_STORE_CTX_new();
    cr_assert_eq(X509_STORE_CTX_init(ctx, store, expired, NULL), 1);
    X509_STORE_CTX_set_verify_cb(ctx, accept_expired);
    cr_assert_eq(X509_verify_cert(ctx), 1);
    cr_assert_eq(cb_errors, 1);
    cr_assert(cb_calls >= 3); /* the error, then ok for the anchor and the leaf */
    cr_assert_eq(X509_STORE_CTX_get_error(ctx), X509_V_ERR_CERT_HAS_EXPIRED);
    STACK_OF(X509) *chain = X509_STORE_CTX_get1_chain(ctx);
    cr_assert_eq(sk_X509_num(chain), 2);
    cr_assert_eq(sk_X509_value(chain, 0), expired);
    sk_X509_pop_free(chain, X509_free);
    X509_STORE_CTX_free(ctx);
    X509_free(expired);
    X509_STORE_free(store);
}

Test(x509_vfy, partial_chain_and_ex_data)
{
    X509_STORE *store = X509_STORE_new();
    X509 *inter = load("inter-ca.pem"), *leaf = load("leaf-inter.pem");
    cr_assert_eq(X509_STORE_add_cert(store, inter), 1);
    X509_STORE_CTX *ctx = X509_STORE_CTX_new();
    cr_assert_eq(X509_STORE_CTX_init(ctx, store, leaf, NULL), 1);
    cr_assert_eq(X509_STORE_CTX_set_ex_data(ctx, 0, store), 1);
    cr_assert_eq(X509_STORE_CTX_get_ex_data(ctx, 0), store);
    cr_assert_eq(X509_verify_cert(ctx), 0);
    cr_assert_eq(X509_STORE_CTX_get_error(ctx), X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT);
    cr_assert_eq(X509_STORE_CTX_get_error_depth(ctx), 1);
    X509_STORE_CTX_cleanup(ctx);
    cr_assert_eq(X509_STORE_CTX_init(ctx, store, leaf, NULL), 1);
    X509_VERIFY_PARAM_set_flags(X509_STORE_CTX_get0_param(ctx), X509_V_FLAG_PARTIAL_CHAIN);
    cr_assert_eq(X509_verify_cert(ctx), 1);
    X509_STORE_CTX_free(ctx);
    X509_free(inter);
    X509_free(leaf);
    X509_STORE_free(store);
}

/* What a BIO holds, as a C string (for ASN1_TIME_print and friends). */
static const char *bio_text(BIO *b)
{
    static char text[512];
    int n = BIO_read(b, text, sizeof text - 1);
    text[n > 0 ? n : 0] = '\0';
    return text;
}

Test(x509_read, names_and_entries)
{
    X509 *x = load("server-rsa.pem");
    X509_NAME *subject = X509_get_subject_name(x);
    char buf[64];
    cr_assert_eq(X509_NAME_get_text_by_NID(subject, NID_commonName, buf, sizeof buf), 9);
    cr_assert_str_eq(buf, "localhost");
    cr_assert_eq(X509_NAME_get_text_by_NID(subject, NID_commonName, NULL, 0), 9);
    cr_assert_eq(X509_NAME_get_text_by_NID(subject, NID_organizationName, buf, 4), 3); /* truncated */
    cr_assert_str_eq(buf, "net");
    cr_assert_eq(X509_NAME_get_text_by_NID(subject, NID_pkcs9_emailAddress, buf, sizeof buf), -1);
    cr_assert_eq(X509_NAME_entry_count(subject), 6);
    int i = X509_NAME_get_index_by_NID(subject, NID_countryName, -1);
    cr_assert_eq(i, 0);
    cr_assert_eq(X509_NAME_get_index_by_NID(subject, NID_countryName, i), -1);
    ASN1_STRING *c = X509_NAME_ENTRY_get_data(X509_NAME_get_entry(subject, i));
    cr_assert_eq(ASN1_STRING_length(c), 2);
    cr_assert_eq(memcmp(ASN1_STRING_get0_data(c), "US", 2), 0);
    cr_assert_eq(ASN1_STRING_type(c), V_ASN1_PRINTABLESTRING);
    cr_assert_null(X509_NAME_get_entry(subject, 6));
    char *issuer = X509_NAME_oneline(X509_get_issuer_name(x), NULL, 0);
    cr_assert_str_eq(issuer, "/C=US/O=nettls/CN=nettls Test RSA CA");
    OPENSSL_free(issuer);
    X509_free(x);
}

Test(x509_read, utf8_text)
{
    X509 *x = load("rsa-4096.pem");
    X509_NAME *subject = X509_get_subject_name(x);
    int i = X509_NAME_get_index_by_NID(subject, NID_organizationName, -1);
    cr_assert(i >= 0);
    unsigned char *utf8 = NULL;
    int n = ASN1_STRING_to_UTF8(&utf8, X509_NAME_ENTRY_get_data(X509_NAME_get_entry(subject, i)));
    cr_assert_eq(n, 16);
    cr_assert_str_eq((char *)utf8, "Soci\xc3\xa9t\xc3\xa9 nettls");
    OPENSSL_free(utf8);
    X509_free(x);
}

Test(x509_read, subject_alt_names)
{
    X509 *x = load("wildcard.pem");
    int crit = 0;
    GENERAL_NAMES *names = X509_get_ext_d2i(x, NID_subject_alt_name, &crit, NULL);
    cr_assert(names != NULL);
    cr_assert_eq(crit, 0);
    cr_assert_eq(sk_GENERAL_NAME_num(names), 4);
    const GENERAL_NAME *g = sk_GENERAL_NAME_value(names, 0);
    cr_assert_eq(g->type, GEN_DNS);
    cr_assert_str_eq((const char *)ASN1_STRING_get0_data(g->d.dNSName), "*.example.com");
    g = sk_GENERAL_NAME_value(names, 2);
    cr_assert_eq(g->type, GEN_URI);
    cr_assert_str_eq((const char *)ASN1_STRING_get0_data(g->d.uniformResourceIdentifier),
                     "https://example.com/");
    g = sk_GENERAL_NAME_value(names, 3);
    cr_assert_eq(g->type, GEN_IPADD);
    cr_assert_eq(ASN1_STRING_length(g->d.iPAddress), 16);
    cr_assert_eq(ASN1_STRING_get0_data(g->d.iPAddress)[15], 1);
    GENERAL_NAMES_free(names);
    /* absent: crit -1 */
    cr_assert_null(X509_get_ext_d2i(x, NID_name_constraints, &crit, NULL));
    cr_assert_eq(crit, -1);
    /* keyUsage is critical here */
    ASN1_BIT_STRING *ku = X509_get_ext_d2i(x, NID_key_usage, &crit, NULL);
    cr_assert(ku != NULL);
    cr_assert_eq(crit, 1);
    cr_assert_eq(ASN1_STRING_get0_data(ku)[0], KU_DIGITAL_SIGNATURE | KU_KEY_ENCIPHERMENT);
    ASN1_BIT_STRING_free(ku);
    BASIC_CONSTRAINTS *bc = X509_get_ext_d2i(x, NID_basic_constraints, NULL, NULL);
    cr_assert(bc != NULL);
    cr_assert_eq(bc->ca, 0);
    cr_assert_null(bc->pathlen);
    BASIC_CONSTRAINTS_free(bc);
    int loc = X509_get_ext_by_NID(x, NID_subject_alt_name, -1);
    cr_assert(loc >= 0);
    X509_EXTENSION *ext = X509_get_ext(x, loc);
    cr_assert_eq(X509_EXTENSION_get_critical(ext), 0);
    cr_assert(ASN1_STRING_length(X509_EXTENSION_get_data(ext)) > 2);
    cr_assert(X509V3_EXT_get(ext) != NULL);
    names = X509V3_EXT_d2i(ext);
    cr_assert_eq(sk_GENERAL_NAME_num(names), 4);
    sk_GENERAL_NAME_pop_free(names, GENERAL_NAME_free);
    X509_free(x);
}

Test(x509_read, serial_validity_digest)
{
    X509 *x = load("server-rsa.pem");
    cr_assert_eq(ASN1_INTEGER_get(X509_get_serialNumber(x)), 0x1001);
    BIO *b = BIO_new(BIO_s_mem());
    cr_assert_eq(ASN1_TIME_print(b, X509_get0_notBefore(x)), 1);
    cr_assert_str_eq(bio_text(b), "Jan  1 00:00:00 2024 GMT");
    cr_assert_eq(ASN1_TIME_print(b, X509_get_notAfter(x)), 1);
    cr_assert_str_eq(bio_text(b), "Jan  1 00:00:00 2124 GMT");
    cr_assert_eq(ASN1_STRING_type(X509_get0_notAfter(x)), V_ASN1_GENERALIZEDTIME);
    BIO_free(b);
    static const unsigned char want[32] = {
        0x1A, 0xD1, 0xB7, 0x0F, 0x5C, 0xE7, 0x0B, 0x0E, 0x0F, 0x8C, 0x87, 0x4B, 0xD0, 0x95, 0xB1, 0x7E,
        0x79, 0xFB, 0x21, 0xAB, 0xA7, 0x65, 0xEF, 0x6F, 0x88, 0xA6, 0x11, 0xB3, 0xFD, 0x71, 0x6D, 0x4D,
    };
    unsigned char md[EVP_MAX_MD_SIZE];
    unsigned int len = 0;
    cr_assert_eq(X509_digest(x, EVP_sha256(), md, &len), 1);
    cr_assert_eq(len, 32);
    cr_assert_eq(memcmp(md, want, 32), 0);
    X509 *copy = X509_dup(x);
    cr_assert(copy != NULL);
    cr_assert_eq(X509_cmp(x, copy), 0);
    X509 *other = load("wildcard.pem");
    cr_assert_neq(X509_cmp(x, other), 0);
    X509_free(other);
    X509_free(copy);
    X509_free(x);
}

Test(x509_read, host_and_ip_checks)
{
    X509 *x = load("wildcard.pem");
    char *peer = NULL;
    cr_assert_eq(X509_check_host(x, "www.example.com", 0, 0, &peer), 1);
    cr_assert_str_eq(peer, "*.example.com");
    OPENSSL_free(peer);
    cr_assert_eq(X509_check_host(x, "a.b.example.com", 0, 0, NULL), 0);
    cr_assert_eq(X509_check_host(x, "www.example.com", 0, X509_CHECK_FLAG_NO_WILDCARDS, NULL), 0);
    cr_assert_eq(X509_check_ip_asc(x, "::1", 0), 1);
    cr_assert_eq(X509_check_ip_asc(x, "127.0.0.1", 0), 0);
    cr_assert_eq(X509_check_ip_asc(x, "not an address", 0), -2);
    X509_free(x);
}

Test(x509_store, get_by_subject)
{
    X509_STORE *store = store_with("ca-rsa.pem");
    X509 *leaf = load("server-rsa.pem");
    X509_STORE_CTX *ctx = X509_STORE_CTX_new();
    cr_assert_eq(X509_STORE_CTX_init(ctx, store, leaf, NULL), 1);
    X509_OBJECT *obj = X509_OBJECT_new();
    cr_assert_eq(X509_STORE_CTX_get_by_subject(ctx, X509_LU_X509, X509_get_issuer_name(leaf), obj), 1);
    X509 *ca = X509_OBJECT_get0_X509(obj);
    cr_assert(ca != NULL);
    cr_assert_eq(X509_NAME_cmp(X509_get_subject_name(ca), X509_get_issuer_name(leaf)), 0);
    X509_OBJECT_free(obj);
    obj = X509_OBJECT_new();
    cr_assert_eq(X509_STORE_CTX_get_by_subject(ctx, X509_LU_X509, X509_get_subject_name(leaf), obj), 0);
    X509_OBJECT_free(obj);
    X509_STORE_CTX_free(ctx);
    X509_free(leaf);
    X509_STORE_free(store);
}

static const char *name_text(const char *file, int indent, unsigned long flags, int *ret)
{
    X509 *x = load(file);
    BIO *b = BIO_new(BIO_s_mem());
    *ret = X509_NAME_print_ex(b, X509_get_subject_name(x), indent, flags);
    const char *text = bio_text(b);
    BIO_free(b);
    X509_free(x);
    return text;
}

struct print_case {
    const char *file;
    int indent;
    unsigned long flags;
    const char *want;
};

/* The texts `openssl x509 -nameopt` prints, which X509_NAME_print_ex makes. */
static const struct print_case print_cases[] = {
    { "server-rsa.pem", 0, XN_FLAG_ONELINE,
      "C = US, ST = California, L = San Francisco, O = nettls, OU = Testing, CN = localhost" },
    { "server-rsa.pem", 0, XN_FLAG_RFC2253,
      "CN=localhost,OU=Testing,O=nettls,L=San Francisco,ST=California,C=US" },
    { "server-rsa.pem", 2, XN_FLAG_MULTILINE,
      "  countryName               = US\n  stateOrProvinceName       = California\n"
      "  localityName              = San Francisco\n  organizationName          = nettls\n"
      "  organizationalUnitName    = Testing\n  commonName                = localhost" },
    { "rsa-4096.pem", 0, XN_FLAG_ONELINE, "O = Soci\\C3\\A9t\\C3\\A9 nettls, CN = rsa-4096" },
    { "rsa-4096.pem", 0, XN_FLAG_RFC2253, "CN=rsa-4096,O=Soci\\C3\\A9t\\C3\\A9 nettls" },
    { "rsa-4096.pem", 0, XN_FLAG_ONELINE & ~ASN1_STRFLGS_ESC_MSB,
      "O = Soci\xc3\xa9t\xc3\xa9 nettls, CN = rsa-4096" },
    { "rsa-4096.pem", 0, XN_FLAG_MULTILINE,
      "organizationName          = Soci\\E9t\\E9 nettls\ncommonName                = rsa-4096" },
    { "v1.pem", 0, XN_FLAG_ONELINE, "DC = org, DC = nettls, UID = 42 + CN = v1 certificate" },
    { "v1.pem", 0, XN_FLAG_RFC2253, "CN=v1 certificate+UID=42,DC=nettls,DC=org" },
};

Test(x509_read, name_print_ex)
{
    for (size_t i = 0; i < sizeof print_cases / sizeof print_cases[0]; i++) {
        const struct print_case *c = &print_cases[i];
        int ret;
        const char *text = name_text(c->file, c->indent, c->flags, &ret);
        cr_assert_str_eq(text, c->want, "case %zu", i);
        cr_assert_eq(ret, (int)strlen(c->want), "case %zu", i);
    }
}

Test(x509_read, name_print_compat)
{
    int ret;
    const char *text = name_text("server-rsa.pem", 0, XN_FLAG_COMPAT, &ret);
    cr_assert_str_eq(text, "C=US, ST=California, L=San Francisco, O=nettls, OU=Testing, CN=localhost");
    cr_assert_eq(ret, 1);
}

/* X509_print: what 1.1.0 and OpenSSL 3 print alike (3.0 indents the first "Signature Algorithm" line,
 * drops AKID's "keyid:" and heads the signature "Signature Value:"). */
Test(x509_read, print)
{
    static const char *const want[] = {
        "Certificate:\n    Data:\n        Version: 3 (0x2)\n        Serial Number: 4097 (0x1001)\n",
        "Signature Algorithm: sha256WithRSAEncryption\n"
        "        Issuer: C=US, O=nettls, CN=nettls Test RSA CA\n"
        "        Validity\n            Not Before: Jan  1 00:00:00 2024 GMT\n"
        "            Not After : Jan  1 00:00:00 2124 GMT\n"
        "        Subject: C=US, ST=California, L=San Francisco, O=nettls, OU=Testing, CN=localhost\n"
        "        Subject Public Key Info:\n            Public Key Algorithm: rsaEncryption\n"
        "                Public-Key: (2048 bit)\n                Modulus:\n"
        "                    00:8c:ae:86:db:16:88:62:80:8d:18:80:82:e9:bf:\n",
        "                    25:45\n                Exponent: 65537 (0x10001)\n        X509v3 extensions:\n"
        "            X509v3 Basic Constraints: \n                CA:FALSE\n"
        "            X509v3 Key Usage: critical\n                Digital Signature, Key Encipherment\n"
        "            X509v3 Extended Key Usage: \n                TLS Web Server Authentication\n"
        "            X509v3 Subject Alternative Name: \n                DNS:localhost, IP Address:127.0.0.1\n"
        "            X509v3 Subject Key Identifier: \n"
        "                47:41:24:22:89:0F:15:97:04:C6:90:8F:98:5A:9E:75:42:B1:DD:B0\n",
        "5c:43:44:93:31:0d:b5:78:84:26:03:db:72:08:19:dc:1b:60:\n",
    };
    X509 *x = load("server-rsa.pem");
    BIO *b = BIO_new(BIO_s_mem());
    cr_assert_eq(X509_print(b, x), 1);
    char text[8192];
    int n = BIO_read(b, text, sizeof text - 1);
    cr_assert(n > 0);
    text[n] = '\0';
    for (size_t i = 0; i < sizeof want / sizeof want[0]; i++) {
        cr_assert(strstr(text, want[i]) != NULL, "part %zu missing from:\n%s", i, text);
    }
    BIO_free(b);
    X509_free(x);
}
