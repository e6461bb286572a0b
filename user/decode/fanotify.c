// SPDX-License-Identifier: GPL-2.0
/* Decoders: fanotify_init's flags (its notification class, then flag bits). */
#include <linux/fanotify.h>

#include "decode/decode.h"

static void fan_init_flags_print(struct sr_fmt *f, const struct sr_call *c, int argi)
{
	fmt_enum_flags(f, &xlat_fan_classes, FAN_ALL_CLASS_BITS, &xlat_fan_init_flags,
		       (uint32_t)c->args[argi]);
}

const struct sr_decoder sr_dec_fan_init_flags = {
	.name = "fan_init_flags",
	.at_exit = false,
	.print = fan_init_flags_print,
};
