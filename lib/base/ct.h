/* nettls: constant-time helpers, where secrets meet attacker-controlled input.
 *
 * Masks are all-ones (true) or zero (false); no function here branches or indexes memory on its secret
 * arguments. Use them for MAC, padding and Finished checks and for the RSA premaster choice, never memcmp. */
#ifndef NTLS_BASE_CT_H
#define NTLS_BASE_CT_H

#include <stddef.h>
#include <stdint.h>

/* 0xFFFFFFFF if x != 0, else 0. */
static inline uint32_t ntls_ct_nonzero(uint32_t x)
{
    return (uint32_t)0 - ((x | ((uint32_t)0 - x)) >> 31);
}

static inline uint32_t ntls_ct_eq(uint32_t a, uint32_t b)
{
    return ~ntls_ct_nonzero(a ^ b);
}

/* a < b, for a and b below 2^31 (lengths). */
static inline uint32_t ntls_ct_lt(uint32_t a, uint32_t b)
{
    return (uint32_t)0 - ((a - b) >> 31);
}

static inline uint32_t ntls_ct_ge(uint32_t a, uint32_t b)
{
    return ~ntls_ct_lt(a, b);
}

/* mask ? a : b */
static inline uint32_t ntls_ct_mux(uint32_t mask, uint32_t a, uint32_t b)
{
    return b ^ (mask & (a ^ b));
}

/* All-ones if the n bytes at a and b are equal. Reads every byte whatever the contents. */
uint32_t ntls_ct_memeq(const void *a, const void *b, size_t n);

/* Copies src to dst when mask is all-ones, leaves dst alone when it is zero; touches every byte either way. */
void ntls_ct_memcpy_if(uint32_t mask, void *dst, const void *src, size_t n);

#endif
