/* nettls: SSL_SESSION, which is the engine's struct ntls_session under OpenSSL's name (reference counted
 * by the engine; the master secret is wiped with the last reference), and the SSL calls about sessions. */
#include <string.h>

#include <openssl/err.h>
#include <openssl/ssl.h>

#include "core/session.h"
#include "ssl_local.h"

struct ntls_session *ntls_compat_session(const SSL_SESSION *s)
{
    return (struct ntls_session *)(void *)(uintptr_t)s;
}

SSL_SESSION *ntls_compat_ssl_session(struct ntls_session *s)
{
    return (SSL_SESSION *)(void *)s;
}

/* Before the handshake, the session SSL_set_session() gave; afterwards the connection's. */
SSL_SESSION *SSL_get_session(const SSL *s)
{
    struct ntls_session *sess = s->conn != NULL ? ntls_conn_session(s->conn) : s->offer;
    return ntls_compat_ssl_session(sess);
}

SSL_SESSION *SSL_get1_session(SSL *s)
{
    return ntls_compat_ssl_session(ntls_session_ref(ntls_compat_session(SSL_get_session(s))));
}

/* The session a client offers for resumption (RFC 2246 7.3); it must be set before the handshake. */
int SSL_set_session(SSL *to, SSL_SESSION *session)
{
    if (to->conn != NULL) {
        NTLS_SSLERR(ERR_R_SHOULD_NOT_HAVE_BEEN_CALLED);
        return 0;
    }
    struct ntls_session *s = ntls_session_ref(ntls_compat_session(session));
    ntls_session_unref(to->offer);
    to->offer = s;
    return 1;
}

int SSL_session_reused(SSL *s)
{
    return s->conn != NULL && ntls_conn_session_reused(s->conn) ? 1 : 0;
}

int SSL_SESSION_up_ref(SSL_SESSION *ses)
{
    ntls_session_ref(ntls_compat_session(ses));
    return 1;
}

void SSL_SESSION_free(SSL_SESSION *ses)
{
    ntls_session_unref(ntls_compat_session(ses));
}

const unsigned char *SSL_SESSION_get_id(const SSL_SESSION *s, unsigned int *len)
{
    const struct ntls_session *sess = ntls_compat_session(s);
    if (len != NULL) {
        *len = (unsigned int)sess->id_len;
    }
    return sess->id;
}

size_t SSL_SESSION_get_master_key(const SSL_SESSION *s, unsigned char *out, size_t outlen)
{
    const struct ntls_session *sess = ntls_compat_session(s);
    if (outlen == 0) {
        return NTLS_MASTER_SECRET_LEN;
    }
    size_t n = outlen < NTLS_MASTER_SECRET_LEN ? outlen : NTLS_MASTER_SECRET_LEN;
    memcpy(out, sess->master_secret, n);
    return n;
}

long SSL_SESSION_get_time(const SSL_SESSION *s)
{
    return s == NULL ? 0 : (long)ntls_compat_session(s)->created;
}

long SSL_SESSION_set_time(SSL_SESSION *s, long t)
{
    if (s == NULL) {
        return 0;
    }
    ntls_compat_session(s)->created = t;
    return t;
}

long SSL_SESSION_get_timeout(const SSL_SESSION *s)
{
    return s == NULL ? 0 : (long)ntls_compat_session(s)->timeout;
}

long SSL_SESSION_set_timeout(SSL_SESSION *s, long t)
{
    if (s == NULL || t < 0 || (unsigned long)t > UINT32_MAX) {
        return 0;
    }
    ntls_compat_session(s)->timeout = (uint32_t)t;
    return 1;
}
