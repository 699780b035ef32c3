/* nettls: the ex_data index registry (man CRYPTO_get_ex_new_index), kept by the crypto half for every
 * class (CRYPTO_EX_INDEX_SSL, ..._SSL_CTX, ..._X509_STORE_CTX, ...).
 *
 * Each class hands out 1, 2, 3, ...: index 0 is reserved, as in OpenSSL, for the SSL_get_app_data()
 * family and for SSL_get_ex_data_X509_STORE_CTX_idx(). The objects hold the slots themselves (the ssl half
 * for SSL and SSL_CTX); nettls records the new/dup/free callbacks but does not run them (ssl.h says so),
 * which matters only to programs that register callbacks - most pass NULL. */
#include <pthread.h>

#include <openssl/crypto.h>
#include <openssl/err.h>

/* Far more than any program registers; beyond it an index is refused rather than grown without bound. */
enum { EX_INDEX_MAX = 1 << 15 };

static pthread_mutex_t registry_lock = PTHREAD_MUTEX_INITIALIZER;
static int next_index[CRYPTO_EX_INDEX__COUNT];

int CRYPTO_get_ex_new_index(int class_index, long argl, void *argp, CRYPTO_EX_new *new_func,
                            CRYPTO_EX_dup *dup_func, CRYPTO_EX_free *free_func)
{
    (void)argl;
    (void)argp;
    (void)new_func;
    (void)dup_func;
    (void)free_func;
    if (class_index < 0 || class_index >= CRYPTO_EX_INDEX__COUNT) {
        CRYPTOerr(0, ERR_R_PASSED_NULL_PARAMETER);
        return -1;
    }
    int idx = -1;
    pthread_mutex_lock(&registry_lock);
    if (next_index[class_index] < EX_INDEX_MAX) {
        idx = ++next_index[class_index];
    }
    pthread_mutex_unlock(&registry_lock);
    if (idx < 0) {
        CRYPTOerr(0, ERR_R_MALLOC_FAILURE);
    }
    return idx;
}

/* The index is not handed out again (OpenSSL only drops its callbacks too). */
int CRYPTO_free_ex_index(int class_index, int idx)
{
    if (class_index < 0 || class_index >= CRYPTO_EX_INDEX__COUNT || idx < 0) {
        return 0;
    }
    pthread_mutex_lock(&registry_lock);
    int known = idx <= next_index[class_index];
    pthread_mutex_unlock(&registry_lock);
    return known;
}
