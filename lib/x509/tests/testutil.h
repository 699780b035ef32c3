/* Helpers shared by the lib/x509 unit tests: fixtures from $NTLS_X509_DATA, hex, and a tiny DER writer
 * for building malformed inputs. Linked into the tests only. */
#ifndef NTLS_X509_TESTUTIL_H
#define NTLS_X509_TESTUTIL_H

#include <stddef.h>
#include <stdint.h>

#include "x509/x509.h"

/* The bytes of fixture file name (NUL-terminated too, so PEM text can be used as a string); free() it.
 * Fails the test when the file is missing. */
uint8_t *tu_read(const char *name, size_t *len);
/* The DER of the first PEM block with label in fixture name; free() it. */
uint8_t *tu_pem_der(const char *name, const char *label, size_t *len);
/* Parses the first certificate of fixture name; fails the test on error. */
void tu_cert(const char *name, struct ntls_x509_cert *cert);
/* Every certificate of fixture name, parsed, in file order: a malloc'd array of *n (free with
 * tu_certs_free). */
struct ntls_x509_cert *tu_certs(const char *name, size_t *n);
void tu_certs_free(struct ntls_x509_cert *certs, size_t n);
/* The full path of fixture name (static buffer, valid until the next call). */
const char *tu_path(const char *name);
/* Decodes hex (whitespace ignored) into out (cap bytes); returns the length. */
size_t tu_hex(const char *hex, uint8_t *out, size_t cap);

/* A growing DER buffer: tu_tlv appends tag, minimal length and content. */
struct tu_buf {
    uint8_t p[8192];
    size_t len;
};
void tu_put(struct tu_buf *b, const void *p, size_t n);
void tu_tlv(struct tu_buf *b, uint8_t tag, const void *content, size_t n);
/* Wraps the whole of inner as the content of one element of tag. */
void tu_wrap(struct tu_buf *out, uint8_t tag, const struct tu_buf *inner);

/* Appends Extension ::= SEQUENCE { oid, critical (omitted when critical < 0), OCTET STRING { value } }. */
void tu_ext(struct tu_buf *b, const uint8_t *oid, size_t oid_len, int critical, const void *value, size_t n);

/* A certificate built from parts, for malformed variants; the signature is 64 zero octets. Fields left
 * zero take defaults: version 2 (v3), serial 0x01, sha256WithRSAEncryption, issuer and subject and key of
 * server-rsa.pem, validity 2024..2124. */
struct tu_cert_spec {
    int version;                   /* the encoded INTEGER; -1 leaves out the [0] element */
    bool no_default_version;       /* with version 0: write [0] INTEGER 0 instead of v3 */
    const uint8_t *serial;         /* INTEGER content octets */
    size_t serial_len;
    const uint8_t *inner_alg, *outer_alg; /* whole AlgorithmIdentifier elements */
    size_t inner_alg_len, outer_alg_len;
    const uint8_t *spki;           /* whole SubjectPublicKeyInfo */
    size_t spki_len;
    const uint8_t *issuer_uid, *subject_uid; /* BIT STRING content octets, for [1]/[2] */
    size_t issuer_uid_len, subject_uid_len;
    const struct tu_buf *exts;     /* the Extension elements (content of the SEQUENCE inside [3]) */
    const uint8_t *exts_raw;       /* or: the whole content of [3], as is */
    size_t exts_raw_len;
    const uint8_t *sig;            /* signatureValue BIT STRING content (with the unused-bits octet) */
    size_t sig_len;
    const uint8_t *subject;        /* whole Name element, instead of server-rsa's subject */
    size_t subject_len;
};
void tu_build_cert(struct tu_buf *out, const struct tu_cert_spec *spec);

/* One GeneralName for tu_build_names: tag is the whole identifier octet (0x82 dNSName, 0x81 rfc822Name,
 * 0x87 iPAddress, 0x86 URI, 0xa0 otherName, 0xa4 directoryName), value its content. */
struct tu_gname {
    uint8_t tag;
    const char *value;
    size_t len; /* 0: strlen(value) */
};
/* A certificate (see tu_build_cert) with subject "CN=<cn>" as a string of type cn_tag (cn NULL: subject
 * O=nettls), extra subject attribute emailAddress=<email> when email is not NULL, and a subjectAltName of
 * the n names (none when n is 0). */
void tu_build_names(struct tu_buf *out, const struct tu_gname *san, size_t n, uint8_t cn_tag, const char *cn,
                    size_t cn_len, const char *email);

#endif
