/* nettls: ClientHello (RFC 2246 7.4.1.2), sent by the client, received by the server. */
#include <string.h>

#include "base/mem.h"
#include "conn_internal.h"
#include "hs_hello.h"

/* RFC 2246 7.4.1.2: gmt_unix_time then 28 random bytes. */
static ntls_result make_random(uint8_t *random)
{
    uint32_t t = (uint32_t)ntls_conn_now();
    struct ntls_wr w = ntls_wr_init(random, 4);
    ntls_wr_u32(&w, t);
    return ntls_rand_bytes(random + 4, NTLS_RANDOM_LEN - 4);
}

/* The session we may offer: resumable, not expired, made with a suite we still offer. */
static bool offerable(const struct ntls_conn *c, const struct ntls_session *s)
{
    if (s == NULL || s->not_resumable || s->id_len == 0 || ntls_session_expired(s, ntls_conn_now())) {
        return false;
    }
    for (size_t i = 0; i < c->cfg->nsuites; i++) {
        if (c->cfg->suites[i] == s->suite) {
            return true;
        }
    }
    return false;
}

static bool offers_ecdhe(const struct ntls_conn *c)
{
    for (size_t i = 0; i < c->cfg->nsuites; i++) {
        const struct ntls_suite *s = ntls_suite_by_id(c->cfg->suites[i]);
        if (s != NULL && (s->kx == NTLS_KX_ECDHE_RSA || s->kx == NTLS_KX_ECDHE_ECDSA)) {
            return true;
        }
    }
    return false;
}

ntls_result ntls_client_hello_send(struct ntls_conn *c)
{
    struct ntls_wr w;
    size_t mark;
    NTLS_TRY(make_random(c->client_random));
    c->client_version = NTLS_TLS10;

    const uint8_t *sid = NULL;
    size_t sid_len = 0;
    if (offerable(c, c->offered)) {
        sid = c->offered->id;
        sid_len = c->offered->id_len;
    } else {
        ntls_session_unref(c->offered); /* so a server echoing its id cannot resume it */
        c->offered = NULL;
    }
    uint16_t suites[NTLS_MAX_SUITES + 1];
    size_t n = c->cfg->nsuites;
    memcpy(suites, c->cfg->suites, n * sizeof suites[0]);
    suites[n++] = NTLS_SUITE_SCSV_RENEGOTIATION; /* RFC 5746 3.4: we support secure renegotiation */

    size_t host_len = c->server_name != NULL ? strlen(c->server_name) : 0;
    NTLS_TRY(ntls_hs_msg_begin(c, 1, 160 + 2 * n + host_len, &w, &mark));
    ntls_client_hello_write_fixed(&w, c->client_version, c->client_random, sid, sid_len, suites, n);
    size_t exts = ntls_hello_exts_open(&w);
    if (c->server_name != NULL) {
        ntls_ext_write_server_name(&w, c->server_name);
    }
    ntls_ext_write_empty(&w, NTLS_EXT_EXTENDED_MASTER_SECRET); /* RFC 7627 5.1 */
    if (offers_ecdhe(c)) {
        const uint16_t *groups;
        size_t ngroups = ntls_hs_groups(c, &groups);
        ntls_ext_write_groups(&w, groups, ngroups); /* RFC 4492 5.1 */
        ntls_ext_write_point_formats(&w);
    }
    ntls_hello_exts_close(&w, exts);
    return ntls_hs_msg_end(c, &w, mark);
}

static const uint16_t default_groups[] = { NTLS_GROUP_X25519, NTLS_GROUP_SECP256R1, NTLS_GROUP_SECP384R1 };

size_t ntls_hs_groups(const struct ntls_conn *c, const uint16_t **groups)
{
    if (c->cfg->ngroups > 0) {
        *groups = c->cfg->groups;
        return c->cfg->ngroups;
    }
    *groups = default_groups;
    return sizeof default_groups / sizeof default_groups[0];
}

enum ntls_pk_type ntls_suite_auth_type(const struct ntls_suite *s)
{
    switch (s->kx) {
    case NTLS_KX_DHE_DSS: return NTLS_PK_DSA;
    case NTLS_KX_ECDHE_ECDSA: return NTLS_PK_EC;
    default: return NTLS_PK_RSA;
    }
}

const struct ntls_identity *ntls_hs_identity_for(const struct ntls_conn *c, enum ntls_pk_type type)
{
    for (size_t i = 0; i < c->cfg->nidentities; i++) {
        const struct ntls_identity *id = &c->cfg->identities[i];
        if (id->key != NULL && id->key->type == type && id->chain_len > 0) {
            return id;
        }
    }
    return NULL;
}

/* RFC 4492 4-5.1: the first of our groups the client supports; a client without supported_groups supports
 * any curve, and we then pick P-256. 0 when there is none, or the client cannot take uncompressed points. */
static uint16_t choose_group(const struct ntls_conn *c, const struct ntls_client_hello *ch)
{
    if (ch->exts.has_point_formats) {
        struct ntls_cur formats = ch->exts.point_formats;
        if (memchr(formats.p, 0, formats.len) == NULL) {
            return 0;
        }
    }
    const uint16_t *groups;
    size_t n = ntls_hs_groups(c, &groups);
    for (size_t i = 0; i < n; i++) {
        bool wanted = ch->exts.has_groups ? ntls_u16_list_has(ch->exts.groups, groups[i])
                                          : groups[i] == NTLS_GROUP_SECP256R1;
        if (wanted) {
            return groups[i];
        }
    }
    return 0;
}

/* Whether the server can do suite s for this ClientHello: a key exchange we implement, a certificate of
 * the kind the suite authenticates with, and for ECDHE a group in common. */
static bool usable(const struct ntls_conn *c, const struct ntls_suite *s, const struct ntls_client_hello *ch)
{
    if (s == NULL || !ntls_conn_suite_supported(s) || ntls_hs_identity_for(c, ntls_suite_auth_type(s)) == NULL) {
        return false;
    }
    bool ecdhe = s->kx == NTLS_KX_ECDHE_RSA || s->kx == NTLS_KX_ECDHE_ECDSA;
    return !ecdhe || choose_group(c, ch) != 0;
}

/* The first of our suites (server preference) or of the client's (client preference) that both offer. */
static const struct ntls_suite *choose_suite(const struct ntls_conn *c, const struct ntls_client_hello *ch)
{
    const struct ntls_config *cfg = c->cfg;
    if (cfg->flags & NTLS_CFG_SERVER_PREFERENCE) {
        for (size_t i = 0; i < cfg->nsuites; i++) {
            const struct ntls_suite *s = ntls_suite_by_id(cfg->suites[i]);
            if (ntls_u16_list_has(ch->suites, cfg->suites[i]) && usable(c, s, ch)) {
                return s;
            }
        }
        return NULL;
    }
    struct ntls_cur offered = ch->suites;
    uint16_t id;
    while (ntls_is_ok(ntls_cur_u16(&offered, &id))) {
        for (size_t i = 0; i < cfg->nsuites; i++) {
            if (cfg->suites[i] == id && usable(c, ntls_suite_by_id(id), ch)) {
                return ntls_suite_by_id(id);
            }
        }
    }
    return NULL;
}

/* Below this many bits of strength (NULL, single DES, export) a suite is weak by any standard. */
#define WEAK_BITS 112

/* RFC 2246 7.2.2: insufficient_security when everything the client offered that we know is weak and weaker
 * than every suite we allow (it offered only what we turned off as too weak); handshake_failure otherwise. */
static enum ntls_err no_suite_error(const struct ntls_conn *c, struct ntls_cur offered)
{
    unsigned weakest_allowed = ~0u, strongest_offered = 0;
    for (size_t i = 0; i < c->cfg->nsuites; i++) {
        const struct ntls_suite *s = ntls_suite_by_id(c->cfg->suites[i]);
        if (s != NULL && s->strength_bits < weakest_allowed) {
            weakest_allowed = s->strength_bits;
        }
    }
    uint16_t id;
    bool known = false;
    while (ntls_is_ok(ntls_cur_u16(&offered, &id))) {
        const struct ntls_suite *s = ntls_suite_by_id(id);
        if (s != NULL) {
            known = true;
            strongest_offered = s->strength_bits > strongest_offered ? s->strength_bits : strongest_offered;
        }
    }
    bool too_weak = known && strongest_offered < weakest_allowed && strongest_offered < WEAK_BITS;
    return too_weak ? NTLS_E_INSUFFICIENT_SECURITY : NTLS_E_HANDSHAKE_FAILURE;
}

/* RFC 2246 7.3 and RFC 7627 5.3: whether the session the client offered can be resumed. */
static ntls_result try_resume(struct ntls_conn *c, const struct ntls_client_hello *ch)
{
    const struct ntls_config *cfg = c->cfg;
    if (ch->session_id_len == 0 || cfg->cache == NULL || (cfg->flags & NTLS_CFG_NO_SESSION_CACHE)) {
        return ntls_ok();
    }
    struct ntls_session *s = ntls_session_cache_find(cfg->cache, ch->session_id, ch->session_id_len,
                                                     ntls_conn_now());
    if (s == NULL) {
        return ntls_ok();
    }
    bool same_ctx = s->sid_ctx_len == cfg->sid_ctx_len && memcmp(s->sid_ctx, cfg->sid_ctx, s->sid_ctx_len) == 0;
    if (s->extended_master_secret && !ch->exts.extended_master_secret) {
        ntls_session_unref(s);
        return ntls_error(NTLS_E_HANDSHAKE_FAILURE); /* RFC 7627 5.3: abort */
    }
    /* A session made without EMS is not resumed by a client that now offers it (RFC 7627 5.3: full
     * handshake), nor one whose suite the client no longer offers. */
    if (!same_ctx || s->version != c->version || s->not_resumable ||
        s->extended_master_secret != ch->exts.extended_master_secret || !ntls_u16_list_has(ch->suites, s->suite) ||
        ntls_suite_by_id(s->suite) == NULL) {
        ntls_session_unref(s);
        return ntls_ok();
    }
    c->session = s;
    c->reused = true;
    c->suite = ntls_suite_by_id(s->suite);
    NTLS_TRY(ntls_hs_restore_peer_chain(c));
    memcpy(c->hs->master, s->master_secret, NTLS_MASTER_SECRET_LEN);
    ntls_hs_set_flow(c, HS_RESUME);
    return ntls_ok();
}

static ntls_result new_session(struct ntls_conn *c)
{
    const struct ntls_config *cfg = c->cfg;
    struct ntls_session *s = ntls_session_new();
    NTLS_ENSURE(s != NULL, NTLS_E_NOMEM);
    c->session = s;
    if (cfg->cache != NULL && !(cfg->flags & NTLS_CFG_NO_SESSION_CACHE)) {
        s->id_len = NTLS_SESSION_ID_MAX;
        NTLS_TRY(ntls_rand_bytes(s->id, s->id_len));
    }
    memcpy(s->sid_ctx, cfg->sid_ctx, cfg->sid_ctx_len);
    s->sid_ctx_len = cfg->sid_ctx_len;
    s->version = c->version;
    s->suite = c->suite->id;
    s->extended_master_secret = c->use_ems;
    s->created = ntls_conn_now();
    s->timeout = cfg->session_timeout != 0 ? cfg->session_timeout : 300;
    return ntls_ok();
}

/* RFC 5746 3.6 and RFC 4366 3.1: what the server does with the ClientHello's extensions. */
static ntls_result server_take_extensions(struct ntls_conn *c, const struct ntls_client_hello *ch)
{
    if (ch->exts.has_reneg_info) {
        NTLS_ENSURE(ch->exts.reneg_info.len == 0, NTLS_E_HANDSHAKE_FAILURE); /* RFC 5746 3.6 */
    }
    c->secure_reneg = ch->exts.has_reneg_info || ntls_u16_list_has(ch->suites, NTLS_SUITE_SCSV_RENEGOTIATION);
    c->client_sent_ems = ch->exts.extended_master_secret;
    c->use_ems = ch->exts.extended_master_secret;
    if (ch->exts.server_name[0] != '\0') {
        size_t n = strlen(ch->exts.server_name);
        c->server_name = ntls_calloc(1, n + 1);
        NTLS_ENSURE(c->server_name != NULL, NTLS_E_NOMEM);
        memcpy(c->server_name, ch->exts.server_name, n);
        c->sni_accepted = true;
    }
    if (c->cfg->on_server_name != NULL) {
        enum ntls_err e = c->cfg->on_server_name(c, c->server_name);
        NTLS_ENSURE(e == NTLS_E_OK, e);
    }
    return ntls_ok();
}

ntls_result ntls_client_hello_recv(struct ntls_conn *c, struct ntls_cur *body)
{
    struct ntls_client_hello ch;
    NTLS_TRY(ntls_client_hello_parse(body, &ch));
    return ntls_server_accept_hello(c, &ch);
}

ntls_result ntls_server_accept_hello(struct ntls_conn *c, const struct ntls_client_hello *ch)
{
    /* RFC 2246 E.1: a client offering a later version gets TLS 1.0; an earlier one is refused. */
    NTLS_ENSURE(ch->version >= NTLS_TLS10, NTLS_E_PROTOCOL_VERSION);
    c->client_version = ch->version;
    c->version = NTLS_TLS10;
    ntls_rec_set_version(&c->rec, c->version);
    memcpy(c->client_random, ch->random, NTLS_RANDOM_LEN);
    NTLS_TRY(server_take_extensions(c, ch));
    NTLS_TRY(try_resume(c, ch));
    if (c->reused) {
        return ntls_ok();
    }
    c->suite = choose_suite(c, ch);
    NTLS_ENSURE(c->suite != NULL, no_suite_error(c, ch->suites));
    c->identity = ntls_hs_identity_for(c, ntls_suite_auth_type(c->suite));
    c->hs->kx.kx = c->suite->kx;
    c->hs->kx.group = choose_group(c, ch);
    return new_session(c);
}
