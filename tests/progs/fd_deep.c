// SPDX-License-Identifier: GPL-2.0
/*
 * -y: files the kernel side cannot walk to whole: 40 directories deep (it
 * walks 32 components), and a path of about 3900 bytes (it copies 3838).
 * strace shows the whole path, from /proc; so must sysray.
 */
#include "common.h"

#define DEPTH 40
#define LONG  14 /* components of 255 bytes */

static char name[256];

/* Create and enter @n directories named @dir; open, use and remove a file there. */
static void descend(const char *dir, int n)
{
	struct stat st;
	int i, f;

	for (i = 0; i < n; i++) {
		OK(mkdir(dir, 0755));
		OK(chdir(dir));
	}
	f = OK(openat(AT_FDCWD, "f", O_CREAT | O_RDWR | O_TRUNC, 0600));
	EQ(fsync(f), 0);
	EQ(fstat(f, &st), 0);
	OK(close(f));
	OK(unlink("f"));
	for (i = 0; i < n; i++) {
		OK(chdir(".."));
		OK(rmdir(dir));
	}
}

int main(void)
{
	work_enter("fd_deep");
	descend("d", DEPTH);
	memset(name, 'n', 255);
	descend(name, LONG);
	work_leave();
	return 0;
}
