// SPDX-License-Identifier: GPL-2.0
/*
 * Thread bookkeeping set up by the C library at start-up, called again
 * explicitly: set_tid_address, set_robust_list, get_robust_list, and rseq
 * with bad arguments (glibc has already registered rseq, so a second
 * registration fails).
 */
#include "common.h"

#include <linux/futex.h>

static int tid_word;

int main(void)
{
	struct robust_list_head *head, mine = { .list = { &mine.list } };
	size_t len;

	OK(syscall(SYS_set_tid_address, &tid_word));
	EQ(syscall(SYS_get_robust_list, 0, &head, &len), 0);
	EQ(syscall(SYS_set_robust_list, &mine, sizeof(mine)), 0);
	ERR(syscall(SYS_set_robust_list, &mine, 7), EINVAL);
	EQ(syscall(SYS_set_robust_list, head, len), 0);
	ERR(syscall(SYS_get_robust_list, 0x3fffffff, &head, &len), ESRCH);

	ERR(syscall(SYS_rseq, NULL, 32, 0, 0x53053053), EINVAL);
	ERR(syscall(SYS_rseq, NULL, 0, 0, 0), EINVAL);
	ERR(syscall(SYS_rseq, NULL, 32, 1 /* RSEQ_FLAG_UNREGISTER */, 0), EINVAL);
	return 0;
}
