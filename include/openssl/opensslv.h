/* nettls: <openssl/opensslv.h>, the OpenSSL version nettls claims.
 *
 * nettls presents itself as OpenSSL 1.1.0l (0x101000cfL): the newest API in which every structure is
 * opaque and the old 1.0.x names still work, so programs written for either compile unchanged. The text
 * names nettls, so logs and version banners do not mislead. NETTLS_VERSION_* are nettls's own version
 * (kept equal to the Meson project version; lib/compat/meson.build checks it). */
#ifndef HEADER_OPENSSLV_H
#define HEADER_OPENSSLV_H

#ifdef __cplusplus
extern "C" {
#endif

/* 0xMNNFFPPS: major 1, minor 1, fix 0, patch 12 ('l'), status 0xf (release). */
#define OPENSSL_VERSION_NUMBER 0x101000cfL
#define OPENSSL_VERSION_TEXT "OpenSSL 1.1.0l (compatible; nettls 0.1.0)"
#define OPENSSL_VERSION_PTEXT " part of " OPENSSL_VERSION_TEXT

#define NETTLS_VERSION_NUMBER 0x000100L
#define NETTLS_VERSION_TEXT "0.1.0"

/* The shared-library version of the OpenSSL being imitated. nettls's own libraries are
 * libnettls-crypto.so.0 and libnettls-ssl.so.0; programs should link them through -lssl -lcrypto. */
#define SHLIB_VERSION_HISTORY ""
#define SHLIB_VERSION_NUMBER "1.1"

#ifdef __cplusplus
}
#endif

#endif
