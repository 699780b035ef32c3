/* nettls: declarations shared between the .c files of lib/x509, not part of its API (x509.h is). */
#ifndef NTLS_X509_INTERNAL_H
#define NTLS_X509_INTERNAL_H

#include "x509.h"

/* name.c: checks one Name element without keeping its entries (for directoryName inside GeneralNames). */
NTLS_MUST_CHECK ntls_result ntls_x509_name_check(struct ntls_cur *in);

/* ext.c: reads one GeneralName (RFC 5280 4.2.1.6). */
NTLS_MUST_CHECK ntls_result ntls_x509_gname_read(struct ntls_cur *in, struct ntls_x509_gname *out);
/* ext.c: parses the content of the [3] EXPLICIT extensions tag into cert's extension fields. On failure
 * the caller frees the cert (ntls_x509_cert_free releases whatever was allocated). */
NTLS_MUST_CHECK ntls_result ntls_x509_exts_parse(struct ntls_x509_cert *cert, struct ntls_cur exts);

/* sig.c: reads a SubjectPublicKeyInfo element and classifies its algorithm. */
NTLS_MUST_CHECK ntls_result ntls_x509_spki_read(struct ntls_cur *in, struct ntls_x509_spki *out);

/* key.c: the named curve of an EC AlgorithmIdentifier's parameters (a namedCurve OID element, RFC 5480
 * 2.1.1), or NTLS_E_UNSUPPORTED_CERTIFICATE for other curves and forms, NTLS_E_DECODE when malformed. */
NTLS_MUST_CHECK ntls_result ntls_x509_curve_param(struct ntls_cur params, enum ntls_curve *curve);

/* dhparam.c/key.c helper: copies n bytes into a fresh allocation (n may be 0). */
NTLS_MUST_CHECK ntls_result ntls_x509_dup(const uint8_t *p, size_t n, uint8_t **out);

#endif
