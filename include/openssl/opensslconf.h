/* nettls: <openssl/opensslconf.h>, the build configuration a program sees.
 *
 * These are the OPENSSL_NO_* macros an OpenSSL 1.1.0 build configured without the same features would
 * define. Programs test them to leave out code for features nettls does not have (SSLv2/SSLv3, DTLS,
 * compression, engines, PSK, SRP, ...), so they must stay in step with what the libraries export. */
#ifndef HEADER_OPENSSLCONF_H
#define HEADER_OPENSSLCONF_H

#ifdef __cplusplus
extern "C" {
#endif

/* Protocols: nettls speaks TLS. SSLv2 and SSLv3 are gone, DTLS and SCTP were never there. TLS 1.3 did
 * not exist in 1.1.0; OPENSSL_NO_TLS1_3 is defined anyway so code written for 1.1.1 leaves it out. */
#ifndef OPENSSL_NO_SSL2
#define OPENSSL_NO_SSL2
#endif
#ifndef OPENSSL_NO_SSL3
#define OPENSSL_NO_SSL3
#endif
#ifndef OPENSSL_NO_SSL3_METHOD
#define OPENSSL_NO_SSL3_METHOD
#endif
#ifndef OPENSSL_NO_TLS1_3
#define OPENSSL_NO_TLS1_3
#endif
#ifndef OPENSSL_NO_DTLS
#define OPENSSL_NO_DTLS
#endif
#ifndef OPENSSL_NO_DTLS1
#define OPENSSL_NO_DTLS1
#endif
#ifndef OPENSSL_NO_DTLS1_METHOD
#define OPENSSL_NO_DTLS1_METHOD
#endif
#ifndef OPENSSL_NO_DTLS1_2
#define OPENSSL_NO_DTLS1_2
#endif
#ifndef OPENSSL_NO_DTLS1_2_METHOD
#define OPENSSL_NO_DTLS1_2_METHOD
#endif
#ifndef OPENSSL_NO_SCTP
#define OPENSSL_NO_SCTP
#endif
#ifndef OPENSSL_NO_HEARTBEATS
#define OPENSSL_NO_HEARTBEATS
#endif
#ifndef OPENSSL_NO_SRTP
#define OPENSSL_NO_SRTP
#endif

/* TLS features without an implementation. */
#ifndef OPENSSL_NO_COMP
#define OPENSSL_NO_COMP
#endif
#ifndef OPENSSL_NO_ZLIB
#define OPENSSL_NO_ZLIB
#endif
#ifndef OPENSSL_NO_PSK
#define OPENSSL_NO_PSK
#endif
#ifndef OPENSSL_NO_SRP
#define OPENSSL_NO_SRP
#endif
#ifndef OPENSSL_NO_NEXTPROTONEG
#define OPENSSL_NO_NEXTPROTONEG
#endif
#ifndef OPENSSL_NO_CT
#define OPENSSL_NO_CT
#endif
#ifndef OPENSSL_NO_OCSP
#define OPENSSL_NO_OCSP
#endif
#ifndef OPENSSL_NO_ASYNC
#define OPENSSL_NO_ASYNC
#endif
#ifndef OPENSSL_NO_WEAK_SSL_CIPHERS
#define OPENSSL_NO_WEAK_SSL_CIPHERS
#endif
#ifndef OPENSSL_NO_SSL_TRACE
#define OPENSSL_NO_SSL_TRACE
#endif

/* Library parts nettls does not provide. */
#ifndef OPENSSL_NO_ENGINE
#define OPENSSL_NO_ENGINE
#endif
#ifndef OPENSSL_NO_DYNAMIC_ENGINE
#define OPENSSL_NO_DYNAMIC_ENGINE
#endif
#ifndef OPENSSL_NO_STATIC_ENGINE
#define OPENSSL_NO_STATIC_ENGINE
#endif
#ifndef OPENSSL_NO_HW
#define OPENSSL_NO_HW
#endif
#ifndef OPENSSL_NO_AFALGENG
#define OPENSSL_NO_AFALGENG
#endif
#ifndef OPENSSL_NO_EGD
#define OPENSSL_NO_EGD
#endif
#ifndef OPENSSL_NO_CMS
#define OPENSSL_NO_CMS
#endif
#ifndef OPENSSL_NO_TS
#define OPENSSL_NO_TS
#endif
#ifndef OPENSSL_NO_RFC3779
#define OPENSSL_NO_RFC3779
#endif
#ifndef OPENSSL_NO_CRYPTO_MDEBUG
#define OPENSSL_NO_CRYPTO_MDEBUG
#endif
#ifndef OPENSSL_NO_CRYPTO_MDEBUG_BACKTRACE
#define OPENSSL_NO_CRYPTO_MDEBUG_BACKTRACE
#endif
#ifndef OPENSSL_NO_UNIT_TEST
#define OPENSSL_NO_UNIT_TEST
#endif

/* Algorithms Nettle does not give us, or that nettls will not offer. */
#ifndef OPENSSL_NO_MD2
#define OPENSSL_NO_MD2
#endif
#ifndef OPENSSL_NO_MDC2
#define OPENSSL_NO_MDC2
#endif
#ifndef OPENSSL_NO_RC2
#define OPENSSL_NO_RC2
#endif
#ifndef OPENSSL_NO_RC5
#define OPENSSL_NO_RC5
#endif
#ifndef OPENSSL_NO_IDEA
#define OPENSSL_NO_IDEA
#endif
#ifndef OPENSSL_NO_SEED
#define OPENSSL_NO_SEED
#endif
#ifndef OPENSSL_NO_BF
#define OPENSSL_NO_BF
#endif
#ifndef OPENSSL_NO_CAST
#define OPENSSL_NO_CAST
#endif
#ifndef OPENSSL_NO_GOST
#define OPENSSL_NO_GOST
#endif
#ifndef OPENSSL_NO_WHIRLPOOL
#define OPENSSL_NO_WHIRLPOOL
#endif
#ifndef OPENSSL_NO_RMD160
#define OPENSSL_NO_RMD160
#endif
#ifndef OPENSSL_NO_SCRYPT
#define OPENSSL_NO_SCRYPT
#endif
#ifndef OPENSSL_NO_EC_NISTP_64_GCC_128
#define OPENSSL_NO_EC_NISTP_64_GCC_128
#endif

/* Sanitizer and fuzzing switches of OpenSSL's own build. */
#ifndef OPENSSL_NO_ASAN
#define OPENSSL_NO_ASAN
#endif
#ifndef OPENSSL_NO_MSAN
#define OPENSSL_NO_MSAN
#endif
#ifndef OPENSSL_NO_UBSAN
#define OPENSSL_NO_UBSAN
#endif
#ifndef OPENSSL_NO_FUZZ_AFL
#define OPENSSL_NO_FUZZ_AFL
#endif
#ifndef OPENSSL_NO_FUZZ_LIBFUZZER
#define OPENSSL_NO_FUZZ_LIBFUZZER
#endif

/* The libraries are thread-safe and shared. */
#ifndef OPENSSL_THREADS
#define OPENSSL_THREADS
#endif
#ifndef OPENSSL_RAND_SEED_OS
#define OPENSSL_RAND_SEED_OS
#endif

/* 1.1.0 hides the names it deprecated when a program asks for a newer API level with OPENSSL_API_COMPAT
 * (for example 0x10100000L). By default everything is visible. */
#define OPENSSL_MIN_API 0
#ifndef OPENSSL_API_COMPAT
#define OPENSSL_API_COMPAT OPENSSL_MIN_API
#endif

#define DECLARE_DEPRECATED(f) f;

#define RC4_INT unsigned int
#if defined(__LP64__) || defined(_LP64)
#define SIXTY_FOUR_BIT_LONG
#else
#define THIRTY_TWO_BIT
#endif

#ifdef __cplusplus
}
#endif

#endif
