/* Command-line parsing for nettls-client and nettls-server: one table, flags named as s_client's. */
#include <limits.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli_common.h"

enum cli_kind {
    CLI_FLAG,   /* no argument: sets the int to 1 */
    CLI_STR,    /* one argument kept as a string */
    CLI_INT,    /* one non-negative decimal argument */
};

struct cli_flag {
    const char *name;
    enum cli_kind kind;
    int roles;
    size_t off;             /* where in struct cli_opts the value goes */
    const char *help;
};

#define BOTH (CLI_CLIENT | CLI_SERVER)
#define AT(field) offsetof(struct cli_opts, field)

static const struct cli_flag flags[] = {
    { "-connect", CLI_STR, CLI_CLIENT, AT(connect), "host:port to connect to (default 127.0.0.1:4433)" },
    { "-accept", CLI_STR, CLI_SERVER, AT(accept), "[host:]port to listen on, host 127.0.0.1 unless given; 0 "
                                                  "picks a free port (default 4433)" },
    { "-cert", CLI_STR, BOTH, AT(cert), "certificate chain file, PEM, leaf first" },
    { "-key", CLI_STR, BOTH, AT(key), "private key file, PEM (default: the -cert file)" },
    { "-CAfile", CLI_STR, BOTH, AT(cafile), "trusted certificates, PEM" },
    { "-cipher", CLI_STR, BOTH, AT(cipher), "cipher list, OpenSSL syntax" },
    { "-groups", CLI_STR, BOTH, AT(groups), "ECDHE groups in preference order, e.g. P-256:X25519" },
    { "-curves", CLI_STR, BOTH, AT(groups), "the same as -groups (OpenSSL 1.1.0's name)" },
    { "-dhparam", CLI_STR, CLI_SERVER, AT(dhparam), "DH parameters file, PEM (default: built-in group)" },
    { "-servername", CLI_STR, CLI_CLIENT, AT(servername), "send this name in the server_name extension" },
    { "-sess_in", CLI_STR, CLI_CLIENT, AT(sess_in), "resume the session read from this PEM file" },
    { "-sess_out", CLI_STR, BOTH, AT(sess_out), "write the session to this PEM file after the handshake" },
    { "-verify", CLI_INT, BOTH, AT(verify), "verify the peer's chain to depth N; fail the handshake if bad" },
    { "-Verify", CLI_INT, CLI_SERVER, AT(verify_require), "as -verify, and require a client certificate" },
    { "-tls1", CLI_FLAG, BOTH, AT(tls1), "use TLS 1.0 only" },
    { "-reconnect", CLI_FLAG, CLI_CLIENT, AT(reconnect), "connect again resuming the first session" },
    { "-www", CLI_FLAG, CLI_SERVER, AT(www), "answer an HTTP GET with a status page" },
    { "-naccept", CLI_INT, CLI_SERVER, AT(naccept), "exit after N connections" },
    { "-quiet", CLI_FLAG, BOTH, AT(quiet), "print no connection information" },
    { "-msg", CLI_FLAG, BOTH, AT(msg), "trace handshake messages and alerts" },
};

/* Prints the flags of `role` to out and exits with status: 0 for -help, CLI_EXIT_USAGE for a mistake. */
static void usage(FILE *out, int status, int role, const char *prog)
{
    fprintf(out, "usage: %s [options]\n", prog);
    for (size_t i = 0; i < sizeof flags / sizeof flags[0]; i++) {
        if (flags[i].roles & role) {
            fprintf(out, "  %-12s %s %s\n", flags[i].name, flags[i].kind == CLI_FLAG ? "   " : "arg",
                    flags[i].help);
        }
    }
    fprintf(out, "SSLKEYLOGFILE=file appends the session keys in NSS key log format.\n"
                 "Exit status: 0 ok, 1 failure, 2 usage, 3 -cipher matched no suite.\n");
    exit(status);
}

static const struct cli_flag *lookup(int role, const char *name)
{
    for (size_t i = 0; i < sizeof flags / sizeof flags[0]; i++) {
        if ((flags[i].roles & role) && strcmp(flags[i].name, name) == 0) {
            return &flags[i];
        }
    }
    return NULL;
}

/* Returns the value, or -1 if arg is not a whole non-negative int. */
static int parse_count(const char *arg)
{
    char *end;
    long v = strtol(arg, &end, 10);

    if (*arg == '\0' || *end != '\0' || v < 0 || v > INT_MAX) {
        return -1;
    }
    return (int)v;
}

/* Stores one flag's value; returns how many argv entries it consumed, or 0 on a bad argument. */
static int apply(struct cli_opts *o, const struct cli_flag *f, const char *arg)
{
    char *field = (char *)o + f->off;
    int n;

    switch (f->kind) {
    case CLI_FLAG:
        *(int *)(void *)field = 1;
        return 1;
    case CLI_STR:
        if (arg == NULL) {
            return 0;
        }
        *(const char **)(void *)field = arg;
        return 2;
    case CLI_INT:
        if (arg == NULL || (n = parse_count(arg)) < 0) {
            return 0;
        }
        *(int *)(void *)field = n;
        return 2;
    }
    return 0;
}

void cli_opts_parse(struct cli_opts *o, int role, int argc, char **argv)
{
    memset(o, 0, sizeof *o);
    o->verify = -1;
    o->verify_require = -1;
    for (int i = 1; i < argc;) {
        const struct cli_flag *f = lookup(role, argv[i]);
        int used = f != NULL ? apply(o, f, i + 1 < argc ? argv[i + 1] : NULL) : 0;

        if (used == 0) {
            if (strcmp(argv[i], "-help") == 0) {
                usage(stdout, CLI_EXIT_OK, role, argv[0]);
            }
            fprintf(stderr, "%s: bad or incomplete option '%s'\n", argv[0], argv[i]);
            usage(stderr, CLI_EXIT_USAGE, role, argv[0]);
        }
        i += used;
    }
    if (o->key == NULL) {
        o->key = o->cert;
    }
}
