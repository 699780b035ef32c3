/* Built by packaging_test.sh with `pkg-config --cflags --libs openssl` against an installed nettls: it must
 * see nettls's headers and run against nettls's libraries. */
#include <stdio.h>
#include <string.h>

#include <openssl/crypto.h>
#include <openssl/err.h>
#include <openssl/opensslv.h>
#include <openssl/rand.h>
#include <openssl/ssl.h>

#if OPENSSL_VERSION_NUMBER != 0x101000cfL || !defined(NETTLS_VERSION_TEXT)
#error "compiled against headers other than nettls's"
#endif

int main(void)
{
    unsigned char r[16];
    char buf[256];
    if (SSL_library_init() != 1 || RAND_bytes(r, sizeof r) != 1) {
        return 1;
    }
    if (strstr(OpenSSL_version(OPENSSL_VERSION), "nettls") == NULL) {
        fprintf(stderr, "running against %s\n", OpenSSL_version(OPENSSL_VERSION));
        return 2;
    }
    SSLerr(0, SSL_R_NO_SHARED_CIPHER);
    ERR_error_string_n(ERR_get_error(), buf, sizeof buf);
    printf("%s\n%s\n", OpenSSL_version(OPENSSL_VERSION), buf);
    return strstr(buf, "no shared cipher") != NULL ? 0 : 3;
}
