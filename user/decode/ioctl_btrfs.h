/* SPDX-License-Identifier: GPL-2.0 */
/*
 * btrfs ioctls (linux/btrfs.h): what ioctl_btrfs.c (the requests' rows and
 * their plain structs) and ioctl_btrfs_out.c (the structs with arrays,
 * containers or memory they point to) share.
 */
#ifndef SYSRAY_DECODE_IOCTL_BTRFS_H
#define SYSRAY_DECODE_IOCTL_BTRFS_H

#include <linux/btrfs.h>

#include "decode/ioctl.h"

/* A u64 that strace names when it is UINT64_MAX. */
void btrfs_u64(struct sr_fmt *f, uint64_t v);
void btrfs_field_u64(struct sr_fmt *f, const char *name, uint64_t v);
/* Field @name: its name in @x (in decimal under -X raw and verbose), else the number. */
void btrfs_xval_u(struct sr_fmt *f, const char *name, const struct sr_xlat *x, uint64_t v);
/* struct btrfs_qgroup_limit */
void btrfs_print_qgroup_lim(struct sr_fmt *f, const struct btrfs_qgroup_limit *l);
/* The entry copy of the call's argument, at least @size bytes, or NULL. */
const void *btrfs_entry(const struct sr_call *c, size_t size);
/* BTRFS_IOC_SNAP_CREATE_V2's struct at entry, and the inheritance it points to. */
void btrfs_print_vol_args_v2(struct sr_fmt *f, const struct sr_call *c, const uint8_t *p,
			     size_t len);

/* ioctl_btrfs_out.c */
extern const struct sr_ioc_struct btrfs_search_st, btrfs_search_v2_st, btrfs_send_st,
	btrfs_space_info_st, btrfs_ino_paths_st, btrfs_logical_ino_st;

#endif /* SYSRAY_DECODE_IOCTL_BTRFS_H */
