#include "wire.h"

#include <stdlib.h>
#include <string.h>

size_t ntls_wire_feed(struct ntls_conn *c, const uint8_t *in, size_t len, uint8_t *out, size_t cap)
{
    size_t room;
    uint8_t *buf = ntls_conn_recvrec_buf(c, &room);
    if (buf == NULL || room < len) {
        abort();
    }
    memcpy(buf, in, len);
    ntls_conn_recvrec_ack(c, len);
    size_t n;
    const uint8_t *w = ntls_conn_sendrec_buf(c, &n);
    n = n < cap ? n : cap;
    if (n > 0) {
        memcpy(out, w, n);
        ntls_conn_sendrec_ack(c, n);
    }
    return n;
}

size_t ntls_wire_hs_record(uint8_t *out, size_t cap, uint16_t record_version, uint8_t hs_type,
                           const uint8_t *body, size_t len)
{
    struct ntls_wr w = ntls_wr_init(out, cap);
    ntls_wr_u8(&w, 22);
    ntls_wr_u16(&w, record_version);
    ntls_wr_u16(&w, (uint16_t)(len + 4));
    ntls_wr_u8(&w, hs_type);
    ntls_wr_u24(&w, (uint32_t)len);
    ntls_wr_bytes(&w, body, len);
    return w.overflow ? 0 : w.len;
}

size_t ntls_wire_client_hello(uint8_t *out, uint16_t version, uint8_t compression)
{
    struct ntls_wr w = ntls_wr_init(out, 64);
    ntls_wr_u16(&w, version);
    for (int i = 0; i < 32; i++) {
        ntls_wr_u8(&w, (uint8_t)i);
    }
    ntls_wr_u8(&w, 0);
    ntls_wr_u16(&w, 2);
    ntls_wr_u16(&w, 0x002F);
    ntls_wr_u8(&w, 1);
    ntls_wr_u8(&w, compression);
    return w.len;
}
