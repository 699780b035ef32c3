/* nettls: the file BIO (BIO_s_file, BIO_new_file, BIO_new_fp) over stdio. */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>

#include <openssl/bio.h>
#include <openssl/err.h>

#include "bio_local.h"

static int file_read(BIO *b, char *out, int len)
{
    if (!b->init) {
        return 0;
    }
    size_t n = fread(out, 1, (size_t)len, b->ptr);
    if (n == 0 && ferror((FILE *)b->ptr)) {
        SYSerr(SYS_F_FREAD, errno);
        BIOerr(0, ERR_R_SYS_LIB);
        return -1;
    }
    return (int)n;
}

static int file_write(BIO *b, const char *in, int len)
{
    if (!b->init) {
        return 0;
    }
    size_t n = fwrite(in, 1, (size_t)len, b->ptr);
    return n == 0 ? -1 : (int)n;
}

static int file_gets(BIO *b, char *buf, int size)
{
    buf[0] = '\0';
    if (!b->init || fgets(buf, size, b->ptr) == NULL) {
        return 0;
    }
    size_t n = strlen(buf);
    return n > INT_MAX ? INT_MAX : (int)n;
}

static int file_destroy(BIO *b)
{
    if (b->shutdown && b->init && b->ptr != NULL) {
        fclose(b->ptr);
    }
    b->ptr = NULL;
    b->init = 0;
    return 1;
}

static const char *mode_for(long flags)
{
    if (flags & BIO_FP_APPEND) {
        return (flags & BIO_FP_READ) ? "a+" : "a";
    }
    if ((flags & BIO_FP_READ) && (flags & BIO_FP_WRITE)) {
        return "r+";
    }
    return (flags & BIO_FP_WRITE) ? "w" : "r";
}

static long open_named(BIO *b, long flags, const char *name)
{
    file_destroy(b);
    FILE *fp = fopen(name, mode_for(flags));
    if (fp == NULL) {
        SYSerr(SYS_F_FOPEN, errno);
        ERR_add_error_data(5, "fopen('", name, "','", mode_for(flags), "')");
        BIOerr(0, ERR_R_SYS_LIB);
        return 0;
    }
    b->ptr = fp;
    b->shutdown = (int)(flags & BIO_CLOSE);
    b->init = 1;
    return 1;
}

static long file_ctrl(BIO *b, int cmd, long larg, void *parg)
{
    FILE *fp = b->ptr;
    switch (cmd) {
    case BIO_C_SET_FILE_PTR:
        file_destroy(b);
        b->ptr = parg;
        b->shutdown = (int)(larg & BIO_CLOSE);
        b->init = 1;
        return 1;
    case BIO_C_GET_FILE_PTR:
        if (parg != NULL) {
            *(FILE **)parg = fp;
        }
        return 1;
    case BIO_C_SET_FILENAME:
        return open_named(b, larg, parg);
    case BIO_CTRL_RESET:
    case BIO_C_FILE_SEEK:
        return b->init ? (long)fseek(fp, cmd == BIO_CTRL_RESET ? 0 : larg, SEEK_SET) : -1;
    case BIO_C_FILE_TELL:
    case BIO_CTRL_INFO:
        return b->init ? ftell(fp) : -1;
    case BIO_CTRL_EOF:
        return b->init ? (long)feof(fp) : 1;
    case BIO_CTRL_FLUSH:
        return b->init ? (fflush(fp) == 0 ? 1 : 0) : 1;
    case BIO_CTRL_GET_CLOSE:
        return b->shutdown;
    case BIO_CTRL_SET_CLOSE:
        b->shutdown = (int)larg;
        return 1;
    case BIO_CTRL_DUP:
        return 1;
    default:
        return 0;
    }
}

static const BIO_METHOD file_method = {
    .type = BIO_TYPE_FILE,
    .name = "FILE pointer",
    .bwrite = file_write,
    .bread = file_read,
    .bgets = file_gets,
    .ctrl = file_ctrl,
    .destroy = file_destroy,
};

const BIO_METHOD *BIO_s_file(void)
{
    return &file_method;
}

BIO *BIO_new_file(const char *filename, const char *mode)
{
    FILE *fp = fopen(filename, mode);
    if (fp == NULL) {
        int e = errno;
        SYSerr(SYS_F_FOPEN, e);
        ERR_add_error_data(5, "fopen('", filename, "','", mode, "')");
        BIOerr(0, e == ENOENT ? BIO_R_NO_SUCH_FILE : ERR_R_SYS_LIB);
        return NULL;
    }
    BIO *b = BIO_new_fp(fp, BIO_CLOSE);
    if (b == NULL) {
        fclose(fp);
    }
    return b;
}

BIO *BIO_new_fp(FILE *stream, int close_flag)
{
    BIO *b = BIO_new(&file_method);
    if (b != NULL) {
        BIO_set_fp(b, stream, close_flag);
    }
    return b;
}
