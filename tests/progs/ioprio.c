// SPDX-License-Identifier: GPL-2.0
/*
 * ioprio_set and ioprio_get on the process itself: priorities shown as
 * IOPRIO_PRIO_VALUE(class, data), an unknown class, a bad "which".
 */
#include "common.h"

#include <linux/ioprio.h>

#define PRIO(class, data) (((class) << IOPRIO_CLASS_SHIFT) | (data))

int main(void)
{
	EQ(syscall(SYS_ioprio_set, IOPRIO_WHO_PROCESS, 0, PRIO(IOPRIO_CLASS_BE, 3)), 0);
	EQ(syscall(SYS_ioprio_get, IOPRIO_WHO_PROCESS, 0), PRIO(IOPRIO_CLASS_BE, 3));
	EQ(syscall(SYS_ioprio_set, IOPRIO_WHO_PROCESS, 0, PRIO(IOPRIO_CLASS_IDLE, 0)), 0);
	EQ(syscall(SYS_ioprio_get, IOPRIO_WHO_PROCESS, 0), PRIO(IOPRIO_CLASS_IDLE, 0));
	ERR(syscall(SYS_ioprio_set, IOPRIO_WHO_PROCESS, 0, PRIO(5, 1)), EINVAL);
	ERR(syscall(SYS_ioprio_get, 9, 0), EINVAL);
	EQ(syscall(SYS_ioprio_set, IOPRIO_WHO_PROCESS, 0, PRIO(IOPRIO_CLASS_BE, 4)), 0);
	return 0;
}
