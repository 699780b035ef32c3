/* nettls: PEM blocks read from and written to BIOs (PEM_read_bio, PEM_write_bio) and the X509 pair built
 * on them. Decoding is lib/x509's ntls_pem_next; this file only finds one block's lines in a BIO. */
#include <limits.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include <openssl/err.h>
#include <openssl/pem.h>
#include <openssl/x509.h>

#include "crypto/codec.h"
#include "internal.h"
#include "x509/x509.h"

enum { PEM_LINE_CHARS = 64 };

/* The RFC 1421 header lines of the block at text (the lines with a colon before the first empty line). */
static char *header_of(const char *text)
{
    const char *p = strchr(text, '\n');
    const char *start = p != NULL ? p + 1 : text, *end = start;
    while (*end != '\0') {
        const char *nl = strchr(end, '\n');
        size_t n = nl != NULL ? (size_t)(nl - end) : strlen(end);
        const char *colon = memchr(end, ':', n);
        if (colon == NULL) {
            break;
        }
        end += n + (nl != NULL ? 1 : 0);
    }
    char *h = malloc((size_t)(end - start) + 1);
    if (h != NULL) {
        memcpy(h, start, (size_t)(end - start));
        h[end - start] = '\0';
    }
    return h;
}

int PEM_read_bio(BIO *bp, char **name, char **header, unsigned char **data, long *len)
{
    struct ntls_compat_pem_text t = { NULL, 0, 0 };
    int ok = 0;
    if (!ntls_compat_pem_collect(bp, &t, NULL)) {
        ntls_compat_pem_text_free(&t);
        return 0;
    }
    struct ntls_cur cur = ntls_cur_init(t.p, t.len);
    struct ntls_pem_block block;
    bool found = false;
    if (!ntls_is_ok(ntls_pem_next(&cur, NULL, &block, &found)) || !found) {
        PEMerr(0, PEM_R_BAD_BASE64_DECODE);
        ntls_compat_pem_text_free(&t);
        return 0;
    }
    char *n = strdup(block.label);
    char *h = header_of(t.p);
    unsigned char *d = malloc(block.der_len == 0 ? 1 : block.der_len);
    if (n != NULL && h != NULL && d != NULL && block.der_len <= LONG_MAX) {
        memcpy(d, block.der, block.der_len);
        *name = n;
        *header = h;
        *data = d;
        *len = (long)block.der_len;
        ok = 1;
    } else {
        PEMerr(0, ERR_R_MALLOC_FAILURE);
        free(n);
        free(h);
        free(d);
    }
    ntls_pem_block_free(&block);
    ntls_compat_pem_text_free(&t);
    return ok;
}

int PEM_write_bio(BIO *bp, const char *name, const char *hdr, const unsigned char *data, long len)
{
    if (len < 0 || (size_t)len > NTLS_COMPAT_PEM_TEXT_MAX) {
        PEMerr(0, PEM_R_BIO_WRITE_FAILURE);
        return 0;
    }
    size_t enc_len = NTLS_BASE64_ENCODED_LEN((size_t)len);
    char *enc = malloc(enc_len + 1);
    if (enc == NULL) {
        PEMerr(0, ERR_R_MALLOC_FAILURE);
        return 0;
    }
    ntls_base64_encode(data, (size_t)len, enc);
    int total = BIO_printf(bp, "-----BEGIN %s-----\n", name);
    int ok = total > 0;
    if (ok && hdr != NULL && *hdr != '\0') {
        int n = BIO_printf(bp, "%s\n", hdr);
        ok = n > 0;
        total += n;
    }
    for (size_t off = 0; ok && off < enc_len; off += PEM_LINE_CHARS) {
        int chunk = (int)(enc_len - off < PEM_LINE_CHARS ? enc_len - off : PEM_LINE_CHARS);
        int n = BIO_printf(bp, "%.*s\n", chunk, enc + off);
        ok = n > 0;
        total += n;
    }
    if (ok) {
        int n = BIO_printf(bp, "-----END %s-----\n", name);
        ok = n > 0;
        total += n;
    }
    free(enc);
    if (!ok) {
        PEMerr(0, PEM_R_BIO_WRITE_FAILURE);
        return 0;
    }
    return total;
}

static bool name_matches(const char *nm, const char *name)
{
    if (strcmp(nm, name) == 0) {
        return true;
    }
    bool cert = strcmp(name, PEM_STRING_X509) == 0;
    return cert && (strcmp(nm, PEM_STRING_X509_OLD) == 0 || strcmp(nm, PEM_STRING_X509_TRUSTED) == 0);
}

int PEM_bytes_read_bio(unsigned char **pdata, long *plen, char **pnm, const char *name, BIO *bp,
                       pem_password_cb *cb, void *u)
{
    (void)cb;
    (void)u;
    for (;;) {
        char *nm = NULL, *header = NULL;
        unsigned char *data = NULL;
        long len = 0;
        if (!PEM_read_bio(bp, &nm, &header, &data, &len)) {
            return 0;
        }
        free(header);
        if (name_matches(nm, name)) {
            *pdata = data;
            *plen = len;
            if (pnm != NULL) {
                *pnm = nm;
            } else {
                free(nm);
            }
            return 1;
        }
        OPENSSL_cleanse(data, (size_t)len); /* a skipped block may be a key */
        free(nm);
        free(data);
    }
}

/* Reads the next certificate ("CERTIFICATE", "X509 CERTIFICATE" or "TRUSTED CERTIFICATE"), skipping
 * blocks of other kinds as OpenSSL does. */
X509 *PEM_read_bio_X509(BIO *bp, X509 **x, pem_password_cb *cb, void *u)
{
    unsigned char *data;
    long len;
    if (!PEM_bytes_read_bio(&data, &len, NULL, PEM_STRING_X509, bp, cb, u)) {
        return NULL;
    }
    const unsigned char *p = data;
    X509 *ret = d2i_X509(x, &p, len);
    if (ret == NULL) {
        PEMerr(0, ERR_R_ASN1_LIB);
    }
    free(data);
    return ret;
}

int PEM_write_bio_X509(BIO *bp, X509 *x)
{
    unsigned char *der = NULL;
    int len = i2d_X509(x, &der);
    if (len < 0) {
        return 0;
    }
    int r = PEM_write_bio(bp, PEM_STRING_X509, NULL, der, len);
    free(der);
    return r > 0 ? 1 : 0;
}
