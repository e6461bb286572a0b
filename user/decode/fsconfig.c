// SPDX-License-Identifier: GPL-2.0
/*
 * Decoder: fsconfig, as strace 6.1 prints it. What the key, the value and
 * the aux argument are depends on the command: a key string for the SET_*
 * commands; the value a string, a path, a blob of aux bytes, or only its
 * address; aux a dirfd (SET_PATH*), an fd (SET_FD) or a number. -P looks at
 * the aux fd and the value's path only, as strace's pathtrace.c does.
 */
#include <string.h>
#include <linux/mount.h>

#include "decode/decode.h"
#include "cli/opts.h"

/* fsconfig(fs_fd, cmd, key, value, aux) */
#define FSC_FD	  0
#define FSC_CMD	  1
#define FSC_KEY	  2
#define FSC_VALUE 3
#define FSC_AUX	  4

/* strace reads a key or string value of at most 256 bytes. */
#define FSC_STR_MAX 256
/* A binary value longer than this prints as its address (strace's limit). */
#define FSC_BLOB_MAX (1024 * 1024)
/*
 * The value is captured once, whatever the command: the most a path takes
 * (PATH_MAX bytes, its NUL included), cut at a page end rather than lost.
 */
#define FSC_VALUE_CAP SR_BLOB_MAX

static bool fsc_has_key(uint32_t cmd)
{
	return cmd <= FSCONFIG_SET_FD;
}

static bool fsc_value_is_path(uint32_t cmd)
{
	return cmd == FSCONFIG_SET_PATH || cmd == FSCONFIG_SET_PATH_EMPTY;
}

/* A path as strace's printpath() reads it: its address if no NUL came before the copy ended. */
static void fsc_path(struct sr_fmt *f, const struct sr_blob *b, uint64_t addr)
{
	if (addr && blob_ok(b) && b->len < FSC_VALUE_CAP && !memchr(blob_data(b), 0, b->len)) {
		pr_x(f, addr);
		return;
	}
	fmt_blob_str(f, b, addr, FSC_VALUE_CAP - 1, SR_Q_NUL_TERM);
}

/* SET_BINARY's aux bytes in hex (at most -s), or the address when they cannot be read. */
static void fsc_blob(struct sr_fmt *f, const struct sr_blob *b, uint64_t addr, int32_t aux)
{
	size_t strsize = fmt_strsize(f), need = (size_t)aux < strsize ? (size_t)aux : strsize;

	if (!addr || !blob_ok(b) || b->len < need) {
		fmt_ptr(f, addr);
		return;
	}
	pr_str(f, blob_data(b), need, strsize, SR_Q_HEX | ((size_t)aux > need ? SR_Q_ELLIPSIS : 0));
}

static void fsconfig_enter(struct sr_fmt *f, const struct sr_call *c)
{
	uint32_t cmd = (uint32_t)c->args[FSC_CMD];
	int32_t aux = (int32_t)c->args[FSC_AUX];
	uint64_t value = c->args[FSC_VALUE];
	const struct sr_blob *vb = call__blob(c, FSC_VALUE, false);

	fmt_arg(f, c, FSC_FD);
	fmt_fd(f, c, (int32_t)c->args[FSC_FD]);
	fmt_arg(f, c, FSC_CMD);
	fmt_enum(f, &xlat_fsconfig_cmds, cmd);
	fmt_arg(f, c, FSC_KEY);
	if (fsc_has_key(cmd))
		fmt_str_upto(f, call__blob(c, FSC_KEY, false), c->args[FSC_KEY], FSC_STR_MAX);
	else
		fmt_ptr(f, c->args[FSC_KEY]);
	fmt_arg(f, c, FSC_VALUE);
	if (cmd == FSCONFIG_SET_STRING)
		fmt_str_upto(f, vb, value, FSC_STR_MAX);
	else if (fsc_value_is_path(cmd))
		fsc_path(f, vb, value);
	else if (cmd == FSCONFIG_SET_BINARY && aux >= 0 && aux <= FSC_BLOB_MAX)
		fsc_blob(f, vb, value, aux);
	else
		fmt_ptr(f, value);
	fmt_arg(f, c, FSC_AUX);
	if (fsc_value_is_path(cmd))
		fmt_dirfd_or(f, c, NULL, aux);
	else if (cmd == FSCONFIG_SET_FD)
		fmt_fd(f, c, aux);
	else
		pr_d(f, aux);
}

/* The key as printstr_ex() reads it; the value once, large enough for a path. */
static void fsconfig_plan(const struct sr_sysent *ent, const struct sr_opts *o, struct sr_plan *p)
{
	(void)ent;
	plan_str_upto(&p->a[FSC_KEY], o->strsize, FSC_STR_MAX);
	memset(&p->a[FSC_VALUE], 0, sizeof(p->a[FSC_VALUE]));
	p->a[FSC_VALUE].when = SR_CAP_ENTER | SR_CAP_RETRY | SR_CAP_PART;
	p->a[FSC_VALUE].how = SR_HOW_BUF;
	p->a[FSC_VALUE].len_src = SR_LEN_FIXED;
	p->a[FSC_VALUE].elem = FSC_VALUE_CAP;
	p->a[FSC_VALUE].cap = FSC_VALUE_CAP;
}

/* -P: the aux fd of SET_PATH* and SET_FD, the value of SET_PATH*. */
static void fsconfig_selects(const struct sr_call *c, sr_fd_fn fd, sr_path_fn path, void *ctx)
{
	uint32_t cmd = (uint32_t)c->args[FSC_CMD];
	const struct sr_blob *b = call__blob(c, FSC_VALUE, false);

	if (!fsc_value_is_path(cmd) && cmd != FSCONFIG_SET_FD)
		return;
	fd(ctx, (int32_t)c->args[FSC_AUX]);
	if (fsc_value_is_path(cmd) && c->args[FSC_VALUE] && blob_ok(b))
		path(ctx, blob_data(b), strnlen(blob_data(b), b->len));
}

const struct sr_scdec sr_scdec_fsconfig = {
	.name = "fsconfig",
	.enter = fsconfig_enter,
	.plan = fsconfig_plan,
	.selects = fsconfig_selects,
};
