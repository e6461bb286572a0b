// SPDX-License-Identifier: GPL-2.0
#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <pwd.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
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
static void touch_exec_args(const char *exe, char *const argv[], char *const envp[])
{
	volatile size_t n = strlen(exe);
	char *const *p;

	for (p = argv; *p; p++)
		n += strlen(*p);
	for (p = envp; p && *p; p++)
		n += strlen(*p);
	(void)n;
}

/* The length of the name of "VAR=VAL" or "VAR". */
static size_t var_len(const char *s)
{
	return strcspn(s, "=");
}

int launch__env(struct sr_launch *l, const char *const *ops, int nops)
{
	size_t n = 0, k = 0, i;
	char **env;
	int j;

	for (i = 0; environ && environ[i]; i++)
		n++;
	env = calloc(n + nops + 1, sizeof(*env));
	if (!env)
		return -ENOMEM;
	for (i = 0; i < n; i++)
		env[k++] = environ[i];
	for (j = 0; j < nops; j++) {
		size_t len = var_len(ops[j]), w = 0;

		/* the variable goes, wherever and however often it was */
		for (i = 0; i < k; i++)
			if (var_len(env[i]) != len || strncmp(env[i], ops[j], len))
				env[w++] = env[i];
		k = w;
		if (ops[j][len] == '=')
			env[k++] = (char *)ops[j];
	}
	env[k] = NULL;
	free(l->envp);
	l->envp = env;
	return 0;
}

int launch__user(struct sr_launch *l, const char *name)
{
	struct passwd *pw;
	gid_t *groups;
	int n = 16;

	errno = 0;
	pw = getpwnam(name);
	if (!pw)
		return errno ? -errno : -ENOENT;
	for (;;) {
		int want = n;

		groups = malloc(sizeof(*groups) * (size_t)n);
		if (!groups)
			return -ENOMEM;
		if (getgrouplist(pw->pw_name, pw->pw_gid, groups, &n) >= 0)
			break;
		free(groups);
		if (n <= want)
			n = 2 * want;
	}
	free(l->groups);
	l->groups = groups;
	l->ngroups = n;
	l->uid = pw->pw_uid;
	l->gid = pw->pw_gid;
	l->as_user = true;
	return 0;
}

void launch__free(struct sr_launch *l)
{
	free(l->envp);
	free(l->groups);
	l->envp = NULL;
	l->groups = NULL;
}

/* -u, in the child before it is traced: groups, then gid, then uid. */
static void take_ids(const struct sr_launch *l)
{
	const char *what = "setgroups";

	if (!setgroups((size_t)l->ngroups, l->groups) && (what = "setgid", !setgid(l->gid)) &&
	    (what = "setuid", !setuid(l->uid)))
		return;
	fprintf(stderr, "sysray: -u: %s: %s (sysray runs a command as another user only as root)\n",
		what, strerror(errno));
	_exit(126);
}

/* In the child: undo what the tracer changed, take -u's ids, wait for the go, exec. */
static void child_run(int wait_fd, const struct sr_launch *l)
{
	char *const *envp = l->envp ? l->envp : environ;
	sigset_t none;
	char go;

	sigemptyset(&none);
	sigprocmask(SIG_SETMASK, &none, NULL);
	signal(SIGPIPE, SIG_DFL);
	if (l->as_user)
		take_ids(l);
	if (read(wait_fd, &go, 1) != 1)
		_exit(127); /* the tracer gave up: run nothing */
	close(wait_fd);
	touch_exec_args(l->exe, l->argv, envp);
	execve(l->exe, l->argv, envp);
	fprintf(stderr, "sysray: exec '%s': %s\n", l->exe, strerror(errno));
	_exit(errno == ENOENT ? 127 : 126);
}

int launch__spawn(struct sr_child *ch, const struct sr_launch *l)
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
		child_run(fds[0], l);
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
