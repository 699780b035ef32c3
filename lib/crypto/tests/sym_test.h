/* nettls: helpers for the symmetric crypto tests: hex strings, shared files, and a minimal reader for the
 * wycheproof JSON files (flat test objects with string, number and string-array fields). Header-only, so
 * each *_test.c stays one executable. */
#ifndef NTLS_CRYPTO_TESTS_SYM_TEST_H
#define NTLS_CRYPTO_TESTS_SYM_TEST_H

#include <criterion/criterion.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static inline int sym_nibble(char c)
{
    if (c >= '0' && c <= '9') {
        return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
        return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
        return c - 'A' + 10;
    }
    return -1;
}

/* Decodes n hex digits (spaces skipped) into out, returns the byte count; aborts the test on bad input. */
static inline size_t sym_unhex_n(const char *hex, size_t n, uint8_t *out, size_t cap)
{
    size_t len = 0;
    int hi = -1;
    for (size_t i = 0; i < n; i++) {
        if (hex[i] == ' ' || hex[i] == '\n') {
            continue;
        }
        int v = sym_nibble(hex[i]);
        cr_assert(v >= 0, "bad hex digit '%c'", hex[i]);
        if (hi < 0) {
            hi = v;
        } else {
            cr_assert(len < cap, "hex longer than its buffer");
            out[len++] = (uint8_t)(hi << 4 | v);
            hi = -1;
        }
    }
    cr_assert(hi < 0, "odd number of hex digits");
    return len;
}

static inline size_t sym_unhex(const char *hex, uint8_t *out, size_t cap)
{
    return sym_unhex_n(hex, strlen(hex), out, cap);
}

/* Asserts that the len bytes at got equal the hex string want. */
#define sym_assert_hex(got, len, want, ...)                                                                  \
    do {                                                                                                     \
        uint8_t sym_w_[512];                                                                                 \
        size_t sym_wl_ = sym_unhex((want), sym_w_, sizeof sym_w_);                                           \
        cr_assert_eq((size_t)(len), sym_wl_, "length differs from the expected " #want);                   \
        cr_assert_arr_eq((got), sym_w_, sym_wl_, __VA_ARGS__);                                               \
    } while (0)

/* Reads NTLS_SHARED/<rel> whole, NUL-terminated; fails the test when it is missing. */
static inline char *sym_read_shared(const char *rel)
{
    const char *dir = getenv("NTLS_SHARED");
    cr_assert(dir != NULL, "NTLS_SHARED is not set (meson test sets it)");
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", dir, rel);
    FILE *f = fopen(path, "rb");
    cr_assert(f != NULL, "cannot open %s: the shared test vectors are required", path);
    cr_assert_eq(fseek(f, 0, SEEK_END), 0);
    long size = ftell(f);
    cr_assert(size > 0);
    rewind(f);
    char *buf = malloc((size_t)size + 1);
    cr_assert(buf != NULL);
    cr_assert_eq(fread(buf, 1, (size_t)size, f), (size_t)size);
    buf[size] = '\0';
    fclose(f);
    return buf;
}

/* One wycheproof test object: [begin, end) spans its braces. */
struct sym_jobj {
    const char *begin, *end;
};

/* Finds the end of the object whose '{' is at p, skipping strings. */
static inline const char *sym_json_close(const char *p)
{
    int depth = 0;
    for (; *p != '\0'; p++) {
        if (*p == '"') {
            for (p++; *p != '\0' && *p != '"'; p++) {
                if (*p == '\\' && p[1] != '\0') {
                    p++;
                }
            }
            if (*p == '\0') {
                break;
            }
        } else if (*p == '{') {
            depth++;
        } else if (*p == '}' && --depth == 0) {
            return p + 1;
        }
    }
    cr_assert_fail("unterminated JSON object");
    return p;
}

/* The next object holding "tcId" at or after *cursor; false when there is none. */
static inline bool sym_json_next_test(const char **cursor, struct sym_jobj *t)
{
    const char *k = strstr(*cursor, "\"tcId\"");
    if (k == NULL) {
        return false;
    }
    const char *open = k;
    while (*open != '{') {
        open--;
    }
    t->begin = open;
    t->end = sym_json_close(open);
    *cursor = t->end;
    return true;
}

/* The string value of "key" in a flat object (no escapes expected in the fields the tests read). */
static inline bool sym_json_str(const struct sym_jobj *t, const char *key, const char **val, size_t *len)
{
    char pat[64];
    snprintf(pat, sizeof pat, "\"%s\"", key);
    size_t pl = strlen(pat);
    for (const char *p = t->begin; p + pl < t->end; p++) {
        if (memcmp(p, pat, pl) != 0) {
            continue;
        }
        p += pl;
        while (*p == ' ' || *p == ':' || *p == '\n') {
            p++;
        }
        if (*p != '"') {
            return false;
        }
        const char *q = strchr(p + 1, '"');
        cr_assert(q != NULL && q < t->end);
        *val = p + 1;
        *len = (size_t)(q - (p + 1));
        return true;
    }
    return false;
}

static inline size_t sym_json_hex(const struct sym_jobj *t, const char *key, uint8_t *out, size_t cap)
{
    const char *v;
    size_t n;
    cr_assert(sym_json_str(t, key, &v, &n), "test object without \"%s\"", key);
    return sym_unhex_n(v, n, out, cap);
}

static inline long sym_json_int(const char *begin, const char *key)
{
    char pat[64];
    snprintf(pat, sizeof pat, "\"%s\"", key);
    const char *p = strstr(begin, pat);
    cr_assert(p != NULL, "no \"%s\"", key);
    p += strlen(pat);
    while (*p == ' ' || *p == ':') {
        p++;
    }
    return strtol(p, NULL, 10);
}

static inline bool sym_json_is(const struct sym_jobj *t, const char *key, const char *want)
{
    const char *v;
    size_t n;
    return sym_json_str(t, key, &v, &n) && n == strlen(want) && memcmp(v, want, n) == 0;
}

#endif
