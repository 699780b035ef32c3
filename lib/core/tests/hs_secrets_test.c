#include <criterion/criterion.h>
#include <string.h>

#include "core/hs_secrets.h"
#include "core/keys.h"

/* Expected values were computed with the system OpenSSL's TLS1-PRF, independently of our PRF:
 *   openssl kdf -keylen 48 -kdfopt digest:MD5-SHA1 -kdfopt hexsecret:<pms>
 *               -kdfopt hexseed:<hex("master secret") || client_random || server_random> TLS1-PRF
 * with pms = 03 01 || 46 x ab, client_random = 32 x 11, server_random = 32 x 22, and the transcript being
 * the 9 bytes "handshake". */

static void fixed_inputs(uint8_t *pms, uint8_t *cr, uint8_t *sr)
{
    pms[0] = 0x03;
    pms[1] = 0x01;
    memset(pms + 2, 0xab, 46);
    memset(cr, 0x11, 32);
    memset(sr, 0x22, 32);
}

static const uint8_t want_master[48] = {
    0x46, 0xC0, 0x0A, 0x54, 0x03, 0x67, 0x44, 0xC8, 0x28, 0xEB, 0x08, 0x3F, 0x9D, 0xE5, 0x08, 0x43,
    0x0E, 0xCC, 0xEC, 0x3E, 0x23, 0xAD, 0xE4, 0xBD, 0x48, 0x8C, 0x20, 0x37, 0x5A, 0x2B, 0x38, 0x72,
    0xE6, 0x3B, 0x21, 0x0A, 0xCA, 0x73, 0xBE, 0x36, 0xF3, 0x06, 0x5E, 0x0B, 0xE0, 0x0E, 0x2A, 0x21,
};

Test(hs_secrets, master_secret_matches_openssl)
{
    uint8_t pms[48], cr[32], sr[32], master[48];
    fixed_inputs(pms, cr, sr);
    cr_assert_eq(ntls_keys_master_secret(NTLS_TLS10, pms, sizeof pms, cr, sr, master).err, NTLS_E_OK);
    cr_assert_eq(memcmp(master, want_master, 48), 0);
}

Test(hs_secrets, finished_matches_openssl_and_leaves_transcript_running)
{
    const uint8_t want[12] = { 0xED, 0x59, 0xEB, 0x8A, 0xE4, 0x00, 0x19, 0x07, 0xBC, 0x3A, 0xF7, 0x16 };
    struct ntls_hash transcript;
    ntls_hash_init(&transcript, ntls_version_ops(NTLS_TLS10)->transcript);
    ntls_hash_update(&transcript, "hand", 4);
    uint8_t out[12];
    ntls_hash_update(&transcript, "shake", 5);
    ntls_finished_compute(NTLS_TLS10, want_master, true, &transcript, out);
    cr_assert_eq(memcmp(out, want, 12), 0);

    /* The transcript was not finished: computing again gives the same bytes. */
    uint8_t again[12];
    ntls_finished_compute(NTLS_TLS10, want_master, true, &transcript, again);
    cr_assert_eq(memcmp(again, want, 12), 0);

    /* The server label gives something else. */
    ntls_finished_compute(NTLS_TLS10, want_master, false, &transcript, again);
    cr_assert_neq(memcmp(again, want, 12), 0);
}

Test(hs_secrets, extended_master_secret_matches_openssl)
{
    const uint8_t want[48] = {
        0xA0, 0xFD, 0xF0, 0xE0, 0xA9, 0xC5, 0x7A, 0xD5, 0xDE, 0x05, 0x5C, 0x0C, 0x69, 0x03, 0x7B, 0x07,
        0x60, 0x8B, 0x34, 0x9B, 0x3D, 0x9A, 0x38, 0x11, 0x99, 0x32, 0x83, 0x8B, 0x07, 0x1F, 0xDC, 0x77,
        0x4F, 0x60, 0xF0, 0xFF, 0x18, 0xF2, 0x91, 0x6C, 0xBD, 0x67, 0x6E, 0xB6, 0x15, 0x0F, 0xC2, 0x80,
    };
    uint8_t pms[48], cr[32], sr[32], master[48];
    fixed_inputs(pms, cr, sr);
    struct ntls_hash transcript;
    ntls_hash_init(&transcript, NTLS_HASH_MD5SHA1);
    ntls_hash_update(&transcript, "handshake", 9);
    ntls_master_secret_ems(NTLS_TLS10, pms, sizeof pms, &transcript, master);
    cr_assert_eq(memcmp(master, want, 48), 0);
}
