// SPDX-License-Identifier: GPL-2.0
/* Decoders: membarrier. */
#include <linux/membarrier.h>

#include "decode/decode.h"

/*
 * The command, its flags, and the CPU only when MEMBARRIER_CMD_FLAG_CPU asks
 * for one. MEMBARRIER_CMD_QUERY returns the commands supported, which strace
 * shows in hex with their names.
 */
static bool membarrier_is_query(const struct sr_call *c)
{
	return (int32_t)c->args[0] == MEMBARRIER_CMD_QUERY;
}

static void membarrier_enter(struct sr_fmt *f, const struct sr_call *c)
{
	uint32_t flags = (uint32_t)c->args[1];

	fmt_arg(f, c, 0);
	fmt_enum(f, &xlat_membarrier_cmd, (uint32_t)c->args[0]); /* cmd */
	fmt_arg(f, c, 1);
	fmt_flags(f, &xlat_membarrier_flags, flags); /* flags */
	if (!(flags & MEMBARRIER_CMD_FLAG_CPU))
		return;
	fmt_arg(f, c, 2);
	pr_d(f, (int32_t)c->args[2]); /* cpu_id */
}

static void membarrier_ret(struct sr_fmt *f, const struct sr_call *c)
{
	if (membarrier_is_query(c) && c->ret)
		pr_x(f, (uint64_t)c->ret);
	else
		pr_d(f, c->ret);
}

static void membarrier_ret_suffix(struct sr_fmt *f, const struct sr_call *c)
{
	if (!membarrier_is_query(c) || c->ret <= 0)
		return;
	pr_note_begin(f);
	pr_flags_bare(f, &xlat_membarrier_cmd, (uint64_t)c->ret);
	pr_note_end(f);
}

const struct sr_scdec sr_scdec_membarrier = {
	.name = "membarrier",
	.enter = membarrier_enter,
	.ret = membarrier_ret,
	.ret_suffix = membarrier_ret_suffix,
};
