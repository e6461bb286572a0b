// SPDX-License-Identifier: GPL-2.0
#define _GNU_SOURCE /* accept4 */
/*
 * bcron's failure, as a daemon started before and outside sysray: it
 * listens on the unix socket SOCK (its spool is "spool" next to it, root's,
 * mode 0700) and forks a child per connection, which reads the request,
 * drops to uid and gid 65534 and fails to create its job file in the spool
 * (EACCES). The child tells the client and exits 1. The daemon runs until
 * SIGTERM. It prints "ready" on stdout once it listens.
 */
#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <grp.h>
#include <unistd.h>

static void serve(int c)
{
	char req[64], msg[256];
	int fd, n;

	if (read(c, req, sizeof(req)) <= 0 || setgroups(0, NULL) || setgid(65534) || setuid(65534))
		_exit(2);
	fd = open("spool/job", O_CREAT | O_WRONLY | O_EXCL, 0600);
	if (fd >= 0)
		_exit(0);
	n = snprintf(msg, sizeof(msg), "bcrond: cannot create the job file: %s\n", strerror(errno));
	if (write(c, msg, n) < 0)
		_exit(3);
	_exit(1);
}

int main(int argc, char **argv)
{
	struct sockaddr_un sa = { .sun_family = AF_UNIX };
	char dir[sizeof(sa.sun_path)];
	int s, c, status;

	if (argc != 2 || strlen(argv[1]) >= sizeof(sa.sun_path))
		return 2;
	strcpy(sa.sun_path, argv[1]);
	strcpy(dir, argv[1]);
	if (chdir(dirname(dir)))
		return 2;
	prctl(PR_SET_NAME, "bcrond");
	signal(SIGCHLD, SIG_DFL);
	unlink(sa.sun_path);
	s = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
	if (s < 0 || bind(s, (struct sockaddr *)&sa, sizeof(sa)) || listen(s, 8))
		return 2;
	printf("ready\n");
	fflush(stdout);
	for (;;) {
		c = accept4(s, NULL, NULL, SOCK_CLOEXEC);
		if (c < 0)
			continue;
		if (fork() == 0) {
			close(s);
			serve(c);
		}
		close(c);
		while (waitpid(-1, &status, WNOHANG) > 0)
			;
	}
}
