// SPDX-License-Identifier: GPL-2.0
/*
 * Decoders of the process family (user/decode/clone.c, wait.c, sched.c,
 * resource.c, caps.c, ioprio.c, sysinfo.c), against lines strace 6.1
 * printed for the same calls; prctl, futex, seccomp and personality are in
 * test_decode_prctl.c.
 */
#include <errno.h>
#include <signal.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/sysinfo.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <linux/futex.h>
#include <linux/ioprio.h>
#include <linux/prctl.h>
#include <linux/seccomp.h>
#include <linux/sched.h>

#include "rec.h"
#include "test.h"

static void rlimits(struct t_state *st)
{
	struct t_sink s;
	uint64_t lim[2] = { 8192 * 1024, UINT64_MAX };
	uint64_t a[6] = { 0, 3 /* RLIMIT_STACK */, 0, 0x1000 };
	struct t_blobspec out = { 3, lim, sizeof(lim), 0, 0 };

	t_sink_open(&s);
	CHECK_STR(st, t_line(&s, "prlimit64", a, NULL, 0, 0, &out, 1),
		  "prlimit64(0, RLIMIT_STACK, NULL, {rlim_cur=8192*1024, rlim_max=RLIM64_INFINITY})"
		  " = 0");
	lim[0] = lim[1] = 1024;
	out.arg = 1;
	a[0] = 7; /* RLIMIT_NOFILE */
	a[1] = 0x1000;
	CHECK_STR(st, t_line(&s, "getrlimit", a, NULL, 0, 0, &out, 1),
		  "getrlimit(RLIMIT_NOFILE, {rlim_cur=1024, rlim_max=1024}) = 0");
	a[0] = 99;
	a[1] = 0x7ffd15038390;
	CHECK_STR(
		st, t_line(&s, "getrlimit", a, NULL, 0, -22, NULL, 0),
		"getrlimit(0x63 /* RLIMIT_??? */, 0x7ffd15038390) = -1 EINVAL (Invalid argument)");
	t_sink_close(&s);
}

static void wait_statuses(struct t_state *st)
{
	struct t_sink s;
	int32_t status = 3 << 8;
	uint64_t a[6] = { 11585, 0x1000, 0, 0 };
	struct t_blobspec out = { 1, &status, 4, 0, 0 };

	t_sink_open(&s);
	CHECK_STR(st, t_line(&s, "wait4", a, NULL, 0, 11585, &out, 1),
		  "wait4(11585, [{WIFEXITED(s) && WEXITSTATUS(s) == 3}], 0, NULL) = 11585");
	status = SIGKILL;
	CHECK_STR(st, t_line(&s, "wait4", a, NULL, 0, 11585, &out, 1),
		  "wait4(11585, [{WIFSIGNALED(s) && WTERMSIG(s) == SIGKILL}], 0, NULL) = 11585");
	status = SIGSEGV | 0x80;
	CHECK_STR(st, t_line(&s, "wait4", a, NULL, 0, 11585, &out, 1),
		  "wait4(11585, [{WIFSIGNALED(s) && WTERMSIG(s) == SIGSEGV && WCOREDUMP(s)}], 0, "
		  "NULL) = 11585");
	status = SIGSTOP << 8 | 0x7f;
	a[2] = 2; /* WUNTRACED */
	CHECK_STR(
		st, t_line(&s, "wait4", a, NULL, 0, 11585, &out, 1),
		"wait4(11585, [{WIFSTOPPED(s) && WSTOPSIG(s) == SIGSTOP}], WSTOPPED, NULL) = 11585");
	status = 0xffff;
	a[2] = 8; /* WCONTINUED */
	CHECK_STR(st, t_line(&s, "wait4", a, NULL, 0, 11585, &out, 1),
		  "wait4(11585, [{WIFCONTINUED(s)}], WCONTINUED, NULL) = 11585");
	/* a ptrace stop: the event sits above the stop signal */
	status = 4 << 16 | SIGTRAP << 8 | 0x7f;
	a[2] = 0x40000000; /* __WALL */
	CHECK_STR(st, t_line(&s, "wait4", a, NULL, 0, 11585, &out, 1),
		  "wait4(11585, [{WIFSTOPPED(s) && WSTOPSIG(s) == SIGTRAP}|PTRACE_EVENT_EXEC<<16], "
		  "__WALL, NULL) = 11585");
	a[0] = -1;
	a[1] = 0x7ffc7628f1bc;
	a[2] = 1; /* WNOHANG */
	CHECK_STR(st, t_line(&s, "wait4", a, NULL, 0, -10, NULL, 0),
		  "wait4(-1, 0x7ffc7628f1bc, WNOHANG, NULL) = -1 ECHILD (No child processes)");
	t_sink_close(&s);
}

static void rusage_uname(struct t_state *st)
{
	struct t_sink s;
	int64_t ru[18] = { 0, 1277 };
	struct utsname u;
	uint64_t a[6] = { 0, 0x1000 };
	struct t_blobspec out = { 1, ru, sizeof(ru), 0, 0 };

	memset(&u, 0, sizeof(u));
	strcpy(u.sysname, "Linux");
	strcpy(u.nodename, "vm");
	t_sink_open(&s);
	CHECK_STR(st, t_line(&s, "getrusage", a, NULL, 0, 0, &out, 1),
		  "getrusage(RUSAGE_SELF, {ru_utime={tv_sec=0, tv_usec=1277}, ru_stime={tv_sec=0, "
		  "tv_usec=0}, ...}) = 0");
	a[0] = -1;
	ru[1] = 0;
	CHECK_STR(st, t_line(&s, "getrusage", a, NULL, 0, 0, &out, 1),
		  "getrusage(RUSAGE_CHILDREN, {ru_utime={tv_sec=0, tv_usec=0}, ru_stime={tv_sec=0, "
		  "tv_usec=0}, ...}) = 0");
	a[0] = 0x1000;
	out = (struct t_blobspec){ 0, &u, sizeof(u), 0, 0 };
	CHECK_STR(st, t_line(&s, "uname", a, NULL, 0, 0, &out, 1),
		  "uname({sysname=\"Linux\", nodename=\"vm\", ...}) = 0");
	a[0] = 0;
	CHECK_STR(st, t_line(&s, "uname", a, NULL, 0, -14, NULL, 0),
		  "uname(NULL)                       = -1 EFAULT (Bad address)");
	t_sink_close(&s);
}

static void sched_sets(struct t_state *st)
{
	struct t_sink s;
	uint8_t set[32] = { 0x9 };
	int32_t prio = 0;
	uint64_t a[6] = { 0, 128, 0x1000 };
	struct t_blobspec b = { 2, set, sizeof(set), 0, 0 };

	t_sink_open(&s);
	set[0] = 3;
	CHECK_STR(st, t_line(&s, "sched_getaffinity", a, NULL, 0, 32, &b, 1),
		  "sched_getaffinity(0, 128, [0 1])  = 32");
	set[0] = 9;
	a[1] = 256;
	CHECK_STR(st, t_line(&s, "sched_setaffinity", a, &b, 1, 0, NULL, 0),
		  "sched_setaffinity(0, 256, [0 3 ...]) = 0");
	a[1] = 1;
	a[2] = 0x7fff5d85d830;
	CHECK_STR(st, t_line(&s, "sched_getaffinity", a, NULL, 0, -22, NULL, 0),
		  "sched_getaffinity(0, 1, 0x7fff5d85d830) = -1 EINVAL (Invalid argument)");
	a[1] = 0;
	a[2] = 0x1000;
	b = (struct t_blobspec){ 2, &prio, 4, 0, 0 };
	CHECK_STR(st, t_line(&s, "sched_setscheduler", a, &b, 1, 0, NULL, 0),
		  "sched_setscheduler(0, SCHED_OTHER, [0]) = 0");
	t_sink_close(&s);
}

static void capabilities(struct t_state *st)
{
	struct t_sink s;
	uint32_t hdr[2] = { 0x20080522, 0 }, data[6] = { 0x21, 0x1, 0, 0, 0x4, 0 };
	uint64_t a[6] = { 0x1000, 0x2000 };
	struct t_blobspec in = { 0, hdr, sizeof(hdr), 0, 0 };
	struct t_blobspec out = { 1, data, sizeof(data), 0, 0 };

	t_sink_open(&s);
	CHECK_STR(st, t_line(&s, "capget", a, &in, 1, 0, &out, 1),
		  "capget({version=_LINUX_CAPABILITY_VERSION_3, pid=0}, {effective=1<<CAP_CHOWN|"
		  "1<<CAP_KILL, permitted=1<<CAP_CHOWN|1<<CAP_SYSLOG, inheritable=0}) = 0");
	hdr[0] = 1;
	CHECK_STR(st, t_line(&s, "capget", a, &in, 1, -22, NULL, 0),
		  "capget({version=0x1 /* _LINUX_CAPABILITY_VERSION_??? */, pid=0}, 0x2000) = -1 "
		  "EINVAL (Invalid argument)");
	t_sink_close(&s);
}

static void clones(struct t_state *st)
{
	struct t_sink s;
	int32_t tid = 2151;
	uint64_t a[6] = { CLONE_CHILD_CLEARTID | CLONE_CHILD_SETTID | SIGCHLD, 0, 0,
			  0x7f2283d4da10 };
	struct t_blobspec out = { 2, &tid, 4, 0, 0 };

	t_sink_open(&s);
	CHECK_STR(st, t_line(&s, "clone", a, NULL, 0, 2151, NULL, 0),
		  "clone(child_stack=NULL, flags=CLONE_CHILD_CLEARTID|CLONE_CHILD_SETTID|SIGCHLD, "
		  "child_tidptr=0x7f2283d4da10) = 2151");
	a[0] = SIGCHLD;
	CHECK_STR(st, t_line(&s, "clone", a, NULL, 0, 11599, NULL, 0),
		  "clone(child_stack=NULL, flags=SIGCHLD) = 11599");
	a[0] = CLONE_PARENT_SETTID | SIGCHLD;
	a[2] = 0x1000;
	CHECK_STR(st, t_line(&s, "clone", a, NULL, 0, 2151, &out, 1),
		  "clone(child_stack=NULL, flags=CLONE_PARENT_SETTID|SIGCHLD, parent_tid=[2151]) = "
		  "2151");
	a[0] = CLONE_VM | CLONE_SETTLS | SIGCHLD;
	a[1] = 0x7f0000010000;
	a[4] = 0x1234;
	CHECK_STR(
		st, t_line(&s, "clone", a, NULL, 0, 19784, NULL, 0),
		"clone(child_stack=0x7f0000010000, flags=CLONE_VM|CLONE_SETTLS|SIGCHLD, tls=0x1234)"
		" = 19784");
	t_sink_close(&s);
}

static void clone3s(struct t_state *st)
{
	struct t_sink s;
	uint64_t ca[11] = { CLONE_VM | CLONE_FS | CLONE_FILES | CLONE_SIGHAND | CLONE_THREAD |
				    CLONE_SYSVSEM | CLONE_SETTLS | CLONE_PARENT_SETTID |
				    CLONE_CHILD_CLEARTID,
			    0,
			    0x7f037a739990,
			    0x7f037a739990,
			    0,
			    0x7f0379f39000,
			    0x7fff80,
			    0x7f037a7396c0 };
	uint64_t a[6] = { 0x1000, 88 };
	struct t_blobspec in = { 0, ca, sizeof(ca), 0, 88 };

	t_sink_open(&s);
	CHECK_STR(st, t_line(&s, "clone3", a, &in, 1, 2564, NULL, 0),
		  "clone3({flags=CLONE_VM|CLONE_FS|CLONE_FILES|CLONE_SIGHAND|CLONE_THREAD|"
		  "CLONE_SYSVSEM|CLONE_SETTLS|CLONE_PARENT_SETTID|CLONE_CHILD_CLEARTID, "
		  "child_tid=0x7f037a739990, parent_tid=0x7f037a739990, exit_signal=0, "
		  "stack=0x7f0379f39000, stack_size=0x7fff80, tls=0x7f037a7396c0} => "
		  "{parent_tid=[2564]}, 88) = 2564");
	memset(ca, 0, sizeof(ca));
	ca[4] = SIGCHLD;
	CHECK_STR(st, t_line(&s, "clone3", a, &in, 1, 11600, NULL, 0),
		  "clone3({flags=0, exit_signal=SIGCHLD, stack=NULL, stack_size=0}, 88) = 11600");
	a[1] = 12;
	in.len = 12;
	a[0] = 0x7ffd404e6680;
	CHECK_STR(st, t_line(&s, "clone3", a, &in, 1, -22, NULL, 0),
		  "clone3(0x7ffd404e6680, 12)        = -1 EINVAL (Invalid argument)");
	t_sink_close(&s);
}

/*
 * execve's strings: one the capture could not read prints as "???" (strace
 * shows its pointer, which the capture does not keep), in argv and, with
 * -v, in envp alike; never as a made-up address.
 */
static void execve_strings(struct t_state *st)
{
	struct t_sink s;
	uint64_t a[6] = { 0x1000, 0x2000, 0x3000 };
	struct t_blobspec in[] = {
		{ 0, "/nope", 6, 0, 0 },	{ 1, NULL, 0, 0, 2 },
		{ 1 | 1 << 3, "a", 2, 0, 0 },	{ 1 | 2 << 3, NULL, 0, SR_BF_FAULT, -14 },
		{ 2, NULL, 0, 0, 2 },		{ 2 | 1 << 3, NULL, 0, SR_BF_FAULT, -14 },
		{ 2 | 2 << 3, "B=1", 4, 0, 0 },
	};

	t_sink_open(&s);
	s.opts.verbose = true;
	CHECK_STR(st, t_line(&s, "execve", a, in, 7, -ENOENT, NULL, 0),
		  "execve(\"/nope\", [\"a\", ???], [???, \"B=1\"]) = -1 ENOENT (No such file or "
		  "directory)");
	t_sink_close(&s);
}

/* ioprio_set/ioprio_get: the priority as IOPRIO_PRIO_VALUE(class, data). */
static void ioprios(struct t_state *st)
{
	struct t_sink s;
	uint64_t a[6] = { IOPRIO_WHO_PROCESS, 0, IOPRIO_PRIO_VALUE(IOPRIO_CLASS_BE, 3) };

	t_sink_open(&s);
	CHECK_STR(st, t_line(&s, "ioprio_set", a, NULL, 0, 0, NULL, 0),
		  "ioprio_set(IOPRIO_WHO_PROCESS, 0, IOPRIO_PRIO_VALUE(IOPRIO_CLASS_BE, 3)) = 0");
	a[2] = 5u << IOPRIO_CLASS_SHIFT | 8191;
	CHECK_STR(st, t_line(&s, "ioprio_set", a, NULL, 0, -EINVAL, NULL, 0),
		  "ioprio_set(IOPRIO_WHO_PROCESS, 0, IOPRIO_PRIO_VALUE(0x5 /* IOPRIO_CLASS_??? */, "
		  "8191)) = -1 EINVAL (Invalid argument)");
	CHECK_STR(
		st, t_line(&s, "ioprio_get", a, NULL, 0, 16387, NULL, 0),
		"ioprio_get(IOPRIO_WHO_PROCESS, 0) = 16387 (IOPRIO_PRIO_VALUE(IOPRIO_CLASS_BE, 3))");
	a[0] = IOPRIO_WHO_USER;
	CHECK_STR(st, t_line(&s, "ioprio_get", a, NULL, 0, -ESRCH, NULL, 0),
		  "ioprio_get(IOPRIO_WHO_USER, 0)    = -1 ESRCH (No such process)");
	/* strace 6.1's ioprio-Xverbose and -Xraw: the priority an int, the form in a comment */
	uint64_t v[6] = { 0xfa57beef, (uint32_t)-629534633, (uint32_t)-87097619 };
	s.opts.xlat_style = SR_XLAT_VERBOSE;
	t_sink_reinit(&s);
	CHECK_STR(
		st, t_line(&s, "ioprio_set", v, NULL, 0, -EINVAL, NULL, 0),
		"ioprio_set(0xfa57beef /* IOPRIO_WHO_??? */, -629534633, -87097619 /* "
		"IOPRIO_PRIO_VALUE(0x7d677 /* IOPRIO_CLASS_??? */, 7917) */) = -1 EINVAL (Invalid "
		"argument)");
	v[0] = IOPRIO_WHO_PROCESS;
	v[1] = 31469;
	CHECK_STR(st, t_line(&s, "ioprio_get", v, NULL, 0, 0, NULL, 0),
		  "ioprio_get(0x1 /* IOPRIO_WHO_PROCESS */, 31469) = 0 (IOPRIO_PRIO_VALUE(0 /* "
		  "IOPRIO_CLASS_NONE */, 0))");
	s.opts.xlat_style = SR_XLAT_RAW;
	t_sink_reinit(&s);
	CHECK_STR(st, t_line(&s, "ioprio_get", v, NULL, 0, 0, NULL, 0),
		  "ioprio_get(0x1, 31469)            = 0");
	v[0] = IOPRIO_WHO_PGRP;
	v[2] = 8191;
	CHECK_STR(st, t_line(&s, "ioprio_set", v, NULL, 0, -EINVAL, NULL, 0),
		  "ioprio_set(0x2, 31469, 8191)      = -1 EINVAL (Invalid argument)");
	t_sink_close(&s);
}

/* wait4's rusage: only when a child was reaped; and getrusage with -v. */
static void rusage_wait_verbose(struct t_state *st)
{
	struct t_sink s;
	int32_t status = 4 << 8;
	int64_t ru[18] = { 0, 262 };
	uint64_t a[6] = { 20924, 0x7ffcaaee24dc, 0, 0x7ffcaaee24e0 };
	struct t_blobspec out[2] = { { 1, &status, 4, 0, 0 }, { 3, ru, sizeof(ru), 0, 0 } };
	int64_t self[18] = { 0, 234850, 0, 0, 860, 0, 0, 0, 57, 0, 0, 0, 0, 0, 0, 0, 68, 72 };

	t_sink_open(&s);
	CHECK_STR(st, t_line(&s, "wait4", a, NULL, 0, 20924, out, 2),
		  "wait4(20924, [{WIFEXITED(s) && WEXITSTATUS(s) == 4}], 0, {ru_utime={tv_sec=0, "
		  "tv_usec=262}, ru_stime={tv_sec=0, tv_usec=0}, ...}) = 20924");
	/* WNOHANG and nothing reaped: the kernel wrote neither */
	a[2] = WNOHANG;
	CHECK_STR(st, t_line(&s, "wait4", a, NULL, 0, 0, out, 2),
		  "wait4(20924, 0x7ffcaaee24dc, WNOHANG, 0x7ffcaaee24e0) = 0");
	s.opts.verbose = true;
	a[0] = RUSAGE_SELF;
	a[1] = 0x1000;
	out[0] = (struct t_blobspec){ 1, self, sizeof(self), 0, 0 };
	CHECK_STR(
		st, t_line(&s, "getrusage", a, NULL, 0, 0, out, 1),
		"getrusage(RUSAGE_SELF, {ru_utime={tv_sec=0, tv_usec=234850}, ru_stime={tv_sec=0, "
		"tv_usec=0}, ru_maxrss=860, ru_ixrss=0, ru_idrss=0, ru_isrss=0, ru_minflt=57, "
		"ru_majflt=0, ru_nswap=0, ru_inblock=0, ru_oublock=0, ru_msgsnd=0, ru_msgrcv=0, "
		"ru_nsignals=0, ru_nvcsw=68, ru_nivcsw=72}) = 0");
	t_sink_close(&s);
}

/* uname with -v, times (clock ticks with their seconds), sysinfo. */
static void uname_times_sysinfo(struct t_state *st)
{
	struct t_sink s;
	struct utsname u;
	struct sysinfo si;
	uint64_t tms[4] = { 23 };
	uint64_t a[6] = { 0x1000 };
	struct t_blobspec out = { 0, &u, sizeof(u), 0, 0 };

	memset(&u, 0, sizeof(u));
	strcpy(u.sysname, "Linux");
	strcpy(u.nodename, "vm");
	strcpy(u.release, "6.18.44-fc-v1272");
	strcpy(u.version, "#1 SMP PREEMPT_DYNAMIC @0");
	strcpy(u.machine, "x86_64");
	strcpy(u.domainname, "(none)");
	memset(&si, 0, sizeof(si));
	si.uptime = 2595;
	si.loads[0] = 447648;
	si.loads[1] = 476096;
	si.loads[2] = 383616;
	si.totalram = 25276194816;
	si.freeram = 23091503104;
	si.sharedram = 10481664;
	si.bufferram = 187838464;
	si.procs = 160;
	si.mem_unit = 1;
	t_sink_open(&s);
	s.opts.verbose = true;
	CHECK_STR(st, t_line(&s, "uname", a, NULL, 0, 0, &out, 1),
		  "uname({sysname=\"Linux\", nodename=\"vm\", release=\"6.18.44-fc-v1272\", "
		  "version=\"#1 SMP PREEMPT_DYNAMIC @0\", machine=\"x86_64\", "
		  "domainname=\"(none)\"}) = 0");
	s.opts.verbose = false;
	out = (struct t_blobspec){ 0, tms, sizeof(tms), 0, 0 };
	CHECK_STR(st, t_line(&s, "times", a, NULL, 0, 1718285696, &out, 1),
		  "times({tms_utime=23 /* 0.23 s */, tms_stime=0, tms_cutime=0, tms_cstime=0}) = "
		  "1718285696");
	/* -X raw: clock ticks without the seconds */
	s.opts.xlat_style = SR_XLAT_RAW;
	t_sink_reinit(&s);
	CHECK_STR(st, t_line(&s, "times", a, NULL, 0, 1718285696, &out, 1),
		  "times({tms_utime=23, tms_stime=0, tms_cutime=0, tms_cstime=0}) = 1718285696");
	s.opts.xlat_style = SR_XLAT_ABBREV;
	t_sink_reinit(&s);
	out = (struct t_blobspec){ 0, &si, sizeof(si), 0, 0 };
	CHECK_STR(st, t_line(&s, "sysinfo", a, NULL, 0, 0, &out, 1),
		  "sysinfo({uptime=2595, loads=[447648, 476096, 383616], totalram=25276194816, "
		  "freeram=23091503104, sharedram=10481664, bufferram=187838464, totalswap=0, "
		  "freeswap=0, procs=160, totalhigh=0, freehigh=0, mem_unit=1}) = 0");
	t_sink_close(&s);
}

/* struct sched_attr as <linux/sched/types.h> lays it out (VER1, 56 bytes). */
struct t_sched_attr {
	uint32_t size, policy;
	uint64_t flags;
	int32_t nice;
	uint32_t priority;
	uint64_t runtime, deadline, period;
	uint32_t util_min, util_max;
};

static void sched_attrs(struct t_state *st)
{
	struct t_sink s;
	struct t_sched_attr at = { .size = 56, .runtime = 1400000 };
	uint64_t a[6] = { 0, 0x1000, 56, 0 };
	struct t_blobspec b = { 1, &at, sizeof(at), 0, 0 };

	t_sink_open(&s);
	CHECK_STR(
		st, t_line(&s, "sched_getattr", a, NULL, 0, 0, &b, 1),
		"sched_getattr(0, {size=56, sched_policy=SCHED_OTHER, sched_flags=0, sched_nice=0, "
		"sched_priority=0, sched_runtime=1400000, sched_deadline=0, sched_period=0, "
		"sched_util_min=0, sched_util_max=0}, 56, 0) = 0");
	a[2] = 0;
	CHECK_STR(
		st, t_line(&s, "sched_setattr", a, &b, 1, 0, NULL, 0),
		"sched_setattr(0, {size=56, sched_policy=SCHED_OTHER, sched_flags=0, sched_nice=0, "
		"sched_priority=0, sched_runtime=1400000, sched_deadline=0, sched_period=0, "
		"sched_util_min=0, sched_util_max=0}, 0) = 0");
	/* what SCHED_FLAG_KEEP_* leave alone is not shown */
	at.flags = SCHED_FLAG_KEEP_POLICY | SCHED_FLAG_KEEP_PARAMS;
	CHECK_STR(st, t_line(&s, "sched_setattr", a, &b, 1, 0, NULL, 0),
		  "sched_setattr(0, {size=56, sched_flags=SCHED_FLAG_KEEP_POLICY|"
		  "SCHED_FLAG_KEEP_PARAMS, sched_util_min=0, sched_util_max=0}, 0) = 0");
	/* the first version of the struct: no utilisation clamps */
	at.size = 48;
	at.flags = SCHED_FLAG_RESET_ON_FORK;
	CHECK_STR(st, t_line(&s, "sched_setattr", a, &b, 1, 0, NULL, 0),
		  "sched_setattr(0, {size=48, sched_policy=SCHED_OTHER, "
		  "sched_flags=SCHED_FLAG_RESET_ON_FORK, sched_nice=0, sched_priority=0, "
		  "sched_runtime=1400000, sched_deadline=0, sched_period=0}, 0) = 0");
	a[2] = 48;
	CHECK_STR(st, t_line(&s, "sched_getattr", a, NULL, 0, 0, &b, 1),
		  "sched_getattr(0, {size=48, sched_policy=SCHED_OTHER, "
		  "sched_flags=SCHED_FLAG_RESET_ON_FORK, sched_nice=0, sched_priority=0, "
		  "sched_runtime=1400000, sched_deadline=0, sched_period=0}, 48, 0) = 0");
	a[1] = 0x7ffcaaee2490;
	a[2] = 12;
	CHECK_STR(st, t_line(&s, "sched_getattr", a, NULL, 0, -EINVAL, NULL, 0),
		  "sched_getattr(0, 0x7ffcaaee2490, 12, 0) = -1 EINVAL (Invalid argument)");
	t_sink_close(&s);
}

/* A version 1 header: one 32-bit word per set, whatever follows it (all but CAP_SYS_RESOURCE). */
static void capabilities_v1(struct t_state *st)
{
	struct t_sink s;
	uint32_t hdr[2] = { 0x19980330, 0 };
	uint32_t data[6] = { 0xfeffffff, 0xfeffffff, 0, 0x1ff, 0x1ff, 0 };
	uint64_t a[6] = { 0x1000, 0x2000 };
	struct t_blobspec in = { 0, hdr, sizeof(hdr), 0, 0 };
	struct t_blobspec out = { 1, data, sizeof(data), 0, 0 };
	const char *all32 =
		"1<<CAP_CHOWN|1<<CAP_DAC_OVERRIDE|1<<CAP_DAC_READ_SEARCH|1<<CAP_FOWNER|"
		"1<<CAP_FSETID|1<<CAP_KILL|1<<CAP_SETGID|1<<CAP_SETUID|1<<CAP_SETPCAP|"
		"1<<CAP_LINUX_IMMUTABLE|1<<CAP_NET_BIND_SERVICE|1<<CAP_NET_BROADCAST|"
		"1<<CAP_NET_ADMIN|1<<CAP_NET_RAW|1<<CAP_IPC_LOCK|1<<CAP_IPC_OWNER|"
		"1<<CAP_SYS_MODULE|1<<CAP_SYS_RAWIO|1<<CAP_SYS_CHROOT|1<<CAP_SYS_PTRACE|"
		"1<<CAP_SYS_PACCT|1<<CAP_SYS_ADMIN|1<<CAP_SYS_BOOT|1<<CAP_SYS_NICE|"
		"1<<CAP_SYS_TIME|1<<CAP_SYS_TTY_CONFIG|1<<CAP_MKNOD|1<<CAP_LEASE|"
		"1<<CAP_AUDIT_WRITE|1<<CAP_AUDIT_CONTROL|1<<CAP_SETFCAP";
	char want[2048];

	snprintf(want, sizeof(want),
		 "capget({version=_LINUX_CAPABILITY_VERSION_1, pid=0}, {effective=%s, "
		 "permitted=%s, inheritable=0}) = 0",
		 all32, all32);
	t_sink_open(&s);
	CHECK_STR(st, t_line(&s, "capget", a, &in, 1, 0, &out, 1), want);
	t_sink_close(&s);
}

/* clone's failures and clone3's cgroup and out-of-range exit signal. */
static void clone_more(struct t_state *st)
{
	struct t_sink s;
	uint64_t ca[11] = { CLONE_INTO_CGROUP, 0, 0, 0, SIGCHLD, 0, 0, 0, 0, 0, 12345 };
	uint64_t a[6] = { CLONE_PIDFD | CLONE_PARENT_SETTID | SIGCHLD, 0, 0x7ffcaaee24d8 };
	struct t_blobspec in = { 0, ca, sizeof(ca), 0, 88 };

	t_sink_open(&s);
	CHECK_STR(st, t_line(&s, "clone", a, NULL, 0, -EINVAL, NULL, 0),
		  "clone(child_stack=NULL, flags=CLONE_PIDFD|CLONE_PARENT_SETTID|SIGCHLD, "
		  "parent_tid=0x7ffcaaee24d8) = -1 EINVAL (Invalid argument)");
	a[0] = 0x1000;
	a[1] = 88;
	CHECK_STR(st, t_line(&s, "clone3", a, &in, 1, -EBADF, NULL, 0),
		  "clone3({flags=CLONE_INTO_CGROUP, exit_signal=SIGCHLD, stack=NULL, stack_size=0, "
		  "cgroup=12345}, 88) = -1 EBADF (Bad file descriptor)");
	ca[0] = 0;
	ca[4] = 0xffffffff00000000;
	CHECK_STR(st, t_line(&s, "clone3", a, &in, 1, -EINVAL, NULL, 0),
		  "clone3({flags=0, exit_signal=18446744069414584320, stack=NULL, stack_size=0, "
		  "cgroup=12345}, 88) = -1 EINVAL (Invalid argument)");
	t_sink_close(&s);
}

/*
 * Task 100's @name interrupted by task 200's getpid: strace's unfinished
 * line, the other task's, then the resumed one (lines strace -f printed).
 */
static void check_interrupted(struct t_state *st, const char *name, const uint64_t a[6],
			      const struct t_blobspec *in, int64_t ret,
			      const struct t_blobspec *out, const char *want)
{
	static const uint64_t none[6];
	struct t_sink s;
	struct t_rec r;

	t_sink_open(&s);
	t_enter(&r, 100, name, a);
	if (in)
		t_blob(&r, in->arg, in->data, in->len, in->flags, in->aux);
	t_feed(&s, &r);
	t_feed_call(&s, 200, T_AS_WHOLE, "getpid", none, NULL, 0, 200, NULL, 0);
	t_exit(&r, 100, name, ret);
	if (out)
		t_blob(&r, out->arg, out->data, out->len, out->flags, out->aux);
	t_feed(&s, &r);
	CHECK_STR(st, t_sink_text(&s), want);
	t_sink_close(&s);
}

#define T_GETPID "200   getpid()                          = 200\n"

/* Where each decoder splits its line: the entry part ends with ", ", or the exit part starts so. */
static void interrupted_lines(struct t_state *st)
{
	char name[16] = "abc";
	uint16_t sizes[8] = { 80, 24, 64 };
	uint32_t act = SECCOMP_RET_ALLOW;
	uint64_t ca[11] = { CLONE_PARENT_SETTID, 0, 0, 0x7ffd2e665fb4, SIGCHLD };
	uint64_t a[6] = { CLONE_CHILD_CLEARTID | CLONE_CHILD_SETTID | SIGCHLD, 0, 0,
			  0x7ffeb1430530 };
	struct t_blobspec b = { 0, ca, sizeof(ca), 0, 88 };

	check_interrupted(
		st, "clone", a, NULL, 23441, NULL,
		"100   clone(child_stack=NULL, flags=CLONE_CHILD_CLEARTID|CLONE_CHILD_SETTID|"
		"SIGCHLD <unfinished ...>\n" T_GETPID
		"100   <... clone resumed>, child_tidptr=0x7ffeb1430530) = 23441\n");
	a[0] = SIGCHLD;
	check_interrupted(st, "clone", a, NULL, 23437, NULL,
			  "100   clone(child_stack=NULL, flags=SIGCHLD <unfinished ...>\n" T_GETPID
			  "100   <... clone resumed>)              = 23437\n");
	a[0] = 0x1000;
	a[1] = 88;
	check_interrupted(
		st, "clone3", a, &b, 2565, NULL,
		"100   clone3({flags=CLONE_PARENT_SETTID, parent_tid=0x7ffd2e665fb4, "
		"exit_signal=SIGCHLD, stack=NULL, stack_size=0} <unfinished ...>\n" T_GETPID
		"100   <... clone3 resumed> => {parent_tid=[2565]}, 88) = 2565\n");
	a[0] = PR_GET_NAME;
	a[1] = 0x1000;
	b = (struct t_blobspec){ 1, name, sizeof(name), 0, 0 };
	check_interrupted(st, "prctl", a, NULL, 0, &b,
			  "100   prctl(PR_GET_NAME,  <unfinished ...>\n" T_GETPID
			  "100   <... prctl resumed>\"abc\")         = 0\n");
	a[0] = PR_SET_NAME;
	check_interrupted(st, "prctl", a, &b, 0, NULL,
			  "100   prctl(PR_SET_NAME, \"abc\" <unfinished ...>\n" T_GETPID
			  "100   <... prctl resumed>)              = 0\n");
	a[0] = SECCOMP_GET_NOTIF_SIZES;
	a[1] = 0;
	a[2] = 0x1000;
	b = (struct t_blobspec){ 2, sizes, sizeof(sizes), 0, 0 };
	check_interrupted(st, "seccomp", a, NULL, 0, &b,
			  "100   seccomp(SECCOMP_GET_NOTIF_SIZES, 0,  <unfinished ...>\n" T_GETPID
			  "100   <... seccomp resumed>{seccomp_notif=80, seccomp_notif_resp=24, "
			  "seccomp_data=64}) = 0\n");
	a[0] = SECCOMP_GET_ACTION_AVAIL;
	b = (struct t_blobspec){ 2, &act, sizeof(act), 0, 0 };
	check_interrupted(
		st, "seccomp", a, &b, 0, NULL,
		"100   seccomp(SECCOMP_GET_ACTION_AVAIL, 0, [SECCOMP_RET_ALLOW] <unfinished "
		"...>\n" T_GETPID "100   <... seccomp resumed>)            = 0\n");
	a[0] = 0;
	check_interrupted(st, "sched_getscheduler", a, NULL, 0, NULL,
			  "100   sched_getscheduler(0 <unfinished ...>\n" T_GETPID
			  "100   <... sched_getscheduler resumed>) = 0 (SCHED_OTHER)\n");
	a[0] = 0xffffffff;
	check_interrupted(st, "personality", a, NULL, 0, NULL,
			  "100   personality(0xffffffff <unfinished ...>\n" T_GETPID
			  "100   <... personality resumed>)        = 0 (PER_LINUX)\n");
	a[0] = IOPRIO_WHO_PROCESS;
	check_interrupted(st, "ioprio_get", a, NULL, 0, NULL,
			  "100   ioprio_get(IOPRIO_WHO_PROCESS, 0 <unfinished ...>\n" T_GETPID
			  "100   <... ioprio_get resumed>)         = 0 "
			  "(IOPRIO_PRIO_VALUE(IOPRIO_CLASS_NONE, 0))\n");
	a[0] = 0x7ffcaaee24d0;
	a[1] = FUTEX_WAKE_PRIVATE;
	a[2] = 1;
	check_interrupted(
		st, "futex", a, NULL, 0, NULL,
		"100   futex(0x7ffcaaee24d0, FUTEX_WAKE_PRIVATE, 1 <unfinished ...>\n" T_GETPID
		"100   <... futex resumed>)              = 0\n");
}

T_SUITE(decode_process_tests) = {
	T_CASE(rlimits),
	T_CASE(wait_statuses),
	T_CASE(rusage_uname),
	T_CASE(sched_sets),
	T_CASE(capabilities),
	T_CASE(clones),
	T_CASE(clone3s),
	T_CASE(execve_strings),
	T_CASE(ioprios),
	T_CASE(rusage_wait_verbose),
	T_CASE(uname_times_sysinfo),
	T_CASE(sched_attrs),
	T_CASE(capabilities_v1),
	T_CASE(clone_more),
	T_CASE(interrupted_lines),
	T_END,
};
