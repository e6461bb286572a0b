// SPDX-License-Identifier: GPL-2.0
/*
 * futex on a private word: FUTEX_WAKE with no waiters, FUTEX_WAIT with a
 * mismatching value (EAGAIN), FUTEX_WAIT with a 1 ms timeout (ETIMEDOUT),
 * FUTEX_WAIT_BITSET with an absolute timeout in the past, and errors.
 */
#include "common.h"

#include <linux/futex.h>
#include <stdint.h>
#include <time.h>

static uint32_t word;

int main(void)
{
	struct timespec rel = { 0, 1000000 }, past = { 1, 0 };

	EQ(syscall(SYS_futex, &word, FUTEX_WAKE_PRIVATE, 1, NULL, NULL, 0), 0);
	EQ(syscall(SYS_futex, &word, FUTEX_WAKE, INT32_MAX, NULL, NULL, 0), 0);
	ERR(syscall(SYS_futex, &word, FUTEX_WAIT_PRIVATE, 1, NULL, NULL, 0), EAGAIN);
	ERR(syscall(SYS_futex, &word, FUTEX_WAIT_PRIVATE, 0, &rel, NULL, 0), ETIMEDOUT);
	ERR(syscall(SYS_futex, &word, FUTEX_WAIT_BITSET_PRIVATE | FUTEX_CLOCK_REALTIME, 0, &past,
		    NULL, FUTEX_BITSET_MATCH_ANY),
	    ETIMEDOUT);
	ERR(syscall(SYS_futex, &word, FUTEX_WAIT_BITSET_PRIVATE, 0, &past, NULL, 0), EINVAL);
	ERR(syscall(SYS_futex, NULL, FUTEX_WAIT_PRIVATE, 0, &rel, NULL, 0), EFAULT);
	ERR(syscall(SYS_futex, &word, 99, 0, NULL, NULL, 0), ENOSYS);
	word = 5;
	EQ(syscall(SYS_futex, &word, FUTEX_CMP_REQUEUE_PRIVATE, 1, 1, &word, 5), 0);
	return 0;
}
