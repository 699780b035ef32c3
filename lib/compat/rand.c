/* nettls: RAND_* over the crypto layer's generator (lib/crypto/rand.c: per thread, seeded from the kernel
 * and reseeded after fork). Programs written for OpenSSL 1.0.x seed the pool and ask whether it is
 * seeded; nettls's generator never needs that, so those calls succeed and change nothing. */
#include <openssl/err.h>
#include <openssl/rand.h>

#include "crypto/crypto.h"

int RAND_bytes(unsigned char *buf, int num)
{
    if (num <= 0) {
        return 1;
    }
    if (!ntls_is_ok(ntls_rand_bytes(buf, (size_t)num))) {
        ERR_put_error(ERR_LIB_RAND, RAND_F_RAND_BYTES, RAND_R_PRNG_NOT_SEEDED, __FILE__, __LINE__);
        return 0;
    }
    return 1;
}

int RAND_pseudo_bytes(unsigned char *buf, int num)
{
    return RAND_bytes(buf, num) == 1 ? 1 : -1;
}

void RAND_seed(const void *buf, int num)
{
    (void)buf;
    (void)num;
}

void RAND_add(const void *buf, int num, double randomness)
{
    (void)buf;
    (void)num;
    (void)randomness;
}

int RAND_status(void)
{
    return 1;
}

int RAND_poll(void)
{
    return 1;
}
