/* nettls: handshake message framing and reassembly (RFC 2246 7.4). See hs_io.h for the contract. */
#include "hs_io.h"

#include <string.h>

#include "base/mem.h"

void ntls_hs_in_init(struct ntls_hs_in *h)
{
    *h = (struct ntls_hs_in){ 0 };
    h->max_len = NTLS_HS_MAX_DEFAULT;
    h->max_cert_len = NTLS_HS_MAX_CERT_DEFAULT;
}

void ntls_hs_in_set_limits(struct ntls_hs_in *h, size_t max_len, size_t max_cert_len)
{
    h->max_len = max_len;
    h->max_cert_len = max_cert_len;
}

static void drop_buf(struct ntls_hs_in *h)
{
    /* Handshake messages carry key exchange values and Finished data: wipe before freeing. */
    ntls_free_secret(h->buf, h->need);
    h->buf = NULL;
    h->need = 0;
    h->have = 0;
    h->buf_returned = false;
}

void ntls_hs_in_free(struct ntls_hs_in *h)
{
    drop_buf(h);
    ntls_zeroize(h->hdr, sizeof h->hdr);
    h->hdr_len = 0;
}

bool ntls_hs_in_partial(const struct ntls_hs_in *h)
{
    return h->hdr_len > 0 || (h->buf != NULL && !h->buf_returned);
}

ntls_result ntls_hs_in_check_type(const struct ntls_hs_in *h, uint8_t ctype)
{
    NTLS_ENSURE(ctype == NTLS_CT_HANDSHAKE || !ntls_hs_in_partial(h), NTLS_E_UNEXPECTED_MESSAGE);
    return ntls_ok();
}

/* Reads a handshake header and checks the announced length against the limits before anything is
 * allocated for it. */
static ntls_result read_header(const struct ntls_hs_in *h, struct ntls_cur *c, uint8_t *type, uint32_t *len)
{
    NTLS_TRY(ntls_cur_u8(c, type));
    NTLS_TRY(ntls_cur_u24(c, len));
    NTLS_ENSURE(*len <= (*type == NTLS_HS_CERTIFICATE ? h->max_cert_len : h->max_len),
                NTLS_E_ILLEGAL_PARAMETER);
    return ntls_ok();
}

static ntls_result set_msg(struct ntls_hs_msg *msg, const uint8_t *raw, size_t len)
{
    uint32_t body_len;
    msg->ctype = NTLS_CT_HANDSHAKE;
    msg->raw = ntls_cur_init(raw, len);
    struct ntls_cur c = msg->raw;
    NTLS_TRY(ntls_cur_u8(&c, &msg->type));
    NTLS_TRY(ntls_cur_u24(&c, &body_len));
    return ntls_cur_take(&c, body_len, &msg->body);
}

/* Gathers a message that does not lie whole in one record: first its header (which may itself be split),
 * then its body into a buffer of exactly the announced size. Consumes what it takes from the record. */
static ntls_result gather(struct ntls_hs_in *h, struct ntls_record *r, struct ntls_cur c,
                          struct ntls_hs_msg *msg, bool *done)
{
    size_t used = 0;

    if (h->buf == NULL) {
        size_t n = NTLS_HS_HEADER - h->hdr_len < c.len ? NTLS_HS_HEADER - h->hdr_len : c.len;
        NTLS_TRY(ntls_cur_copy(&c, &h->hdr[h->hdr_len], n));
        h->hdr_len += n;
        used += n;
        if (h->hdr_len < NTLS_HS_HEADER) {
            ntls_rec_consume(r, used);
            return ntls_ok();
        }
        struct ntls_cur hc = ntls_cur_init(h->hdr, NTLS_HS_HEADER);
        uint8_t type;
        uint32_t len;
        NTLS_TRY(read_header(h, &hc, &type, &len));
        h->buf = ntls_calloc(1, NTLS_HS_HEADER + (size_t)len);
        NTLS_ENSURE(h->buf != NULL, NTLS_E_NOMEM);
        h->need = NTLS_HS_HEADER + (size_t)len;
        memcpy(h->buf, h->hdr, NTLS_HS_HEADER);
        h->have = NTLS_HS_HEADER;
        h->hdr_len = 0;
    }
    size_t n = h->need - h->have < c.len ? h->need - h->have : c.len;
    NTLS_TRY(ntls_cur_copy(&c, &h->buf[h->have], n));
    h->have += n;
    used += n;
    ntls_rec_consume(r, used);
    if (h->have == h->need) {
        h->buf_returned = true;
        *done = true;
        return set_msg(msg, h->buf, h->need);
    }
    return ntls_ok();
}

/* A message that starts in this record: if it lies whole in it, return a view into the record (no copy). */
static ntls_result take(struct ntls_hs_in *h, struct ntls_record *r, struct ntls_cur data,
                        struct ntls_hs_msg *msg, bool *done)
{
    if (!ntls_hs_in_partial(h) && data.len >= NTLS_HS_HEADER) {
        struct ntls_cur c = data;
        uint8_t type;
        uint32_t len;
        NTLS_TRY(read_header(h, &c, &type, &len));
        if (c.len >= len) {
            NTLS_TRY(set_msg(msg, data.p, NTLS_HS_HEADER + (size_t)len));
            ntls_rec_consume(r, NTLS_HS_HEADER + (size_t)len);
            *done = true;
            return ntls_ok();
        }
    }
    return gather(h, r, data, msg, done);
}

ntls_result ntls_hs_in_next(struct ntls_hs_in *h, struct ntls_record *r, struct ntls_hs_msg *msg)
{
    *msg = (struct ntls_hs_msg){ 0 };
    if (h->buf_returned) {
        drop_buf(h);
    }
    for (;;) {
        struct ntls_rec_view v;
        bool done = false;
        NTLS_TRY(ntls_rec_read(r, &v));
        if (v.type != NTLS_CT_HANDSHAKE) {
            NTLS_TRY(ntls_hs_in_check_type(h, v.type));
            msg->ctype = v.type;
            return ntls_ok();
        }
        /* The record layer never returns an empty handshake record, so each turn consumes a byte or more. */
        NTLS_TRY(take(h, r, v.data, msg, &done));
        if (done) {
            return ntls_ok();
        }
    }
}

size_t ntls_hs_wr_begin(struct ntls_wr *w, uint8_t type)
{
    ntls_wr_u8(w, type);
    return ntls_wr_vec24_open(w);
}

void ntls_hs_wr_end(struct ntls_wr *w, size_t mark)
{
    ntls_wr_vec24_close(w, mark);
}
