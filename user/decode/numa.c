// SPDX-License-Identifier: GPL-2.0
/*
 * Decoders: NUMA memory policies (mbind, set_mempolicy, get_mempolicy,
 * migrate_pages), as strace's numa.c prints them. A nodemask is an array of
 * longs, maxnode bits long (less one, as the kernel reads it), each shown as
 * "%#016lx".
 */
#include <stdio.h>
#include <string.h>
#include <linux/mempolicy.h>

#include "decode/decode.h"
#include "cli/opts.h"

#define SR_NODEMASK_WORD sizeof(uint64_t) /* unsigned long */
#define SR_NODEMASK_BITS (8 * SR_NODEMASK_WORD)
/* "%#016lx": a word of the mask, zero-padded. */
#define SR_NODEMASK_WIDTH 16

/*
 * The nodemask is captured as maxnode words (64 times what it holds: a plan
 * has no "bits" length, and a mask of fewer than 64 nodes still takes a
 * word), up to the words -s shows and one more; a mask that ends a mapping
 * is cut at the page end, so the words before it print.
 */
static void nodemask_plan(const struct sr_opts *o, int argi, int maxnode, bool at_exit,
			  struct sr_plan *p)
{
	long cap = o->verbose ? SR_BLOB_MAX : SR_NODEMASK_WORD * ((long)o->strsize + 1);

	memset(&p->a[argi], 0, sizeof(p->a[argi]));
	p->a[argi].when = (at_exit ? SR_CAP_EXIT : SR_CAP_ENTER | SR_CAP_RETRY) | SR_CAP_PART;
	p->a[argi].how = SR_HOW_BUF;
	p->a[argi].len_src = SR_LEN_ARG;
	p->a[argi].len_arg = maxnode;
	p->a[argi].elem = SR_NODEMASK_WORD;
	p->a[argi].cap = cap > SR_BLOB_MAX ? SR_BLOB_MAX : cap;
}

static void nodemask_print(struct sr_fmt *f, const struct sr_call *c, int argi, uint64_t maxnode,
			   bool at_exit)
{
	uint64_t addr = c->args[argi], nmemb = (maxnode + SR_NODEMASK_BITS - 2) / SR_NODEMASK_BITS;
	const struct sr_blob *b = at_exit ? c->out[argi] : call__blob(c, argi, false);
	const uint8_t *p;
	size_t have, i;

	/* strace: no whole word, or a count that wrapped */
	if (nmemb < maxnode / SR_NODEMASK_BITS || (maxnode && !nmemb) || !addr) {
		fmt_ptr(f, addr);
		return;
	}
	if (!nmemb) {
		pr_array_begin(f);
		pr_array_end(f);
		return;
	}
	p = blob_get(b, SR_NODEMASK_WORD);
	if ((at_exit && (!c->has_exit || c->ret < 0)) || !p) {
		pr_x(f, addr);
		return;
	}
	have = b->len / SR_NODEMASK_WORD;
	pr_array_begin(f);
	for (i = 0; i < nmemb; i++) {
		/* as strace's print_array(): an element is read before -s cuts the array */
		if (i >= have && (b->flags & SR_BF_PART)) {
			fmt_more_unread(f, addr + i * SR_NODEMASK_WORD);
			break;
		}
		if (!pr_array_elem(f, i))
			break;
		if (i >= have) {
			pr_more(f);
			break;
		}
		pr_xw(f, get64(p, i * SR_NODEMASK_WORD), SR_NODEMASK_WIDTH);
	}
	pr_array_end(f);
}

/* The mode and its flags: "MPOL_BIND|MPOL_F_STATIC_NODES". */
static void mpol_mode_print(struct sr_fmt *f, uint64_t v)
{
	const uint64_t fmask = MPOL_F_STATIC_NODES | MPOL_F_RELATIVE_NODES | MPOL_F_NUMA_BALANCING;
	const char *mode = xlat__name(&xlat_mpol_mode, v & ~fmask);
	uint64_t rest;

	if (!(v & fmask)) {
		fmt_enum(f, &xlat_mpol_mode, v);
		return;
	}
	if (!mode) {
		fmt_flags(f, &xlat_mpol_mode_flags, v);
		return;
	}
	pr_bits_begin(f, v);
	pr_bit(f, NULL, mode);
	rest = pr_bits_walk(f, &xlat_mpol_mode_flags, v & fmask, -1);
	if (rest)
		pr_bits_rest(f, SR_NUM_X, rest);
	pr_bits_end(f);
}

/* mbind(addr, len, mode, nodemask, maxnode, flags) */
static void mbind_enter(struct sr_fmt *f, const struct sr_call *c)
{
	fmt_arg(f, c, 0);
	fmt_ptr(f, c->args[0]); /* addr */
	fmt_arg(f, c, 1);
	pr_u(f, c->args[1]); /* len */
	fmt_arg(f, c, 2);
	mpol_mode_print(f, c->args[2]); /* mode */
	fmt_arg(f, c, 3);
	nodemask_print(f, c, 3, c->args[4], false); /* nodemask */
	fmt_arg(f, c, 4);
	pr_u(f, c->args[4]); /* maxnode */
	fmt_arg(f, c, 5);
	fmt_flags(f, &xlat_mbind_flags, (uint32_t)c->args[5]); /* flags: unsigned int */
}

static void mbind_plan(const struct sr_sysent *ent, const struct sr_opts *o, struct sr_plan *p)
{
	nodemask_plan(o, 3, 4, false, p);
}

const struct sr_scdec sr_scdec_mbind = {
	.name = "mbind",
	.enter = mbind_enter,
	.plan = mbind_plan,
};

/* set_mempolicy(mode, nodemask, maxnode) */
static void set_mempolicy_enter(struct sr_fmt *f, const struct sr_call *c)
{
	fmt_arg(f, c, 0);
	mpol_mode_print(f, (uint32_t)c->args[0]); /* mode */
	fmt_arg(f, c, 1);
	nodemask_print(f, c, 1, c->args[2], false); /* nodemask */
	fmt_arg(f, c, 2);
	pr_u(f, c->args[2]); /* maxnode */
}

static void set_mempolicy_plan(const struct sr_sysent *ent, const struct sr_opts *o,
			       struct sr_plan *p)
{
	nodemask_plan(o, 1, 2, false, p);
}

const struct sr_scdec sr_scdec_set_mempolicy = {
	.name = "set_mempolicy",
	.enter = set_mempolicy_enter,
	.plan = set_mempolicy_plan,
};

/* get_mempolicy(mode, nodemask, maxnode, addr, flags): all shown at exit. */
static void get_mempolicy_enter(struct sr_fmt *f, const struct sr_call *c)
{
}

static void get_mempolicy_exit(struct sr_fmt *f, const struct sr_call *c)
{
	const uint8_t *mode = c->has_exit && c->ret >= 0 ? blob_get(c->out[0], sizeof(int32_t)) :
							   NULL;

	fmt_arg(f, c, 0);
	if (mode) {
		pr_array_begin(f);
		fmt_enum(f, &xlat_mpol_mode, get32(mode, 0));
		pr_array_end(f);
	} else {
		fmt_ptr(f, c->args[0]);
	}
	fmt_arg(f, c, 1);
	nodemask_print(f, c, 1, c->args[2], true); /* nodemask */
	fmt_arg(f, c, 2);
	pr_u(f, c->args[2]); /* maxnode */
	fmt_arg(f, c, 3);
	fmt_ptr(f, c->args[3]); /* addr */
	fmt_arg(f, c, 4);
	fmt_flags(f, &xlat_get_mempolicy_flags, c->args[4]); /* flags */
}

static void get_mempolicy_plan(const struct sr_sysent *ent, const struct sr_opts *o,
			       struct sr_plan *p)
{
	memset(&p->a[0], 0, sizeof(p->a[0]));
	p->a[0].when = SR_CAP_EXIT;
	p->a[0].how = SR_HOW_BUF;
	p->a[0].len_src = SR_LEN_FIXED;
	p->a[0].elem = sizeof(int32_t); /* int *mode */
	p->a[0].cap = sizeof(int32_t);
	nodemask_plan(o, 1, 2, true, p);
}

const struct sr_scdec sr_scdec_get_mempolicy = {
	.name = "get_mempolicy",
	.enter = get_mempolicy_enter,
	.exit = get_mempolicy_exit,
	.plan = get_mempolicy_plan,
};

/* migrate_pages(pid, maxnode, old_nodes, new_nodes) */
static void migrate_pages_enter(struct sr_fmt *f, const struct sr_call *c)
{
	fmt_arg(f, c, 0);
	fmt_pid(f, (int32_t)c->args[0]); /* pid */
	fmt_arg(f, c, 1);
	pr_u(f, c->args[1]); /* maxnode */
	fmt_arg(f, c, 2);
	nodemask_print(f, c, 2, c->args[1], false); /* old_nodes */
	fmt_arg(f, c, 3);
	nodemask_print(f, c, 3, c->args[1], false); /* new_nodes */
}

static void migrate_pages_plan(const struct sr_sysent *ent, const struct sr_opts *o,
			       struct sr_plan *p)
{
	nodemask_plan(o, 2, 1, false, p);
	nodemask_plan(o, 3, 1, false, p);
}

const struct sr_scdec sr_scdec_migrate_pages = {
	.name = "migrate_pages",
	.enter = migrate_pages_enter,
	.plan = migrate_pages_plan,
};

/* move_pages' pages: addresses. */
static void page_addr_print(struct sr_fmt *f, const struct sr_call *c, int argi, const void *data,
			    size_t len)
{
	fmt_ptr(f, get64(data, 0));
}

/* move_pages' nodes: ints. */
static void page_node_print(struct sr_fmt *f, const struct sr_call *c, int argi, const void *data,
			    size_t len)
{
	pr_d(f, (int32_t)get32(data, 0));
}

/* move_pages' status: a node, or a negated errno ("-EFAULT"). */
static void page_status_print(struct sr_fmt *f, const struct sr_call *c, int argi, const void *data,
			      size_t len)
{
	int32_t st = (int32_t)get32(data, 0);
	const char *n = st < 0 ? errno__name(-st) : NULL;
	char name[40];

	if (!n) {
		pr_d(f, st);
		return;
	}
	snprintf(name, sizeof(name), "-%s", n);
	pr_sym_fmt(f, name, (uint64_t)(int64_t)st, SR_NUM_D);
}

const struct sr_kind sr_kind_page_addr = { .name = "page_addr",
					   .size = sizeof(uint64_t),
					   .print = page_addr_print };
const struct sr_kind sr_kind_page_node = { .name = "page_node",
					   .size = sizeof(int32_t),
					   .print = page_node_print };
const struct sr_kind sr_kind_page_status = { .name = "page_status",
					     .size = sizeof(int32_t),
					     .print = page_status_print };
