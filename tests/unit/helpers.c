// SPDX-License-Identifier: GPL-2.0
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <sys/mman.h>
#include <unistd.h>

#include "helpers.h"

void t_memout_open(struct t_memout *m)
{
	memset(m, 0, sizeof(*m));
	out__init_fd(&m->out, memfd_create("t_memout", 0));
	/* everything stays in the buffer until the test reads it back */
	m->out.line_buffered = false;
	text_pr__init(&m->text, &m->out);
	m->fmt.pr = &m->text.base;
}

const char *t_memout_text(struct t_memout *m)
{
	ssize_t n;

	out__flush(&m->out);
	n = pread(m->out.fd, m->text_buf, sizeof(m->text_buf) - 1, 0);
	m->text_buf[n > 0 ? n : 0] = '\0';
	return m->text_buf;
}

void t_memout_close(struct t_memout *m)
{
	int fd = m->out.fd;

	out__close(&m->out);
	if (fd >= 0)
		close(fd);
}

void t_utc(void)
{
	setenv("TZ", "UTC", 1);
	tzset();
}

uint64_t t_edge_value(int i, uint64_t *x)
{
	uint64_t v = 1;
	int k;

	if (i >= 60) {
		*x ^= *x << 13, *x ^= *x >> 7, *x ^= *x << 17;
		return *x >> (*x % 64);
	}
	for (k = 0; k < i / 3; k++)
		v *= 10;
	return v - 1 + (uint64_t)(i % 3);
}
