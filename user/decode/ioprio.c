// SPDX-License-Identifier: GPL-2.0
/*
 * Decoders: ioprio_set and ioprio_get. The priority prints as strace 6.1
 * shows it, IOPRIO_PRIO_VALUE(IOPRIO_CLASS_BE, 3), the class being all the
 * bits above the data (strace does not mask it as IOPRIO_PRIO_CLASS() does).
 */
#include <linux/ioprio.h>

#include "decode/decode.h"

/* The row's argument that holds a priority (ioprio_set's); ioprio_get returns it. */
#define SR_IOPRIO_ARG 2

static void fmt_ioprio_parts(struct sr_fmt *f, uint32_t v)
{
	fmt_enum(f, &xlat_ioprio_class, v >> IOPRIO_CLASS_SHIFT);
	pr_d(f, (int32_t)(v & (uint32_t)IOPRIO_PRIO_MASK));
	pr_call_end(f);
}

/* An argument: under -X raw the int alone, under -X verbose the int, then the form. */
static void fmt_ioprio(struct sr_fmt *f, uint32_t v)
{
	if (pr_call_raw_begin_fmt(f, "IOPRIO_PRIO_VALUE", (uint64_t)(int64_t)(int32_t)v, SR_NUM_D,
				  true))
		fmt_ioprio_parts(f, v);
}

/* SCX(ioprio_set/ioprio_get, ..., ioprio, which, who[, ioprio]). */
static void ioprio_enter(struct sr_fmt *f, const struct sr_call *c)
{
	fmt_arg(f, c, 0);
	fmt_enum(f, &xlat_ioprio_who, (uint32_t)c->args[0]); /* which */
	fmt_arg(f, c, 1);
	/* who */
	if ((uint32_t)c->args[0] == IOPRIO_WHO_PROCESS)
		fmt_pid(f, (int32_t)c->args[1]);
	else if ((uint32_t)c->args[0] == IOPRIO_WHO_PGRP)
		fmt_pid_as(f, (int32_t)c->args[1], SR_PK_PGID);
	else
		pr_d(f, (int32_t)c->args[1]);
	if (c->ent->nargs <= SR_IOPRIO_ARG)
		return;
	fmt_arg(f, c, SR_IOPRIO_ARG);
	fmt_ioprio(f, (uint32_t)c->args[SR_IOPRIO_ARG]);
}

/* ioprio_get: "= 16387 (IOPRIO_PRIO_VALUE(IOPRIO_CLASS_BE, 3))". */
static void ioprio_ret_suffix(struct sr_fmt *f, const struct sr_call *c)
{
	if (c->ent->nargs > SR_IOPRIO_ARG || c->ret < 0 || fmt_xlat_raw(f))
		return;
	pr_note_begin(f);
	pr_call_begin(f, "IOPRIO_PRIO_VALUE");
	fmt_ioprio_parts(f, (uint32_t)c->ret);
	pr_note_end(f);
}

const struct sr_scdec sr_scdec_ioprio = {
	.name = "ioprio",
	.enter = ioprio_enter,
	.ret_suffix = ioprio_ret_suffix,
};
