/* SPDX-License-Identifier: GPL-2.0 */
/*
 * --decode-pids=pidns: a pid as a task in another pid namespace (a
 * container) sees it, translated to sysray's, as strace 6.1's src/pidns.c
 * does: through the NSpid, NStgid, NSpgid and NSsid lines of
 * /proc/PID/status, which list a task's ids from /proc's namespace down to
 * its own. Answers are cached per namespace and checked again on each use;
 * a miss reads /proc again.
 */
#ifndef SYSRAY_PIDNS_H
#define SYSRAY_PIDNS_H

#include <stdint.h>

#include "table/syscalls.h" /* enum sr_pidkind: which id a pid is */

struct sr_pidns;

/** pidns__new() - an empty cache; NULL (errno set) on failure. Free with pidns__free(). */
struct sr_pidns *pidns__new(void);

/** pidns__free() - release @ns; NULL is a no-op. */
void pidns__free(struct sr_pidns *ns);

/**
 * pidns__to_ours() - @id, an id of kind @kind as task @tid (a pid of
 * sysray's namespace) sees it, as sysray's namespace sees it: @id itself
 * when @tid is in sysray's namespace or its namespace is unknown (it was
 * gone before it was seen), 0 when it cannot be translated (no such task
 * any more, or @id <= 0). An sr_pidns_fn (print/printer.h).
 * A negative @kind only reads @tid's namespace into the cache if it is not
 * there yet (a task seen when it is created, before its lines print: its
 * own ids are known when it is gone); SR_PIDNS_GONE: it exited at @when
 * (kernel time, CLOCK_MONOTONIC ns), and what was seen of it translates a
 * pid printed as of before then only (strace prints a reaped one bare).
 */
int32_t pidns__to_ours(void *ns, uint32_t tid, int32_t id, int kind, uint64_t when);

#endif /* SYSRAY_PIDNS_H */
