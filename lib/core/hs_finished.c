/* nettls: Finished (RFC 2246 7.4.9). */
#include <string.h>

#include "base/ct.h"
#include "base/mem.h"
#include "conn_internal.h"

ntls_result ntls_finished_send(struct ntls_conn *c)
{
    uint8_t *mine = c->is_server ? c->server_verify : c->client_verify;
    ntls_finished_compute(c->version, c->hs->master, !c->is_server, &c->hs->transcript, mine);
    struct ntls_wr w;
    size_t mark;
    NTLS_TRY(ntls_hs_msg_begin(c, 20, NTLS_FINISHED_LEN, &w, &mark));
    ntls_wr_bytes(&w, mine, NTLS_FINISHED_LEN);
    return ntls_hs_msg_end(c, &w, mark);
}

ntls_result ntls_finished_recv(struct ntls_conn *c, struct ntls_cur *body)
{
    uint8_t got[NTLS_FINISHED_LEN];
    NTLS_TRY(ntls_cur_copy(body, got, sizeof got));
    /* Compared in constant time; a mismatch is decrypt_error (RFC 2246 7.2.2). */
    uint32_t same = ntls_ct_memeq(got, c->hs->peer_finished, NTLS_FINISHED_LEN);
    NTLS_ENSURE(same != 0, NTLS_E_DECRYPT_ERROR);
    memcpy(c->is_server ? c->client_verify : c->server_verify, got, NTLS_FINISHED_LEN);
    return ntls_ok();
}
