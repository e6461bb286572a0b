// SPDX-License-Identifier: GPL-2.0
/*
 * Bytes meant for the operator's terminal: escape sequences (CSI, OSC with
 * BEL, a C1 CSI in UTF-8 and raw), DEL, invalid UTF-8 (stray continuation,
 * overlong, surrogate, past U+10FFFF), a bidi override and a line
 * separator, in written buffers, in file names (open, write through the fd
 * with -y, rename, unlink), in a comm that fakes a sysray line and a -Y
 * annotation, and in argv and the environment of an execve of itself.
 */

#include "common.h"

#include <sys/prctl.h>

#define HOSTILE                                   \
	"\33[2J\33]0;pwned\7\302\233"             \
	"31m\233"                                 \
	"1m\177 \200\xff\xfe\xc0\x80\xed\xa0\x80" \
	"\xf4\x90\x80\x80\xe2\x80\xae\xe2\x80\xa8<x>\"'\\\n--- sysray: 1 events lost ---"

static const char hostile[] = HOSTILE;
static const char name[] = "f\33[31m\302\233\xff\n\"<x>";
static const char name2[] = "g\33]0;t\7\xc0\x80";

int main(int argc, char **argv)
{
	char *args[] = { argv[0], "child", "\33[31mred\302\233\n--- sysray: x ---", NULL };
	char *env[] = { "HOSTILE=" HOSTILE, "\33[2J=\xff", NULL };
	int fd;

	if (argc > 1) {
		EQ(syscall(SYS_write, -1, argv[2], 4), -1);
		return 0;
	}
	work_enter("hostile_bytes");
	fd = OK(open("/dev/null", O_WRONLY));
	EQ(write(fd, hostile, sizeof(hostile) - 1), sizeof(hostile) - 1);
	EQ(write(fd, "\33[1;1H", 6), 6);
	OK(close(fd));

	fd = OK(open(name, O_CREAT | O_WRONLY | O_TRUNC, 0600));
	EQ(write(fd, hostile, 8), 8);
	OK(close(fd));
	OK(rename(name, name2));
	OK(unlink(name2));

	/* a comm that would end a -Y annotation and start a fake line */
	OK(prctl(PR_SET_NAME, "x> +++ \33[2J\233"));
	OK(syscall(SYS_getppid));
	OK(prctl(PR_SET_NAME, "hostile_bytes"));
	work_leave();
	OK(execve(argv[0], args, env));
	return EXIT_UNEXPECTED;
}
