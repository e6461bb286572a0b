// SPDX-License-Identifier: GPL-2.0
/*
 * Decoders: quotactl and quotactl_fd, as strace 6.1 prints them. The
 * command is QCMD(cmd, type); what follows depends on the command: an id, a
 * quota format, a path, or a struct read at entry (Q_SET*) or filled at
 * exit (Q_GET*); XFS commands (Q_X*) the same way with their own structs
 * (fs_disk_quota, fs_quota_stat, fs_quota_statv) and a flags word.
 */
#include <string.h>
#include <linux/dqblk_xfs.h>
#include <linux/quota.h>

#include "decode/decode.h"
#include "decode/process.h"
#include "cli/opts.h"

/* Both calls' id and data arguments (after the command and the file). */
#define SR_QUOTA_ID   2
#define SR_QUOTA_DATA 3
/* The data: a path (Q_QUOTAON) or a struct, whichever the command wants. */
#define SR_QUOTA_DATA_MAX SR_BLOB_MAX

_Static_assert(sizeof(struct if_nextdqblk) <= SR_QUOTA_DATA_MAX, "if_nextdqblk");
_Static_assert(sizeof(struct fs_disk_quota) <= SR_QUOTA_DATA_MAX, "fs_disk_quota");
_Static_assert(sizeof(struct fs_quota_statv) <= SR_QUOTA_DATA_MAX, "fs_quota_statv");

/* QCMD(Q_GETQUOTA, USRQUOTA); a number under -X raw, with the form in a comment under -X verbose. */
static void fmt_qcmd(struct sr_fmt *f, uint32_t qcmd)
{
	if (!pr_call_raw_begin_fmt(f, "QCMD", qcmd, SR_NUM_U, false))
		return;
	fmt_enum(f, &xlat_quotacmds, qcmd >> SUBCMDSHIFT);
	fmt_enum(f, &xlat_quotatypes, qcmd & SUBCMDMASK);
	pr_call_end(f);
}

/* Commands whose data the kernel fills: printed at exit. */
static bool quota_cmd_gets(uint32_t cmd)
{
	return cmd == Q_GETQUOTA || cmd == Q_GETNEXTQUOTA || cmd == Q_GETINFO || cmd == Q_GETFMT ||
	       cmd == Q_XGETQUOTA || cmd == Q_XGETNEXTQUOTA || cmd == Q_XGETQSTAT ||
	       cmd == Q_XGETQSTATV;
}

/*
 * Open the struct of @size bytes that @b holds, copied into @out; when it
 * holds fewer, print @addr instead and return false.
 */
static bool quota_struct_begin(struct sr_fmt *f, const struct sr_blob *b, uint64_t addr, void *out,
			       size_t size)
{
	const void *p = blob_get(b, size);

	if (!p) {
		fmt_ptr(f, addr);
		return false;
	}
	memcpy(out, p, size);
	pr_struct_begin(f);
	return true;
}

/* The data as @cmd's struct, from @b (its address if the copy holds too little). */
static void fmt_dqblk(struct sr_fmt *f, const struct sr_blob *b, uint64_t addr, bool next)
{
	struct if_nextdqblk d;

	if (!quota_struct_begin(f, b, addr, &d,
				next ? sizeof(struct if_nextdqblk) : sizeof(struct if_dqblk)))
		return;
	pr_field_u(f, "dqb_bhardlimit", d.dqb_bhardlimit);
	pr_field_u(f, "dqb_bsoftlimit", d.dqb_bsoftlimit);
	pr_field_u(f, "dqb_curspace", d.dqb_curspace);
	pr_field_u(f, "dqb_ihardlimit", d.dqb_ihardlimit);
	pr_field_u(f, "dqb_isoftlimit", d.dqb_isoftlimit);
	pr_field_u(f, "dqb_curinodes", d.dqb_curinodes);
	if (fmt_verbose(f)) {
		pr_field_u(f, "dqb_btime", d.dqb_btime);
		pr_field_u(f, "dqb_itime", d.dqb_itime);
		pr_field(f, "dqb_valid");
		fmt_flags(f, &xlat_if_dqblk_valid, d.dqb_valid);
	}
	if (next)
		pr_field_u(f, "dqb_id", d.dqb_id);
	if (!fmt_verbose(f))
		pr_more(f);
	pr_struct_end(f);
}

static void fmt_dqinfo(struct sr_fmt *f, const struct sr_blob *b, uint64_t addr)
{
	struct if_dqinfo d;

	if (!quota_struct_begin(f, b, addr, &d, sizeof(d)))
		return;
	pr_field_u(f, "dqi_bgrace", d.dqi_bgrace);
	pr_field_u(f, "dqi_igrace", d.dqi_igrace);
	pr_field(f, "dqi_flags");
	fmt_flags(f, &xlat_if_dqinfo_flags, d.dqi_flags);
	pr_field(f, "dqi_valid");
	fmt_flags(f, &xlat_if_dqinfo_valid, d.dqi_valid);
	pr_struct_end(f);
}

/* struct fs_disk_quota (Q_XGETQUOTA, Q_XSETQLIM): the counters, the timers with -v. */
static void fmt_xfs_dqblk(struct sr_fmt *f, const struct sr_blob *b, uint64_t addr)
{
	struct fs_disk_quota d;

	if (!quota_struct_begin(f, b, addr, &d, sizeof(d)))
		return;
	pr_field_d(f, "d_version", d.d_version);
	pr_field(f, "d_flags");
	fmt_flags(f, &xlat_xfs_dqblk_flags, (uint8_t)d.d_flags);
	pr_field_x(f, "d_fieldmask", d.d_fieldmask);
	pr_field_u(f, "d_id", d.d_id);
	pr_field_u(f, "d_blk_hardlimit", d.d_blk_hardlimit);
	pr_field_u(f, "d_blk_softlimit", d.d_blk_softlimit);
	pr_field_u(f, "d_ino_hardlimit", d.d_ino_hardlimit);
	pr_field_u(f, "d_ino_softlimit", d.d_ino_softlimit);
	pr_field_u(f, "d_bcount", d.d_bcount);
	pr_field_u(f, "d_icount", d.d_icount);
	if (fmt_verbose(f)) {
		pr_field_d(f, "d_itimer", d.d_itimer);
		pr_field_d(f, "d_btimer", d.d_btimer);
		pr_field_u(f, "d_iwarns", d.d_iwarns);
		pr_field_u(f, "d_bwarns", d.d_bwarns);
		pr_field_u(f, "d_rtb_hardlimit", d.d_rtb_hardlimit);
		pr_field_u(f, "d_rtb_softlimit", d.d_rtb_softlimit);
		pr_field_u(f, "d_rtbcount", d.d_rtbcount);
		pr_field_d(f, "d_rtbtimer", d.d_rtbtimer);
		pr_field_u(f, "d_rtbwarns", d.d_rtbwarns);
	} else {
		pr_more(f);
	}
	pr_struct_end(f);
}

/* One quota file of fs_quota_stat(v): qs_uquota={qfs_ino=..., ...}. */
static void fmt_qfilestat(struct sr_fmt *f, const char *name, uint64_t ino, uint64_t nblks,
			  uint32_t nextents)
{
	pr_field(f, name);
	pr_struct_begin(f);
	pr_field_u(f, "qfs_ino", ino);
	pr_field_u(f, "qfs_nblks", nblks);
	pr_field_u(f, "qfs_nextents", nextents);
	pr_struct_end(f);
}

/* The limits both quota state structs end with. */
#define fmt_qstat_limits(f, q)                                         \
	do {                                                           \
		pr_field_d(f, "qs_btimelimit", (q).qs_btimelimit);     \
		pr_field_d(f, "qs_itimelimit", (q).qs_itimelimit);     \
		pr_field_d(f, "qs_rtbtimelimit", (q).qs_rtbtimelimit); \
		pr_field_u(f, "qs_bwarnlimit", (q).qs_bwarnlimit);     \
		pr_field_u(f, "qs_iwarnlimit", (q).qs_iwarnlimit);     \
	} while (0)

/* struct fs_quota_stat (Q_XGETQSTAT): its version, the rest with -v. */
static void fmt_xfs_qstat(struct sr_fmt *f, const struct sr_blob *b, uint64_t addr)
{
	struct fs_quota_stat q;

	if (!quota_struct_begin(f, b, addr, &q, sizeof(q)))
		return;
	pr_field_d(f, "qs_version", q.qs_version);
	if (fmt_verbose(f)) {
		pr_field(f, "qs_flags");
		fmt_flags(f, &xlat_xfs_quota_flags, q.qs_flags);
		fmt_qfilestat(f, "qs_uquota", q.qs_uquota.qfs_ino, q.qs_uquota.qfs_nblks,
			      q.qs_uquota.qfs_nextents);
		fmt_qfilestat(f, "qs_gquota", q.qs_gquota.qfs_ino, q.qs_gquota.qfs_nblks,
			      q.qs_gquota.qfs_nextents);
		pr_field_u(f, "qs_incoredqs", q.qs_incoredqs);
		fmt_qstat_limits(f, q);
	} else {
		pr_more(f);
	}
	pr_struct_end(f);
}

/* struct fs_quota_statv (Q_XGETQSTATV): as fs_quota_stat, with the project quota. */
static void fmt_xfs_qstatv(struct sr_fmt *f, const struct sr_blob *b, uint64_t addr)
{
	struct fs_quota_statv q;

	if (!quota_struct_begin(f, b, addr, &q, sizeof(q)))
		return;
	pr_field_d(f, "qs_version", q.qs_version);
	if (fmt_verbose(f)) {
		pr_field(f, "qs_flags");
		fmt_flags(f, &xlat_xfs_quota_flags, q.qs_flags);
		pr_field_u(f, "qs_incoredqs", q.qs_incoredqs);
		fmt_qfilestat(f, "qs_uquota", q.qs_uquota.qfs_ino, q.qs_uquota.qfs_nblks,
			      q.qs_uquota.qfs_nextents);
		fmt_qfilestat(f, "qs_gquota", q.qs_gquota.qfs_ino, q.qs_gquota.qfs_nblks,
			      q.qs_gquota.qfs_nextents);
		fmt_qfilestat(f, "qs_pquota", q.qs_pquota.qfs_ino, q.qs_pquota.qfs_nblks,
			      q.qs_pquota.qfs_nextents);
		fmt_qstat_limits(f, q);
	} else {
		pr_more(f);
	}
	pr_struct_end(f);
}

/* Q_XQUOTAON/OFF's and Q_XQUOTARM's u32 of flags: [FS_QUOTA_UDQ_ACCT|...]. */
static void fmt_xfs_flags(struct sr_fmt *f, const struct sr_blob *b, uint64_t addr,
			  const struct sr_xlat *x)
{
	const void *p = blob_get(b, sizeof(uint32_t));

	if (!p) {
		fmt_ptr(f, addr);
		return;
	}
	pr_array_begin(f);
	fmt_flags(f, x, get32(p, 0));
	pr_array_end(f);
}

/* Q_QUOTAON's quota file: a path, or its address when it could not be read whole. */
static void fmt_quota_path(struct sr_fmt *f, const struct sr_blob *b, uint64_t addr)
{
	const char *s = blob_ok(b) ? blob_data(b) : NULL;
	const char *nul = s ? memchr(s, 0, b->len) : NULL;

	if (!addr || !nul) {
		fmt_ptr(f, addr);
		return;
	}
	pr_str(f, s, (size_t)(nul - s), (size_t)(nul - s), 0);
}

/* What follows the command and the file (a path or an fd): id and data by command. */
static void quota_args(struct sr_fmt *f, const struct sr_call *c, uint32_t cmd)
{
	uint32_t id = (uint32_t)c->args[SR_QUOTA_ID];
	uint64_t data = c->args[SR_QUOTA_DATA];

	switch (cmd) {
	case Q_QUOTAOFF:
	case Q_SYNC:
	case Q_XQUOTASYNC:
	case Q_GETINFO:
	case Q_GETFMT:
		return;
	case Q_QUOTAON:
		fmt_enum(f, &xlat_quota_formats, id);
		fmt_quota_path(f, c->in[SR_QUOTA_DATA], data);
		return;
	case Q_GETQUOTA:
	case Q_GETNEXTQUOTA:
		pr_id(f, id);
		return;
	case Q_SETQUOTA:
		pr_id(f, id);
		fmt_dqblk(f, c->in[SR_QUOTA_DATA], data, false);
		return;
	case Q_SETINFO:
		fmt_dqinfo(f, c->in[SR_QUOTA_DATA], data);
		return;
	case Q_XGETQUOTA:
	case Q_XGETNEXTQUOTA:
		pr_id(f, id);
		return;
	case Q_XSETQLIM:
		pr_id(f, id);
		fmt_xfs_dqblk(f, c->in[SR_QUOTA_DATA], data);
		return;
	case Q_XGETQSTAT:
	case Q_XGETQSTATV:
		return;
	case Q_XQUOTAON:
	case Q_XQUOTAOFF:
		fmt_xfs_flags(f, c->in[SR_QUOTA_DATA], data, &xlat_xfs_quota_flags);
		return;
	case Q_XQUOTARM:
		fmt_xfs_flags(f, c->in[SR_QUOTA_DATA], data, &xlat_xfs_dqblk_flags);
		return;
	}
	pr_id(f, id);
	fmt_ptr(f, data);
}

/* The data of a Q_GET* command, at exit. */
static void quota_exit(struct sr_fmt *f, const struct sr_call *c, uint32_t cmd)
{
	const struct sr_blob *b = call_failed(c) ? NULL : exit_blob(c, SR_QUOTA_DATA);
	uint64_t data = c->args[SR_QUOTA_DATA];
	const void *p;

	switch (cmd) {
	case Q_GETQUOTA:
	case Q_GETNEXTQUOTA:
		fmt_dqblk(f, b, data, cmd == Q_GETNEXTQUOTA);
		return;
	case Q_GETINFO:
		fmt_dqinfo(f, b, data);
		return;
	case Q_XGETQUOTA:
	case Q_XGETNEXTQUOTA:
		fmt_xfs_dqblk(f, b, data);
		return;
	case Q_XGETQSTAT:
		fmt_xfs_qstat(f, b, data);
		return;
	case Q_XGETQSTATV:
		fmt_xfs_qstatv(f, b, data);
		return;
	case Q_GETFMT:
		p = blob_get(b, sizeof(uint32_t));
		if (!p) {
			fmt_ptr(f, data);
			return;
		}
		pr_array_begin(f);
		fmt_enum(f, &xlat_quota_formats, get32(p, 0));
		pr_array_end(f);
		return;
	}
}

/* The command of quotactl (argument 0) or quotactl_fd (argument 1). */
static uint32_t quota_cmd(const struct sr_call *c)
{
	return (uint32_t)c->args[c->ent->args[0].type == SR_T_FD ? 1 : 0] >> SUBCMDSHIFT;
}

static bool quota_exit_shown(const struct sr_call *c)
{
	return quota_cmd_gets(quota_cmd(c));
}

static void quota_exit_part(struct sr_fmt *f, const struct sr_call *c)
{
	quota_exit(f, c, quota_cmd(c));
}

/* The data, read at entry (Q_SET*, Q_QUOTAON's path) and exit (Q_GET*), cut at a page end. */
static void quota_plan(const struct sr_sysent *ent, const struct sr_opts *o, struct sr_plan *p)
{
	p->a[SR_QUOTA_DATA] = (struct sr_plan_arg){
		.when = SR_CAP_ENTER | SR_CAP_EXIT | SR_CAP_RETRY | SR_CAP_PART,
		.how = SR_HOW_BUF,
		.len_src = SR_LEN_FIXED,
		.elem = SR_QUOTA_DATA_MAX,
		.cap = SR_QUOTA_DATA_MAX,
	};
}

/* quotactl(QCMD(cmd, type), special, id, addr) */
static void quotactl_enter(struct sr_fmt *f, const struct sr_call *c)
{
	fmt_qcmd(f, (uint32_t)c->args[0]);
	fmt_path(f, c, 1);
	quota_args(f, c, quota_cmd(c));
}

const struct sr_scdec sr_scdec_quotactl = {
	.name = "quotactl",
	.enter = quotactl_enter,
	.exit = quota_exit_part,
	.exit_shown = quota_exit_shown,
	.plan = quota_plan,
};

/* quotactl_fd(fd, QCMD(cmd, type), id, addr) */
static void quotactl_fd_enter(struct sr_fmt *f, const struct sr_call *c)
{
	fmt_fd(f, c, (int32_t)c->args[0]);
	fmt_qcmd(f, (uint32_t)c->args[1]);
	quota_args(f, c, quota_cmd(c));
}

const struct sr_scdec sr_scdec_quotactl_fd = {
	.name = "quotactl_fd",
	.enter = quotactl_fd_enter,
	.exit = quota_exit_part,
	.exit_shown = quota_exit_shown,
	.plan = quota_plan,
};
