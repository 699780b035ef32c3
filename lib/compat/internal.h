/* nettls: declarations private to lib/compat, the layer that gives the native code OpenSSL's names and
 * semantics.
 *
 * The compat objects are linked into the two shipped libraries; only the names listed in libcrypto.map
 * and libssl.map leave them. Everything declared here stays inside. */
#ifndef NTLS_COMPAT_INTERNAL_H
#define NTLS_COMPAT_INTERNAL_H

#include "base/err.h"

/* ---------------------------------------------------------------------------------------------------- */
/* Error strings and the native-error table (err_reasons.c). This file is linked into both halves: the
 * crypto half answers ERR_*_error_string() from it, the ssl half maps engine errors with it. */

/* "SSL routines" for ERR_LIB_SSL, ...; NULL for a library without a name. */
const char *ntls_compat_lib_string(int lib);
/* The name of a function code, NULL when unknown (most codes: nettls names few functions). */
const char *ntls_compat_func_string(int lib, int func);
/* The text of a reason: lib's own table first, then the reasons common to every library (ERR_R_*);
 * system errors (ERR_LIB_SYS) read as strerror() does. NULL when unknown. */
const char *ntls_compat_reason_string(int lib, int reason);

/* The ERR_LIB_SSL (or common ERR_R_*) reason under which a failure of the native engine is reported.
 * 0 for the transient codes (want read/write, closed) and for NTLS_E_PEER_ALERT, which is reported as
 * SSL_AD_REASON_OFFSET + the alert the peer sent (ntls_compat_alert_reason). */
int ntls_compat_ssl_reason(enum ntls_err err);
int ntls_compat_alert_reason(int alert);

#endif
