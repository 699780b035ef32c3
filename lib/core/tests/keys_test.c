/* Keys: the key block is cut in RFC 2246 6.3 order, each side reads what the other writes, and versions
 * without a PRF row are refused. The bytes themselves are checked against OpenSSL in
 * record_interop_test.c. */
#include <criterion/criterion.h>
#include <string.h>

#include "rec_util.h"

Test(keys, block_is_cut_in_rfc_order)
{
    const struct ntls_suite *s = ntls_suite_by_name("AES256-SHA");
    struct ntls_key_block kb;
    uint8_t block[2 * (20 + 32 + 16)];

    cr_assert_eq(ntls_keys_expand(NTLS_TLS10, s, tu_master, tu_client_random, tu_server_random, &kb).err,
                 NTLS_E_OK);
    ntls_prf_tls10(tu_master, sizeof tu_master, "key expansion", tu_server_random, 32, tu_client_random, 32,
                   block, sizeof block);
    cr_assert_eq(kb.mac_len, 20);
    cr_assert_eq(kb.key_len, 32);
    cr_assert_eq(kb.iv_len, 16);
    cr_assert_arr_eq(kb.client_mac, block, 20);
    cr_assert_arr_eq(kb.server_mac, block + 20, 20);
    cr_assert_arr_eq(kb.client_key, block + 40, 32);
    cr_assert_arr_eq(kb.server_key, block + 72, 32);
    cr_assert_arr_eq(kb.client_iv, block + 104, 16);
    cr_assert_arr_eq(kb.server_iv, block + 120, 16);
    ntls_key_block_wipe(&kb);
    const uint8_t zero[sizeof kb] = { 0 };
    cr_assert_arr_eq(&kb, zero, sizeof kb, "wiped");
}

Test(keys, master_secret_is_the_prf_of_the_premaster)
{
    uint8_t pms[48], ms[48], want[48];
    memset(pms, 0x03, sizeof pms);
    const uint8_t *cr = tu_client_random, *sr = tu_server_random;
    cr_assert_eq(ntls_keys_master_secret(NTLS_TLS10, pms, sizeof pms, cr, sr, ms).err, NTLS_E_OK);
    ntls_prf_tls10(pms, sizeof pms, "master secret", tu_client_random, 32, tu_server_random, 32, want, 48);
    cr_assert_arr_eq(ms, want, 48);
    cr_assert_eq(ntls_keys_master_secret(NTLS_TLS12, pms, sizeof pms, cr, sr, ms).err, NTLS_E_USAGE);
}

Test(keys, each_side_reads_what_the_other_writes)
{
    size_t n;
    const struct ntls_suite *all = ntls_suite_all(&n);
    for (size_t i = 0; i < n; i++) {
        struct tu_pair p;
        size_t written, len;
        uint8_t type, out[32];
        tu_pair_keyed(&p, &all[i], NTLS_REC_NO_CBC_SPLIT);
        cr_assert_eq(ntls_rec_write(&p.client, NTLS_CT_APPLICATION_DATA, "to server", 9, &written).err,
                     NTLS_E_OK);
        cr_assert_eq(ntls_rec_write(&p.server, NTLS_CT_APPLICATION_DATA, "to client", 9, &written).err,
                     NTLS_E_OK);
        tu_move(&p.client, &p.server);
        tu_move(&p.server, &p.client);
        cr_assert_eq(tu_read_one(&p.server, &type, out, sizeof out, &len).err, NTLS_E_OK, "%s", all[i].name);
        cr_assert_arr_eq(out, "to server", 9);
        cr_assert_eq(tu_read_one(&p.client, &type, out, sizeof out, &len).err, NTLS_E_OK, "%s", all[i].name);
        cr_assert_arr_eq(out, "to client", 9);
        tu_pair_free(&p);
    }
}

Test(keys, versions_without_ops_are_refused)
{
    struct ntls_record r;
    ntls_rec_init(&r, true, 0);
    const struct ntls_suite *s = ntls_suite_by_name("AES128-SHA");
    const uint8_t *cr = tu_client_random, *sr = tu_server_random;
    cr_assert_eq(ntls_keys_install(&r, NTLS_TLS12, s, tu_master, cr, sr).err, NTLS_E_USAGE);
    cr_assert_eq(ntls_keys_install(&r, NTLS_TLS11, s, tu_master, cr, sr).err, NTLS_E_USAGE,
                 "TLS 1.1 has a PRF row but no record ops row yet");
    cr_assert_eq(ntls_rec_heap_bytes(&r), 0, "nothing left installed");
    ntls_rec_free(&r);
}
