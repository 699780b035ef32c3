/* nettls: the lines of one PEM block read from a BIO, BEGIN line to END line, for PEM_read_bio and
 * PEM_read_bio_PrivateKey. The text may hold a private key, so it grows by copy-and-wipe rather than
 * realloc and is wiped when freed. */
#include <stdlib.h>
#include <string.h>

#include <openssl/err.h>
#include <openssl/pem.h>

#include "base/mem.h"
#include "internal.h"

enum { LINE_CHUNK = 256 };

static bool text_add(struct ntls_compat_pem_text *t, const char *s, size_t n)
{
    if (t->len + n + 1 > t->cap) {
        size_t cap = t->cap < 4096 ? 4096 : t->cap * 2;
        while (cap < t->len + n + 1) {
            cap *= 2;
        }
        char *p = t->len + n + 1 <= NTLS_COMPAT_PEM_TEXT_MAX ? malloc(cap) : NULL;
        if (p == NULL) {
            return false;
        }
        if (t->p != NULL) {
            memcpy(p, t->p, t->len);
            ntls_free_secret(t->p, t->cap);
        }
        t->p = p;
        t->cap = cap;
    }
    memcpy(t->p + t->len, s, n);
    t->len += n;
    t->p[t->len] = '\0';
    return true;
}

/* Appends one whole line (any length) to t. Returns its offset, (size_t)-1 on allocation failure; *eof
 * when the BIO had nothing more. */
static size_t read_line(BIO *bp, struct ntls_compat_pem_text *t, bool *eof)
{
    size_t start = t->len;
    char chunk[LINE_CHUNK];
    *eof = false;
    for (;;) {
        int n = BIO_gets(bp, chunk, sizeof chunk);
        if (n <= 0) {
            *eof = t->len == start;
            break;
        }
        bool whole = chunk[n - 1] == '\n';
        bool ok = text_add(t, chunk, (size_t)n);
        ntls_zeroize(chunk, sizeof chunk);
        if (!ok) {
            return (size_t)-1;
        }
        if (whole) {
            break;
        }
    }
    return start;
}

int ntls_compat_pem_collect(BIO *bp, struct ntls_compat_pem_text *t, bool (*accept)(const char *begin_line))
{
    bool eof, begun = false;
    for (;;) {
        size_t line = read_line(bp, t, &eof);
        if (line == (size_t)-1) {
            PEMerr(0, ERR_R_MALLOC_FAILURE);
            return 0;
        }
        if (eof) {
            PEMerr(0, begun ? PEM_R_BAD_END_LINE : PEM_R_NO_START_LINE);
            return 0;
        }
        const char *text = t->p + line;
        if (!begun) {
            begun = strncmp(text, "-----BEGIN ", 11) == 0 && (accept == NULL || accept(text));
            if (!begun) {
                ntls_zeroize(t->p, t->len); /* what comes before the block is skipped */
                t->len = 0;
            }
        } else if (strncmp(text, "-----END ", 9) == 0) {
            return 1;
        }
    }
}

void ntls_compat_pem_text_free(struct ntls_compat_pem_text *t)
{
    ntls_free_secret(t->p, t->cap);
    *t = (struct ntls_compat_pem_text){ NULL, 0, 0 };
}
