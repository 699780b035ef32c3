/* nettls: <openssl/ecdsa.h>. As in OpenSSL 1.1.0, the ECDSA interface lives in <openssl/ec.h>. */
#ifndef HEADER_ECDSA_H
#define HEADER_ECDSA_H

#include <openssl/ec.h>

#endif
