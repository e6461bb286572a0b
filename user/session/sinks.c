// SPDX-License-Identifier: GPL-2.0
/* Putting the stages together: pairing, and the sink of the trace's format. */
#include <errno.h>
#include <stdio.h>

#include "print/jsonl.h"
#include "print/strace.h"
#include "session/internal.h"
#include "session/session.h"
#include "stack/stack.h"

int sinks__start(struct sr_session *s)
{
	struct sr_opts *o = &s->opts;

	pairing__setup(&s->pairing, o, s->fds);
	if (o->json)
		s->sink = jsonl_sink__new(&s->out, o, s->fds, pairing__comm_at, &s->pairing);
	else
		s->sink = strace_sink__new(&s->out, o, s->fds, pairing__comm_at, &s->pairing);
	if (!s->sink || (o->stack_trace && !(s->stacks = stacks__new(o->stack_frames, "/proc")))) {
		fprintf(stderr, "sysray: out of memory\n");
		return -ENOMEM;
	}
	if (s->stacks)
		strace_sink__set_stacks(s->sink, stacks__print, s->stacks);
	if (s->files && !o->json)
		strace_sink__set_files(s->sink, s->files);
	return pairing__add_sink(&s->pairing, s->sink);
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
}
