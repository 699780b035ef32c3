/* nettls: initialisation of the crypto half (OPENSSL_init_crypto and the settings object).
 *
 * nettls needs no initialisation: the error strings are static tables and the generator seeds itself. The
 * functions exist so that programs written for 1.1.0, and the 1.0.x macros that expand to them
 * (ERR_load_crypto_strings, OpenSSL_add_all_algorithms, ...), work. OPENSSL_cleanup() has nothing to
 * release; unlike OpenSSL, the library stays usable after it. */
#include <stdlib.h>
#include <string.h>

#include <openssl/conf.h>
#include <openssl/crypto.h>

struct ossl_init_settings_st {
    char *appname;
};

int OPENSSL_init_crypto(uint64_t opts, const OPENSSL_INIT_SETTINGS *settings)
{
    (void)opts;
    (void)settings;
    return 1;
}

void OPENSSL_cleanup(void)
{
}

OPENSSL_INIT_SETTINGS *OPENSSL_INIT_new(void)
{
    return calloc(1, sizeof(OPENSSL_INIT_SETTINGS));
}

int OPENSSL_INIT_set_config_appname(OPENSSL_INIT_SETTINGS *settings, const char *config_file)
{
    char *copy = NULL;
    if (config_file != NULL) {
        copy = strdup(config_file);
        if (copy == NULL) {
            return 0;
        }
    }
    free(settings->appname);
    settings->appname = copy;
    return 1;
}

void OPENSSL_INIT_free(OPENSSL_INIT_SETTINGS *settings)
{
    if (settings != NULL) {
        free(settings->appname);
        free(settings);
    }
}

void OPENSSL_config(const char *config_name)
{
    (void)config_name;
}
