// SPDX-License-Identifier: GPL-2.0
/*
 * timerfd_create, timerfd_settime (absolute time in the past: expires at
 * once), timerfd_gettime, signalfd4. The signalfd is only polled, not read,
 * because the siginfo it returns contains the pid, which would differ
 * between runs inside a buffer strace prints as a string.
 */
#include "common.h"

#include <poll.h>
#include <signal.h>
#include <stdint.h>
#include <sys/signalfd.h>
#include <sys/timerfd.h>

int main(void)
{
	struct itimerspec its = { .it_value = { 1, 0 } }, old, cur;
	struct itimerspec disarm = { { 0, 0 }, { 0, 0 } };
	struct timespec zero = { 0, 0 };
	struct pollfd pfd;
	uint64_t n;
	sigset_t set;
	siginfo_t si;
	char small[16];
	int tfd, sfd;

	tfd = OK(timerfd_create(CLOCK_MONOTONIC, TFD_CLOEXEC | TFD_NONBLOCK));
	EQ(timerfd_settime(tfd, TFD_TIMER_ABSTIME, &its, &old), 0);
	EQ(read(tfd, &n, sizeof(n)), 8);
	CHECK(n == 1);
	ERR(read(tfd, &n, sizeof(n)), EAGAIN);
	EQ(timerfd_gettime(tfd, &cur), 0);
	EQ(timerfd_settime(tfd, 0, &disarm, NULL), 0);
	ERR(timerfd_create(CLOCK_MONOTONIC, 0x1234), EINVAL);
	OK(close(tfd));

	sigemptyset(&set);
	sigaddset(&set, SIGUSR1);
	sigaddset(&set, SIGUSR2);
	EQ(sigprocmask(SIG_BLOCK, &set, NULL), 0);
	sfd = OK(signalfd(-1, &set, SFD_CLOEXEC | SFD_NONBLOCK));
	pfd = (struct pollfd){ .fd = sfd, .events = POLLIN };
	EQ(syscall(SYS_poll, &pfd, 1, 0), 0);
	EQ(kill(getpid(), SIGUSR2), 0);
	EQ(syscall(SYS_poll, &pfd, 1, 0), 1);
	ERR(read(sfd, small, sizeof(small)), EINVAL);
	EQ(sigtimedwait(&set, &si, &zero), SIGUSR2);
	ERR(read(sfd, small, sizeof(small)), EINVAL);
	OK(close(sfd));
	return 0;
}
