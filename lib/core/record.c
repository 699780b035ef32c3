/* nettls: record framing, sequence numbers, buffers (RFC 2246 6.2). See record.h for the contract. */
#include "record.h"

#include <assert.h>
#include <string.h>

#include "base/mem.h"

/* Records are received at this offset in the input buffer, so that after the 5-byte header the fragment is
 * 16-byte aligned: Nettle's in-place CBC decryption is ~15% slower on a misaligned buffer. */
#define IN_BASE (NTLS_REC_IN_ALLOC - NTLS_REC_IN_CAP)
#define IN_ALLOC NTLS_REC_IN_ALLOC

static ntls_result want(enum ntls_err e)
{
    /* Transient results are not failures: no ntls_error() site is recorded for them. */
    return (ntls_result){ e };
}

static struct ntls_rec_side *side_of(struct ntls_record *r, enum ntls_rec_dir dir)
{
    return dir == NTLS_REC_READ ? &r->rd : &r->wr;
}

static void prot_free(struct ntls_rec_prot *p)
{
    if (p != NULL) {
        ntls_rec_prot_wipe(p);
        ntls_free(p);
    }
}

/* RFC 2246 6.1: "Sequence numbers ... may not exceed 2^64-1": each number is used once, and after the last
 * one the side is spent rather than wrapping to 0. */
static ntls_result take_seq(struct ntls_rec_side *s, uint64_t *seq)
{
    NTLS_ENSURE(!s->seq_spent, NTLS_E_SEQ_OVERFLOW);
    *seq = s->seq;
    if (s->seq == UINT64_MAX) {
        s->seq_spent = true;
    } else {
        s->seq++;
    }
    return ntls_ok();
}

void ntls_rec_init(struct ntls_record *r, bool is_client, unsigned flags)
{
    *r = (struct ntls_record){ 0 };
    r->hello_min = NTLS_SSL30;
    r->hello_max = NTLS_TLS10;
    r->out_version = NTLS_TLS10;
    r->is_client = is_client;
    r->flags = flags;
}

void ntls_rec_free(struct ntls_record *r)
{
    ntls_free_secret(r->in, IN_ALLOC);
    ntls_free_secret(r->out, NTLS_REC_OUT_CAP);
    prot_free(r->rd.active);
    prot_free(r->rd.pending);
    prot_free(r->wr.active);
    prot_free(r->wr.pending);
    ntls_zeroize(r, sizeof *r);
}

void ntls_rec_set_version(struct ntls_record *r, uint16_t version)
{
    r->version = version;
    r->out_version = version;
}

void ntls_rec_set_hello_versions(struct ntls_record *r, uint16_t min, uint16_t max, uint16_t out)
{
    r->hello_min = min;
    r->hello_max = max;
    if (r->version == 0) {
        r->out_version = out;
    }
}

/* ---------------------------------------------------------------------------------------------------- */
/* Input */

uint8_t *ntls_rec_in_buf(struct ntls_record *r, size_t *room)
{
    *room = 0;
    if (r->in == NULL) {
        r->in = ntls_malloc(IN_ALLOC);
        if (r->in == NULL) {
            return NULL;
        }
        r->in_pos = r->in_end = IN_BASE;
    }
    if (!r->in_open && r->in_pos != IN_BASE) {
        /* Move the read-ahead bytes of the next record to the front, so a maximal record always fits.
         * Owners that read exactly what is asked for never get here with bytes to move. */
        size_t left = r->in_end - r->in_pos;
        memmove(&r->in[IN_BASE], &r->in[r->in_pos], left);
        r->in_pos = IN_BASE;
        r->in_end = IN_BASE + left;
    }
    *room = IN_ALLOC - r->in_end;
    return &r->in[r->in_end];
}

void ntls_rec_in_ack(struct ntls_record *r, size_t n)
{
    assert(r->in != NULL && n <= IN_ALLOC - r->in_end);
    if (r->in != NULL && n <= IN_ALLOC - r->in_end) {
        r->in_end += n;
    }
}

/* RFC 2246 6.2.1: the type must be known, the version the expected one, and the length within bounds. */
static ntls_result check_header(const struct ntls_record *r, uint8_t type, uint16_t version, uint16_t len)
{
    NTLS_ENSURE(type >= NTLS_CT_CHANGE_CIPHER_SPEC && type <= NTLS_CT_APPLICATION_DATA,
                NTLS_E_UNEXPECTED_MESSAGE);
    if (r->version != 0) {
        NTLS_ENSURE(version == r->version, NTLS_E_PROTOCOL_VERSION);
    } else {
        NTLS_ENSURE(version >= r->hello_min && version <= r->hello_max, NTLS_E_PROTOCOL_VERSION);
    }
    /* RFC 2246 6.2.3: TLSCiphertext.length MUST NOT exceed 2^14 + 2048; an unprotected record is its
     * plaintext, so 2^14 (6.2.1). */
    NTLS_ENSURE(len <= NTLS_REC_MAX_CIPHER, NTLS_E_RECORD_OVERFLOW);
    NTLS_ENSURE(r->rd.active != NULL || len <= NTLS_REC_MAX_PLAIN, NTLS_E_RECORD_OVERFLOW);
    return ntls_ok();
}

/* Opens the record at in[in_pos] if it is complete. */
static ntls_result open_next(struct ntls_record *r)
{
    struct ntls_cur c = ntls_cur_init(&r->in[r->in_pos], r->in_end - r->in_pos);
    uint8_t type;
    uint16_t version, len;

    if (c.len < NTLS_REC_HEADER) {
        return want(NTLS_E_WANT_READ);
    }
    NTLS_TRY(ntls_cur_u8(&c, &type));
    NTLS_TRY(ntls_cur_u16(&c, &version));
    NTLS_TRY(ntls_cur_u16(&c, &len));
    NTLS_TRY(check_header(r, type, version, len));
    if (c.len < len) {
        return want(NTLS_E_WANT_READ);
    }

    uint64_t seq = 0;
    size_t frag = r->in_pos + NTLS_REC_HEADER, off = 0, n = len;
    NTLS_TRY(take_seq(&r->rd, &seq));
    struct ntls_rec_prot *p = r->rd.active;
    if (p != NULL) {
        NTLS_TRY(p->ops->open(p, type, version, seq, &r->in[frag], len, &off, &n));
        /* The MAC was good, so the length is no secret any more. */
        NTLS_ENSURE(n <= NTLS_REC_MAX_PLAIN, NTLS_E_RECORD_OVERFLOW);
    }
    /* RFC 2246 6.2.1: only application data may come in zero-length fragments; a run of them is bounded. */
    if (n == 0) {
        NTLS_ENSURE(type == NTLS_CT_APPLICATION_DATA, NTLS_E_UNEXPECTED_MESSAGE);
        NTLS_ENSURE(++r->empty_run <= NTLS_REC_MAX_EMPTY, NTLS_E_UNEXPECTED_MESSAGE);
    } else {
        r->empty_run = 0;
    }
    r->in_open = true;
    r->in_type = type;
    r->pt_pos = frag + off;
    r->pt_len = n;
    r->in_next = frag + len;
    return ntls_ok();
}

ntls_result ntls_rec_read(struct ntls_record *r, struct ntls_rec_view *v)
{
    *v = (struct ntls_rec_view){ 0 };
    if (r->in_err != NTLS_E_OK) {
        return want(r->in_err);
    }
    if (!r->in_open) {
        if (r->in == NULL) {
            return want(NTLS_E_WANT_READ);
        }
        ntls_result res = open_next(r);
        if (res.err != NTLS_E_OK) {
            if (res.err != NTLS_E_WANT_READ) {
                r->in_err = res.err;
            }
            return res;
        }
    }
    v->type = r->in_type;
    v->data = ntls_cur_init(&r->in[r->pt_pos], r->pt_len);
    return ntls_ok();
}

void ntls_rec_consume(struct ntls_record *r, size_t n)
{
    assert(n <= r->pt_len);
    if (!r->in_open) {
        return;
    }
    n = n < r->pt_len ? n : r->pt_len;
    r->pt_pos += n;
    r->pt_len -= n;
    if (r->pt_len == 0) {
        r->in_open = false;
        r->in_pos = r->in_next;
        if (r->in_pos == r->in_end) {
            r->in_pos = IN_BASE;
            r->in_end = IN_BASE;
        }
    }
}

void ntls_rec_peek_raw(const struct ntls_record *r, struct ntls_cur *raw)
{
    *raw = ntls_cur_init(NULL, 0);
    if (r->in != NULL && !r->in_open && r->in_err == NTLS_E_OK) {
        *raw = ntls_cur_init(&r->in[r->in_pos], r->in_end - r->in_pos);
    }
}

void ntls_rec_skip_raw(struct ntls_record *r, size_t n)
{
    assert(r->in_open || n <= r->in_end - r->in_pos);
    if (r->in == NULL || r->in_open || n > r->in_end - r->in_pos) {
        return;
    }
    r->in_pos += n;
    if (r->in_pos == r->in_end) {
        r->in_pos = IN_BASE;
        r->in_end = IN_BASE;
    }
}

size_t ntls_rec_in_plaintext(const struct ntls_record *r)
{
    return r->in_open ? r->pt_len : 0;
}

/* ---------------------------------------------------------------------------------------------------- */
/* Output */

/* Room kept in front of a record for the first record of a 1/n-1 split, or 0 when no split applies:
 * only a client's application data, only with a TLS 1.0 CBC state (BEAST attacks the client's chained IV;
 * OpenSSL with SSL_OP_ALL and GnuTLS write one record per write on the server side). */
static size_t split_reserve(const struct ntls_record *r, uint8_t type)
{
    const struct ntls_rec_prot *p = r->wr.active;
    if (p == NULL || !r->is_client || (r->flags & NTLS_REC_NO_CBC_SPLIT) != 0 ||
        type != NTLS_CT_APPLICATION_DATA) {
        return 0;
    }
    return p->ops->split_reserve(p);
}

static void overhead(const struct ntls_record *r, size_t *head, size_t *tail)
{
    *head = 0;
    *tail = 0;
    if (r->wr.active != NULL) {
        r->wr.active->ops->overhead(r->wr.active, head, tail);
    }
}

ntls_result ntls_rec_seal_begin(struct ntls_record *r, uint8_t type, uint8_t **p, size_t *room)
{
    size_t head, tail;

    *p = NULL;
    *room = 0;
    if (r->out_err != NTLS_E_OK) {
        return want(r->out_err);
    }
    NTLS_ENSURE(!r->seal_open, NTLS_E_USAGE);
    NTLS_ENSURE(type >= NTLS_CT_CHANGE_CIPHER_SPEC && type <= NTLS_CT_APPLICATION_DATA, NTLS_E_USAGE);
    if (r->out == NULL) {
        r->out = ntls_malloc(NTLS_REC_OUT_CAP);
        NTLS_ENSURE(r->out != NULL, NTLS_E_NOMEM);
    }
    if (r->out_pos > 0 && NTLS_REC_OUT_CAP - r->out_end < NTLS_REC_OUT_CAP / 2) {
        /* After a partial write, move what is left to the front rather than run out of room. */
        memmove(r->out, &r->out[r->out_pos], r->out_end - r->out_pos);
        r->out_end -= r->out_pos;
        r->out_pos = 0;
    }
    overhead(r, &head, &tail);
    size_t reserve = split_reserve(r, type);
    size_t pt = r->out_end + reserve + NTLS_REC_HEADER + head;
    if (pt + tail >= NTLS_REC_OUT_CAP) {
        return want(NTLS_E_WANT_WRITE);
    }
    size_t n = NTLS_REC_OUT_CAP - pt - tail;
    r->seal_open = true;
    r->seal_type = type;
    r->seal_pt = pt;
    r->seal_room = n < NTLS_REC_MAX_PLAIN ? n : NTLS_REC_MAX_PLAIN;
    r->seal_reserve = reserve;
    *p = &r->out[pt];
    *room = r->seal_room;
    return ntls_ok();
}

/* Seals the record whose header goes at out[rec] and whose len bytes of plaintext follow it (after the
 * ops' head room); returns where the record ends. */
static size_t seal_one(struct ntls_record *r, size_t rec, uint8_t type, size_t len, uint64_t seq)
{
    struct ntls_rec_prot *p = r->wr.active;
    size_t flen = len;
    if (p != NULL) {
        flen = p->ops->seal(p, type, r->out_version, seq, &r->out[rec + NTLS_REC_HEADER], len);
    }
    struct ntls_wr w = ntls_wr_init(&r->out[rec], NTLS_REC_HEADER);
    ntls_wr_u8(&w, type);
    ntls_wr_u16(&w, r->out_version);
    ntls_wr_u16(&w, (uint16_t)flen);
    return rec + NTLS_REC_HEADER + flen;
}

/* The 1/n-1 split: the first plaintext byte goes alone in a record written in the reserved room, which
 * ends exactly where the record of the remaining bytes starts (their header overwrites the first byte's old
 * place), so the two records are contiguous and nothing else moves. */
static ntls_result seal_split(struct ntls_record *r, size_t len)
{
    uint64_t seq1 = 0, seq2 = 0;
    size_t first = r->out_end;
    size_t second = r->seal_pt + 1 - NTLS_REC_HEADER;

    NTLS_ENSURE(!r->wr.seq_spent && r->wr.seq != UINT64_MAX, NTLS_E_SEQ_OVERFLOW);
    NTLS_TRY(take_seq(&r->wr, &seq1));
    NTLS_TRY(take_seq(&r->wr, &seq2));
    r->out[first + NTLS_REC_HEADER] = r->out[r->seal_pt];
    size_t end = seal_one(r, first, r->seal_type, 1, seq1);
    assert(end == second);
    (void)end;
    r->out_end = seal_one(r, second, r->seal_type, len - 1, seq2);
    return ntls_ok();
}

static ntls_result seal_whole(struct ntls_record *r, size_t len)
{
    uint64_t seq = 0;
    size_t head, tail;

    overhead(r, &head, &tail);
    NTLS_TRY(take_seq(&r->wr, &seq));
    if (r->seal_reserve > 0) {
        /* Room was kept for a split that a 0- or 1-byte record does not need: close the gap. */
        memmove(&r->out[r->out_end + NTLS_REC_HEADER + head], &r->out[r->seal_pt], len);
        r->seal_pt = r->out_end + NTLS_REC_HEADER + head;
    }
    r->out_end = seal_one(r, r->seal_pt - head - NTLS_REC_HEADER, r->seal_type, len, seq);
    return ntls_ok();
}

ntls_result ntls_rec_seal_end(struct ntls_record *r, size_t len)
{
    NTLS_ENSURE(r->seal_open, NTLS_E_USAGE);
    r->seal_open = false;
    NTLS_ENSURE(len <= r->seal_room, NTLS_E_USAGE);
    NTLS_ENSURE(len > 0 || r->seal_type == NTLS_CT_APPLICATION_DATA, NTLS_E_USAGE);
    ntls_result res = r->seal_reserve > 0 && len > 1 ? seal_split(r, len) : seal_whole(r, len);
    if (res.err != NTLS_E_OK) {
        r->out_err = res.err;
    }
    return res;
}

void ntls_rec_seal_cancel(struct ntls_record *r)
{
    r->seal_open = false;
}

ntls_result ntls_rec_write(struct ntls_record *r, uint8_t type, const void *data, size_t len, size_t *written)
{
    const uint8_t *src = data;

    *written = 0;
    NTLS_ENSURE(len <= NTLS_REC_MAX_PLAIN ||
                    (type != NTLS_CT_ALERT && type != NTLS_CT_CHANGE_CIPHER_SPEC),
                NTLS_E_USAGE);
    while (*written < len) {
        size_t n = len - *written < NTLS_REC_MAX_PLAIN ? len - *written : NTLS_REC_MAX_PLAIN;
        uint8_t *p;
        size_t room;
        NTLS_TRY(ntls_rec_seal_begin(r, type, &p, &room));
        if (room < n) {
            /* Only possible with sealed bytes pending (an empty buffer has room for 2^14): ask for them
             * to be written rather than send a short fragment, which some peers handle badly. */
            ntls_rec_seal_cancel(r);
            return want(NTLS_E_WANT_WRITE);
        }
        memcpy(p, &src[*written], n);
        NTLS_TRY(ntls_rec_seal_end(r, n));
        *written += n;
    }
    return ntls_ok();
}

ntls_result ntls_rec_write_alert(struct ntls_record *r, uint8_t level, uint8_t description)
{
    const uint8_t alert[2] = { level, description };
    size_t written;
    return ntls_rec_write(r, NTLS_CT_ALERT, alert, sizeof alert, &written);
}

const uint8_t *ntls_rec_out_buf(const struct ntls_record *r, size_t *len)
{
    *len = r->out_end - r->out_pos;
    return *len > 0 ? &r->out[r->out_pos] : NULL;
}

void ntls_rec_out_ack(struct ntls_record *r, size_t n)
{
    assert(n <= r->out_end - r->out_pos);
    n = n < r->out_end - r->out_pos ? n : r->out_end - r->out_pos;
    r->out_pos += n;
    if (r->out_pos == r->out_end && !r->seal_open) {
        r->out_pos = 0;
        r->out_end = 0;
    }
}

/* ---------------------------------------------------------------------------------------------------- */
/* Cipher states */

ntls_result ntls_rec_set_pending(struct ntls_record *r, enum ntls_rec_dir dir, uint16_t version,
                                 const struct ntls_rec_keys *k)
{
    struct ntls_rec_side *s = side_of(r, dir);
    struct ntls_rec_prot *p = ntls_calloc(1, sizeof *p);
    NTLS_ENSURE(p != NULL, NTLS_E_NOMEM);
    ntls_result res = ntls_rec_prot_init(p, version, dir == NTLS_REC_WRITE, k);
    if (res.err != NTLS_E_OK) {
        prot_free(p);
        return res;
    }
    prot_free(s->pending);
    s->pending = p;
    return ntls_ok();
}

ntls_result ntls_rec_change_cipher(struct ntls_record *r, enum ntls_rec_dir dir)
{
    struct ntls_rec_side *s = side_of(r, dir);
    NTLS_ENSURE(s->pending != NULL, NTLS_E_UNEXPECTED_MESSAGE);
    NTLS_ENSURE(dir == NTLS_REC_READ ? !r->in_open : !r->seal_open, NTLS_E_USAGE);
    prot_free(s->active);
    s->active = s->pending;
    s->pending = NULL;
    s->seq = 0;
    s->seq_spent = false;
    return ntls_ok();
}

/* ---------------------------------------------------------------------------------------------------- */
/* Memory and test hooks */

void ntls_rec_release_buffers(struct ntls_record *r)
{
    if (r->in != NULL && !r->in_open && r->in_pos == r->in_end) {
        ntls_free_secret(r->in, IN_ALLOC);
        r->in = NULL;
        r->in_pos = r->in_end = 0;
    }
    if (r->out != NULL && !r->seal_open && r->out_pos == r->out_end) {
        ntls_free_secret(r->out, NTLS_REC_OUT_CAP);
        r->out = NULL;
        r->out_pos = r->out_end = 0;
    }
}

size_t ntls_rec_heap_bytes(const struct ntls_record *r)
{
    const struct ntls_rec_prot *prots[] = { r->rd.active, r->rd.pending, r->wr.active, r->wr.pending };
    size_t n = (r->in != NULL ? IN_ALLOC : 0) + (r->out != NULL ? NTLS_REC_OUT_CAP : 0);
    for (size_t i = 0; i < sizeof prots / sizeof prots[0]; i++) {
        n += prots[i] != NULL ? sizeof *prots[i] : 0;
    }
    return n;
}

uint64_t ntls_rec_seq(const struct ntls_record *r, enum ntls_rec_dir dir)
{
    return dir == NTLS_REC_READ ? r->rd.seq : r->wr.seq;
}

void ntls_rec_set_seq(struct ntls_record *r, enum ntls_rec_dir dir, uint64_t seq)
{
    struct ntls_rec_side *s = side_of(r, dir);
    s->seq = seq;
    s->seq_spent = false;
}
