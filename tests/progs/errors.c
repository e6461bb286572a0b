// SPDX-License-Identifier: GPL-2.0
/*
 * A collection of system calls failing with distinct errno values: EBADF,
 * EFAULT, EINVAL, ENOTDIR, EEXIST, EISDIR (the program runs as root, so
 * EACCES is not reachable by permissions), ENOENT, ENOTEMPTY, ESPIPE, ECHILD,
 * ESRCH, ENAMETOOLONG, ELOOP, ENOTSOCK, EAGAIN, ERANGE, EXDEV, ENOSYS.
 */
#include "common.h"

#include <sys/socket.h>

static char longpath[5000];

int main(void)
{
	struct sockaddr sa;
	socklen_t len = sizeof(sa);
	char buf[8];
	int fd, p[2];

	work_enter("errors");
	fd = OK(open("file", O_CREAT | O_RDWR, 0644));
	OK(mkdir("dir", 0755));
	OK(close(OK(open("dir/x", O_CREAT | O_WRONLY, 0644))));
	OK(symlink("loop2", "loop1"));
	OK(symlink("loop1", "loop2"));
	OK(pipe2(p, O_NONBLOCK));
	memset(longpath, 'a', sizeof(longpath) - 1);

	ERR(syscall(SYS_close, 999), EBADF);
	ERR(syscall(SYS_open, (void *)1, O_RDONLY), EFAULT);
	ERR(syscall(SYS_lseek, fd, 0, 99), EINVAL);
	ERR(syscall(SYS_open, "file/x", O_RDONLY), ENOTDIR);
	ERR(syscall(SYS_mkdir, "dir", 0755), EEXIST);
	ERR(syscall(SYS_open, "dir", O_WRONLY), EISDIR);
	ERR(syscall(SYS_unlink, "missing"), ENOENT);
	ERR(syscall(SYS_rmdir, "dir"), ENOTEMPTY);
	ERR(syscall(SYS_lseek, p[0], 0, SEEK_SET), ESPIPE);
	ERR(syscall(SYS_wait4, -1L, NULL, 0, NULL), ECHILD);
	ERR(syscall(SYS_kill, 0x3fffffff, 0), ESRCH);
	ERR(syscall(SYS_open, longpath, O_RDONLY), ENAMETOOLONG);
	ERR(syscall(SYS_open, "loop1", O_RDONLY), ELOOP);
	ERR(syscall(SYS_getsockname, fd, &sa, &len), ENOTSOCK);
	ERR(syscall(SYS_read, p[0], buf, sizeof(buf)), EAGAIN);
	ERR(syscall(SYS_getcwd, buf, 1), ERANGE);
	ERR(syscall(SYS_rename, "file", "/proc/sysray-file"), EXDEV);
	ERR(syscall(999, 0, 0, 0, 0, 0, 0), ENOSYS);
	ERR(syscall(SYS_write, fd, (void *)1, 5), EFAULT);
	ERR(syscall(SYS_read, -1L, buf, 1), EBADF);

	OK(close(p[0]));
	OK(close(p[1]));
	OK(close(fd));
	OK(unlink("loop2"));
	OK(unlink("loop1"));
	OK(unlink("dir/x"));
	OK(rmdir("dir"));
	OK(unlink("file"));
	work_leave();
	return 0;
}
