#include "hs_secrets.h"

#include <stdlib.h>

#include "base/mem.h"

typedef void (*prf_fn)(const uint8_t *secret, size_t secret_len, const char *label, const uint8_t *seed1,
                       size_t seed1_len, const uint8_t *seed2, size_t seed2_len, uint8_t *out, size_t out_len);

struct version_row {
    uint16_t version;
    prf_fn prf;
    enum ntls_hash_id transcript;
};

static const struct version_row versions[] = {
    { NTLS_TLS10, ntls_prf_tls10, NTLS_HASH_MD5SHA1 }, /* RFC 2246 5 and 7.4.9 */
};

static const struct version_row *row_for(uint16_t version)
{
    for (size_t i = 0; i < sizeof versions / sizeof versions[0]; i++) {
        if (versions[i].version == version) {
            return &versions[i];
        }
    }
    abort(); /* callers pass only negotiated versions */
}

enum ntls_hash_id ntls_transcript_hash_for(uint16_t version)
{
    return row_for(version)->transcript;
}

void ntls_master_secret(uint16_t version, const uint8_t *pms, size_t pms_len, const uint8_t *client_random,
                        const uint8_t *server_random, uint8_t *master)
{
    row_for(version)->prf(pms, pms_len, "master secret", client_random, 32, server_random, 32, master,
                          NTLS_MASTER_LEN);
}

/* Finishes a copy of the transcript, so the running hash goes on. */
static size_t transcript_digest(const struct ntls_hash *transcript, uint8_t *out)
{
    struct ntls_hash copy = *transcript;
    ntls_hash_final(&copy, out);
    ntls_hash_wipe(&copy);
    return ntls_hash_size(transcript->id);
}

void ntls_master_secret_ems(uint16_t version, const uint8_t *pms, size_t pms_len,
                            const struct ntls_hash *transcript, uint8_t *master)
{
    uint8_t session_hash[NTLS_HASH_MAX_SIZE];
    size_t n = transcript_digest(transcript, session_hash);
    row_for(version)->prf(pms, pms_len, "extended master secret", session_hash, n, NULL, 0, master,
                          NTLS_MASTER_LEN);
    ntls_zeroize(session_hash, sizeof session_hash);
}

void ntls_finished_compute(uint16_t version, const uint8_t *master, bool from_client,
                           const struct ntls_hash *transcript, uint8_t *verify_data)
{
    uint8_t digest[NTLS_HASH_MAX_SIZE];
    size_t n = transcript_digest(transcript, digest);
    const char *label = from_client ? "client finished" : "server finished";
    row_for(version)->prf(master, NTLS_MASTER_LEN, label, digest, n, NULL, 0, verify_data, NTLS_FINISHED_LEN);
    ntls_zeroize(digest, sizeof digest);
}
