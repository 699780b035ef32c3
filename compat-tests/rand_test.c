/* RAND_*, against <openssl/...> only; built against nettls and the system OpenSSL. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <openssl/rand.h>

static int all_equal(const unsigned char *p, size_t n, unsigned char v)
{
    for (size_t i = 0; i < n; i++) {
        if (p[i] != v) {
            return 0;
        }
    }
    return 1;
}

Test(rand, needs_no_seeding)
{
    cr_assert_eq(RAND_status(), 1);
    cr_assert_eq(RAND_poll(), 1);
}

Test(rand, bytes_fill_exactly_num_bytes_and_differ_between_calls)
{
    unsigned char a[48], b[48];
    memset(a, 0xA5, sizeof a);
    memset(b, 0xA5, sizeof b);
    cr_assert_eq(RAND_bytes(a, 32), 1);
    cr_assert_eq(RAND_bytes(b, 32), 1);
    cr_assert_neq(memcmp(a, b, 32), 0);
    cr_assert(all_equal(a + 32, 16, 0xA5), "RAND_bytes wrote past num");
    cr_assert(!all_equal(a, 32, 0xA5));
}

Test(rand, zero_bytes_succeed_and_write_nothing)
{
    unsigned char a[4] = { 1, 2, 3, 4 };
    cr_assert_eq(RAND_bytes(a, 0), 1);
    cr_assert_eq(a[0], 1);
}

Test(rand, large_requests)
{
    enum { N = 1 << 17 };
    static unsigned char big[N];
    cr_assert_eq(RAND_bytes(big, N), 1);
    /* A run of 64 zero bytes in 128 KiB of random data is vanishingly unlikely. */
    size_t run = 0, longest = 0;
    for (size_t i = 0; i < N; i++) {
        run = big[i] == 0 ? run + 1 : 0;
        longest = run > longest ? run : longest;
    }
    cr_assert_lt(longest, 64);
}

Test(rand, seeding_calls_are_accepted)
{
    unsigned char seed[16] = { 0 }, out[16];
    RAND_seed(seed, sizeof seed);
    RAND_add(seed, sizeof seed, 0.0);
    RAND_add(seed, sizeof seed, 16.0);
    cr_assert_eq(RAND_bytes(out, sizeof out), 1);
    cr_assert_eq(RAND_pseudo_bytes(out, sizeof out), 1);
    cr_assert_eq(RAND_status(), 1);
}

Test(rand, a_forked_child_does_not_repeat_the_parent)
{
    unsigned char parent[32], child[32];
    int fds[2];
    cr_assert_eq(RAND_bytes(parent, sizeof parent), 1); /* the parent's generator is running */
    cr_assert_eq(pipe(fds), 0);
    pid_t pid = fork();
    cr_assert_neq(pid, -1);
    if (pid == 0) {
        unsigned char out[32];
        int ok = RAND_bytes(out, sizeof out) == 1 && write(fds[1], out, sizeof out) == (ssize_t)sizeof out;
        _exit(ok ? 0 : 1);
    }
    close(fds[1]);
    cr_assert_eq(read(fds[0], child, sizeof child), (ssize_t)sizeof child);
    close(fds[0]);
    int status;
    cr_assert_eq(waitpid(pid, &status, 0), pid);
    cr_assert(WIFEXITED(status) && WEXITSTATUS(status) == 0);
    cr_assert_eq(RAND_bytes(parent, sizeof parent), 1);
    cr_assert_neq(memcmp(parent, child, sizeof child), 0, "the child repeated the parent's stream");
}

/* Seed files (man RAND_load_file): nettls needs none, but programs save and load them and check the counts. */
Test(rand, seed_files_round_trip)
{
    char dir[] = "/tmp/rand_test_XXXXXX", path[64];
    cr_assert_not_null(mkdtemp(dir));
    snprintf(path, sizeof path, "%s/seed", dir);
    cr_assert_eq(RAND_write_file(path), 1024);
    struct stat sb;
    cr_assert_eq(stat(path, &sb), 0);
    cr_assert_eq(sb.st_size, 1024);
    cr_assert_eq(sb.st_mode & 0777, 0600);
    cr_assert_eq(RAND_load_file(path, -1), 1024);
    cr_assert_eq(RAND_load_file(path, 100), 100);
    cr_assert_eq(unlink(path), 0);
    cr_assert_leq(RAND_load_file(path, -1), 0);
    cr_assert_eq(rmdir(dir), 0);
}

Test(rand, seed_file_name_from_the_environment)
{
    char buf[256];
    cr_assert_eq(unsetenv("RANDFILE"), 0);
    cr_assert_eq(setenv("HOME", "/home/someone", 1), 0);
    cr_assert_str_eq(RAND_file_name(buf, sizeof buf), "/home/someone/.rnd");
    cr_assert_null(RAND_file_name(buf, 8));
    cr_assert_eq(setenv("RANDFILE", "/var/lib/seed", 1), 0);
    cr_assert_str_eq(RAND_file_name(buf, sizeof buf), "/var/lib/seed");
}
