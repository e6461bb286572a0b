// SPDX-License-Identifier: GPL-2.0
/*
 * A program whose configuration is missing, among benign probes: it looks
 * for an optional config in two places and finds it in the second, searches
 * a plugin along a list and finds it in the second directory, then fails on
 * its required DIR/data/app.conf with a message that does not name it.
 */
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static int try_open(const char *dir, const char *name)
{
	char path[4096];

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	return open(path, O_RDONLY | O_CLOEXEC);
}

int main(int argc, char **argv)
{
	static const char *const confdirs[] = { "etc1/app.d", "etc2/app.d" };
	static const char *const plugdirs[] = { "plugins1", "plugins2" };
	char path[4096];
	struct stat st;
	int i, fd = -1;

	if (argc != 2 || chdir(argv[1]))
		return 2;
	for (i = 0; i < 2 && fd < 0; i++)
		fd = try_open(confdirs[i], "optional.conf");
	if (fd >= 0)
		close(fd);
	for (i = 0; i < 2; i++) {
		snprintf(path, sizeof(path), "%s/plugin.so", plugdirs[i]);
		if (!stat(path, &st))
			break;
	}
	fd = open("data/app.conf", O_RDONLY | O_CLOEXEC);
	if (fd < 0) {
		fprintf(stderr, "xp_config: cannot load the configuration: %s\n", strerror(2));
		return 1;
	}
	close(fd);
	return 0;
}
