/* nettls: initialisation of the ssl half. OPENSSL_init_ssl() initialises the crypto half as OpenSSL 1.1.0
 * does (its own bits, OPENSSL_INIT_*_SSL_STRINGS, mean nothing to the crypto half); the SSL error strings
 * need no loading. */
#include <openssl/err.h>
#include <openssl/ssl.h>

int OPENSSL_init_ssl(uint64_t opts, const OPENSSL_INIT_SETTINGS *settings)
{
    uint64_t ssl_only = (uint64_t)(OPENSSL_INIT_NO_LOAD_SSL_STRINGS | OPENSSL_INIT_LOAD_SSL_STRINGS);
    uint64_t all_algorithms = (uint64_t)(OPENSSL_INIT_ADD_ALL_CIPHERS | OPENSSL_INIT_ADD_ALL_DIGESTS);
    return OPENSSL_init_crypto((opts & ~ssl_only) | all_algorithms, settings);
}

int ERR_load_SSL_strings(void)
{
    return 1;
}
