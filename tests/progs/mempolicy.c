// SPDX-License-Identifier: GPL-2.0
/*
 * NUMA memory policies: get_mempolicy, set_mempolicy (modes with flags,
 * nodemasks of one and three words, too short a mask, an unknown mode),
 * mbind with a bad and a good flag set, migrate_pages of the process itself.
 * Without CONFIG_NUMA everything is ENOSYS: the program stops after one call.
 */
#include "common.h"

#include <sys/mman.h>
#include <linux/mempolicy.h>

int main(void)
{
	unsigned long mask[3] = { 1, 0, 3 }, got[16] = { 0 };
	int mode = -1;
	void *p;

	if (syscall(SYS_get_mempolicy, NULL, NULL, 0, NULL, 0) < 0) {
		CHECK(errno == ENOSYS);
		return 0;
	}
	EQ(syscall(SYS_get_mempolicy, &mode, got, 128, NULL, 0), 0);
	EQ(syscall(SYS_get_mempolicy, &mode, got, 64, NULL, MPOL_F_MEMS_ALLOWED), 0);
	EQ(syscall(SYS_set_mempolicy, MPOL_BIND | MPOL_F_STATIC_NODES, mask, 64), 0);
	EQ(syscall(SYS_set_mempolicy, MPOL_PREFERRED, mask, 130), 0);
	ERR(syscall(SYS_set_mempolicy, 0x40 | MPOL_F_RELATIVE_NODES, mask, 1), EINVAL);
	ERR(syscall(SYS_set_mempolicy, 9, mask, 130), EINVAL);
	EQ(syscall(SYS_set_mempolicy, MPOL_DEFAULT, NULL, 0), 0);
	p = mmap(NULL, 8192, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	CHECK(p != MAP_FAILED);
	ERR(syscall(SYS_mbind, p, 8192, MPOL_BIND, mask, 65, MPOL_MF_STRICT | 8), EINVAL);
	EQ(syscall(SYS_mbind, p, 8192, MPOL_BIND, mask, 65, MPOL_MF_STRICT), 0);
	OK(syscall(SYS_migrate_pages, 0, 65, mask, mask));
	EQ(syscall(SYS_get_mempolicy, &mode, got, 64, p, MPOL_F_ADDR), 0);
	OK(munmap(p, 8192));
	return 0;
}
