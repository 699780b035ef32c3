/* nettls: RSA key exchange (RFC 2246 7.4.7.1), both sides. */
#ifndef NTLS_CORE_KX_RSA_H
#define NTLS_CORE_KX_RSA_H

#include <stdint.h>

#include "base/buf.h"
#include "crypto/crypto.h"

#define NTLS_RSA_PMS_LEN 48

/* Client: makes the premaster secret (client_version, then 46 random bytes) into pms and writes the
 * EncryptedPreMasterSecret (a vec16 in TLS 1.0) for server_key to out. */
NTLS_MUST_CHECK ntls_result ntls_kx_rsa_client(const struct ntls_rsa_key *server_key, uint16_t client_version,
                                               uint8_t *pms, struct ntls_wr *out);

/* Server: reads the EncryptedPreMasterSecret from body and writes the premaster secret to pms.
 *
 * Bleichenbacher/ROBOT: a random premaster is made first; the decryption, the length check and the
 * client_version check are combined into one mask, and the random premaster is kept when any failed, without a
 * branch (RFC 5246 7.4.7.1). A bad premaster therefore shows up only later, as a failed Finished. Only a body
 * that is not a well-formed vector fails here (NTLS_E_DECODE); that depends on nothing secret. */
NTLS_MUST_CHECK ntls_result ntls_kx_rsa_server(const struct ntls_rsa_key *key, uint16_t client_version,
                                               struct ntls_cur *body, uint8_t *pms);

#endif
