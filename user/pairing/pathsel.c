// SPDX-License-Identifier: GPL-2.0
/*
 * -P and --trace-fds, from the syscall table: a call of the %file, %desc or
 * %network classes is selected when one of its path arguments is a path of
 * -P, or one of its fds (arguments, select's sets, poll's array) is in
 * --trace-fds or open on such a path. strace's pathtrace.c lists its cases
 * by syscall; the table's argument types say the same for every call but a
 * few whose fd arguments strace leaves out (accept's, epoll_ctl's first,
 * timerfd's, mq's: none of them is a file -P could name).
 *
 * An fd the tables do not know (the process had it before it was traced)
 * is looked up in /proc through fdtab__path(), and the tables keep the
 * answer. Every fd of a call is looked up, not only those before the first
 * match, so what the tables learn does not depend on whether the call
 * prints.
 */
#include <limits.h>
#include <string.h>
#include <poll.h>

#include "cli/filter.h"
#include "cli/opts.h"
#include "decode/decode.h"
#include "fd/fdtab.h"
#include "pairing/pathsel.h"

/* Descriptors of select's sets and poll's array looked at, at most. */
#define SEL_NFDS_MAX (1024 * 1024)

bool pathsel__wanted(const struct sr_opts *o)
{
	return o && opts__selects_files(o);
}

static bool path_selected(const struct sr_opts *o, const char *path, size_t len)
{
	int i;

	for (i = 0; i < o->npaths; i++) {
		if (strlen(o->paths[i]) == len && !memcmp(o->paths[i], path, len))
			return true;
		if (o->resolved[i][0] && strlen(o->resolved[i]) == len &&
		    !memcmp(o->resolved[i], path, len))
			return true;
	}
	return false;
}

static bool fd_selected(const struct sr_opts *o, struct sr_fdtab *fds, const struct sr_call *c,
			int fd)
{
	char path[PATH_MAX];
	int n;

	if (fd < 0)
		return false;
	if (filter__fd_in(&o->trace_fds, fd))
		return true;
	if (!o->npaths)
		return false;
	n = fdtab__path(fds, c, fd, path, sizeof(path));
	return n >= 0 && path_selected(o, path, n);
}

/* A path argument, as the call was given it (strace compares the string, unresolved). */
static bool path_arg(const struct sr_opts *o, const struct sr_call *c, int i)
{
	const struct sr_blob *b = call__blob(c, i, true);

	if (!o->npaths || !blob_ok(b))
		return false;
	return path_selected(o, blob_data(b), strnlen(blob_data(b), b->len));
}

struct fd_hit {
	const struct sr_opts *o;
	struct sr_fdtab *fds;
	const struct sr_call *c;
	bool hit;
};

static void fd_hit_one(void *ctx, int fd)
{
	struct fd_hit *h = ctx;

	h->hit |= fd_selected(h->o, h->fds, h->c, fd);
}

/*
 * select's fd sets as given at entry, as the decoder reads them: a set
 * strace cannot read whole (it ends on an unreadable page) selects nothing.
 */
static bool fdset_arg(const struct sr_opts *o, struct sr_fdtab *fds, const struct sr_call *c, int i)
{
	struct fd_hit h = { .o = o, .fds = fds, .c = c };

	sr_dec_fdset.fds(c, i, false, fd_hit_one, &h);
	return h.hit;
}

/* poll's struct pollfd array, as given at entry. */
static bool pollfd_arg(const struct sr_opts *o, struct sr_fdtab *fds, const struct sr_call *c,
		       int i)
{
	const struct sr_blob *b = c->in[i];
	struct pollfd p;
	bool hit = false;
	size_t n;

	if (!blob_ok(b))
		return false;
	for (n = 0; (n + 1) * sizeof(p) <= b->len && n < SEL_NFDS_MAX; n++) {
		memcpy(&p, (const uint8_t *)blob_data(b) + n * sizeof(p), sizeof(p));
		hit |= fd_selected(o, fds, c, p.fd);
	}
	return hit;
}

static bool arg_selected(const struct sr_opts *o, struct sr_fdtab *fds, const struct sr_call *c,
			 int i)
{
	const struct sr_argdesc *a = &c->ent->args[i];

	switch (a->type) {
	case SR_T_PATH:
		return !(a->flags & SR_AF_NOFILE) && path_arg(o, c, i);
	case SR_T_FD:
	case SR_T_DIRFD:
		return fd_selected(o, fds, c, (int32_t)c->args[i]);
	case SR_T_CUSTOM:
		return a->dec == &sr_dec_fdset && fdset_arg(o, fds, c, i);
	case SR_T_STRUCT_IN:
	case SR_T_STRUCT_INOUT:
		return a->kind == &sr_kind_pollfd && pollfd_arg(o, fds, c, i);
	default:
		return false;
	}
}

static void path_hit_one(void *ctx, const char *path, size_t n)
{
	struct fd_hit *h = ctx;

	h->hit |= h->o->npaths && path_selected(h->o, path, n);
}

bool pathsel__match(const struct sr_opts *o, struct sr_fdtab *fds, const struct sr_call *c)
{
	const struct sr_sysent *e = c->ent;
	struct fd_hit h = { .o = o, .fds = fds, .c = c };
	bool hit = false;
	int i;

	if (!syscalls__touches_files(e))
		return false;
	if (e->dec && e->dec->selects) { /* strace's own case for the call */
		e->dec->selects(c, fd_hit_one, path_hit_one, &h);
		return h.hit;
	}
	/* every argument, even after a match: see the top of this file */
	for (i = 0; i < e->nargs && i < SR_NARGS; i++)
		hit |= arg_selected(o, fds, c, i);
	return hit;
}

bool pathsel__hides(const struct sr_opts *o, struct sr_fdtab *fds, const struct sr_call *c)
{
	return pathsel__wanted(o) && !pathsel__match(o, fds, c);
}
