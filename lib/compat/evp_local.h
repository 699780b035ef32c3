/* nettls: the EVP_MD object, private to the crypto half (evp_digest.c defines the digests; HMAC and
 * certificate digests read which native hash one stands for). */
#ifndef NTLS_COMPAT_EVP_LOCAL_H
#define NTLS_COMPAT_EVP_LOCAL_H

#include <openssl/evp.h>

#include "crypto/crypto.h"

struct evp_md_st {
    int type; /* NID_* */
    enum ntls_hash_id hash;
    int block_size;
    const char *sn, *ln; /* the names EVP_get_digestbyname() knows it by */
};

#endif
