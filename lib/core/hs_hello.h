/* nettls: ClientHello and ServerHello bodies (RFC 2246 7.4.1.2-3, Appendix E.1 for the SSLv2 form).
 *
 * Pure parsing and building: the structs below say what a hello contains; the handshake handlers decide what
 * it means (version choice, suite choice, resumption). Views point into the message being parsed. */
#ifndef NTLS_CORE_HS_HELLO_H
#define NTLS_CORE_HS_HELLO_H

#include <stdbool.h>
#include <stdint.h>

#include "base/buf.h"
#include "hs_ext.h"
#include "proto.h"

#define NTLS_HELLO_SESSION_ID_MAX 32
#define NTLS_SUITE_SCSV_RENEGOTIATION 0x00FF /* RFC 5746 3.3 */

struct ntls_client_hello {
    uint16_t version; /* client_version: the highest the client supports */
    uint8_t random[NTLS_RANDOM_LEN];
    uint8_t session_id[NTLS_HELLO_SESSION_ID_MAX];
    size_t session_id_len;
    struct ntls_cur suites; /* u16 CipherSuite values, an even number of bytes, not empty */
    struct ntls_hello_exts exts;
    bool from_sslv2; /* parsed from an SSLv2-format ClientHello (no extensions possible) */
};

struct ntls_server_hello {
    uint16_t version;
    uint8_t random[NTLS_RANDOM_LEN];
    uint8_t session_id[NTLS_HELLO_SESSION_ID_MAX];
    size_t session_id_len;
    uint16_t suite;
    struct ntls_hello_exts exts;
};

/* The body of a ClientHello. NTLS_E_DECODE for malformed or truncated bodies and odd or empty suite lists;
 * NTLS_E_ILLEGAL_PARAMETER for a session id over 32 bytes or no null compression method offered. */
NTLS_MUST_CHECK ntls_result ntls_client_hello_parse(struct ntls_cur *body, struct ntls_client_hello *ch);

/* The SSLv2-format ClientHello of RFC 2246 E.1, from msg_type on (the two-byte record header already
 * removed). Only cipher specs of the form {0x00, x, y} (TLS suites) are kept, rewritten into `suites_buf`
 * (room for cipher_spec_length / 3 * 2 bytes, at most 16384 bytes). The challenge becomes the random,
 * right-aligned and padded with leading zeros. */
NTLS_MUST_CHECK ntls_result ntls_client_hello_parse_v2(struct ntls_cur *msg, struct ntls_client_hello *ch,
                                                       uint8_t *suites_buf, size_t suites_cap);

/* The body of a ServerHello. NTLS_E_ILLEGAL_PARAMETER for a session id over 32 bytes or a compression method
 * other than null; NTLS_E_DECODE otherwise. */
NTLS_MUST_CHECK ntls_result ntls_server_hello_parse(struct ntls_cur *body, struct ntls_server_hello *sh);

/* Write the fixed fields of a hello body; the caller then writes the extensions block (see
 * ntls_hello_exts_open/close) or nothing. */
void ntls_client_hello_write_fixed(struct ntls_wr *w, uint16_t version, const uint8_t *random,
                                   const uint8_t *session_id, size_t session_id_len, const uint16_t *suites,
                                   size_t nsuites);
void ntls_server_hello_write_fixed(struct ntls_wr *w, uint16_t version, const uint8_t *random,
                                   const uint8_t *session_id, size_t session_id_len, uint16_t suite);

/* The extensions block: a vec16 that holds the ntls_ext_write_* output. Close drops the block entirely when
 * it stayed empty, as RFC 2246 peers expect no block rather than an empty one. */
size_t ntls_hello_exts_open(struct ntls_wr *w);
void ntls_hello_exts_close(struct ntls_wr *w, size_t mark);

#endif
