/* nettls: <openssl/hmac.h>. HMAC_CTX is opaque; the HMAC functions arrive with the code that exports
 * them. */
#ifndef HEADER_HMAC_H
#define HEADER_HMAC_H

#include <openssl/opensslconf.h>
#include <openssl/evp.h>

#ifdef __cplusplus
extern "C" {
#endif

#define HMAC_MAX_MD_CBLOCK 128 /* largest known is SHA512 */

#ifdef __cplusplus
}
#endif

#endif
