// SPDX-License-Identifier: GPL-2.0
/* symlink, symlinkat, link, linkat, rename, renameat, renameat2, unlink, unlinkat. */

#include "common.h"

int main(void)
{
	int dfd;

	work_enter("links_rename");
	OK(close(OK(open("target.txt", O_CREAT | O_WRONLY, 0644))));
	OK(close(OK(open("other.txt", O_CREAT | O_WRONLY, 0644))));
	dfd = OK(open(".", O_RDONLY | O_DIRECTORY));

	EQ(syscall(SYS_symlink, "target.txt", "sym"), 0);
	EQ(syscall(SYS_symlinkat, "/nonexistent/dangling", dfd, "dangling"), 0);
	ERR(syscall(SYS_symlink, "x", "sym"), EEXIST);
	EQ(syscall(SYS_link, "target.txt", "hard"), 0);
	EQ(syscall(SYS_linkat, AT_FDCWD, "sym", dfd, "hard-sym", 0), 0);
	EQ(syscall(SYS_linkat, dfd, "sym", AT_FDCWD, "hard-follow", AT_SYMLINK_FOLLOW), 0);

	EQ(syscall(SYS_rename, "hard", "hard2"), 0);
	EQ(syscall(SYS_renameat, dfd, "hard2", AT_FDCWD, "hard3"), 0);
	ERR(syscall(SYS_renameat2, AT_FDCWD, "hard3", AT_FDCWD, "other.txt", RENAME_NOREPLACE),
	    EEXIST);
	EQ(syscall(SYS_renameat2, AT_FDCWD, "hard3", dfd, "other.txt", RENAME_EXCHANGE), 0);
	ERR(syscall(SYS_renameat2, AT_FDCWD, "x", AT_FDCWD, "y", 0x100), EINVAL);

	EQ(syscall(SYS_unlink, "hard3"), 0);
	EQ(syscall(SYS_unlinkat, dfd, "hard-sym", 0), 0);
	EQ(syscall(SYS_unlinkat, AT_FDCWD, "hard-follow", 0), 0);
	EQ(syscall(SYS_unlink, "dangling"), 0);
	EQ(syscall(SYS_unlink, "sym"), 0);
	EQ(syscall(SYS_unlink, "other.txt"), 0);
	EQ(syscall(SYS_unlink, "target.txt"), 0);
	OK(close(dfd));
	work_leave();
	return 0;
}
