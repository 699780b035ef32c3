#include "pair.h"

#include <string.h>

static size_t chunk(struct ntls_pair *p, size_t n)
{
    if (p->max_chunk == 0 || n == 0) {
        return n;
    }
    p->rng ^= p->rng << 13;
    p->rng ^= p->rng >> 17;
    p->rng ^= p->rng << 5;
    size_t k = 1 + p->rng % p->max_chunk;
    return k < n ? k : n;
}

/* Moves what `from` has sealed into `to`'s input, as far as both allow. */
static size_t move(struct ntls_pair *p, struct ntls_conn *from, struct ntls_conn *to)
{
    size_t len, room;
    const uint8_t *out = ntls_conn_sendrec_buf(from, &len);
    if (out == NULL || len == 0) {
        return 0;
    }
    uint8_t *in = ntls_conn_recvrec_buf(to, &room);
    if (in == NULL || room == 0) {
        return 0;
    }
    size_t n = chunk(p, len < room ? len : room);
    memcpy(in, out, n);
    if (p->on_wire != NULL) {
        p->on_wire(p, from == p->client, in, n);
    }
    ntls_conn_sendrec_ack(from, n);
    ntls_conn_recvrec_ack(to, n);
    return n;
}

size_t ntls_pair_step(struct ntls_pair *p)
{
    return move(p, p->client, p->server) + move(p, p->server, p->client);
}

void ntls_pair_pump(struct ntls_pair *p)
{
    while (ntls_pair_step(p) > 0) {
    }
}

bool ntls_pair_handshake(struct ntls_pair *p)
{
    if (!ntls_is_ok(ntls_conn_start(p->server)) || !ntls_is_ok(ntls_conn_start(p->client))) {
        return false;
    }
    ntls_pair_pump(p);
    return ntls_conn_handshake_done(p->client) && ntls_conn_handshake_done(p->server);
}

size_t ntls_pair_send(struct ntls_pair *p, bool from_client, const uint8_t *data, size_t len, uint8_t *out,
                      size_t cap)
{
    struct ntls_conn *w = from_client ? p->client : p->server;
    struct ntls_conn *r = from_client ? p->server : p->client;
    size_t sent = 0, got = 0;
    while (sent < len || got < len) {
        size_t room;
        uint8_t *buf = sent < len ? ntls_conn_sendapp_buf(w, &room) : NULL;
        if (buf != NULL) {
            size_t n = len - sent < room ? len - sent : room;
            memcpy(buf, data + sent, n);
            ntls_conn_sendapp_ack(w, n);
            sent += n;
        }
        size_t moved = ntls_pair_step(p), avail;
        const uint8_t *in = ntls_conn_recvapp_buf(r, &avail);
        if (in != NULL && avail > 0 && got < cap) {
            size_t n = avail < cap - got ? avail : cap - got;
            memcpy(out + got, in, n);
            ntls_conn_recvapp_ack(r, n);
            got += n;
        } else if (moved == 0 && buf == NULL) {
            break; /* stuck: a failure or a full reader */
        }
    }
    return got;
}
