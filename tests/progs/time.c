// SPDX-License-Identifier: GPL-2.0
/*
 * Time: nanosleep, clock_nanosleep (relative, and absolute in the past),
 * clock_gettime and gettimeofday through syscall() (not the vDSO),
 * clock_getres, and their errors. The current times that clock_gettime and
 * gettimeofday return differ per run; the harness normalises their fields.
 */
#include "common.h"

#include <sys/time.h>
#include <time.h>

int main(void)
{
	struct timespec ts = { 0, 1000000 }, past = { 0, 1 }, res;
	struct timespec bad = { 0, 1000000000 };
	struct timeval tv;

	EQ(syscall(SYS_nanosleep, &ts, NULL), 0);
	ts.tv_nsec = 500000;
	EQ(syscall(SYS_clock_nanosleep, CLOCK_MONOTONIC, 0, &ts, NULL), 0);
	EQ(syscall(SYS_clock_nanosleep, CLOCK_MONOTONIC, TIMER_ABSTIME, &past, NULL), 0);
	ERR(syscall(SYS_nanosleep, &bad, NULL), EINVAL);
	ERR(syscall(SYS_clock_nanosleep, CLOCK_THREAD_CPUTIME_ID, 0, &ts, NULL), EOPNOTSUPP);

	EQ(syscall(SYS_clock_gettime, CLOCK_MONOTONIC, &ts), 0);
	EQ(syscall(SYS_clock_gettime, CLOCK_REALTIME, &ts), 0);
	EQ(syscall(SYS_clock_gettime, CLOCK_BOOTTIME, &ts), 0);
	ERR(syscall(SYS_clock_gettime, CLOCK_MONOTONIC, NULL), EFAULT);
	ERR(syscall(SYS_clock_gettime, 1234, &ts), EINVAL);
	EQ(syscall(SYS_gettimeofday, &tv, NULL), 0);
	EQ(syscall(SYS_gettimeofday, NULL, NULL), 0);

	EQ(syscall(SYS_clock_getres, CLOCK_MONOTONIC, &res), 0);
	EQ(syscall(SYS_clock_getres, CLOCK_REALTIME, &res), 0);
	EQ(syscall(SYS_clock_getres, CLOCK_MONOTONIC, NULL), 0);
	ERR(syscall(SYS_clock_getres, -1L, &res), EINVAL);
	return 0;
}
