/* --compare: R runs of each build as child processes, alternating A B A B ..., and the table of medians.
 *
 * Alternating spreads drifts of the machine (frequency, other load) over both builds instead of charging
 * them to whichever ran second; each run is its own process, so neither build sees the other's heap or
 * caches. A nettle_baseline run, if given, follows each pair. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "bench.h"

#define MAX_RUNS 99
#define OUT_CAP 8192

enum target_kind {
    T_NONE,
    T_RATIO_MIN,  /* nettls / OpenSSL >= bound */
    T_NETTLE_MIN, /* nettls >= bound * the Nettle baseline row `ref` */
    T_VALUE_MAX,  /* nettls <= bound */
};

struct target {
    enum target_kind kind;
    double bound;
    int ref;
    const char *text;
};

struct figure {
    const char *key;
    const char *label;
    const char *unit;
    int decimals;
    struct target t[2];
};

enum { ROW_NETTLE_SEAL = 10, ROW_NETTLE_OPEN = 11, ROW_COUNT = 12 };

/* The project's targets, measured against the system OpenSSL on the same machine in the same run. */
static const struct figure rows[ROW_COUNT] = {
    { "bulk16k_send", "bulk 16 KiB writes, sender", "MB/cpu-s", 1,
      { { T_NETTLE_MIN, 0.95, ROW_NETTLE_SEAL, ">= 95% of Nettle seal" } } },
    { "bulk16k_recv", "bulk 16 KiB writes, receiver", "MB/cpu-s", 1,
      { { T_RATIO_MIN, 1.3, 0, ">= 1.3x OpenSSL" },
        { T_NETTLE_MIN, 0.95, ROW_NETTLE_OPEN, ">= 95% of Nettle open" } } },
    { "bulk1k_send", "bulk 1 KiB writes, sender", "MB/cpu-s", 1, { { T_NONE, 0, 0, NULL } } },
    { "bulk1k_recv", "bulk 1 KiB writes, receiver", "MB/cpu-s", 1,
      { { T_RATIO_MIN, 2.0, 0, ">= 2x OpenSSL" } } },
    { "hs_full_client", "full handshakes, client", "hs/cpu-s", 0, { { T_NONE, 0, 0, NULL } } },
    { "hs_full_server", "full handshakes, server", "hs/cpu-s", 0, { { T_NONE, 0, 0, NULL } } },
    /* "<= 0.4x OpenSSL's CPU" per handshake is >= 2.5x OpenSSL's handshakes per CPU-second. */
    { "hs_resumed_client", "resumed handshakes, client", "hs/cpu-s", 0,
      { { T_RATIO_MIN, 2.5, 0, "CPU <= 0.4x OpenSSL" } } },
    { "hs_resumed_server", "resumed handshakes, server", "hs/cpu-s", 0,
      { { T_RATIO_MIN, 2.5, 0, "CPU <= 0.4x OpenSSL" } } },
    { "idle_client", "idle connection heap, client", "bytes", 0,
      { { T_VALUE_MAX, 8192, 0, "<= 8 KiB" } } },
    { "idle_server", "idle connection heap, server", "bytes", 0,
      { { T_VALUE_MAX, 8192, 0, "<= 8 KiB" } } },
    /* From nettle_baseline, not from the builds. */
    { "nettle_seal", "Nettle seal (MAC, encrypt)", "MB/cpu-s", 1, { { T_NONE, 0, 0, NULL } } },
    { "nettle_open", "Nettle open (decrypt, MAC)", "MB/cpu-s", 1, { { T_NONE, 0, 0, NULL } } },
};

struct build {
    const char *path;
    char lib[32];
    char version[128];
    double v[ROW_COUNT][MAX_RUNS];
    unsigned n[ROW_COUNT];
};

/* Runs argv[0] with its stdout in `out`; 0 unless it exits with status 0. */
static int run_child(char *const argv[], char *out, size_t cap)
{
    int pfd[2];
    size_t len = 0;
    ssize_t r;
    int status;
    pid_t pid;

    if (pipe(pfd) != 0 || (pid = fork()) < 0) {
        return 0;
    }
    if (pid == 0) {
        dup2(pfd[1], STDOUT_FILENO);
        close(pfd[0]);
        close(pfd[1]);
        execv(argv[0], argv);
        perror(argv[0]);
        _exit(127);
    }
    close(pfd[1]);
    while ((r = read(pfd[0], out + len, cap - 1 - len)) > 0) {
        len += (size_t)r;
    }
    out[len] = '\0';
    close(pfd[0]);
    return waitpid(pid, &status, 0) == pid && WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

static void copy_meta(char *dst, size_t cap, const char *src)
{
    size_t n = strcspn(src, "\n");

    n = n < cap - 1 ? n : cap - 1;
    memcpy(dst, src, n);
    dst[n] = '\0';
}

/* Lines are "key value" or "# lib NAME" / "# version TEXT"; unknown keys are ignored. */
static void parse_run(struct build *b, const char *out)
{
    for (const char *line = out; *line != '\0';) {
        size_t len = strcspn(line, "\n");
        char key[32];
        double value;

        if (strncmp(line, "# lib ", 6) == 0) {
            copy_meta(b->lib, sizeof b->lib, line + 6);
        } else if (strncmp(line, "# version ", 10) == 0) {
            copy_meta(b->version, sizeof b->version, line + 10);
        } else if (sscanf(line, "%31s %lf", key, &value) == 2) {
            for (int i = 0; i < ROW_COUNT; i++) {
                if (rows[i].key != NULL && strcmp(rows[i].key, key) == 0 && b->n[i] < MAX_RUNS) {
                    b->v[i][b->n[i]++] = value;
                }
            }
        }
        line += len + (line[len] != '\0');
    }
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;

    return (x > y) - (x < y);
}

/* The median of a row's runs; 0 when the build did not report it. */
static double median(const struct build *b, int row)
{
    double v[MAX_RUNS];
    unsigned n = b->n[row];

    if (n == 0) {
        return 0;
    }
    memcpy(v, b->v[row], n * sizeof v[0]);
    qsort(v, n, sizeof v[0], cmp_double);
    return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

/* "met" or "NOT met" after the target's text; empty when there is none. */
static void target_text(char *buf, size_t cap, const struct target *t, double a, double ratio,
                       const struct build *base)
{
    int met;
    double ref = 0;

    switch (t->kind) {
    case T_RATIO_MIN:
        met = ratio >= t->bound;
        break;
    case T_NETTLE_MIN:
        ref = base != NULL ? median(base, t->ref) : 0;
        if (ref == 0) {
            snprintf(buf, cap, "%s: no baseline", t->text);
            return;
        }
        met = a >= t->bound * ref;
        break;
    case T_VALUE_MAX:
        met = a <= t->bound;
        break;
    default:
        buf[0] = '\0';
        return;
    }
    if (ref != 0) {
        snprintf(buf, cap, "%s (%.0f%%): %s", t->text, 100 * a / ref, met ? "met" : "NOT met");
    } else {
        snprintf(buf, cap, "%s: %s", t->text, met ? "met" : "NOT met");
    }
}

static void print_row(int row, const struct build *a, const struct build *b, const struct build *base,
                      int targets)
{
    const struct figure *f = &rows[row];
    double va = median(a, row), vb = median(b, row);
    double ratio = vb != 0 ? va / vb : 0;
    char tt[2][96] = { "", "" };

    for (int i = 0; targets && i < 2; i++) {
        target_text(tt[i], sizeof tt[i], &f->t[i], va, ratio, base);
    }
    printf("%-30s %-9s %10.*f %10.*f %6.2fx%s%s%s%s\n", f->label, f->unit, f->decimals, va, f->decimals, vb,
           ratio, tt[0][0] != '\0' ? "  " : "", tt[0], tt[1][0] != '\0' ? "; " : "", tt[1]);
}

static void print_table(const struct build *a, const struct build *b, const struct build *base, unsigned runs)
{
    /* The targets speak of nettls against OpenSSL; for other pairs the table is only a comparison. */
    int targets = strcmp(a->lib, "nettls") == 0 && strcmp(b->lib, "OpenSSL") == 0;

    printf("median of %u runs of each build, run alternately; MB = 10^6 bytes; cpu-s = CPU-seconds of that "
           "side's thread\n", runs);
    printf("A = %s: %s (%s)\nB = %s: %s (%s)\n", a->lib, a->version, a->path, b->lib, b->version, b->path);
    printf("%-30s %-9s %10s %10s %7s%s\n", "figure", "unit", "A", "B", "A/B", targets ? "  target" : "");
    for (int row = 0; row < ROW_NETTLE_SEAL; row++) {
        if (a->n[row] != 0 || b->n[row] != 0) {
            print_row(row, a, b, base, targets);
        }
    }
    if (base != NULL) {
        printf("baseline: %s AES-128-CBC + HMAC-SHA1 over 16 KiB records, one core, no TLS\n", base->version);
        for (int row = ROW_NETTLE_SEAL; row <= ROW_NETTLE_OPEN; row++) {
            printf("%-30s %-9s %10.1f\n", rows[row].label, rows[row].unit, median(base, row));
        }
    }
}

static int run_into(struct build *b, char *const argv[])
{
    char out[OUT_CAP];

    if (!run_child(argv, out, sizeof out)) {
        fprintf(stderr, "bench: %s failed\n", argv[0]);
        return 0;
    }
    parse_run(b, out);
    return 1;
}

static int run_all(struct build *a, struct build *b, struct build *base, const struct bench_cfg *cfg)
{
    char mb[16], full[16], resumed[16], idle[16];
    char *av[] = { NULL, "--mb", mb, "--full", full, "--resumed", resumed, "--idle", idle, NULL };
    char *bv[] = { (char *)cfg->baseline, NULL };

    snprintf(mb, sizeof mb, "%u", cfg->mb);
    snprintf(full, sizeof full, "%u", cfg->full);
    snprintf(resumed, sizeof resumed, "%u", cfg->resumed);
    snprintf(idle, sizeof idle, "%u", cfg->idle);
    for (unsigned r = 0; r < cfg->runs; r++) {
        fprintf(stderr, "bench: run %u of %u\n", r + 1, cfg->runs);
        /* /proc/self/exe: this very build, however it was invoked. */
        av[0] = "/proc/self/exe";
        if (!run_into(a, av)) {
            return 0;
        }
        av[0] = (char *)b->path;
        if (!run_into(b, av) || (base != NULL && !run_into(base, bv))) {
            return 0;
        }
    }
    return 1;
}

int bench_compare(const char *self, const struct bench_cfg *cfg)
{
    static struct build a, b, base;

    if (cfg->runs > MAX_RUNS) {
        fprintf(stderr, "bench: at most %d runs\n", MAX_RUNS);
        return 2;
    }
    a.path = self;
    b.path = cfg->compare;
    base.path = cfg->baseline;
    if (!run_all(&a, &b, cfg->baseline != NULL ? &base : NULL, cfg)) {
        return 1;
    }
    print_table(&a, &b, cfg->baseline != NULL ? &base : NULL, cfg->runs);
    return 0;
}
