// SPDX-License-Identifier: GPL-2.0
/*
 * Paths at the limits: a file whose absolute path is 4095 bytes (PATH_MAX
 * with its NUL) 22 components deep, opened, written through its fd (-y
 * walks it), reached by getcwd and readlink; one byte more (ENAMETOOLONG);
 * and file names with a newline, quotes, a backslash and angle brackets.
 */

#include "common.h"

#define NDIRS	 19
#define DIRLEN	 200
#define PATHLEN	 4095
#define FILENAME "new\nline \"dq\" 'sq' \\ <a>"

static char path[PATHLEN + 2]; /* the absolute path, then one byte too long */
static char rel[PATHLEN + 1];

int main(void)
{
	char buf[PATHLEN + 1];
	size_t len, rlen = 0;
	int i, fd;

	work_enter("hostile_paths");
	len = (size_t)snprintf(path, sizeof(path), "%s", work_path);
	for (i = 0; i < NDIRS; i++) {
		rel[rlen] = '\0';
		if (i)
			rel[rlen++] = '/';
		memset(rel + rlen, 'a' + i, DIRLEN);
		rlen += DIRLEN;
		rel[rlen] = '\0';
		OK(mkdir(rel, 0755));
	}
	len += (size_t)snprintf(path + len, sizeof(path) - len, "/%s/", rel);
	memset(path + len, 'z', PATHLEN - len);
	path[PATHLEN] = '\0';
	CHECK(strlen(path) == PATHLEN);

	fd = OK(open(path, O_CREAT | O_WRONLY, 0600));
	EQ(write(fd, "x", 1), 1);
	OK(close(fd));
	OK(symlink(path, "link"));
	EQ(readlink("link", buf, sizeof(buf)), PATHLEN);
	OK(unlink("link"));
	path[PATHLEN] = 'z';
	ERR(open(path, O_RDONLY), ENAMETOOLONG);
	path[PATHLEN] = '\0';

	OK(chdir(rel));
	EQ(syscall(SYS_getcwd, buf, sizeof(buf)), strlen(work_path) + 1 + rlen + 1);
	OK(unlink(path + len)); /* relative to the new cwd */
	OK(chdir(work_path));
	for (i = NDIRS - 1; i >= 0; i--) {
		OK(rmdir(rel));
		rlen -= DIRLEN + (i ? 1 : 0);
		rel[rlen] = '\0';
	}

	fd = OK(open(FILENAME, O_CREAT | O_RDWR, 0600));
	EQ(write(fd, FILENAME, sizeof(FILENAME) - 1), sizeof(FILENAME) - 1);
	EQ(lseek(fd, 0, SEEK_SET), 0);
	EQ(read(fd, buf, sizeof(buf)), sizeof(FILENAME) - 1);
	OK(close(fd));
	OK(unlink(FILENAME));
	work_leave();
	return 0;
}
