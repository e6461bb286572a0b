// SPDX-License-Identifier: GPL-2.0
/*
 * Identity system calls: getpid, getppid, gettid, getuid, geteuid, getgid,
 * getegid, getresuid, getresgid, getgroups, getpgrp, getpgid, getsid,
 * setpgid, setresuid, setresgid, setuid, setgid (to the same ids: root).
 */

#include "common.h"

int main(void)
{
	uid_t r, e, s;
	gid_t gr, ge, gs;
	gid_t groups[64];

	OK(syscall(SYS_getpid));
	OK(syscall(SYS_getppid));
	OK(syscall(SYS_gettid));
	EQ(syscall(SYS_getuid), 0);
	EQ(syscall(SYS_geteuid), 0);
	EQ(syscall(SYS_getgid), 0);
	EQ(syscall(SYS_getegid), 0);
	EQ(syscall(SYS_getresuid, &r, &e, &s), 0);
	EQ(syscall(SYS_getresgid, &gr, &ge, &gs), 0);
	OK(syscall(SYS_getgroups, 0, NULL));
	OK(syscall(SYS_getgroups, 64, groups));
	OK(syscall(SYS_getpgrp));
	OK(syscall(SYS_getpgid, 0));
	OK(syscall(SYS_getsid, 0));
	ERR(syscall(SYS_getpgid, 0x3fffffff), ESRCH);
	EQ(syscall(SYS_setpgid, 0, 0), 0);
	EQ(syscall(SYS_getpgrp), getpid());
	EQ(syscall(SYS_setresuid, -1L, -1L, -1L), 0);
	EQ(syscall(SYS_setresgid, -1L, -1L, -1L), 0);
	EQ(syscall(SYS_setuid, 0), 0);
	EQ(syscall(SYS_setgid, 0), 0);
	EQ(syscall(SYS_setfsuid, -1L), 0);
	return 0;
}
