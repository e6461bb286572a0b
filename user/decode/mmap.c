// SPDX-License-Identifier: GPL-2.0
/* Decoders: mappings (mmap's flags, mremap's new address, mincore's vector). */
#include <stdio.h>
#include <unistd.h>
#include <linux/mman.h>

#include "decode/decode.h"
#include "cli/opts.h"

/* Huge page size, log2, in bits 26..31 of mmap's flags. */
#define SR_MAP_HUGE_BITS ((uint64_t)MAP_HUGE_MASK << MAP_HUGE_SHIFT)

/* mmap flags: the mapping type first (MAP_PRIVATE), the flag bits, the huge page size. */
static void mmap_flags_print(struct sr_fmt *f, const struct sr_call *c, int argi)
{
	uint64_t v = c->args[argi], huge = v & SR_MAP_HUGE_BITS, rest;

	pr_bits_begin(f, v);
	pr_bits_enum(f, &xlat_mmap_type, v & MAP_TYPE);
	rest = pr_bits_walk(f, &xlat_mmap_flags, v & ~(uint64_t)MAP_TYPE & ~SR_MAP_HUGE_BITS, -1);
	if (rest)
		pr_bits_rest(f, SR_NUM_X, rest);
	if (huge) {
		char shift[24];

		/* "21<<MAP_HUGE_SHIFT": 2 MiB pages */
		snprintf(shift, sizeof(shift), "%llu<<",
			 (unsigned long long)(huge >> MAP_HUGE_SHIFT));
		pr_bit(f, shift, "MAP_HUGE_SHIFT");
	}
	pr_bits_end(f);
}

const struct sr_decoder sr_dec_mmap_flags = {
	.name = "mmap_flags",
	.at_exit = false,
	.print = mmap_flags_print,
};

/*
 * mmap2's offset (i386): in 4096-byte units whatever the page size (the
 * kernel's sys_mmap_pgoff), printed in bytes as strace does.
 */
#define SR_MMAP2_SHIFT 12

static void mmap_4koff_print(struct sr_fmt *f, const struct sr_call *c, int argi)
{
	pr_x(f, (uint64_t)(uint32_t)c->args[argi] << SR_MMAP2_SHIFT);
}

const struct sr_decoder sr_dec_mmap_4koff = {
	.name = "mmap_4koff",
	.print = mmap_4koff_print,
};

/* mremap's new_address only counts with both MREMAP_MAYMOVE and MREMAP_FIXED. */
static bool mremap_addr_present(const struct sr_call *c, int argi)
{
	uint64_t both = MREMAP_MAYMOVE | MREMAP_FIXED;

	return argi > 0 && (c->args[argi - 1] & both) == both;
}

static void mremap_addr_print(struct sr_fmt *f, const struct sr_call *c, int argi)
{
	fmt_ptr(f, c->args[argi]);
}

const struct sr_decoder sr_dec_mremap_addr = {
	.name = "mremap_addr",
	.at_exit = false,
	.present = mremap_addr_present,
	.print = mremap_addr_print,
};

/*
 * mincore's vector: one byte per page of the range. The plan cannot say
 * "pages in argument 1", so it reads -s + 1 bytes (fewer for a shorter
 * range), maybe more than the vector holds: one that ends just before an
 * unmapped page then faults, and prints as its address.
 */
static void mincore_vec_plan(const struct sr_sysent *ent, int argi, const struct sr_opts *o,
			     struct sr_plan_arg *pa)
{
	long cap = o->verbose ? SR_BLOB_MAX : (long)o->strsize + 1;

	/* after a success (strace shows a failed call's as its address), up to an unreadable page */
	pa->when = SR_CAP_EXIT | SR_CAP_PART;
	pa->how = SR_HOW_BUF;
	pa->len_src = SR_LEN_ARG;
	pa->len_arg = argi - 1;
	pa->elem = 1;
	pa->cap = cap < 1 ? 1 : cap > SR_BLOB_MAX ? SR_BLOB_MAX : cap;
}

/* "[1, 0, ...]": whether each page is resident (bit 0 of its byte). */
static void mincore_vec_print(struct sr_fmt *f, const struct sr_call *c, int argi)
{
	const struct sr_blob *b = c->has_exit ? c->out[argi] : NULL;
	long page = sysconf(_SC_PAGESIZE);
	uint64_t len = c->args[argi - 1], n, i;
	const uint8_t *v;

	if (!c->args[argi] || c->ret < 0 || !blob_ok(b) || page <= 0 || !fmt_decodes_structs(f)) {
		fmt_ptr(f, c->args[argi]);
		return;
	}
	v = blob_data(b);
	n = len / page + (len % page ? 1 : 0);
	pr_array_begin(f);
	for (i = 0; i < n; i++) {
		if (!pr_array_elem(f, i))
			break;
		if (i >= b->len) {
			if (b->flags & SR_BF_PART)
				fmt_more_unread(f, c->args[argi] + i);
			else
				pr_more(f);
			break;
		}
		pr_u(f, v[i] & 1);
	}
	pr_array_end(f);
}

const struct sr_decoder sr_dec_mincore_vec = {
	.name = "mincore_vec",
	.at_exit = true,
	.plan = mincore_vec_plan,
	.print = mincore_vec_print,
};
