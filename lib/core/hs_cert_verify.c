/* nettls: CertificateVerify (RFC 2246 7.4.8): the client proves it holds its certificate's key by signing
 * the handshake messages so far (MD5 || SHA-1 for RSA, SHA-1 for DSA and ECDSA). */
#include "conn_internal.h"
#include "hs_sign.h"

/* The digest of a transcript, and where the part a key of this type signs starts. */
static const uint8_t *transcript_digest(const struct ntls_hash *transcript, enum ntls_pk_type type, uint8_t *out)
{
    struct ntls_hash copy = *transcript;
    ntls_hash_final(&copy, out); /* MD5 || SHA-1 (36 bytes) */
    return ntls_sig_hash(type) == NTLS_HASH_MD5SHA1 ? out : out + 16;
}

ntls_result ntls_cert_verify_send(struct ntls_conn *c)
{
    const struct ntls_x509_key *key = c->identity->key;
    uint8_t digest[36];
    const uint8_t *d = transcript_digest(&c->hs->transcript, key->type, digest);
    struct ntls_wr w;
    size_t mark;
    NTLS_TRY(ntls_hs_msg_begin(c, 15, 2 + 1024, &w, &mark));
    NTLS_TRY(ntls_sig_write(key, d, &w));
    return ntls_hs_msg_end(c, &w, mark);
}

ntls_result ntls_cert_verify_recv(struct ntls_conn *c, struct ntls_cur *body)
{
    uint8_t digest[36];
    /* The signature covers every message before this one. */
    const uint8_t *d = transcript_digest(&c->hs->transcript_before, c->hs->peer_key.type, digest);
    return ntls_sig_check(&c->hs->peer_key, d, body);
}
