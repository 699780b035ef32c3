/* UTCTime and GeneralizedTime to seconds since the epoch (der.h), RFC 5280 4.1.2.5. */
#include "der.h"

/* Howard Hinnant's days_from_civil: exact for the proleptic Gregorian calendar, no tables, no libc. */
int64_t ntls_der_days_from_civil(int64_t year, unsigned month, unsigned day)
{
    year -= month <= 2;
    int64_t era = (year >= 0 ? year : year - 399) / 400;
    int64_t yoe = year - era * 400; /* [0, 399] */
    int64_t doy = (153 * (int64_t)(month > 2 ? month - 3 : month + 9) + 2) / 5 + (int64_t)day - 1;
    int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy; /* [0, 146096] */
    return era * 146097 + doe - 719468;
}

static bool is_leap(int64_t y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static unsigned days_in_month(int64_t y, unsigned m)
{
    static const unsigned days[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
    return m == 2 && is_leap(y) ? 29 : days[m - 1];
}

/* n ASCII digits as a number; nothing else is allowed (no sign, no space). */
static ntls_result digits(struct ntls_cur *c, unsigned n, unsigned *v)
{
    unsigned x = 0;
    for (unsigned i = 0; i < n; i++) {
        uint8_t ch;
        NTLS_TRY(ntls_cur_u8(c, &ch));
        NTLS_ENSURE(ch >= '0' && ch <= '9', NTLS_E_DECODE);
        x = x * 10 + (unsigned)(ch - '0');
    }
    *v = x;
    return ntls_ok();
}

ntls_result ntls_der_time_value(uint8_t tag, struct ntls_cur value, int64_t *t)
{
    unsigned y, mo, d, h, mi, s;
    uint8_t z;
    int64_t year;
    if (tag == NTLS_DER_UTC_TIME) {
        NTLS_ENSURE(value.len == 13, NTLS_E_DECODE); /* YYMMDDHHMMSSZ */
        NTLS_TRY(digits(&value, 2, &y));
        year = y >= 50 ? 1900 + y : 2000 + y; /* RFC 5280 4.1.2.5.1 */
    } else {
        NTLS_ENSURE(tag == NTLS_DER_GENERALIZED_TIME, NTLS_E_DECODE);
        NTLS_ENSURE(value.len == 15, NTLS_E_DECODE); /* YYYYMMDDHHMMSSZ, RFC 5280 4.1.2.5.2 */
        NTLS_TRY(digits(&value, 4, &y));
        year = y;
    }
    NTLS_TRY(digits(&value, 2, &mo));
    NTLS_TRY(digits(&value, 2, &d));
    NTLS_TRY(digits(&value, 2, &h));
    NTLS_TRY(digits(&value, 2, &mi));
    NTLS_TRY(digits(&value, 2, &s));
    NTLS_TRY(ntls_cur_u8(&value, &z));
    NTLS_ENSURE(z == 'Z', NTLS_E_DECODE);
    NTLS_ENSURE(mo >= 1 && mo <= 12, NTLS_E_DECODE);
    NTLS_ENSURE(d >= 1 && d <= days_in_month(year, mo), NTLS_E_DECODE);
    NTLS_ENSURE(h <= 23 && mi <= 59 && s <= 59, NTLS_E_DECODE);
    *t = ntls_der_days_from_civil(year, mo, d) * 86400 + (int64_t)h * 3600 + (int64_t)mi * 60 + (int64_t)s;
    return ntls_ok();
}

ntls_result ntls_der_time(struct ntls_cur *in, int64_t *t)
{
    struct ntls_cur c = *in;
    struct ntls_der_tlv tlv;
    NTLS_TRY(ntls_der_read(&c, &tlv));
    NTLS_TRY(ntls_der_time_value(tlv.tag, tlv.value, t));
    *in = c;
    return ntls_ok();
}
