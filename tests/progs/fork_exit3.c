// SPDX-License-Identifier: GPL-2.0
/*
 * fork() a child that makes a couple of system calls and exits with status 3;
 * the parent reaps it with wait4 and exits 0.
 *
 * SIGCHLD is blocked around the fork and unblocked after wait4, so that the
 * "--- SIGCHLD" line always appears at the same place in the parent's trace
 * (a SIGCHLD with the default action is only queued by the kernel because it
 * is blocked; unblocking delivers it right after rt_sigprocmask).
 */
#include "common.h"

#include <signal.h>
#include <sys/wait.h>

int main(void)
{
	sigset_t chld;
	int status;
	pid_t pid;

	sigemptyset(&chld);
	sigaddset(&chld, SIGCHLD);
	OK(sigprocmask(SIG_BLOCK, &chld, NULL));

	pid = OK(fork());
	if (pid == 0) {
		OK(syscall(SYS_getpid));
		OK(syscall(SYS_getppid));
		PUTS(1, "child: exiting with 3\n");
		_exit(3);
	}
	EQ(wait4(pid, &status, 0, NULL), pid);
	CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 3);
	OK(sigprocmask(SIG_UNBLOCK, &chld, NULL));
	PUTS(1, "parent: child exited with 3\n");
	return 0;
}
