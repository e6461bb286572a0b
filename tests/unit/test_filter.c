// SPDX-License-Identifier: GPL-2.0
/*
 * strace's -e qualifiers (user/cli/filter.c): which syscalls, outcomes,
 * signals and messages each expression selects, and the exact one-line
 * error for each kind of bad expression. The sets expected here are the
 * ones strace 6.1 documents (strace(1), "-e trace=%class").
 */
#include <errno.h>
#include <string.h>

#include "capture.h"
#include "cli/filter.h"
#include "cli/options.h"
#include "cli/opts.h"
#include "table/syscalls.h"
#include "test.h"

/* Options as the command line "sysray" alone leaves them. */
static void fresh(struct sr_opts *o)
{
	char *argv[] = { "sysray", NULL };

	memset(o, 0, sizeof(*o));
	cli__parse(o, 1, argv);
}

static struct t_stderr err;

/* @add(@o, @arg) with stderr in err.text. */
static int add(int (*add)(struct sr_opts *, const char *), struct sr_opts *o, const char *arg)
{
	int rc;

	t_stderr_begin(&err);
	rc = add(o, arg);
	t_stderr_end(&err);
	return rc;
}

/* -e @expr into @o; stderr in err.text. */
static int qualify(struct sr_opts *o, const char *expr)
{
	return add(filter__qualify, o, expr);
}

static int nr_of(const char *name)
{
	const struct sr_sysent *e = syscalls__by_name(name);

	return e ? e->nr : -1;
}

static bool traced(const struct sr_opts *o, const char *name)
{
	return filter__traced(o, nr_of(name));
}

/* How many syscalls of the table @o traces. */
static int count_traced(const struct sr_opts *o)
{
	int nr, n = 0;

	for (nr = 0; nr < syscalls__count(); nr++)
		n += !syscalls__get(nr)->raw && filter__traced(o, nr);
	return n;
}

/* A fresh -e @expr that must parse; @names are traced, @not are not. */
static void expect_set(struct t_state *st, const char *expr, const char *const *names,
		       const char *const * not )
{
	struct sr_opts o;

	fresh(&o);
	if (qualify(&o, expr)) {
		fprintf(stderr, "  %s: -e %s refused: %s", st->name, expr, err.text);
		st->fails++;
		return;
	}
	for (; names && *names; names++)
		if (!traced(&o, *names)) {
			fprintf(stderr, "  %s: -e %s should trace %s\n", st->name, expr, *names);
			st->fails++;
		}
	for (; not &&*not ; not ++)
		if (nr_of(*not ) < 0 || traced(&o, *not )) {
			fprintf(stderr, "  %s: -e %s should not trace %s\n", st->name, expr, *not );
			st->fails++;
		}
}

#define NAMES(...) ((const char *const[]){ __VA_ARGS__, NULL })

/* Does -e trace= in @o select the i386 call @name of an ia32 task? */
static bool traced32(const struct sr_opts *o, const char *name)
{
	int nr;

	for (nr = 0; nr < SR_NR_MAX; nr++)
		if (!strcmp(syscalls__get_compat(nr)->name, name))
			return !o->trace_set || (o->trace_sel32[nr / 8] & (1u << (nr % 8)));
	return false;
}

/* -e trace= over i386 names, as strace resolves them for its i386 personality. */
static void trace_ia32(struct t_state *st)
{
	struct sr_opts o;

	fresh(&o);
	/* a name only i386 has, and one both have */
	CHECK(st, !qualify(&o, "trace=stat64,write"));
	CHECK(st, traced32(&o, "stat64") && traced32(&o, "write") && traced(&o, "write") &&
			  !traced32(&o, "fstat64") && !traced32(&o, "read"));
	/* classes, from the i386 entries' rows */
	fresh(&o);
	CHECK(st, !qualify(&o, "trace=%stat"));
	CHECK(st, traced32(&o, "stat64") && traced32(&o, "stat") && !traced32(&o, "fstat64") &&
			  traced(&o, "stat"));
	fresh(&o);
	CHECK(st, !qualify(&o, "trace=%fstat"));
	CHECK(st, traced32(&o, "fstat64") && traced32(&o, "fstatat64"));
	/* regular expressions, over both tables */
	fresh(&o);
	CHECK(st, !qualify(&o, "trace=/^_?llseek$"));
	CHECK(st, traced32(&o, "_llseek") && !traced32(&o, "lseek"));
	/* negation */
	fresh(&o);
	CHECK(st, !qualify(&o, "trace=!stat64"));
	CHECK(st, !traced32(&o, "stat64") && traced32(&o, "open") && traced(&o, "open"));
	/* a name neither table has */
	fresh(&o);
	CHECK(st, qualify(&o, "trace=stat65") && strstr(err.text, "invalid system call 'stat65'"));
}

static void trace_names(struct t_state *st)
{
	struct sr_opts o;

	fresh(&o);
	CHECK(st, !o.trace_set && traced(&o, "read") && traced(&o, "openat"));
	CHECK(st, filter__traced(&o, -1) && filter__traced(&o, SR_NR_MAX + 5));
	CHECK(st, qualify(&o, "trace=open,close") == 0 && !err.text[0]);
	CHECK(st, o.trace_set && count_traced(&o) == 2);
	CHECK(st, traced(&o, "open") && traced(&o, "close") && !traced(&o, "read"));
	/* out-of-range numbers are not selected by a set */
	CHECK(st, !filter__traced(&o, -1) && !filter__traced(&o, SR_NR_MAX));
	/* t= and a bare set mean trace=; empty words are skipped */
	expect_set(st, "t=read", NAMES("read"), NAMES("write"));
	expect_set(st, "write", NAMES("write"), NAMES("read"));
	expect_set(st, "read,,write,", NAMES("read", "write"), NAMES("close"));
	/* the last -e trace= wins, as in strace */
	fresh(&o);
	CHECK(st, !qualify(&o, "trace=read") && !qualify(&o, "trace=write"));
	CHECK(st, traced(&o, "write") && !traced(&o, "read"));
}

static void trace_all_none_negation(struct t_state *st)
{
	struct sr_opts o;
	int total;

	fresh(&o);
	CHECK(st, !qualify(&o, "trace=all"));
	total = count_traced(&o);
	CHECK(st, total > 300);
	fresh(&o);
	CHECK(st, !qualify(&o, "trace=none") && o.trace_set && count_traced(&o) == 0);
	fresh(&o);
	CHECK(st, !qualify(&o, "trace=!all") && count_traced(&o) == 0);
	fresh(&o);
	CHECK(st, !qualify(&o, "trace=!none") && count_traced(&o) == total);
	fresh(&o);
	CHECK(st, !qualify(&o, "trace=!open,close") && count_traced(&o) == total - 2);
	CHECK(st, !traced(&o, "open") && !traced(&o, "close") && traced(&o, "read"));
	expect_set(st, "!%file", NAMES("read", "close", "mmap"), NAMES("openat", "execve"));
	/* each leading '!' inverts what follows, as strace reads "!!!0,1" (readv.test) */
	fresh(&o);
	CHECK(st, !qualify(&o, "trace=!!open,close") && count_traced(&o) == 2);
	fresh(&o);
	CHECK(st, !qualify(&o, "trace=!!!open,close") && count_traced(&o) == total - 2);
	CHECK(st, !qualify(&o, "read=!!!0,1") && !filter__fd_in(&o.read_fds, 1) &&
			  filter__fd_in(&o.read_fds, 5));
	/* ?name: unknown names are ignored, known ones selected */
	fresh(&o);
	CHECK(st, !qualify(&o, "trace=?no_such_call,?read") && !err.text[0]);
	CHECK(st, count_traced(&o) == 1 && traced(&o, "read"));
}

static void trace_classes(struct t_state *st)
{
	expect_set(st, "%file", NAMES("open", "openat", "execve", "stat", "unlink", "chdir"),
		   NAMES("read", "close", "fchdir", "mmap"));
	expect_set(st, "%desc", NAMES("read", "close", "openat", "fstat", "mmap", "dup2"),
		   NAMES("stat", "kill", "getpid"));
	expect_set(st, "%network", NAMES("socket", "connect", "sendto", "accept4"),
		   NAMES("read", "open"));
	expect_set(st, "%net", NAMES("socket", "bind"), NAMES("pipe"));
	expect_set(st, "%process", NAMES("clone", "fork", "execve", "exit_group", "wait4", "kill"),
		   NAMES("getpid", "read"));
	expect_set(st, "%signal", NAMES("kill", "rt_sigaction", "rt_sigprocmask", "tgkill"),
		   NAMES("read", "clone"));
	expect_set(st, "%ipc", NAMES("shmget", "semop", "msgsnd"), NAMES("pipe", "socket"));
	expect_set(st, "%memory", NAMES("mmap", "munmap", "brk", "mprotect"),
		   NAMES("read", "shmget"));
	expect_set(st, "%creds", NAMES("getuid", "setuid", "setresgid", "capget"),
		   NAMES("getpid", "kill"));
	expect_set(st, "%clock", NAMES("clock_gettime", "gettimeofday", "adjtimex"),
		   NAMES("nanosleep"));
	expect_set(st, "%stat", NAMES("stat"), NAMES("lstat", "fstat", "newfstatat", "statx"));
	expect_set(st, "%lstat", NAMES("lstat"), NAMES("stat", "fstat"));
	/* statx is one of strace 6.1's %fstat calls (strace -e trace=%fstat stat /) */
	expect_set(st, "%fstat", NAMES("fstat", "newfstatat", "statx"), NAMES("stat", "lstat"));
	expect_set(st, "%%stat", NAMES("stat", "lstat", "fstat", "newfstatat", "statx"),
		   NAMES("statfs", "access"));
	expect_set(st, "%statfs", NAMES("statfs"), NAMES("fstatfs", "ustat"));
	expect_set(st, "%fstatfs", NAMES("fstatfs"), NAMES("statfs"));
	expect_set(st, "%%statfs", NAMES("statfs", "fstatfs", "ustat"), NAMES("stat"));
	expect_set(st, "%pure", NAMES("getpid", "gettid", "getuid", "getppid"),
		   NAMES("kill", "setuid"));
	/* strace's older spelling, without %, for the first classes */
	expect_set(st, "file,network", NAMES("openat", "socket"), NAMES("read"));
	expect_set(st, "%file,%desc", NAMES("openat", "read"), NAMES("kill"));
}

static void trace_regex(struct t_state *st)
{
	expect_set(st, "/^open", NAMES("open", "openat", "openat2", "open_by_handle_at"),
		   NAMES("mq_open", "read"));
	expect_set(st, "/stat$", NAMES("stat", "lstat", "fstat"),
		   NAMES("newfstatat", "statx", "fstatfs", "read"));
	expect_set(st, "!/^(read|write)", NAMES("close", "openat"),
		   NAMES("read", "readv", "write", "writev", "readlink"));
	expect_set(st, "/^exit,kill", NAMES("exit", "exit_group", "kill"), NAMES("tkill"));
	/* a few repetitions are fine */
	expect_set(st, "/^e+p+oll_(c+)tl$", NAMES("epoll_ctl"), NAMES("epoll_wait"));
	expect_set(st, "/^s{1}etu{1}id$", NAMES("setuid"), NAMES("setgid"));
}

static void trace_errors(struct t_state *st)
{
	static const struct {
		const char *expr, *msg;
	} cases[] = {
		{ "trace=opn", "sysray: invalid system call 'opn' (did you mean 'open'?)\n" },
		{ "trace=%fil", "sysray: invalid system call '%fil' (did you mean '%file'?)\n" },
		{ "trace=%statfz",
		  "sysray: invalid system call '%statfz' (did you mean '%statfs'?)\n" },
		{ "trace=xyzzyplugh", "sysray: invalid system call 'xyzzyplugh'\n" },
		{ "trace=read,bogus_call_x", "sysray: invalid system call 'bogus_call_x'\n" },
		{ "trace=%", "sysray: invalid system call '%'\n" },
		{ "trace=", "sysray: invalid system call ''\n" },
		{ "trace=!", "sysray: invalid system call '!'\n" },
		{ "trace=,", "sysray: invalid system call ','\n" },
		{ "trace=/[", "sysray: invalid regular expression '['\n" },
		/* glibc's regcomp() would take gigabytes (the fuzzer found it) */
		{ "trace=/r-ep+++++++++++++",
		  "sysray: regular expression 'r-ep+++++++++++++' is too complex (its repetitions "
		  "multiply): simplify it\n" },
		/* and with a '*' among the '+', seconds of regcomp() (the fuzzer again) */
		{ "trace=/r-ep+*+++++++++++",
		  "sysray: regular expression 'r-ep+*+++++++++++' is too complex (its repetitions "
		  "multiply): simplify it\n" },
		{ "trace=/(a{20}){20}{20}",
		  "sysray: regular expression '(a{20}){20}{20}' is too complex (its repetitions "
		  "multiply): simplify it\n" },
		/* %creds has no spelling without %, as in strace */
		{ "trace=creds", "sysray: invalid system call 'creds' (did you mean '%creds'?)\n" },
		{ "trace=net", "sysray: invalid system call 'net' (did you mean '%net'?)\n" },
		{ "bogus=1",
		  "sysray: invalid -e qualifier 'bogus' (trace, status, signal, quiet, raw, "
		  "abbrev, verbose, read, write, decode-fds, decode-pids or trace-fds)\n" },
		/* strace reads it as a bare set */
		{ "=read", "sysray: invalid system call '=read' (did you mean 'read'?)\n" },
		{ "Trace=read",
		  "sysray: invalid -e qualifier 'Trace' (trace, status, signal, quiet, raw, "
		  "abbrev, verbose, read, write, decode-fds, decode-pids or trace-fds)\n" },
		{ "raw=", "sysray: invalid system call ''\n" },
		{ "raw=bad", "sysray: invalid system call 'bad' (did you mean 'read'?)\n" },
	};
	struct sr_opts o;
	size_t i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		fresh(&o);
		CHECK(st, qualify(&o, cases[i].expr) == -EINVAL);
		CHECK_STR(st, err.text, cases[i].msg);
	}
}

static void status_sets(struct t_state *st)
{
	static const struct {
		const char *expr;
		uint8_t want;
	} cases[] = {
		{ "status=successful", SR_ST_SUCCESSFUL },
		{ "status=failed", SR_ST_FAILED },
		{ "status=failed,unfinished", SR_ST_FAILED | SR_ST_UNFINISHED },
		{ "status=unavailable,detached", SR_ST_UNAVAILABLE | SR_ST_DETACHED },
		{ "status=!failed", SR_ST_ALL & ~SR_ST_FAILED },
		{ "status=all", SR_ST_ALL },
		{ "status=none", 0 },
		{ "status=!all", 0 },
	};
	struct sr_opts o;
	size_t i;

	fresh(&o);
	CHECK(st, o.status == SR_ST_ALL);
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		fresh(&o);
		CHECK(st, qualify(&o, cases[i].expr) == 0);
		CHECK(st, o.status == cases[i].want);
	}
	fresh(&o);
	CHECK(st, qualify(&o, "status=nope") == -EINVAL);
	CHECK_STR(st, err.text,
		  "sysray: invalid status 'nope' (successful, failed, unfinished, unavailable, "
		  "detached, all or none)\n");
	CHECK(st, o.status == SR_ST_ALL); /* a refused expression changes nothing */
	CHECK(st, qualify(&o, "status=successful,Failed") == -EINVAL);
	CHECK_STR(st, err.text,
		  "sysray: invalid status 'Failed' (successful, failed, unfinished, unavailable, "
		  "detached, all or none)\n");
	CHECK(st, qualify(&o, "status=") == -EINVAL);
	CHECK_STR(st, err.text, "sysray: invalid status ''\n");
	CHECK(st, qualify(&o, "status=!") == -EINVAL);
	CHECK_STR(st, err.text, "sysray: invalid status '!'\n");
}

/* Signals whose delivery lines pass, as a string of numbers "9 17". */
static const char *shown(const struct sr_opts *o)
{
	static char buf[256];
	size_t n = 0;
	int sig;

	buf[0] = '\0';
	for (sig = 0; sig <= 65; sig++)
		if (filter__signal_shown(o, sig))
			n += snprintf(buf + n, sizeof(buf) - n, "%s%d", n ? " " : "", sig);
	return buf;
}

static void signal_sets(struct t_state *st)
{
	struct sr_opts o;
	int sig, all = 0;

	fresh(&o);
	for (sig = 1; sig <= 64; sig++)
		all += filter__signal_shown(&o, sig);
	CHECK(st, all == 64 && !filter__signal_shown(&o, 0) && !filter__signal_shown(&o, 65));
	CHECK(st, !qualify(&o, "signal=SIGCHLD"));
	CHECK_STR(st, shown(&o), "17");
	CHECK(st, !qualify(&o, "signal=chld,9,sigUSR1"));
	CHECK_STR(st, shown(&o), "9 10 17");
	CHECK(st, !qualify(&o, "signals=TERM"));
	CHECK_STR(st, shown(&o), "15");
	CHECK(st, !qualify(&o, "s=HUP"));
	CHECK_STR(st, shown(&o), "1");
	/* real-time signals by the kernel's numbering: SIGRTMIN is 32 */
	CHECK(st, !qualify(&o, "signal=RTMIN,RT_3,SIGRT_32,64"));
	CHECK_STR(st, shown(&o), "32 35 64");
	CHECK(st, !qualify(&o, "signal=none"));
	CHECK_STR(st, shown(&o), "");
	CHECK(st, !qualify(&o, "signal=!SIGCHLD"));
	CHECK(st, !filter__signal_shown(&o, 17) && filter__signal_shown(&o, 9) &&
			  filter__signal_shown(&o, 64));
	CHECK(st, !qualify(&o, "signal=all"));
	CHECK(st, filter__signal_shown(&o, 17) && filter__signal_shown(&o, 1));
	CHECK(st, qualify(&o, "signal=SIGNOPE") == -EINVAL);
	CHECK_STR(st, err.text, "sysray: invalid signal 'SIGNOPE'\n");
	CHECK(st, qualify(&o, "signal=65") == -EINVAL);
	CHECK_STR(st, err.text, "sysray: invalid signal '65'\n");
	CHECK(st, qualify(&o, "signal=RT_33") == -EINVAL);
	CHECK_STR(st, err.text, "sysray: invalid signal 'RT_33'\n");
	CHECK(st, qualify(&o, "signal=") == -EINVAL);
	CHECK_STR(st, err.text, "sysray: invalid signal ''\n");
}

static void quiet_sets(struct t_state *st)
{
	static const struct {
		const char *expr;
		bool attach, exit, superseded;
	} cases[] = {
		{ "quiet=attach", true, false, false },
		{ "quiet=exit", false, true, false },
		{ "quiet=exits", false, true, false },
		{ "quiet=thread-execve", false, false, true },
		{ "quiet=superseded", false, false, true },
		{ "quiet=attach,exit", true, true, false },
		{ "quiet=all", true, true, true },
		{ "quiet=!attach", false, true, true },
		{ "quiet=none", false, false, false },
		/* accepted; sysray prints none of these messages anyway */
		{ "quiet=path-resolution,personality", false, false, false },
		{ "q=attach", true, false, false },
		{ "silent=exit", false, true, false },
		{ "silence=exit", false, true, false },
	};
	struct sr_opts o;
	size_t i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		fresh(&o);
		CHECK(st, qualify(&o, cases[i].expr) == 0);
		CHECK(st, o.quiet == cases[i].attach && o.quiet_exit == cases[i].exit &&
				  o.quiet_superseded == cases[i].superseded);
	}
	CHECK(st, qualify(&o, "quiet=nope") == -EINVAL);
	CHECK_STR(
		st, err.text,
		"sysray: invalid quiet 'nope' (attach, exit, exits, path-resolution, personality, "
		"thread-execve, superseded, all or none)\n");
	CHECK(st, qualify(&o, "quiet=") == -EINVAL);
	CHECK_STR(st, err.text, "sysray: invalid quiet ''\n");
}

static void raw_sets(struct t_state *st)
{
	struct sr_opts o;

	fresh(&o);
	CHECK(st, !filter__raw(&o, nr_of("openat")) && !filter__raw(&o, -1));
	CHECK(st, !qualify(&o, "raw=openat,%stat"));
	CHECK(st, filter__raw(&o, nr_of("openat")) && filter__raw(&o, nr_of("stat")));
	CHECK(st, !filter__raw(&o, nr_of("read")) && !filter__raw(&o, SR_NR_MAX));
	/* raw= does not select what is traced */
	CHECK(st, !o.trace_set && traced(&o, "read"));
	CHECK(st, !qualify(&o, "raw=!read"));
	CHECK(st, filter__raw(&o, nr_of("openat")) && !filter__raw(&o, nr_of("read")));
	CHECK(st, !qualify(&o, "raw=all") && filter__raw(&o, nr_of("read")));
	CHECK(st, !qualify(&o, "raw=none") && !filter__raw(&o, nr_of("read")));
}

static void suggestions(struct t_state *st)
{
	static const char *const names[] = { "open", "openat", "close", "read" };

	CHECK_STR(st, filter__suggest("opn", names, 4), "open");
	CHECK_STR(st, filter__suggest("openatt", names, 4), "openat");
	CHECK_STR(st, filter__suggest("clsoe", names, 4), "close");
	CHECK(st, filter__suggest("xyzzy", names, 4) == NULL);
	CHECK(st, filter__suggest("", names, 0) == NULL);
	/* words longer than the distance table: never a suggestion, never a crash */
	CHECK(st, filter__suggest(
			  "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
			  names, 4) == NULL);
}

static void comm_and_uid(struct t_state *st)
{
	char want[64];
	struct sr_opts o;
	int i;

	fresh(&o);
	CHECK(st, add(filter__add_comm, &o, "fifteen_bytes__") == 0);
	CHECK_STR(st, o.comm[0], "fifteen_bytes__");
	CHECK(st, add(filter__add_comm, &o, "sixteen_bytes___") == -EINVAL && o.ncomm == 1);
	CHECK_STR(st, err.text,
		  "sysray: --comm 'sixteen_bytes___': a task name has 1 to 15 bytes\n");
	CHECK(st, add(filter__add_comm, &o, "") == -EINVAL);
	CHECK_STR(st, err.text, "sysray: --comm '': a task name has 1 to 15 bytes\n");
	for (i = 1; i < SR_MAX_COMM; i++)
		CHECK(st, filter__add_comm(&o, "x") == 0);
	CHECK(st, add(filter__add_comm, &o, "one_too_many") == -EINVAL && o.ncomm == SR_MAX_COMM);
	snprintf(want, sizeof(want), "sysray: at most %d --comm names\n", SR_MAX_COMM);
	CHECK_STR(st, err.text, want);

	fresh(&o);
	CHECK(st, filter__add_uid(&o, "0") == 0 && filter__add_uid(&o, "1000") == 0);
	CHECK(st, filter__add_uid(&o, "root") == 0); /* every system has root as uid 0 */
	CHECK(st, o.nuid == 3 && o.uid[0] == 0 && o.uid[1] == 1000 && o.uid[2] == 0);
	CHECK(st, add(filter__add_uid, &o, "no_such_user_x") == -EINVAL && o.nuid == 3);
	CHECK_STR(st, err.text, "sysray: --uid 'no_such_user_x': no such user\n");
	/* (uid_t)-1 means "no change" to the kernel: not a user */
	CHECK(st, add(filter__add_uid, &o, "4294967295") == -EINVAL);
	CHECK_STR(st, err.text, "sysray: --uid '4294967295': no such user\n");
	for (i = 3; i < SR_MAX_UID; i++)
		CHECK(st, filter__add_uid(&o, "1") == 0);
	CHECK(st, add(filter__add_uid, &o, "2") == -EINVAL && o.nuid == SR_MAX_UID);
	snprintf(want, sizeof(want), "sysray: at most %d --uid values\n", SR_MAX_UID);
	CHECK_STR(st, err.text, want);
}

T_SUITE(filter_tests) = {
	T_CASE(trace_names),
	T_CASE(trace_all_none_negation),
	T_CASE(trace_classes),
	T_CASE(trace_regex),
	T_CASE(trace_errors),
	T_CASE(status_sets),
	T_CASE(signal_sets),
	T_CASE(quiet_sets),
	T_CASE(raw_sets),
	T_CASE(suggestions),
	T_CASE(comm_and_uid),
	T_CASE(trace_ia32),
	T_END,
};
