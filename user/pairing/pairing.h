/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Turns the record stream into strace lines: pairs each exit with its entry,
 * keeps one line open at a time and, like strace -f, ends it with
 * " <unfinished ...>" when another task's line must be printed, resuming it
 * later as "<... name resumed>".
 */
#ifndef SYSRAY_PAIRING_H
#define SYSRAY_PAIRING_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "decode/decode.h"
#include "print/text.h"
#include "lib/idmap.h"

struct sr_opts;
struct sr_fdtab;
struct sr_cgnames;

struct sr_pairing_stats {
	uint64_t records; /* records consumed */
	uint64_t bad; /* malformed records skipped */
	uint64_t lost; /* records the kernel reported lost */
	uint64_t lines; /* syscall lines printed */
	/* Inputs left unread after the retry at exit, by argument type; and of
	 * those, how many the kernel itself read (the call did not fail with EFAULT). */
	uint64_t unread[SR_T_MAX];
	uint64_t unread_kernel_ok[SR_T_MAX];
};

struct sr_pairing {
	struct sr_fmt fmt;
	struct sr_text_pr text; /* fmt's backend */
	struct idmap tasks; /* tid -> struct sr_task */
	uint32_t open_tid; /* whose line is open; valid when line_open */
	bool line_open;
	bool filter_status; /* -e status= in user space: lines print whole, at exit */
	struct sr_cgnames *cgnames; /* --show-cgroup labels, made on first use */
	struct sr_pairing_stats stats;
};

/**
 * pairing__init() - set up @p to print to @out with @opts; @fds may be NULL.
 * @p does not own @out, @opts or @fds.
 */
void pairing__init(struct sr_pairing *p, struct sr_out *out, const struct sr_opts *opts,
		   struct sr_fdtab *fds);

/**
 * pairing__kernel_status() - the SR_STATUS_* mask the kernel can apply for
 * these options (-z, -Z: whole calls sent at exit), or 0 when the outcome
 * filter, if any, must run in user space.
 */
uint32_t pairing__kernel_status(const struct sr_opts *o);

/** pairing__free() - free the per-task state. NULL-safe. */
void pairing__free(struct sr_pairing *p);

/**
 * pairing__handle() - consume one record of @len bytes. Malformed records
 * are counted and skipped. Return 0.
 */
int pairing__handle(struct sr_pairing *p, const void *data, size_t len);

/**
 * pairing__finish() - end of stream: close the open line and print the
 * calls still in flight as unfinished.
 */
void pairing__finish(struct sr_pairing *p);

/**
 * pairing__lost() - print the marker for @n records lost at this point of
 * the stream (also used for losses found outside the stream).
 */
void pairing__lost(struct sr_pairing *p, uint64_t n);

#endif /* SYSRAY_PAIRING_H */
