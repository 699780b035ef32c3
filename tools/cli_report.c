/*
 * What the tools print about an established connection, laid out like s_client so that people and the interop
 * driver read it the same way:
 *   Certificate chain / " 0 s:<subject>" / "   i:<issuer>"
 *   "New, TLSv1, Cipher is AES128-SHA" (or "Reused, ...")
 *   "    Protocol  : TLSv1", "    Cipher    : AES128-SHA", "    Session-ID: <hex>"
 *   "    Verify return code: 0 (ok)"
 * and PEM session files for -sess_out/-sess_in.
 */
#include <stdio.h>

#include <openssl/bio.h>
#include <openssl/pem.h>
#include <openssl/ssl.h>
#include <openssl/x509.h>

#include "cli_common.h"

static void print_cert(int depth, X509 *x)
{
    char name[512];

    X509_NAME_oneline(X509_get_subject_name(x), name, sizeof name);
    printf("%2d s:%s\n", depth, name);
    X509_NAME_oneline(X509_get_issuer_name(x), name, sizeof name);
    printf("   i:%s\n", name);
}

/*
 * The peer's chain as it was sent. A client's SSL_get_peer_cert_chain() starts with the server's leaf; a
 * server's leaves out the client's leaf, which SSL_get_peer_certificate() gives.
 */
static void print_chain(SSL *ssl, int role)
{
    X509 *leaf = SSL_get_peer_certificate(ssl);
    STACK_OF(X509) *chain = SSL_get_peer_cert_chain(ssl);
    int depth = 0;

    if (leaf == NULL) {
        printf(role == CLI_CLIENT ? "no peer certificate available\n" : "no client certificate available\n");
        return;
    }
    printf(role == CLI_CLIENT ? "Certificate chain\n" : "Client certificate chain\n");
    if (role == CLI_SERVER) {
        print_cert(depth++, leaf);
    }
    for (int i = 0; chain != NULL && i < sk_X509_num(chain); i++) {
        print_cert(depth++, sk_X509_value(chain, i));
    }
    X509_free(leaf);
}

static void print_session_id(const SSL_SESSION *sess)
{
    unsigned int len = 0;
    const unsigned char *id = sess != NULL ? SSL_SESSION_get_id(sess, &len) : NULL;

    printf("    Session-ID: ");
    for (unsigned int i = 0; id != NULL && i < len; i++) {
        printf("%02X", id[i]);
    }
    printf("\n");
}

void cli_report_verify(const SSL *ssl)
{
    long v = SSL_get_verify_result(ssl);

    printf("    Verify return code: %ld (%s)\n", v, X509_verify_cert_error_string(v));
}

void cli_report_print(SSL *ssl, int role)
{
    const char *cipher = SSL_CIPHER_get_name(SSL_get_current_cipher(ssl));
    const char *sni = SSL_get_servername(ssl, TLSEXT_NAMETYPE_host_name);
    int has_peer_cert;
    X509 *peer = SSL_get_peer_certificate(ssl);

    has_peer_cert = peer != NULL;
    X509_free(peer);
    printf("---\n");
    print_chain(ssl, role);
    printf("---\n");
    if (role == CLI_SERVER) {
        printf("Server name: %s\n", sni != NULL ? sni : "(none)");
    }
    printf("%s, %s, Cipher is %s\n", SSL_session_reused(ssl) ? "Reused" : "New", SSL_get_version(ssl),
           cipher);
    printf("SSL-Session:\n");
    printf("    Protocol  : %s\n", SSL_get_version(ssl));
    printf("    Cipher    : %s\n", cipher);
    print_session_id(SSL_get_session(ssl));
    if (role == CLI_CLIENT || has_peer_cert) {
        cli_report_verify(ssl);
    }
    printf("---\n");
    fflush(stdout);
}

int cli_session_save(SSL *ssl, const char *path)
{
    BIO *out = BIO_new_file(path, "w");
    int ok = out != NULL && PEM_write_bio_SSL_SESSION(out, SSL_get_session(ssl)) == 1;

    if (!ok) {
        cli_error(path);
    }
    BIO_free(out);
    return ok;
}

SSL_SESSION *cli_session_load(const char *path)
{
    BIO *in = BIO_new_file(path, "r");
    SSL_SESSION *sess = in != NULL ? PEM_read_bio_SSL_SESSION(in, NULL, NULL, NULL) : NULL;

    if (sess == NULL) {
        cli_error(path);
    }
    BIO_free(in);
    return sess;
}
