/* nettls: the DH object, as much of it as TLS servers use: Diffie-Hellman group parameters read from PEM
 * ("DH PARAMETERS", PKCS#3 DHParameter) or DER, handed to SSL_CTX_set_tmp_dh(). The object keeps the
 * parameters' DER as read, so i2d_DHparams() gives back the same bytes (the ssl half reads a DH only through
 * that call). There is no key generation here: the engine makes its ephemeral keys itself. */
#include <limits.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

#include <openssl/bio.h>
#include <openssl/dh.h>
#include <openssl/err.h>
#include <openssl/pem.h>

#include "x509/der.h"
#include "x509/x509.h"

struct dh_st {
    atomic_int refs;
    struct ntls_x509_dh_params params; /* p and g; empty for DH_new() */
    uint8_t *der;                      /* the DHParameter DER, NULL for DH_new() */
    size_t der_len;
};

DH *DH_new(void)
{
    DH *dh = calloc(1, sizeof *dh);
    if (dh == NULL) {
        ERR_put_error(ERR_LIB_DH, 0, ERR_R_MALLOC_FAILURE, OPENSSL_FILE, OPENSSL_LINE);
        return NULL;
    }
    atomic_init(&dh->refs, 1);
    return dh;
}

int DH_up_ref(DH *dh)
{
    atomic_fetch_add(&dh->refs, 1);
    return 1;
}

void DH_free(DH *dh)
{
    if (dh == NULL || atomic_fetch_sub(&dh->refs, 1) > 1) {
        return;
    }
    ntls_x509_dh_params_free(&dh->params);
    free(dh->der);
    free(dh);
}

/* The size of p in bytes (1.1.0: BN_num_bytes(dh->p)), what a DH shared secret occupies. */
int DH_size(const DH *dh)
{
    return (int)dh->params.p_len;
}

int DH_bits(const DH *dh)
{
    if (dh->params.p_len == 0) {
        return 0;
    }
    int bits = (int)dh->params.p_len * 8;
    for (uint8_t top = dh->params.p[0]; (top & 0x80) == 0; top = (uint8_t)(top << 1)) {
        bits--;
    }
    return bits;
}

/* d2i convention (1.1.0 d2i_X509 and friends): *pp advances past what was read; *a, when given, is
 * replaced by the new object. */
DH *d2i_DHparams(DH **a, const unsigned char **pp, long length)
{
    if (pp == NULL || *pp == NULL || length <= 0) {
        ERR_put_error(ERR_LIB_DH, 0, ERR_R_PASSED_NULL_PARAMETER, OPENSSL_FILE, OPENSSL_LINE);
        return NULL;
    }
    struct ntls_cur cur = ntls_cur_init(*pp, (size_t)length);
    struct ntls_der_tlv seq;
    DH *dh = NULL;
    if (!ntls_is_ok(ntls_der_expect_tlv(&cur, NTLS_DER_SEQUENCE, &seq)) || (dh = DH_new()) == NULL) {
        ERR_put_error(ERR_LIB_ASN1, 0, ERR_R_NESTED_ASN1_ERROR, OPENSSL_FILE, OPENSSL_LINE);
        return NULL;
    }
    size_t used = seq.raw.len;
    dh->der = malloc(used);
    if (dh->der == NULL || !ntls_is_ok(ntls_x509_dh_params_parse(&dh->params, *pp, used))) {
        ERR_put_error(ERR_LIB_DH, 0, dh->der == NULL ? ERR_R_MALLOC_FAILURE : ERR_R_NESTED_ASN1_ERROR,
                      OPENSSL_FILE, OPENSSL_LINE);
        DH_free(dh);
        return NULL;
    }
    memcpy(dh->der, *pp, used);
    dh->der_len = used;
    *pp += used;
    if (a != NULL) {
        DH_free(*a);
        *a = dh;
    }
    return dh;
}

int i2d_DHparams(const DH *dh, unsigned char **pp)
{
    if (dh == NULL || dh->der == NULL || dh->der_len > INT_MAX) {
        ERR_put_error(ERR_LIB_DH, 0, ERR_R_PASSED_NULL_PARAMETER, OPENSSL_FILE, OPENSSL_LINE);
        return -1;
    }
    if (pp == NULL) {
        return (int)dh->der_len;
    }
    if (*pp == NULL) {
        if ((*pp = malloc(dh->der_len)) == NULL) {
            ERR_put_error(ERR_LIB_DH, 0, ERR_R_MALLOC_FAILURE, OPENSSL_FILE, OPENSSL_LINE);
            return -1;
        }
        memcpy(*pp, dh->der, dh->der_len);
    } else {
        memcpy(*pp, dh->der, dh->der_len);
        *pp += dh->der_len;
    }
    return (int)dh->der_len;
}

/* The next "DH PARAMETERS" block; blocks of other kinds before it are skipped, as PEM_bytes_read_bio does.
 * DH parameters are never encrypted: cb and u are not used. */
DH *PEM_read_bio_DHparams(BIO *bp, DH **x, pem_password_cb *cb, void *u)
{
    unsigned char *data;
    long len;
    if (!PEM_bytes_read_bio(&data, &len, NULL, PEM_STRING_DHPARAMS, bp, cb, u)) {
        return NULL;
    }
    const unsigned char *p = data;
    DH *ret = d2i_DHparams(x, &p, len);
    if (ret == NULL) {
        ERR_put_error(ERR_LIB_PEM, 0, ERR_R_ASN1_LIB, OPENSSL_FILE, OPENSSL_LINE);
    }
    OPENSSL_free(data);
    return ret;
}

DH *PEM_read_DHparams(FILE *fp, DH **x, pem_password_cb *cb, void *u)
{
    BIO *b = BIO_new_fp(fp, BIO_NOCLOSE);
    if (b == NULL) {
        ERR_put_error(ERR_LIB_PEM, 0, ERR_R_BUF_LIB, OPENSSL_FILE, OPENSSL_LINE);
        return NULL;
    }
    DH *ret = PEM_read_bio_DHparams(b, x, cb, u);
    BIO_free(b);
    return ret;
}
