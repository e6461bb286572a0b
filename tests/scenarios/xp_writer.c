// SPDX-License-Identifier: GPL-2.0
/* Writes DIR/out; says why it cannot and exits 1. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	char path[4096];
	int fd;

	if (argc != 2)
		return 2;
	snprintf(path, sizeof(path), "%s/out", argv[1]);
	fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
	if (fd < 0) {
		fprintf(stderr, "xp_writer: %s: %s\n", path, strerror(errno));
		return 1;
	}
	if (write(fd, "ok\n", 3) != 3)
		return 1;
	close(fd);
	return 0;
}
