/* BIOs (memory, file, socket), stacks, X509 objects and PEM over BIOs, as the CLIs and the SSL layer use
 * them. Built against nettls and against the system OpenSSL 3. */
#include <criterion/criterion.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include <openssl/bio.h>
#include <openssl/err.h>
#include <openssl/pem.h>
#include <openssl/x509.h>

static const char *fixture(const char *name)
{
    static char path[1024];
    snprintf(path, sizeof path, "%s/%s", COMPAT_TEST_DATA, name);
    return path;
}

static void setup(void)
{
    ERR_clear_error();
}

TestSuite(bio_x509, .init = setup, .timeout = 30);

Test(bio_x509, memory_bio_reads_what_was_written_and_then_wants_more)
{
    BIO *b = BIO_new(BIO_s_mem());
    char buf[16];
    cr_assert_eq(BIO_write(b, "hello\nworld", 11), 11);
    cr_assert_eq(BIO_pending(b), 11);
    cr_assert_eq(BIO_gets(b, buf, sizeof buf), 6);
    cr_assert_str_eq(buf, "hello\n");
    cr_assert_eq(BIO_read(b, buf, sizeof buf), 5);
    cr_assert(memcmp(buf, "world", 5) == 0);
    cr_assert_eq(BIO_read(b, buf, sizeof buf), -1);
    cr_assert(BIO_should_retry(b) && BIO_should_read(b));
    cr_assert_eq(BIO_printf(b, "%d-%s", 42, "x"), 4);
    char *data = NULL;
    cr_assert_eq(BIO_get_mem_data(b, &data), 4);
    cr_assert(memcmp(data, "42-x", 4) == 0);
    cr_assert_eq(BIO_up_ref(b), 1);
    cr_assert_eq(BIO_free(b), 1);
    cr_assert_eq(BIO_free(b), 1);
}

Test(bio_x509, read_only_memory_bio_ends_with_eof)
{
    BIO *b = BIO_new_mem_buf("abc", -1);
    char buf[8];
    cr_assert_eq(BIO_read(b, buf, sizeof buf), 3);
    cr_assert_eq(BIO_read(b, buf, sizeof buf), 0);
    cr_assert_eq(BIO_should_retry(b), 0);
    cr_assert_leq(BIO_write(b, "x", 1), 0);
    ERR_clear_error();
    BIO_free(b);
}

Test(bio_x509, socket_bio_moves_bytes_and_reports_retry_and_eof)
{
    int fds[2];
    cr_assert_eq(socketpair(AF_UNIX, SOCK_STREAM, 0, fds), 0);
    BIO *a = BIO_new_socket(fds[0], BIO_CLOSE), *b = BIO_new_socket(fds[1], BIO_NOCLOSE);
    int fd = -1;
    cr_assert_eq(BIO_get_fd(a, &fd), fds[0]);
    cr_assert_eq(fd, fds[0]);
    cr_assert_eq(fcntl(fds[1], F_SETFL, O_NONBLOCK), 0);
    char buf[8];
    cr_assert_eq(BIO_read(b, buf, sizeof buf), -1);
    cr_assert(BIO_should_retry(b) && BIO_should_read(b));
    cr_assert_eq(BIO_write(a, "ping", 4), 4);
    cr_assert_eq(BIO_read(b, buf, sizeof buf), 4);
    cr_assert(memcmp(buf, "ping", 4) == 0);
    BIO_free(a); /* BIO_CLOSE: closes fds[0] */
    cr_assert_eq(BIO_read(b, buf, sizeof buf), 0);
    cr_assert_eq(BIO_should_retry(b), 0);
    BIO_free(b);
    cr_assert_eq(close(fds[1]), 0, "BIO_NOCLOSE left the descriptor open");
}

Test(bio_x509, file_bio_and_pem_certificates)
{
    cr_assert_null(BIO_new_file("/nonexistent/file.pem", "r"));
    cr_assert_neq(ERR_peek_error(), 0);
    ERR_clear_error();
    BIO *in = BIO_new_file(fixture("chain.pem"), "r");
    cr_assert_not_null(in);
    STACK_OF(X509) *certs = sk_X509_new_null();
    X509 *x;
    while ((x = PEM_read_bio_X509(in, NULL, NULL, NULL)) != NULL) {
        cr_assert_gt(sk_X509_push(certs, x), 0);
    }
    ERR_clear_error(); /* the end of the file */
    BIO_free(in);
    cr_assert_eq(sk_X509_num(certs), 2);
    char line[256];
    X509_NAME_oneline(X509_get_subject_name(sk_X509_value(certs, 0)), line, sizeof line);
    cr_assert_str_eq(line, "/O=nettls/CN=leaf.example.com");
    X509_NAME_oneline(X509_get_issuer_name(sk_X509_value(certs, 0)), line, sizeof line);
    cr_assert_str_eq(line, "/C=US/O=nettls/CN=nettls Test Intermediate CA");
    cr_assert_eq(X509_NAME_cmp(X509_get_issuer_name(sk_X509_value(certs, 0)),
                               X509_get_subject_name(sk_X509_value(certs, 1))), 0);
    cr_assert_neq(X509_NAME_cmp(X509_get_subject_name(sk_X509_value(certs, 0)),
                                X509_get_subject_name(sk_X509_value(certs, 1))), 0);
    cr_assert_null(sk_X509_value(certs, 2));

    /* DER out and back in, and PEM out and back in. */
    X509 *leaf = sk_X509_value(certs, 0);
    int len = i2d_X509(leaf, NULL);
    unsigned char *der = NULL;
    cr_assert_eq(i2d_X509(leaf, &der), len);
    const unsigned char *p = der;
    X509 *copy = d2i_X509(NULL, &p, len);
    cr_assert_not_null(copy);
    cr_assert_eq(p, der + len);
    OPENSSL_free(der);
    BIO *mem = BIO_new(BIO_s_mem());
    cr_assert_eq(PEM_write_bio_X509(mem, copy), 1);
    X509 *again = PEM_read_bio_X509(mem, NULL, NULL, NULL);
    cr_assert_not_null(again);
    X509_NAME *name = X509_NAME_dup(X509_get_subject_name(again));
    cr_assert_eq(X509_NAME_cmp(name, X509_get_subject_name(leaf)), 0);
    X509_NAME_free(name);
    X509_free(again);
    X509_free(copy);
    BIO_free(mem);
    sk_X509_pop_free(certs, X509_free);
}

Test(bio_x509, oneline_escapes_and_truncates_as_1_1_0)
{
    BIO *in = BIO_new_file(fixture("server-rsa.pem"), "r");
    X509 *x = PEM_read_bio_X509(in, NULL, NULL, NULL);
    BIO_free(in);
    cr_assert_not_null(x);
    char small[8];
    cr_assert_str_eq(X509_NAME_oneline(X509_get_subject_name(x), small, sizeof small), "/C=US");
    cr_assert_null(X509_NAME_oneline(X509_get_subject_name(x), small, 0));
    X509_free(x);
    cr_assert_str_eq(X509_verify_cert_error_string(X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT_LOCALLY),
                     "unable to get local issuer certificate");
    cr_assert_str_eq(X509_verify_cert_error_string(X509_V_ERR_CERT_HAS_EXPIRED), "certificate has expired");
}

Test(bio_x509, untyped_stack_operations)
{
    OPENSSL_STACK *st = OPENSSL_sk_new_null();
    int a = 1, b = 2, c = 3;
    cr_assert_eq(OPENSSL_sk_push(st, &a), 1);
    cr_assert_eq(OPENSSL_sk_push(st, &c), 2);
    cr_assert_eq(OPENSSL_sk_insert(st, &b, 1), 3);
    cr_assert_eq(OPENSSL_sk_value(st, 1), &b);
    cr_assert_eq(OPENSSL_sk_find(st, &c), 2);
    cr_assert_eq(OPENSSL_sk_delete_ptr(st, &b), &b);
    cr_assert_eq(OPENSSL_sk_shift(st), &a);
    cr_assert_eq(OPENSSL_sk_pop(st), &c);
    cr_assert_eq(OPENSSL_sk_num(st), 0);
    cr_assert_null(OPENSSL_sk_value(st, 0));
    cr_assert_eq(OPENSSL_sk_num(NULL), -1);
    OPENSSL_sk_free(st);
}
