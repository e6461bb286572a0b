// SPDX-License-Identifier: GPL-2.0
/*
 * execve whose argv strings lie in a page the process has mapped but never
 * touched (a memfd's, mapped after the fork): sysray's copy at entry finds
 * no page there and faults, so the argv it prints is the new image's copy,
 * read at exit (retry_faults() in bpf/sysray.bpf.c). SIGCHLD stays blocked.
 */
#include "common.h"

#include <signal.h>
#include <sys/mman.h>
#include <sys/wait.h>

int main(void)
{
	static const char strs[] = "true\0first\0second argument";
	char *const envp[] = { "A=1", NULL };
	sigset_t chld;
	int status, fd;
	pid_t pid;

	sigemptyset(&chld);
	sigaddset(&chld, SIGCHLD);
	OK(sigprocmask(SIG_BLOCK, &chld, NULL));
	fd = OK(memfd_create("sysray-argv", 0));
	EQ(write(fd, strs, sizeof(strs)), (long)sizeof(strs));

	pid = OK(fork());
	if (pid == 0) {
		char *m = mmap(NULL, 4096, PROT_READ, MAP_SHARED, fd, 0);
		char *argv[] = { m, m + 5, m + 11, NULL };

		if (m != MAP_FAILED)
			execve("/bin/true", argv, envp);
		_exit(127);
	}
	EQ(wait4(pid, &status, 0, NULL), pid);
	CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0);
	OK(close(fd));
	return 0;
}
