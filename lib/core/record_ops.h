/* nettls: record protection, one direction of one cipher state (RFC 2246 6.2.3).
 *
 * A protection is the MAC key, the cipher key schedule (with its chained IV) and the ops that seal and
 * open a fragment with them. The ops are chosen through one small table keyed by protocol version and
 * cipher kind (ntls_rec_ops_find), so TLS 1.1 (explicit IV) or 1.2 (AEAD) can be added as rows without
 * touching record.c. record.c owns the sequence numbers and the framing; the ops own the bytes between the
 * record header and the end of the fragment. Nothing here allocates. */
#ifndef NTLS_CORE_RECORD_OPS_H
#define NTLS_CORE_RECORD_OPS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/err.h"
#include "crypto/crypto.h"

#define NTLS_REC_MAC_HEADER 13 /* seq_num (8) || type (1) || version (2) || length (2), RFC 2246 6.2.3.1 */

/* The secrets of one direction, as the key block gives them (RFC 2246 6.3). Borrowed: the protection copies
 * what it needs into its own key schedules, so the caller may wipe these right after. */
struct ntls_rec_keys {
    enum ntls_cipher_id cipher;
    enum ntls_hash_id mac;  /* NTLS_HASH_MD5 or NTLS_HASH_SHA1 */
    const uint8_t *mac_key; /* ntls_hash_size(mac) bytes */
    const uint8_t *key;     /* ntls_cipher_key_size(cipher) bytes; may be NULL for the NULL cipher */
    const uint8_t *iv;      /* ntls_cipher_iv_size(cipher) bytes; may be NULL when that is 0 */
};

struct ntls_rec_prot;

struct ntls_rec_ops {
    /* Opens the fragment frag[0..len) of a record in place. On success the plaintext is
     * frag[*pt_off .. *pt_off + *pt_len). Every MAC, padding and length failure is NTLS_E_BAD_RECORD_MAC,
     * whatever its cause, and takes the same time and the same hash compressions for every padding length
     * of a record of a given length. The caller has checked len <= 2^14 + 2048. */
    ntls_result (*open)(struct ntls_rec_prot *p, uint8_t type, uint16_t version, uint64_t seq, uint8_t *frag,
                        size_t len, size_t *pt_off, size_t *pt_len);
    /* Seals in place: the plaintext is frag[head .. head + len) (head and tail from overhead()), and frag
     * has room for tail more bytes after it. Returns the length of the sealed fragment. */
    size_t (*seal)(struct ntls_rec_prot *p, uint8_t type, uint16_t version, uint64_t seq, uint8_t *frag,
                   size_t len);
    /* The most bytes sealing puts before (explicit IV) and after (MAC, padding) the plaintext. */
    void (*overhead)(const struct ntls_rec_prot *p, size_t *head, size_t *tail);
    /* For TLS 1.0 CBC: the length of a sealed one-byte record minus one, the room record.c keeps in front of
     * an application-data record so the 1/n-1 split's first record ends exactly where the second begins.
     * 0 when no split applies (stream ciphers, explicit IVs). */
    size_t (*split_reserve)(const struct ntls_rec_prot *p);
};

struct ntls_rec_prot {
    const struct ntls_rec_ops *ops;
    size_t mac_len;
    size_t block_len; /* 1 for stream ciphers and NULL */
    struct ntls_hmac mac;
    struct ntls_cipher cipher;
};

extern const struct ntls_rec_ops ntls_rec_ops_tls10_stream; /* record_stream.c: NULL and RC4 */
extern const struct ntls_rec_ops ntls_rec_ops_tls10_cbc;    /* record_cbc.c */

/* The ops for a version and cipher, or NULL when that pair is not supported. */
const struct ntls_rec_ops *ntls_rec_ops_find(uint16_t version, enum ntls_cipher_id cipher);

/* Keys p for one direction (encrypt: the write side). NTLS_E_USAGE when the version and cipher pair has no
 * ops or the MAC is not MD5 or SHA-1. */
NTLS_MUST_CHECK ntls_result ntls_rec_prot_init(struct ntls_rec_prot *p, uint16_t version, bool encrypt,
                                               const struct ntls_rec_keys *k);
void ntls_rec_prot_wipe(struct ntls_rec_prot *p);

/* The 13 bytes the TLS 1.0 MAC covers before the fragment (RFC 2246 6.2.3.1). len may be secret: the bytes
 * are written without branches on it. */
void ntls_rec_mac_header(uint8_t out[NTLS_REC_MAC_HEADER], uint64_t seq, uint8_t type, uint16_t version,
                         size_t len);

#endif
