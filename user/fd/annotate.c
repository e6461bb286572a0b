// SPDX-License-Identifier: GPL-2.0
/*
 * Transitional: fdtab__annotate*() as print/common.c calls them today,
 * writing fdtab__describe()'s text to a struct sr_out. They go once the
 * printers call fdtab__describe() themselves; nothing else in user/fd/
 * knows print/.
 */
#include "fd/fdtab.h"
#include "print/out.h"

static void annotate(const struct sr_fdtab *t, struct sr_out *o, const struct sr_call *c, int fd,
		     enum sr_fd_when when)
{
	char buf[SR_FD_ANNOT_MAX];
	size_t n = fdtab__describe(t, c, fd, when, buf, sizeof(buf));

	out__write(o, buf, n);
}

void fdtab__annotate(const struct sr_fdtab *t, struct sr_out *o, const struct sr_call *c, int fd)
{
	annotate(t, o, c, fd, SR_FDW_ARG);
}

void fdtab__annotate_new(const struct sr_fdtab *t, struct sr_out *o, const struct sr_call *c,
			 int fd)
{
	annotate(t, o, c, fd, SR_FDW_NEW);
}

void fdtab__annotate_cwd(const struct sr_fdtab *t, struct sr_out *o, const struct sr_call *c)
{
	annotate(t, o, c, -1, SR_FDW_CWD);
}
