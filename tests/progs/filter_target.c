// SPDX-License-Identifier: GPL-2.0
/*
 * A target for the filter tests: opens /tmp/sysray-mark-TAG-parent (which
 * need not exist), forks a child that opens /tmp/sysray-mark-TAG-child, and
 * waits for it. With a second argument it first waits for stdin to close,
 * so a tracer can attach before the fork.
 */
#include <fcntl.h>
#include <stdio.h>
#include <sys/wait.h>
#include <unistd.h>

static void mark(const char *tag, const char *who)
{
	char path[256];
	int fd;

	snprintf(path, sizeof(path), "/tmp/sysray-mark-%s-%s", tag, who);
	fd = open(path, O_RDONLY);
	if (fd >= 0)
		close(fd);
}

int main(int argc, char **argv)
{
	char c;
	pid_t pid;

	if (argc < 2)
		return 2;
	if (argc > 2)
		while (read(0, &c, 1) > 0)
			;
	mark(argv[1], "parent");
	pid = fork();
	if (pid == 0) {
		mark(argv[1], "child");
		_exit(0);
	}
	if (pid > 0)
		waitpid(pid, NULL, 0);
	return 0;
}
