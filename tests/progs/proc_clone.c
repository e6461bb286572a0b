// SPDX-License-Identifier: GPL-2.0
/*
 * Process creation and reaping with raw system calls: fork, clone, clone3,
 * clone with CLONE_FILES, wait4, waitid (with WNOWAIT), kill (signal 0 to a zombie and to self),
 * tgkill, exit_group. Children make only raw system calls. SIGCHLD is blocked
 * throughout so no signal lines depend on timing.
 */
#include "common.h"

#include <linux/sched.h>
#include <signal.h>
#include <sys/wait.h>

int main(void)
{
	struct clone_args ca = { .exit_signal = SIGCHLD };
	sigset_t chld;
	siginfo_t si;
	int status;
	long pid;

	sigemptyset(&chld);
	sigaddset(&chld, SIGCHLD);
	OK(sigprocmask(SIG_BLOCK, &chld, NULL));

	pid = OK(syscall(SYS_fork));
	if (pid == 0) {
		syscall(SYS_getppid);
		syscall(SYS_exit_group, 5);
	}
	EQ(waitid(P_PID, pid, &si, WEXITED | WNOWAIT), 0);
	EQ(kill(pid, 0), 0);
	EQ(waitid(P_PID, pid, &si, WEXITED), 0);
	CHECK(si.si_code == CLD_EXITED && si.si_status == 5);

	pid = OK(syscall(SYS_clone, SIGCHLD, 0, 0, 0, 0));
	if (pid == 0) {
		syscall(SYS_gettid);
		syscall(SYS_exit_group, 6);
	}
	EQ(wait4(pid, &status, 0, NULL), pid);
	CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 6);

	pid = OK(syscall(SYS_clone3, &ca, sizeof(ca)));
	if (pid == 0) {
		syscall(SYS_getpid);
		syscall(SYS_exit_group, 7);
	}
	EQ(wait4(-1, &status, 0, NULL), pid);
	CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 7);

	/* a child sharing the fd table: the fd it opens is the parent's too */
	pid = OK(syscall(SYS_clone, CLONE_FILES | SIGCHLD, 0, 0, 0, 0));
	if (pid == 0)
		syscall(SYS_exit_group, syscall(SYS_openat, AT_FDCWD, "/dev/null", O_RDONLY));
	EQ(wait4(pid, &status, 0, NULL), pid);
	CHECK(WIFEXITED(status) && WEXITSTATUS(status) > 2);
	EQ(read(WEXITSTATUS(status), &status, 1), 0);
	EQ(close(WEXITSTATUS(status)), 0);

	ERR(wait4(-1, &status, WNOHANG, NULL), ECHILD);
	EQ(kill(getpid(), 0), 0);
	EQ(syscall(SYS_tgkill, getpid(), syscall(SYS_gettid), 0), 0);
	ERR(syscall(SYS_tgkill, getpid(), 0, 0), EINVAL);
	syscall(SYS_exit_group, 0);
	return 1;
}
