/* nettls: hello extensions (RFC 4366 2.3, RFC 4492 5.1, RFC 5746 3.2, RFC 7627 4).
 *
 * The parser checks syntax only (lengths, duplicates, empty bodies where required) and keeps views into the
 * message; what an extension means for the handshake (a non-empty renegotiation_info on a first handshake, a
 * server_name the server does not know) is decided by the hello handlers. Unknown extensions are skipped. */
#ifndef NTLS_CORE_HS_EXT_H
#define NTLS_CORE_HS_EXT_H

#include <stdbool.h>
#include <stdint.h>

#include "base/buf.h"

enum ntls_ext_type {
    NTLS_EXT_SERVER_NAME = 0,
    NTLS_EXT_SUPPORTED_GROUPS = 10, /* "elliptic_curves" in RFC 4492 */
    NTLS_EXT_EC_POINT_FORMATS = 11,
    NTLS_EXT_EXTENDED_MASTER_SECRET = 23,
    NTLS_EXT_SESSION_TICKET = 35,
    NTLS_EXT_RENEGOTIATION_INFO = 0xff01,
};

#define NTLS_HOST_NAME_MAX 255

/* What a ClientHello or ServerHello said in its extensions. Views point into the message. */
struct ntls_hello_exts {
    bool present; /* the message had an extensions block at all */
    bool has_server_name;
    char server_name[NTLS_HOST_NAME_MAX + 1]; /* NUL-terminated host_name; empty in a ServerHello's ack */
    bool has_groups;
    struct ntls_cur groups; /* u16 NamedCurve values, an even number of bytes, not empty */
    bool has_point_formats;
    struct ntls_cur point_formats; /* u8 ECPointFormat values, not empty */
    bool extended_master_secret;
    bool has_reneg_info;
    struct ntls_cur reneg_info; /* renegotiated_connection */
};

/* Parses an extensions block: `in` holds everything after the fixed hello fields. An empty `in` means "no
 * extensions" (RFC 2246 hellos may end there); otherwise it must be exactly one vec16 of extensions.
 * from_server selects the ServerHello rules (server_name must be empty there). NTLS_E_DECODE for malformed,
 * truncated or duplicated extensions and for trailing bytes. */
NTLS_MUST_CHECK ntls_result ntls_hello_exts_parse(struct ntls_cur *in, bool from_server,
                                                  struct ntls_hello_exts *exts);

/* True when the u16 list in `list` (an even number of bytes) contains v. */
bool ntls_u16_list_has(struct ntls_cur list, uint16_t v);

/* Writers for the extensions we send; each writes one whole extension (type, length, body). */
void ntls_ext_write_server_name(struct ntls_wr *w, const char *host);
void ntls_ext_write_empty(struct ntls_wr *w, enum ntls_ext_type type); /* EMS, or a server's SNI ack */
void ntls_ext_write_reneg_info(struct ntls_wr *w, const uint8_t *verify_data, size_t len);
void ntls_ext_write_groups(struct ntls_wr *w, const uint16_t *groups, size_t n);
void ntls_ext_write_point_formats(struct ntls_wr *w); /* uncompressed only (RFC 4492 5.1.2) */

#endif
