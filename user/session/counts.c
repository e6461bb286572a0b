// SPDX-License-Identifier: GPL-2.0
/*
 * -c, -C: io_uring requests are counted as their completions arrive (a
 * sink of the pairing stage); at the end of a session the counts the
 * kernel kept of syscalls join them in strace's summary table
 * (user/summary/), on the trace's output.
 */
#include <errno.h>
#include <inttypes.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "call/call.h"
#include "host/cgroup.h"
#include "pairing/sink.h"
#include "session/internal.h"
#include "session/session.h"
#include "summary/summary.h"

struct names_ctx {
	enum sr_sum_by by;
	struct sr_cgnames cg;
};

/* A systemd unit in a cgroup path: its last component with a unit suffix. */
static const char *unit_of(const char *path, size_t *len)
{
	static const char *const suffixes[] = { ".service", ".scope", ".slice",
						".socket",  ".mount", ".swap" };
	const char *end = path + strlen(path), *p = end;
	size_t i, n;

	while (p > path) {
		const char *q = p;

		while (p > path && p[-1] != '/')
			p--;
		n = (size_t)(q - p);
		for (i = 0; i < sizeof(suffixes) / sizeof(suffixes[0]); i++) {
			size_t sl = strlen(suffixes[i]);

			if (n > sl && !memcmp(q - sl, suffixes[i], sl)) {
				*len = n;
				return p;
			}
		}
		if (p > path)
			p--;
	}
	return NULL;
}

static void group_name(void *ctx, uint64_t group, const struct sr_count_val *v, char *buf,
		       size_t len)
{
	struct names_ctx *c = ctx;
	const struct sr_cgname *cg;
	const char *unit;
	size_t n;

	if (c->by == SR_BY_PROCESS) {
		snprintf(buf, len, "process %" PRIu64 " (%.*s)", group, SR_COMM_LEN, v->comm);
		return;
	}
	cg = cgnames__get(&c->cg, group);
	if (!cg) {
		snprintf(buf, len, "cgroup id %" PRIu64 " (gone)", group);
	} else if (c->by == SR_BY_CONTAINER && cg->container[0]) {
		snprintf(buf, len, "container %s", cg->container);
	} else if (c->by == SR_BY_UNIT && (unit = unit_of(cg->path, &n))) {
		snprintf(buf, len, "unit %.*s", (int)n, unit);
	} else {
		snprintf(buf, len, "cgroup %s", cg->path);
	}
}

/* A request completed: its row, in its process's or cgroup's table. */
static void count_event(struct sr_sink *k, const struct sr_event *ev)
{
	struct sr_session *s =
		(struct sr_session *)((char *)k - offsetof(struct sr_session, count_sink));
	const struct sr_call *c = ev->call;
	enum sr_sum_by by = s->opts.summary.by;
	struct sr_sum_request q;

	if (ev->type != SR_EV_EXIT || !ev->shown || c->via != SR_VIA_URING)
		return;
	q.group = by == SR_BY_PROCESS ? ev->task->tgid : by != SR_BY_NONE ? ev->task->cgid : 0;
	q.nr = c->nr;
	q.opcode = c->sqe ? c->sqe->opcode : 0;
	q.name = c->ent->name;
	q.comm = ev->task->comm;
	q.latency_ns = c->ts_exit > c->ts_enter ? c->ts_exit - c->ts_enter : 0;
	q.failed = c->ret < 0 && c->ret >= -4095;
	if (summary__add_request(s->summary, &q))
		s->uncounted++;
}

static const struct sr_sink_ops count_ops = { .event = count_event };

int counts__start(struct sr_session *s)
{
	s->summary = summary__new(&s->opts.summary);
	if (!s->summary)
		return -ENOMEM;
	s->count_sink.ops = &count_ops;
	return pairing__add_sink(&s->pairing, &s->count_sink);
}

static int add_row(void *ctx, const struct sr_count_key *k, const struct sr_count_val *v)
{
	return summary__add(ctx, k, v);
}

int counts__print(struct sr_session *s)
{
	struct sr_summary *sum = s->summary;
	struct names_ctx names = { .by = s->opts.summary.by };
	uint64_t dropped, unstarted;
	int err;

	if (!sum) {
		fprintf(stderr, "sysray: out of memory\n");
		return -ENOMEM;
	}
	if (s->uncounted)
		fprintf(stderr,
			"sysray: %" PRIu64 " io_uring requests not counted (out of memory)\n",
			s->uncounted);
	err = loader__counts(&s->loader, add_row, sum, &dropped, &unstarted);
	if (err) {
		fprintf(stderr, "sysray: reading the syscall counts failed: %s\n", strerror(-err));
	} else {
		summary__print(sum, &s->out, s->opts.json, group_name, &names);
		if (dropped)
			fprintf(stderr,
				"sysray: %" PRIu64 " calls not counted (the summary map was full; "
				"use --summary-by with fewer processes)\n",
				dropped);
		if (unstarted)
			fprintf(stderr,
				"sysray: %" PRIu64 " calls not counted (the kernel had no memory "
				"to note when they began)\n",
				unstarted);
	}
	cgnames__free(&names.cg);
	return err;
}
