/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Synthetic records for unit tests: build what the BPF side would emit, feed
 * it to the pairing/formatting code, and get the printed text back.
 */
#ifndef SYSRAY_TEST_REC_H
#define SYSRAY_TEST_REC_H

#include <stddef.h>
#include <stdint.h>

#include "opts.h"
#include "out.h"
#include "pairing.h"

struct t_rec {
	uint8_t buf[16384];
	size_t len;
};

/* Start an entry record for syscall @name (looked up in the table). */
void t_enter(struct t_rec *r, uint32_t tid, const char *name, const uint64_t args[6]);
/* Start an exit record. */
void t_exit(struct t_rec *r, uint32_t tid, const char *name, int64_t ret);
/* Append a blob for argument @arg. */
void t_blob(struct t_rec *r, int arg, const void *data, size_t len, uint8_t flags, int32_t aux);
/* Process exit of @tid with wait status @code. */
void t_pexit(struct t_rec *r, uint32_t tid, int code, int group_dead);

/* A printing session into memory. */
struct t_sink {
	int fd;
	struct sr_out out;
	struct sr_opts opts;
	struct sr_pairing p;
	char text[65536];
};

void t_sink_open(struct t_sink *s);
void t_feed(struct t_sink *s, const struct t_rec *r);
/* Flush and return everything printed so far (NUL-terminated). */
const char *t_sink_text(struct t_sink *s);
void t_sink_close(struct t_sink *s);

/*
 * One-shot: print syscall @name with @args, entry blobs given as
 * (arg, data, len) triples in @in (n_in of them), return @ret with exit blobs
 * in @out; returns the line without its leading "PID  " and trailing newline.
 */
struct t_blobspec {
	int arg;
	const void *data;
	size_t len;
	uint8_t flags;
	int32_t aux;
};

const char *t_line(struct t_sink *s, const char *name, const uint64_t args[6],
		   const struct t_blobspec *in, int n_in, int64_t ret, const struct t_blobspec *out,
		   int n_out);

#endif /* SYSRAY_TEST_REC_H */
