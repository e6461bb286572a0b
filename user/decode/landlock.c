// SPDX-License-Identifier: GPL-2.0
/* Decoders: landlock_create_ruleset's and landlock_add_rule's attributes. */
#include <stddef.h>
#include <string.h>
#include <linux/landlock.h>

#include "decode/decode.h"

/* The first version of the ruleset attribute: one access mask. */
#define RULESET_ATTR_V1                                              \
	(offsetof(struct landlock_ruleset_attr, handled_access_fs) + \
	 sizeof(((struct landlock_ruleset_attr *)0)->handled_access_fs))

/*
 * struct landlock_ruleset_attr, of the size the caller gives: shorter than
 * its first field is no struct (the address); the rest of a longer one is
 * "...", unread, as strace shows it.
 */
static void ruleset_attr_print(struct sr_fmt *f, const struct sr_call *c, int argi,
			       const void *data, size_t len)
{
	uint64_t usize = c->args[argi + 1];

	if (usize < RULESET_ATTR_V1 || len < RULESET_ATTR_V1) {
		pr_x(f, c->args[argi]);
		return;
	}
	pr_struct_begin(f);
	pr_field(f, "handled_access_fs");
	fmt_flags(f, &xlat_landlock_ruleset_access_fs, get64(data, 0));
	if (usize > RULESET_ATTR_V1)
		pr_more(f);
	pr_struct_end(f);
}

const struct sr_kind sr_kind_landlock_ruleset_attr = {
	.name = "landlock_ruleset_attr",
	.size = 0,
	.max = RULESET_ATTR_V1, /* strace reads no more */
	.print = ruleset_attr_print,
};

/* landlock_add_rule's attribute: captured whole, at entry. */
static void rule_attr_plan(const struct sr_sysent *ent, int argi, const struct sr_opts *o,
			   struct sr_plan_arg *pa)
{
	(void)ent;
	(void)argi;
	(void)o;
	*pa = (struct sr_plan_arg){ .when = SR_CAP_ENTER | SR_CAP_RETRY,
				    .how = SR_HOW_BUF,
				    .elem = sizeof(struct landlock_path_beneath_attr),
				    .cap = sizeof(struct landlock_path_beneath_attr) };
}

/* The attribute when the rule type is one strace decodes, else NULL. */
static const void *rule_attr(const struct sr_call *c, int argi)
{
	if ((uint32_t)c->args[argi - 1] != LANDLOCK_RULE_PATH_BENEATH)
		return NULL;
	return blob_get(call__blob(c, argi, false), sizeof(struct landlock_path_beneath_attr));
}

static void rule_attr_print(struct sr_fmt *f, const struct sr_call *c, int argi)
{
	const void *p = rule_attr(c, argi);
	struct landlock_path_beneath_attr pb;

	if (!p) {
		fmt_ptr(f, c->args[argi]);
		return;
	}
	memcpy(&pb, p, sizeof(pb));
	pr_struct_begin(f);
	pr_field(f, "allowed_access");
	fmt_flags(f, &xlat_landlock_ruleset_access_fs, pb.allowed_access);
	pr_field(f, "parent_fd");
	fmt_fd(f, c, pb.parent_fd);
	pr_struct_end(f);
}

static void rule_attr_fds(const struct sr_call *c, int argi, bool at_exit, sr_fd_fn fn, void *ctx)
{
	const void *p = at_exit ? NULL : rule_attr(c, argi);

	if (p)
		fn(ctx, (int32_t)get32(p, offsetof(struct landlock_path_beneath_attr, parent_fd)));
}

const struct sr_decoder sr_dec_landlock_rule_attr = {
	.name = "landlock_rule_attr",
	.at_exit = false,
	.plan = rule_attr_plan,
	.print = rule_attr_print,
	.fds = rule_attr_fds,
};
