// SPDX-License-Identifier: GPL-2.0
/* Decoders: kexec_load's segments and flags (the architecture, then flag bits). */
#include <string.h>
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

/* struct kexec_segment: what to load, and where. */
static void kexec_segment_print(struct sr_fmt *f, const struct sr_call *c, int argi,
				const void *data, size_t len)
{
	struct kexec_segment seg;

	(void)c;
	(void)argi;
	(void)len;
	memcpy(&seg, data, sizeof(seg));
	pr_struct_begin(f);
	pr_field(f, "buf");
	fmt_ptr(f, (uint64_t)(uintptr_t)seg.buf);
	pr_field(f, "bufsz");
	pr_u(f, seg.bufsz);
	pr_field(f, "mem");
	fmt_ptr(f, (uint64_t)(uintptr_t)seg.mem);
	pr_field(f, "memsz");
	pr_u(f, seg.memsz);
	pr_struct_end(f);
}

/* More segments than the kernel takes print as their address. */
const struct sr_kind sr_kind_kexec_segment = {
	.name = "kexec_segment",
	.size = sizeof(struct kexec_segment),
	.max_elems = KEXEC_SEGMENT_MAX,
	.print = kexec_segment_print,
};
