/* PEM (lib/x509/pem.c): chains with text around the blocks, CRLF, labels, the legacy encryption headers,
 * and malformed blocks. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "testutil.h"

static ntls_result next(struct ntls_cur *text, const char *label, struct ntls_pem_block *b, bool *found)
{
    return ntls_pem_next(text, label, b, found);
}

Test(pem, chain_with_text_between_blocks)
{
    size_t len;
    uint8_t *text = tu_read("chain.pem", &len);
    struct ntls_cur in = ntls_cur_init(text, len);
    struct ntls_pem_block b;
    bool found;
    const char *expect[] = { "leaf-inter.pem", "inter-ca.pem" };
    for (size_t i = 0; i < 2; i++) {
        cr_assert_eq(next(&in, "CERTIFICATE", &b, &found).err, NTLS_E_OK);
        cr_assert(found);
        cr_assert_str_eq(b.label, "CERTIFICATE");
        cr_assert(!b.encrypted);
        size_t der_len;
        uint8_t *der = tu_pem_der(expect[i], "CERTIFICATE", &der_len);
        cr_assert_eq(b.der_len, der_len);
        cr_assert_eq(memcmp(b.der, der, der_len), 0);
        free(der);
        ntls_pem_block_free(&b);
        cr_assert_null(b.der);
    }
    cr_assert_eq(next(&in, "CERTIFICATE", &b, &found).err, NTLS_E_OK);
    cr_assert(!found);
    cr_assert(ntls_cur_empty(&in));
    cr_assert_null(b.der);
    free(text);
}

/* Rewrites LF line ends as CRLF. */
static char *crlf(const char *text, size_t len, size_t *out_len)
{
    char *out = malloc(2 * len + 1);
    cr_assert_not_null(out);
    size_t n = 0;
    for (size_t i = 0; i < len; i++) {
        if (text[i] == '\n') {
            out[n++] = '\r';
        }
        out[n++] = text[i];
    }
    *out_len = n;
    return out;
}

Test(pem, crlf_gives_the_same_bytes)
{
    size_t len, crlf_len, der_len;
    uint8_t *text = tu_read("server-rsa.pem", &len);
    char *dos = crlf((const char *)text, len, &crlf_len);
    uint8_t *der = tu_pem_der("server-rsa.pem", "CERTIFICATE", &der_len);
    struct ntls_cur in = ntls_cur_init(dos, crlf_len);
    struct ntls_pem_block b;
    bool found;
    cr_assert_eq(next(&in, NULL, &b, &found).err, NTLS_E_OK);
    cr_assert(found);
    cr_assert_eq(b.der_len, der_len);
    cr_assert_eq(memcmp(b.der, der, der_len), 0);
    ntls_pem_block_free(&b);
    free(der);
    free(dos);
    free(text);
}

Test(pem, labels_filter_and_any)
{
    /* a key file holds one block; asking for CERTIFICATE skips it */
    size_t len;
    uint8_t *text = tu_read("key-rsa-pkcs1.pem", &len);
    struct ntls_cur in = ntls_cur_init(text, len);
    struct ntls_pem_block b;
    bool found;
    cr_assert_eq(next(&in, "CERTIFICATE", &b, &found).err, NTLS_E_OK);
    cr_assert(!found);
    in = ntls_cur_init(text, len);
    cr_assert_eq(next(&in, NULL, &b, &found).err, NTLS_E_OK);
    cr_assert(found);
    cr_assert_str_eq(b.label, "RSA PRIVATE KEY");
    cr_assert_eq(b.der[0], 0x30);
    ntls_pem_block_free(&b);
    free(text);
}

Test(pem, legacy_encryption_headers)
{
    size_t len;
    uint8_t *text = tu_read("key-rsa-legacy-aes128.pem", &len);
    /* "DEK-Info: AES-128-CBC,<32 hex digits>" on the third line */
    const char *dek = strstr((const char *)text, "DEK-Info: AES-128-CBC,");
    cr_assert_not_null(dek);
    uint8_t iv[16];
    char hex[33];
    memcpy(hex, dek + strlen("DEK-Info: AES-128-CBC,"), 32);
    hex[32] = '\0';
    cr_assert_eq(tu_hex(hex, iv, sizeof iv), 16);
    struct ntls_cur in = ntls_cur_init(text, len);
    struct ntls_pem_block b;
    bool found;
    cr_assert_eq(next(&in, "RSA PRIVATE KEY", &b, &found).err, NTLS_E_OK);
    cr_assert(found);
    cr_assert(b.encrypted);
    cr_assert_eq(b.dek_cipher, NTLS_CIPHER_AES128_CBC);
    cr_assert_eq(memcmp(b.dek_iv, iv, 16), 0);
    cr_assert_eq(b.der_len % 16, 0);
    ntls_pem_block_free(&b);
    free(text);

    text = tu_read("key-rsa-legacy-des3.pem", &len);
    in = ntls_cur_init(text, len);
    cr_assert_eq(next(&in, NULL, &b, &found).err, NTLS_E_OK);
    cr_assert(b.encrypted);
    cr_assert_eq(b.dek_cipher, NTLS_CIPHER_3DES_EDE_CBC);
    cr_assert_eq(b.der_len % 8, 0);
    ntls_pem_block_free(&b);
    free(text);
}

static enum ntls_err parse_text(const char *text, struct ntls_pem_block *b, bool *found)
{
    struct ntls_cur in = ntls_cur_init(text, strlen(text));
    enum ntls_err e = ntls_pem_next(&in, NULL, b, found).err;
    if (e != NTLS_E_OK) {
        cr_assert_null(b->der);
        cr_assert(!*found);
    }
    return e;
}

Test(pem, tolerated_shapes)
{
    struct ntls_pem_block b;
    bool found;
    /* text before, blanks around lines, an empty body line, no final newline; "AQID" is 01 02 03 */
    cr_assert_eq(parse_text("junk\n  -----BEGIN X-----  \n\t AQ \n\nID\n-----END X-----", &b, &found),
                 NTLS_E_OK);
    cr_assert(found);
    cr_assert_str_eq(b.label, "X");
    cr_assert_eq(b.der_len, 3);
    cr_assert_eq(memcmp(b.der, "\x01\x02\x03", 3), 0);
    ntls_pem_block_free(&b);
    /* an empty body */
    cr_assert_eq(parse_text("-----BEGIN EMPTY THING-----\n-----END EMPTY THING-----\n", &b, &found),
                 NTLS_E_OK);
    cr_assert(found);
    cr_assert_eq(b.der_len, 0);
    ntls_pem_block_free(&b);
    /* other headers are skipped */
    cr_assert_eq(parse_text("-----BEGIN X-----\nComment: hi\n\nAQID\n-----END X-----\n", &b, &found),
                 NTLS_E_OK);
    cr_assert(!b.encrypted);
    cr_assert_eq(b.der_len, 3);
    ntls_pem_block_free(&b);
    /* no block at all, and something that only looks like one */
    cr_assert_eq(parse_text("", &b, &found), NTLS_E_OK);
    cr_assert(!found);
    cr_assert_eq(parse_text("-----BEGIN -----\nAQID\n-----END -----\n", &b, &found), NTLS_E_OK);
    cr_assert(!found);
    cr_assert_eq(parse_text("----BEGIN X-----\nAQID\n-----END X-----\n", &b, &found), NTLS_E_OK);
    cr_assert(!found);
}

Test(pem, malformed_blocks)
{
    static const char *bad[] = {
        "-----BEGIN X-----\nAQID\n",                  /* no END */
        "-----BEGIN X-----\nAQID\n-----END Y-----\n", /* wrong END label */
        "-----BEGIN X-----\nAQID\n-----END X----\n",
        "-----BEGIN X-----\nAQ*D\n-----END X-----\n",                           /* not base64 */
        "-----BEGIN X-----\nAQ==\nAQ==\n-----END X-----\n",                     /* padding in the middle */
        "-----BEGIN X-----\nAQI\n-----END X-----\n",                            /* 3 characters */
        "-----BEGIN X-----\nAR==\n-----END X-----\n",                           /* non-zero unused bits */
        "-----BEGIN X-----\nProc-Type: 4,ENCRYPTED\n\nAQID\n-----END X-----\n", /* no DEK-Info */
        "-----BEGIN X-----\nDEK-Info: AES-128-CBC,00112233445566778899AABBCCDDEEFF\n\nAQID\n-----END "
        "X-----\n",
        "-----BEGIN X-----\nProc-Type: 4,MIC-ONLY\n\nAQID\n-----END X-----\n",
        "-----BEGIN X-----\nProc-Type: 4,ENCRYPTED\nDEK-Info: BF-CBC,0011223344556677\n\nAQID\n-----END "
        "X-----\n",
        "-----BEGIN X-----\nProc-Type: 4,ENCRYPTED\nDEK-Info: AES-128-CBC,0011\n\nAQID\n-----END X-----\n",
        "-----BEGIN X-----\nProc-Type: 4,ENCRYPTED\nDEK-Info: "
        "AES-128-CBC,00112233445566778899AABBCCDDEEFG\n\n"
        "AQID\n-----END X-----\n",
        "-----BEGIN X-----\nProc-Type: 4,ENCRYPTED\nAQID\n-----END X-----\n", /* headers never end */
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        struct ntls_pem_block b;
        bool found = true;
        cr_assert_eq(parse_text(bad[i], &b, &found), NTLS_E_DECODE, "case %zu", i);
    }
}

Test(pem, encrypted_header_with_every_cipher)
{
    static const struct {
        const char *name;
        enum ntls_cipher_id id;
        const char *iv;
    } ciphers[] = {
        { "AES-128-CBC", NTLS_CIPHER_AES128_CBC, "000102030405060708090A0B0C0D0E0F" },
        { "AES-256-CBC", NTLS_CIPHER_AES256_CBC, "000102030405060708090a0b0c0d0e0f" },
        { "DES-EDE3-CBC", NTLS_CIPHER_3DES_EDE_CBC, "0001020304050607" },
    };
    for (size_t i = 0; i < sizeof ciphers / sizeof ciphers[0]; i++) {
        char text[256];
        snprintf(text, sizeof text,
                 "-----BEGIN RSA PRIVATE KEY-----\r\nProc-Type: 4,ENCRYPTED\r\nDEK-Info: %s,%s\r\n\r\n"
                 "AAECAwQFBgcICQoLDA0ODw==\r\n-----END RSA PRIVATE KEY-----\r\n",
                 ciphers[i].name, ciphers[i].iv);
        struct ntls_pem_block b;
        bool found;
        cr_assert_eq(parse_text(text, &b, &found), NTLS_E_OK, "%s", ciphers[i].name);
        cr_assert(b.encrypted);
        cr_assert_eq(b.dek_cipher, ciphers[i].id);
        for (size_t k = 0; k < strlen(ciphers[i].iv) / 2; k++) {
            cr_assert_eq(b.dek_iv[k], k);
        }
        cr_assert_eq(b.der_len, 16);
        ntls_pem_block_free(&b);
    }
}

Test(pem, truncated_at_every_offset)
{
    size_t len;
    uint8_t *text = tu_read("server-rsa.pem", &len);
    size_t der_len;
    uint8_t *der = tu_pem_der("server-rsa.pem", "CERTIFICATE", &der_len);
    for (size_t n = 0; n < len; n++) {
        struct ntls_cur in = ntls_cur_init(text, n);
        struct ntls_pem_block b;
        bool found;
        ntls_result r = ntls_pem_next(&in, NULL, &b, &found);
        /* before the BEGIN line is complete there is no block; after, the END line is missing, except when
         * only the final newline is cut */
        if (ntls_is_ok(r) && found) {
            cr_assert_eq(n, len - 1, "cut at %zu", n);
            cr_assert_eq(b.der_len, der_len);
            ntls_pem_block_free(&b);
        } else if (ntls_is_ok(r)) {
            cr_assert_lt(n, strlen("-----BEGIN CERTIFICATE-----\n"), "cut at %zu", n);
        } else {
            cr_assert_eq(r.err, NTLS_E_DECODE, "cut at %zu", n);
        }
    }
    free(der);
    free(text);
}

/* OpenSSL's TRUSTED CERTIFICATE block holds the certificate followed by X509_AUX trust settings: the
 * certificate is the first element of the block. */
Test(pem, trusted_certificate)
{
    size_t len, der_len;
    uint8_t *text = tu_read("ca-rsa-trusted.pem", &len);
    uint8_t *der = tu_pem_der("ca-rsa.pem", "CERTIFICATE", &der_len);
    struct ntls_cur in = ntls_cur_init(text, len);
    struct ntls_pem_block b;
    bool found;
    cr_assert_eq(next(&in, "TRUSTED CERTIFICATE", &b, &found).err, NTLS_E_OK);
    cr_assert(found);
    struct ntls_cur body = ntls_cur_init(b.der, b.der_len);
    struct ntls_der_tlv first, aux;
    cr_assert_eq(ntls_der_read(&body, &first).err, NTLS_E_OK);
    cr_assert_eq(ntls_der_read(&body, &aux).err, NTLS_E_OK); /* X509_CERT_AUX ::= SEQUENCE { ... } */
    cr_assert(ntls_cur_empty(&body));
    cr_assert_eq(aux.tag, NTLS_DER_SEQUENCE);
    cr_assert_eq(first.raw.len, der_len);
    cr_assert_eq(memcmp(first.raw.p, der, der_len), 0);
    struct ntls_x509_cert c;
    cr_assert_eq(ntls_x509_cert_parse(&c, b.der, b.der_len).err, NTLS_E_BAD_CERTIFICATE); /* not alone */
    cr_assert_eq(ntls_x509_cert_parse(&c, first.raw.p, first.raw.len).err, NTLS_E_OK);
    ntls_x509_cert_free(&c);
    ntls_pem_block_free(&b);
    free(der);
    free(text);
}
