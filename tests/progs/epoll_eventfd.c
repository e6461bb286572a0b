// SPDX-License-Identifier: GPL-2.0
/* epoll_create, epoll_create1, epoll_ctl, epoll_wait, epoll_pwait, eventfd2. */
#include "common.h"

#include <signal.h>
#include <stdint.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>

int main(void)
{
	struct epoll_event ev = { .events = EPOLLIN, .data.u64 = 42 }, out[4];
	uint64_t val = 3;
	sigset_t mask;
	int ep, ep2, efd, p[2];

	ep = OK(epoll_create1(EPOLL_CLOEXEC));
	ep2 = OK(syscall(SYS_epoll_create, 1));
	efd = OK(eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC));
	OK(pipe2(p, 0));

	EQ(epoll_ctl(ep, EPOLL_CTL_ADD, efd, &ev), 0);
	ERR(epoll_ctl(ep, EPOLL_CTL_ADD, efd, &ev), EEXIST);
	ev = (struct epoll_event){ .events = EPOLLIN | EPOLLET, .data.fd = p[0] };
	EQ(epoll_ctl(ep, EPOLL_CTL_ADD, p[0], &ev), 0);
	EQ(syscall(SYS_epoll_wait, ep, out, 4, 0), 0);

	EQ(write(efd, &val, 8), 8);
	EQ(syscall(SYS_epoll_wait, ep, out, 4, 0), 1);
	EQ(write(p[1], "x", 1), 1);
	sigemptyset(&mask);
	sigaddset(&mask, SIGUSR2);
	EQ(epoll_pwait(ep, out, 4, 0, &mask), 2);
	EQ(read(efd, &val, 8), 8);
	CHECK(val == 3);
	ERR(read(efd, &val, 8), EAGAIN);

	ev = (struct epoll_event){ .events = EPOLLOUT, .data.u32 = 7 };
	EQ(epoll_ctl(ep, EPOLL_CTL_MOD, efd, &ev), 0);
	EQ(syscall(SYS_epoll_wait, ep, out, 1, 0), 1);
	EQ(epoll_ctl(ep, EPOLL_CTL_DEL, efd, NULL), 0);
	ERR(epoll_ctl(ep, EPOLL_CTL_DEL, efd, NULL), ENOENT);
	ERR(epoll_ctl(ep, EPOLL_CTL_ADD, ep, &ev), EINVAL);
	ERR(syscall(SYS_epoll_wait, ep, out, 0, 0), EINVAL);

	OK(close(p[0]));
	OK(close(p[1]));
	OK(close(efd));
	OK(close(ep2));
	OK(close(ep));
	return 0;
}
