// SPDX-License-Identifier: GPL-2.0
/* A client whose server is not running: connect to 127.0.0.1:PORT is refused. */
#include <arpa/inet.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	struct sockaddr_in sa = { .sin_family = AF_INET };
	int s;

	if (argc != 2)
		return 2;
	sa.sin_port = htons(atoi(argv[1]));
	sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	s = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
	if (s < 0)
		return 2;
	if (connect(s, (struct sockaddr *)&sa, sizeof(sa))) {
		fprintf(stderr, "xp_connect: cannot reach the server: %s\n", strerror(errno));
		return 1;
	}
	close(s);
	return 0;
}
