#include <criterion/criterion.h>

#include "core/alert.h"

Test(alert, every_peer_error_has_its_rfc_alert)
{
    cr_assert_eq(ntls_alert_for_error(NTLS_E_DECODE), 50);
    cr_assert_eq(ntls_alert_for_error(NTLS_E_UNEXPECTED_MESSAGE), 10);
    cr_assert_eq(ntls_alert_for_error(NTLS_E_BAD_RECORD_MAC), 20);
    cr_assert_eq(ntls_alert_for_error(NTLS_E_RECORD_OVERFLOW), 22);
    cr_assert_eq(ntls_alert_for_error(NTLS_E_HANDSHAKE_FAILURE), 40);
    cr_assert_eq(ntls_alert_for_error(NTLS_E_ILLEGAL_PARAMETER), 47);
    cr_assert_eq(ntls_alert_for_error(NTLS_E_PROTOCOL_VERSION), 70);
    cr_assert_eq(ntls_alert_for_error(NTLS_E_DECRYPT_ERROR), 51);
    cr_assert_eq(ntls_alert_for_error(NTLS_E_INSUFFICIENT_SECURITY), 71);
    cr_assert_eq(ntls_alert_for_error(NTLS_E_NO_RENEGOTIATION), 100);
    cr_assert_eq(ntls_alert_for_error(NTLS_E_UNKNOWN_CA), 48);
    cr_assert_eq(ntls_alert_for_error(NTLS_E_CERT_EXPIRED), 45);
    cr_assert_eq(ntls_alert_for_error(NTLS_E_ACCESS_DENIED), 49);
    cr_assert_eq(ntls_alert_for_error(NTLS_E_INTERNAL), 80);
    cr_assert_eq(ntls_alert_for_error(NTLS_E_UNRECOGNIZED_NAME), 112);
}

Test(alert, transient_errors_send_nothing)
{
    cr_assert_eq(ntls_alert_for_error(NTLS_E_OK), -1);
    cr_assert_eq(ntls_alert_for_error(NTLS_E_WANT_READ), -1);
    cr_assert_eq(ntls_alert_for_error(NTLS_E_WANT_WRITE), -1);
    cr_assert_eq(ntls_alert_for_error(NTLS_E_PEER_ALERT), -1);
}

Test(alert, decryption_failed_is_never_chosen)
{
    for (int e = 0; e < 0x300; e++) {
        cr_assert_neq(ntls_alert_for_error((enum ntls_err)e), NTLS_ALERT_DECRYPTION_FAILED, "error %#x", e);
    }
}

Test(alert, levels_and_names)
{
    cr_assert_eq(ntls_alert_level_for(NTLS_ALERT_CLOSE_NOTIFY), NTLS_ALERT_WARNING);
    cr_assert_eq(ntls_alert_level_for(NTLS_ALERT_NO_RENEGOTIATION), NTLS_ALERT_WARNING);
    cr_assert_eq(ntls_alert_level_for(NTLS_ALERT_HANDSHAKE_FAILURE), NTLS_ALERT_FATAL);
    cr_assert_str_eq(ntls_alert_name(40), "handshake failure");
    cr_assert_str_eq(ntls_alert_name(50), "decode error");
    cr_assert_null(ntls_alert_name(255));
    cr_assert_eq(ntls_alert_to_error(NTLS_ALERT_CLOSE_NOTIFY), NTLS_E_CLOSED);
    cr_assert_eq(ntls_alert_to_error(NTLS_ALERT_DECODE_ERROR), NTLS_E_PEER_ALERT);
}
