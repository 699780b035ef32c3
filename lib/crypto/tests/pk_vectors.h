/* nettls tests: hex strings and Wycheproof JSON files for the public-key tests (rsa, dsa, ecc, dh).
 *
 * Header-only (static inline, so a test that uses part of it gets no unused-function warning), because each
 * test is one source file. The JSON reader is a small recursive-descent parser that works in place on the
 * file's bytes: strings are cut out with a NUL where their closing quote was (escapes are left as they are,
 * which is enough for the hex fields and flags we read), numbers are left for strtol. Anything it does not
 * understand, or a missing file, fails the test: vectors that silently vanish would make the test pass. */
#ifndef NTLS_PK_VECTORS_H
#define NTLS_PK_VECTORS_H

#include <criterion/criterion.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "crypto/crypto.h"

/* ---------------------------------------------------------------------------------------------------- */
/* Hex */

static inline int pk_nibble(char c)
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

/* Decodes hex (whitespace allowed between bytes) into out, which has cap bytes; returns the length. */
static inline size_t pk_hex(const char *hex, uint8_t *out, size_t cap)
{
    size_t n = 0;
    while (*hex != '\0') {
        if (*hex == ' ' || *hex == '\n') {
            hex++;
            continue;
        }
        int hi = pk_nibble(hex[0]), lo = hex[1] != '\0' ? pk_nibble(hex[1]) : -1;
        cr_assert(hi >= 0 && lo >= 0, "bad hex near \"%.8s\"", hex);
        cr_assert(n < cap, "hex longer than %zu bytes", cap);
        out[n++] = (uint8_t)(hi << 4 | lo);
        hex += 2;
    }
    return n;
}

/* Decodes hex into a fresh buffer (never NULL, even for ""); the caller frees it. */
static inline uint8_t *pk_hex_alloc(const char *hex, size_t *len)
{
    size_t cap = strlen(hex) / 2 + 1;
    uint8_t *out = malloc(cap);
    cr_assert_not_null(out);
    *len = pk_hex(hex, out, cap);
    return out;
}

/* Big-endian bytes without their leading zeros, left-padded into out[size] (Wycheproof writes integers as
 * ASN.1 does, with a sign byte, and sometimes shorter than the field). */
static inline void pk_fit(const uint8_t *in, size_t len, uint8_t *out, size_t size)
{
    while (len > 0 && in[0] == 0) {
        in++;
        len--;
    }
    cr_assert(len <= size, "integer of %zu bytes does not fit %zu", len, size);
    memset(out, 0, size - len);
    memcpy(out + (size - len), in, len);
}

/* ---------------------------------------------------------------------------------------------------- */
/* JSON */

enum pk_json_type {
    PK_JSON_OBJECT,
    PK_JSON_ARRAY,
    PK_JSON_STRING,
    PK_JSON_NUMBER,
    PK_JSON_LITERAL, /* true, false, null */
};

struct pk_json {
    enum pk_json_type type;
    const char *key;  /* member name in an object, else NULL */
    const char *text; /* string contents, or where the number or literal starts */
    struct pk_json *child, *next;
    char *owned; /* the file's bytes, set on the root only */
};

struct pk_json_parser {
    char *p, *end;
};

static inline void pk_json_ws(struct pk_json_parser *ps)
{
    while (ps->p < ps->end && (*ps->p == ' ' || *ps->p == '\n' || *ps->p == '\r' || *ps->p == '\t')) {
        ps->p++;
    }
}

static inline void pk_json_expect(struct pk_json_parser *ps, char c)
{
    pk_json_ws(ps);
    cr_assert(ps->p < ps->end && *ps->p == c, "JSON: expected '%c'", c);
    ps->p++;
}

static inline const char *pk_json_string(struct pk_json_parser *ps)
{
    pk_json_expect(ps, '"');
    char *start = ps->p;
    while (ps->p < ps->end && *ps->p != '"') {
        ps->p += (*ps->p == '\\') ? 2 : 1;
    }
    cr_assert(ps->p < ps->end, "JSON: unterminated string");
    *ps->p++ = '\0';
    return start;
}

static inline struct pk_json *pk_json_value(struct pk_json_parser *ps, const char *key);

/* The members or elements up to the closing bracket, as a linked list of children. */
static inline void pk_json_items(struct pk_json_parser *ps, struct pk_json *parent, char close)
{
    struct pk_json **tail = &parent->child;
    pk_json_ws(ps);
    if (ps->p < ps->end && *ps->p == close) {
        ps->p++;
        return;
    }
    for (;;) {
        const char *key = NULL;
        if (parent->type == PK_JSON_OBJECT) {
            key = pk_json_string(ps);
            pk_json_expect(ps, ':');
        }
        *tail = pk_json_value(ps, key);
        tail = &(*tail)->next;
        pk_json_ws(ps);
        cr_assert(ps->p < ps->end, "JSON: truncated");
        if (*ps->p == ',') {
            ps->p++;
            continue;
        }
        pk_json_expect(ps, close);
        return;
    }
}

static inline struct pk_json *pk_json_value(struct pk_json_parser *ps, const char *key)
{
    struct pk_json *v = calloc(1, sizeof *v);
    cr_assert_not_null(v);
    v->key = key;
    pk_json_ws(ps);
    cr_assert(ps->p < ps->end, "JSON: truncated");
    v->text = ps->p;
    if (*ps->p == '{' || *ps->p == '[') {
        v->type = *ps->p == '{' ? PK_JSON_OBJECT : PK_JSON_ARRAY;
        ps->p++;
        pk_json_items(ps, v, v->type == PK_JSON_OBJECT ? '}' : ']');
    } else if (*ps->p == '"') {
        v->type = PK_JSON_STRING;
        v->text = pk_json_string(ps);
    } else {
        v->type = (*ps->p == '-' || (*ps->p >= '0' && *ps->p <= '9')) ? PK_JSON_NUMBER : PK_JSON_LITERAL;
        while (ps->p < ps->end && strchr(",]} \n\r\t", *ps->p) == NULL) {
            ps->p++;
        }
    }
    return v;
}

static inline void pk_json_free(struct pk_json *v)
{
    while (v != NULL) {
        struct pk_json *next = v->next;
        pk_json_free(v->child);
        free(v->owned);
        free(v);
        v = next;
    }
}

/* Reads $NTLS_SHARED/wycheproof/<name>; a missing variable or file fails the test. */
static inline struct pk_json *pk_wycheproof_load(const char *name)
{
    const char *dir = getenv("NTLS_SHARED");
    char path[4096];
    cr_assert_not_null(dir, "NTLS_SHARED is not set");
    snprintf(path, sizeof path, "%s/wycheproof/%s", dir, name);
    FILE *f = fopen(path, "rb");
    cr_assert_not_null(f, "cannot open %s", path);
    cr_assert_eq(fseek(f, 0, SEEK_END), 0);
    long size = ftell(f);
    cr_assert(size > 0, "%s is empty", path);
    rewind(f);
    char *buf = malloc((size_t)size + 1);
    cr_assert_not_null(buf);
    cr_assert_eq(fread(buf, 1, (size_t)size, f), (size_t)size);
    fclose(f);
    buf[size] = '\0';

    struct pk_json_parser ps = { buf, buf + size };
    struct pk_json *root = pk_json_value(&ps, NULL);
    pk_json_ws(&ps);
    cr_assert(ps.p == ps.end, "%s: trailing bytes", path);
    cr_assert_eq(root->type, PK_JSON_OBJECT);
    root->owned = buf;
    return root;
}

static inline struct pk_json *pk_json_get(const struct pk_json *obj, const char *key)
{
    for (struct pk_json *m = obj->child; m != NULL; m = m->next) {
        if (m->key != NULL && strcmp(m->key, key) == 0) {
            return m;
        }
    }
    return NULL;
}

static inline const char *pk_json_str(const struct pk_json *obj, const char *key)
{
    const struct pk_json *v = pk_json_get(obj, key);
    cr_assert(v != NULL && v->type == PK_JSON_STRING, "JSON: no string \"%s\"", key);
    return v->text;
}

static inline long pk_json_int(const struct pk_json *obj, const char *key)
{
    const struct pk_json *v = pk_json_get(obj, key);
    cr_assert(v != NULL && v->type == PK_JSON_NUMBER, "JSON: no number \"%s\"", key);
    return strtol(v->text, NULL, 10);
}

static inline uint8_t *pk_json_hex(const struct pk_json *obj, const char *key, size_t *len)
{
    return pk_hex_alloc(pk_json_str(obj, key), len);
}

static inline bool pk_json_has_flag(const struct pk_json *test, const char *flag)
{
    const struct pk_json *flags = pk_json_get(test, "flags");
    for (const struct pk_json *f = flags != NULL ? flags->child : NULL; f != NULL; f = f->next) {
        if (f->type == PK_JSON_STRING && strcmp(f->text, flag) == 0) {
            return true;
        }
    }
    return false;
}

/* The first child of the array or object at key (NULL if it is empty), to walk with ->next. */
static inline struct pk_json *pk_json_first(const struct pk_json *obj, const char *key)
{
    const struct pk_json *v = pk_json_get(obj, key);
    cr_assert(v != NULL && (v->type == PK_JSON_ARRAY || v->type == PK_JSON_OBJECT), "JSON: no \"%s\"", key);
    return v->child;
}

/* Wycheproof's three verdicts. "acceptable" means either answer is allowed; each test says what it
 * expects. */
enum pk_result {
    PK_VALID,
    PK_INVALID,
    PK_ACCEPTABLE,
};

static inline enum pk_result pk_json_result(const struct pk_json *test)
{
    const char *r = pk_json_str(test, "result");
    if (strcmp(r, "valid") == 0) {
        return PK_VALID;
    }
    if (strcmp(r, "invalid") == 0) {
        return PK_INVALID;
    }
    cr_assert_str_eq(r, "acceptable");
    return PK_ACCEPTABLE;
}

/* The Wycheproof "sha" field as our hash id. */
static inline enum ntls_hash_id pk_hash_id(const char *sha)
{
    if (strcmp(sha, "SHA-1") == 0) {
        return NTLS_HASH_SHA1;
    }
    if (strcmp(sha, "SHA-224") == 0) {
        return NTLS_HASH_SHA224;
    }
    if (strcmp(sha, "SHA-256") == 0) {
        return NTLS_HASH_SHA256;
    }
    if (strcmp(sha, "SHA-384") == 0) {
        return NTLS_HASH_SHA384;
    }
    cr_assert_str_eq(sha, "SHA-512");
    return NTLS_HASH_SHA512;
}

/* Counts what a Wycheproof file made us do, so a test can check it saw every vector (numberOfTests). */
struct pk_tally {
    long total, accepted, rejected;
};

static inline void pk_tally_check(const struct pk_tally *t, const struct pk_json *root)
{
    cr_assert_eq(t->total, pk_json_int(root, "numberOfTests"), "ran %ld of %ld vectors", t->total,
                 pk_json_int(root, "numberOfTests"));
    cr_assert(t->accepted > 0 && t->rejected > 0, "accepted %ld, rejected %ld", t->accepted, t->rejected);
}

#endif
