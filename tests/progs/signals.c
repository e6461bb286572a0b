// SPDX-License-Identifier: GPL-2.0
/*
 * Signals: rt_sigaction, rt_sigprocmask, a handled SIGUSR1 sent with kill to
 * self ("--- SIGUSR1 {...} ---", handler write, rt_sigreturn), SIGUSR2 on an
 * alternate stack via tgkill, sigaltstack, rt_sigpending, rt_sigtimedwait,
 * rt_sigsuspend with a pending signal, rt_sigqueueinfo. Every signal is
 * sent by the process to itself, so delivery points are deterministic.
 */
#include "common.h"

#include <signal.h>

static char altstack[64 * 1024];

static void on_usr1(int sig)
{
	PUTS(1, "got SIGUSR1\n");
}

static void on_usr2(int sig, siginfo_t *si, void *uc)
{
	PUTS(1, "got SIGUSR2 on the alternate stack\n");
}

int main(void)
{
	struct sigaction sa = { .sa_handler = on_usr1, .sa_flags = SA_RESTART }, old;
	stack_t ss = { .ss_sp = altstack, .ss_size = sizeof(altstack), .ss_flags = 0 }, oss;
	sigset_t set, pending, empty;
	siginfo_t si;
	struct timespec zero = { 0, 0 };

	sigemptyset(&empty);
	EQ(sigaction(SIGUSR1, &sa, &old), 0);
	EQ(kill(getpid(), SIGUSR1), 0);

	EQ(sigaltstack(&ss, NULL), 0);
	EQ(sigaltstack(NULL, &oss), 0);
	memset(&sa, 0, sizeof(sa));
	sa.sa_sigaction = on_usr2;
	sa.sa_flags = SA_SIGINFO | SA_ONSTACK;
	sigaddset(&sa.sa_mask, SIGUSR1);
	EQ(sigaction(SIGUSR2, &sa, NULL), 0);
	EQ(syscall(SYS_tgkill, getpid(), syscall(SYS_gettid), SIGUSR2), 0);

	sigemptyset(&set);
	sigaddset(&set, SIGUSR1);
	EQ(sigprocmask(SIG_BLOCK, &set, NULL), 0);
	EQ(kill(getpid(), SIGUSR1), 0);
	EQ(sigpending(&pending), 0);
	CHECK(sigismember(&pending, SIGUSR1));
	EQ(sigtimedwait(&set, &si, &zero), SIGUSR1);
	ERR(sigtimedwait(&set, &si, &zero), EAGAIN);

	EQ(kill(getpid(), SIGUSR1), 0);
	ERR(sigsuspend(&empty), EINTR);
	EQ(sigprocmask(SIG_SETMASK, &empty, &set), 0);

	memset(&si, 0, sizeof(si));
	si.si_signo = SIGUSR1;
	si.si_code = SI_QUEUE;
	si.si_pid = getpid();
	si.si_value.sival_int = 42;
	EQ(syscall(SYS_rt_sigqueueinfo, getpid(), SIGUSR1, &si), 0);

	ERR(sigaction(SIGKILL, &sa, NULL), EINVAL);
	EQ(sigaction(SIGUSR1, &old, NULL), 0);
	return 0;
}
