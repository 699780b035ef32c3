#include "hs_hello.h"

#include <string.h>

static ntls_result parse_session_id(struct ntls_cur *body, uint8_t *id, size_t *id_len)
{
    struct ntls_cur sid;
    NTLS_TRY(ntls_cur_vec8(body, &sid));
    NTLS_ENSURE(sid.len <= NTLS_HELLO_SESSION_ID_MAX, NTLS_E_ILLEGAL_PARAMETER);
    *id_len = sid.len;
    return ntls_cur_copy(&sid, id, sid.len);
}

/* RFC 2246 7.4.1.2 */
ntls_result ntls_client_hello_parse(struct ntls_cur *body, struct ntls_client_hello *ch)
{
    struct ntls_cur compressions;
    memset(ch, 0, sizeof *ch);
    NTLS_TRY(ntls_cur_u16(body, &ch->version));
    NTLS_TRY(ntls_cur_copy(body, ch->random, NTLS_RANDOM_LEN));
    NTLS_TRY(parse_session_id(body, ch->session_id, &ch->session_id_len));
    NTLS_TRY(ntls_cur_vec16(body, &ch->suites));
    NTLS_ENSURE(ch->suites.len >= 2 && ch->suites.len % 2 == 0, NTLS_E_DECODE);
    NTLS_TRY(ntls_cur_vec8(body, &compressions));
    NTLS_ENSURE(compressions.len >= 1, NTLS_E_DECODE);
    /* We never compress, so the client must offer null (RFC 2246 7.4.1.2: it always must). */
    NTLS_ENSURE(memchr(compressions.p, 0, compressions.len) != NULL, NTLS_E_ILLEGAL_PARAMETER);
    return ntls_hello_exts_parse(body, false, &ch->exts);
}

/* RFC 2246 E.1: V2ClientHello, from msg_type on. */
ntls_result ntls_client_hello_parse_v2(struct ntls_cur *msg, struct ntls_client_hello *ch, uint8_t *suites_buf,
                                       size_t suites_cap)
{
    uint8_t msg_type;
    uint16_t spec_len, sid_len, challenge_len;
    struct ntls_cur specs, challenge;
    memset(ch, 0, sizeof *ch);
    ch->from_sslv2 = true;
    NTLS_TRY(ntls_cur_u8(msg, &msg_type));
    NTLS_ENSURE(msg_type == 1, NTLS_E_UNEXPECTED_MESSAGE);
    NTLS_TRY(ntls_cur_u16(msg, &ch->version));
    NTLS_TRY(ntls_cur_u16(msg, &spec_len));
    NTLS_TRY(ntls_cur_u16(msg, &sid_len));
    NTLS_TRY(ntls_cur_u16(msg, &challenge_len));
    NTLS_ENSURE(spec_len > 0 && spec_len % 3 == 0, NTLS_E_DECODE);
    NTLS_ENSURE(sid_len == 0 || sid_len == 16 || sid_len == 32, NTLS_E_DECODE);
    NTLS_ENSURE(challenge_len >= 16 && challenge_len <= NTLS_RANDOM_LEN, NTLS_E_DECODE);
    NTLS_TRY(ntls_cur_take(msg, spec_len, &specs));
    NTLS_TRY(ntls_cur_copy(msg, ch->session_id, sid_len));
    ch->session_id_len = sid_len;
    NTLS_TRY(ntls_cur_take(msg, challenge_len, &challenge));
    NTLS_TRY(ntls_cur_end(msg));
    NTLS_TRY(ntls_cur_copy(&challenge, ch->random + NTLS_RANDOM_LEN - challenge_len, challenge_len));

    struct ntls_wr out = ntls_wr_init(suites_buf, suites_cap);
    while (!ntls_cur_empty(&specs)) {
        uint8_t kind;
        uint16_t suite;
        NTLS_TRY(ntls_cur_u8(&specs, &kind));
        NTLS_TRY(ntls_cur_u16(&specs, &suite));
        if (kind == 0) { /* SSLv2 specs have a non-zero first byte */
            ntls_wr_u16(&out, suite);
        }
    }
    NTLS_TRY(ntls_wr_done(&out));
    NTLS_ENSURE(out.len > 0, NTLS_E_HANDSHAKE_FAILURE);
    ch->suites = ntls_cur_init(suites_buf, out.len);
    return ntls_ok();
}

/* RFC 2246 7.4.1.3 */
ntls_result ntls_server_hello_parse(struct ntls_cur *body, struct ntls_server_hello *sh)
{
    uint8_t compression;
    memset(sh, 0, sizeof *sh);
    NTLS_TRY(ntls_cur_u16(body, &sh->version));
    NTLS_TRY(ntls_cur_copy(body, sh->random, NTLS_RANDOM_LEN));
    NTLS_TRY(parse_session_id(body, sh->session_id, &sh->session_id_len));
    NTLS_TRY(ntls_cur_u16(body, &sh->suite));
    NTLS_TRY(ntls_cur_u8(body, &compression));
    NTLS_ENSURE(compression == 0, NTLS_E_ILLEGAL_PARAMETER);
    return ntls_hello_exts_parse(body, true, &sh->exts);
}

void ntls_client_hello_write_fixed(struct ntls_wr *w, uint16_t version, const uint8_t *random,
                                   const uint8_t *session_id, size_t session_id_len, const uint16_t *suites,
                                   size_t nsuites)
{
    ntls_wr_u16(w, version);
    ntls_wr_bytes(w, random, NTLS_RANDOM_LEN);
    size_t sid = ntls_wr_vec8_open(w);
    ntls_wr_bytes(w, session_id, session_id_len);
    ntls_wr_vec8_close(w, sid);
    size_t list = ntls_wr_vec16_open(w);
    for (size_t i = 0; i < nsuites; i++) {
        ntls_wr_u16(w, suites[i]);
    }
    ntls_wr_vec16_close(w, list);
    ntls_wr_u8(w, 1); /* one compression method: null */
    ntls_wr_u8(w, 0);
}

void ntls_server_hello_write_fixed(struct ntls_wr *w, uint16_t version, const uint8_t *random,
                                   const uint8_t *session_id, size_t session_id_len, uint16_t suite)
{
    ntls_wr_u16(w, version);
    ntls_wr_bytes(w, random, NTLS_RANDOM_LEN);
    size_t sid = ntls_wr_vec8_open(w);
    ntls_wr_bytes(w, session_id, session_id_len);
    ntls_wr_vec8_close(w, sid);
    ntls_wr_u16(w, suite);
    ntls_wr_u8(w, 0); /* null compression */
}

size_t ntls_hello_exts_open(struct ntls_wr *w)
{
    return ntls_wr_vec16_open(w);
}

void ntls_hello_exts_close(struct ntls_wr *w, size_t mark)
{
    if (!w->overflow && w->len == mark + 2) {
        w->len = mark; /* nothing was written: leave the block out */
        return;
    }
    ntls_wr_vec16_close(w, mark);
}
