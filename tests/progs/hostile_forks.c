// SPDX-License-Identifier: GPL-2.0
/*
 * Fork N children (argv[1], default 10000) as fast as possible, each
 * exiting at once with status 0, then reap them all: a burst of process
 * creations and exits for the tracer's per-task state and its buffers.
 * SIGCHLD is blocked (see README.md).
 */

#include "common.h"

#include <signal.h>
#include <sys/wait.h>

int main(int argc, char **argv)
{
	int i, n = argc > 1 ? atoi(argv[1]) : 10000, status, reaped = 0;
	sigset_t set;

	sigemptyset(&set);
	sigaddset(&set, SIGCHLD);
	OK(sigprocmask(SIG_BLOCK, &set, NULL));
	for (i = 0; i < n; i++) {
		pid_t pid = fork();

		if (pid == 0)
			_exit(0);
		CHECK(pid > 0);
	}
	while (wait(&status) > 0) {
		CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0);
		reaped++;
	}
	CHECK(reaped == n && errno == ECHILD);
	return 0;
}
