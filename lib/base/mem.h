/* nettls: allocation and wiping.
 *
 * The native layers allocate only through these, so a test can count allocations and a secret is never
 * freed without being wiped first. */
#ifndef NTLS_BASE_MEM_H
#define NTLS_BASE_MEM_H

#include <stddef.h>

/* Zero-filled memory, or NULL. n == 0 is allowed and returns a unique pointer. */
void *ntls_calloc(size_t count, size_t size);
/* Uninitialised memory, or NULL: for buffers that are always written before they are read (the record
 * buffers, where zeroing 18 KiB per allocation would cost more than the allocation). */
void *ntls_malloc(size_t n);
void *ntls_realloc(void *p, size_t n);
void ntls_free(void *p);

/* Overwrites n bytes with zeros in a way the compiler may not remove as a dead store. */
void ntls_zeroize(void *p, size_t n);

/* Wipes n bytes, then frees. p may be NULL. */
void ntls_free_secret(void *p, size_t n);

/* How many allocations this thread has made through ntls_calloc/ntls_realloc (tests use it to prove that a
 * path does not allocate). */
unsigned long ntls_alloc_count(void);

#endif
