// SPDX-License-Identifier: GPL-2.0
/*
 * File modes and device numbers: mknod's arguments, and the printers stat.c
 * shares. The mode bits come from glibc's <sys/stat.h>, which this file
 * may include as it does not need the kernel's struct stat.
 */
#include <sys/stat.h>
#include <sys/sysmacros.h>

#include "decode/decode.h"
#include "decode/filemode.h"

void fmt_file_mode(struct sr_fmt *f, uint32_t mode)
{
	const char *ifmt = NULL;

	if (mode & S_IFMT) {
		ifmt = xlat__name(&xlat_file_types, mode & S_IFMT);
		if (!ifmt) {
			fmt_mode(f, mode);
			return;
		}
	}
	pr_bits_begin_fmt(f, mode, SR_NUM_O);
	if (ifmt)
		pr_bit(f, NULL, ifmt);
	if (mode & S_ISUID)
		pr_bit(f, NULL, "S_ISUID");
	if (mode & S_ISGID)
		pr_bit(f, NULL, "S_ISGID");
	if (mode & S_ISVTX)
		pr_bit(f, NULL, "S_ISVTX");
	pr_bits_rest(f, SR_NUM_O, mode & ~(uint32_t)(S_IFMT | S_ISUID | S_ISGID | S_ISVTX));
	pr_bits_end(f);
}

void fmt_dev(struct sr_fmt *f, uint64_t dev)
{
	/* -X raw: the number; -X verbose: the number, then makedev() in a comment */
	if (!pr_call_raw_begin(f, "makedev", dev))
		return;
	pr_x(f, major(dev));
	pr_x(f, minor(dev));
	pr_call_end(f);
}

bool mode_is_device(uint32_t mode)
{
	return S_ISCHR(mode) || S_ISBLK(mode);
}

static void mknod_mode_print(struct sr_fmt *f, const struct sr_call *c, int argi)
{
	fmt_file_mode(f, (uint16_t)c->args[argi]);
}

const struct sr_decoder sr_dec_mknod_mode = {
	.name = "mknod_mode",
	.at_exit = false,
	.print = mknod_mode_print,
};

/* The device number follows the mode, and only devices have one. */
static bool mknod_dev_present(const struct sr_call *c, int argi)
{
	return argi > 0 && mode_is_device((uint16_t)c->args[argi - 1]);
}

static void mknod_dev_print(struct sr_fmt *f, const struct sr_call *c, int argi)
{
	fmt_dev(f, (uint32_t)c->args[argi]);
}

const struct sr_decoder sr_dec_mknod_dev = {
	.name = "mknod_dev",
	.at_exit = false,
	.present = mknod_dev_present,
	.print = mknod_dev_print,
};

/* ustat's device: a 32-bit dev_t, as makedev() */
static void ustat_dev_print(struct sr_fmt *f, const struct sr_call *c, int argi)
{
	fmt_dev(f, (uint32_t)c->args[argi]);
}

const struct sr_decoder sr_dec_ustat_dev = {
	.name = "ustat_dev",
	.at_exit = false,
	.print = ustat_dev_print,
};
