/* nettls: <openssl/pkcs12.h>. PKCS12 is opaque; the PKCS12_* functions arrive with the code that exports
 * them. */
#ifndef HEADER_PKCS12_H
#define HEADER_PKCS12_H

#include <openssl/bio.h>
#include <openssl/x509.h>

#ifdef __cplusplus
extern "C" {
#endif

#define PKCS12_KEY_ID 1
#define PKCS12_IV_ID 2
#define PKCS12_MAC_ID 3

#define PKCS12_DEFAULT_ITER PKCS5_DEFAULT_ITER

#define PKCS12_MAC_KEY_LENGTH 20

#define PKCS12_SALT_LEN 8

#define KEY_EX 0x10
#define KEY_SIG 0x80

typedef struct PKCS12_MAC_DATA_st PKCS12_MAC_DATA;
typedef struct PKCS12_st PKCS12;
typedef struct PKCS12_SAFEBAG_st PKCS12_SAFEBAG;
typedef struct pkcs12_bag_st PKCS12_BAGS;

STACK_OF(PKCS12_SAFEBAG);

#define PKCS12_ERROR 0
#define PKCS12_OK 1

#ifdef __cplusplus
}
#endif

#endif
