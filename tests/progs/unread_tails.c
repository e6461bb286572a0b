// SPDX-License-Identifier: GPL-2.0
/*
 * Arrays that run into an unreadable page, as strace's own tests build them
 * (tail_alloc): strace prints the elements it could read, then
 * "... /\* address *\/" where reading stopped, and the address alone when
 * not even the first element can be read. Also argv and envp arrays with
 * unreadable strings and no NULL before the unreadable page, iovecs of a
 * failed call and of another process's memory, counts with garbage in the
 * upper half of a 32-bit register, a group list longer than the kernel
 * takes, and values the kernel writes at the very end of a mapping (prctl,
 * seccomp, mincore, select's fd sets).
 */

#include "common.h"

#include <poll.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/select.h>
#include <sys/sem.h>
#include <sys/uio.h>
#include <linux/limits.h>
#include <linux/seccomp.h>

#define BAD1 ((char *)-1UL)
#define BAD2 ((char *)-2UL)

int main(void)
{
	char *page, *none, *s1 = "first", *s2 = "second";
	struct pollfd *pfd;
	struct sembuf *sops;
	struct iovec *iov, local, remote;
	char **argv, **envp, buf[8] = "abcdefg", out[8];
	gid_t *gids;
	fd_set *set, tv_zero_set;
	struct timeval tv = { 0, 0 };
	int p[2], *ints;

	page = mmap(NULL, 2 * 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	CHECK(page != MAP_FAILED);
	OK(mprotect(page + 4096, 4096, PROT_NONE));
	none = page + 4096;
	memset(page, 0, 4096);
	OK(pipe(p));

	/* poll: one element readable of two, then none of one */
	pfd = (struct pollfd *)none - 1;
	pfd->fd = p[0];
	pfd->events = POLLIN;
	ERR(syscall(SYS_poll, pfd, 2, 0), EFAULT);
	ERR(syscall(SYS_poll, none, 1, 0), EFAULT);
	/* nfds is an unsigned int: the register's upper half is not the count */
	pfd = (struct pollfd *)none - 2;
	pfd[0].fd = p[0];
	pfd[0].events = POLLIN;
	pfd[1].fd = p[1];
	pfd[1].events = POLLOUT;
	EQ(syscall(SYS_poll, pfd, 0xfacefeed00000002UL, 0), 1);

	/* semop: a 6-byte element straddles the page boundary */
	sops = (struct sembuf *)(none - sizeof(*sops) - 2);
	sops->sem_num = 1;
	sops->sem_op = -1;
	sops->sem_flg = SEM_UNDO;
	ERR(syscall(SYS_semop, 0, sops, 2), EFAULT);

	/* setgroups: a list that ends on the page, one longer than NGROUPS_MAX */
	gids = (gid_t *)none - 1;
	*gids = 0;
	ERR(syscall(SYS_setgroups, 2, gids), EFAULT);
	ERR(syscall(SYS_setgroups, NGROUPS_MAX + 1, gids), EINVAL);

	/* writev: the iovec array ends on the page */
	iov = (struct iovec *)none - 1;
	iov->iov_base = buf;
	iov->iov_len = sizeof(buf);
	ERR(syscall(SYS_writev, p[1], iov, 2), EFAULT);
	/* preadv that fails: the bases as addresses */
	ERR(syscall(SYS_preadv, -1, iov, 1, 0, 0), EBADF);

	/* process_vm_readv: the local buffer's bytes, the remote bases as addresses */
	local.iov_base = out;
	local.iov_len = sizeof(out);
	remote.iov_base = buf;
	remote.iov_len = sizeof(buf);
	EQ(syscall(SYS_process_vm_readv, getpid(), &local, 1, &remote, 1, 0), sizeof(buf));
	EQ(syscall(SYS_process_vm_writev, getpid(), &local, 1, &remote, 1, 0), sizeof(buf));

	/* values at the end of a mapping, read by strace with their own size */
	ints = (int *)none - 1;
	OK(syscall(SYS_prctl, PR_GET_PDEATHSIG, ints, 0, 0, 0));
	OK(syscall(SYS_prctl, PR_GET_TSC, ints, 0, 0, 0));
	*(unsigned int *)ints = SECCOMP_RET_ALLOW;
	OK(syscall(SYS_seccomp, SECCOMP_GET_ACTION_AVAIL, 0, ints));
	OK(syscall(SYS_mincore, page, 4096, none - 1));
	ERR(syscall(SYS_mincore, page, 4097, none - 1), EFAULT);
	ERR(syscall(SYS_mincore, page + 1, 4096, none - 1), EINVAL);
	set = (fd_set *)(none - sizeof(long));
	FD_ZERO(&tv_zero_set);
	memcpy(set, &tv_zero_set, sizeof(long));
	FD_SET(p[1], set);
	EQ(syscall(SYS_select, p[1] + 1, NULL, set, NULL, &tv), 1);

	/* execve: unreadable strings, and no NULL before the page */
	argv = (char **)none - 4;
	argv[0] = s1;
	argv[1] = s2;
	argv[2] = BAD1;
	argv[3] = BAD2;
	envp = argv + 1;
	/* an executable: the kernel opens the file before it reads argv */
	ERR(syscall(SYS_execve, "/proc/self/exe", argv, envp), EFAULT);
	ERR(syscall(SYS_execve, "/proc/self/exe", none, none), EFAULT);

	OK(close(p[0]));
	OK(close(p[1]));
	OK(munmap(page, 2 * 4096));
	return 0;
}
