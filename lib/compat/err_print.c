/* nettls: turning packed error codes into text (OpenSSL 1.1.0's ERR_error_string_n and
 * ERR_print_errors_cb).
 *
 * The line format is OpenSSL's, "error:%08lX:<library>:<function>:<reason>", with "lib(%lu)", "func(%lu)"
 * and "reason(%lu)" standing in for unknown names. Programs split it at the colons, so when the buffer is
 * too short the text is cut but the four colons are kept, as 1.1.0 does. */
#include <pthread.h>
#include <stdio.h>
#include <string.h>

#include <openssl/err.h>

#include "internal.h"

const char *ERR_lib_error_string(unsigned long e)
{
    return ntls_compat_lib_string(ERR_GET_LIB(e));
}

const char *ERR_func_error_string(unsigned long e)
{
    return ntls_compat_func_string(ERR_GET_LIB(e), ERR_GET_FUNC(e));
}

const char *ERR_reason_error_string(unsigned long e)
{
    return ntls_compat_reason_string(ERR_GET_LIB(e), ERR_GET_REASON(e));
}

/* After a truncating snprintf, move colons into the last places of buf so the text still has the five
 * colon-separated fields a parser expects. */
enum { FIELD_COLONS = 4 };

static void keep_colons(char *buf, size_t len)
{
    if (len <= FIELD_COLONS) {
        return;
    }
    char *s = buf;
    char *last = &buf[len - 1]; /* the terminating NUL */
    for (int i = 0; i < FIELD_COLONS; i++) {
        char *colon = strchr(s, ':');
        if (colon == NULL || colon > last - FIELD_COLONS + i) {
            colon = last - FIELD_COLONS + i;
            *colon = ':';
        }
        s = colon + 1;
    }
}

void ERR_error_string_n(unsigned long e, char *buf, size_t len)
{
    char lsbuf[64], fsbuf[64], rsbuf[64];
    if (len == 0) {
        return;
    }
    const char *ls = ERR_lib_error_string(e);
    if (ls == NULL) {
        snprintf(lsbuf, sizeof lsbuf, "lib(%lu)", (unsigned long)ERR_GET_LIB(e));
        ls = lsbuf;
    }
    const char *fs = ERR_func_error_string(e);
    if (fs == NULL) {
        snprintf(fsbuf, sizeof fsbuf, "func(%lu)", (unsigned long)ERR_GET_FUNC(e));
        fs = fsbuf;
    }
    const char *rs = ERR_reason_error_string(e);
    if (rs == NULL) {
        snprintf(rsbuf, sizeof rsbuf, "reason(%lu)", (unsigned long)ERR_GET_REASON(e));
        rs = rsbuf;
    }
    int n = snprintf(buf, len, "error:%08lX:%s:%s:%s", e, ls, fs, rs);
    if (n < 0 || (size_t)n >= len) {
        keep_colons(buf, len);
    }
}

char *ERR_error_string(unsigned long e, char *buf)
{
    static char static_buf[256];
    if (buf == NULL) {
        buf = static_buf;
    }
    ERR_error_string_n(e, buf, 256);
    return buf;
}

void ERR_print_errors_cb(int (*cb)(const char *str, size_t len, void *u), void *u)
{
    /* The thread id OpenSSL 1.1.0 prints (CRYPTO_THREAD_get_current_id) is pthread_self(). */
    unsigned long tid = (unsigned long)pthread_self();
    const char *file, *data;
    int line, flags;
    unsigned long code;
    while ((code = ERR_get_error_line_data(&file, &line, &data, &flags)) != 0) {
        char err[256], out[4096];
        ERR_error_string_n(code, err, sizeof err);
        snprintf(out, sizeof out, "%lu:%s:%s:%d:%s\n", tid, err, file, line,
                 (flags & ERR_TXT_STRING) != 0 ? data : "");
        if (cb(out, strlen(out), u) <= 0) {
            break;
        }
    }
}

static int print_fp(const char *str, size_t len, void *fp)
{
    return (int)fwrite(str, 1, len, fp);
}

void ERR_print_errors_fp(FILE *fp)
{
    ERR_print_errors_cb(print_fp, fp);
}

static int print_bio(const char *str, size_t len, void *bp)
{
    return BIO_write(bp, str, (int)len);
}

void ERR_print_errors(BIO *bp)
{
    ERR_print_errors_cb(print_bio, bp);
}
