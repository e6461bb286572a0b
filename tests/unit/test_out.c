// SPDX-License-Identifier: GPL-2.0
/* Output buffer: numbers, padding and strace's string quoting. */
#include <string.h>

#include "helpers.h"
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
	T_CASE(numbers),
	T_CASE(padding),
	T_CASE(quoting),
	T_END,
};
