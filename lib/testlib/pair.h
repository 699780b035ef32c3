/* nettls test library: two engines wired together in memory (GnuTLS tests/eagain-common.h, s2n's
 * negotiate-until-message), with optional random short transfers. Linked into tests only. */
#ifndef NTLS_TESTLIB_PAIR_H
#define NTLS_TESTLIB_PAIR_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/conn.h"

struct ntls_pair {
    struct ntls_conn *client, *server;
    size_t max_chunk; /* 0: move everything at once; otherwise at most a random 1..max_chunk bytes a step */
    uint32_t rng;     /* state of the chunk-size generator (xorshift), any non-zero seed */
    /* Sees, and may change, every chunk of wire bytes on its way (NULL: none). */
    void (*on_wire)(struct ntls_pair *p, bool from_client, uint8_t *bytes, size_t len);
    void *arg; /* for on_wire */
};

/* Moves wire bytes one step in each direction; returns how many bytes moved. */
size_t ntls_pair_step(struct ntls_pair *p);
/* Steps until nothing moves. */
void ntls_pair_pump(struct ntls_pair *p);
/* Starts both engines and pumps; true when both finished their handshakes. */
bool ntls_pair_handshake(struct ntls_pair *p);
/* Writes len bytes of application data from one engine, pumps, and reads them on the other into out (at
 * most cap bytes). Returns the number of bytes read. */
size_t ntls_pair_send(struct ntls_pair *p, bool from_client, const uint8_t *data, size_t len, uint8_t *out,
                      size_t cap);

#endif
