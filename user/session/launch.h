/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Starting the command to trace: the child is forked blocked on a pipe, so
 * that it runs nothing before the loader has marked it traced, and released
 * once tracing is live. Its first traced syscall is its execve.
 */
#ifndef SYSRAY_LAUNCH_H
#define SYSRAY_LAUNCH_H

#include <stdbool.h>
#include <sys/types.h>

struct sr_child {
	pid_t pid;
	int go_fd; /* write end of the pipe the child waits on; -1 once used */
};

/* What the child runs, and as whom (-E, -u). */
struct sr_launch {
	const char *exe;
	char *const *argv;
	char **envp; /* NULL: sysray's own environment */
	bool as_user; /* -u: switch to these ids before waiting */
	uid_t uid;
	gid_t gid;
	int ngroups;
	gid_t *groups;
};

/**
 * launch__env() - @l->envp becomes sysray's environment changed by @ops in
 * order ("VAR=VAL" sets VAR, "VAR" removes it), as strace -E does.
 * Return 0 or -ENOMEM.
 */
int launch__env(struct sr_launch *l, const char *const *ops, int nops);

/**
 * launch__user() - run as @name (-u): its uid, its primary gid and the
 * groups the group database lists it in. Return 0, -ENOENT for no such
 * user, or -errno.
 */
int launch__user(struct sr_launch *l, const char *name);

/** launch__free() - what launch__env() and launch__user() allocated. */
void launch__free(struct sr_launch *l);

/**
 * launch__spawn() - fork a child that takes @l's ids, waits, then runs
 * @l->exe with @l->argv and @l->envp. Return 0 or -errno.
 */
int launch__spawn(struct sr_child *ch, const struct sr_launch *l);

/** launch__release() - let the child run execve. Return 0 or -errno. */
int launch__release(struct sr_child *ch);

/** launch__abort() - the child exits without running anything. */
void launch__abort(struct sr_child *ch);

#endif /* SYSRAY_LAUNCH_H */
