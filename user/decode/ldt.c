// SPDX-License-Identifier: GPL-2.0
/*
 * Decoders: x86 thread-local storage descriptors (struct user_desc of
 * <asm/ldt.h>) of set_thread_area and get_thread_area, as strace 6.1's
 * ldt.c prints them.
 */
#include <string.h>
#include <asm/ldt.h>

#include "decode/process.h"

/* The descriptor's fields after entry_number: strace's "%#08x" addresses, then the bits. */
static void user_desc_tail(struct sr_fmt *f, const struct user_desc *d)
{
	pr_field(f, "base_addr");
	pr_xw(f, d->base_addr, 8);
	pr_field(f, "limit");
	pr_xw(f, d->limit, 8);
	pr_field_u(f, "seg_32bit", d->seg_32bit);
	pr_field_u(f, "contents", d->contents);
	pr_field_u(f, "read_exec_only", d->read_exec_only);
	pr_field_u(f, "limit_in_pages", d->limit_in_pages);
	pr_field_u(f, "seg_not_present", d->seg_not_present);
	pr_field_u(f, "useable", d->useable);
	/* a 64-bit process's descriptor: strace shows lm for those only */
	pr_field_u(f, "lm", d->lm);
}

/* set_thread_area's input: the whole descriptor. */
static void user_desc_print(struct sr_fmt *f, const struct sr_call *c, int argi, const void *data,
			    size_t len)
{
	struct user_desc d;

	(void)c;
	(void)argi;
	(void)len;
	memcpy(&d, data, sizeof(d));
	pr_struct_begin(f);
	pr_field_id(f, "entry_number", d.entry_number);
	user_desc_tail(f, &d);
	pr_struct_end(f);
}

const struct sr_kind sr_kind_user_desc = {
	.name = "user_desc",
	.size = sizeof(struct user_desc),
	.print = user_desc_print,
};

/* get_thread_area: the entry number at entry, the descriptor the kernel stored at exit. */
static void user_desc_get_plan(const struct sr_sysent *ent, int argi, const struct sr_opts *o,
			       struct sr_plan_arg *pa)
{
	(void)ent;
	(void)argi;
	(void)o;
	/* the entry number alone may end a page (strace reads 4 bytes at entry) */
	pa->when = SR_CAP_ENTER | SR_CAP_EXIT | SR_CAP_PART;
	pa->how = SR_HOW_BUF;
	pa->len_src = SR_LEN_FIXED;
	pa->elem = sizeof(struct user_desc);
	pa->cap = sizeof(struct user_desc);
}

/*
 * "{entry_number=12, base_addr=...}" once the kernel stored the descriptor,
 * "{entry_number=12, ...}" when it did not; the address when the entry
 * number could not be read.
 */
static void user_desc_get_print(struct sr_fmt *f, const struct sr_call *c, int argi)
{
	const void *in = blob_get(c->in[argi], sizeof(uint32_t));
	const void *out = call_failed(c) ? NULL :
					   blob_get(exit_blob(c, argi), sizeof(struct user_desc));
	struct user_desc d;
	uint32_t entry;

	if (!c->args[argi] || !in) {
		fmt_ptr(f, c->args[argi]);
		return;
	}
	entry = get32(in, 0);
	pr_struct_begin(f);
	pr_field_id(f, "entry_number", entry);
	if (!out || !fmt_decodes_structs(f)) {
		pr_more(f);
		pr_struct_end(f);
		return;
	}
	memcpy(&d, out, sizeof(d));
	if (d.entry_number != entry) {
		pr_changed(f);
		pr_id(f, d.entry_number);
	}
	user_desc_tail(f, &d);
	pr_struct_end(f);
}

const struct sr_decoder sr_dec_user_desc_get = {
	.name = "user_desc_get",
	.at_exit = true,
	.plan = user_desc_get_plan,
	.print = user_desc_get_print,
};
