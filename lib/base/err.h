/* nettls: the one error type of the native layers.
 *
 * Every function below lib/compat that can fail returns an ntls_result. Parsers and handlers only return
 * errors; the engine's entry points decide what to do with them (alert, close), so an error code must say
 * whose fault it was: the ranges are classes (transient, the peer's, ours). */
#ifndef NTLS_BASE_ERR_H
#define NTLS_BASE_ERR_H

enum ntls_err {
    NTLS_E_OK = 0,
    /* transient: never fatal, never an alert */
    NTLS_E_WANT_READ,
    NTLS_E_WANT_WRITE,
    NTLS_E_CLOSED,

    /* the peer's fault: each maps to one alert in lib/core/alert.c */
    NTLS_E_DECODE = 0x100,
    NTLS_E_UNEXPECTED_MESSAGE,
    NTLS_E_BAD_RECORD_MAC,
    NTLS_E_RECORD_OVERFLOW,
    NTLS_E_HANDSHAKE_FAILURE,
    NTLS_E_ILLEGAL_PARAMETER,
    NTLS_E_PROTOCOL_VERSION,
    NTLS_E_DECRYPT_ERROR,
    NTLS_E_INSUFFICIENT_SECURITY,
    NTLS_E_BAD_CERTIFICATE,
    NTLS_E_UNSUPPORTED_CERTIFICATE,
    NTLS_E_CERT_EXPIRED,
    NTLS_E_UNKNOWN_CA,
    NTLS_E_CERT_UNKNOWN,
    NTLS_E_ACCESS_DENIED,
    NTLS_E_NO_RENEGOTIATION,
    NTLS_E_UNRECOGNIZED_NAME, /* RFC 4366 3.1: the server refuses the server_name */
    NTLS_E_PEER_ALERT, /* the peer sent a fatal alert */

    /* ours */
    NTLS_E_INTERNAL = 0x200,
    NTLS_E_NOMEM,
    NTLS_E_USAGE,
    NTLS_E_CRYPTO, /* a primitive failed (bad key, RNG failure) */
    NTLS_E_SEQ_OVERFLOW,
};

/* A newtype, so a forgotten check is a compiler warning, not a silent success (s2n's S2N_RESULT). */
typedef struct {
    enum ntls_err err;
} ntls_result;

#if defined(__GNUC__)
#define NTLS_MUST_CHECK __attribute__((warn_unused_result))
#else
#define NTLS_MUST_CHECK
#endif

static inline ntls_result ntls_ok(void)
{
    return (ntls_result){ NTLS_E_OK };
}

static inline int ntls_is_ok(ntls_result r)
{
    return r.err == NTLS_E_OK;
}

/* Builds a failing result and remembers where it was made (the last site per thread), so a test or a
 * debugger can ask which line first said no. */
ntls_result ntls_error_at(enum ntls_err err, const char *func, int line);
#define ntls_error(e) ntls_error_at((e), __func__, __LINE__)

/* Where the calling thread last built an error with ntls_error(); "" and 0 if it never did. */
const char *ntls_error_last_func(void);
int ntls_error_last_line(void);

/* A stable lower-case name ("decode", "bad_record_mac") for logs and tests. */
const char *ntls_err_name(enum ntls_err err);

#define NTLS_TRY(x)                                                                                          \
    do {                                                                                                     \
        ntls_result ntls_r_ = (x);                                                                           \
        if (ntls_r_.err != NTLS_E_OK) {                                                                      \
            return ntls_r_;                                                                                  \
        }                                                                                                    \
    } while (0)

#define NTLS_ENSURE(cond, e)                                                                                 \
    do {                                                                                                     \
        if (!(cond)) {                                                                                       \
            return ntls_error(e);                                                                            \
        }                                                                                                    \
    } while (0)

#endif
