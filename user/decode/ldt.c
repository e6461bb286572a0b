// SPDX-License-Identifier: GPL-2.0
/*
 * Decoders: set_thread_area's struct user_desc (<asm/ldt.h>), as strace 6.1
 * prints it: the descriptor the call was given, and the entry number the
 * kernel chose after "= 0". Its layout is the same for ia32 tasks, which
 * call it at start (glibc's TLS); lm only counts for 64-bit ones.
 */
#include <stdio.h>
#include <string.h>
#include <asm/ldt.h>

#include "decode/decode.h"

_Static_assert(sizeof(struct user_desc) == 16, "struct user_desc: four u32, flags as bits");

/* "{entry_number=-1, base_addr=0xf7fc0580, limit=0x0fffff, seg_32bit=1, ...}" */
static void print_user_desc(struct sr_fmt *f, const struct sr_call *c, const struct user_desc *d)
{
	/* strace's PRINT_FIELD_0X: zero-padded to twice the field's size */
	const int width = 2 * sizeof(d->limit);

	pr_struct_begin(f);
	pr_field(f, "entry_number");
	pr_id(f, d->entry_number);
	pr_field(f, "base_addr");
	pr_xw(f, d->base_addr, width);
	pr_field(f, "limit");
	pr_xw(f, d->limit, width);
	pr_field_u(f, "seg_32bit", d->seg_32bit);
	pr_field_u(f, "contents", d->contents);
	pr_field_u(f, "read_exec_only", d->read_exec_only);
	pr_field_u(f, "limit_in_pages", d->limit_in_pages);
	pr_field_u(f, "seg_not_present", d->seg_not_present);
	pr_field_u(f, "useable", d->useable);
	if (!c->ent->ia32)
		pr_field_u(f, "lm", d->lm);
	pr_struct_end(f);
}

/* u_info: the descriptor as given, or its address. */
static void set_thread_area_enter(struct sr_fmt *f, const struct sr_call *c)
{
	const struct user_desc *d = blob_get(c->in[0], sizeof(*d));

	fmt_arg(f, c, 0);
	if (!d || !fmt_decodes_structs(f))
		fmt_ptr(f, c->args[0]);
	else
		print_user_desc(f, c, d);
}

/* After a success: " (entry_number=12)", the entry the kernel filled in. */
static void set_thread_area_ret_suffix(struct sr_fmt *f, const struct sr_call *c)
{
	const struct user_desc *d = c->has_exit ? blob_get(c->out[0], sizeof(*d)) : NULL;
	char text[32];

	if (c->ret < 0 || !d || !fmt_decodes_structs(f))
		return;
	/* strace's RVAL_STR: a text, which JSON keeps with the number */
	snprintf(text, sizeof(text), "entry_number=%u", d->entry_number);
	pr_note_begin(f);
	pr_sym_fmt(f, text, d->entry_number, SR_NUM_U);
	pr_note_end(f);
}

static void user_desc_print(struct sr_fmt *f, const struct sr_call *c, int argi, const void *data,
			    size_t len)
{
	struct user_desc d;

	(void)argi;
	memcpy(&d, data, len < sizeof(d) ? len : sizeof(d));
	print_user_desc(f, c, &d);
}

const struct sr_kind sr_kind_user_desc = {
	.name = "user_desc",
	.size = sizeof(struct user_desc),
	.print = user_desc_print,
	.same32 = true, /* fixed-width fields */
};

const struct sr_scdec sr_scdec_set_thread_area = {
	.name = "set_thread_area",
	.enter = set_thread_area_enter,
	.ret_suffix = set_thread_area_ret_suffix,
	.same32 = true,
};
