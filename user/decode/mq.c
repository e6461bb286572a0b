// SPDX-License-Identifier: GPL-2.0
/* Decoders: POSIX message queues (mq_open's mode and attributes, mq_getsetattr). */
#include <string.h>
#include <linux/fcntl.h>
#include <linux/mqueue.h>

#include "decode/decode.h"

/*
 * mq_open: strace shows the mode and the attributes only with O_CREAT
 * (not O_TMPFILE, as open's mode: a queue is never a temporary file).
 */
static bool mq_creat(const struct sr_call *c, int argi)
{
	return c->args[1] & O_CREAT;
}

static void mq_mode_print(struct sr_fmt *f, const struct sr_call *c, int argi)
{
	fmt_mode(f, (uint16_t)c->args[argi]);
}

const struct sr_decoder sr_dec_mq_mode = {
	.name = "mq_mode",
	.at_exit = false,
	.present = mq_creat,
	.print = mq_mode_print,
};

static void mq_attr_plan(const struct sr_sysent *ent, int argi, const struct sr_opts *o,
			 struct sr_plan_arg *pa)
{
	pa->when = SR_CAP_ENTER | SR_CAP_RETRY;
	pa->how = SR_HOW_BUF;
	pa->len_src = SR_LEN_FIXED;
	pa->elem = sizeof(struct mq_attr);
	pa->cap = sizeof(struct mq_attr);
}

/* mq_open ignores mq_flags and strace prints them raw; mq_getsetattr decodes them. */
static void mq_attr_fields(struct sr_fmt *f, const void *data, bool decode_flags)
{
	struct mq_attr a;

	memcpy(&a, data, sizeof(a));
	pr_struct_begin(f);
	pr_field(f, "mq_flags");
	if (decode_flags)
		fmt_flags(f, &xlat_mq_attr_flags, (uint64_t)a.mq_flags);
	else
		pr_x(f, (uint64_t)a.mq_flags);
	pr_field_d(f, "mq_maxmsg", a.mq_maxmsg);
	pr_field_d(f, "mq_msgsize", a.mq_msgsize);
	pr_field_d(f, "mq_curmsgs", a.mq_curmsgs);
	pr_struct_end(f);
}

static void mq_attr_print(struct sr_fmt *f, const struct sr_call *c, int argi)
{
	const uint8_t *p = blob_get(c->in[argi], sizeof(struct mq_attr));

	if (!c->args[argi] || !p || !fmt_decodes_structs(f)) {
		fmt_ptr(f, c->args[argi]);
		return;
	}
	mq_attr_fields(f, p, false);
}

const struct sr_decoder sr_dec_mq_attr = {
	.name = "mq_attr",
	.at_exit = false,
	.plan = mq_attr_plan,
	.present = mq_creat,
	.print = mq_attr_print,
};

/* mq_getsetattr's new and old attributes. */
static void mqattr_print(struct sr_fmt *f, const struct sr_call *c, int argi, const void *data,
			 size_t len)
{
	mq_attr_fields(f, data, true);
}

const struct sr_kind sr_kind_mqattr = {
	.name = "mqattr",
	.size = sizeof(struct mq_attr),
	.print = mqattr_print,
};
