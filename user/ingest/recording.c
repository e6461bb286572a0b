// SPDX-License-Identifier: GPL-2.0
/*
 * --record/--replay files: the magic, then each record as a u32 length and
 * the record, padded to 8 bytes. See recording.h.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "print/out.h"
#include "ingest/recording.h"

#define MAGIC_LEN 8

/* Bytes of padding after a record of @len bytes and its u32 length. */
static size_t pad_of(size_t len)
{
	return (8 - (sizeof(uint32_t) + len) % 8) % 8;
}

void record__begin(struct sr_out *o)
{
	out__write(o, SR_RECORD_MAGIC, MAGIC_LEN);
}

void record__write(struct sr_out *o, const void *data, size_t len)
{
	static const char pad[8];
	uint32_t n = len;

	out__write(o, &n, sizeof(n));
	out__write(o, data, len);
	out__write(o, pad, pad_of(len));
}

/* An 8-byte aligned copy of each record, as the ring buffer hands them out. */
struct scratch {
	uint64_t *buf;
	size_t cap; /* bytes */
};

static void *aligned(struct scratch *s, const uint8_t *data, size_t len)
{
	if (len > s->cap || !s->buf) {
		size_t cap = len < 4096 ? 4096 : (len + 7) & ~(size_t)7;
		uint64_t *b = realloc(s->buf, cap);

		if (!b)
			return NULL;
		s->buf = b;
		s->cap = cap;
	}
	if (len)
		memcpy(s->buf, data, len);
	return s->buf;
}

/*
 * Hand the records of @map (@size bytes, the magic first) to @fn. Returns 0
 * or -ENOMEM; @r says how far it got.
 */
static int feed(const uint8_t *map, size_t size, sr_ring_fn fn, void *ctx, struct sr_replay *r)
{
	struct scratch s = {};
	size_t pos = MAGIC_LEN;
	int err = 0;

	while (size - pos >= sizeof(uint32_t)) {
		void *rec;
		uint32_t n;

		memcpy(&n, map + pos, sizeof(n));
		if (size - pos - sizeof(n) < n)
			break; /* cut short: the recorder was killed, or the length is garbage */
		rec = aligned(&s, map + pos + sizeof(n), n);
		if (!rec) {
			err = -ENOMEM;
			break;
		}
		fn(ctx, rec, n);
		r->records++;
		pos += sizeof(n) + n;
		/* the padding of the last record may be missing: nothing was lost */
		pos = size - pos < pad_of(n) ? size : pos + pad_of(n);
	}
	free(s.buf);
	r->left_over = size - pos;
	return err;
}

/* Map @path; NULL (message printed, *@err set) unless it is a recording. */
static const uint8_t *map_recording(const char *path, size_t *size, int *err)
{
	const uint8_t *map = MAP_FAILED;
	struct stat st;
	int fd;

	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0 || fstat(fd, &st)) {
		*err = -errno;
		fprintf(stderr, "sysray: cannot read recording '%s': %s\n", path, strerror(errno));
		if (fd >= 0)
			close(fd);
		return NULL;
	}
	if (S_ISREG(st.st_mode) && st.st_size >= MAGIC_LEN)
		map = mmap(NULL, st.st_size, PROT_READ, MAP_PRIVATE, fd, 0);
	close(fd);
	if (map != MAP_FAILED &&
	    !memcmp(map, SR_RECORD_MAGIC_STEM, sizeof(SR_RECORD_MAGIC_STEM) - 1) &&
	    memcmp(map, SR_RECORD_MAGIC, MAGIC_LEN)) {
		fprintf(stderr,
			"sysray: '%s' is a recording of another sysray version (format %c, this one "
			"reads %c): record it again with this one\n",
			path, map[MAGIC_LEN - 1], SR_RECORD_MAGIC[MAGIC_LEN - 1]);
		munmap((void *)map, st.st_size);
		*err = -EINVAL;
		return NULL;
	}
	if (map == MAP_FAILED || memcmp(map, SR_RECORD_MAGIC, MAGIC_LEN)) {
		fprintf(stderr,
			"sysray: '%s' is not a recording of this sysray version (make one with --record)\n",
			path);
		if (map != MAP_FAILED)
			munmap((void *)map, st.st_size);
		*err = -EINVAL;
		return NULL;
	}
	*size = st.st_size;
	return map;
}

int record__replay(const char *path, sr_ring_fn fn, void *ctx, struct sr_replay *r)
{
	const uint8_t *map;
	size_t size;
	int err;

	memset(r, 0, sizeof(*r));
	map = map_recording(path, &size, &err);
	if (!map)
		return err;
	err = feed(map, size, fn, ctx, r);
	munmap((void *)map, size);
	if (err)
		fprintf(stderr, "sysray: out of memory replaying '%s'\n", path);
	return err;
}
