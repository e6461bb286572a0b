// SPDX-License-Identifier: GPL-2.0
/*
 * io_uring fixed files: what the slots of each ring's registered-file table
 * hold, as far as the requests tell: a direct open (file_index) puts its
 * file in a slot, a close with file_index empties one. Kept per process and
 * ring, by the kernel's address of the ring that request records carry.
 *
 * Files registered with io_uring_register() (IORING_REGISTER_FILES, _FILES2,
 * _FILES_UPDATE, _FILES_UPDATE2) are learned from the record the
 * io_uring_register tracepoint sends from inside the call (struct
 * sr_uring_reg: the ring's address, which the syscall names by fd, and the
 * fds, SR_UREG_FDS a record, in as many records as it takes up to
 * SR_UREG_CHUNKS), applied at the call's exit when it succeeded: each slot
 * gets the file its fd had then; slots past the records' are unknown.
 * Where the program cannot read the syscall's arguments (no
 * bpf_task_pt_regs(): libbpf's build) its record names the ring alone
 * (SR_UREG_ARGS), and the fds are the ones the syscall's entry captured
 * (uring_reg__records(): as many as a blob holds).
 * Where that record is missing, an IORING_OP_FILES_UPDATE, or a new ring
 * (which may get a freed ring's address) forgets what the process's rings
 * were known to hold: those slots print as unknown, never as a stale file.
 */
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <linux/io_uring.h>

#include "call/call.h"
#include "decode/decode.h" /* uring_reg__records() */
#include "fd/fdtab.h"
#include "fd/model.h"

/* Slots followed per ring: the kernel allows more, rarely used. */
#define RING_MAX_SLOTS 65536

struct fdt_ring {
	struct fdt_ring *next;
	uint64_t ctx;
	uint32_t n;
	struct fdf_file **slots; /* NULL: unknown or empty */
};

static struct fdt_ring *ring_of(const struct fdt_proc *p, uint64_t ctx)
{
	struct fdt_ring *r;

	for (r = p ? p->rings : NULL; r; r = r->next)
		if (r->ctx == ctx)
			return r;
	return NULL;
}

static void ring_free(struct sr_fdtab *t, struct fdt_ring *r)
{
	uint32_t i;

	for (i = 0; i < r->n; i++)
		fdf__put(t, r->slots[i]);
	free(r->slots);
	free(r);
}

void fdt__rings_forget(struct sr_fdtab *t, struct fdt_proc *p)
{
	struct fdt_ring *r;

	while (p && (r = p->rings)) {
		p->rings = r->next;
		ring_free(t, r);
	}
}

/* Forget ring @ctx of @p: its table changed in a way the stream does not tell. */
static void ring_forget(struct sr_fdtab *t, struct fdt_proc *p, uint64_t ctx)
{
	struct fdt_ring **pp, *r;

	for (pp = &p->rings; (r = *pp); pp = &r->next)
		if (r->ctx == ctx) {
			*pp = r->next;
			ring_free(t, r);
			return;
		}
}

/* Slot @i of ring @ctx now holds @f (a reference the ring takes; NULL: unknown). */
static void slot_set(struct sr_fdtab *t, struct fdt_proc *p, uint64_t ctx, int64_t i,
		     struct fdf_file *f)
{
	struct fdt_ring *r = ring_of(p, ctx);
	struct fdf_file **slots;
	uint32_t n;

	if (i < 0 || i >= RING_MAX_SLOTS || (!r && !f))
		goto drop;
	if (!r) {
		r = calloc(1, sizeof(*r));
		if (!r)
			goto drop;
		r->ctx = ctx;
		r->next = p->rings;
		p->rings = r;
	}
	if ((uint32_t)i >= r->n) {
		if (!f)
			return;
		n = (uint32_t)i + 1 > 2 * r->n ? (uint32_t)i + 1 : 2 * r->n;
		slots = realloc(r->slots, n * sizeof(*slots));
		if (!slots) {
			ring_forget(t, p, ctx);
			goto drop;
		}
		memset(slots + r->n, 0, (n - r->n) * sizeof(*slots));
		r->slots = slots;
		r->n = n;
	}
	fdf__put(t, r->slots[i]);
	r->slots[i] = f;
	return;
drop:
	fdf__put(t, f);
}

/* Slots @first.. of @r's ring get the files of @r's fds; @n of them changed (-1: all nr). */
static void register_fds(struct sr_fdtab *t, struct fdt_proc *p, const struct sr_uring_reg *r,
			 uint32_t first, int64_t n)
{
	uint32_t i, nr = n >= 0 && (uint64_t)n < r->nr ? (uint32_t)n : r->nr;
	int32_t fd;

	for (i = 0; i < nr && first + i < RING_MAX_SLOTS; i++) {
		fd = i < SR_UREG_FDS && (r->flags & SR_UREG_READ) ? r->fds[i] : -1;
		/* an update's "leave this slot alone" */
		if (fd == IORING_REGISTER_FILES_SKIP && r->opcode != IORING_REGISTER_FILES &&
		    r->opcode != IORING_REGISTER_FILES2)
			continue;
		/* a slot past the fds the record holds is not known: forget its old file */
		slot_set(t, p, r->ctx, first + i, fd >= 0 ? fdt__lookup(t, p->tgid, fd) : NULL);
	}
}

/*
 * Each of the @n records @r in turn (SR_UREG_FDS fds each, the next one's
 * slots after them); @changed slots in all (-1: every fd's).
 */
static void register_chunks(struct sr_fdtab *t, struct fdt_proc *p, const struct sr_uring_reg *r,
			    uint32_t n, int64_t changed)
{
	int64_t before;
	uint32_t k;

	for (k = 0; k < n; k++) {
		/* the fds of the records before this one */
		before = (int64_t)k * SR_UREG_FDS;
		if ((changed >= 0 && before >= changed) ||
		    r[k].offset != r[0].offset + (uint32_t)before)
			break;
		register_fds(t, p, &r[k], r[k].offset, changed < 0 ? -1 : changed - before);
	}
}

/* What the @n records @r of @c, a successful io_uring_register(), change. */
static void register_records(struct sr_fdtab *t, struct fdt_proc *p, const struct sr_call *c,
			     const struct sr_uring_reg *r, uint32_t n)
{
	switch (r->opcode) {
	case IORING_REGISTER_FILES:
	case IORING_REGISTER_FILES2:
		ring_forget(t, p, r->ctx);
		if (!(r->flags & SR_UREG_EMPTY))
			register_chunks(t, p, r, n, -1);
		break;
	case IORING_UNREGISTER_FILES:
		ring_forget(t, p, r->ctx);
		break;
	case IORING_REGISTER_FILES_UPDATE:
	case IORING_REGISTER_FILES_UPDATE2:
		/* the result is how many slots changed, from the first on */
		register_chunks(t, p, r, n, c->ret);
		break;
	}
}

void fdt__rings_register(struct sr_fdtab *t, struct fdt_proc *p, const struct sr_call *c)
{
	const struct sr_uring_reg *r = c->uring_reg;
	struct sr_uring_reg *made;
	size_t n;

	if (c->ret < 0)
		return;
	/* not paired with the ring it changed: nothing known can be trusted */
	if (!r || r->h.tgid != c->tgid) {
		fdt__rings_forget(t, p);
		return;
	}
	if (!(r->flags & SR_UREG_ARGS)) {
		register_records(t, p, c, r, c->uring_reg_n);
		return;
	}
	/* the ring alone: the fds as the syscall's entry captured them */
	made = calloc(SR_UREG_CHUNKS, sizeof(*made));
	if (!made) {
		ring_forget(t, p, r->ctx);
		return;
	}
	n = uring_reg__records(c, r, made, SR_UREG_CHUNKS);
	if (n)
		register_records(t, p, c, made, n);
	else
		ring_forget(t, p, r->ctx);
	free(made);
}

/* The file a direct openat/openat2 request opened: its path, resolved as the kernel did. */
static struct fdf_file *opened(struct sr_fdtab *t, const struct fdt_proc *p,
			       const struct sr_call *c)
{
	char buf[PATH_MAX];
	const char *path = NULL;
	struct fdf_file *f;
	size_t len;
	int n;

	if (c->nr >= 0)
		path = fdi__path_arg(c, 1, &len);
	if (!path)
		return NULL;
	n = fdt__resolve(p, (int)c->args[0], path, len, buf, sizeof(buf));
	if (n <= 0)
		return NULL;
	f = fdf__new(t, FDF_PATH, buf, (size_t)n);
	if (f)
		fdf__index(t, f);
	return f;
}

void fdtab__on_uring(struct sr_fdtab *t, const struct sr_call *c)
{
	const struct sr_sqe *q = c->sqe;
	struct fdt_proc *p;
	int64_t slot;

	if (!t || !q || !c->uring_ctx || c->ret < 0)
		return;
	if (q->opcode != IORING_OP_FILES_UPDATE && !q->file_index)
		return;
	p = fdt__proc(t, c->tgid);
	if (!p)
		return;
	/* IORING_FILE_INDEX_ALLOC: the kernel chose the slot and returned it */
	slot = q->file_index == IORING_FILE_INDEX_ALLOC ? c->ret : (int64_t)q->file_index - 1;
	switch (q->opcode) {
	case IORING_OP_OPENAT:
	case IORING_OP_OPENAT2:
		slot_set(t, p, c->uring_ctx, slot, opened(t, p, c));
		break;
	case IORING_OP_FILES_UPDATE:
		/* the fds read at submission; slots the kernel chose are not known */
		if (c->uring_reg && c->uring_reg->ctx == c->uring_ctx &&
		    q->off != (uint64_t)(uint32_t)IORING_FILE_INDEX_ALLOC)
			register_chunks(t, p, c->uring_reg, c->uring_reg_n, c->ret);
		else
			ring_forget(t, p, c->uring_ctx);
		break;
	case IORING_OP_CLOSE:
	case IORING_OP_ACCEPT:
	case IORING_OP_SOCKET:
		/* a close empties the slot; an accept or socket fills it with what is not known */
		slot_set(t, p, c->uring_ctx, slot, NULL);
		break;
	}
}

size_t fdtab__describe_fixed(const struct sr_fdtab *t, const struct sr_call *c, int idx, char *buf,
			     size_t size)
{
	const struct fdt_ring *r;

	if (size)
		buf[0] = '\0';
	if (!t || !t->mode || !c || idx < 0)
		return 0;
	r = ring_of(fdt__proc_known(t, c->tgid), c->uring_ctx);
	if (!r || (uint32_t)idx >= r->n || !r->slots[idx])
		return 0;
	return desc__fixed(t, r->slots[idx], c->tgid, buf, size);
}
