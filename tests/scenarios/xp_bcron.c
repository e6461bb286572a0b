// SPDX-License-Identifier: GPL-2.0
/* bcron's client: submit a job on the unix socket SOCK, print the daemon's answer, exit 1. */
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	struct sockaddr_un sa = { .sun_family = AF_UNIX };
	char buf[256];
	ssize_t n;
	int s;

	if (argc != 2 || strlen(argv[1]) >= sizeof(sa.sun_path))
		return 2;
	strcpy(sa.sun_path, argv[1]);
	s = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
	if (s < 0 || connect(s, (struct sockaddr *)&sa, sizeof(sa))) {
		perror("xp_bcron: connect");
		return 2;
	}
	if (write(s, "submit job\n", 11) != 11)
		return 2;
	n = read(s, buf, sizeof(buf) - 1);
	if (n <= 0)
		return 0;
	buf[n] = '\0';
	fprintf(stderr, "xp_bcron: the daemon says: %s", buf);
	return 1;
}
