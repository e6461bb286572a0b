// SPDX-License-Identifier: GPL-2.0
/*
 * A missing data file probed several ways (openat, access, stat, newfstatat,
 * statx; arm64 has no access or stat) before giving up with an error
 * message and exit status 1.
 */
#include "common.h"

#define DATA "/nonexistent/sysray-missing/data.db"

int main(void)
{
	struct stat st;
	char stx[256];

	ERR(openat(AT_FDCWD, DATA, O_RDONLY | O_CLOEXEC), ENOENT);
#ifdef SYS_access /* not on arm64 (asm-generic has neither) */
	ERR(syscall(SYS_access, DATA, R_OK), ENOENT);
	ERR(syscall(SYS_stat, DATA, &st), ENOENT);
#endif
	ERR(syscall(SYS_newfstatat, AT_FDCWD, DATA, &st, 0), ENOENT);
	ERR(syscall(SYS_statx, AT_FDCWD, DATA, 0, 0x7ffU /* STATX_BASIC_STATS */, stx), ENOENT);
	PUTS(2, "missing_file: " DATA ": No such file or directory\n");
	return 1;
}
