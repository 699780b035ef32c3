/* nettls: <openssl/safestack.h>, typed stacks.
 *
 * STACK_OF(TYPE) names the stack type as OpenSSL does. The typed operations sk_TYPE_* are macros over the
 * OPENSSL_sk_* functions (1.1.0 generates static inline functions instead; the calls a program makes and
 * their types are the same). Each macro checks its stack and element arguments with a conditional
 * expression, so passing the wrong type is a compiler diagnostic, as with OpenSSL's inline functions. */
#ifndef HEADER_SAFESTACK_H
#define HEADER_SAFESTACK_H

#include <openssl/stack.h>

#ifdef __cplusplus
extern "C" {
#endif

#define STACK_OF(type) struct stack_st_##type

/* Checked conversions: the result is the untyped stack or element, after the compiler has checked that
 * the argument has the right type. */
#define SKM_CST(t, st) ((const OPENSSL_STACK *)(1 ? (st) : (const STACK_OF(t) *)0))
#define SKM_ST(t, st) ((OPENSSL_STACK *)(1 ? (st) : (STACK_OF(t) *)0))
#define SKM_PTR(t, p) ((const void *)(1 ? (p) : (t *)0))

#define SKM_sk_new_null(t) ((STACK_OF(t) *)OPENSSL_sk_new_null())
#define SKM_sk_new(t, cmp) ((STACK_OF(t) *)OPENSSL_sk_new((OPENSSL_sk_compfunc)(void (*)(void))(cmp)))
#define SKM_sk_num(t, st) OPENSSL_sk_num(SKM_CST(t, st))
#define SKM_sk_value(t, st, i) ((t *)OPENSSL_sk_value(SKM_CST(t, st), (i)))
#define SKM_sk_set(t, st, i, p) ((t *)OPENSSL_sk_set(SKM_ST(t, st), (i), SKM_PTR(t, p)))
#define SKM_sk_free(t, st) OPENSSL_sk_free(SKM_ST(t, st))
/* The detour through void (*)(void) is the cast compilers accept between function pointer types. */
#define SKM_sk_pop_free(t, st, f)                                                                           \
    OPENSSL_sk_pop_free(SKM_ST(t, st), (OPENSSL_sk_freefunc)(void (*)(void))(f))
#define SKM_sk_push(t, st, p) OPENSSL_sk_push(SKM_ST(t, st), SKM_PTR(t, p))
#define SKM_sk_unshift(t, st, p) OPENSSL_sk_unshift(SKM_ST(t, st), SKM_PTR(t, p))
#define SKM_sk_insert(t, st, p, i) OPENSSL_sk_insert(SKM_ST(t, st), SKM_PTR(t, p), (i))
#define SKM_sk_find(t, st, p) OPENSSL_sk_find(SKM_ST(t, st), SKM_PTR(t, p))
#define SKM_sk_delete(t, st, i) ((t *)OPENSSL_sk_delete(SKM_ST(t, st), (i)))
#define SKM_sk_delete_ptr(t, st, p) ((t *)OPENSSL_sk_delete_ptr(SKM_ST(t, st), SKM_PTR(t, p)))
#define SKM_sk_pop(t, st) ((t *)OPENSSL_sk_pop(SKM_ST(t, st)))
#define SKM_sk_shift(t, st) ((t *)OPENSSL_sk_shift(SKM_ST(t, st)))
#define SKM_sk_zero(t, st) OPENSSL_sk_zero(SKM_ST(t, st))
#define SKM_sk_dup(t, st) ((STACK_OF(t) *)OPENSSL_sk_dup(SKM_CST(t, st)))

typedef char *OPENSSL_STRING;
typedef const char *OPENSSL_CSTRING;

STACK_OF(OPENSSL_STRING);
STACK_OF(OPENSSL_CSTRING);

typedef void *OPENSSL_BLOCK;
STACK_OF(OPENSSL_BLOCK);

#ifdef __cplusplus
}
#endif

#endif
