/* nettls: the SSL_CTX and SSL objects, private to the ssl half (methods.c, ssl_*.c, cipher_string.c).
 *
 * An SSL copies its context's settings at SSL_new() and builds the engine's struct ntls_config from them
 * when the handshake starts, so SSL_set_* calls made before then count. Certificates, keys and trust
 * anchors are shared between a context and its connections through small reference-counted holders, so a
 * context may load a new certificate while older connections still use the previous one. Crypto-half
 * objects (BIO, X509, stacks) are used only through their exported OpenSSL functions. */
#ifndef NTLS_COMPAT_SSL_LOCAL_H
#define NTLS_COMPAT_SSL_LOCAL_H

#include <stdatomic.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <openssl/err.h>
#include <openssl/ssl.h>

#include "core/conn.h"
#include "x509/verify.h"

/* OpenSSL's default session timeout, in seconds: tls1_default_timeout() in 1.1.0 and 3.x (two hours; the
 * 300 of SSL_CTX_set_timeout(3) is SSLv3's). */
#define NTLS_COMPAT_SESSION_TIMEOUT 7200
#define NTLS_COMPAT_VERIFY_DEPTH 100

typedef void (*ntls_compat_info_cb)(const SSL *ssl, int type, int val);
typedef void (*ntls_compat_msg_cb)(int write_p, int version, int content_type, const void *buf, size_t len,
                                   SSL *ssl, void *arg);
typedef int (*ntls_compat_servername_cb)(SSL *ssl, int *alert, void *arg);

struct ssl_method_st {
    int version;     /* TLS_ANY_VERSION, or TLS1_VERSION for the TLSv1_* methods */
    bool can_accept; /* false for the *_client_method()s */
    bool can_connect;
};

/* Parsed certificates, shared by reference. certs[0] is the leaf of a chain. */
struct ntls_compat_certs {
    atomic_uint refs;
    size_t n;
    struct ntls_x509_cert *certs[];
};

struct ntls_compat_pkey {
    atomic_uint refs;
    struct ntls_x509_key key;
    EVP_PKEY *owner; /* ssl_client_cert.c: key is a view of owner's (one reference), freed with it */
};

/* A chain and its key. A context keeps one per key type, as OpenSSL's CERT keeps pkeys[] (ssl_cert.c):
 * slots[type - 1] for NTLS_PK_RSA, NTLS_PK_DSA, NTLS_PK_EC. */
struct ntls_compat_slot {
    struct ntls_compat_certs *chain;
    struct ntls_compat_pkey *pkey;
};

/* DH group parameters of SSL_CTX_set_tmp_dh(), shared by reference with connections (ssl_kx.c). */
struct ntls_compat_dh {
    atomic_uint refs;
    struct ntls_x509_dh_params params;
};

/* The settings an SSL inherits from its context, and may then change on its own. */
struct ntls_compat_settings {
    unsigned long options;
    uint32_t mode;
    int min_version, max_version; /* 0: no bound */
    uint16_t suites[NTLS_MAX_SUITES];
    size_t nsuites;
    int verify_mode, verify_depth;
    SSL_verify_cb verify_cb;
    long max_cert_list;
    ntls_compat_info_cb info_cb;
    ntls_compat_msg_cb msg_cb;
    void *msg_arg;
    uint16_t groups[8]; /* SSL_CTX_set1_groups*(), RFC 4492 values; ngroups 0: the engine's default */
    size_t ngroups;
};

/* ex_data slots of an SSL or SSL_CTX (ssl_exdata.c). */
struct ntls_compat_exdata {
    void **slots;
    int n;
};

/* The session cache statistics and callbacks of a context (ssl_sess_cache.c); the counters are indexed by
 * SSL_CTRL_SESS_* - SSL_CTRL_SESS_CONNECT. */
struct ntls_compat_sess_cbs {
    atomic_long stats[SSL_CTRL_SESS_CACHE_FULL - SSL_CTRL_SESS_CONNECT + 1];
    void (*remove_cb)(SSL_CTX *ctx, SSL_SESSION *sess);
    SSL_SESSION *(*get_cb)(SSL *ssl, const unsigned char *id, int len, int *copy);
};

struct ssl_ctx_st {
    atomic_int refs;
    const SSL_METHOD *method;
    struct ntls_compat_settings set;
    STACK_OF(SSL_CIPHER) *cipher_stack;
    struct ntls_compat_certs *chain; /* leaf first; NULL until a certificate is loaded */
    struct ntls_compat_pkey *pkey;
    struct ntls_x509_store *store; /* trust anchors; NULL until something is loaded (nothing trusted) */
    STACK_OF(X509_NAME) *client_ca;
    struct ntls_session_cache *cache;
    long cache_mode;
    long cache_size;
    long timeout;
    uint8_t sid_ctx[NTLS_SID_CTX_MAX];
    size_t sid_ctx_len;
    int (*new_session_cb)(SSL *ssl, SSL_SESSION *sess);
    ntls_compat_servername_cb servername_cb;
    void *servername_arg;
    /* ssl_exdata.c, ssl_sess_cache.c, ssl_use.c */
    struct ntls_compat_exdata exdata;
    struct ntls_compat_sess_cbs sess_cbs;
    pem_password_cb *passwd_cb;
    void *passwd_arg;
    /* ssl_cert.c, ssl_kx.c: one identity per key type (chain and pkey above are the last loaded pair,
     * which SSL_CTX_check_private_key checks); DH parameters (NULL: the engine's ffdhe2048) */
    struct ntls_compat_slot slots[NTLS_MAX_IDENTITIES];
    struct ntls_compat_dh *dh;
    bool dh_auto; /* SSL_CTX_set_dh_auto(): the built-in group even when dh is set */
    X509_VERIFY_PARAM *param; /* ssl_hooks.c: SSL_CTX_get0_param(), made on first use */
    int (*client_cert_cb)(SSL *ssl, X509 **x509, EVP_PKEY **pkey); /* ssl_client_cert.c */
    X509_STORE *x509_store; /* ssl_cert_store.c: SSL_CTX_get_cert_store(); when set, it owns store */
};

struct ssl_st {
    atomic_int refs;
    SSL_CTX *ctx;
    struct ntls_compat_settings set;
    STACK_OF(SSL_CIPHER) *cipher_stack;
    struct ntls_compat_certs *chain; /* references taken at SSL_new() for cfg.identities[0] */
    struct ntls_compat_pkey *pkey;
    struct ntls_config cfg;
    struct ntls_conn *conn; /* made when the handshake starts */
    BIO *rbio, *wbio;
    bool server, role_set;
    int rwstate;  /* SSL_NOTHING, SSL_READING, SSL_WRITING */
    int shutdown; /* SSL_SENT_SHUTDOWN | SSL_RECEIVED_SHUTDOWN set by the application */
    long verify_result;
    bool verify_failed; /* our verify_peer hook failed the handshake */
    char *hostname;     /* client: server_name to send */
    struct ntls_session *offer; /* client: session to resume, until the connection exists */
    X509 *peer_leaf;            /* the peer's certificate, made on first use */
    STACK_OF(X509) *peer_chain; /* as OpenSSL gives it: a server's leaves out the client's leaf */
    struct ntls_cur *ca_names; /* server: the DER names of cfg.ca_names, in one allocation */
    size_t wnum; /* bytes of an interrupted SSL_write() already sealed */
    /* ssl_exdata.c, ssl_strings.c (OSSL_HANDSHAKE_STATE), ssl_sess_cache.c, ssl_use.c */
    struct ntls_compat_exdata exdata;
    int hs_state;
    bool sid_offered, sess_cb_hit;
    X509 *own_leaf; /* SSL_get_certificate(), made on first use */
    /* ssl_cert.c, ssl_kx.c: references for cfg.identities[] and cfg.dh_p/dh_g */
    struct ntls_compat_slot slots[NTLS_MAX_IDENTITIES];
    struct ntls_compat_dh *dh;
    X509_VERIFY_PARAM *param; /* ssl_hooks.c: SSL_get0_param(), made on first use from the context's */
};

/* ---------------------------------------------------------------------------------------------------- */
/* Errors: one ERR_LIB_SSL entry (function code 0, as nettls names no functions). */
void ntls_compat_ssl_error(int reason, const char *file, int line);
#define NTLS_SSLERR(reason) ntls_compat_ssl_error((reason), OPENSSL_FILE, OPENSSL_LINE)

/* Holders (ssl_cert.c) */
/* Takes references to ctx's complete identities into s->slots and lists them in s->cfg.identities[]. */
void ntls_compat_identities_take(SSL *s, SSL_CTX *ctx);
void ntls_compat_slots_release(struct ntls_compat_slot *slots);
/* Key exchange (ssl_kx.c): the SSL_CTX_ctrl()/SSL_ctrl() commands on DH parameters and groups
 * (*handled = false for others; ctx NULL for an SSL's), and the engine's groups and DH group in s->cfg. */
long ntls_compat_kx_ctrl(SSL_CTX *ctx, struct ntls_compat_settings *set, int cmd, long larg, void *parg,
                         bool *handled);
void ntls_compat_kx_config(SSL *s);
void ntls_compat_dh_unref(struct ntls_compat_dh *dh);
struct ntls_compat_certs *ntls_compat_certs_ref(struct ntls_compat_certs *c);
void ntls_compat_certs_unref(struct ntls_compat_certs *c);
struct ntls_compat_pkey *ntls_compat_pkey_ref(struct ntls_compat_pkey *k);
void ntls_compat_pkey_unref(struct ntls_compat_pkey *k);
/* ssl_client_cert.c: installs a key in its type's slot of ctx (ssl_cert.c's rules; takes k), and runs a
 * context loader on a scratch copy of s's identities, then takes the result (ssl_use.c). */
int ntls_compat_ctx_set_pkey(SSL_CTX *ctx, struct ntls_compat_pkey *k);
int ntls_compat_ssl_use(SSL *s, int (*use)(SSL_CTX *ctx, void *obj), void *obj);
/* The engine's on_cert_request hook: SSL_CTX_set_client_cert_cb(3). */
void ntls_compat_on_cert_request(struct ntls_conn *c);

/* Cipher strings (cipher_string.c): parses str over the suites nettls offers into out (preference order).
 * Returns the number of suites, or 0 after queueing the OpenSSL error (no cipher match, invalid command). */
size_t ntls_compat_cipher_list(const char *str, uint16_t out[NTLS_MAX_SUITES]);
/* The SSL_CIPHER of a suite: its table row (SSL_CIPHER is struct ntls_suite under another name). */
const SSL_CIPHER *ntls_compat_cipher(const struct ntls_suite *s);
/* A new stack of the SSL_CIPHERs of a suite list, or NULL. */
STACK_OF(SSL_CIPHER) *ntls_compat_cipher_stack(const uint16_t *suites, size_t n);

/* Protocol versions (ssl_ctx.c): whether TLS 1.0 is left by the method, bounds and options. */
bool ntls_compat_tls10_allowed(const SSL_METHOD *m, const struct ntls_compat_settings *set);
/* The SSL_ctrl()/SSL_CTX_ctrl() commands on settings both objects have; *handled = false for others. */
long ntls_compat_settings_ctrl(const SSL_METHOD *m, struct ntls_compat_settings *set, int cmd, long larg,
                               void *parg, bool *handled);

/* Connections (ssl.c, ssl_hooks.c, ssl_io.c) */
/* Makes s->conn (client or server as s->server says) with s->cfg built from s's settings. 0 on failure,
 * after queueing the error. */
int ntls_compat_conn_make(SSL *s);
void ntls_compat_hooks_install(struct ntls_config *cfg);
/* Sessions are struct ntls_session under OpenSSL's name. */
struct ntls_session *ntls_compat_session(const SSL_SESSION *s);
SSL_SESSION *ntls_compat_ssl_session(struct ntls_session *s);

/* ex_data (ssl_exdata.c): frees the slot array (the values are the application's). */
void ntls_compat_exdata_free(struct ntls_compat_exdata *ex);
/* Handshake state and the info callback's loop events (ssl_strings.c), fed by the message hook. */
void ntls_compat_state_message(SSL *s, bool sent, uint8_t ctype, const uint8_t *data, size_t len);
void ntls_compat_state_done(SSL *s);
/* Session cache statistics and callbacks (ssl_sess_cache.c), fed by the engine hooks. */
void ntls_compat_sess_message(SSL *s, bool sent, uint8_t ctype, const uint8_t *data, size_t len);
void ntls_compat_sess_event(SSL *s, bool done);
void ntls_compat_sess_new(SSL *s, struct ntls_session *sess);
void ntls_compat_sess_removed(SSL_CTX *ctx, struct ntls_session *sess);
long ntls_compat_sess_stat(SSL_CTX *ctx, int cmd);

#endif
