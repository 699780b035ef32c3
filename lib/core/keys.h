/* nettls: from the master secret to the cipher states of both directions (RFC 2246 6.3, 8.1).
 *
 * The key block is PRF(master_secret, "key expansion", server_random + client_random), cut into the client
 * and server write MAC secrets, keys and IVs in that order. A client writes with the client_write half and
 * reads with the server_write half; a server the reverse. The PRF is chosen by version, so TLS 1.2's
 * SHA-256 PRF can be added as a row. Everything secret on the way is wiped. */
#ifndef NTLS_CORE_KEYS_H
#define NTLS_CORE_KEYS_H

#include <stddef.h>
#include <stdint.h>

#include "base/err.h"
#include "record.h"
#include "suites.h"

#define NTLS_KEY_BLOCK_MAX (2 * (20 + NTLS_CIPHER_MAX_KEY + NTLS_CIPHER_MAX_BLOCK))

/* RFC 2246 6.3: the key block cut into its six parts (lengths from the suite). */
struct ntls_key_block {
    size_t mac_len, key_len, iv_len;
    uint8_t client_mac[NTLS_HASH_MAX_SIZE], server_mac[NTLS_HASH_MAX_SIZE];
    uint8_t client_key[NTLS_CIPHER_MAX_KEY], server_key[NTLS_CIPHER_MAX_KEY];
    uint8_t client_iv[NTLS_CIPHER_MAX_BLOCK], server_iv[NTLS_CIPHER_MAX_BLOCK];
};

/* RFC 2246 8.1: master_secret = PRF(pre_master_secret, "master secret", client_random + server_random)
 * [0..47]. NTLS_E_USAGE for a version without a PRF row. */
NTLS_MUST_CHECK ntls_result ntls_keys_master_secret(uint16_t version, const uint8_t *pms, size_t pms_len,
                                                    const uint8_t client_random[NTLS_RANDOM_LEN],
                                                    const uint8_t server_random[NTLS_RANDOM_LEN],
                                                    uint8_t master[NTLS_MASTER_SECRET_LEN]);

/* RFC 2246 6.3: the key block for suite s. NTLS_E_USAGE for a version without a PRF row. */
NTLS_MUST_CHECK ntls_result ntls_keys_expand(uint16_t version, const struct ntls_suite *s,
                                             const uint8_t master[NTLS_MASTER_SECRET_LEN],
                                             const uint8_t client_random[NTLS_RANDOM_LEN],
                                             const uint8_t server_random[NTLS_RANDOM_LEN],
                                             struct ntls_key_block *kb);

/* Derives the key block and installs the pending read and write states of r (client or server side as r
 * was made), to be switched in by ntls_rec_change_cipher at each ChangeCipherSpec. */
NTLS_MUST_CHECK ntls_result ntls_keys_install(struct ntls_record *r, uint16_t version,
                                              const struct ntls_suite *s,
                                              const uint8_t master[NTLS_MASTER_SECRET_LEN],
                                              const uint8_t client_random[NTLS_RANDOM_LEN],
                                              const uint8_t server_random[NTLS_RANDOM_LEN]);

void ntls_key_block_wipe(struct ntls_key_block *kb);

#endif
