// SPDX-License-Identifier: GPL-2.0
#include <stdio.h>
#include <sys/mman.h>
#include <unistd.h>

#include "capture.h"

void t_stderr_begin(struct t_stderr *c)
{
	fflush(stderr);
	c->saved = dup(STDERR_FILENO);
	c->fd = memfd_create("t_stderr", 0);
	dup2(c->fd, STDERR_FILENO);
}

const char *t_stderr_end(struct t_stderr *c)
{
	ssize_t n;

	fflush(stderr);
	dup2(c->saved, STDERR_FILENO);
	close(c->saved);
	n = pread(c->fd, c->text, sizeof(c->text) - 1, 0);
	c->text[n > 0 ? n : 0] = '\0';
	close(c->fd);
	return c->text;
}
