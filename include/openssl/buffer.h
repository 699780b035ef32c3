/* nettls: <openssl/buffer.h>, the growable memory buffer.
 *
 * BUF_MEM is one of the few structures OpenSSL 1.1.0 left public: programs read ->data and ->length of
 * the buffer they get from BIO_get_mem_ptr(). It is laid out as in OpenSSL. */
#ifndef HEADER_BUFFER_H
#define HEADER_BUFFER_H

#include <stddef.h>

#include <openssl/ossl_typ.h>
#include <openssl/crypto.h>

#ifdef __cplusplus
extern "C" {
#endif

/* The old BUF_* names of the string helpers. */
#define BUF_strdup(s) OPENSSL_strdup(s)
#define BUF_strndup(s, size) OPENSSL_strndup(s, size)
#define BUF_memdup(data, size) OPENSSL_memdup(data, size)

/* Flags for BUF_MEM::flags. */
#define BUF_MEM_FLAG_SECURE 0x01

struct buf_mem_st {
    size_t length; /* bytes in use */
    char *data;
    size_t max; /* bytes allocated */
    unsigned long flags;
};

#ifdef __cplusplus
}
#endif

#endif
