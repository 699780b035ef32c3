/* nettls: <openssl/objects.h>, object identifiers. The NID_/SN_/LN_ names are in obj_mac.h; the OBJ_*
 * functions arrive with the code that exports them. */
#ifndef HEADER_OBJECTS_H
#define HEADER_OBJECTS_H

#include <openssl/obj_mac.h>
#include <openssl/bio.h>
#include <openssl/asn1.h>

#define OBJ_NAME_TYPE_UNDEF 0x00
#define OBJ_NAME_TYPE_MD_METH 0x01
#define OBJ_NAME_TYPE_CIPHER_METH 0x02
#define OBJ_NAME_TYPE_PKEY_METH 0x03
#define OBJ_NAME_TYPE_COMP_METH 0x04
#define OBJ_NAME_TYPE_NUM 0x05

#define OBJ_NAME_ALIAS 0x8000

#define OBJ_BSEARCH_VALUE_ON_NOMATCH 0x01
#define OBJ_BSEARCH_FIRST_VALUE_ON_MATCH 0x02

#ifdef __cplusplus
extern "C" {
#endif

typedef struct obj_name_st OBJ_NAME;

#ifdef __cplusplus
}
#endif

#endif
