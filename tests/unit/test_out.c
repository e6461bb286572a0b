// SPDX-License-Identifier: GPL-2.0
/* Output buffer: numbers, padding and strace's string quoting. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "helpers.h"
#include "lib/digits.h"
#include "test.h"

static void numbers(struct t_state *st)
{
	struct t_memout m;
	struct sr_out *o = &m.out;

	t_memout_open(&m);
	out__dec(o, -42);
	out__putc(o, ' ');
	out__udec(o, 18446744073709551615ULL);
	out__putc(o, ' ');
	out__hex(o, 0x7f2283f3d000ULL);
	out__putc(o, ' ');
	out__hex(o, 0);
	out__putc(o, ' ');
	out__oct(o, 0644, 3);
	out__putc(o, ' ');
	out__oct(o, 0, 3);
	out__putc(o, ' ');
	out__oct(o, 022, 2);
	CHECK_STR(st, t_memout_text(&m), "-42 18446744073709551615 0x7f2283f3d000 0 0644 0000 022");
	t_memout_close(&m);
}

/*
 * out__udec(), out__dec() and out__dec_fixed() against printf, at every
 * digit count's edges, into a 64-byte buffer so that numbers meet its end
 * at every offset.
 */
static void udec_and_fixed_vs_printf(struct t_state *st)
{
	size_t cap = 1 << 20, w = 0;
	char *want = malloc(cap), *got = malloc(cap);
	uint64_t x = 0x9e3779b97f4a7c15ULL;
	struct sr_out o;
	int fd = memfd_create("t_out", 0), i, d;
	ssize_t n;

	CHECK(st, want && got && fd >= 0 && !out__init_fd_cap(&o, fd, 64));
	if (!want || !got || fd < 0)
		goto out;
	for (i = 0; i < 1000; i++) {
		uint64_t v = t_edge_value(i, &x);

		out__udec(&o, v);
		out__putc(&o, ' ');
		out__dec(&o, (int64_t)v);
		w += (size_t)snprintf(want + w, cap - w, "%llu %lld", (unsigned long long)v,
				      (long long)v);
		for (d = 1; d <= 20; d += i % 3 + 1) {
			out__putc(&o, ' ');
			out__dec_fixed(&o, v, d);
			/* the last @d digits, zero-padded */
			w += (size_t)snprintf(want + w, cap - w, " %0*llu", d,
					      (unsigned long long)(d == 20 ? v : v % sr_pow10[d]));
		}
		out__putc(&o, '\n');
		want[w++] = '\n';
	}
	out__close(&o);
	n = pread(fd, got, cap - 1, 0);
	got[n > 0 ? n : 0] = want[w] = '\0';
	CHECK(st, (size_t)n == w);
	/* around the first byte that differs */
	for (i = 0; got[i] && got[i] == want[i]; i++)
		;
	if ((size_t)i + 40 < w)
		got[i + 40] = want[i + 40] = '\0';
	CHECK_STR(st, got + (i > 40 ? i - 40 : 0), want + (i > 40 ? i - 40 : 0));
out:
	if (fd >= 0)
		close(fd);
	free(want);
	free(got);
}

static void padding(struct t_state *st)
{
	struct t_memout m;
	struct sr_out *o = &m.out;

	t_memout_open(&m);
	out__puts(o, "2149  close(3) ");
	out__pad_to(o, 40);
	out__puts(o, "= 0");
	out__newline(o);
	out__puts(o, "x");
	out__flush(o); /* a flush mid-line must not reset the column */
	out__pad_to(o, 4);
	out__puts(o, "y");
	CHECK_STR(st, t_memout_text(&m), "2149  close(3)                          = 0\nx   y");
	t_memout_close(&m);
}

static void quoting(struct t_state *st)
{
	/* The start of an ELF header, as strace prints a read of it. */
	static const unsigned char elf[] = { 0x7f, 'E', 'L', 'F', 2, 1, 1, 3, 0, 0, 0x10, 't', 2 };
	struct t_memout m;
	struct sr_out *o = &m.out;

	t_memout_open(&m);
	out__quoted(o, elf, sizeof(elf), 32, 0);
	out__putc(o, ' ');
	out__quoted(o, "a\"b\\c\t\n\r\v\f", 10, 32, 0);
	out__putc(o, ' ');
	/* an octal escape followed by an octal digit takes three digits */
	out__quoted(o, "\0017\0018\0019", 6, 32, 0);
	out__putc(o, ' ');
	out__quoted(o, "abcdef", 6, 3, 0);
	out__putc(o, ' ');
	out__quoted(o, "ab\0cd", 5, 32, SR_Q_NUL_TERM);
	out__putc(o, ' ');
	out__quoted(o, "\xb8\x23", 2, 32, SR_Q_HEX);
	out__putc(o, ' ');
	out__quoted(o, "\xff\x80", 2, 32, 0);
	CHECK_STR(st, t_memout_text(&m),
		  "\"\\177ELF\\2\\1\\1\\3\\0\\0\\20t\\2\" \"a\\\"b\\\\c\\t\\n\\r\\v\\f\" "
		  "\"\\0017\\18\\19\" \"abc\"... \"ab\" \"\\xb8\\x23\" \"\\377\\200\"");
	t_memout_close(&m);
}

T_SUITE(out_tests) = {
	T_CASE(numbers), T_CASE(udec_and_fixed_vs_printf), T_CASE(padding), T_CASE(quoting), T_END,
};
