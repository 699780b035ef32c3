#include "err.h"

static _Thread_local const char *last_func = "";
static _Thread_local int last_line;

ntls_result ntls_error_at(enum ntls_err err, const char *func, int line)
{
    last_func = func;
    last_line = line;
    return (ntls_result){ err };
}

const char *ntls_error_last_func(void)
{
    return last_func;
}

int ntls_error_last_line(void)
{
    return last_line;
}

const char *ntls_err_name(enum ntls_err err)
{
    switch (err) {
    case NTLS_E_OK: return "ok";
    case NTLS_E_WANT_READ: return "want_read";
    case NTLS_E_WANT_WRITE: return "want_write";
    case NTLS_E_CLOSED: return "closed";
    case NTLS_E_DECODE: return "decode";
    case NTLS_E_UNEXPECTED_MESSAGE: return "unexpected_message";
    case NTLS_E_BAD_RECORD_MAC: return "bad_record_mac";
    case NTLS_E_RECORD_OVERFLOW: return "record_overflow";
    case NTLS_E_HANDSHAKE_FAILURE: return "handshake_failure";
    case NTLS_E_ILLEGAL_PARAMETER: return "illegal_parameter";
    case NTLS_E_PROTOCOL_VERSION: return "protocol_version";
    case NTLS_E_DECRYPT_ERROR: return "decrypt_error";
    case NTLS_E_INSUFFICIENT_SECURITY: return "insufficient_security";
    case NTLS_E_BAD_CERTIFICATE: return "bad_certificate";
    case NTLS_E_UNSUPPORTED_CERTIFICATE: return "unsupported_certificate";
    case NTLS_E_CERT_EXPIRED: return "certificate_expired";
    case NTLS_E_UNKNOWN_CA: return "unknown_ca";
    case NTLS_E_CERT_UNKNOWN: return "certificate_unknown";
    case NTLS_E_ACCESS_DENIED: return "access_denied";
    case NTLS_E_NO_RENEGOTIATION: return "no_renegotiation";
    case NTLS_E_UNRECOGNIZED_NAME: return "unrecognized_name";
    case NTLS_E_PEER_ALERT: return "peer_alert";
    case NTLS_E_INTERNAL: return "internal";
    case NTLS_E_NOMEM: return "nomem";
    case NTLS_E_USAGE: return "usage";
    case NTLS_E_CRYPTO: return "crypto";
    case NTLS_E_SEQ_OVERFLOW: return "seq_overflow";
    }
    return "unknown";
}
