// SPDX-License-Identifier: GPL-2.0
#define _GNU_SOURCE /* accept4 */
/*
 * A daemon on 127.0.0.1:PORT, started outside sysray, that forks a child
 * per connection; the child cannot open its data file and says so to the
 * client. Prints "ready" once it listens; runs until SIGTERM.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	struct sockaddr_in sa = { .sin_family = AF_INET };
	int s, c, status, one = 1;

	if (argc != 2)
		return 2;
	sa.sin_port = htons(atoi(argv[1]));
	sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	prctl(PR_SET_NAME, "xp_tcpd");
	s = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
	setsockopt(s, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
	if (s < 0 || bind(s, (struct sockaddr *)&sa, sizeof(sa)) || listen(s, 8))
		return 2;
	printf("ready\n");
	fflush(stdout);
	for (;;) {
		c = accept4(s, NULL, NULL, SOCK_CLOEXEC);
		if (c < 0)
			continue;
		if (fork() == 0) {
			char msg[256], req[64];
			int n;

			close(s);
			if (read(c, req, sizeof(req)) <= 0)
				_exit(2);
			if (open("/nonexistent/xp_tcpd/data.db", O_RDONLY) >= 0)
				_exit(0);
			n = snprintf(msg, sizeof(msg), "xp_tcpd: no data: %s\n", strerror(errno));
			if (write(c, msg, n) < 0)
				_exit(3);
			_exit(1);
		}
		close(c);
		while (waitpid(-1, &status, WNOHANG) > 0)
			;
	}
}
