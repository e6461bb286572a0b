/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Starting the command to trace: the child is forked blocked on a pipe, so
 * that it runs nothing before the loader has marked it traced, and released
 * once tracing is live. Its first traced syscall is its execve.
 */
#ifndef SYSRAY_LAUNCH_H
#define SYSRAY_LAUNCH_H

#include <sys/types.h>

struct sr_child {
	pid_t pid;
	int go_fd; /* write end of the pipe the child waits on; -1 once used */
};

/**
 * launch__spawn() - fork a child that waits, then runs @exe with @argv.
 * Return 0 or -errno.
 */
int launch__spawn(struct sr_child *ch, const char *exe, char *const argv[]);

/** launch__release() - let the child run execve. Return 0 or -errno. */
int launch__release(struct sr_child *ch);

/** launch__abort() - the child exits without running anything. */
void launch__abort(struct sr_child *ch);

#endif /* SYSRAY_LAUNCH_H */
