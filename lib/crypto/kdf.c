/* Password-based key derivation over Nettle (codec.h): PBKDF2 for PKCS#5 PBES2, and OpenSSL's
 * EVP_BytesToKey(MD5, count 1) for legacy encrypted PEM. */
#include "codec.h"

#include <nettle/pbkdf2.h>

#include "../base/mem.h"

ntls_result ntls_pbkdf2(enum ntls_hash_id prf, const uint8_t *pass, size_t pass_len, const uint8_t *salt,
                        size_t salt_len, unsigned iterations, uint8_t *out, size_t out_len)
{
    NTLS_ENSURE(iterations > 0 && out_len > 0, NTLS_E_USAGE);
    static const uint8_t empty[1];
    if (pass_len == 0) {
        pass = empty;
    }
    if (salt_len == 0) {
        salt = empty;
    }
    switch (prf) {
    case NTLS_HASH_SHA1:
        pbkdf2_hmac_sha1(pass_len, pass, iterations, salt_len, salt, out_len, out);
        return ntls_ok();
    case NTLS_HASH_SHA256:
        pbkdf2_hmac_sha256(pass_len, pass, iterations, salt_len, salt, out_len, out);
        return ntls_ok();
    case NTLS_HASH_SHA384:
        pbkdf2_hmac_sha384(pass_len, pass, iterations, salt_len, salt, out_len, out);
        return ntls_ok();
    case NTLS_HASH_SHA512:
        pbkdf2_hmac_sha512(pass_len, pass, iterations, salt_len, salt, out_len, out);
        return ntls_ok();
    default:
        return ntls_error(NTLS_E_USAGE);
    }
}

/* OpenSSL crypto/evp/evp_key.c EVP_BytesToKey with count = 1; the IV is not derived (PEM carries it). */
void ntls_kdf_evp_md5(const uint8_t *pass, size_t pass_len, const uint8_t salt[8], uint8_t *out,
                      size_t out_len)
{
    struct ntls_hash md5;
    uint8_t block[16];
    size_t done = 0;
    ntls_hash_init(&md5, NTLS_HASH_MD5);
    for (int first = 1; done < out_len; first = 0) {
        if (!first) {
            ntls_hash_update(&md5, block, sizeof block);
        }
        if (pass_len > 0) {
            ntls_hash_update(&md5, pass, pass_len);
        }
        ntls_hash_update(&md5, salt, 8);
        ntls_hash_final(&md5, block);
        size_t n = out_len - done < sizeof block ? out_len - done : sizeof block;
        for (size_t i = 0; i < n; i++) {
            out[done + i] = block[i];
        }
        done += n;
    }
    ntls_zeroize(block, sizeof block);
    ntls_hash_wipe(&md5);
}
