// SPDX-License-Identifier: GPL-2.0
/* Decoders: stat, statx and statfs results, statx's flags. */
#include <string.h>
#include <asm/stat.h>
#include <asm/statfs.h>
#include <linux/fcntl.h>
#include <linux/stat.h>

#include "decode/decode.h"
#include "decode/filemode.h"
#include "decode/timefmt.h"

/*
 * statfs f_flags: the kernel sets ST_VALID when the other bits mean
 * something. It is not in the UAPI headers (include/linux/statfs.h).
 */
#define SR_ST_VALID 0x0020

/* "st_atime=S /\* date *\/, st_atime_nsec=N" */
static void stat_time(struct sr_fmt *f, const char *name, const char *nsec_name, int64_t sec,
		      uint64_t nsec)
{
	pr_field_d(f, name, sec);
	fmt_time_comment(f, sec, nsec, 9);
	pr_field_u(f, nsec_name, nsec);
}

static void stat_head_verbose(struct sr_fmt *f, const struct stat *st)
{
	pr_field(f, "st_dev");
	fmt_dev(f, st->st_dev);
	pr_field_u(f, "st_ino", st->st_ino);
	pr_field(f, "st_mode");
	fmt_file_mode(f, st->st_mode);
	pr_field_u(f, "st_nlink", st->st_nlink);
	pr_field_u(f, "st_uid", st->st_uid);
	pr_field_u(f, "st_gid", st->st_gid);
	pr_field_u(f, "st_blksize", (uint64_t)st->st_blksize);
	pr_field_u(f, "st_blocks", (uint64_t)st->st_blocks);
}

static void stat_print(struct sr_fmt *f, const struct sr_call *c, int argi, const void *data,
		       size_t len)
{
	struct stat st;

	(void)c;
	(void)argi;
	(void)len;
	memcpy(&st, data, sizeof(st));
	pr_struct_begin(f);
	if (fmt_verbose(f)) {
		stat_head_verbose(f, &st);
	} else {
		pr_field(f, "st_mode");
		fmt_file_mode(f, st.st_mode);
	}
	if (mode_is_device(st.st_mode)) {
		pr_field(f, "st_rdev");
		fmt_dev(f, st.st_rdev);
	} else {
		pr_field_u(f, "st_size", (uint64_t)st.st_size);
	}
	if (!fmt_verbose(f)) {
		pr_more(f);
		pr_struct_end(f);
		return;
	}
	stat_time(f, "st_atime", "st_atime_nsec", (int64_t)st.st_atime, st.st_atime_nsec);
	stat_time(f, "st_mtime", "st_mtime_nsec", (int64_t)st.st_mtime, st.st_mtime_nsec);
	stat_time(f, "st_ctime", "st_ctime_nsec", (int64_t)st.st_ctime, st.st_ctime_nsec);
	pr_struct_end(f);
}

const struct sr_kind sr_kind_stat = {
	.name = "stat",
	.size = sizeof(struct stat),
	.max = 0,
	.print = stat_print,
};

/*
 * struct stat64 as an ia32 task's stat64, lstat64, fstat64 and fstatat64
 * fill it: <asm/stat.h>'s i386 declaration with its widths (a long is 32
 * bits, a long long 4-byte aligned), as the kernel's cp_new_stat64() writes it.
 */
struct sr_stat64_i386 {
	uint64_t st_dev;
	uint8_t pad0[4];
	uint32_t st_ino32;
	uint32_t st_mode;
	uint32_t st_nlink;
	uint32_t st_uid;
	uint32_t st_gid;
	uint64_t st_rdev;
	uint8_t pad3[4];
	int64_t st_size;
	uint32_t st_blksize;
	uint64_t st_blocks;
	uint32_t st_atime_, st_atime_nsec;
	uint32_t st_mtime_, st_mtime_nsec;
	uint32_t st_ctime_, st_ctime_nsec;
	uint64_t st_ino;
} __attribute__((packed));

_Static_assert(sizeof(struct sr_stat64_i386) == 96, "i386 struct stat64");

/* An ia32 struct stat64 printed as the native struct stat it holds. */
static void stat64_print(struct sr_fmt *f, const struct sr_call *c, int argi, const void *data,
			 size_t len)
{
	struct sr_stat64_i386 s;
	struct stat st = {};

	memcpy(&s, data, sizeof(s) < len ? sizeof(s) : len);
	st.st_dev = s.st_dev;
	st.st_ino = s.st_ino;
	st.st_mode = s.st_mode;
	st.st_nlink = s.st_nlink;
	st.st_uid = s.st_uid;
	st.st_gid = s.st_gid;
	st.st_rdev = s.st_rdev;
	st.st_size = s.st_size;
	st.st_blksize = s.st_blksize;
	st.st_blocks = s.st_blocks;
	st.st_atime = s.st_atime_;
	st.st_atime_nsec = s.st_atime_nsec;
	st.st_mtime = s.st_mtime_;
	st.st_mtime_nsec = s.st_mtime_nsec;
	st.st_ctime = s.st_ctime_;
	st.st_ctime_nsec = s.st_ctime_nsec;
	stat_print(f, c, argi, &st, sizeof(st));
}

const struct sr_kind sr_kind_stat64 = {
	.name = "stat64",
	.size = sizeof(struct sr_stat64_i386),
	.print = stat64_print,
	.same32 = true, /* an ia32 layout already */
};

/* "stx_atime={tv_sec=S, tv_nsec=N} /\* date *\/" when @bit is in the mask. */
static void statx_time(struct sr_fmt *f, const struct statx *stx, uint32_t bit, const char *name,
		       const struct statx_timestamp *t)
{
	if (!(stx->stx_mask & bit))
		return;
	pr_field(f, name);
	fmt_sec_nsec(f, t->tv_sec, t->tv_nsec);
	fmt_time_comment(f, t->tv_sec, t->tv_nsec, 9);
}

/* The fields strace shows only with -v, after stx_size. */
static void statx_tail(struct sr_fmt *f, const struct statx *stx)
{
	if (stx->stx_mask & STATX_BLOCKS)
		pr_field_u(f, "stx_blocks", stx->stx_blocks);
	pr_field(f, "stx_attributes_mask");
	fmt_flags(f, &xlat_statx_attrs, stx->stx_attributes_mask);
	statx_time(f, stx, STATX_ATIME, "stx_atime", &stx->stx_atime);
	statx_time(f, stx, STATX_BTIME, "stx_btime", &stx->stx_btime);
	statx_time(f, stx, STATX_CTIME, "stx_ctime", &stx->stx_ctime);
	statx_time(f, stx, STATX_MTIME, "stx_mtime", &stx->stx_mtime);
	pr_field_u(f, "stx_rdev_major", stx->stx_rdev_major);
	pr_field_u(f, "stx_rdev_minor", stx->stx_rdev_minor);
	pr_field_u(f, "stx_dev_major", stx->stx_dev_major);
	pr_field_u(f, "stx_dev_minor", stx->stx_dev_minor);
	if (stx->stx_mask & STATX_MNT_ID)
		pr_field_x(f, "stx_mnt_id", stx->stx_mnt_id);
	if (stx->stx_mask & STATX_DIOALIGN) {
		pr_field_u(f, "stx_dio_mem_align", stx->stx_dio_mem_align);
		pr_field_u(f, "stx_dio_offset_align", stx->stx_dio_offset_align);
	}
}

/* -v: link count and owners, between stx_attributes and stx_mode. */
static void statx_ids(struct sr_fmt *f, const struct statx *stx)
{
	if (stx->stx_mask & STATX_NLINK)
		pr_field_u(f, "stx_nlink", stx->stx_nlink);
	if (stx->stx_mask & STATX_UID)
		pr_field_id(f, "stx_uid", stx->stx_uid);
	if (stx->stx_mask & STATX_GID)
		pr_field_id(f, "stx_gid", stx->stx_gid);
}

static void statx_print(struct sr_fmt *f, const struct sr_call *c, int argi, const void *data,
			size_t len)
{
	struct statx stx;
	bool v = fmt_verbose(f);

	(void)c;
	(void)argi;
	(void)len;
	memcpy(&stx, data, sizeof(stx));
	pr_struct_begin(f);
	pr_field(f, "stx_mask");
	fmt_flags(f, &xlat_statx_mask, stx.stx_mask);
	if (v)
		pr_field_u(f, "stx_blksize", stx.stx_blksize);
	pr_field(f, "stx_attributes");
	fmt_flags(f, &xlat_statx_attrs, stx.stx_attributes);
	if (v)
		statx_ids(f, &stx);
	if (stx.stx_mask & (STATX_TYPE | STATX_MODE)) {
		pr_field(f, "stx_mode");
		fmt_file_mode(f, stx.stx_mode);
	}
	if (v && (stx.stx_mask & STATX_INO))
		pr_field_u(f, "stx_ino", stx.stx_ino);
	if (stx.stx_mask & STATX_SIZE)
		pr_field_u(f, "stx_size", stx.stx_size);
	if (v)
		statx_tail(f, &stx);
	else
		pr_more(f);
	pr_struct_end(f);
}

const struct sr_kind sr_kind_statx = {
	.name = "statx",
	.same32 = true, /* fixed-width fields */
	.size = sizeof(struct statx),
	.max = 0,
	.print = statx_print,
};

/* statx's flags: the sync type (a two-bit field, 0 named too), then AT_* bits. */
static void statx_flags_print(struct sr_fmt *f, const struct sr_call *c, int argi)
{
	uint32_t v = (uint32_t)c->args[argi], sync = v & AT_STATX_SYNC_TYPE;
	uint64_t rest;
	const char *zero = xlat__name(&xlat_at_statx_sync_types, 0);

	/* two parts, each its own number under -X raw and verbose */
	pr_bits_parts_begin(f, v);
	pr_bits_part(f, sync);
	if (!sync && zero)
		pr_bit(f, NULL, zero);
	rest = pr_bits_walk(f, &xlat_at_statx_sync_types, sync, -1);
	pr_bits_part(f, v & ~AT_STATX_SYNC_TYPE);
	rest |= pr_bits_walk(f, &xlat_at_flags, v & ~AT_STATX_SYNC_TYPE, -1);
	if (rest)
		pr_bits_rest(f, SR_NUM_X, rest);
	pr_bits_end(f);
}

const struct sr_decoder sr_dec_statx_flags = {
	.name = "statx_flags",
	.at_exit = false,
	.print = statx_flags_print,
};

/* f_type: a known magic by name, anything else in hex without comment. */
static void fs_magic(struct sr_fmt *f, uint64_t type)
{
	const char *n = xlat__name(&xlat_fs_magic, type);

	if (n)
		pr_sym(f, n, type);
	else
		pr_x(f, type);
}

static void statfs_print(struct sr_fmt *f, const struct sr_call *c, int argi, const void *data,
			 size_t len)
{
	struct statfs s;
	size_t i;

	(void)c;
	(void)argi;
	(void)len;
	memcpy(&s, data, sizeof(s));
	pr_struct_begin(f);
	pr_field(f, "f_type");
	fs_magic(f, s.f_type);
	pr_field_u(f, "f_bsize", s.f_bsize);
	pr_field_u(f, "f_blocks", s.f_blocks);
	pr_field_u(f, "f_bfree", s.f_bfree);
	pr_field_u(f, "f_bavail", s.f_bavail);
	pr_field_u(f, "f_files", s.f_files);
	pr_field_u(f, "f_ffree", s.f_ffree);
	pr_field(f, "f_fsid");
	pr_struct_begin(f);
	pr_field(f, "val");
	pr_array_begin(f);
	for (i = 0; i < 2 && pr_array_elem(f, i); i++)
		pr_x(f, (uint32_t)s.f_fsid.val[i]);
	pr_array_end(f);
	pr_struct_end(f);
	pr_field_u(f, "f_namelen", s.f_namelen);
	pr_field_u(f, "f_frsize", s.f_frsize);
	if (s.f_flags & SR_ST_VALID) {
		pr_field(f, "f_flags");
		fmt_flags(f, &xlat_statfs_flags, s.f_flags);
	}
	pr_struct_end(f);
}

const struct sr_kind sr_kind_statfs = {
	.name = "statfs",
	.size = sizeof(struct statfs),
	.max = 0,
	.print = statfs_print,
};
