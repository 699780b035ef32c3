/* The SSL_CTX both tools build from their options. */
#include <stdio.h>

#include <openssl/dh.h>
#include <openssl/err.h>
#include <openssl/pem.h>
#include <openssl/ssl.h>

#include "cli_common.h"

/* Names the session cache; OpenSSL-API servers refuse to resume a verified client's session without one. */
static const unsigned char session_ctx[] = "nettls-server";

static int set_version(SSL_CTX *ctx, const struct cli_opts *o)
{
    if (!o->tls1) {
        return 1;
    }
    if (!SSL_CTX_set_min_proto_version(ctx, TLS1_VERSION)
        || !SSL_CTX_set_max_proto_version(ctx, TLS1_VERSION)) {
        cli_error("cannot pin the protocol version to TLS 1.0");
        return 0;
    }
    return 1;
}

static int load_identity(SSL_CTX *ctx, const struct cli_opts *o, int role)
{
    if (o->cert == NULL) {
        if (role == CLI_SERVER) {
            fprintf(stderr, "a server needs -cert\n");
            return 0;
        }
        return 1;
    }
    if (SSL_CTX_use_certificate_chain_file(ctx, o->cert) != 1) {
        cli_error(o->cert);
        return 0;
    }
    if (SSL_CTX_use_PrivateKey_file(ctx, o->key, SSL_FILETYPE_PEM) != 1) {
        cli_error(o->key);
        return 0;
    }
    if (SSL_CTX_check_private_key(ctx) != 1) {
        cli_error("the private key does not match the certificate");
        return 0;
    }
    return 1;
}

/* Trust anchors; a server also names them in its CertificateRequest so a client picks a matching identity. */
static int load_trust(SSL_CTX *ctx, const struct cli_opts *o, int role)
{
    if (o->cafile == NULL) {
        if (role == CLI_CLIENT && SSL_CTX_set_default_verify_paths(ctx) != 1) {
            ERR_clear_error(); /* no system store is not an error, as in s_client */
        }
        return 1;
    }
    if (SSL_CTX_load_verify_locations(ctx, o->cafile, NULL) != 1) {
        cli_error(o->cafile);
        return 0;
    }
    if (role == CLI_SERVER) {
        STACK_OF(X509_NAME) *names = SSL_load_client_CA_file(o->cafile);

        if (names == NULL) {
            cli_error(o->cafile);
            return 0;
        }
        SSL_CTX_set_client_CA_list(ctx, names);
    }
    return 1;
}

static void set_verify(SSL_CTX *ctx, const struct cli_opts *o, int role)
{
    int mode = SSL_VERIFY_PEER;
    int depth = o->verify;

    if (role == CLI_SERVER && o->verify_require >= 0) {
        mode |= SSL_VERIFY_FAIL_IF_NO_PEER_CERT;
        depth = o->verify_require;
    }
    if (depth < 0) {
        return; /* SSL_VERIFY_NONE: the chain is still checked and its result printed, as by s_client */
    }
    if (role == CLI_SERVER) {
        mode |= SSL_VERIFY_CLIENT_ONCE;
    }
    SSL_CTX_set_verify(ctx, mode, NULL);
    SSL_CTX_set_verify_depth(ctx, depth);
}

/* Ephemeral key exchange: the ECDHE groups, and a server's DH group from -dhparam or else the library's
 * built-in one (SSL_CTX_set_dh_auto, as s_server does when it has no parameters). */
static int set_kx(SSL_CTX *ctx, const struct cli_opts *o, int role)
{
    if (o->groups != NULL && SSL_CTX_set1_groups_list(ctx, o->groups) != 1) {
        cli_error("-groups names an unknown group");
        return 0;
    }
    if (role != CLI_SERVER) {
        return 1;
    }
    if (o->dhparam == NULL) {
        if (SSL_CTX_set_dh_auto(ctx, 1) != 1) {
            cli_error("SSL_CTX_set_dh_auto");
            return 0;
        }
        return 1;
    }
    FILE *f = fopen(o->dhparam, "r");
    DH *dh = f != NULL ? PEM_read_DHparams(f, NULL, NULL, NULL) : NULL;
    int ok = dh != NULL && SSL_CTX_set_tmp_dh(ctx, dh) == 1;
    if (!ok) {
        cli_error(o->dhparam);
    }
    DH_free(dh);
    if (f != NULL) {
        fclose(f);
    }
    return ok;
}

static int configure(SSL_CTX *ctx, const struct cli_opts *o, int role, int *exit_code)
{
    if (!set_version(ctx, o)) {
        return 0;
    }
    if (o->cipher != NULL && SSL_CTX_set_cipher_list(ctx, o->cipher) != 1) {
        cli_error("-cipher matched no cipher suite");
        *exit_code = CLI_EXIT_NO_CIPHER;
        return 0;
    }
    if (!load_identity(ctx, o, role) || !load_trust(ctx, o, role) || !set_kx(ctx, o, role)) {
        return 0;
    }
    set_verify(ctx, o, role);
    if (role == CLI_SERVER
        && SSL_CTX_set_session_id_context(ctx, session_ctx, (unsigned int)(sizeof session_ctx - 1)) != 1) {
        cli_error("cannot set the session id context");
        return 0;
    }
    return 1;
}

SSL_CTX *cli_ctx_new(const struct cli_opts *o, int role, int *exit_code)
{
    SSL_CTX *ctx = SSL_CTX_new(role == CLI_CLIENT ? TLS_client_method() : TLS_server_method());

    *exit_code = CLI_EXIT_FAIL;
    if (ctx == NULL) {
        cli_error("SSL_CTX_new");
        return NULL;
    }
    if (!configure(ctx, o, role, exit_code)) {
        SSL_CTX_free(ctx);
        return NULL;
    }
    return ctx;
}
