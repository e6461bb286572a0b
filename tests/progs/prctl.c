// SPDX-License-Identifier: GPL-2.0
/* prctl (PR_SET_NAME, PR_GET_NAME, and some getters) and arch_prctl (ARCH_GET_FS, ...). */
#include "common.h"

#include <asm/prctl.h>
#include <signal.h>
#include <sys/prctl.h>

int main(void)
{
	char name[16];
	unsigned long fs, gs;
	int sig;

	EQ(prctl(PR_SET_NAME, "sysray-prctl", 0, 0, 0), 0);
	EQ(prctl(PR_GET_NAME, name, 0, 0, 0), 0);
	CHECK(strcmp(name, "sysray-prctl") == 0);
	EQ(prctl(PR_SET_NAME, "a-name-longer-than-15-bytes", 0, 0, 0), 0);
	EQ(prctl(PR_GET_NAME, name, 0, 0, 0), 0);
	EQ(prctl(PR_GET_DUMPABLE, 0, 0, 0, 0), 1);
	EQ(prctl(PR_SET_PDEATHSIG, SIGTERM, 0, 0, 0), 0);
	EQ(prctl(PR_GET_PDEATHSIG, &sig, 0, 0, 0), 0);
	EQ(prctl(PR_SET_PDEATHSIG, 0, 0, 0, 0), 0);
	OK(prctl(PR_GET_NO_NEW_PRIVS, 0, 0, 0, 0));
	OK(prctl(PR_GET_KEEPCAPS, 0, 0, 0, 0));
	ERR(prctl(0x7fff1234, 0, 0, 0, 0), EINVAL);

	EQ(syscall(SYS_arch_prctl, ARCH_GET_FS, &fs), 0);
	EQ(syscall(SYS_arch_prctl, ARCH_GET_GS, &gs), 0);
	EQ(syscall(SYS_arch_prctl, ARCH_GET_CPUID, 0), 1);
	ERR(syscall(SYS_arch_prctl, 0x7777, 0), EINVAL);
	return 0;
}
