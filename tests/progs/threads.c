// SPDX-License-Identifier: GPL-2.0
/*
 * Four pthreads, each calling getppid, gettid and write to /dev/null a few
 * times, then exiting; the main thread joins them.
 *
 * The main thread waits for each thread with pthread_tryjoin_np in a busy
 * loop: unlike pthread_join it makes no futex call, so the main thread's
 * trace does not depend on whether the thread had already exited.
 */
#include "common.h"

#include <pthread.h>

#define NTHREADS 4

static int devnull;

static void *worker(void *arg)
{
	static const char *const msgs[NTHREADS] = { "thread 0\n", "thread 1\n", "thread 2\n",
						    "thread 3\n" };
	long i = (long)arg;

	for (int j = 0; j < 3; j++) {
		OK(syscall(SYS_getppid));
		OK(syscall(SYS_gettid));
		EQ(write(devnull, msgs[i], 9), 9);
	}
	return NULL;
}

int main(void)
{
	pthread_t th[NTHREADS];

	devnull = OK(open("/dev/null", O_WRONLY | O_CLOEXEC));
	for (long i = 0; i < NTHREADS; i++)
		CHECK(pthread_create(&th[i], NULL, worker, (void *)i) == 0);
	for (int i = 0; i < NTHREADS; i++) {
		int r;

		while ((r = pthread_tryjoin_np(th[i], NULL)) == EBUSY)
#if defined(__x86_64__) || defined(__i386__)
			__builtin_ia32_pause();
#else
			__asm__ volatile("yield"); /* arm64's spin-wait hint */
#endif
		CHECK(r == 0);
	}
	OK(close(devnull));
	return 0;
}
