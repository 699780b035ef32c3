/* nettls: <openssl/symhacks.h>. OpenSSL used this to shorten symbol names for old linkers; nettls needs
 * none, and the header exists because other OpenSSL headers and some programs include it. */
#ifndef HEADER_SYMHACKS_H
#define HEADER_SYMHACKS_H

#include <openssl/e_os2.h>

#endif
