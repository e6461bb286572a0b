// SPDX-License-Identifier: GPL-2.0
/*
 * A long-running process for the attach and stop tests: each round it
 * writes its round counter to the file argv[1] and sleeps 10 ms. With a
 * count in argv[2] it runs that many rounds without sleeping instead, to
 * flood the tracer.
 */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	struct timespec ts = { 0, 10 * 1000 * 1000 };
	long rounds = argc > 2 ? atol(argv[2]) : -1;
	char buf[32];
	long i;
	int fd;

	if (argc < 2)
		return 2;
	fd = open(argv[1], O_WRONLY | O_CREAT | O_TRUNC, 0644);
	if (fd < 0)
		return 1;
	for (i = 1; rounds < 0 || i <= rounds; i++) {
		int n = snprintf(buf, sizeof(buf), "%ld\n", i);

		if (pwrite(fd, buf, n, 0) != n)
			return 1;
		if (rounds < 0)
			nanosleep(&ts, NULL);
	}
	close(fd);
	return 0;
}
