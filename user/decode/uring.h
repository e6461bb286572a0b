/* SPDX-License-Identifier: GPL-2.0 */
/*
 * io_uring_register's decoder (uring.c) and the fds its registrations name
 * (uring_fds.c): the arrays a registration's structs point to, as captured.
 */
#ifndef SYSRAY_DECODE_URING_H
#define SYSRAY_DECODE_URING_H

#include <stddef.h>
#include <linux/io_uring.h>

#include "decode/decode.h"

/*
 * The pointer fields of the structs (their first, and how many follow)
 * whose arrays reg_plan_more() captures: each one's part of that capture.
 */
#define FIELDS_FROM		offsetof(struct io_uring_files_update, fds)
#define FIELD_PART(type, field) ((offsetof(type, field) - FIELDS_FROM) / sizeof(uint64_t) + 1)
_Static_assert(offsetof(struct io_uring_rsrc_update2, data) >= FIELDS_FROM &&
		       FIELD_PART(struct io_uring_rsrc_register, tags) <= SR_FIELDS_MAX &&
		       FIELD_PART(struct io_uring_rsrc_update2, tags) <= SR_FIELDS_MAX,
	       "the pointer fields SR_HOW_FIELDS reads");

/* An array's bytes as captured: @len at @p; @cut: the bytes after them could not be read. */
struct elems {
	const uint8_t *p;
	size_t len;
	bool cut;
};

/* What blob @b holds of an array (NULL: nothing read). */
struct elems uring_blob_elems(const struct sr_blob *b);
/*
 * The fds (or, @tags, the tags) of the first @n slots the io_uring_register
 * tracepoint's records of @c hold, in a buffer the caller frees; *@have its bytes.
 */
uint8_t *uring_reg_elems(const struct sr_call *c, bool tags, uint32_t n, size_t *have);
/* Part @part of the capture of the struct's pointer fields, or NULL. */
const struct sr_blob *uring_field_blob(const struct sr_call *c, unsigned int part);
/* The fds a registration or update names, for the fd tables (struct sr_decoder's fds). */
void uring_reg_fds(const struct sr_call *c, int argi, bool at_exit, sr_fd_fn fn, void *ctx);

#endif /* SYSRAY_DECODE_URING_H */
