// SPDX-License-Identifier: GPL-2.0
/*
 * getrandom (length 0, a 16-byte read whose bytes differ per run and are
 * normalised by the harness, bad flags) and uname.
 */
#include "common.h"

#include <sys/random.h>
#include <sys/utsname.h>

int main(void)
{
	unsigned char buf[16];
	struct utsname u;

	EQ(syscall(SYS_getrandom, buf, 0, 0), 0);
	EQ(syscall(SYS_getrandom, buf, 0, GRND_NONBLOCK), 0);
	EQ(syscall(SYS_getrandom, buf, sizeof(buf), GRND_NONBLOCK), 16);
	ERR(syscall(SYS_getrandom, buf, sizeof(buf), 0x1000), EINVAL);
	ERR(syscall(SYS_getrandom, (void *)1, 4, 0), EFAULT);
	EQ(syscall(SYS_uname, &u), 0);
	ERR(syscall(SYS_uname, NULL), EFAULT);
	return 0;
}
