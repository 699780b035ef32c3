/* PEM (x509.h): RFC 7468 text encoding, with the RFC 1421 headers OpenSSL still writes for legacy
 * encrypted keys. Text is read line by line through struct ntls_cur; the base64 comes from the crypto
 * layer's strict decoder (lib/crypto/codec.h). */
#include "x509_internal.h"

#include <string.h>

#include "../base/mem.h"
#include "../crypto/codec.h"

static bool is_blank(uint8_t ch)
{
    return ch == ' ' || ch == '\t' || ch == '\r';
}

/* Splits the next line (without its LF, and without the CR of a CRLF) off *text. False at the end. */
static bool next_line(struct ntls_cur *text, struct ntls_cur *line)
{
    if (ntls_cur_empty(text)) {
        return false;
    }
    size_t n = 0;
    while (n < text->len && text->p[n] != '\n') {
        n++;
    }
    if (!ntls_is_ok(ntls_cur_take(text, n, line))) {
        return false;
    }
    return ntls_cur_empty(text) || ntls_is_ok(ntls_cur_skip(text, 1));
}

/* Drops spaces, tabs and CRs at both ends. */
static struct ntls_cur trim(struct ntls_cur s)
{
    size_t start = 0, end = s.len;
    while (start < end && is_blank(s.p[start])) {
        start++;
    }
    while (end > start && is_blank(s.p[end - 1])) {
        end--;
    }
    struct ntls_cur out = s, part;
    if (!ntls_is_ok(ntls_cur_skip(&out, start)) || !ntls_is_ok(ntls_cur_take(&out, end - start, &part))) {
        return ntls_cur_init(s.p, 0);
    }
    return part;
}

/* If s starts with prefix, advances s past it and returns true. */
static bool eat(struct ntls_cur *s, const char *prefix)
{
    size_t n = strlen(prefix);
    if (s->len < n || memcmp(s->p, prefix, n) != 0) {
        return false;
    }
    return ntls_is_ok(ntls_cur_skip(s, n));
}

static bool equals(struct ntls_cur s, const char *str)
{
    return s.len == strlen(str) && memcmp(s.p, str, s.len) == 0;
}

/* If s ends with suffix, cuts it off and returns true. */
static bool cut(struct ntls_cur *s, const char *suffix)
{
    size_t n = strlen(suffix);
    struct ntls_cur head, tail = *s;
    if (s->len < n || !ntls_is_ok(ntls_cur_take(&tail, s->len - n, &head)) || !equals(tail, suffix)) {
        return false;
    }
    *s = head;
    return true;
}

/* "-----BEGIN <label>-----": copies the label (RFC 7468 3: printable characters, no dashes at its ends). */
static bool begin_line(struct ntls_cur line, char label[NTLS_PEM_LABEL_MAX])
{
    line = trim(line);
    if (!eat(&line, "-----BEGIN ") || !cut(&line, "-----")) {
        return false;
    }
    size_t n = line.len;
    if (n == 0 || n >= NTLS_PEM_LABEL_MAX || line.p[0] == '-' || line.p[n - 1] == '-') {
        return false;
    }
    for (size_t i = 0; i < n; i++) {
        if (line.p[i] < 0x20 || line.p[i] > 0x7e) {
            return false;
        }
    }
    memcpy(label, line.p, n);
    label[n] = '\0';
    return true;
}

static bool end_line(struct ntls_cur line, const char *label)
{
    line = trim(line);
    return eat(&line, "-----END ") && cut(&line, "-----") && equals(line, label);
}

static int hex_digit(uint8_t ch)
{
    if (ch >= '0' && ch <= '9') {
        return ch - '0';
    }
    if (ch >= 'a' && ch <= 'f') {
        return ch - 'a' + 10;
    }
    if (ch >= 'A' && ch <= 'F') {
        return ch - 'A' + 10;
    }
    return -1;
}

/* "DEK-Info: <cipher>,<IV in hex>" (RFC 1421 4.6.1.3; OpenSSL's cipher names). */
static ntls_result dek_info(struct ntls_cur v, struct ntls_pem_block *out)
{
    static const struct {
        const char *name;
        enum ntls_cipher_id id;
    } ciphers[] = {
        { "AES-128-CBC,", NTLS_CIPHER_AES128_CBC },
        { "AES-256-CBC,", NTLS_CIPHER_AES256_CBC },
        { "DES-EDE3-CBC,", NTLS_CIPHER_3DES_EDE_CBC },
    };
    size_t i = 0;
    while (i < sizeof ciphers / sizeof ciphers[0] && !eat(&v, ciphers[i].name)) {
        i++;
    }
    NTLS_ENSURE(i < sizeof ciphers / sizeof ciphers[0], NTLS_E_DECODE);
    size_t iv_len = ntls_cipher_iv_size(ciphers[i].id);
    NTLS_ENSURE(iv_len <= sizeof out->dek_iv && v.len == 2 * iv_len, NTLS_E_DECODE);
    for (size_t k = 0; k < iv_len; k++) {
        uint8_t c1, c2;
        NTLS_TRY(ntls_cur_u8(&v, &c1));
        NTLS_TRY(ntls_cur_u8(&v, &c2));
        int hi = hex_digit(c1), lo = hex_digit(c2);
        NTLS_ENSURE(hi >= 0 && lo >= 0, NTLS_E_DECODE);
        out->dek_iv[k] = (uint8_t)(hi << 4 | lo);
    }
    out->dek_cipher = ciphers[i].id;
    return ntls_ok();
}

/* RFC 1421 headers: "Name: value" lines up to an empty line. Proc-Type and DEK-Info are understood;
 * others are skipped. *text is at the first line after BEGIN and moves to the first body line. */
static ntls_result read_headers(struct ntls_cur *text, struct ntls_pem_block *out)
{
    struct ntls_cur probe = *text, line;
    if (!next_line(&probe, &line) || memchr(line.p, ':', line.len) == NULL) {
        return ntls_ok(); /* no headers */
    }
    bool has_dek = false;
    while (next_line(text, &line)) {
        line = trim(line);
        if (line.len == 0) {
            /* RFC 1421 4.6.1.1: "4,ENCRYPTED" needs its DEK-Info and the reverse */
            NTLS_ENSURE(out->encrypted == has_dek, NTLS_E_DECODE);
            return ntls_ok();
        }
        NTLS_ENSURE(memchr(line.p, ':', line.len) != NULL, NTLS_E_DECODE);
        if (eat(&line, "Proc-Type:")) {
            NTLS_ENSURE(equals(trim(line), "4,ENCRYPTED"), NTLS_E_DECODE);
            out->encrypted = true;
        } else if (eat(&line, "DEK-Info:")) {
            NTLS_TRY(dek_info(trim(line), out));
            has_dek = true;
        }
    }
    return ntls_error(NTLS_E_DECODE); /* the headers never ended */
}

/* The base64 body up to the END line, without line breaks or surrounding blanks, in a fresh allocation. */
static ntls_result read_body(struct ntls_cur *text, const char *label, char **b64, size_t *b64_len)
{
    struct ntls_cur scan = *text, line;
    size_t total = 0;
    bool ended = false;
    while (!ended && next_line(&scan, &line)) {
        ended = end_line(line, label);
        total += ended ? 0 : trim(line).len;
    }
    NTLS_ENSURE(ended, NTLS_E_DECODE);
    char *buf = ntls_calloc(total + 1, 1);
    NTLS_ENSURE(buf != NULL, NTLS_E_NOMEM);
    struct ntls_wr w = ntls_wr_init(buf, total);
    while (next_line(text, &line) && !end_line(line, label)) {
        struct ntls_cur t = trim(line);
        ntls_wr_bytes(&w, t.p, t.len);
    }
    ntls_result r = ntls_wr_done(&w);
    if (!ntls_is_ok(r)) {
        ntls_free(buf);
        return r;
    }
    *b64 = buf;
    *b64_len = w.len;
    return ntls_ok();
}

static ntls_result decode_block(struct ntls_cur *text, struct ntls_pem_block *out)
{
    char *b64;
    size_t b64_len;
    NTLS_TRY(read_headers(text, out));
    NTLS_TRY(read_body(text, out->label, &b64, &b64_len));
    size_t cap = NTLS_BASE64_DECODED_MAX(b64_len);
    out->der = ntls_calloc(cap > 0 ? cap : 1, 1);
    ntls_result r = out->der != NULL ? ntls_base64_decode(b64, b64_len, out->der, cap, &out->der_len)
                                     : ntls_error(NTLS_E_NOMEM);
    if (r.err == NTLS_E_USAGE) {
        r.err = NTLS_E_INTERNAL; /* cap is the decoder's own bound */
    }
    ntls_free_secret(b64, b64_len + 1);
    return r;
}

ntls_result ntls_pem_next(struct ntls_cur *text, const char *label, struct ntls_pem_block *out, bool *found)
{
    struct ntls_cur line;
    memset(out, 0, sizeof *out);
    *found = false;
    while (next_line(text, &line)) {
        if (!begin_line(line, out->label) || (label != NULL && strcmp(out->label, label) != 0)) {
            continue;
        }
        ntls_result r = decode_block(text, out);
        if (!ntls_is_ok(r)) {
            ntls_pem_block_free(out);
            return r;
        }
        *found = true;
        return ntls_ok();
    }
    memset(out, 0, sizeof *out);
    return ntls_ok();
}

void ntls_pem_block_free(struct ntls_pem_block *block)
{
    if (block->der != NULL) {
        ntls_free_secret(block->der, block->der_len);
    }
    memset(block, 0, sizeof *block);
}
