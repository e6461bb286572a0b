/* SPDX-License-Identifier: GPL-2.0 */
/*
 * -e read=SET, -e write=SET: strace's hex and ASCII dumps of the data a
 * call read or wrote, after its line.
 */
#ifndef SYSRAY_PRINT_DUMP_H
#define SYSRAY_PRINT_DUMP_H

#include <stddef.h>
#include <stdint.h>

struct sr_out;
struct sr_opts;
struct sr_call;

/**
 * dump__hex() - @n bytes of @data as strace's dumpstr() prints them, one
 * line per 16 bytes: " | 00000  61 62 63 0a  ...  abc.             |". The
 * offset field is 5 hex digits, more when @total (the length of the whole
 * buffer, of which @data is the start) needs them.
 */
void dump__hex(struct sr_out *o, const void *data, size_t n, uint64_t total);

/**
 * dump__call() - the dumps -e read=/write= ask for after @c's line: the data
 * it wrote to (or, if it succeeded, read from) an fd of the sets. Data the
 * kernel side did not capture (past SR_BLOB_MAX bytes a buffer) is said to
 * be missing, never left out silently.
 */
void dump__call(struct sr_out *o, const struct sr_opts *opts, const struct sr_call *c);

#endif /* SYSRAY_PRINT_DUMP_H */
