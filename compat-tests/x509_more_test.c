/* The X509 and BIO calls wget makes beyond the rest of the API: a certificate's SubjectPublicKeyInfo as DER
 * (X509_get_X509_PUBKEY, i2d_X509_PUBKEY, for --pinnedpubkey), a2i_IPADDRESS, BIO_number_read/written,
 * the file lookup of an X509_STORE, and SSL_CTX_get_cert_store, whose anchors and flags the handshake uses.
 * Each check holds for OpenSSL 3 too; nettls's refusal of CRL files is under NETTLS_VERSION_NUMBER. */
#include <stdio.h>
#include <string.h>

#include <criterion/criterion.h>

#include <openssl/asn1.h>
#include <openssl/bio.h>
#include <openssl/crypto.h>
#include <openssl/err.h>
#include <openssl/pem.h>
#include <openssl/ssl.h>
#include <openssl/x509.h>
#include <openssl/x509_vfy.h>
#include <openssl/x509v3.h>

#include "tls_pair.h"

#define SUITE "AES128-SHA"

static X509 *load(const char *name)
{
    FILE *f = fopen(tls_fixture(name), "r");
    cr_assert(f != NULL, "%s", name);
    X509 *x = PEM_read_X509(f, NULL, NULL, NULL);
    fclose(f);
    cr_assert(x != NULL, "%s", name);
    return x;
}

/* The SPKI DER is the element inside the certificate's DER: for this 2048-bit RSA key, the 294 bytes
 * `openssl x509 -pubkey | openssl pkey -pubin -outform DER` prints. */
Test(x509_pubkey, der_of_spki)
{
    X509 *x = load("server-rsa.pem");
    X509_PUBKEY *pk = X509_get_X509_PUBKEY(x);
    cr_assert(pk != NULL);
    int len = i2d_X509_PUBKEY(pk, NULL);
    cr_assert_eq(len, 294);
    unsigned char *buf = OPENSSL_malloc((size_t)len), *p = buf;
    cr_assert_eq(i2d_X509_PUBKEY(pk, &p), len);
    cr_assert_eq(p, buf + len);
    cr_assert_eq(buf[0], 0x30); /* SEQUENCE, two length octets */
    cr_assert_eq(buf[1], 0x82);
    cr_assert_eq(4 + (buf[2] << 8 | buf[3]), len);
    unsigned char *alloc = NULL;
    cr_assert_eq(i2d_X509_PUBKEY(pk, &alloc), len);
    cr_assert(alloc != NULL);
    cr_assert_eq(memcmp(alloc, buf, (size_t)len), 0);
    OPENSSL_free(alloc);
    unsigned char *cert = NULL;
    int cert_len = i2d_X509(x, &cert);
    cr_assert_gt(cert_len, len);
    int found = 0;
    for (int i = 0; i + len <= cert_len; i++) {
        found |= memcmp(cert + i, buf, (size_t)len) == 0;
    }
    cr_assert(found);
    OPENSSL_free(cert);
    OPENSSL_free(buf);
    X509_free(x);
}

Test(x509_ipaddr, text_to_octets)
{
    static const unsigned char v4[] = { 127, 0, 0, 1 };
    static const unsigned char v6[] = { 0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1 };
    ASN1_OCTET_STRING *s = a2i_IPADDRESS("127.0.0.1");
    cr_assert(s != NULL);
    cr_assert_eq(ASN1_STRING_length(s), 4);
    cr_assert_eq(memcmp(ASN1_STRING_get0_data(s), v4, 4), 0);
    ASN1_OCTET_STRING_free(s);
    s = a2i_IPADDRESS("2001:db8::1");
    cr_assert(s != NULL);
    cr_assert_eq(ASN1_STRING_length(s), 16);
    cr_assert_eq(memcmp(ASN1_STRING_get0_data(s), v6, 16), 0);
    ASN1_OCTET_STRING_free(s);
    cr_assert_null(a2i_IPADDRESS("www.example.com"));
    cr_assert_null(a2i_IPADDRESS("256.1.1.1"));
    cr_assert_null(a2i_IPADDRESS("1::2::3"));
}

/* What the method moved, as wget's X509_NAME_print_ex into a memory BIO relies on. */
Test(bio_count, read_and_written)
{
    BIO *b = BIO_new(BIO_s_mem());
    cr_assert(b != NULL);
    cr_assert_eq(BIO_number_written(b), 0);
    cr_assert_eq(BIO_write(b, "hello", 5), 5);
    cr_assert_eq(BIO_puts(b, " you\n"), 5);
    cr_assert_eq(BIO_printf(b, "%d", 42), 2);
    cr_assert_eq(BIO_number_written(b), 12);
    cr_assert_eq(BIO_number_read(b), 0);
    char buf[16];
    cr_assert_eq(BIO_gets(b, buf, sizeof buf), 10); /* BIO_gets is not counted (1.1.0 and 3) */
    cr_assert_eq(BIO_number_read(b), 0);
    cr_assert_eq(BIO_read(b, buf, sizeof buf), 2);
    cr_assert_eq(BIO_read(b, buf, sizeof buf), -1); /* empty: nothing counted */
    cr_assert_eq(BIO_number_read(b), 2);
    cr_assert_eq(BIO_number_written(b), 12);
    BIO_free(b);
}

Test(x509_lookup, file_certificates)
{
    X509_STORE *st = X509_STORE_new();
    X509_LOOKUP *lu = X509_STORE_add_lookup(st, X509_LOOKUP_file());
    cr_assert(lu != NULL);
    cr_assert_eq(X509_STORE_add_lookup(st, X509_LOOKUP_file()), lu); /* one per method */
    cr_assert_eq(X509_load_cert_file(lu, tls_fixture("ca-rsa.pem"), X509_FILETYPE_PEM), 1);
    ERR_clear_error();
    cr_assert_eq(X509_load_cert_file(lu, tls_fixture("no-such-file.pem"), X509_FILETYPE_PEM), 0);
    cr_assert_neq(ERR_peek_error(), 0);
    ERR_clear_error();
    /* a PEM file holding no CRL */
    cr_assert_eq(X509_load_crl_file(lu, tls_fixture("ca-rsa.pem"), X509_FILETYPE_PEM), 0);
    cr_assert_neq(ERR_peek_error(), 0);
    ERR_clear_error();

    X509 *leaf = load("server-rsa.pem");
    X509_STORE_CTX *ctx = X509_STORE_CTX_new();
    cr_assert_eq(X509_STORE_CTX_init(ctx, st, leaf, NULL), 1);
    cr_assert_eq(X509_verify_cert(ctx), 1); /* the anchor the lookup loaded */
    X509_STORE_CTX_free(ctx);
    X509_free(leaf);
    X509_STORE_free(st);
}

#ifdef NETTLS_VERSION_NUMBER
/* nettls has no CRLs: any CRL file is refused rather than loaded and then ignored. */
Test(x509_lookup, crl_refused)
{
    X509_STORE *st = X509_STORE_new();
    X509_LOOKUP *lu = X509_STORE_add_lookup(st, X509_LOOKUP_file());
    ERR_clear_error();
    cr_assert_eq(X509_load_crl_file(lu, tls_fixture("ca-rsa.pem"), X509_FILETYPE_PEM), 0);
    cr_assert_eq(ERR_GET_REASON(ERR_peek_error()), ERR_GET_REASON(ERR_R_DISABLED));
    ERR_clear_error();
    X509_STORE_free(st);
}
#endif

/* A client whose anchors come in through SSL_CTX_get_cert_store; returns its verify result. */
static long handshake_via_store(const char *anchor, unsigned long store_flags)
{
    SSL_CTX *client_ctx = tls_client_ctx(SUITE);
    X509_STORE *st = SSL_CTX_get_cert_store(client_ctx);
    cr_assert(st != NULL);
    cr_assert_eq(SSL_CTX_get_cert_store(client_ctx), st);
    X509_LOOKUP *lu = X509_STORE_add_lookup(st, X509_LOOKUP_file());
    cr_assert_eq(X509_load_cert_file(lu, tls_fixture(anchor), X509_FILETYPE_PEM), 1);
    if (store_flags != 0) {
        cr_assert_eq(X509_STORE_set_flags(st, store_flags), 1);
    }
    SSL_CTX_set_verify(client_ctx, SSL_VERIFY_NONE, NULL); /* as wget: the result is read afterwards */
    SSL_CTX *server_ctx = tls_server_ctx(SUITE, "server-rsa.pem", "server-rsa.key");
    struct tls_side client = { .run = tls_do_connect }, server = { .run = tls_do_accept };
    tls_run(client_ctx, &client, server_ctx, &server);
    cr_assert_eq(client.ret, 1);
    cr_assert_eq(server.ret, 1);
    long result = SSL_get_verify_result(client.ssl);
    tls_sides_free(&client, &server);
    SSL_CTX_free(server_ctx);
    SSL_CTX_free(client_ctx);
    return result;
}

Test(ssl_cert_store, anchors_reach_handshake)
{
    cr_assert_eq(handshake_via_store("ca-rsa.pem", 0), X509_V_OK);
    cr_assert_eq(handshake_via_store("ec-p256.pem", 0), X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT_LOCALLY);
}

/* The store's flags count: trusting the leaf itself verifies only with X509_V_FLAG_PARTIAL_CHAIN. */
Test(ssl_cert_store, flags_reach_handshake)
{
    cr_assert_neq(handshake_via_store("server-rsa.pem", 0), X509_V_OK);
    cr_assert_eq(handshake_via_store("server-rsa.pem", X509_V_FLAG_PARTIAL_CHAIN), X509_V_OK);
}

/* The store outlives the context that made it while a reference is held. */
Test(ssl_cert_store, outlives_context)
{
    SSL_CTX *ctx = tls_client_ctx(SUITE);
    cr_assert_eq(SSL_CTX_load_verify_locations(ctx, tls_fixture("ca-rsa.pem"), NULL), 1);
    X509_STORE *st = SSL_CTX_get_cert_store(ctx);
    cr_assert_eq(X509_STORE_up_ref(st), 1);
    SSL_CTX_free(ctx);
    X509 *leaf = load("server-rsa.pem");
    X509_STORE_CTX *vctx = X509_STORE_CTX_new();
    cr_assert_eq(X509_STORE_CTX_init(vctx, st, leaf, NULL), 1);
    cr_assert_eq(X509_verify_cert(vctx), 1); /* the anchor loaded before the store was asked for */
    X509_STORE_CTX_free(vctx);
    X509_free(leaf);
    X509_STORE_free(st);
}
