// SPDX-License-Identifier: GPL-2.0
/*
 * Decoders: bpf(2)'s union bpf_attr, by command, as strace 6.1 prints it.
 * Each command is a table of the fields strace shows, walked up to the size
 * the caller gives: a field that starts a group strace added in one kernel
 * release is shown only when the size reaches it, the rest of the group
 * reads as zero where the size cuts it; then the bytes past what strace
 * knows, when any is not zero ("..." or, with -v, extra_data=). Commands
 * without a table print the address, as before.
 */
#include <stdio.h>
#include <string.h>
#include <linux/bpf.h>

#include "decode/decode.h"
#include "decode/net.h"

#define BA_OFF(m) offsetof(union bpf_attr, m)
#define BA_END(m) (BA_OFF(m) + sizeof(((union bpf_attr *)0)->m))

/* How a field prints. */
enum bpf_fk {
	BF_U32, /* decimal */
	BF_U64,
	BF_FD, /* an fd, annotated under -y */
	BF_ADDR, /* a u64 user address: NULL or hex */
	BF_XVAL, /* a u32 by name (xlat) */
	BF_FLAGS, /* u32 flags (xlat) */
	BF_FLAGS64,
	BF_CSTR, /* a char array: up to its NUL, or "..." */
	BF_IFINDEX,
	BF_NUMA, /* numa_node: a number and, for -1, its name */
	BF_ID_INOUT, /* a u32 the kernel writes back: "0 => 5" when it changed */
	BF_NEST, /* a named struct of the union ("link_update={...}"): the fields up to BF_END */
	BF_END,
};

struct bpf_field {
	const char *name;
	uint16_t off;
	uint16_t size; /* BF_CSTR: the array's */
	uint8_t kind; /* enum bpf_fk */
	bool group; /* shown only when the size given reaches it */
	const struct sr_xlat *x;
	/* shown only when the u32 at cond_off has one of the cond_bits set (0: always) */
	uint16_t cond_off;
	uint32_t cond_bits;
};

struct bpf_cmd_desc {
	uint32_t cmd;
	uint16_t size; /* what strace knows of the command's struct: the rest is extra */
	const struct bpf_field *f;
	size_t n;
};

/* Field @m of the union, printed as @name. */
#define FN(name, m, k, ...)                                                       \
	{                                                                         \
		name, BA_OFF(m), sizeof(((union bpf_attr *)0)->m), k, __VA_ARGS__ \
	}
#define F(m, k, ...)  FN(#m, m, k, __VA_ARGS__)
#define FG(m, k, ...) FN(#m, m, k, true, __VA_ARGS__)

static const struct bpf_field map_create[] = {
	F(map_type, BF_XVAL, false, &xlat_bpf_map_types),
	F(key_size, BF_U32),
	F(value_size, BF_U32),
	F(max_entries, BF_U32),
	FG(map_flags, BF_FLAGS, &xlat_bpf_map_flags),
	FG(inner_map_fd, BF_FD),
	{ "numa_node", BA_OFF(numa_node), sizeof(uint32_t), BF_NUMA, true, NULL, BA_OFF(map_flags),
	  BPF_F_NUMA_NODE },
	FG(map_name, BF_CSTR),
	FG(map_ifindex, BF_IFINDEX),
	FG(btf_fd, BF_FD),
	F(btf_key_type_id, BF_U32),
	F(btf_value_type_id, BF_U32),
	FG(btf_vmlinux_value_type_id, BF_U32),
	FG(map_extra, BF_U64),
};

static const struct bpf_field map_lookup_elem[] = {
	F(map_fd, BF_FD),
	F(key, BF_ADDR),
	F(value, BF_ADDR),
	FG(flags, BF_FLAGS64, &xlat_bpf_map_lookup_elem_flags),
};

static const struct bpf_field map_update_elem[] = {
	F(map_fd, BF_FD),
	F(key, BF_ADDR),
	F(value, BF_ADDR),
	F(flags, BF_XVAL, false, &xlat_bpf_map_update_elem_flags),
};

static const struct bpf_field map_delete_elem[] = {
	F(map_fd, BF_FD),
	F(key, BF_ADDR),
};

static const struct bpf_field map_get_next_key[] = {
	F(map_fd, BF_FD),
	F(key, BF_ADDR),
	F(next_key, BF_ADDR),
};

static const struct bpf_field map_freeze[] = {
	F(map_fd, BF_FD),
};

static const struct bpf_field prog_attach[] = {
	F(target_fd, BF_FD),
	F(attach_bpf_fd, BF_FD),
	F(attach_type, BF_XVAL, false, &xlat_bpf_attach_type),
	F(attach_flags, BF_FLAGS, false, &xlat_bpf_attach_flags),
	FG(replace_bpf_fd, BF_FD),
};

static const struct bpf_field prog_detach[] = {
	F(target_fd, BF_FD),
	F(attach_type, BF_XVAL, false, &xlat_bpf_attach_type),
};

static const struct bpf_field get_next_id[] = {
	F(start_id, BF_U32),
	F(next_id, BF_ID_INOUT),
	FG(open_flags, BF_FLAGS, &xlat_bpf_file_mode_flags),
};

static const struct bpf_field prog_get_fd_by_id[] = {
	F(prog_id, BF_U32),
	F(next_id, BF_U32),
	FG(open_flags, BF_FLAGS, &xlat_bpf_file_mode_flags),
};

static const struct bpf_field map_get_fd_by_id[] = {
	F(map_id, BF_U32),
	F(next_id, BF_U32),
	FG(open_flags, BF_FLAGS, &xlat_bpf_file_mode_flags),
};

static const struct bpf_field btf_get_fd_by_id[] = {
	F(btf_id, BF_U32),
};

static const struct bpf_field link_get_fd_by_id[] = {
	F(link_id, BF_U32),
};

static const struct bpf_field link_update[] = {
	{ "link_update", BA_OFF(link_update), 0, BF_NEST },
	FN("link_fd", link_update.link_fd, BF_FD),
	FN("new_prog_fd", link_update.new_prog_fd, BF_FD),
	FN("flags", link_update.flags, BF_FLAGS, false, &xlat_bpf_attach_flags),
	{ "old_prog_fd", BA_OFF(link_update.old_prog_fd), sizeof(uint32_t), BF_FD, false, NULL,
	  BA_OFF(link_update.flags), BPF_F_REPLACE },
	{ NULL, 0, 0, BF_END },
};

#define CMD(c, tbl, end)                                  \
	{                                                 \
		c, end, tbl, sizeof(tbl) / sizeof(tbl[0]) \
	}

static const struct bpf_cmd_desc cmds[] = {
	CMD(BPF_MAP_CREATE, map_create, BA_END(map_extra)),
	CMD(BPF_MAP_LOOKUP_ELEM, map_lookup_elem, BA_END(flags)),
	CMD(BPF_MAP_LOOKUP_AND_DELETE_ELEM, map_lookup_elem, BA_END(flags)),
	CMD(BPF_MAP_UPDATE_ELEM, map_update_elem, BA_END(flags)),
	CMD(BPF_MAP_DELETE_ELEM, map_delete_elem, BA_END(key)),
	CMD(BPF_MAP_GET_NEXT_KEY, map_get_next_key, BA_END(next_key)),
	CMD(BPF_MAP_FREEZE, map_freeze, BA_END(map_fd)),
	CMD(BPF_PROG_ATTACH, prog_attach, BA_END(replace_bpf_fd)),
	CMD(BPF_PROG_DETACH, prog_detach, BA_END(attach_type)),
	CMD(BPF_PROG_GET_NEXT_ID, get_next_id, BA_END(open_flags)),
	CMD(BPF_MAP_GET_NEXT_ID, get_next_id, BA_END(open_flags)),
	CMD(BPF_BTF_GET_NEXT_ID, get_next_id, BA_END(open_flags)),
	CMD(BPF_LINK_GET_NEXT_ID, get_next_id, BA_END(open_flags)),
	CMD(BPF_PROG_GET_FD_BY_ID, prog_get_fd_by_id, BA_END(open_flags)),
	CMD(BPF_MAP_GET_FD_BY_ID, map_get_fd_by_id, BA_END(open_flags)),
	CMD(BPF_BTF_GET_FD_BY_ID, btf_get_fd_by_id, BA_END(btf_id)),
	CMD(BPF_LINK_GET_FD_BY_ID, link_get_fd_by_id, BA_END(link_id)),
	CMD(BPF_LINK_UPDATE, link_update, BA_END(link_update.old_prog_fd)),
};

static const struct bpf_cmd_desc *cmd_desc(uint32_t cmd)
{
	size_t i;

	for (i = 0; i < sizeof(cmds) / sizeof(cmds[0]); i++)
		if (cmds[i].cmd == cmd)
			return &cmds[i];
	return NULL;
}

static uint64_t field_val(const uint8_t *a, const struct bpf_field *fl)
{
	return fl->size == sizeof(uint64_t) ? get64(a, fl->off) : get32(a, fl->off);
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

/* One field; @out: the struct as the kernel left it (NULL: not read). */
static void fmt_field(struct sr_fmt *f, const struct sr_call *c, const uint8_t *a,
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
	switch (fl->kind) {
	case BF_NEST:
		pr_struct_begin(f);
		break;
	case BF_END:
		break;
	case BF_U32:
	case BF_U64:
		pr_u(f, v);
		break;
	case BF_FD:
		fmt_fd(f, c, (int32_t)v);
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
	case BF_CSTR:
		fmt_cstr(f, a + fl->off, len - fl->off < fl->size ? len - fl->off : fl->size);
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
	case BF_ID_INOUT:
		pr_u(f, v);
		if (out && field_val(out, fl) != v) {
			pr_changed(f);
			pr_u(f, field_val(out, fl));
		}
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
	const struct bpf_cmd_desc *d = cmd_desc((uint32_t)c->args[0]);
	uint32_t size = (uint32_t)c->args[2], len, i;
	int nest = 0;
	const struct sr_blob *b = c->in[argi];
	const uint8_t *out = NULL;
	uint8_t a[sizeof(union bpf_attr)] = { 0 };

	if (!d || !size || size > SR_BLOB_MAX || !blob_ok(b) || b->len < size ||
	    !fmt_decodes_structs(f)) {
		fmt_ptr(f, c->args[argi]);
		return;
	}
	len = size < d->size ? size : d->size;
	memcpy(a, blob_data(b), len);
	if (c->has_exit && blob_get(c->out[argi], len))
		out = blob_data(c->out[argi]);
	pr_struct_begin(f);
	for (i = 0; i < d->n; i++) {
		if (d->f[i].group && len <= d->f[i].off)
			break;
		fmt_field(f, c, a, out, &d->f[i], len);
		nest += d->f[i].kind == BF_NEST ? 1 : d->f[i].kind == BF_END ? -1 : 0;
	}
	/* a nested struct the size ended */
	for (; nest > 0; nest--)
		pr_struct_end(f);
	fmt_extra(f, blob_data(b), size, d->size);
	pr_struct_end(f);
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
	.print = bpf_attr_print,
};
