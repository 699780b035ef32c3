#include "suites.h"

#include <string.h>

/* Column shorthands, so each row stays on one line and reads like the RFC tables. */
#define SHA NTLS_HASH_SHA1
#define MD5 NTLS_HASH_MD5
#define C_NULL NTLS_CIPHER_NULL
#define C_RC4 NTLS_CIPHER_RC4_128
#define C_DES NTLS_CIPHER_DES_CBC
#define C_3DES NTLS_CIPHER_3DES_EDE_CBC
#define C_AES128 NTLS_CIPHER_AES128_CBC
#define C_AES256 NTLS_CIPHER_AES256_CBC
#define C_CAM128 NTLS_CIPHER_CAMELLIA128_CBC
#define C_CAM256 NTLS_CIPHER_CAMELLIA256_CBC
#define HIGH NTLS_SUITE_HIGH
#define MEDIUM (NTLS_SUITE_MEDIUM | NTLS_SUITE_NOT_DEFAULT)
#define HIGH_DSS (NTLS_SUITE_HIGH | NTLS_SUITE_NOT_DEFAULT)
#define LOW (NTLS_SUITE_LOW | NTLS_SUITE_NOT_DEFAULT)
#define NONE NTLS_SUITE_NOT_DEFAULT

#define ROW(id_, name_, alias_, rfc_, kx_, cipher_, key_, iv_, mac_, strength_, bits_, flags_)               \
    {                                                                                                        \
        .id = (id_), .name = (name_), .alias = (alias_), .rfc_name = "TLS_" rfc_, .kx = NTLS_KX_##kx_,       \
        .cipher = (cipher_), .mac = (mac_), .key_len = (key_), .iv_len = (iv_),                              \
        .mac_len = (mac_) == NTLS_HASH_SHA1 ? 20 : 16, .strength_bits = (strength_), .alg_bits = (bits_),    \
        .flags = (flags_)                                                                                    \
    }

/* Ids and names: RFC 2246 A.5, RFC 3268 (AES), RFC 4132 (Camellia), RFC 4492 6 (ECDHE), and OpenSSL's
 * 1.1.0 names (1.1.0 renamed the EDH- suites DHE-; the old names stay as aliases, and 1.1.0 left 3DES and
 * DSS suites out of DEFAULT). Key/IV lengths: RFC 2246 6.3 and the cipher's own sizes (DES keys carry their
 * parity bits: 8 and 24 bytes). */
static const struct ntls_suite suites[] = {
    /* AES-256 and Camellia-256 with forward secrecy */
    ROW(0xC00A, "ECDHE-ECDSA-AES256-SHA", NULL, "ECDHE_ECDSA_WITH_AES_256_CBC_SHA", ECDHE_ECDSA, C_AES256, 32,
        16, SHA, 256, 256, HIGH),
    ROW(0xC014, "ECDHE-RSA-AES256-SHA", NULL, "ECDHE_RSA_WITH_AES_256_CBC_SHA", ECDHE_RSA, C_AES256, 32, 16,
        SHA, 256, 256, HIGH),
    ROW(0x0039, "DHE-RSA-AES256-SHA", NULL, "DHE_RSA_WITH_AES_256_CBC_SHA", DHE_RSA, C_AES256, 32, 16, SHA,
        256, 256, HIGH),
    ROW(0x0038, "DHE-DSS-AES256-SHA", NULL, "DHE_DSS_WITH_AES_256_CBC_SHA", DHE_DSS, C_AES256, 32, 16, SHA,
        256, 256, HIGH_DSS),
    ROW(0x0088, "DHE-RSA-CAMELLIA256-SHA", NULL, "DHE_RSA_WITH_CAMELLIA_256_CBC_SHA", DHE_RSA, C_CAM256, 32,
        16, SHA, 256, 256, HIGH),
    ROW(0x0087, "DHE-DSS-CAMELLIA256-SHA", NULL, "DHE_DSS_WITH_CAMELLIA_256_CBC_SHA", DHE_DSS, C_CAM256, 32,
        16, SHA, 256, 256, HIGH_DSS),
    /* AES-128 and Camellia-128 with forward secrecy */
    ROW(0xC009, "ECDHE-ECDSA-AES128-SHA", NULL, "ECDHE_ECDSA_WITH_AES_128_CBC_SHA", ECDHE_ECDSA, C_AES128, 16,
        16, SHA, 128, 128, HIGH),
    ROW(0xC013, "ECDHE-RSA-AES128-SHA", NULL, "ECDHE_RSA_WITH_AES_128_CBC_SHA", ECDHE_RSA, C_AES128, 16, 16,
        SHA, 128, 128, HIGH),
    ROW(0x0033, "DHE-RSA-AES128-SHA", NULL, "DHE_RSA_WITH_AES_128_CBC_SHA", DHE_RSA, C_AES128, 16, 16, SHA,
        128, 128, HIGH),
    ROW(0x0032, "DHE-DSS-AES128-SHA", NULL, "DHE_DSS_WITH_AES_128_CBC_SHA", DHE_DSS, C_AES128, 16, 16, SHA,
        128, 128, HIGH_DSS),
    ROW(0x0045, "DHE-RSA-CAMELLIA128-SHA", NULL, "DHE_RSA_WITH_CAMELLIA_128_CBC_SHA", DHE_RSA, C_CAM128, 16,
        16, SHA, 128, 128, HIGH),
    ROW(0x0044, "DHE-DSS-CAMELLIA128-SHA", NULL, "DHE_DSS_WITH_CAMELLIA_128_CBC_SHA", DHE_DSS, C_CAM128, 16,
        16, SHA, 128, 128, HIGH_DSS),
    /* RSA key transport */
    ROW(0x0035, "AES256-SHA", NULL, "RSA_WITH_AES_256_CBC_SHA", RSA, C_AES256, 32, 16, SHA, 256, 256, HIGH),
    ROW(0x0084, "CAMELLIA256-SHA", NULL, "RSA_WITH_CAMELLIA_256_CBC_SHA", RSA, C_CAM256, 32, 16, SHA, 256,
        256, HIGH),
    ROW(0x002F, "AES128-SHA", NULL, "RSA_WITH_AES_128_CBC_SHA", RSA, C_AES128, 16, 16, SHA, 128, 128, HIGH),
    ROW(0x0041, "CAMELLIA128-SHA", NULL, "RSA_WITH_CAMELLIA_128_CBC_SHA", RSA, C_CAM128, 16, 16, SHA, 128,
        128, HIGH),
    /* 3DES: MEDIUM and out of DEFAULT since OpenSSL 1.1.0 (SWEET32) */
    ROW(0xC008, "ECDHE-ECDSA-DES-CBC3-SHA", NULL, "ECDHE_ECDSA_WITH_3DES_EDE_CBC_SHA", ECDHE_ECDSA, C_3DES,
        24, 8, SHA, 112, 168, MEDIUM),
    ROW(0xC012, "ECDHE-RSA-DES-CBC3-SHA", NULL, "ECDHE_RSA_WITH_3DES_EDE_CBC_SHA", ECDHE_RSA, C_3DES, 24, 8,
        SHA, 112, 168, MEDIUM),
    ROW(0x0016, "DHE-RSA-DES-CBC3-SHA", "EDH-RSA-DES-CBC3-SHA", "DHE_RSA_WITH_3DES_EDE_CBC_SHA", DHE_RSA,
        C_3DES, 24, 8, SHA, 112, 168, MEDIUM),
    ROW(0x0013, "DHE-DSS-DES-CBC3-SHA", "EDH-DSS-DES-CBC3-SHA", "DHE_DSS_WITH_3DES_EDE_CBC_SHA", DHE_DSS,
        C_3DES, 24, 8, SHA, 112, 168, MEDIUM),
    ROW(0x000A, "DES-CBC3-SHA", NULL, "RSA_WITH_3DES_EDE_CBC_SHA", RSA, C_3DES, 24, 8, SHA, 112, 168, MEDIUM),
    /* RC4 (RFC 7465 forbids it; kept for old peers, never in DEFAULT) */
    ROW(0xC007, "ECDHE-ECDSA-RC4-SHA", NULL, "ECDHE_ECDSA_WITH_RC4_128_SHA", ECDHE_ECDSA, C_RC4, 16, 0, SHA,
        128, 128, MEDIUM),
    ROW(0xC011, "ECDHE-RSA-RC4-SHA", NULL, "ECDHE_RSA_WITH_RC4_128_SHA", ECDHE_RSA, C_RC4, 16, 0, SHA, 128,
        128, MEDIUM),
    ROW(0x0005, "RC4-SHA", NULL, "RSA_WITH_RC4_128_SHA", RSA, C_RC4, 16, 0, SHA, 128, 128, MEDIUM),
    ROW(0x0004, "RC4-MD5", NULL, "RSA_WITH_RC4_128_MD5", RSA, C_RC4, 16, 0, MD5, 128, 128, MEDIUM),
    /* single DES */
    ROW(0x0015, "DHE-RSA-DES-CBC-SHA", "EDH-RSA-DES-CBC-SHA", "DHE_RSA_WITH_DES_CBC_SHA", DHE_RSA, C_DES, 8,
        8, SHA, 56, 56, LOW),
    ROW(0x0012, "DHE-DSS-DES-CBC-SHA", "EDH-DSS-DES-CBC-SHA", "DHE_DSS_WITH_DES_CBC_SHA", DHE_DSS, C_DES, 8,
        8, SHA, 56, 56, LOW),
    ROW(0x0009, "DES-CBC-SHA", NULL, "RSA_WITH_DES_CBC_SHA", RSA, C_DES, 8, 8, SHA, 56, 56, LOW),
    /* no encryption (OpenSSL's eNULL) */
    ROW(0xC006, "ECDHE-ECDSA-NULL-SHA", NULL, "ECDHE_ECDSA_WITH_NULL_SHA", ECDHE_ECDSA, C_NULL, 0, 0, SHA, 0,
        0, NONE),
    ROW(0xC010, "ECDHE-RSA-NULL-SHA", NULL, "ECDHE_RSA_WITH_NULL_SHA", ECDHE_RSA, C_NULL, 0, 0, SHA, 0, 0,
        NONE),
    ROW(0x0002, "NULL-SHA", NULL, "RSA_WITH_NULL_SHA", RSA, C_NULL, 0, 0, SHA, 0, 0, NONE),
    ROW(0x0001, "NULL-MD5", NULL, "RSA_WITH_NULL_MD5", RSA, C_NULL, 0, 0, MD5, 0, 0, NONE),
};

#define SUITE_COUNT (sizeof suites / sizeof suites[0])

const struct ntls_suite *ntls_suite_by_id(uint16_t id)
{
    for (size_t i = 0; i < SUITE_COUNT; i++) {
        if (suites[i].id == id) {
            return &suites[i];
        }
    }
    return NULL;
}

const struct ntls_suite *ntls_suite_by_name(const char *name)
{
    for (size_t i = 0; i < SUITE_COUNT; i++) {
        const struct ntls_suite *s = &suites[i];
        if (strcmp(s->name, name) == 0 || strcmp(s->rfc_name, name) == 0 ||
            (s->alias != NULL && strcmp(s->alias, name) == 0)) {
            return s;
        }
    }
    return NULL;
}

const struct ntls_suite *ntls_suite_all(size_t *count)
{
    *count = SUITE_COUNT;
    return suites;
}

bool ntls_suite_is_ephemeral(const struct ntls_suite *s)
{
    return s->kx != NTLS_KX_RSA;
}
