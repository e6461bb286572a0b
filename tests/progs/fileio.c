// SPDX-License-Identifier: GPL-2.0
/* Basic file I/O: open, openat, creat, read, write, pread64, pwrite64, lseek, close. */

#include "common.h"

int main(void)
{
	char buf[64];
	int fd, fd2;

	work_enter("fileio");
	fd = OK(syscall(SYS_open, "data.txt", O_CREAT | O_WRONLY | O_TRUNC, 0644));
	EQ(write(fd, "hello world\n", 12), 12);
	OK(close(fd));

	fd = OK(syscall(SYS_openat, AT_FDCWD, "data.txt", O_RDWR | O_CLOEXEC));
	EQ(read(fd, buf, 5), 5);
	EQ(lseek(fd, 0, SEEK_END), 12);
	EQ(lseek(fd, 0, SEEK_SET), 0);
	EQ(lseek(fd, 3, SEEK_CUR), 3);
	EQ(syscall(SYS_pread64, fd, buf, 5, 6), 5);
	EQ(syscall(SYS_pwrite64, fd, "WORLD", 5, 6), 5);
	EQ(read(fd, buf, sizeof(buf)), 9);
	EQ(read(fd, buf, sizeof(buf)), 0);
	OK(close(fd));

	fd = OK(syscall(SYS_openat, AT_FDCWD, "data.txt", O_WRONLY | O_APPEND));
	EQ(write(fd, "appended\n", 9), 9);
	OK(close(fd));

	fd2 = OK(syscall(SYS_creat, "creat.txt", 0600));
	EQ(write(fd2, "x", 1), 1);
	ERR(read(fd2, buf, 1), EBADF);
	OK(close(fd2));

	fd = OK(syscall(SYS_openat, AT_FDCWD, ".", O_RDONLY | O_DIRECTORY));
	fd2 = OK(syscall(SYS_openat, fd, "data.txt", O_RDONLY | O_NOFOLLOW | O_NOCTTY));
	EQ(read(fd2, buf, sizeof(buf)), 21);
	OK(close(fd2));
	ERR(syscall(SYS_openat, fd, "data.txt", O_RDONLY | O_CREAT | O_EXCL, 0644), EEXIST);
	OK(close(fd));

	OK(unlink("data.txt"));
	OK(unlink("creat.txt"));
	work_leave();
	return 0;
}
