#include "proto.h"

static const struct ntls_version_ops versions[] = {
    { NTLS_TLS10, ntls_prf_tls10, NTLS_HASH_MD5SHA1 }, /* RFC 2246 5, 7.4.9 */
    { NTLS_TLS11, ntls_prf_tls10, NTLS_HASH_MD5SHA1 }, /* RFC 4346 5, 7.4.9: unchanged */
};

const struct ntls_version_ops *ntls_version_ops(uint16_t version)
{
    for (size_t i = 0; i < sizeof versions / sizeof versions[0]; i++) {
        if (versions[i].version == version) {
            return &versions[i];
        }
    }
    return NULL;
}
