/* nettls: the BIO object and its method table, private to the crypto half (bio*.c).
 *
 * The ssl half reaches BIOs only through the exported BIO_* functions. */
#ifndef NTLS_COMPAT_BIO_LOCAL_H
#define NTLS_COMPAT_BIO_LOCAL_H

#include <stdatomic.h>

#include <openssl/bio.h>

struct bio_method_st {
    int type;
    const char *name;
    int (*bwrite)(BIO *b, const char *data, int len);
    int (*bread)(BIO *b, char *data, int len);
    int (*bputs)(BIO *b, const char *str);
    int (*bgets)(BIO *b, char *buf, int size);
    long (*ctrl)(BIO *b, int cmd, long larg, void *parg);
    int (*create)(BIO *b);
    int (*destroy)(BIO *b);
};

struct bio_st {
    const BIO_METHOD *method;
    int flags;    /* BIO_FLAGS_*: retry state */
    int init;     /* the descriptor, file or buffer is set */
    int shutdown; /* BIO_CLOSE: close the descriptor or file when freed */
    int num;      /* socket or fd BIOs: the descriptor */
    void *ptr;    /* file BIO: the FILE; memory BIO: its buffer */
    atomic_int refs;
    BIO_callback_fn callback; /* BIO_set_callback (bio_cb.c) */
    char *cb_arg;
    uint64_t num_read, num_write; /* bytes the method moved (BIO_number_read, bio_count.c) */
};

/* The BIO_set_callback hooks around each operation (bio_cb.c, man BIO_set_callback): before returns 1 to
 * go on, or 0 with *ret set to what the operation must return; after returns the operation's result as
 * the callback rewrote it. Both do nothing for a BIO without a callback. */
int ntls_bio_cb_before(BIO *b, int oper, const void *argp, int argi, long argl, long *ret);
long ntls_bio_cb_after(BIO *b, int oper, const void *argp, int argi, long argl, long ret);

/* Shared by the descriptor BIOs for BIO_CTRL_GET_CLOSE/SET_CLOSE and friends; 0 for other commands. */
long ntls_bio_common_ctrl(BIO *b, int cmd, long larg, void *parg, int *handled);

/* Adds what a read or write method returned to a BIO_number_read/written counter (bio_count.c); errors and
 * retries (ret <= 0) count nothing, as in OpenSSL 1.1.0's bio_lib.c
 * (where BIO_gets counts nothing). */
void ntls_bio_count(uint64_t *counter, long ret);

#endif
