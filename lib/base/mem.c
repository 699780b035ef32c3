#include "mem.h"

#include <stdlib.h>
#include <string.h>

static _Thread_local unsigned long allocations;

void *ntls_calloc(size_t count, size_t size)
{
    allocations++;
    return calloc(count == 0 ? 1 : count, size == 0 ? 1 : size);
}

void *ntls_malloc(size_t n)
{
    allocations++;
    return malloc(n == 0 ? 1 : n);
}

void *ntls_realloc(void *p, size_t n)
{
    allocations++;
    return realloc(p, n == 0 ? 1 : n);
}

void ntls_free(void *p)
{
    free(p);
}

void ntls_zeroize(void *p, size_t n)
{
    if (n == 0) {
        return;
    }
    memset(p, 0, n);
    /* The empty asm with a memory clobber tells the compiler the zeros are read, so the memset stays. */
    __asm__ __volatile__("" : : "r"(p) : "memory");
}

void ntls_free_secret(void *p, size_t n)
{
    if (p != NULL) {
        ntls_zeroize(p, n);
        free(p);
    }
}

unsigned long ntls_alloc_count(void)
{
    return allocations;
}
