/* nettls: BIO_number_read and BIO_number_written, the byte counts of a BIO's lifetime (man
 * BIO_number_read: what BIO_read, BIO_write, BIO_puts and BIO_printf moved, before any callback rewrites
 * the result; BIO_gets counts nothing, as in 1.1.0's bio_lib.c). */
#include <openssl/bio.h>

#include "bio_local.h"

void ntls_bio_count(uint64_t *counter, long ret)
{
    if (ret > 0) {
        *counter += (uint64_t)ret;
    }
}

uint64_t BIO_number_read(BIO *bio)
{
    return bio == NULL ? 0 : bio->num_read;
}

uint64_t BIO_number_written(BIO *bio)
{
    return bio == NULL ? 0 : bio->num_write;
}
