/* nettls: TLS 1.0 stream cipher states, NULL and RC4 with HMAC-MD5 or HMAC-SHA1 (RFC 2246 6.2.3.1).
 *
 * GenericStreamCipher: stream-ciphered struct { content[length]; MAC[hash_size]; }. No padding, so the
 * plaintext length is public and the MAC is checked the ordinary way (compared in constant time). */
#include "record_ops.h"

#include "base/ct.h"

static void stream_mac(struct ntls_rec_prot *p, uint8_t type, uint16_t version, uint64_t seq,
                       const uint8_t *data, size_t len, uint8_t *out)
{
    uint8_t hdr[NTLS_REC_MAC_HEADER];
    ntls_rec_mac_header(hdr, seq, type, version, len);
    ntls_hmac_update(&p->mac, hdr, sizeof hdr);
    ntls_hmac_update(&p->mac, data, len);
    ntls_hmac_final(&p->mac, out);
}

static void stream_crypt(struct ntls_rec_prot *p, uint8_t *data, size_t len)
{
    /* The NULL cipher is the identity: skip the call rather than copy in place. */
    if (p->cipher.id != NTLS_CIPHER_NULL && len > 0) {
        ntls_cipher_run(&p->cipher, data, data, len);
    }
}

static size_t stream_seal(struct ntls_rec_prot *p, uint8_t type, uint16_t version, uint64_t seq,
                          uint8_t *frag, size_t len)
{
    stream_mac(p, type, version, seq, frag, len, &frag[len]);
    stream_crypt(p, frag, len + p->mac_len);
    return len + p->mac_len;
}

static ntls_result stream_open(struct ntls_rec_prot *p, uint8_t type, uint16_t version, uint64_t seq,
                               uint8_t *frag, size_t len, size_t *pt_off, size_t *pt_len)
{
    uint8_t mac[NTLS_HASH_MAX_SIZE];

    /* The length is public here (no padding): a fragment too short for the MAC fails before any work. */
    NTLS_ENSURE(len >= p->mac_len, NTLS_E_BAD_RECORD_MAC);
    stream_crypt(p, frag, len);
    size_t n = len - p->mac_len;
    stream_mac(p, type, version, seq, frag, n, mac);
    NTLS_ENSURE(ntls_ct_memeq(mac, &frag[n], p->mac_len) != 0, NTLS_E_BAD_RECORD_MAC);
    *pt_off = 0;
    *pt_len = n;
    return ntls_ok();
}

static void stream_overhead(const struct ntls_rec_prot *p, size_t *head, size_t *tail)
{
    *head = 0;
    *tail = p->mac_len;
}

static size_t stream_split_reserve(const struct ntls_rec_prot *p)
{
    (void)p;
    return 0;
}

const struct ntls_rec_ops ntls_rec_ops_tls10_stream = {
    .open = stream_open,
    .seal = stream_seal,
    .overhead = stream_overhead,
    .split_reserve = stream_split_reserve,
};
