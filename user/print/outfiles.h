/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Where strace's text goes: one output with one line open at a time, or,
 * with -ff, one file per thread (FILE.TID), each with its own open line.
 * A whole host has more threads than a process may open files, so at most
 * a bounded number of files are open at once; the others are closed with
 * their buffers freed and reopened for appending when their thread prints
 * again (strace keeps every file open).
 */
#ifndef SYSRAY_PRINT_OUTFILES_H
#define SYSRAY_PRINT_OUTFILES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "print/out.h"

/* One destination of lines, and the line it holds open (strace's curcol != 0). */
struct sr_dest {
	struct sr_out *out;
	bool line_open;
	uint32_t open_tid; /* whose line is open, when line_open */
};

struct sr_outfiles;

/**
 * outfiles__new() - files named "@prefix.TID", created (truncated, or with
 * @append appended to) when a thread first prints, at most @max_open open
 * at once (0: a default from RLIMIT_NOFILE); strings in them quoted with
 * -x's @hexstr. @prefix is not copied. NULL on ENOMEM.
 */
struct sr_outfiles *outfiles__new(const char *prefix, bool append, uint8_t hexstr, int max_open);

/**
 * outfiles__get() - the destination of thread @tid, opened or reopened as
 * needed (which may close the least recently used other one: the pointer
 * is valid until the next call). NULL when the file cannot be opened; the
 * first such error is printed once on stderr and kept (outfiles__err()).
 */
struct sr_dest *outfiles__get(struct sr_outfiles *f, uint32_t tid);

/**
 * outfiles__release() - thread @tid is gone (it exited, or its execve made
 * it the leader): flush and close its file and forget it. A later thread
 * with the same number appends to the file instead of truncating it.
 */
void outfiles__release(struct sr_outfiles *f, uint32_t tid);

/** outfiles__each() - call @fn for every thread with a destination (loss markers). */
void outfiles__each(struct sr_outfiles *f, void (*fn)(void *ctx, uint32_t tid), void *ctx);

/** outfiles__flush() - write out every buffer. Return the first error, or 0. */
int outfiles__flush(struct sr_outfiles *f);

/** outfiles__err() - the first error (opening or writing a file), as -errno, or 0. */
int outfiles__err(const struct sr_outfiles *f);

/** outfiles__open_count() - files open now (for tests). */
size_t outfiles__open_count(const struct sr_outfiles *f);

/** outfiles__free() - flush and close everything. NULL-safe. */
void outfiles__free(struct sr_outfiles *f);

#endif /* SYSRAY_PRINT_OUTFILES_H */
