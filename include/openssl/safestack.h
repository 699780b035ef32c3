/* nettls: <openssl/safestack.h>, typed stacks.
 *
 * STACK_OF(TYPE) names the stack type as OpenSSL does, so declarations that mention stacks compile. The
 * typed sk_TYPE_* operations expand to OPENSSL_sk_* calls and are defined once those are exported. */
#ifndef HEADER_SAFESTACK_H
#define HEADER_SAFESTACK_H

#include <openssl/stack.h>

#ifdef __cplusplus
extern "C" {
#endif

#define STACK_OF(type) struct stack_st_##type

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
