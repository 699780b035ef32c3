/*
 * -msg: one line per handshake message, alert and ChangeCipherSpec, in the format of s_client's msg_cb:
 *   >>> TLS 1.0, Handshake [length 0049], ClientHello
 *   <<< TLS 1.0, Alert [length 0002], fatal handshake_failure
 * ">>>" is sent, "<<<" received. Record headers (OpenSSL 3 reports them as content type 256) are not printed:
 * the trace shows messages, and nettls's own trace must read the same.
 */
#include <stdio.h>

#include "cli_common.h"

struct cli_name {
    int code;
    const char *name;
};

/* RFC 2246 7.4 HandshakeType, plus the later NewSessionTicket (RFC 5077) and CertificateStatus (RFC 6066). */
static const struct cli_name hs_names[] = {
    { 0, "HelloRequest" },       { 1, "ClientHello" },         { 2, "ServerHello" },
    { 4, "NewSessionTicket" },   { 11, "Certificate" },        { 12, "ServerKeyExchange" },
    { 13, "CertificateRequest" }, { 14, "ServerHelloDone" },   { 15, "CertificateVerify" },
    { 16, "ClientKeyExchange" }, { 20, "Finished" },           { 22, "CertificateStatus" },
};

/* RFC 2246 7.2 AlertDescription, plus the extension-era codes of RFC 6066. */
static const struct cli_name alert_names[] = {
    { 0, "close_notify" },           { 10, "unexpected_message" },   { 20, "bad_record_mac" },
    { 21, "decryption_failed" },     { 22, "record_overflow" },      { 30, "decompression_failure" },
    { 40, "handshake_failure" },     { 42, "bad_certificate" },      { 43, "unsupported_certificate" },
    { 44, "certificate_revoked" },   { 45, "certificate_expired" },  { 46, "certificate_unknown" },
    { 47, "illegal_parameter" },     { 48, "unknown_ca" },           { 49, "access_denied" },
    { 50, "decode_error" },          { 51, "decrypt_error" },        { 60, "export_restriction" },
    { 70, "protocol_version" },      { 71, "insufficient_security" }, { 80, "internal_error" },
    { 86, "inappropriate_fallback" }, { 90, "user_canceled" },       { 100, "no_renegotiation" },
    { 110, "unsupported_extension" }, { 112, "unrecognized_name" },
};

static const char *lookup(const struct cli_name *t, size_t n, int code)
{
    for (size_t i = 0; i < n; i++) {
        if (t[i].code == code) {
            return t[i].name;
        }
    }
    return "???";
}

static const char *version_name(int version)
{
    switch (version) {
    case SSL3_VERSION:
        return "SSL 3.0";
    case TLS1_VERSION:
        return "TLS 1.0";
    case TLS1_1_VERSION:
        return "TLS 1.1";
    case TLS1_2_VERSION:
        return "TLS 1.2";
    default:
        return "???";
    }
}

static void print_alert(const unsigned char *p, size_t len)
{
    if (len != 2) {
        printf(", ???\n");
        return;
    }
    printf(", %s %s\n", p[0] == 1 ? "warning" : p[0] == 2 ? "fatal" : "???",
           lookup(alert_names, sizeof alert_names / sizeof alert_names[0], p[1]));
}

void cli_msg_cb(int write_p, int version, int content_type, const void *buf, size_t len, SSL *ssl, void *arg)
{
    const unsigned char *p = buf;
    const char *dir = write_p ? ">>>" : "<<<";

    (void)ssl;
    (void)arg;
    switch (content_type) {
    case 20:
        printf("%s %s, ChangeCipherSpec [length %04lx]\n", dir, version_name(version), (unsigned long)len);
        break;
    case 21:
        printf("%s %s, Alert [length %04lx]", dir, version_name(version), (unsigned long)len);
        print_alert(p, len);
        break;
    case 22:
        printf("%s %s, Handshake [length %04lx], %s\n", dir, version_name(version), (unsigned long)len,
               len > 0 ? lookup(hs_names, sizeof hs_names / sizeof hs_names[0], p[0]) : "???");
        break;
    default:
        return;
    }
    fflush(stdout);
}
