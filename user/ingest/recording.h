/* SPDX-License-Identifier: GPL-2.0 */
/*
 * --record/--replay: the raw record stream in a file, to format later (or
 * again, with other options) without the kernel. Also the consumer
 * benchmark's input. Format: the 8-byte magic, then each record as a u32
 * length and the record itself, padded to 8 bytes.
 */
#ifndef SYSRAY_RECORD_H
#define SYSRAY_RECORD_H

#include <stddef.h>
#include <stdint.h>

#include "ingest/ringbuf.h"

struct sr_out;

/*
 * The record layouts of include/sysray/abi.h, version 4 (a whole call's exit
 * time; 3 added the entry's instruction pointer). The magic is
 * SR_RECORD_MAGIC_STEM and the version's digit.
 */
#define SR_RECORD_MAGIC_STEM "SYSRAYR"
#define SR_RECORD_MAGIC	     SR_RECORD_MAGIC_STEM "4"

/** record__begin() - write the file header to @o. */
void record__begin(struct sr_out *o);

/** record__write() - append one record of @len bytes. */
void record__write(struct sr_out *o, const void *data, size_t len);

/* What record__replay() read. */
struct sr_replay {
	long records; /* handed on */
	size_t left_over; /* bytes after the last whole record: the file was cut short */
};

/**
 * record__replay() - hand every record of @path to @fn, as the ring buffer
 * would (8-byte aligned; @fn's return value is ignored). Prints one line and
 * returns -errno if the file cannot be read or is not a recording; else
 * returns 0 and fills @r (a file cut inside a record: @r->left_over > 0).
 */
int record__replay(const char *path, sr_ring_fn fn, void *ctx, struct sr_replay *r);

#endif /* SYSRAY_RECORD_H */
