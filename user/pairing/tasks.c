// SPDX-License-Identifier: GPL-2.0
/*
 * The pairing stage's own state: set-up and teardown, its sinks, the
 * threads it follows (found or made by tid), the names -Y asks of them,
 * and the counts -d shows. pairing.c pairs the records.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "cli/opts.h"
#include "fd/fdtab.h"
#include "pairing/pairing.h"
#include "pairing/internal.h"

const char *pairing__comm_at(void *ctx, uint32_t pid, uint64_t when)
{
	struct sr_pairing *p = ctx;
	struct sr_ttask *t = idmap__get(&p->tasks, pid);

	if (t && when < t->comm_since && t->prev_comm[0])
		return t->prev_comm;
	if (t)
		return t->comm[0] ? t->comm : NULL;
	return zombies__comm_at(&p->zombies, pid, when);
}

const char *pairing__comm_of(void *ctx, uint32_t pid)
{
	return pairing__comm_at(ctx, pid, UINT64_MAX);
}

void pairing__setup(struct sr_pairing *p, const struct sr_opts *opts, struct sr_fdtab *fds)
{
	memset(p, 0, sizeof(*p));
	p->opts = opts;
	pairing__set_fds(p, fds);
	/*
	 * Filter by outcome at exit. With -z/-Z the kernel already sends only
	 * the wanted calls, whole; execve still comes in two records.
	 */
	p->filter_status = opts && opts->status != SR_ST_ALL;
}

void pairing__detach_on_exec(struct sr_pairing *p, uint32_t exempt_tgid)
{
	p->detach_exec = true;
	p->exempt_tgid = exempt_tgid;
}

bool pairing__detached(const struct sr_pairing *p, uint32_t tgid)
{
	return p->detach_exec && idmap__get(&p->detached, tgid);
}

void pairing__set_fds(struct sr_pairing *p, struct sr_fdtab *fds)
{
	p->fds = fds;
}

int pairing__add_sink(struct sr_pairing *p, struct sr_sink *s)
{
	if (p->nsinks >= SR_MAX_SINKS)
		return -ENOSPC;
	s->bit = (uint8_t)(1u << p->nsinks);
	p->sinks[p->nsinks++] = s;
	if (s->whole_at_end)
		p->whole_sinks = true;
	else
		p->early_sinks = true;
	return 0;
}

void pairing_task_free(struct sr_ttask *t)
{
	if (!t)
		return;
	free(t->rec);
	free(t->exec_name);
	free(t->ureg);
	more__free(t->more);
	free(t->more);
	free(t);
}

void pairing__free(struct sr_pairing *p)
{
	struct sr_ttask *t;
	size_t it = 0;

	if (!p)
		return;
	while ((t = idmap__next(&p->tasks, &it, NULL)))
		pairing_task_free(t);
	idmap__free(&p->tasks);
	idmap__free(&p->detached);
	zombies__free(&p->zombies);
	uring__free(&p->uring);
}

void pairing__state(const struct sr_pairing *p, struct sr_pairing_state *st)
{
	const struct sr_ttask *t;
	size_t it = 0;

	*st = (struct sr_pairing_state){ .threads = p->tasks.used,
					 .zombies = p->zombies.map.used,
					 .uring = p->uring.reqs.used };
	while ((t = idmap__next(&p->tasks, &it, NULL))) {
		st->in_call += t->in_call;
		st->signals += (size_t)t->npending;
	}
}

struct sr_ttask *pairing_task_get(struct sr_pairing *p, uint32_t tid, uint32_t tgid)
{
	struct sr_ttask *t = idmap__get(&p->tasks, tid);

	if (t)
		return t;
	t = calloc(1, sizeof(*t));
	if (!t)
		return NULL;
	t->info.tid = tid;
	t->info.tgid = tgid;
	t->info.comm = t->comm;
	if (idmap__put(&p->tasks, tid, t)) {
		free(t);
		return NULL;
	}
	return t;
}
