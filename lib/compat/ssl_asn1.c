/* nettls: the DER form of a session (i2d_SSL_SESSION, d2i_SSL_SESSION) and its PEM wrapping.
 *
 * The layout is OpenSSL 1.1.0's SSL_SESSION_ASN1 for the fields nettls keeps:
 *   SEQUENCE { version INTEGER (1), ssl_version INTEGER, cipher OCTET STRING (2 bytes),
 *              session_id OCTET STRING, master_key OCTET STRING,
 *              time [1] EXPLICIT INTEGER OPTIONAL, timeout [2] EXPLICIT INTEGER OPTIONAL,
 *              session_id_context [4] EXPLICIT OCTET STRING OPTIONAL,
 *              flags [13] EXPLICIT INTEGER OPTIONAL -- 1: extended master secret (RFC 7627) }
 * Reading skips the other optional fields 1.1.0 may write. The encoding holds the master secret: every
 * buffer it passes through is wiped. */
#include <stdlib.h>
#include <string.h>

#include <openssl/err.h>
#include <openssl/pem.h>
#include <openssl/ssl.h>

#include "base/buf.h"
#include "base/mem.h"
#include "core/session.h"
#include "ssl_local.h"
#include "x509/der.h"

enum {
    SESSION_DER_MAX = 256, /* the fields above take at most about 170 bytes */
    ASN1_VERSION = 1,
    FLAG_EMS = 1, /* 1.1.0's SSL_SESS_FLAG_EXTMS */
    TAG_INTEGER = 0x02,
    TAG_OCTETS = 0x04,
};

static void put_tlv(struct ntls_wr *w, uint8_t tag, const uint8_t *v, size_t len)
{
    ntls_wr_u8(w, tag);
    if (len < 0x80) {
        ntls_wr_u8(w, (uint8_t)len);
    } else if (len <= 0xff) {
        ntls_wr_u8(w, 0x81);
        ntls_wr_u8(w, (uint8_t)len);
    } else {
        ntls_wr_u8(w, 0x82);
        ntls_wr_u16(w, (uint16_t)len);
    }
    ntls_wr_bytes(w, v, len);
}

/* A non-negative INTEGER, minimal (X.690 8.3.2): a leading 0x00 only before a high bit. */
static void put_uint(struct ntls_wr *w, uint64_t v)
{
    uint8_t b[9];
    size_t n = 0;
    for (int shift = 56; shift >= 0; shift -= 8) {
        uint8_t octet = (uint8_t)(v >> shift);
        if (n > 0 || octet != 0 || shift == 0) {
            if (n == 0 && (octet & 0x80)) {
                b[n++] = 0;
            }
            b[n++] = octet;
        }
    }
    put_tlv(w, TAG_INTEGER, b, n);
}

/* [n] EXPLICIT INTEGER */
static void put_explicit_uint(struct ntls_wr *w, unsigned n, uint64_t v)
{
    uint8_t inner[16];
    struct ntls_wr iw = ntls_wr_init(inner, sizeof inner);
    put_uint(&iw, v);
    put_tlv(w, NTLS_DER_CTX_CONS(n), inner, iw.len);
}

static size_t encode(const struct ntls_session *s, uint8_t *out, size_t cap)
{
    uint8_t body[SESSION_DER_MAX], inner[NTLS_SID_CTX_MAX + 4];
    uint8_t cipher[2] = { (uint8_t)(s->suite >> 8), (uint8_t)s->suite };
    struct ntls_wr w = ntls_wr_init(body, sizeof body);
    put_uint(&w, ASN1_VERSION);
    put_uint(&w, s->version);
    put_tlv(&w, TAG_OCTETS, cipher, sizeof cipher);
    put_tlv(&w, TAG_OCTETS, s->id, s->id_len);
    put_tlv(&w, TAG_OCTETS, s->master_secret, NTLS_MASTER_SECRET_LEN);
    put_explicit_uint(&w, 1, s->created > 0 ? (uint64_t)s->created : 0);
    put_explicit_uint(&w, 2, s->timeout);
    if (s->sid_ctx_len > 0) {
        struct ntls_wr iw = ntls_wr_init(inner, sizeof inner);
        put_tlv(&iw, TAG_OCTETS, s->sid_ctx, s->sid_ctx_len);
        put_tlv(&w, NTLS_DER_CTX_CONS(4), inner, iw.len);
    }
    if (s->extended_master_secret) {
        put_explicit_uint(&w, 13, FLAG_EMS);
    }
    struct ntls_wr ow = ntls_wr_init(out, cap);
    put_tlv(&ow, 0x30, body, w.overflow ? 0 : w.len);
    size_t len = w.overflow || ow.overflow ? 0 : ow.len;
    ntls_zeroize(body, sizeof body);
    return len;
}

int i2d_SSL_SESSION(SSL_SESSION *in, unsigned char **pp)
{
    struct ntls_session *s = ntls_compat_session(in);
    uint8_t der[SESSION_DER_MAX];
    size_t len = s != NULL ? encode(s, der, sizeof der) : 0;
    if (len == 0) {
        NTLS_SSLERR(ERR_R_INTERNAL_ERROR);
        return 0;
    }
    if (pp != NULL && *pp == NULL) {
        *pp = malloc(len);
        if (*pp == NULL) {
            ntls_zeroize(der, sizeof der);
            NTLS_SSLERR(ERR_R_MALLOC_FAILURE);
            return 0;
        }
        memcpy(*pp, der, len);
    } else if (pp != NULL) {
        memcpy(*pp, der, len);
        *pp += len;
    }
    ntls_zeroize(der, sizeof der);
    return (int)len;
}

static ntls_result read_octets(struct ntls_cur *in, uint8_t *out, size_t max, size_t *len)
{
    struct ntls_cur v;
    NTLS_TRY(ntls_der_octet_string(in, &v));
    NTLS_ENSURE(v.len <= max, NTLS_E_DECODE);
    memcpy(out, v.p, v.len);
    *len = v.len;
    return ntls_ok();
}

static ntls_result read_optional(struct ntls_cur *body, struct ntls_session *s)
{
    while (!ntls_cur_empty(body)) {
        struct ntls_der_tlv tlv;
        NTLS_TRY(ntls_der_read(body, &tlv));
        struct ntls_cur inner = tlv.value;
        uint64_t v = 0;
        if (tlv.tag == NTLS_DER_CTX_CONS(1) || tlv.tag == NTLS_DER_CTX_CONS(2) ||
            tlv.tag == NTLS_DER_CTX_CONS(13)) {
            NTLS_TRY(ntls_der_u64(&inner, &v));
            NTLS_TRY(ntls_cur_end(&inner));
        }
        if (tlv.tag == NTLS_DER_CTX_CONS(1)) {
            NTLS_ENSURE(v <= INT64_MAX, NTLS_E_DECODE);
            s->created = (int64_t)v;
        } else if (tlv.tag == NTLS_DER_CTX_CONS(2)) {
            s->timeout = v > UINT32_MAX ? UINT32_MAX : (uint32_t)v;
        } else if (tlv.tag == NTLS_DER_CTX_CONS(13)) {
            s->extended_master_secret = (v & FLAG_EMS) != 0;
        } else if (tlv.tag == NTLS_DER_CTX_CONS(4)) {
            NTLS_TRY(read_octets(&inner, s->sid_ctx, sizeof s->sid_ctx, &s->sid_ctx_len));
            NTLS_TRY(ntls_cur_end(&inner));
        }
    }
    return ntls_ok();
}

static ntls_result decode(struct ntls_cur *in, struct ntls_session *s)
{
    struct ntls_cur body;
    uint64_t version, ssl_version;
    uint8_t cipher[2];
    size_t cipher_len, master_len;
    NTLS_TRY(ntls_der_sequence(in, &body));
    NTLS_TRY(ntls_der_u64(&body, &version));
    NTLS_ENSURE(version == ASN1_VERSION, NTLS_E_DECODE);
    NTLS_TRY(ntls_der_u64(&body, &ssl_version));
    NTLS_ENSURE(ssl_version == TLS1_VERSION, NTLS_E_PROTOCOL_VERSION);
    NTLS_TRY(read_octets(&body, cipher, sizeof cipher, &cipher_len));
    NTLS_ENSURE(cipher_len == 2, NTLS_E_DECODE);
    s->suite = (uint16_t)(cipher[0] << 8 | cipher[1]);
    NTLS_ENSURE(ntls_suite_by_id(s->suite) != NULL, NTLS_E_HANDSHAKE_FAILURE);
    s->version = TLS1_VERSION;
    NTLS_TRY(read_octets(&body, s->id, sizeof s->id, &s->id_len));
    NTLS_TRY(read_octets(&body, s->master_secret, sizeof s->master_secret, &master_len));
    NTLS_ENSURE(master_len == NTLS_MASTER_SECRET_LEN, NTLS_E_DECODE);
    return read_optional(&body, s);
}

SSL_SESSION *d2i_SSL_SESSION(SSL_SESSION **a, const unsigned char **pp, long length)
{
    if (pp == NULL || *pp == NULL || length <= 0) {
        NTLS_SSLERR(ERR_R_PASSED_NULL_PARAMETER);
        return NULL;
    }
    struct ntls_session *s = ntls_session_new();
    if (s == NULL) {
        NTLS_SSLERR(ERR_R_MALLOC_FAILURE);
        return NULL;
    }
    struct ntls_cur in = ntls_cur_init(*pp, (size_t)length);
    ntls_result r = decode(&in, s);
    if (!ntls_is_ok(r)) {
        ntls_session_unref(s);
        int reason = r.err == NTLS_E_PROTOCOL_VERSION     ? SSL_R_UNKNOWN_SSL_VERSION
                     : r.err == NTLS_E_HANDSHAKE_FAILURE ? SSL_R_UNKNOWN_CIPHER_TYPE
                                                         : SSL_R_BAD_DATA;
        NTLS_SSLERR(reason);
        return NULL;
    }
    *pp = in.p;
    SSL_SESSION *ret = ntls_compat_ssl_session(s);
    if (a != NULL) {
        SSL_SESSION_free(*a);
        *a = ret;
    }
    return ret;
}

/* The next "SSL SESSION PARAMETERS" block; blocks of other kinds are skipped, as OpenSSL does. */
SSL_SESSION *PEM_read_bio_SSL_SESSION(BIO *bp, SSL_SESSION **x, pem_password_cb *cb, void *u)
{
    unsigned char *data;
    long len;
    if (!PEM_bytes_read_bio(&data, &len, NULL, PEM_STRING_SSL_SESSION, bp, cb, u)) {
        return NULL;
    }
    const unsigned char *p = data;
    SSL_SESSION *ret = d2i_SSL_SESSION(x, &p, len);
    OPENSSL_cleanse(data, (size_t)len); /* it holds the master secret */
    OPENSSL_free(data);
    return ret;
}

int PEM_write_bio_SSL_SESSION(BIO *bp, SSL_SESSION *x)
{
    uint8_t der[SESSION_DER_MAX];
    unsigned char *p = der;
    int len = x != NULL ? i2d_SSL_SESSION(x, &p) : 0;
    int r = len > 0 ? PEM_write_bio(bp, PEM_STRING_SSL_SESSION, NULL, der, len) : 0;
    ntls_zeroize(der, sizeof der);
    return r > 0 ? 1 : 0;
}
