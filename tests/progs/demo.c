// SPDX-License-Identifier: GPL-2.0
/*
 * The classic "why does my program fail?" case: a configuration file that
 * does not exist. The trace shows the failing openat, the error message and
 * the exit status 1.
 */
#include <fcntl.h>
#include <unistd.h>

#define CONF "/etc/sysray-demo/app.conf"

int main(void)
{
	static const char msg[] = "demo: cannot open " CONF ": No such file or directory\n";
	int fd = openat(AT_FDCWD, CONF, O_RDONLY);

	if (fd >= 0) {
		close(fd);
		return 0;
	}
	if (write(2, msg, sizeof(msg) - 1) < 0)
		return 2;
	return 1;
}
