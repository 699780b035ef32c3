/* nettls: the handshake's secrets beyond the key block: the extended master secret (RFC 7627 4) and the
 * Finished verify_data (RFC 2246 7.4.9). The PRF and transcript hash come from the version's row in proto.c;
 * both functions are called only with a negotiated version, so an unknown one is a bug and aborts. The
 * plain master secret is ntls_keys_master_secret (keys.h). */
#ifndef NTLS_CORE_HS_SECRETS_H
#define NTLS_CORE_HS_SECRETS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "proto.h"

/* RFC 7627 4: PRF(pre_master_secret, "extended master secret", session_hash)[0..47], where session_hash is
 * the transcript hash up to and including ClientKeyExchange. transcript is not modified. */
void ntls_master_secret_ems(uint16_t version, const uint8_t *pms, size_t pms_len,
                            const struct ntls_hash *transcript, uint8_t *master);

/* RFC 2246 7.4.9: PRF(master_secret, finished_label, MD5(handshake_messages) + SHA-1(handshake_messages))
 * [0..11], with "client finished" or "server finished". transcript is not modified. */
void ntls_finished_compute(uint16_t version, const uint8_t *master, bool from_client,
                           const struct ntls_hash *transcript, uint8_t *verify_data);

#endif
