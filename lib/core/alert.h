/* nettls: TLS alerts (RFC 2246 7.2) and the one table that turns an error into the alert the peer gets. */
#ifndef NTLS_CORE_ALERT_H
#define NTLS_CORE_ALERT_H

#include <stdint.h>

#include "base/err.h"

/* RFC 2246 7.2: AlertLevel */
enum ntls_alert_level {
    NTLS_ALERT_WARNING = 1,
    NTLS_ALERT_FATAL = 2,
};

/* RFC 2246 7.2, RFC 4366 4 and RFC 5246 7.2: AlertDescription */
enum ntls_alert_desc {
    NTLS_ALERT_CLOSE_NOTIFY = 0,
    NTLS_ALERT_UNEXPECTED_MESSAGE = 10,
    NTLS_ALERT_BAD_RECORD_MAC = 20,
    NTLS_ALERT_DECRYPTION_FAILED = 21, /* never sent: it would be a padding oracle */
    NTLS_ALERT_RECORD_OVERFLOW = 22,
    NTLS_ALERT_DECOMPRESSION_FAILURE = 30,
    NTLS_ALERT_HANDSHAKE_FAILURE = 40,
    NTLS_ALERT_NO_CERTIFICATE = 41, /* SSL 3.0 only */
    NTLS_ALERT_BAD_CERTIFICATE = 42,
    NTLS_ALERT_UNSUPPORTED_CERTIFICATE = 43,
    NTLS_ALERT_CERTIFICATE_REVOKED = 44,
    NTLS_ALERT_CERTIFICATE_EXPIRED = 45,
    NTLS_ALERT_CERTIFICATE_UNKNOWN = 46,
    NTLS_ALERT_ILLEGAL_PARAMETER = 47,
    NTLS_ALERT_UNKNOWN_CA = 48,
    NTLS_ALERT_ACCESS_DENIED = 49,
    NTLS_ALERT_DECODE_ERROR = 50,
    NTLS_ALERT_DECRYPT_ERROR = 51,
    NTLS_ALERT_EXPORT_RESTRICTION = 60,
    NTLS_ALERT_PROTOCOL_VERSION = 70,
    NTLS_ALERT_INSUFFICIENT_SECURITY = 71,
    NTLS_ALERT_INTERNAL_ERROR = 80,
    NTLS_ALERT_USER_CANCELED = 90,
    NTLS_ALERT_NO_RENEGOTIATION = 100,
    NTLS_ALERT_UNSUPPORTED_EXTENSION = 110,
    NTLS_ALERT_UNRECOGNIZED_NAME = 112,
};

/* The alert a connection sends when it fails with err: the only place that makes this choice. Transient codes
 * (WANT_READ, ...) and NTLS_E_PEER_ALERT (the peer already closed) have no alert and give -1. Every MAC,
 * padding or decryption failure is bad_record_mac, never decryption_failed (two alerts would be an oracle). */
int ntls_alert_for_error(enum ntls_err err);

/* The level an alert is sent with: warning only for close_notify, no_renegotiation and user_canceled. */
enum ntls_alert_level ntls_alert_level_for(uint8_t desc);

/* The error a connection reports after receiving a fatal alert desc from the peer. */
enum ntls_err ntls_alert_to_error(uint8_t desc);

/* The words for an alert that OpenSSL's messages use too ("handshake failure", "decode error"), NULL for an unknown code. */
const char *ntls_alert_name(uint8_t desc);

#endif
