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

/**
 * filter__qualify() - apply one -e EXPR: "trace=SET", "t=SET", "status=SET",
 * "signal=SET", "quiet=SET", "raw=SET", or a bare SET meaning trace=SET.
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
 * numbering, or -1 and other out-of-range numbers: see the loader)?
 */
bool filter__traced(const struct sr_opts *o, int nr);

/** filter__raw() - does -e raw= ask for syscall @nr undecoded? */
bool filter__raw(const struct sr_opts *o, int nr);

#endif /* SYSRAY_FILTER_H */
