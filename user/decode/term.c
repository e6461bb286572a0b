// SPDX-License-Identifier: GPL-2.0
/* Decoders: the terminal structs of ioctl (termios, termios2, termio, winsize). */
#include <stdio.h>
#include <string.h>
#include <asm/termbits.h>
#include <asm/termios.h>

#include "decode/decode.h"
#include "decode/term.h"

/* termios2 is termios with the speeds after it. */
_Static_assert(offsetof(struct termios2, c_cc) == offsetof(struct termios, c_cc), "termios2");
_Static_assert(sizeof(struct termios) == SR_TERMIOS_SIZE, "termios");
_Static_assert(sizeof(struct termios2) == SR_TERMIOS2_SIZE, "termios2");
_Static_assert(sizeof(struct termio) == SR_TERMIO_SIZE, "termio");
_Static_assert(sizeof(struct winsize) == SR_WINSIZE_SIZE, "winsize");

/* One delay field of c_oflag, then strace's '|' even when nothing follows. */
static void oflag_delays(struct sr_fmt *f, uint32_t v)
{
	static const struct {
		const struct sr_xlat *x;
		uint32_t mask;
	} dly[] = {
		{ &xlat_term_nldly, NLDLY },   { &xlat_term_crdly, CRDLY },
		{ &xlat_term_tabdly, TABDLY }, { &xlat_term_bsdly, BSDLY },
		{ &xlat_term_vtdly, VTDLY },   { &xlat_term_ffdly, FFDLY },
	};
	size_t i;

	for (i = 0; i < sizeof(dly) / sizeof(dly[0]); i++) {
		pr_bits_enum(f, dly[i].x, v & dly[i].mask);
		pr_bits_or(f);
	}
}

/* The flags of a set whose other parts came first: nothing at all for 0 unless named. */
static void bits_tail(struct sr_fmt *f, const struct sr_xlat *x, uint64_t v)
{
	const char *zero = v ? NULL : xlat__name(x, 0);
	uint64_t rest = pr_bits_walk(f, x, v, -1);

	if (zero)
		pr_bit(f, NULL, zero);
	if (rest)
		pr_bits_rest(f, SR_NUM_X, rest);
}

/* c_oflag: each delay field by name, then the flags (maybe nothing). */
static void print_oflag(struct sr_fmt *f, uint32_t v)
{
	pr_bits_begin(f, v);
	oflag_delays(f, v);
	bits_tail(f, &xlat_term_oflags, v & ~(NLDLY | CRDLY | TABDLY | BSDLY | VTDLY | FFDLY));
	pr_bits_end(f);
}

/* c_cflag: output speed, input speed if set apart ("B4000000<<IBSHIFT"), size, flags. */
static void print_cflag(struct sr_fmt *f, uint32_t v)
{
	pr_bits_begin(f, v);
	pr_bits_enum(f, &xlat_term_baud, v & CBAUD);
	pr_bits_or(f);
	if (v & CIBAUD) {
		uint32_t ibaud = (v & CIBAUD) >> IBSHIFT;
		const char *in = xlat__name(&xlat_term_baud, ibaud);
		char shift[48];

		/* every value of CBAUD has a name: the number is only a fallback */
		if (in)
			snprintf(shift, sizeof(shift), "%s<<", in);
		else
			snprintf(shift, sizeof(shift), "%#x<<", ibaud);
		pr_bit(f, shift, "IBSHIFT");
		pr_bits_or(f);
	}
	pr_bits_enum(f, &xlat_term_csize, v & CSIZE);
	pr_bits_or(f);
	bits_tail(f, &xlat_term_cflags, v & ~(CBAUD | CIBAUD | CSIZE));
	pr_bits_end(f);
}

static void print_term_flags(struct sr_fmt *f, uint32_t i, uint32_t o, uint32_t c, uint32_t l)
{
	pr_field(f, "c_iflag");
	pr_flags_bare(f, &xlat_term_iflags, i);
	pr_field(f, "c_oflag");
	print_oflag(f, o);
	pr_field(f, "c_cflag");
	print_cflag(f, c);
	pr_field(f, "c_lflag");
	pr_flags_bare(f, &xlat_term_lflags, l);
}

/* -v only: the line discipline and the control characters, "[VINTR]=0x3". */
static void print_term_cc(struct sr_fmt *f, uint8_t line, const uint8_t *cc, size_t n)
{
	char label[32];
	size_t i;

	pr_field(f, "c_line");
	fmt_enum(f, &xlat_term_ldisc, line);
	pr_field(f, "c_cc");
	pr_array_begin(f);
	for (i = 0; i < n; i++) {
		const char *name = xlat__name(&xlat_term_cc, i);

		if (name)
			snprintf(label, sizeof(label), "[%s]", name);
		else
			snprintf(label, sizeof(label), "[%zu]", i);
		pr_field(f, label);
		pr_x(f, cc[i]);
	}
	pr_array_end(f);
}

/* struct termios, and termios2, which adds the two speeds. */
void term_print_termios(struct sr_fmt *f, const void *data, bool two)
{
	struct termios2 t;

	memset(&t, 0, sizeof(t));
	memcpy(&t, data, two ? sizeof(struct termios2) : sizeof(struct termios));
	pr_struct_begin(f);
	print_term_flags(f, t.c_iflag, t.c_oflag, t.c_cflag, t.c_lflag);
	if (!fmt_verbose(f)) {
		pr_more(f);
		pr_struct_end(f);
		return;
	}
	print_term_cc(f, t.c_line, t.c_cc, NCCS);
	if (two) {
		pr_field_u(f, "c_ispeed", t.c_ispeed);
		pr_field_u(f, "c_ospeed", t.c_ospeed);
	}
	pr_struct_end(f);
}

/* struct termio: the same fields as unsigned shorts, and 8 characters. */
void term_print_termio(struct sr_fmt *f, const void *data)
{
	struct termio t;

	memcpy(&t, data, sizeof(t));
	pr_struct_begin(f);
	print_term_flags(f, t.c_iflag, t.c_oflag, t.c_cflag, t.c_lflag);
	if (fmt_verbose(f))
		print_term_cc(f, t.c_line, t.c_cc, NCC);
	else
		pr_more(f);
	pr_struct_end(f);
}

void term_print_winsize(struct sr_fmt *f, const void *data)
{
	struct winsize ws;

	memcpy(&ws, data, sizeof(ws));
	pr_struct_begin(f);
	pr_field_u(f, "ws_row", ws.ws_row);
	pr_field_u(f, "ws_col", ws.ws_col);
	pr_field_u(f, "ws_xpixel", ws.ws_xpixel);
	pr_field_u(f, "ws_ypixel", ws.ws_ypixel);
	pr_struct_end(f);
}
