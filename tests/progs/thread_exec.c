// SPDX-License-Identifier: GPL-2.0
/*
 * A thread that is not the leader runs execve: the leader, blocked reading
 * a pipe, is gone ("+++ superseded by execve in pid N +++") and the thread
 * continues as /bin/true under the leader's pid. The thread waits 100 ms
 * first so the leader is asleep in its read by then.
 */
#include "common.h"

#include <pthread.h>
#include <time.h>

static void touch(const char *volatile s)
{
	volatile char c = s[0];

	(void)c;
}

static void *run_true(void *arg)
{
	char *const argv[] = { "true", NULL };
	char *const envp[] = { "LC_ALL=C", NULL };
	struct timespec ts = { 0, 100 * 1000 * 1000 };

	/* fault the strings in, so the tracer can read them at execve's entry */
	touch("/bin/true");
	touch(argv[0]);
	touch(envp[0]);
	nanosleep(&ts, NULL);
	execve("/bin/true", argv, envp);
	_exit(99);
}

int main(void)
{
	pthread_t th;
	int fds[2];
	char c;

	OK(pipe(fds));
	EQ(pthread_create(&th, NULL, run_true, NULL), 0);
	read(fds[0], &c, 1); /* never returns: the execve ends this thread */
	return 99;
}
