// SPDX-License-Identifier: GPL-2.0
/* Decoders: kexec_load's flags (the architecture, then flag bits). */
#include <linux/kexec.h>

#include "decode/decode.h"

static void kexec_load_flags_print(struct sr_fmt *f, const struct sr_call *c, int argi)
{
	/* an unsigned long: all 64 bits */
	fmt_enum_flags(f, &xlat_kexec_arch_values, KEXEC_ARCH_MASK, &xlat_kexec_load_flags,
		       c->args[argi]);
}

const struct sr_decoder sr_dec_kexec_load_flags = {
	.name = "kexec_load_flags",
	.at_exit = false,
	.print = kexec_load_flags_print,
};
