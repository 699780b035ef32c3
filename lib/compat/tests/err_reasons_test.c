/* The table from native engine errors to OpenSSL reasons, and the string tables behind it. */
#include <criterion/criterion.h>
#include <errno.h>
#include <string.h>

#include <openssl/err.h>
#include <openssl/ssl.h>

#include "compat/internal.h"

static const enum ntls_err fatal_errors[] = {
    NTLS_E_DECODE, NTLS_E_UNEXPECTED_MESSAGE, NTLS_E_BAD_RECORD_MAC, NTLS_E_RECORD_OVERFLOW,
    NTLS_E_HANDSHAKE_FAILURE, NTLS_E_ILLEGAL_PARAMETER, NTLS_E_PROTOCOL_VERSION, NTLS_E_DECRYPT_ERROR,
    NTLS_E_INSUFFICIENT_SECURITY, NTLS_E_BAD_CERTIFICATE, NTLS_E_UNSUPPORTED_CERTIFICATE,
    NTLS_E_CERT_EXPIRED, NTLS_E_UNKNOWN_CA, NTLS_E_CERT_UNKNOWN, NTLS_E_ACCESS_DENIED,
    NTLS_E_NO_RENEGOTIATION, NTLS_E_INTERNAL, NTLS_E_NOMEM, NTLS_E_USAGE, NTLS_E_CRYPTO,
    NTLS_E_SEQ_OVERFLOW,
};

Test(err_reasons, every_fatal_native_error_has_a_reason_with_text)
{
    for (size_t i = 0; i < sizeof fatal_errors / sizeof fatal_errors[0]; i++) {
        int r = ntls_compat_ssl_reason(fatal_errors[i]);
        cr_assert(r > 0 && r <= 0xFFF, "%s maps to %d", ntls_err_name(fatal_errors[i]), r);
        cr_assert_not_null(ntls_compat_reason_string(ERR_LIB_SSL, r), "%s: reason %d has no text",
                           ntls_err_name(fatal_errors[i]), r);
    }
}

Test(err_reasons, transient_errors_and_peer_alerts_have_no_reason_of_their_own)
{
    cr_assert_eq(ntls_compat_ssl_reason(NTLS_E_OK), 0);
    cr_assert_eq(ntls_compat_ssl_reason(NTLS_E_WANT_READ), 0);
    cr_assert_eq(ntls_compat_ssl_reason(NTLS_E_WANT_WRITE), 0);
    cr_assert_eq(ntls_compat_ssl_reason(NTLS_E_CLOSED), 0);
    cr_assert_eq(ntls_compat_ssl_reason(NTLS_E_PEER_ALERT), 0);
}

Test(err_reasons, specific_mappings)
{
    cr_assert_eq(ntls_compat_ssl_reason(NTLS_E_BAD_RECORD_MAC), SSL_R_DECRYPTION_FAILED_OR_BAD_RECORD_MAC);
    cr_assert_eq(ntls_compat_ssl_reason(NTLS_E_UNEXPECTED_MESSAGE), SSL_R_UNEXPECTED_MESSAGE);
    cr_assert_eq(ntls_compat_ssl_reason(NTLS_E_NOMEM), ERR_R_MALLOC_FAILURE);
    cr_assert_str_eq(ntls_compat_reason_string(ERR_LIB_SSL, ERR_R_MALLOC_FAILURE), "malloc failure");
}

/* RFC 2246 7.2: the alert numbers; OpenSSL reports a received alert as SSL_AD_REASON_OFFSET + alert. */
Test(err_reasons, peer_alerts_read_as_openssl_alert_reasons)
{
    cr_assert_eq(ntls_compat_alert_reason(SSL_AD_HANDSHAKE_FAILURE), SSL_R_SSLV3_ALERT_HANDSHAKE_FAILURE);
    cr_assert_eq(ntls_compat_alert_reason(50), SSL_R_TLSV1_ALERT_DECODE_ERROR);
    cr_assert_str_eq(ntls_compat_reason_string(ERR_LIB_SSL, ntls_compat_alert_reason(40)),
                     "sslv3 alert handshake failure");
    cr_assert_str_eq(ntls_compat_reason_string(ERR_LIB_SSL, ntls_compat_alert_reason(48)),
                     "tlsv1 alert unknown ca");
    cr_assert_str_eq(ntls_compat_reason_string(ERR_LIB_SSL, ntls_compat_alert_reason(70)),
                     "tlsv1 alert protocol version");
}

Test(err_reasons, every_alert_of_rfc2246_has_a_reason_string)
{
    static const int alerts[] = { 10, 20, 21, 22, 30, 40, 42, 43, 44, 45, 46, 47, 48, 49, 50, 51, 60, 70, 71,
                                  80, 90, 100 };
    for (size_t i = 0; i < sizeof alerts / sizeof alerts[0]; i++) {
        cr_assert_not_null(ntls_compat_reason_string(ERR_LIB_SSL, ntls_compat_alert_reason(alerts[i])),
                           "alert %d", alerts[i]);
    }
}

Test(err_reasons, library_and_function_names)
{
    cr_assert_str_eq(ntls_compat_lib_string(ERR_LIB_SSL), "SSL routines");
    cr_assert_str_eq(ntls_compat_lib_string(ERR_LIB_SYS), "system library");
    cr_assert_str_eq(ntls_compat_lib_string(ERR_LIB_PEM), "PEM routines");
    cr_assert_str_eq(ntls_compat_lib_string(ERR_LIB_X509), "x509 certificate routines");
    cr_assert_null(ntls_compat_lib_string(99));
    cr_assert_str_eq(ntls_compat_func_string(ERR_LIB_SYS, SYS_F_FOPEN), "fopen");
    cr_assert_null(ntls_compat_func_string(ERR_LIB_SSL, 4000));
}

Test(err_reasons, system_reasons_are_strerror_text_cut_to_31_characters)
{
    cr_assert_str_eq(ntls_compat_reason_string(ERR_LIB_SYS, ENOENT), strerror(ENOENT));
    const char *s = ntls_compat_reason_string(ERR_LIB_SYS, EPROTONOSUPPORT);
    cr_assert_not_null(s);
    cr_assert(strlen(s) <= 31);
    cr_assert_eq(strncmp(s, strerror(EPROTONOSUPPORT), strlen(s)), 0);
}

Test(err_reasons, common_reasons_apply_to_every_library_unknown_ones_are_null)
{
    cr_assert_str_eq(ntls_compat_reason_string(ERR_LIB_X509, ERR_R_PASSED_NULL_PARAMETER),
                     "passed a null parameter");
    cr_assert_str_eq(ntls_compat_reason_string(ERR_LIB_PEM, PEM_R_NO_START_LINE), "no start line");
    cr_assert_null(ntls_compat_reason_string(ERR_LIB_SSL, 4000));
}
