// SPDX-License-Identifier: GPL-2.0
/* The client of xp_tcpd: ask, print the answer on stderr, exit 1. */
#include <arpa/inet.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/socket.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	struct sockaddr_in sa = { .sin_family = AF_INET };
	char buf[256];
	ssize_t n;
	int s;

	if (argc != 2)
		return 2;
	sa.sin_port = htons(atoi(argv[1]));
	sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	s = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
	if (s < 0 || connect(s, (struct sockaddr *)&sa, sizeof(sa)))
		return 2;
	if (write(s, "get\n", 4) != 4)
		return 2;
	n = read(s, buf, sizeof(buf) - 1);
	if (n <= 0)
		return 0;
	buf[n] = '\0';
	fprintf(stderr, "xp_tcpc: %s", buf);
	return 1;
}
