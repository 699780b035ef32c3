#include "ct.h"

uint32_t ntls_ct_memeq(const void *a, const void *b, size_t n)
{
    const volatile uint8_t *x = a;
    const volatile uint8_t *y = b;
    uint32_t diff = 0;
    for (size_t i = 0; i < n; i++) {
        diff |= (uint32_t)(x[i] ^ y[i]);
    }
    return ~ntls_ct_nonzero(diff);
}

void ntls_ct_memcpy_if(uint32_t mask, void *dst, const void *src, size_t n)
{
    uint8_t *d = dst;
    const uint8_t *s = src;
    uint8_t m = (uint8_t)mask;
    for (size_t i = 0; i < n; i++) {
        d[i] = (uint8_t)(d[i] ^ (m & (d[i] ^ s[i])));
    }
}
