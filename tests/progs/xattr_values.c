// SPDX-License-Identifier: GPL-2.0
/*
 * Extended attribute values as strace prints them: a trailing NUL left out
 * (also at the -s 64 cut, where no "..." follows it), a NUL inside kept, a
 * value longer than XATTR_SIZE_MAX as its address; a list read with size 0
 * or too small a buffer as its address. Needs user xattrs under /tmp.
 */
#include "common.h"

#include <sys/xattr.h>

static char big[65537];

int main(void)
{
	char buf[128], cut[100];

	work_enter("xattr_values");
	OK(close(OK(open("f", O_CREAT | O_RDWR, 0644))));
	EQ(setxattr("f", "user.z", "abc", 4, 0), 0);
	EQ(setxattr("f", "user.m", "a\0b", 3, 0), 0);
	memset(cut, 'x', sizeof(cut));
	cut[63] = '\0';
	EQ(setxattr("f", "user.cut", cut, sizeof(cut), 0), 0);
	ERR(setxattr("f", "user.big", big, sizeof(big), 0), E2BIG);
	EQ(getxattr("f", "user.z", buf, sizeof(buf)), 4);
	/* a size query with a buffer: strace shows what the buffer holds */
	EQ(getxattr("f", "user.z", buf, 0), 4);
	EQ(getxattr("f", "user.m", buf, sizeof(buf)), 3);
	EQ(getxattr("f", "user.cut", buf, sizeof(buf)), sizeof(cut));
	ERR(getxattr("f", "user.cut", buf, 2), ERANGE);
	EQ(listxattr("f", buf, 0), 23);
	ERR(listxattr("f", buf, 2), ERANGE);
	EQ(removexattr("f", "user.cut"), 0);
	EQ(removexattr("f", "user.m"), 0);
	EQ(listxattr("f", buf, sizeof(buf)), 7);
	EQ(removexattr("f", "user.z"), 0);
	OK(unlink("f"));
	work_leave();
	return 0;
}
