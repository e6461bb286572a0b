// SPDX-License-Identifier: GPL-2.0
/*
 * Pids and tids used twice while traced. A child "first" opens fd 3 and
 * exits; a new child is then forked with the same pid (ns_last_pid, retried
 * until no other fork on the host takes the pid first), names itself
 * "second" and writes to fd 3, which it does not have (EBADF), then opens
 * its own. A thread exits and a child is forked with its tid, "third".
 * Prints the pids reused ("A T") on stdout; exits 77 if ns_last_pid cannot
 * be written (not root, or not the initial pid namespace's tracer).
 */

#include "common.h"

#include <pthread.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/wait.h>

#define ATTEMPTS 5000

static pid_t thread_tid;

static void *thread(void *arg)
{
	thread_tid = (pid_t)syscall(SYS_gettid);
	return NULL;
}

/* Fork a child with pid @want and run @fn in it; 0 or -1 if the host kept taking it. */
static int fork_at(pid_t want, void (*fn)(void))
{
	char buf[16];
	int i, n, status;

	n = snprintf(buf, sizeof(buf), "%d", want - 1);
	for (i = 0; i < ATTEMPTS; i++) {
		int fd = open("/proc/sys/kernel/ns_last_pid", O_WRONLY);
		pid_t pid;

		if (fd < 0 || write(fd, buf, n) != n)
			_exit(77);
		close(fd);
		pid = fork();
		CHECK(pid >= 0);
		if (pid == 0) {
			if (getpid() != want)
				_exit(1);
			fn();
			_exit(0);
		}
		OK(waitpid(pid, &status, 0));
		if (pid == want) {
			CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0);
			return 0;
		}
	}
	return -1;
}

static void first(void)
{
	OK(prctl(PR_SET_NAME, "first"));
	EQ(open("first", O_CREAT | O_WRONLY | O_TRUNC, 0600), 3);
	EQ(write(3, "1", 1), 1);
}

static void second(void)
{
	OK(prctl(PR_SET_NAME, "second"));
	ERR(write(3, "2", 1), EBADF);
	EQ(open("second", O_CREAT | O_WRONLY | O_TRUNC, 0600), 3);
	EQ(write(3, "2", 1), 1);
}

static void third(void)
{
	OK(prctl(PR_SET_NAME, "third"));
	OK(syscall(SYS_getppid));
}

int main(void)
{
	char out[64];
	pthread_t th;
	sigset_t set;
	pid_t a;
	int status, n;

	sigemptyset(&set);
	sigaddset(&set, SIGCHLD);
	OK(sigprocmask(SIG_BLOCK, &set, NULL));
	work_enter("hostile_pidreuse");
	a = fork();
	CHECK(a >= 0);
	if (a == 0) {
		first();
		_exit(0);
	}
	OK(waitpid(a, &status, 0));
	if (fork_at(a, second))
		_exit(EXIT_UNEXPECTED);
	CHECK(pthread_create(&th, NULL, thread, NULL) == 0);
	CHECK(pthread_join(th, NULL) == 0);
	/* the thread is gone once the kernel clears its tid: join waited for that */
	if (fork_at(thread_tid, third))
		_exit(EXIT_UNEXPECTED);
	OK(unlink("first"));
	OK(unlink("second"));
	work_leave();
	n = snprintf(out, sizeof(out), "%d %d\n", (int)a, (int)thread_tid);
	EQ(write(1, out, n), n);
	return 0;
}
