// SPDX-License-Identifier: GPL-2.0
/*
 * vfork + execve of /bin/true with a fixed small environment, and a fork +
 * execve of a missing program that fails with ENOENT and exits 42. SIGCHLD
 * is blocked throughout, so no signal lines depend on timing.
 */
#include "common.h"

#include <signal.h>
#include <sys/wait.h>

int main(void)
{
	char *const argv[] = { "true", "--sysray-ignored", NULL };
	char *const envp[] = { "SYSRAY_TEST=1", "LC_ALL=C", NULL };
	sigset_t chld;
	int status;
	pid_t pid;

	sigemptyset(&chld);
	sigaddset(&chld, SIGCHLD);
	OK(sigprocmask(SIG_BLOCK, &chld, NULL));

	pid = OK(vfork());
	if (pid == 0) {
		execve("/bin/true", argv, envp);
		_exit(127);
	}
	EQ(wait4(pid, &status, 0, NULL), pid);
	CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0);

	pid = OK(fork());
	if (pid == 0) {
		if (execve("/nonexistent/sysray-prog", argv, envp) < 0 && errno == ENOENT)
			_exit(42);
		_exit(127);
	}
	EQ(wait4(pid, &status, 0, NULL), pid);
	CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 42);
	return 0;
}
