// SPDX-License-Identifier: GPL-2.0
/*
 * membarrier: MEMBARRIER_CMD_QUERY (the commands supported, shown as flags
 * after the hex return value), a registration and the barrier it allows,
 * cpu_id shown only with MEMBARRIER_CMD_FLAG_CPU, unknown flags and command.
 */
#include "common.h"

#include <linux/membarrier.h>

int main(void)
{
	long cmds = OK(syscall(SYS_membarrier, MEMBARRIER_CMD_QUERY, 0, 0));

	CHECK(cmds & MEMBARRIER_CMD_PRIVATE_EXPEDITED);
	EQ(syscall(SYS_membarrier, MEMBARRIER_CMD_REGISTER_PRIVATE_EXPEDITED, 0, 0), 0);
	EQ(syscall(SYS_membarrier, MEMBARRIER_CMD_PRIVATE_EXPEDITED, 0, 0), 0);
	/* the CPU is only for MEMBARRIER_CMD_PRIVATE_EXPEDITED_RSEQ */
	ERR(syscall(SYS_membarrier, MEMBARRIER_CMD_PRIVATE_EXPEDITED, MEMBARRIER_CMD_FLAG_CPU, 0),
	    EINVAL);
	ERR(syscall(SYS_membarrier, MEMBARRIER_CMD_QUERY, 2, 7), EINVAL);
	ERR(syscall(SYS_membarrier, -1, 0, 7), EINVAL);
	return 0;
}
