/* Strict base64 over Nettle's decoder (codec.h). Nettle skips whitespace and accepts any length, so the
 * shape checks (no whitespace, length a multiple of 4, padding only at the end) are made here first; Nettle
 * then rejects bad characters, misplaced '=' and non-zero unused bits. */
#include "codec.h"

#include <nettle/base64.h>

#include "../base/mem.h"

static int is_alphabet(char ch)
{
    return (ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '+' ||
           ch == '/';
}

/* RFC 4648 3.3: only alphabet characters, then at most two '=' that close the last group. */
static size_t padding_of(const char *in, size_t in_len, int *ok)
{
    size_t pad = 0;
    while (pad < 2 && pad < in_len && in[in_len - 1 - pad] == '=') {
        pad++;
    }
    *ok = 1;
    for (size_t i = 0; i < in_len - pad; i++) {
        if (!is_alphabet(in[i])) {
            *ok = 0;
        }
    }
    return pad;
}

ntls_result ntls_base64_decode(const char *in, size_t in_len, uint8_t *out, size_t out_cap, size_t *out_len)
{
    NTLS_ENSURE(in_len % 4 == 0, NTLS_E_DECODE);
    if (in_len == 0) {
        *out_len = 0;
        return ntls_ok();
    }
    int ok;
    size_t pad = padding_of(in, in_len, &ok);
    NTLS_ENSURE(ok, NTLS_E_DECODE);
    size_t want = NTLS_BASE64_DECODED_MAX(in_len) - pad;
    NTLS_ENSURE(out_cap >= want, NTLS_E_USAGE);

    struct base64_decode_ctx ctx;
    size_t done = want;
    base64_decode_init(&ctx);
    /* Nettle writes up to BASE64_DECODE_LENGTH(in_len), a little more than want: decode into out only when
     * that fits, else through a bounce buffer of groups of 4 characters. */
    if (out_cap >= BASE64_DECODE_LENGTH(in_len)) {
        NTLS_ENSURE(base64_decode_update(&ctx, &done, out, in_len, in), NTLS_E_DECODE);
    } else {
        done = 0;
        for (size_t i = 0; i < in_len; i += 4) {
            uint8_t group[BASE64_DECODE_LENGTH(4)];
            size_t n = sizeof group;
            NTLS_ENSURE(base64_decode_update(&ctx, &n, group, 4, in + i), NTLS_E_DECODE);
            NTLS_ENSURE(n <= out_cap - done, NTLS_E_DECODE);
            for (size_t j = 0; j < n; j++) {
                out[done + j] = group[j];
            }
            done += n;
        }
    }
    NTLS_ENSURE(base64_decode_final(&ctx) && done == want, NTLS_E_DECODE);
    *out_len = done;
    return ntls_ok();
}

void ntls_base64_encode(const uint8_t *in, size_t len, char *out)
{
    if (len > 0) {
        base64_encode_raw(out, len, in);
    }
}
