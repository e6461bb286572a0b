// SPDX-License-Identifier: GPL-2.0
/* Resource limits: getrlimit, setrlimit, prlimit64 (self by pid and by 0). */
#include "common.h"

#include <sys/resource.h>

int main(void)
{
	struct rlimit rl, core0 = { 0, 0 };

	EQ(syscall(SYS_getrlimit, RLIMIT_NOFILE, &rl), 0);
	EQ(syscall(SYS_getrlimit, RLIMIT_CORE, &rl), 0);
	EQ(syscall(SYS_getrlimit, RLIMIT_AS, &rl), 0);
	EQ(syscall(SYS_setrlimit, RLIMIT_CORE, &core0), 0);
	EQ(syscall(SYS_prlimit64, 0, RLIMIT_CORE, NULL, &rl), 0);
	rl.rlim_cur = 0;
	rl.rlim_max = 0;
	EQ(syscall(SYS_prlimit64, 0, RLIMIT_CORE, &rl, NULL), 0);
	EQ(syscall(SYS_prlimit64, getpid(), RLIMIT_CORE, &rl, &core0), 0);
	rl.rlim_cur = 256;
	rl.rlim_max = 128;
	ERR(syscall(SYS_prlimit64, 0, RLIMIT_NOFILE, &rl, NULL), EINVAL);
	ERR(syscall(SYS_getrlimit, 99, &rl), EINVAL);
	EQ(syscall(SYS_prlimit64, 0, RLIMIT_STACK, NULL, &rl), 0);
	return 0;
}
