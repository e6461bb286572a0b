/* SPDX-License-Identifier: GPL-2.0 */
/* The parts of a session, between the files of user/session/ only. */
#ifndef SYSRAY_SESSION_INTERNAL_H
#define SYSRAY_SESSION_INTERNAL_H

#include <stdbool.h>

struct sr_session;
struct sr_replay;

/* output.c: where the trace and the recording go. 0 or -errno (message printed). */
int output__open(struct sr_session *s);
int output__open_recording(struct sr_session *s);
/* Write out what the trace's output(s) buffer; the first error, or 0. */
int output__flush(struct sr_session *s);
/* The first error writing the trace (-EPIPE: the reader went away), or 0. */
int output__err(const struct sr_session *s);
/* Flush and close the trace's output(s); wait for a -o "|command". The first error, or 0. */
int output__close(struct sr_session *s);

/* attach.c: -p and the launched command. 0 or -errno (message printed). */
int attach__check_pids(struct sr_session *s);
int attach__pids(struct sr_session *s);
int attach__launch(struct sr_session *s);
void attach__seed_cgroups(struct sr_session *s);
/* -p: the processes that outlive the trace, "Process N detached". */
void attach__report_detached(const struct sr_session *s);
/*
 * Reap children that are not sysray's own: a traced process that clones
 * with CLONE_PARENT gives its child to sysray, whose zombie would never go
 * (strace reaps them too), and a parent waiting for it to vanish would hang.
 */
void attach__reap_others(const struct sr_session *s);
/*
 * The launched command's exit status as a shell reports it; waits for it
 * when @wait. @sig: the signal that stopped sysray, or 0.
 */
int attach__command_status(struct sr_session *s, bool wait, int sig);

/*
 * session__hand_off() - leave the BPF objects' release to a holder process
 * that the kernel ends when sysray exits (leave.c). After it, nothing is
 * written to stdout or stderr. Returns false where it cannot (sanitizer
 * builds, no memory): the caller frees them itself.
 */
bool session__hand_off(void);

/*
 * sinks.c: the pairing stage and the sinks it hands events to (strace's
 * text, or JSON Lines with --json; and the --timeline file). 0 or -errno
 * (message printed).
 */
int sinks__start(struct sr_session *s);
/* 0, or -errno when the timeline could not be written out (message printed). */
int sinks__free(struct sr_session *s);

/*
 * counts.c: -c/-C, the summary table: io_uring requests counted as they
 * complete (counts__start(): a sink; 0 or -ENOMEM), then the kernel's
 * counts of syscalls. counts__print(): 0 or -errno (printed).
 */
int counts__start(struct sr_session *s);
int counts__print(struct sr_session *s);

/* report.c: losses and malformed records on stderr and, with -d, statistics. */
void report__end(struct sr_session *s);
void report__replay(const struct sr_session *s, const struct sr_replay *r);
/* -d: what the pairing stage and the fd tables hold, @when ("now", "at end"). */
void report__state(const struct sr_session *s, const char *when);

#endif /* SYSRAY_SESSION_INTERNAL_H */
