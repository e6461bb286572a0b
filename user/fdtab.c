// SPDX-License-Identifier: GPL-2.0
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "fdtab.h"
#include "out.h"

struct sr_fdtab {
	int mode;
};

struct sr_fdtab *fdtab__new(int mode)
{
	struct sr_fdtab *t = calloc(1, sizeof(*t));

	if (t)
		t->mode = mode;
	return t;
}

void fdtab__free(struct sr_fdtab *t)
{
	free(t);
}

void fdtab__annotate(struct sr_fdtab *t, struct sr_out *o, uint32_t tgid, int fd)
{
	char link[64], path[PATH_MAX];
	ssize_t n;

	if (fd < 0)
		return;
	snprintf(link, sizeof(link), "/proc/%u/fd/%d", tgid, fd);
	n = readlink(link, path, sizeof(path));
	if (n <= 0)
		return;
	out__putc(o, '<');
	out__write(o, path, n);
	out__putc(o, '>');
}

void fdtab__on_syscall(struct sr_fdtab *t, const struct sr_call *c)
{
}

void fdtab__on_fork(struct sr_fdtab *t, uint32_t parent_tgid, uint32_t child_tgid)
{
}

void fdtab__on_process_exit(struct sr_fdtab *t, uint32_t tgid)
{
}
