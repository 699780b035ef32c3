/* nettls: OpenSSL_version_num() and OpenSSL_version() (OpenSSL 1.1.0's crypto/cversion.c). */
#include <openssl/crypto.h>
#include <openssl/opensslv.h>

#include "compat_config.h"

unsigned long OpenSSL_version_num(void)
{
    return OPENSSL_VERSION_NUMBER;
}

const char *OpenSSL_version(int type)
{
    switch (type) {
    case OPENSSL_VERSION:
        return OPENSSL_VERSION_TEXT;
    case OPENSSL_CFLAGS:
        return "compiler: " NTLS_COMPILER;
    case OPENSSL_BUILT_ON:
        return "built on: reproducible build, date unspecified";
    case OPENSSL_PLATFORM:
        return "platform: " NTLS_PLATFORM;
    case OPENSSL_DIR:
        return "OPENSSLDIR: \"" NTLS_OPENSSLDIR "\"";
    case OPENSSL_ENGINES_DIR:
        return "ENGINESDIR: \"\"";
    default:
        return "not available";
    }
}
