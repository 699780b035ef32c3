/* nettls: OpenSSL 1.1.0's untyped stack (OPENSSL_sk_*), the array behind every STACK_OF(TYPE).
 *
 * The elements are borrowed pointers: the stack frees only its array, except in OPENSSL_sk_pop_free().
 * Indexes are ints, as in OpenSSL; out-of-range indexes give NULL (or -1/0), never a crash. */
#include <stdlib.h>
#include <string.h>

#include <openssl/stack.h>

struct stack_st {
    int num;
    int cap;
    const void **data;
    OPENSSL_sk_compfunc comp;
};

enum { MIN_CAP = 4 };

OPENSSL_STACK *OPENSSL_sk_new(OPENSSL_sk_compfunc cmp)
{
    OPENSSL_STACK *st = calloc(1, sizeof *st);
    if (st != NULL) {
        st->comp = cmp;
    }
    return st;
}

OPENSSL_STACK *OPENSSL_sk_new_null(void)
{
    return OPENSSL_sk_new(NULL);
}

void OPENSSL_sk_free(OPENSSL_STACK *st)
{
    if (st != NULL) {
        free(st->data);
        free(st);
    }
}

void OPENSSL_sk_pop_free(OPENSSL_STACK *st, void (*func)(void *))
{
    if (st == NULL) {
        return;
    }
    for (int i = 0; i < st->num; i++) {
        if (st->data[i] != NULL && func != NULL) {
            func((void *)st->data[i]);
        }
    }
    OPENSSL_sk_free(st);
}

int OPENSSL_sk_num(const OPENSSL_STACK *st)
{
    return st == NULL ? -1 : st->num;
}

void *OPENSSL_sk_value(const OPENSSL_STACK *st, int i)
{
    if (st == NULL || i < 0 || i >= st->num) {
        return NULL;
    }
    return (void *)st->data[i];
}

void *OPENSSL_sk_set(OPENSSL_STACK *st, int i, const void *data)
{
    if (st == NULL || i < 0 || i >= st->num) {
        return NULL;
    }
    st->data[i] = data;
    return (void *)data;
}

static int grow(OPENSSL_STACK *st)
{
    if (st->num < st->cap) {
        return 1;
    }
    if (st->cap > (int)(0x7fffffff / 2)) {
        return 0;
    }
    int cap = st->cap < MIN_CAP ? MIN_CAP : st->cap * 2;
    const void **p = realloc(st->data, (size_t)cap * sizeof *p);
    if (p == NULL) {
        return 0;
    }
    st->data = p;
    st->cap = cap;
    return 1;
}

/* Returns the new number of elements, or 0 on failure (as 1.1.0). where < 0 or past the end appends. */
int OPENSSL_sk_insert(OPENSSL_STACK *st, const void *data, int where)
{
    if (st == NULL || !grow(st)) {
        return 0;
    }
    if (where < 0 || where > st->num) {
        where = st->num;
    }
    memmove(&st->data[where + 1], &st->data[where], (size_t)(st->num - where) * sizeof st->data[0]);
    st->data[where] = data;
    st->num++;
    return st->num;
}

int OPENSSL_sk_push(OPENSSL_STACK *st, const void *data)
{
    return OPENSSL_sk_insert(st, data, -1);
}

int OPENSSL_sk_unshift(OPENSSL_STACK *st, const void *data)
{
    return OPENSSL_sk_insert(st, data, 0);
}

void *OPENSSL_sk_delete(OPENSSL_STACK *st, int where)
{
    if (st == NULL || where < 0 || where >= st->num) {
        return NULL;
    }
    void *ret = (void *)st->data[where];
    memmove(&st->data[where], &st->data[where + 1], (size_t)(st->num - where - 1) * sizeof st->data[0]);
    st->num--;
    return ret;
}

void *OPENSSL_sk_delete_ptr(OPENSSL_STACK *st, const void *p)
{
    for (int i = 0; st != NULL && i < st->num; i++) {
        if (st->data[i] == p) {
            return OPENSSL_sk_delete(st, i);
        }
    }
    return NULL;
}

int OPENSSL_sk_find(OPENSSL_STACK *st, const void *data)
{
    for (int i = 0; st != NULL && i < st->num; i++) {
        /* OpenSSL's comparison functions take pointers to the elements. */
        if (st->comp != NULL ? st->comp(&st->data[i], &data) == 0 : st->data[i] == data) {
            return i;
        }
    }
    return -1;
}

void *OPENSSL_sk_shift(OPENSSL_STACK *st)
{
    return OPENSSL_sk_delete(st, 0);
}

void *OPENSSL_sk_pop(OPENSSL_STACK *st)
{
    return st == NULL ? NULL : OPENSSL_sk_delete(st, st->num - 1);
}

void OPENSSL_sk_zero(OPENSSL_STACK *st)
{
    if (st != NULL) {
        st->num = 0;
    }
}

OPENSSL_STACK *OPENSSL_sk_dup(const OPENSSL_STACK *st)
{
    if (st == NULL) {
        return NULL;
    }
    OPENSSL_STACK *copy = OPENSSL_sk_new(st->comp);
    if (copy == NULL) {
        return NULL;
    }
    for (int i = 0; i < st->num; i++) {
        if (OPENSSL_sk_push(copy, st->data[i]) == 0) {
            OPENSSL_sk_free(copy);
            return NULL;
        }
    }
    return copy;
}
