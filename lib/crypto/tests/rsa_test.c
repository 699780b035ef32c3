/* Tests for rsa.c: Wycheproof PKCS#1 v1.5 decryption, signature verification and signature generation,
 * a key made by the system OpenSSL (whose signatures ours must equal byte for byte, PKCS#1 v1.5 being
 * deterministic), round trips, tampering and key checks. */
#include <criterion/criterion.h>
#include <string.h>

#include "base/buf.h"
#include "crypto/crypto.h"
#include "pk_vectors.h"

/* A 2048-bit key from the system OpenSSL 3 and three answers computed with it:
 *   openssl genrsa -out rsa.pem 2048; openssl rsa -in rsa.pem -text -noout     (the components below)
 *   printf 'nettls RSA oracle message' > msg.txt
 *   openssl dgst -sha256 -binary msg.txt > d256.bin
 *   (openssl dgst -md5 -binary msg.txt; openssl dgst -sha1 -binary msg.txt) > md5sha1.bin
 *   openssl pkeyutl -sign -inkey rsa.pem -pkeyopt digest:sha256 -in d256.bin -out sig256.bin   (DigestInfo)
 *   openssl pkeyutl -sign -inkey rsa.pem -in md5sha1.bin -out sigms.bin        (raw 36 bytes, RFC 2246 7.4.3)
 *   openssl pkeyutl -encrypt -inkey rsa.pem -in pms.bin -out ct.bin         (a 48-byte premaster secret) */
static const char OSSL_N[] =
    "00b79f13ccdc68d4f6da809fc00dcc20b2600fb3455231701123a418fd14726090f0b08f09e6dec88c1e7d3974f519e49a"
    "241d4549d6c4adb0fd64a1a0256fbcdfb74f3128282e509b6d9533f49680bf46d29fc92c07710bb506a35faa89106636e0"
    "dd772a4b5ab5898726cae6914a82b7b436440644afe0034b3b6fdc7fa43f297d9c9963c26dac6d9f8e63b511b36fab02a2"
    "ccee5deae67a5af9960566f0c24d74f51da8579c86eee31cd200edd1571029b46ebbbefdae84465321f7008dd2fcc4c66c"
    "a8b3a2dbaaaad7166a0eee7c9b04a84662ddf8dd37e70b1baf07d365c6d30c19322fd0300ca8f56247c29ebe2efa7e4804"
    "063a7362f8f8f30b3d2fc3b3";
static const char OSSL_D[] =
    "17640bd52a74ae405df849a16100925fb6adf953c8d324680286ca6a1edb2d22f98e3c4272270a1c135c376007430ba479"
    "1a4373d3088de9c075bbc31751c3192a944b7a469813cba0eb8349528cc711020eb9c542936b7edd801d552f8da7bfb0e8"
    "75602d663a3ef139075ad4c24da19232e17a7cf07c945ed68cfae545aa87eacbe4762f7212ee3c3903909443f06585e455"
    "94033f2e30eb4cd63d61403d5744e7209accb6ef0e7f3ad0a18664ea19ea120118a803366e8a962d96b9eb42d64db3ad51"
    "b4ff4855e48948160062f8d75c84a2c93b4f743d23a29ead122d60cada4d537378590ccf482c296a16472a90a935d1d031"
    "926285214823a6ddf57629";
static const char OSSL_P[] =
    "00d96bc355e2313edde94ec33ec1be6410ec4e2bbede1e49ec88aeb0113ac3f60300ce48c42dcbf99cfdbdfc09a848b88c"
    "e44470e224542622dd6fb967d15d08eaf3cb32245ec51715b0b11d6f5dccf44c78bc0430d899ea3f95c77f23df282e4214"
    "29194ed863279d343e9e6dcd589221111a7ef9b97aea8c05577b2a8358bc09";
static const char OSSL_Q[] =
    "00d833fc94d4f581682e5a3ff58726f62f231370400c4418b1e5ecd5aa1a7e50e1ed66ac99cafa7e09329e8b80b91bde68"
    "28a95fe0e61d91578cf53fe6caac7b178ca1a867d5b3c3599990ecef54e8c41b6b18d1d49d69e11eddbe81082e67929588"
    "09d00af73f3f19756faecaf51902300c3d8016f7b6c6ef26dcc2700819a8db";
static const char OSSL_DP[] =
    "00925a52d3b5fdb636c47ccb3aac4a0fabc095622709f7538590001eee8a232caf9ad440f1256ebf68a8f940f5f33c7856"
    "06b5f7529267be800b94d0360d1d560a69ef26a28ad49a94742ad5088918947e016b765ab702ec46bef8da21786ee0ac84"
    "4ba2088bea3ad93c38c6865d0ab8dadf5b798b7a0a3e65e096a186dd815699";
static const char OSSL_DQ[] =
    "16a4db3f7b4e7b4f3e0b95c7517073385ca41c8d98bb491ad8ca0556db8f7f492a64268fb502a750af4c8bafdfb35b87ed"
    "3a50206df98acf70a3ff1d5cfcd3a793c31ab045619e8433e149ef872519e5054284379085165ef53a8ea91cb31c572cf8"
    "5a21cbe383e856b46bca360178892fbf013b66966e1f7e2280fadade5521";
static const char OSSL_QINV[] =
    "009359255dce7758710b52f1c04152f69c1696f1c29efb978d0fbaec282f2bc2a6a9e1ae1fe6668280bee226bdb324ff3f"
    "93e73dea61464402f7741e5f28ab44dd7db43146b512315333ccd06ba008821aa02c9d1dfa9c79f93bae9cbaf612864500"
    "37faed1870b0a6f73a52277c18fbbfec5ffe9c4d66f8c3b3c56a77eaba3a24";
static const char OSSL_SIG_SHA256[] =
    "89ba8e2e2926196b78d2c02d9b616e7ce70b6de2cdadb65aa9d600f3562bbb8f25bc1a61a138cab3718ba08e3d01062114"
    "95dffb45e0470512aa153d076d56b3083c947e32f43a5424d3078de7076ab45f0980614c2680662fe0cb90dafe1d18a4e8"
    "d6a1bb1542c5980c520f0206054b85d44480665af83b1e965901401297579087f21905d05bb6fbc126d096c21a3c9a4b29"
    "3c8b6932c687caf30440e288193bb1ae2ac0b558c2a80196d7c7305f25c949d1d7a05acf087eaee0241adaf581710f4eb9"
    "a47ba9352cfabcbde356cae52b48798c953260e35025693447bb79d0c4b82fd35d6b57fd297dbd5284c592b498467afb5e"
    "c779d2fff166e3733b22bb";
static const char OSSL_SIG_MD5SHA1[] =
    "950b76889f9bfa31de951913a6b191cc22ec1cb203b25a148081c82fe637542c58494e58e353685508885b05652ef01550"
    "31b7743fe5e535aa52718a476a15d75a1dd97912bf233d0279c39846715a3bfb491947269e5d72165510f2526e664d0e03"
    "e8160f47fbf7616c48ce0b9da1d4583738ed166bb655ae6c558b2cab9a22e672f0973bc70871e10a48361427df9154c12e"
    "63540bcf4e673340249f3d048143f5fbfab1f61d4337fba9b03fe369ea530676c20f531b67a87fa87bb1ab33db38e27432"
    "9d476c20d8f645af38fb37ca866faa672fb3359b00b774060da2047035645a0173a73dfb8ccdaed04107025fa48840cf94"
    "7e3a4a38d5e940609d98a0";
static const char OSSL_CT[] =
    "56ed1a815896ca4d8dee7e5aaca7165a712ec6ab0624f127351ae17732c399dd6c59957a7e8e7b01e3eafbb2763c1100ab"
    "0ba986aaaed2fac3a89ed99513d55fa6b9bad1d723ba777de13d7d600e334723c90d09757d373042aba2a697ccba56957f"
    "6b1e2b69ef554fe2e297ba897dfbe7442fa952b2617a670069822e6bc4e86f68177235006ecc9a83a36a05f00157e20911"
    "b4d56b08a0f6280b55366efca56c4c3b7fea7a27f5a68bad5ec97da8b5a6e340dc376e77310755b8731c095ab8914a9b87"
    "27976ff6d95b5a8b14cc0a8f0bf4eb0de9c9d4de35487715b3c4f3ef498c99243280d2a4737c24f849f3cbd91580b8d3f0"
    "cede31b746c82d1302c063";
static const char OSSL_DIGEST_SHA256[] =
    "46700747a9f1edb405d42eb77284c95114a343a9fd23aa45aed38abc74280efe";
static const char OSSL_DIGEST_MD5SHA1[] =
    "1912063f017586f27931556fee5f1a378e12174d15c16bee310b4e79042e9fa4f081418a";
static const char OSSL_PMS[] =
    "03016e6574746c73207072656d61737465722073656372657420303132333435363738396162636465666768696a6b6c";

#define RSA_MAX 512 /* bytes of the largest modulus below (4096 bits) */

/* The components of the OpenSSL key, decoded; the buffers live as long as the test. */
struct rsa_hex_key {
    uint8_t n[RSA_MAX], e[3], d[RSA_MAX], p[RSA_MAX], q[RSA_MAX], dp[RSA_MAX], dq[RSA_MAX], qinv[RSA_MAX];
    struct ntls_rsa_private_parts parts;
};

static void ossl_parts(struct rsa_hex_key *k)
{
    struct ntls_rsa_private_parts *pp = &k->parts;
    pp->n = k->n;
    pp->n_len = pk_hex(OSSL_N, k->n, sizeof k->n);
    pp->e = k->e;
    pp->e_len = pk_hex("010001", k->e, sizeof k->e);
    pp->d = k->d;
    pp->d_len = pk_hex(OSSL_D, k->d, sizeof k->d);
    pp->p = k->p;
    pp->p_len = pk_hex(OSSL_P, k->p, sizeof k->p);
    pp->q = k->q;
    pp->q_len = pk_hex(OSSL_Q, k->q, sizeof k->q);
    pp->dp = k->dp;
    pp->dp_len = pk_hex(OSSL_DP, k->dp, sizeof k->dp);
    pp->dq = k->dq;
    pp->dq_len = pk_hex(OSSL_DQ, k->dq, sizeof k->dq);
    pp->qinv = k->qinv;
    pp->qinv_len = pk_hex(OSSL_QINV, k->qinv, sizeof k->qinv);
}

static struct ntls_rsa_key *ossl_key(void)
{
    struct rsa_hex_key k;
    struct ntls_rsa_key *key = NULL;
    ossl_parts(&k);
    cr_assert_eq(ntls_rsa_private_new(&key, &k.parts).err, NTLS_E_OK);
    return key;
}

/* ---------------------------------------------------------------------------------------------------- */
/* The OpenSSL key */

Test(rsa, openssl_key_properties)
{
    struct ntls_rsa_key *key = ossl_key();
    cr_assert_eq(ntls_rsa_size(key), 256);
    cr_assert_eq(ntls_rsa_bits(key), 2048);
    cr_assert(ntls_rsa_is_private(key));
    ntls_rsa_free(key);
    ntls_rsa_free(NULL);
}

Test(rsa, signatures_equal_openssl)
{
    struct ntls_rsa_key *key = ossl_key();
    uint8_t digest[36], want[256], sig[256];

    cr_assert_eq(pk_hex(OSSL_DIGEST_SHA256, digest, sizeof digest), 32);
    cr_assert_eq(pk_hex(OSSL_SIG_SHA256, want, sizeof want), 256);
    cr_assert_eq(ntls_rsa_sign(key, NTLS_HASH_SHA256, digest, sig).err, NTLS_E_OK);
    cr_assert_arr_eq(sig, want, 256, "SHA-256 signature differs from OpenSSL's");
    cr_assert_eq(ntls_rsa_verify(key, NTLS_HASH_SHA256, digest, want, 256).err, NTLS_E_OK);

    cr_assert_eq(pk_hex(OSSL_DIGEST_MD5SHA1, digest, sizeof digest), 36);
    cr_assert_eq(pk_hex(OSSL_SIG_MD5SHA1, want, sizeof want), 256);
    cr_assert_eq(ntls_rsa_sign(key, NTLS_HASH_MD5SHA1, digest, sig).err, NTLS_E_OK);
    cr_assert_arr_eq(sig, want, 256, "MD5SHA1 signature differs from OpenSSL's");
    cr_assert_eq(ntls_rsa_verify(key, NTLS_HASH_MD5SHA1, digest, want, 256).err, NTLS_E_OK);
    ntls_rsa_free(key);
}

Test(rsa, openssl_ciphertext_decrypts)
{
    struct ntls_rsa_key *key = ossl_key();
    uint8_t ct[256], pms[48], out[48];

    cr_assert_eq(pk_hex(OSSL_CT, ct, sizeof ct), 256);
    cr_assert_eq(pk_hex(OSSL_PMS, pms, sizeof pms), 48);
    cr_assert_eq(ntls_rsa_decrypt_fixed(key, ct, sizeof ct, out, sizeof out), UINT32_MAX);
    cr_assert_arr_eq(out, pms, sizeof pms);
    /* The same ciphertext asked for another length is a failure, not a shorter message. */
    cr_assert_eq(ntls_rsa_decrypt_fixed(key, ct, sizeof ct, out, 47), 0);
    cr_assert_eq(ntls_rsa_decrypt_fixed(key, ct, sizeof ct, out, 46), 0);
    ntls_rsa_free(key);
}

/* ---------------------------------------------------------------------------------------------------- */
/* Round trips and tampering */

Test(rsa, sign_verify_round_trip)
{
    const enum ntls_hash_id ids[] = { NTLS_HASH_MD5SHA1, NTLS_HASH_SHA1, NTLS_HASH_SHA256, NTLS_HASH_MD5,
                                      NTLS_HASH_SHA384, NTLS_HASH_SHA512, NTLS_HASH_SHA224 };
    struct ntls_rsa_key *key = ossl_key();
    uint8_t digest[NTLS_HASH_MAX_SIZE], sig[256], big[257];

    for (size_t i = 0; i < sizeof ids / sizeof ids[0]; i++) {
        enum ntls_hash_id id = ids[i];
        ntls_hash_oneshot(id, "round trip", 10, digest);
        cr_assert_eq(ntls_rsa_sign(key, id, digest, sig).err, NTLS_E_OK, "hash %d", (int)id);
        cr_assert_eq(ntls_rsa_verify(key, id, digest, sig, sizeof sig).err, NTLS_E_OK, "hash %d", (int)id);

        sig[100] ^= 0x01;
        cr_assert_eq(ntls_rsa_verify(key, id, digest, sig, sizeof sig).err, NTLS_E_DECRYPT_ERROR);
        sig[100] ^= 0x01;
        digest[0] ^= 0x80;
        cr_assert_eq(ntls_rsa_verify(key, id, digest, sig, sizeof sig).err, NTLS_E_DECRYPT_ERROR);
        digest[0] ^= 0x80;
        /* Wrong length: one byte short, and the same value with a leading zero byte. */
        cr_assert_eq(ntls_rsa_verify(key, id, digest, sig, sizeof sig - 1).err, NTLS_E_DECRYPT_ERROR);
        big[0] = 0;
        memcpy(big + 1, sig, sizeof sig);
        cr_assert_eq(ntls_rsa_verify(key, id, digest, big, sizeof big).err, NTLS_E_DECRYPT_ERROR);
    }

    /* An MD5SHA1 signature is not a SHA-1 signature over the SHA-1 half, nor the reverse. */
    ntls_hash_oneshot(NTLS_HASH_MD5SHA1, "x", 1, digest);
    cr_assert_eq(ntls_rsa_sign(key, NTLS_HASH_MD5SHA1, digest, sig).err, NTLS_E_OK);
    cr_assert_eq(ntls_rsa_verify(key, NTLS_HASH_SHA1, digest + 16, sig, sizeof sig).err,
                 NTLS_E_DECRYPT_ERROR);
    cr_assert_eq(ntls_rsa_sign(key, NTLS_HASH_SHA1, digest + 16, sig).err, NTLS_E_OK);
    cr_assert_eq(ntls_rsa_verify(key, NTLS_HASH_MD5SHA1, digest, sig, sizeof sig).err, NTLS_E_DECRYPT_ERROR);
    cr_assert_eq(ntls_rsa_verify(key, NTLS_HASH__COUNT, digest, sig, sizeof sig).err, NTLS_E_USAGE);
    ntls_rsa_free(key);
}

Test(rsa, encrypt_decrypt_round_trip)
{
    struct ntls_rsa_key *key = ossl_key();
    uint8_t msg[48], ct1[256], ct2[256], out[48], too_long[246];

    for (size_t i = 0; i < sizeof msg; i++) {
        msg[i] = (uint8_t)(i * 7 + 3);
    }
    cr_assert_eq(ntls_rsa_encrypt(key, msg, sizeof msg, ct1).err, NTLS_E_OK);
    cr_assert_eq(ntls_rsa_encrypt(key, msg, sizeof msg, ct2).err, NTLS_E_OK);
    cr_assert(memcmp(ct1, ct2, sizeof ct1) != 0, "type 2 padding must be random");
    cr_assert_eq(ntls_rsa_decrypt_fixed(key, ct1, sizeof ct1, out, sizeof out), UINT32_MAX);
    cr_assert_arr_eq(out, msg, sizeof msg);
    cr_assert_eq(ntls_rsa_decrypt_fixed(key, ct2, sizeof ct2, out, sizeof out), UINT32_MAX);
    cr_assert_arr_eq(out, msg, sizeof msg);

    /* Malformed ciphertexts give 0: short, long, tampered, and not below n. */
    cr_assert_eq(ntls_rsa_decrypt_fixed(key, ct1, 255, out, sizeof out), 0);
    cr_assert_eq(ntls_rsa_decrypt_fixed(key, ct1, 0, out, sizeof out), 0);
    ct1[17] ^= 0x40;
    cr_assert_eq(ntls_rsa_decrypt_fixed(key, ct1, sizeof ct1, out, sizeof out), 0);
    uint8_t n[257];
    cr_assert_eq(pk_hex(OSSL_N, n, sizeof n), 257); /* with its sign byte */
    cr_assert_eq(ntls_rsa_decrypt_fixed(key, n + 1, 256, out, sizeof out), 0);

    /* The longest message is size - 11 bytes (RFC 2313 8.1); one more is a caller bug. */
    memset(too_long, 0x5a, sizeof too_long);
    cr_assert_eq(ntls_rsa_encrypt(key, too_long, 245, ct1).err, NTLS_E_OK);
    cr_assert_eq(ntls_rsa_encrypt(key, too_long, 246, ct1).err, NTLS_E_USAGE);
    ntls_rsa_free(key);
}

Test(rsa, public_key_cannot_sign_or_decrypt)
{
    struct rsa_hex_key k;
    struct ntls_rsa_key *pub = NULL, *priv = ossl_key();
    uint8_t digest[32] = { 1 }, sig[256], ct[256], out[48];

    ossl_parts(&k);
    cr_assert_eq(ntls_rsa_public_new(&pub, k.n, k.parts.n_len, k.e, k.parts.e_len).err, NTLS_E_OK);
    cr_assert_not(ntls_rsa_is_private(pub));
    cr_assert_eq(ntls_rsa_size(pub), 256);
    cr_assert_eq(ntls_rsa_sign(pub, NTLS_HASH_SHA256, digest, sig).err, NTLS_E_USAGE);
    cr_assert_eq(ntls_rsa_encrypt(pub, digest, 32, ct).err, NTLS_E_OK);
    cr_assert_eq(ntls_rsa_decrypt_fixed(pub, ct, sizeof ct, out, 32), 0);
    cr_assert_eq(ntls_rsa_decrypt_fixed(priv, ct, sizeof ct, out, 32), UINT32_MAX);
    cr_assert_arr_eq(out, digest, 32);
    cr_assert_eq(ntls_rsa_sign(priv, NTLS_HASH_SHA256, digest, sig).err, NTLS_E_OK);
    cr_assert_eq(ntls_rsa_verify(pub, NTLS_HASH_SHA256, digest, sig, sizeof sig).err, NTLS_E_OK);
    ntls_rsa_free(pub);
    ntls_rsa_free(priv);
}

Test(rsa, bad_keys_rejected)
{
    struct rsa_hex_key k;
    struct ntls_rsa_key *key = NULL;
    const uint8_t one[] = { 1 }, four[] = { 4 }, small_n[] = { 0x00, 0xc5 };

    ossl_parts(&k);
    /* Even modulus, e = 1, even e, a modulus too small for PKCS#1, and e >= n. */
    k.n[k.parts.n_len - 1] ^= 1;
    cr_assert_eq(ntls_rsa_public_new(&key, k.n, k.parts.n_len, k.e, k.parts.e_len).err, NTLS_E_CRYPTO);
    k.n[k.parts.n_len - 1] ^= 1;
    cr_assert_eq(ntls_rsa_public_new(&key, k.n, k.parts.n_len, one, 1).err, NTLS_E_CRYPTO);
    cr_assert_eq(ntls_rsa_public_new(&key, k.n, k.parts.n_len, four, 1).err, NTLS_E_CRYPTO);
    cr_assert_eq(ntls_rsa_public_new(&key, small_n, sizeof small_n, k.e, k.parts.e_len).err, NTLS_E_CRYPTO);
    cr_assert_eq(ntls_rsa_public_new(&key, k.e, k.parts.e_len, k.n, k.parts.n_len).err, NTLS_E_CRYPTO);

    /* Private parts that do not belong together: p and q swapped leave qinv wrong; a changed q changes n. */
    struct ntls_rsa_private_parts swapped = k.parts;
    swapped.p = k.parts.q;
    swapped.p_len = k.parts.q_len;
    swapped.q = k.parts.p;
    swapped.q_len = k.parts.p_len;
    cr_assert_eq(ntls_rsa_private_new(&key, &swapped).err, NTLS_E_CRYPTO);
    k.q[k.parts.q_len - 1] ^= 2;
    cr_assert_eq(ntls_rsa_private_new(&key, &k.parts).err, NTLS_E_CRYPTO);
    k.q[k.parts.q_len - 1] ^= 2;
    cr_assert_eq(ntls_rsa_private_new(&key, &k.parts).err, NTLS_E_OK);
    ntls_rsa_free(key);
}

/* ---------------------------------------------------------------------------------------------------- */
/* Wycheproof */

/* PKCS#1 v1.5 decryption (RSAES-PKCS1-v1_5): valid cases give the message at its own length and nothing at
 * any other; invalid ones (bad padding, c >= n, wrong ciphertext length) give 0 at the message's length and
 * at the premaster secret's 48. */
Test(rsa, wycheproof_pkcs1_decrypt)
{
    struct pk_json *root = pk_wycheproof_load("rsa_pkcs1_2048_test.json");
    struct pk_tally tally = { 0, 0, 0 };

    for (struct pk_json *g = pk_json_first(root, "testGroups"); g != NULL; g = g->next) {
        const struct pk_json *pk = pk_json_get(g, "privateKey");
        cr_assert_not_null(pk);
        struct ntls_rsa_private_parts parts;
        uint8_t *bufs[8];
        bufs[0] = pk_json_hex(pk, "modulus", &parts.n_len);
        bufs[1] = pk_json_hex(pk, "publicExponent", &parts.e_len);
        bufs[2] = pk_json_hex(pk, "privateExponent", &parts.d_len);
        bufs[3] = pk_json_hex(pk, "prime1", &parts.p_len);
        bufs[4] = pk_json_hex(pk, "prime2", &parts.q_len);
        bufs[5] = pk_json_hex(pk, "exponent1", &parts.dp_len);
        bufs[6] = pk_json_hex(pk, "exponent2", &parts.dq_len);
        bufs[7] = pk_json_hex(pk, "coefficient", &parts.qinv_len);
        parts.n = bufs[0], parts.e = bufs[1], parts.d = bufs[2], parts.p = bufs[3];
        parts.q = bufs[4], parts.dp = bufs[5], parts.dq = bufs[6], parts.qinv = bufs[7];
        struct ntls_rsa_key *key = NULL;
        cr_assert_eq(ntls_rsa_private_new(&key, &parts).err, NTLS_E_OK);

        for (struct pk_json *t = pk_json_first(g, "tests"); t != NULL; t = t->next) {
            long id = pk_json_int(t, "tcId");
            size_t msg_len, ct_len;
            uint8_t *msg = pk_json_hex(t, "msg", &msg_len), *ct = pk_json_hex(t, "ct", &ct_len);
            uint8_t out[256];
            enum pk_result want = pk_json_result(t);
            cr_assert_neq(want, PK_ACCEPTABLE, "tcId %ld", id);
            uint32_t mask = ntls_rsa_decrypt_fixed(key, ct, ct_len, out, msg_len);
            if (want == PK_VALID) {
                cr_assert_eq(mask, UINT32_MAX, "tcId %ld should decrypt", id);
                cr_assert_arr_eq(out, msg, msg_len, "tcId %ld", id);
                if (msg_len > 0) {
                    cr_assert_eq(ntls_rsa_decrypt_fixed(key, ct, ct_len, out, msg_len - 1), 0, "tcId %ld",
                                 id);
                }
                tally.accepted++;
            } else {
                cr_assert_eq(mask, 0, "tcId %ld should not decrypt", id);
                cr_assert_eq(ntls_rsa_decrypt_fixed(key, ct, ct_len, out, 48), 0, "tcId %ld", id);
                tally.rejected++;
            }
            tally.total++;
            free(msg);
            free(ct);
        }
        ntls_rsa_free(key);
        for (size_t i = 0; i < 8; i++) {
            free(bufs[i]);
        }
    }
    pk_tally_check(&tally, root);
    pk_json_free(root);
}

/* RSASSA-PKCS1-v1_5 verification. The "acceptable" cases are DigestInfos without the NULL parameter: we
 * compare against the one DER encoding with NULL, so we reject them, and the test holds us to that. */
static void wycheproof_verify(const char *file)
{
    struct pk_json *root = pk_wycheproof_load(file);
    struct pk_tally tally = { 0, 0, 0 };

    for (struct pk_json *g = pk_json_first(root, "testGroups"); g != NULL; g = g->next) {
        const struct pk_json *pk = pk_json_get(g, "publicKey");
        cr_assert_not_null(pk);
        enum ntls_hash_id hash = pk_hash_id(pk_json_str(g, "sha"));
        size_t n_len, e_len;
        uint8_t *n = pk_json_hex(pk, "modulus", &n_len), *e = pk_json_hex(pk, "publicExponent", &e_len);
        struct ntls_rsa_key *key = NULL;
        cr_assert_eq(ntls_rsa_public_new(&key, n, n_len, e, e_len).err, NTLS_E_OK);

        for (struct pk_json *t = pk_json_first(g, "tests"); t != NULL; t = t->next) {
            long id = pk_json_int(t, "tcId");
            size_t msg_len, sig_len;
            uint8_t *msg = pk_json_hex(t, "msg", &msg_len), *sig = pk_json_hex(t, "sig", &sig_len);
            uint8_t digest[NTLS_HASH_MAX_SIZE];
            ntls_hash_oneshot(hash, msg, msg_len, digest);
            enum ntls_err got = ntls_rsa_verify(key, hash, digest, sig, sig_len).err;
            if (pk_json_result(t) == PK_VALID) {
                cr_assert_eq(got, NTLS_E_OK, "%s tcId %ld should verify", file, id);
                tally.accepted++;
            } else {
                cr_assert_eq(got, NTLS_E_DECRYPT_ERROR, "%s tcId %ld should not verify", file, id);
                tally.rejected++;
            }
            tally.total++;
            free(msg);
            free(sig);
        }
        ntls_rsa_free(key);
        free(n);
        free(e);
    }
    pk_tally_check(&tally, root);
    pk_json_free(root);
}

Test(rsa, wycheproof_verify_sha256)
{
    wycheproof_verify("rsa_signature_2048_sha256_test.json");
}

Test(rsa, wycheproof_verify_sha384)
{
    wycheproof_verify("rsa_signature_2048_sha384_test.json");
}

/* One DER TLV of the expected tag, for walking the PKCS#8 keys below (test input, trusted shape). */
static struct ntls_cur der_next(struct ntls_cur *in, uint8_t want)
{
    uint8_t tag, first, b;
    size_t len = 0;
    struct ntls_cur body;

    cr_assert_eq(ntls_cur_u8(in, &tag).err, NTLS_E_OK);
    cr_assert_eq(tag, want);
    cr_assert_eq(ntls_cur_u8(in, &first).err, NTLS_E_OK);
    if (first < 0x80) {
        len = first;
    } else {
        for (int i = 0; i < (first & 0x7f); i++) {
            cr_assert_eq(ntls_cur_u8(in, &b).err, NTLS_E_OK);
            len = len << 8 | b;
        }
    }
    cr_assert_eq(ntls_cur_take(in, len, &body).err, NTLS_E_OK);
    return body;
}

static void der_int(struct ntls_cur *in, const uint8_t **p, size_t *len)
{
    struct ntls_cur v = der_next(in, 0x02);
    *p = v.p;
    *len = v.len;
}

/* PrivateKeyInfo (RFC 5208 5) holding an RSAPrivateKey (RFC 8017 A.1.2). */
static void pkcs8_rsa_parts(const uint8_t *der, size_t len, struct ntls_rsa_private_parts *pp)
{
    struct ntls_cur in = ntls_cur_init(der, len), pki, octets, rsa;
    pki = der_next(&in, 0x30);
    (void)der_next(&pki, 0x02); /* version */
    (void)der_next(&pki, 0x30); /* AlgorithmIdentifier */
    octets = der_next(&pki, 0x04);
    rsa = der_next(&octets, 0x30);
    (void)der_next(&rsa, 0x02); /* version */
    der_int(&rsa, &pp->n, &pp->n_len);
    der_int(&rsa, &pp->e, &pp->e_len);
    der_int(&rsa, &pp->d, &pp->d_len);
    der_int(&rsa, &pp->p, &pp->p_len);
    der_int(&rsa, &pp->q, &pp->q_len);
    der_int(&rsa, &pp->dp, &pp->dp_len);
    der_int(&rsa, &pp->dq, &pp->dq_len);
    der_int(&rsa, &pp->qinv, &pp->qinv_len);
}

/* RSASSA-PKCS1-v1_5 generation: signatures are deterministic, so ours must equal Wycheproof's exactly, for
 * SHA-1, SHA-224, SHA-256, SHA-384 and SHA-512. */
Test(rsa, wycheproof_sign)
{
    struct pk_json *root = pk_wycheproof_load("rsa_pkcs1_2048_sig_gen_test.json");
    long total = 0;

    for (struct pk_json *g = pk_json_first(root, "testGroups"); g != NULL; g = g->next) {
        enum ntls_hash_id hash = pk_hash_id(pk_json_str(g, "sha"));
        size_t der_len;
        uint8_t *der = pk_json_hex(g, "privateKeyPkcs8", &der_len);
        struct ntls_rsa_private_parts parts;
        struct ntls_rsa_key *key = NULL;
        pkcs8_rsa_parts(der, der_len, &parts);
        cr_assert_eq(ntls_rsa_private_new(&key, &parts).err, NTLS_E_OK);

        for (struct pk_json *t = pk_json_first(g, "tests"); t != NULL; t = t->next) {
            long id = pk_json_int(t, "tcId");
            size_t msg_len, want_len;
            uint8_t *msg = pk_json_hex(t, "msg", &msg_len), *want = pk_json_hex(t, "sig", &want_len);
            uint8_t digest[NTLS_HASH_MAX_SIZE], sig[RSA_MAX];
            cr_assert_eq(want_len, ntls_rsa_size(key), "tcId %ld", id);
            ntls_hash_oneshot(hash, msg, msg_len, digest);
            cr_assert_eq(ntls_rsa_sign(key, hash, digest, sig).err, NTLS_E_OK, "tcId %ld", id);
            cr_assert_arr_eq(sig, want, want_len, "tcId %ld: signature differs", id);
            cr_assert_eq(ntls_rsa_verify(key, hash, digest, sig, want_len).err, NTLS_E_OK, "tcId %ld", id);
            total++;
            free(msg);
            free(want);
        }
        ntls_rsa_free(key);
        free(der);
    }
    cr_assert_eq(total, pk_json_int(root, "numberOfTests"));
    pk_json_free(root);
}
