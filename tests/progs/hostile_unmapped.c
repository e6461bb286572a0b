// SPDX-License-Identifier: GPL-2.0
/*
 * Structures, strings and buffers at addresses that cannot be read or
 * written: a low address (0x8), a PROT_NONE page, and structures that start
 * on a readable page and end on the PROT_NONE one. Every call fails with
 * EFAULT; strace prints each such argument as its address.
 */

#include "common.h"

#include <poll.h>
#include <signal.h>
#include <time.h>
#include <sys/epoll.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/select.h>
#include <sys/socket.h>
#include <sys/uio.h>
#include <linux/futex.h>

#define BAD ((void *)8)

int main(void)
{
	struct epoll_event ev = { .events = EPOLLIN };
	struct iovec iov[2];
	char *page, *none, *edge;
	int zero, null, pfd[2], ep, sv[2];

	page = mmap(NULL, 2 * 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	CHECK(page != MAP_FAILED);
	OK(mprotect(page + 4096, 4096, PROT_NONE));
	none = page + 4096;
	edge = none - 8; /* 8 readable bytes, the rest of any structure unmapped */
	memset(page, 'a', 4096);

	zero = OK(open("/dev/zero", O_RDONLY));
	null = OK(open("/dev/null", O_WRONLY));
	OK(pipe(pfd));
	OK(socketpair(AF_UNIX, SOCK_STREAM, 0, sv));

	/* structures the kernel writes */
	ERR(syscall(SYS_fstat, zero, BAD), EFAULT);
	ERR(syscall(SYS_fstat, zero, edge), EFAULT);
	ERR(syscall(SYS_newfstatat, AT_FDCWD, "/", none, 0), EFAULT);
	ERR(syscall(SYS_clock_gettime, CLOCK_MONOTONIC, BAD), EFAULT);
	ERR(syscall(SYS_uname, none), EFAULT);
	ERR(syscall(SYS_prlimit64, 0, RLIMIT_NOFILE, NULL, edge), EFAULT);
	ERR(syscall(SYS_read, zero, none, 10), EFAULT);
	ERR(syscall(SYS_getdents64, zero, none, 100), ENOTDIR);

	/* structures and strings the kernel reads */
	ERR(syscall(SYS_nanosleep, BAD, NULL), EFAULT);
	ERR(syscall(SYS_clock_nanosleep, CLOCK_MONOTONIC, 0, edge, NULL), EFAULT);
	ERR(syscall(SYS_openat, AT_FDCWD, BAD, O_RDONLY), EFAULT);
	ERR(syscall(SYS_openat, AT_FDCWD, none, O_RDONLY), EFAULT);
	ERR(syscall(SYS_write, pfd[1], none, 10), EFAULT);
	ERR(syscall(SYS_poll, BAD, 1, 0), EFAULT);
	ERR(syscall(SYS_select, 1, BAD, NULL, NULL, NULL), EFAULT);
	ERR(syscall(SYS_rt_sigaction, SIGUSR1, BAD, NULL, 8), EFAULT);
	ERR(syscall(SYS_rt_sigprocmask, SIG_BLOCK, none, NULL, 8), EFAULT);
	ERR(syscall(SYS_writev, pfd[1], BAD, 2), EFAULT);
	iov[0].iov_base = none;
	iov[0].iov_len = 4;
	iov[1].iov_base = page;
	iov[1].iov_len = 4;
	ERR(syscall(SYS_writev, pfd[1], iov, 2), EFAULT);
	ERR(syscall(SYS_sendmsg, sv[0], BAD, 0), EFAULT);
	ERR(syscall(SYS_sendto, sv[0], none, 4, 0, NULL, 0), EFAULT);
	ep = OK(epoll_create1(0));
	ERR(syscall(SYS_epoll_ctl, ep, EPOLL_CTL_ADD, pfd[0], BAD), EFAULT);
	OK(epoll_ctl(ep, EPOLL_CTL_ADD, pfd[0], &ev));
	ERR(syscall(SYS_futex, BAD, FUTEX_WAIT, 0, NULL, NULL, 0), EFAULT);
	ERR(syscall(SYS_execve, BAD, NULL, NULL), EFAULT);
	ERR(syscall(SYS_execve, "/proc/self/exe", BAD, NULL), EFAULT);

	OK(close(ep));
	OK(close(sv[0]));
	OK(close(sv[1]));
	OK(close(pfd[0]));
	OK(close(pfd[1]));
	OK(close(null));
	OK(close(zero));
	OK(munmap(page, 2 * 4096));
	return 0;
}
