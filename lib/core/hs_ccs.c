/* nettls: ChangeCipherSpec (RFC 2246 7.1). It is not a handshake message and not in the transcript, but
 * its place in the flow is fixed, so the table holds it like one. */
#include "conn_internal.h"

ntls_result ntls_ccs_send(struct ntls_conn *c)
{
    return ntls_hs_queue_ccs(c);
}

/* The CCS record is sealed with the old state; what follows goes out with the pending one. */
ntls_result ntls_ccs_sent(struct ntls_conn *c)
{
    return ntls_rec_change_cipher(&c->rec, NTLS_REC_WRITE);
}

ntls_result ntls_ccs_recv(struct ntls_conn *c, struct ntls_cur *body)
{
    uint8_t value;
    NTLS_TRY(ntls_cur_u8(body, &value));
    NTLS_ENSURE(value == 1, NTLS_E_ILLEGAL_PARAMETER);
    NTLS_TRY(ntls_cur_end(body));
    /* The peer's Finished covers the transcript as it is now (RFC 2246 7.4.9). */
    ntls_finished_compute(c->version, c->hs->master, c->is_server, &c->hs->transcript, c->hs->peer_finished);
    return ntls_rec_change_cipher(&c->rec, NTLS_REC_READ);
}
