// SPDX-License-Identifier: GPL-2.0
/*
 * Decoders: btrfs ioctls (linux/btrfs.h), as strace 6.1 prints them. The
 * simple structs are field tables; the others print by function, inputs at
 * entry and, for the requests the call completes, " => {...}" after success.
 * The tree searches, containers and space arrays are in ioctl_btrfs_out.c.
 * Rows of struct sr_ioc (ioctl.h); ioctl.c looks requests up.
 */
#include <stdio.h>
#include <string.h>
#include <linux/btrfs.h>
#include <linux/btrfs_tree.h>

#include "decode/filemode.h"
#include "decode/ioctl.h"
#include "decode/ioctl_btrfs.h"
#include "decode/timefmt.h"

void btrfs_u64(struct sr_fmt *f, uint64_t v)
{
	if (v == UINT64_MAX)
		pr_sym_fmt(f, "UINT64_MAX", v, SR_NUM_U);
	else
		pr_u(f, v);
}

void btrfs_field_u64(struct sr_fmt *f, const char *name, uint64_t v)
{
	pr_field(f, name);
	btrfs_u64(f, v);
}

void btrfs_xval_u(struct sr_fmt *f, const char *name, const struct sr_xlat *x, uint64_t v)
{
	const char *s = xlat__name(x, v);

	pr_field(f, name);
	if (s)
		pr_sym_fmt(f, s, v, SR_NUM_U);
	else
		pr_u(f, v);
}

/* "01234567-89ab-cdef-fedc-ba9876543210", as strace's print_uuid() */
static void btrfs_uuid(struct sr_fmt *f, const char *name, const uint8_t *u)
{
	char s[40];

	snprintf(s, sizeof(s),
		 "%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x", u[0], u[1],
		 u[2], u[3], u[4], u[5], u[6], u[7], u[8], u[9], u[10], u[11], u[12], u[13], u[14],
		 u[15]);
	pr_field(f, name);
	pr_text(f, s);
}

static void btrfs_dev(struct sr_fmt *f, const char *name, uint64_t dev)
{
	pr_field(f, name);
	fmt_dev(f, dev);
}

static void btrfs_flags(struct sr_fmt *f, const char *name, const struct sr_xlat *x, uint64_t v)
{
	pr_field(f, name);
	fmt_flags(f, x, v);
}

static void btrfs_enum(struct sr_fmt *f, const char *name, const struct sr_xlat *x, uint64_t v)
{
	pr_field(f, name);
	fmt_enum(f, x, v);
}

/* The entry copy of an argument the exit part prints, or NULL. */
const void *btrfs_entry(const struct sr_call *c, size_t size)
{
	return blob_get(c->in[2], size);
}

/* BTRFS_IOC_SUBVOL_[GS]ETFLAGS: the u64 flags, bare */
static void print_subvol_flags(struct sr_fmt *f, const struct sr_call *c, const uint8_t *p,
			       size_t len)
{
	fmt_flags(f, &xlat_btrfs_snap_flags_v2, get64(p, 0));
}

static void print_balance_args(struct sr_fmt *f, const struct btrfs_balance_args *a)
{
	struct sr_xlat profiles = xlat_btrfs_space_info_flags;

	profiles.unknown = "BTRFS_BLOCK_GROUP_???";
	pr_struct_begin(f);
	btrfs_flags(f, "profiles", &profiles, a->profiles);
	btrfs_field_u64(f, "usage", a->usage);
	btrfs_dev(f, "devid", a->devid);
	btrfs_field_u64(f, "pstart", a->pstart);
	btrfs_field_u64(f, "pend", a->pend);
	btrfs_field_u64(f, "vstart", a->vstart);
	btrfs_field_u64(f, "vend", a->vend);
	btrfs_field_u64(f, "target", a->target);
	btrfs_flags(f, "flags", &xlat_btrfs_balance_args, a->flags);
	pr_struct_end(f);
}

/* struct btrfs_ioctl_balance_args; @out: with the state the kernel wrote */
static void print_balance(struct sr_fmt *f, const uint8_t *p, bool out)
{
	struct btrfs_ioctl_balance_args a;

	memcpy(&a, p, sizeof(a));
	pr_struct_begin(f);
	btrfs_flags(f, "flags", &xlat_btrfs_balance_flags, a.flags);
	if (out)
		btrfs_flags(f, "state", &xlat_btrfs_balance_state, a.state);
	if (a.flags & BTRFS_BALANCE_DATA) {
		pr_field(f, "data");
		print_balance_args(f, &a.data);
	}
	if (a.flags & BTRFS_BALANCE_METADATA) {
		pr_field(f, "meta");
		print_balance_args(f, &a.meta);
	}
	if (a.flags & BTRFS_BALANCE_SYSTEM) {
		pr_field(f, "sys");
		print_balance_args(f, &a.sys);
	}
	pr_struct_end(f);
}

static void print_balance_in(struct sr_fmt *f, const struct sr_call *c, const uint8_t *p,
			     size_t len)
{
	print_balance(f, p, false);
}

static void print_balance_out(struct sr_fmt *f, const struct sr_call *c, const uint8_t *p,
			      size_t len)
{
	print_balance(f, p, true);
}

/* BTRFS_IOC_DEFRAG_RANGE */
static void print_defrag_range(struct sr_fmt *f, const struct sr_call *c, const uint8_t *p,
			       size_t len)
{
	struct btrfs_ioctl_defrag_range_args a;

	memcpy(&a, p, sizeof(a));
	pr_struct_begin(f);
	pr_field_u(f, "start", a.start);
	btrfs_field_u64(f, "len", a.len);
	btrfs_flags(f, "flags", &xlat_btrfs_defrag_flags, a.flags);
	pr_field_u(f, "extent_thresh", a.extent_thresh);
	btrfs_enum(f, "compress_type", &xlat_btrfs_compress_types, a.compress_type);
	pr_struct_end(f);
}

/* BTRFS_IOC_DEV_INFO: {devid, uuid (unless zero)} => {uuid, bytes_used, total_bytes, path} */
static void print_dev_info_in(struct sr_fmt *f, const struct sr_call *c, const uint8_t *p,
			      size_t len)
{
	const struct btrfs_ioctl_dev_info_args *a = (const void *)p;

	pr_struct_begin(f);
	btrfs_dev(f, "devid", a->devid);
	if (!mem_all_zero(a->uuid, sizeof(a->uuid)))
		btrfs_uuid(f, "uuid", a->uuid);
	pr_struct_end(f);
}

static void print_dev_info_out(struct sr_fmt *f, const struct sr_call *c, const uint8_t *p,
			       size_t len)
{
	const struct btrfs_ioctl_dev_info_args *a = (const void *)p;

	pr_struct_begin(f);
	if (!mem_all_zero(a->uuid, sizeof(a->uuid)))
		btrfs_uuid(f, "uuid", a->uuid);
	pr_field_u(f, "bytes_used", a->bytes_used);
	pr_field_u(f, "total_bytes", a->total_bytes);
	pr_field(f, "path");
	ioc_print_cstr(f, (const char *)a->path, sizeof(a->path));
	pr_struct_end(f);
}

/* BTRFS_IOC_DEV_REPLACE: {cmd, start={...} for a start} => {result, status={...}} */
static void print_dev_replace_in(struct sr_fmt *f, const struct sr_call *c, const uint8_t *p,
				 size_t len)
{
	const struct btrfs_ioctl_dev_replace_args *a = (const void *)p;

	pr_struct_begin(f);
	btrfs_enum(f, "cmd", &xlat_btrfs_dev_replace_cmds, a->cmd);
	if (a->cmd == BTRFS_IOCTL_DEV_REPLACE_CMD_START) {
		pr_field(f, "start");
		pr_struct_begin(f);
		btrfs_dev(f, "srcdevid", a->start.srcdevid);
		btrfs_enum(f, "cont_reading_from_srcdev_mode",
			   &xlat_btrfs_cont_reading_from_srcdev_mode,
			   a->start.cont_reading_from_srcdev_mode);
		pr_field(f, "srcdev_name");
		ioc_print_cstr(f, (const char *)a->start.srcdev_name, sizeof(a->start.srcdev_name));
		pr_field(f, "tgtdev_name");
		ioc_print_cstr(f, (const char *)a->start.tgtdev_name, sizeof(a->start.tgtdev_name));
		pr_struct_end(f);
	}
	pr_struct_end(f);
}

static void print_replace_status(struct sr_fmt *f, const struct btrfs_ioctl_dev_replace_args *a)
{
	char pct[32];

	pr_struct_begin(f);
	btrfs_enum(f, "replace_state", &xlat_btrfs_dev_replace_state, a->status.replace_state);
	pr_field_u(f, "progress_1000", a->status.progress_1000);
	if (a->status.progress_1000 <= 1000) {
		snprintf(pct, sizeof(pct), "%u.%u%%", (unsigned int)a->status.progress_1000 / 10,
			 (unsigned int)a->status.progress_1000 % 10);
		pr_comment(f, pct);
	}
	pr_field_u(f, "time_started", a->status.time_started);
	fmt_time_comment(f, (int64_t)a->status.time_started, 0, 0);
	pr_field_u(f, "time_stopped", a->status.time_stopped);
	fmt_time_comment(f, (int64_t)a->status.time_stopped, 0, 0);
	pr_field_u(f, "num_write_errors", a->status.num_write_errors);
	pr_field_u(f, "num_uncorrectable_read_errors", a->status.num_uncorrectable_read_errors);
	pr_struct_end(f);
}

static void print_dev_replace_out(struct sr_fmt *f, const struct sr_call *c, const uint8_t *p,
				  size_t len)
{
	const struct btrfs_ioctl_dev_replace_args *a = (const void *)p;

	pr_struct_begin(f);
	btrfs_enum(f, "result", &xlat_btrfs_dev_replace_results, a->result);
	if (a->cmd == BTRFS_IOCTL_DEV_REPLACE_CMD_STATUS) {
		pr_field(f, "status");
		print_replace_status(f, a);
	}
	pr_struct_end(f);
}

static void print_features_one(struct sr_fmt *f, const struct btrfs_ioctl_feature_flags *ff)
{
	pr_struct_begin(f);
	btrfs_flags(f, "compat_flags", &xlat_btrfs_features_compat, ff->compat_flags);
	btrfs_flags(f, "compat_ro_flags", &xlat_btrfs_features_compat_ro, ff->compat_ro_flags);
	btrfs_flags(f, "incompat_flags", &xlat_btrfs_features_incompat, ff->incompat_flags);
	pr_struct_end(f);
}

/* BTRFS_IOC_GET_FEATURES: one set */
static void print_features(struct sr_fmt *f, const struct sr_call *c, const uint8_t *p, size_t len)
{
	print_features_one(f, (const void *)p);
}

/*
 * BTRFS_IOC_SET_FEATURES: [flags, mask]; BTRFS_IOC_GET_SUPPORTED_FEATURES:
 * three sets, each with its meaning in a comment.
 */
static void print_features_array(struct sr_fmt *f, const uint8_t *p, size_t n,
				 const char *const *notes)
{
	const struct btrfs_ioctl_feature_flags *ff = (const void *)p;
	size_t i;

	pr_array_begin(f);
	for (i = 0; i < n; i++) {
		print_features_one(f, &ff[i]);
		if (notes)
			pr_comment(f, notes[i]);
	}
	pr_array_end(f);
}

static void print_set_features(struct sr_fmt *f, const struct sr_call *c, const uint8_t *p,
			       size_t len)
{
	print_features_array(f, p, 2, NULL);
}

static void print_supported_features(struct sr_fmt *f, const struct sr_call *c, const uint8_t *p,
				     size_t len)
{
	static const char *const notes[] = { "supported", "safe to set", "safe to clear" };

	print_features_array(f, p, 3, notes);
}

/* BTRFS_IOC_FS_INFO */
static void print_fs_info(struct sr_fmt *f, const struct sr_call *c, const uint8_t *p, size_t len)
{
	const struct btrfs_ioctl_fs_info_args *a = (const void *)p;

	pr_struct_begin(f);
	pr_field_u(f, "max_id", a->max_id);
	pr_field_u(f, "num_devices", a->num_devices);
	btrfs_uuid(f, "fsid", a->fsid);
	pr_field_u(f, "nodesize", a->nodesize);
	pr_field_u(f, "sectorsize", a->sectorsize);
	pr_field_u(f, "clone_alignment", a->clone_alignment);
	if (a->flags & BTRFS_FS_INFO_FLAG_CSUM_INFO) {
		btrfs_enum(f, "csum_type", &xlat_btrfs_csum_types, a->csum_type);
		pr_field_u(f, "csum_size", a->csum_size);
	}
	btrfs_flags(f, "flags", &xlat_btrfs_fs_info_flags, a->flags);
	if (a->flags & BTRFS_FS_INFO_FLAG_GENERATION)
		pr_field_u(f, "generation", a->generation);
	if (a->flags & BTRFS_FS_INFO_FLAG_METADATA_UUID)
		btrfs_uuid(f, "metadata_uuid", a->metadata_uuid);
	pr_struct_end(f);
}

/* "[BTRFS_DEV_STAT_READ_ERRS]=": value @i's index, by name in the -X style */
static void print_stat_index(struct sr_fmt *f, uint64_t i)
{
	const char *name = xlat__name(&xlat_btrfs_dev_stats_values, i);
	char label[64];

	if (name && fmt_xlat_abbrev(f))
		snprintf(label, sizeof(label), "[%s]", name);
	else if (name && !fmt_xlat_raw(f))
		snprintf(label, sizeof(label), "[%llu /* %s */]", (unsigned long long)i, name);
	else
		snprintf(label, sizeof(label), "[%llu]", (unsigned long long)i);
	pr_field(f, label);
}

/* BTRFS_IOC_GET_DEV_STATS: {devid, nr_items, flags} => {nr_items, flags, [[NAME]=N, ...]} */
static void print_dev_stats(struct sr_fmt *f, const struct btrfs_ioctl_get_dev_stats *a, bool in)
{
	const size_t max = sizeof(a->values) / sizeof(a->values[0]);
	uint64_t i;

	pr_struct_begin(f);
	if (in)
		btrfs_dev(f, "devid", a->devid);
	pr_field_u(f, "nr_items", a->nr_items);
	btrfs_flags(f, "flags", &xlat_btrfs_dev_stats_flags, a->flags);
	if (!in) {
		pr_array_begin(f);
		for (i = 0; i < a->nr_items; i++) {
			if (i >= max) {
				pr_more(f);
				break;
			}
			print_stat_index(f, i);
			pr_u(f, a->values[i]);
		}
		pr_array_end(f);
	}
	pr_struct_end(f);
}

static void print_dev_stats_in(struct sr_fmt *f, const struct sr_call *c, const uint8_t *p,
			       size_t len)
{
	print_dev_stats(f, (const void *)p, true);
}

static void print_dev_stats_out(struct sr_fmt *f, const struct sr_call *c, const uint8_t *p,
				size_t len)
{
	print_dev_stats(f, (const void *)p, false);
}

/* BTRFS_IOC_INO_LOOKUP: {treeid, objectid} => {treeid when it was 0, name} */
static void print_ino_lookup_in(struct sr_fmt *f, const struct sr_call *c, const uint8_t *p,
				size_t len)
{
	const struct btrfs_ioctl_ino_lookup_args *a = (const void *)p;

	pr_struct_begin(f);
	btrfs_xval_u(f, "treeid", &xlat_btrfs_tree_objectids, a->treeid);
	btrfs_xval_u(f, "objectid", &xlat_btrfs_tree_objectids, a->objectid);
	pr_struct_end(f);
}

static void print_ino_lookup_out(struct sr_fmt *f, const struct sr_call *c, const uint8_t *p,
				 size_t len)
{
	const struct btrfs_ioctl_ino_lookup_args *a = (const void *)p;
	const struct btrfs_ioctl_ino_lookup_args *in = btrfs_entry(c, sizeof(*in));

	pr_struct_begin(f);
	if (in && !in->treeid)
		btrfs_xval_u(f, "treeid", &xlat_btrfs_tree_objectids, a->treeid);
	pr_field(f, "name");
	ioc_print_cstr(f, a->name, sizeof(a->name));
	pr_struct_end(f);
}

/* BTRFS_IOC_QGROUP_LIMIT */
static void print_qgroup_limit(struct sr_fmt *f, const struct sr_call *c, const uint8_t *p,
			       size_t len)
{
	const struct btrfs_ioctl_qgroup_limit_args *a = (const void *)p;

	pr_struct_begin(f);
	pr_field_u(f, "qgroupid", a->qgroupid);
	pr_field(f, "lim");
	btrfs_print_qgroup_lim(f, &a->lim);
	pr_struct_end(f);
}

void btrfs_print_qgroup_lim(struct sr_fmt *f, const struct btrfs_qgroup_limit *l)
{
	pr_struct_begin(f);
	btrfs_flags(f, "flags", &xlat_btrfs_qgroup_limit_flags, l->flags);
	pr_field_u(f, "max_rfer", l->max_rfer);
	pr_field_u(f, "max_excl", l->max_excl);
	pr_field_u(f, "rsv_rfer", l->rsv_rfer);
	pr_field_u(f, "rsv_excl", l->rsv_excl);
	pr_struct_end(f);
}

/* BTRFS_IOC_QUOTA_RESCAN_STATUS */
static void print_rescan_status(struct sr_fmt *f, const struct sr_call *c, const uint8_t *p,
				size_t len)
{
	const struct btrfs_ioctl_quota_rescan_args *a = (const void *)p;

	pr_struct_begin(f);
	pr_field_u(f, "flags", a->flags);
	btrfs_xval_u(f, "progress", &xlat_btrfs_tree_objectids, a->progress);
	pr_struct_end(f);
}

/* {sec=S, nsec=N} and the date in a comment */
static void print_btrfs_timespec(struct sr_fmt *f, const char *name,
				 const struct btrfs_ioctl_timespec *t)
{
	pr_field(f, name);
	pr_struct_begin(f);
	pr_field_u(f, "sec", t->sec);
	pr_field_u(f, "nsec", t->nsec);
	pr_struct_end(f);
	fmt_time_comment(f, (int64_t)t->sec, t->nsec, 9);
}

/* BTRFS_IOC_SET_RECEIVED_SUBVOL: {uuid, stransid, stime, flags} => {rtransid, rtime} */
static void print_received_in(struct sr_fmt *f, const struct sr_call *c, const uint8_t *p,
			      size_t len)
{
	const struct btrfs_ioctl_received_subvol_args *a = (const void *)p;

	pr_struct_begin(f);
	btrfs_uuid(f, "uuid", (const uint8_t *)a->uuid);
	pr_field_u(f, "stransid", a->stransid);
	print_btrfs_timespec(f, "stime", &a->stime);
	pr_field_u(f, "flags", a->flags);
	pr_struct_end(f);
}

static void print_received_out(struct sr_fmt *f, const struct sr_call *c, const uint8_t *p,
			       size_t len)
{
	const struct btrfs_ioctl_received_subvol_args *a = (const void *)p;

	pr_struct_begin(f);
	pr_field_u(f, "rtransid", a->rtransid);
	print_btrfs_timespec(f, "rtime", &a->rtime);
	pr_struct_end(f);
}

/* BTRFS_IOC_SCRUB and BTRFS_IOC_SCRUB_PROGRESS: {devid[, start, end, flags]} => {progress} */
static void print_scrub_in(struct sr_fmt *f, const struct sr_call *c, const uint8_t *p, size_t len)
{
	const struct btrfs_ioctl_scrub_args *a = (const void *)p;

	pr_struct_begin(f);
	btrfs_dev(f, "devid", a->devid);
	if ((uint32_t)c->args[1] == BTRFS_IOC_SCRUB) {
		pr_field_u(f, "start", a->start);
		btrfs_field_u64(f, "end", a->end);
		btrfs_flags(f, "flags", &xlat_btrfs_scrub_flags, a->flags);
	}
	pr_struct_end(f);
}

static void print_scrub_out(struct sr_fmt *f, const struct sr_call *c, const uint8_t *p, size_t len)
{
	const struct btrfs_scrub_progress *s =
		&((const struct btrfs_ioctl_scrub_args *)p)->progress;

	pr_struct_begin(f);
	pr_field(f, "progress");
	pr_struct_begin(f);
	pr_field_u(f, "data_extents_scrubbed", s->data_extents_scrubbed);
	pr_field_u(f, "tree_extents_scrubbed", s->tree_extents_scrubbed);
	pr_field_u(f, "data_bytes_scrubbed", s->data_bytes_scrubbed);
	pr_field_u(f, "tree_bytes_scrubbed", s->tree_bytes_scrubbed);
	pr_field_u(f, "read_errors", s->read_errors);
	pr_field_u(f, "csum_errors", s->csum_errors);
	pr_field_u(f, "verify_errors", s->verify_errors);
	pr_field_u(f, "no_csum", s->no_csum);
	pr_field_u(f, "csum_discards", s->csum_discards);
	pr_field_u(f, "super_errors", s->super_errors);
	pr_field_u(f, "malloc_errors", s->malloc_errors);
	pr_field_u(f, "uncorrectable_errors", s->uncorrectable_errors);
	pr_field_u(f, "corrected_errors", s->corrected_errors);
	pr_field_u(f, "last_physical", s->last_physical);
	pr_field_u(f, "unverified_errors", s->unverified_errors);
	pr_struct_end(f);
	pr_struct_end(f);
}

/* BTRFS_IOC_SNAP_CREATE and the other requests of struct btrfs_ioctl_vol_args */
static void print_vol_args(struct sr_fmt *f, const struct sr_call *c, const uint8_t *p, size_t len)
{
	const struct btrfs_ioctl_vol_args *a = (const void *)p;

	pr_struct_begin(f);
	pr_field(f, "fd");
	fmt_fd(f, c, (int32_t)a->fd);
	pr_field(f, "name");
	ioc_print_cstr(f, a->name, sizeof(a->name));
	pr_struct_end(f);
}

/* BTRFS_IOC_SNAP_CREATE_V2, BTRFS_IOC_SUBVOL_CREATE_V2: => {transid} */
static void print_vol_args_v2_out(struct sr_fmt *f, const struct sr_call *c, const uint8_t *p,
				  size_t len)
{
	pr_struct_begin(f);
	pr_field_u(f, "transid", ((const struct btrfs_ioctl_vol_args_v2 *)p)->transid);
	pr_struct_end(f);
}

/* a struct printed by @in at entry and, if any, by @out after success */
#define ST(name, type, in, out, err) \
	static const struct sr_ioc_struct name = { sizeof(type), in, out, err, NULL }
#define ST_IN(name, type, in)	      ST(name, type, in, NULL, 0)
#define ST_INOUT(name, type, in, out) ST(name, type, in, out, SR_IOC_EXIT_OK)
ST_IN(subvol_flags_st, uint64_t, print_subvol_flags);
ST_INOUT(balance_st, struct btrfs_ioctl_balance_args, print_balance_in, print_balance_out);
ST_IN(balance_progress_st, struct btrfs_ioctl_balance_args, print_balance_out);
ST_IN(defrag_range_st, struct btrfs_ioctl_defrag_range_args, print_defrag_range);
ST_INOUT(dev_info_st, struct btrfs_ioctl_dev_info_args, print_dev_info_in, print_dev_info_out);
ST_INOUT(dev_replace_st, struct btrfs_ioctl_dev_replace_args, print_dev_replace_in,
	 print_dev_replace_out);
ST_IN(features_st, struct btrfs_ioctl_feature_flags, print_features);
ST_IN(set_features_st, struct btrfs_ioctl_feature_flags[2], print_set_features);
ST_IN(supported_features_st, struct btrfs_ioctl_feature_flags[3], print_supported_features);
ST_IN(fs_info_st, struct btrfs_ioctl_fs_info_args, print_fs_info);
ST_INOUT(dev_stats_st, struct btrfs_ioctl_get_dev_stats, print_dev_stats_in, print_dev_stats_out);
ST_INOUT(ino_lookup_st, struct btrfs_ioctl_ino_lookup_args, print_ino_lookup_in,
	 print_ino_lookup_out);
ST_IN(qgroup_limit_st, struct btrfs_ioctl_qgroup_limit_args, print_qgroup_limit);
ST_IN(rescan_status_st, struct btrfs_ioctl_quota_rescan_args, print_rescan_status);
ST_INOUT(received_st, struct btrfs_ioctl_received_subvol_args, print_received_in,
	 print_received_out);
ST_INOUT(scrub_st, struct btrfs_ioctl_scrub_args, print_scrub_in, print_scrub_out);
ST_IN(vol_args_st, struct btrfs_ioctl_vol_args, print_vol_args);
ST_INOUT(vol_args_v2_st, struct btrfs_ioctl_vol_args_v2, btrfs_print_vol_args_v2,
	 print_vol_args_v2_out);

static const struct sr_ioc_field qgroup_assign_fields[] = {
	IOF(struct btrfs_ioctl_qgroup_assign_args, assign, IOF_U, NULL),
	IOF(struct btrfs_ioctl_qgroup_assign_args, src, IOF_U, NULL),
	IOF(struct btrfs_ioctl_qgroup_assign_args, dst, IOF_U, NULL),
};
static SR_IOC_FIELDS(qgroup_assign_desc, struct btrfs_ioctl_qgroup_assign_args,
		     qgroup_assign_fields);

static const struct sr_ioc_field qgroup_create_fields[] = {
	IOF(struct btrfs_ioctl_qgroup_create_args, create, IOF_U, NULL),
	IOF(struct btrfs_ioctl_qgroup_create_args, qgroupid, IOF_U, NULL),
};
static SR_IOC_FIELDS(qgroup_create_desc, struct btrfs_ioctl_qgroup_create_args,
		     qgroup_create_fields);

static const struct sr_ioc_field quota_ctl_fields[] = {
	IOF(struct btrfs_ioctl_quota_ctl_args, cmd, IOF_ENUM, &xlat_btrfs_qgroup_ctl_cmds),
};
static SR_IOC_FIELDS(quota_ctl_desc, struct btrfs_ioctl_quota_ctl_args, quota_ctl_fields);

static const struct sr_ioc_field quota_rescan_fields[] = {
	IOF(struct btrfs_ioctl_quota_rescan_args, flags, IOF_U, NULL),
};
static SR_IOC_FIELDS(quota_rescan_desc, struct btrfs_ioctl_quota_rescan_args, quota_rescan_fields);

static const struct sr_ioc btrfs_table[] = {
	/* no argument: the ones of vol_args too consume none */
	{ BTRFS_IOC_TRANS_START, IOA_NONE, false, NULL },
	{ BTRFS_IOC_TRANS_END, IOA_NONE, false, NULL },
	{ BTRFS_IOC_SYNC, IOA_NONE, false, NULL },
	{ BTRFS_IOC_SCRUB_CANCEL, IOA_NONE, false, NULL },
	{ BTRFS_IOC_QUOTA_RESCAN_WAIT, IOA_NONE, false, NULL },
	{ BTRFS_IOC_DEFRAG, IOA_NONE, false, NULL },
	{ BTRFS_IOC_BALANCE, IOA_NONE, false, NULL },
	{ BTRFS_IOC_BALANCE_CTL, IOA_ENUM, false, &xlat_btrfs_balance_ctl_cmds },
	{ BTRFS_IOC_START_SYNC, IOA_U64, true, NULL },
	{ BTRFS_IOC_DEFAULT_SUBVOL, IOA_U64, false, NULL },
	{ BTRFS_IOC_WAIT_SYNC, IOA_U64, false, NULL },
	{ BTRFS_IOC_SUBVOL_GETFLAGS, IOA_STRUCT, true, &subvol_flags_st },
	{ BTRFS_IOC_SUBVOL_SETFLAGS, IOA_STRUCT, false, &subvol_flags_st },
	{ BTRFS_IOC_BALANCE_V2, IOA_STRUCT, false, &balance_st },
	{ BTRFS_IOC_BALANCE_PROGRESS, IOA_STRUCT, true, &balance_progress_st },
	{ BTRFS_IOC_DEFRAG_RANGE, IOA_STRUCT, false, &defrag_range_st },
	{ BTRFS_IOC_DEV_INFO, IOA_STRUCT, false, &dev_info_st },
	{ BTRFS_IOC_DEV_REPLACE, IOA_STRUCT, false, &dev_replace_st },
	{ BTRFS_IOC_GET_FEATURES, IOA_STRUCT, true, &features_st },
	{ BTRFS_IOC_SET_FEATURES, IOA_STRUCT, false, &set_features_st },
	{ BTRFS_IOC_GET_SUPPORTED_FEATURES, IOA_STRUCT, true, &supported_features_st },
	{ BTRFS_IOC_FS_INFO, IOA_STRUCT, true, &fs_info_st },
	{ BTRFS_IOC_GET_DEV_STATS, IOA_STRUCT, false, &dev_stats_st },
	{ BTRFS_IOC_INO_LOOKUP, IOA_STRUCT, false, &ino_lookup_st },
	{ BTRFS_IOC_QGROUP_ASSIGN, IOA_FIELDS, false, &qgroup_assign_desc },
	{ BTRFS_IOC_QGROUP_CREATE, IOA_FIELDS, false, &qgroup_create_desc },
	{ BTRFS_IOC_QGROUP_LIMIT, IOA_STRUCT, true, &qgroup_limit_st },
	{ BTRFS_IOC_QUOTA_CTL, IOA_FIELDS, false, &quota_ctl_desc },
	{ BTRFS_IOC_QUOTA_RESCAN, IOA_FIELDS, false, &quota_rescan_desc },
	{ BTRFS_IOC_QUOTA_RESCAN_STATUS, IOA_STRUCT, true, &rescan_status_st },
	{ BTRFS_IOC_SET_RECEIVED_SUBVOL, IOA_STRUCT, false, &received_st },
	{ BTRFS_IOC_SCRUB, IOA_STRUCT, false, &scrub_st },
	{ BTRFS_IOC_SCRUB_PROGRESS, IOA_STRUCT, false, &scrub_st },
	{ BTRFS_IOC_SNAP_CREATE, IOA_STRUCT, false, &vol_args_st },
	{ BTRFS_IOC_RESIZE, IOA_STRUCT, false, &vol_args_st },
	{ BTRFS_IOC_SCAN_DEV, IOA_STRUCT, false, &vol_args_st },
	{ BTRFS_IOC_FORGET_DEV, IOA_STRUCT, false, &vol_args_st },
	{ BTRFS_IOC_ADD_DEV, IOA_STRUCT, false, &vol_args_st },
	{ BTRFS_IOC_RM_DEV, IOA_STRUCT, false, &vol_args_st },
	{ BTRFS_IOC_SUBVOL_CREATE, IOA_STRUCT, false, &vol_args_st },
	{ BTRFS_IOC_SNAP_DESTROY, IOA_STRUCT, false, &vol_args_st },
	{ BTRFS_IOC_DEVICES_READY, IOA_STRUCT, false, &vol_args_st },
	{ BTRFS_IOC_SNAP_CREATE_V2, IOA_STRUCT, false, &vol_args_v2_st },
	{ BTRFS_IOC_SUBVOL_CREATE_V2, IOA_STRUCT, false, &vol_args_v2_st },
	{ BTRFS_IOC_TREE_SEARCH, IOA_STRUCT, false, &btrfs_search_st },
	{ BTRFS_IOC_TREE_SEARCH_V2, IOA_STRUCT, false, &btrfs_search_v2_st },
	{ BTRFS_IOC_SEND, IOA_STRUCT, false, &btrfs_send_st },
	{ BTRFS_IOC_SPACE_INFO, IOA_STRUCT, false, &btrfs_space_info_st },
	{ BTRFS_IOC_INO_PATHS, IOA_STRUCT, false, &btrfs_ino_paths_st },
	{ BTRFS_IOC_LOGICAL_INO, IOA_STRUCT, false, &btrfs_logical_ino_st },
};

SR_IOC_ROWS(sr_ioc_rows_btrfs, btrfs_table);
