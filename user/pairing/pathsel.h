/* SPDX-License-Identifier: GPL-2.0 */
/*
 * -P PATH and --trace-fds=SET: only syscalls that touch these paths or fds,
 * as strace's pathtrace.c selects them. Decided in user space, when a call
 * starts, with the fd tables (an fd matches -P by the path it is open on).
 */
#ifndef SYSRAY_PAIRING_PATHSEL_H
#define SYSRAY_PAIRING_PATHSEL_H

#include <stdbool.h>

struct sr_opts;
struct sr_fdtab;
struct sr_call;

/** pathsel__wanted() - do the options select calls by path or fd? */
bool pathsel__wanted(const struct sr_opts *o);

/**
 * pathsel__match() - does @c touch a path of -P (as given, or resolved) or
 * an fd of --trace-fds, or an fd that @fds says is open on such a path?
 * Only calls of strace's %file, %desc and %network classes can: their path
 * arguments (not a symlink's target), their fd arguments, and the fds in
 * select's sets and poll's array.
 */
bool pathsel__match(const struct sr_opts *o, struct sr_fdtab *fds, const struct sr_call *c);

/**
 * pathsel__hides() - do -P or --trace-fds leave @c out (it touches none of
 * their paths or fds)? False when neither is given.
 */
bool pathsel__hides(const struct sr_opts *o, struct sr_fdtab *fds, const struct sr_call *c);

#endif /* SYSRAY_PAIRING_PATHSEL_H */
