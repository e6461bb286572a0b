// SPDX-License-Identifier: GPL-2.0
/*
 * Decoders: ioctls of block and storage devices, by subsystem, as strace 6.1
 * prints them: network block devices (nbd), file extent maps (fiemap), UBI
 * volumes, partitions (blkpg), block tracing (SCSI generic: ioctl_scsi.c). Rows of struct sr_ioc (ioctl.h); ioctl.c looks requests up.
 */
#include <string.h>
#include <linux/blkpg.h>
#include <linux/blktrace_api.h>
#include <linux/fiemap.h>
#include <linux/fs.h>
#include <linux/nbd.h>
#include <mtd/ubi-user.h>

#include "decode/ioctl.h"

/* FS_IOC_FIEMAP: the request part of struct fiemap (the extents are an output). */
static const struct sr_ioc_field fiemap_fields[] = {
	IOF(struct fiemap, fm_start, IOF_U, NULL),
	IOF(struct fiemap, fm_length, IOF_U, NULL),
	IOF(struct fiemap, fm_flags, IOF_FLAGS, &xlat_fiemap_flags),
	IOF(struct fiemap, fm_extent_count, IOF_U, NULL),
};
static SR_IOC_FIELDS(fiemap_desc, struct fiemap, fiemap_fields);

/* UBI (mtd/ubi-user.h) */
static const struct sr_ioc_field ubi_attach_fields[] = {
	IOF(struct ubi_attach_req, ubi_num, IOF_D, NULL),
	IOF(struct ubi_attach_req, mtd_num, IOF_D, NULL),
	IOF(struct ubi_attach_req, vid_hdr_offset, IOF_D, NULL),
	IOF(struct ubi_attach_req, max_beb_per1024, IOF_D, NULL),
};
static SR_IOC_FIELDS(ubi_attach_desc, struct ubi_attach_req, ubi_attach_fields);

static const struct sr_ioc_field ubi_leb_change_fields[] = {
	IOF(struct ubi_leb_change_req, lnum, IOF_D, NULL),
	IOF(struct ubi_leb_change_req, bytes, IOF_D, NULL),
	IOF(struct ubi_leb_change_req, dtype, IOF_ENUM, &xlat_ubi_data_types),
};
static SR_IOC_FIELDS(ubi_leb_change_desc, struct ubi_leb_change_req, ubi_leb_change_fields);

static const struct sr_ioc_field ubi_map_fields[] = {
	IOF(struct ubi_map_req, lnum, IOF_D, NULL),
	IOF(struct ubi_map_req, dtype, IOF_ENUM, &xlat_ubi_data_types),
};
static SR_IOC_FIELDS(ubi_map_desc, struct ubi_map_req, ubi_map_fields);

static const struct sr_ioc_field ubi_rsvol_fields[] = {
	IOF(struct ubi_rsvol_req, bytes, IOF_D, NULL),
	IOF(struct ubi_rsvol_req, vol_id, IOF_D, NULL),
};
static SR_IOC_FIELDS(ubi_rsvol_desc, struct ubi_rsvol_req, ubi_rsvol_fields);

static const struct sr_ioc_field ubi_prop_fields[] = {
	IOF(struct ubi_set_vol_prop_req, property, IOF_ENUM, &xlat_ubi_volume_props),
	IOF(struct ubi_set_vol_prop_req, value, IOF_X, NULL),
};
static SR_IOC_FIELDS(ubi_prop_desc, struct ubi_set_vol_prop_req, ubi_prop_fields);

/* A volume name: name_len bytes (0 to UBI_MAX_VOLUME_NAME), "..." unless a NUL ends them. */
static void print_ubi_name(struct sr_fmt *f, int16_t name_len, const char *name)
{
	int len = name_len < 0			 ? 0 :
		  name_len > UBI_MAX_VOLUME_NAME ? UBI_MAX_VOLUME_NAME :
						   name_len;

	pr_field_d(f, "name_len", name_len);
	pr_field(f, "name");
	ioc_print_cstr(f, name, len + 1);
}

/* UBI_IOCMKVOL */
static void print_ubi_mkvol(struct sr_fmt *f, const struct sr_call *c, const uint8_t *p, size_t len)
{
	struct ubi_mkvol_req r;

	memcpy(&r, p, sizeof(r));
	pr_struct_begin(f);
	pr_field_d(f, "vol_id", r.vol_id);
	pr_field_d(f, "alignment", r.alignment);
	pr_field_d(f, "bytes", r.bytes);
	pr_field(f, "vol_type");
	fmt_enum(f, &xlat_ubi_volume_types, (uint64_t)(int64_t)r.vol_type);
	pr_field(f, "flags");
	fmt_flags(f, &xlat_ubi_volume_flags, r.flags);
	print_ubi_name(f, r.name_len, r.name);
	pr_struct_end(f);
}

/*
 * UBI_IOCRNVOL's struct is larger than one blob: two ioctl references copy
 * it, its first SR_BLOB_MAX bytes and the rest.
 */
#define UBI_RNVOL_HEAD SR_BLOB_MAX
#define UBI_RNVOL_TAIL (sizeof(struct ubi_rnvol_req) - UBI_RNVOL_HEAD)
_Static_assert(sizeof(struct ubi_rnvol_req) > UBI_RNVOL_HEAD && UBI_RNVOL_TAIL <= SR_BLOB_MAX,
	       "struct ubi_rnvol_req takes two references");

/* The struct from its two parts, as far as they reach; the bytes gathered. */
static size_t ubi_rnvol_gather(const struct sr_call *c, struct ubi_rnvol_req *r)
{
	const uint8_t *head, *tail;
	size_t hlen, tlen;

	head = ioc_ref_copy(c, 0, false, &hlen);
	if (!head)
		return 0;
	hlen = hlen < UBI_RNVOL_HEAD ? hlen : UBI_RNVOL_HEAD;
	memcpy(r, head, hlen);
	tail = ioc_ref_copy(c, 1, false, &tlen);
	if (hlen < UBI_RNVOL_HEAD || !tail)
		return hlen;
	tlen = tlen < UBI_RNVOL_TAIL ? tlen : UBI_RNVOL_TAIL;
	memcpy((uint8_t *)r + UBI_RNVOL_HEAD, tail, tlen);
	return hlen + tlen;
}

/*
 * UBI_IOCRNVOL: count, then as many of the entries (up to UBI_MAX_RNVOL).
 * The entries shown must be in the copy, else the address prints.
 */
static void print_ubi_rnvol(struct sr_fmt *f, const struct sr_call *c, const uint8_t *p, size_t len)
{
	const size_t ent = sizeof(((struct ubi_rnvol_req *)0)->ents[0]);
	struct ubi_rnvol_req whole;
	const struct ubi_rnvol_req *r = (const void *)p;
	int32_t count = r->count;
	size_t i, n = count < 0 ? 0 : count > UBI_MAX_RNVOL ? UBI_MAX_RNVOL : count;
	size_t wlen = ubi_rnvol_gather(c, &whole);

	if (wlen > len) {
		r = &whole;
		len = wlen;
	}
	if (len < offsetof(struct ubi_rnvol_req, ents) + n * ent) {
		pr_addr(f, c->args[2]);
		return;
	}
	pr_struct_begin(f);
	pr_field_d(f, "count", count);
	pr_field(f, "ents");
	pr_array_begin(f);
	for (i = 0; i < n; i++) {
		pr_struct_begin(f);
		pr_field_d(f, "vol_id", r->ents[i].vol_id);
		print_ubi_name(f, r->ents[i].name_len, r->ents[i].name);
		pr_struct_end(f);
	}
	pr_array_end(f);
	pr_struct_end(f);
}

static const struct sr_ioc_struct ubi_mkvol_st = { sizeof(struct ubi_mkvol_req), print_ubi_mkvol };
static const struct sr_ioc_struct ubi_rnvol_st = { offsetof(struct ubi_rnvol_req, ents),
						   print_ubi_rnvol };

/* BLKPG: the partition its data points to (the reference's copy) */
static const struct sr_ioc_field blkpg_part_fields[] = {
	IOF(struct blkpg_partition, start, IOF_D, NULL),
	IOF(struct blkpg_partition, length, IOF_D, NULL),
	IOF(struct blkpg_partition, pno, IOF_D, NULL),
	IOF(struct blkpg_partition, devname, IOF_CSTR, NULL),
	IOF(struct blkpg_partition, volname, IOF_CSTR, NULL),
};
static SR_IOC_FIELDS(blkpg_part_desc, struct blkpg_partition, blkpg_part_fields);

/* BLKPG: {op=BLKPG_ADD_PARTITION, flags=0, datalen=152, data={start=0, ...}} */
static void print_blkpg(struct sr_fmt *f, const struct sr_call *c, const uint8_t *p, size_t len)
{
	struct blkpg_ioctl_arg a;
	const uint8_t *part;
	size_t plen;

	memcpy(&a, p, sizeof(a));
	pr_struct_begin(f);
	pr_field(f, "op");
	fmt_enum(f, &xlat_blkpg_ops, (uint32_t)a.op);
	pr_field_d(f, "flags", a.flags);
	pr_field_d(f, "datalen", a.datalen);
	pr_field(f, "data");
	part = ioc_ref_copy(c, 0, false, &plen);
	if (a.data && part && plen >= sizeof(struct blkpg_partition))
		ioc_print_fields(f, &blkpg_part_desc, part);
	else
		fmt_ptr(f, (uint64_t)(uintptr_t)a.data);
	pr_struct_end(f);
}

/* BLKTRACESETUP: the request, then the name the kernel chose after success. */
static void print_blk_trace_setup(struct sr_fmt *f, const struct sr_call *c, const uint8_t *p,
				  size_t len)
{
	struct blk_user_trace_setup b;
	const uint8_t *out;
	size_t olen;

	memcpy(&b, p, sizeof(b));
	pr_struct_begin(f);
	pr_field_u(f, "act_mask", b.act_mask);
	pr_field_u(f, "buf_size", b.buf_size);
	pr_field_u(f, "buf_nr", b.buf_nr);
	pr_field_u(f, "start_lba", b.start_lba);
	pr_field_u(f, "end_lba", b.end_lba);
	pr_field(f, "pid");
	fmt_pid(f, b.pid);
	out = ioc_exit_copy(c, sizeof(b), &olen);
	if (out) {
		pr_field(f, "name");
		ioc_print_cstr(f, (const char *)out + offsetof(struct blk_user_trace_setup, name),
			       BLKTRACE_BDEV_SIZE);
	}
	pr_struct_end(f);
}

static const struct sr_ioc_struct blkpg_st = { sizeof(struct blkpg_ioctl_arg), print_blkpg };
static const struct sr_ioc_struct blk_trace_setup_st = { sizeof(struct blk_user_trace_setup),
							 print_blk_trace_setup };

static const struct sr_ioc_refrow blk_refs[] = {
	{ UBI_IOCRNVOL, { IOR_PART(0, UBI_RNVOL_HEAD), IOR_PART(UBI_RNVOL_HEAD, UBI_RNVOL_TAIL) } },
	{ BLKPG, { IOR_PTR_FIXED(struct blkpg_ioctl_arg, data, sizeof(struct blkpg_partition)) } },
};

SR_IOC_REFSET(sr_ioc_refs_blk, blk_refs);

static const struct sr_ioc blk_table[] = {
	{ BLKPG, IOA_STRUCT, false, &blkpg_st },
	{ BLKTRACESETUP, IOA_INOUT, true, &blk_trace_setup_st },
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
	/* UBI */
	{ UBI_IOCVOLCRBLK, IOA_NONE, false, NULL },
	{ UBI_IOCVOLRMBLK, IOA_NONE, false, NULL },
	{ UBI_IOCDET, IOA_INT, false, NULL },
	{ UBI_IOCEBER, IOA_INT, false, NULL },
	{ UBI_IOCEBISMAP, IOA_INT, false, NULL },
	{ UBI_IOCEBUNMAP, IOA_INT, false, NULL },
	{ UBI_IOCRMVOL, IOA_INT, false, NULL },
	{ UBI_IOCRPEB, IOA_INT, false, NULL },
	{ UBI_IOCSPEB, IOA_INT, false, NULL },
	{ UBI_IOCVOLUP, IOA_LONG, false, NULL },
	{ UBI_IOCATT, IOA_FIELDS, false, &ubi_attach_desc },
	{ UBI_IOCEBCH, IOA_FIELDS, false, &ubi_leb_change_desc },
	{ UBI_IOCEBMAP, IOA_FIELDS, false, &ubi_map_desc },
	{ UBI_IOCRSVOL, IOA_FIELDS, false, &ubi_rsvol_desc },
	{ UBI_IOCSETVOLPROP, IOA_FIELDS, false, &ubi_prop_desc },
	{ UBI_IOCMKVOL, IOA_STRUCT, false, &ubi_mkvol_st },
	{ UBI_IOCRNVOL, IOA_STRUCT, false, &ubi_rnvol_st },
};

SR_IOC_ROWS(sr_ioc_rows_blk, blk_table);
