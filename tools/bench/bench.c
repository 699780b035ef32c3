/* bench-nettls / bench-openssl: one run of every figure, or with --compare the table of two builds.
 *
 *   bench-nettls [sizes]                       one run in this process: "key value" lines
 *   bench-nettls --compare bench-openssl [--baseline nettle_baseline] [--runs R] [sizes]
 *                                              R runs of each build, alternating, and the table of medians
 *   sizes: --mb N (per bulk phase), --full K, --resumed K, --idle M
 *
 * The source uses only the OpenSSL 1.1.0 API, so the same file builds against either library. */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <openssl/crypto.h>
#include <openssl/ssl.h>

#include "bench.h"

static const char usage[] =
    "usage: %s [--mb N] [--full K] [--resumed K] [--idle M]\n"
    "       %s --compare OTHER-BUILD [--baseline NETTLE-BASELINE] [--runs R] [sizes as above]\n";

static int parse_count(const char *s, unsigned *out)
{
    char *end;
    unsigned long v = strtoul(s, &end, 10);

    if (*s == '\0' || *end != '\0' || v == 0 || v > 1000000) {
        return 0;
    }
    *out = (unsigned)v;
    return 1;
}

/* Every option takes a value; returns 0 on anything else. */
static int parse_args(int argc, char **argv, struct bench_cfg *cfg)
{
    for (int i = 1; i < argc; i += 2) {
        const char *opt = argv[i];
        const char *val = i + 1 < argc ? argv[i + 1] : NULL;
        int ok = val != NULL;

        if (ok && strcmp(opt, "--compare") == 0) {
            cfg->compare = val;
        } else if (ok && strcmp(opt, "--baseline") == 0) {
            cfg->baseline = val;
        } else if (ok && strcmp(opt, "--mb") == 0) {
            ok = parse_count(val, &cfg->mb);
        } else if (ok && strcmp(opt, "--full") == 0) {
            ok = parse_count(val, &cfg->full);
        } else if (ok && strcmp(opt, "--resumed") == 0) {
            ok = parse_count(val, &cfg->resumed);
        } else if (ok && strcmp(opt, "--idle") == 0) {
            ok = parse_count(val, &cfg->idle);
        } else if (ok && strcmp(opt, "--runs") == 0) {
            ok = parse_count(val, &cfg->runs);
        } else {
            ok = 0;
        }
        if (!ok) {
            return 0;
        }
    }
    return 1;
}

/* Fresh contexts for each measurement, so one's session cache does not weigh on the next. */
static void run_once(const struct bench_cfg *cfg)
{
    void (*const measure[])(const struct bench_ctxs *, const struct bench_cfg *) = {
        bench_bulk,
        bench_handshakes,
        bench_idle_memory,
    };

    printf("# lib %s\n# version %s\n", bench_lib_name(), OpenSSL_version(OPENSSL_VERSION));
    for (size_t i = 0; i < sizeof measure / sizeof measure[0]; i++) {
        struct bench_ctxs c;

        bench_ctx_init(&c);
        measure[i](&c, cfg);
        bench_ctx_free(&c);
    }
}

int main(int argc, char **argv)
{
    struct bench_cfg cfg = { .mb = 128, .full = 1000, .resumed = 5000, .idle = 200, .runs = 5 };

    if (!parse_args(argc, argv, &cfg)) {
        fprintf(stderr, usage, argv[0], argv[0]);
        return 2;
    }
    if (cfg.compare != NULL) {
        return bench_compare(argv[0], &cfg);
    }
    /* A side's close_notify may meet a peer that has already closed: EPIPE, not a signal. */
    signal(SIGPIPE, SIG_IGN);
    run_once(&cfg);
    return 0;
}
