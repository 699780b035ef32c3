/* nettls: <openssl/ecdh.h>. As in OpenSSL 1.1.0, the ECDH interface lives in <openssl/ec.h>. */
#ifndef HEADER_ECDH_H
#define HEADER_ECDH_H

#include <openssl/ec.h>

#endif
