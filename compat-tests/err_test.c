/* The ERR queue, written against <openssl/...> only. Built twice: against nettls and against the system
 * OpenSSL, which must pass the same assertions. Where OpenSSL 3 departs from the 1.1.0 behaviour nettls
 * copies (the packing of codes, the text of truncated and printed errors), the shared assertions check
 * only what both promise, and the exact 1.1.0 form is checked under NETTLS_VERSION_NUMBER. */
#include <criterion/criterion.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>

#include <openssl/err.h>
#include <openssl/pem.h>
#include <openssl/ssl.h>

static void put(int lib, int reason)
{
    ERR_put_error(lib, 0, reason, "err_test.c", 100 + reason);
}

static void setup(void)
{
    OPENSSL_init_ssl(OPENSSL_INIT_LOAD_SSL_STRINGS | OPENSSL_INIT_LOAD_CRYPTO_STRINGS, NULL);
    ERR_clear_error();
}

TestSuite(err, .init = setup);

Test(err, empty_queue_reads_zero)
{
    cr_assert_eq(ERR_get_error(), 0);
    cr_assert_eq(ERR_peek_error(), 0);
    cr_assert_eq(ERR_peek_last_error(), 0);
}

Test(err, get_returns_oldest_first_and_peek_does_not_remove)
{
    put(ERR_LIB_SSL, SSL_R_WRONG_VERSION_NUMBER);
    put(ERR_LIB_PEM, PEM_R_NO_START_LINE);
    cr_assert_eq(ERR_GET_REASON(ERR_peek_error()), SSL_R_WRONG_VERSION_NUMBER);
    cr_assert_eq(ERR_GET_REASON(ERR_peek_last_error()), PEM_R_NO_START_LINE);
    cr_assert_eq(ERR_GET_LIB(ERR_peek_last_error()), ERR_LIB_PEM);

    unsigned long first = ERR_get_error();
    cr_assert_eq(ERR_GET_LIB(first), ERR_LIB_SSL);
    cr_assert_eq(ERR_GET_REASON(first), SSL_R_WRONG_VERSION_NUMBER);
    cr_assert_eq(first, ERR_PACK(ERR_LIB_SSL, 0, SSL_R_WRONG_VERSION_NUMBER));
    unsigned long second = ERR_get_error();
    cr_assert_eq(ERR_GET_LIB(second), ERR_LIB_PEM);
    cr_assert_eq(ERR_get_error(), 0);
}

Test(err, file_and_line_are_kept)
{
    const char *file = NULL;
    int line = -1;
    put(ERR_LIB_SSL, SSL_R_NO_SHARED_CIPHER);
    cr_assert_eq(ERR_GET_REASON(ERR_peek_error_line(&file, &line)), SSL_R_NO_SHARED_CIPHER);
    cr_assert_str_eq(file, "err_test.c");
    cr_assert_eq(line, 100 + SSL_R_NO_SHARED_CIPHER);
    file = NULL;
    cr_assert_eq(ERR_GET_REASON(ERR_get_error_line(&file, &line)), SSL_R_NO_SHARED_CIPHER);
    cr_assert_str_eq(file, "err_test.c");
    cr_assert_eq(ERR_get_error(), 0);
}

/* A ring of ERR_NUM_ERRORS slots keeps the newest ERR_NUM_ERRORS - 1 errors. */
Test(err, a_full_queue_drops_the_oldest)
{
    for (int r = 1; r <= 20; r++) {
        put(ERR_LIB_SSL, r);
    }
    for (int r = 20 - (ERR_NUM_ERRORS - 1) + 1; r <= 20; r++) {
        cr_assert_eq(ERR_GET_REASON(ERR_get_error()), r);
    }
    cr_assert_eq(ERR_get_error(), 0);
}

Test(err, clear_empties_the_queue)
{
    put(ERR_LIB_SSL, 1);
    put(ERR_LIB_SSL, 2);
    ERR_clear_error();
    cr_assert_eq(ERR_get_error(), 0);
    put(ERR_LIB_SSL, 3);
    cr_assert_eq(ERR_GET_REASON(ERR_get_error()), 3);
}

Test(err, data_is_attached_to_the_newest_error_and_outlives_the_get)
{
    const char *file, *data = NULL;
    int line, flags = 0;
    put(ERR_LIB_SSL, 1);
    put(ERR_LIB_PEM, PEM_R_BAD_END_LINE);
    ERR_add_error_data(2, "file=", "certs.pem");
    cr_assert_eq(ERR_GET_REASON(ERR_get_error_line_data(&file, &line, &data, &flags)), 1);
    cr_assert_str_eq(data, "");
    cr_assert_eq(flags, 0);
    cr_assert_eq(ERR_GET_REASON(ERR_get_error_line_data(&file, &line, &data, &flags)), PEM_R_BAD_END_LINE);
    cr_assert_neq(flags & ERR_TXT_STRING, 0);
    cr_assert_str_eq(data, "file=certs.pem"); /* still readable after the get */
}

#ifdef NETTLS_VERSION_NUMBER
/* OpenSSL 1.1.0 skips NULL pieces (OpenSSL 3 writes "<NULL>"). */
Test(err, null_pieces_of_error_data_are_skipped)
{
    const char *file, *data = NULL;
    int line, flags = 0;
    put(ERR_LIB_SSL, 1);
    ERR_add_error_data(4, "a", NULL, "b", NULL);
    cr_assert_eq(ERR_GET_REASON(ERR_get_error_line_data(&file, &line, &data, &flags)), 1);
    cr_assert_str_eq(data, "ab");
}
#endif

Test(err, mark_and_pop_to_mark)
{
    cr_assert_eq(ERR_set_mark(), 0); /* nothing to mark */
    put(ERR_LIB_SSL, 1);
    cr_assert_eq(ERR_set_mark(), 1);
    put(ERR_LIB_SSL, 2);
    put(ERR_LIB_SSL, 3);
    cr_assert_eq(ERR_pop_to_mark(), 1);
    cr_assert_eq(ERR_GET_REASON(ERR_peek_last_error()), 1);
    cr_assert_eq(ERR_pop_to_mark(), 0); /* no mark left: pops everything */
    cr_assert_eq(ERR_get_error(), 0);
}

Test(err, library_names)
{
    cr_assert_str_eq(ERR_lib_error_string(ERR_PACK(ERR_LIB_SSL, 0, 0)), "SSL routines");
    cr_assert_str_eq(ERR_lib_error_string(ERR_PACK(ERR_LIB_SYS, 0, 0)), "system library");
    cr_assert_str_eq(ERR_lib_error_string(ERR_PACK(ERR_LIB_PEM, 0, 0)), "PEM routines");
    cr_assert_str_eq(ERR_lib_error_string(ERR_PACK(ERR_LIB_X509, 0, 0)), "x509 certificate routines");
    cr_assert_str_eq(ERR_lib_error_string(ERR_PACK(ERR_LIB_BIO, 0, 0)), "BIO routines");
    cr_assert_str_eq(ERR_lib_error_string(ERR_PACK(ERR_LIB_EVP, 0, 0)), "digital envelope routines");
    cr_assert_str_eq(ERR_lib_error_string(ERR_PACK(ERR_LIB_RAND, 0, 0)), "random number generator");
    cr_assert_null(ERR_lib_error_string(ERR_PACK(127, 0, 0)));
}

struct reason_case {
    int lib, reason;
    const char *text;
};

static const struct reason_case reasons[] = {
    { ERR_LIB_SSL, SSL_R_SSLV3_ALERT_HANDSHAKE_FAILURE, "sslv3 alert handshake failure" },
    { ERR_LIB_SSL, SSL_R_SSLV3_ALERT_BAD_CERTIFICATE, "sslv3 alert bad certificate" },
    { ERR_LIB_SSL, SSL_R_SSLV3_ALERT_BAD_RECORD_MAC, "sslv3 alert bad record mac" },
    { ERR_LIB_SSL, SSL_R_SSLV3_ALERT_UNEXPECTED_MESSAGE, "sslv3 alert unexpected message" },
    { ERR_LIB_SSL, SSL_R_SSLV3_ALERT_CERTIFICATE_EXPIRED, "sslv3 alert certificate expired" },
    { ERR_LIB_SSL, SSL_R_TLSV1_ALERT_DECODE_ERROR, "tlsv1 alert decode error" },
    { ERR_LIB_SSL, SSL_R_TLSV1_ALERT_UNKNOWN_CA, "tlsv1 alert unknown ca" },
    { ERR_LIB_SSL, SSL_R_TLSV1_ALERT_PROTOCOL_VERSION, "tlsv1 alert protocol version" },
    { ERR_LIB_SSL, SSL_R_TLSV1_ALERT_INTERNAL_ERROR, "tlsv1 alert internal error" },
    { ERR_LIB_SSL, SSL_R_TLSV1_ALERT_DECRYPT_ERROR, "tlsv1 alert decrypt error" },
    { ERR_LIB_SSL, SSL_R_TLSV1_ALERT_RECORD_OVERFLOW, "tlsv1 alert record overflow" },
    { ERR_LIB_SSL, SSL_R_TLSV1_UNRECOGNIZED_NAME, "tlsv1 unrecognized name" },
    { ERR_LIB_SSL, SSL_R_WRONG_VERSION_NUMBER, "wrong version number" },
    { ERR_LIB_SSL, SSL_R_UNSUPPORTED_PROTOCOL, "unsupported protocol" },
    { ERR_LIB_SSL, SSL_R_NO_SHARED_CIPHER, "no shared cipher" },
    { ERR_LIB_SSL, SSL_R_CERTIFICATE_VERIFY_FAILED, "certificate verify failed" },
    { ERR_LIB_SSL, SSL_R_DECRYPTION_FAILED_OR_BAD_RECORD_MAC, "decryption failed or bad record mac" },
    { ERR_LIB_SSL, SSL_R_UNEXPECTED_MESSAGE, "unexpected message" },
    { ERR_LIB_SSL, SSL_R_HTTP_REQUEST, "http request" },
    { ERR_LIB_SSL, SSL_R_PROTOCOL_IS_SHUTDOWN, "protocol is shutdown" },
    { ERR_LIB_PEM, PEM_R_NO_START_LINE, "no start line" },
    { ERR_LIB_PEM, PEM_R_BAD_DECRYPT, "bad decrypt" },
    { ERR_LIB_SSL, ERR_R_MALLOC_FAILURE, "malloc failure" },
    { ERR_LIB_X509, ERR_R_PASSED_NULL_PARAMETER, "passed a null parameter" },
    { ERR_LIB_SSL, ERR_R_INTERNAL_ERROR, "internal error" },
};

Test(err, reason_strings)
{
    for (size_t i = 0; i < sizeof reasons / sizeof reasons[0]; i++) {
        const char *s = ERR_reason_error_string(ERR_PACK(reasons[i].lib, 0, reasons[i].reason));
        cr_assert_not_null(s, "reason %d of lib %d has no text", reasons[i].reason, reasons[i].lib);
        cr_assert_str_eq(s, reasons[i].text);
    }
    cr_assert_null(ERR_reason_error_string(ERR_PACK(ERR_LIB_SSL, 0, 4000)));
}

Test(err, error_string_n_format)
{
    unsigned long e = ERR_PACK(ERR_LIB_SSL, 0, SSL_R_SSLV3_ALERT_HANDSHAKE_FAILURE);
    char buf[256], hex[16];
    ERR_error_string_n(e, buf, sizeof buf);
    snprintf(hex, sizeof hex, "error:%08lX:", e);
    cr_assert_eq(strncmp(buf, hex, strlen(hex)), 0, "%s", buf);
    cr_assert_not_null(strstr(buf, ":SSL routines:"), "%s", buf);
    const char *tail = ":sslv3 alert handshake failure";
    cr_assert_str_eq(buf + strlen(buf) - strlen(tail), tail);
#ifdef NETTLS_VERSION_NUMBER
    cr_assert_str_eq(buf, "error:14000410:SSL routines:func(0):sslv3 alert handshake failure");
#endif
}

Test(err, error_string_n_never_writes_past_len)
{
    unsigned long e = ERR_PACK(ERR_LIB_SSL, 0, SSL_R_SSLV3_ALERT_HANDSHAKE_FAILURE);
    for (size_t len = 0; len < 80; len++) {
        char buf[96];
        memset(buf, 'Z', sizeof buf);
        ERR_error_string_n(e, buf, len);
        for (size_t i = len; i < sizeof buf; i++) {
            cr_assert_eq(buf[i], 'Z', "len %zu: byte %zu written", len, i);
        }
        if (len > 0) {
            cr_assert_lt(strlen(buf), len);
        }
    }
}

#ifdef NETTLS_VERSION_NUMBER
/* OpenSSL 1.1.0 keeps the five colon-separated fields when it cuts the text (OpenSSL 3 switches to a
 * short "err:" form instead). */
Test(err, truncated_error_string_keeps_its_four_colons)
{
    unsigned long e = ERR_PACK(ERR_LIB_SSL, 0, SSL_R_SSLV3_ALERT_HANDSHAKE_FAILURE);
    char buf[20];
    ERR_error_string_n(e, buf, sizeof buf);
    cr_assert_str_eq(buf, "error:14000410:SS::");
    char tiny[6];
    ERR_error_string_n(e, tiny, sizeof tiny);
    cr_assert_str_eq(tiny, "e::::");
}
#endif

Test(err, error_string_uses_a_static_buffer_when_given_none)
{
    unsigned long e = ERR_PACK(ERR_LIB_PEM, 0, PEM_R_NO_START_LINE);
    char mine[256];
    char *s = ERR_error_string(e, NULL);
    cr_assert_eq(ERR_error_string(e, NULL), s);
    cr_assert_eq(ERR_error_string(e, mine), mine);
    cr_assert_str_eq(s, mine);
}

Test(err, print_errors_fp_prints_and_empties_the_queue)
{
    FILE *f = tmpfile();
    cr_assert_not_null(f);
    put(ERR_LIB_SSL, SSL_R_TLSV1_ALERT_UNKNOWN_CA);
    ERR_add_error_data(1, "peer=example");
    put(ERR_LIB_PEM, PEM_R_NO_START_LINE);
    ERR_print_errors_fp(f);
    cr_assert_eq(ERR_get_error(), 0);

    char line1[512] = "", line2[512] = "";
    rewind(f);
    cr_assert_not_null(fgets(line1, sizeof line1, f));
    cr_assert_not_null(fgets(line2, sizeof line2, f));
    fclose(f);
    cr_assert_not_null(strstr(line1, ":SSL routines:"), "%s", line1);
    cr_assert_not_null(strstr(line1, "tlsv1 alert unknown ca"), "%s", line1);
    cr_assert_not_null(strstr(line1, "err_test.c:1148:"), "%s", line1);
    cr_assert_not_null(strstr(line1, "peer=example"), "%s", line1);
    cr_assert_not_null(strstr(line2, "no start line"), "%s", line2);
    cr_assert_eq(line2[strlen(line2) - 1], '\n');
#ifdef NETTLS_VERSION_NUMBER
    char expected[512];
    snprintf(expected, sizeof expected, "%lu:error:14000418:SSL routines:func(0):tlsv1 alert unknown ca:"
                                        "err_test.c:1148:peer=example\n",
             (unsigned long)pthread_self());
    cr_assert_str_eq(line1, expected);
#endif
}

static void *put_in_thread(void *arg)
{
    (void)arg;
    unsigned long seen = ERR_peek_error();
    put(ERR_LIB_SSL, 7);
    ERR_add_error_data(1, "owned by the thread");
    return (void *)seen;
}

Test(err, each_thread_has_its_own_queue)
{
    pthread_t t;
    void *seen = (void *)1;
    put(ERR_LIB_SSL, 5);
    cr_assert_eq(pthread_create(&t, NULL, put_in_thread, NULL), 0);
    cr_assert_eq(pthread_join(t, &seen), 0);
    cr_assert_null(seen, "the new thread saw the main thread's error");
    cr_assert_eq(ERR_GET_REASON(ERR_get_error()), 5);
    cr_assert_eq(ERR_get_error(), 0, "the thread's error leaked into the main thread");
}

Test(err, old_cleanup_calls_are_harmless)
{
    put(ERR_LIB_SSL, 9);
    ERR_load_crypto_strings();
    SSL_load_error_strings();
    ERR_remove_thread_state(NULL);
    ERR_remove_state(0);
    ERR_free_strings();
    cr_assert_eq(ERR_GET_REASON(ERR_get_error()), 9);
    cr_assert_str_eq(ERR_reason_error_string(ERR_PACK(ERR_LIB_SSL, 0, SSL_R_NO_SHARED_CIPHER)),
                     "no shared cipher");
}
