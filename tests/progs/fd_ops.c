// SPDX-License-Identifier: GPL-2.0
/*
 * File descriptor operations: dup, dup2, dup3, fcntl (dup, flags, locks),
 * flock, ftruncate, fsync, fdatasync, close_range.
 */
#include "common.h"

#include <sys/file.h>

int main(void)
{
	struct flock lk = { .l_type = F_WRLCK, .l_whence = SEEK_SET, .l_start = 0, .l_len = 10 };
	int fd;

	work_enter("fd_ops");
	fd = OK(open("f.txt", O_CREAT | O_RDWR | O_TRUNC, 0644));
	EQ(write(fd, "0123456789", 10), 10);
	EQ(syscall(SYS_dup, fd), 4);
	EQ(syscall(SYS_dup2, fd, 10), 10);
	EQ(syscall(SYS_dup2, fd, fd), fd);
	EQ(syscall(SYS_dup3, fd, 11, O_CLOEXEC), 11);
	ERR(syscall(SYS_dup3, fd, fd, 0), EINVAL);
	EQ(fcntl(fd, F_DUPFD, 20), 20);
	EQ(fcntl(fd, F_DUPFD_CLOEXEC, 20), 21);
	EQ(fcntl(21, F_GETFD), FD_CLOEXEC);
	EQ(fcntl(20, F_SETFD, FD_CLOEXEC), 0);
	CHECK((OK(fcntl(fd, F_GETFL)) & (O_ACCMODE | O_APPEND | O_NONBLOCK)) == O_RDWR);
	EQ(fcntl(fd, F_SETFL, O_APPEND | O_NONBLOCK), 0);
	CHECK((OK(fcntl(fd, F_GETFL)) & (O_ACCMODE | O_APPEND | O_NONBLOCK)) ==
	      (O_RDWR | O_APPEND | O_NONBLOCK));
	EQ(fcntl(fd, F_SETLK, &lk), 0);
	EQ(fcntl(fd, F_GETLK, &lk), 0);
	lk.l_type = F_UNLCK;
	EQ(fcntl(fd, F_SETLK, &lk), 0);
	lk.l_type = F_RDLCK;
	lk.l_pid = 0;
	EQ(fcntl(fd, F_OFD_GETLK, &lk), 0);
	EQ(flock(fd, LOCK_EX | LOCK_NB), 0);
	EQ(flock(fd, LOCK_UN), 0);
	EQ(ftruncate(fd, 4), 0);
	EQ(fsync(fd), 0);
	EQ(fdatasync(fd), 0);
	EQ(lseek(fd, 0, SEEK_END), 4);
	EQ(syscall(SYS_close_range, 10, 21, 0), 0);
	ERR(close(10), EBADF);
	OK(close(4));
	OK(close(fd));
	OK(unlink("f.txt"));
	work_leave();
	return 0;
}
