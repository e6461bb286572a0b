// SPDX-License-Identifier: GPL-2.0
/*
 * The end of a traced run, left to the kernel after sysray has gone. When
 * the last reference to a BPF link goes, the kernel detaches its tracepoint
 * (text patching: 5-6 ms for the 11 here), then it unmaps the rings and
 * frees the programs and maps; at sysray's exit, whoever waits for it (the
 * shell, a script timing the command) would wait for that too. A holder
 * process sharing sysray's memory and fd table keeps those references
 * instead; the kernel kills it when sysray's main thread exits
 * (PR_SET_PDEATHSIG), and its exit does the work, a few milliseconds later.
 * Not in sanitizer builds: their leak check runs at exit, over what is
 * still allocated.
 */
#include <fcntl.h>
#include <sched.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <unistd.h>

#include "session/internal.h"

#if defined(__SANITIZE_ADDRESS__)
#define SR_SANITIZED 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(leak_sanitizer)
#define SR_SANITIZED 1
#endif
#endif

#ifndef SR_SANITIZED
#define HOLDER_STACK (64 * 1024)

/* In the holder: wait to be killed when sysray (@arg, its pid) is gone. */
static int holder(void *arg)
{
	sigset_t all;

	sigfillset(&all);
	sigprocmask(SIG_SETMASK, &all, NULL);
	prctl(PR_SET_PDEATHSIG, SIGKILL);
	if (getppid() != (pid_t)(intptr_t)arg)
		_exit(0); /* sysray is already gone */
	for (;;)
		pause();
	return 0;
}
#endif

bool session__hand_off(void)
{
#ifdef SR_SANITIZED
	return false;
#else
	void *stack = mmap(NULL, HOLDER_STACK, PROT_READ | PROT_WRITE,
			   MAP_PRIVATE | MAP_ANONYMOUS | MAP_STACK, -1, 0);
	int null_fd;

	if (stack == MAP_FAILED)
		return false;
	fflush(NULL);
	if (clone(holder, (char *)stack + HOLDER_STACK, CLONE_VM | CLONE_FILES | SIGCHLD,
		  (void *)(intptr_t)getpid()) < 0) {
		munmap(stack, HOLDER_STACK);
		return false;
	}
	/* the holder must not keep a pipe sysray writes to open: its reader waits for EOF */
	null_fd = open("/dev/null", O_RDWR | O_CLOEXEC);
	if (null_fd >= 0) {
		dup2(null_fd, STDIN_FILENO);
		dup2(null_fd, STDOUT_FILENO);
		dup2(null_fd, STDERR_FILENO);
		if (null_fd > STDERR_FILENO)
			close(null_fd);
	}
	return true;
#endif
}
