/* The OID table (oid.h). Rows were generated from the dotted forms and checked against the system
 * OpenSSL's OBJ_txt2obj/OBJ_obj2nid/OBJ_nid2sn/OBJ_nid2ln (NIDs and names from <openssl/obj_mac.h>);
 * oid_test.c re-checks the encodings and the order. */
#include "oid.h"

#include <stdio.h>
#include <string.h>

/* Indexed by enum ntls_oid_id (row i holds id i + 1), so ntls_oid_get is an index. */
static const struct ntls_oid_info oid_table[NTLS_OID__COUNT - 1] = {
    { .id = NTLS_OID_MD5_RSA, .kind = NTLS_OID_KIND_SIG, .nid = 8, .sn = "RSA-MD5",
      .ln = "md5WithRSAEncryption", .text = "1.2.840.113549.1.1.4", .der_len = 9,
      .der = { 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x04 }, .supported = true,
      .hash = NTLS_HASH_MD5, .pk = NTLS_PK_RSA },
    { .id = NTLS_OID_SHA1_RSA, .kind = NTLS_OID_KIND_SIG, .nid = 65, .sn = "RSA-SHA1",
      .ln = "sha1WithRSAEncryption", .text = "1.2.840.113549.1.1.5", .der_len = 9,
      .der = { 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x05 }, .supported = true,
      .hash = NTLS_HASH_SHA1, .pk = NTLS_PK_RSA },
    { .id = NTLS_OID_SHA224_RSA, .kind = NTLS_OID_KIND_SIG, .nid = 671, .sn = "RSA-SHA224",
      .ln = "sha224WithRSAEncryption", .text = "1.2.840.113549.1.1.14", .der_len = 9,
      .der = { 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x0e }, .supported = true,
      .hash = NTLS_HASH_SHA224, .pk = NTLS_PK_RSA },
    { .id = NTLS_OID_SHA256_RSA, .kind = NTLS_OID_KIND_SIG, .nid = 668, .sn = "RSA-SHA256",
      .ln = "sha256WithRSAEncryption", .text = "1.2.840.113549.1.1.11", .der_len = 9,
      .der = { 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x0b }, .supported = true,
      .hash = NTLS_HASH_SHA256, .pk = NTLS_PK_RSA },
    { .id = NTLS_OID_SHA384_RSA, .kind = NTLS_OID_KIND_SIG, .nid = 669, .sn = "RSA-SHA384",
      .ln = "sha384WithRSAEncryption", .text = "1.2.840.113549.1.1.12", .der_len = 9,
      .der = { 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x0c }, .supported = true,
      .hash = NTLS_HASH_SHA384, .pk = NTLS_PK_RSA },
    { .id = NTLS_OID_SHA512_RSA, .kind = NTLS_OID_KIND_SIG, .nid = 670, .sn = "RSA-SHA512",
      .ln = "sha512WithRSAEncryption", .text = "1.2.840.113549.1.1.13", .der_len = 9,
      .der = { 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x0d }, .supported = true,
      .hash = NTLS_HASH_SHA512, .pk = NTLS_PK_RSA },
    { .id = NTLS_OID_RSASSA_PSS, .kind = NTLS_OID_KIND_SIG, .nid = 912, .sn = "RSASSA-PSS", .ln = "rsassaPss",
      .text = "1.2.840.113549.1.1.10", .der_len = 9,
      .der = { 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x0a } },
    { .id = NTLS_OID_DSA_SHA1, .kind = NTLS_OID_KIND_SIG, .nid = 113, .sn = "DSA-SHA1", .ln = "dsaWithSHA1",
      .text = "1.2.840.10040.4.3", .der_len = 7, .der = { 0x2a, 0x86, 0x48, 0xce, 0x38, 0x04, 0x03 },
      .supported = true, .hash = NTLS_HASH_SHA1, .pk = NTLS_PK_DSA },
    { .id = NTLS_OID_DSA_SHA224, .kind = NTLS_OID_KIND_SIG, .nid = 802, .sn = "dsa_with_SHA224",
      .ln = "dsa_with_SHA224", .text = "2.16.840.1.101.3.4.3.1", .der_len = 9,
      .der = { 0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x03, 0x01 }, .supported = true,
      .hash = NTLS_HASH_SHA224, .pk = NTLS_PK_DSA },
    { .id = NTLS_OID_DSA_SHA256, .kind = NTLS_OID_KIND_SIG, .nid = 803, .sn = "dsa_with_SHA256",
      .ln = "dsa_with_SHA256", .text = "2.16.840.1.101.3.4.3.2", .der_len = 9,
      .der = { 0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x03, 0x02 }, .supported = true,
      .hash = NTLS_HASH_SHA256, .pk = NTLS_PK_DSA },
    { .id = NTLS_OID_ECDSA_SHA1, .kind = NTLS_OID_KIND_SIG, .nid = 416, .sn = "ecdsa-with-SHA1",
      .ln = "ecdsa-with-SHA1", .text = "1.2.840.10045.4.1", .der_len = 7,
      .der = { 0x2a, 0x86, 0x48, 0xce, 0x3d, 0x04, 0x01 }, .supported = true, .hash = NTLS_HASH_SHA1,
      .pk = NTLS_PK_EC },
    { .id = NTLS_OID_ECDSA_SHA224, .kind = NTLS_OID_KIND_SIG, .nid = 793, .sn = "ecdsa-with-SHA224",
      .ln = "ecdsa-with-SHA224", .text = "1.2.840.10045.4.3.1", .der_len = 8,
      .der = { 0x2a, 0x86, 0x48, 0xce, 0x3d, 0x04, 0x03, 0x01 }, .supported = true, .hash = NTLS_HASH_SHA224,
      .pk = NTLS_PK_EC },
    { .id = NTLS_OID_ECDSA_SHA256, .kind = NTLS_OID_KIND_SIG, .nid = 794, .sn = "ecdsa-with-SHA256",
      .ln = "ecdsa-with-SHA256", .text = "1.2.840.10045.4.3.2", .der_len = 8,
      .der = { 0x2a, 0x86, 0x48, 0xce, 0x3d, 0x04, 0x03, 0x02 }, .supported = true, .hash = NTLS_HASH_SHA256,
      .pk = NTLS_PK_EC },
    { .id = NTLS_OID_ECDSA_SHA384, .kind = NTLS_OID_KIND_SIG, .nid = 795, .sn = "ecdsa-with-SHA384",
      .ln = "ecdsa-with-SHA384", .text = "1.2.840.10045.4.3.3", .der_len = 8,
      .der = { 0x2a, 0x86, 0x48, 0xce, 0x3d, 0x04, 0x03, 0x03 }, .supported = true, .hash = NTLS_HASH_SHA384,
      .pk = NTLS_PK_EC },
    { .id = NTLS_OID_ECDSA_SHA512, .kind = NTLS_OID_KIND_SIG, .nid = 796, .sn = "ecdsa-with-SHA512",
      .ln = "ecdsa-with-SHA512", .text = "1.2.840.10045.4.3.4", .der_len = 8,
      .der = { 0x2a, 0x86, 0x48, 0xce, 0x3d, 0x04, 0x03, 0x04 }, .supported = true, .hash = NTLS_HASH_SHA512,
      .pk = NTLS_PK_EC },
    { .id = NTLS_OID_RSA, .kind = NTLS_OID_KIND_KEY, .nid = 6, .sn = "rsaEncryption", .ln = "rsaEncryption",
      .text = "1.2.840.113549.1.1.1", .der_len = 9,
      .der = { 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x01 }, .supported = true, .pk = NTLS_PK_RSA },
    { .id = NTLS_OID_DSA, .kind = NTLS_OID_KIND_KEY, .nid = 116, .sn = "DSA", .ln = "dsaEncryption",
      .text = "1.2.840.10040.4.1", .der_len = 7, .der = { 0x2a, 0x86, 0x48, 0xce, 0x38, 0x04, 0x01 },
      .supported = true, .pk = NTLS_PK_DSA },
    { .id = NTLS_OID_EC_PUBLIC_KEY, .kind = NTLS_OID_KIND_KEY, .nid = 408, .sn = "id-ecPublicKey",
      .ln = "id-ecPublicKey", .text = "1.2.840.10045.2.1", .der_len = 7,
      .der = { 0x2a, 0x86, 0x48, 0xce, 0x3d, 0x02, 0x01 }, .supported = true, .pk = NTLS_PK_EC },
    { .id = NTLS_OID_DH, .kind = NTLS_OID_KIND_KEY, .nid = 28, .sn = "dhKeyAgreement", .ln = "dhKeyAgreement",
      .text = "1.2.840.113549.1.3.1", .der_len = 9,
      .der = { 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x03, 0x01 } },
    { .id = NTLS_OID_P256, .kind = NTLS_OID_KIND_CURVE, .nid = 415, .sn = "prime256v1", .ln = "prime256v1",
      .text = "1.2.840.10045.3.1.7", .der_len = 8, .der = { 0x2a, 0x86, 0x48, 0xce, 0x3d, 0x03, 0x01, 0x07 },
      .supported = true, .curve = NTLS_CURVE_P256 },
    { .id = NTLS_OID_P384, .kind = NTLS_OID_KIND_CURVE, .nid = 715, .sn = "secp384r1", .ln = "secp384r1",
      .text = "1.3.132.0.34", .der_len = 5, .der = { 0x2b, 0x81, 0x04, 0x00, 0x22 }, .supported = true,
      .curve = NTLS_CURVE_P384 },
    { .id = NTLS_OID_P521, .kind = NTLS_OID_KIND_CURVE, .nid = 716, .sn = "secp521r1", .ln = "secp521r1",
      .text = "1.3.132.0.35", .der_len = 5, .der = { 0x2b, 0x81, 0x04, 0x00, 0x23 } },
    { .id = NTLS_OID_CN, .kind = NTLS_OID_KIND_ATTR, .nid = 13, .sn = "CN", .ln = "commonName",
      .text = "2.5.4.3", .der_len = 3, .der = { 0x55, 0x04, 0x03 } },
    { .id = NTLS_OID_SURNAME, .kind = NTLS_OID_KIND_ATTR, .nid = 100, .sn = "SN", .ln = "surname",
      .text = "2.5.4.4", .der_len = 3, .der = { 0x55, 0x04, 0x04 } },
    { .id = NTLS_OID_SERIAL_NUMBER, .kind = NTLS_OID_KIND_ATTR, .nid = 105, .sn = "serialNumber",
      .ln = "serialNumber", .text = "2.5.4.5", .der_len = 3, .der = { 0x55, 0x04, 0x05 } },
    { .id = NTLS_OID_C, .kind = NTLS_OID_KIND_ATTR, .nid = 14, .sn = "C", .ln = "countryName",
      .text = "2.5.4.6", .der_len = 3, .der = { 0x55, 0x04, 0x06 } },
    { .id = NTLS_OID_L, .kind = NTLS_OID_KIND_ATTR, .nid = 15, .sn = "L", .ln = "localityName",
      .text = "2.5.4.7", .der_len = 3, .der = { 0x55, 0x04, 0x07 } },
    { .id = NTLS_OID_ST, .kind = NTLS_OID_KIND_ATTR, .nid = 16, .sn = "ST", .ln = "stateOrProvinceName",
      .text = "2.5.4.8", .der_len = 3, .der = { 0x55, 0x04, 0x08 } },
    { .id = NTLS_OID_STREET, .kind = NTLS_OID_KIND_ATTR, .nid = 660, .sn = "street", .ln = "streetAddress",
      .text = "2.5.4.9", .der_len = 3, .der = { 0x55, 0x04, 0x09 } },
    { .id = NTLS_OID_O, .kind = NTLS_OID_KIND_ATTR, .nid = 17, .sn = "O", .ln = "organizationName",
      .text = "2.5.4.10", .der_len = 3, .der = { 0x55, 0x04, 0x0a } },
    { .id = NTLS_OID_OU, .kind = NTLS_OID_KIND_ATTR, .nid = 18, .sn = "OU", .ln = "organizationalUnitName",
      .text = "2.5.4.11", .der_len = 3, .der = { 0x55, 0x04, 0x0b } },
    { .id = NTLS_OID_TITLE, .kind = NTLS_OID_KIND_ATTR, .nid = 106, .sn = "title", .ln = "title",
      .text = "2.5.4.12", .der_len = 3, .der = { 0x55, 0x04, 0x0c } },
    { .id = NTLS_OID_DESCRIPTION, .kind = NTLS_OID_KIND_ATTR, .nid = 107, .sn = "description",
      .ln = "description", .text = "2.5.4.13", .der_len = 3, .der = { 0x55, 0x04, 0x0d } },
    { .id = NTLS_OID_BUSINESS_CATEGORY, .kind = NTLS_OID_KIND_ATTR, .nid = 860, .sn = "businessCategory",
      .ln = "businessCategory", .text = "2.5.4.15", .der_len = 3, .der = { 0x55, 0x04, 0x0f } },
    { .id = NTLS_OID_POSTAL_CODE, .kind = NTLS_OID_KIND_ATTR, .nid = 661, .sn = "postalCode",
      .ln = "postalCode", .text = "2.5.4.17", .der_len = 3, .der = { 0x55, 0x04, 0x11 } },
    { .id = NTLS_OID_NAME, .kind = NTLS_OID_KIND_ATTR, .nid = 173, .sn = "name", .ln = "name",
      .text = "2.5.4.41", .der_len = 3, .der = { 0x55, 0x04, 0x29 } },
    { .id = NTLS_OID_GIVEN_NAME, .kind = NTLS_OID_KIND_ATTR, .nid = 99, .sn = "GN", .ln = "givenName",
      .text = "2.5.4.42", .der_len = 3, .der = { 0x55, 0x04, 0x2a } },
    { .id = NTLS_OID_INITIALS, .kind = NTLS_OID_KIND_ATTR, .nid = 101, .sn = "initials", .ln = "initials",
      .text = "2.5.4.43", .der_len = 3, .der = { 0x55, 0x04, 0x2b } },
    { .id = NTLS_OID_GENERATION_QUALIFIER, .kind = NTLS_OID_KIND_ATTR, .nid = 509,
      .sn = "generationQualifier", .ln = "generationQualifier", .text = "2.5.4.44", .der_len = 3,
      .der = { 0x55, 0x04, 0x2c } },
    { .id = NTLS_OID_DN_QUALIFIER, .kind = NTLS_OID_KIND_ATTR, .nid = 174, .sn = "dnQualifier",
      .ln = "dnQualifier", .text = "2.5.4.46", .der_len = 3, .der = { 0x55, 0x04, 0x2e } },
    { .id = NTLS_OID_PSEUDONYM, .kind = NTLS_OID_KIND_ATTR, .nid = 510, .sn = "pseudonym", .ln = "pseudonym",
      .text = "2.5.4.65", .der_len = 3, .der = { 0x55, 0x04, 0x41 } },
    { .id = NTLS_OID_EMAIL, .kind = NTLS_OID_KIND_ATTR, .nid = 48, .sn = "emailAddress", .ln = "emailAddress",
      .text = "1.2.840.113549.1.9.1", .der_len = 9,
      .der = { 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x09, 0x01 } },
    { .id = NTLS_OID_DC, .kind = NTLS_OID_KIND_ATTR, .nid = 391, .sn = "DC", .ln = "domainComponent",
      .text = "0.9.2342.19200300.100.1.25", .der_len = 10,
      .der = { 0x09, 0x92, 0x26, 0x89, 0x93, 0xf2, 0x2c, 0x64, 0x01, 0x19 } },
    { .id = NTLS_OID_UID, .kind = NTLS_OID_KIND_ATTR, .nid = 458, .sn = "UID", .ln = "userId",
      .text = "0.9.2342.19200300.100.1.1", .der_len = 10,
      .der = { 0x09, 0x92, 0x26, 0x89, 0x93, 0xf2, 0x2c, 0x64, 0x01, 0x01 } },
    { .id = NTLS_OID_SKID, .kind = NTLS_OID_KIND_EXT, .nid = 82, .sn = "subjectKeyIdentifier",
      .ln = "X509v3 Subject Key Identifier", .text = "2.5.29.14", .der_len = 3, .der = { 0x55, 0x1d, 0x0e } },
    { .id = NTLS_OID_KEY_USAGE, .kind = NTLS_OID_KIND_EXT, .nid = 83, .sn = "keyUsage",
      .ln = "X509v3 Key Usage", .text = "2.5.29.15", .der_len = 3, .der = { 0x55, 0x1d, 0x0f },
      .supported = true },
    { .id = NTLS_OID_SAN, .kind = NTLS_OID_KIND_EXT, .nid = 85, .sn = "subjectAltName",
      .ln = "X509v3 Subject Alternative Name", .text = "2.5.29.17", .der_len = 3, .der = { 0x55, 0x1d, 0x11 },
      .supported = true },
    { .id = NTLS_OID_IAN, .kind = NTLS_OID_KIND_EXT, .nid = 86, .sn = "issuerAltName",
      .ln = "X509v3 Issuer Alternative Name", .text = "2.5.29.18", .der_len = 3,
      .der = { 0x55, 0x1d, 0x12 } },
    { .id = NTLS_OID_BASIC_CONSTRAINTS, .kind = NTLS_OID_KIND_EXT, .nid = 87, .sn = "basicConstraints",
      .ln = "X509v3 Basic Constraints", .text = "2.5.29.19", .der_len = 3, .der = { 0x55, 0x1d, 0x13 },
      .supported = true },
    { .id = NTLS_OID_NAME_CONSTRAINTS, .kind = NTLS_OID_KIND_EXT, .nid = 666, .sn = "nameConstraints",
      .ln = "X509v3 Name Constraints", .text = "2.5.29.30", .der_len = 3, .der = { 0x55, 0x1d, 0x1e },
      .supported = true },
    { .id = NTLS_OID_CRL_DP, .kind = NTLS_OID_KIND_EXT, .nid = 103, .sn = "crlDistributionPoints",
      .ln = "X509v3 CRL Distribution Points", .text = "2.5.29.31", .der_len = 3, .der = { 0x55, 0x1d, 0x1f },
      .supported = true },
    { .id = NTLS_OID_CERT_POLICIES, .kind = NTLS_OID_KIND_EXT, .nid = 89, .sn = "certificatePolicies",
      .ln = "X509v3 Certificate Policies", .text = "2.5.29.32", .der_len = 3, .der = { 0x55, 0x1d, 0x20 },
      .supported = true },
    { .id = NTLS_OID_POLICY_MAPPINGS, .kind = NTLS_OID_KIND_EXT, .nid = 747, .sn = "policyMappings",
      .ln = "X509v3 Policy Mappings", .text = "2.5.29.33", .der_len = 3, .der = { 0x55, 0x1d, 0x21 },
      .supported = true },
    { .id = NTLS_OID_AKID, .kind = NTLS_OID_KIND_EXT, .nid = 90, .sn = "authorityKeyIdentifier",
      .ln = "X509v3 Authority Key Identifier", .text = "2.5.29.35", .der_len = 3,
      .der = { 0x55, 0x1d, 0x23 } },
    { .id = NTLS_OID_POLICY_CONSTRAINTS, .kind = NTLS_OID_KIND_EXT, .nid = 401, .sn = "policyConstraints",
      .ln = "X509v3 Policy Constraints", .text = "2.5.29.36", .der_len = 3, .der = { 0x55, 0x1d, 0x24 },
      .supported = true },
    { .id = NTLS_OID_EKU, .kind = NTLS_OID_KIND_EXT, .nid = 126, .sn = "extendedKeyUsage",
      .ln = "X509v3 Extended Key Usage", .text = "2.5.29.37", .der_len = 3, .der = { 0x55, 0x1d, 0x25 },
      .supported = true },
    { .id = NTLS_OID_INHIBIT_ANY_POLICY, .kind = NTLS_OID_KIND_EXT, .nid = 748, .sn = "inhibitAnyPolicy",
      .ln = "X509v3 Inhibit Any Policy", .text = "2.5.29.54", .der_len = 3, .der = { 0x55, 0x1d, 0x36 },
      .supported = true },
    { .id = NTLS_OID_AIA, .kind = NTLS_OID_KIND_EXT, .nid = 177, .sn = "authorityInfoAccess",
      .ln = "Authority Information Access", .text = "1.3.6.1.5.5.7.1.1", .der_len = 8,
      .der = { 0x2b, 0x06, 0x01, 0x05, 0x05, 0x07, 0x01, 0x01 } },
    { .id = NTLS_OID_TLS_FEATURE, .kind = NTLS_OID_KIND_EXT, .nid = 1020, .sn = "tlsfeature",
      .ln = "TLS Feature", .text = "1.3.6.1.5.5.7.1.24", .der_len = 8,
      .der = { 0x2b, 0x06, 0x01, 0x05, 0x05, 0x07, 0x01, 0x18 } },
    { .id = NTLS_OID_NS_CERT_TYPE, .kind = NTLS_OID_KIND_EXT, .nid = 71, .sn = "nsCertType",
      .ln = "Netscape Cert Type", .text = "2.16.840.1.113730.1.1", .der_len = 9,
      .der = { 0x60, 0x86, 0x48, 0x01, 0x86, 0xf8, 0x42, 0x01, 0x01 }, .supported = true },
    { .id = NTLS_OID_CT_SCTS, .kind = NTLS_OID_KIND_EXT, .nid = 951, .sn = "ct_precert_scts",
      .ln = "CT Precertificate SCTs", .text = "1.3.6.1.4.1.11129.2.4.2", .der_len = 10,
      .der = { 0x2b, 0x06, 0x01, 0x04, 0x01, 0xd6, 0x79, 0x02, 0x04, 0x02 } },
    { .id = NTLS_OID_ANY_EKU, .kind = NTLS_OID_KIND_EKU, .nid = 910, .sn = "anyExtendedKeyUsage",
      .ln = "Any Extended Key Usage", .text = "2.5.29.37.0", .der_len = 4,
      .der = { 0x55, 0x1d, 0x25, 0x00 } },
    { .id = NTLS_OID_SERVER_AUTH, .kind = NTLS_OID_KIND_EKU, .nid = 129, .sn = "serverAuth",
      .ln = "TLS Web Server Authentication", .text = "1.3.6.1.5.5.7.3.1", .der_len = 8,
      .der = { 0x2b, 0x06, 0x01, 0x05, 0x05, 0x07, 0x03, 0x01 } },
    { .id = NTLS_OID_CLIENT_AUTH, .kind = NTLS_OID_KIND_EKU, .nid = 130, .sn = "clientAuth",
      .ln = "TLS Web Client Authentication", .text = "1.3.6.1.5.5.7.3.2", .der_len = 8,
      .der = { 0x2b, 0x06, 0x01, 0x05, 0x05, 0x07, 0x03, 0x02 } },
    { .id = NTLS_OID_CODE_SIGNING, .kind = NTLS_OID_KIND_EKU, .nid = 131, .sn = "codeSigning",
      .ln = "Code Signing", .text = "1.3.6.1.5.5.7.3.3", .der_len = 8,
      .der = { 0x2b, 0x06, 0x01, 0x05, 0x05, 0x07, 0x03, 0x03 } },
    { .id = NTLS_OID_EMAIL_PROTECTION, .kind = NTLS_OID_KIND_EKU, .nid = 132, .sn = "emailProtection",
      .ln = "E-mail Protection", .text = "1.3.6.1.5.5.7.3.4", .der_len = 8,
      .der = { 0x2b, 0x06, 0x01, 0x05, 0x05, 0x07, 0x03, 0x04 } },
    { .id = NTLS_OID_TIME_STAMPING, .kind = NTLS_OID_KIND_EKU, .nid = 133, .sn = "timeStamping",
      .ln = "Time Stamping", .text = "1.3.6.1.5.5.7.3.8", .der_len = 8,
      .der = { 0x2b, 0x06, 0x01, 0x05, 0x05, 0x07, 0x03, 0x08 } },
    { .id = NTLS_OID_OCSP_SIGNING, .kind = NTLS_OID_KIND_EKU, .nid = 180, .sn = "OCSPSigning",
      .ln = "OCSP Signing", .text = "1.3.6.1.5.5.7.3.9", .der_len = 8,
      .der = { 0x2b, 0x06, 0x01, 0x05, 0x05, 0x07, 0x03, 0x09 } },
    { .id = NTLS_OID_ANY_POLICY, .kind = NTLS_OID_KIND_OTHER, .nid = 746, .sn = "anyPolicy",
      .ln = "X509v3 Any Policy", .text = "2.5.29.32.0", .der_len = 4, .der = { 0x55, 0x1d, 0x20, 0x00 } },
    { .id = NTLS_OID_AD_OCSP, .kind = NTLS_OID_KIND_OTHER, .nid = 178, .sn = "OCSP", .ln = "OCSP",
      .text = "1.3.6.1.5.5.7.48.1", .der_len = 8, .der = { 0x2b, 0x06, 0x01, 0x05, 0x05, 0x07, 0x30, 0x01 } },
    { .id = NTLS_OID_AD_CA_ISSUERS, .kind = NTLS_OID_KIND_OTHER, .nid = 179, .sn = "caIssuers",
      .ln = "CA Issuers", .text = "1.3.6.1.5.5.7.48.2", .der_len = 8,
      .der = { 0x2b, 0x06, 0x01, 0x05, 0x05, 0x07, 0x30, 0x02 } },
    { .id = NTLS_OID_PBES2, .kind = NTLS_OID_KIND_PBE, .nid = 161, .sn = "PBES2", .ln = "PBES2",
      .text = "1.2.840.113549.1.5.13", .der_len = 9,
      .der = { 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x05, 0x0d } },
    { .id = NTLS_OID_PBKDF2, .kind = NTLS_OID_KIND_PBE, .nid = 69, .sn = "PBKDF2", .ln = "PBKDF2",
      .text = "1.2.840.113549.1.5.12", .der_len = 9,
      .der = { 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x05, 0x0c } },
    { .id = NTLS_OID_HMAC_SHA1, .kind = NTLS_OID_KIND_PRF, .nid = 163, .sn = "hmacWithSHA1",
      .ln = "hmacWithSHA1", .text = "1.2.840.113549.2.7", .der_len = 8,
      .der = { 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x02, 0x07 }, .supported = true, .hash = NTLS_HASH_SHA1 },
    { .id = NTLS_OID_HMAC_SHA224, .kind = NTLS_OID_KIND_PRF, .nid = 798, .sn = "hmacWithSHA224",
      .ln = "hmacWithSHA224", .text = "1.2.840.113549.2.8", .der_len = 8,
      .der = { 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x02, 0x08 } },
    { .id = NTLS_OID_HMAC_SHA256, .kind = NTLS_OID_KIND_PRF, .nid = 799, .sn = "hmacWithSHA256",
      .ln = "hmacWithSHA256", .text = "1.2.840.113549.2.9", .der_len = 8,
      .der = { 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x02, 0x09 }, .supported = true,
      .hash = NTLS_HASH_SHA256 },
    { .id = NTLS_OID_HMAC_SHA384, .kind = NTLS_OID_KIND_PRF, .nid = 800, .sn = "hmacWithSHA384",
      .ln = "hmacWithSHA384", .text = "1.2.840.113549.2.10", .der_len = 8,
      .der = { 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x02, 0x0a }, .supported = true,
      .hash = NTLS_HASH_SHA384 },
    { .id = NTLS_OID_HMAC_SHA512, .kind = NTLS_OID_KIND_PRF, .nid = 801, .sn = "hmacWithSHA512",
      .ln = "hmacWithSHA512", .text = "1.2.840.113549.2.11", .der_len = 8,
      .der = { 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x02, 0x0b }, .supported = true,
      .hash = NTLS_HASH_SHA512 },
    { .id = NTLS_OID_AES128_CBC, .kind = NTLS_OID_KIND_CIPHER, .nid = 419, .sn = "AES-128-CBC",
      .ln = "aes-128-cbc", .text = "2.16.840.1.101.3.4.1.2", .der_len = 9,
      .der = { 0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x01, 0x02 }, .supported = true,
      .cipher = NTLS_CIPHER_AES128_CBC },
    { .id = NTLS_OID_AES192_CBC, .kind = NTLS_OID_KIND_CIPHER, .nid = 423, .sn = "AES-192-CBC",
      .ln = "aes-192-cbc", .text = "2.16.840.1.101.3.4.1.22", .der_len = 9,
      .der = { 0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x01, 0x16 } },
    { .id = NTLS_OID_AES256_CBC, .kind = NTLS_OID_KIND_CIPHER, .nid = 427, .sn = "AES-256-CBC",
      .ln = "aes-256-cbc", .text = "2.16.840.1.101.3.4.1.42", .der_len = 9,
      .der = { 0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x01, 0x2a }, .supported = true,
      .cipher = NTLS_CIPHER_AES256_CBC },
    { .id = NTLS_OID_DES_EDE3_CBC, .kind = NTLS_OID_KIND_CIPHER, .nid = 44, .sn = "DES-EDE3-CBC",
      .ln = "des-ede3-cbc", .text = "1.2.840.113549.3.7", .der_len = 8,
      .der = { 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x03, 0x07 }, .supported = true,
      .cipher = NTLS_CIPHER_3DES_EDE_CBC },
    { .id = NTLS_OID_MD5, .kind = NTLS_OID_KIND_HASH, .nid = 4, .sn = "MD5", .ln = "md5",
      .text = "1.2.840.113549.2.5", .der_len = 8, .der = { 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x02, 0x05 },
      .supported = true, .hash = NTLS_HASH_MD5 },
    { .id = NTLS_OID_SHA1, .kind = NTLS_OID_KIND_HASH, .nid = 64, .sn = "SHA1", .ln = "sha1",
      .text = "1.3.14.3.2.26", .der_len = 5, .der = { 0x2b, 0x0e, 0x03, 0x02, 0x1a }, .supported = true,
      .hash = NTLS_HASH_SHA1 },
    { .id = NTLS_OID_SHA224, .kind = NTLS_OID_KIND_HASH, .nid = 675, .sn = "SHA224", .ln = "sha224",
      .text = "2.16.840.1.101.3.4.2.4", .der_len = 9,
      .der = { 0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x04 }, .supported = true,
      .hash = NTLS_HASH_SHA224 },
    { .id = NTLS_OID_SHA256, .kind = NTLS_OID_KIND_HASH, .nid = 672, .sn = "SHA256", .ln = "sha256",
      .text = "2.16.840.1.101.3.4.2.1", .der_len = 9,
      .der = { 0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x01 }, .supported = true,
      .hash = NTLS_HASH_SHA256 },
    { .id = NTLS_OID_SHA384, .kind = NTLS_OID_KIND_HASH, .nid = 673, .sn = "SHA384", .ln = "sha384",
      .text = "2.16.840.1.101.3.4.2.2", .der_len = 9,
      .der = { 0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x02 }, .supported = true,
      .hash = NTLS_HASH_SHA384 },
    { .id = NTLS_OID_SHA512, .kind = NTLS_OID_KIND_HASH, .nid = 674, .sn = "SHA512", .ln = "sha512",
      .text = "2.16.840.1.101.3.4.2.3", .der_len = 9,
      .der = { 0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x03 }, .supported = true,
      .hash = NTLS_HASH_SHA512 },
};

_Static_assert(sizeof oid_table / sizeof oid_table[0] == NTLS_OID__COUNT - 1, "one row per enum ntls_oid_id");

const struct ntls_oid_info *ntls_oid_get(enum ntls_oid_id id)
{
    if (id <= NTLS_OID_NONE || id >= NTLS_OID__COUNT) {
        return NULL;
    }
    return &oid_table[id - 1];
}

const struct ntls_oid_info *ntls_oid_find(struct ntls_cur oid)
{
    for (size_t i = 0; i < sizeof oid_table / sizeof oid_table[0]; i++) {
        const struct ntls_oid_info *row = &oid_table[i];
        if (row->der_len == oid.len && memcmp(row->der, oid.p, oid.len) == 0) {
            return row;
        }
    }
    return NULL;
}

bool ntls_oid_is(struct ntls_cur oid, enum ntls_oid_id id)
{
    const struct ntls_oid_info *row = ntls_oid_get(id);
    return row != NULL && row->der_len == oid.len && memcmp(row->der, oid.p, oid.len) == 0;
}

const struct ntls_oid_info *ntls_oid_by_nid(int nid)
{
    for (size_t i = 0; i < sizeof oid_table / sizeof oid_table[0]; i++) {
        if (oid_table[i].nid == nid) {
            return &oid_table[i];
        }
    }
    return NULL;
}

const struct ntls_oid_info *ntls_oid_by_name(const char *sn_or_ln)
{
    for (size_t i = 0; i < sizeof oid_table / sizeof oid_table[0]; i++) {
        if (strcmp(oid_table[i].sn, sn_or_ln) == 0 || strcmp(oid_table[i].ln, sn_or_ln) == 0) {
            return &oid_table[i];
        }
    }
    return NULL;
}

const struct ntls_oid_info *ntls_oid_by_text(const char *dotted)
{
    for (size_t i = 0; i < sizeof oid_table / sizeof oid_table[0]; i++) {
        if (strcmp(oid_table[i].text, dotted) == 0) {
            return &oid_table[i];
        }
    }
    return NULL;
}

/* Appends the decimal of v to buf at *at; false when it does not fit. */
static bool put_arc(char *buf, size_t cap, size_t *at, uint64_t v, bool dot)
{
    char digits[24];
    int n = snprintf(digits, sizeof digits, "%s%llu", dot ? "." : "", (unsigned long long)v);
    if (n < 0 || (size_t)n >= cap - *at) {
        return false;
    }
    memcpy(buf + *at, digits, (size_t)n + 1);
    *at += (size_t)n;
    return true;
}

/* X.690 8.19: base-128 arcs, high bit set on all but the last octet of each; the first two arcs share the
 * first subidentifier (40 * X + Y, with X = 2 taking everything from 80 up). */
size_t ntls_oid_to_text(struct ntls_cur oid, char *buf, size_t cap)
{
    size_t at = 0;
    bool first = true;
    uint64_t v = 0;
    if (cap == 0) {
        return 0;
    }
    buf[0] = '\0';
    while (oid.len > 0) {
        uint8_t b = 0;
        if (!ntls_is_ok(ntls_cur_u8(&oid, &b)) || (v == 0 && b == 0x80) || v >> 57 != 0) {
            buf[0] = '\0';
            return 0;
        }
        v = (v << 7) | (b & 0x7f);
        if (b & 0x80) {
            if (oid.len == 0) {
                buf[0] = '\0';
                return 0;
            }
            continue;
        }
        bool fits;
        if (first) {
            uint64_t x = v < 80 ? v / 40 : 2;
            fits = put_arc(buf, cap, &at, x, false) && put_arc(buf, cap, &at, v - 40 * x, true);
            first = false;
        } else {
            fits = put_arc(buf, cap, &at, v, true);
        }
        if (!fits) {
            buf[0] = '\0';
            return 0;
        }
        v = 0;
    }
    if (first) {
        buf[0] = '\0';
        return 0;
    }
    return at;
}
