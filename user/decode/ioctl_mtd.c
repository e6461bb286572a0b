// SPDX-License-Identifier: GPL-2.0
/*
 * Decoders: ioctls of MTD (raw flash) devices, mtd/mtd-abi.h, as strace 6.1
 * prints them: erase and OOB ranges, OTP regions, write requests at entry;
 * device information, OOB layouts and ECC statistics at exit. Rows of
 * struct sr_ioc (ioctl.h); ioctl.c looks requests up.
 */
#include <string.h>
#include <asm/ioctl.h>
#include <mtd/mtd-abi.h>

#include "decode/ioctl.h"

static const struct sr_ioc_field erase_fields[] = {
	IOF(struct erase_info_user, start, IOF_X, NULL),
	IOF(struct erase_info_user, length, IOF_X, NULL),
};
static SR_IOC_FIELDS(erase_desc, struct erase_info_user, erase_fields);

static const struct sr_ioc_field erase64_fields[] = {
	IOF(struct erase_info_user64, start, IOF_X, NULL),
	IOF(struct erase_info_user64, length, IOF_X, NULL),
};
static SR_IOC_FIELDS(erase64_desc, struct erase_info_user64, erase64_fields);

static const struct sr_ioc_field oob_fields[] = {
	IOF(struct mtd_oob_buf, start, IOF_X, NULL),
	IOF(struct mtd_oob_buf, length, IOF_X, NULL),
	IOF(struct mtd_oob_buf, ptr, IOF_ADDR, NULL),
};
static SR_IOC_FIELDS(oob_desc, struct mtd_oob_buf, oob_fields);

static const struct sr_ioc_field oob64_fields[] = {
	IOF(struct mtd_oob_buf64, start, IOF_X, NULL),
	IOF(struct mtd_oob_buf64, length, IOF_X, NULL),
	IOF(struct mtd_oob_buf64, usr_ptr, IOF_ADDR, NULL),
};
static SR_IOC_FIELDS(oob64_desc, struct mtd_oob_buf64, oob64_fields);

static const struct sr_ioc_field otp_info_fields[] = {
	IOF(struct otp_info, start, IOF_X, NULL),
	IOF(struct otp_info, length, IOF_X, NULL),
	IOF(struct otp_info, locked, IOF_U, NULL),
};
static SR_IOC_FIELDS(otp_info_desc, struct otp_info, otp_info_fields);

static const struct sr_ioc_field write_req_fields[] = {
	IOF(struct mtd_write_req, start, IOF_X, NULL),
	IOF(struct mtd_write_req, len, IOF_X, NULL),
	IOF(struct mtd_write_req, ooblen, IOF_X, NULL),
	IOF(struct mtd_write_req, usr_data, IOF_ADDR, NULL),
	IOF(struct mtd_write_req, usr_oob, IOF_ADDR, NULL),
	IOF(struct mtd_write_req, mode, IOF_ENUM, &xlat_mtd_mode_options),
};
static SR_IOC_FIELDS(write_req_desc, struct mtd_write_req, write_req_fields);

static const struct sr_ioc_field info_fields[] = {
	IOF(struct mtd_info_user, type, IOF_ENUM, &xlat_mtd_type_options),
	IOF(struct mtd_info_user, flags, IOF_FLAGS, &xlat_mtd_flags_options),
	IOF(struct mtd_info_user, size, IOF_X, NULL),
	IOF(struct mtd_info_user, erasesize, IOF_X, NULL),
	IOF(struct mtd_info_user, writesize, IOF_X, NULL),
	IOF(struct mtd_info_user, oobsize, IOF_X, NULL),
	IOF(struct mtd_info_user, padding, IOF_X, NULL),
};
static SR_IOC_FIELDS(info_desc, struct mtd_info_user, info_fields);

static const struct sr_ioc_field ecc_stats_fields[] = {
	IOF(struct mtd_ecc_stats, corrected, IOF_X, NULL),
	IOF(struct mtd_ecc_stats, failed, IOF_X, NULL),
	IOF(struct mtd_ecc_stats, badblocks, IOF_X, NULL),
	IOF(struct mtd_ecc_stats, bbtblocks, IOF_X, NULL),
};
static SR_IOC_FIELDS(ecc_stats_desc, struct mtd_ecc_stats, ecc_stats_fields);

/* "[0x1, 0x2, ...]": @n u32 in hex, cut at -s elements as strace's arrays. */
static void print_x32_array(struct sr_fmt *f, const uint8_t *p, size_t n)
{
	size_t i;

	pr_array_begin(f);
	for (i = 0; i < n && pr_array_elem(f, i); i++)
		pr_x(f, get32(p, i * sizeof(uint32_t)));
	pr_array_end(f);
}

/* MEMGETOOBSEL: struct nand_oobinfo, oobfree as pairs. */
static void print_oobinfo(struct sr_fmt *f, const struct sr_call *c, const uint8_t *p, size_t len)
{
	const struct nand_oobinfo *o = (const void *)p;
	const size_t pair = sizeof(o->oobfree[0]);
	size_t i;

	pr_struct_begin(f);
	pr_field(f, "useecc");
	fmt_enum(f, &xlat_mtd_nandecc_options, o->useecc);
	pr_field_x(f, "eccbytes", o->eccbytes);
	pr_field(f, "oobfree");
	pr_array_begin(f);
	for (i = 0; i < sizeof(o->oobfree) / pair && pr_array_elem(f, i); i++)
		print_x32_array(f, p + offsetof(struct nand_oobinfo, oobfree) + i * pair,
				pair / sizeof(uint32_t));
	pr_array_end(f);
	pr_field(f, "eccpos");
	print_x32_array(f, p + offsetof(struct nand_oobinfo, eccpos),
			sizeof(o->eccpos) / sizeof(o->eccpos[0]));
	pr_struct_end(f);
}

/* ECCGETLAYOUT: struct nand_ecclayout_user. */
static void print_ecclayout(struct sr_fmt *f, const struct sr_call *c, const uint8_t *p, size_t len)
{
	const struct nand_ecclayout_user *l = (const void *)p;
	size_t i;

	pr_struct_begin(f);
	pr_field_x(f, "eccbytes", l->eccbytes);
	pr_field(f, "eccpos");
	print_x32_array(f, p + offsetof(struct nand_ecclayout_user, eccpos),
			sizeof(l->eccpos) / sizeof(l->eccpos[0]));
	pr_field_x(f, "oobavail", l->oobavail);
	pr_field(f, "oobfree");
	pr_array_begin(f);
	for (i = 0; i < sizeof(l->oobfree) / sizeof(l->oobfree[0]) && pr_array_elem(f, i); i++) {
		pr_struct_begin(f);
		pr_field_x(f, "offset", l->oobfree[i].offset);
		pr_field_x(f, "length", l->oobfree[i].length);
		pr_struct_end(f);
	}
	pr_array_end(f);
	pr_struct_end(f);
}

/*
 * MEMGETREGIONINFO: the index the call reads, then after success what it
 * wrote, in one pair of braces.
 */
static void print_region_info(struct sr_fmt *f, const struct sr_call *c, const uint8_t *p,
			      size_t len)
{
	const size_t size = sizeof(struct region_info_user);
	const uint8_t *q = ioc_exit_copy(c, size, &len);

	pr_struct_begin(f);
	pr_field_x(f, "regionindex", get32(p, offsetof(struct region_info_user, regionindex)));
	if (q) {
		pr_field_x(f, "offset", get32(q, offsetof(struct region_info_user, offset)));
		pr_field_x(f, "erasesize", get32(q, offsetof(struct region_info_user, erasesize)));
		pr_field_x(f, "numblocks", get32(q, offsetof(struct region_info_user, numblocks)));
	}
	pr_struct_end(f);
}

static const struct sr_ioc_struct oobinfo_st = { sizeof(struct nand_oobinfo), print_oobinfo };
static const struct sr_ioc_struct ecclayout_st = { sizeof(struct nand_ecclayout_user),
						   print_ecclayout };
static const struct sr_ioc_struct region_info_st = { sizeof(struct region_info_user),
						     print_region_info };

static const struct sr_ioc mtd_table[] = {
	{ MEMERASE, IOA_FIELDS, false, &erase_desc },
	{ MEMLOCK, IOA_FIELDS, false, &erase_desc },
	{ MEMUNLOCK, IOA_FIELDS, false, &erase_desc },
	{ MEMISLOCKED, IOA_FIELDS, false, &erase_desc },
	{ MEMERASE64, IOA_FIELDS, false, &erase64_desc },
	{ MEMWRITEOOB, IOA_FIELDS, false, &oob_desc },
	{ MEMREADOOB, IOA_FIELDS, false, &oob_desc },
	{ MEMWRITEOOB64, IOA_FIELDS, false, &oob64_desc },
	{ MEMREADOOB64, IOA_FIELDS, false, &oob64_desc },
	{ MEMWRITE, IOA_FIELDS, false, &write_req_desc },
	{ OTPLOCK, IOA_FIELDS, false, &otp_info_desc },
	{ OTPGETREGIONINFO, IOA_FIELDS, true, &otp_info_desc },
	{ OTPSELECT, IOA_INT_ENUM, false, &xlat_mtd_otp_options },
	{ MTDFILEMODE, IOA_ENUM, false, &xlat_mtd_file_mode_options },
	{ MEMGETBADBLOCK, IOA_U64, false, NULL },
	{ MEMSETBADBLOCK, IOA_U64, false, NULL },
	{ MEMGETINFO, IOA_FIELDS, true, &info_desc },
	{ MEMGETOOBSEL, IOA_STRUCT, true, &oobinfo_st },
	{ ECCGETLAYOUT, IOA_STRUCT, true, &ecclayout_st },
	{ ECCGETSTATS, IOA_FIELDS, true, &ecc_stats_desc },
	{ OTPGETREGIONCOUNT, IOA_UINT, true, NULL },
	{ MEMGETREGIONCOUNT, IOA_INT, true, NULL },
	{ MEMGETREGIONINFO, IOA_INOUT, true, &region_info_st },
};

SR_IOC_ROWS(sr_ioc_rows_mtd, mtd_table);
