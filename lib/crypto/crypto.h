/* nettls: the crypto layer, a thin shim over Nettle, hogweed and GMP.
 *
 * lib/crypto is the only place that includes <nettle/...> or <gmp.h>. Contexts that callers embed are
 * fixed-size, aligned storage that the .c files overlay with Nettle's structs (checked there by
 * _Static_assert), so this header needs no Nettle types. Public-key objects hold GMP integers and are opaque
 * heap objects instead. Big integers cross this interface as unsigned big-endian byte strings.
 *
 * Contracts: pointers are non-NULL unless a comment says otherwise; lengths are in bytes; secrets held in a
 * context are wiped by its *_wipe or *_free function. */
#ifndef NTLS_CRYPTO_H
#define NTLS_CRYPTO_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "../base/err.h"

/* ---------------------------------------------------------------------------------------------------- */
/* Hashes (hash.c) */

enum ntls_hash_id {
    NTLS_HASH_MD5,
    NTLS_HASH_SHA1,
    NTLS_HASH_SHA224,
    NTLS_HASH_SHA256,
    NTLS_HASH_SHA384,
    NTLS_HASH_SHA512,
    NTLS_HASH_MD5SHA1, /* MD5 || SHA-1 (36 bytes), the TLS 1.0 transcript and RSA signature hash */
    NTLS_HASH_MD4,     /* RFC 1320; for the OpenSSL MD4 calls NTLM code makes, never in TLS */
    NTLS_HASH__COUNT
};

#define NTLS_HASH_MAX_SIZE 64
#define NTLS_HASH_MAX_BLOCK 128
#define NTLS_HASH_STATE_SIZE 256

/* A running hash. Plain data: copying it by assignment forks the computation (the transcript hash needs
 * that for Finished). */
struct ntls_hash {
    enum ntls_hash_id id;
    _Alignas(16) unsigned char state[NTLS_HASH_STATE_SIZE];
};

size_t ntls_hash_size(enum ntls_hash_id id);
size_t ntls_hash_block_size(enum ntls_hash_id id); /* 64 for MD5SHA1 */
void ntls_hash_init(struct ntls_hash *h, enum ntls_hash_id id);
void ntls_hash_update(struct ntls_hash *h, const void *data, size_t len);
/* Writes ntls_hash_size() bytes and leaves h initialised for a new message. */
void ntls_hash_final(struct ntls_hash *h, uint8_t *out);
void ntls_hash_oneshot(enum ntls_hash_id id, const void *data, size_t len, uint8_t *out);
void ntls_hash_wipe(struct ntls_hash *h);

/* Counts calls of the MD5 and SHA-1 compression functions made by this thread through this layer (both
 * inside ntls_hash_* and ntls_hmac_*). The record layer's constant-time test reads it. */
unsigned long ntls_hash_compress_count(void);

/* ---------------------------------------------------------------------------------------------------- */
/* HMAC over any of the hashes above except MD5SHA1 (hmac.c) */

struct ntls_hmac {
    enum ntls_hash_id id;
    struct ntls_hash inner, outer; /* keyed states, kept so each message starts without rehashing the key */
    struct ntls_hash running;
};

void ntls_hmac_init(struct ntls_hmac *m, enum ntls_hash_id id, const uint8_t *key, size_t key_len);
void ntls_hmac_update(struct ntls_hmac *m, const void *data, size_t len);
/* Drops the message fed so far and starts a new one under the same key. */
void ntls_hmac_restart(struct ntls_hmac *m);
/* Writes ntls_hash_size(id) bytes and resets to the keyed state for the next message. */
void ntls_hmac_final(struct ntls_hmac *m, uint8_t *out);
void ntls_hmac_oneshot(enum ntls_hash_id id, const uint8_t *key, size_t key_len, const void *data,
                       size_t len, uint8_t *out);
void ntls_hmac_wipe(struct ntls_hmac *m);

/* Lucky13-safe MAC for CBC records (only MD5 and SHA-1). Continues the message already fed with
 * ntls_hmac_update (the 13-byte MAC header) with the first data_len bytes of data, where data_len is secret
 * and lies in [min_len, max_len], and all of data[0..max_len) is readable. It performs the same number of
 * compression calls, and the same memory accesses, for every data_len in that range (BearSSL's
 * br_hmac_outCT). Writes ntls_hash_size(id) bytes and resets m like ntls_hmac_final. */
void ntls_hmac_final_ct(struct ntls_hmac *m, const uint8_t *data, size_t data_len, size_t min_len,
                        size_t max_len, uint8_t *out);

/* ---------------------------------------------------------------------------------------------------- */
/* Symmetric ciphers (cipher.c) */

enum ntls_cipher_id {
    NTLS_CIPHER_NULL,
    NTLS_CIPHER_RC4_128,
    NTLS_CIPHER_DES_CBC,
    NTLS_CIPHER_3DES_EDE_CBC,
    NTLS_CIPHER_AES128_CBC,
    NTLS_CIPHER_AES256_CBC,
    NTLS_CIPHER_CAMELLIA128_CBC,
    NTLS_CIPHER_CAMELLIA256_CBC,
    NTLS_CIPHER__COUNT
};

#define NTLS_CIPHER_MAX_BLOCK 16
#define NTLS_CIPHER_MAX_KEY 32
#define NTLS_CIPHER_STATE_SIZE 512

/* One direction of one cipher: an encrypting or a decrypting key schedule, and for CBC the chaining IV, which
 * carries over from one call to the next (TLS 1.0 IV chaining falls out of this). */
struct ntls_cipher {
    enum ntls_cipher_id id;
    bool encrypt;
    uint8_t iv[NTLS_CIPHER_MAX_BLOCK];
    _Alignas(16) unsigned char state[NTLS_CIPHER_STATE_SIZE];
};

size_t ntls_cipher_key_size(enum ntls_cipher_id id);   /* 0 for NULL; DES: 8 (with parity bits) */
size_t ntls_cipher_block_size(enum ntls_cipher_id id); /* 1 for NULL and RC4 (stream) */
size_t ntls_cipher_iv_size(enum ntls_cipher_id id);    /* 0 for NULL and RC4 */
/* key has ntls_cipher_key_size bytes, iv ntls_cipher_iv_size bytes (may be NULL when that is 0). */
void ntls_cipher_init(struct ntls_cipher *c, enum ntls_cipher_id id, bool encrypt, const uint8_t *key,
                      const uint8_t *iv);
/* Encrypts or decrypts len bytes, dst == src allowed (in place). For CBC len is a multiple of the block
 * size (anything else is a caller bug and aborts in debug builds). */
void ntls_cipher_run(struct ntls_cipher *c, uint8_t *dst, const uint8_t *src, size_t len);
void ntls_cipher_wipe(struct ntls_cipher *c);

/* ---------------------------------------------------------------------------------------------------- */
/* Random bytes (rand.c): a per-thread ChaCha-based generator seeded and periodically reseeded from
 * getrandom(), reseeded after fork(). Fails only when the kernel will not give entropy. */

NTLS_MUST_CHECK ntls_result ntls_rand_bytes(void *out, size_t len);

/* ---------------------------------------------------------------------------------------------------- */
/* TLS 1.0 PRF, RFC 2246 section 5: P_MD5(S1, label + seed) XOR P_SHA-1(S2, label + seed) (prf.c).
 * The seed is given in two parts (usually the two randoms) so callers need not concatenate. seed2 may be
 * NULL when seed2_len is 0. */

void ntls_prf_tls10(const uint8_t *secret, size_t secret_len, const char *label, const uint8_t *seed1,
                    size_t seed1_len, const uint8_t *seed2, size_t seed2_len, uint8_t *out, size_t out_len);

/* ---------------------------------------------------------------------------------------------------- */
/* RSA (rsa.c). Keys are built from big-endian components; a private key also needs p, q and the CRT values
 * (d mod p-1, d mod q-1, q^-1 mod p). */

struct ntls_rsa_key;

NTLS_MUST_CHECK ntls_result ntls_rsa_public_new(struct ntls_rsa_key **out, const uint8_t *n, size_t n_len,
                                                const uint8_t *e, size_t e_len);
struct ntls_rsa_private_parts {
    const uint8_t *n, *e, *d, *p, *q, *dp, *dq, *qinv;
    size_t n_len, e_len, d_len, p_len, q_len, dp_len, dq_len, qinv_len;
};
NTLS_MUST_CHECK ntls_result ntls_rsa_private_new(struct ntls_rsa_key **out,
                                                 const struct ntls_rsa_private_parts *parts);
void ntls_rsa_free(struct ntls_rsa_key *key); /* NULL allowed; wipes private parts */
size_t ntls_rsa_size(const struct ntls_rsa_key *key); /* modulus length in bytes */
size_t ntls_rsa_bits(const struct ntls_rsa_key *key);
bool ntls_rsa_is_private(const struct ntls_rsa_key *key);

/* PKCS#1 v1.5 type 2 encryption; out has ntls_rsa_size() bytes. */
NTLS_MUST_CHECK ntls_result ntls_rsa_encrypt(const struct ntls_rsa_key *key, const uint8_t *msg,
                                             size_t msg_len, uint8_t *out);
/* Bleichenbacher-safe decryption of a message of known length (rsa_sec_decrypt): returns an all-ones mask
 * when the ciphertext decrypted with valid padding to exactly out_len bytes, 0 otherwise, with no branch on
 * the result; out is written either way (garbage on failure). A ciphertext whose length is not the modulus
 * length, or whose value is not below the modulus, gives 0 too. */
uint32_t ntls_rsa_decrypt_fixed(const struct ntls_rsa_key *key, const uint8_t *ct, size_t ct_len,
                                uint8_t *out, size_t out_len);
/* PKCS#1 v1.5 signatures over a digest made with hash. For NTLS_HASH_MD5SHA1 the 36 bytes are signed without
 * a DigestInfo (RFC 2246 7.4.3); otherwise the DigestInfo for hash is used. Signing is blinded.
 * sig has ntls_rsa_size() bytes. */
NTLS_MUST_CHECK ntls_result ntls_rsa_sign(const struct ntls_rsa_key *key, enum ntls_hash_id hash,
                                          const uint8_t *digest, uint8_t *sig);
/* NTLS_E_DECRYPT_ERROR when the signature does not verify (including a wrong length). */
NTLS_MUST_CHECK ntls_result ntls_rsa_verify(const struct ntls_rsa_key *key, enum ntls_hash_id hash,
                                            const uint8_t *digest, const uint8_t *sig, size_t sig_len);

/* ---------------------------------------------------------------------------------------------------- */
/* DSA (dsa.c). Signatures on this interface are DER Dss-Sig-Value SEQUENCE { r INTEGER, s INTEGER }, as
 * TLS and X.509 carry them. The digest is used as FIPS 186 says (leftmost bits of q's size). */

struct ntls_dsa_key;

struct ntls_dsa_parts {
    const uint8_t *p, *q, *g, *y, *x; /* x may be NULL for a public key */
    size_t p_len, q_len, g_len, y_len, x_len;
};
NTLS_MUST_CHECK ntls_result ntls_dsa_new(struct ntls_dsa_key **out, const struct ntls_dsa_parts *parts);
void ntls_dsa_free(struct ntls_dsa_key *key);
size_t ntls_dsa_bits(const struct ntls_dsa_key *key); /* bits of p */
bool ntls_dsa_is_private(const struct ntls_dsa_key *key);
#define NTLS_DSA_SIG_MAX 72 /* DER of two 256-bit integers, with room to spare */
/* sig has room for NTLS_DSA_SIG_MAX bytes; *sig_len receives the DER length. */
NTLS_MUST_CHECK ntls_result ntls_dsa_sign(const struct ntls_dsa_key *key, const uint8_t *digest,
                                          size_t digest_len, uint8_t *sig, size_t *sig_len);
NTLS_MUST_CHECK ntls_result ntls_dsa_verify(const struct ntls_dsa_key *key, const uint8_t *digest,
                                            size_t digest_len, const uint8_t *sig, size_t sig_len);

/* ---------------------------------------------------------------------------------------------------- */
/* Elliptic curves (ecc.c): ECDSA and ECDH over P-256 and P-384, and X25519. Points cross this interface
 * uncompressed (0x04 || X || Y); scalars and coordinates as big-endian bytes of the curve's size.
 * X25519 public keys and secrets are the 32-byte little-endian strings of RFC 7748. */

enum ntls_curve {
    NTLS_CURVE_P256,
    NTLS_CURVE_P384,
    NTLS_CURVE_X25519,
};

#define NTLS_EC_POINT_MAX 97 /* 1 + 2 * 48 */
#define NTLS_EC_SCALAR_MAX 48
#define NTLS_ECDSA_SIG_MAX 104

size_t ntls_curve_size(enum ntls_curve curve);       /* 32, 48, 32 */
size_t ntls_curve_point_size(enum ntls_curve curve); /* 65, 97, 32 */

struct ntls_ec_key;
/* point is uncompressed; scalar may be NULL for a public key. NTLS_E_ILLEGAL_PARAMETER when the point is
 * not on the curve or the scalar is out of range. Only P-256 and P-384. */
NTLS_MUST_CHECK ntls_result ntls_ec_key_new(struct ntls_ec_key **out, enum ntls_curve curve,
                                            const uint8_t *point, size_t point_len, const uint8_t *scalar,
                                            size_t scalar_len);
void ntls_ec_key_free(struct ntls_ec_key *key);
enum ntls_curve ntls_ec_key_curve(const struct ntls_ec_key *key);
bool ntls_ec_key_is_private(const struct ntls_ec_key *key);
/* ECDSA with DER Ecdsa-Sig-Value signatures (RFC 4492 5.4); sig has room for NTLS_ECDSA_SIG_MAX bytes. */
NTLS_MUST_CHECK ntls_result ntls_ecdsa_sign(const struct ntls_ec_key *key, const uint8_t *digest,
                                            size_t digest_len, uint8_t *sig, size_t *sig_len);
NTLS_MUST_CHECK ntls_result ntls_ecdsa_verify(const struct ntls_ec_key *key, const uint8_t *digest,
                                              size_t digest_len, const uint8_t *sig, size_t sig_len);

/* Ephemeral ECDH: a fresh private scalar and its public point (uncompressed, or the X25519 u-coordinate). */
NTLS_MUST_CHECK ntls_result ntls_ecdh_keygen(enum ntls_curve curve, uint8_t *priv, uint8_t *pub);
/* The shared secret: the x-coordinate (P-256/P-384) or the X25519 output, ntls_curve_size() bytes.
 * NTLS_E_ILLEGAL_PARAMETER for a peer point that is malformed, off the curve, or (X25519) gives the
 * all-zero secret. */
NTLS_MUST_CHECK ntls_result ntls_ecdh_shared(enum ntls_curve curve, const uint8_t *priv,
                                             const uint8_t *peer_pub, size_t peer_len, uint8_t *secret);

/* ---------------------------------------------------------------------------------------------------- */
/* Finite-field Diffie-Hellman (dh.c). The private exponent is kept as bytes in the caller's struct and
 * wiped by ntls_dh_wipe; modexp uses mpz_powm_sec. */

#define NTLS_DH_MAX_BYTES 1024 /* 8192-bit groups */
#define NTLS_DH_PRIV_MAX 64

struct ntls_dh {
    size_t priv_len;
    uint8_t priv[NTLS_DH_PRIV_MAX];
};

/* Picks a private exponent of priv_bits bits (twice the group's security level, for example 256 for 2048-bit
 * p; at most 8 * NTLS_DH_PRIV_MAX) and writes g^x mod p to pub, left-padded to p_len bytes. */
NTLS_MUST_CHECK ntls_result ntls_dh_keygen(struct ntls_dh *dh, const uint8_t *p, size_t p_len,
                                           const uint8_t *g, size_t g_len, unsigned priv_bits, uint8_t *pub);
/* Checks 1 < peer_y < p-1 (NTLS_E_ILLEGAL_PARAMETER otherwise) and writes peer_y^x mod p with leading zero
 * bytes stripped (RFC 2246 8.1.2), setting *secret_len; secret has room for p_len bytes. */
NTLS_MUST_CHECK ntls_result ntls_dh_shared(const struct ntls_dh *dh, const uint8_t *p, size_t p_len,
                                           const uint8_t *peer_y, size_t peer_len, uint8_t *secret,
                                           size_t *secret_len);
/* Checks 1 < v < p-1 for a received g or Ys; also used for the client's view of server parameters. */
NTLS_MUST_CHECK ntls_result ntls_dh_check_element(const uint8_t *p, size_t p_len, const uint8_t *v,
                                                  size_t v_len);
void ntls_dh_wipe(struct ntls_dh *dh);

#endif
