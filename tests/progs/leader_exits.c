// SPDX-License-Identifier: GPL-2.0
/*
 * The main thread calls pthread_exit() while another thread runs on: the
 * leader is a zombie, the process is not gone. The other thread works for
 * longer than sysray's check for processes that vanished (500 ms), then
 * ends the process with a status of its own.
 */
#include "common.h"

#include <fcntl.h>
#include <pthread.h>
#include <time.h>

static void *worker(void *arg)
{
	struct timespec ts = { 0, 700 * 1000 * 1000 };

	nanosleep(&ts, NULL);
	EQ(open("/nonexistent/leader_exits.conf", O_RDONLY), -1);
	EQ(write(1, "worker done\n", 12), 12);
	exit(4);
	return arg;
}

int main(void)
{
	pthread_t th;

	EQ(pthread_create(&th, NULL, worker, NULL), 0);
	pthread_exit(NULL);
}
