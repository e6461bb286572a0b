// SPDX-License-Identifier: GPL-2.0
/*
 * pidfds for -y/-yy: clone's CLONE_PIDFD (the pidfd it stores where
 * parent_tid points, annotated in clone's own line), pidfd_open, and
 * pidfd_getfd of fds the child holds, which strace annotates from the
 * child's table (one the parent has closed, one it never had at that
 * number), a failed one and one on a pidfd that is no pidfd.
 */
#include "common.h"

#include <sched.h>
#include <signal.h>
#include <sys/wait.h>

/* The child keeps what it inherited and waits for the pipe to close. */
static void child(int *p)
{
	char c;

	OK(close(p[1]));
	EQ(read(p[0], &c, 1), 0);
	_exit(0);
}

int main(void)
{
	int p[2], null, pidfd = -1, pidfd2, got, status;
	sigset_t chld;
	long pid;

	sigemptyset(&chld);
	sigaddset(&chld, SIGCHLD);
	OK(sigprocmask(SIG_BLOCK, &chld, NULL));
	OK(pipe(p));
	null = OK(open("/dev/null", O_RDONLY));
	pid = OK(syscall(SYS_clone, CLONE_PIDFD | SIGCHLD, 0, &pidfd, 0, 0));
	if (pid == 0)
		child(p);
	/* the child's copy stays */
	OK(close(null));
	got = OK(syscall(SYS_pidfd_getfd, pidfd, null, 0));
	EQ(syscall(SYS_fstat, got, &(struct stat){ 0 }), 0);
	OK(close(got));
	ERR(syscall(SYS_pidfd_getfd, pidfd, 99, 0), EBADF);
	ERR(syscall(SYS_pidfd_getfd, p[1], 0, 0), EBADF);
	pidfd2 = OK(syscall(SYS_pidfd_open, pid, 0));
	got = OK(syscall(SYS_pidfd_getfd, pidfd2, p[0], 0));
	OK(close(got));
	/* before the child is reaped: strace -yy then shows the pid no more */
	OK(close(pidfd2));
	OK(close(pidfd));
	OK(close(p[1]));
	EQ(wait4(pid, &status, 0, NULL), pid);
	CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0);
	OK(close(p[0]));
	return 0;
}
