/* Helpers shared by the record-layer tests: fixed secrets, a client and a server record layer wired back to
 * back, and an independent record builder made from crypto primitives only (not from record_*.c). */
#ifndef NTLS_CORE_TESTS_REC_UTIL_H
#define NTLS_CORE_TESTS_REC_UTIL_H

#include <stddef.h>
#include <stdint.h>

#include "core/keys.h"
#include "core/record.h"
#include "core/suites.h"

extern const uint8_t tu_master[NTLS_MASTER_SECRET_LEN];
extern const uint8_t tu_client_random[NTLS_RANDOM_LEN];
extern const uint8_t tu_server_random[NTLS_RANDOM_LEN];

struct tu_pair {
    struct ntls_record client, server;
};

/* Both sides initialised, no keys (the initial NULL state). */
void tu_pair_plain(struct tu_pair *p, unsigned client_flags);
/* Both sides keyed for suite s from the fixed secrets, both CCS done, version TLS 1.0. */
void tu_pair_keyed(struct tu_pair *p, const struct ntls_suite *s, unsigned client_flags);
void tu_pair_free(struct tu_pair *p);

/* Moves every sealed byte of from into to's input buffer (asserts it fits). */
void tu_move(struct ntls_record *from, struct ntls_record *to);
/* Puts wire bytes into r's input buffer (asserts they fit). */
void tu_feed(struct ntls_record *r, const void *wire, size_t len);
/* Copies r's sealed bytes to dst (asserts they fit), acks them, returns how many. */
size_t tu_take_out(struct ntls_record *r, uint8_t *dst, size_t cap);
/* Reads one record, copies its plaintext to buf and consumes it. */
ntls_result tu_read_one(struct ntls_record *r, uint8_t *type, uint8_t *buf, size_t cap, size_t *len);

/* Fixed keys of one direction. */
struct tu_keys {
    enum ntls_cipher_id cipher;
    enum ntls_hash_id mac;
    uint8_t mac_key[20], key[32], iv[16];
};
void tu_keys_fixed(struct tu_keys *k, enum ntls_cipher_id cipher, enum ntls_hash_id mac, uint8_t seed);
struct ntls_rec_keys tu_rec_keys(const struct tu_keys *k);
/* A record r with the read side keyed with k and switched in, version TLS 1.0. */
void tu_reader(struct ntls_record *r, const struct tu_keys *k, bool is_client);

/* Builds a whole TLS 1.0 record (header included) from crypto primitives: HMAC over seq||header||content,
 * then for a block cipher pad + 1 bytes of padding (pad = -1: the shortest), then encryption with enc, a
 * cipher the caller keeps across records (for the chained IV or the RC4 stream); enc == NULL leaves the
 * fragment unencrypted (for tests that tamper with the plaintext first). Returns the record length. */
size_t tu_build(struct ntls_cipher *enc, const struct tu_keys *k, uint64_t seq, uint8_t type,
                const uint8_t *content, size_t len, int pad, uint8_t *out);

/* The (cipher, MAC) pairs of every cipher state. */
struct tu_state {
    enum ntls_cipher_id cipher;
    enum ntls_hash_id mac;
    const char *name;
};
extern const struct tu_state tu_cbc_states[12];
extern const struct tu_state tu_stream_states[4];

/* A suite row for a cipher state that has one, else a made-up row with the right lengths. */
struct ntls_suite tu_suite_for(enum ntls_cipher_id cipher, enum ntls_hash_id mac);

#endif
