// SPDX-License-Identifier: GPL-2.0
/*
 * Decoder: syslog, as strace 6.1 prints it. The action is a number with its
 * name in a comment whatever -X says; what follows depends on it: nothing
 * (the actions that ignore bufp and len), the bytes read (SYSLOG_ACTION_READ*,
 * at exit), a console level, or bufp and len as numbers.
 */
#include "decode/decode.h"
#include "decode/process.h"

/* The actions, as the kernel's include/linux/syslog.h numbers them. */
enum {
	SR_SYSLOG_READ = 2,
	SR_SYSLOG_READ_ALL = 3,
	SR_SYSLOG_READ_CLEAR = 4,
	SR_SYSLOG_CONSOLE_LEVEL = 8,
};

/* The number, then its name in a comment: strace's XLAT_STYLE_VERBOSE | XLAT_STYLE_FMT_D. */
static void fmt_dec_named(struct sr_fmt *f, const struct sr_xlat *x, int32_t v)
{
	const char *name = xlat__name(x, (uint32_t)v);

	pr_d(f, v);
	pr_comment(f, name ? name : x->unknown);
}

static bool syslog_reads(int32_t type)
{
	return type == SR_SYSLOG_READ || type == SR_SYSLOG_READ_ALL || type == SR_SYSLOG_READ_CLEAR;
}

/* Only the actions strace knows to ignore bufp and len print the type alone. */
static bool syslog_type_only(int32_t type)
{
	return type >= 0 && type <= 10 && !syslog_reads(type) && type != SR_SYSLOG_CONSOLE_LEVEL &&
	       xlat__name(&xlat_syslog_actions, (uint32_t)type);
}

/* SCX(syslog, ..., type, bufp, len) */
static void syslog_enter(struct sr_fmt *f, const struct sr_call *c)
{
	int32_t type = (int32_t)c->args[0], len = (int32_t)c->args[2];

	fmt_arg(f, c, 0);
	fmt_dec_named(f, &xlat_syslog_actions, type);
	if (syslog_type_only(type) || syslog_reads(type))
		return;
	fmt_arg(f, c, 1);
	fmt_ptr(f, c->args[1]);
	fmt_arg(f, c, 2);
	if (type == SR_SYSLOG_CONSOLE_LEVEL)
		fmt_dec_named(f, &xlat_syslog_console_levels, len);
	else
		pr_d(f, len);
}

static bool syslog_exit_shown(const struct sr_call *c)
{
	return syslog_reads((int32_t)c->args[0]);
}

/* SYSLOG_ACTION_READ*: the bytes read (the address after a failure), then len. */
static void syslog_exit(struct sr_fmt *f, const struct sr_call *c)
{
	if (!syslog_exit_shown(c))
		return;
	fmt_arg(f, c, 1);
	if (call_failed(c))
		fmt_ptr(f, c->args[1]);
	else
		fmt_blob_str(f, exit_blob(c, 1), c->args[1], fmt_strsize(f), 0);
	fmt_arg(f, c, 2);
	pr_d(f, (int32_t)c->args[2]);
}

const struct sr_scdec sr_scdec_syslog = {
	.name = "syslog",
	.enter = syslog_enter,
	.exit = syslog_exit,
	.exit_shown = syslog_exit_shown,
};
