/* Tests for rand.c: the per-thread ChaCha generator never repeats itself across calls, threads or fork(). */
#include <criterion/criterion.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "crypto/crypto.h"

static void draw(void *out, size_t len)
{
    cr_assert_eq(ntls_rand_bytes(out, len).err, NTLS_E_OK);
}

Test(rand, outputs_differ_between_calls)
{
    uint8_t a[32], b[32], zero[32] = { 0 };
    draw(a, sizeof a);
    draw(b, sizeof b);
    cr_assert(memcmp(a, b, sizeof a) != 0);
    cr_assert(memcmp(a, zero, sizeof a) != 0);
    cr_assert(memcmp(b, zero, sizeof b) != 0);
    /* a zero-length request is fine and writes nothing */
    cr_assert_eq(ntls_rand_bytes(a, 0).err, NTLS_E_OK);
}

/* One request larger than the reseed interval, then small ones across it: every 1 KiB chunk differs from
 * the others and the byte counts look uniform (a loose bound: a broken generator, say all zeros or a
 * repeated key stream, fails it by far). */
Test(rand, large_requests)
{
    size_t len = (3u << 20) + 1024 + 123;
    uint8_t *buf = malloc(len);
    cr_assert(buf != NULL);
    memset(buf, 0, len);
    draw(buf, len);

    unsigned long count[256] = { 0 };
    for (size_t i = 0; i < len; i++) {
        count[buf[i]]++;
    }
    double expect = (double)len / 256, chi2 = 0;
    for (int v = 0; v < 256; v++) {
        double d = (double)count[v] - expect;
        chi2 += d * d / expect;
    }
    cr_assert_lt(chi2, 400.0, "chi-square %f over 255 degrees of freedom", chi2);

    /* 1 KiB chunks at the reseed boundaries and elsewhere are all different */
    const size_t offs[] = { 0, 1024, (1u << 20) - 1024, 1u << 20, 2u << 20, 3u << 20 };
    for (size_t i = 0; i < 6; i++) {
        for (size_t j = i + 1; j < 6; j++) {
            cr_assert(memcmp(buf + offs[i], buf + offs[j], 1024) != 0, "chunks at %zu and %zu", offs[i],
                      offs[j]);
        }
    }

    /* Many small requests cross a reseed too */
    uint8_t prev[100], cur[100];
    draw(prev, sizeof prev);
    for (int i = 0; i < 15000; i++) {
        draw(cur, sizeof cur);
        cr_assert(memcmp(prev, cur, sizeof cur) != 0);
        memcpy(prev, cur, sizeof cur);
    }
    free(buf);
}

static void *thread_draw(void *arg)
{
    if (!ntls_is_ok(ntls_rand_bytes(arg, 64))) {
        memset(arg, 0, 64);
    }
    return NULL;
}

Test(rand, threads_get_different_bytes)
{
    uint8_t mine[64], t1[64], t2[64], zero[64] = { 0 };
    draw(mine, sizeof mine);
    pthread_t a, b;
    cr_assert_eq(pthread_create(&a, NULL, thread_draw, t1), 0);
    cr_assert_eq(pthread_create(&b, NULL, thread_draw, t2), 0);
    cr_assert_eq(pthread_join(a, NULL), 0);
    cr_assert_eq(pthread_join(b, NULL), 0);
    cr_assert(memcmp(t1, zero, 64) != 0 && memcmp(t2, zero, 64) != 0, "a thread's request failed");
    cr_assert(memcmp(t1, t2, 64) != 0);
    cr_assert(memcmp(t1, mine, 64) != 0);
    cr_assert(memcmp(t2, mine, 64) != 0);
}

/* The child inherits the parent's generator state; without the reseed after fork both would print the
 * same next bytes. */
Test(rand, fork_child_differs_from_parent)
{
    uint8_t before[16], parent[32], child[32];
    draw(before, sizeof before); /* the parent's generator is seeded before the fork */
    int fds[2];
    cr_assert_eq(pipe(fds), 0);
    pid_t pid = fork();
    cr_assert(pid >= 0);
    if (pid == 0) {
        uint8_t out[32];
        int ok = ntls_is_ok(ntls_rand_bytes(out, sizeof out)) && write(fds[1], out, sizeof out) == sizeof out;
        _exit(ok ? 0 : 1);
    }
    close(fds[1]);
    draw(parent, sizeof parent);
    cr_assert_eq(read(fds[0], child, sizeof child), (ssize_t)sizeof child);
    close(fds[0]);
    int status;
    cr_assert_eq(waitpid(pid, &status, 0), pid);
    cr_assert(WIFEXITED(status) && WEXITSTATUS(status) == 0);
    cr_assert(memcmp(parent, child, sizeof child) != 0, "the child repeated the parent's stream");
}
