/* nettls: ephemeral key exchange settings as OpenSSL 1.1.0 takes them (SSL_CTX_set_tmp_dh(3),
 * SSL_CTX_set1_curves(3)): a server's DH group, the ECDHE groups, and how they reach the engine's config.
 *
 * - SSL_CTX_set_tmp_dh: the parameters are read back from the DH object with i2d_DHparams() (the DH lives in
 *   the crypto half) and parsed by lib/x509. Without it, or with SSL_CTX_set_dh_auto(ctx, 1), the server
 *   uses the engine's built-in RFC 7919 ffdhe2048 group (1.1.0's dh_auto also picks a 2048-bit group for a
 *   2048-bit certificate).
 * - A client accepts DH groups of 2048 bits and more (the engine's default). OpenSSL 1.1.0 has no knob for
 *   this besides the security level; nettls keeps the engine's floor whatever @SECLEVEL says.
 * - Groups: P-256, P-384 and X25519, by OpenSSL's names ("P-256", "prime256v1", "P-384", "secp384r1",
 *   "X25519"), case-sensitive as in 1.1.0; an unknown or repeated name fails the whole list.
 *   SSL_CTX_set_tmp_ecdh() narrows the groups to the EC_KEY's curve, as 1.1.0 does.
 * - ECDH is always on (1.1.0): SSL_CTX_set_ecdh_auto() is a macro that does nothing. */
#include <stdlib.h>
#include <string.h>

#include <openssl/dh.h>
#include <openssl/ec.h>
#include <openssl/err.h>
#include <openssl/obj_mac.h>
#include <openssl/ssl.h>

#include "ssl_local.h"
#include "x509/x509.h"

/* The smallest DH group a server may be given: security level 1's 80 bits (SSL_CTX_set_security_level(3)). */
enum { DH_MIN_BITS = 1024 };

struct group_name {
    const char *name;
    int nid;
};

static const struct group_name group_names[] = {
    { "P-256", NID_X9_62_prime256v1 }, { SN_X9_62_prime256v1, NID_X9_62_prime256v1 },
    { "P-384", NID_secp384r1 },        { SN_secp384r1, NID_secp384r1 },
    { SN_X25519, NID_X25519 },
};

/* RFC 4492 5.1.1 NamedCurve values (RFC 8422 6 for x25519); 0 for a curve the engine does not have. */
static uint16_t group_id(int nid)
{
    switch (nid) {
    case NID_X9_62_prime256v1:
        return 23;
    case NID_secp384r1:
        return 24;
    case NID_X25519:
        return 29;
    default:
        return 0;
    }
}

/* 1.1.0's tls1_set_curves: every nid known, none twice; 0 leaves the list as it was. */
static long set_groups(struct ntls_compat_settings *set, const int *nids, long n)
{
    uint16_t ids[sizeof set->groups / sizeof set->groups[0]];
    if (nids == NULL || n <= 0 || (size_t)n > sizeof ids / sizeof ids[0]) {
        return 0;
    }
    for (long i = 0; i < n; i++) {
        ids[i] = group_id(nids[i]);
        for (long j = 0; j < i; j++) {
            if (ids[j] == ids[i]) {
                return 0;
            }
        }
        if (ids[i] == 0) {
            return 0;
        }
    }
    memcpy(set->groups, ids, (size_t)n * sizeof ids[0]);
    set->ngroups = (size_t)n;
    return 1;
}

static int nid_of_name(const char *name, size_t len)
{
    for (size_t i = 0; i < sizeof group_names / sizeof group_names[0]; i++) {
        if (strlen(group_names[i].name) == len && memcmp(group_names[i].name, name, len) == 0) {
            return group_names[i].nid;
        }
    }
    return NID_undef;
}

/* "P-256:X25519": names separated by colons (1.1.0's CONF_parse_list with ':'). */
static long set_groups_list(struct ntls_compat_settings *set, const char *list)
{
    int nids[sizeof set->groups / sizeof set->groups[0]];
    long n = 0;
    if (list == NULL) {
        return 0;
    }
    for (const char *p = list; *p != '\0';) {
        const char *end = strchr(p, ':');
        size_t len = end != NULL ? (size_t)(end - p) : strlen(p);
        if (n == (long)(sizeof nids / sizeof nids[0])) {
            return 0;
        }
        nids[n] = nid_of_name(p, len);
        if (nids[n++] == NID_undef) {
            return 0;
        }
        p += len + (end != NULL ? 1 : 0);
    }
    return set_groups(set, nids, n);
}

/* ---------------------------------------------------------------------------------------------------- */
/* DH parameters */

void ntls_compat_dh_unref(struct ntls_compat_dh *dh)
{
    if (dh == NULL || atomic_fetch_sub(&dh->refs, 1) > 1) {
        return;
    }
    ntls_x509_dh_params_free(&dh->params);
    free(dh);
}

static struct ntls_compat_dh *dh_ref(struct ntls_compat_dh *dh)
{
    if (dh != NULL) {
        atomic_fetch_add(&dh->refs, 1);
    }
    return dh;
}

static size_t bits_of(const uint8_t *p, size_t len)
{
    size_t bits = len * 8;
    for (uint8_t top = len > 0 ? p[0] : 0x80; (top & 0x80) == 0; top = (uint8_t)(top << 1)) {
        bits--;
    }
    return bits;
}

/* 1.1.0's ssl3_ctx_ctrl(SSL_CTRL_SET_TMP_DH): NULL is "passed a null parameter", a group below the
 * security level is "dh key too small"; the context keeps its own copy. */
static long set_tmp_dh(SSL_CTX *ctx, const DH *dh)
{
    unsigned char *der = NULL;
    int len = dh != NULL ? i2d_DHparams(dh, &der) : -1;
    if (len <= 0) {
        NTLS_SSLERR(dh == NULL ? ERR_R_PASSED_NULL_PARAMETER : ERR_R_DH_LIB);
        return 0;
    }
    struct ntls_compat_dh *h = calloc(1, sizeof *h);
    ntls_result r = ntls_error(NTLS_E_NOMEM);
    if (h != NULL) {
        atomic_init(&h->refs, 1);
        r = ntls_x509_dh_params_parse(&h->params, der, (size_t)len);
    }
    OPENSSL_free(der);
    if (!ntls_is_ok(r) || bits_of(h->params.p, h->params.p_len) < DH_MIN_BITS) {
        bool small = ntls_is_ok(r);
        if (small) {
            ntls_x509_dh_params_free(&h->params);
        }
        free(h);
        NTLS_SSLERR(small ? SSL_R_DH_KEY_TOO_SMALL : h == NULL ? ERR_R_MALLOC_FAILURE : ERR_R_DH_LIB);
        return 0;
    }
    ntls_compat_dh_unref(ctx->dh);
    ctx->dh = h;
    return 1;
}

/* 1.1.0 keeps only the EC_KEY's curve (SSL_CTRL_SET_TMP_ECDH calls tls1_set_curves with that one nid). */
static long set_tmp_ecdh(struct ntls_compat_settings *set, const EC_KEY *key)
{
    if (key == NULL) {
        NTLS_SSLERR(ERR_R_PASSED_NULL_PARAMETER);
        return 0;
    }
    int nid = EC_GROUP_get_curve_name(EC_KEY_get0_group(key));
    if (!set_groups(set, &nid, 1)) {
        NTLS_SSLERR(SSL_R_UNABLE_TO_FIND_ECDH_PARAMETERS);
        return 0;
    }
    return 1;
}

long ntls_compat_kx_ctrl(SSL_CTX *ctx, struct ntls_compat_settings *set, int cmd, long larg, void *parg,
                         bool *handled)
{
    *handled = true;
    switch (cmd) {
    case SSL_CTRL_SET_GROUPS:
        return set_groups(set, parg, larg);
    case SSL_CTRL_SET_GROUPS_LIST:
        return set_groups_list(set, parg);
    case SSL_CTRL_SET_TMP_ECDH:
        return set_tmp_ecdh(set, parg);
    case SSL_CTRL_SET_ECDH_AUTO:
        return 1; /* 1.0.2's command: ECDH is always on */
    default:
        break;
    }
    if (ctx != NULL && cmd == SSL_CTRL_SET_TMP_DH) {
        return set_tmp_dh(ctx, parg);
    }
    if (ctx != NULL && cmd == SSL_CTRL_SET_DH_AUTO) {
        ctx->dh_auto = larg != 0;
        return 1;
    }
    *handled = false;
    return 0;
}

/* The engine's view, when the connection is made: the groups in preference order and the server's DH group
 * (the context's, unless dh_auto). The SSL keeps a reference: the context may change its parameters while
 * the connection runs. The client's smallest accepted group stays the engine's default (2048 bits). */
void ntls_compat_kx_config(SSL *s)
{
    struct ntls_config *cfg = &s->cfg;
    memcpy(cfg->groups, s->set.groups, s->set.ngroups * sizeof cfg->groups[0]);
    cfg->ngroups = s->set.ngroups;
    if (s->dh == NULL && !s->ctx->dh_auto) {
        s->dh = dh_ref(s->ctx->dh);
    }
    cfg->dh_p = s->dh != NULL ? s->dh->params.p : NULL;
    cfg->dh_p_len = s->dh != NULL ? s->dh->params.p_len : 0;
    cfg->dh_g = s->dh != NULL ? s->dh->params.g : NULL;
    cfg->dh_g_len = s->dh != NULL ? s->dh->params.g_len : 0;
    cfg->dh_min_bits = 0;
}
