// SPDX-License-Identifier: GPL-2.0
/*
 * Putting the stages together: pairing, the sink of the trace's format
 * (strace's text or JSON Lines), with --explain or --why the sink of the
 * reports, which write to the same output (a report first ends the trace's
 * open line), and with --timeline a sink of its own output.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "explain/explain.h"
#include "print/jsonl.h"
#include "print/strace.h"
#include "print/timeline.h"
#include "session/internal.h"
#include "session/session.h"
#include "host/pidns.h"
#include "stack/stack.h"
#include "summary/summary.h"

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

/* --timeline FILE: its own output and sink. */
static int timeline_start(struct sr_session *s)
{
	struct sr_opts *o = &s->opts;
	int err = out__open(&s->tl_out, o->timeline);

	if (err) {
		fprintf(stderr,
			"sysray: cannot write to '%s': %s; choose another --timeline file\n",
			o->timeline, strerror(-err));
		return err;
	}
	s->timeline = timeline_sink__new(&s->tl_out, o, s->fds, pairing__comm_at, &s->pairing);
	if (!s->timeline) {
		fprintf(stderr, "sysray: out of memory\n");
		return -ENOMEM;
	}
	return pairing__add_sink(&s->pairing, s->timeline);
}

int sinks__start(struct sr_session *s)
{
	struct sr_opts *o = &s->opts;
	bool reports = explain__wanted(o);

	pairing__setup(&s->pairing, o, s->fds);
	if (o->detach_execve)
		pairing__detach_on_exec(&s->pairing, 0);
	if (o->summary.mode && counts__start(s))
		goto oom;
	/* -c: the summary is all that prints */
	if (o->summary.mode == 1)
		return 0;
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
	/* -Y names, and --decode-pids=pidns shows, the pid in our namespace */
	if (s->sink && !o->json && !o->replay && (o->pidns || o->decode_pids)) {
		s->pidns = pidns__new();
		if (!s->pidns)
			goto oom;
		strace_sink__set_pidns(s->sink, pidns__to_ours, s->pidns);
	}
	if ((s->sink && pairing__add_sink(&s->pairing, s->sink)) || (reports && start_explain(s)))
		goto oom;
	if (o->timeline)
		return timeline_start(s);
	return 0;
oom:
	fprintf(stderr, "sysray: out of memory\n");
	return -ENOMEM;
}

int sinks__free(struct sr_session *s)
{
	int err = 0;

	pairing__free(&s->pairing);
	summary__free(s->summary);
	s->summary = NULL;
	if (s->opts.summary.mode != 1 && s->opts.json)
		jsonl_sink__free(s->sink);
	else if (s->opts.summary.mode != 1)
		strace_sink__free(s->sink);
	s->sink = NULL;
	stacks__free(s->stacks);
	s->stacks = NULL;
	pidns__free(s->pidns);
	s->pidns = NULL;
	explain_sink__free(s->explain);
	s->explain = NULL;
	if (s->opts.timeline) {
		timeline_sink__free(s->timeline);
		s->timeline = NULL;
		err = out__close(&s->tl_out);
		if (err)
			fprintf(stderr, "sysray: writing the timeline to '%s' failed: %s\n",
				s->opts.timeline, strerror(-err));
	}
	return err;
}
