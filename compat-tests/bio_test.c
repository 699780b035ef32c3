/* BIO callbacks, BIO pairs (also carrying TLS), file BIOs over a FILE and ERR_print_errors, against
 * <openssl/...> only; built against nettls and the system OpenSSL. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <string.h>

#include <openssl/bio.h>
#include <openssl/err.h>
#include <openssl/ssl.h>

#include "tls_pair.h"

/* ---- callbacks (man BIO_set_callback) ---- */

struct call {
    int oper, argi;
    long argl, ret;
};
static struct call calls[32];
static int n_calls;
static long override_return = -100; /* if not -100: what the callback returns after BIO_CB_READ */
static long cancel_write;           /* if 1: the callback refuses writes before they happen */

static long record(BIO *b, int oper, const char *argp, int argi, long argl, long ret)
{
    (void)b;
    (void)argp;
    if (n_calls < 32) {
        calls[n_calls++] = (struct call){ oper, argi, argl, ret };
    }
    if (oper == (BIO_CB_READ | BIO_CB_RETURN) && override_return != -100) {
        return override_return;
    }
    if (oper == BIO_CB_WRITE && cancel_write) {
        return 0;
    }
    return ret;
}

static void reset_calls(void)
{
    n_calls = 0;
    override_return = -100;
    cancel_write = 0;
}

#define ASSERT_CALL(i, op, ai, rv)                                                                          \
    do {                                                                                                    \
        cr_assert_eq(calls[i].oper, (op), "call %d: oper %#x", (i), calls[i].oper);                         \
        cr_assert_eq(calls[i].argi, (ai), "call %d: argi %d", (i), calls[i].argi);                          \
        cr_assert_eq(calls[i].ret, (rv), "call %d: ret %ld", (i), calls[i].ret);                            \
    } while (0)

Test(bio_callback, sees_each_operation_before_and_after)
{
    BIO *b = BIO_new(BIO_s_mem());
    char buf[16];
    static char arg[] = "arg";
    reset_calls();
    BIO_set_callback(b, record);
    cr_assert_eq(BIO_get_callback(b), record);
    BIO_set_callback_arg(b, arg);
    cr_assert_eq(BIO_get_callback_arg(b), arg);

    cr_assert_eq(BIO_write(b, "hello\n", 6), 6);
    ASSERT_CALL(0, BIO_CB_WRITE, 6, 1);
    ASSERT_CALL(1, BIO_CB_WRITE | BIO_CB_RETURN, 6, 6);
    cr_assert_eq(BIO_pending(b), 6);
    ASSERT_CALL(2, BIO_CB_CTRL, BIO_CTRL_PENDING, 1);
    ASSERT_CALL(3, BIO_CB_CTRL | BIO_CB_RETURN, BIO_CTRL_PENDING, 6);
    cr_assert_eq(BIO_gets(b, buf, sizeof buf), 6);
    ASSERT_CALL(4, BIO_CB_GETS, (int)sizeof buf, 1);
    ASSERT_CALL(5, BIO_CB_GETS | BIO_CB_RETURN, (int)sizeof buf, 6);
    cr_assert_eq(BIO_puts(b, "abc"), 3);
    ASSERT_CALL(6, BIO_CB_PUTS, 0, 1);
    ASSERT_CALL(7, BIO_CB_PUTS | BIO_CB_RETURN, 0, 3);
    cr_assert_eq(BIO_read(b, buf, sizeof buf), 3);
    ASSERT_CALL(8, BIO_CB_READ, (int)sizeof buf, 1);
    ASSERT_CALL(9, BIO_CB_READ | BIO_CB_RETURN, (int)sizeof buf, 3);
    cr_assert_arr_eq(buf, "abc", 3);
    cr_assert_eq(n_calls, 10);
    BIO_free(b);
    ASSERT_CALL(10, BIO_CB_FREE, 0, 1);
}

Test(bio_callback, can_cancel_an_operation_and_rewrite_its_result)
{
    BIO *b = BIO_new(BIO_s_mem());
    char buf[8];
    reset_calls();
    BIO_set_callback(b, record);
    cancel_write = 1;
    cr_assert_eq(BIO_write(b, "xyz", 3), 0);
    cr_assert_eq(n_calls, 1); /* no BIO_CB_RETURN call: the write never happened */
    cancel_write = 0;
    cr_assert_eq(BIO_pending(b), 0);
    cr_assert_eq(BIO_write(b, "xyz", 3), 3);
    override_return = 1;
    cr_assert_eq(BIO_read(b, buf, sizeof buf), 1);
    BIO_set_callback(b, NULL);
    BIO_free(b);
}

/* ---- BIO pairs (man BIO_s_bio) ---- */

Test(bio_pair, buffers_limit_writes_and_reads_ask_to_retry)
{
    BIO *a, *b;
    char buf[16];
    cr_assert_eq(BIO_new_bio_pair(&a, 8, &b, 8), 1);
    cr_assert_eq(BIO_get_write_buf_size(a, 0), 8);
    cr_assert_eq(BIO_ctrl_get_write_guarantee(a), 8);
    cr_assert_eq(BIO_write(a, "0123456789", 10), 8); /* as much as fits */
    cr_assert_eq(BIO_ctrl_get_write_guarantee(a), 0);
    cr_assert_eq(BIO_write(a, "89", 2), -1);
    cr_assert(BIO_should_retry(a));
    cr_assert(BIO_should_write(a));
    cr_assert_eq(BIO_wpending(a), 8);
    cr_assert_eq(BIO_ctrl_pending(b), 8);
    cr_assert_eq(BIO_pending(a), 0);

    cr_assert_eq(BIO_read(b, buf, 5), 5);
    cr_assert_arr_eq(buf, "01234", 5);
    cr_assert_eq(BIO_write(a, "89ab", 4), 4); /* wraps around the ring */
    cr_assert_eq(BIO_read(b, buf, sizeof buf), 7);
    cr_assert_arr_eq(buf, "56789ab", 7);

    cr_assert_eq(BIO_read(b, buf, 5), -1);
    cr_assert(BIO_should_retry(b));
    cr_assert(BIO_should_read(b));
    cr_assert_eq(BIO_ctrl_get_read_request(a), 5); /* what b wanted */
    cr_assert_eq(BIO_ctrl_reset_read_request(a), 1);
    cr_assert_eq(BIO_ctrl_get_read_request(a), 0);

    /* Both directions are independent. */
    cr_assert_eq(BIO_write(b, "pong", 4), 4);
    cr_assert_eq(BIO_read(a, buf, sizeof buf), 4);
    cr_assert_arr_eq(buf, "pong", 4);
    BIO_free(a);
    BIO_free(b);
}

Test(bio_pair, shutdown_wr_is_end_of_file_for_the_reader_and_a_broken_pipe_for_the_writer)
{
    BIO *a, *b;
    char buf[8];
    cr_assert_eq(BIO_new_bio_pair(&a, 0, &b, 0), 1);
    cr_assert_eq(BIO_get_write_buf_size(a, 0), 17 * 1024);
    cr_assert_eq(BIO_write(a, "end", 3), 3);
    cr_assert_eq(BIO_shutdown_wr(a), 1);
    cr_assert_eq(BIO_eof(b), 0);
    cr_assert_eq(BIO_read(b, buf, sizeof buf), 3);
    cr_assert_eq(BIO_read(b, buf, sizeof buf), 0);
    cr_assert(!BIO_should_retry(b));
    cr_assert_eq(BIO_eof(b), 1);
    ERR_clear_error();
    cr_assert_eq(BIO_write(a, "more", 4), -1);
    cr_assert(!BIO_should_retry(a));
    cr_assert_eq(ERR_GET_REASON(ERR_peek_last_error()), BIO_R_BROKEN_PIPE);
    ERR_clear_error();
    BIO_free(b);
    BIO_free(a);
}

Test(bio_pair, pairing_rules)
{
    BIO *a = BIO_new(BIO_s_bio()), *b = BIO_new(BIO_s_bio()), *c = BIO_new(BIO_s_bio());
    char buf[4];
    cr_assert_eq(BIO_set_write_buf_size(a, 4), 1);
    cr_assert_eq(BIO_make_bio_pair(a, b), 1);
    ERR_clear_error();
    cr_assert_eq(BIO_make_bio_pair(a, c), 0); /* a is taken */
    cr_assert_eq(BIO_set_write_buf_size(a, 16), 0);
    ERR_clear_error();
    cr_assert_eq(BIO_write(a, "abcdef", 6), 4);
    cr_assert_eq(BIO_destroy_bio_pair(a), 1);
    cr_assert_eq(BIO_make_bio_pair(a, c), 1);
    cr_assert_eq(BIO_write(c, "xy", 2), 2);
    cr_assert_eq(BIO_read(a, buf, sizeof buf), 2);
    cr_assert_arr_eq(buf, "xy", 2);
    BIO_free(a);
    BIO_free(b);
    BIO_free(c);
}

/* Steps one side of a handshake; 1 once it is done. Until then it must wait for its peer. */
static int step(SSL *ssl)
{
    int r = SSL_do_handshake(ssl);
    if (r != 1) {
        cr_assert_eq(SSL_get_error(ssl, r), SSL_ERROR_WANT_READ);
    }
    return r == 1;
}

/* TLS needs no socket: each SSL reads and writes one half of a BIO pair, driven from one thread. */
Test(bio_pair, carries_a_tls_connection)
{
    SSL_CTX *sctx = tls_server_ctx("AES128-SHA", "server-rsa.pem", "server-rsa.key");
    SSL_CTX *cctx = tls_client_ctx("AES128-SHA");
    SSL *c = SSL_new(cctx), *s = SSL_new(sctx);
    BIO *cb, *sb;
    char buf[16];
    cr_assert_eq(BIO_new_bio_pair(&cb, 0, &sb, 0), 1);
    SSL_set_bio(c, cb, cb);
    SSL_set_bio(s, sb, sb);
    cr_assert_eq(SSL_get_rbio(c), cb);
    cr_assert_eq(SSL_get_wbio(c), cb);
    SSL_set_connect_state(c);
    SSL_set_accept_state(s);
    int c_done = 0, s_done = 0;
    for (int round = 0; round < 20 && !(c_done && s_done); round++) {
        c_done = c_done || step(c);
        s_done = s_done || step(s);
    }
    cr_assert(c_done && s_done);
    /* tls_read_all: a TLS 1.0 CBC writer may split records (1/n-1, against BEAST). */
    cr_assert_eq(SSL_write(c, "ping", 4), 4);
    cr_assert(tls_read_all(s, buf, 4));
    cr_assert_arr_eq(buf, "ping", 4);
    int r = SSL_read(c, buf, sizeof buf);
    cr_assert_eq(r, -1);
    cr_assert_eq(SSL_get_error(c, r), SSL_ERROR_WANT_READ);
    cr_assert_eq(SSL_write(s, "pong", 4), 4);
    cr_assert(tls_read_all(c, buf, 4));
    cr_assert_arr_eq(buf, "pong", 4);
    SSL_free(c);
    SSL_free(s);
    SSL_CTX_free(cctx);
    SSL_CTX_free(sctx);
}

/* ---- file BIOs over a FILE (BIO_new_fp) ---- */

Test(bio_fp, reads_writes_seeks_and_leaves_a_noclose_file_open)
{
    FILE *f = tmpfile();
    FILE *got = NULL;
    char line[32];
    cr_assert_not_null(f);
    BIO *b = BIO_new_fp(f, BIO_NOCLOSE);
    cr_assert_not_null(b);
    cr_assert_eq(BIO_method_type(b), BIO_TYPE_FILE);
    cr_assert_eq(BIO_get_fp(b, &got), 1);
    cr_assert_eq(got, f);
    cr_assert_eq(BIO_puts(b, "first line\n"), 11);
    cr_assert_eq(BIO_printf(b, "%s %d\n", "second", 2), 9);
    cr_assert_eq(BIO_flush(b), 1);
    cr_assert_eq(BIO_tell(b), 20);
    cr_assert_eq(BIO_seek(b, 0), 0);
    cr_assert_eq(BIO_gets(b, line, sizeof line), 11);
    cr_assert_str_eq(line, "first line\n");
    cr_assert_eq(BIO_read(b, line, sizeof line), 9);
    cr_assert_arr_eq(line, "second 2\n", 9);
    cr_assert_eq(BIO_read(b, line, sizeof line), 0);
    cr_assert_neq(BIO_eof(b), 0);
    cr_assert_eq(BIO_get_close(b), BIO_NOCLOSE);
    BIO_free(b);
    cr_assert_eq(fseek(f, 0, SEEK_SET), 0); /* still open */
    cr_assert_eq(fclose(f), 0);
}

/* ---- ERR_print_errors to a BIO ---- */

Test(err_print, errors_go_to_the_bio_and_leave_the_queue)
{
    BIO *b = BIO_new(BIO_s_mem());
    char *text = NULL;
    ERR_clear_error();
    ERR_put_error(ERR_LIB_BIO, 0, BIO_R_BROKEN_PIPE, "somefile.c", 42);
    ERR_put_error(ERR_LIB_BIO, 0, BIO_R_UNSUPPORTED_METHOD, "other.c", 7);
    ERR_print_errors(b);
    cr_assert_eq(ERR_peek_error(), 0);
    long n = BIO_get_mem_data(b, &text);
    cr_assert_gt(n, 0);
    char copy[1024];
    cr_assert_lt(n, (long)sizeof copy);
    memcpy(copy, text, (size_t)n);
    copy[n] = '\0';
    char *second = strchr(copy, '\n');
    cr_assert_not_null(second);
    *second++ = '\0';
    cr_assert_not_null(strstr(copy, ":error:"), "%s", copy);
    cr_assert_not_null(strstr(copy, ":broken pipe:"), "%s", copy);
    cr_assert_not_null(strstr(copy, ":somefile.c:42:"), "%s", copy);
    cr_assert_not_null(strstr(second, ":unsupported method:"), "%s", second);
    cr_assert_not_null(strstr(second, ":other.c:7:"), "%s", second);
    BIO_free(b);
}
