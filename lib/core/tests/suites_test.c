/* The cipher-suite table: every required id, lookups by id and every name, consistent lengths. The names
 * are compared with the system OpenSSL in record_interop_test.c. */
#include <criterion/criterion.h>
#include <string.h>

#include "core/suites.h"

static const uint16_t required[] = {
    /* RSA */
    0x0001, 0x0002, 0x0004, 0x0005, 0x0009, 0x000A, 0x002F, 0x0035, 0x0041, 0x0084,
    /* DHE */
    0x0012, 0x0013, 0x0015, 0x0016, 0x0032, 0x0033, 0x0038, 0x0039, 0x0044, 0x0045, 0x0087, 0x0088,
    /* ECDHE */
    0xC007, 0xC008, 0xC009, 0xC00A, 0xC011, 0xC012, 0xC013, 0xC014,
};

Test(suites, every_required_id_is_there)
{
    for (size_t i = 0; i < sizeof required / sizeof required[0]; i++) {
        const struct ntls_suite *s = ntls_suite_by_id(required[i]);
        cr_assert_not_null(s, "0x%04x", required[i]);
        cr_assert_eq(s->id, required[i]);
    }
    cr_assert_null(ntls_suite_by_id(0x0000), "TLS_NULL_WITH_NULL_NULL is never negotiable");
    cr_assert_null(ntls_suite_by_id(0x0003), "no export suites");
    cr_assert_null(ntls_suite_by_id(0x0034), "no anonymous suites");
    cr_assert_null(ntls_suite_by_id(0x003C), "no TLS 1.2-only suites");
}

Test(suites, lookups_by_every_name)
{
    size_t n;
    const struct ntls_suite *all = ntls_suite_all(&n);
    cr_assert_geq(n, sizeof required / sizeof required[0]);
    for (size_t i = 0; i < n; i++) {
        const struct ntls_suite *s = &all[i];
        cr_assert_eq(ntls_suite_by_id(s->id), s, "0x%04x appears once", s->id);
        cr_assert_eq(ntls_suite_by_name(s->name), s, "%s", s->name);
        cr_assert_eq(ntls_suite_by_name(s->rfc_name), s, "%s", s->rfc_name);
        if (s->alias != NULL) {
            cr_assert_eq(ntls_suite_by_name(s->alias), s, "%s", s->alias);
        }
        for (size_t j = 0; j < i; j++) {
            cr_assert_str_neq(all[j].name, s->name);
        }
    }
    cr_assert_eq(ntls_suite_by_name("AES128-SHA")->id, 0x002F);
    cr_assert_eq(ntls_suite_by_name("EDH-DSS-DES-CBC3-SHA")->id, 0x0013);
    cr_assert_eq(ntls_suite_by_name("DHE-DSS-DES-CBC3-SHA")->id, 0x0013);
    cr_assert_eq(ntls_suite_by_name("TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA")->id, 0xC009);
    cr_assert_null(ntls_suite_by_name("aes128-sha"), "case-sensitive, as OpenSSL");
    cr_assert_null(ntls_suite_by_name(""));
    cr_assert_null(ntls_suite_by_name("EXP-RC4-MD5"));
}

Test(suites, lengths_match_the_ciphers)
{
    size_t n;
    const struct ntls_suite *all = ntls_suite_all(&n);
    for (size_t i = 0; i < n; i++) {
        const struct ntls_suite *s = &all[i];
        cr_assert_eq(s->key_len, ntls_cipher_key_size(s->cipher), "%s", s->name);
        cr_assert_eq(s->iv_len, ntls_cipher_iv_size(s->cipher), "%s", s->name);
        cr_assert_eq(s->mac_len, ntls_hash_size(s->mac), "%s", s->name);
        cr_assert(s->mac == NTLS_HASH_MD5 || s->mac == NTLS_HASH_SHA1);
        unsigned level = s->flags & (NTLS_SUITE_HIGH | NTLS_SUITE_MEDIUM | NTLS_SUITE_LOW);
        if (s->cipher == NTLS_CIPHER_NULL) {
            cr_assert_eq(level, 0, "%s", s->name);
            cr_assert_eq(s->strength_bits, 0);
        } else {
            cr_assert(level == NTLS_SUITE_HIGH || level == NTLS_SUITE_MEDIUM || level == NTLS_SUITE_LOW);
            cr_assert_gt(s->strength_bits, 0);
        }
        bool weak = s->cipher == NTLS_CIPHER_NULL || s->cipher == NTLS_CIPHER_RC4_128 ||
                    s->cipher == NTLS_CIPHER_DES_CBC || s->cipher == NTLS_CIPHER_3DES_EDE_CBC;
        if (weak) {
            cr_assert(s->flags & NTLS_SUITE_NOT_DEFAULT, "%s must not be in DEFAULT", s->name);
        }
        cr_assert_eq(ntls_suite_is_ephemeral(s), s->kx != NTLS_KX_RSA);
        bool named_kx = strncmp(s->rfc_name, "TLS_RSA_", 8) == 0 ? s->kx == NTLS_KX_RSA
                        : strncmp(s->rfc_name, "TLS_DHE_RSA_", 12) == 0 ? s->kx == NTLS_KX_DHE_RSA
                        : strncmp(s->rfc_name, "TLS_DHE_DSS_", 12) == 0 ? s->kx == NTLS_KX_DHE_DSS
                        : strncmp(s->rfc_name, "TLS_ECDHE_RSA_", 14) == 0 ? s->kx == NTLS_KX_ECDHE_RSA
                        : strncmp(s->rfc_name, "TLS_ECDHE_ECDSA_", 16) == 0 ? s->kx == NTLS_KX_ECDHE_ECDSA
                                                                             : false;
        cr_assert(named_kx, "%s: key exchange matches the RFC name", s->rfc_name);
    }
}
