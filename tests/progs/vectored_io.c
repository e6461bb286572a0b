// SPDX-License-Identifier: GPL-2.0
/*
 * Vectored I/O: readv, writev, preadv, pwritev, preadv2, pwritev2; a
 * writev of 40 one-byte buffers (strace shows 32 at -s 32, then "...").
 */
#include "common.h"

#include <sys/uio.h>

int main(void)
{
	char a[4], b[8], c[16];
	struct iovec wv[3] = {
		{ .iov_base = "abc", .iov_len = 3 },
		{ .iov_base = "defgh", .iov_len = 5 },
		{ .iov_base = "\n", .iov_len = 1 },
	};
	struct iovec rv[2] = { { a, sizeof(a) }, { b, sizeof(b) } };
	struct iovec one[1] = { { c, sizeof(c) } };
	static const char letters[] = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMN";
	struct iovec many[40];
	int fd, i;

	work_enter("vectored_io");
	fd = OK(open("v.txt", O_CREAT | O_RDWR | O_TRUNC, 0644));
	EQ(writev(fd, wv, 3), 9);
	EQ(lseek(fd, 0, SEEK_SET), 0);
	EQ(readv(fd, rv, 2), 9);
	EQ(preadv(fd, one, 1, 2), 7);
	EQ(pwritev(fd, wv + 1, 1, 9), 5);
	EQ(preadv2(fd, rv, 2, 0, 0), 12);
	EQ(pwritev2(fd, wv, 1, -1, RWF_APPEND), 3);
	EQ(preadv2(fd, one, 1, -1, 0), 0);
	EQ(readv(fd, rv, 0), 0);
	ERR(syscall(SYS_readv, fd, rv, -1L), EINVAL);
	for (i = 0; i < 40; i++)
		many[i] = (struct iovec){ (void *)(letters + i), 1 };
	EQ(writev(fd, many, 40), 40);
	OK(close(fd));
	OK(unlink("v.txt"));
	work_leave();
	return 0;
}
