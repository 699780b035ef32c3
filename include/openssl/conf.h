/* nettls: <openssl/conf.h>, configuration files.
 *
 * nettls reads no configuration file. OPENSSL_config() is accepted and does nothing, as loading the
 * default configuration would in an OpenSSL without one. */
#ifndef HEADER_CONF_H
#define HEADER_CONF_H

#include <openssl/bio.h>
#include <openssl/lhash.h>
#include <openssl/stack.h>
#include <openssl/safestack.h>
#include <openssl/e_os2.h>
#include <openssl/ossl_typ.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct conf_value_st CONF_VALUE;
typedef struct conf_method_st CONF_METHOD;
typedef struct conf_imodule_st CONF_IMODULE;
typedef struct conf_module_st CONF_MODULE;

STACK_OF(CONF_VALUE);
STACK_OF(CONF_MODULE);
STACK_OF(CONF_IMODULE);

#define CONF_MFLAGS_IGNORE_ERRORS 0x1
#define CONF_MFLAGS_IGNORE_RETURN_CODES 0x2
#define CONF_MFLAGS_SILENT 0x4
#define CONF_MFLAGS_NO_DSO 0x8
#define CONF_MFLAGS_IGNORE_MISSING_FILE 0x10
#define CONF_MFLAGS_DEFAULT_SECTION 0x20

#if OPENSSL_API_COMPAT < 0x10100000L
void OPENSSL_config(const char *config_name);
#define OPENSSL_no_config() OPENSSL_init_crypto(OPENSSL_INIT_NO_LOAD_CONFIG, NULL)
#endif

#ifdef __cplusplus
}
#endif

#endif
