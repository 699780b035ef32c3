/* nettls: ephemeral key exchanges: DHE (RFC 2246 7.4.3, 7.4.7.2) and ECDHE (RFC 4492 5.4, 5.7).
 *
 * Pure message parts, without signatures (hs_server_kx.c signs and checks) and without connection state: the
 * server writes its parameters and reads the client's public value; the client reads the parameters and
 * writes its public value. Each side ends with the premaster secret. A fresh key is made every handshake. */
#ifndef NTLS_CORE_KX_EPHEMERAL_H
#define NTLS_CORE_KX_EPHEMERAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/buf.h"
#include "crypto/crypto.h"
#include "suites.h"

/* RFC 4492 5.1.1 NamedCurve values, and RFC 8422 6 for x25519. */
#define NTLS_GROUP_SECP256R1 23
#define NTLS_GROUP_SECP384R1 24
#define NTLS_GROUP_X25519 29

#define NTLS_PMS_MAX NTLS_DH_MAX_BYTES /* a DH secret is as long as p */

extern const uint8_t ntls_ffdhe2048_p[256];
extern const uint8_t ntls_ffdhe2048_g[1];

struct ntls_kx_state {
    enum ntls_kx kx;
    /* DHE: the group (owned copies) and the peer's public value */
    uint8_t *p, *g, *peer;
    size_t p_len, g_len, peer_len;
    struct ntls_dh dh;
    /* ECDHE */
    uint16_t group;
    enum ntls_curve curve;
    uint8_t ec_priv[NTLS_EC_SCALAR_MAX];
    uint8_t ec_peer[NTLS_EC_POINT_MAX];
    size_t ec_peer_len;
};

/* Whether we implement the named group, and its curve. */
bool ntls_group_curve(uint16_t group, enum ntls_curve *curve);

/* Server: a fresh key in the group (DHE: p and g, copied; ECDHE: the named group set in k->group), then
 * ServerDHParams or ServerECDHParams to w. */
NTLS_MUST_CHECK ntls_result ntls_kx_server_params(struct ntls_kx_state *k, const uint8_t *p, size_t p_len,
                                                  const uint8_t *g, size_t g_len, struct ntls_wr *w);
/* Client: reads the parameters. DHE: p of at least min_bits bits (and at most NTLS_DH_MAX_BYTES), g and Ys
 * in 2..p-2. ECDHE: a named curve among `offered` (u16 list), an uncompressed point of the right size.
 * NTLS_E_ILLEGAL_PARAMETER otherwise; NTLS_E_DECODE when malformed. */
NTLS_MUST_CHECK ntls_result ntls_kx_client_params(struct ntls_kx_state *k, struct ntls_cur *in,
                                                  unsigned min_bits, struct ntls_cur offered);
/* Client: a fresh key, its public value to w (ClientDiffieHellmanPublic or ClientECDiffieHellmanPublic),
 * and the premaster secret (pms has NTLS_PMS_MAX bytes). */
NTLS_MUST_CHECK ntls_result ntls_kx_client_public(struct ntls_kx_state *k, struct ntls_wr *w, uint8_t *pms,
                                                  size_t *pms_len);
/* Server: the client's public value from in (NTLS_E_ILLEGAL_PARAMETER when out of range or off the curve)
 * and the premaster secret. */
NTLS_MUST_CHECK ntls_result ntls_kx_server_secret(struct ntls_kx_state *k, struct ntls_cur *in, uint8_t *pms,
                                                  size_t *pms_len);
void ntls_kx_wipe(struct ntls_kx_state *k);

#endif
