/* SSL_CTX: lifecycle, options, modes, version bounds, cipher strings, certificate and key loading.
 * Built against nettls and against the system OpenSSL 3 (see tls_pair.h for where they differ). */
#include <criterion/criterion.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include <openssl/err.h>
#include <openssl/ssl.h>

#include "tls_pair.h"

static void setup(void)
{
    signal(SIGPIPE, SIG_IGN); /* a peer that has gone is an error to report, as in real programs */
    OPENSSL_init_ssl(0, NULL);
    ERR_clear_error();
}

TestSuite(ssl_ctx, .init = setup, .timeout = 30);

Test(ssl_ctx, new_without_method_fails_with_reason)
{
    cr_assert_null(SSL_CTX_new(NULL));
    cr_assert_eq(ERR_GET_LIB(ERR_peek_error()), ERR_LIB_SSL);
    cr_assert_eq(tls_reason(), SSL_R_NULL_SSL_METHOD_PASSED);
}

Test(ssl_ctx, references_and_the_ssl_objects_keep_it_alive)
{
    SSL_CTX *ctx = SSL_CTX_new(TLS_method());
    cr_assert_not_null(ctx);
    cr_assert_eq(SSL_CTX_up_ref(ctx), 1);
    SSL_CTX_free(ctx);
    SSL *ssl = SSL_new(ctx);
    cr_assert_not_null(ssl);
    SSL_CTX_free(ctx); /* the SSL still holds one */
    cr_assert_eq(SSL_get_SSL_CTX(ssl), ctx);
    cr_assert_eq(SSL_CTX_get_options(SSL_get_SSL_CTX(ssl)), SSL_get_options(ssl));
    SSL_free(ssl);
    SSL_free(NULL);
    SSL_CTX_free(NULL);
}

Test(ssl_ctx, options_are_set_cleared_and_copied_into_new_ssls)
{
    SSL_CTX *ctx = SSL_CTX_new(TLS_method());
    unsigned long base = SSL_CTX_get_options(ctx);
    unsigned long op = SSL_OP_NO_SSLv3 | SSL_OP_NO_TLSv1_1 | SSL_OP_NO_TLSv1_2;
    op |= SSL_OP_CIPHER_SERVER_PREFERENCE;
    cr_assert_eq(SSL_CTX_set_options(ctx, op), base | op);
    cr_assert_eq(SSL_CTX_get_options(ctx), base | op);
    cr_assert_eq(SSL_CTX_set_options(ctx, SSL_OP_NO_SSLv2), base | op); /* 0 in 1.1.0 and later */
    SSL *ssl = SSL_new(ctx);
    cr_assert_eq(SSL_get_options(ssl), base | op);
    cr_assert_eq(SSL_CTX_clear_options(ctx, SSL_OP_CIPHER_SERVER_PREFERENCE),
                 (base | op) & ~(unsigned long)SSL_OP_CIPHER_SERVER_PREFERENCE);
    cr_assert_eq(SSL_get_options(ssl), base | op, "an SSL keeps the options it was made with");
    cr_assert_eq(SSL_clear_options(ssl, SSL_OP_NO_SSLv3), (base | op) & ~(unsigned long)SSL_OP_NO_SSLv3);
    SSL_free(ssl);
    SSL_CTX_free(ctx);
}

Test(ssl_ctx, modes_are_set_and_cleared_through_ctrl)
{
    SSL_CTX *ctx = SSL_CTX_new(TLS_method());
    long base = SSL_CTX_get_mode(ctx);
    cr_assert_eq(SSL_CTX_set_mode(ctx, SSL_MODE_ENABLE_PARTIAL_WRITE), base | SSL_MODE_ENABLE_PARTIAL_WRITE);
    cr_assert_eq(SSL_CTX_set_mode(ctx, SSL_MODE_AUTO_RETRY) & SSL_MODE_AUTO_RETRY, SSL_MODE_AUTO_RETRY);
    cr_assert_eq(SSL_CTX_clear_mode(ctx, SSL_MODE_ENABLE_PARTIAL_WRITE) & SSL_MODE_ENABLE_PARTIAL_WRITE, 0);
    SSL *ssl = SSL_new(ctx);
    cr_assert_eq(SSL_get_mode(ssl), SSL_CTX_get_mode(ctx));
    long mode = SSL_set_mode(ssl, SSL_MODE_RELEASE_BUFFERS);
    cr_assert_eq(mode & SSL_MODE_RELEASE_BUFFERS, SSL_MODE_RELEASE_BUFFERS);
    SSL_free(ssl);
    SSL_CTX_free(ctx);
}

Test(ssl_ctx, protocol_bounds_accept_tls_versions_and_refuse_others)
{
    SSL_CTX *ctx = SSL_CTX_new(TLS_method());
    cr_assert_eq(SSL_CTX_set_min_proto_version(ctx, TLS1_VERSION), 1);
    cr_assert_eq(SSL_CTX_set_max_proto_version(ctx, TLS1_VERSION), 1);
    cr_assert_eq(SSL_CTX_get_min_proto_version(ctx), TLS1_VERSION);
    cr_assert_eq(SSL_CTX_get_max_proto_version(ctx), TLS1_VERSION);
    cr_assert_eq(SSL_CTX_set_max_proto_version(ctx, TLS1_2_VERSION), 1);
    cr_assert_eq(SSL_CTX_get_max_proto_version(ctx), TLS1_2_VERSION);
    cr_assert_eq(SSL_CTX_set_min_proto_version(ctx, 0x9999), 0);
    cr_assert_eq(SSL_CTX_get_min_proto_version(ctx), TLS1_VERSION, "a refused bound changes nothing");
    cr_assert_eq(SSL_CTX_set_min_proto_version(ctx, 0), 1);
    cr_assert_eq(SSL_CTX_get_min_proto_version(ctx), 0);
    SSL *ssl = SSL_new(ctx);
    cr_assert_eq(SSL_set_max_proto_version(ssl, TLS1_VERSION), 1);
    cr_assert_eq(SSL_get_max_proto_version(ssl), TLS1_VERSION);
    SSL_free(ssl);
    SSL_CTX_free(ctx);
}

/* A client whose options and bounds leave no protocol fails before it sends anything, with OpenSSL's
 * "no protocols available". */
static void expect_no_protocol(SSL_CTX *ctx)
{
    int fds[2];
    cr_assert_eq(socketpair(AF_UNIX, SOCK_STREAM, 0, fds), 0);
    SSL *ssl = SSL_new(ctx);
    SSL_set_fd(ssl, fds[0]);
    cr_assert_eq(SSL_connect(ssl), -1);
    cr_assert_eq(SSL_get_error(ssl, -1), SSL_ERROR_SSL);
    cr_assert_eq(tls_reason(), SSL_R_NO_PROTOCOLS_AVAILABLE);
    char text[256];
    ERR_error_string_n(ERR_get_error(), text, sizeof text);
    cr_assert(strstr(text, "no protocols available") != NULL, "%s", text);
    SSL_free(ssl);
    close(fds[0]);
    close(fds[1]);
}

Test(ssl_ctx, no_tlsv1_option_leaves_no_protocol_and_says_so)
{
    SSL_CTX *ctx = tls_client_ctx("DEFAULT");
    SSL_CTX_set_options(ctx, SSL_OP_NO_SSLv2 | SSL_OP_NO_SSLv3 | SSL_OP_NO_TLSv1);
    expect_no_protocol(ctx);
    SSL_CTX_free(ctx);
}

Test(ssl_ctx, min_version_above_tls10_leaves_no_protocol)
{
    SSL_CTX *ctx = tls_client_ctx("DEFAULT");
    cr_assert_eq(SSL_CTX_set_min_proto_version(ctx, TLS1_1_VERSION), 1);
    expect_no_protocol(ctx);
    SSL_CTX_free(ctx);
}

/* ---------------------------------------------------------------------------------------------------- */
/* Cipher strings. The names compared are the RSA-key-transport suites both libraries have, so the
 * assertions hold for nettls and for OpenSSL 3 (which also lists TLS 1.3, ECDHE, DHE and anonymous
 * suites). */

static const char *const common[] = { "AES256-SHA", "CAMELLIA256-SHA", "AES128-SHA", "CAMELLIA128-SHA",
                                      "NULL-SHA", "NULL-MD5" };

static int is_common(const char *name)
{
    for (size_t i = 0; i < sizeof common / sizeof common[0]; i++) {
        if (strcmp(common[i], name) == 0) {
            return 1;
        }
    }
    return 0;
}

/* The selected suites among the common ones, in order, as "A:B:C"; "(error)" when the string is refused. */
static const char *selected(const char *str)
{
    static char out[512];
    SSL_CTX *ctx = SSL_CTX_new(TLS_method());
    out[0] = '\0';
    if (SSL_CTX_set_cipher_list(ctx, str) != 1) {
        SSL_CTX_free(ctx);
        ERR_clear_error();
        return "(error)";
    }
    SSL *ssl = SSL_new(ctx);
    const char *name;
    for (int i = 0; (name = SSL_get_cipher_list(ssl, i)) != NULL; i++) {
        if (is_common(name)) {
            if (out[0] != '\0') {
                strcat(out, ":");
            }
            strcat(out, name);
        }
    }
    SSL_free(ssl);
    SSL_CTX_free(ctx);
    return out;
}

struct cipher_case {
    const char *str, *want;
};

static const struct cipher_case cases[] = {
    { "AES128-SHA" TLS_SECLEVEL0, "AES128-SHA" },
    { "kRSA" TLS_SECLEVEL0, "AES256-SHA:CAMELLIA256-SHA:AES128-SHA:CAMELLIA128-SHA:NULL-SHA:NULL-MD5" },
    { "RSA" TLS_SECLEVEL0, "AES256-SHA:CAMELLIA256-SHA:AES128-SHA:CAMELLIA128-SHA:NULL-SHA:NULL-MD5" },
    { "HIGH:!aNULL" TLS_SECLEVEL0, "AES256-SHA:CAMELLIA256-SHA:AES128-SHA:CAMELLIA128-SHA" },
    { "ALL" TLS_SECLEVEL0, "AES256-SHA:CAMELLIA256-SHA:AES128-SHA:CAMELLIA128-SHA" },
    { "ALL:eNULL" TLS_SECLEVEL0, "AES256-SHA:CAMELLIA256-SHA:AES128-SHA:CAMELLIA128-SHA:NULL-SHA:NULL-MD5" },
    { "eNULL" TLS_SECLEVEL0, "NULL-SHA:NULL-MD5" },
    { "NULL-MD5:NULL-SHA" TLS_SECLEVEL0, "NULL-MD5:NULL-SHA" },
    { "kRSA+AES" TLS_SECLEVEL0, "AES256-SHA:AES128-SHA" },
    { "AES+RSA" TLS_SECLEVEL0, "AES256-SHA:AES128-SHA" },
    { "CAMELLIA+kRSA" TLS_SECLEVEL0, "CAMELLIA256-SHA:CAMELLIA128-SHA" },
    { "kRSA+AES128" TLS_SECLEVEL0, "AES128-SHA" },
    { "kRSA+SHA1+AES256" TLS_SECLEVEL0, "AES256-SHA" },
    { "kRSA+MD5" TLS_SECLEVEL0, "NULL-MD5" },
    { "AES128-SHA:AES256-SHA" TLS_SECLEVEL0, "AES128-SHA:AES256-SHA" },
    { "AES128-SHA:AES256-SHA:@STRENGTH" TLS_SECLEVEL0, "AES256-SHA:AES128-SHA" },
    { "AES128-SHA AES256-SHA:+AES128-SHA" TLS_SECLEVEL0, "AES256-SHA:AES128-SHA" },
    { "AES128-SHA;AES256-SHA" TLS_SECLEVEL0, "AES128-SHA:AES256-SHA" },
    { "AES128-SHA,AES256-SHA" TLS_SECLEVEL0, "AES128-SHA:AES256-SHA" },
    { "kRSA+AES:-AES128:AES128-SHA" TLS_SECLEVEL0, "AES256-SHA:AES128-SHA" },
    { "!AES128-SHA:kRSA+AES" TLS_SECLEVEL0, "AES256-SHA" },
    { "kRSA:!CAMELLIA:!eNULL" TLS_SECLEVEL0, "AES256-SHA:AES128-SHA" },
    { "FOO:AES128-SHA" TLS_SECLEVEL0, "AES128-SHA" },   /* unknown words are ignored */
    { "AES128-SHA:DEFAULT" TLS_SECLEVEL0, "AES128-SHA" }, /* DEFAULT counts only at the start */
    { "DEFAULT:!AES256:!CAMELLIA" TLS_SECLEVEL0, "AES128-SHA" },
    { "FOO", "(error)" },                                /* nothing selected */
    { "", "(error)" },
    { "aes128-sha", "(error)" },                          /* names are case-sensitive */
    { "AES128-SHA#", "(error)" },                         /* not a word character */
    { "AES128-SHA:@FOO", "(error)" },                     /* unknown special command */
};

Test(ssl_ctx, cipher_strings_select_as_openssl_does)
{
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        cr_expect_str_eq(selected(cases[i].str), cases[i].want, "cipher string \"%s\"", cases[i].str);
    }
}

Test(ssl_ctx, default_list_leaves_out_rc4_3des_and_null)
{
    SSL_CTX *ctx = SSL_CTX_new(TLS_method());
    SSL *ssl = SSL_new(ctx);
    int aes128 = 0, aes256 = 0;
    const char *name;
    for (int i = 0; (name = SSL_get_cipher_list(ssl, i)) != NULL; i++) {
        cr_expect(strstr(name, "RC4") == NULL && strstr(name, "DES-CBC3") == NULL, "%s", name);
        cr_expect(strstr(name, "NULL") == NULL && strncmp(name, "ADH", 3) != 0, "%s", name);
        cr_expect(strncmp(name, "EXP", 3) != 0, "%s", name);
        aes128 |= strcmp(name, "AES128-SHA") == 0;
        aes256 |= strcmp(name, "AES256-SHA") == 0;
    }
    cr_assert(aes128 && aes256);
    cr_assert_eq(sk_SSL_CIPHER_num(SSL_get_ciphers(ssl)), sk_SSL_CIPHER_num(SSL_CTX_get_ciphers(ctx)));
    SSL_free(ssl);
    SSL_CTX_free(ctx);
}

/* The first suite of ssl's list that both libraries have (OpenSSL 3 puts its TLS 1.3 suites first). */
static const char *first_common(SSL *ssl)
{
    const char *name;
    for (int i = 0; (name = SSL_get_cipher_list(ssl, i)) != NULL; i++) {
        if (is_common(name)) {
            return name;
        }
    }
    return "(none)";
}

Test(ssl_ctx, refused_cipher_strings)
{
    SSL_CTX *ctx = SSL_CTX_new(TLS_method());
    cr_assert_eq(SSL_CTX_set_cipher_list(ctx, "AES128-SHA" TLS_SECLEVEL0), 1);
    cr_assert_eq(SSL_CTX_set_cipher_list(ctx, "AES256-SHA#"), 0);
    cr_assert_eq(tls_reason(), SSL_R_INVALID_COMMAND);
    ERR_clear_error();
    cr_assert_eq(SSL_CTX_set_cipher_list(ctx, "NOSUCHSUITE"), 0);
    cr_assert_eq(tls_reason(), SSL_R_NO_CIPHER_MATCH);
    cr_assert_eq(SSL_CTX_set_cipher_list(ctx, "AES128-SHA" TLS_SECLEVEL0), 1); /* OpenSSL emptied it */
    SSL *ssl = SSL_new(ctx);
    cr_assert_str_eq(first_common(ssl), "AES128-SHA");
    cr_assert_eq(SSL_set_cipher_list(ssl, "AES256-SHA" TLS_SECLEVEL0), 1);
    cr_assert_str_eq(first_common(ssl), "AES256-SHA");
    SSL_free(ssl);
    SSL_CTX_free(ctx);
}

#ifdef NETTLS_VERSION_NUMBER
/* Where nettls departs from OpenSSL on purpose: a string that selects nothing leaves the list as it was
 * (OpenSSL empties it); RC4 and 3DES, which OpenSSL 3's libssl lacks; @SECLEVEL (tls_pair.h). */
Test(ssl_ctx, nettls_a_string_that_selects_nothing_keeps_the_list)
{
    SSL_CTX *ctx = SSL_CTX_new(TLS_method());
    cr_assert_eq(SSL_CTX_set_cipher_list(ctx, "AES128-SHA"), 1);
    cr_assert_eq(SSL_CTX_set_cipher_list(ctx, "NOSUCHSUITE"), 0);
    SSL *ssl = SSL_new(ctx);
    cr_assert_str_eq(SSL_get_cipher_list(ssl, 0), "AES128-SHA");
    cr_assert_null(SSL_get_cipher_list(ssl, 1));
    SSL_free(ssl);
    SSL_CTX_free(ctx);
    ERR_clear_error();
}

Test(ssl_ctx, nettls_rc4_and_3des_only_when_named)
{
    cr_assert_str_eq(selected("RC4-SHA:RC4-MD5"), "");
    SSL_CTX *ctx = SSL_CTX_new(TLS_method());
    cr_assert_eq(SSL_CTX_set_cipher_list(ctx, "kRSA+3DES:kRSA+RC4"), 1);
    SSL *ssl = SSL_new(ctx);
    cr_assert_str_eq(SSL_get_cipher_list(ssl, 0), "DES-CBC3-SHA");
    cr_assert_str_eq(SSL_get_cipher_list(ssl, 1), "RC4-SHA");
    cr_assert_str_eq(SSL_get_cipher_list(ssl, 2), "RC4-MD5");
    cr_assert_null(SSL_get_cipher_list(ssl, 3));
    SSL_free(ssl);
    SSL_CTX_free(ctx);
}

Test(ssl_ctx, nettls_seclevel_drops_weak_suites)
{
    cr_assert_str_eq(selected("NULL-SHA:AES128-SHA:@SECLEVEL=0"), "NULL-SHA:AES128-SHA");
    cr_assert_str_eq(selected("NULL-SHA:AES128-SHA:@SECLEVEL=1"), "AES128-SHA");
    cr_assert_str_eq(selected("AES128-SHA:AES256-SHA:@SECLEVEL=4"), "AES256-SHA");
    cr_assert_str_eq(selected("NULL-SHA:@SECLEVEL=1"), "(error)");
    cr_assert_str_eq(selected("AES128-SHA:@SECLEVEL=9"), "(error)");
}
#endif

/* ---------------------------------------------------------------------------------------------------- */
/* Certificates and keys */

Test(ssl_ctx, certificate_and_matching_key_load)
{
    SSL_CTX *ctx = SSL_CTX_new(TLS_server_method());
    cr_assert_eq(SSL_CTX_check_private_key(ctx), 0);
    cr_assert_eq(tls_reason(), SSL_R_NO_CERTIFICATE_ASSIGNED);
    ERR_clear_error();
    cr_assert_eq(SSL_CTX_use_certificate_chain_file(ctx, tls_fixture("chain.pem")), 1);
    cr_assert_eq(SSL_CTX_use_certificate_file(ctx, tls_fixture("server-rsa.pem"), SSL_FILETYPE_PEM), 1);
    cr_assert_eq(SSL_CTX_check_private_key(ctx), 0);
    cr_assert_eq(tls_reason(), SSL_R_NO_PRIVATE_KEY_ASSIGNED);
    ERR_clear_error();
    cr_assert_eq(SSL_CTX_use_PrivateKey_file(ctx, tls_fixture("server-rsa.key"), SSL_FILETYPE_PEM), 1);
    cr_assert_eq(SSL_CTX_check_private_key(ctx), 1);
    cr_assert_eq(ERR_peek_error(), 0);
    SSL_CTX_free(ctx);
}

Test(ssl_ctx, a_key_that_does_not_match_is_refused)
{
    SSL_CTX *ctx = SSL_CTX_new(TLS_server_method());
    cr_assert_eq(SSL_CTX_use_certificate_file(ctx, tls_fixture("server-rsa.pem"), SSL_FILETYPE_PEM), 1);
    cr_assert_eq(SSL_CTX_use_PrivateKey_file(ctx, tls_fixture("client-rsa.key"), SSL_FILETYPE_PEM), 0);
    int found = 0;
    unsigned long e;
    while ((e = ERR_get_error()) != 0) {
        found |= ERR_GET_LIB(e) == ERR_LIB_X509 && ERR_GET_REASON(e) == X509_R_KEY_VALUES_MISMATCH;
    }
    cr_assert(found, "X509 \"key values mismatch\" is queued");
    SSL_CTX_free(ctx);
}

Test(ssl_ctx, missing_files_fail_with_an_error)
{
    SSL_CTX *ctx = SSL_CTX_new(TLS_server_method());
    cr_assert_eq(SSL_CTX_use_certificate_chain_file(ctx, "/nonexistent/cert.pem"), 0);
    cr_assert_neq(ERR_peek_error(), 0);
    ERR_clear_error();
    cr_assert_eq(SSL_CTX_use_PrivateKey_file(ctx, "/nonexistent/key.pem", SSL_FILETYPE_PEM), 0);
    cr_assert_neq(ERR_peek_error(), 0);
    ERR_clear_error();
    /* A file with no certificate in it. */
    cr_assert_eq(SSL_CTX_use_certificate_chain_file(ctx, tls_fixture("server-rsa.key")), 0);
    cr_assert_neq(ERR_peek_error(), 0);
    ERR_clear_error();
    cr_assert_eq(SSL_CTX_load_verify_locations(ctx, "/nonexistent/ca.pem", NULL), 0);
    cr_assert_neq(ERR_peek_error(), 0);
    ERR_clear_error();
    cr_assert_eq(SSL_CTX_load_verify_locations(ctx, tls_fixture("ca-rsa.pem"), NULL), 1);
    SSL_CTX_free(ctx);
}

Test(ssl_ctx, client_ca_names_and_verify_settings)
{
    SSL_CTX *ctx = SSL_CTX_new(TLS_server_method());
    STACK_OF(X509_NAME) *names = SSL_load_client_CA_file(tls_fixture("ca-rsa.pem"));
    cr_assert_not_null(names);
    cr_assert_eq(sk_X509_NAME_num(names), 1);
    char line[256];
    X509_NAME_oneline(sk_X509_NAME_value(names, 0), line, sizeof line);
    cr_assert_str_eq(line, "/C=US/O=nettls/CN=nettls Test RSA CA");
    SSL_CTX_set_client_CA_list(ctx, names);
    cr_assert_eq(SSL_CTX_get_client_CA_list(ctx), names);
    cr_assert_null(SSL_load_client_CA_file("/nonexistent/ca.pem"));
    ERR_clear_error();

    SSL_CTX_set_verify(ctx, SSL_VERIFY_PEER | SSL_VERIFY_FAIL_IF_NO_PEER_CERT, NULL);
    SSL_CTX_set_verify_depth(ctx, 4);
    cr_assert_eq(SSL_CTX_get_verify_mode(ctx), SSL_VERIFY_PEER | SSL_VERIFY_FAIL_IF_NO_PEER_CERT);
    cr_assert_eq(SSL_CTX_get_verify_depth(ctx), 4);
    SSL *ssl = SSL_new(ctx);
    cr_assert_eq(SSL_get_verify_mode(ssl), SSL_VERIFY_PEER | SSL_VERIFY_FAIL_IF_NO_PEER_CERT);
    cr_assert_eq(SSL_get_verify_depth(ssl), 4);
    cr_assert_eq(SSL_get_verify_result(ssl), X509_V_OK);
    SSL_free(ssl);
    SSL_CTX_free(ctx);
}

Test(ssl_ctx, session_settings)
{
    SSL_CTX *ctx = SSL_CTX_new(TLS_server_method());
    unsigned char sid[SSL_MAX_SID_CTX_LENGTH + 1] = { 0 };
    cr_assert_eq(SSL_CTX_set_session_id_context(ctx, sid, sizeof sid), 0);
    cr_assert_eq(tls_reason(), SSL_R_SSL_SESSION_ID_CONTEXT_TOO_LONG);
    ERR_clear_error();
    cr_assert_eq(SSL_CTX_set_session_id_context(ctx, sid, SSL_MAX_SID_CTX_LENGTH), 1);
    cr_assert_eq(SSL_CTX_get_session_cache_mode(ctx), SSL_SESS_CACHE_SERVER);
    cr_assert_eq(SSL_CTX_set_session_cache_mode(ctx, SSL_SESS_CACHE_BOTH), SSL_SESS_CACHE_SERVER);
    cr_assert_eq(SSL_CTX_get_session_cache_mode(ctx), SSL_SESS_CACHE_BOTH);
    cr_assert_eq(SSL_CTX_sess_set_cache_size(ctx, 10), SSL_SESSION_CACHE_MAX_SIZE_DEFAULT);
    cr_assert_eq(SSL_CTX_sess_get_cache_size(ctx), 10);
    cr_assert_eq(SSL_CTX_sess_number(ctx), 0);
    long old = SSL_CTX_set_timeout(ctx, 60);
    cr_assert_gt(old, 0);
    cr_assert_eq(SSL_CTX_get_timeout(ctx), 60);
    SSL_CTX_free(ctx);
}

Test(ssl_ctx, method_roles)
{
    SSL_CTX *any = SSL_CTX_new(SSLv23_method());
    SSL_CTX *client = SSL_CTX_new(SSLv23_client_method());
    SSL_CTX *server = SSL_CTX_new(TLS_server_method());
    SSL *a = SSL_new(any), *c = SSL_new(client), *s = SSL_new(server);
    cr_assert_eq(SSL_is_server(c), 0);
    cr_assert_eq(SSL_is_server(s), 1);
    SSL_set_connect_state(a);
    cr_assert_eq(SSL_is_server(a), 0);
    SSL_set_accept_state(a);
    cr_assert_eq(SSL_is_server(a), 1);
    cr_assert(SSL_in_init(a) && SSL_in_before(a) && !SSL_is_init_finished(a));
    SSL_free(a);
    SSL_free(c);
    SSL_free(s);
    SSL_CTX_free(any);
    SSL_CTX_free(client);
    SSL_CTX_free(server);
}
