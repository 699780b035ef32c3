/* nettls: X509_NAME_oneline (1.1.0's crypto/x509/x509_obj.c format) and the verify result strings. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <openssl/err.h>
#include <openssl/x509.h>

#include "x509/oid.h"
#include "x509/verify.h"
#include "x509_local.h"

enum { ONELINE_MAX = 1024 * 1024, OID_TEXT_MAX = 80 };

/* Which octets of a value are printed: a GeneralString whose length is a multiple of 4 and whose
 * octets other than every fourth are all zero is taken as UCS-4 and only its low octets are printed;
 * 1.1.0's gs_doit. */
static void printed_octets(const struct ntls_x509_name_entry *e, int doit[4])
{
    doit[0] = doit[1] = doit[2] = doit[3] = 1;
    if (e->tag != 0x1b || e->value.len % 4 != 0) {
        return;
    }
    int nonzero[4] = { 0, 0, 0, 0 };
    for (size_t j = 0; j < e->value.len; j++) {
        if (e->value.p[j] != 0) {
            nonzero[j & 3] = 1;
        }
    }
    if (!(nonzero[0] | nonzero[1] | nonzero[2])) {
        doit[0] = doit[1] = doit[2] = 0;
    }
}

/* The text of one entry, "/SN=value", appended to out (cap bytes, NUL kept). Returns the length it
 * needs; writes nothing when it does not fit. */
static size_t entry_text(const struct ntls_x509_name_entry *e, char *out, size_t cap)
{
    static const char hex[] = "0123456789ABCDEF";
    char oid_text[OID_TEXT_MAX];
    const char *sn = e->attr != NULL ? e->attr->sn : NULL;
    if (sn == NULL) {
        (void)ntls_oid_to_text(e->oid, oid_text, sizeof oid_text);
        sn = oid_text;
    }
    int doit[4];
    printed_octets(e, doit);
    size_t need = 1 + strlen(sn) + 1;
    for (size_t j = 0; j < e->value.len; j++) {
        if (doit[j & 3]) {
            need += (e->value.p[j] < ' ' || e->value.p[j] > '~') ? 4 : 1;
        }
    }
    if (out == NULL || need >= cap) {
        return need;
    }
    size_t n = (size_t)snprintf(out, cap, "/%s=", sn);
    for (size_t j = 0; j < e->value.len; j++) {
        unsigned char c = e->value.p[j];
        if (!doit[j & 3]) {
            continue;
        }
        if (c < ' ' || c > '~') {
            out[n++] = '\\';
            out[n++] = 'x';
            out[n++] = hex[c >> 4];
            out[n++] = hex[c & 15];
        } else {
            out[n++] = (char)c;
        }
    }
    out[n] = '\0';
    return need;
}

char *X509_NAME_oneline(const X509_NAME *a, char *buf, int size)
{
    if (buf != NULL && size <= 0) {
        return NULL;
    }
    if (a == NULL) {
        static const char none[] = "NO X509_NAME";
        if (buf == NULL && (buf = malloc(sizeof none)) != NULL) {
            size = (int)sizeof none;
        }
        if (buf != NULL) {
            snprintf(buf, (size_t)size, "%s", none);
        }
        return buf;
    }
    const struct ntls_x509_name *name = &a->name;
    if (buf == NULL) {
        size_t total = 1;
        for (size_t i = 0; i < name->count; i++) {
            total += entry_text(&name->entries[i], NULL, 0);
        }
        if (total > ONELINE_MAX) {
            X509err(0, ERR_R_MALLOC_FAILURE);
            return NULL;
        }
        buf = malloc(total);
        if (buf == NULL) {
            X509err(0, ERR_R_MALLOC_FAILURE);
            return NULL;
        }
        size = (int)total;
    }
    size_t used = 0;
    buf[0] = '\0';
    for (size_t i = 0; i < name->count; i++) {
        size_t need = entry_text(&name->entries[i], buf + used, (size_t)size - used);
        if (used + need >= (size_t)size) {
            break; /* 1.1.0 leaves out the entries that do not fit */
        }
        used += need;
    }
    return buf;
}

static const char *const verify_strings[] = {
    "ok",
    "unspecified certificate verification error",
    "unable to get issuer certificate",
    "unable to get certificate CRL",
    "unable to decrypt certificate's signature",
    "unable to decrypt CRL's signature",
    "unable to decode issuer public key",
    "certificate signature failure",
    "CRL signature failure",
    "certificate is not yet valid",
    "certificate has expired",
    "CRL is not yet valid",
    "CRL has expired",
    "format error in certificate's notBefore field",
    "format error in certificate's notAfter field",
    "format error in CRL's lastUpdate field",
    "format error in CRL's nextUpdate field",
    "out of memory",
    "self signed certificate",
    "self signed certificate in certificate chain",
    "unable to get local issuer certificate",
    "unable to verify the first certificate",
    "certificate chain too long",
    "certificate revoked",
    "invalid CA certificate",
    "path length constraint exceeded",
    "unsupported certificate purpose",
    "certificate not trusted",
    "certificate rejected",
    "subject issuer mismatch",
    "authority and subject key identifier mismatch",
    "authority and issuer serial number mismatch",
    "key usage does not include certificate signing",
    "unable to get CRL issuer certificate",
    "unhandled critical extension",
    "key usage does not include CRL signing",
    "unhandled critical CRL extension",
    "invalid non-CA certificate (has CA markings)",
    "proxy path length constraint exceeded",
    "key usage does not include digital signature",
    "proxy certificates not allowed, please set the appropriate flag",
    "invalid or inconsistent certificate extension",
    "invalid or inconsistent certificate policy extension",
    "no explicit policy",
    "Different CRL scope",
    "Unsupported extension feature",
    "RFC 3779 resource not subset of parent's resources",
    "permitted subtree violation",
    "excluded subtree violation",
    "name constraints minimum and maximum not supported",
    "application verification failure",
    "unsupported name constraint type",
    "unsupported or invalid name constraint syntax",
    "unsupported or invalid name syntax",
    "CRL path validation error",
    "Path Loop",
    "Suite B: certificate version invalid",
    "Suite B: invalid public key algorithm",
    "Suite B: invalid ECC curve",
    "Suite B: invalid signature algorithm",
    "Suite B: curve not allowed for this LOS",
    "Suite B: cannot sign P-384 with P-256",
    "Hostname mismatch",
    "Email address mismatch",
    "IP address mismatch",
    "No matching DANE TLSA records",
    "EE certificate key too weak",
    "CA certificate key too weak",
    "CA signature digest algorithm too weak",
    "Invalid certificate verification context",
    "Issuer certificate lookup error",
    "Certificate Transparency required, but no valid SCTs found",
};

/* 1.1.0's texts for X509_V_OK .. X509_V_ERR_NO_VALID_SCTS; the verifier's (OpenSSL 3.0's) for the codes
 * that came later; "error number N" for other codes, in a per-thread buffer. */
const char *X509_verify_cert_error_string(long n)
{
    static _Thread_local char other[32];
    static const char unknown[] = "unknown certificate verification error";
    if (n >= 0 && (size_t)n < sizeof verify_strings / sizeof verify_strings[0]) {
        return verify_strings[n];
    }
    const char *later = n > 0 && n < 1000 ? ntls_x509_verr_string((int)n) : unknown;
    if (strcmp(later, unknown) != 0) {
        return later;
    }
    snprintf(other, sizeof other, "error number %ld", n);
    return other;
}
