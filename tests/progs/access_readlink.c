// SPDX-License-Identifier: GPL-2.0
/* access, faccessat, faccessat2, readlink, readlinkat. */

#include "common.h"

int main(void)
{
	char buf[64];
	int dfd;

	work_enter("access_readlink");
	OK(close(OK(open("file", O_CREAT | O_WRONLY, 0644))));
	OK(symlink("file", "lnk"));
	OK(symlink("a/much/longer/target/name", "long"));

	EQ(syscall(SYS_access, "file", F_OK), 0);
	EQ(syscall(SYS_access, "file", R_OK | W_OK), 0);
	ERR(syscall(SYS_access, "nope", F_OK), ENOENT);
	ERR(syscall(SYS_faccessat, AT_FDCWD, "lnk", X_OK | R_OK), EACCES);
	dfd = OK(open(".", O_RDONLY | O_DIRECTORY));
	EQ(syscall(SYS_faccessat, dfd, "file", R_OK), 0);
	EQ(syscall(SYS_faccessat2, AT_FDCWD, "lnk", R_OK, AT_SYMLINK_NOFOLLOW), 0);
	EQ(syscall(SYS_faccessat2, dfd, "file", W_OK, AT_EACCESS), 0);
	ERR(syscall(SYS_faccessat2, dfd, "file", R_OK, 0x4000), EINVAL);

	EQ(syscall(SYS_readlink, "lnk", buf, sizeof(buf)), 4);
	EQ(syscall(SYS_readlink, "long", buf, 6), 6);
	EQ(syscall(SYS_readlinkat, dfd, "long", buf, sizeof(buf)), 25);
	ERR(syscall(SYS_readlinkat, AT_FDCWD, "file", buf, sizeof(buf)), EINVAL);
	ERR(syscall(SYS_readlink, "nope", buf, sizeof(buf)), ENOENT);
	OK(close(dfd));

	OK(unlink("long"));
	OK(unlink("lnk"));
	OK(unlink("file"));
	work_leave();
	return 0;
}
