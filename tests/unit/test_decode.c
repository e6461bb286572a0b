// SPDX-License-Identifier: GPL-2.0
/* Shared printers: flags, enums, errno names, signal names. */
#include <errno.h>
#include <string.h>
#include <sys/mman.h>

#include "decode.h"
#include "helpers.h"
#include "rec.h"
#include "test.h"

static void flags(struct t_state *st)
{
	struct t_memout m;
	struct sr_fmt f = { .out = &m.out };

	t_memout_open(&m);
	fmt_flags(&f, &xlat_mmap_prot, PROT_READ | PROT_WRITE);
	out__putc(&m.out, ' ');
	fmt_flags(&f, &xlat_mmap_prot, 0);
	out__putc(&m.out, ' ');
	fmt_flags(&f, &xlat_mmap_prot, PROT_READ | 0x100000);
	out__putc(&m.out, ' ');
	fmt_flags(&f, &xlat_mmap_prot, 0x100000);
	out__putc(&m.out, ' ');
	fmt_enum(&f, &xlat_whence, 1);
	out__putc(&m.out, ' ');
	fmt_enum(&f, &xlat_whence, 77);
	CHECK_STR(st, t_memout_text(&m),
		  "PROT_READ|PROT_WRITE PROT_NONE PROT_READ|0x100000 0x100000 /* PROT_??? */ "
		  "SEEK_CUR 0x4d /* SEEK_??? */");
	t_memout_close(&m);
}

static void errnos(struct t_state *st)
{
	CHECK_STR(st, errno__name(ENOENT), "ENOENT");
	CHECK_STR(st, errno__text(ENOENT), "No such file or directory");
	CHECK_STR(st, errno__name(EAGAIN), "EAGAIN");
	CHECK_STR(st, errno__name(512), "ERESTARTSYS");
	CHECK_STR(st, errno__text(514), "To be restarted if no handler");
	CHECK(st, errno__name(4000) == NULL);
	CHECK(st, errno__name(0) == NULL && errno__name(-1) == NULL);
	/* kernel-internal codes: strace names them, and its text is strerror()'s */
	CHECK_STR(st, errno__name(524), "ENOTSUPP");
	CHECK_STR(st, errno__text(524), "Unknown error 524");
	CHECK_STR(st, errno__name(530), "ERECALLCONFLICT");
	/* ... but not these two, which strace 6.1's table lacks */
	CHECK(st, errno__name(519) == NULL && errno__name(531) == NULL);
}

/* Return values with errno, as strace's print_err_ret() prints them. */
static void errno_returns(struct t_state *st)
{
	uint64_t a[6] = { 3 };
	struct t_sink s;

	t_sink_open(&s);
	CHECK_STR(st, t_line(&s, "close", a, NULL, 0, -4000, NULL, 0),
		  "close(3)                          = -1 (errno 4000)");
	CHECK_STR(st, t_line(&s, "close", a, NULL, 0, -524, NULL, 0),
		  "close(3)                          = -1 ENOTSUPP (Unknown error 524)");
	CHECK_STR(st, t_line(&s, "close", a, NULL, 0, -519, NULL, 0),
		  "close(3)                          = -1 (errno 519)");
	CHECK_STR(
		st, t_line(&s, "close", a, NULL, 0, -512, NULL, 0),
		"close(3)                          = ? ERESTARTSYS (To be restarted if SA_RESTART "
		"is set)");
	CHECK_STR(st, t_line(&s, "close", a, NULL, 0, -4095, NULL, 0),
		  "close(3)                          = -1 (errno 4095)");
	t_sink_close(&s);
}

static void signals(struct t_state *st)
{
	struct t_memout m;
	struct sr_fmt f = { .out = &m.out };
	char buf[16];

	t_memout_open(&m);
	fmt_signame(&f, 17);
	out__putc(&m.out, ' ');
	fmt_signame(&f, 32);
	out__putc(&m.out, ' ');
	fmt_signame(&f, 34);
	out__putc(&m.out, ' ');
	fmt_signame(&f, 0);
	CHECK_STR(st, t_memout_text(&m), "SIGCHLD SIGRTMIN SIGRT_2 0");
	t_memout_close(&m);
	CHECK_STR(st, signame_short(9, buf, sizeof(buf)), "KILL");
}

T_SUITE(decode_tests) = {
	T_CASE(flags), T_CASE(errnos), T_CASE(errno_returns), T_CASE(signals), T_END,
};
