// SPDX-License-Identifier: GPL-2.0
/*
 * Decoder: reboot's fourth argument, a command string only LINUX_REBOOT_CMD_RESTART2
 * reads: the kernel copies at most 255 bytes of it (a 256-byte buffer and its NUL).
 */
#include <linux/reboot.h>

#include "decode/decode.h"
#include "cli/opts.h"

/* kernel/reboot.c reads the command into char buffer[256] and ends it with a NUL */
#define SR_REBOOT_ARG_MAX (256 - 1)

static void reboot_arg_plan(const struct sr_sysent *ent, int argi, const struct sr_opts *o,
			    struct sr_plan_arg *pa)
{
	plan_str_upto(pa, o->strsize, SR_REBOOT_ARG_MAX);
}

static bool reboot_arg_present(const struct sr_call *c, int argi)
{
	return (uint32_t)c->args[argi - 1] == LINUX_REBOOT_CMD_RESTART2;
}

static void reboot_arg_print(struct sr_fmt *f, const struct sr_call *c, int argi)
{
	fmt_str_upto(f, call__blob(c, argi, false), c->args[argi], SR_REBOOT_ARG_MAX);
}

const struct sr_decoder sr_dec_reboot_arg = {
	.name = "reboot_arg",
	.plan = reboot_arg_plan,
	.present = reboot_arg_present,
	.print = reboot_arg_print,
};
