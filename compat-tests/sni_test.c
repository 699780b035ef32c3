/* Server name indication on the API (SSL_set_tlsext_host_name(3), SSL_get_servername(3),
 * SSL_CTX_set_tlsext_servername_callback(3), SSL_set_SSL_CTX): a server switches its certificate by the
 * name the client asked for, or refuses the name with an alert. Built against nettls and against the
 * system OpenSSL 3 (tls_pair.h). */
#include <criterion/criterion.h>
#include <string.h>

#include <openssl/err.h>
#include <openssl/ssl.h>
#include <openssl/x509.h>

#include "mem_pair.h"
#include "tls_pair.h"

static void setup(void)
{
    OPENSSL_init_ssl(0, NULL);
    ERR_clear_error();
}

TestSuite(sni, .init = setup, .timeout = 60);

struct sni_state {
    SSL_CTX *other; /* the context for "other.example" */
    int calls;
    char seen[64];
};

static int servername_cb(SSL *ssl, int *alert, void *arg)
{
    struct sni_state *st = arg;
    st->calls++;
    const char *name = SSL_get_servername(ssl, TLSEXT_NAMETYPE_host_name);
    strncpy(st->seen, name != NULL ? name : "", sizeof st->seen - 1);
    if (name == NULL || strcmp(name, "localhost") == 0) {
        return SSL_TLSEXT_ERR_OK;
    }
    if (strcmp(name, "other.example") == 0) {
        cr_assert_eq(SSL_set_SSL_CTX(ssl, st->other), st->other);
        cr_assert_eq(SSL_get_SSL_CTX(ssl), st->other);
        return SSL_TLSEXT_ERR_OK;
    }
    *alert = SSL_AD_UNRECOGNIZED_NAME;
    return SSL_TLSEXT_ERR_ALERT_FATAL;
}

/* The CN of the server certificate the client got. */
static void peer_cn(SSL *c, char *out, size_t n)
{
    X509 *x = SSL_get_peer_certificate(c);
    cr_assert_not_null(x);
    char line[256];
    cr_assert_not_null(X509_NAME_oneline(X509_get_subject_name(x), line, sizeof line));
    const char *cn = strstr(line, "/CN=");
    cr_assert_not_null(cn);
    strncpy(out, cn + 4, n - 1);
    out[n - 1] = '\0';
    X509_free(x);
}

static void contexts(SSL_CTX **cctx, SSL_CTX **sctx, struct sni_state *st)
{
    *cctx = tls_client_ctx("AES128-SHA");
    *sctx = tls_server_ctx("AES128-SHA", "server-rsa.pem", "server-rsa.key");
    st->other = tls_server_ctx("AES128-SHA", "leaf-inter.pem", "server-rsa.key");
    cr_assert(*cctx != NULL && *sctx != NULL && st->other != NULL);
    cr_assert_eq(SSL_CTX_set_tlsext_servername_callback(*sctx, servername_cb), 1);
    cr_assert_eq(SSL_CTX_set_tlsext_servername_arg(*sctx, st), 1);
}

static void free_contexts(SSL_CTX *cctx, SSL_CTX *sctx, struct sni_state *st)
{
    SSL_CTX_free(cctx);
    SSL_CTX_free(sctx);
    SSL_CTX_free(st->other);
}

Test(sni, server_switches_certificate_by_name)
{
    SSL_CTX *cctx, *sctx;
    struct sni_state st;
    memset(&st, 0, sizeof st);
    contexts(&cctx, &sctx, &st);
    struct mem_pair p;
    char cn[64];

    mem_pair_new(&p, cctx, sctx);
    cr_assert_eq(SSL_set_tlsext_host_name(p.c, "other.example"), 1);
    cr_assert_str_eq(SSL_get_servername(p.c, TLSEXT_NAMETYPE_host_name), "other.example");
    cr_assert_null(SSL_get_servername(p.s, TLSEXT_NAMETYPE_host_name));
    cr_assert_eq(mem_pair_handshake(&p, NULL, NULL), 1);
    cr_assert_eq(st.calls, 1);
    cr_assert_str_eq(st.seen, "other.example");
    cr_assert_str_eq(SSL_get_servername(p.s, TLSEXT_NAMETYPE_host_name), "other.example");
    cr_assert_eq(SSL_get_servername_type(p.s), TLSEXT_NAMETYPE_host_name);
    peer_cn(p.c, cn, sizeof cn);
    cr_assert_str_eq(cn, "leaf.example.com");
    mem_pair_free(&p);

    mem_pair_new(&p, cctx, sctx);
    cr_assert_eq(SSL_set_tlsext_host_name(p.c, "localhost"), 1);
    cr_assert_eq(mem_pair_handshake(&p, NULL, NULL), 1);
    peer_cn(p.c, cn, sizeof cn);
    cr_assert_str_eq(cn, "localhost");
    cr_assert_eq(SSL_get_SSL_CTX(p.s), sctx);
    mem_pair_free(&p);

    /* No name: the server has none to report. */
    mem_pair_new(&p, cctx, sctx);
    cr_assert_eq(mem_pair_handshake(&p, NULL, NULL), 1);
    cr_assert_null(SSL_get_servername(p.s, TLSEXT_NAMETYPE_host_name));
    cr_assert_eq(SSL_get_servername_type(p.s), -1);
    mem_pair_free(&p);
    free_contexts(cctx, sctx, &st);
}

Test(sni, refused_name_is_a_fatal_alert)
{
    SSL_CTX *cctx, *sctx;
    struct sni_state st;
    memset(&st, 0, sizeof st);
    contexts(&cctx, &sctx, &st);
    struct mem_pair p;
    mem_pair_new(&p, cctx, sctx);
    cr_assert_eq(SSL_set_tlsext_host_name(p.c, "nobody.example"), 1);
    int rc, rs;
    cr_assert_eq(mem_pair_handshake(&p, &rc, &rs), 0);
    cr_assert_eq(rs, -1);
    cr_assert_eq(SSL_get_error(p.s, rs), SSL_ERROR_SSL);
    ERR_clear_error();
    /* The client reads the alert: reason SSL_AD_REASON_OFFSET + unrecognized_name. */
    rc = SSL_do_handshake(p.c);
    cr_assert_eq(rc, -1);
    cr_assert_eq(SSL_get_error(p.c, rc), SSL_ERROR_SSL);
    cr_assert_eq(ERR_GET_REASON(ERR_peek_error()), SSL_R_TLSV1_UNRECOGNIZED_NAME);
    ERR_clear_error();
    mem_pair_free(&p);
    free_contexts(cctx, sctx, &st);
}

Test(sni, host_name_limits)
{
    SSL_CTX *cctx = tls_client_ctx("AES128-SHA");
    SSL *c = SSL_new(cctx);
    cr_assert_not_null(c);
    char longname[300];
    memset(longname, 'a', sizeof longname - 1);
    longname[sizeof longname - 1] = '\0';
    cr_assert_eq(SSL_set_tlsext_host_name(c, longname), 0); /* RFC 6066 3: at most 255 bytes */
    cr_assert_eq(ERR_GET_REASON(ERR_peek_error()), SSL_R_SSL3_EXT_INVALID_SERVERNAME);
    ERR_clear_error();
    cr_assert_eq(SSL_set_tlsext_host_name(c, "a.example"), 1);
    cr_assert_eq(SSL_set_tlsext_host_name(c, NULL), 1); /* clears it */
    cr_assert_null(SSL_get_servername(c, TLSEXT_NAMETYPE_host_name));
    SSL_free(c);
    SSL_CTX_free(cctx);
}
