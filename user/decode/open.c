// SPDX-License-Identifier: GPL-2.0
/* Decoders: open's flags and mode, openat2's struct open_how. */
#include <string.h>
#include <linux/fcntl.h>
#include <linux/openat2.h>

#include "decode/decode.h"

/* open(2) flags: the access mode by name, then the flag bits: "O_RDONLY|O_CLOEXEC". */
static void open_modes(struct sr_fmt *f, uint64_t v)
{
	const char *acc = xlat__name(&xlat_open_access, v & O_ACCMODE);
	uint64_t rest;

	if (!acc) {
		fmt_flags(f, &xlat_open_flags, v);
		return;
	}
	pr_bits_begin(f, v);
	pr_bit(f, NULL, acc);
	rest = pr_bits_walk(f, &xlat_open_flags, v & ~(uint64_t)O_ACCMODE, -1);
	if (rest)
		pr_bits_rest(f, SR_NUM_X, rest);
	pr_bits_end(f);
}

/* openat2's how: shorter than the first version is not a struct at all. */
static void open_how_print(struct sr_fmt *f, const struct sr_call *c, int argi, const void *data,
			   size_t len)
{
	struct open_how how;

	if (len < sizeof(how) || c->args[argi + 1] < sizeof(how)) {
		pr_x(f, c->args[argi]);
		return;
	}
	memcpy(&how, data, sizeof(how));
	pr_struct_begin(f);
	pr_field(f, "flags");
	open_modes(f, how.flags);
	if ((how.flags & (O_CREAT | __O_TMPFILE)) || how.mode) {
		pr_field(f, "mode");
		fmt_mode(f, how.mode);
	}
	pr_field(f, "resolve");
	fmt_flags(f, &xlat_resolve_flags, how.resolve);
	fmt_struct_tail(f, data, len, sizeof(how), c->args[argi + 1]);
	pr_struct_end(f);
}

const struct sr_kind sr_kind_open_how = {
	.name = "open_how",
	.same32 = true, /* fixed-width fields */
	.size = 0,
	.max = SR_BLOB_MAX, /* a larger struct's tail too, when not all zero */
	.print = open_how_print,
	.ext = true,
};

static void open_flags_print(struct sr_fmt *f, const struct sr_call *c, int argi)
{
	open_modes(f, (uint32_t)c->args[argi]);
}

const struct sr_decoder sr_dec_open_flags = {
	.name = "open_flags",
	.at_exit = false,
	.print = open_flags_print,
};

/* The mode follows the flags, and only matters when a file may be created. */
static bool open_mode_present(const struct sr_call *c, int argi)
{
	return argi > 0 && (c->args[argi - 1] & (O_CREAT | __O_TMPFILE));
}

static void open_mode_print(struct sr_fmt *f, const struct sr_call *c, int argi)
{
	fmt_mode(f, (uint16_t)c->args[argi]);
}

const struct sr_decoder sr_dec_open_mode = {
	.name = "open_mode",
	.at_exit = false,
	.present = open_mode_present,
	.print = open_mode_print,
};
