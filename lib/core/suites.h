/* nettls: the cipher-suite table (RFC 2246 A.5, RFC 3268, RFC 4132, RFC 4492).
 *
 * One row per TLS 1.0 suite we speak: its IANA id, its OpenSSL and RFC names, the key exchange, the bulk
 * cipher and MAC (crypto.h ids), the lengths the key block needs (RFC 2246 6.3) and what the compat layer's
 * cipher-string parser needs (strength bits, level and DEFAULT flags). No export and no anonymous suites.
 * The table is constant data: the pointers returned here are valid for the life of the program. */
#ifndef NTLS_CORE_SUITES_H
#define NTLS_CORE_SUITES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "crypto/crypto.h"

enum ntls_kx {
    NTLS_KX_RSA,
    NTLS_KX_DHE_RSA,
    NTLS_KX_DHE_DSS,
    NTLS_KX_ECDHE_RSA,
    NTLS_KX_ECDHE_ECDSA,
};

/* Flags: the OpenSSL strength classes (exactly one of HIGH, MEDIUM, LOW, or none for the NULL ciphers) and
 * whether OpenSSL 1.1.0's DEFAULT leaves the suite out (NULL, RC4, DES, 3DES and the DSS suites). */
#define NTLS_SUITE_HIGH 0x01u
#define NTLS_SUITE_MEDIUM 0x02u
#define NTLS_SUITE_LOW 0x04u
#define NTLS_SUITE_NOT_DEFAULT 0x08u

struct ntls_suite {
    uint16_t id;                /* IANA value, as on the wire */
    const char *name;           /* OpenSSL name, e.g. "AES128-SHA" */
    const char *alias;          /* the OpenSSL 1.0.x spelling ("EDH-RSA-DES-CBC3-SHA"), or NULL */
    const char *rfc_name;       /* e.g. "TLS_RSA_WITH_AES_128_CBC_SHA" */
    enum ntls_kx kx;
    enum ntls_cipher_id cipher;
    enum ntls_hash_id mac;      /* NTLS_HASH_MD5 or NTLS_HASH_SHA1 */
    uint8_t key_len;            /* bytes of write key taken from the key block */
    uint8_t iv_len;             /* bytes of IV (0 for stream ciphers) */
    uint8_t mac_len;            /* bytes of MAC secret and of MAC */
    uint16_t strength_bits;     /* effective security, as OpenSSL counts it (3DES: 112) */
    uint16_t alg_bits;          /* key bits of the algorithm (3DES: 168) */
    unsigned flags;
};

/* The row for a wire id, or NULL when we do not implement it. */
const struct ntls_suite *ntls_suite_by_id(uint16_t id);
/* The row whose OpenSSL name, alias or RFC name equals name (case-sensitive, as OpenSSL), or NULL.
 * name MUST NOT be NULL. */
const struct ntls_suite *ntls_suite_by_name(const char *name);
/* All rows, strongest first in the order OpenSSL lists them for "ALL"; *count receives the number. */
const struct ntls_suite *ntls_suite_all(size_t *count);

/* True for the key exchanges that need a ServerKeyExchange (DHE and ECDHE). */
bool ntls_suite_is_ephemeral(const struct ntls_suite *s);

#endif
