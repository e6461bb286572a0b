// SPDX-License-Identifier: GPL-2.0
/*
 * -N, strace 6.16's --arg-names: the names generated from the man pages
 * with user/table/argnames.txt (scripts/gen-argnames.py), and the lines that
 * print them. Expected names are strace 6.16's as its own tests spell them
 * (tests/fchdir.c: "fchdir(fd=-1)", tests/flock.c: "flock(fd=..., op=LOCK_SH)")
 * or its decoders print them; expected lines strace 6.1's with those names.
 */
#include <string.h>
#include <linux/keyctl.h>

#include "cli/filter.h"
#include "rec.h"
#include "table/syscalls.h"
#include "test.h"

static const char *name_of(const char *call, int i)
{
	const struct sr_sysent *e = syscalls__by_name(call);

	return e ? syscalls__arg_name(e, i) : "(no such syscall)";
}

/* The table's names: the man page's, strace's where they differ, printargs' when raw. */
static void names_from_man_and_strace(struct t_state *st)
{
	CHECK(st, !syscalls__init());
	/* the man page's, as strace's tests spell them */
	CHECK_STR(st, name_of("fchdir", 0), "fd");
	CHECK_STR(st, name_of("openat", 0), "dirfd");
	CHECK_STR(st, name_of("openat", 1), "pathname");
	CHECK_STR(st, name_of("openat", 2), "flags");
	CHECK_STR(st, name_of("openat", 3), "mode");
	CHECK_STR(st, name_of("read", 2), "count");
	CHECK_STR(st, name_of("mmap", 5), "offset");
	/* overrides: flock(2) says operation, strace's test op */
	CHECK_STR(st, name_of("flock", 0), "fd");
	CHECK_STR(st, name_of("flock", 1), "op");
	/* strace's signal arguments are signum, the man pages' sig */
	CHECK_STR(st, name_of("kill", 1), "signum");
	/* rmdir is decoded by chdir's decoder in strace: its name */
	CHECK_STR(st, name_of("rmdir", 0), "path");
	/* no man page prototype: the override */
	CHECK_STR(st, name_of("rt_sigaction", 3), "sigsetsize");
	/* printed unnamed, and the high half of a split offset never printed */
	CHECK_STR(st, name_of("time", 0), "");
	CHECK_STR(st, name_of("preadv", 4), "");
	/* strace decodes it with printargs */
	CHECK_STR(st, name_of("rseq", 0), "arg1");
	/* -e raw=: printargs' names, whatever the row says */
	CHECK_STR(st, syscalls__arg_name(syscalls__undecoded(syscalls__by_name("openat")->nr), 0),
		  "arg1");
	CHECK_STR(st, syscalls__arg_name(syscalls__get(-1), 5), "arg6");
	CHECK_STR(st, name_of("read", 6), "");
}

/* Every argument of every row has a name (the generator's --check, kept true). */
static void every_row_named(struct t_state *st)
{
	int nr, i, missing = 0;

	CHECK(st, !syscalls__init());
	for (nr = 0; nr < syscalls__count(); nr++) {
		const struct sr_sysent *e = syscalls__get(nr);

		if (e->raw)
			continue;
		for (i = 0; i < e->nargs; i++) {
			if (e->argnames[i])
				continue;
			if (missing++ < 5)
				CHECK_STR(st, e->name, "(a row with a name for every argument)");
		}
	}
	CHECK(st, missing == 0);
}

static const uint64_t openat_a[6] = { T_AT_FDCWD, 0x1000, 0x80000 };
static const struct t_blobspec cache = { 1, "/etc/ld.so.cache", 17, 0, 0 };

/* Whole lines under -N, as strace 6.16 prints them. */
static void lines_with_names(struct t_state *st)
{
	static const uint64_t flock_a[6] = { 3, 1 /* LOCK_SH */ };
	static const uint64_t fchdir_a[6] = { 0xdeadbeefffffffffULL };
	static const uint64_t none[6] = { 0 };
	struct t_sink s;

	t_sink_open(&s);
	s.opts.arg_names = true;
	t_sink_reinit(&s);
	CHECK_STR(st, t_line(&s, "openat", openat_a, &cache, 1, 3, NULL, 0),
		  "openat(dirfd=AT_FDCWD, pathname=\"/etc/ld.so.cache\", flags=O_RDONLY|O_CLOEXEC) "
		  "= 3");
	CHECK_STR(st, t_line(&s, "flock", flock_a, NULL, 0, 0, NULL, 0),
		  "flock(fd=3, op=LOCK_SH)           = 0");
	CHECK_STR(st, t_line(&s, "fchdir", fchdir_a, NULL, 0, -9, NULL, 0),
		  "fchdir(fd=-1)                     = -1 EBADF (Bad file descriptor)");
	/* no arguments, no names; the return value has none */
	CHECK_STR(st, t_line(&s, "getpid", none, NULL, 0, 42, NULL, 0),
		  "getpid()                          = 42");
	t_sink_close(&s);
}

/*
 * keyctl's commands print by rows of their own (include/sysray/commands.def),
 * each with the names strace 6.16's keyctl.c gives that command's arguments;
 * an unknown command keeps the call's, strace's generic arg2..arg5.
 */
static void keyctl_names_per_command(struct t_state *st)
{
	static const uint64_t revoke_a[6] = { KEYCTL_REVOKE, 0xfffffffd };
	static const uint64_t timeout_a[6] = { KEYCTL_SET_TIMEOUT, 0xfffffffc, 5 };
	static const uint64_t chown_a[6] = { KEYCTL_CHOWN, 0xfffffffe, 0, 0xffffffff };
	const struct sr_sysent *e;
	uint64_t args[6] = { KEYCTL_READ };
	struct t_sink s;

	CHECK(st, !syscalls__init());
	e = syscalls__by_name("keyctl");
	CHECK(st, e && e->nsubs);
	if (!e)
		return;
	CHECK_STR(st, syscalls__arg_name(syscalls__select(e, args), 2), "buffer");
	args[0] = KEYCTL_MOVE;
	CHECK_STR(st, syscalls__arg_name(syscalls__select(e, args), 2), "from_keyring");
	args[0] = KEYCTL_PKEY_QUERY;
	CHECK_STR(st, syscalls__arg_name(syscalls__select(e, args), 3), "params");
	args[0] = 0xfacefeed;
	CHECK_STR(st, syscalls__arg_name(syscalls__select(e, args), 1), "arg2");
	t_sink_open(&s);
	s.opts.arg_names = true;
	t_sink_reinit(&s);
	CHECK_STR(st, t_line(&s, "keyctl", revoke_a, NULL, 0, -13, NULL, 0),
		  "keyctl(operation=KEYCTL_REVOKE, key=KEY_SPEC_SESSION_KEYRING) = -1 EACCES "
		  "(Permission denied)");
	CHECK_STR(st, t_line(&s, "keyctl", timeout_a, NULL, 0, 0, NULL, 0),
		  "keyctl(operation=KEYCTL_SET_TIMEOUT, key=KEY_SPEC_USER_KEYRING, timeout=5) = 0");
	CHECK_STR(
		st, t_line(&s, "keyctl", chown_a, NULL, 0, 0, NULL, 0),
		"keyctl(operation=KEYCTL_CHOWN, key=KEY_SPEC_PROCESS_KEYRING, uid=0, gid=-1) = 0");
	t_sink_close(&s);
}

/* -e raw= under -N: printargs' arg1..argN, as strace prints a raw call. */
static void raw_with_names(struct t_state *st)
{
	/* glibc passes AT_FDCWD as an int: the register's high half is 0 */
	static const uint64_t raw_a[6] = { 0xffffff9c, 0x1000, 0x80000 };
	struct t_sink s;

	t_sink_open(&s);
	s.opts.arg_names = true;
	CHECK(st, !filter__qualify(&s.opts, "raw=openat"));
	t_sink_reinit(&s);
	CHECK_STR(st, t_line(&s, "openat", raw_a, &cache, 1, 3, NULL, 0),
		  "openat(arg1=0xffffff9c, arg2=0x1000, arg3=0x80000, arg4=0) = 0x3");
	t_sink_close(&s);
}

/*
 * A line split by another task's: strace 6.16 ends the entry part without
 * the ", " and begins the resumed part with it (its tests/status-unfinished-
 * threads.c: "nanosleep({tv_sec=123, tv_nsec=0} <unfinished ...>").
 */
static void split_lines(struct t_state *st)
{
	struct t_sink s;

	t_sink_open(&s);
	s.opts.arg_names = true;
	t_sink_reinit(&s);
	t_feed_read_split(&s);
	CHECK_STR(st, t_sink_text(&s),
		  "100   read(fd=0 <unfinished ...>\n"
		  "200   getpid()                          = 200\n"
		  "100   <... read resumed>, buf=\"abc\", count=10) = 3\n");
	t_sink_close(&s);
}

T_SUITE(argnames_tests) = {
	T_CASE(names_from_man_and_strace),
	T_CASE(every_row_named),
	T_CASE(lines_with_names),
	T_CASE(keyctl_names_per_command),
	T_CASE(raw_with_names),
	T_CASE(split_lines),
	T_END,
};
