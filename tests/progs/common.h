/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Helpers shared by the differential test programs.
 *
 * Every program must make the same system calls, with the same arguments and
 * results, on every run, so that its strace and sysray traces can be compared
 * line by line. These helpers therefore avoid stdio (which allocates and so
 * calls getrandom and brk) and report failures with a single write(2).
 *
 * A program that needs files calls work_enter("name"): it creates the fixed
 * directory /tmp/sysray-progs-name, chdirs into it (so paths in the trace are
 * short and relative), and work_leave() removes it again. Programs delete
 * what they created themselves, so that the unlink calls are part of the
 * deterministic trace; work_leave() fails loudly if anything is left over.
 */
#ifndef SYSRAY_PROGS_COMMON_H
#define SYSRAY_PROGS_COMMON_H

#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#define WORK_PREFIX "/tmp/sysray-progs-"

/* Exit status of a program whose system call did not behave as expected. */
#define EXIT_UNEXPECTED 99

static inline void die_at(int line, const char *what, long ret, int err)
{
	char msg[512];
	int n = snprintf(msg, sizeof(msg), "line %d: unexpected result of %s: ret=%ld errno=%d\n",
			 line, what, ret, err);
	if (n < 0 || n >= (int)sizeof(msg))
		n = (int)sizeof(msg) - 1;
	if (write(2, msg, (size_t)n) < 0) {
		/* nothing more we can do */
	}
	_exit(EXIT_UNEXPECTED);
}

static inline long check_ok(long ret, const char *what, int line)
{
	if (ret < 0)
		die_at(line, what, ret, errno);
	return ret;
}

static inline long check_err(long ret, int want, const char *what, int line)
{
	if (ret != -1 || errno != want)
		die_at(line, what, ret, errno);
	return ret;
}

static inline long check_eq(long ret, long want, const char *what, int line)
{
	if (ret != want)
		die_at(line, what, ret, errno);
	return ret;
}

/* OK(x): x must not fail; evaluates to x. */
#define OK(x) check_ok((long)(x), #x, __LINE__)
/* ERR(x, E): x must fail with errno E. */
#define ERR(x, e) check_err((long)(x), (e), #x, __LINE__)
/* EQ(x, v): x must return exactly v. */
#define EQ(x, v) check_eq((long)(x), (long)(v), #x, __LINE__)
/* CHECK(c): an expectation on values, not on a call. */
#define CHECK(c)                                    \
	do {                                        \
		if (!(c))                           \
			die_at(__LINE__, #c, 0, 0); \
	} while (0)

/* Write a constant string; the length is known at compile time. */
#define PUTS(fd, s) EQ(write((fd), (s), sizeof(s) - 1), sizeof(s) - 1)

static char work_path[128];

static inline int work_rm_cb(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
	return remove(path);
}

/*
 * Create and enter WORK_PREFIX<name>. Leftovers of a crashed earlier run are
 * removed first; that only adds system calls to a run that was already not
 * clean. Also sets umask 022 so that file modes in the trace do not depend on
 * the caller's umask.
 */
static inline void work_enter(const char *name)
{
	snprintf(work_path, sizeof(work_path), "%s%s", WORK_PREFIX, name);
	umask(022);
	if (mkdir(work_path, 0755) < 0) {
		if (errno != EEXIST)
			die_at(__LINE__, "mkdir work dir", -1, errno);
		nftw(work_path, work_rm_cb, 16, FTW_DEPTH | FTW_PHYS);
		OK(mkdir(work_path, 0755));
	}
	OK(chdir(work_path));
}

/* Leave and remove the work directory, which must be empty by now. */
static inline void work_leave(void)
{
	OK(chdir("/"));
	OK(rmdir(work_path));
}

#endif /* SYSRAY_PROGS_COMMON_H */
