/* nettls: the handshake state OpenSSL programs read (SSL_get_state, SSL_state_string(_long)), the info
 * callback's loop events, and the names of alerts. The strings are 1.1.0's ssl/ssl_stat.c.
 *
 * The engine does not expose OpenSSL's state machine; the state is followed from the messages the message
 * hook sees: each handshake message or ChangeCipherSpec sent or received is one state (TLS_ST_CW_* for a
 * client's writes, TLS_ST_SR_* for a server's reads, ...), and the end of the handshake is TLS_ST_OK. */
#include <openssl/ssl.h>

#include "ssl_local.h"

enum { CT_CCS = 20, CT_HS = 22 };

/* The state a message moves a connection into: [server][sent][handshake type], CCS as type 0. */
static int state_of(bool server, bool sent, uint8_t type)
{
    static const struct {
        uint8_t type;
        int st[2][2]; /* [server][sent] */
    } map[] = {
        { 0, { { TLS_ST_CR_CHANGE, TLS_ST_CW_CHANGE }, { TLS_ST_SR_CHANGE, TLS_ST_SW_CHANGE } } },
        { 1, { { -1, TLS_ST_CW_CLNT_HELLO }, { TLS_ST_SR_CLNT_HELLO, -1 } } },
        { 2, { { TLS_ST_CR_SRVR_HELLO, -1 }, { -1, TLS_ST_SW_SRVR_HELLO } } },
        { 11, { { TLS_ST_CR_CERT, TLS_ST_CW_CERT }, { TLS_ST_SR_CERT, TLS_ST_SW_CERT } } },
        { 12, { { TLS_ST_CR_KEY_EXCH, -1 }, { -1, TLS_ST_SW_KEY_EXCH } } },
        { 13, { { TLS_ST_CR_CERT_REQ, -1 }, { -1, TLS_ST_SW_CERT_REQ } } },
        { 14, { { TLS_ST_CR_SRVR_DONE, -1 }, { -1, TLS_ST_SW_SRVR_DONE } } },
        { 15, { { -1, TLS_ST_CW_CERT_VRFY }, { TLS_ST_SR_CERT_VRFY, -1 } } },
        { 16, { { -1, TLS_ST_CW_KEY_EXCH }, { TLS_ST_SR_KEY_EXCH, -1 } } },
        { 20, { { TLS_ST_CR_FINISHED, TLS_ST_CW_FINISHED }, { TLS_ST_SR_FINISHED, TLS_ST_SW_FINISHED } } },
    };
    for (size_t i = 0; i < sizeof map / sizeof map[0]; i++) {
        if (map[i].type == type) {
            return map[i].st[server][sent];
        }
    }
    return -1;
}

static void loop_event(SSL *s)
{
    if (s->set.info_cb != NULL) {
        s->set.info_cb(s, s->server ? SSL_CB_ACCEPT_LOOP : SSL_CB_CONNECT_LOOP, 1);
    }
}

void ntls_compat_state_message(SSL *s, bool sent, uint8_t ctype, const uint8_t *data, size_t len)
{
    int st = -1;
    if (ctype == CT_CCS) {
        st = state_of(s->server, sent, 0);
    } else if (ctype == CT_HS && len > 0 && s->conn != NULL && !ntls_conn_handshake_done(s->conn)) {
        st = state_of(s->server, sent, data[0]);
    }
    if (st >= 0) {
        s->hs_state = st;
        loop_event(s);
    }
}

void ntls_compat_state_done(SSL *s)
{
    s->hs_state = TLS_ST_OK;
}

OSSL_HANDSHAKE_STATE SSL_get_state(const SSL *ssl)
{
    return (OSSL_HANDSHAKE_STATE)ssl->hs_state;
}

static bool in_error(const SSL *s)
{
    return s->conn != NULL && ntls_conn_last_error(s->conn) != NTLS_E_OK;
}

struct state_name {
    int st;
    const char *brief, *full;
};

static const struct state_name state_names[] = {
    { TLS_ST_BEFORE, "PINIT ", "before SSL initialization" },
    { TLS_ST_OK, "SSLOK ", "SSL negotiation finished successfully" },
    { TLS_ST_CW_CLNT_HELLO, "TWCH", "SSLv3/TLS write client hello" },
    { TLS_ST_CR_SRVR_HELLO, "TRSH", "SSLv3/TLS read server hello" },
    { TLS_ST_CR_CERT, "TRSC", "SSLv3/TLS read server certificate" },
    { TLS_ST_CR_KEY_EXCH, "TRSKE", "SSLv3/TLS read server key exchange" },
    { TLS_ST_CR_CERT_REQ, "TRCR", "SSLv3/TLS read server certificate request" },
    { TLS_ST_CR_SRVR_DONE, "TRSD", "SSLv3/TLS read server done" },
    { TLS_ST_CW_CERT, "TWCC", "SSLv3/TLS write client certificate" },
    { TLS_ST_CW_KEY_EXCH, "TWCKE", "SSLv3/TLS write client key exchange" },
    { TLS_ST_CW_CERT_VRFY, "TWCV", "SSLv3/TLS write certificate verify" },
    { TLS_ST_CW_CHANGE, "TWCCS", "SSLv3/TLS write change cipher spec" },
    { TLS_ST_SW_CHANGE, "TWCCS", "SSLv3/TLS write change cipher spec" },
    { TLS_ST_CW_FINISHED, "TWFIN", "SSLv3/TLS write finished" },
    { TLS_ST_SW_FINISHED, "TWFIN", "SSLv3/TLS write finished" },
    { TLS_ST_CR_CHANGE, "TRCCS", "SSLv3/TLS read change cipher spec" },
    { TLS_ST_SR_CHANGE, "TRCCS", "SSLv3/TLS read change cipher spec" },
    { TLS_ST_CR_FINISHED, "TRFIN", "SSLv3/TLS read finished" },
    { TLS_ST_SR_FINISHED, "TRFIN", "SSLv3/TLS read finished" },
    { TLS_ST_SR_CLNT_HELLO, "TRCH", "SSLv3/TLS read client hello" },
    { TLS_ST_SW_SRVR_HELLO, "TWSH", "SSLv3/TLS write server hello" },
    { TLS_ST_SW_CERT, "TWSC", "SSLv3/TLS write certificate" },
    { TLS_ST_SW_KEY_EXCH, "TWSKE", "SSLv3/TLS write key exchange" },
    { TLS_ST_SW_CERT_REQ, "TWCR", "SSLv3/TLS write certificate request" },
    { TLS_ST_SW_SRVR_DONE, "TWSD", "SSLv3/TLS write server done" },
    { TLS_ST_SR_CERT, "TRCC", "SSLv3/TLS read client certificate" },
    { TLS_ST_SR_KEY_EXCH, "TRCKE", "SSLv3/TLS read client key exchange" },
    { TLS_ST_SR_CERT_VRFY, "TRCV", "SSLv3/TLS read certificate verify" },
};

static const struct state_name *state_name(const SSL *s)
{
    for (size_t i = 0; i < sizeof state_names / sizeof state_names[0]; i++) {
        if (state_names[i].st == s->hs_state) {
            return &state_names[i];
        }
    }
    return NULL;
}

const char *SSL_state_string(const SSL *s)
{
    if (in_error(s)) {
        return "SSLERR";
    }
    const struct state_name *n = state_name(s);
    return n != NULL ? n->brief : "UNKWN ";
}

const char *SSL_state_string_long(const SSL *s)
{
    if (in_error(s)) {
        return "error";
    }
    const struct state_name *n = state_name(s);
    return n != NULL ? n->full : "unknown state";
}

/* ---------------------------------------------------------------------------------------------------- */
/* Alerts: value is level << 8 | description, as the info callback passes it (RFC 2246 7.2). */

const char *SSL_alert_type_string(int value)
{
    switch (value >> 8) {
    case SSL3_AL_WARNING:
        return "W";
    case SSL3_AL_FATAL:
        return "F";
    default:
        return "U";
    }
}

const char *SSL_alert_type_string_long(int value)
{
    switch (value >> 8) {
    case SSL3_AL_WARNING:
        return "warning";
    case SSL3_AL_FATAL:
        return "fatal";
    default:
        return "unknown";
    }
}

struct alert_name {
    uint8_t desc;
    const char *brief, *full;
};

static const struct alert_name alert_names[] = {
    { 0, "CN", "close notify" },
    { 10, "UM", "unexpected_message" },
    { 20, "BM", "bad record mac" },
    { 21, "DC", "decryption failed" },
    { 22, "RO", "record overflow" },
    { 30, "DF", "decompression failure" },
    { 40, "HF", "handshake failure" },
    { 41, "NC", "no certificate" },
    { 42, "BC", "bad certificate" },
    { 43, "UC", "unsupported certificate" },
    { 44, "CR", "certificate revoked" },
    { 45, "CE", "certificate expired" },
    { 46, "CU", "certificate unknown" },
    { 47, "IP", "illegal parameter" },
    { 48, "CA", "unknown CA" },
    { 49, "AD", "access denied" },
    { 50, "DE", "decode error" },
    { 51, "CY", "decrypt error" },
    { 60, "ER", "export restriction" },
    { 70, "PV", "protocol version" },
    { 71, "IS", "insufficient security" },
    { 80, "IE", "internal error" },
    { 90, "US", "user canceled" },
    { 100, "NR", "no renegotiation" },
    { 110, "UE", "unsupported extension" },
    { 111, "CO", "certificate unobtainable" },
    { 112, "UN", "unrecognized name" },
    { 113, "BR", "bad certificate status response" },
    { 114, "BH", "bad certificate hash value" },
    { 115, "UP", "unknown PSK identity" },
};

static const struct alert_name *alert_name(int value)
{
    for (size_t i = 0; i < sizeof alert_names / sizeof alert_names[0]; i++) {
        if (alert_names[i].desc == (value & 0xff)) {
            return &alert_names[i];
        }
    }
    return NULL;
}

const char *SSL_alert_desc_string(int value)
{
    const struct alert_name *n = alert_name(value);
    return n != NULL ? n->brief : "UK";
}

const char *SSL_alert_desc_string_long(int value)
{
    const struct alert_name *n = alert_name(value);
    return n != NULL ? n->full : "unknown";
}
