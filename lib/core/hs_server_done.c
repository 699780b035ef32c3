/* nettls: ServerHelloDone (RFC 2246 7.4.5): an empty message that ends the server's first flight. */
#include "conn_internal.h"

ntls_result ntls_server_done_send(struct ntls_conn *c)
{
    struct ntls_wr w;
    size_t mark;
    NTLS_TRY(ntls_hs_msg_begin(c, 14, 0, &w, &mark));
    return ntls_hs_msg_end(c, &w, mark); /* RFC 2246 7.4.5: struct { } ServerHelloDone */
}

ntls_result ntls_server_done_recv(struct ntls_conn *c, struct ntls_cur *body)
{
    (void)c;
    return ntls_cur_end(body);
}
