/* nettls: socket and file-descriptor BIOs (BIO_s_socket, BIO_s_fd), what SSL_set_fd() uses.
 *
 * EINTR is retried here, so a blocking socket never reports a spurious retry; EAGAIN/EWOULDBLOCK (and the
 * other errors OpenSSL deems non-fatal) set the retry flags, which SSL_get_error() turns into
 * SSL_ERROR_WANT_READ/WANT_WRITE. A read of 0 is end of file. Sockets are written with MSG_NOSIGNAL so a
 * closed peer is EPIPE, not SIGPIPE; a descriptor that turns out not to be a socket falls back to write(). */
#include <errno.h>
#include <stdlib.h>
#include <sys/socket.h>
#include <unistd.h>

#include <openssl/bio.h>
#include <openssl/err.h>

#include "bio_local.h"

/* 1.1.0's BIO_sock_non_fatal_error: the errors that mean "try again later". */
int BIO_sock_non_fatal_error(int err)
{
    switch (err) {
    case EWOULDBLOCK:
#if EAGAIN != EWOULDBLOCK
    case EAGAIN:
#endif
    case EINTR:
    case EPROTO:
    case EINPROGRESS:
    case EALREADY:
    case ENOTCONN:
        return 1;
    default:
        return 0;
    }
}

int BIO_fd_non_fatal_error(int err)
{
    return BIO_sock_non_fatal_error(err);
}

int BIO_sock_should_retry(int i)
{
    return (i == 0 || i == -1) ? BIO_sock_non_fatal_error(errno) : 0;
}

int BIO_fd_should_retry(int i)
{
    return BIO_sock_should_retry(i);
}

static int fd_read(BIO *b, char *out, int len)
{
    ssize_t n;
    BIO_clear_retry_flags(b);
    errno = 0;
    do {
        n = read(b->num, out, (size_t)len);
    } while (n < 0 && errno == EINTR);
    if (n < 0 && BIO_sock_non_fatal_error(errno)) {
        BIO_set_retry_read(b);
    }
    return (int)n;
}

static int send_all_once(BIO *b, const char *in, int len)
{
    ssize_t n;
    do {
        n = send(b->num, in, (size_t)len, MSG_NOSIGNAL);
    } while (n < 0 && errno == EINTR);
    if (n < 0 && errno == ENOTSOCK) {
        do {
            n = write(b->num, in, (size_t)len);
        } while (n < 0 && errno == EINTR);
    }
    return (int)n;
}

static int sock_write(BIO *b, const char *in, int len)
{
    BIO_clear_retry_flags(b);
    errno = 0;
    int n = send_all_once(b, in, len);
    if (n < 0 && BIO_sock_non_fatal_error(errno)) {
        BIO_set_retry_write(b);
    }
    return n;
}

static int fd_write(BIO *b, const char *in, int len)
{
    ssize_t n;
    BIO_clear_retry_flags(b);
    errno = 0;
    do {
        n = write(b->num, in, (size_t)len);
    } while (n < 0 && errno == EINTR);
    if (n < 0 && BIO_sock_non_fatal_error(errno)) {
        BIO_set_retry_write(b);
    }
    return (int)n;
}

/* Reads one byte at a time, so nothing after the newline is consumed (1.1.0's fd_gets). */
static int fd_gets(BIO *b, char *buf, int size)
{
    int n = 0;
    while (n < size - 1) {
        int r = fd_read(b, &buf[n], 1);
        if (r <= 0) {
            break;
        }
        if (buf[n++] == '\n') {
            break;
        }
    }
    buf[n] = '\0';
    return n;
}

static int fd_create(BIO *b)
{
    b->num = -1;
    b->init = 0;
    return 1;
}

static int fd_destroy(BIO *b)
{
    if (b->shutdown && b->init && b->num >= 0) {
        close(b->num);
    }
    b->num = -1;
    b->init = 0;
    return 1;
}

static long fd_ctrl(BIO *b, int cmd, long larg, void *parg)
{
    int handled;
    long r = ntls_bio_common_ctrl(b, cmd, larg, parg, &handled);
    if (handled) {
        return r;
    }
    switch (cmd) {
    case BIO_C_SET_FD:
        fd_destroy(b);
        b->num = *(int *)parg;
        b->shutdown = (int)larg;
        b->init = 1;
        return 1;
    case BIO_C_GET_FD:
        if (!b->init) {
            return -1;
        }
        if (parg != NULL) {
            *(int *)parg = b->num;
        }
        return b->num;
    case BIO_CTRL_EOF:
        return 0;
    case BIO_CTRL_RESET:
        return 0;
    default:
        return 0;
    }
}

static const BIO_METHOD socket_method = {
    .type = BIO_TYPE_SOCKET,
    .name = "socket",
    .bwrite = sock_write,
    .bread = fd_read,
    .bgets = NULL, /* as in OpenSSL: a socket BIO has no gets */
    .ctrl = fd_ctrl,
    .create = fd_create,
    .destroy = fd_destroy,
};

static const BIO_METHOD fd_method = {
    .type = BIO_TYPE_FD,
    .name = "file descriptor",
    .bwrite = fd_write,
    .bread = fd_read,
    .bgets = fd_gets,
    .ctrl = fd_ctrl,
    .create = fd_create,
    .destroy = fd_destroy,
};

const BIO_METHOD *BIO_s_socket(void)
{
    return &socket_method;
}

const BIO_METHOD *BIO_s_fd(void)
{
    return &fd_method;
}

static BIO *new_with_fd(const BIO_METHOD *m, int fd, int close_flag)
{
    BIO *b = BIO_new(m);
    if (b != NULL) {
        BIO_set_fd(b, fd, close_flag);
    }
    return b;
}

BIO *BIO_new_socket(int sock, int close_flag)
{
    return new_with_fd(&socket_method, sock, close_flag);
}

BIO *BIO_new_fd(int fd, int close_flag)
{
    return new_with_fd(&fd_method, fd, close_flag);
}
