/* Verification parameters (verify.h): OpenSSL's X509_VERIFY_PARAM setters (crypto/x509/x509_vpm.c),
 * with the same rules for names given with or without lengths. */
#include "verify_internal.h"

#include <string.h>

#include "../base/mem.h"

void ntls_x509_vparams_init(struct ntls_x509_vparams *p)
{
    memset(p, 0, sizeof *p);
    p->depth = -1;
    p->auth_level = -1;
    p->purpose = NTLS_X509_PURPOSE_NONE;
    p->trust = NTLS_X509_TRUST_DEFAULT;
}

static void hosts_free(struct ntls_x509_vparams *p)
{
    for (size_t i = 0; i < p->host_count; i++) {
        ntls_free(p->hosts[i]);
    }
    ntls_free(p->hosts);
    p->hosts = NULL;
    p->host_count = 0;
}

void ntls_x509_vparams_free(struct ntls_x509_vparams *p)
{
    hosts_free(p);
    ntls_free(p->email);
    ntls_x509_vparams_init(p);
}

/* A NUL-terminated copy of n bytes. */
static char *dup_text(const char *s, size_t n)
{
    char *c = ntls_calloc(n + 1, 1);
    if (c != NULL && n > 0) {
        memcpy(c, s, n);
    }
    return c;
}

ntls_result ntls_x509_vparams_copy(struct ntls_x509_vparams *dst, const struct ntls_x509_vparams *src)
{
    struct ntls_x509_vparams tmp = *src;
    tmp.hosts = NULL;
    tmp.host_count = 0;
    tmp.email = NULL;
    ntls_result r = ntls_ok();
    for (size_t i = 0; i < src->host_count && ntls_is_ok(r); i++) {
        r = ntls_x509_vparams_add_host(&tmp, src->hosts[i], strlen(src->hosts[i]));
    }
    if (ntls_is_ok(r) && src->email != NULL) {
        tmp.email = dup_text(src->email, src->email_len);
        r = tmp.email != NULL ? ntls_ok() : ntls_error(NTLS_E_NOMEM);
    }
    if (!ntls_is_ok(r)) {
        ntls_x509_vparams_free(&tmp);
        return r;
    }
    ntls_x509_vparams_free(dst);
    *dst = tmp;
    return ntls_ok();
}

void ntls_x509_vparams_set_time(struct ntls_x509_vparams *p, int64_t t)
{
    p->check_time = t;
    p->flags |= NTLS_X509_V_FLAG_USE_CHECK_TIME;
}

ntls_result ntls_x509_vparams_set_purpose(struct ntls_x509_vparams *p, int purpose)
{
    switch (purpose) {
    case NTLS_X509_PURPOSE_NONE:
    case NTLS_X509_PURPOSE_SSL_CLIENT:
    case NTLS_X509_PURPOSE_SSL_SERVER:
    case NTLS_X509_PURPOSE_NS_SSL_SERVER:
    case NTLS_X509_PURPOSE_ANY:
        p->purpose = purpose;
        return ntls_ok();
    default:
        return ntls_error(NTLS_E_USAGE);
    }
}

/* int_x509_param_set_hosts: NUL only as the last byte; set clears the list first; an empty name adds
 * nothing. */
static ntls_result set_hosts(struct ntls_x509_vparams *p, bool replace, const char *name, size_t len)
{
    if (name != NULL && len == 0) {
        len = strlen(name);
    } else if (name != NULL && memchr(name, '\0', len > 1 ? len - 1 : len) != NULL) {
        return ntls_error(NTLS_E_USAGE);
    }
    if (name != NULL && len > 0 && name[len - 1] == '\0') {
        len--;
    }
    if (replace) {
        hosts_free(p);
    }
    if (name == NULL || len == 0) {
        return ntls_ok();
    }
    char *copy = dup_text(name, len);
    char **grown = copy != NULL ? ntls_realloc(p->hosts, (p->host_count + 1) * sizeof *grown) : NULL;
    if (grown == NULL) {
        ntls_free(copy);
        return ntls_error(NTLS_E_NOMEM);
    }
    p->hosts = grown;
    p->hosts[p->host_count++] = copy;
    return ntls_ok();
}

ntls_result ntls_x509_vparams_set_host(struct ntls_x509_vparams *p, const char *name, size_t len)
{
    return set_hosts(p, true, name, len);
}

ntls_result ntls_x509_vparams_add_host(struct ntls_x509_vparams *p, const char *name, size_t len)
{
    return set_hosts(p, false, name, len);
}

ntls_result ntls_x509_vparams_set_email(struct ntls_x509_vparams *p, const char *email, size_t len)
{
    char *copy = NULL;
    if (email != NULL) {
        len = len == 0 ? strlen(email) : len;
        copy = dup_text(email, len);
        NTLS_ENSURE(copy != NULL, NTLS_E_NOMEM);
    }
    ntls_free(p->email);
    p->email = copy;
    p->email_len = copy != NULL ? len : 0;
    return ntls_ok();
}

ntls_result ntls_x509_vparams_set_ip(struct ntls_x509_vparams *p, const uint8_t *ip, size_t len)
{
    NTLS_ENSURE(len == 0 || len == 4 || len == 16, NTLS_E_USAGE);
    if (len > 0) {
        memcpy(p->ip, ip, len);
    }
    p->ip_len = len;
    return ntls_ok();
}

ntls_result ntls_x509_vparams_set_ip_asc(struct ntls_x509_vparams *p, const char *text)
{
    uint8_t ip[16];
    size_t len = ntls_x509_parse_ip(text, ip);
    NTLS_ENSURE(len != 0, NTLS_E_USAGE);
    return ntls_x509_vparams_set_ip(p, ip, len);
}
