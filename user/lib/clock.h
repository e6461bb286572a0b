/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Milliseconds on the monotonic clock, for the loaders' periodic checks; the
 * wall-clock time of a kernel timestamp.
 */
#ifndef SYSRAY_CLOCK_H
#define SYSRAY_CLOCK_H

#include <time.h>

static inline long long sr_now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000LL + ts.tv_nsec / 1000000;
}

/*
 * What to add to a CLOCK_MONOTONIC time in ns (the BPF side's timestamps) to
 * get CLOCK_REALTIME: measured once, so a clock step later is not followed.
 */
static inline long long sr_realtime_offset_ns(void)
{
	struct timespec mono, real;

	clock_gettime(CLOCK_MONOTONIC, &mono);
	clock_gettime(CLOCK_REALTIME, &real);
	return (real.tv_sec - mono.tv_sec) * 1000000000LL + (real.tv_nsec - mono.tv_nsec);
}

#endif /* SYSRAY_CLOCK_H */
