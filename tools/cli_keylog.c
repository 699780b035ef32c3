/*
 * SSLKEYLOGFILE: one "CLIENT_RANDOM <client_random> <master_secret>" line per handshake, in the NSS key log
 * format Wireshark reads to decrypt a capture. Built from SSL_get_client_random() and
 * SSL_SESSION_get_master_key(): SSL_CTX_set_keylog_callback() is OpenSSL 1.1.1 and nettls claims 1.1.0.
 */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include <openssl/crypto.h>
#include <openssl/ssl.h>

#include "cli_common.h"

enum {
    RANDOM_LEN = 32,  /* RFC 2246 7.4.1.2 */
    MASTER_LEN = 48,  /* RFC 2246 8.1 */
};

static size_t put_hex(char *out, const unsigned char *in, size_t len)
{
    static const char digits[] = "0123456789abcdef";

    for (size_t i = 0; i < len; i++) {
        out[2 * i] = digits[in[i] >> 4];
        out[2 * i + 1] = digits[in[i] & 15];
    }
    return 2 * len;
}

/* Appends with a single write() so lines from concurrent processes sharing the file do not interleave. */
static void append_line(const char *path, const char *line, size_t len)
{
    /* 0600: the file holds secrets that decrypt the traffic. */
    int fd = open(path, O_WRONLY | O_APPEND | O_CREAT, 0600);

    if (fd < 0) {
        perror(path);
        return;
    }
    if (!cli_fd_write_all(fd, line, len)) {
        perror(path);
    }
    close(fd);
}

void cli_keylog_write(const SSL *ssl)
{
    const char *path = getenv("SSLKEYLOGFILE");
    unsigned char random[RANDOM_LEN], master[MASTER_LEN];
    char line[sizeof "CLIENT_RANDOM " + 2 * RANDOM_LEN + 1 + 2 * MASTER_LEN + 1];
    const SSL_SESSION *sess = SSL_get_session(ssl);
    size_t n = 0;

    if (path == NULL || *path == '\0' || sess == NULL) {
        return;
    }
    if (SSL_get_client_random(ssl, random, sizeof random) != RANDOM_LEN
        || SSL_SESSION_get_master_key(sess, master, sizeof master) != MASTER_LEN) {
        fprintf(stderr, "SSLKEYLOGFILE: no client random or master secret to log\n");
        OPENSSL_cleanse(master, sizeof master);
        return;
    }
    n += (size_t)snprintf(line, sizeof line, "CLIENT_RANDOM ");
    n += put_hex(line + n, random, sizeof random);
    line[n++] = ' ';
    n += put_hex(line + n, master, sizeof master);
    line[n++] = '\n';
    append_line(path, line, n);
    OPENSSL_cleanse(master, sizeof master);
    OPENSSL_cleanse(line, sizeof line);
}
