// SPDX-License-Identifier: GPL-2.0
/*
 * Zero-copy and allocation calls: sendfile (with and without an offset),
 * copy_file_range, splice, tee, vmsplice, fallocate, fadvise64.
 */
#include "common.h"

#include <sys/sendfile.h>
#include <sys/uio.h>

int main(void)
{
	struct iovec iov = { "vmspliced", 9 };
	loff_t off = 2, ooff = 0;
	off_t soff = 4;
	int src, dst, p[2], q[2];
	char buf[32];

	work_enter("sendfile_splice");
	src = OK(open("src", O_CREAT | O_RDWR | O_TRUNC, 0644));
	dst = OK(open("dst", O_CREAT | O_RDWR | O_TRUNC, 0644));
	EQ(write(src, "0123456789abcdef", 16), 16);
	EQ(lseek(src, 0, SEEK_SET), 0);

	EQ(sendfile(dst, src, NULL, 8), 8);
	EQ(sendfile(dst, src, &soff, 4), 4);
	EQ(copy_file_range(src, &off, dst, &ooff, 6, 0), 6);
	ERR(copy_file_range(src, NULL, dst, NULL, 1, 1), EINVAL);

	OK(pipe2(p, 0));
	OK(pipe2(q, 0));
	EQ(splice(src, &off, p[1], NULL, 5, SPLICE_F_MOVE), 5);
	EQ(tee(p[0], q[1], 5, 0), 5);
	EQ(splice(p[0], NULL, dst, NULL, 5, 0), 5);
	EQ(read(q[0], buf, sizeof(buf)), 5);
	EQ(vmsplice(p[1], &iov, 1, 0), 9);
	EQ(read(p[0], buf, sizeof(buf)), 9);
	ERR(splice(src, NULL, dst, NULL, 1, 0), EINVAL);

	EQ(fallocate(dst, 0, 0, 8192), 0);
	EQ(fallocate(dst, FALLOC_FL_KEEP_SIZE | FALLOC_FL_PUNCH_HOLE, 0, 4096), 0);
	EQ(posix_fadvise(src, 0, 0, POSIX_FADV_SEQUENTIAL), 0);
	EQ(lseek(dst, 0, SEEK_END), 8192);

	OK(close(p[0]));
	OK(close(p[1]));
	OK(close(q[0]));
	OK(close(q[1]));
	OK(close(dst));
	OK(close(src));
	OK(unlink("dst"));
	OK(unlink("src"));
	work_leave();
	return 0;
}
