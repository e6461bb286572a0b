// SPDX-License-Identifier: GPL-2.0
/* Decoders: personality(2), "PER_LINUX|ADDR_NO_RANDOMIZE" as strace 6.1 prints it. */
#include <linux/personality.h>

#include "decode/decode.h"

/* personality(0xffffffff) changes nothing: it only asks for the current one. */
#define SR_PER_QUERY 0xffffffffu

/*
 * The execution domain in the low byte (PER_MASK), then flags; strace adds
 * no comment to flag bits it has no name for: "PER_LINUX|0x10000000".
 * Under -X raw and verbose each is a number of its own:
 * "0 /\* PER_LINUX *\/|0x7000000 /\* SHORT_INODE|... *\/".
 */
static void fmt_personality(struct sr_fmt *f, uint32_t v)
{
	uint32_t flags = v & ~(uint32_t)PER_MASK;
	uint64_t rest;

	pr_bits_parts_begin(f, v);
	pr_bits_part_xval(f, v & PER_MASK);
	pr_bits_enum(f, &xlat_personality_types, v & PER_MASK);
	if (flags)
		pr_bits_part(f, flags);
	rest = pr_bits_walk(f, &xlat_personality_flags, flags, -1);
	if (rest)
		pr_bits_rest(f, SR_NUM_X, rest);
	pr_bits_end(f);
}

static void personality_enter(struct sr_fmt *f, const struct sr_call *c)
{
	uint32_t v = (uint32_t)c->args[0];

	fmt_arg(f, c, 0);
	if (v == SR_PER_QUERY)
		pr_x(f, v);
	else
		fmt_personality(f, v);
}

/* "= 0x400000 (PER_LINUX|ADDR_NO_RANDOMIZE)": the previous personality. */
static void personality_ret(struct sr_fmt *f, const struct sr_call *c)
{
	pr_note_begin(f);
	fmt_personality(f, (uint32_t)c->ret);
	pr_note_end(f);
}

const struct sr_scdec sr_scdec_personality = {
	.name = "personality",
	.enter = personality_enter,
	.ret_suffix = personality_ret,
};
