/*
 * Shared pieces of nettls-client and nettls-server, command-line tools in the spirit of `openssl s_client`
 * and `openssl s_server`. They use only the OpenSSL 1.1.0 API, so the same sources build against nettls and
 * against the system OpenSSL (ossl-client, ossl-server), which is how the interop tests check the tools.
 */
#ifndef NETTLS_TOOLS_CLI_COMMON_H
#define NETTLS_TOOLS_CLI_COMMON_H

#include <stddef.h>

#include <openssl/ssl.h>

/* Exit statuses, relied on by compat-tests/interop/interop.py. */
enum {
    CLI_EXIT_OK = 0,
    CLI_EXIT_FAIL = 1,       /* handshake, certificate, I/O or socket failure */
    CLI_EXIT_USAGE = 2,      /* bad command line */
    CLI_EXIT_NO_CIPHER = 3,  /* -cipher matched no suite this library has */
};

/* Which tool a flag belongs to. */
enum {
    CLI_CLIENT = 1,
    CLI_SERVER = 2,
};

/* Everything either tool can be told on its command line; cli_opts_parse() fills it. */
struct cli_opts {
    const char *connect;      /* client: host:port */
    const char *accept;       /* server: [host:]port, host defaults to 127.0.0.1; port 0 picks one */
    const char *cert;         /* PEM chain file (leaf first) */
    const char *key;          /* PEM private key file */
    const char *cafile;       /* PEM trust anchors; on the server also the CA names sent to clients */
    const char *cipher;       /* OpenSSL cipher string */
    const char *groups;       /* ECDHE groups, OpenSSL names separated by ':' */
    const char *dhparam;      /* server: PEM DH parameters; default: the library's built-in group */
    const char *servername;   /* client: SNI host name to send */
    const char *sess_in;      /* client: PEM session to resume */
    const char *sess_out;     /* PEM file the session is written to after the handshake */
    int verify;               /* -verify N: peer verification at depth N; -1 when off */
    int verify_require;       /* server -Verify N: like -verify, and a client certificate is required */
    int tls1;                 /* pin the protocol version to TLS 1.0 */
    int reconnect;            /* client: a second connection resuming the first session */
    int www;                  /* server: answer a GET with a status page instead of echoing */
    int quiet;                /* print no connection facts */
    int msg;                  /* trace handshake messages and alerts */
    int naccept;              /* server: exit after this many connections; 0 means never */
};

/* Parses argv for the tool `role`. Prints usage and exits on -help (0) or a mistake (CLI_EXIT_USAGE). */
void cli_opts_parse(struct cli_opts *o, int role, int argc, char **argv);

/*
 * Builds the SSL_CTX both tools share: method, version pin, cipher string, certificate and key, trust
 * anchors, verification. Returns NULL after printing the reason; *exit_code says which CLI_EXIT_* applies.
 */
SSL_CTX *cli_ctx_new(const struct cli_opts *o, int role, int *exit_code);

/* Connects a TCP socket to "host:port". Returns the descriptor or -1 after printing the reason. */
int cli_net_connect(const char *hostport);

/* Binds and listens on "[host:]port" and prints "ACCEPT host:port" (flushed). Returns the socket or -1. */
int cli_net_listen(const char *hostport);

/* -msg: an SSL_set_msg_callback() callback, one line per handshake message, alert and ChangeCipherSpec. */
void cli_msg_cb(int write_p, int version, int content_type, const void *buf, size_t len, SSL *ssl, void *arg);

/* Appends the connection's NSS key log line to the file named by SSLKEYLOGFILE, if that is set. */
void cli_keylog_write(const SSL *ssl);

/* Prints the facts of an established connection (chain, protocol, cipher, session id, verify result). */
void cli_report_print(SSL *ssl, int role);

/* Prints "Verify return code: N (text)". */
void cli_report_verify(const SSL *ssl);

/* Writes the connection's session to a PEM file. Returns 1 on success. */
int cli_session_save(SSL *ssl, const char *path);

/* Reads a PEM session; NULL after printing the reason. The caller frees it. */
SSL_SESSION *cli_session_load(const char *path);

/* SSL_write()s all of buf. Returns 1, or 0 after printing the error. */
int cli_ssl_write_all(SSL *ssl, const void *buf, size_t len);

/* Writes all of buf to a file descriptor, retrying short writes. Returns 1, or 0 on error. */
int cli_fd_write_all(int fd, const void *buf, size_t len);

/* What an SSL_read()/SSL_write()/SSL_shutdown() result r <= 0 means, from cli_ssl_status(). */
enum {
    CLI_IO_RETRY,   /* nothing lost: call again */
    CLI_IO_CLOSED,  /* the peer sent close_notify */
    CLI_IO_ERROR,   /* anything else, including EOF without close_notify; already printed, tagged `what` */
};
int cli_ssl_status(SSL *ssl, int r, const char *what);

/*
 * Copies stdin to the connection and the connection to stdout. At EOF on stdin it sends close_notify and
 * keeps reading until the peer's close_notify or EOF. Returns 1 when the connection ended cleanly.
 */
int cli_pump(SSL *ssl);

/*
 * Sends close_notify unless already sent. Returns 1 on success, and also when the peer sent its own and has
 * already gone; 0 after printing the failure.
 */
int cli_shutdown(SSL *ssl);

/* Prints `what` and the OpenSSL error queue to stderr. */
void cli_error(const char *what);

#endif /* NETTLS_TOOLS_CLI_COMMON_H */
