/* nettls: the SSL_METHODs. Every method speaks TLS 1.0; they differ in which handshakes they allow (a
 * client method cannot accept, a server method cannot connect) and in whether version bounds apply (the
 * fixed-version TLSv1_* methods ignore them, as in 1.1.0). */
#include <openssl/ssl.h>

#include "ssl_local.h"

static const SSL_METHOD tls_any = { TLS_ANY_VERSION, true, true };
static const SSL_METHOD tls_server = { TLS_ANY_VERSION, true, false };
static const SSL_METHOD tls_client = { TLS_ANY_VERSION, false, true };
static const SSL_METHOD tls1_any = { TLS1_VERSION, true, true };
static const SSL_METHOD tls1_server = { TLS1_VERSION, true, false };
static const SSL_METHOD tls1_client = { TLS1_VERSION, false, true };

const SSL_METHOD *TLS_method(void)
{
    return &tls_any;
}

const SSL_METHOD *TLS_server_method(void)
{
    return &tls_server;
}

const SSL_METHOD *TLS_client_method(void)
{
    return &tls_client;
}

const SSL_METHOD *TLSv1_method(void)
{
    return &tls1_any;
}

const SSL_METHOD *TLSv1_server_method(void)
{
    return &tls1_server;
}

const SSL_METHOD *TLSv1_client_method(void)
{
    return &tls1_client;
}
