/* nettls: the per-thread error queue of OpenSSL 1.1.0 (crypto/err/err.c).
 *
 * A ring of ERR_NUM_ERRORS entries: top is the newest, the oldest follows bottom, top == bottom means
 * empty, and a put into a full ring drops the oldest. Getting an error with its data does not free the
 * data at once: the pointer stays valid until the slot is reused or the queue cleared, as OpenSSL
 * promises. Data the queue owns (ERR_TXT_MALLOCED) is freed then, or when the thread exits. */
#include <pthread.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <openssl/err.h>

#include "internal.h"

struct err_entry {
    unsigned long code;
    const char *file;
    int line;
    int flags; /* ERR_FLAG_MARK */
    char *data;
    int data_flags; /* ERR_TXT_* */
};

struct err_state {
    struct err_entry e[ERR_NUM_ERRORS];
    int top, bottom;
    bool exit_hook; /* registered with the thread-exit key */
};

static _Thread_local struct err_state state;

/* Frees owned data when a thread exits. The key is deleted when the library is unloaded, so no thread
 * calls into unmapped code. */
static pthread_once_t key_once = PTHREAD_ONCE_INIT;
static pthread_key_t exit_key;
static bool exit_key_ok;

static void entry_clear_data(struct err_entry *e)
{
    if (e->data != NULL && (e->data_flags & ERR_TXT_MALLOCED) != 0) {
        free(e->data);
    }
    e->data = NULL;
    e->data_flags = 0;
}

static void state_release(void *p)
{
    struct err_state *st = p;
    for (int i = 0; i < ERR_NUM_ERRORS; i++) {
        entry_clear_data(&st->e[i]);
    }
}

static void exit_key_create(void)
{
    exit_key_ok = pthread_key_create(&exit_key, state_release) == 0;
}

__attribute__((destructor)) static void exit_key_delete(void)
{
    if (exit_key_ok) {
        pthread_key_delete(exit_key);
        exit_key_ok = false;
    }
}

/* Called before the queue first owns memory in this thread. */
static void state_hook_exit(struct err_state *st)
{
    if (st->exit_hook) {
        return;
    }
    pthread_once(&key_once, exit_key_create);
    if (exit_key_ok && pthread_setspecific(exit_key, st) == 0) {
        st->exit_hook = true;
    }
}

static int ring_prev(int i)
{
    return (i + ERR_NUM_ERRORS - 1) % ERR_NUM_ERRORS;
}

void ERR_put_error(int lib, int func, int reason, const char *file, int line)
{
    struct err_state *st = &state;
    st->top = (st->top + 1) % ERR_NUM_ERRORS;
    if (st->top == st->bottom) {
        st->bottom = (st->bottom + 1) % ERR_NUM_ERRORS; /* full: drop the oldest */
    }
    struct err_entry *e = &st->e[st->top];
    entry_clear_data(e);
    e->code = ERR_PACK(lib, func, reason);
    e->file = file;
    e->line = line;
    e->flags = 0;
}

void ERR_set_error_data(char *data, int flags)
{
    struct err_state *st = &state;
    if (st->top == st->bottom) {
        /* No error to attach it to; the queue took ownership, so release it. */
        if (data != NULL && (flags & ERR_TXT_MALLOCED) != 0) {
            free(data);
        }
        return;
    }
    struct err_entry *e = &st->e[st->top];
    entry_clear_data(e);
    if (data != NULL && (flags & ERR_TXT_MALLOCED) != 0) {
        state_hook_exit(st);
    }
    e->data = data;
    e->data_flags = flags;
}

void ERR_add_error_vdata(int num, va_list args)
{
    size_t len = 0, cap = 80;
    char *s = malloc(cap + 1);
    if (s == NULL) {
        return;
    }
    s[0] = '\0';
    for (int i = 0; i < num; i++) {
        const char *a = va_arg(args, const char *);
        if (a == NULL) {
            continue;
        }
        size_t n = strlen(a);
        if (len + n > cap) {
            size_t want = len + n + 20;
            char *bigger = realloc(s, want + 1);
            if (bigger == NULL) {
                free(s);
                return;
            }
            s = bigger;
            cap = want;
        }
        memcpy(s + len, a, n + 1);
        len += n;
    }
    ERR_set_error_data(s, ERR_TXT_MALLOCED | ERR_TXT_STRING);
}

void ERR_add_error_data(int num, ...)
{
    va_list args;
    va_start(args, num);
    ERR_add_error_vdata(num, args);
    va_end(args);
}

/* The shared body of the get and peek functions: the oldest (top false) or newest (top true) entry,
 * removed from the queue when inc. Semantics of OpenSSL 1.1.0's get_error_values(). */
static unsigned long get_error_values(bool inc, bool top, const char **file, int *line, const char **data,
                                      int *flags)
{
    struct err_state *st = &state;
    if (st->bottom == st->top) {
        return 0;
    }
    int i = top ? st->top : (st->bottom + 1) % ERR_NUM_ERRORS;
    struct err_entry *e = &st->e[i];
    unsigned long code = e->code;
    if (inc) {
        st->bottom = i;
        e->code = 0;
    }
    if (file != NULL && line != NULL) {
        *file = e->file != NULL ? e->file : "NA";
        *line = e->file != NULL ? e->line : 0;
    }
    if (data == NULL) {
        if (inc) {
            entry_clear_data(e);
        }
    } else {
        *data = e->data != NULL ? e->data : "";
        if (flags != NULL) {
            *flags = e->data != NULL ? e->data_flags : 0;
        }
    }
    return code;
}

unsigned long ERR_get_error(void)
{
    return get_error_values(true, false, NULL, NULL, NULL, NULL);
}

unsigned long ERR_get_error_line(const char **file, int *line)
{
    return get_error_values(true, false, file, line, NULL, NULL);
}

unsigned long ERR_get_error_line_data(const char **file, int *line, const char **data, int *flags)
{
    return get_error_values(true, false, file, line, data, flags);
}

unsigned long ERR_peek_error(void)
{
    return get_error_values(false, false, NULL, NULL, NULL, NULL);
}

unsigned long ERR_peek_error_line(const char **file, int *line)
{
    return get_error_values(false, false, file, line, NULL, NULL);
}

unsigned long ERR_peek_error_line_data(const char **file, int *line, const char **data, int *flags)
{
    return get_error_values(false, false, file, line, data, flags);
}

unsigned long ERR_peek_last_error(void)
{
    return get_error_values(false, true, NULL, NULL, NULL, NULL);
}

unsigned long ERR_peek_last_error_line(const char **file, int *line)
{
    return get_error_values(false, true, file, line, NULL, NULL);
}

unsigned long ERR_peek_last_error_line_data(const char **file, int *line, const char **data, int *flags)
{
    return get_error_values(false, true, file, line, data, flags);
}

void ERR_clear_error(void)
{
    struct err_state *st = &state;
    for (int i = 0; i < ERR_NUM_ERRORS; i++) {
        entry_clear_data(&st->e[i]);
        st->e[i].code = 0;
        st->e[i].file = NULL;
        st->e[i].line = 0;
        st->e[i].flags = 0;
    }
    st->top = st->bottom = 0;
}

int ERR_set_mark(void)
{
    struct err_state *st = &state;
    if (st->bottom == st->top) {
        return 0;
    }
    st->e[st->top].flags |= ERR_FLAG_MARK;
    return 1;
}

int ERR_pop_to_mark(void)
{
    struct err_state *st = &state;
    while (st->bottom != st->top && (st->e[st->top].flags & ERR_FLAG_MARK) == 0) {
        struct err_entry *e = &st->e[st->top];
        entry_clear_data(e);
        e->code = 0;
        e->flags = 0;
        st->top = ring_prev(st->top);
    }
    if (st->bottom == st->top) {
        return 0;
    }
    st->e[st->top].flags &= ~ERR_FLAG_MARK;
    return 1;
}

void ERR_remove_thread_state(void *unused)
{
    (void)unused;
}

void ERR_remove_state(unsigned long pid)
{
    (void)pid;
}
