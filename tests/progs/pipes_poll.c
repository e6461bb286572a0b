// SPDX-License-Identifier: GPL-2.0
/*
 * Pipes and readiness: pipe, pipe2, poll, ppoll, select, pselect6. Every
 * wait either has data ready or uses a zero timeout, so results and the
 * remaining times that strace prints are fixed.
 */
#include "common.h"

#include <poll.h>
#include <signal.h>
#include <sys/select.h>

int main(void)
{
	struct timespec zero_ts = { 0, 0 };
	struct timeval zero_tv = { 0, 0 };
	struct pollfd pfd[2];
	int p[2], q[2];
	fd_set rd, wr;
	sigset_t mask;
	char buf[16];

	EQ(syscall(SYS_pipe, p), 0);
	EQ(pipe2(q, O_CLOEXEC | O_NONBLOCK), 0);

	pfd[0] = (struct pollfd){ .fd = p[0], .events = POLLIN };
	pfd[1] = (struct pollfd){ .fd = q[1], .events = POLLOUT };
	EQ(syscall(SYS_poll, pfd, 2, 0), 1);
	EQ(write(p[1], "data", 4), 4);
	EQ(syscall(SYS_poll, pfd, 2, 0), 2);
	pfd[1] = (struct pollfd){ .fd = q[0], .events = POLLIN | POLLPRI };
	EQ(syscall(SYS_ppoll, pfd, 2, &zero_ts, NULL, 8), 1);
	sigemptyset(&mask);
	sigaddset(&mask, SIGUSR1);
	EQ(ppoll(pfd, 2, NULL, &mask), 1);

	FD_ZERO(&rd);
	FD_ZERO(&wr);
	FD_SET(p[0], &rd);
	FD_SET(q[0], &rd);
	FD_SET(q[1], &wr);
	EQ(syscall(SYS_select, q[1] + 1, &rd, &wr, NULL, &zero_tv), 2);
	FD_ZERO(&rd);
	FD_SET(q[0], &rd);
	EQ(syscall(SYS_select, q[0] + 1, &rd, NULL, NULL, &zero_tv), 0);
	FD_ZERO(&rd);
	FD_SET(p[0], &rd);
	EQ(pselect(p[0] + 1, &rd, NULL, NULL, &zero_ts, &mask), 1);

	EQ(read(p[0], buf, sizeof(buf)), 4);
	ERR(read(q[0], buf, sizeof(buf)), EAGAIN);
	OK(close(p[1]));
	EQ(syscall(SYS_poll, pfd, 1, 0), 1);
	EQ(read(p[0], buf, sizeof(buf)), 0);
	ERR(syscall(SYS_poll, NULL, 1, 0), EFAULT);
	OK(close(p[0]));
	OK(close(q[0]));
	OK(close(q[1]));
	return 0;
}
