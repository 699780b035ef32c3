/* nettls: SSL_do_handshake, SSL_read and SSL_write over the engine's four channels (lib/core/conn.h) and
 * the SSL's BIOs, in the shape of BearSSL's run_until (src/ssl/ssl_io.c).
 *
 * pump_until() moves bytes until the engine reaches what the caller waits for: sealed records go out
 * first, then wire bytes come in while the engine asks for them. A BIO that cannot make progress stops it
 * with SSL_ERROR_WANT_READ/WANT_WRITE; every call can be repeated after that and goes on where it stopped
 * (an interrupted SSL_write() remembers in s->wnum how much of its buffer is already sealed). Buffers go
 * back to the heap when a call leaves nothing buffered (the idle connection target is 8 KiB). */
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include <openssl/bio.h>
#include <openssl/err.h>
#include <openssl/ssl.h>

#include "internal.h"
#include "ssl_io.h"
#include "ssl_local.h"

/* A server that requires a client certificate and got none (RFC 2246 7.4.6). */
static bool client_cert_missing(SSL *s)
{
    int required = SSL_VERIFY_PEER | SSL_VERIFY_FAIL_IF_NO_PEER_CERT;
    size_t n = 0;
    (void)ntls_conn_peer_chain(s->conn, &n);
    return (s->set.verify_mode & required) == required && n == 0;
}

/* Queues the ERR entry for the engine's failure, OpenSSL's way: an alert from the peer is reason
 * SSL_AD_REASON_OFFSET + alert ("sslv3 alert handshake failure"); our own failures have their reason. */
static void push_engine_error(SSL *s)
{
    enum ntls_err e = ntls_conn_last_error(s->conn);
    int reason;
    if (e == NTLS_E_PEER_ALERT) {
        reason = ntls_compat_alert_reason(ntls_conn_alert_received(s->conn));
    } else if (s->verify_failed) {
        reason = SSL_R_CERTIFICATE_VERIFY_FAILED;
    } else if (s->server && e == NTLS_E_HANDSHAKE_FAILURE && ntls_conn_suite(s->conn) == NULL) {
        reason = SSL_R_NO_SHARED_CIPHER; /* failed before a suite was chosen */
    } else if (s->server && e == NTLS_E_HANDSHAKE_FAILURE && client_cert_missing(s)) {
        reason = SSL_R_PEER_DID_NOT_RETURN_A_CERTIFICATE;
    } else {
        reason = ntls_compat_ssl_reason(e);
    }
    NTLS_SSLERR(reason != 0 ? reason : ERR_R_INTERNAL_ERROR);
}

static bool output_pending(SSL *s)
{
    size_t len;
    (void)ntls_conn_sendrec_buf(s->conn, &len);
    return len > 0;
}

/* Writes what the engine has sealed. */
static enum ntls_compat_pump flush(SSL *s)
{
    size_t len;
    const uint8_t *p;
    while ((p = ntls_conn_sendrec_buf(s->conn, &len)) != NULL && len > 0) {
        if (s->wbio == NULL) {
            NTLS_SSLERR(SSL_R_BIO_NOT_SET);
            return NTLS_PUMP_FATAL;
        }
        int n = BIO_write(s->wbio, p, len > INT_MAX ? INT_MAX : (int)len);
        if (n <= 0) {
            if (BIO_should_retry(s->wbio)) {
                s->rwstate = SSL_WRITING;
                return NTLS_PUMP_RETRY;
            }
            return NTLS_PUMP_IOERR;
        }
        ntls_conn_sendrec_ack(s->conn, (size_t)n);
    }
    return NTLS_PUMP_OK;
}

/* Reads once from the transport into the engine. */
static enum ntls_compat_pump fill(SSL *s)
{
    size_t room;
    uint8_t *p = ntls_conn_recvrec_buf(s->conn, &room);
    if (p == NULL || room == 0) {
        return NTLS_PUMP_OK; /* the engine failed (NOMEM) or changed its mind: the caller looks again */
    }
    if (s->rbio == NULL) {
        NTLS_SSLERR(SSL_R_READ_BIO_NOT_SET);
        return NTLS_PUMP_FATAL;
    }
    int n = BIO_read(s->rbio, p, room > INT_MAX ? INT_MAX : (int)room);
    if (n > 0) {
        ntls_conn_recvrec_ack(s->conn, (size_t)n);
        return NTLS_PUMP_OK;
    }
    if (BIO_should_retry(s->rbio)) {
        s->rwstate = SSL_READING;
        return NTLS_PUMP_RETRY;
    }
    /* End of file, or a transport error: either way nothing more will come (RFC 2246 7.2.1: without
     * close_notify this is a truncation, and the engine forgets the session). */
    ntls_conn_recvrec_eof(s->conn);
    return n == 0 ? NTLS_PUMP_EOF : NTLS_PUMP_IOERR;
}

/* The engine failed: report it and try once to send the alert it queued. */
static enum ntls_compat_pump fail(SSL *s)
{
    push_engine_error(s);
    int rwstate = s->rwstate;
    (void)flush(s);
    s->rwstate = rwstate;
    return NTLS_PUMP_FATAL;
}

static bool readable(SSL *s);

enum ntls_compat_pump ntls_compat_pump_until(SSL *s, bool (*done)(SSL *s))
{
    for (;;) {
        if (ntls_conn_last_error(s->conn) != NTLS_E_OK) {
            return fail(s);
        }
        enum ntls_compat_pump r;
        if (output_pending(s)) {
            r = flush(s);
            /* An SSL_write() that could not finish does not stop SSL_read(): OpenSSL reads while the
             * write waits, and two peers that both write would otherwise wait for each other forever. */
            if (r == NTLS_PUMP_RETRY && done == readable) {
                if (done(s)) {
                    return NTLS_PUMP_OK;
                }
                if (ntls_conn_state(s->conn) & NTLS_ST_RECVREC) {
                    r = fill(s);
                }
            }
        } else if (done(s)) {
            return NTLS_PUMP_OK;
        } else if (ntls_conn_state(s->conn) & NTLS_ST_RECVREC) {
            r = fill(s);
        } else if (ntls_conn_state(s->conn) & NTLS_ST_CLOSED) {
            return NTLS_PUMP_EOF;
        } else {
            NTLS_SSLERR(ERR_R_INTERNAL_ERROR); /* the engine waits for nothing we can give */
            return NTLS_PUMP_FATAL;
        }
        if (r != NTLS_PUMP_OK) {
            return r;
        }
    }
}

void ntls_compat_idle(SSL *s)
{
    if (s->conn != NULL && ntls_conn_pending(s->conn) == 0 && !output_pending(s)) {
        ntls_conn_release_buffers(s->conn);
    }
}

/* ---------------------------------------------------------------------------------------------------- */
/* The handshake */

static bool handshake_done(SSL *s)
{
    return ntls_conn_handshake_done(s->conn);
}

/* What must hold before the first flight: a role the method allows, a protocol version left to speak,
 * and nothing asked of the engine that it cannot do. */
static bool may_start(SSL *s)
{
    const SSL_METHOD *m = s->ctx->method;
    if (!s->role_set) {
        NTLS_SSLERR(SSL_R_CONNECTION_TYPE_NOT_SET);
        return false;
    }
    if (s->server ? !m->can_accept : !m->can_connect) {
        NTLS_SSLERR(ERR_R_SHOULD_NOT_HAVE_BEEN_CALLED);
        return false;
    }
    if (!ntls_compat_tls10_allowed(m, &s->set)) {
        NTLS_SSLERR(SSL_R_NO_PROTOCOLS_AVAILABLE);
        return false;
    }
    return true;
}

static bool start(SSL *s)
{
    if (s->conn != NULL) {
        return true;
    }
    if (!may_start(s) || !ntls_compat_conn_make(s)) {
        return false;
    }
    ntls_result r = ntls_conn_start(s->conn);
    return ntls_is_ok(r) || ntls_conn_last_error(s->conn) != NTLS_E_OK; /* a failure is reported below */
}

int SSL_do_handshake(SSL *s)
{
    s->rwstate = SSL_NOTHING;
    if (!start(s)) {
        return -1;
    }
    enum ntls_compat_pump r = ntls_compat_pump_until(s, handshake_done);
    int ret = r == NTLS_PUMP_OK ? 1 : -1;
    if (s->set.info_cb != NULL) {
        s->set.info_cb(s, s->server ? SSL_CB_ACCEPT_EXIT : SSL_CB_CONNECT_EXIT, ret);
    }
    if (ret == 1) {
        ntls_compat_idle(s);
    }
    return ret;
}

/* SSL_read and SSL_write run the handshake first when it is not done (1.1.0's implicit handshake). */
static int ensure_handshake(SSL *s)
{
    if (!s->role_set) {
        NTLS_SSLERR(SSL_R_UNINITIALIZED);
        return -1;
    }
    if (s->conn != NULL && ntls_conn_handshake_done(s->conn)) {
        return 1;
    }
    return SSL_do_handshake(s);
}

/* ---------------------------------------------------------------------------------------------------- */
/* Reading */

static bool readable(SSL *s)
{
    return (ntls_conn_state(s->conn) & NTLS_ST_RECVAPP) || ntls_conn_close_received(s->conn);
}

static int read_common(SSL *s, void *buf, int num, bool peek)
{
    s->rwstate = SSL_NOTHING;
    if (num < 0) {
        NTLS_SSLERR(SSL_R_BAD_LENGTH);
        return -1;
    }
    int hs = ensure_handshake(s);
    if (hs != 1) {
        return hs;
    }
    if (num == 0) {
        return 0;
    }
    enum ntls_compat_pump r = ntls_compat_pump_until(s, readable);
    if (r != NTLS_PUMP_OK) {
        return r == NTLS_PUMP_EOF ? 0 : -1; /* 1.1.0: EOF without close_notify reads as 0, SYSCALL */
    }
    size_t len;
    const uint8_t *p = ntls_conn_recvapp_buf(s->conn, &len);
    if (p == NULL || len == 0) {
        return 0; /* close_notify: SSL_ERROR_ZERO_RETURN */
    }
    size_t n = len < (size_t)num ? len : (size_t)num;
    memcpy(buf, p, n);
    if (!peek) {
        ntls_conn_recvapp_ack(s->conn, n);
        ntls_compat_idle(s);
    }
    return (int)n;
}

int SSL_read(SSL *s, void *buf, int num)
{
    return read_common(s, buf, num, false);
}

int SSL_peek(SSL *s, void *buf, int num)
{
    return read_common(s, buf, num, true);
}

int SSL_pending(const SSL *s)
{
    size_t n = s->conn != NULL ? ntls_conn_pending(s->conn) : 0;
    return n > INT_MAX ? INT_MAX : (int)n;
}

int SSL_has_pending(const SSL *s)
{
    return SSL_pending(s) > 0;
}

/* ---------------------------------------------------------------------------------------------------- */
/* Writing */

static bool writable(SSL *s)
{
    return (ntls_conn_state(s->conn) & NTLS_ST_SENDAPP) != 0;
}

bool ntls_compat_flushed(SSL *s)
{
    return !output_pending(s);
}

/* Seals up to one record of buf[s->wnum..num). */
static bool seal_some(SSL *s, const uint8_t *buf, size_t num)
{
    size_t room;
    uint8_t *p = ntls_conn_sendapp_buf(s->conn, &room);
    if (p == NULL || room == 0) {
        return false;
    }
    size_t n = num - s->wnum < room ? num - s->wnum : room;
    memcpy(p, buf + s->wnum, n);
    ntls_conn_sendapp_ack(s->conn, n);
    s->wnum += n;
    return true;
}

int SSL_write(SSL *s, const void *buf, int num)
{
    s->rwstate = SSL_NOTHING;
    if (num < 0) {
        NTLS_SSLERR(SSL_R_BAD_LENGTH);
        return -1;
    }
    if ((s->shutdown & SSL_SENT_SHUTDOWN) || (s->conn != NULL && ntls_conn_close_sent(s->conn))) {
        NTLS_SSLERR(SSL_R_PROTOCOL_IS_SHUTDOWN);
        return -1;
    }
    int hs = ensure_handshake(s);
    if (hs != 1) {
        return hs;
    }
    if ((size_t)num < s->wnum) {
        NTLS_SSLERR(SSL_R_BAD_WRITE_RETRY);
        return -1;
    }
    bool partial = (s->set.mode & SSL_MODE_ENABLE_PARTIAL_WRITE) != 0;
    for (;;) {
        if (s->wnum == (size_t)num || (partial && s->wnum > 0)) {
            if (ntls_compat_pump_until(s, ntls_compat_flushed) != NTLS_PUMP_OK) {
                return -1;
            }
            int n = (int)s->wnum;
            s->wnum = 0;
            ntls_compat_idle(s);
            return n;
        }
        if (ntls_compat_pump_until(s, writable) != NTLS_PUMP_OK) {
            return -1;
        }
        if (!seal_some(s, buf, (size_t)num) && ntls_conn_last_error(s->conn) == NTLS_E_OK) {
            NTLS_SSLERR(ERR_R_INTERNAL_ERROR);
            return -1;
        }
    }
}
