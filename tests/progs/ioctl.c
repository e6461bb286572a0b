// SPDX-License-Identifier: GPL-2.0
/*
 * ioctl: TCGETS and TIOCGWINSZ on non-terminals (ENOTTY), FIONREAD on a
 * pipe, FIONBIO, FIOCLEX, FIONCLEX, an unknown request, a bad descriptor.
 */
#include "common.h"

#include <sys/ioctl.h>
#include <linux/fs.h>
#include <termios.h>

int main(void)
{
	struct termios tio;
	struct winsize ws;
	int p[2], n, on = 1;
	int nul;

	nul = OK(open("/dev/null", O_RDWR));
	ERR(ioctl(nul, TCGETS, &tio), ENOTTY);
	ERR(ioctl(nul, TIOCGWINSZ, &ws), ENOTTY);
	OK(pipe2(p, 0));
	EQ(write(p[1], "12345", 5), 5);
	EQ(ioctl(p[0], FIONREAD, &n), 0);
	CHECK(n == 5);
	ERR(ioctl(p[0], TCGETS, &tio), ENOTTY);
	EQ(ioctl(p[0], FIONBIO, &on), 0);
	EQ(ioctl(p[0], FIOCLEX), 0);
	EQ(ioctl(p[0], FIONCLEX), 0);
	ERR(ioctl(p[0], _IOR('Z', 0x42, int), &n), ENOTTY);
	ERR(ioctl(99, FIONREAD, &n), EBADF);
	ERR(ioctl(nul, FICLONE, p[0]), EXDEV); /* pipefs and devtmpfs differ */
	OK(close(p[0]));
	OK(close(p[1]));
	OK(close(nul));
	return 0;
}
