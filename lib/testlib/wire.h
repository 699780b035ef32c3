/* nettls test library: hand-made wire bytes, for tests that talk to one engine directly. */
#ifndef NTLS_TESTLIB_WIRE_H
#define NTLS_TESTLIB_WIRE_H

#include <stddef.h>
#include <stdint.h>

#include "core/conn.h"

/* Feeds len wire bytes to c and copies what it wrote back into out (at most cap bytes); returns how many.
 * False-y (0) when c wrote nothing. Aborts the test when c takes no input. */
size_t ntls_wire_feed(struct ntls_conn *c, const uint8_t *in, size_t len, uint8_t *out, size_t cap);

/* A record of record_version holding one handshake message of hs_type with body; returns its length. */
size_t ntls_wire_hs_record(uint8_t *out, size_t cap, uint16_t record_version, uint8_t hs_type,
                           const uint8_t *body, size_t len);

/* A ClientHello body with the given version offering AES128-SHA (suite bytes at offsets 37-38) and one
 * compression method; returns its length (at most 64). */
size_t ntls_wire_client_hello(uint8_t *out, uint16_t version, uint8_t compression);

#endif
