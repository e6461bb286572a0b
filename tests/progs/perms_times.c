// SPDX-License-Identifier: GPL-2.0
/*
 * Permissions, ownership and times: umask, chmod, fchmod, fchmodat, chown,
 * fchown, lchown, fchownat, utimensat (fixed times, UTIME_NOW, UTIME_OMIT),
 * utimes, truncate. The program runs as root, so chown to 0:0 succeeds.
 */
#include "common.h"

#include <sys/time.h>

int main(void)
{
	struct timespec ts[2] = { { .tv_sec = 1000000000, .tv_nsec = 0 },
				  { .tv_sec = 1234567890, .tv_nsec = 500 } };
	struct timespec now[2] = { { .tv_nsec = UTIME_NOW }, { .tv_nsec = UTIME_OMIT } };
	struct timeval tv[2] = { { 1, 2 }, { 3, 4 } };
	int fd;

	work_enter("perms_times");
	EQ(syscall(SYS_umask, 077), 022);
	fd = OK(open("f", O_CREAT | O_RDWR, 0666));
	EQ(syscall(SYS_umask, 0), 077);
	EQ(syscall(SYS_umask, 022), 0); /* strace prints the old mask as 000 */
	EQ(write(fd, "some text\n", 10), 10);
	OK(symlink("f", "l"));

	EQ(syscall(SYS_chmod, "f", 0644), 0);
	EQ(syscall(SYS_fchmod, fd, 04755), 0);
	EQ(syscall(SYS_fchmodat, AT_FDCWD, "f", 0600), 0);
	ERR(syscall(SYS_chmod, "missing", 0644), ENOENT);
	EQ(syscall(SYS_chown, "f", 0, 0), 0);
	EQ(syscall(SYS_fchown, fd, -1L, 0), 0);
	EQ(syscall(SYS_lchown, "l", 0, -1L), 0);
	EQ(syscall(SYS_fchownat, AT_FDCWD, "l", 0, 0, AT_SYMLINK_NOFOLLOW), 0);

	EQ(syscall(SYS_utimensat, AT_FDCWD, "f", ts, 0), 0);
	EQ(syscall(SYS_utimensat, AT_FDCWD, "f", now, 0), 0);
	EQ(syscall(SYS_utimensat, fd, NULL, NULL, 0), 0);
	EQ(syscall(SYS_utimensat, AT_FDCWD, "l", ts, AT_SYMLINK_NOFOLLOW), 0);
	EQ(syscall(SYS_utimes, "f", tv), 0);

	EQ(syscall(SYS_truncate, "f", 3), 0);
	EQ(syscall(SYS_ftruncate, fd, 100), 0);
	ERR(syscall(SYS_truncate, "f", -1L), EINVAL);
	OK(close(fd));
	OK(unlink("l"));
	OK(unlink("f"));
	work_leave();
	return 0;
}
