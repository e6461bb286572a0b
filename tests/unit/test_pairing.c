// SPDX-License-Identifier: GPL-2.0
/* Line assembly: entry/exit pairing, unfinished/resumed, exits, losses. */
#include <errno.h>
#include <string.h>

#include "rec.h"
#include "test.h"

static const uint64_t no_args[6];

static void simple_lines(struct t_state *st)
{
	struct t_sink s;
	uint64_t a[6] = { 1, 0x1000, 3 };
	struct t_blobspec hi = { 1, "hi\n", 3, 0, 3 };

	t_sink_open(&s);
	CHECK_STR(st, t_line(&s, "write", a, &hi, 1, 3, NULL, 0),
		  "write(1, \"hi\\n\", 3)               = 3");
	a[0] = 3;
	CHECK_STR(st, t_line(&s, "close", a, NULL, 0, 0, NULL, 0),
		  "close(3)                          = 0");
	CHECK_STR(st, t_line(&s, "close", a, NULL, 0, -EBADF, NULL, 0),
		  "close(3)                          = -1 EBADF (Bad file descriptor)");
	CHECK_STR(st, t_line(&s, "getpid", no_args, NULL, 0, 1234, NULL, 0),
		  "getpid()                          = 1234");
	t_sink_close(&s);
}

static void read_out_buffer(struct t_state *st)
{
	struct t_sink s;
	uint64_t a[6] = { 0, 0x7ffd0000, 10 };
	struct t_blobspec data = { 1, "abc", 3, 0, 3 };

	t_sink_open(&s);
	CHECK_STR(st, t_line(&s, "read", a, NULL, 0, 3, &data, 1),
		  "read(0, \"abc\", 10)                = 3");
	/* a failed read shows the buffer's address */
	CHECK_STR(
		st, t_line(&s, "read", a, NULL, 0, -EAGAIN, NULL, 0),
		"read(0, 0x7ffd0000, 10)           = -1 EAGAIN (Resource temporarily unavailable)");
	/* a signal interrupted it: strace shows "?" and the restart code */
	CHECK_STR(
		st, t_line(&s, "read", a, NULL, 0, -512, NULL, 0),
		"read(0, 0x7ffd0000, 10)           = ? ERESTARTSYS (To be restarted if SA_RESTART is set)");
	t_sink_close(&s);
}

static void interleaved(struct t_state *st)
{
	struct t_sink s;

	t_sink_open(&s);
	t_feed_read_split(&s);
	CHECK_STR(st, t_sink_text(&s),
		  "100   read(0,  <unfinished ...>\n"
		  "200   getpid()                          = 200\n"
		  "100   <... read resumed>\"abc\", 10)      = 3\n");
	t_sink_close(&s);
}

static void exits(struct t_state *st)
{
	struct t_sink s;
	struct t_rec r;
	uint64_t a[6] = { 0, 0x1000, 10 };
	uint64_t status3[6] = { 3 };

	t_sink_open(&s);
	/* exit_group(3): the kernel reports wait status 3 << 8 */
	t_enter(&r, 100, "exit_group", status3);
	t_feed(&s, &r);
	t_pexit(&r, 100, 3 << 8, 1);
	t_feed(&s, &r);
	/* killed inside a syscall that prints more at exit */
	t_enter(&r, 200, "read", a);
	t_feed(&s, &r);
	t_pexit(&r, 200, 9, 1);
	t_feed(&s, &r);
	t_pexit(&r, 300, 11 | 0x80, 1);
	t_feed(&s, &r);
	CHECK_STR(st, t_sink_text(&s),
		  "100   exit_group(3)                     = ?\n"
		  "100   +++ exited with 3 +++\n"
		  "200   read(0,  <unfinished ...>)        = ?\n"
		  "200   +++ killed by SIGKILL +++\n"
		  "300   +++ killed by SIGSEGV (core dumped) +++\n");
	t_sink_close(&s);
}

static void orphans_and_losses(struct t_state *st)
{
	struct t_sink s;
	struct t_rec r;

	t_sink_open(&s);
	/* the new child's return from clone is never printed */
	t_exit(&r, 101, "clone", 0);
	t_feed(&s, &r);
	/* an exit whose entry we never saw (attached mid-call, or lost) */
	t_exit(&r, 100, "read", 5);
	((struct sr_hdr *)r.buf)->lost = 7;
	t_feed(&s, &r);
	CHECK_STR(st, t_sink_text(&s),
		  "--- sysray: 7 events lost (ring buffer full; see -b) ---\n"
		  "100   <... read resumed>)               = 5\n");
	CHECK(st, s.p.stats.lost == 7);
	t_sink_close(&s);
}

/* A path that faulted at entry and was read again at exit prints whole. */
static void retried_path(struct t_state *st)
{
	struct t_sink s;
	struct t_rec r;
	uint64_t a[6] = { 0x1000, 0 };

	t_sink_open(&s);
	t_enter(&r, 100, "chdir", a);
	t_blob(&r, 0, NULL, 0, SR_BF_FAULT, -EFAULT);
	t_feed(&s, &r);
	t_enter(&r, 200, "getpid", no_args);
	t_feed(&s, &r);
	t_exit(&r, 200, "getpid", 200);
	t_feed(&s, &r);
	t_exit(&r, 100, "chdir", 0);
	t_blob(&r, 0, "/tmp", 5, SR_BF_RETRY, 0);
	t_feed(&s, &r);
	CHECK_STR(st, t_sink_text(&s),
		  "200   getpid()                          = 200\n"
		  "100   chdir(\"/tmp\")                     = 0\n");
	t_sink_close(&s);
}

static void malformed(struct t_state *st)
{
	struct t_sink s;
	struct t_rec r;

	t_sink_open(&s);
	t_enter(&r, 100, "getpid", no_args);
	((struct sr_hdr *)r.buf)->size = 10000; /* claims more than there is */
	t_feed(&s, &r);
	r.len = 8; /* shorter than a header */
	t_feed(&s, &r);
	CHECK(st, s.p.stats.bad == 2);
	CHECK_STR(st, t_sink_text(&s), "");
	t_sink_close(&s);
}

/* pairing__sweep()'s /proc, as a test sets it: only task 100 exists. */
static bool only_100(uint32_t tid, void *ctx)
{
	(void)ctx;
	return tid == 100;
}

/*
 * Tasks whose exit record was lost: forgotten at the second sweep that finds
 * them gone (the first lets a record still in a ring arrive), a call in
 * flight ending as strace ends a death inside it; a live task stays.
 */
static void sweep_lost_exits(struct t_state *st)
{
	struct t_sink s;
	struct t_rec r;
	uint64_t a[6] = { 0, 0x1000, 10 };

	t_sink_open(&s);
	t_enter(&r, 100, "read", a);
	t_feed(&s, &r);
	t_enter(&r, 200, "read", a);
	t_feed(&s, &r);
	t_exit(&r, 300, "getppid", 1);
	t_feed(&s, &r);
	CHECK(st, pairing__sweep(&s.p, only_100, NULL) == 0);
	CHECK(st, s.p.tasks.used == 2); /* an exit alone (300) keeps no state */
	CHECK(st, pairing__sweep(&s.p, only_100, NULL) == 1);
	CHECK(st, s.p.tasks.used == 1 && s.p.stats.swept == 1);
	CHECK(st, pairing__sweep(&s.p, only_100, NULL) == 0);
	CHECK_STR(st, t_sink_text(&s),
		  "100   read(0,  <unfinished ...>\n"
		  "200   read(0,  <unfinished ...>\n"
		  "300   <... getppid resumed>)            = 1\n"
		  "200   <... read resumed> <unfinished ...>) = ?\n");
	t_sink_close(&s);
}

T_SUITE(pairing_tests) = {
	T_CASE(simple_lines), T_CASE(read_out_buffer),	  T_CASE(interleaved),
	T_CASE(exits),	      T_CASE(orphans_and_losses), T_CASE(retried_path),
	T_CASE(malformed),    T_CASE(sweep_lost_exits),	  T_END,
};
