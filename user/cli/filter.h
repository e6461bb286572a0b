/* SPDX-License-Identifier: GPL-2.0 */
/*
 * strace's -e expressions (trace=, status=, signal=, quiet=, raw=) and the
 * process filters (--comm, --uid). Parsing only: the selections end up in
 * struct sr_opts, from where the loader moves them into the kernel.
 */
#ifndef SYSRAY_FILTER_H
#define SYSRAY_FILTER_H

#include <stdbool.h>
#include <stddef.h>

struct sr_opts;
struct sr_fdset;

/**
 * filter__qualify() - apply one -e EXPR: "trace=SET", "t=SET", "status=SET",
 * "signal=SET", "quiet=SET", "raw=SET", "abbrev=SET", "verbose=SET",
 * "read=SET", "write=SET", "trace-fds=SET" (and strace's other names for
 * them), or a bare SET meaning trace=SET.
 * Prints strace's error wording (with a suggestion) and returns -EINVAL on
 * a bad expression.
 */
int filter__qualify(struct sr_opts *o, const char *expr);

/** filter__add_comm() - --comm NAME (longer than 15 bytes: -EINVAL). */
int filter__add_comm(struct sr_opts *o, const char *name);

/** filter__add_uid() - --uid UID or user name. */
int filter__add_uid(struct sr_opts *o, const char *arg);

/**
 * filter__suggest() - the known name closest to @word among @names (for
 * "did you mean"), or NULL when nothing is close.
 */
const char *filter__suggest(const char *word, const char *const *names, size_t n);

/** filter__signal_shown() - does -e signal= let @sig's delivery line print? */
bool filter__signal_shown(const struct sr_opts *o, int sig);

/**
 * filter__traced() - does -e trace= select syscall @nr (of the native
 * numbering, or -1 and other out-of-range numbers: see the loader)? Numbers
 * the table does not know always are, as strace traces those it has no entry for.
 */
bool filter__traced(const struct sr_opts *o, int nr);

/**
 * filter__uring_traced() - does -e trace= select io_uring requests whose
 * syscall twin is @nr (-1: none)? A request counts as its twin and as a
 * member of %io_uring: "openat" and "%io_uring" select io_uring openat,
 * "!openat" and "!%io_uring" leave it out.
 */
bool filter__uring_traced(const struct sr_opts *o, int nr);

/** filter__raw() - does -e raw= ask for syscall @nr undecoded? */
bool filter__raw(const struct sr_opts *o, int nr);

/**
 * filter__verbose() - does syscall @nr dereference its structures (strace's
 * default; -e verbose= leaves some out: their structs print as addresses)?
 */
bool filter__verbose(const struct sr_opts *o, int nr);

/**
 * filter__fdset() - parse @spec, a set of fd numbers with strace's syntax
 * ("3,5", "!0,1,2", "all", "none"), into @set. Prints the problem and
 * returns -EINVAL on a bad set.
 */
int filter__fdset(struct sr_fdset *set, const char *spec);

/* filter__decode_fds() - --decode-fds=SET, -e decode-fds=SET: 0 or -EINVAL (message printed). */
int filter__decode_fds(struct sr_opts *o, const char *spec);

/*
 * filter__decode_pids() - --decode-pids=SET, -e decode-pids=SET (comm, pidns,
 * all, none, '!'): 0 or -EINVAL (message printed).
 */
int filter__decode_pids(struct sr_opts *o, const char *spec);

/** filter__fd_in() - is @fd in @set (never, when the set was not given)? */
bool filter__fd_in(const struct sr_fdset *set, int fd);

#endif /* SYSRAY_FILTER_H */
