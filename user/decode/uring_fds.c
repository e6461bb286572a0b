// SPDX-License-Identifier: GPL-2.0
/*
 * io_uring_register's registrations as the fd tables learn them: the fds
 * of IORING_REGISTER_FILES, _FILES2, _FILES_UPDATE and _FILES_UPDATE2, read
 * from the syscall's entry capture or from the records the
 * io_uring_register tracepoint sends from inside the call (see
 * bpf/uring.bpf.h), and the pieces of those captures uring.c prints from.
 */
#include <stdlib.h>
#include <string.h>
#include <linux/io_uring.h>

#include "decode/uring.h"

/* What blob @b holds of an array (NULL: nothing read). */
struct elems uring_blob_elems(const struct sr_blob *b)
{
	struct elems v = { 0 };

	if (!b || (b->flags & SR_BF_NULL))
		return v;
	if (b->flags & SR_BF_FAULT) {
		v.cut = true;
		return v;
	}
	v.p = blob_data(b);
	v.len = b->len;
	/* a copy cut at the page end (a blob's worth is cut by its size) */
	v.cut = (b->flags & (SR_BF_TRUNC | SR_BF_PART)) && b->len < SR_BLOB_MAX;
	return v;
}

/*
 * The first @n fds (@tags: tags) of @c's io_uring_register records, in
 * order, in a buffer to free; *@have: how many bytes of them were read.
 */
uint8_t *uring_reg_elems(const struct sr_call *c, bool tags, uint32_t n, size_t *have)
{
	const struct sr_uring_reg *r = c->uring_reg;
	size_t sz = tags ? sizeof(r->tags[0]) : sizeof(r->fds[0]), got = 0, m;
	uint32_t k, max = SR_UREG_FDS * SR_UREG_CHUNKS;
	uint8_t *buf;

	*have = 0;
	if (!r || !n || !(buf = malloc((n < max ? n : max) * sz)))
		return NULL;
	for (k = 0; k < c->uring_reg_n && got < n && got < max; k++) {
		if (!(r[k].flags & (tags ? SR_UREG_TAGS : SR_UREG_READ)) ||
		    r[k].offset != r[0].offset + k * SR_UREG_FDS)
			break;
		m = n - got < SR_UREG_FDS ? n - got : SR_UREG_FDS;
		memcpy(buf + got * sz, tags ? (const void *)r[k].tags : (const void *)r[k].fds,
		       m * sz);
		got += m;
	}
	*have = got * sz;
	return buf;
}

/* Part @part of the capture of the struct's pointer fields, or NULL. */
const struct sr_blob *uring_field_blob(const struct sr_call *c, unsigned int part)
{
	int slot = c->ent ? c->ent->nargs : SR_NARGS;
	const struct sr_blob *b;

	if (slot >= SR_NARGS)
		return NULL;
	for (b = c->in[slot]; b && SR_BLOB_ARG(b) == slot; b = blob_next(b, call__blob_end(c, b)))
		if (SR_BLOB_PART(b) == part)
			return b;
	return NULL;
}

/*
 * The fds of an update or a registration by struct (_FILES_UPDATE,
 * _FILES2, _FILES_UPDATE2) as read at entry, in @v: *@nr of them for the
 * slots from *@offset (NULL: not wanted) on. False: not read.
 */
static bool reg_files(const struct sr_call *c, struct elems *v, uint32_t *nr, uint32_t *offset)
{
	const uint8_t *p = c->args[2] ? blob_get(call__blob(c, 2, false), 1) : NULL;
	size_t len = p ? call__blob(c, 2, false)->len : 0;
	struct io_uring_files_update fu;
	struct io_uring_rsrc_register rr;
	struct io_uring_rsrc_update2 u2;
	const struct sr_blob *b = NULL;
	uint32_t first = 0;

	switch ((uint32_t)c->args[1]) {
	case IORING_REGISTER_FILES_UPDATE:
		if (len < sizeof(fu))
			return false;
		memcpy(&fu, p, sizeof(fu));
		*nr = (uint32_t)c->args[3];
		first = fu.offset;
		b = uring_field_blob(c, FIELD_PART(struct io_uring_files_update, fds));
		break;
	case IORING_REGISTER_FILES2:
		if (len < sizeof(rr) || (uint32_t)c->args[3] < sizeof(rr))
			return false;
		memcpy(&rr, p, sizeof(rr));
		*nr = rr.nr;
		b = uring_field_blob(c, FIELD_PART(struct io_uring_rsrc_register, data));
		break;
	case IORING_REGISTER_FILES_UPDATE2:
		if (len < sizeof(u2) || (uint32_t)c->args[3] < sizeof(u2))
			return false;
		memcpy(&u2, p, sizeof(u2));
		*nr = u2.nr;
		first = u2.offset;
		b = uring_field_blob(c, FIELD_PART(struct io_uring_rsrc_update2, data));
		break;
	}
	if (!b)
		return false;
	*v = uring_blob_elems(b);
	if (offset)
		*offset = first;
	return true;
}

size_t uring_reg__records(const struct sr_call *c, const struct sr_uring_reg *r,
			  struct sr_uring_reg *out, size_t max)
{
	const struct sr_blob *b = call__blob(c, 2, false);
	struct elems v = { 0 };
	uint32_t nr = 0, first = 0, i, k, got;
	bool empty = false;

	if (!max)
		return 0;
	switch (r->opcode) {
	case IORING_REGISTER_FILES:
		v = uring_blob_elems(c->args[2] ? b : NULL);
		nr = (uint32_t)c->args[3];
		break;
	case IORING_REGISTER_FILES2:
		/* sparse: no fds, nr empty slots */
		empty = reg_files(c, &v, &nr, &first) && !v.p && !v.cut;
		break;
	case IORING_REGISTER_FILES_UPDATE:
	case IORING_REGISTER_FILES_UPDATE2:
		reg_files(c, &v, &nr, &first);
		break;
	}
	got = v.len / sizeof(int32_t) < nr ? v.len / sizeof(int32_t) : nr;
	for (k = 0; k < max && (!k || k * SR_UREG_FDS < nr); k++) {
		out[k] = *r;
		out[k].flags = (k ? SR_UREG_CONT : 0) | (empty ? SR_UREG_EMPTY : 0);
		out[k].offset = first + k * SR_UREG_FDS;
		out[k].nr = nr - (k * SR_UREG_FDS < nr ? k * SR_UREG_FDS : nr);
		if (k * SR_UREG_FDS >= got)
			continue;
		out[k].flags |= SR_UREG_READ;
		for (i = 0; i < SR_UREG_FDS; i++)
			out[k].fds[i] = k * SR_UREG_FDS + i < got ?
						(int32_t)get32(v.p, (k * SR_UREG_FDS + i) *
									    sizeof(int32_t)) :
						-1;
	}
	return k;
}

/* The fds reg_print() annotates: in the argument, or in the tracepoint's record. */
void uring_reg_fds(const struct sr_call *c, int argi, bool at_exit, sr_fd_fn fn, void *ctx)
{
	const struct sr_blob *b = call__blob(c, argi, false);
	const uint8_t *p = c->args[argi] ? blob_get(b, 1) : NULL;
	const struct sr_uring_reg *r = c->uring_reg;
	uint32_t n = (uint32_t)c->args[3], i;
	struct io_uring_rsrc_update u;
	struct elems v;
	size_t have;

	switch ((uint32_t)c->args[1]) {
	case IORING_REGISTER_FILES:
	case IORING_REGISTER_EVENTFD:
	case IORING_REGISTER_EVENTFD_ASYNC:
		for (i = 0; p && i < n && (i + 1) * sizeof(int32_t) <= b->len; i++)
			fn(ctx, (int32_t)get32(p, i * sizeof(int32_t)));
		break;
	case IORING_REGISTER_RING_FDS:
		for (i = 0; p && i < n && (i + 1) * sizeof(u) <= b->len; i++) {
			memcpy(&u, p + i * sizeof(u), sizeof(u));
			fn(ctx, (int32_t)u.data);
		}
		break;
	case IORING_REGISTER_FILES_UPDATE:
	case IORING_REGISTER_FILES2:
	case IORING_REGISTER_FILES_UPDATE2:
		if (reg_files(c, &v, &n, NULL)) {
			for (i = 0; i < n && (i + 1) * sizeof(int32_t) <= v.len; i++)
				fn(ctx, (int32_t)get32(v.p, i * sizeof(int32_t)));
			break;
		}
		if (!r)
			break;
		p = uring_reg_elems(c, false, r->nr, &have);
		for (i = 0; p && (i + 1) * sizeof(int32_t) <= have; i++)
			fn(ctx, (int32_t)get32(p, i * sizeof(int32_t)));
		free((void *)p);
		break;
	}
}
