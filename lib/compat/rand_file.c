/* nettls: random seed files (man RAND_load_file). nettls's generator seeds itself from the kernel, so a
 * seed file adds nothing; these calls still read and write the files as OpenSSL does, because programs
 * check their results (a program that saves its seed at exit expects the file to appear). */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <openssl/crypto.h>
#include <openssl/err.h>
#include <openssl/rand.h>

enum { RAND_FILE_BYTES = 1024, CHUNK = 1024 };

int RAND_load_file(const char *file, long max_bytes)
{
    if (file == NULL || max_bytes == 0) {
        return 0;
    }
    FILE *in = fopen(file, "rb");
    if (in == NULL) {
        SYSerr(SYS_F_FOPEN, errno);
        ERR_add_error_data(2, "Filename=", file);
        return -1;
    }
    struct stat sb;
    /* A device (/dev/urandom) never ends: read 2048 bytes from it when asked for "everything". */
    if (fstat(fileno(in), &sb) == 0 && (S_ISCHR(sb.st_mode) || S_ISBLK(sb.st_mode)) && max_bytes < 0) {
        max_bytes = 2048;
    }
    unsigned char buf[CHUNK];
    long total = 0;
    for (;;) {
        size_t want = max_bytes < 0 || max_bytes - total > CHUNK ? CHUNK : (size_t)(max_bytes - total);
        if (want == 0) {
            break;
        }
        size_t n = fread(buf, 1, want, in);
        if (n == 0) {
            break;
        }
        RAND_add(buf, (int)n, (double)n);
        total += (long)n;
    }
    fclose(in);
    OPENSSL_cleanse(buf, sizeof buf);
    return total > 0x7fffffffL ? 0x7fffffff : (int)total;
}

int RAND_write_file(const char *file)
{
    unsigned char buf[RAND_FILE_BYTES];
    if (file == NULL || RAND_bytes(buf, (int)sizeof buf) != 1) {
        return -1;
    }
    /* Create it private (0600), as OpenSSL does: the file seeds a generator. */
    int fd = open(file, O_WRONLY | O_CREAT | O_CLOEXEC, 0600);
    if (fd < 0) {
        SYSerr(SYS_F_FOPEN, errno);
        ERR_add_error_data(2, "Filename=", file);
        OPENSSL_cleanse(buf, sizeof buf);
        return -1;
    }
    FILE *out = fdopen(fd, "wb");
    if (out == NULL) {
        close(fd);
        OPENSSL_cleanse(buf, sizeof buf);
        return -1;
    }
    size_t n = fwrite(buf, 1, sizeof buf, out);
    int closed = fclose(out);
    OPENSSL_cleanse(buf, sizeof buf);
    return n == sizeof buf && closed == 0 ? (int)n : -1;
}

const char *RAND_file_name(char *buf, size_t num)
{
    /* A set-user-id program must not take file names from the environment (OpenSSL's issetugid check). */
    const char *s = getuid() == geteuid() && getgid() == getegid() ? getenv("RANDFILE") : NULL;
    int n;
    if (buf == NULL || num == 0) {
        return NULL;
    }
    if (s != NULL && *s != '\0') {
        n = snprintf(buf, num, "%s", s);
    } else {
        const char *home = getuid() == geteuid() && getgid() == getegid() ? getenv("HOME") : NULL;
        if (home == NULL || *home == '\0') {
            buf[0] = '\0';
            return NULL;
        }
        n = snprintf(buf, num, "%s/.rnd", home);
    }
    if (n < 0 || (size_t)n >= num) {
        buf[0] = '\0';
        return NULL;
    }
    return buf;
}
