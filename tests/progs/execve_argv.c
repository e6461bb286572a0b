// SPDX-License-Identifier: GPL-2.0
/*
 * execve with a large argv (a 300-byte argument and 100 more: strace shows
 * only the first 64 bytes of a string and the first 64 elements of an
 * array), an environment of three variables, an empty argv, and a NULL envp.
 * Children are reaped with wait4; SIGCHLD stays blocked.
 */
#include "common.h"

#include <signal.h>
#include <sys/wait.h>

#define NARGS 100

static void run(char *const argv[], char *const envp[])
{
	int status;
	pid_t pid = OK(fork());

	if (pid == 0) {
		execve("/bin/true", argv, envp);
		_exit(127);
	}
	EQ(wait4(pid, &status, 0, NULL), pid);
	CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0);
}

int main(void)
{
	static char args[NARGS][8], big[301];
	char *argv[NARGS + 3];
	char *const envp[] = { "A=1", "SYSRAY_LONG_VARIABLE=with some value", "Z=", NULL };
	char *const small[] = { "true", NULL };
	char *const empty[] = { NULL };
	sigset_t chld;

	sigemptyset(&chld);
	sigaddset(&chld, SIGCHLD);
	OK(sigprocmask(SIG_BLOCK, &chld, NULL));

	argv[0] = "true";
	memset(big, 'B', sizeof(big) - 1);
	argv[1] = big;
	for (int i = 0; i < NARGS; i++) {
		snprintf(args[i], sizeof(args[i]), "arg%03d", i);
		argv[i + 2] = args[i];
	}
	argv[NARGS + 2] = NULL;

	run(argv, envp);
	run(small, NULL);
	run(empty, envp);
	return 0;
}
