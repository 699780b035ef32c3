/* nettls: ServerHello (RFC 2246 7.4.1.3), sent by the server, received by the client. */
#include <string.h>

#include "base/ct.h"
#include "conn_internal.h"
#include "hs_hello.h"
#include "keys.h"

ntls_result ntls_server_hello_send(struct ntls_conn *c)
{
    struct ntls_wr w;
    size_t mark;
    uint32_t t = (uint32_t)ntls_conn_now();
    struct ntls_wr rw = ntls_wr_init(c->server_random, 4);
    ntls_wr_u32(&rw, t);
    NTLS_TRY(ntls_rand_bytes(c->server_random + 4, NTLS_RANDOM_LEN - 4));

    NTLS_TRY(ntls_hs_msg_begin(c, 2, 128, &w, &mark));
    ntls_server_hello_write_fixed(&w, c->version, c->server_random, c->session->id, c->session->id_len,
                                  c->suite->id);
    size_t exts = ntls_hello_exts_open(&w);
    if (c->secure_reneg) {
        ntls_ext_write_reneg_info(&w, NULL, 0); /* RFC 5746 3.6: empty on the initial handshake */
    }
    if (c->use_ems) {
        ntls_ext_write_empty(&w, NTLS_EXT_EXTENDED_MASTER_SECRET);
    }
    if (c->sni_accepted && !c->reused) {
        ntls_ext_write_empty(&w, NTLS_EXT_SERVER_NAME); /* RFC 4366 3.1 */
    }
    ntls_hello_exts_close(&w, exts);
    NTLS_TRY(ntls_hs_msg_end(c, &w, mark));
    if (c->reused) {
        return ntls_hs_install_keys(c);
    }
    ntls_hs_set_flags(c, (ntls_suite_is_ephemeral(c->suite) ? HS_EPHEMERAL : 0) |
                             ((c->cfg->flags & NTLS_CFG_VERIFY_CLIENT) ? HS_CLIENT_AUTH : 0));
    return ntls_ok();
}

static bool offered_suite(const struct ntls_conn *c, uint16_t id)
{
    for (size_t i = 0; i < c->cfg->nsuites; i++) {
        if (c->cfg->suites[i] == id) {
            return true;
        }
    }
    return false;
}

/* RFC 5246 7.4.1.4: a server may only answer extensions the client sent. */
static ntls_result check_extensions(struct ntls_conn *c, const struct ntls_server_hello *sh)
{
    NTLS_ENSURE(!sh->exts.has_server_name || c->server_name != NULL, NTLS_E_HANDSHAKE_FAILURE);
    NTLS_ENSURE(!sh->exts.has_groups, NTLS_E_HANDSHAKE_FAILURE); /* RFC 4492 5.2: only point formats */
    if (sh->exts.has_reneg_info) {
        NTLS_ENSURE(sh->exts.reneg_info.len == 0, NTLS_E_HANDSHAKE_FAILURE); /* RFC 5746 3.4 */
        c->secure_reneg = true;
    }
    c->use_ems = sh->exts.extended_master_secret;
    return ntls_ok();
}

/* RFC 2246 7.3: the server echoed the id we offered, so it resumes that session. */
static ntls_result client_resume(struct ntls_conn *c, const struct ntls_server_hello *sh)
{
    struct ntls_session *s = c->offered;
    NTLS_ENSURE(sh->suite == s->suite, NTLS_E_ILLEGAL_PARAMETER);
    /* RFC 7627 5.3: the extension must be negotiated again exactly when the session had it. */
    NTLS_ENSURE(s->extended_master_secret == c->use_ems, NTLS_E_HANDSHAKE_FAILURE);
    c->session = ntls_session_ref(s);
    c->reused = true;
    NTLS_TRY(ntls_hs_restore_peer_chain(c));
    memcpy(c->hs->master, s->master_secret, NTLS_MASTER_SECRET_LEN);
    ntls_hs_set_flow(c, HS_RESUME);
    return ntls_hs_install_keys(c);
}

static ntls_result client_new_session(struct ntls_conn *c, const struct ntls_server_hello *sh)
{
    c->hs->kx.kx = c->suite->kx;
    if (ntls_suite_is_ephemeral(c->suite)) {
        ntls_hs_set_flags(c, HS_EPHEMERAL);
    }
    struct ntls_session *s = ntls_session_new();
    NTLS_ENSURE(s != NULL, NTLS_E_NOMEM);
    c->session = s;
    memcpy(s->id, sh->session_id, sh->session_id_len);
    s->id_len = sh->session_id_len;
    s->version = c->version;
    s->suite = c->suite->id;
    s->extended_master_secret = c->use_ems;
    s->created = ntls_conn_now();
    s->timeout = c->cfg->session_timeout != 0 ? c->cfg->session_timeout : 300;
    return ntls_ok();
}

ntls_result ntls_server_hello_recv(struct ntls_conn *c, struct ntls_cur *body)
{
    struct ntls_server_hello sh;
    NTLS_TRY(ntls_server_hello_parse(body, &sh));
    NTLS_ENSURE(sh.version == NTLS_TLS10, NTLS_E_PROTOCOL_VERSION);
    c->version = sh.version;
    ntls_rec_set_version(&c->rec, c->version);
    NTLS_ENSURE(offered_suite(c, sh.suite), NTLS_E_ILLEGAL_PARAMETER);
    c->suite = ntls_suite_by_id(sh.suite);
    NTLS_ENSURE(c->suite != NULL && ntls_conn_suite_supported(c->suite), NTLS_E_ILLEGAL_PARAMETER);
    memcpy(c->server_random, sh.random, NTLS_RANDOM_LEN);
    NTLS_TRY(check_extensions(c, &sh));

    const struct ntls_session *o = c->offered;
    if (o != NULL && sh.session_id_len > 0 && sh.session_id_len == o->id_len &&
        memcmp(sh.session_id, o->id, o->id_len) == 0) {
        return client_resume(c, &sh);
    }
    return client_new_session(c, &sh);
}

ntls_result ntls_hs_install_keys(struct ntls_conn *c)
{
    return ntls_keys_install(&c->rec, c->version, c->suite, c->hs->master, c->client_random, c->server_random);
}
