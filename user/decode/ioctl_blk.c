// SPDX-License-Identifier: GPL-2.0
/*
 * Decoders: ioctls of block and storage devices, by subsystem, as strace 6.1
 * prints them: network block devices (nbd), file extent maps (fiemap), SCSI
 * generic (sg). Rows of struct sr_ioc (ioctl.h); ioctl.c looks requests up.
 */
#include <linux/fiemap.h>
#include <linux/fs.h>
#include <linux/nbd.h>
#include <scsi/sg.h>

#include "decode/ioctl.h"

/*
 * From the kernel's include/scsi/sg.h, which glibc's older <scsi/sg.h> lacks
 * (see user/table/xlat/ioctl_names_kernel.in and sg_scsi_reset.in).
 */
#ifndef SG_SCSI_RESET_NO_ESCALATE
#define SG_SCSI_RESET_NO_ESCALATE 0x100
#endif
#ifndef SG_GET_ACCESS_COUNT
#define SG_GET_ACCESS_COUNT 0x2289
#endif

/* FS_IOC_FIEMAP: the request part of struct fiemap (the extents are an output). */
static const struct sr_ioc_field fiemap_fields[] = {
	IOF(struct fiemap, fm_start, IOF_U, NULL),
	IOF(struct fiemap, fm_length, IOF_U, NULL),
	IOF(struct fiemap, fm_flags, IOF_FLAGS, &xlat_fiemap_flags),
	IOF(struct fiemap, fm_extent_count, IOF_U, NULL),
};
static SR_IOC_FIELDS(fiemap_desc, struct fiemap, fiemap_fields);

/* SG_SCSI_RESET: [SG_SCSI_RESET_NO_ESCALATE|SG_SCSI_RESET_DEVICE] */
static void print_sg_scsi_reset(struct sr_fmt *f, const struct sr_call *c, const uint8_t *p,
				size_t len)
{
	uint32_t v = get32(p, 0);

	pr_array_begin(f);
	if (v & SG_SCSI_RESET_NO_ESCALATE) {
		pr_bits_begin(f, v);
		pr_bit(f, NULL, "SG_SCSI_RESET_NO_ESCALATE");
		pr_bits_enum(f, &xlat_sg_scsi_reset, v & ~SG_SCSI_RESET_NO_ESCALATE);
		pr_bits_end(f);
	} else {
		fmt_enum(f, &xlat_sg_scsi_reset, v);
	}
	pr_array_end(f);
}

static const struct sr_ioc_struct sg_scsi_reset_st = { sizeof(int), print_sg_scsi_reset };

static const struct sr_ioc blk_table[] = {
	/* nbd: the argument itself, or none */
	{ NBD_SET_SOCK, IOA_FD, false, NULL },
	{ NBD_SET_BLKSIZE, IOA_UDEC, false, NULL },
	{ NBD_SET_SIZE, IOA_UDEC, false, NULL },
	{ NBD_SET_SIZE_BLOCKS, IOA_UDEC, false, NULL },
	{ NBD_SET_TIMEOUT, IOA_UDEC, false, NULL },
	{ NBD_SET_FLAGS, IOA_FLAGS, false, &xlat_nbd_flags },
	{ NBD_DO_IT, IOA_NONE, false, NULL },
	{ NBD_CLEAR_SOCK, IOA_NONE, false, NULL },
	{ NBD_CLEAR_QUE, IOA_NONE, false, NULL },
	{ NBD_PRINT_DEBUG, IOA_NONE, false, NULL },
	{ NBD_DISCONNECT, IOA_NONE, false, NULL },
	/* fiemap: the request at entry */
	{ FS_IOC_FIEMAP, IOA_FIELDS, false, &fiemap_desc },
	/* SCSI generic (scsi/sg.h): ints behind pointers */
	{ SG_GET_TIMEOUT, IOA_NONE, false, NULL },
	{ SG_SET_TIMEOUT, IOA_INT, false, NULL },
	{ SG_SET_COMMAND_Q, IOA_INT, false, NULL },
	{ SG_SET_RESERVED_SIZE, IOA_INT, false, NULL },
	{ SG_SET_FORCE_LOW_DMA, IOA_INT, false, NULL },
	{ SG_SET_FORCE_PACK_ID, IOA_INT, false, NULL },
	{ SG_SET_DEBUG, IOA_INT, false, NULL },
	{ SG_NEXT_CMD_LEN, IOA_INT, false, NULL },
	{ SG_SET_KEEP_ORPHAN, IOA_INT, false, NULL },
	{ SG_EMULATED_HOST, IOA_INT, true, NULL },
	{ SG_GET_TRANSFORM, IOA_INT, true, NULL },
	{ SG_GET_COMMAND_Q, IOA_INT, true, NULL },
	{ SG_GET_RESERVED_SIZE, IOA_INT, true, NULL },
	{ SG_GET_LOW_DMA, IOA_INT, true, NULL },
	{ SG_GET_PACK_ID, IOA_INT, true, NULL },
	{ SG_GET_NUM_WAITING, IOA_INT, true, NULL },
	{ SG_GET_SG_TABLESIZE, IOA_INT, true, NULL },
	{ SG_GET_VERSION_NUM, IOA_INT, true, NULL },
	{ SG_GET_KEEP_ORPHAN, IOA_INT, true, NULL },
	{ SG_GET_ACCESS_COUNT, IOA_INT, true, NULL },
	{ SG_SCSI_RESET, IOA_STRUCT, false, &sg_scsi_reset_st },
	/* structs strace decodes and sysray does not yet: the address */
	{ SG_GET_SCSI_ID, IOA_PTR, true, NULL },
	{ SG_GET_REQUEST_TABLE, IOA_PTR, true, NULL },
	{ SG_IO, IOA_PTR, false, NULL },
};

SR_IOC_ROWS(sr_ioc_rows_blk, blk_table);
