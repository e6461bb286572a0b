// SPDX-License-Identifier: GPL-2.0
/*
 * Extended attributes in the user namespace: setxattr, getxattr, lgetxattr,
 * fsetxattr, fgetxattr, listxattr, flistxattr, removexattr, and errors
 * (ENODATA, EEXIST with XATTR_CREATE, ERANGE). Needs a file system with
 * user xattrs (ext4, tmpfs, btrfs, xfs) under /tmp.
 */
#include "common.h"

#include <sys/xattr.h>

int main(void)
{
	char buf[64];
	int fd;

	work_enter("xattr");
	fd = OK(open("f", O_CREAT | O_RDWR, 0644));
	EQ(setxattr("f", "user.sysray", "value", 5, 0), 0);
	ERR(setxattr("f", "user.sysray", "other", 5, XATTR_CREATE), EEXIST);
	EQ(getxattr("f", "user.sysray", buf, sizeof(buf)), 5);
	EQ(getxattr("f", "user.sysray", NULL, 0), 5);
	ERR(getxattr("f", "user.sysray", buf, 2), ERANGE);
	ERR(getxattr("f", "user.missing", buf, sizeof(buf)), ENODATA);
	EQ(fsetxattr(fd, "user.second", "\001\002\003", 3, XATTR_REPLACE), -1);
	EQ(fsetxattr(fd, "user.second", "\001\002\003", 3, 0), 0);
	EQ(fgetxattr(fd, "user.second", buf, sizeof(buf)), 3);
	EQ(lgetxattr("f", "user.second", buf, sizeof(buf)), 3);
	OK(listxattr("f", buf, sizeof(buf)));
	OK(flistxattr(fd, NULL, 0));
	EQ(removexattr("f", "user.sysray"), 0);
	EQ(fremovexattr(fd, "user.second"), 0);
	EQ(flistxattr(fd, buf, sizeof(buf)), 0);
	OK(close(fd));
	OK(unlink("f"));
	work_leave();
	return 0;
}
