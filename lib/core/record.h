/* nettls: the TLS record layer (RFC 2246 6.2), sans I/O.
 *
 * It frames, seals and opens records in the connection's own two buffers and knows nothing about what the
 * records carry: conn.c routes the plaintext by content type (handshake to hs_io.c, alerts, CCS, application
 * data). It never sends an alert: failures are returned, the connection picks the alert.
 *
 * Input. The owner asks for room with ntls_rec_in_buf, reads wire bytes into it, and says how many with
 * ntls_rec_in_ack. It may read ahead: bytes past the current record are kept for the next one, and the
 * input buffer never holds more than one maximal record plus its header of unprocessed bytes. Then
 * ntls_rec_read opens the next complete record in place (decrypted where it lies) and returns a view of its
 * plaintext, or NTLS_E_WANT_READ. The view stays valid until the owner has consumed all of it with
 * ntls_rec_consume (partial consumption is fine: ntls_rec_read returns the rest again). The bytes of a
 * fully consumed record stay where they are until the next ntls_rec_in_buf or ntls_rec_release_buffers.
 *
 * Output. Records are sealed in place in the output buffer. Zero-copy: ntls_rec_seal_begin gives a pointer
 * where the caller writes up to 2^14 bytes of plaintext, ntls_rec_seal_end seals them as one record (two for
 * the 1/n-1 split). Copy path: ntls_rec_write for handshake messages, alerts and CCS, which fragments at
 * 2^14. The sealed bytes to put on the wire come from ntls_rec_out_buf; ntls_rec_out_ack says how many were
 * written (partial writes are fine).
 *
 * Memory. Each buffer is allocated with ntls_calloc on first use (input: NTLS_REC_IN_ALLOC bytes, output:
 * NTLS_REC_OUT_CAP) and kept while in use: nothing is allocated per record. The owner releases them with
 * ntls_rec_release_buffers(), which frees (after wiping) each buffer that holds no bytes, typically when a
 * connection goes idle (OpenSSL's SSL_MODE_RELEASE_BUFFERS); the next use allocates again. Cipher states
 * are heap objects too, allocated when keys are installed (once per handshake), never per record.
 * Consumed plaintext is not wiped record by record (16 KiB of memset would cost ~5% of throughput); the
 * buffers are wiped when released or freed.
 *
 * Errors are sticky per direction: after a failure (other than NTLS_E_USAGE, a caller bug) every later call
 * on that side returns the same error.
 *   NTLS_E_UNEXPECTED_MESSAGE  unknown content type; an empty non-application-data record; more than
 *                              NTLS_REC_MAX_EMPTY empty records in a row
 *   NTLS_E_PROTOCOL_VERSION    a record version other than the one negotiated (or, before, outside the
 *                              hello range)
 *   NTLS_E_RECORD_OVERFLOW     a fragment over 2^14 + 2048 bytes, or a plaintext over 2^14 bytes
 *   NTLS_E_BAD_RECORD_MAC      every MAC, padding or length failure of a protected record
 *   NTLS_E_SEQ_OVERFLOW        a sequence number would wrap past 2^64 - 1 (RFC 2246 6.1)
 *   NTLS_E_WANT_READ / NTLS_E_WANT_WRITE   transient: more input needed / output buffer full */
#ifndef NTLS_CORE_RECORD_H
#define NTLS_CORE_RECORD_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/buf.h"
#include "base/err.h"
#include "proto.h"
#include "record_ops.h"


/* RFC 2246 6.2.1 ContentType */
enum ntls_ctype {
    NTLS_CT_CHANGE_CIPHER_SPEC = 20,
    NTLS_CT_ALERT = 21,
    NTLS_CT_HANDSHAKE = 22,
    NTLS_CT_APPLICATION_DATA = 23,
};

#define NTLS_REC_HEADER 5
#define NTLS_REC_MAX_PLAIN 16384            /* 2^14, RFC 2246 6.2.1 */
#define NTLS_REC_MAX_CIPHER (16384 + 2048) /* RFC 2246 6.2.3 */
#define NTLS_REC_IN_CAP (NTLS_REC_HEADER + NTLS_REC_MAX_CIPHER)
#define NTLS_REC_IN_ALLOC (11 + NTLS_REC_IN_CAP) /* 11 bytes in front align the first fragment to 16 */
/* One maximal record with its 1/n-1 prefix fits with room to spare for a few small records after it. */
#define NTLS_REC_OUT_CAP (NTLS_REC_HEADER + NTLS_REC_MAX_CIPHER)
/* Empty application-data records accepted in a row; the next one is NTLS_E_UNEXPECTED_MESSAGE, so a peer
 * cannot make us spin on them (OpenSSL's MAX_EMPTY_RECORDS has the same value). */
#define NTLS_REC_MAX_EMPTY 32

/* ntls_rec_init flags */
#define NTLS_REC_NO_CBC_SPLIT 0x1u /* no 1/n-1 split (the compat layer sets it for
                                    * SSL_OP_DONT_INSERT_EMPTY_FRAGMENTS) */

enum ntls_rec_dir {
    NTLS_REC_READ,
    NTLS_REC_WRITE,
};

/* The plaintext of the open record: its content type and the bytes not consumed yet. */
struct ntls_rec_view {
    uint8_t type;
    struct ntls_cur data;
};

/* One direction's state (RFC 2246 6.1): the sequence number and the current and pending cipher states.
 * active == NULL is the initial TLS_NULL_WITH_NULL_NULL state. */
struct ntls_rec_side {
    uint64_t seq;
    bool seq_spent; /* seq 2^64 - 1 has been used: no record may follow */
    struct ntls_rec_prot *active, *pending;
};

struct ntls_record {
    /* input: in[in_pos .. in_end) are bytes not yet opened; when in_open, the open record's plaintext left
     * to consume is in[pt_pos .. pt_pos + pt_len) and the next record starts at in_next */
    uint8_t *in;
    size_t in_pos, in_end, in_next, pt_pos, pt_len;
    bool in_open;
    uint8_t in_type;
    unsigned empty_run;
    enum ntls_err in_err;

    /* output: out[out_pos .. out_end) are sealed bytes not yet written; a seal in progress has its
     * plaintext at out[seal_pt ..] and keeps seal_reserve bytes at out_end for the 1/n-1 split */
    uint8_t *out;
    size_t out_pos, out_end, seal_pt, seal_room, seal_reserve;
    bool seal_open;
    uint8_t seal_type;
    enum ntls_err out_err;

    struct ntls_rec_side rd, wr;
    uint16_t version;              /* negotiated; 0 until then */
    uint16_t hello_min, hello_max; /* record versions accepted before negotiation */
    uint16_t out_version;          /* version written in record headers */
    bool is_client;
    unsigned flags;
};

/* Sets r up for a client or a server, with NTLS_REC_* flags. Allocates nothing. Before negotiation it
 * accepts record versions 3.0 and 3.1 and writes 3.1. */
void ntls_rec_init(struct ntls_record *r, bool is_client, unsigned flags);
/* Wipes and frees both buffers and all cipher states. r may be reused after ntls_rec_init. */
void ntls_rec_free(struct ntls_record *r);

/* The negotiated version: from now on exactly this version is accepted on input and written on output. */
void ntls_rec_set_version(struct ntls_record *r, uint16_t version);
/* Before negotiation: accept record versions in [min, max] and write out (all 0x03xx). */
void ntls_rec_set_hello_versions(struct ntls_record *r, uint16_t min, uint16_t max, uint16_t out);

/* Input. ntls_rec_in_buf returns where to put wire bytes and *room, how many fit (0 when the open record and
 * read-ahead bytes fill the buffer: consume first); NULL only when the buffer cannot be allocated. */
uint8_t *ntls_rec_in_buf(struct ntls_record *r, size_t *room);
/* n bytes were written at the pointer ntls_rec_in_buf returned; n <= room. */
void ntls_rec_in_ack(struct ntls_record *r, size_t n);
/* The open record's unconsumed plaintext; or opens the next complete record and returns its plaintext. An
 * empty application-data record is returned with v->data.len == 0 (consume 0 bytes to pass it). */
NTLS_MUST_CHECK ntls_result ntls_rec_read(struct ntls_record *r, struct ntls_rec_view *v);
/* Consumes n bytes of the open record's plaintext (n <= what is left); the record is done when none is
 * left. */
void ntls_rec_consume(struct ntls_record *r, size_t n);
/* Plaintext bytes of the open record not consumed yet (0 when no record is open). */
size_t ntls_rec_in_plaintext(const struct ntls_record *r);

/* Raw access for the one message that does not come in a TLS record, an SSL 2.0-format ClientHello
 * (RFC 2246 E.1): the wire bytes not opened yet (an empty view while a record is open), and consuming n of
 * them (n <= raw.len). The view is valid until the next ntls_rec_in_buf. At most NTLS_REC_IN_CAP bytes are
 * ever buffered, so the caller must reject a message announced longer than that. */
void ntls_rec_peek_raw(const struct ntls_record *r, struct ntls_cur *raw);
void ntls_rec_skip_raw(struct ntls_record *r, size_t n);

/* Output, zero-copy: up to *room bytes of plaintext (at most 2^14) of content type may be written at *p,
 * then ntls_rec_seal_end seals len of them. NTLS_E_WANT_WRITE when the output buffer has no room for a
 * record: write out pending bytes first. */
NTLS_MUST_CHECK ntls_result ntls_rec_seal_begin(struct ntls_record *r, uint8_t type, uint8_t **p,
                                                size_t *room);
/* Seals the len bytes written at the seal_begin pointer (len <= room; 0 gives an empty record, allowed only
 * for application data). A client's TLS 1.0 CBC application data of more than one byte goes out as a
 * one-byte record and a record with the rest (1/n-1 split, against BEAST), unless NTLS_REC_NO_CBC_SPLIT. */
NTLS_MUST_CHECK ntls_result ntls_rec_seal_end(struct ntls_record *r, size_t len);
/* Drops a seal begun with ntls_rec_seal_begin without sealing anything. */
void ntls_rec_seal_cancel(struct ntls_record *r);
/* Output, copy: seals data[0..len) as records of at most 2^14 bytes each and sets *written. When the output
 * buffer fills it stops at a record boundary and returns NTLS_E_WANT_WRITE: write out, then call again with
 * the rest. Alerts and CCS are never split across records. */
NTLS_MUST_CHECK ntls_result ntls_rec_write(struct ntls_record *r, uint8_t type, const void *data, size_t len,
                                           size_t *written);
/* One alert record (RFC 2246 7.2), all or nothing. */
NTLS_MUST_CHECK ntls_result ntls_rec_write_alert(struct ntls_record *r, uint8_t level, uint8_t description);
/* Sealed bytes waiting for the wire (NULL and 0 when there are none; the pointer is valid until the next
 * seal), and how many of them were written. */
const uint8_t *ntls_rec_out_buf(const struct ntls_record *r, size_t *len);
void ntls_rec_out_ack(struct ntls_record *r, size_t n);

/* Keys. Installs the pending cipher state of one direction (keys.c calls this with the key block). */
NTLS_MUST_CHECK ntls_result ntls_rec_set_pending(struct ntls_record *r, enum ntls_rec_dir dir,
                                                 uint16_t version, const struct ntls_rec_keys *k);
/* ChangeCipherSpec (RFC 2246 6.1, 7.1): the pending state of dir becomes current and its sequence number
 * restarts at 0. NTLS_E_UNEXPECTED_MESSAGE when nothing is pending. For READ, the CCS record must have been
 * consumed first; for WRITE, the CCS record must already be sealed. */
NTLS_MUST_CHECK ntls_result ntls_rec_change_cipher(struct ntls_record *r, enum ntls_rec_dir dir);

/* Memory: frees each buffer that holds no bytes (see above). */
void ntls_rec_release_buffers(struct ntls_record *r);
/* Heap bytes r holds now (buffers and cipher states), for tests and memory accounting. */
size_t ntls_rec_heap_bytes(const struct ntls_record *r);

/* The next sequence number of dir; setting it lets tests reach the 2^64 limit. */
uint64_t ntls_rec_seq(const struct ntls_record *r, enum ntls_rec_dir dir);
void ntls_rec_set_seq(struct ntls_record *r, enum ntls_rec_dir dir, uint64_t seq);

#endif
