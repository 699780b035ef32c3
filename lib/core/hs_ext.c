#include "hs_ext.h"

#include <string.h>

/* More extensions than any real hello carries; the cap keeps the duplicate check cheap. */
#define MAX_EXTENSIONS 128

/* RFC 4366 3.1: ServerNameList, of which we read the host_name entry. */
static ntls_result parse_server_name(struct ntls_cur body, bool from_server, struct ntls_hello_exts *exts)
{
    exts->has_server_name = true;
    if (from_server) {
        /* A server acknowledges SNI with an empty extension (RFC 4366 3.1). */
        return ntls_cur_end(&body);
    }
    struct ntls_cur list;
    NTLS_TRY(ntls_cur_vec16(&body, &list));
    NTLS_TRY(ntls_cur_end(&body));
    NTLS_ENSURE(!ntls_cur_empty(&list), NTLS_E_DECODE);
    while (!ntls_cur_empty(&list)) {
        uint8_t type;
        struct ntls_cur name;
        NTLS_TRY(ntls_cur_u8(&list, &type));
        NTLS_TRY(ntls_cur_vec16(&list, &name));
        if (type != 0 || exts->server_name[0] != '\0') {
            continue; /* not host_name, or a second one: ignore it */
        }
        NTLS_ENSURE(name.len > 0 && name.len <= NTLS_HOST_NAME_MAX, NTLS_E_DECODE);
        NTLS_ENSURE(memchr(name.p, '\0', name.len) == NULL, NTLS_E_DECODE);
        NTLS_TRY(ntls_cur_copy(&name, exts->server_name, name.len));
    }
    return ntls_ok();
}

static ntls_result parse_one(uint16_t type, struct ntls_cur body, bool from_server, struct ntls_hello_exts *exts)
{
    switch (type) {
    case NTLS_EXT_SERVER_NAME:
        return parse_server_name(body, from_server, exts);
    case NTLS_EXT_SUPPORTED_GROUPS: /* RFC 4492 5.1.1 */
        exts->has_groups = true;
        NTLS_TRY(ntls_cur_vec16(&body, &exts->groups));
        NTLS_ENSURE(exts->groups.len > 0 && exts->groups.len % 2 == 0, NTLS_E_DECODE);
        return ntls_cur_end(&body);
    case NTLS_EXT_EC_POINT_FORMATS: /* RFC 4492 5.1.2 */
        exts->has_point_formats = true;
        NTLS_TRY(ntls_cur_vec8(&body, &exts->point_formats));
        NTLS_ENSURE(exts->point_formats.len > 0, NTLS_E_DECODE);
        return ntls_cur_end(&body);
    case NTLS_EXT_EXTENDED_MASTER_SECRET: /* RFC 7627 5.1: extension_data is empty */
        exts->extended_master_secret = true;
        return ntls_cur_end(&body);
    case NTLS_EXT_RENEGOTIATION_INFO: /* RFC 5746 3.2 */
        exts->has_reneg_info = true;
        NTLS_TRY(ntls_cur_vec8(&body, &exts->reneg_info));
        return ntls_cur_end(&body);
    default:
        return ntls_ok(); /* unknown: ignored (RFC 4366 2.3) */
    }
}

ntls_result ntls_hello_exts_parse(struct ntls_cur *in, bool from_server, struct ntls_hello_exts *exts)
{
    memset(exts, 0, sizeof *exts);
    if (ntls_cur_empty(in)) {
        return ntls_ok();
    }
    struct ntls_cur list;
    NTLS_TRY(ntls_cur_vec16(in, &list));
    NTLS_TRY(ntls_cur_end(in));
    exts->present = true;

    uint16_t seen[MAX_EXTENSIONS];
    size_t nseen = 0;
    while (!ntls_cur_empty(&list)) {
        uint16_t type;
        struct ntls_cur body;
        NTLS_TRY(ntls_cur_u16(&list, &type));
        NTLS_TRY(ntls_cur_vec16(&list, &body));
        NTLS_ENSURE(nseen < MAX_EXTENSIONS, NTLS_E_DECODE);
        for (size_t i = 0; i < nseen; i++) {
            /* RFC 5246 7.4.1.4: no more than one extension of the same type. */
            NTLS_ENSURE(seen[i] != type, NTLS_E_DECODE);
        }
        seen[nseen++] = type;
        NTLS_TRY(parse_one(type, body, from_server, exts));
    }
    return ntls_ok();
}

bool ntls_u16_list_has(struct ntls_cur list, uint16_t v)
{
    uint16_t x;
    while (ntls_is_ok(ntls_cur_u16(&list, &x))) {
        if (x == v) {
            return true;
        }
    }
    return false;
}

void ntls_ext_write_server_name(struct ntls_wr *w, const char *host)
{
    size_t n = strlen(host);
    ntls_wr_u16(w, NTLS_EXT_SERVER_NAME);
    size_t ext = ntls_wr_vec16_open(w);
    size_t list = ntls_wr_vec16_open(w);
    ntls_wr_u8(w, 0); /* host_name */
    size_t name = ntls_wr_vec16_open(w);
    ntls_wr_bytes(w, host, n);
    ntls_wr_vec16_close(w, name);
    ntls_wr_vec16_close(w, list);
    ntls_wr_vec16_close(w, ext);
}

void ntls_ext_write_empty(struct ntls_wr *w, enum ntls_ext_type type)
{
    ntls_wr_u16(w, (uint16_t)type);
    ntls_wr_u16(w, 0);
}

void ntls_ext_write_reneg_info(struct ntls_wr *w, const uint8_t *verify_data, size_t len)
{
    ntls_wr_u16(w, NTLS_EXT_RENEGOTIATION_INFO);
    size_t ext = ntls_wr_vec16_open(w);
    size_t body = ntls_wr_vec8_open(w);
    ntls_wr_bytes(w, verify_data, len);
    ntls_wr_vec8_close(w, body);
    ntls_wr_vec16_close(w, ext);
}

void ntls_ext_write_groups(struct ntls_wr *w, const uint16_t *groups, size_t n)
{
    ntls_wr_u16(w, NTLS_EXT_SUPPORTED_GROUPS);
    size_t ext = ntls_wr_vec16_open(w);
    size_t list = ntls_wr_vec16_open(w);
    for (size_t i = 0; i < n; i++) {
        ntls_wr_u16(w, groups[i]);
    }
    ntls_wr_vec16_close(w, list);
    ntls_wr_vec16_close(w, ext);
}

void ntls_ext_write_point_formats(struct ntls_wr *w)
{
    ntls_wr_u16(w, NTLS_EXT_EC_POINT_FORMATS);
    size_t ext = ntls_wr_vec16_open(w);
    size_t list = ntls_wr_vec8_open(w);
    ntls_wr_u8(w, 0); /* uncompressed */
    ntls_wr_vec8_close(w, list);
    ntls_wr_vec16_close(w, ext);
}
