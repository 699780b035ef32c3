/* Linked with -lssl alone, as old Makefiles do: the crypto half must come along. Calls one function of each
 * half. */
#include <stdio.h>

#include <openssl/crypto.h>
#include <openssl/err.h>
#include <openssl/ssl.h>

int main(void)
{
    if (OPENSSL_init_ssl(0, NULL) != 1) { /* ssl half */
        return 1;
    }
    ERR_clear_error(); /* crypto half */
    printf("%lx\n", OpenSSL_version_num());
    return OpenSSL_version_num() == 0x101000cfUL && ERR_get_error() == 0 ? 0 : 2;
}
