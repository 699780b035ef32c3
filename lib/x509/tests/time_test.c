/* UTCTime and GeneralizedTime (lib/x509/time.c), RFC 5280 4.1.2.5. The C library's timegm() is the
 * oracle for the calendar arithmetic. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "x509/der.h"

static enum ntls_err parse(uint8_t tag, const char *text, int64_t *t)
{
    return ntls_der_time_value(tag, ntls_cur_init(text, strlen(text)), t).err;
}

static int64_t utc(const char *text)
{
    int64_t t = -1;
    cr_assert_eq(parse(NTLS_DER_UTC_TIME, text, &t), NTLS_E_OK, "%s", text);
    return t;
}

static int64_t gen(const char *text)
{
    int64_t t = -1;
    cr_assert_eq(parse(NTLS_DER_GENERALIZED_TIME, text, &t), NTLS_E_OK, "%s", text);
    return t;
}

Test(time, known_instants)
{
    cr_assert_eq(utc("700101000000Z"), 0);
    cr_assert_eq(utc("240101000000Z"), 1704067200);     /* the fixtures' notBefore */
    cr_assert_eq(gen("21240101000000Z"), 4859740800LL); /* the fixtures' notAfter */
    cr_assert_eq(utc("380119031408Z"), 2147483648LL);   /* one past the 32-bit time_t limit */
    cr_assert_eq(gen("19700101000000Z"), 0);
    cr_assert_eq(gen("99991231235959Z"), 253402300799LL);
    cr_assert_eq(gen("00000101000000Z"), -62167219200LL);
}

Test(time, utc_two_digit_years)
{
    /* RFC 5280 4.1.2.5.1: YY >= 50 is 19YY, YY < 50 is 20YY */
    cr_assert_eq(utc("500101000000Z"), gen("19500101000000Z"));
    cr_assert_eq(utc("491231235959Z"), gen("20491231235959Z"));
    cr_assert_eq(utc("991231235959Z"), gen("19991231235959Z"));
    cr_assert_eq(utc("000101000000Z"), gen("20000101000000Z"));
}

Test(time, leap_years)
{
    int64_t t;
    cr_assert_eq(utc("240229120000Z"), 1709208000);
    cr_assert_eq(parse(NTLS_DER_UTC_TIME, "230229000000Z", &t), NTLS_E_DECODE);
    cr_assert_eq(gen("20000229000000Z"), 951782400); /* divisible by 400: leap */
    cr_assert_eq(parse(NTLS_DER_GENERALIZED_TIME, "21000229000000Z", &t), NTLS_E_DECODE); /* by 100: not */
    cr_assert_eq(parse(NTLS_DER_UTC_TIME, "240431000000Z", &t), NTLS_E_DECODE);
    cr_assert_eq(utc("241231000000Z") - utc("240101000000Z"), 365 * 86400);
}

Test(time, agrees_with_timegm)
{
    static const char *samples[] = {
        "19500101000000Z", "19691231235959Z", "19840229101010Z", "19991231235959Z",
        "20000101000000Z", "20010909014640Z", "20240615123456Z", "20380119031407Z",
        "20491231235959Z", "20500101000000Z", "21060207062816Z", "23001231000000Z",
    };
    for (size_t i = 0; i < sizeof samples / sizeof samples[0]; i++) {
        struct tm tm = { 0 };
        int n = sscanf(samples[i], "%4d%2d%2d%2d%2d%2d", &tm.tm_year, &tm.tm_mon, &tm.tm_mday, &tm.tm_hour,
                       &tm.tm_min, &tm.tm_sec);
        cr_assert_eq(n, 6);
        tm.tm_year -= 1900;
        tm.tm_mon -= 1;
        cr_assert_eq(gen(samples[i]), (int64_t)timegm(&tm), "%s", samples[i]);
    }
}

Test(time, rejects_what_rfc5280_forbids)
{
    static const char *bad_utc[] = {
        "2401010000Z",                                             /* no seconds */
        "240101000000",                                            /* no Z */
        "240101000000z",                                           /* lower-case z */
        "240101000000+0100", "2401010000+0100", "240101000000.5Z", /* fractions */
        "241301000000Z",     "240001000000Z",   "240100000000Z",   "240132000000Z", "240101240000Z",
        "240101006000Z",     "240101000060Z", /* no leap second either */
        " 40101000000Z",     "2401010000 0Z",   "+40101000000Z",   "24010100000aZ", "",
    };
    static const char *bad_gen[] = {
        "240101000000Z", /* two-digit year in a GeneralizedTime */
        "2024010100000Z",      "20240101000000",  "20240101000000.0Z", "20240101000000.123Z", "202401010000Z",
        "20240101000000+0000", "20241301000000Z", "20240230000000Z",   "2024010100000 Z",
    };
    int64_t t;
    for (size_t i = 0; i < sizeof bad_utc / sizeof bad_utc[0]; i++) {
        cr_assert_eq(parse(NTLS_DER_UTC_TIME, bad_utc[i], &t), NTLS_E_DECODE, "UTCTime %s", bad_utc[i]);
    }
    for (size_t i = 0; i < sizeof bad_gen / sizeof bad_gen[0]; i++) {
        cr_assert_eq(parse(NTLS_DER_GENERALIZED_TIME, bad_gen[i], &t), NTLS_E_DECODE, "GeneralizedTime %s",
                     bad_gen[i]);
    }
    cr_assert_eq(parse(NTLS_DER_PRINTABLE_STRING, "240101000000Z", &t), NTLS_E_DECODE);
}

Test(time, reads_whole_elements)
{
    static const uint8_t der[] = { 0x17, 0x0d, '2', '4', '0',  '1',  '0', '1', '0', '0', '0',
                                   '0',  '0',  '0', 'Z', 0x18, 0x0f, '2', '1', '2', '4', '0',
                                   '1',  '0',  '1', '0', '0',  '0',  '0', '0', '0', 'Z' };
    struct ntls_cur in = ntls_cur_init(der, sizeof der);
    int64_t a, b;
    cr_assert_eq(ntls_der_time(&in, &a).err, NTLS_E_OK);
    cr_assert_eq(ntls_der_time(&in, &b).err, NTLS_E_OK);
    cr_assert_eq(a, 1704067200);
    cr_assert_eq(b, 4859740800LL);
    cr_assert(ntls_cur_empty(&in));
    for (size_t n = 0; n < 15; n++) {
        struct ntls_cur cut = ntls_cur_init(der, n);
        cr_assert_eq(ntls_der_time(&cut, &a).err, NTLS_E_DECODE, "truncated to %zu", n);
        cr_assert_eq(cut.len, n);
    }
}

Test(time, days_from_civil)
{
    cr_assert_eq(ntls_der_days_from_civil(1970, 1, 1), 0);
    cr_assert_eq(ntls_der_days_from_civil(1969, 12, 31), -1);
    cr_assert_eq(ntls_der_days_from_civil(2000, 3, 1), 11017);
}
