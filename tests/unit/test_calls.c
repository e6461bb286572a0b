// SPDX-License-Identifier: GPL-2.0
/*
 * Whole-call records (SR_REC_CALL): what sys_exit sends for calls whose plan
 * has SR_PLAN_AT_EXIT, and under -z/-Z for calls that read nothing at entry
 * (see sr_plan_whole()). They must
 * print exactly as the same call sent as an entry and an exit record.
 */
#include <errno.h>
#include <signal.h>
#include <string.h>
#include <linux/sched.h>

#include "rec.h"
#include "table/plan.h"
#include "test.h"

/* One call as a test describes it. */
struct call {
	const char *name;
	uint64_t a[6];
	int64_t ret;
	struct t_blobspec out[2];
	int n_out;
	const char *want; /* the line, without "PID   " and the newline */
};

/* Everything @c prints in a new session, sent as @as. */
static const char *print_as(struct t_sink *s, const struct call *c, enum t_as as)
{
	t_sink_open(s);
	t_feed_call(s, 100, as, c->name, c->a, NULL, 0, c->ret, c->out, c->n_out);
	t_sink_text(s);
	t_sink_close(s);
	return s->mem.text_buf;
}

/* Calls that never block print the same from one record as from two. */
static void whole_like_split(struct t_state *st)
{
	static const int64_t ts[2] = { 1511, 782737158 };
	static const int32_t fds[2] = { 3, 4 };
	struct sr_opts o = { .strsize = 32, .status = SR_ST_ALL };
	const struct call calls[] = {
		{ "getpid", {}, 1234, {}, 0, "getpid()                          = 1234" },
		{ "brk",
		  {},
		  0x55d4c3a2e000,
		  {},
		  0,
		  "brk(NULL)                         = 0x55d4c3a2e000" },
		{ "brk",
		  { 0x55d4c3a4f000 },
		  0x55d4c3a4f000,
		  {},
		  0,
		  "brk(0x55d4c3a4f000)               = 0x55d4c3a4f000" },
		{ "mmap",
		  { 0, 8192, 3, 0x22, (uint64_t)-1, 0 },
		  0x7fb1b9578000,
		  {},
		  0,
		  "mmap(NULL, 8192, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0) = "
		  "0x7fb1b9578000" },
		{ "mmap",
		  { 0, 4096, 1, 0x22, (uint64_t)-1, 0 },
		  -ENOMEM,
		  {},
		  0,
		  "mmap(NULL, 4096, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0) = -1 ENOMEM (Cannot "
		  "allocate memory)" },
		{ "clock_gettime",
		  { 1, 0x7ffe79635280 },
		  0,
		  { { 1, ts, sizeof(ts), 0, 0 } },
		  1,
		  "clock_gettime(CLOCK_MONOTONIC, {tv_sec=1511, tv_nsec=782737158}) = 0" },
		/* failed: the kernel captures no output, the address shows */
		{ "clock_gettime",
		  { 1, 0x7ffe79635280 },
		  -EFAULT,
		  {},
		  0,
		  "clock_gettime(CLOCK_MONOTONIC, 0x7ffe79635280) = -1 EFAULT (Bad address)" },
		{ "getcwd",
		  { 0x7ffe0000, 4096 },
		  5,
		  { { 0, "/tmp", 5, 0, 5 } },
		  1,
		  "getcwd(\"/tmp\", 4096)              = 5" },
		{ "pipe2",
		  { 0x7ffe0000, 0x80000 },
		  0,
		  { { 0, fds, sizeof(fds), 0, 0 } },
		  1,
		  "pipe2([3, 4], O_CLOEXEC)          = 0" },
		{ "umask", { 022 }, 022, {}, 0, "umask(022)                        = 022" },
		{ "dup", { 3 }, 4, {}, 0, "dup(3)                            = 4" },
		{ "kill", { 1234, SIGTERM }, 0, {}, 0, "kill(1234, SIGTERM)               = 0" },
	};
	char want[512];
	struct t_sink s;
	size_t i;

	for (i = 0; i < sizeof(calls) / sizeof(calls[0]); i++) {
		const struct call *c = &calls[i];

		/* the kernel does send these as one record */
		if (!t_one_record(c->name, &o))
			fprintf(stderr, "  %s is not a one-record call\n", c->name);
		CHECK(st, t_one_record(c->name, &o));
		snprintf(want, sizeof(want), "100   %s\n", c->want);
		CHECK_STR(st, print_as(&s, c, T_AS_WHOLE), want);
		CHECK_STR(st, print_as(&s, c, T_AS_SPLIT), want);
	}
}

/* One task's call is open when another task's whole call arrives. */
static void whole_interleaved(struct t_state *st)
{
	static const int64_t ts[2] = { 1, 2 };
	const struct t_blobspec tsb = { 1, ts, sizeof(ts), 0, 0 };
	uint64_t rd[6] = { 0, 0x1000, 10 }, cg[6] = { 0, 0x2000 }, none[6] = { 0 };
	struct t_sink s;
	struct t_rec r;

	t_sink_open(&s);
	t_enter(&r, 100, "read", rd);
	t_feed(&s, &r);
	t_feed_call(&s, 200, T_AS_WHOLE, "getpid", none, NULL, 0, 200, NULL, 0);
	t_feed_call(&s, 200, T_AS_WHOLE, "clock_gettime", cg, NULL, 0, 0, &tsb, 1);
	t_exit(&r, 100, "read", 3);
	t_blob(&r, 1, "abc", 3, 0, 3);
	t_feed(&s, &r);
	/* a whole call leaves no line open: the next entry needs no "unfinished" */
	t_feed_call(&s, 200, T_AS_WHOLE, "getpid", none, NULL, 0, 200, NULL, 0);
	t_enter(&r, 100, "read", rd);
	t_feed(&s, &r);
	t_exit(&r, 100, "read", 0);
	t_blob(&r, 1, "", 0, 0, 0);
	t_feed(&s, &r);
	CHECK_STR(st, t_sink_text(&s),
		  "100   read(0,  <unfinished ...>\n"
		  "200   getpid()                          = 200\n"
		  "200   clock_gettime(CLOCK_REALTIME, {tv_sec=1, tv_nsec=2}) = 0\n"
		  "100   <... read resumed>\"abc\", 10)      = 3\n"
		  "200   getpid()                          = 200\n"
		  "100   read(0, \"\", 10)                   = 0\n");
	CHECK(st, s.p.stats.lines == 5);
	t_sink_close(&s);
}

/*
 * A task's exit record was lost, and its next call comes whole: the call
 * left open ends "= ? <unavailable>" as it does before a new entry record.
 */
static void whole_after_lost_exit(struct t_state *st)
{
	static const enum t_as ways[2] = { T_AS_SPLIT, T_AS_WHOLE };
	uint64_t rd[6] = { 0, 0x1000, 10 }, none[6] = { 0 };
	char text[2][1024];
	struct t_sink s;
	struct t_rec r;
	int i;

	for (i = 0; i < 2; i++) {
		t_sink_open(&s);
		t_enter(&r, 100, "read", rd);
		t_feed(&s, &r);
		/* the read's exit record was dropped; the next record says so */
		if (ways[i] == T_AS_WHOLE)
			t_call(&r, 100, "getpid", none, 100);
		else
			t_enter(&r, 100, "getpid", none);
		((struct sr_hdr *)r.buf)->lost = 1;
		t_feed(&s, &r);
		if (ways[i] == T_AS_SPLIT) {
			t_exit(&r, 100, "getpid", 100);
			t_feed(&s, &r);
		}
		snprintf(text[i], sizeof(text[i]), "%s", t_sink_text(&s));
		t_sink_close(&s);
	}
	CHECK(st, strstr(text[0], "<... read resumed>") && strstr(text[0], "= ? <unavailable>\n"));
	CHECK_STR(st, text[1], text[0]);
}

/* -Z and -e status=failed: the same option, SR_ST_FAILED, filtered in the kernel. */
static void whole_failed_only(struct t_state *st)
{
	uint64_t mm[6] = { 0, 4096, 1, 0x22, (uint64_t)-1, 0 }, rd[6] = { 0, 0x7ffd0000, 10 };
	uint64_t cg[6] = { 1, 0x7ffe79635280 }, ex[6] = { 0x1000 }, none[6] = { 0 };
	const struct t_blobspec path = { 0, "/nope", 6, 0, 0 };
	struct t_sink s;

	t_sink_open(&s);
	s.opts.status = SR_ST_FAILED;
	t_sink_reinit(&s);
	CHECK(st, plan__kernel_status(&s.opts) == SR_STATUS_FAIL);
	CHECK(st, t_one_record("read", &s.opts) && t_one_record("getpid", &s.opts));
	CHECK(st, !t_one_record("execve", &s.opts));
	/* the kernel sends no successful call; if one came, it would not print */
	t_feed_call(&s, 100, T_AS_KERNEL, "getpid", none, NULL, 0, 100, NULL, 0);
	t_feed_call(&s, 100, T_AS_KERNEL, "mmap", mm, NULL, 0, -ENOMEM, NULL, 0);
	t_feed_call(&s, 100, T_AS_KERNEL, "read", rd, NULL, 0, -EAGAIN, NULL, 0);
	t_feed_call(&s, 100, T_AS_KERNEL, "clock_gettime", cg, NULL, 0, -EINVAL, NULL, 0);
	t_feed_call(&s, 100, T_AS_KERNEL, "execve", ex, &path, 1, -ENOENT, NULL, 0);
	CHECK_STR(
		st, t_sink_text(&s),
		"100   mmap(NULL, 4096, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0) = -1 ENOMEM "
		"(Cannot allocate memory)\n"
		"100   read(0, 0x7ffd0000, 10)           = -1 EAGAIN (Resource temporarily "
		"unavailable)\n"
		"100   clock_gettime(CLOCK_MONOTONIC, 0x7ffe79635280) = -1 EINVAL (Invalid "
		"argument)\n"
		"100   execve(\"/nope\", NULL, NULL)       = -1 ENOENT (No such file or directory)\n");
	t_sink_close(&s);
}

/* -z: successful calls only; execve and write, which read inputs at entry, in two records. */
static void whole_successful_only(struct t_state *st)
{
	static const int64_t ts[2] = { 1511, 782737158 };
	const struct t_blobspec tsb = { 1, ts, sizeof(ts), 0, 0 };
	const struct t_blobspec path = { 0, "/bin/true", 10, 0, 0 };
	const struct t_blobspec hi = { 1, "hi\n", 3, 0, 3 };
	uint64_t cg[6] = { 1, 0x7ffe79635280 }, wr[6] = { 1, 0x1000, 3 }, ex[6] = { 0x1000 };
	uint64_t none[6] = { 0 };
	struct t_sink s;
	struct t_rec r;

	t_sink_open(&s);
	s.opts.status = SR_ST_SUCCESSFUL;
	t_sink_reinit(&s);
	CHECK(st, plan__kernel_status(&s.opts) == SR_STATUS_OK);
	/* write reads its buffer at entry: an entry record even under -z */
	CHECK(st, !t_one_record("write", &s.opts) && t_one_record("read", &s.opts));
	t_feed_call(&s, 100, T_AS_KERNEL, "clock_gettime", cg, NULL, 0, 0, &tsb, 1);
	t_feed_call(&s, 100, T_AS_KERNEL, "clock_gettime", cg, NULL, 0, -EINVAL, NULL, 0);
	t_feed_call(&s, 100, T_AS_KERNEL, "write", wr, &hi, 1, 3, NULL, 0);
	/* execve keeps its entry record, which prints nothing yet */
	t_enter(&r, 200, "execve", ex);
	t_blob(&r, 0, path.data, path.len, 0, 0);
	t_feed(&s, &r);
	t_feed_call(&s, 100, T_AS_KERNEL, "getpid", none, NULL, 0, 100, NULL, 0);
	t_exit(&r, 200, "execve", 0);
	t_feed(&s, &r);
	CHECK_STR(st, t_sink_text(&s),
		  "100   clock_gettime(CLOCK_MONOTONIC, {tv_sec=1511, tv_nsec=782737158}) = 0\n"
		  "100   write(1, \"hi\\n\", 3)               = 3\n"
		  "100   getpid()                          = 100\n"
		  "200   execve(\"/bin/true\", NULL, NULL)   = 0\n");
	t_sink_close(&s);
}

/*
 * -e status= with outcomes the kernel cannot filter: calls that never block
 * still come whole, the others as two records, and all print at their exit.
 */
static void whole_status_in_user_space(struct t_state *st)
{
	uint64_t rd[6] = { 0, 0x7ffd0000, 10 }, mm[6] = { 0, 4096, 1, 0x22, (uint64_t)-1, 0 };
	uint64_t none[6] = { 0 };
	struct t_sink s;
	struct t_rec r;

	t_sink_open(&s);
	s.opts.status = SR_ST_FAILED | SR_ST_UNFINISHED;
	t_sink_reinit(&s);
	CHECK(st, plan__kernel_status(&s.opts) == 0);
	CHECK(st, t_one_record("getpid", &s.opts) && !t_one_record("read", &s.opts));
	t_enter(&r, 100, "read", rd);
	t_feed(&s, &r);
	t_feed_call(&s, 200, T_AS_KERNEL, "getpid", none, NULL, 0, 200, NULL, 0);
	t_feed_call(&s, 200, T_AS_KERNEL, "mmap", mm, NULL, 0, -ENOMEM, NULL, 0);
	t_exit(&r, 100, "read", -EAGAIN);
	t_feed(&s, &r);
	CHECK_STR(st, t_sink_text(&s),
		  "200   mmap(NULL, 4096, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0) = -1 ENOMEM "
		  "(Cannot allocate memory)\n"
		  "100   read(0, 0x7ffd0000, 10)           = -1 EAGAIN (Resource temporarily "
		  "unavailable)\n");
	t_sink_close(&s);
}

/*
 * The fork family under -z: the parent's call comes whole at its exit, and
 * so does the child's return from it (0), which strace never prints.
 */
static void fork_family_successful_only(struct t_state *st)
{
	struct family {
		const char *name;
		uint64_t a[6];
		const char *want;
	} calls[] = {
		{ "clone", { 0x11 /* SIGCHLD */ }, "clone(child_stack=NULL, flags=SIGCHLD) = 101" },
		{ "fork", {}, "fork()                            = 101" },
		{ "vfork", {}, "vfork()                           = 101" },
	};
	char want[256];
	struct t_sink s;
	struct t_rec r;
	size_t i;

	for (i = 0; i < sizeof(calls) / sizeof(calls[0]); i++) {
		t_sink_open(&s);
		s.opts.status = SR_ST_SUCCESSFUL;
		t_sink_reinit(&s);
		CHECK(st, t_one_record(calls[i].name, &s.opts));
		t_fork(&r, 100, 101, 101);
		t_feed(&s, &r);
		/* the child may return first, */
		t_feed_call(&s, 101, T_AS_KERNEL, calls[i].name, calls[i].a, NULL, 0, 0, NULL, 0);
		t_feed_call(&s, 100, T_AS_KERNEL, calls[i].name, calls[i].a, NULL, 0, 101, NULL, 0);
		snprintf(want, sizeof(want), "100   %s\n", calls[i].want);
		CHECK_STR(st, t_sink_text(&s), want);
		/* or after its parent */
		t_fork(&r, 100, 102, 102);
		t_feed(&s, &r);
		t_feed_call(&s, 100, T_AS_KERNEL, calls[i].name, calls[i].a, NULL, 0, 101, NULL, 0);
		t_feed_call(&s, 102, T_AS_KERNEL, calls[i].name, calls[i].a, NULL, 0, 0, NULL, 0);
		snprintf(want, sizeof(want), "100   %s\n100   %s\n", calls[i].want, calls[i].want);
		CHECK_STR(st, t_sink_text(&s), want);
		t_sink_close(&s);
	}
}

/* A new thread's return from clone and clone3, under -z. */
static void thread_create_successful_only(struct t_state *st)
{
	const uint64_t fl = CLONE_VM | CLONE_FS | CLONE_FILES | CLONE_SIGHAND | CLONE_THREAD;
	uint64_t ca[11] = { fl }, a3[6] = { 0x1000, 88 }, a[6] = { fl, 0x7f0000010000 };
	const struct t_blobspec in = { 0, ca, sizeof(ca), 0, 88 };
	struct t_sink s;
	struct t_rec r;

	t_sink_open(&s);
	s.opts.status = SR_ST_SUCCESSFUL;
	t_sink_reinit(&s);
	t_fork(&r, 100, 101, 100);
	t_feed(&s, &r);
	t_call(&r, 101, "clone", a, 0);
	((struct sr_hdr *)r.buf)->tgid = 100;
	t_feed(&s, &r);
	t_feed_call(&s, 100, T_AS_KERNEL, "clone", a, NULL, 0, 101, NULL, 0);
	t_fork(&r, 100, 102, 100);
	t_feed(&s, &r);
	t_call(&r, 102, "clone3", a3, 0);
	((struct sr_hdr *)r.buf)->tgid = 100;
	t_blob(&r, 0, ca, sizeof(ca), SR_BF_ENTRY, 88);
	t_feed(&s, &r);
	t_feed_call(&s, 100, T_AS_KERNEL, "clone3", a3, &in, 1, 102, NULL, 0);
	CHECK_STR(st, t_sink_text(&s),
		  "100   clone(child_stack=0x7f0000010000, "
		  "flags=CLONE_VM|CLONE_FS|CLONE_FILES|CLONE_SIGHAND|CLONE_THREAD) = 101\n"
		  "100   clone3({flags=CLONE_VM|CLONE_FS|CLONE_FILES|CLONE_SIGHAND|CLONE_THREAD, "
		  "exit_signal=0, stack=NULL, stack_size=0}, 88) = 102\n");
	t_sink_close(&s);
}

/* Without -z the child's return comes as an exit record alone: never printed either. */
static void fork_family_child_exit(struct t_state *st)
{
	static const char *const names[] = { "clone", "clone3", "fork", "vfork" };
	struct t_sink s;
	struct t_rec r;
	size_t i;

	t_sink_open(&s);
	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		CHECK(st, !t_one_record(names[i], &s.opts));
		t_fork(&r, 100, 101 + i, 101 + i);
		t_feed(&s, &r);
		t_exit(&r, 101 + i, names[i], 0);
		t_feed(&s, &r);
	}
	CHECK_STR(st, t_sink_text(&s), "");
	t_sink_close(&s);
}

/*
 * tgkill/kill/tkill never block: they come whole, at exit. A signal they
 * send to their own task that no delivery will report (fatal or ignored by
 * default) is seen by the kernel during the call, so its record comes first;
 * strace shows it after the call, as the two-record path does.
 */
static void whole_self_signal(struct t_state *st)
{
	static const enum t_as ways[2] = { T_AS_SPLIT, T_AS_WHOLE };
	uint64_t a[6] = { 100, 100, SIGABRT }, none[6] = { 0 };
	int32_t code = -6 /* SI_TKILL */, pid = 100;
	char text[2][1024];
	struct t_sink s;
	struct t_rec r;
	uint8_t si[128];
	int i;

	memset(si, 0, sizeof(si));
	memcpy(si, (int32_t[]){ SIGABRT }, 4);
	memcpy(si + 8, &code, 4);
	memcpy(si + 16, &pid, 4);
	CHECK(st, t_one_record("tgkill", &(struct sr_opts){ .strsize = 32 }));
	for (i = 0; i < 2; i++) {
		t_sink_open(&s);
		t_feed_call(&s, 100, T_AS_WHOLE, "getpid", none, NULL, 0, 100, NULL, 0);
		if (ways[i] == T_AS_SPLIT) {
			t_enter(&r, 100, "tgkill", a);
			t_feed(&s, &r);
		}
		t_signal(&r, 100, SIGABRT, SR_SIG_FATAL | SR_SIG_SELF, si);
		t_feed(&s, &r);
		if (ways[i] == T_AS_SPLIT)
			t_exit(&r, 100, "tgkill", 0);
		else
			t_call(&r, 100, "tgkill", a, 0);
		t_feed(&s, &r);
		t_pexit(&r, 100, SIGABRT | 0x80, 1);
		t_feed(&s, &r);
		snprintf(text[i], sizeof(text[i]), "%s", t_sink_text(&s));
		t_sink_close(&s);
	}
	CHECK_STR(
		st, text[0],
		"100   getpid()                          = 100\n"
		"100   tgkill(100, 100, SIGABRT)         = 0\n"
		"100   --- SIGABRT {si_signo=SIGABRT, si_code=SI_TKILL, si_pid=100, si_uid=0} ---\n"
		"100   +++ killed by SIGABRT (core dumped) +++\n");
	CHECK_STR(st, text[1], text[0]);
}

/* An ia32 task under -z: its calls come whole, and strace's notice still shows once. */
static void whole_compat(struct t_state *st)
{
	static const enum t_as ways[2] = { T_AS_SPLIT, T_AS_WHOLE };
	uint64_t none[6] = { 0 };
	char text[2][1024];
	struct t_sink s;
	struct t_rec r;
	int i, k;

	for (i = 0; i < 2; i++) {
		t_sink_open(&s);
		s.opts.status = SR_ST_SUCCESSFUL;
		t_sink_reinit(&s);
		for (k = 0; k < 2; k++) {
			/* i386 getpid is 20 */
			if (ways[i] == T_AS_SPLIT) {
				t_enter(&r, 100, "getpid", none);
				((struct sr_hdr *)r.buf)->nr = 20;
				((struct sr_hdr *)r.buf)->flags = SR_HF_COMPAT;
				t_feed(&s, &r);
				t_exit(&r, 100, "getpid", 100);
			} else {
				t_call(&r, 100, "getpid", none, 100);
			}
			((struct sr_hdr *)r.buf)->nr = 20;
			((struct sr_hdr *)r.buf)->flags = SR_HF_COMPAT;
			t_feed(&s, &r);
		}
		snprintf(text[i], sizeof(text[i]), "%s", t_sink_text(&s));
		t_sink_close(&s);
	}
	CHECK(st, !strncmp(text[0], "[ Process PID=100 runs in 32 bit mode. ]\n", 41));
	CHECK_STR(st, text[1], text[0]);
}

/* Vectors under -z: every part of an entry capture is marked SR_BF_ENTRY. */
static void whole_vectors(struct t_state *st)
{
	uint64_t iov[4] = { 0x1000, 2, 0x2000, 3 };
	uint64_t a[6] = { 1, 0x3000, 2 };
	const struct t_blobspec in[3] = {
		{ 1, iov, sizeof(iov), 0, 32 },
		{ 1, "hi", 2, 0, 2 },
		{ 1, "yo\n", 3, 0, 3 },
	};
	struct t_sink s;

	t_sink_open(&s);
	s.opts.status = SR_ST_SUCCESSFUL;
	t_sink_reinit(&s);
	CHECK_STR(
		st, t_line(&s, "writev", a, in, 3, 5, NULL, 0),
		"writev(1, [{iov_base=\"hi\", iov_len=2}, {iov_base=\"yo\\n\", iov_len=3}], 2) = 5");
	t_sink_close(&s);
}

T_SUITE(calls_tests) = {
	T_CASE(whole_like_split),
	T_CASE(whole_interleaved),
	T_CASE(whole_after_lost_exit),
	T_CASE(whole_failed_only),
	T_CASE(whole_successful_only),
	T_CASE(whole_status_in_user_space),
	T_CASE(fork_family_successful_only),
	T_CASE(thread_create_successful_only),
	T_CASE(fork_family_child_exit),
	T_CASE(whole_self_signal),
	T_CASE(whole_compat),
	T_CASE(whole_vectors),
	T_END,
};
