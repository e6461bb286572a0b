// SPDX-License-Identifier: GPL-2.0
/*
 * Scheduler: sched_getaffinity, sched_setaffinity (unchanged mask),
 * sched_yield, sched_getscheduler, sched_setscheduler, sched_getparam,
 * sched_get_priority_max/min, sched_getattr, getpriority, setpriority.
 */
#include "common.h"

#include <sched.h>
#include <stdint.h>
#include <sys/resource.h>

int main(void)
{
	struct sched_param sp = { 0 };
	uint32_t attr[14];
	cpu_set_t set;
	long n;

	n = OK(syscall(SYS_sched_getaffinity, 0, sizeof(set), &set));
	EQ(syscall(SYS_sched_setaffinity, 0, n, &set), 0);
	ERR(syscall(SYS_sched_getaffinity, 0, 1, &set), EINVAL);
	EQ(syscall(SYS_sched_yield), 0);
	EQ(syscall(SYS_sched_getscheduler, 0), SCHED_OTHER);
	EQ(syscall(SYS_sched_setscheduler, 0, SCHED_OTHER, &sp), 0);
	EQ(syscall(SYS_sched_getparam, 0, &sp), 0);
	EQ(syscall(SYS_sched_get_priority_max, SCHED_FIFO), 99);
	EQ(syscall(SYS_sched_get_priority_min, SCHED_RR), 1);
	ERR(syscall(SYS_sched_get_priority_max, 1234), EINVAL);
	EQ(syscall(SYS_sched_getattr, 0, attr, sizeof(attr), 0), 0);
	ERR(syscall(SYS_sched_getscheduler, -1L), EINVAL);
	/* nice 0 first: the tests may run under nice(1), and getpriority says 20 - nice */
	EQ(syscall(SYS_setpriority, PRIO_PROCESS, 0, 0), 0);
	EQ(syscall(SYS_getpriority, PRIO_PROCESS, 0), 20);
	return 0;
}
