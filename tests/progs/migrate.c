// SPDX-License-Identifier: GPL-2.0
/*
 * Moves itself between CPUs: each of 200 rounds pins it to the other of its
 * first two CPUs with sched_setaffinity, then writes the round number to
 * /dev/null. Its records land in both CPUs' ring buffers, and the trace must
 * still show them in order. With one CPU it stays where it is.
 */
#include "common.h"

#include <sched.h>

#define ROUNDS 200

int main(void)
{
	cpu_set_t all, one;
	int cpus[2], ncpus = 0, fd, i;

	EQ(sched_getaffinity(0, sizeof(all), &all), 0);
	for (i = 0; i < CPU_SETSIZE && ncpus < 2; i++)
		if (CPU_ISSET(i, &all))
			cpus[ncpus++] = i;
	CHECK(ncpus > 0);
	fd = open("/dev/null", O_WRONLY);
	CHECK(fd >= 0);
	for (i = 0; i < ROUNDS; i++) {
		char buf[16];
		int len = snprintf(buf, sizeof(buf), "%d\n", i);

		CPU_ZERO(&one);
		CPU_SET(cpus[i % ncpus], &one);
		EQ(sched_setaffinity(0, sizeof(one), &one), 0);
		EQ(write(fd, buf, len), len);
	}
	EQ(close(fd), 0);
	return 0;
}
