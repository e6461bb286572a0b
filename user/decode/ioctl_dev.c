// SPDX-License-Identifier: GPL-2.0
/*
 * Decoders: the structs of device and file system ioctls, by subsystem, as
 * strace 6.1 prints them (counter, fs_x). ioctl.c looks requests up here.
 */
#include <stddef.h>
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
};

SR_IOC_ROWS(sr_ioc_rows_dev, dev_table);
