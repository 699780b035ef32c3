/* nettls: codecs and password-based key derivation for lib/x509 (PEM, encrypted private keys).
 *
 * Implemented over Nettle in base64.c and kdf.c. Contracts: pointers are non-NULL unless a comment says
 * otherwise; lengths are in bytes; outputs are written only on success unless a comment says otherwise. */
#ifndef NTLS_CRYPTO_CODEC_H
#define NTLS_CRYPTO_CODEC_H

#include <stddef.h>
#include <stdint.h>

#include "crypto.h"

/* ---------------------------------------------------------------------------------------------------- */
/* Base64 (RFC 4648 section 4, standard alphabet) (base64.c) */

/* Upper bound of the decoded size of in_len characters, and the exact encoded size of len bytes. */
#define NTLS_BASE64_DECODED_MAX(in_len) (((in_len) / 4) * 3)
#define NTLS_BASE64_ENCODED_LEN(len) ((((len) + 2) / 3) * 4)

/* Strict decoding of one contiguous base64 string: no whitespace or line breaks (the caller strips them),
 * a length that is a multiple of 4, '=' padding only as the last one or two characters, and zero bits in
 * the unused low bits of the last group (one encoding per byte string). out has room for out_cap bytes;
 * NTLS_E_DECODE for any malformed input, NTLS_E_USAGE when out_cap is too small for
 * NTLS_BASE64_DECODED_MAX(in_len) minus the padding. in may be NULL when in_len is 0 (decodes to nothing). */
NTLS_MUST_CHECK ntls_result ntls_base64_decode(const char *in, size_t in_len, uint8_t *out, size_t out_cap,
                                               size_t *out_len);

/* Writes exactly NTLS_BASE64_ENCODED_LEN(len) characters (with '=' padding, no line breaks, no NUL). */
void ntls_base64_encode(const uint8_t *in, size_t len, char *out);

/* ---------------------------------------------------------------------------------------------------- */
/* Password-based key derivation (kdf.c) */

/* PBKDF2 (RFC 8018 5.2) with HMAC over prf, one of NTLS_HASH_SHA1, SHA256, SHA384 or SHA512 (the PRFs of
 * PKCS#5 PBES2 that Nettle provides). NTLS_E_USAGE for another hash, for iterations == 0 or out_len == 0. */
NTLS_MUST_CHECK ntls_result ntls_pbkdf2(enum ntls_hash_id prf, const uint8_t *pass, size_t pass_len,
                                        const uint8_t *salt, size_t salt_len, unsigned iterations,
                                        uint8_t *out, size_t out_len);

/* OpenSSL's EVP_BytesToKey with MD5 and one iteration, the key derivation of legacy encrypted PEM
 * ("Proc-Type: 4,ENCRYPTED"): D_1 = MD5(pass || salt), D_i = MD5(D_{i-1} || pass || salt), out = the first
 * out_len bytes of D_1 || D_2 || ... salt is the first 8 bytes of the DEK-Info IV. pass may be NULL when
 * pass_len is 0. */
void ntls_kdf_evp_md5(const uint8_t *pass, size_t pass_len, const uint8_t salt[8], uint8_t *out,
                      size_t out_len);

#endif
