// SPDX-License-Identifier: GPL-2.0
/*
 * Eight threads asleep in pause() when the main thread calls exit_group:
 * every thread reports "+++ exited with 0 +++", however the nine race
 * through do_exit (the kernel side must not forget the thread group while
 * some of its threads are still on their way out).
 */
#include "common.h"

#include <pthread.h>
#include <time.h>

static void *sleeper(void *arg)
{
	for (;;)
		pause();
	return arg;
}

int main(void)
{
	struct timespec ts = { 0, 100 * 1000 * 1000 };
	pthread_t th;
	int i;

	for (i = 0; i < 8; i++)
		EQ(pthread_create(&th, NULL, sleeper, NULL), 0);
	nanosleep(&ts, NULL); /* all eight are in pause() by then */
	exit(0);
}
