/* nettls: OpenSSL's cipher-string language (ciphers(1), 1.1.0's ssl/ssl_ciph.c) over the suites nettls
 * offers.
 *
 * The list starts with every offered suite, in the table's "ALL" order and none selected. Each item of the
 * string is a rule: "WORD" adds the matching suites not yet selected at the end, "-WORD" unselects them
 * (they may come back later, ahead of the others), "!WORD" removes them for good, "+WORD" moves the
 * selected ones to the end. "A+B" matches what both A and B match. "@STRENGTH" sorts the selected suites
 * by strength; "@SECLEVEL=n" drops, at the end, suites weaker than level n's bits (level 0 keeps all; nettls
 * speaks TLS 1.0 at every level, unlike OpenSSL 3). "DEFAULT" at the very start stands for
 * SSL_DEFAULT_CIPHER_LIST. Items are separated by ':', ',', ';' or spaces; unknown words are ignored;
 * a character that cannot start a word is an error, as is a string that selects nothing. */
#include <stdbool.h>
#include <string.h>

#include <openssl/err.h>
#include <openssl/ssl.h>

#include "ssl_local.h"

/* The suites nettls offers: those whose key exchange the engine implements, without the 56-bit single DES
 * suites, which OpenSSL 1.1.0 removed (its LOW class is empty). */
static bool offered(const struct ntls_suite *s)
{
    return ntls_conn_suite_supported(s) && !(s->flags & NTLS_SUITE_LOW);
}

enum match {
    M_ALL,            /* everything but eNULL */
    M_COMPLEMENT_ALL, /* eNULL */
    M_COMPLEMENT_DEF, /* in ALL but not in DEFAULT */
    M_FLAG,           /* flags & arg */
    M_KX,             /* (1 << kx) & arg */
    M_AUTH,           /* (1 << auth) & arg */
    M_CIPHER,         /* (1 << cipher) & arg */
    M_MAC,            /* (1 << mac) & arg */
    M_NOTHING,        /* known words for suites nettls does not have (aNULL, EXPORT, ...) */
};

enum auth { A_RSA, A_DSS, A_ECDSA };

#define KX(k) (1u << NTLS_KX_##k)
#define CI(c) (1u << NTLS_CIPHER_##c)

struct alias {
    const char *name;
    enum match how;
    unsigned arg;
};

static const struct alias aliases[] = {
    { "ALL", M_ALL, 0 },
    { "COMPLEMENTOFALL", M_COMPLEMENT_ALL, 0 },
    { "COMPLEMENTOFDEFAULT", M_COMPLEMENT_DEF, 0 },
    { "HIGH", M_FLAG, NTLS_SUITE_HIGH },
    { "MEDIUM", M_FLAG, NTLS_SUITE_MEDIUM },
    { "LOW", M_FLAG, NTLS_SUITE_LOW },
    { "kRSA", M_KX, KX(RSA) },
    { "RSA", M_KX, KX(RSA) },
    { "kEDH", M_KX, KX(DHE_RSA) | KX(DHE_DSS) },
    { "kDHE", M_KX, KX(DHE_RSA) | KX(DHE_DSS) },
    { "EDH", M_KX, KX(DHE_RSA) | KX(DHE_DSS) },
    { "DHE", M_KX, KX(DHE_RSA) | KX(DHE_DSS) },
    { "kEECDH", M_KX, KX(ECDHE_RSA) | KX(ECDHE_ECDSA) },
    { "kECDHE", M_KX, KX(ECDHE_RSA) | KX(ECDHE_ECDSA) },
    { "EECDH", M_KX, KX(ECDHE_RSA) | KX(ECDHE_ECDSA) },
    { "ECDHE", M_KX, KX(ECDHE_RSA) | KX(ECDHE_ECDSA) },
    { "TLSv1", M_KX, KX(ECDHE_RSA) | KX(ECDHE_ECDSA) }, /* suites new in TLS 1.0 */
    { "TLSv1.0", M_KX, KX(ECDHE_RSA) | KX(ECDHE_ECDSA) },
    { "SSLv3", M_KX, KX(RSA) | KX(DHE_RSA) | KX(DHE_DSS) },
    { "aRSA", M_AUTH, 1u << A_RSA },
    { "aDSS", M_AUTH, 1u << A_DSS },
    { "DSS", M_AUTH, 1u << A_DSS },
    { "aECDSA", M_AUTH, 1u << A_ECDSA },
    { "ECDSA", M_AUTH, 1u << A_ECDSA },
    { "AES", M_CIPHER, CI(AES128_CBC) | CI(AES256_CBC) },
    { "AES128", M_CIPHER, CI(AES128_CBC) },
    { "AES256", M_CIPHER, CI(AES256_CBC) },
    { "CAMELLIA", M_CIPHER, CI(CAMELLIA128_CBC) | CI(CAMELLIA256_CBC) },
    { "CAMELLIA128", M_CIPHER, CI(CAMELLIA128_CBC) },
    { "CAMELLIA256", M_CIPHER, CI(CAMELLIA256_CBC) },
    { "3DES", M_CIPHER, CI(3DES_EDE_CBC) },
    { "DES", M_CIPHER, CI(DES_CBC) },
    { "RC4", M_CIPHER, CI(RC4_128) },
    { "eNULL", M_CIPHER, CI(NULL) },
    { "NULL", M_CIPHER, CI(NULL) },
    { "SHA", M_MAC, 1u << NTLS_HASH_SHA1 },
    { "SHA1", M_MAC, 1u << NTLS_HASH_SHA1 },
    { "MD5", M_MAC, 1u << NTLS_HASH_MD5 },
    { "aNULL", M_NOTHING, 0 },
    { "ADH", M_NOTHING, 0 },
    { "AECDH", M_NOTHING, 0 },
    { "EXP", M_NOTHING, 0 },
    { "EXPORT", M_NOTHING, 0 },
};

static enum auth auth_of(enum ntls_kx kx)
{
    switch (kx) {
    case NTLS_KX_DHE_DSS:
        return A_DSS;
    case NTLS_KX_ECDHE_ECDSA:
        return A_ECDSA;
    default:
        return A_RSA;
    }
}

static bool alias_matches(const struct alias *a, const struct ntls_suite *s)
{
    bool enull = s->cipher == NTLS_CIPHER_NULL;
    switch (a->how) {
    case M_ALL:
        return !enull;
    case M_COMPLEMENT_ALL:
        return enull;
    case M_COMPLEMENT_DEF:
        return !enull && (s->flags & NTLS_SUITE_NOT_DEFAULT);
    case M_FLAG:
        return (s->flags & a->arg) != 0;
    case M_KX:
        return ((1u << s->kx) & a->arg) != 0;
    case M_AUTH:
        return ((1u << auth_of(s->kx)) & a->arg) != 0;
    case M_CIPHER:
        return ((1u << s->cipher) & a->arg) != 0;
    case M_MAC:
        return ((1u << s->mac) & a->arg) != 0;
    case M_NOTHING:
    default:
        return false;
    }
}

/* One word of a rule: an alias, or one suite by name (exact, case-sensitive). */
struct term {
    const struct alias *alias;
    const struct ntls_suite *suite;
};

enum { MAX_TERMS = 8, WORD_MAX = 64 };

struct rule {
    char op; /* 0 add, '-', '!', '+' */
    struct term terms[MAX_TERMS];
    size_t nterms;
};

static bool rule_matches(const struct rule *r, const struct ntls_suite *s)
{
    for (size_t i = 0; i < r->nterms; i++) {
        const struct term *t = &r->terms[i];
        if (t->suite != NULL ? t->suite != s : !alias_matches(t->alias, s)) {
            return false;
        }
    }
    return true;
}

/* The working list: every offered suite in order, with its state. */
struct item {
    const struct ntls_suite *s;
    bool active;
};

struct list {
    struct item items[NTLS_MAX_SUITES];
    size_t n;
    int sec_level; /* -1: no @SECLEVEL seen */
};

/* Stable partition: the items for which pick() is true go to the front (to_front) or the back. */
static void move(struct list *l, const struct rule *r, bool to_front, bool want_active)
{
    struct item picked[NTLS_MAX_SUITES], rest[NTLS_MAX_SUITES];
    size_t np = 0, nr = 0;
    for (size_t i = 0; i < l->n; i++) {
        struct item it = l->items[i];
        bool hit = it.active == want_active && rule_matches(r, it.s);
        if (hit) {
            picked[np++] = it;
        } else {
            rest[nr++] = it;
        }
    }
    struct item *first = to_front ? picked : rest, *second = to_front ? rest : picked;
    size_t nfirst = to_front ? np : nr, nsecond = to_front ? nr : np;
    memcpy(l->items, first, nfirst * sizeof first[0]);
    memcpy(l->items + nfirst, second, nsecond * sizeof second[0]);
    for (size_t i = 0; i < l->n; i++) {
        if (to_front ? i < np : i >= nr) {
            /* add activates, delete deactivates, order keeps the state */
            l->items[i].active = r->op == 0 ? true : r->op == '-' ? false : l->items[i].active;
        }
    }
}

static void kill_matching(struct list *l, const struct rule *r)
{
    size_t kept = 0;
    for (size_t i = 0; i < l->n; i++) {
        if (!rule_matches(r, l->items[i].s)) {
            l->items[kept++] = l->items[i];
        }
    }
    l->n = kept;
}

static void apply(struct list *l, const struct rule *r)
{
    switch (r->op) {
    case '!':
        kill_matching(l, r);
        break;
    case '-':
        move(l, r, true, true);
        break;
    case '+':
        move(l, r, false, true);
        break;
    default:
        move(l, r, false, false);
        break;
    }
}

/* @STRENGTH: the selected suites, strongest first (stable), after the unselected ones. */
static void sort_strength(struct list *l)
{
    struct item sorted[NTLS_MAX_SUITES];
    size_t n = 0;
    for (size_t i = 0; i < l->n; i++) {
        if (!l->items[i].active) {
            sorted[n++] = l->items[i];
        }
    }
    for (int bits = 256; bits >= 0; bits--) {
        for (size_t i = 0; i < l->n; i++) {
            if (l->items[i].active && l->items[i].s->strength_bits == bits) {
                sorted[n++] = l->items[i];
            }
        }
    }
    memcpy(l->items, sorted, n * sizeof sorted[0]);
    l->n = n;
}

static bool item_sep(char c)
{
    return c == ':' || c == ' ' || c == ';' || c == ',';
}

static bool word_char(char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
           c == '.' || c == '=';
}

static bool find_term(const char *word, struct term *t)
{
    t->alias = NULL;
    t->suite = NULL;
    for (size_t i = 0; i < sizeof aliases / sizeof aliases[0]; i++) {
        if (strcmp(aliases[i].name, word) == 0) {
            t->alias = &aliases[i];
            return true;
        }
    }
    t->suite = ntls_suite_by_name(word);
    return t->suite != NULL;
}

static bool special(struct list *l, const char *word)
{
    if (strcmp(word, "STRENGTH") == 0) {
        sort_strength(l);
        return true;
    }
    if (strncmp(word, "SECLEVEL=", 9) == 0 && word[9] >= '0' && word[9] <= '5' && word[10] == '\0') {
        l->sec_level = word[9] - '0';
        return true;
    }
    return false;
}

/* Reads one word at *p into word; false when there is none (not a word character). */
static bool read_word(const char **p, char word[WORD_MAX])
{
    size_t n = 0;
    while (word_char(**p)) {
        if (n + 1 < WORD_MAX) {
            word[n++] = **p;
        }
        (*p)++;
    }
    word[n] = '\0';
    return n > 0;
}

/* Parses and applies the rules of str. False on an invalid command (already reported). */
static bool process(struct list *l, const char *str)
{
    const char *p = str;
    char word[WORD_MAX];
    while (*p != '\0') {
        if (item_sep(*p)) {
            p++;
            continue;
        }
        struct rule r = { .op = 0 };
        if (*p == '-' || *p == '!' || *p == '+' || *p == '@') {
            r.op = *p++;
        }
        bool found = true;
        for (;;) {
            if (!read_word(&p, word)) {
                NTLS_SSLERR(SSL_R_INVALID_COMMAND);
                return false;
            }
            if (r.op == '@') {
                if (!special(l, word)) {
                    NTLS_SSLERR(SSL_R_INVALID_COMMAND);
                    return false;
                }
                break;
            }
            found = found && r.nterms < MAX_TERMS && find_term(word, &r.terms[r.nterms++]);
            if (*p != '+') {
                break;
            }
            p++; /* "A+B": both */
        }
        if (r.op != '@' && found) {
            apply(l, &r);
            continue;
        }
        while (*p != '\0' && !item_sep(*p)) {
            p++; /* the rest of an item that was not understood, or of a special command */
        }
    }
    return true;
}

static const uint16_t level_bits[] = { 0, 80, 112, 128, 192, 256 };

size_t ntls_compat_cipher_list(const char *str, uint16_t out[NTLS_MAX_SUITES])
{
    struct list l = { .n = 0, .sec_level = -1 };
    size_t count;
    const struct ntls_suite *all = ntls_suite_all(&count);
    for (size_t i = 0; i < count && l.n < NTLS_MAX_SUITES; i++) {
        if (offered(&all[i])) {
            l.items[l.n++] = (struct item){ .s = &all[i], .active = false };
        }
    }
    if (str == NULL) {
        NTLS_SSLERR(SSL_R_NO_CIPHER_MATCH);
        return 0;
    }
    /* 1.1.0 compares the first seven characters only. */
    if (strncmp(str, "DEFAULT", 7) == 0) {
        if (!process(&l, SSL_DEFAULT_CIPHER_LIST)) {
            return 0;
        }
        str += 7;
        str += *str == ':' ? 1 : 0;
    }
    if (!process(&l, str)) {
        return 0;
    }
    uint16_t min_bits = l.sec_level > 0 ? level_bits[l.sec_level] : 0;
    size_t n = 0;
    for (size_t i = 0; i < l.n; i++) {
        if (l.items[i].active && l.items[i].s->strength_bits >= min_bits) {
            out[n++] = l.items[i].s->id;
        }
    }
    if (n == 0) {
        NTLS_SSLERR(SSL_R_NO_CIPHER_MATCH);
    }
    return n;
}
