// SPDX-License-Identifier: GPL-2.0
/* Shared printers: flags, enums, errno names, signal names. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

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

/* Run scripts/gen-xlat.sh on @in; its output (or "") in @out, its exit status returned. */
static int gen_xlat(const char *in, char *out, size_t len)
{
	char path[] = "/tmp/sysray-xlat-XXXXXX", cmd[128];
	size_t n = 0;
	FILE *p;
	int fd;

	fd = mkstemp(path);
	if (fd < 0)
		return -1;
	if (write(fd, in, strlen(in)) != (ssize_t)strlen(in)) {
		close(fd);
		unlink(path);
		return -1;
	}
	close(fd);
	snprintf(cmd, sizeof(cmd), "sh scripts/gen-xlat.sh %s 2>/dev/null", path);
	p = popen(cmd, "r");
	if (p) {
		n = fread(out, 1, len - 1, p);
		fd = pclose(p);
	} else {
		fd = -1;
	}
	out[n] = 0;
	unlink(path);
	return fd;
}

/*
 * A name the headers lack stops the build (#error) unless marked optional;
 * only a name can be optional. Run from the source tree, as make check does.
 */
static void xlat_generator(struct t_state *st)
{
	static char out[8192];

	if (access("scripts/gen-xlat.sh", R_OK)) {
		fprintf(stderr, "  xlat_generator: not in the source tree, skipped\n");
		return;
	}
	CHECK(st, gen_xlat("#include <x.h>\nX_A\n?X_B\nX_C (1 << 2)\n", out, sizeof(out)) == 0);
	CHECK_HAS(st, out, "#ifndef X_A\n#error");
	CHECK_HAS(st, out, "#ifdef X_B\n\t{ (uint64_t)(X_B), \"X_B\" },\n#endif");
	CHECK_HAS(st, out, "\t{ (uint64_t)((1 << 2)), \"X_C\" },");
	CHECK(st, !strstr(out, "#ifdef X_A") && !strstr(out, "X_C\n#error"));
	CHECK(st, gen_xlat("?X_B 4\n", out, sizeof(out)) != 0);
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
	T_CASE(flags),		T_CASE(errnos),	 T_CASE(errno_returns),
	T_CASE(xlat_generator), T_CASE(signals), T_END,
};
