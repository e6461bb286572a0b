// SPDX-License-Identifier: GPL-2.0
/*
 * io_uring requests: submissions held by request address until their
 * completion, then one call made of both records. The call is the twin
 * syscall's (table/uring.h): its row, with the request's extra arguments
 * (the offset of read and write) appended as offsets, or a row of no
 * arguments named after the opcode. Captures at submission are the call's
 * entry blobs, those at completion its exit blobs.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <linux/io_uring.h>

#include "cli/filter.h"
#include "cli/opts.h"
#include "decode/decode.h"
#include "pairing/uring.h"
#include "table/uring.h"

/* A submission waiting for its completion: a copy of the record. */
struct sr_uring_held {
	size_t len;
	struct sr_uring_reg *reg; /* IORING_OP_FILES_UPDATE: its fds, or NULL */
	/*
	 * Keyed by user_data: the requests its completion may be another's of
	 * (itself included; 0: none), and their common opcode, or -1
	 */
	uint32_t peers;
	int32_t peer_op;
	char name[32]; /* the row's name for an opcode without a twin */
	struct sr_uring_sub rec[]; /* followed by its blobs */
};

static void held_free(struct sr_uring_held *h)
{
	if (h)
		free(h->reg);
	free(h);
}

void uring__on_submit(struct sr_uring_pairing *u, const struct sr_uring_sub *x, size_t len)
{
	struct sr_uring_held *h = malloc(sizeof(*h) + len), *old;

	if (!h)
		return;
	h->len = len;
	h->reg = NULL;
	h->peers = 0;
	h->peer_op = -1;
	memcpy(h->rec, x, len);
	/* a request address is reused once its last completion was posted */
	old = idmap__del(&u->reqs, x->req);
	held_free(old);
	if (idmap__put(&u->reqs, x->req, h))
		free(h);
}

void uring__on_reg(struct sr_uring_pairing *u, const struct sr_uring_reg *r)
{
	struct sr_uring_held *h = idmap__get(&u->reqs, r->req);

	if (!h || h->rec->h.tgid != r->h.tgid)
		return;
	if (!h->reg)
		h->reg = malloc(sizeof(*h->reg));
	if (h->reg)
		*h->reg = *r;
}

/*
 * Arguments the request holds by value where the twin takes a pointer
 * (SR_SQE_BYVAL): the values, from the entry (the BPF side sent 0), printed
 * as what the pointer would point to, unless the call prints raw (@raw).
 */
static void set_byval(struct sr_uring_call *uc, const struct sr_uring_sub *x,
		      const struct sr_uring_op *op, bool raw)
{
	int i;

	for (i = 0; i < op->nargs && i < SR_NARGS; i++) {
		if (!(op->src[i] & SR_SQE_BYVAL))
			continue;
		uc->call.args[i] = sr_sqe_field(&x->sqe, op->src[i] & ~SR_SQE_BYVAL);
		if (raw || uc->ent.dec || uc->ent.args[i].type != SR_T_STRUCT_IN)
			continue;
		uc->ent.args[i].type = SR_T_CUSTOM;
		uc->ent.args[i].dec = &sr_dec_uring_byval;
	}
}

/* The row @uc prints by: the twin's, extended, or "IORING_OP_X" with no arguments. */
static void set_row(struct sr_uring_call *uc, struct sr_uring_held *h, const struct sr_opts *o,
		    const struct sr_uring_op *op)
{
	const struct sr_uring_sub *x = h->rec;
	const char *name;
	bool raw;
	int i, nr;

	if (x->h.nr >= 0 && (op->flags & SR_UOP_TWIN) && x->h.nr == op->nr) {
		/* the twin its flags make it (fsync's IORING_FSYNC_DATASYNC: fdatasync) */
		nr = uring__twin_nr(&x->sqe, op);
		raw = o && filter__raw(o, nr);
		uc->ent = *(raw ? syscalls__undecoded(nr) : syscalls__get(nr));
		set_byval(uc, x, op, raw);
		/* read(fd, buf, len, offset): what the request adds to the syscall */
		for (i = uc->ent.nargs; i < op->nargs && i < SR_NARGS && !uc->ent.dec; i++) {
			memset(&uc->ent.args[i], 0, sizeof(uc->ent.args[i]));
			uc->ent.args[i].type = SR_T_OFF;
		}
		if (!uc->ent.dec && op->nargs > uc->ent.nargs)
			uc->ent.nargs = op->nargs;
		return;
	}
	name = uring__op_name(x->opcode);
	if (name)
		snprintf(h->name, sizeof(h->name), "%s", name);
	else
		snprintf(h->name, sizeof(h->name), "IORING_OP_%u", x->opcode);
	memset(&uc->ent, 0, sizeof(uc->ent));
	uc->ent.name = h->name;
	uc->ent.nr = -1;
	uc->ent.ret = SR_R_INT;
}

/* The most requests of one ring and user_data in flight looked at (more: not seen) */
#define SR_UPEERS_MAX 16

/*
 * Is @n linked to @prev, the request before it in the ring (IOSQE_IO_LINK):
 * does it complete after it?
 */
static bool linked_after(const struct sr_uring_sub *prev, const struct sr_uring_sub *n)
{
	return (prev->flags & n->flags & SR_USUB_SQE) &&
	       (prev->sqe.flags & (IOSQE_IO_LINK | IOSQE_IO_HARDLINK)) &&
	       n->sq_pos == (uint16_t)(prev->sq_pos + 1);
}

/*
 * Requests keyed by ring and user_data (bpf/uring.bpf.h's uring_fifos) take
 * consecutive keys in submission order, and the oldest (@h, @key) is the
 * one completed: of a queue whose requests complete out of order, each
 * takes another's arguments. A completion is not known to be its request's
 * when later requests of its queue (key + 1...) are in flight that could
 * have completed first (not linked to the one before them in the ring,
 * that one not completed: not marked), unless all are alike (opcode, arguments, captures); then none of them
 * is, up to the last: they are marked (peers), and print without
 * arguments. (Keys by request address are never consecutive.)
 */
static void mark_peers(struct sr_uring_pairing *u, uint64_t key, struct sr_uring_held *h)
{
	const struct sr_uring_sub *s = h->rec, *n;
	struct sr_uring_held *g[SR_UPEERS_MAX + 1], *x, *prev = h;
	uint32_t k = 0, i, peers;
	bool alike = true, same_op = true;

	for (i = 1; k < SR_UPEERS_MAX && (x = idmap__get(&u->reqs, key + i)); i++) {
		n = x->rec;
		if (n->ctx != s->ctx || n->sqe.user_data != s->sqe.user_data)
			break;
		if (prev->peers || !linked_after(prev->rec, n)) {
			same_op &= n->opcode == s->opcode;
			alike &= same_op && x->len == h->len &&
				 !memcmp(n->args, s->args, sizeof(s->args)) &&
				 /* and what they hold by value (SR_SQE_BYVAL) */
				 !memcmp(&n->sqe, &s->sqe, sizeof(s->sqe)) &&
				 !memcmp(n + 1, s + 1, h->len - sizeof(*s));
			g[k++] = x;
		}
		prev = x;
	}
	if (!k || alike)
		return;
	/* already of a group: it grows */
	if (h->peers)
		same_op &= h->peer_op == (int32_t)s->opcode;
	peers = k + 1 > h->peers ? k + 1 : h->peers;
	g[k++] = h;
	for (i = 0; i < k; i++) {
		g[i]->peers = peers;
		g[i]->peer_op = same_op ? (int32_t)s->opcode : -1;
	}
}

/* Fd argument @idx of @c is an index in the ring's registered files. */
static void add_fixed(struct sr_call *c, int32_t idx)
{
	if (c->nfixed < sizeof(c->fixed_fd) / sizeof(c->fixed_fd[0]))
		c->fixed_fd[c->nfixed++] = idx;
}

/* Fixed files: fd arguments that are indexes in the ring's registered files. */
static void set_fixed(struct sr_uring_call *uc, const struct sr_uring_op *op)
{
	const struct sr_sqe *q = uc->call.sqe;

	if (q->flags & IOSQE_FIXED_FILE)
		add_fixed(&uc->call, q->fd);
	/* splice's and tee's other file, in file_index */
	if ((op->flags & SR_UOP_FIXED_IN) && (q->op_flags & SPLICE_F_FD_IN_FIXED))
		add_fixed(&uc->call, (int32_t)q->file_index);
	/* a direct close: its fd is the slot, file_index - 1 (sqe->fd is 0) */
	if (q->opcode == IORING_OP_CLOSE && q->file_index) {
		add_fixed(&uc->call, (int32_t)(q->file_index - 1));
		uc->call.args[0] = q->file_index - 1;
	}
	/* the new file went to a slot: the result is 0, not an fd, and no fd changed */
	if ((op->flags & SR_UOP_SLOT) && q->file_index) {
		uc->fd_changes = false;
		if (uc->ent.ret == SR_R_FD)
			uc->ent.ret = SR_R_INT;
	}
	if (uc->call.nfixed)
		uc->fd_changes = false;
}

bool uring__complete(struct sr_uring_pairing *u, const struct sr_uring_cqe *x, size_t len,
		     const struct sr_opts *o, struct sr_uring_call *uc)
{
	struct sr_uring_held *h = idmap__get(&u->reqs, x->req);
	const struct sr_uring_sub *s;
	struct sr_call *c = &uc->call;
	struct sr_uring_op op;

	memset(uc, 0, sizeof(*uc));
	if (!h || h->rec->h.tgid != x->h.tgid) {
		u->unmatched++;
		return false;
	}
	s = h->rec;
	mark_peers(u, x->req, h);
	uring__twin(s->opcode, &op);
	memcpy(c->args, s->args, sizeof(c->args));
	set_row(uc, h, o, &op);
	if (h->peers && h->peer_op < 0) {
		/* of requests with other opcodes: what it was is not known either */
		snprintf(h->name, sizeof(h->name), "???");
		memset(&uc->ent, 0, sizeof(uc->ent));
		uc->ent.name = h->name;
		uc->ent.nr = -1;
		uc->ent.ret = SR_R_INT;
	}
	c->ent = &uc->ent;
	c->nr = uc->ent.nr;
	c->tgid = x->h.tgid;
	c->tid = x->h.tid;
	c->in_end = (const uint8_t *)s + h->len;
	uc->sub = s;
	uc->sub_blobs = (const uint8_t *)(s + 1);
	c->ts_enter = s->h.ts_ns;
	c->ret = x->res;
	c->has_exit = true;
	c->ts_exit = x->h.ts_ns;
	c->out_start = (const uint8_t *)x;
	c->out_end = (const uint8_t *)x + len;
	c->via = SR_VIA_URING;
	c->sqe = &s->sqe;
	c->uring_ctx = s->ctx;
	c->uring_reg = h->reg;
	c->uring_reg_n = h->reg ? 1 : 0;
	uc->fd_changes = c->nr >= 0;
	set_fixed(uc, &op);
	/* one of several: its arguments (and the fd tables' lesson) are not known */
	c->uring_peers = h->peers;
	if (h->peers)
		uc->fd_changes = false;
	uc->shown = !o || filter__uring_traced(o, c->nr);
	uc->more = x->cflags & IORING_CQE_F_MORE;
	return true;
}

void uring__release(struct sr_uring_pairing *u, struct sr_uring_call *uc)
{
	if (!uc->more && uc->sub)
		held_free(idmap__del(&u->reqs, uc->sub->req));
	memset(uc, 0, sizeof(*uc));
}

void uring__forget_tgid(struct sr_uring_pairing *u, uint32_t tgid)
{
	struct sr_uring_held *h;
	uint64_t key;
	size_t it = 0;

	while ((h = idmap__next(&u->reqs, &it, &key))) {
		if (h->rec->h.tgid == tgid)
			held_free(idmap__del(&u->reqs, key));
	}
}

void uring__free(struct sr_uring_pairing *u)
{
	size_t it = 0;
	void *h;

	while ((h = idmap__next(&u->reqs, &it, NULL)))
		held_free(h);
	idmap__free(&u->reqs);
}
