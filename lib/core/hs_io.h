/* nettls: handshake message framing over the record layer (RFC 2246 7.4).
 *
 * Each message is a 4-byte header (HandshakeType, uint24 length) and a body. Records and messages are
 * independent: a record may hold several messages, and a message may span many records. Input: a message
 * that lies whole in one record is returned as a view into the record layer's input buffer (no copy); one
 * that spans records is gathered in a reassembly buffer, allocated for it and freed at the next call. The
 * raw bytes (header + body) are returned too, for the caller to add to the transcript hash.
 *
 * Output: handshake messages are built with an ntls_wr between ntls_hs_wr_begin and ntls_hs_wr_end and
 * handed to ntls_rec_write, which fragments them. */
#ifndef NTLS_CORE_HS_IO_H
#define NTLS_CORE_HS_IO_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/buf.h"
#include "base/err.h"
#include "record.h"

#define NTLS_HS_HEADER 4
#define NTLS_HS_CERTIFICATE 11                /* RFC 2246 7.4 HandshakeType certificate */
#define NTLS_HS_MAX_DEFAULT (64 * 1024)       /* body bytes, for every message but Certificate */
#define NTLS_HS_MAX_CERT_DEFAULT (100 * 1024) /* OpenSSL's default max_cert_list */

struct ntls_hs_msg {
    /* 22 (handshake): a message is below. Anything else: the next record has that content type and no
     * message is in progress; it was left unconsumed for the caller to route (alert, CCS, app data). */
    uint8_t ctype;
    uint8_t type;          /* HandshakeType */
    struct ntls_cur body;  /* the body, without the header */
    struct ntls_cur raw;   /* header + body, as they were on the wire: what the transcript hashes */
};

struct ntls_hs_in {
    uint8_t hdr[NTLS_HS_HEADER]; /* a header that arrived split across records */
    size_t hdr_len;
    uint8_t *buf; /* reassembly buffer: the whole message, header included */
    size_t need, have;
    bool buf_returned; /* the last message returned lives in buf: free it on the next call */
    size_t max_len, max_cert_len;
};

/* Limits are NTLS_HS_MAX_DEFAULT and NTLS_HS_MAX_CERT_DEFAULT. Allocates nothing. */
void ntls_hs_in_init(struct ntls_hs_in *h);
/* Largest body accepted for Certificate and for every other message; a larger announced length is
 * NTLS_E_ILLEGAL_PARAMETER (OpenSSL's "excessive message size"), before anything is allocated. */
void ntls_hs_in_set_limits(struct ntls_hs_in *h, size_t max_len, size_t max_cert_len);
/* Frees the reassembly buffer. */
void ntls_hs_in_free(struct ntls_hs_in *h);

/* The next handshake message from r. NTLS_E_WANT_READ when r needs more bytes (the part received so far is
 * kept). A record that is not a handshake record while a message is partly received is
 * NTLS_E_UNEXPECTED_MESSAGE (RFC 2246 7.4: nothing may come between the fragments of a message; a CCS in the
 * middle of one is unexpected too). The message's bytes are consumed from r; msg's views stay valid until
 * the next call to ntls_hs_in_next, ntls_rec_in_buf or ntls_rec_release_buffers. */
NTLS_MUST_CHECK ntls_result ntls_hs_in_next(struct ntls_hs_in *h, struct ntls_record *r,
                                            struct ntls_hs_msg *msg);
/* True while part of a message has been received. */
bool ntls_hs_in_partial(const struct ntls_hs_in *h);
/* NTLS_E_UNEXPECTED_MESSAGE when a record of content type ctype may not come now because a message is
 * partly received; for callers that route records themselves. */
NTLS_MUST_CHECK ntls_result ntls_hs_in_check_type(const struct ntls_hs_in *h, uint8_t ctype);

/* Writes the header of a message of type and returns a mark; ntls_hs_wr_end fills in the length once the
 * body is written. */
size_t ntls_hs_wr_begin(struct ntls_wr *w, uint8_t type);
void ntls_hs_wr_end(struct ntls_wr *w, size_t mark);

#endif
