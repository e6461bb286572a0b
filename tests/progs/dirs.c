// SPDX-License-Identifier: GPL-2.0
/*
 * Directories: mkdir, mkdirat, chdir, fchdir, getcwd, getdents64, getdents,
 * rmdir. Entry order is not printed by strace without -v, only the count
 * and the byte total, which do not depend on the order.
 */

#include "common.h"

int main(void)
{
	char buf[4096];
	int dfd, top;

	work_enter("dirs");
	top = OK(open(".", O_RDONLY | O_DIRECTORY | O_CLOEXEC));
	EQ(syscall(SYS_mkdir, "d", 0755), 0);
	EQ(syscall(SYS_mkdirat, AT_FDCWD, "d/sub", 0700), 0);
	dfd = OK(open("d", O_RDONLY | O_DIRECTORY));
	EQ(syscall(SYS_mkdirat, dfd, "sub2", 0750), 0);
	OK(close(OK(openat(dfd, "file-a", O_CREAT | O_WRONLY, 0644))));
	OK(close(OK(openat(dfd, "file-bb", O_CREAT | O_WRONLY, 0644))));

	EQ(syscall(SYS_chdir, "d"), 0);
	EQ(syscall(SYS_getcwd, buf, sizeof(buf)), (long)sizeof(WORK_PREFIX "dirs/d"));
	EQ(syscall(SYS_fchdir, top), 0);
	EQ(syscall(SYS_getcwd, buf, sizeof(buf)), (long)sizeof(WORK_PREFIX "dirs"));
	ERR(syscall(SYS_chdir, "d/file-a"), ENOTDIR);

	OK(syscall(SYS_getdents64, dfd, buf, sizeof(buf)));
	EQ(syscall(SYS_getdents64, dfd, buf, sizeof(buf)), 0);
	EQ(lseek(dfd, 0, SEEK_SET), 0);
	ERR(syscall(SYS_getdents64, dfd, buf, 8), EINVAL);
	OK(syscall(SYS_getdents, dfd, buf, sizeof(buf)));
	EQ(syscall(SYS_getdents, dfd, buf, sizeof(buf)), 0);

	EQ(syscall(SYS_unlinkat, dfd, "file-a", 0), 0);
	EQ(syscall(SYS_unlinkat, dfd, "file-bb", 0), 0);
	EQ(syscall(SYS_unlinkat, dfd, "sub2", AT_REMOVEDIR), 0);
	ERR(syscall(SYS_rmdir, "d"), ENOTEMPTY);
	EQ(syscall(SYS_rmdir, "d/sub"), 0);
	OK(close(dfd));
	EQ(syscall(SYS_rmdir, "d"), 0);
	OK(close(top));
	work_leave();
	return 0;
}
