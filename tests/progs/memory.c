// SPDX-License-Identifier: GPL-2.0
/* Memory: mmap, mprotect, munmap, mremap, brk, madvise, mlock, munlock, msync, mincore. */
#include "common.h"

#include <sys/mman.h>

int main(void)
{
	unsigned char vec[4];
	char *p, *q, *f;
	long brk0;
	int fd;

	p = mmap(NULL, 3 * 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	CHECK(p != MAP_FAILED);
	memset(p, 1, 3 * 4096);
	EQ(mprotect(p + 4096, 4096, PROT_READ), 0);
	EQ(madvise(p, 4096, MADV_DONTNEED), 0);
	EQ(madvise(p, 3 * 4096, MADV_WILLNEED), 0);
	EQ(mincore(p + 4096, 2 * 4096, vec), 0);
	EQ(mlock(p, 4096), 0);
	EQ(munlock(p, 4096), 0);
	EQ(mprotect(p + 4096, 4096, PROT_READ | PROT_WRITE), 0);
	q = mremap(p, 3 * 4096, 8 * 4096, MREMAP_MAYMOVE);
	CHECK(q != MAP_FAILED);
	EQ(munmap(q, 8 * 4096), 0);
	CHECK(mmap(NULL, 0, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0) == MAP_FAILED);
	CHECK(mmap(NULL, 4096, PROT_READ, MAP_SHARED, 12345, 0) == MAP_FAILED);
	ERR(munmap((void *)4097, 4096), EINVAL);

	brk0 = OK(syscall(SYS_brk, 0));
	EQ(syscall(SYS_brk, brk0 + 8192), brk0 + 8192);
	EQ(syscall(SYS_brk, brk0), brk0);

	work_enter("memory");
	fd = OK(open("m", O_CREAT | O_RDWR | O_TRUNC, 0644));
	EQ(ftruncate(fd, 4096), 0);
	f = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	CHECK(f != MAP_FAILED);
	memcpy(f, "mapped", 6);
	EQ(msync(f, 4096, MS_SYNC), 0);
	EQ(msync(f, 4096, MS_ASYNC | MS_INVALIDATE), 0);
	EQ(munmap(f, 4096), 0);
	OK(close(fd));
	OK(unlink("m"));
	work_leave();
	return 0;
}
