/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The strace sink: events as strace -f prints them, one line per call,
 * " <unfinished ...>" when another task's line must be printed first and
 * "<... name resumed>" when the call's line goes on, signals, exits, losses.
 */
#ifndef SYSRAY_PRINT_STRACE_H
#define SYSRAY_PRINT_STRACE_H

#include <stdint.h>

#include "pairing/sink.h"
#include "print/printer.h"

struct sr_out;
struct sr_opts;
struct sr_fdtab;
struct sr_outfiles;

/**
 * strace_sink__new() - a sink printing to @out with @opts; @fds (may be
 * NULL) annotates fds, @comm_of(@comm_ctx, pid) names pids for -Y. Nothing
 * is owned. Return NULL on allocation failure.
 */
struct sr_sink *strace_sink__new(struct sr_out *out, const struct sr_opts *opts,
				 struct sr_fdtab *fds, sr_comm_fn *comm_of, void *comm_ctx);

/**
 * strace_sink__set_files() - -ff: write each thread's lines to its own file
 * of @files (not owned) instead of the output given at creation.
 */
void strace_sink__set_files(struct sr_sink *s, struct sr_outfiles *files);

/** strace_sink__set_fds() - annotate with @fds (not owned, may be NULL) from now on. */
void strace_sink__set_fds(struct sr_sink *s, struct sr_fdtab *fds);

/* -k: print the stack of thread @tid's call that just ended, on @out. */
typedef void sr_stack_fn(void *ctx, struct sr_out *out, uint32_t tid);

/** strace_sink__set_stacks() - after each call's line, @fn(@ctx, out, tid) (-k). */
void strace_sink__set_stacks(struct sr_sink *s, sr_stack_fn *fn, void *ctx);

/**
 * strace_sink__set_pidns() - pids of tasks in other pid namespaces through
 * @fn(@ctx, ...): -Y names the task they are in ours, --decode-pids=pidns
 * adds our pid in a comment.
 */
void strace_sink__set_pidns(struct sr_sink *s, sr_pidns_fn *fn, void *ctx);

/**
 * strace_sink__end_line() - another writer is about to use the output: end
 * the open line, if any, with " <unfinished ...>" (it resumes later).
 */
void strace_sink__end_line(struct sr_sink *s);

/** strace_sink__free() - NULL-safe. */
void strace_sink__free(struct sr_sink *s);

#endif /* SYSRAY_PRINT_STRACE_H */
