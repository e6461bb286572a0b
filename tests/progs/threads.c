// SPDX-License-Identifier: GPL-2.0
/*
 * Four pthreads, each calling getppid, gettid and write to /dev/null a few
 * times, then exiting; the main thread joins them.
 *
 * The main thread waits for each thread with pthread_tryjoin_np in a busy
 * loop: unlike pthread_join it makes no futex call, so the main thread's
 * trace does not depend on whether the thread had already exited.
 *
 * The threads wait (spinning, no syscall) until every clone3 has returned:
 * a thread that exits clears the tid glibc's clone3 wrote to parent_tid
 * (CLONE_CHILD_CLEARTID, the same word), and strace, reading it at the
 * parent's exit stop, would print "parent_tid=[0]" for a thread that was
 * already gone, as it did once in a loaded run.
 */
#include "common.h"

#include <pthread.h>

#define NTHREADS 4

static int devnull;
static int go; /* set once every thread was created */

static void spin(void)
{
#if defined(__x86_64__) || defined(__i386__)
	__builtin_ia32_pause();
#else
	__asm__ volatile("yield"); /* arm64's spin-wait hint */
#endif
}

static void *worker(void *arg)
{
	static const char *const msgs[NTHREADS] = { "thread 0\n", "thread 1\n", "thread 2\n",
						    "thread 3\n" };
	long i = (long)arg;

	while (!__atomic_load_n(&go, __ATOMIC_ACQUIRE))
		spin();
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
	__atomic_store_n(&go, 1, __ATOMIC_RELEASE);
	for (int i = 0; i < NTHREADS; i++) {
		int r;

		while ((r = pthread_tryjoin_np(th[i], NULL)) == EBUSY)
			spin();
		CHECK(r == 0);
	}
	OK(close(devnull));
	return 0;
}
