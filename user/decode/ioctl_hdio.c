// SPDX-License-Identifier: GPL-2.0
/*
 * Decoders: the old IDE disk ioctls (HDIO_*, linux/hdreg.h), as strace 6.1
 * prints them: the geometry, a drive command and what the drive answered,
 * the settings read and written as unsigned longs. The HDIO requests strace
 * does not decode (HDIO_GET_QDMA, HDIO_DRIVE_TASK...) have no row: hex.
 */
#include <errno.h>
#include <stddef.h>
#include <linux/hdreg.h>

#include "decode/ioctl.h"

/* The bytes a drive command transfers per sector it counts. */
#define HDIO_SECTOR_SIZE 512

static const struct sr_ioc_field geometry_fields[] = {
	IOF(struct hd_geometry, heads, IOF_U, NULL),
	IOF(struct hd_geometry, sectors, IOF_U, NULL),
	IOF(struct hd_geometry, cylinders, IOF_U, NULL),
	IOF(struct hd_geometry, start, IOF_U, NULL),
};
static SR_IOC_FIELDS(geometry_desc, struct hd_geometry, geometry_fields);

static const struct sr_ioc_field drive_cmd_fields[] = {
	IOF(struct hd_drive_cmd_hdr, command, IOF_ENUM, &xlat_hdio_drive_cmds),
	IOF(struct hd_drive_cmd_hdr, sector_number, IOF_U, NULL),
	IOF(struct hd_drive_cmd_hdr, feature, IOF_U, NULL),
	IOF(struct hd_drive_cmd_hdr, sector_count, IOF_U, NULL),
};
static SR_IOC_FIELDS(drive_cmd_desc, struct hd_drive_cmd_hdr, drive_cmd_fields);

static void print_drive_cmd(struct sr_fmt *f, const struct sr_call *c, const uint8_t *p, size_t len)
{
	ioc_print_fields(f, &drive_cmd_desc, p);
}

/*
 * What the drive answered, over the command's 4 bytes: status, error, the
 * sector count, and the sectors read (in hex) when it counts any; their
 * address when the copy holds too few of them to show.
 */
static void print_drive_cmd_exit(struct sr_fmt *f, const struct sr_call *c, const uint8_t *p,
				 size_t len)
{
	const size_t hdr = sizeof(struct hd_drive_cmd_hdr);
	uint64_t want = (uint64_t)p[3] * HDIO_SECTOR_SIZE, have = len - hdr;

	pr_struct_begin(f);
	pr_field_x(f, "status", p[0]);
	pr_field_u(f, "error", p[1]);
	pr_field_u(f, "nsector", p[2]);
	if (want) {
		pr_field(f, "buf");
		if (have >= want || have > fmt_strsize(f))
			pr_str(f, p + hdr, have < want ? have : want, fmt_strsize(f), SR_Q_HEX);
		else
			pr_addr(f, c->args[2] + hdr);
	}
	pr_struct_end(f);
}

/* HDIO_DRIVE_RESET, HDIO_SCAN_HWIF: three ints, in hex. */
static void print_int3_hex(struct sr_fmt *f, const struct sr_call *c, const uint8_t *p, size_t len)
{
	size_t i;

	pr_array_begin(f);
	for (i = 0; i < 3; i++)
		pr_x(f, get32(p, i * sizeof(int32_t)));
	pr_array_end(f);
}

/*
 * The IDE_NICE_ bits, numbered in the table, as strace spells them:
 * "1 << IDE_NICE_1|0x10"; unknown bits in hex.
 */
static void print_nice(struct sr_fmt *f, uint64_t v)
{
	uint64_t rest = v;
	uint32_t i;

	if (!v) {
		pr_u(f, 0);
		return;
	}
	pr_bits_begin(f, v);
	for (i = 0; i < xlat_hdio_ide_nice.n; i++) {
		uint64_t bit = 1ull << xlat_hdio_ide_nice.ents[i].val;

		if (rest & bit) {
			pr_bit(f, "1 << ", xlat_hdio_ide_nice.ents[i].name);
			rest &= ~bit;
		}
	}
	if (rest)
		pr_bits_rest(f, SR_NUM_X, rest);
	pr_bits_end(f);
	if (rest == v)
		pr_xlat_default(f, xlat_hdio_ide_nice.unknown);
}

static void print_nice_arg(struct sr_fmt *f, const struct sr_call *c, const uint8_t *p, size_t len)
{
	print_nice(f, c->args[2]);
}

static void print_nice_ptr(struct sr_fmt *f, const struct sr_call *c, const uint8_t *p, size_t len)
{
	pr_array_begin(f);
	print_nice(f, get64(p, 0));
	pr_array_end(f);
}

static void print_busstate_ptr(struct sr_fmt *f, const struct sr_call *c, const uint8_t *p,
			       size_t len)
{
	pr_array_begin(f);
	fmt_enum(f, &xlat_hdio_busstates, get64(p, 0));
	pr_array_end(f);
}

/* HDIO_GET_IDENTITY and the older HDIO_OBSOLETE_IDENTITY: the bytes the drive gave. */
static void print_identity(struct sr_fmt *f, const struct sr_call *c, const uint8_t *p, size_t len)
{
	size_t want = (uint32_t)c->args[1] == HDIO_GET_IDENTITY ? 512 : 142;

	if (len < want && len <= fmt_strsize(f)) {
		pr_addr(f, c->args[2]);
		return;
	}
	pr_str(f, p, len < want ? len : want, fmt_strsize(f), 0);
}

static const struct sr_ioc_struct drive_cmd_st = { sizeof(struct hd_drive_cmd_hdr), print_drive_cmd,
						   print_drive_cmd_exit, EIO };
static const struct sr_ioc_struct int3_st = { 3 * sizeof(int32_t), print_int3_hex };
static const struct sr_ioc_struct nice_arg_st = { 0, print_nice_arg };
static const struct sr_ioc_struct nice_ptr_st = { sizeof(unsigned long), print_nice_ptr };
static const struct sr_ioc_struct busstate_st = { sizeof(unsigned long), print_busstate_ptr };
static const struct sr_ioc_struct identity_st = { 1, print_identity };

static const struct sr_ioc hdio_table[] = {
	{ HDIO_GETGEO, IOA_FIELDS, true, &geometry_desc },
	{ HDIO_DRIVE_CMD, IOA_STRUCT, false, &drive_cmd_st },
	{ HDIO_DRIVE_RESET, IOA_STRUCT, false, &int3_st },
	{ HDIO_SCAN_HWIF, IOA_STRUCT, false, &int3_st },
	{ HDIO_GET_32BIT, IOA_ULONG, true },
	{ HDIO_GET_ACOUSTIC, IOA_ULONG, true },
	{ HDIO_GET_ADDRESS, IOA_ULONG, true },
	{ HDIO_GET_DMA, IOA_ULONG, true },
	{ HDIO_GET_KEEPSETTINGS, IOA_ULONG, true },
	{ HDIO_GET_MULTCOUNT, IOA_ULONG, true },
	{ HDIO_GET_NOWERR, IOA_ULONG, true },
	{ HDIO_GET_UNMASKINTR, IOA_ULONG, true },
	{ HDIO_GET_WCACHE, IOA_ULONG, true },
	{ HDIO_GET_NICE, IOA_STRUCT, true, &nice_ptr_st },
	{ HDIO_GET_BUSSTATE, IOA_STRUCT, true, &busstate_st },
	{ HDIO_GET_IDENTITY, IOA_STRUCT, true, &identity_st },
	{ HDIO_OBSOLETE_IDENTITY, IOA_STRUCT, true, &identity_st },
	{ HDIO_SET_32BIT, IOA_UDEC, false },
	{ HDIO_SET_ACOUSTIC, IOA_UDEC, false },
	{ HDIO_SET_ADDRESS, IOA_UDEC, false },
	{ HDIO_SET_DMA, IOA_UDEC, false },
	{ HDIO_SET_KEEPSETTINGS, IOA_UDEC, false },
	{ HDIO_SET_MULTCOUNT, IOA_UDEC, false },
	{ HDIO_SET_NOWERR, IOA_UDEC, false },
	{ HDIO_SET_PIO_MODE, IOA_UDEC, false },
	{ HDIO_SET_UNMASKINTR, IOA_UDEC, false },
	{ HDIO_SET_WCACHE, IOA_UDEC, false },
	{ HDIO_UNREGISTER_HWIF, IOA_UDEC, false },
	{ HDIO_SET_NICE, IOA_VALUE, false, &nice_arg_st },
	{ HDIO_SET_BUSSTATE, IOA_ENUM, false, &xlat_hdio_busstates },
};

SR_IOC_ROWS(sr_ioc_rows_hdio, hdio_table);

/* HDIO_DRIVE_CMD: what the drive answered is shown after EIO too (exit_errno) */
static const struct sr_ioc_refrow hdio_refs[] = {
	{ HDIO_DRIVE_CMD, {}, SR_IOC_ANYRET },
};

SR_IOC_REFSET(sr_ioc_refs_hdio, hdio_refs);
