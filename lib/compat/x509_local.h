/* nettls: the X509 and X509_NAME objects, private to the crypto half (x509_obj.c, x509_name.c).
 *
 * The ssl half makes and reads these only through exported functions (d2i_X509, i2d_X509, ...). */
#ifndef NTLS_COMPAT_X509_LOCAL_H
#define NTLS_COMPAT_X509_LOCAL_H

#include <stdatomic.h>

#include <openssl/x509.h>

#include "x509/x509.h"

/* A name inside a certificate (der == NULL: the views point into the certificate) or on its own (der
 * owned, the views point into it). */
struct X509_name_st {
    struct ntls_x509_name name;
    uint8_t *der;
};

struct x509_st {
    atomic_int refs;
    struct ntls_x509_cert cert;
    X509_NAME subject, issuer; /* views of cert.subject and cert.issuer */
};

#endif
