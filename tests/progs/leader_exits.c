// SPDX-License-Identifier: GPL-2.0
/*
 * The main thread calls pthread_exit() while another thread runs on: the
 * leader is a zombie, the process is not gone. The other thread works for
 * longer than sysray's check for processes that vanished (500 ms), then
 * runs execve: it takes the leader's pid, and the new image ends the
 * process with a status of its own.
 */
#include "common.h"

#include <fcntl.h>
#include <pthread.h>
#include <time.h>

extern char **environ;
static char *self; /* argv[0]: /proc/self is the zombie leader's, without an exe */

static void *worker(void *arg)
{
	struct timespec ts = { 0, 700 * 1000 * 1000 };
	char *argv[] = { "leader_exits", "again", NULL };

	nanosleep(&ts, NULL);
	ERR(open("/nonexistent/leader_exits.conf", O_RDONLY), ENOENT);
	EQ(write(1, "worker done\n", 12), 12);
	OK(execve(self, argv, environ));
	return arg;
}

int main(int argc, char **argv)
{
	pthread_t th;

	self = argv[0];
	if (argc > 1) {
		EQ(write(1, "exec done\n", 10), 10);
		exit(4);
	}
	EQ(pthread_create(&th, NULL, worker, NULL), 0);
	pthread_exit(NULL);
}
