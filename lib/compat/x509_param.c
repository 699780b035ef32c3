/* nettls: X509_VERIFY_PARAM over the native verification parameters (lib/x509/verify.h), whose flags,
 * purposes and host flags already carry OpenSSL's numbers. man X509_VERIFY_PARAM_set_flags. */
#include <stdlib.h>

#include <openssl/err.h>
#include <openssl/x509_vfy.h>

#include "x509_local.h"

int ntls_compat_verr_to_api(int native)
{
    return native == NTLS_X509_V_ERR_INVALID_CA ? X509_V_ERR_INVALID_CA : native;
}

int ntls_compat_verr_from_api(int api)
{
    return api == X509_V_ERR_INVALID_CA ? NTLS_X509_V_ERR_INVALID_CA : api;
}

X509_VERIFY_PARAM *X509_VERIFY_PARAM_new(void)
{
    X509_VERIFY_PARAM *param = calloc(1, sizeof *param);
    if (param == NULL) {
        X509err(0, ERR_R_MALLOC_FAILURE);
        return NULL;
    }
    ntls_x509_vparams_init(&param->p);
    return param;
}

void X509_VERIFY_PARAM_free(X509_VERIFY_PARAM *param)
{
    if (param != NULL) {
        ntls_x509_vparams_free(&param->p);
        free(param);
    }
}

/* 1.1.0 copies every field of from into to (X509_VERIFY_PARAM_set1). */
int X509_VERIFY_PARAM_set1(X509_VERIFY_PARAM *to, const X509_VERIFY_PARAM *from)
{
    if (to == NULL || from == NULL) {
        return 0;
    }
    if (!ntls_is_ok(ntls_x509_vparams_copy(&to->p, &from->p))) {
        X509err(0, ERR_R_MALLOC_FAILURE);
        return 0;
    }
    return 1;
}

int X509_VERIFY_PARAM_set_flags(X509_VERIFY_PARAM *param, unsigned long flags)
{
    param->p.flags |= (uint32_t)flags;
    return 1;
}

int X509_VERIFY_PARAM_clear_flags(X509_VERIFY_PARAM *param, unsigned long flags)
{
    param->p.flags &= ~(uint32_t)flags;
    return 1;
}

unsigned long X509_VERIFY_PARAM_get_flags(X509_VERIFY_PARAM *param)
{
    return param->p.flags;
}

/* Only the purposes nettls implements; others are refused, as OpenSSL refuses an unknown id. */
int X509_VERIFY_PARAM_set_purpose(X509_VERIFY_PARAM *param, int purpose)
{
    if (!ntls_is_ok(ntls_x509_vparams_set_purpose(&param->p, purpose))) {
        X509err(0, X509_R_UNKNOWN_PURPOSE_ID);
        return 0;
    }
    return 1;
}

int X509_VERIFY_PARAM_set_trust(X509_VERIFY_PARAM *param, int trust)
{
    if (trust < X509_TRUST_DEFAULT || trust > X509_TRUST_EMAIL) {
        X509err(0, X509_R_UNKNOWN_TRUST_ID);
        return 0;
    }
    param->p.trust = trust;
    return 1;
}

void X509_VERIFY_PARAM_set_depth(X509_VERIFY_PARAM *param, int depth)
{
    param->p.depth = depth;
}

int X509_VERIFY_PARAM_get_depth(const X509_VERIFY_PARAM *param)
{
    return param->p.depth;
}

void X509_VERIFY_PARAM_set_time(X509_VERIFY_PARAM *param, time_t t)
{
    ntls_x509_vparams_set_time(&param->p, (int64_t)t);
}

/* namelen 0 means strlen(name); NULL or "" clears the list (man X509_VERIFY_PARAM_set1_host). */
int X509_VERIFY_PARAM_set1_host(X509_VERIFY_PARAM *param, const char *name, size_t namelen)
{
    return ntls_is_ok(ntls_x509_vparams_set_host(&param->p, name, namelen)) ? 1 : 0;
}

int X509_VERIFY_PARAM_add1_host(X509_VERIFY_PARAM *param, const char *name, size_t namelen)
{
    if (name == NULL) {
        return 1;
    }
    return ntls_is_ok(ntls_x509_vparams_add_host(&param->p, name, namelen)) ? 1 : 0;
}

void X509_VERIFY_PARAM_set_hostflags(X509_VERIFY_PARAM *param, unsigned int flags)
{
    param->p.hostflags = flags;
}

int X509_VERIFY_PARAM_set1_email(X509_VERIFY_PARAM *param, const char *email, size_t emaillen)
{
    return ntls_is_ok(ntls_x509_vparams_set_email(&param->p, email, emaillen)) ? 1 : 0;
}

int X509_VERIFY_PARAM_set1_ip(X509_VERIFY_PARAM *param, const unsigned char *ip, size_t iplen)
{
    return ntls_is_ok(ntls_x509_vparams_set_ip(&param->p, ip, iplen)) ? 1 : 0;
}

int X509_VERIFY_PARAM_set1_ip_asc(X509_VERIFY_PARAM *param, const char *ipasc)
{
    return ipasc != NULL && ntls_is_ok(ntls_x509_vparams_set_ip_asc(&param->p, ipasc)) ? 1 : 0;
}
