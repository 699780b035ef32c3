#include "hs_secrets.h"

#include <stdlib.h>

#include "base/mem.h"

static const struct ntls_version_ops *ops_for(uint16_t version)
{
    const struct ntls_version_ops *v = ntls_version_ops(version);
    if (v == NULL) {
        abort(); /* callers pass only negotiated versions */
    }
    return v;
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
    ops_for(version)->prf(pms, pms_len, "extended master secret", session_hash, n, NULL, 0, master,
                          NTLS_MASTER_SECRET_LEN);
    ntls_zeroize(session_hash, sizeof session_hash);
}

void ntls_finished_compute(uint16_t version, const uint8_t *master, bool from_client,
                           const struct ntls_hash *transcript, uint8_t *verify_data)
{
    uint8_t digest[NTLS_HASH_MAX_SIZE];
    size_t n = transcript_digest(transcript, digest);
    const char *label = from_client ? "client finished" : "server finished";
    ops_for(version)->prf(master, NTLS_MASTER_SECRET_LEN, label, digest, n, NULL, 0, verify_data,
                          NTLS_FINISHED_LEN);
    ntls_zeroize(digest, sizeof digest);
}
