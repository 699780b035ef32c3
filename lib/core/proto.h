/* nettls: protocol constants, and what differs between protocol versions.
 *
 * The version is a parameter, not a constant (ARCHITECTURE.md 2b): the PRF and the transcript hash are looked
 * up here by version, so TLS 1.1 and 1.2 can be added as rows without touching the handshake flow. */
#ifndef NTLS_CORE_PROTO_H
#define NTLS_CORE_PROTO_H

#include <stddef.h>
#include <stdint.h>

#include "crypto/crypto.h"

/* Protocol versions as on the wire. */
#define NTLS_SSL30 0x0300
#define NTLS_TLS10 0x0301
#define NTLS_TLS11 0x0302
#define NTLS_TLS12 0x0303

#define NTLS_RANDOM_LEN 32         /* RFC 2246 7.4.1.2 */
#define NTLS_MASTER_SECRET_LEN 48  /* RFC 2246 8.1 */
#define NTLS_FINISHED_LEN 12       /* RFC 2246 7.4.9: verify_data */

typedef void (*ntls_prf_fn)(const uint8_t *secret, size_t secret_len, const char *label, const uint8_t *seed1,
                            size_t seed1_len, const uint8_t *seed2, size_t seed2_len, uint8_t *out,
                            size_t out_len);

struct ntls_version_ops {
    uint16_t version;
    ntls_prf_fn prf;                /* RFC 2246 5 for TLS 1.0 and 1.1 */
    enum ntls_hash_id transcript;   /* what Finished and the EMS session hash digest */
};

/* The row for version, or NULL for a version we do not speak. */
const struct ntls_version_ops *ntls_version_ops(uint16_t version);

#endif
