// SPDX-License-Identifier: GPL-2.0
/*
 * --replay files: the input is a whole file (magic, length-prefixed records)
 * given to a real `sysray --replay=FILE -o OUT` session, whose output is then
 * checked (fuzz.h). The input's size picks the options: odd sizes print
 * JSON Lines, and -yy or -y alternate.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "session/session.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct sr_session s;
	static struct fz_out out;
	char replay[80], output[80];
	char *argv[] = {
		"sysray", replay, "-o", output, size & 2 ? "-yy" : "-y", size & 1 ? "--json" : "-v",
		NULL
	};
	const char *buf;
	size_t len;
	int st;

	if (!out.out.buf)
		fz_out_open(&out);
	snprintf(replay, sizeof(replay), "--replay=%s", fz_file(data, size));
	snprintf(output, sizeof(output), "/proc/self/fd/%d", out.fd);
	memset(&s, 0, sizeof(s));
	fz_quiet_begin();
	st = session__configure(&s, 6, argv);
	if (!st)
		st = session__run(&s);
	session__end(&s, st);
	fz_quiet_end();
	if (st != 0 && st != 1) {
		fprintf(stderr, "fuzz: --replay exited with %d\n", st);
		abort();
	}
	buf = fz_out_take(&out, &len);
	if (size & 1)
		fz_check_json(buf, len);
	else
		fz_check_text(buf, len);
	return 0;
}
