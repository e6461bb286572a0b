// SPDX-License-Identifier: GPL-2.0
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "session/launch.h"

extern char **environ;

/*
 * Read what execve reads (the path, argv, the environment) in the child just
 * before it, so that those pages are young in its page tables: fork makes
 * the child's pages old, and on CPUs that do not set the access flag in
 * hardware (ARMv8.0: Cortex-A57, A72) the BPF program's non-faulting read of
 * an old page fails, leaving execve's arguments unprinted (execve replaces
 * the memory, so no retry at its exit can read them either).
 */
static void touch_exec_args(const char *exe, char *const argv[])
{
	volatile size_t n = strlen(exe);
	char *const *p;

	for (p = argv; *p; p++)
		n += strlen(*p);
	for (p = environ; p && *p; p++)
		n += strlen(*p);
	(void)n;
}

/* In the child: undo what the tracer changed, wait for the go, exec. */
static void child_run(int wait_fd, const char *exe, char *const argv[])
{
	sigset_t none;
	char go;

	sigemptyset(&none);
	sigprocmask(SIG_SETMASK, &none, NULL);
	signal(SIGPIPE, SIG_DFL);
	if (read(wait_fd, &go, 1) != 1)
		_exit(127); /* the tracer gave up: run nothing */
	close(wait_fd);
	touch_exec_args(exe, argv);
	execv(exe, argv);
	fprintf(stderr, "sysray: exec '%s': %s\n", exe, strerror(errno));
	_exit(errno == ENOENT ? 127 : 126);
}

int launch__spawn(struct sr_child *ch, const char *exe, char *const argv[])
{
	int fds[2];
	pid_t pid;

	ch->pid = -1;
	ch->go_fd = -1;
	if (pipe2(fds, O_CLOEXEC))
		return -errno;
	pid = fork();
	if (pid < 0) {
		int err = -errno;

		close(fds[0]);
		close(fds[1]);
		return err;
	}
	if (pid == 0) {
		close(fds[1]);
		child_run(fds[0], exe, argv);
	}
	close(fds[0]);
	ch->pid = pid;
	ch->go_fd = fds[1];
	return 0;
}

int launch__release(struct sr_child *ch)
{
	char go = 1;
	int err = 0;

	if (ch->go_fd < 0)
		return -EBADF;
	if (write(ch->go_fd, &go, 1) != 1)
		err = -errno;
	close(ch->go_fd);
	ch->go_fd = -1;
	return err;
}

void launch__abort(struct sr_child *ch)
{
	if (ch->go_fd >= 0) {
		close(ch->go_fd);
		ch->go_fd = -1;
	}
	if (ch->pid > 0)
		waitpid(ch->pid, NULL, 0);
	ch->pid = -1;
}
