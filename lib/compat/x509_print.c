/* nettls: X509_print, the text dump of a certificate in 1.1.0's layout (crypto/x509/t_x509.c with
 * XN_FLAG_COMPAT names): version, serial, signature algorithm, names, validity, the public key (RSA
 * modulus and exponent, EC point and curve, other keys as octets), the extensions OpenSSL prints by name
 * (basicConstraints, keyUsage, extKeyUsage, subjectAltName, subject/authority key identifiers; others as
 * their raw octets, as 1.1.0 prints an extension it has no method for) and the signature. */
#include <stdio.h>
#include <string.h>

#include <openssl/bio.h>
#include <openssl/objects.h>
#include <openssl/x509.h>

#include "x509/der.h"
#include "x509/oid.h"
#include "x509_local.h"

static void put(BIO *bp, const char *s)
{
    (void)BIO_puts(bp, s);
}

static const char *oid_name(const struct ntls_oid_info *info, struct ntls_cur oid, char *buf, size_t cap)
{
    if (info != NULL) {
        return info->ln;
    }
    (void)ntls_oid_to_text(oid, buf, cap);
    return buf;
}

/* X509_signature_dump / ASN1_bn_print: lowercase hex, per lines of width octets after indent spaces; a
 * line break comes before each line (first_break) or only between lines. */
static void hex_lines(BIO *bp, const uint8_t *p, size_t n, int indent, size_t width, int first_break)
{
    for (size_t i = 0; i < n; i++) {
        if (i % width == 0) {
            if (first_break || i > 0) {
                put(bp, "\n");
            }
            BIO_printf(bp, "%*s", indent, "");
        }
        BIO_printf(bp, "%02x%s", p[i], i + 1 == n ? "" : ":");
    }
    put(bp, "\n");
}

/* ASN1_bn_print of an unsigned magnitude: small numbers in decimal and hex, others as a hex block with a
 * leading 00 when the top bit is set. */
static void bn_print(BIO *bp, const char *label, struct ntls_cur mag, int off)
{
    while (mag.len > 1 && mag.p[0] == 0) {
        mag.p++;
        mag.len--;
    }
    BIO_printf(bp, "%*s", off, "");
    if (mag.len <= sizeof(unsigned long)) {
        unsigned long v = 0;
        for (size_t i = 0; i < mag.len; i++) {
            v = v << 8 | mag.p[i];
        }
        BIO_printf(bp, v == 0 ? "%s 0\n" : "%s %lu (0x%lx)\n", label, v, v);
        return;
    }
    uint8_t buf[1 + 1024];
    size_t n = mag.len < sizeof buf - 1 ? mag.len : sizeof buf - 1;
    buf[0] = 0;
    memcpy(buf + 1, mag.p, n);
    int lead = (buf[1] & 0x80) != 0;
    put(bp, label);
    hex_lines(bp, buf + 1 - lead, n + (size_t)lead, off + 4, 15, 1);
}

static void key_print(BIO *bp, const struct ntls_x509_cert *c)
{
    const struct ntls_x509_spki *k = &c->spki;
    struct ntls_x509_key key = { .type = NTLS_PK_NONE };
    size_t bits = ntls_is_ok(ntls_x509_cert_key(c, &key)) ? ntls_x509_key_bits(&key) : 0;
    ntls_x509_key_free(&key);
    if (bits == 0) {
        BIO_printf(bp, "%16sUnable to load Public Key\n", "");
        return;
    }
    BIO_printf(bp, "%16sPublic-Key: (%zu bit)\n", "", bits);
    if (k->type == NTLS_PK_RSA) {
        struct ntls_cur in = k->key, body, n, e;
        if (ntls_is_ok(ntls_der_sequence(&in, &body)) && ntls_is_ok(ntls_der_uint(&body, &n)) &&
            ntls_is_ok(ntls_der_uint(&body, &e))) {
            bn_print(bp, "Modulus:", n, 16);
            bn_print(bp, "Exponent:", e, 16);
        }
        return;
    }
    BIO_printf(bp, "%16spub:", "");
    hex_lines(bp, k->key.p, k->key.len, 20, 15, 1);
    if (k->type == NTLS_PK_EC && k->curve != NULL) {
        BIO_printf(bp, "%16sASN1 OID: %s\n", "", k->curve->sn);
        const char *nist = k->curve->nid == NID_X9_62_prime256v1 ? "P-256"
                           : k->curve->nid == NID_secp384r1      ? "P-384"
                           : k->curve->nid == NID_secp521r1      ? "P-521"
                                                                 : NULL;
        if (nist != NULL) {
            BIO_printf(bp, "%16sNIST CURVE: %s\n", "", nist);
        }
    }
}

/* Uppercase colon hex, as i2s_ASN1_OCTET_STRING writes key identifiers. */
static void hex_upper(BIO *bp, struct ntls_cur v)
{
    for (size_t i = 0; i < v.len; i++) {
        BIO_printf(bp, "%02X%s", v.p[i], i + 1 == v.len ? "" : ":");
    }
}

static void gname_print(BIO *bp, const struct ntls_x509_gname *g)
{
    char text[80];
    switch (g->type) {
    case NTLS_GNAME_DNS:
    case NTLS_GNAME_EMAIL:
    case NTLS_GNAME_URI:
        put(bp, g->type == NTLS_GNAME_DNS ? "DNS:" : g->type == NTLS_GNAME_EMAIL ? "email:" : "URI:");
        BIO_write(bp, g->value.p, (int)g->value.len);
        return;
    case NTLS_GNAME_IP:
        put(bp, "IP Address:");
        for (size_t i = 0; g->value.len == 4 && i < 4; i++) {
            BIO_printf(bp, i == 0 ? "%d" : ".%d", g->value.p[i]);
        }
        for (size_t i = 0; g->value.len == 16 && i < 16; i += 2) {
            BIO_printf(bp, i == 0 ? "%X" : ":%X", g->value.p[i] << 8 | g->value.p[i + 1]);
        }
        if (g->value.len != 4 && g->value.len != 16) {
            put(bp, "<invalid>");
        }
        return;
    case NTLS_GNAME_RID:
        (void)ntls_oid_to_text(g->value, text, sizeof text);
        BIO_printf(bp, "Registered ID:%s", text);
        return;
    case NTLS_GNAME_DIRNAME: {
        X509_NAME tmp;
        memset(&tmp, 0, sizeof tmp);
        tmp.name.der = g->value;
        X509_NAME *n = X509_NAME_dup(&tmp);
        char *line = n != NULL ? X509_NAME_oneline(n, NULL, 0) : NULL;
        BIO_printf(bp, "DirName:%s", line != NULL ? line : "<invalid>");
        OPENSSL_free(line);
        X509_NAME_free(n);
        return;
    }
    default:
        put(bp, g->type == NTLS_GNAME_OTHER  ? "othername:<unsupported>"
                : g->type == NTLS_GNAME_X400 ? "X400Name:<unsupported>"
                                             : "EdiPartyName:<unsupported>");
    }
}

/* keyUsage names in bit order (1.1.0's key_usage_type_table). */
static void ku_print(BIO *bp, unsigned ku)
{
    static const struct {
        unsigned mask;
        const char *name;
    } names[] = {
        { NTLS_KU_DIGITAL_SIGNATURE, "Digital Signature" },
        { NTLS_KU_NON_REPUDIATION, "Non Repudiation" },
        { NTLS_KU_KEY_ENCIPHERMENT, "Key Encipherment" },
        { NTLS_KU_DATA_ENCIPHERMENT, "Data Encipherment" },
        { NTLS_KU_KEY_AGREEMENT, "Key Agreement" },
        { NTLS_KU_KEY_CERT_SIGN, "Certificate Sign" },
        { NTLS_KU_CRL_SIGN, "CRL Sign" },
        { NTLS_KU_ENCIPHER_ONLY, "Encipher Only" },
        { NTLS_KU_DECIPHER_ONLY, "Decipher Only" },
    };
    const char *sep = "";
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        if (ku & names[i].mask) {
            BIO_printf(bp, "%s%s", sep, names[i].name);
            sep = ", ";
        }
    }
}

/* The value of one extension at indent 16; 0 when nettls prints it raw. */
static int ext_value(BIO *bp, const struct ntls_x509_cert *c, const struct ntls_x509_ext *e)
{
    char text[80];
    int nid = e->info != NULL ? e->info->nid : NID_undef;
    BIO_printf(bp, "%16s", "");
    if (nid == NID_basic_constraints) {
        put(bp, c->ca ? "CA:TRUE" : "CA:FALSE");
        if (c->path_len >= 0) {
            BIO_printf(bp, ", pathlen:%d", c->path_len);
        }
    } else if (nid == NID_key_usage) {
        ku_print(bp, c->key_usage);
    } else if (nid == NID_ext_key_usage) {
        for (size_t i = 0; i < c->eku_count; i++) {
            const char *name = oid_name(ntls_oid_find(c->eku[i]), c->eku[i], text, sizeof text);
            BIO_printf(bp, "%s%s", i == 0 ? "" : ", ", name);
        }
    } else if (nid == NID_subject_alt_name) {
        for (size_t i = 0; i < c->san_count; i++) {
            put(bp, i == 0 ? "" : ", ");
            gname_print(bp, &c->san[i]);
        }
    } else if (nid == NID_subject_key_identifier) {
        hex_upper(bp, c->skid);
    } else if (nid == NID_authority_key_identifier && c->akid_keyid.len > 0) {
        put(bp, "keyid:");
        hex_upper(bp, c->akid_keyid);
        put(bp, "\n"); /* 1.1.0 prints it as a multi-line value */
    } else {
        ASN1_STRING raw = { (int)e->value.len, V_ASN1_OCTET_STRING, (unsigned char *)e->value.p, 0 };
        (void)ASN1_STRING_print(bp, &raw);
    }
    return 1;
}

static void exts_print(BIO *bp, const struct ntls_x509_cert *c)
{
    char text[80];
    if (c->ext_count == 0) {
        return;
    }
    BIO_printf(bp, "%8sX509v3 extensions:\n", "");
    for (size_t i = 0; i < c->ext_count; i++) {
        const struct ntls_x509_ext *e = &c->exts[i];
        BIO_printf(bp, "%12s%s: %s\n", "", oid_name(e->info, e->oid, text, sizeof text),
                   e->critical ? "critical" : "");
        (void)ext_value(bp, c, e);
        put(bp, "\n");
    }
}

int X509_print(BIO *bp, X509 *x)
{
    const struct ntls_x509_cert *c = &x->cert;
    char text[80];
    const char *sig = oid_name(c->sig, c->sig_alg.oid, text, sizeof text);
    put(bp, "Certificate:\n    Data:\n");
    BIO_printf(bp, "%8sVersion: %u (0x%x)\n", "", c->version, c->version - 1);
    put(bp, "        Serial Number:");
    const ASN1_INTEGER *serial = X509_get_serialNumber(x);
    const char *neg = serial->type == V_ASN1_NEG_INTEGER ? "-" : "";
    if (serial->length <= (int)sizeof(long)) {
        unsigned long v = 0;
        for (int i = 0; i < serial->length; i++) {
            v = v << 8 | serial->data[i];
        }
        BIO_printf(bp, " %s%lu (%s0x%lx)\n", neg, v, neg, v);
    } else {
        BIO_printf(bp, "\n%12s%s", "", *neg != '\0' ? " (Negative)" : "");
        for (int i = 0; i < serial->length; i++) {
            BIO_printf(bp, "%02x%c", serial->data[i], i + 1 == serial->length ? '\n' : ':');
        }
    }
    BIO_printf(bp, "    Signature Algorithm: %s\n        Issuer: ", sig);
    (void)X509_NAME_print(bp, X509_get_issuer_name(x), 0);
    put(bp, "\n        Validity\n            Not Before: ");
    (void)ASN1_TIME_print(bp, X509_get0_notBefore(x));
    put(bp, "\n            Not After : ");
    (void)ASN1_TIME_print(bp, X509_get0_notAfter(x));
    put(bp, "\n        Subject: ");
    (void)X509_NAME_print(bp, X509_get_subject_name(x), 0);
    BIO_printf(bp, "\n        Subject Public Key Info:\n%12sPublic Key Algorithm: %s\n", "",
               oid_name(c->spki.alg, c->spki.alg_oid, text, sizeof text));
    key_print(bp, c);
    exts_print(bp, c);
    BIO_printf(bp, "    Signature Algorithm: %s", oid_name(c->sig, c->sig_alg.oid, text, sizeof text));
    hex_lines(bp, c->sig_value.p, c->sig_value.len, 9, 18, 1);
    return 1;
}
