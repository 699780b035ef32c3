/* Names as OpenSSL hashes and compares them (lib/x509/namecanon.c): the subject hashes of
 * data/verify/hashes.tsv, recorded from `openssl x509 -subject_hash` and `-subject_hash_old` for names with
 * mixed case and runs of spaces, multi-valued RDNs, PrintableString, T61String, IA5String, BMPString,
 * UTF8String and the empty name; the canonical encoding itself on hand-made names; and canonical matching.
 * name_hash_openssl_test.c compares more hand-made names with the system OpenSSL. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/mem.h"
#include "testutil.h"
#include "x509/verify.h"

Test(name_hash, openssl_x509_hash_of_fixtures)
{
    FILE *f = fopen(tu_path("verify/hashes.tsv"), "r");
    cr_assert_not_null(f, "run data/verify/make.sh");
    char file[256], line[512];
    unsigned want, want_old;
    size_t n = 0;
    while (fgets(line, sizeof line, f) != NULL) {
        cr_assert_eq(sscanf(line, "%255s %x %x", file, &want, &want_old), 3, "%s", line);
        char path[300];
        snprintf(path, sizeof path, "verify/%s", file);
        struct ntls_x509_cert c;
        tu_cert(path, &c);
        uint32_t h = 0;
        cr_assert_eq(ntls_x509_name_hash(&c.subject, &h).err, NTLS_E_OK, "%s", file);
        cr_expect_eq(h, want, "%s: %08x, openssl says %08x", file, h, want);
        cr_expect_eq(ntls_x509_name_hash_old(&c.subject), want_old, "%s (old hash)", file);
        ntls_x509_cert_free(&c);
        n++;
    }
    fclose(f);
    cr_assert_geq(n, 10);
}

/* A Name of one RDN with the given AttributeTypeAndValues (type OID octets, value tag, value). */
struct atv {
    const char *oid_hex;
    uint8_t tag;
    const char *value;
    size_t len;
};

static void make_name(struct tu_buf *out, const struct atv *atvs, size_t n, bool one_rdn)
{
    static struct tu_buf seq, set, atv;
    seq.len = set.len = 0;
    for (size_t i = 0; i < n; i++) {
        uint8_t oid[16];
        size_t oid_len = tu_hex(atvs[i].oid_hex, oid, sizeof oid);
        atv.len = 0;
        tu_tlv(&atv, NTLS_DER_OID, oid, oid_len);
        tu_tlv(&atv, atvs[i].tag, atvs[i].value, atvs[i].len > 0 ? atvs[i].len : strlen(atvs[i].value));
        if (!one_rdn) {
            set.len = 0;
        }
        tu_wrap(&set, NTLS_DER_SEQUENCE, &atv);
        if (!one_rdn) {
            tu_wrap(&seq, NTLS_DER_SET, &set);
        }
    }
    if (one_rdn) {
        tu_wrap(&seq, NTLS_DER_SET, &set);
    }
    out->len = 0;
    tu_wrap(out, NTLS_DER_SEQUENCE, &seq);
}

static void canon_of(const struct tu_buf *der, struct tu_buf *canon)
{
    struct ntls_cur in = ntls_cur_init(der->p, der->len);
    struct ntls_x509_name name;
    uint8_t *c;
    size_t len;
    cr_assert_eq(ntls_x509_name_parse(&in, &name).err, NTLS_E_OK);
    cr_assert_eq(ntls_x509_name_canon(&name, &c, &len).err, NTLS_E_OK);
    canon->len = 0;
    tu_put(canon, c, len);
    ntls_free(c);
    ntls_x509_name_free(&name);
}

#define CN "550403"
#define O "55040a"
#define C "550406"

Test(name_hash, canonical_encoding)
{
    static struct tu_buf der, canon;
    uint8_t want[64];
    /* PrintableString "  Mixed   CASE " -> UTF8String "mixed case", the outer SEQUENCE header dropped */
    static const struct atv one[] = { { CN, NTLS_DER_PRINTABLE_STRING, "  Mixed   CASE ", 0 } };
    make_name(&der, one, 1, false);
    canon_of(&der, &canon);
    size_t n = tu_hex("3113 3011 0603550403 0c0a 6d69786564206361 7365", want, sizeof want);
    cr_assert_eq(canon.len, n);
    cr_assert_eq(memcmp(canon.p, want, n), 0);

    /* T61String is Latin-1: 0xe9 becomes U+00E9 (c3 a9); non-ASCII letters keep their case */
    static const struct atv t61[] = { { O, NTLS_DER_T61_STRING, "Soci\xe9t\xc9", 0 } };
    make_name(&der, t61, 1, false);
    canon_of(&der, &canon);
    n = tu_hex("3112 3010 060355040a 0c09 736f6369c3a974c389", want, sizeof want);
    cr_assert_eq(canon.len, n);
    cr_assert_eq(memcmp(canon.p, want, n), 0);

    /* a multi-valued RDN is re-sorted after canonicalisation; NumericString is not canonicalised */
    static const struct atv multi[] = {
        { O, NTLS_DER_UTF8_STRING, "B", 0 },
        { C, NTLS_DER_NUMERIC_STRING, "1 2", 0 },
        { O, NTLS_DER_BMP_STRING, "\0A", 2 },
    };
    make_name(&der, multi, 3, true);
    canon_of(&der, &canon);
    n = tu_hex("3120 3008 060355040a 0c0161 3008 060355040a 0c0162 300a 0603550406 1203312032", want,
               sizeof want);
    cr_assert_eq(canon.len, n);
    cr_assert_eq(memcmp(canon.p, want, n), 0);

    /* the empty name has an empty encoding; SHA-1 of nothing starts da39a3ee */
    static const uint8_t empty[] = { 0x30, 0x00 };
    struct ntls_cur in = ntls_cur_init(empty, sizeof empty);
    struct ntls_x509_name name;
    uint32_t h;
    cr_assert_eq(ntls_x509_name_parse(&in, &name).err, NTLS_E_OK);
    cr_assert_eq(ntls_x509_name_hash(&name, &h).err, NTLS_E_OK);
    cr_assert_eq(h, 0xeea339da);
    ntls_x509_name_free(&name);
}

Test(name_hash, strings_that_are_not_unicode_are_refused)
{
    static struct tu_buf der;
    static const struct atv surrogate[] = { { CN, NTLS_DER_BMP_STRING, "\xd8\x00", 2 } };
    static const struct atv too_big[] = { { CN, NTLS_DER_UNIVERSAL_STRING, "\x00\x11\x00\x00", 4 } };
    const struct atv *cases[] = { surrogate, too_big };
    for (size_t i = 0; i < 2; i++) {
        make_name(&der, cases[i], 1, false);
        struct ntls_cur in = ntls_cur_init(der.p, der.len);
        struct ntls_x509_name name;
        uint32_t h;
        cr_assert_eq(ntls_x509_name_parse(&in, &name).err, NTLS_E_OK);
        cr_assert_eq(ntls_x509_name_hash(&name, &h).err, NTLS_E_DECODE, "case %zu", i);
        ntls_x509_name_free(&name);
    }
}

Test(name_hash, matching_ignores_case_space_and_string_type)
{
    static struct tu_buf a_der, b_der;
    static const struct atv a[] = { { O, NTLS_DER_UTF8_STRING, "nettls", 0 },
                                    { CN, NTLS_DER_UTF8_STRING, "Canon   Test  CA", 0 } };
    static const struct atv b[] = { { O, NTLS_DER_PRINTABLE_STRING, "NETTLS", 0 },
                                    { CN, NTLS_DER_BMP_STRING, "\0 \0c\0a\0n\0o\0n\0 \0t\0e\0s\0t\0 \0c\0a",
                                      28 } };
    static const struct atv c[] = { { O, NTLS_DER_UTF8_STRING, "nettls", 0 },
                                    { CN, NTLS_DER_UTF8_STRING, "Canon Test", 0 } };
    make_name(&a_der, a, 2, false);
    make_name(&b_der, b, 2, false);
    struct ntls_cur ia = ntls_cur_init(a_der.p, a_der.len), ib = ntls_cur_init(b_der.p, b_der.len);
    struct ntls_x509_name na, nb, nc;
    cr_assert_eq(ntls_x509_name_parse(&ia, &na).err, NTLS_E_OK);
    cr_assert_eq(ntls_x509_name_parse(&ib, &nb).err, NTLS_E_OK);
    cr_assert(ntls_x509_name_match(&na, &nb));
    cr_assert_not(ntls_x509_name_equal(&na, &nb), "the DER differs");
    uint32_t ha, hb;
    cr_assert_eq(ntls_x509_name_hash(&na, &ha).err, NTLS_E_OK);
    cr_assert_eq(ntls_x509_name_hash(&nb, &hb).err, NTLS_E_OK);
    cr_assert_eq(ha, hb, "so they share a hashed-directory file name");
    cr_assert_neq(ntls_x509_name_hash_old(&na), ntls_x509_name_hash_old(&nb), "the old hash is of the DER");
    make_name(&b_der, c, 2, false);
    ib = ntls_cur_init(b_der.p, b_der.len);
    cr_assert_eq(ntls_x509_name_parse(&ib, &nc).err, NTLS_E_OK);
    cr_assert_not(ntls_x509_name_match(&na, &nc));
    ntls_x509_name_free(&na);
    ntls_x509_name_free(&nb);
    ntls_x509_name_free(&nc);
}
