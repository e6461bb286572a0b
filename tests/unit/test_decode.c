// SPDX-License-Identifier: GPL-2.0
/* Shared printers: flags, enums, errno names, signal names. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <asm/statfs.h>
#include <unistd.h>

#include "decode/decode.h"
#include "helpers.h"
#include "rec.h"
#include "test.h"

static void flags(struct t_state *st)
{
	struct t_memout m;
	struct sr_fmt *f = &m.fmt;

	/* one argument list: the backend separates the values */
	t_memout_open(&m);
	fmt_flags(f, &xlat_mmap_prot, PROT_READ | PROT_WRITE);
	fmt_flags(f, &xlat_mmap_prot, 0);
	fmt_flags(f, &xlat_mmap_prot, PROT_READ | 0x100000);
	fmt_flags(f, &xlat_mmap_prot, 0x100000);
	fmt_enum(f, &xlat_whence, 1);
	fmt_enum(f, &xlat_whence, 77);
	CHECK_STR(st, t_memout_text(&m),
		  "PROT_READ|PROT_WRITE, PROT_NONE, PROT_READ|0x100000, 0x100000 /* PROT_??? */, "
		  "SEEK_CUR, 0x4d /* SEEK_??? */");
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
	/* a text stays valid after another is looked up (strerror() frees its buffer) */
	{
		const char *a = errno__text(3000);

		CHECK_STR(st, errno__text(3001), "Unknown error 3001");
		CHECK_STR(st, a, "Unknown error 3000");
	}
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
		SKIP(st, "scripts/gen-xlat.sh not found: run from the source tree");
		return;
	}
	CHECK(st, gen_xlat("#include <x.h>\nX_A\n?X_B\nX_C (1 << 2)\n", out, sizeof(out)) == 0);
	CHECK_HAS(st, out, "#ifndef X_A\n#error");
	CHECK_HAS(st, out, "#ifdef X_B\n\t{ (uint64_t)(X_B), \"X_B\" },\n#endif");
	CHECK_HAS(st, out, "\t{ (uint64_t)((1 << 2)), \"X_C\" },");
	CHECK(st, !strstr(out, "#ifdef X_A") && !strstr(out, "X_C\n#error"));
	CHECK(st, gen_xlat("?X_B 4\n", out, sizeof(out)) != 0);
}

/* Arrays of two strace prints with print_array(): cut at -s elements, as longer ones. */
static void pairs_at_s(struct t_state *st)
{
	struct t_sink s;
	int32_t fds[2] = { 3, 4 };
	int64_t ts[4] = { 1, 2, 3, 4 };
	struct statfs sf = { .f_type = 0x1234, .f_fsid = { { 0x15, 0x16 } } };
	uint64_t a[6] = { 0x1000 };
	struct t_blobspec out = { 0, fds, sizeof(fds), 0, 0 };
	struct t_blobspec in[2] = { { 1, "f", 2, 0, 0 }, { 2, ts, sizeof(ts), 0, 0 } };
	struct t_blobspec sfs[2] = { { 0, "/", 2, 0, 0 }, { 1, &sf, sizeof(sf), 0, 0 } };

	t_utc();
	t_sink_open(&s);
	s.opts.strsize = 0;
	CHECK_STR(st, t_line(&s, "pipe2", a, NULL, 0, 0, &out, 1),
		  "pipe2([...], 0)                   = 0");
	s.opts.strsize = 1;
	CHECK_STR(st, t_line(&s, "pipe2", a, NULL, 0, 0, &out, 1),
		  "pipe2([3, ...], 0)                = 0");
	s.opts.strsize = 2;
	CHECK_STR(st, t_line(&s, "pipe2", a, NULL, 0, 0, &out, 1),
		  "pipe2([3, 4], 0)                  = 0");
	s.opts.strsize = 0;
	a[0] = 1;
	a[1] = 1;
	a[3] = 0x1000;
	out.arg = 3;
	CHECK_STR(st, t_line(&s, "socketpair", a, NULL, 0, 0, &out, 1),
		  "socketpair(AF_UNIX, SOCK_STREAM, 0, [...]) = 0");
	a[0] = T_AT_FDCWD;
	a[1] = 0x2000;
	a[2] = 0x3000;
	a[3] = 0;
	CHECK_STR(st, t_line(&s, "utimensat", a, in, 2, 0, NULL, 0),
		  "utimensat(AT_FDCWD, \"f\", [...], 0) = 0");
	s.opts.strsize = 1;
	a[0] = 0x2000;
	a[1] = 0x3000;
	in[0].arg = 0;
	in[1].arg = 1;
	CHECK_HAS(st, t_line(&s, "utimes", a, in, 2, 0, NULL, 0),
		  "utimes(\"f\", [{tv_sec=1, tv_usec=2} /* 1970-01-01T00:00:01.000002+0000 */, "
		  "...]) = 0");
	s.opts.strsize = 0;
	a[1] = 0x4000;
	CHECK_HAS(st, t_line(&s, "statfs", a, sfs, 1, 0, &sfs[1], 1), ", f_fsid={val=[...]}, ");
	s.opts.verbose = true;
	CHECK_HAS(st, t_line(&s, "statfs", a, sfs, 1, 0, &sfs[1], 1),
		  ", f_fsid={val=[0x15, 0x16]}, ");
	t_sink_close(&s);
}

static void signals(struct t_state *st)
{
	struct t_memout m;
	char buf[16];

	t_memout_open(&m);
	fmt_signame(&m.fmt, 17);
	fmt_signame(&m.fmt, 32);
	fmt_signame(&m.fmt, 34);
	fmt_signame(&m.fmt, 0);
	CHECK_STR(st, t_memout_text(&m), "SIGCHLD, SIGRTMIN, SIGRT_2, 0");
	t_memout_close(&m);
	CHECK_STR(st, signame_short(9, buf, sizeof(buf)), "KILL");
}

T_SUITE(decode_tests) = {
	T_CASE(flags),
	T_CASE(errnos),
	T_CASE(errno_returns),
	T_CASE(xlat_generator),
	T_CASE(pairs_at_s),
	T_CASE(signals),
	T_END,
};
