/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The timeline sink (--timeline FILE): the events as a Chrome trace-event
 * file (JSON array format), which Perfetto and chrome://tracing open. One
 * track per thread, grouped by process; a complete ("X") slice per syscall
 * named by its strace line, with its JSON event (print/jevent.c) as the
 * slice's arguments; instant events for signals, exits and losses; a flow
 * from each fork to the child's first slice; process and thread names.
 */
#ifndef SYSRAY_PRINT_TIMELINE_H
#define SYSRAY_PRINT_TIMELINE_H

#include "pairing/sink.h"
#include "print/printer.h"

struct sr_out;
struct sr_opts;
struct sr_fdtab;

/**
 * timeline_sink__new() - a sink writing trace events to @out (not owned),
 * with @opts for the values (-s, -v, -y...); @fds and @comm_of as for the
 * other sinks (may be NULL). Return NULL when out of memory.
 */
struct sr_sink *timeline_sink__new(struct sr_out *out, const struct sr_opts *opts,
				   struct sr_fdtab *fds, sr_comm_fn *comm_of, void *comm_ctx);

/** timeline_sink__free() - NULL-safe. */
void timeline_sink__free(struct sr_sink *s);

#endif /* SYSRAY_PRINT_TIMELINE_H */
