/* nettls: <openssl/ssl2.h>. SSLv2 is long gone (as in OpenSSL 1.1.0); only its version number remains. */
#ifndef HEADER_SSL2_H
#define HEADER_SSL2_H

#define SSL2_VERSION 0x0002

#define SSL2_MT_CLIENT_HELLO 1

#endif
