// SPDX-License-Identifier: GPL-2.0
/*
 * strace's text output options, in pieces: -x/-xx quoting, -e read=/write=
 * hex dumps, -X raw/verbose constants, -r/-T/-t leaders, -n, -i, -a, and
 * the -ff files. Expected lines are strace 6.1's, as it printed them for
 * the same values.
 */
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cli/filter.h"
#include "print/dump.h"
#include "print/outfiles.h"
#include "rec.h"
#include "table/plan.h"
#include "table/syscalls.h"
#include "test.h"

/* strace -x / -xx / --strings-in-hex=non-ascii-chars of printf's three writes. */
static void strings_in_hex(struct t_state *st)
{
	static const struct {
		uint8_t mode;
		const char *want;
	} cases[] = {
		{ SR_HEXSTR_NON_ASCII,
		  "\"a\\tb\\n\" \"\\x61\\x01\\x0f\\x37\\x0a\" \"\\xff\\x7a\"" },
		{ SR_HEXSTR_ALL,
		  "\"\\x61\\x09\\x62\\x0a\" \"\\x61\\x01\\x0f\\x37\\x0a\" \"\\xff\\x7a\"" },
		{ SR_HEXSTR_NON_ASCII_CHARS, "\"a\\tb\\n\" \"a\\x01\\x0f7\\n\" \"\\xffz\"" },
		{ SR_HEXSTR_NONE, "\"a\\tb\\n\" \"a\\1\\0177\\n\" \"\\377z\"" },
	};
	struct t_memout m;
	size_t i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		t_memout_open(&m);
		m.out.hexstr = cases[i].mode;
		out__quoted(&m.out, "a\tb\n", 4, 32, 0);
		out__putc(&m.out, ' ');
		out__quoted(&m.out, "a\001\0177\n", 5, 32, 0);
		out__putc(&m.out, ' ');
		out__quoted(&m.out, "\377z", 2, 32, 0);
		CHECK_STR(st, t_memout_text(&m), cases[i].want);
		t_memout_close(&m);
	}
	/* -x: a byte past -s does not make the shown part hex; a NUL does */
	t_memout_open(&m);
	m.out.hexstr = SR_HEXSTR_NON_ASCII;
	out__quoted(&m.out, "ab\377", 3, 2, 0);
	out__putc(&m.out, ' ');
	out__quoted(&m.out, "abc\0", 4, 32, 0);
	out__putc(&m.out, ' ');
	out__quoted(&m.out, "abc\0def", 7, 32, SR_Q_NUL_TERM);
	out__putc(&m.out, ' ');
	/* xattr values: strace's QUOTE_OMIT_TRAILING_0, shown in hex */
	out__quoted(&m.out, "abc\0", 4, 32, SR_Q_OMIT_NUL);
	out__putc(&m.out, ' ');
	out__escaped(&m.out, "ls\n", 3);
	CHECK_STR(st, t_memout_text(&m),
		  "\"ab\"... \"\\x61\\x62\\x63\\x00\" \"abc\" \"\\x61\\x62\\x63\\x00\" "
		  "ls\\n");
	t_memout_close(&m);
	t_memout_open(&m);
	out__quoted(&m.out, "abc\0", 4, 32, SR_Q_OMIT_NUL);
	CHECK_STR(st, t_memout_text(&m), "\"abc\"");
	t_memout_close(&m);
}

/* strace -e read=3 of cat reading "abc\1\377hello world this is longer than 16 bytes". */
static void hex_dump(struct t_state *st)
{
	static const char data[] = "abc\001\377hello world this is longer than 16 bytes";
	struct t_memout m;

	t_memout_open(&m);
	dump__hex(&m.out, data, sizeof(data) - 1, sizeof(data) - 1);
	CHECK_STR(
		st, t_memout_text(&m),
		" | 00000  61 62 63 01 ff 68 65 6c  6c 6f 20 77 6f 72 6c 64  abc..hello world |\n"
		" | 00010  20 74 68 69 73 20 69 73  20 6c 6f 6e 67 65 72 20   this is longer  |\n"
		" | 00020  74 68 61 6e 20 31 36 20  62 79 74 65 73           than 16 bytes    |\n");
	t_memout_close(&m);
	/* more than 1 MiB: the offsets take as many digits as the last one needs */
	t_memout_open(&m);
	dump__hex(&m.out, "x", 1, 0x100001);
	dump__hex(&m.out, "y", 1, 0x100000);
	CHECK_STR(
		st, t_memout_text(&m),
		" | 000000  78                                                x                |\n"
		" | 00000  79                                                y                |\n");
	t_memout_close(&m);
}

static void set_ts(struct t_rec *r, uint64_t ts)
{
	((struct sr_hdr *)r->buf)->ts_ns = ts;
}

/* Feed an entry at @t0 and its exit at @t1 (ns), blobs as t_feed_call()'s. */
static void timed_call(struct t_sink *s, uint32_t tid, const char *name, const uint64_t args[6],
		       uint64_t t0, int64_t ret, uint64_t t1, const struct t_blobspec *in, int n_in)
{
	struct t_rec r;
	int i;

	t_enter(&r, tid, name, args);
	for (i = 0; i < n_in; i++)
		t_blob(&r, in[i].arg, in[i].data, in[i].len, in[i].flags, in[i].aux);
	set_ts(&r, t0);
	t_feed(s, &r);
	t_exit(&r, tid, name, ret);
	set_ts(&r, t1);
	t_feed(s, &r);
}

/* -X verbose and -X raw, as strace 6.1 printed the same calls of ld.so. */
static void const_styles(struct t_state *st)
{
	static const uint64_t openat_a[6] = { T_AT_FDCWD, 0x1000, 0x80000 };
	static const uint64_t mmap_a[6] = { 0, 8192, 3, 0x22, (uint64_t)-1, 0 };
	static const uint64_t lseek_a[6] = { 3, 0, 0 };
	static const struct t_blobspec path = { 1, "/etc/ld.so.cache", 17, 0, 0 };
	static const uint64_t socket_a[6] = { 1, 0x80001, 0 };
	static const uint64_t statx_a[6] = { T_AT_FDCWD, 0x1000, 0x100, 1, 0x1000 };
	static const uint64_t mknod_a[6] = { 0x1000, 020600, 0x103 };
	static const struct t_blobspec slash = { 1, "/", 2, 0, 0 };
	static const struct t_blobspec path_x = { 0, "x", 2, 0, 0 };
	struct t_sink s;

	t_sink_open(&s);
	s.opts.xlat_style = SR_XLAT_VERBOSE;
	t_sink_reinit(&s);
	CHECK_STR(st, t_line(&s, "openat", openat_a, &path, 1, 3, NULL, 0),
		  "openat(-100 /* AT_FDCWD */, \"/etc/ld.so.cache\", 0x80000 /* "
		  "O_RDONLY|O_CLOEXEC */) = 3");
	CHECK_STR(st, t_line(&s, "mmap", mmap_a, NULL, 0, 0x7f3ea2c2e000, NULL, 0),
		  "mmap(NULL, 8192, 0x3 /* PROT_READ|PROT_WRITE */, 0x22 /* "
		  "MAP_PRIVATE|MAP_ANONYMOUS */, -1, 0) = 0x7f3ea2c2e000");
	CHECK_STR(st, t_line(&s, "lseek", lseek_a, NULL, 0, 0, NULL, 0),
		  "lseek(3, 0, 0 /* SEEK_SET */)     = 0");
	CHECK_STR(
		st, t_line(&s, "socket", socket_a, NULL, 0, 3, NULL, 0),
		"socket(0x1 /* AF_UNIX */, 0x1 /* SOCK_STREAM */|0x80000 /* SOCK_CLOEXEC */, 0) = 3");
	CHECK_STR(st, t_line(&s, "statx", statx_a, &slash, 1, -1, NULL, 0),
		  "statx(-100 /* AT_FDCWD */, \"/\", 0 /* AT_STATX_SYNC_AS_STAT */|0x100 /* "
		  "AT_SYMLINK_NOFOLLOW */, 0x1 /* STATX_TYPE */, 0x1000) = -1 EPERM (Operation not "
		  "permitted)");
	CHECK_STR(st, t_line(&s, "mknod", mknod_a, &path_x, 1, 0, NULL, 0),
		  "mknod(\"x\", 020600 /* S_IFCHR|0600 */, 0x103 /* makedev(0x1, 0x3) */) = 0");
	s.opts.xlat_style = SR_XLAT_RAW;
	t_sink_reinit(&s);
	CHECK_STR(st, t_line(&s, "socket", socket_a, NULL, 0, 3, NULL, 0),
		  "socket(0x1, 0x1|0x80000, 0)       = 3");
	/* strace 6.1 prints the sync type 0 as nothing, and the '|' before the flags */
	CHECK_STR(st, t_line(&s, "statx", statx_a, &slash, 1, -1, NULL, 0),
		  "statx(-100, \"/\", |0x100, 0x1, 0x1000) = -1 EPERM (Operation not permitted)");
	CHECK_STR(st, t_line(&s, "mknod", mknod_a, &path_x, 1, 0, NULL, 0),
		  "mknod(\"x\", 020600, 0x103)         = 0");
	CHECK_STR(st, t_line(&s, "openat", openat_a, &path, 1, 3, NULL, 0),
		  "openat(-100, \"/etc/ld.so.cache\", 0x80000) = 3");
	CHECK_STR(st, t_line(&s, "mmap", mmap_a, NULL, 0, 0x7f3ea2c2e000, NULL, 0),
		  "mmap(NULL, 8192, 0x3, 0x22, -1, 0) = 0x7f3ea2c2e000");
	t_sink_close(&s);
}

/* -r, -T at each precision, -n, -a, from the records' kernel times. */
static void relative_and_durations(struct t_state *st)
{
	static const uint64_t close_a[6] = { 3 };
	static const uint64_t getpid_a[6] = { 0 };
	struct t_sink s;
	struct t_rec r;

	t_sink_open(&s);
	s.opts.relative = true;
	s.opts.rel_digits = 6;
	s.opts.syscall_times = true;
	s.opts.times_digits = 6;
	s.opts.print_nr = true;
	t_sink_reinit(&s);
	timed_call(&s, 100, "close", close_a, 5000000000ULL, 0, 5000012345ULL, NULL, 0);
	timed_call(&s, 100, "getpid", getpid_a, 6250000999ULL, 100, 6250001000ULL, NULL, 0);
	t_pexit(&r, 100, 0, 1);
	set_ts(&r, 6250003000ULL);
	t_feed(&s, &r);
	CHECK_STR(st, t_sink_text(&s),
		  "100        0.000000 [   3] close(3)     = 0 <0.000012>\n"
		  "100        1.250000 [  39] getpid()     = 100 <0.000000>\n"
		  "100        0.000002 [  39] +++ exited with 0 +++\n");
	t_sink_close(&s);

	t_sink_open(&s);
	s.opts.syscall_times = true;
	s.opts.times_digits = 9;
	s.opts.acolumn = 1 + 20;
	t_sink_reinit(&s);
	timed_call(&s, 100, "close", close_a, 5000000000ULL, 0, 5000012345ULL, NULL, 0);
	s.opts.times_digits = 0;
	timed_call(&s, 100, "close", close_a, 5000000000ULL, 0, 7000012345ULL, NULL, 0);
	CHECK_STR(st, t_sink_text(&s),
		  "100   close(3)      = 0 <0.000012345>\n"
		  "100   close(3)      = 0 <2>\n");
	t_sink_close(&s);
}

/* -T: a call whose entry was never seen has no duration to show. */
static void unknown_duration(struct t_state *st)
{
	struct t_sink s;
	struct t_rec r;

	t_sink_open(&s);
	s.opts.syscall_times = true;
	s.opts.times_digits = 6;
	t_sink_reinit(&s);
	t_exit(&r, 100, "close", 0);
	set_ts(&r, 5000000000ULL);
	t_feed(&s, &r);
	CHECK_STR(st, t_sink_text(&s), "100   <... close resumed>)              = 0 <?>\n");
	t_sink_close(&s);
}

/*
 * A call sent whole at exit with entry times wanted: stamped with its entry
 * (SR_HF_ENTRY_TS), its exit's time in the record. -r counts from the
 * entries, -T is the time between; without the stamp there is no duration.
 */
static void whole_call_times(struct t_state *st)
{
	static const uint64_t getpid_a[6] = { 0 };
	struct sr_callrec *c;
	struct t_sink s;
	struct t_rec r;

	t_sink_open(&s);
	s.opts.relative = true;
	s.opts.rel_digits = 6;
	s.opts.syscall_times = true;
	s.opts.times_digits = 6;
	t_sink_reinit(&s);
	t_call(&r, 100, "getpid", getpid_a, 100);
	c = (struct sr_callrec *)r.buf;
	c->e.h.flags = SR_HF_ENTRY_TS;
	c->e.h.ts_ns = 5000000000ULL;
	c->ts_exit = 5000000700ULL;
	t_feed(&s, &r);
	t_call(&r, 100, "getpid", getpid_a, 100);
	c->e.h.flags = SR_HF_ENTRY_TS;
	c->e.h.ts_ns = 5000250000ULL;
	c->ts_exit = 5000262000ULL;
	t_feed(&s, &r);
	t_call(&r, 100, "getpid", getpid_a, 100);
	c->e.h.ts_ns = c->ts_exit = 5000500000ULL;
	t_feed(&s, &r);
	CHECK_STR(st, t_sink_text(&s),
		  "100        0.000000 getpid()            = 100 <0.000000>\n"
		  "100        0.000250 getpid()            = 100 <0.000012>\n"
		  "100        0.000250 getpid()            = 100 <?>\n");
	t_sink_close(&s);
}

/* -t, -tt, -ttt: the wall clock of the kernel's CLOCK_MONOTONIC time. */
static void wall_clock(struct t_state *st)
{
	static const uint64_t close_a[6] = { 3 };
	struct timespec mono, real;
	struct t_sink s;
	long long secs;
	char *end;
	const char *text;

	clock_gettime(CLOCK_MONOTONIC, &mono);
	clock_gettime(CLOCK_REALTIME, &real);
	t_sink_open(&s);
	s.opts.ts_format = SR_TS_UNIX;
	s.opts.ts_digits = 6;
	t_sink_reinit(&s);
	timed_call(&s, 100, "close", close_a, mono.tv_sec * 1000000000ULL + mono.tv_nsec, 0,
		   mono.tv_sec * 1000000000ULL + mono.tv_nsec + 10, NULL, 0);
	text = t_sink_text(&s);
	/* "100   1700000000.123456 close(3) = 0": within a second of the clock read above */
	secs = strtoll(text + 6, &end, 10);
	CHECK(st, secs >= real.tv_sec - 1 && secs <= real.tv_sec + 1);
	CHECK(st, end[0] == '.' && strspn(end + 1, "0123456789") == 6);
	CHECK_HAS(st, end + 7, " close(3)");
	t_sink_close(&s);

	t_sink_open(&s);
	s.opts.ts_format = SR_TS_TIME;
	s.opts.ts_digits = 0;
	s.opts.relative = true;
	s.opts.rel_digits = 3;
	t_sink_reinit(&s);
	timed_call(&s, 100, "close", close_a, 1000, 0, 2000, NULL, 0);
	text = t_sink_text(&s);
	/* "100   12:34:56 (+     0.000) close(3)": strace's %T, then -r in parentheses */
	CHECK(st, strlen(text) > 26 && text[8] == ':' && text[11] == ':' && text[14] == ' ');
	CHECK_HAS(st, text + 15, "(+     0.000) close(3) ");
	t_sink_close(&s);
}

/* -e write=1 and -e read=3: a dump after the line; none for a failed read or other fds. */
static void dumps(struct t_state *st)
{
	static const uint64_t write_a[6] = { 1, 0x1000, 4 };
	static const uint64_t read_a[6] = { 3, 0x1000, 8 };
	static const struct t_blobspec wbuf = { 1, "hey\n", 4, 0, 0 };
	static const struct t_blobspec rbuf = { 1, "abc", 3, 0, 0 };
	struct t_sink s;

	t_sink_open(&s);
	filter__fdset(&s.opts.write_fds, "1");
	filter__fdset(&s.opts.read_fds, "!0,1,2");
	t_sink_reinit(&s);
	t_feed_call(&s, 100, T_AS_SPLIT, "write", write_a, &wbuf, 1, 4, NULL, 0);
	t_feed_call(&s, 100, T_AS_SPLIT, "read", read_a, NULL, 0, 3, &rbuf, 1);
	t_feed_call(&s, 100, T_AS_SPLIT, "read", read_a, NULL, 0, -11, NULL, 0);
	/* 4 bytes asked for, 3 captured */
	t_feed_call(&s, 100, T_AS_SPLIT, "write", write_a, &rbuf, 1, 4, NULL, 0);
	CHECK_STR(st, t_sink_text(&s),
		  "100   write(1, \"hey\\n\", 4)              = 4\n"
		  " | 00000  68 65 79 0a                                       hey.             |\n"
		  "100   read(3, \"abc\", 8)                 = 3\n"
		  " | 00000  61 62 63                                          abc              |\n"
		  "100   read(3, 0x1000, 8)                = -1 EAGAIN (Resource temporarily "
		  "unavailable)\n"
		  "100   write(1, \"abc\", 4)                = 4\n"
		  " | 00000  61 62 63                                          abc              |\n"
		  " | sysray: 1 more bytes not captured (at most 4096 per buffer)\n");
	t_sink_close(&s);
}

/* -n and -i on lines about a task: its latest call's number and address; none once gone. */
static void numbers_and_addresses(struct t_state *st)
{
	static const uint64_t kill_a[6] = { 100, 10 };
	static uint8_t si[128];
	struct t_sink s;
	struct t_rec r;

	t_sink_open(&s);
	s.opts.print_nr = true;
	s.opts.print_ip = true;
	t_sink_reinit(&s);
	t_enter(&r, 100, "kill", kill_a);
	((struct sr_enter *)r.buf)->ip = 0x7f1ea1976409;
	t_feed(&s, &r);
	t_exit(&r, 100, "kill", 0);
	t_feed(&s, &r);
	si[0] = 10;
	t_signal(&r, 100, 10, 0, si);
	t_feed(&s, &r);
	t_pexit(&r, 100, 0, 1);
	t_feed(&s, &r);
	CHECK_STR(st, t_sink_text(&s),
		  "100   [  62] [00007f1ea1976409] kill(100, SIGUSR1) = 0\n"
		  "100   [  62] [00007f1ea1976409] --- SIGUSR1 {si_signo=SIGUSR1, si_code=SI_USER, "
		  "si_pid=0, si_uid=0} ---\n"
		  "100   [  62] [????????????????] +++ exited with 0 +++\n");
	t_sink_close(&s);
}

/* Everything in @path, or "" if it cannot be read. */
static const char *file_text(const char *path)
{
	static char buf[4096];
	int fd = open(path, O_RDONLY);
	ssize_t n = fd < 0 ? 0 : read(fd, buf, sizeof(buf) - 1);

	if (fd >= 0)
		close(fd);
	buf[n > 0 ? n : 0] = 0;
	return buf;
}

/*
 * -ff: a file per thread, two open at most here: the third thread closes
 * the least recently used file, which reopens for appending, its open line
 * going on where it stopped. A thread that is gone has its file closed; a
 * new thread with its number appends.
 */
static void files_per_thread(struct t_state *st)
{
	char dir[] = "/tmp/sysray-unit-ffXXXXXX", prefix[PATH_MAX], path[PATH_MAX + 16];
	struct sr_outfiles *f;
	struct sr_dest *d;
	uint32_t tid;

	CHECK(st, mkdtemp(dir) != NULL);
	snprintf(prefix, sizeof(prefix), "%s/t", dir);
	f = outfiles__new(prefix, false, 0, 2);
	CHECK(st, f != NULL);
	if (!f)
		return;
	d = outfiles__get(f, 1);
	out__puts(d->out, "read(0, ");
	d->line_open = true;
	out__puts(outfiles__get(f, 2)->out, "two\n");
	out__puts(outfiles__get(f, 3)->out, "three\n");
	CHECK(st, outfiles__open_count(f) == 2);
	d = outfiles__get(f, 1);
	CHECK(st, d->line_open && out__col(d->out) == 8);
	out__puts(d->out, "\"x\", 1) = 1\n");
	outfiles__release(f, 2);
	out__puts(outfiles__get(f, 2)->out, "two again\n");
	CHECK(st, outfiles__flush(f) == 0 && outfiles__err(f) == 0);
	outfiles__free(f);
	snprintf(path, sizeof(path), "%s.1", prefix);
	CHECK_STR(st, file_text(path), "read(0, \"x\", 1) = 1\n");
	snprintf(path, sizeof(path), "%s.2", prefix);
	CHECK_STR(st, file_text(path), "two\ntwo again\n");
	snprintf(path, sizeof(path), "%s.3", prefix);
	CHECK_STR(st, file_text(path), "three\n");
	for (tid = 1; tid <= 3; tid++) {
		snprintf(path, sizeof(path), "%s.%u", prefix, tid);
		unlink(path);
	}
	rmdir(dir);
}

/*
 * --trace-fds=3: calls with fd 3 as an argument, in select's sets or poll's
 * array; not getpid, not close(4), not openat returning 3.
 */
static void trace_fds(struct t_state *st)
{
	static const uint64_t close3[6] = { 3 }, close4[6] = { 4 }, none[6] = { 0 };
	static const uint64_t openat_a[6] = { T_AT_FDCWD, 0x1000, 0 };
	static const uint64_t poll_a[6] = { 0x1000, 1, 0 };
	static const uint64_t select_a[6] = { 5, 0x1000, 0, 0, 0 };
	static const struct t_blobspec path = { 1, "/etc/passwd", 12, 0, 0 };
	static const uint8_t set3[8] = { 0x08 }, set4[8] = { 0x10 };
	static const int32_t pfd3[2] = { 3, 1 }; /* fd 3, POLLIN */
	const struct t_blobspec sel3 = { 1, set3, sizeof(set3), 0, 0 };
	const struct t_blobspec sel4 = { 1, set4, sizeof(set4), 0, 0 };
	const struct t_blobspec poll3 = { 0, pfd3, sizeof(pfd3), 0, 0 };
	struct t_sink s;

	t_sink_open(&s);
	CHECK(st, filter__fdset(&s.opts.trace_fds, "3") == 0);
	t_sink_reinit(&s);
	t_feed_call(&s, 100, T_AS_SPLIT, "openat", openat_a, &path, 1, 3, NULL, 0);
	t_feed_call(&s, 100, T_AS_SPLIT, "getpid", none, NULL, 0, 100, NULL, 0);
	t_feed_call(&s, 100, T_AS_SPLIT, "close", close4, NULL, 0, 0, NULL, 0);
	t_feed_call(&s, 100, T_AS_SPLIT, "select", select_a, &sel4, 1, 0, NULL, 0);
	t_feed_call(&s, 100, T_AS_SPLIT, "select", select_a, &sel3, 1, 0, NULL, 0);
	t_feed_call(&s, 100, T_AS_SPLIT, "poll", poll_a, &poll3, 1, 0, NULL, 0);
	t_feed_call(&s, 100, T_AS_SPLIT, "close", close3, NULL, 0, 0, NULL, 0);
	CHECK_STR(st, t_sink_text(&s),
		  "100   select(5, [3], NULL, NULL, NULL)  = 0 (Timeout)\n"
		  "100   poll([{fd=3, events=POLLIN}], 1, 0) = 0 (Timeout)\n"
		  "100   close(3)                          = 0\n");
	t_sink_close(&s);
}

/* -P, --trace-fds: the calls the kernel still sends, by the table's classes and arguments. */
static void file_calls(struct t_state *st)
{
	static const char *const yes[] = { "openat",   "read", "mmap",	  "symlinkat",
					   "pselect6", "poll", "connect", "fstat" };
	static const char *const no[] = { "getpid",	  "futex",	"clock_gettime", "brk",
					  "rt_sigaction", "exit_group", "nanosleep" };
	size_t i;

	for (i = 0; i < sizeof(yes) / sizeof(yes[0]); i++)
		CHECK(st, syscalls__touches_files(syscalls__by_name(yes[i])));
	for (i = 0; i < sizeof(no) / sizeof(no[0]); i++)
		CHECK(st, !syscalls__touches_files(syscalls__by_name(no[i])));
	CHECK(st, !syscalls__touches_files(syscalls__undecoded(syscalls__by_name("openat")->nr)));
}

/* -P: the plans the kernel gets trace openat, not getpid; close still reaches the fd tables. */
static void file_plans(struct t_state *st)
{
	struct sr_plans *p = calloc(1, sizeof(*p));
	struct sr_opts o = { .strsize = 32, .npaths = 1, .paths = { "/etc/passwd" } };

	CHECK(st, p != NULL);
	if (!p)
		return;
	plan__build(&o, p);
	CHECK(st, p->plan[syscalls__by_name("openat")->nr].flags & SR_PLAN_TRACED);
	CHECK(st, !(p->plan[syscalls__by_name("getpid")->nr].flags & SR_PLAN_TRACED));
	CHECK(st, p->plan[syscalls__by_name("close")->nr].flags & SR_PLAN_TRACK);
	CHECK(st, !(p->plan[SR_PLAN_IA32].flags & SR_PLAN_TRACED) &&
			  !(p->plan[SR_PLAN_IA32_OOB].flags & SR_PLAN_TRACED));
	o.npaths = 0;
	plan__build(&o, p);
	CHECK(st, p->plan[syscalls__by_name("getpid")->nr].flags & SR_PLAN_TRACED);
	free(p);
}

T_SUITE(textopts_tests) = {
	T_CASE(strings_in_hex),
	T_CASE(hex_dump),
	T_CASE(const_styles),
	T_CASE(relative_and_durations),
	T_CASE(whole_call_times),
	T_CASE(unknown_duration),
	T_CASE(wall_clock),
	T_CASE(dumps),
	T_CASE(numbers_and_addresses),
	T_CASE(files_per_thread),
	T_CASE(trace_fds),
	T_CASE(file_calls),
	T_CASE(file_plans),
	T_END,
};
