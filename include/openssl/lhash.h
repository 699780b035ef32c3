/* nettls: <openssl/lhash.h>, OpenSSL's hash table type names (opaque; no lh_* functions are exported). */
#ifndef HEADER_LHASH_H
#define HEADER_LHASH_H

#include <openssl/e_os2.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct lhash_node_st OPENSSL_LH_NODE;
typedef int (*OPENSSL_LH_COMPFUNC)(const void *, const void *);
typedef unsigned long (*OPENSSL_LH_HASHFUNC)(const void *);
typedef void (*OPENSSL_LH_DOALL_FUNC)(void *);
typedef void (*OPENSSL_LH_DOALL_FUNCARG)(void *, void *);
typedef struct lhash_st OPENSSL_LHASH;

#define LHASH_OF(type) struct lhash_st_##type

#ifdef __cplusplus
}
#endif

#endif
