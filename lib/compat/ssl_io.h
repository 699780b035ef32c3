/* nettls: the I/O loop shared by ssl_io.c and ssl_state.c (SSL_shutdown). */
#ifndef NTLS_COMPAT_SSL_IO_H
#define NTLS_COMPAT_SSL_IO_H

#include <stdbool.h>

#include <openssl/ssl.h>

enum ntls_compat_pump {
    NTLS_PUMP_OK,    /* done(s) holds */
    NTLS_PUMP_RETRY, /* the BIO would block; s->rwstate says which way */
    NTLS_PUMP_EOF,   /* the transport ended (or the connection is closed) */
    NTLS_PUMP_IOERR, /* the transport failed; errno says why */
    NTLS_PUMP_FATAL, /* the connection failed; the ERR queue says why */
};

/* Moves bytes between s's BIOs and its connection (which MUST exist) until done(s) is true. */
enum ntls_compat_pump ntls_compat_pump_until(SSL *s, bool (*done)(SSL *s));
/* True when nothing sealed waits to be written (a pump_until() target). */
bool ntls_compat_flushed(SSL *s);
/* Releases the connection's record buffers when nothing is buffered. */
void ntls_compat_idle(SSL *s);

#endif
