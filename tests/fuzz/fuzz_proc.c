// SPDX-License-Identifier: GPL-2.0
/*
 * What sysray reads from /proc and sock_diag (host/procparse.c): the first
 * byte of the input picks the parser, the rest is the file's text (or the
 * netlink answer), fed as the callers feed it: whole, or line by line.
 */
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "host/procparse.h"

/* Hand each line of @text (NUL-terminated) to @fn, as fgets() would: at most 511 bytes. */
static void each_line(char *text, void (*fn)(const char *line))
{
	char *line = text;

	while (*line) {
		char save, *end = strchr(line, '\n');
		size_t n = end ? (size_t)(end - line) + 1 : strlen(line);

		if (n > 511)
			n = 511;
		save = line[n];
		line[n] = '\0';
		fn(line);
		line[n] = save;
		line += n;
	}
}

static void inet_line(const char *line)
{
	struct sr_inet_row r;

	procparse__inet_row(line, &r);
}

static void netlink_line(const char *line)
{
	struct sr_netlink_row r;

	procparse__netlink_row(line, &r);
}

static void fdinfo_line(const char *line)
{
	struct sr_fdinfo_text fi = {};

	procparse__fdinfo_line(line, &fi);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const keys[] = { "Tgid", "PPid", "CapEff", "Name" };
	struct sr_unix_diag d;
	uint64_t *aligned;
	char *text;

	if (!size)
		return 0;
	text = malloc(size);
	aligned = malloc(size + 8);
	if (!text || !aligned)
		abort();
	/* the text after the selector, NUL-terminated as the callers' buffers are */
	memcpy(text, data + 1, size - 1);
	text[size - 1] = '\0';
	switch (data[0] % 6) {
	case 0:
		procparse__status(text, size - 1, keys[(data[0] / 6) % 4],
				  data[0] & 0x80 ? 16 : 10);
		break;
	case 1:
		procparse__stat_gone(text);
		break;
	case 2:
		each_line(text, inet_line);
		break;
	case 3:
		each_line(text, netlink_line);
		break;
	case 4:
		each_line(text, fdinfo_line);
		break;
	case 5:
		memcpy(aligned, data + 1, size - 1);
		if (procparse__unix_diag(aligned, size - 1, data[0] >> 3, &d) && d.name &&
		    (d.name < (char *)aligned || d.name + d.namelen > (char *)aligned + size - 1))
			abort(); /* a name outside the answer */
		break;
	}
	free(text);
	free(aligned);
	return 0;
}
