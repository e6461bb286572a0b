// SPDX-License-Identifier: GPL-2.0
/*
 * Rows by command (include/sysray/commands.def): a call whose arguments
 * depend on a command gets one row per command, indexed by the command's
 * value, as struct sr_sysent.subs. Each is the call's entry (name, number,
 * flags, return kind) with the command's arguments.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <linux/bpf.h>
#include <linux/keyctl.h>

#include "argnames.h"
#include "decode/decode.h"
#include "table/rows.h"
#include "table/syscalls.h"

struct sr_cmdrow {
	const char *call;
	uint8_t sel_arg;
	uint32_t value;
	uint8_t nargs;
	struct sr_argdesc args[SR_NARGS];
	const char *argnames[SR_NARGS]; /* -N's, strace's per command; NULL: the call's */
	const struct sr_scdec *dec;
	uint8_t ret; /* CMDR: the command's return value (enum sr_rtype), else the call's */
	bool has_ret;
};

#define CMD(nm, sel, val, ...)               \
	{ .call = #nm,                       \
	  .sel_arg = (sel),                  \
	  .value = (val),                    \
	  .nargs = SR_NARGS_OF(__VA_ARGS__), \
	  .args = { __VA_ARGS__ },           \
	  .argnames = { SR_ARGN_CMD_##nm##_##val } },
#define CMDX(nm, sel, val, d, ...)                  \
	{ .call = #nm,                              \
	  .sel_arg = (sel),                         \
	  .value = (val),                           \
	  .nargs = SR_NARGS_OF(__VA_ARGS__),        \
	  .args = { __VA_ARGS__ },                  \
	  .argnames = { SR_ARGN_CMD_##nm##_##val }, \
	  .dec = &sr_scdec_##d },
#define CMDR(nm, sel, val, r, ...)           \
	{ .call = #nm,                       \
	  .sel_arg = (sel),                  \
	  .value = (val),                    \
	  .nargs = SR_NARGS_OF(__VA_ARGS__), \
	  .args = { __VA_ARGS__ },           \
	  .ret = SR_R_##r,                   \
	  .has_ret = true },

static const struct sr_cmdrow cmdrows[] = {
#include "sysray/commands.def"
};

#define NCMDROWS (sizeof(cmdrows) / sizeof(cmdrows[0]))

/* The entry of @ents named @name, or NULL. */
static struct sr_sysent *entry_named(struct sr_sysent *ents, int n, const char *name)
{
	const struct sr_sysent *e = syscalls__by_name(name);
	int i;

	/* syscalls__init()'s entries: found by its index */
	if (n > 0 && syscalls__get(0) == &ents[0])
		return e ? &ents[e - ents] : NULL;
	for (i = 0; i < n; i++)
		if (ents[i].name && !strcmp(ents[i].name, name))
			return &ents[i];
	return NULL;
}

/* Room in @e for commands up to @value, by the rows' argument @sel_arg. */
static int size_subs(struct sr_sysent *e, const struct sr_cmdrow *r)
{
	if (r->value >= SR_PLAN_SEL_MAX || r->value > UINT8_MAX - 1 || r->sel_arg >= SR_NARGS ||
	    (e->nsubs && e->sel_arg != r->sel_arg)) {
		fprintf(stderr, "sysray: commands.def: bad row %s %u\n", r->call, r->value);
		return -EINVAL;
	}
	e->sel_arg = r->sel_arg;
	if (r->value >= e->nsubs)
		e->nsubs = r->value + 1;
	return 0;
}

/* Row @r of @e's commands: @e with @r's arguments. */
static void fill_sub(const struct sr_sysent *e, const struct sr_cmdrow *r, struct sr_sysent *sub)
{
	*sub = *e;
	sub->subs = NULL;
	sub->nsubs = 0;
	sub->sub = true;
	sub->sel_value = r->value;
	sub->nargs = r->nargs;
	memcpy(sub->args, r->args, sizeof(sub->args));
	if (r->argnames[0])
		memcpy(sub->argnames, r->argnames, sizeof(sub->argnames));
	sub->dec = r->dec;
	if (r->has_ret)
		sub->ret = r->ret;
	syscalls__finish(sub);
}

int commands__init(struct sr_sysent *ents, int n)
{
	struct sr_sysent *e;
	size_t i;
	int err;

	for (i = 0; i < NCMDROWS; i++) {
		/* a call this architecture lacks has no entry of its name */
		e = entry_named(ents, n, cmdrows[i].call);
		if (e && (err = size_subs(e, &cmdrows[i])))
			return err;
	}
	for (i = 0; i < NCMDROWS; i++) {
		e = entry_named(ents, n, cmdrows[i].call);
		if (!e)
			continue;
		if (!e->subs && !(e->subs = calloc(e->nsubs, sizeof(*e->subs))))
			return -ENOMEM;
		fill_sub(e, &cmdrows[i], &e->subs[cmdrows[i].value]);
	}
	return 0;
}
