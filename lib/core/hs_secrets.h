/* nettls: the handshake's secrets: master secret (RFC 2246 8.1, RFC 7627 4), Finished verify_data
 * (RFC 2246 7.4.9), and the PRF and transcript hash each protocol version uses.
 *
 * The version is a parameter: each function looks up the version's PRF and transcript hash in one small
 * table, so TLS 1.1/1.2 can be added without touching the handshake flow. Only TLS 1.0 is in the table
 * today; the functions are called only with a negotiated version, so an unknown one is a bug and aborts. */
#ifndef NTLS_CORE_HS_SECRETS_H
#define NTLS_CORE_HS_SECRETS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "crypto/crypto.h"

#define NTLS_TLS10 0x0301
#define NTLS_MASTER_LEN 48
#define NTLS_FINISHED_LEN 12 /* RFC 2246 7.4.9: verify_data is 12 bytes */

/* The hash the transcript is kept in for version (MD5SHA1 for TLS 1.0). */
enum ntls_hash_id ntls_transcript_hash_for(uint16_t version);

/* RFC 2246 8.1: PRF(pre_master_secret, "master secret", client_random + server_random)[0..47]. */
void ntls_master_secret(uint16_t version, const uint8_t *pms, size_t pms_len, const uint8_t *client_random,
                        const uint8_t *server_random, uint8_t *master);

/* RFC 7627 4: PRF(pre_master_secret, "extended master secret", session_hash)[0..47], where session_hash is
 * the transcript hash up to and including ClientKeyExchange. transcript is not modified. */
void ntls_master_secret_ems(uint16_t version, const uint8_t *pms, size_t pms_len,
                            const struct ntls_hash *transcript, uint8_t *master);

/* RFC 2246 7.4.9: PRF(master_secret, finished_label, MD5(handshake_messages) + SHA-1(handshake_messages))
 * [0..11], with "client finished" or "server finished". transcript is not modified. */
void ntls_finished_compute(uint16_t version, const uint8_t *master, bool from_client,
                           const struct ntls_hash *transcript, uint8_t *verify_data);

#endif
