/*
 * Moving bytes: full writes to sockets, files and connections, the reading of SSL_get_error(), close_notify,
 * and the client's poll loop between stdin/stdout and the connection.
 */
#include <errno.h>
#include <poll.h>
#include <stdio.h>
#include <unistd.h>

#include <openssl/err.h>
#include <openssl/ssl.h>

#include "cli_common.h"

void cli_error(const char *what)
{
    fprintf(stderr, "%s\n", what);
    ERR_print_errors_fp(stderr);
}

int cli_fd_write_all(int fd, const void *buf, size_t len)
{
    const unsigned char *p = buf;

    while (len > 0) {
        ssize_t n = write(fd, p, len);

        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n <= 0) {
            return 0;
        }
        p += n;
        len -= (size_t)n;
    }
    return 1;
}

int cli_ssl_status(SSL *ssl, int r, const char *what)
{
    int err = SSL_get_error(ssl, r);

    switch (err) {
    case SSL_ERROR_ZERO_RETURN:
        return CLI_IO_CLOSED;
    case SSL_ERROR_WANT_READ:
    case SSL_ERROR_WANT_WRITE:
        /* 1.1.0 has no SSL_MODE_AUTO_RETRY by default: a non-data record can end a blocking read early. */
        return CLI_IO_RETRY;
    case SSL_ERROR_SYSCALL:
        if (ERR_peek_last_error() == 0) {
            if (r == 0 || errno == 0) {
                fprintf(stderr, "%s: the peer closed the connection without close_notify\n", what);
            } else {
                perror(what);
            }
            return CLI_IO_ERROR;
        }
        break;
    default:
        break;
    }
    fprintf(stderr, "%s failed (SSL_get_error %d)\n", what, err);
    ERR_print_errors_fp(stderr);
    return CLI_IO_ERROR;
}

int cli_ssl_write_all(SSL *ssl, const void *buf, size_t len)
{
    const unsigned char *p = buf;

    while (len > 0) {
        int chunk = len > 16384 ? 16384 : (int)len;
        int r = SSL_write(ssl, p, chunk);

        if (r > 0) {
            p += r;
            len -= (size_t)r;
        } else if (cli_ssl_status(ssl, r, "SSL_write") != CLI_IO_RETRY) {
            return 0;
        }
    }
    return 1;
}

int cli_shutdown(SSL *ssl)
{
    int r;

    if (SSL_get_shutdown(ssl) & SSL_SENT_SHUTDOWN) {
        return 1;
    }
    r = SSL_shutdown(ssl);
    if (r >= 0) {
        return 1;
    }
    /* Answering a close_notify: the peer may already have closed its socket, which is its right. */
    if (SSL_get_shutdown(ssl) & SSL_RECEIVED_SHUTDOWN) {
        ERR_clear_error();
        return 1;
    }
    return cli_ssl_status(ssl, r, "SSL_shutdown") == CLI_IO_CLOSED;
}

/* One read from stdin into the connection; at EOF sends close_notify. Returns 0 on error. */
static int from_stdin(SSL *ssl, int *in_open)
{
    char buf[16384];
    ssize_t n = read(STDIN_FILENO, buf, sizeof buf);

    if (n < 0) {
        if (errno == EINTR) {
            return 1;
        }
        perror("stdin");
        return 0;
    }
    if (n > 0) {
        return cli_ssl_write_all(ssl, buf, (size_t)n);
    }
    /* EOF: nothing more to say; the peer answers close_notify once it has sent what it has. */
    *in_open = 0;
    if (SSL_shutdown(ssl) < 0) {
        cli_error("SSL_shutdown");
        return 0;
    }
    return 1;
}

/* One SSL_read() into stdout. Returns a CLI_IO_* status; CLI_IO_RETRY means "go on". */
static int to_stdout(SSL *ssl)
{
    char buf[16384];
    int r = SSL_read(ssl, buf, sizeof buf);

    if (r <= 0) {
        return cli_ssl_status(ssl, r, "SSL_read");
    }
    if (!cli_fd_write_all(STDOUT_FILENO, buf, (size_t)r)) {
        perror("stdout");
        return CLI_IO_ERROR;
    }
    return CLI_IO_RETRY;
}

int cli_pump(SSL *ssl)
{
    int in_open = 1;
    int status = CLI_IO_RETRY;

    while (status == CLI_IO_RETRY) {
        /* Decrypted bytes already buffered inside the SSL object would not wake poll(). */
        if (SSL_pending(ssl) <= 0) {
            struct pollfd p[2] = { { SSL_get_fd(ssl), POLLIN, 0 }, { STDIN_FILENO, POLLIN, 0 } };

            if (poll(p, in_open ? 2 : 1, -1) < 0) {
                if (errno == EINTR) {
                    continue;
                }
                perror("poll");
                return 0;
            }
            if (in_open && p[1].revents != 0 && !from_stdin(ssl, &in_open)) {
                return 0;
            }
            if (p[0].revents == 0) {
                continue;
            }
        }
        status = to_stdout(ssl);
    }
    return status == CLI_IO_CLOSED;
}
