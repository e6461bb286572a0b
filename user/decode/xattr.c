// SPDX-License-Identifier: GPL-2.0
/* Decoders: extended attribute values and name lists. */
#include <linux/limits.h>

#include "decode/decode.h"
#include "cli/opts.h"

/*
 * Extended attributes, as strace's print_xattr_val() and print_xattr_list()
 * show them. A value: at most -s bytes, without the NUL that often ends it
 * (strace's QUOTE_OMIT_TRAILING_0); the address when longer than the kernel
 * accepts. The buffers are captured as the row's BUF_IN/BUF_OUT would be.
 */
static void xattr_buf_plan(const struct sr_opts *o, bool in, struct sr_plan_arg *pa)
{
	long cap = o->strsize > 0 ? o->strsize : 1;

	pa->when = in ? SR_CAP_ENTER | SR_CAP_RETRY : SR_CAP_EXIT;
	pa->how = SR_HOW_BUF;
	pa->len_src = in ? SR_LEN_ARG : SR_LEN_RET;
	pa->len_arg = 3; /* size, for setxattr's value */
	pa->elem = 1;
	pa->cap = cap > SR_BLOB_MAX ? SR_BLOB_MAX : cap;
}

static void xattr_value(struct sr_fmt *f, const struct sr_blob *b, uint64_t addr, uint64_t size)
{
	size_t max = fmt_strsize(f);

	if (!addr || size > XATTR_SIZE_MAX || !blob_ok(b)) {
		fmt_ptr(f, addr);
		return;
	}
	/* A NUL in the last place shown ends the string: strace adds no "..." then. */
	pr_str(f, blob_data(b), b->len, max,
	       SR_Q_OMIT_NUL | ((b->flags & SR_BF_TRUNC) ? SR_Q_ELLIPSIS : 0));
}

static void xattr_value_in_plan(const struct sr_sysent *ent, int argi, const struct sr_opts *o,
				struct sr_plan_arg *pa)
{
	xattr_buf_plan(o, true, pa);
}

/* setxattr: the value, its size in the next argument. */
static void xattr_value_in_print(struct sr_fmt *f, const struct sr_call *c, int argi)
{
	xattr_value(f, call__blob(c, argi, false), c->args[argi], c->args[argi + 1]);
}

const struct sr_decoder sr_dec_xattr_value_in = {
	.name = "xattr_value_in",
	.at_exit = false,
	.plan = xattr_value_in_plan,
	.print = xattr_value_in_print,
};

static void xattr_value_out_plan(const struct sr_sysent *ent, int argi, const struct sr_opts *o,
				 struct sr_plan_arg *pa)
{
	xattr_buf_plan(o, false, pa);
}

/* getxattr: the value the kernel wrote, as long as the return value says. */
static void xattr_value_out_print(struct sr_fmt *f, const struct sr_call *c, int argi)
{
	if (!c->has_exit || c->ret < 0) {
		fmt_ptr(f, c->args[argi]);
		return;
	}
	xattr_value(f, c->out[argi], c->args[argi], (uint64_t)c->ret);
}

const struct sr_decoder sr_dec_xattr_value_out = {
	.name = "xattr_value_out",
	.at_exit = true,
	.plan = xattr_value_out_plan,
	.print = xattr_value_out_print,
};

/* listxattr: NUL-separated names; the address for a size query (size 0). */
static void xattr_list_print(struct sr_fmt *f, const struct sr_call *c, int argi)
{
	if (!c->has_exit || c->ret < 0 || !c->args[argi + 1]) {
		fmt_ptr(f, c->args[argi]);
		return;
	}
	fmt_blob_str(f, c->out[argi], c->args[argi], fmt_strsize(f), 0);
}

const struct sr_decoder sr_dec_xattr_list = {
	.name = "xattr_list",
	.at_exit = true,
	.plan = xattr_value_out_plan,
	.print = xattr_list_print,
};
