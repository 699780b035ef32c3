/* nettls: <openssl/stack.h>, the untyped stack of OpenSSL 1.1.0.
 *
 * Only the types for now: the OPENSSL_sk_* functions (and the typed sk_TYPE_* wrappers in safestack.h)
 * arrive with the code that exports them. */
#ifndef HEADER_STACK_H
#define HEADER_STACK_H

#ifdef __cplusplus
extern "C" {
#endif

typedef struct stack_st OPENSSL_STACK;

typedef int (*OPENSSL_sk_compfunc)(const void *, const void *);
typedef void (*OPENSSL_sk_freefunc)(void *);
typedef void *(*OPENSSL_sk_copyfunc)(const void *);

#ifdef __cplusplus
}
#endif

#endif
