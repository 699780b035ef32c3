/* Encrypted private keys (x509.h): PKCS#8 EncryptedPrivateKeyInfo with PBES2 (RFC 5958 3, RFC 8018 6.2
 * and A.2-A.4), and OpenSSL's legacy PEM encryption (RFC 1421 headers, EVP_BytesToKey key derivation).
 * A wrong passphrase shows as bad CBC padding or as a plaintext that is not one DER SEQUENCE: both are
 * NTLS_E_DECRYPT_ERROR, distinct from the NTLS_E_DECODE of a damaged container. */
#include "x509_internal.h"

#include <string.h>

#include "../base/mem.h"
#include "../crypto/codec.h"

/* Above this a key file is an attack on our CPU rather than a key (OpenSSL 3 writes 2048). */
#define PBKDF2_MAX_ITERATIONS (1u << 24)

/* Strips PKCS#7 padding (RFC 8018 6.1.1 step 4 / RFC 1423 1.1) from the decrypted buffer. */
static ntls_result unpad(const uint8_t *buf, size_t len, size_t block, size_t *out_len)
{
    uint8_t pad = buf[len - 1];
    NTLS_ENSURE(pad >= 1 && pad <= block, NTLS_E_DECRYPT_ERROR);
    for (size_t i = len - pad; i < len; i++) {
        NTLS_ENSURE(buf[i] == pad, NTLS_E_DECRYPT_ERROR);
    }
    *out_len = len - pad;
    return ntls_ok();
}

/* The plaintext of a private key is one DER SEQUENCE; anything else means the key was wrong. */
static ntls_result check_plain(const uint8_t *buf, size_t len)
{
    struct ntls_cur in = ntls_cur_init(buf, len), body;
    NTLS_ENSURE(ntls_is_ok(ntls_der_sequence(&in, &body)) && ntls_cur_empty(&in), NTLS_E_DECRYPT_ERROR);
    return ntls_ok();
}

/* CBC-decrypts ct into a fresh allocation, unpads and checks it. */
static ntls_result cbc_open(enum ntls_cipher_id id, const uint8_t *key, const uint8_t *iv, struct ntls_cur ct,
                            uint8_t **out, size_t *out_len)
{
    size_t block = ntls_cipher_block_size(id), len;
    NTLS_ENSURE(ct.len > 0 && ct.len % block == 0, NTLS_E_DECODE);
    uint8_t *buf = ntls_calloc(ct.len, 1);
    NTLS_ENSURE(buf != NULL, NTLS_E_NOMEM);
    struct ntls_cipher cipher;
    ntls_cipher_init(&cipher, id, false, key, iv);
    ntls_cipher_run(&cipher, buf, ct.p, ct.len);
    ntls_cipher_wipe(&cipher);
    ntls_result r = unpad(buf, ct.len, block, &len);
    if (ntls_is_ok(r)) {
        r = check_plain(buf, len);
    }
    if (!ntls_is_ok(r)) {
        ntls_free_secret(buf, ct.len);
        return r;
    }
    ntls_zeroize(buf + len, ct.len - len); /* the padding: not secret, but not key material either */
    *out = buf;
    *out_len = len;
    return ntls_ok();
}

/* The row of a supported algorithm of the given kind, else NTLS_E_UNSUPPORTED_CERTIFICATE. */
static ntls_result supported(struct ntls_cur oid, enum ntls_oid_kind kind, const struct ntls_oid_info **row)
{
    const struct ntls_oid_info *r = ntls_oid_find(oid);
    NTLS_ENSURE(r != NULL && r->kind == kind && r->supported, NTLS_E_UNSUPPORTED_CERTIFICATE);
    *row = r;
    return ntls_ok();
}

struct pbes2 {
    struct ntls_cur salt;
    uint64_t iterations;
    uint64_t key_len; /* 0 when absent */
    enum ntls_hash_id prf;
    enum ntls_cipher_id cipher;
    struct ntls_cur iv;
};

/* PBKDF2-params ::= SEQUENCE { salt CHOICE { specified OCTET STRING, ... }, iterationCount INTEGER,
 *     keyLength INTEGER OPTIONAL, prf AlgorithmIdentifier DEFAULT algid-hmacWithSHA1 } (RFC 8018 A.2) */
static ntls_result read_pbkdf2(struct ntls_der_alg kdf, struct pbes2 *p)
{
    struct ntls_cur params = kdf.params, body;
    const struct ntls_oid_info *row;
    NTLS_ENSURE(ntls_oid_is(kdf.oid, NTLS_OID_PBKDF2), NTLS_E_UNSUPPORTED_CERTIFICATE);
    NTLS_TRY(ntls_der_sequence(&params, &body));
    NTLS_TRY(ntls_cur_end(&params));
    NTLS_TRY(ntls_der_octet_string(&body, &p->salt));
    NTLS_TRY(ntls_der_u64(&body, &p->iterations));
    NTLS_ENSURE(p->iterations >= 1, NTLS_E_DECODE);
    NTLS_ENSURE(p->iterations <= PBKDF2_MAX_ITERATIONS, NTLS_E_UNSUPPORTED_CERTIFICATE);
    p->key_len = 0;
    if (ntls_der_peek(&body, NTLS_DER_INTEGER)) {
        NTLS_TRY(ntls_der_u64(&body, &p->key_len));
    }
    p->prf = NTLS_HASH_SHA1;
    if (!ntls_cur_empty(&body)) {
        struct ntls_der_alg prf;
        NTLS_TRY(ntls_der_algorithm(&body, &prf));
        NTLS_ENSURE(ntls_der_params_absent_or_null(&prf), NTLS_E_DECODE);
        NTLS_TRY(supported(prf.oid, NTLS_OID_KIND_PRF, &row));
        p->prf = row->hash;
    }
    return ntls_cur_end(&body);
}

/* PBES2-params ::= SEQUENCE { keyDerivationFunc AlgorithmIdentifier, encryptionScheme AlgorithmIdentifier }
 * (RFC 8018 A.4); the CBC schemes carry their IV as an OCTET STRING (RFC 8018 B.2). */
static ntls_result read_pbes2(struct ntls_der_alg alg, struct pbes2 *p)
{
    struct ntls_cur params = alg.params, body, iv_el;
    struct ntls_der_alg kdf, enc;
    const struct ntls_oid_info *row;
    NTLS_ENSURE(ntls_oid_is(alg.oid, NTLS_OID_PBES2), NTLS_E_UNSUPPORTED_CERTIFICATE);
    NTLS_TRY(ntls_der_sequence(&params, &body));
    NTLS_TRY(ntls_cur_end(&params));
    NTLS_TRY(ntls_der_algorithm(&body, &kdf));
    NTLS_TRY(ntls_der_algorithm(&body, &enc));
    NTLS_TRY(ntls_cur_end(&body));
    NTLS_TRY(read_pbkdf2(kdf, p));
    NTLS_TRY(supported(enc.oid, NTLS_OID_KIND_CIPHER, &row));
    p->cipher = row->cipher;
    iv_el = enc.params;
    NTLS_TRY(ntls_der_octet_string(&iv_el, &p->iv));
    NTLS_TRY(ntls_cur_end(&iv_el));
    NTLS_ENSURE(p->iv.len == ntls_cipher_iv_size(p->cipher), NTLS_E_DECODE);
    NTLS_ENSURE(p->key_len == 0 || p->key_len == ntls_cipher_key_size(p->cipher), NTLS_E_DECODE);
    return ntls_ok();
}

/* EncryptedPrivateKeyInfo ::= SEQUENCE { encryptionAlgorithm AlgorithmIdentifier,
 *                                        encryptedData OCTET STRING } (RFC 5958 3) */
ntls_result ntls_x509_pkcs8_decrypt(const uint8_t *der, size_t len, const char *pass, size_t pass_len,
                                    uint8_t **out, size_t *out_len)
{
    struct ntls_cur in = ntls_cur_init(der, len), body, data;
    struct ntls_der_alg alg;
    struct pbes2 p;
    uint8_t key[NTLS_CIPHER_MAX_KEY];
    NTLS_ENSURE(pass != NULL, NTLS_E_USAGE);
    NTLS_TRY(ntls_der_sequence(&in, &body));
    NTLS_TRY(ntls_cur_end(&in));
    NTLS_TRY(ntls_der_algorithm(&body, &alg));
    NTLS_TRY(ntls_der_octet_string(&body, &data));
    NTLS_TRY(ntls_cur_end(&body));
    NTLS_TRY(read_pbes2(alg, &p));
    size_t key_len = ntls_cipher_key_size(p.cipher);
    NTLS_TRY(ntls_pbkdf2(p.prf, (const uint8_t *)pass, pass_len, p.salt.p, p.salt.len, (unsigned)p.iterations,
                         key, key_len));
    ntls_result r = cbc_open(p.cipher, key, p.iv.p, data, out, out_len);
    ntls_zeroize(key, sizeof key);
    return r;
}

ntls_result ntls_pem_decrypt(const struct ntls_pem_block *block, const char *pass, size_t pass_len,
                             uint8_t **out, size_t *out_len)
{
    uint8_t key[NTLS_CIPHER_MAX_KEY];
    NTLS_ENSURE(block->encrypted && pass != NULL, NTLS_E_USAGE);
    size_t key_len = ntls_cipher_key_size(block->dek_cipher);
    NTLS_ENSURE(key_len <= sizeof key, NTLS_E_INTERNAL);
    /* OpenSSL's PEM_do_header: the salt is the first 8 bytes of the IV */
    ntls_kdf_evp_md5((const uint8_t *)pass, pass_len, block->dek_iv, key, key_len);
    ntls_result r = cbc_open(block->dek_cipher, key, block->dek_iv, ntls_cur_init(block->der, block->der_len),
                             out, out_len);
    ntls_zeroize(key, sizeof key);
    return r;
}
