/* nettls: <openssl/dtls1.h>. nettls has no DTLS (opensslconf.h defines OPENSSL_NO_DTLS); the version
 * numbers remain because programs compare against them. */
#ifndef HEADER_DTLS1_H
#define HEADER_DTLS1_H

#define DTLS1_VERSION 0xFEFF
#define DTLS1_2_VERSION 0xFEFD
#define DTLS_MIN_VERSION DTLS1_VERSION
#define DTLS_MAX_VERSION DTLS1_2_VERSION
#define DTLS1_VERSION_MAJOR 0xFE

#define DTLS1_BAD_VER 0x0100

/* Special value for method supporting multiple versions */
#define DTLS_ANY_VERSION 0x1FFFF

#endif
