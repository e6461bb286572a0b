// SPDX-License-Identifier: GPL-2.0
/*
 * A containerised service whose data volume belongs to root: it runs as an
 * unprivileged user in its own root file system (the test builds it
 * static and starts it under unshare and chroot, in a Docker-like cgroup,
 * before sysray), waits in open(GO), a FIFO, until the test opens it for
 * writing, reads its configuration
 * /etc/app/app.conf and fails to create /data/state.db (EACCES: /data is
 * root's, mode 0755, in the container's root; the host has no /data).
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	int fd;

	if (argc != 2)
		return 2;
	/* blocks until the test opens the FIFO for writing: no call before then */
	fd = open(argv[1], O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return 2;
	close(fd);
	fd = open("/etc/app/app.conf", O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return 2;
	close(fd);
	fd = open("/data/state.db", O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
	if (fd < 0) {
		fprintf(stderr, "app: cannot open the state file: %s\n", strerror(errno));
		return 1;
	}
	close(fd);
	return 0;
}
