/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The JSON Lines sink: one JSON object per event (a syscall, a signal, an
 * exit, a loss), each argument with its strace text and its data. The
 * schema is docs/sysray-events.schema.json; the README's "JSON Lines" section describes it.
 */
#ifndef SYSRAY_PRINT_JSONL_H
#define SYSRAY_PRINT_JSONL_H

#include "pairing/sink.h"
#include "print/printer.h"

struct sr_out;
struct sr_opts;
struct sr_fdtab;

/**
 * jsonl_sink__new() - a sink writing JSON Lines to @out with @opts (-s, -v,
 * -y...); @fds (may be NULL) describes fds, @comm_of names pids (-Y).
 * Nothing is owned. Return NULL when out of memory.
 */
struct sr_sink *jsonl_sink__new(struct sr_out *out, const struct sr_opts *opts,
				struct sr_fdtab *fds, sr_comm_fn *comm_of, void *comm_ctx);

/** jsonl_sink__free() - NULL-safe. */
void jsonl_sink__free(struct sr_sink *s);

#endif /* SYSRAY_PRINT_JSONL_H */
