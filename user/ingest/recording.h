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

struct sr_out;
struct sr_pairing;

/* The record layouts of include/sysray/abi.h, version 2 (fork flags). */
#define SR_RECORD_MAGIC "SYSRAYR2"

/** record__begin() - write the file header to @o. */
void record__begin(struct sr_out *o);

/** record__write() - append one record of @len bytes. */
void record__write(struct sr_out *o, const void *data, size_t len);

/**
 * record__replay() - feed every record of @path to @p. Prints one line and
 * returns -errno if the file cannot be read or is not a recording; stops at
 * a truncated record. On success returns the number of records.
 */
long record__replay(const char *path, struct sr_pairing *p);

#endif /* SYSRAY_RECORD_H */
