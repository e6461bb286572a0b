// SPDX-License-Identifier: GPL-2.0
/*
 * Run as the first process of a new pid namespace (unshare -pf): ids of
 * every kind that --decode-pids=pidns translates, its own and a child's,
 * as return values and arguments (pidns_suite.py).
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <signal.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

int main(void)
{
	int fds[2], ready[2];
	sigset_t chld;
	char c;
	pid_t child;

	/* no SIGCHLD line, whose si_pid strace translates only before the reaping */
	sigemptyset(&chld);
	sigaddset(&chld, SIGCHLD);
	sigprocmask(SIG_BLOCK, &chld, NULL);
	syscall(SYS_getpid);
	syscall(SYS_gettid);
	syscall(SYS_getppid); /* 0: the parent is outside the namespace */
	syscall(SYS_getsid, 0);
	kill(getpid(), 0);
	if (pipe(fds) || pipe(ready))
		return 1;
	child = fork();
	if (child == 0) {
		/* in a group of its own, then alive until the parent is done with it */
		close(fds[1]);
		setpgid(0, 0);
		syscall(SYS_getpgid, 0);
		if (write(ready[1], "", 1) != 1 || read(fds[0], &c, 1) < 0)
			_exit(1);
		_exit(0);
	}
	close(fds[0]);
	if (read(ready[0], &c, 1) != 1)
		return 1;
	kill(child, 0);
	kill(-child, 0);
	syscall(SYS_tgkill, child, child, 0);
	fcntl(fds[1], F_SETOWN, child);
	fcntl(fds[1], F_GETOWN);
	/*
	 * sysray reads a namespace's ids in /proc as the lines print, after
	 * the calls: the child stays until they have (a task gone by then
	 * prints its ids bare, see README)
	 */
	usleep(300 * 1000);
	close(fds[1]);
	waitpid(child, NULL, 0);
	return 0;
}
