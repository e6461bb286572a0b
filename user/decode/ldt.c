// SPDX-License-Identifier: GPL-2.0
/*
 * Decoders: x86 thread-local storage descriptors (struct user_desc of
 * <asm/ldt.h>) as strace 6.1's ldt.c prints them: set_thread_area's, the
 * descriptor the call was given and the entry number the kernel chose after
 * "= 0"; get_thread_area's, the entry number asked for and the descriptor
 * stored. Its layout is the same for ia32 tasks, which call
 * set_thread_area at start (glibc's TLS); lm only counts for 64-bit ones.
 */
#include <stdio.h>
#include <string.h>
#include <asm/ldt.h>

#include "decode/process.h"

_Static_assert(sizeof(struct user_desc) == 16, "struct user_desc: four u32, flags as bits");

/* The fields after entry_number: strace's "%#08x" addresses, then the bits. */
static void user_desc_tail(struct sr_fmt *f, const struct sr_call *c, const struct user_desc *d)
{
	/* strace's PRINT_FIELD_0X: zero-padded to twice the field's size */
	const int width = 2 * sizeof(d->limit);

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
}

/* "{entry_number=-1, base_addr=0xf7fc0580, limit=0x0fffff, seg_32bit=1, ...}" */
static void print_user_desc(struct sr_fmt *f, const struct sr_call *c, const struct user_desc *d)
{
	pr_struct_begin(f);
	pr_field(f, "entry_number");
	pr_id(f, d->entry_number);
	user_desc_tail(f, c, d);
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
	user_desc_tail(f, c, &d);
	pr_struct_end(f);
}

const struct sr_decoder sr_dec_user_desc_get = {
	.name = "user_desc_get",
	.at_exit = true,
	.plan = user_desc_get_plan,
	.print = user_desc_get_print,
};

/*
 * modify_ldt: the descriptor when the byte count is a descriptor's size
 * (else the address), as strace's ldt.c reads it at entry.
 */
static void modify_ldt_enter(struct sr_fmt *f, const struct sr_call *c)
{
	const struct user_desc *d = blob_get(c->in[1], sizeof(*d));

	fmt_arg(f, c, 0);
	pr_d(f, (int32_t)c->args[0]);
	fmt_arg(f, c, 1);
	if (c->args[2] != sizeof(*d) || !c->args[1] || !d || !fmt_decodes_structs(f))
		fmt_ptr(f, c->args[1]);
	else
		print_user_desc(f, c, d);
	fmt_arg(f, c, 2);
	pr_u(f, c->args[2]);
}

/*
 * The kernel's modify_ldt returns an int its x86_64 entry zero-extends: an
 * error comes back as 4294967258, which strace prints as it is, followed
 * by the error's name (" ENOSYS (Function not implemented)").
 */
static void modify_ldt_ret_suffix(struct sr_fmt *f, const struct sr_call *c)
{
	uint64_t r = (uint64_t)c->ret;
	const char *name;
	char text[96];
	int err;

	if (c->ent->ia32 || r < 0xfffff000 || r > UINT32_MAX)
		return;
	err = (int)(0x100000000ULL - r);
	name = errno__name(err);
	if (name)
		snprintf(text, sizeof(text), " %s (%s)", name, errno__text(err));
	else
		snprintf(text, sizeof(text), " (errno %d)", err);
	pr_artifact(f, text);
}

static void modify_ldt_plan(const struct sr_sysent *ent, const struct sr_opts *o, struct sr_plan *p)
{
	(void)ent;
	(void)o;
	p->a[1] = (struct sr_plan_arg){ .when = SR_CAP_ENTER | SR_CAP_RETRY,
					.how = SR_HOW_BUF,
					.len_src = SR_LEN_FIXED,
					.elem = sizeof(struct user_desc),
					.cap = sizeof(struct user_desc) };
}

const struct sr_scdec sr_scdec_modify_ldt = {
	.name = "modify_ldt",
	.enter = modify_ldt_enter,
	.ret_suffix = modify_ldt_ret_suffix,
	.plan = modify_ldt_plan,
};
