/* Interop with the system OpenSSL 3 libcrypto as an independent implementation: from the same master secret
 * and randoms, its TLS1-PRF gives the same key block, and records it builds with EVP ciphers and HMAC are
 * byte for byte the ones we seal, for every cipher state; we open records it builds, including ones with
 * long padding that we never send. Single DES and RC4 come from OpenSSL's "legacy" provider. The suite
 * names and ids are checked against libssl and OpenSSL's headers too. */
#include <criterion/criterion.h>
#include <string.h>

#include <openssl/core_names.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/kdf.h>
#include <openssl/provider.h>
#include <openssl/ssl.h>

#include "rec_util.h"

static uint8_t wire[2 * NTLS_REC_IN_CAP];
static uint8_t want[2 * NTLS_REC_IN_CAP];
static uint8_t data[NTLS_REC_MAX_PLAIN];

static void load_providers(void)
{
    /* Loading one provider by hand stops the default one from loading by itself: load both. */
    cr_assert_not_null(OSSL_PROVIDER_load(NULL, "default"));
    cr_assert_not_null(OSSL_PROVIDER_load(NULL, "legacy"), "OpenSSL's legacy provider (DES, RC4) is needed");
}

TestSuite(interop, .init = load_providers);

static void ossl_prf(const uint8_t *secret, size_t secret_len, const char *label, const uint8_t *s1,
                     const uint8_t *s2, uint8_t *out, size_t out_len)
{
    uint8_t seed[128];
    size_t label_len = strlen(label);
    memcpy(seed, label, label_len);
    memcpy(seed + label_len, s1, 32);
    memcpy(seed + label_len + 32, s2, 32);

    EVP_KDF *kdf = EVP_KDF_fetch(NULL, "TLS1-PRF", NULL);
    cr_assert_not_null(kdf);
    EVP_KDF_CTX *ctx = EVP_KDF_CTX_new(kdf);
    OSSL_PARAM params[] = {
        OSSL_PARAM_construct_utf8_string(OSSL_KDF_PARAM_DIGEST, (char *)"MD5-SHA1", 0),
        OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_SECRET, (void *)secret, secret_len),
        OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_SEED, seed, label_len + 64),
        OSSL_PARAM_construct_end(),
    };
    cr_assert_eq(EVP_KDF_derive(ctx, out, out_len, params), 1);
    EVP_KDF_CTX_free(ctx);
    EVP_KDF_free(kdf);
}

/* One direction of a TLS 1.0 connection as OpenSSL's primitives see it. */
struct ossl_dir {
    EVP_CIPHER_CTX *ctx; /* NULL for the NULL cipher; keeps the CBC chain and the RC4 stream */
    const EVP_MD *md;
    uint8_t mac_key[20];
    size_t mac_len, block;
    uint64_t seq;
};

static const char *ossl_cipher_name(enum ntls_cipher_id id)
{
    switch (id) {
    case NTLS_CIPHER_RC4_128: return "RC4";
    case NTLS_CIPHER_DES_CBC: return "DES-CBC";
    case NTLS_CIPHER_3DES_EDE_CBC: return "DES-EDE3-CBC";
    case NTLS_CIPHER_AES128_CBC: return "AES-128-CBC";
    case NTLS_CIPHER_AES256_CBC: return "AES-256-CBC";
    case NTLS_CIPHER_CAMELLIA128_CBC: return "CAMELLIA-128-CBC";
    case NTLS_CIPHER_CAMELLIA256_CBC: return "CAMELLIA-256-CBC";
    default: return NULL;
    }
}

static void ossl_dir_init(struct ossl_dir *d, const struct ntls_suite *s, const uint8_t *mac_key,
                          const uint8_t *key, const uint8_t *iv, int enc)
{
    memset(d, 0, sizeof *d);
    d->md = s->mac == NTLS_HASH_MD5 ? EVP_md5() : EVP_sha1();
    d->mac_len = s->mac_len;
    memcpy(d->mac_key, mac_key, s->mac_len);
    d->block = 1;
    const char *name = ossl_cipher_name(s->cipher);
    if (name == NULL) {
        return;
    }
    EVP_CIPHER *c = EVP_CIPHER_fetch(NULL, name, NULL);
    cr_assert_not_null(c, "OpenSSL has no %s", name);
    cr_assert_eq((size_t)EVP_CIPHER_get_key_length(c), s->key_len, "%s key length", name);
    d->ctx = EVP_CIPHER_CTX_new();
    cr_assert_eq(EVP_CipherInit_ex2(d->ctx, c, key, s->iv_len ? iv : NULL, enc, NULL), 1);
    EVP_CIPHER_CTX_set_padding(d->ctx, 0);
    d->block = (size_t)EVP_CIPHER_get_block_size(c);
    EVP_CIPHER_free(c);
}

static void ossl_dir_free(struct ossl_dir *d)
{
    EVP_CIPHER_CTX_free(d->ctx);
}

/* RFC 2246 6.2.3: MAC over seq || header || content, padding (pad bytes of value pad, plus the length
 * byte; pad < 0 for the shortest), then encryption; writes the whole record. */
static size_t ossl_seal(struct ossl_dir *d, uint8_t type, const uint8_t *content, size_t len, int pad,
                        uint8_t *out)
{
    static uint8_t buf[NTLS_REC_IN_CAP];
    uint8_t mac_in[13];
    for (int i = 0; i < 8; i++) {
        mac_in[i] = (uint8_t)(d->seq >> (56 - 8 * i));
    }
    mac_in[8] = type;
    mac_in[9] = 3;
    mac_in[10] = 1;
    mac_in[11] = (uint8_t)(len >> 8);
    mac_in[12] = (uint8_t)len;
    d->seq++;

    memcpy(buf, mac_in, 13);
    memcpy(buf + 13, content, len);
    unsigned mac_len = 0;
    cr_assert_not_null(HMAC(d->md, d->mac_key, (int)d->mac_len, buf, 13 + len, buf + 13 + len, &mac_len));
    cr_assert_eq(mac_len, d->mac_len);
    size_t n = len + mac_len;
    if (d->block > 1) {
        size_t p = pad >= 0 ? (size_t)pad : d->block - 1 - n % d->block;
        memset(buf + 13 + n, (int)p, p + 1);
        n += p + 1;
    }
    int outl = (int)n;
    if (d->ctx != NULL) {
        cr_assert_eq(EVP_CipherUpdate(d->ctx, out + 5, &outl, buf + 13, (int)n), 1);
        cr_assert_eq((size_t)outl, n);
    } else {
        memcpy(out + 5, buf + 13, n);
    }
    out[0] = type;
    out[1] = 3;
    out[2] = 1;
    out[3] = (uint8_t)(n >> 8);
    out[4] = (uint8_t)n;
    return n + 5;
}

Test(interop, key_block_and_master_secret_match_openssl)
{
    size_t n;
    const struct ntls_suite *all = ntls_suite_all(&n);
    for (size_t i = 0; i < n; i++) {
        struct ntls_key_block kb;
        uint8_t block[NTLS_KEY_BLOCK_MAX];
        const struct ntls_suite *s = &all[i];
        size_t len = 2 * ((size_t)s->mac_len + s->key_len + s->iv_len);
        ossl_prf(tu_master, sizeof tu_master, "key expansion", tu_server_random, tu_client_random, block,
                 len);
        cr_assert_eq(ntls_keys_expand(NTLS_TLS10, s, tu_master, tu_client_random, tu_server_random, &kb).err,
                     NTLS_E_OK);
        const uint8_t *at = block;
        cr_assert_arr_eq(kb.client_mac, at, s->mac_len, "%s", s->name);
        at += s->mac_len;
        cr_assert_arr_eq(kb.server_mac, at, s->mac_len);
        at += s->mac_len;
        cr_assert_arr_eq(kb.client_key, at, s->key_len);
        at += s->key_len;
        cr_assert_arr_eq(kb.server_key, at, s->key_len);
        at += s->key_len;
        cr_assert_arr_eq(kb.client_iv, at, s->iv_len);
        at += s->iv_len;
        cr_assert_arr_eq(kb.server_iv, at, s->iv_len);
    }

    uint8_t pms[48], ms[48], ms_ossl[48];
    for (size_t i = 0; i < sizeof pms; i++) {
        pms[i] = (uint8_t)(i == 0 ? 3 : i == 1 ? 1 : i * 5);
    }
    const uint8_t *cr = tu_client_random, *sr = tu_server_random;
    cr_assert_eq(ntls_keys_master_secret(NTLS_TLS10, pms, sizeof pms, cr, sr, ms).err, NTLS_E_OK);
    ossl_prf(pms, sizeof pms, "master secret", tu_client_random, tu_server_random, ms_ossl, sizeof ms_ossl);
    cr_assert_arr_eq(ms, ms_ossl, sizeof ms);
}

/* Records both ways for one suite: ours equal OpenSSL's, byte for byte, across several records (so the CBC
 * chain and the RC4 stream carry over the same way), with and without the client's 1/n-1 split. */
static void check_records_match(const struct ntls_suite *s, bool split)
{
    struct ntls_key_block kb;
    struct ossl_dir c2s, s2c;
    struct tu_pair p;
    const size_t lens[] = { 1, 2, 100, 1000, NTLS_REC_MAX_PLAIN, 33 };

    cr_assert_eq(ntls_keys_expand(NTLS_TLS10, s, tu_master, tu_client_random, tu_server_random, &kb).err,
                 NTLS_E_OK);
    ossl_dir_init(&c2s, s, kb.client_mac, kb.client_key, kb.client_iv, 1);
    ossl_dir_init(&s2c, s, kb.server_mac, kb.server_key, kb.server_iv, 1);
    tu_pair_keyed(&p, s, split ? 0 : NTLS_REC_NO_CBC_SPLIT);
    for (size_t i = 0; i < sizeof lens / sizeof lens[0]; i++) {
        size_t written, n, m;
        for (size_t j = 0; j < lens[i]; j++) {
            data[j] = (uint8_t)(i * 41 + j * 3);
        }
        /* client to server, application data: split when asked and the cipher is CBC */
        cr_assert_eq(ntls_rec_write(&p.client, NTLS_CT_APPLICATION_DATA, data, lens[i], &written).err,
                     NTLS_E_OK);
        n = tu_take_out(&p.client, wire, sizeof wire);
        if (split && c2s.block > 1 && lens[i] > 1) {
            m = ossl_seal(&c2s, NTLS_CT_APPLICATION_DATA, data, 1, -1, want);
            m += ossl_seal(&c2s, NTLS_CT_APPLICATION_DATA, data + 1, lens[i] - 1, -1, want + m);
        } else {
            m = ossl_seal(&c2s, NTLS_CT_APPLICATION_DATA, data, lens[i], -1, want);
        }
        cr_assert_eq(n, m, "%s client record %zu length", s->name, i);
        cr_assert_arr_eq(wire, want, n, "%s client record %zu", s->name, i);

        /* server to client, handshake data: never split */
        cr_assert_eq(ntls_rec_write(&p.server, NTLS_CT_HANDSHAKE, data, lens[i], &written).err, NTLS_E_OK);
        n = tu_take_out(&p.server, wire, sizeof wire);
        m = ossl_seal(&s2c, NTLS_CT_HANDSHAKE, data, lens[i], -1, want);
        cr_assert_eq(n, m, "%s server record %zu length", s->name, i);
        cr_assert_arr_eq(wire, want, n, "%s server record %zu", s->name, i);
    }
    tu_pair_free(&p);
    ossl_dir_free(&c2s);
    ossl_dir_free(&s2c);
}

/* Every cipher state, including CBC with HMAC-MD5, which no TLS 1.0 suite uses but the record layer has. */
static struct ntls_suite state_suite(size_t i)
{
    const size_t ncbc = sizeof tu_cbc_states / sizeof tu_cbc_states[0];
    const struct tu_state *st = i < ncbc ? &tu_cbc_states[i] : &tu_stream_states[i - ncbc];
    return tu_suite_for(st->cipher, st->mac);
}

#define NSTATES                                                                                              \
    (sizeof tu_cbc_states / sizeof tu_cbc_states[0] + sizeof tu_stream_states / sizeof tu_stream_states[0])

Test(interop, sealed_records_match_openssl_for_every_state_and_suite)
{
    size_t n;
    const struct ntls_suite *all = ntls_suite_all(&n);
    for (size_t i = 0; i < NSTATES; i++) {
        struct ntls_suite s = state_suite(i);
        check_records_match(&s, false);
        check_records_match(&s, true);
    }
    for (size_t i = 0; i < n; i++) {
        check_records_match(&all[i], false);
        check_records_match(&all[i], true);
    }
}

/* OpenSSL-built records with every padding length the record allows, opened by our reader. */
static void check_open_openssl_records(const struct ntls_suite *s)
{
    struct ntls_key_block kb;
    struct ossl_dir c2s;
    struct ntls_record server;

    cr_assert_eq(ntls_keys_expand(NTLS_TLS10, s, tu_master, tu_client_random, tu_server_random, &kb).err,
                 NTLS_E_OK);
    ossl_dir_init(&c2s, s, kb.client_mac, kb.client_key, kb.client_iv, 1);
    ntls_rec_init(&server, false, 0);
    ntls_rec_set_version(&server, NTLS_TLS10);
    cr_assert_eq(ntls_keys_install(&server, NTLS_TLS10, s, tu_master, tu_client_random, tu_server_random).err,
                 NTLS_E_OK);
    cr_assert_eq(ntls_rec_change_cipher(&server, NTLS_REC_READ).err, NTLS_E_OK);

    size_t pads = c2s.block > 1 ? 256 / c2s.block : 1;
    for (size_t k = 0; k < pads; k++) {
        /* padding_length + 1 a multiple of the block, content chosen to fill the rest */
        size_t pad = c2s.block > 1 ? (k + 1) * c2s.block - 1 : 0;
        size_t len = 3 * c2s.block + (c2s.block - c2s.mac_len % c2s.block) % c2s.block;
        for (size_t j = 0; j < len; j++) {
            data[j] = (uint8_t)(k + j);
        }
        size_t m = ossl_seal(&c2s, NTLS_CT_APPLICATION_DATA, data, len, c2s.block > 1 ? (int)pad : -1, want);
        tu_feed(&server, want, m);
        struct ntls_rec_view v;
        cr_assert_eq(ntls_rec_read(&server, &v).err, NTLS_E_OK, "%s padding %zu", s->name, pad);
        cr_assert_eq(v.data.len, len);
        cr_assert_arr_eq(v.data.p, data, len);
        ntls_rec_consume(&server, len);
    }
    ntls_rec_free(&server);
    ossl_dir_free(&c2s);
}

Test(interop, we_open_openssl_records_with_any_padding)
{
    size_t n;
    const struct ntls_suite *all = ntls_suite_all(&n);
    for (size_t i = 0; i < NSTATES; i++) {
        struct ntls_suite s = state_suite(i);
        check_open_openssl_records(&s);
    }
    for (size_t i = 0; i < n; i++) {
        check_open_openssl_records(&all[i]);
    }
}

/* Names, ids and bits against libssl where it still has the suite, and against OpenSSL's headers for the
 * ones its build leaves out (RC4, DES and 3DES are "weak ciphers", not compiled into Debian's libssl). */
static const struct {
    unsigned long ck;
    const char *txt;
} headers[] = {
    { SSL3_CK_RSA_NULL_MD5, SSL3_TXT_RSA_NULL_MD5 },
    { SSL3_CK_RSA_NULL_SHA, SSL3_TXT_RSA_NULL_SHA },
    { SSL3_CK_RSA_RC4_128_MD5, SSL3_TXT_RSA_RC4_128_MD5 },
    { SSL3_CK_RSA_RC4_128_SHA, SSL3_TXT_RSA_RC4_128_SHA },
    { SSL3_CK_RSA_DES_64_CBC_SHA, SSL3_TXT_RSA_DES_64_CBC_SHA },
    { SSL3_CK_RSA_DES_192_CBC3_SHA, SSL3_TXT_RSA_DES_192_CBC3_SHA },
    { SSL3_CK_DHE_DSS_DES_64_CBC_SHA, SSL3_TXT_DHE_DSS_DES_64_CBC_SHA },
    { SSL3_CK_DHE_DSS_DES_192_CBC3_SHA, SSL3_TXT_DHE_DSS_DES_192_CBC3_SHA },
    { SSL3_CK_DHE_RSA_DES_64_CBC_SHA, SSL3_TXT_DHE_RSA_DES_64_CBC_SHA },
    { SSL3_CK_DHE_RSA_DES_192_CBC3_SHA, SSL3_TXT_DHE_RSA_DES_192_CBC3_SHA },
    { SSL3_CK_EDH_DSS_DES_192_CBC3_SHA, SSL3_TXT_EDH_DSS_DES_192_CBC3_SHA },
    { TLS1_CK_ECDHE_ECDSA_WITH_NULL_SHA, TLS1_TXT_ECDHE_ECDSA_WITH_NULL_SHA },
    { TLS1_CK_ECDHE_ECDSA_WITH_RC4_128_SHA, TLS1_TXT_ECDHE_ECDSA_WITH_RC4_128_SHA },
    { TLS1_CK_ECDHE_ECDSA_WITH_DES_192_CBC3_SHA, TLS1_TXT_ECDHE_ECDSA_WITH_DES_192_CBC3_SHA },
    { TLS1_CK_ECDHE_RSA_WITH_NULL_SHA, TLS1_TXT_ECDHE_RSA_WITH_NULL_SHA },
    { TLS1_CK_ECDHE_RSA_WITH_RC4_128_SHA, TLS1_TXT_ECDHE_RSA_WITH_RC4_128_SHA },
    { TLS1_CK_ECDHE_RSA_WITH_DES_192_CBC3_SHA, TLS1_TXT_ECDHE_RSA_WITH_DES_192_CBC3_SHA },
};

Test(interop, suite_names_match_openssl)
{
    SSL_CTX *ctx = SSL_CTX_new(TLS_method());
    cr_assert_not_null(ctx);
    SSL *ssl = SSL_new(ctx);
    size_t n, in_libssl = 0;
    const struct ntls_suite *all = ntls_suite_all(&n);
    for (size_t i = 0; i < n; i++) {
        const struct ntls_suite *s = &all[i];
        const unsigned char id[2] = { (unsigned char)(s->id >> 8), (unsigned char)s->id };
        const SSL_CIPHER *c = SSL_CIPHER_find(ssl, id);
        if (c != NULL) {
            int alg_bits;
            cr_assert_str_eq(SSL_CIPHER_get_name(c), s->name);
            cr_assert_str_eq(SSL_CIPHER_standard_name(c), s->rfc_name);
            cr_assert_eq(SSL_CIPHER_get_bits(c, &alg_bits), s->strength_bits, "%s", s->name);
            cr_assert_eq(alg_bits, s->alg_bits, "%s", s->name);
            in_libssl++;
        }
    }
    cr_log_info("%zu of %zu suites known to the system libssl", in_libssl, n);
    cr_assert_geq(in_libssl, 20, "AES, Camellia and NULL suites at least");
    for (size_t i = 0; i < sizeof headers / sizeof headers[0]; i++) {
        const struct ntls_suite *s = ntls_suite_by_id((uint16_t)(headers[i].ck & 0xffff));
        cr_assert_not_null(s, "%s", headers[i].txt);
        cr_assert_eq(ntls_suite_by_name(headers[i].txt), s, "%s", headers[i].txt);
    }
    SSL_free(ssl);
    SSL_CTX_free(ctx);
}
