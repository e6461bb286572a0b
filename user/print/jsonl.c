// SPDX-License-Identifier: GPL-2.0
/*
 * The JSON Lines sink: each event print/jevent.c writes, as one line. A
 * syscall is one object, written when it completes (or is known never to).
 */
#include <stdlib.h>

#include "print/jevent.h"
#include "print/jsonl.h"
#include "print/out.h"

struct sr_jsonl_sink {
	struct sr_sink base;
	struct sr_out *out;
	struct sr_jevent ev;
	struct sr_jbuf line; /* the object being written */
};

#define SINK(s) ((struct sr_jsonl_sink *)(s))

static void jsonl_event(struct sr_sink *s, const struct sr_event *ev)
{
	struct sr_jsonl_sink *k = SINK(s);

	if (!ev->shown)
		return;
	k->line.len = 0;
	if (!jevent__write(&k->ev, ev, &k->line))
		return;
	jbuf__putc(&k->line, '\n');
	if (k->line.oom) {
		/* an object cut short is no JSON: say so instead */
		k->line.oom = false;
		k->line.len = 0;
		jbuf__puts(&k->line, "{\"type\":\"error\",\"error\":\"out of memory\"}\n");
	}
	out__write(k->out, k->line.p, k->line.len);
	if (k->out->line_buffered)
		out__flush(k->out);
}

static void jsonl_finish(struct sr_sink *s)
{
	out__flush(SINK(s)->out);
}

static const struct sr_sink_ops jsonl_ops = {
	.event = jsonl_event,
	.finish = jsonl_finish,
};

struct sr_sink *jsonl_sink__new(struct sr_out *out, const struct sr_opts *opts,
				struct sr_fdtab *fds, sr_comm_fn *comm_of, void *comm_ctx)
{
	struct sr_jsonl_sink *k = calloc(1, sizeof(*k));

	if (!k)
		return NULL;
	if (jevent__init(&k->ev, opts, fds, comm_of, comm_ctx)) {
		free(k);
		return NULL;
	}
	k->base.ops = &jsonl_ops;
	k->base.whole_at_end = true;
	k->out = out;
	return &k->base;
}

void jsonl_sink__free(struct sr_sink *s)
{
	struct sr_jsonl_sink *k = SINK(s);

	if (!k)
		return;
	jevent__free(&k->ev);
	jbuf__free(&k->line);
	free(k);
}
