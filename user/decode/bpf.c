// SPDX-License-Identifier: GPL-2.0
/*
 * Decoders: bpf(2)'s union bpf_attr, by command, as strace 6.1 prints it.
 * Each command is a table of the fields strace shows (bpf_cmds.c), walked
 * up to the size the caller gives: a field that starts a group strace
 * added in one kernel release is shown only when the size reaches it, the
 * rest of the group reads as zero where the size cuts it; then the bytes
 * past what strace knows, when any is not zero ("..." or, with -v,
 * extra_data=). The memory a field points to (a license, a path, a log, an
 * array) is captured in a spare plan slot by the command's row of
 * commands.def (plan_more() below). Commands without a table print the
 * address, as strace does.
 */
#include <stdio.h>
#include <string.h>
#include <linux/bpf.h>

#include "cli/opts.h"
#include "decode/bpf.h"
#include "decode/bpf_filter.h"
#include "decode/filemode.h"
#include "decode/net.h"
#include "fd/fdtab.h"

static void fmt_extra(struct sr_fmt *f, const uint8_t *data, uint32_t size, uint32_t known);

static uint64_t field_val(const uint8_t *a, const struct bpf_field *fl)
{
	return fl->size == sizeof(uint64_t) ? get64(a, fl->off) : get32(a, fl->off);
}

const struct sr_blob *bpf_ref_blob(const struct sr_call *c, int slot, bool at_exit)
{
	const struct sr_blob *b;

	if (slot < BPF_SLOT0 || slot >= SR_NARGS || (at_exit && !c->has_exit))
		return NULL;
	b = at_exit ? c->out[slot] : c->in[slot];
	return b && b->arg == slot ? b : NULL;
}

/* A char array: up to its NUL within @n bytes, else n - 1 of them and "...". */
static void fmt_cstr(struct sr_fmt *f, const uint8_t *s, size_t n)
{
	const uint8_t *nul = memchr(s, 0, n);

	if (nul)
		pr_str(f, s, nul - s, SR_BLOB_MAX, 0);
	else if (n)
		pr_str(f, s, n - 1, SR_BLOB_MAX, SR_Q_ELLIPSIS);
}

/* One eBPF instruction, as strace's print_ebpf_insn(). */
static void fmt_ebpf_insn(struct sr_fmt *f, const struct bpf_insn *in)
{
	pr_struct_begin(f);
	pr_field(f, "code");
	fmt_ebpf_code(f, in->code);
	pr_field(f, "dst_reg");
	fmt_enum(f, &xlat_ebpf_regs, in->dst_reg);
	pr_field(f, "src_reg");
	fmt_enum(f, &xlat_ebpf_regs, in->src_reg);
	pr_field_d(f, "off", in->off);
	pr_field_x(f, "imm", (uint32_t)in->imm);
	pr_struct_end(f);
}

/* Element @i of an array, of @kind, at @p. */
static void fmt_elem(struct sr_fmt *f, const struct sr_call *c, uint8_t kind, const uint8_t *p)
{
	switch (kind) {
	case BF_INSNS:
		fmt_ebpf_insn(f, (const struct bpf_insn *)p);
		break;
	case BF_U32S:
		pr_u(f, get32(p, 0));
		break;
	case BF_X64S:
		pr_x(f, get64(p, 0));
		break;
	case BF_ITER:
		/* union bpf_iter_link_info: strace knows its map */
		pr_struct_begin(f);
		pr_field(f, "map");
		pr_struct_begin(f);
		pr_field(f, "map_fd");
		fmt_fd(f, c, (int32_t)get32(p, 0));
		pr_struct_end(f);
		pr_struct_end(f);
		break;
	}
}

static size_t elem_size(uint8_t kind)
{
	switch (kind) {
	case BF_INSNS:
		return sizeof(struct bpf_insn);
	case BF_X64S:
		return sizeof(uint64_t);
	default:
		return sizeof(uint32_t);
	}
}

/*
 * @count elements at @addr from blob @b, as strace's print_array(): NULL,
 * "[]", the address when the first is unreadable (or, at exit, the call
 * failed), "... /\* 0xADDR *\/" where memory ends, "..." past -s of them.
 */
static void fmt_ref_array(struct sr_fmt *f, const struct sr_call *c, const struct sr_blob *b,
			  uint8_t kind, uint64_t addr, uint64_t count)
{
	size_t el = elem_size(kind), have, i;

	if (!addr) {
		pr_addr(f, 0);
		return;
	}
	if (!count) {
		pr_array_begin(f);
		pr_array_end(f);
		return;
	}
	if (fmt_array_wraps(f, addr, count, el))
		return;
	have = blob_ok(b) ? b->len / el : 0;
	if (!have) {
		pr_x(f, addr);
		return;
	}
	pr_array_begin(f);
	for (i = 0; i < count; i++) {
		if (i >= have) {
			if (b->flags & SR_BF_PART)
				fmt_more_unread(f, addr + i * el);
			else
				pr_more(f);
			break;
		}
		if (!pr_array_elem(f, i))
			break;
		fmt_elem(f, c, kind, blob_data(b) + i * el);
	}
	pr_array_end(f);
}

/*
 * OBJ_GET_INFO_BY_FD's info, @n bytes from blob @b, for the fd in @a: a
 * map's, when the fd tables know the fd is one, as strace picks its printer
 * by the fd's anon inode (a program's it prints is not done: false).
 */
static bool fmt_map_info(struct sr_fmt *f, const struct sr_call *c, const uint8_t *a,
			 const struct sr_blob *b, uint64_t n)
{
	const struct bpf_cmd_desc *d = &bpf_map_info_desc;
	uint8_t info[sizeof(struct bpf_map_info) + sizeof(uint64_t)] = { 0 };
	char desc[64];
	uint32_t len, i;

	if (!f->fds || !blob_ok(b) || !n || n > SR_BLOB_MAX || b->len < n || d->size > sizeof(info))
		return false;
	if (!fdtab__describe(f->fds, c, (int32_t)get32(a, BA_OFF(info.bpf_fd)), SR_FDW_ARG, desc,
			     sizeof(desc)) ||
	    strcmp(desc, "<anon_inode:bpf-map>"))
		return false;
	len = n < d->size ? n : d->size;
	memcpy(info, blob_data(b), len);
	pr_struct_begin(f);
	for (i = 0; i < d->n; i++) {
		/* a group the size cuts ends the struct, before any extra data */
		if (d->f[i].group && len <= d->f[i].off) {
			pr_struct_end(f);
			return true;
		}
		bpf_field_print(f, c, info, NULL, &d->f[i], len);
	}
	fmt_extra(f, blob_data(b), n, d->size);
	pr_struct_end(f);
	return true;
}

/* The memory a pointer field points to, from its plan slot; @v: the pointer; @n: its length. */
static void fmt_ref(struct sr_fmt *f, const struct sr_call *c, const uint8_t *a,
		    const struct bpf_field *fl, uint64_t v, uint64_t n)
{
	bool at_exit = fl->kind == BF_U32S || fl->kind == BF_STR_OUT || fl->kind == BF_INFO;
	const struct sr_blob *b = bpf_ref_blob(c, fl->slot, at_exit);

	switch (fl->kind) {
	case BF_INFO:
		if (!fmt_verbose(f) || !fmt_map_info(f, c, a, b, n))
			pr_addr(f, v);
		break;
	case BF_STR:
	case BF_STR_OUT:
		fmt_str_upto(f, b, v, fl->lim ? fl->lim : fl->len_off != BF_NOLEN ? n : SIZE_MAX);
		break;
	case BF_PATH:
		fmt_blob_str(f, b, v, SR_BLOB_MAX - 1, SR_Q_NUL_TERM);
		break;
	case BF_STRN:
		if (!v || !blob_ok(b) || (b->len < n && b->len < fmt_strsize(f)))
			fmt_blob_str(f, b, v, 0, 0);
		else
			pr_str(f, blob_data(b), n < b->len ? n : b->len, fmt_strsize(f),
			       n > fmt_strsize(f) ? SR_Q_ELLIPSIS : 0);
		break;
	case BF_INSNS:
		if (!fmt_verbose(f))
			pr_addr(f, v);
		else
			fmt_ref_array(f, c, b, fl->kind, v, n);
		break;
	case BF_U32S:
		if (at_exit && (!c->has_exit || c->ret < 0) && v && n)
			pr_x(f, v);
		else
			fmt_ref_array(f, c, b, fl->kind, v, n);
		break;
	default:
		fmt_ref_array(f, c, b, fl->kind, v, n);
		break;
	}
}

/* A scalar field's value. */
static void fmt_scalar(struct sr_fmt *f, const struct sr_call *c, const struct bpf_field *fl,
		       uint64_t v)
{
	switch (fl->kind) {
	case BF_U32:
	case BF_U64:
		pr_u(f, v);
		break;
	case BF_X:
		pr_x(f, v);
		break;
	case BF_FD:
		fmt_fd(f, c, (int32_t)v);
		break;
	case BF_TGID:
		fmt_pid(f, (int32_t)v);
		break;
	case BF_ADDR:
		pr_addr(f, v);
		break;
	case BF_XVAL:
		fmt_enum(f, fl->x, v);
		break;
	case BF_FLAGS:
	case BF_FLAGS64:
		fmt_flags(f, fl->x, v);
		break;
	case BF_IFINDEX:
		fmt_ifindex(f, (uint32_t)v);
		break;
	case BF_NUMA:
		/* the kernel's NUMA_NO_NODE is no UAPI name: strace shows the number with it */
		pr_u(f, (uint32_t)v);
		if ((int32_t)v == -1)
			pr_comment(f, "NUMA_NO_NODE");
		break;
	case BF_DEV:
		fmt_dev(f, v);
		break;
	case BF_KVER:
		if (pr_call_raw_begin(f, "KERNEL_VERSION", v)) {
			pr_u(f, v >> 16);
			pr_u(f, (v >> 8) & 0xff);
			pr_u(f, v & 0xff);
			pr_call_end(f);
		}
		break;
	}
}

void bpf_field_print(struct sr_fmt *f, const struct sr_call *c, const uint8_t *a,
		     const uint8_t *out, const struct bpf_field *fl, uint32_t len)
{
	uint64_t v = field_val(a, fl);

	if (fl->cond_bits && !(get32(a, fl->cond_off) & fl->cond_bits))
		return;
	if (fl->kind == BF_END) {
		pr_struct_end(f);
		return;
	}
	pr_field(f, fl->name);
	if (fl->slot) {
		/* the length as at exit for what the kernel wrote, the smaller one (task_fd_query's buf) */
		uint64_t n = fl->len_off != BF_NOLEN ? get32(a, fl->len_off) : 0;

		if (out && fl->len_off != BF_NOLEN && fl->kind != BF_INSNS &&
		    (fl->kind == BF_U32S || fl->kind == BF_INFO || get32(out, fl->len_off) < n))
			n = get32(out, fl->len_off);
		fmt_ref(f, c, a, fl, v, n);
		return;
	}
	switch (fl->kind) {
	case BF_NEST:
		pr_struct_begin(f);
		break;
	case BF_CSTR:
		fmt_cstr(f, a + fl->off, len - fl->off < fl->size ? len - fl->off : fl->size);
		break;
	case BF_ID_INOUT:
		pr_u(f, v);
		if (out && field_val(out, fl) != v) {
			pr_changed(f);
			pr_u(f, field_val(out, fl));
		}
		break;
	default:
		fmt_scalar(f, c, fl, v);
		break;
	}
}

/* Bytes past what strace knows of the command, when one is not zero. */
static void fmt_extra(struct sr_fmt *f, const uint8_t *data, uint32_t size, uint32_t known)
{
	char note[48];
	uint32_t i;

	for (i = known; i < size && !data[i]; i++)
		;
	if (i >= size)
		return;
	if (!fmt_verbose(f)) {
		pr_more(f);
		return;
	}
	pr_field(f, "extra_data");
	pr_str(f, data + known, size - known, size - known, SR_Q_HEX);
	snprintf(note, sizeof(note), "bytes %u..%u", known, size - 1);
	pr_comment(f, note);
}

static void bpf_attr_print(struct sr_fmt *f, const struct sr_call *c, int argi)
{
	const struct bpf_cmd_desc *d = bpf_cmd_desc((uint32_t)c->args[0]);
	uint32_t size = (uint32_t)c->args[2], len, known, i;
	int nest = 0;
	const struct sr_blob *b = c->in[argi];
	const uint8_t *out = NULL, *vals;
	uint8_t a[sizeof(union bpf_attr)] = { 0 }, o[sizeof(union bpf_attr)] = { 0 };

	if (!d || !size || size > SR_BLOB_MAX || !blob_ok(b) || b->len < size ||
	    !fmt_decodes_structs(f)) {
		fmt_ptr(f, c->args[argi]);
		return;
	}
	len = size < sizeof(a) ? size : sizeof(a);
	memcpy(a, blob_data(b), len);
	if (c->has_exit && blob_get(c->out[argi], len)) {
		memcpy(o, blob_data(c->out[argi]), len);
		out = o;
	}
	known = d->size;
	if (len > known)
		len = known;
	memset(a + len, 0, sizeof(a) - len);
	memset(o + len, 0, sizeof(o) - len);
	pr_struct_begin(f);
	/* after a field the kernel writes back, strace prints what it reads at exit */
	vals = a;
	for (i = 0; i < d->n && !d->print; i++) {
		if (d->f[i].group && len <= d->f[i].off)
			break;
		bpf_field_print(f, c, vals, out, &d->f[i], len);
		if (d->f[i].kind == BF_ID_INOUT && out)
			vals = out;
		nest += d->f[i].kind == BF_NEST ? 1 : d->f[i].kind == BF_END ? -1 : 0;
	}
	if (d->print)
		known = d->print(f, c, a, len);
	/* a nested struct the size ended */
	for (; nest > 0; nest--)
		pr_struct_end(f);
	fmt_extra(f, blob_data(b), size, known);
	pr_struct_end(f);
}

/*
 * The fds the attributes name, for the fd tables to resolve before the line
 * prints: the fields of the command's table within the size given, or
 * LINK_CREATE's two.
 */
static void bpf_attr_fds(const struct sr_call *c, int argi, bool at_exit, sr_fd_fn fn, void *ctx)
{
	const struct bpf_cmd_desc *d = bpf_cmd_desc((uint32_t)c->args[0]);
	uint32_t size = (uint32_t)c->args[2], i;
	const struct sr_blob *b = c->in[argi];
	const uint8_t *a;

	if (at_exit || !d || !size || !blob_ok(b) || b->len < size)
		return;
	a = blob_data(b);
	if (d->print) {
		fn(ctx, (int32_t)get32(a, BA_OFF(link_create.prog_fd)));
		if (size >= BA_END(link_create.target_fd))
			fn(ctx, (int32_t)get32(a, BA_OFF(link_create.target_fd)));
		return;
	}
	for (i = 0; i < d->n; i++) {
		const struct bpf_field *fl = &d->f[i];

		if (fl->group && size <= fl->off)
			break;
		if (fl->kind == BF_FD && fl->off + sizeof(uint32_t) <= size)
			fn(ctx, (int32_t)get32(a, fl->off));
	}
}

/* The bytes to capture for a pointer field of @kind: what strace may print of it. */
static uint32_t ref_cap(uint8_t kind, uint16_t lim, const struct sr_opts *o, bool abbrev)
{
	uint64_t n = (uint64_t)(o->strsize > 0 ? o->strsize : 0) + 1;

	switch (kind) {
	case BF_PATH:
	case BF_INFO:
		return SR_BLOB_MAX;
	case BF_STR:
	case BF_STR_OUT:
		if (lim && lim < n)
			n = lim;
		break;
	case BF_STRN:
		break;
	default:
		/* arrays: -s elements and one more to tell, all (up to a blob) under -v */
		n = abbrev ? n * elem_size(kind) : SR_BLOB_MAX;
		break;
	}
	return n > SR_BLOB_MAX ? SR_BLOB_MAX : (uint32_t)n;
}

/*
 * The memory the command's pointer fields point to, each in its spare slot
 * (SR_HOW_DEREF: the pointer at its offset in the attributes, then the
 * bytes): at entry as the kernel reads it, at exit what it writes.
 */
static void bpf_attr_plan_more(const struct sr_sysent *ent, int argi, const struct sr_opts *o,
			       struct sr_plan *p)
{
	const struct bpf_cmd_desc *d = ent->sub ? bpf_cmd_desc(ent->sel_value) : NULL;
	bool abbrev = opts__abbrev(o, ent->nr);
	size_t i;

	for (i = 0; d && i < d->n; i++) {
		const struct bpf_field *fl = &d->f[i];
		struct sr_plan_arg *pa;

		if (!fl->slot || fl->slot >= SR_NARGS ||
		    ((fl->kind == BF_INSNS || fl->kind == BF_INFO) && abbrev))
			continue;
		pa = &p->a[fl->slot];
		if (fl->kind == BF_U32S)
			pa->when = SR_CAP_EXIT;
		else if (fl->kind == BF_STR_OUT || fl->kind == BF_INFO)
			pa->when = SR_CAP_EXIT | SR_CAP_ANYRET;
		else
			pa->when = SR_CAP_ENTER | SR_CAP_RETRY;
		pa->how = SR_HOW_DEREF;
		pa->len_src = SR_LEN_FIXED;
		pa->len_arg = argi;
		pa->elem = fl->off;
		pa->cap = ref_cap(fl->kind, fl->lim, o, abbrev);
	}
}

/*
 * The attributes as the kernel reads them at entry, and as it leaves them
 * (the ids it writes back), up to a page: strace shows the address of more.
 */
static void bpf_attr_plan(const struct sr_sysent *ent, int argi, const struct sr_opts *o,
			  struct sr_plan_arg *pa)
{
	(void)ent;
	(void)argi;
	(void)o;
	pa->when = SR_CAP_ENTER | SR_CAP_RETRY | SR_CAP_EXIT | SR_CAP_ANYRET | SR_CAP_LEN32;
	pa->how = SR_HOW_BUF;
	pa->len_src = SR_LEN_ARG;
	pa->len_arg = 2;
	pa->elem = 1;
	pa->cap = SR_BLOB_MAX;
}

const struct sr_decoder sr_dec_bpf_attr = {
	.name = "bpf_attr",
	.at_exit = true,
	.plan = bpf_attr_plan,
	.plan_more = bpf_attr_plan_more,
	.print = bpf_attr_print,
	.fds = bpf_attr_fds,
};
