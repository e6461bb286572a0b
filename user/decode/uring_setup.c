// SPDX-License-Identifier: GPL-2.0
/*
 * Decoders: io_uring_setup's struct io_uring_params as strace 6.1 prints it:
 * the parameters given, and at exit what the kernel filled in (features,
 * the rings' offsets, the fds it names).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <linux/io_uring.h>

#include "cli/opts.h"
#include "decode/decode.h"

static void params_plan(const struct sr_sysent *ent, int argi, const struct sr_opts *o,
			struct sr_plan_arg *pa)
{
	/* what the kernel filled in, after a success (strace shows no more after a failure) */
	pa->when = SR_CAP_ENTER | SR_CAP_EXIT;
	pa->how = SR_HOW_BUF;
	pa->len_src = SR_LEN_FIXED;
	pa->elem = sizeof(struct io_uring_params);
	pa->cap = sizeof(struct io_uring_params);
}

/* The fields both ring offset structs begin with, in the same order. */
static void ring_offsets_head(struct sr_fmt *f, uint32_t head, uint32_t tail, uint32_t mask,
			      uint32_t entries)
{
	pr_struct_begin(f);
	pr_field_u(f, "head", head);
	pr_field_u(f, "tail", tail);
	pr_field_u(f, "ring_mask", mask);
	pr_field_u(f, "ring_entries", entries);
}

/* ...and end with: the reserved words, shown when set, then the struct's end. */
static void ring_offsets_tail(struct sr_fmt *f, uint64_t resv1, uint64_t resv2)
{
	if (resv1)
		pr_field_x(f, "resv1", resv1);
	if (resv2)
		pr_field_x(f, "resv2", resv2);
	pr_struct_end(f);
}

static void sq_offsets(struct sr_fmt *f, const struct io_sqring_offsets *o)
{
	ring_offsets_head(f, o->head, o->tail, o->ring_mask, o->ring_entries);
	pr_field_u(f, "flags", o->flags);
	pr_field_u(f, "dropped", o->dropped);
	pr_field_u(f, "array", o->array);
	ring_offsets_tail(f, o->resv1, o->resv2);
}

static void cq_offsets(struct sr_fmt *f, const struct io_cqring_offsets *o)
{
	ring_offsets_head(f, o->head, o->tail, o->ring_mask, o->ring_entries);
	pr_field_u(f, "overflow", o->overflow);
	pr_field_u(f, "cqes", o->cqes);
	pr_field_u(f, "flags", o->flags);
	ring_offsets_tail(f, o->resv1, o->resv2);
}

/* What the kernel fills in: printed with the exit copy. */
static void params_out(struct sr_fmt *f, const struct io_uring_params *p)
{
	pr_field_u(f, "sq_entries", p->sq_entries);
	pr_field_u(f, "cq_entries", p->cq_entries);
	pr_field(f, "features");
	fmt_flags(f, &xlat_uring_setup_features, p->features);
	pr_field(f, "sq_off");
	sq_offsets(f, &p->sq_off);
	pr_field(f, "cq_off");
	cq_offsets(f, &p->cq_off);
}

static void params_print(struct sr_fmt *f, const struct sr_call *c, int argi)
{
	const void *in = blob_get(call__blob(c, argi, false), sizeof(struct io_uring_params));
	bool done = c->has_exit && c->ret >= 0;
	const void *out =
		done ? blob_get(call__blob(c, argi, true), sizeof(struct io_uring_params)) : NULL;
	struct io_uring_params p;

	if (!in) {
		fmt_ptr(f, c->args[argi]);
		return;
	}
	memcpy(&p, in, sizeof(p));
	pr_struct_begin(f);
	pr_field(f, "flags");
	fmt_flags(f, &xlat_uring_setup_flags, p.flags);
	pr_field_x(f, "sq_thread_cpu", p.sq_thread_cpu);
	pr_field_u(f, "sq_thread_idle", p.sq_thread_idle);
	if (p.flags & IORING_SETUP_ATTACH_WQ) {
		pr_field(f, "wq_fd");
		fmt_fd(f, c, (int32_t)p.wq_fd);
	}
	if (!mem_all_zero(p.resv, sizeof(p.resv)))
		fmt_hex_u32_array(f, "resv", p.resv, sizeof(p.resv) / sizeof(p.resv[0]));
	if (out) {
		memcpy(&p, out, sizeof(p));
		params_out(f, &p);
	}
	pr_struct_end(f);
}

static void params_fds(const struct sr_call *c, int argi, bool at_exit, sr_fd_fn fn, void *ctx)
{
	const void *in = blob_get(call__blob(c, argi, false), sizeof(struct io_uring_params));
	struct io_uring_params p;

	if (!in)
		return;
	memcpy(&p, in, sizeof(p));
	if (p.flags & IORING_SETUP_ATTACH_WQ)
		fn(ctx, (int32_t)p.wq_fd);
}

const struct sr_decoder sr_dec_uring_params = {
	.name = "uring_params",
	.at_exit = true, /* with what the kernel filled in */
	.plan = params_plan,
	.print = params_print,
	.fds = params_fds,
};
