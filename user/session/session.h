/* SPDX-License-Identifier: GPL-2.0 */
/*
 * One run of sysray: the options, the output, the loaded BPF side, the
 * pairing and fd state, and the launched command. main() configures it,
 * runs it and ends it; every stage gets what it needs from here.
 */
#ifndef SYSRAY_SESSION_H
#define SYSRAY_SESSION_H

#include <stdbool.h>
#include <sys/resource.h>

#include "cli/opts.h" /* first: abi.h, which loader.h includes, needs linux/types.h */
#include "capture/loader.h"
#include "pairing/pairing.h"
#include "print/out.h"
#include "session/launch.h"

struct sr_stacks;
struct sr_pidns;

struct sr_fdtab;
struct sr_outfiles;
struct sr_summary;

struct sr_session {
	struct sr_opts opts;
	/* what the kernel side is set up with: opts, widened for --explain, --record */
	struct sr_opts kopts;
	struct sr_out out; /* the trace */
	struct sr_outfiles *files; /* -ff: the trace, a file per thread; NULL otherwise */
	pid_t pipe_pid; /* -o "|command": the shell reading the trace, or 0 */
	struct sr_out rec; /* --record */
	struct sr_pairing pairing;
	struct sr_sink *sink; /* where pairing's events go: the trace's format; NULL: none */
	struct sr_sink *explain; /* --explain, --why: the reports */
	/* -c, -C: counts io_uring requests into the summary (counts.c) */
	struct sr_sink count_sink;
	struct sr_summary *summary; /* -c, -C: the table being made */
	uint64_t uncounted; /* requests not counted: out of memory */
	struct sr_out tl_out; /* --timeline */
	struct sr_sink *timeline; /* --timeline: a second sink */
	struct sr_loader loader; /* valid once loading was tried (loader_used) */
	bool loader_used;
	struct sr_fdtab *fds; /* NULL unless an option needs fd tables */
	struct sr_stacks *stacks; /* -k, else NULL */
	struct sr_pidns *pidns; /* -Y, --decode-pids=pidns: the translation cache, else NULL */
	struct sr_child child;
	struct sr_launch launch; /* what the child runs, as whom (-E, -u) */
	bool launched; /* a command was started */
	char exe[4096]; /* its resolved path */
	struct rusage loaded; /* sysray's own usage once the programs were loaded */
};

/**
 * session__configure() - parse the command line into @s and resolve what it
 * names (cgroups). Returns 0 to go on, SR_CLI_DONE (cli/options.h) after
 * --help or --version, or the exit status after printing the problem.
 */
int session__configure(struct sr_session *s, int argc, char **argv);

/**
 * session__run() - trace (launch, attach or the whole host) or replay until
 * done, then report. Returns the exit status: the launched command's, or
 * 0/1 for sysray's own success or failure.
 */
int session__run(struct sr_session *s);

/**
 * session__end() - release everything @s holds. Returns @status, or 1 when
 * it was 0 and the recording could not be written out.
 */
int session__end(struct sr_session *s, int status);

#endif /* SYSRAY_SESSION_H */
