// SPDX-License-Identifier: GPL-2.0
/*
 * Decoders: the structs of device and file system ioctls, by subsystem, as
 * strace 6.1 prints them (counter, fs_x, the file requests of type 0x94
 * that btrfs introduced). ioctl.c looks requests up here.
 */
#include <stddef.h>
#include <string.h>
#include <linux/counter.h>
#include <linux/fs.h>

#include "decode/ioctl.h"

/* COUNTER_ADD_WATCH_IOCTL: {component={type=..., scope=..., parent=0, id=0}, event=..., channel=0} */
static void print_counter_watch(struct sr_fmt *f, const struct sr_call *c, const uint8_t *p,
				size_t len)
{
	const size_t cc = offsetof(struct counter_watch, component);

	pr_struct_begin(f);
	pr_field(f, "component");
	pr_struct_begin(f);
	pr_field(f, "type");
	fmt_enum(f, &xlat_counter_component_types,
		 p[cc + offsetof(struct counter_component, type)]);
	pr_field(f, "scope");
	fmt_enum(f, &xlat_counter_scopes, p[cc + offsetof(struct counter_component, scope)]);
	pr_field_u(f, "parent", p[cc + offsetof(struct counter_component, parent)]);
	pr_field_u(f, "id", p[cc + offsetof(struct counter_component, id)]);
	pr_struct_end(f);
	pr_field(f, "event");
	fmt_enum(f, &xlat_counter_event_types, p[offsetof(struct counter_watch, event)]);
	pr_field_u(f, "channel", p[offsetof(struct counter_watch, channel)]);
	pr_struct_end(f);
}

/* FITRIM: {start=0x..., len=..., minlen=...} */
static void print_fstrim_range(struct sr_fmt *f, const struct sr_call *c, const uint8_t *p,
			       size_t len)
{
	pr_struct_begin(f);
	pr_field_x(f, "start", get64(p, offsetof(struct fstrim_range, start)));
	pr_field_u(f, "len", get64(p, offsetof(struct fstrim_range, len)));
	pr_field_u(f, "minlen", get64(p, offsetof(struct fstrim_range, minlen)));
	pr_struct_end(f);
}

/* FS_IOC_FS[GS]ETXATTR: struct fsxattr; fsx_nextents only in what the kernel wrote. */
static void print_fsxattr(struct sr_fmt *f, const uint8_t *p, bool is_get)
{
	pr_struct_begin(f);
	pr_field(f, "fsx_xflags");
	fmt_flags(f, &xlat_fs_xflags, get32(p, offsetof(struct fsxattr, fsx_xflags)));
	pr_field_u(f, "fsx_extsize", get32(p, offsetof(struct fsxattr, fsx_extsize)));
	if (is_get)
		pr_field_u(f, "fsx_nextents", get32(p, offsetof(struct fsxattr, fsx_nextents)));
	pr_field_x(f, "fsx_projid", get32(p, offsetof(struct fsxattr, fsx_projid)));
	pr_field_u(f, "fsx_cowextsize", get32(p, offsetof(struct fsxattr, fsx_cowextsize)));
	pr_struct_end(f);
}

static void print_fsxattr_get(struct sr_fmt *f, const struct sr_call *c, const uint8_t *p,
			      size_t len)
{
	print_fsxattr(f, p, true);
}

static void print_fsxattr_set(struct sr_fmt *f, const struct sr_call *c, const uint8_t *p,
			      size_t len)
{
	print_fsxattr(f, p, false);
}

/* FICLONERANGE: {src_fd, src_offset, src_length, dest_offset} */
static void print_clone_range(struct sr_fmt *f, const struct sr_call *c, const uint8_t *p,
			      size_t len)
{
	const struct file_clone_range *r = (const void *)p;

	pr_struct_begin(f);
	pr_field(f, "src_fd");
	fmt_fd(f, c, (int32_t)r->src_fd);
	pr_field_u(f, "src_offset", r->src_offset);
	pr_field_u(f, "src_length", r->src_length);
	pr_field_u(f, "dest_offset", r->dest_offset);
	pr_struct_end(f);
}

/*
 * FIDEDUPERANGE's destinations, in the argument after its header (the
 * entry copy, or reference 0 when longer): {dest_fd, dest_offset} at entry,
 * {bytes_deduped, status} in what the call wrote; without -v two of them,
 * then "...".
 */
static void print_dedupe_info(struct sr_fmt *f, const struct sr_call *c, const uint8_t *p,
			      size_t len, bool out)
{
	const size_t hdr = offsetof(struct file_dedupe_range, info);
	const struct file_dedupe_range *r = (const void *)p;
	const uint64_t addr = c->args[2] + hdr;
	const uint8_t *all;
	size_t alen, i, n = r->dest_count;

	all = ioc_ref_copy(c, 0, out, &alen);
	if (all && alen > len) {
		p = all;
		len = alen;
	}
	pr_field(f, "info");
	if (!n) {
		pr_array_begin(f);
		pr_array_end(f);
		return;
	}
	if (len < hdr + sizeof(r->info[0])) {
		pr_addr(f, addr);
		return;
	}
	pr_array_begin(f);
	for (i = 0; i < n; i++) {
		struct file_dedupe_range_info in;

		if (hdr + (i + 1) * sizeof(in) > len) {
			fmt_more_unread(f, addr + i * sizeof(in));
			break;
		}
		if (!fmt_verbose(f) && i >= 2) {
			pr_more(f);
			break;
		}
		memcpy(&in, p + hdr + i * sizeof(in), sizeof(in));
		pr_struct_begin(f);
		if (out) {
			pr_field_u(f, "bytes_deduped", in.bytes_deduped);
			pr_field_d(f, "status", in.status);
		} else {
			pr_field(f, "dest_fd");
			fmt_fd(f, c, (int32_t)in.dest_fd);
			pr_field_u(f, "dest_offset", in.dest_offset);
		}
		pr_struct_end(f);
	}
	pr_array_end(f);
}

static void print_dedupe_in(struct sr_fmt *f, const struct sr_call *c, const uint8_t *p, size_t len)
{
	const struct file_dedupe_range *r = (const void *)p;

	pr_struct_begin(f);
	pr_field_u(f, "src_offset", r->src_offset);
	pr_field_u(f, "src_length", r->src_length);
	pr_field_u(f, "dest_count", r->dest_count);
	print_dedupe_info(f, c, p, len, false);
	pr_struct_end(f);
}

static void print_dedupe_out(struct sr_fmt *f, const struct sr_call *c, const uint8_t *p,
			     size_t len)
{
	pr_struct_begin(f);
	print_dedupe_info(f, c, p, len, true);
	pr_struct_end(f);
}

/* FS_IOC_[GS]ETFSLABEL: the label, up to its NUL */
static void print_fslabel(struct sr_fmt *f, const struct sr_call *c, const uint8_t *p, size_t len)
{
	ioc_print_cstr(f, (const char *)p, FSLABEL_MAX);
}

static const struct sr_ioc_struct clone_range_st = { sizeof(struct file_clone_range),
						     print_clone_range };
static const struct sr_ioc_struct dedupe_st = { sizeof(struct file_dedupe_range), print_dedupe_in,
						print_dedupe_out, SR_IOC_EXIT_OK };
static const struct sr_ioc_struct fslabel_st = { FSLABEL_MAX, print_fslabel };

static const struct sr_ioc_struct counter_watch_st = { sizeof(struct counter_watch),
						       print_counter_watch };
static const struct sr_ioc_struct fstrim_range_st = { sizeof(struct fstrim_range),
						      print_fstrim_range };
static const struct sr_ioc_struct fsxattr_get_st = { sizeof(struct fsxattr), print_fsxattr_get };
static const struct sr_ioc_struct fsxattr_set_st = { sizeof(struct fsxattr), print_fsxattr_set };

static const struct sr_ioc dev_table[] = {
	{ COUNTER_ADD_WATCH_IOCTL, IOA_STRUCT, false, &counter_watch_st },
	{ FITRIM, IOA_STRUCT, false, &fstrim_range_st },
	{ FS_IOC_FSGETXATTR, IOA_STRUCT, true, &fsxattr_get_st },
	{ FS_IOC_FSSETXATTR, IOA_STRUCT, false, &fsxattr_set_st },
	{ FICLONERANGE, IOA_STRUCT, false, &clone_range_st },
	{ FIDEDUPERANGE, IOA_STRUCT, false, &dedupe_st },
	{ FS_IOC_GETFSLABEL, IOA_STRUCT, true, &fslabel_st },
	{ FS_IOC_SETFSLABEL, IOA_STRUCT, false, &fslabel_st },
};

SR_IOC_ROWS(sr_ioc_rows_dev, dev_table);

static const struct sr_ioc_refrow dev_refs[] = {
	{ FIDEDUPERANGE,
	  { IOR_SELF_ELEMS(struct file_dedupe_range, dest_count, info, SR_BLOB_MAX) } },
};

SR_IOC_REFSET(sr_ioc_refs_dev, dev_refs);
