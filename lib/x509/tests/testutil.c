#include "testutil.h"

#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

uint8_t *tu_read(const char *name, size_t *len)
{
    const char *dir = getenv("NTLS_X509_DATA");
    cr_assert_not_null(dir, "NTLS_X509_DATA is not set (lib/x509/tests/meson.build sets it)");
    char path[1024];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "rb");
    cr_assert_not_null(f, "missing fixture %s (run lib/x509/tests/data/make-fixtures.sh)", path);
    cr_assert_eq(fseek(f, 0, SEEK_END), 0);
    long n = ftell(f);
    cr_assert_geq(n, 0);
    rewind(f);
    uint8_t *buf = malloc((size_t)n + 1);
    cr_assert_not_null(buf);
    cr_assert_eq(fread(buf, 1, (size_t)n, f), (size_t)n);
    fclose(f);
    buf[n] = 0;
    *len = (size_t)n;
    return buf;
}

uint8_t *tu_pem_der(const char *name, const char *label, size_t *len)
{
    size_t text_len;
    uint8_t *text = tu_read(name, &text_len);
    struct ntls_cur in = ntls_cur_init(text, text_len);
    struct ntls_pem_block block;
    bool found;
    cr_assert_eq(ntls_pem_next(&in, label, &block, &found).err, NTLS_E_OK, "%s", name);
    cr_assert(found, "no %s block in %s", label, name);
    uint8_t *der = malloc(block.der_len + 1);
    cr_assert_not_null(der);
    memcpy(der, block.der, block.der_len);
    *len = block.der_len;
    ntls_pem_block_free(&block);
    free(text);
    return der;
}

void tu_cert(const char *name, struct ntls_x509_cert *cert)
{
    size_t len;
    uint8_t *der = tu_pem_der(name, "CERTIFICATE", &len);
    ntls_result r = ntls_x509_cert_parse(cert, der, len);
    cr_assert_eq(r.err, NTLS_E_OK, "%s: %s at %s:%d", name, ntls_err_name(r.err), ntls_error_last_func(),
                 ntls_error_last_line());
    free(der);
}

const char *tu_path(const char *name)
{
    static char path[1024];
    const char *dir = getenv("NTLS_X509_DATA");
    cr_assert_not_null(dir, "NTLS_X509_DATA is not set (lib/x509/tests/meson.build sets it)");
    snprintf(path, sizeof path, "%s/%s", dir, name);
    return path;
}

struct ntls_x509_cert *tu_certs(const char *name, size_t *n)
{
    size_t text_len, count = 0, cap = 4;
    uint8_t *text = tu_read(name, &text_len);
    struct ntls_x509_cert *certs = calloc(cap, sizeof *certs);
    cr_assert_not_null(certs);
    struct ntls_cur in = ntls_cur_init(text, text_len);
    for (;;) {
        struct ntls_pem_block block;
        bool found;
        cr_assert_eq(ntls_pem_next(&in, "CERTIFICATE", &block, &found).err, NTLS_E_OK, "%s", name);
        if (!found) {
            break;
        }
        if (count == cap) {
            cap *= 2;
            certs = realloc(certs, cap * sizeof *certs);
            cr_assert_not_null(certs);
        }
        ntls_result r = ntls_x509_cert_parse(&certs[count], block.der, block.der_len);
        cr_assert_eq(r.err, NTLS_E_OK, "%s: certificate %zu does not parse", name, count);
        count++;
        ntls_pem_block_free(&block);
    }
    free(text);
    *n = count;
    return certs;
}

void tu_certs_free(struct ntls_x509_cert *certs, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        ntls_x509_cert_free(&certs[i]);
    }
    free(certs);
}

size_t tu_hex(const char *hex, uint8_t *out, size_t cap)
{
    size_t n = 0;
    int half = -1;
    for (; *hex != '\0'; hex++) {
        int v;
        if (*hex >= '0' && *hex <= '9') {
            v = *hex - '0';
        } else if (*hex >= 'a' && *hex <= 'f') {
            v = *hex - 'a' + 10;
        } else if (*hex >= 'A' && *hex <= 'F') {
            v = *hex - 'A' + 10;
        } else {
            continue;
        }
        if (half < 0) {
            half = v;
        } else {
            cr_assert_lt(n, cap);
            out[n++] = (uint8_t)(half << 4 | v);
            half = -1;
        }
    }
    cr_assert_eq(half, -1, "odd number of hex digits");
    return n;
}

void tu_put(struct tu_buf *b, const void *p, size_t n)
{
    cr_assert_leq(n, sizeof b->p - b->len);
    if (n > 0) {
        memcpy(b->p + b->len, p, n);
    }
    b->len += n;
}

void tu_tlv(struct tu_buf *b, uint8_t tag, const void *content, size_t n)
{
    uint8_t hdr[4] = { tag };
    size_t h = 1;
    if (n < 0x80) {
        hdr[h++] = (uint8_t)n;
    } else if (n < 0x100) {
        hdr[h++] = 0x81;
        hdr[h++] = (uint8_t)n;
    } else {
        cr_assert_lt(n, 0x10000);
        hdr[h++] = 0x82;
        hdr[h++] = (uint8_t)(n >> 8);
        hdr[h++] = (uint8_t)n;
    }
    tu_put(b, hdr, h);
    tu_put(b, content, n);
}

void tu_wrap(struct tu_buf *out, uint8_t tag, const struct tu_buf *inner)
{
    tu_tlv(out, tag, inner->p, inner->len);
}

void tu_ext(struct tu_buf *b, const uint8_t *oid, size_t oid_len, int critical, const void *value, size_t n)
{
    struct tu_buf ext = { .len = 0 };
    static const uint8_t crit_true[] = { 0xff }, crit_false[] = { 0x00 };
    tu_tlv(&ext, NTLS_DER_OID, oid, oid_len);
    if (critical >= 0) {
        tu_tlv(&ext, NTLS_DER_BOOLEAN, critical ? crit_true : crit_false, 1);
    }
    tu_tlv(&ext, NTLS_DER_OCTET_STRING, value, n);
    tu_wrap(b, NTLS_DER_SEQUENCE, &ext);
}

static const uint8_t sha256_rsa[] = { 0x30, 0x0d, 0x06, 0x09, 0x2a, 0x86, 0x48, 0x86,
                                      0xf7, 0x0d, 0x01, 0x01, 0x0b, 0x05, 0x00 };

void tu_build_cert(struct tu_buf *out, const struct tu_cert_spec *spec)
{
    static struct tu_buf tbs, cert, tmp;
    struct ntls_x509_cert base;
    tu_cert("server-rsa.pem", &base);
    tbs.len = 0;
    if (spec->version > 0 || spec->no_default_version) {
        uint8_t v = (uint8_t)spec->version;
        tmp.len = 0;
        tu_tlv(&tmp, NTLS_DER_INTEGER, &v, 1);
        tu_wrap(&tbs, NTLS_DER_CTX_CONS(0), &tmp);
    } else if (spec->version == 0) {
        static const uint8_t v3[] = { 0xa0, 0x03, 0x02, 0x01, 0x02 };
        tu_put(&tbs, v3, sizeof v3);
    }
    static const uint8_t one = 0x01;
    tu_tlv(&tbs, NTLS_DER_INTEGER, spec->serial ? spec->serial : &one, spec->serial ? spec->serial_len : 1);
    tu_put(&tbs, spec->inner_alg ? spec->inner_alg : sha256_rsa,
           spec->inner_alg ? spec->inner_alg_len : sizeof sha256_rsa);
    tu_put(&tbs, base.issuer.der.p, base.issuer.der.len);
    static const char validity[] = "\x30\x20\x17\x0d"
                                   "240101000000Z"
                                   "\x18\x0f"
                                   "21240101000000Z";
    tu_put(&tbs, validity, sizeof validity - 1);
    tu_put(&tbs, spec->subject ? spec->subject : base.subject.der.p,
           spec->subject ? spec->subject_len : base.subject.der.len);
    tu_put(&tbs, spec->spki ? spec->spki : base.spki.raw.p, spec->spki ? spec->spki_len : base.spki.raw.len);
    if (spec->issuer_uid != NULL) {
        tu_tlv(&tbs, NTLS_DER_CTX(1), spec->issuer_uid, spec->issuer_uid_len);
    }
    if (spec->subject_uid != NULL) {
        tu_tlv(&tbs, NTLS_DER_CTX(2), spec->subject_uid, spec->subject_uid_len);
    }
    if (spec->exts != NULL) {
        tmp.len = 0;
        tu_wrap(&tmp, NTLS_DER_SEQUENCE, spec->exts);
        tu_wrap(&tbs, NTLS_DER_CTX_CONS(3), &tmp);
    } else if (spec->exts_raw != NULL) {
        tu_tlv(&tbs, NTLS_DER_CTX_CONS(3), spec->exts_raw, spec->exts_raw_len);
    }
    cert.len = 0;
    tu_wrap(&cert, NTLS_DER_SEQUENCE, &tbs);
    tu_put(&cert, spec->outer_alg ? spec->outer_alg : sha256_rsa,
           spec->outer_alg ? spec->outer_alg_len : sizeof sha256_rsa);
    static const uint8_t zeros[65];
    tu_tlv(&cert, NTLS_DER_BIT_STRING, spec->sig ? spec->sig : zeros,
           spec->sig ? spec->sig_len : sizeof zeros);
    out->len = 0;
    tu_wrap(out, NTLS_DER_SEQUENCE, &cert);
    ntls_x509_cert_free(&base);
}

/* Name ::= SEQUENCE OF SET OF SEQUENCE { type, value }, one attribute per RDN. */
static void put_rdn(struct tu_buf *name, const uint8_t *oid, size_t oid_len, uint8_t tag, const void *v,
                    size_t n)
{
    static struct tu_buf atv, set;
    atv.len = 0;
    set.len = 0;
    tu_tlv(&atv, NTLS_DER_OID, oid, oid_len);
    tu_tlv(&atv, tag, v, n);
    tu_wrap(&set, NTLS_DER_SEQUENCE, &atv);
    tu_wrap(name, NTLS_DER_SET, &set);
}

void tu_build_names(struct tu_buf *out, const struct tu_gname *san, size_t n, uint8_t cn_tag, const char *cn,
                    size_t cn_len, const char *email)
{
    static const uint8_t cn_oid[] = { 0x55, 0x04, 0x03 }, o_oid[] = { 0x55, 0x04, 0x0a };
    static const uint8_t email_oid[] = { 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x09, 0x01 };
    static const uint8_t san_oid[] = { 0x55, 0x1d, 0x11 };
    static struct tu_buf rdns, name, names, seq, exts;
    rdns.len = name.len = names.len = seq.len = exts.len = 0;
    if (cn != NULL) {
        put_rdn(&rdns, cn_oid, sizeof cn_oid, cn_tag, cn, cn_len > 0 ? cn_len : strlen(cn));
    } else {
        put_rdn(&rdns, o_oid, sizeof o_oid, NTLS_DER_UTF8_STRING, "nettls", 6);
    }
    if (email != NULL) {
        put_rdn(&rdns, email_oid, sizeof email_oid, NTLS_DER_IA5_STRING, email, strlen(email));
    }
    tu_wrap(&name, NTLS_DER_SEQUENCE, &rdns);
    for (size_t i = 0; i < n; i++) {
        tu_tlv(&names, san[i].tag, san[i].value, san[i].len > 0 ? san[i].len : strlen(san[i].value));
    }
    struct tu_cert_spec spec = { .subject = name.p, .subject_len = name.len };
    if (n > 0) {
        tu_wrap(&seq, NTLS_DER_SEQUENCE, &names);
        tu_ext(&exts, san_oid, sizeof san_oid, -1, seq.p, seq.len);
        spec.exts = &exts;
    }
    tu_build_cert(out, &spec);
}
