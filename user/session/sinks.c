// SPDX-License-Identifier: GPL-2.0
/*
 * Putting the stages together: pairing, the sink of the trace's format,
 * and with --explain or --why the sink of the reports, which write to the
 * same output (a report first ends the trace's open line).
 */
#include <errno.h>
#include <stdio.h>

#include "explain/explain.h"
#include "print/jsonl.h"
#include "print/strace.h"
#include "session/internal.h"
#include "session/session.h"
#include "stack/stack.h"

static void end_trace_line(void *ctx)
{
	strace_sink__end_line(ctx);
}

static int start_explain(struct sr_session *s)
{
	struct sr_explain_cfg cfg = {
		.opts = &s->opts,
		.out = &s->out,
		.live = !s->opts.replay,
		.comm_of = pairing__comm_at,
		.comm_ctx = &s->pairing,
		.before_report = s->sink ? end_trace_line : NULL,
		.before_ctx = s->sink,
	};

	s->explain = explain_sink__new(&cfg);
	if (!s->explain)
		return -ENOMEM;
	return pairing__add_sink(&s->pairing, s->explain);
}

int sinks__start(struct sr_session *s)
{
	struct sr_opts *o = &s->opts;
	bool reports = explain__wanted(o);

	pairing__setup(&s->pairing, o, s->fds);
	if (o->json)
		s->sink = jsonl_sink__new(&s->out, o, s->fds, pairing__comm_at, &s->pairing);
	else if (!(reports && o->quiet_until_failure))
		s->sink = strace_sink__new(&s->out, o, s->fds, pairing__comm_at, &s->pairing);
	if ((!s->sink && !(reports && o->quiet_until_failure)) ||
	    (o->stack_trace && !(s->stacks = stacks__new(o->stack_frames, "/proc"))))
		goto oom;
	if (s->stacks && s->sink)
		strace_sink__set_stacks(s->sink, stacks__print, s->stacks);
	if (s->files && s->sink && !o->json)
		strace_sink__set_files(s->sink, s->files);
	if ((s->sink && pairing__add_sink(&s->pairing, s->sink)) || (reports && start_explain(s)))
		goto oom;
	return 0;
oom:
	fprintf(stderr, "sysray: out of memory\n");
	return -ENOMEM;
}

void sinks__free(struct sr_session *s)
{
	pairing__free(&s->pairing);
	if (s->opts.json)
		jsonl_sink__free(s->sink);
	else
		strace_sink__free(s->sink);
	s->sink = NULL;
	stacks__free(s->stacks);
	s->stacks = NULL;
	explain_sink__free(s->explain);
	s->explain = NULL;
}
