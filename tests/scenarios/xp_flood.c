// SPDX-License-Identifier: GPL-2.0
/*
 * For the flight recorder's bound: N failed opens of distinct missing files,
 * then the one that matters, DIR/required.conf, named in its message.
 */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>

int main(int argc, char **argv)
{
	char path[256];
	int i, n;

	if (argc != 3)
		return 2;
	n = atoi(argv[1]);
	for (i = 0; i < n; i++) {
		snprintf(path, sizeof(path), "/nonexistent/xp_flood/%d.cache", i);
		open(path, O_RDONLY);
	}
	snprintf(path, sizeof(path), "%s/required.conf", argv[2]);
	if (open(path, O_RDONLY) < 0) {
		fprintf(stderr, "xp_flood: cannot read %s\n", path);
		return 1;
	}
	return 0;
}
