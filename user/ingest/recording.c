// SPDX-License-Identifier: GPL-2.0
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "print/out.h"
#include "pairing/pairing.h"
#include "ingest/recording.h"

void record__begin(struct sr_out *o)
{
	out__write(o, SR_RECORD_MAGIC, 8);
}

void record__write(struct sr_out *o, const void *data, size_t len)
{
	static const char pad[8];
	uint32_t n = len;

	out__write(o, &n, sizeof(n));
	out__write(o, data, len);
	out__write(o, pad, (8 - (sizeof(n) + len) % 8) % 8);
}

long record__replay(const char *path, struct sr_pairing *p)
{
	const uint8_t *map, *pos, *end;
	struct stat st;
	long count = 0;
	int fd;

	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0 || fstat(fd, &st)) {
		int err = -errno;

		fprintf(stderr, "sysray: cannot read recording '%s': %s\n", path, strerror(errno));
		if (fd >= 0)
			close(fd);
		return err;
	}
	map = st.st_size >= 8 ? mmap(NULL, st.st_size, PROT_READ, MAP_PRIVATE, fd, 0) : MAP_FAILED;
	close(fd);
	if (map == MAP_FAILED || memcmp(map, SR_RECORD_MAGIC, 8)) {
		fprintf(stderr,
			"sysray: '%s' is not a recording of this sysray version (make one with --record)\n",
			path);
		if (map != MAP_FAILED)
			munmap((void *)map, st.st_size);
		return -EINVAL;
	}
	end = map + st.st_size;
	for (pos = map + 8; end - pos >= 4; count++) {
		uint32_t n;

		memcpy(&n, pos, sizeof(n));
		if ((size_t)(end - pos - 4) < n)
			break; /* cut short: the recorder was killed */
		pairing__handle(p, pos + 4, n);
		pos += 4 + n + (8 - (4 + n) % 8) % 8;
	}
	munmap((void *)map, st.st_size);
	return count;
}
