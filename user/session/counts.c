// SPDX-License-Identifier: GPL-2.0
/*
 * -c, -C: at the end of a session, the counts the kernel kept become
 * strace's summary table (user/summary/), on the trace's output.
 */
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "host/cgroup.h"
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

static int add_row(void *ctx, const struct sr_count_key *k, const struct sr_count_val *v)
{
	return summary__add(ctx, k, v);
}

int counts__print(struct sr_session *s)
{
	struct sr_summary *sum = summary__new(&s->opts.summary);
	struct names_ctx names = { .by = s->opts.summary.by };
	uint64_t dropped, unstarted;
	int err;

	if (!sum) {
		fprintf(stderr, "sysray: out of memory\n");
		return -ENOMEM;
	}
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
	summary__free(sum);
	return err;
}
