// SPDX-License-Identifier: GPL-2.0
/* Decoders: swapon's flags, then the priority in the low bits, in decimal. */
#include <sys/swap.h>

#include "decode/decode.h"

static void swap_flags_print(struct sr_fmt *f, const struct sr_call *c, int argi)
{
	uint32_t v = (uint32_t)c->args[argi], prio = v & SWAP_FLAG_PRIO_MASK;
	uint32_t flags = v & ~(uint32_t)SWAP_FLAG_PRIO_MASK;
	uint64_t rest;

	if (!flags) {
		pr_u(f, prio);
		return;
	}
	/* "SWAP_FLAG_PREFER|42": the flags, then the priority even when 0 */
	pr_bits_parts_begin(f, v);
	pr_bits_part(f, flags);
	rest = pr_bits_walk(f, &xlat_swap_flags, flags, -1);
	if (rest)
		pr_bits_rest(f, SR_NUM_X, rest);
	if (rest == flags)
		pr_xlat_default(f, xlat_swap_flags.unknown);
	pr_bits_part(f, prio);
	pr_bits_rest(f, SR_NUM_U, prio);
	pr_bits_end(f);
}

const struct sr_decoder sr_dec_swap_flags = {
	.name = "swap_flags",
	.at_exit = false,
	.print = swap_flags_print,
};
