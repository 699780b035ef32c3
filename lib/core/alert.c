#include "alert.h"

#include <stddef.h>

struct alert_row {
    enum ntls_err err;
    uint8_t desc;
};

/* RFC 2246 7.2.2: which alert each failure sends. */
static const struct alert_row error_alerts[] = {
    { NTLS_E_DECODE, NTLS_ALERT_DECODE_ERROR },
    { NTLS_E_UNEXPECTED_MESSAGE, NTLS_ALERT_UNEXPECTED_MESSAGE },
    { NTLS_E_BAD_RECORD_MAC, NTLS_ALERT_BAD_RECORD_MAC },
    { NTLS_E_RECORD_OVERFLOW, NTLS_ALERT_RECORD_OVERFLOW },
    { NTLS_E_HANDSHAKE_FAILURE, NTLS_ALERT_HANDSHAKE_FAILURE },
    { NTLS_E_ILLEGAL_PARAMETER, NTLS_ALERT_ILLEGAL_PARAMETER },
    { NTLS_E_PROTOCOL_VERSION, NTLS_ALERT_PROTOCOL_VERSION },
    { NTLS_E_DECRYPT_ERROR, NTLS_ALERT_DECRYPT_ERROR },
    { NTLS_E_INSUFFICIENT_SECURITY, NTLS_ALERT_INSUFFICIENT_SECURITY },
    { NTLS_E_BAD_CERTIFICATE, NTLS_ALERT_BAD_CERTIFICATE },
    { NTLS_E_UNSUPPORTED_CERTIFICATE, NTLS_ALERT_UNSUPPORTED_CERTIFICATE },
    { NTLS_E_CERT_EXPIRED, NTLS_ALERT_CERTIFICATE_EXPIRED },
    { NTLS_E_UNKNOWN_CA, NTLS_ALERT_UNKNOWN_CA },
    { NTLS_E_CERT_UNKNOWN, NTLS_ALERT_CERTIFICATE_UNKNOWN },
    { NTLS_E_ACCESS_DENIED, NTLS_ALERT_ACCESS_DENIED },
    { NTLS_E_NO_RENEGOTIATION, NTLS_ALERT_NO_RENEGOTIATION },
    { NTLS_E_UNRECOGNIZED_NAME, NTLS_ALERT_UNRECOGNIZED_NAME },
    { NTLS_E_INTERNAL, NTLS_ALERT_INTERNAL_ERROR },
    { NTLS_E_NOMEM, NTLS_ALERT_INTERNAL_ERROR },
    { NTLS_E_USAGE, NTLS_ALERT_INTERNAL_ERROR },
    { NTLS_E_CRYPTO, NTLS_ALERT_INTERNAL_ERROR },
    { NTLS_E_SEQ_OVERFLOW, NTLS_ALERT_INTERNAL_ERROR },
};

struct alert_name {
    uint8_t desc;
    const char *name;
};

/* The words OpenSSL uses in its reason strings, so ERR output reads the same. */
static const struct alert_name alert_names[] = {
    { NTLS_ALERT_CLOSE_NOTIFY, "close notify" },
    { NTLS_ALERT_UNEXPECTED_MESSAGE, "unexpected message" },
    { NTLS_ALERT_BAD_RECORD_MAC, "bad record mac" },
    { NTLS_ALERT_DECRYPTION_FAILED, "decryption failed" },
    { NTLS_ALERT_RECORD_OVERFLOW, "record overflow" },
    { NTLS_ALERT_DECOMPRESSION_FAILURE, "decompression failure" },
    { NTLS_ALERT_HANDSHAKE_FAILURE, "handshake failure" },
    { NTLS_ALERT_NO_CERTIFICATE, "no certificate" },
    { NTLS_ALERT_BAD_CERTIFICATE, "bad certificate" },
    { NTLS_ALERT_UNSUPPORTED_CERTIFICATE, "unsupported certificate" },
    { NTLS_ALERT_CERTIFICATE_REVOKED, "certificate revoked" },
    { NTLS_ALERT_CERTIFICATE_EXPIRED, "certificate expired" },
    { NTLS_ALERT_CERTIFICATE_UNKNOWN, "certificate unknown" },
    { NTLS_ALERT_ILLEGAL_PARAMETER, "illegal parameter" },
    { NTLS_ALERT_UNKNOWN_CA, "unknown ca" },
    { NTLS_ALERT_ACCESS_DENIED, "access denied" },
    { NTLS_ALERT_DECODE_ERROR, "decode error" },
    { NTLS_ALERT_DECRYPT_ERROR, "decrypt error" },
    { NTLS_ALERT_EXPORT_RESTRICTION, "export restriction" },
    { NTLS_ALERT_PROTOCOL_VERSION, "protocol version" },
    { NTLS_ALERT_INSUFFICIENT_SECURITY, "insufficient security" },
    { NTLS_ALERT_INTERNAL_ERROR, "internal error" },
    { NTLS_ALERT_USER_CANCELED, "user canceled" },
    { NTLS_ALERT_NO_RENEGOTIATION, "no renegotiation" },
    { NTLS_ALERT_UNSUPPORTED_EXTENSION, "unsupported extension" },
    { NTLS_ALERT_UNRECOGNIZED_NAME, "unrecognized name" },
};

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

int ntls_alert_for_error(enum ntls_err err)
{
    for (size_t i = 0; i < COUNT(error_alerts); i++) {
        if (error_alerts[i].err == err) {
            return error_alerts[i].desc;
        }
    }
    return -1;
}

enum ntls_alert_level ntls_alert_level_for(uint8_t desc)
{
    switch (desc) {
    case NTLS_ALERT_CLOSE_NOTIFY:
    case NTLS_ALERT_NO_RENEGOTIATION:
    case NTLS_ALERT_USER_CANCELED:
        return NTLS_ALERT_WARNING;
    default:
        return NTLS_ALERT_FATAL;
    }
}

enum ntls_err ntls_alert_to_error(uint8_t desc)
{
    return desc == NTLS_ALERT_CLOSE_NOTIFY ? NTLS_E_CLOSED : NTLS_E_PEER_ALERT;
}

const char *ntls_alert_name(uint8_t desc)
{
    for (size_t i = 0; i < COUNT(alert_names); i++) {
        if (alert_names[i].desc == desc) {
            return alert_names[i].name;
        }
    }
    return NULL;
}
