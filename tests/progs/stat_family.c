// SPDX-License-Identifier: GPL-2.0
/* The stat family: stat, lstat, fstat, newfstatat, statx, statfs, fstatfs. */
#include "common.h"

#include <sys/statfs.h>

int main(void)
{
	struct statfs sfs;
	struct stat st;
	char stx[256];
	int fd, pfd;

	work_enter("stat_family");
	fd = OK(open("f.txt", O_CREAT | O_WRONLY | O_TRUNC, 0640));
	EQ(write(fd, "12345", 5), 5);
	OK(symlink("f.txt", "link"));

	EQ(syscall(SYS_stat, "f.txt", &st), 0);
	EQ(syscall(SYS_lstat, "link", &st), 0);
	EQ(syscall(SYS_stat, "link", &st), 0);
	EQ(syscall(SYS_fstat, fd, &st), 0);
	EQ(syscall(SYS_stat, "/dev/null", &st), 0);
	EQ(syscall(SYS_newfstatat, AT_FDCWD, "link", &st, AT_SYMLINK_NOFOLLOW), 0);
	EQ(syscall(SYS_newfstatat, fd, "", &st, AT_EMPTY_PATH), 0);
	ERR(syscall(SYS_newfstatat, fd, "", &st, 0), ENOENT);
	EQ(syscall(SYS_statx, AT_FDCWD, "f.txt", 0, 0x7ffU /* STATX_BASIC_STATS */, stx), 0);
	EQ(syscall(SYS_statx, AT_FDCWD, "link", AT_SYMLINK_NOFOLLOW, 0x1U /* STATX_TYPE */, stx),
	   0);
	EQ(syscall(SYS_statx, fd, "", AT_EMPTY_PATH, 0x200U /* STATX_SIZE */, stx), 0);

	EQ(syscall(SYS_statfs, "/proc", &sfs), 0);
	pfd = OK(open("/proc", O_RDONLY | O_DIRECTORY));
	EQ(syscall(SYS_fstatfs, pfd, &sfs), 0);
	OK(close(pfd));
	ERR(syscall(SYS_statfs, "missing", &sfs), ENOENT);

	OK(close(fd));
	OK(unlink("link"));
	OK(unlink("f.txt"));
	work_leave();
	return 0;
}
