/* SPDX-License-Identifier: GPL-2.0 */
/* Milliseconds on the monotonic clock, for the loaders' periodic checks. */
#ifndef SYSRAY_CLOCK_H
#define SYSRAY_CLOCK_H

#include <time.h>

static inline long long sr_now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000LL + ts.tv_nsec / 1000000;
}

#endif /* SYSRAY_CLOCK_H */
