/* nettls: random bytes from a per-thread ChaCha generator.
 *
 * Each thread keeps a ChaCha key taken from getrandom(). A request is served from the keystream, then 32
 * more keystream bytes become the next key (fast key erasure): the key that made the output is gone when the
 * call returns, so a later memory disclosure cannot recover earlier output. The key is replaced from the
 * kernel after every 1 MiB of output, on first use in a thread, and in a fork()ed child (the copied state
 * would otherwise repeat the parent's stream: the stored pid tells). */
#include <errno.h>
#include <stdbool.h>
#include <string.h>
#include <sys/random.h>
#include <sys/types.h>
#include <unistd.h>

#include <nettle/chacha.h>

#include "../base/mem.h"
#include "crypto.h"

#define RESEED_INTERVAL ((size_t)1 << 20)

struct rng {
    struct chacha_ctx chacha;
    pid_t pid; /* the process that seeded it; 0 before the first seed */
    size_t since_seed;
};

static _Thread_local struct rng rng;

static bool kernel_entropy(uint8_t *p, size_t n)
{
    while (n > 0) {
        ssize_t got = getrandom(p, n, 0);
        if (got < 0) {
            if (errno == EINTR) {
                continue;
            }
            return false;
        }
        p += got;
        n -= (size_t)got;
    }
    return true;
}

static void set_key(struct rng *g, const uint8_t *key)
{
    static const uint8_t nonce[CHACHA_NONCE_SIZE] = { 0 }; /* each key makes one stream only */
    chacha_set_key(&g->chacha, key);
    chacha_set_nonce(&g->chacha, nonce);
}

static ntls_result reseed(struct rng *g)
{
    uint8_t key[CHACHA_KEY_SIZE];
    if (!kernel_entropy(key, sizeof key)) {
        ntls_zeroize(key, sizeof key);
        return ntls_error(NTLS_E_CRYPTO);
    }
    set_key(g, key);
    ntls_zeroize(key, sizeof key);
    g->pid = getpid();
    g->since_seed = 0;
    return ntls_ok();
}

/* Keystream into p (ChaCha over zeros), then the next key from the same stream. */
static void generate(struct rng *g, uint8_t *p, size_t n)
{
    uint8_t next[CHACHA_KEY_SIZE] = { 0 };
    memset(p, 0, n);
    chacha_crypt(&g->chacha, n, p, p);
    chacha_crypt(&g->chacha, sizeof next, next, next);
    set_key(g, next);
    ntls_zeroize(next, sizeof next);
    g->since_seed += n + sizeof next;
}

ntls_result ntls_rand_bytes(void *out, size_t len)
{
    struct rng *g = &rng;
    uint8_t *p = out;

    while (len > 0) {
        if (g->pid == 0 || g->pid != getpid() || g->since_seed >= RESEED_INTERVAL) {
            NTLS_TRY(reseed(g));
        }
        size_t n = RESEED_INTERVAL - g->since_seed;
        n = len < n ? len : n;
        generate(g, p, n);
        p += n;
        len -= n;
    }
    return ntls_ok();
}
