// SPDX-License-Identifier: GPL-2.0
/* Decoders of user/decode/process.c, against lines strace 6.1 prints. */
#include <errno.h>
#include <signal.h>
#include <string.h>
#include <sys/utsname.h>
#include <linux/futex.h>
#include <linux/ioprio.h>
#include <linux/prctl.h>
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

static void prctls(struct t_state *st)
{
	struct t_sink s;
	char name[16] = "sysray-prctl";
	int32_t sig = SIGTERM;
	uint64_t a[6] = { PR_SET_NAME, 0x1000 };
	struct t_blobspec b = { 1, name, 16, 0, 16 };

	t_sink_open(&s);
	CHECK_STR(st, t_line(&s, "prctl", a, &b, 1, 0, NULL, 0),
		  "prctl(PR_SET_NAME, \"sysray-prctl\") = 0");
	a[0] = PR_GET_NAME;
	CHECK_STR(st, t_line(&s, "prctl", a, NULL, 0, 0, &b, 1),
		  "prctl(PR_GET_NAME, \"sysray-prctl\") = 0");
	memcpy(name, "a-name-longer-than-16", 16);
	a[0] = PR_SET_NAME;
	CHECK_STR(st, t_line(&s, "prctl", a, &b, 1, 0, NULL, 0),
		  "prctl(PR_SET_NAME, \"a-name-longer-t\"...) = 0");
	a[0] = PR_GET_DUMPABLE;
	CHECK_STR(st, t_line(&s, "prctl", a, NULL, 0, 1, NULL, 0),
		  "prctl(PR_GET_DUMPABLE)            = 1 (SUID_DUMP_USER)");
	a[0] = PR_SET_PDEATHSIG;
	a[1] = SIGTERM;
	CHECK_STR(st, t_line(&s, "prctl", a, NULL, 0, 0, NULL, 0),
		  "prctl(PR_SET_PDEATHSIG, SIGTERM)  = 0");
	a[0] = PR_GET_PDEATHSIG;
	a[1] = 0x1000;
	b = (struct t_blobspec){ 1, &sig, 4, 0, 0 };
	CHECK_STR(st, t_line(&s, "prctl", a, NULL, 0, 0, &b, 1),
		  "prctl(PR_GET_PDEATHSIG, [SIGTERM]) = 0");
	a[0] = PR_GET_NO_NEW_PRIVS;
	a[1] = 0;
	CHECK_STR(st, t_line(&s, "prctl", a, NULL, 0, 0, NULL, 0),
		  "prctl(PR_GET_NO_NEW_PRIVS, 0, 0, 0, 0) = 0");
	a[0] = 0x7fff1234;
	CHECK_STR(st, t_line(&s, "prctl", a, NULL, 0, -22, NULL, 0),
		  "prctl(0x7fff1234 /* PR_??? */, 0, 0, 0, 0) = -1 EINVAL (Invalid argument)");
	a[0] = PR_CAP_AMBIENT;
	a[1] = PR_CAP_AMBIENT_IS_SET;
	a[2] = 12;
	CHECK_STR(st, t_line(&s, "prctl", a, NULL, 0, 0, NULL, 0),
		  "prctl(PR_CAP_AMBIENT, PR_CAP_AMBIENT_IS_SET, CAP_NET_ADMIN, 0, 0) = 0");
	t_sink_close(&s);
}

static void arch_prctls(struct t_state *st)
{
	struct t_sink s;
	uint64_t fs = 0x7f9e9de1a740, xf = 0x602e7;
	uint64_t a[6] = { 0x1002 /* ARCH_SET_FS */, 0x7f42ff957740 };
	struct t_blobspec out = { 1, &fs, 8, 0, 0 };

	t_sink_open(&s);
	CHECK_STR(st, t_line(&s, "arch_prctl", a, NULL, 0, 0, NULL, 0),
		  "arch_prctl(ARCH_SET_FS, 0x7f42ff957740) = 0");
	a[0] = 0x1003; /* ARCH_GET_FS */
	CHECK_STR(st, t_line(&s, "arch_prctl", a, NULL, 0, 0, &out, 1),
		  "arch_prctl(ARCH_GET_FS, [0x7f9e9de1a740]) = 0");
	a[0] = 0x1011; /* ARCH_GET_CPUID */
	CHECK_STR(st, t_line(&s, "arch_prctl", a, NULL, 0, 1, NULL, 0),
		  "arch_prctl(ARCH_GET_CPUID)        = 1");
	a[0] = 0x3001;
	a[1] = 0x7ffd404e67b8;
	CHECK_STR(
		st, t_line(&s, "arch_prctl", a, NULL, 0, -22, NULL, 0),
		"arch_prctl(0x3001 /* ARCH_??? */, 0x7ffd404e67b8) = -1 EINVAL (Invalid argument)");
	a[0] = 0x1021; /* ARCH_GET_XCOMP_SUPP */
	out.data = &xf;
	CHECK_STR(
		st, t_line(&s, "arch_prctl", a, NULL, 0, 0, &out, 1),
		"arch_prctl(ARCH_GET_XCOMP_SUPP, [0x602e7 /* XFEATURE_MASK_FPSSE|XFEATURE_MASK_YMM|"
		"XFEATURE_MASK_AVX512|XFEATURE_MASK_PKRU|XFEATURE_MASK_XTILE */]) = 0");
	t_sink_close(&s);
}

static void futexes(struct t_state *st)
{
	struct t_sink s;
	int64_t ts[2] = { 0, 1000000 };
	uint64_t a[6] = { 0x7fe72b77da4c, FUTEX_WAKE_PRIVATE, 2147483647 };
	struct t_blobspec in = { 3, ts, sizeof(ts), 0, 0 };

	t_sink_open(&s);
	CHECK_STR(st, t_line(&s, "futex", a, NULL, 0, 0, NULL, 0),
		  "futex(0x7fe72b77da4c, FUTEX_WAKE_PRIVATE, 2147483647) = 0");
	a[1] = FUTEX_WAIT_PRIVATE;
	a[2] = 0;
	a[3] = 0x1000;
	CHECK_STR(st, t_line(&s, "futex", a, &in, 1, -110, NULL, 0),
		  "futex(0x7fe72b77da4c, FUTEX_WAIT_PRIVATE, 0, {tv_sec=0, tv_nsec=1000000}) = -1 "
		  "ETIMEDOUT (Connection timed out)");
	a[1] = FUTEX_WAIT_BITSET_PRIVATE | FUTEX_CLOCK_REALTIME;
	a[3] = 0;
	a[5] = FUTEX_BITSET_MATCH_ANY;
	CHECK_STR(st, t_line(&s, "futex", a, NULL, 0, 0, NULL, 0),
		  "futex(0x7fe72b77da4c, FUTEX_WAIT_BITSET_PRIVATE|FUTEX_CLOCK_REALTIME, 0, NULL, "
		  "FUTEX_BITSET_MATCH_ANY) = 0");
	a[1] = 0x63;
	a[5] = 0;
	CHECK_STR(st, t_line(&s, "futex", a, NULL, 0, -38, NULL, 0),
		  "futex(0x7fe72b77da4c, 0x63 /* FUTEX_??? */, 0, NULL, NULL, 0) = -1 ENOSYS "
		  "(Function not implemented)");
	a[1] = FUTEX_WAKE_OP_PRIVATE;
	a[2] = a[3] = 1;
	a[4] = 0x55f0622910c4;
	a[5] = FUTEX_OP(FUTEX_OP_ADD, 1, FUTEX_OP_CMP_GT, 0);
	CHECK_STR(st, t_line(&s, "futex", a, NULL, 0, 0, NULL, 0),
		  "futex(0x7fe72b77da4c, FUTEX_WAKE_OP_PRIVATE, 1, 1, 0x55f0622910c4, "
		  "FUTEX_OP_ADD<<28|0x1<<12|FUTEX_OP_CMP_GT<<24|0) = 0");
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
	t_sink_close(&s);
}

T_SUITE(decode_process_tests) = {
	T_CASE(rlimits),
	T_CASE(wait_statuses),
	T_CASE(rusage_uname),
	T_CASE(sched_sets),
	T_CASE(capabilities),
	T_CASE(clones),
	T_CASE(clone3s),
	T_CASE(prctls),
	T_CASE(arch_prctls),
	T_CASE(futexes),
	T_CASE(execve_strings),
	T_CASE(ioprios),
	T_END,
};
