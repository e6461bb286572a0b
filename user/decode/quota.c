// SPDX-License-Identifier: GPL-2.0
/*
 * Decoders: quotactl and quotactl_fd, as strace 6.1 prints them. The
 * command is QCMD(cmd, type); what follows depends on the command: an id, a
 * quota format, a path, or a struct read at entry (Q_SET*) or filled at
 * exit (Q_GET*). XFS commands' structs are not decoded (their address).
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
	return cmd == Q_GETQUOTA || cmd == Q_GETNEXTQUOTA || cmd == Q_GETINFO || cmd == Q_GETFMT;
}

/* The data as @cmd's struct, from @b (its address if the copy holds too little). */
static void fmt_dqblk(struct sr_fmt *f, const struct sr_blob *b, uint64_t addr, bool next)
{
	const void *p = blob_get(b, next ? sizeof(struct if_nextdqblk) : sizeof(struct if_dqblk));
	struct if_nextdqblk d;

	if (!p) {
		fmt_ptr(f, addr);
		return;
	}
	memcpy(&d, p, next ? sizeof(struct if_nextdqblk) : sizeof(struct if_dqblk));
	pr_struct_begin(f);
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
	const void *p = blob_get(b, sizeof(struct if_dqinfo));
	struct if_dqinfo d;

	if (!p) {
		fmt_ptr(f, addr);
		return;
	}
	memcpy(&d, p, sizeof(d));
	pr_struct_begin(f);
	pr_field_u(f, "dqi_bgrace", d.dqi_bgrace);
	pr_field_u(f, "dqi_igrace", d.dqi_igrace);
	pr_field(f, "dqi_flags");
	fmt_flags(f, &xlat_if_dqinfo_flags, d.dqi_flags);
	pr_field(f, "dqi_valid");
	fmt_flags(f, &xlat_if_dqinfo_valid, d.dqi_valid);
	pr_struct_end(f);
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
