/* nettls: <openssl/e_os2.h>, platform macros of OpenSSL 1.1.0.
 *
 * nettls targets POSIX systems only; the OPENSSL_SYS_* macros say so. */
#ifndef HEADER_E_OS2_H
#define HEADER_E_OS2_H

#include <openssl/opensslconf.h>

#define OPENSSL_SYS_UNIX
#if defined(__linux__)
#define OPENSSL_SYS_LINUX
#endif

#define OPENSSL_UNISTD <unistd.h>
#define OPENSSL_DECLARE_EXIT
#define OPENSSL_EXPORT extern
#define OPENSSL_IMPORT extern
#define OPENSSL_GLOBAL
#define OPENSSL_EXTERN OPENSSL_IMPORT
#define OPENSSL_IMPLEMENT_GLOBAL(type, name, value) type _shadow_##name = value;
#define OPENSSL_DECLARE_GLOBAL(type, name) OPENSSL_EXPORT type _shadow_##name
#define OPENSSL_GLOBAL_REF(name) _shadow_##name

#define ossl_ssize_t ssize_t
#define OSSL_SSIZE_MAX SSIZE_MAX

#if defined(__GNUC__) && __GNUC__ >= 2
#define ossl_noreturn __attribute__((noreturn))
#else
#define ossl_noreturn
#endif

#if defined(__STDC_VERSION__) && __STDC_VERSION__ >= 199901L
#define ossl_inline inline
#elif defined(__cplusplus)
#define ossl_inline inline
#elif defined(__GNUC__) && __GNUC__ >= 2
#define ossl_inline __inline__
#else
#define ossl_inline
#endif

/* OpenSSL 1.1.0 takes its fixed-width types from here (uint64_t appears in OPENSSL_init_crypto). */
#include <stdint.h>

#endif
