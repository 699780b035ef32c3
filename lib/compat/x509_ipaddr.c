/* nettls: a2i_IPADDRESS, an IP address in text as the OCTET STRING an iPAddress GENERAL_NAME holds
 * (RFC 5280 4.2.1.6: 4 octets for IPv4, 16 for IPv6, network order). Programs such as wget call it on a
 * host name to learn whether to match iPAddress or dNSName entries of subjectAltName.
 *
 * inet_pton parses the text: OpenSSL's own parser (v3_utl.c) reads IPv4 with sscanf and so also takes
 * "1.2.3.4" followed by anything, which this one refuses; both agree on well-formed addresses. */
#include <arpa/inet.h>
#include <string.h>

#include <openssl/asn1.h>
#include <openssl/err.h>
#include <openssl/x509v3.h>

/* NULL when ipasc is not an address (no error queued, as in OpenSSL) or on allocation failure. */
ASN1_OCTET_STRING *a2i_IPADDRESS(const char *ipasc)
{
    unsigned char addr[16];
    int len;
    if (ipasc == NULL) {
        return NULL;
    }
    if (strchr(ipasc, ':') != NULL) {
        len = inet_pton(AF_INET6, ipasc, addr) == 1 ? 16 : 0;
    } else {
        len = inet_pton(AF_INET, ipasc, addr) == 1 ? 4 : 0;
    }
    if (len == 0) {
        return NULL;
    }
    ASN1_OCTET_STRING *s = ASN1_STRING_type_new(V_ASN1_OCTET_STRING);
    if (s == NULL || !ASN1_STRING_set(s, addr, len)) {
        ASN1_OCTET_STRING_free(s);
        X509V3err(0, ERR_R_MALLOC_FAILURE);
        return NULL;
    }
    return s;
}
