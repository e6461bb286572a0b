// SPDX-License-Identifier: GPL-2.0
/*
 * Decoders: memfd_create's name and flags, as strace 6.1 prints them. The
 * name is read up to the kernel's limit, not -s (a name of that length at
 * the end of a mapping still prints); the huge page size in the flags is
 * spelled "30<<MFD_HUGE_SHIFT".
 */
#include <stdio.h>
#include <linux/limits.h>
#include <linux/memfd.h>

#include "decode/decode.h"
#include "cli/opts.h"

/*
 * The longest name the kernel takes: mm/memfd.c's MFD_NAME_MAX_LEN,
 * NAME_MAX less its "memfd:" prefix (neither is UAPI).
 */
#define SR_MFD_NAME_MAX (NAME_MAX - (sizeof("memfd:") - 1))

static void memfd_name_plan(const struct sr_sysent *ent, int argi, const struct sr_opts *o,
			    struct sr_plan_arg *pa)
{
	plan_str_upto(pa, o->strsize, SR_MFD_NAME_MAX + 1);
}

static void memfd_name_print(struct sr_fmt *f, const struct sr_call *c, int argi)
{
	fmt_str_upto(f, call__blob(c, argi, false), c->args[argi], SR_MFD_NAME_MAX + 1);
}

const struct sr_decoder sr_dec_memfd_name = {
	.name = "memfd_name",
	.plan = memfd_name_plan,
	.print = memfd_name_print,
};

/* "MFD_CLOEXEC|MFD_HUGETLB|30<<MFD_HUGE_SHIFT"; under -X raw the number alone. */
static void memfd_flags_print(struct sr_fmt *f, const struct sr_call *c, int argi)
{
	uint32_t v = (uint32_t)c->args[argi];
	uint32_t huge = v & ((uint32_t)MFD_HUGE_MASK << MFD_HUGE_SHIFT), flags = v & ~huge;
	uint64_t rest;
	char shift[24];

	if (!v) {
		pr_x(f, 0);
		return;
	}
	pr_bits_begin(f, v);
	rest = pr_bits_walk(f, &xlat_memfd_flags, flags, -1);
	if (rest)
		pr_bits_rest(f, SR_NUM_X, rest);
	if (rest && rest == flags && !huge)
		pr_xlat_default(f, xlat_memfd_flags.unknown);
	if (huge) {
		snprintf(shift, sizeof(shift), "%u<<", huge >> MFD_HUGE_SHIFT);
		pr_bit(f, shift, "MFD_HUGE_SHIFT");
	}
	pr_bits_end(f);
}

const struct sr_decoder sr_dec_memfd_flags = {
	.name = "memfd_flags",
	.print = memfd_flags_print,
};
