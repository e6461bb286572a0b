/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Diagnosis (--explain, --why): a sink that remembers, per process tree and
 * within a memory bound (--history), the failed syscalls of the traced
 * processes and what they looked for, and when a failure shows (an error
 * message on stderr, a tty or the system log; a non-zero exit; a fatal
 * signal; with --why, a write of the user's text) prints one report: the
 * failed calls that explain it, most likely cause first, in strace's format,
 * across sockets to the daemon and the child that served the connection,
 * with the permissions that denied an access.
 */
#ifndef SYSRAY_EXPLAIN_H
#define SYSRAY_EXPLAIN_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "pairing/sink.h"
#include "print/printer.h"

struct sr_out;
struct sr_opts;

/* --history's default: memory for the remembered calls, processes and connections. */
#define SR_EXPLAIN_HISTORY_DEFAULT (16ULL << 20)
/* Bytes of written data captured, so that messages and --why's text are seen whole. */
#define SR_EXPLAIN_DATA_CAP 256
#define SR_EXPLAIN_WHY_CAP  1024

struct sr_explain_cfg {
	const struct sr_opts *opts; /* the user's options (-s, -y...); not owned */
	struct sr_out *out; /* where reports go; not owned */
	bool live; /* tracing this host now: its files, mounts and /proc may be inspected */
	sr_comm_fn *comm_of; /* -Y names, or NULL */
	void *comm_ctx;
	/* Called before a report is written, to end another sink's open line; may be NULL. */
	void (*before_report)(void *ctx);
	void *before_ctx;
};

/**
 * explain_sink__new() - the --explain/--why sink. NULL with errno set on
 * allocation failure.
 */
struct sr_sink *explain_sink__new(const struct sr_explain_cfg *cfg);

/** explain_sink__seed() - read @tgid's fds, cwd and root now (a launched command before it runs). */
void explain_sink__seed(struct sr_sink *s, uint32_t tgid);

/** explain_sink__stats() - -d: memory used and what was forgotten, on @f. */
void explain_sink__stats(const struct sr_sink *s, FILE *f);

/** explain_sink__free() - NULL-safe. */
void explain_sink__free(struct sr_sink *s);

/** explain__wanted() - do the options ask for reports (--explain, --why)? */
bool explain__wanted(const struct sr_opts *o);

/**
 * explain__capture_opts() - the options the kernel side is set up with: the
 * user's @o, widened in @k for what the diagnosis needs (every call and
 * outcome, sockets described, task names, written data long enough to hold
 * a message). Printing still follows @o.
 */
void explain__capture_opts(const struct sr_opts *o, struct sr_opts *k);

/**
 * explain__accept_nrs() - the syscall numbers that take a connection from a
 * listening socket (they return a new fd and fill a peer address), for
 * --follow-peer: at most @max into @nrs. Returns how many.
 */
int explain__accept_nrs(int *nrs, int max);

#endif /* SYSRAY_EXPLAIN_H */
