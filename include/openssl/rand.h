/* nettls: <openssl/rand.h>, random numbers.
 *
 * The bytes come from nettls's per-thread generator, seeded from the kernel (getrandom) and reseeded
 * after fork(). It needs no seeding by the program: RAND_status() is always 1, RAND_poll() succeeds, and
 * RAND_seed()/RAND_add() are accepted and ignore their input. */
#ifndef HEADER_RAND_H
#define HEADER_RAND_H

#include <stdlib.h>

#include <openssl/ossl_typ.h>
#include <openssl/e_os2.h>

#ifdef __cplusplus
extern "C" {
#endif

/* 1 on success, 0 when the kernel gave no entropy (the error queue then says why). num <= 0 writes
 * nothing and succeeds, as in OpenSSL 1.1.0. */
int RAND_bytes(unsigned char *buf, int num);
#if OPENSSL_API_COMPAT < 0x10100000L
/* 1 on success (the bytes are as strong as RAND_bytes'), -1 on failure. */
int RAND_pseudo_bytes(unsigned char *buf, int num);
#define RAND_cleanup() while (0) continue
#endif
void RAND_seed(const void *buf, int num);
void RAND_add(const void *buf, int num, double randomness);
int RAND_status(void);
int RAND_poll(void);

/* Seed files (man RAND_load_file). Loading reads up to max_bytes (-1: the whole file) and feeds them to
 * RAND_add(), which the generator does not need; it returns the bytes read, -1 when the file cannot be
 * opened (as 1.1.1 and 3.x do; 1.1.0 said 0). Writing stores 1024 random bytes (mode 0600) and returns
 * how many, or -1. RAND_file_name() gives $RANDFILE or $HOME/.rnd, NULL when neither is set or buf is
 * too small. */
int RAND_load_file(const char *file, long max_bytes);
int RAND_write_file(const char *file);
const char *RAND_file_name(char *buf, size_t num);

/* Function codes. */
#define RAND_F_RAND_BYTES 100

/* Reason codes. */
#define RAND_R_PRNG_NOT_SEEDED 100

#ifdef __cplusplus
}
#endif

#endif
