// SPDX-License-Identifier: GPL-2.0
/* lib/digits.h: numbers written in place, against printf. */
#include <stdio.h>
#include <string.h>

#include "lib/digits.h"
#include "helpers.h"
#include "test.h"

/*
 * dec_put() and dec_put_fixed() at every digit count: the digits and
 * nothing else (the bytes after them stay as they were).
 */
static void put_and_fixed(struct t_state *st)
{
	uint64_t x = 0x9e3779b97f4a7c15ULL;
	char buf[32], want[48];
	int i, d, bad = 0;

	for (i = 0; i < 3000; i++) {
		uint64_t v = t_edge_value(i, &x);
		unsigned int n;

		memset(buf, '#', sizeof(buf));
		n = dec_put(buf, v);
		if (buf[n] != '#' && bad++ < 3)
			CHECK(st, !"dec_put() wrote past its digits");
		buf[n] = '\0';
		snprintf(want, sizeof(want), "%llu", (unsigned long long)v);
		if ((strcmp(buf, want) || n != dec_len(v)) && bad++ < 3)
			CHECK_STR(st, buf, want);
		for (d = 1; d <= 20; d++) {
			memset(buf, '#', sizeof(buf));
			dec_put_fixed(buf, v, (unsigned int)d);
			if (buf[d] != '#' && bad++ < 3)
				CHECK(st, !"dec_put_fixed() wrote past its digits");
			buf[d] = '\0';
			snprintf(want, sizeof(want), "%0*llu", d,
				 (unsigned long long)(d == 20 ? v : v % sr_pow10[d]));
			if (strcmp(buf, want) && bad++ < 3)
				CHECK_STR(st, buf, want);
		}
	}
	CHECK(st, bad == 0);
}

/* "%llu.%0*llu" of @ns at @digits, as strace's -r and -T print it. */
static void seconds_printf(char *want, size_t size, uint64_t ns, int digits)
{
	int n = snprintf(want, size, "%llu", (unsigned long long)(ns / 1000000000));

	if (digits)
		snprintf(want + n, size - (size_t)n, ".%0*llu", digits,
			 (unsigned long long)(ns % 1000000000 / sr_pow10[9 - digits]));
}

/* dec_put_seconds() at every precision, around every digit count of the seconds. */
static void seconds(struct t_state *st)
{
	uint64_t x = 0x243f6a8885a308d3ULL;
	char buf[32], want[48];
	int i, d, bad = 0;

	for (i = 0; i < 3000; i++) {
		uint64_t ns = t_edge_value(i, &x);

		for (d = 0; d <= 9; d++) {
			char *end;

			memset(buf, '#', sizeof(buf));
			end = dec_put_seconds(buf, ns, d);
			*end = '\0';
			seconds_printf(want, sizeof(want), ns, d);
			if (strcmp(buf, want) && bad++ < 3)
				CHECK_STR(st, buf, want);
		}
	}
	/* the forms -T prints most */
	memset(buf, 0, sizeof(buf));
	*dec_put_seconds(buf, 123456, 6) = '\0';
	CHECK_STR(st, buf, "0.000123");
	*dec_put_seconds(buf, 12000000000ULL + 5, 9) = '\0';
	CHECK_STR(st, buf, "12.000000005");
	*dec_put_seconds(buf, 999999999, 3) = '\0';
	CHECK_STR(st, buf, "0.999");
	*dec_put_seconds(buf, 9999999999ULL, 0) = '\0';
	CHECK_STR(st, buf, "9");
	CHECK(st, bad == 0);
}

/*
 * secs_text__reuse()/keep() as -r and -T use them: a time's text is the
 * last one's but its two last digits, or written whole and kept; either
 * way printf's, over runs of close times, jumps back and across seconds.
 */
static void seconds_reused(struct t_state *st)
{
	static const unsigned int precisions[] = { 0, 1, 2, 3, 6, 9 };
	uint64_t x = 0x13198a2e03707344ULL;
	char buf[48], want[48];
	int i, p, bad = 0, reused = 0;

	for (p = 0; p < (int)(sizeof(precisions) / sizeof(precisions[0])); p++) {
		unsigned int d = precisions[p];
		struct sr_secs_text c = { 0 };
		uint64_t ns = 999999000;

		for (i = 0; i < 20000; i++) {
			char *end;

			/* mostly a few us on, sometimes back, sometimes far */
			x = x * 6364136223846793005ULL + 1442695040888963407ULL;
			if (x >> 60 == 0)
				ns = t_edge_value(i, &x) % 100000000000000ULL;
			else if (x >> 60 == 1)
				ns -= ns > 5000 ? (x >> 20) % 5000 : 0;
			else
				ns += (x >> 20) % 3000;
			memset(buf, '#', sizeof(buf));
			end = secs_text__reuse(&c, buf, ns, d);
			if (end) {
				reused++;
			} else {
				end = dec_put_seconds(buf, ns, (int)d);
				secs_text__keep(&c, buf, end, ns, d);
			}
			*end = '\0';
			seconds_printf(want, sizeof(want), ns, (int)d);
			if (strcmp(buf, want) && bad++ < 3)
				CHECK_STR(st, buf, want);
		}
	}
	CHECK(st, bad == 0);
	/* the cache serves most at 2, 3 and 6 decimals (at 0 and 1 none: no two last decimals) */
	CHECK(st, reused > 20000 * 2);
}

T_SUITE(digits_tests) = {
	T_CASE(put_and_fixed),
	T_CASE(seconds),
	T_CASE(seconds_reused),
	T_END,
};
