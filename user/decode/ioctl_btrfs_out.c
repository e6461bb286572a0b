// SPDX-License-Identifier: GPL-2.0
/*
 * Decoders: the btrfs ioctls whose structs hold arrays or point to more
 * memory, as strace 6.1 prints them: the tree searches (their item headers
 * in the buffer the call fills), the data containers of BTRFS_IOC_INO_PATHS
 * and BTRFS_IOC_LOGICAL_INO, BTRFS_IOC_SPACE_INFO's array, BTRFS_IOC_SEND's
 * clone sources and the qgroup inheritance of BTRFS_IOC_SNAP_CREATE_V2.
 * The memory a struct points to comes from the ioctl references listed at
 * the end (struct sr_ioc_refrow).
 */
#include <errno.h>
#include <string.h>
#include <linux/btrfs.h>
#include <linux/btrfs_tree.h>

#include "decode/ioctl_btrfs.h"

typedef void btrfs_elem_fn(struct sr_fmt *f, const uint8_t *e, const void *ctx);

/*
 * An array of @count @size-byte elements at @addr, @len bytes of it copied
 * at @p, as strace's print_array(): NULL, "[]", the address when the first
 * element cannot be read, the elements up to -s (all with -v), then
 * "... /\* address *\/" where the copy ends first.
 */
static void btrfs_array(struct sr_fmt *f, uint64_t addr, uint64_t count, size_t size,
			const uint8_t *p, size_t len, btrfs_elem_fn *fn, const void *ctx)
{
	uint64_t i;

	if (!addr) {
		fmt_ptr(f, 0);
		return;
	}
	if (!count) {
		pr_array_begin(f);
		pr_array_end(f);
		return;
	}
	if (fmt_array_wraps(f, addr, count, size))
		return;
	if (!p || len < size) {
		pr_addr(f, addr);
		return;
	}
	pr_array_begin(f);
	for (i = 0; i < count; i++) {
		if ((i + 1) * size > len) {
			fmt_more_unread(f, addr + i * size);
			break;
		}
		if (!pr_array_elem(f, i))
			break;
		fn(f, p + i * size, ctx);
	}
	pr_array_end(f);
}

static void print_objectid_elem(struct sr_fmt *f, const uint8_t *e, const void *ctx)
{
	uint64_t v = get64(e, 0);
	const char *s = xlat__name(&xlat_btrfs_tree_objectids, v);

	if (s)
		pr_sym_fmt(f, s, v, SR_NUM_U);
	else
		pr_u(f, v);
}

static void print_u64_elem(struct sr_fmt *f, const uint8_t *e, const void *ctx)
{
	pr_u(f, get64(e, 0));
}

/* The qgroup inheritance (reference 0): header, limits, then its qgroups with -v. */
static void print_qgroup_inherit(struct sr_fmt *f, const struct sr_call *c, uint64_t addr)
{
	const size_t hdr = sizeof(struct btrfs_qgroup_inherit);
	struct btrfs_qgroup_inherit in;
	const uint8_t *p;
	size_t len;

	p = ioc_ref_copy(c, 0, false, &len);
	if (!addr || !p || len < hdr) {
		fmt_ptr(f, addr);
		return;
	}
	memcpy(&in, p, hdr);
	pr_struct_begin(f);
	pr_field(f, "flags");
	fmt_flags(f, &xlat_btrfs_qgroup_inherit_flags, in.flags);
	pr_field_u(f, "num_qgroups", in.num_qgroups);
	pr_field_u(f, "num_ref_copies", in.num_ref_copies);
	pr_field_u(f, "num_excl_copies", in.num_excl_copies);
	pr_field(f, "lim");
	btrfs_print_qgroup_lim(f, &in.lim);
	if (fmt_verbose(f)) {
		pr_field(f, "qgroups");
		btrfs_array(f, addr + hdr, in.num_qgroups, sizeof(uint64_t), p + hdr, len - hdr,
			    print_u64_elem, NULL);
	} else {
		pr_more(f);
	}
	pr_struct_end(f);
}

void btrfs_print_vol_args_v2(struct sr_fmt *f, const struct sr_call *c, const uint8_t *p,
			     size_t len)
{
	const struct btrfs_ioctl_vol_args_v2 *a = (const void *)p;

	pr_struct_begin(f);
	pr_field(f, "fd");
	fmt_fd(f, c, (int32_t)a->fd);
	pr_field(f, "flags");
	fmt_flags(f, &xlat_btrfs_snap_flags_v2, a->flags);
	if (a->flags & BTRFS_SUBVOL_QGROUP_INHERIT) {
		pr_field_u(f, "size", a->size);
		pr_field(f, "qgroup_inherit");
		print_qgroup_inherit(f, c, (uint64_t)(uintptr_t)a->qgroup_inherit);
	}
	pr_field(f, "name");
	ioc_print_cstr(f, a->name, sizeof(a->name));
	pr_struct_end(f);
}

/* BTRFS_IOC_SEND: the clone sources (reference 0) with -v, else their address */
static void print_send(struct sr_fmt *f, const struct sr_call *c, const uint8_t *p, size_t len)
{
	const struct btrfs_ioctl_send_args *a = (const void *)p;
	const uint64_t addr = (uint64_t)(uintptr_t)a->clone_sources;
	const uint8_t *src;
	size_t slen;

	pr_struct_begin(f);
	pr_field(f, "send_fd");
	fmt_fd(f, c, (int32_t)a->send_fd);
	pr_field_u(f, "clone_sources_count", a->clone_sources_count);
	pr_field(f, "clone_sources");
	if (fmt_verbose(f)) {
		src = ioc_ref_copy(c, 0, false, &slen);
		btrfs_array(f, addr, a->clone_sources_count, sizeof(uint64_t), src, slen,
			    print_objectid_elem, NULL);
	} else {
		fmt_ptr(f, addr);
	}
	btrfs_xval_u(f, "parent_root", &xlat_btrfs_tree_objectids, a->parent_root);
	pr_field(f, "flags");
	fmt_flags(f, &xlat_btrfs_send_flags, a->flags);
	pr_struct_end(f);
}

/* A search key: all of it at entry (the objectid bounds when not the default or -v). */
static void print_search_key(struct sr_fmt *f, const struct btrfs_ioctl_search_key *k, bool in)
{
	const struct sr_xlat *ids = &xlat_btrfs_tree_objectids, *types = &xlat_btrfs_key_types;

	pr_struct_begin(f);
	if (!in) {
		pr_field_u(f, "nr_items", k->nr_items);
		pr_struct_end(f);
		return;
	}
	btrfs_xval_u(f, "tree_id", ids, k->tree_id);
	if (k->min_objectid != BTRFS_FIRST_FREE_OBJECTID || fmt_verbose(f))
		btrfs_xval_u(f, "min_objectid", ids, k->min_objectid);
	if (k->max_objectid != BTRFS_LAST_FREE_OBJECTID || fmt_verbose(f))
		btrfs_xval_u(f, "max_objectid", ids, k->max_objectid);
	btrfs_field_u64(f, "min_offset", k->min_offset);
	btrfs_field_u64(f, "max_offset", k->max_offset);
	btrfs_field_u64(f, "min_transid", k->min_transid);
	btrfs_field_u64(f, "max_transid", k->max_transid);
	btrfs_xval_u(f, "min_type", types, k->min_type);
	btrfs_xval_u(f, "max_type", types, k->max_type);
	pr_field_u(f, "nr_items", k->nr_items);
	pr_struct_end(f);
}

/*
 * The item headers the search wrote into its buffer of @size bytes at @addr
 * (@len of them copied at @p), as strace walks them: each header, then its
 * item's data; at most -s + 1 of them.
 */
static void print_search_buf(struct sr_fmt *f, uint64_t addr, uint64_t size, const uint8_t *p,
			     size_t len, uint32_t nr_items)
{
	struct btrfs_ioctl_search_header sh;
	uint64_t off = 0;
	uint32_t i;

	if (!fmt_verbose(f)) {
		pr_more(f);
		return;
	}
	pr_field(f, "buf");
	pr_array_begin(f);
	for (i = 0; i < nr_items; i++) {
		if (addr + off < addr || off + sizeof(sh) > size || i > fmt_strsize(f)) {
			pr_more(f);
			break;
		}
		if (off + sizeof(sh) > len) {
			fmt_more_unread(f, addr + off);
			break;
		}
		memcpy(&sh, p + off, sizeof(sh));
		pr_struct_begin(f);
		pr_field_u(f, "transid", sh.transid);
		btrfs_xval_u(f, "objectid", &xlat_btrfs_tree_objectids, sh.objectid);
		pr_field_u(f, "offset", sh.offset);
		btrfs_xval_u(f, "type", &xlat_btrfs_key_types, sh.type);
		pr_field_u(f, "len", sh.len);
		pr_struct_end(f);
		off += sizeof(sh) + sh.len;
	}
	pr_array_end(f);
}

/* BTRFS_IOC_TREE_SEARCH: {key={...}} => {key={nr_items=N}, buf=[...]} */
static void print_search_in(struct sr_fmt *f, const struct sr_call *c, const uint8_t *p, size_t len)
{
	pr_struct_begin(f);
	pr_field(f, "key");
	print_search_key(f, (const void *)p, true);
	pr_struct_end(f);
}

static void print_search_out(struct sr_fmt *f, const struct sr_call *c, const uint8_t *p,
			     size_t len)
{
	const size_t boff = offsetof(struct btrfs_ioctl_search_args, buf);
	const struct btrfs_ioctl_search_key *k = (const void *)p;

	pr_struct_begin(f);
	pr_field(f, "key");
	print_search_key(f, k, false);
	print_search_buf(f, c->args[2] + boff, sizeof(((struct btrfs_ioctl_search_args *)0)->buf),
			 p + boff, len - boff, k->nr_items);
	pr_struct_end(f);
}

/*
 * BTRFS_IOC_TREE_SEARCH_V2: as the first with buf_size, the buffer in
 * reference 0 (the whole argument); after EOVERFLOW, " => {buf_size=N}"
 * (the size it needs).
 */
static void print_search_v2_in(struct sr_fmt *f, const struct sr_call *c, const uint8_t *p,
			       size_t len)
{
	const struct btrfs_ioctl_search_args_v2 *a = (const void *)p;

	pr_struct_begin(f);
	pr_field(f, "key");
	print_search_key(f, &a->key, true);
	pr_field_u(f, "buf_size", a->buf_size);
	pr_struct_end(f);
}

static void print_search_v2_out(struct sr_fmt *f, const struct sr_call *c, const uint8_t *p,
				size_t len)
{
	const size_t boff = offsetof(struct btrfs_ioctl_search_args_v2, buf);
	const struct btrfs_ioctl_search_args_v2 *a = (const void *)p;
	const uint8_t *all;
	size_t alen;

	pr_struct_begin(f);
	if (c->ret < 0) {
		pr_field_u(f, "buf_size", a->buf_size);
		pr_struct_end(f);
		return;
	}
	pr_field(f, "key");
	print_search_key(f, &a->key, false);
	pr_field_u(f, "buf_size", a->buf_size);
	all = ioc_ref_copy(c, 0, true, &alen);
	if (!all || alen < len) {
		all = p;
		alen = len;
	}
	print_search_buf(f, c->args[2] + boff, a->buf_size, all + boff, alen - boff,
			 a->key.nr_items);
	pr_struct_end(f);
}

static void print_space_info_elem(struct sr_fmt *f, const uint8_t *e, const void *ctx)
{
	const struct btrfs_ioctl_space_info *s = (const void *)e;

	pr_struct_begin(f);
	pr_field(f, "flags");
	fmt_flags(f, &xlat_btrfs_space_info_flags, s->flags);
	pr_field_u(f, "total_bytes", s->total_bytes);
	pr_field_u(f, "used_bytes", s->used_bytes);
	pr_struct_end(f);
}

/* BTRFS_IOC_SPACE_INFO: {space_slots=N} => {total_spaces=N, spaces=[...]} */
static void print_space_in(struct sr_fmt *f, const struct sr_call *c, const uint8_t *p, size_t len)
{
	pr_struct_begin(f);
	pr_field_u(f, "space_slots", ((const struct btrfs_ioctl_space_args *)p)->space_slots);
	pr_struct_end(f);
}

static void print_space_out(struct sr_fmt *f, const struct sr_call *c, const uint8_t *p, size_t len)
{
	const size_t hdr = offsetof(struct btrfs_ioctl_space_args, spaces);
	const struct btrfs_ioctl_space_args *a = (const void *)p;
	const uint8_t *all;
	size_t alen;

	pr_struct_begin(f);
	pr_field_u(f, "total_spaces", a->total_spaces);
	if (!a->space_slots && a->total_spaces) {
		pr_struct_end(f);
		return;
	}
	if (!fmt_verbose(f)) {
		pr_more(f);
		pr_struct_end(f);
		return;
	}
	all = ioc_ref_copy(c, 0, true, &alen);
	if (!all || alen < len) {
		all = p;
		alen = len;
	}
	pr_field(f, "spaces");
	btrfs_array(f, c->args[2] + hdr, a->total_spaces, sizeof(struct btrfs_ioctl_space_info),
		    all + hdr, alen - hdr, print_space_info_elem, NULL);
	pr_struct_end(f);
}

/* struct btrfs_data_container's header (its closing brace is the caller's) */
static bool print_container_head(struct sr_fmt *f, uint64_t addr, const uint8_t *p, size_t len)
{
	const struct btrfs_data_container *d = (const void *)p;

	if (!addr || !p || len < sizeof(*d)) {
		fmt_ptr(f, addr);
		return false;
	}
	pr_struct_begin(f);
	pr_field_u(f, "bytes_left", d->bytes_left);
	pr_field_u(f, "bytes_missing", d->bytes_missing);
	pr_field_u(f, "elem_cnt", d->elem_cnt);
	pr_field_u(f, "elem_missed", d->elem_missed);
	if (!fmt_verbose(f))
		pr_more(f);
	else
		pr_field(f, "val");
	return true;
}

/* A path of BTRFS_IOC_INO_PATHS: at an offset from the container's values. */
struct ino_path_ctx {
	const uint8_t *val; /* the values in the copy */
	size_t len; /* bytes of them copied */
	uint64_t addr; /* their address */
};

static void print_ino_path_elem(struct sr_fmt *f, const uint8_t *e, const void *ctx)
{
	const struct ino_path_ctx *x = ctx;
	uint64_t off = get64(e, 0);
	size_t n;

	if (off >= x->len) {
		pr_addr(f, x->addr + off);
		return;
	}
	n = strnlen((const char *)x->val + off, x->len - off);
	if (n == x->len - off) {
		pr_addr(f, x->addr + off);
		return;
	}
	pr_str(f, x->val + off, n, n + 1, 0);
}

/* BTRFS_IOC_INO_PATHS: {inum, size, fspath=ADDR} => {fspath={..., val=["path"]}} */
static void print_ino_paths_in(struct sr_fmt *f, const struct sr_call *c, const uint8_t *p,
			       size_t len)
{
	const struct btrfs_ioctl_ino_path_args *a = (const void *)p;

	pr_struct_begin(f);
	pr_field_u(f, "inum", a->inum);
	pr_field_u(f, "size", a->size);
	pr_field(f, "fspath");
	fmt_ptr(f, a->fspath);
	pr_struct_end(f);
}

static void print_ino_paths_out(struct sr_fmt *f, const struct sr_call *c, const uint8_t *p,
				size_t len)
{
	const size_t hdr = offsetof(struct btrfs_data_container, val);
	const struct btrfs_ioctl_ino_path_args *a = (const void *)p;
	const struct btrfs_data_container *d;
	struct ino_path_ctx x;
	size_t dlen;

	pr_struct_begin(f);
	pr_field(f, "fspath");
	x.val = ioc_ref_copy(c, 0, true, &dlen);
	d = (const void *)x.val;
	if (print_container_head(f, a->fspath, x.val, dlen)) {
		x.addr = a->fspath + hdr;
		x.val += hdr;
		x.len = dlen - hdr;
		if (fmt_verbose(f))
			btrfs_array(f, x.addr, d->elem_cnt, sizeof(uint64_t), x.val, x.len,
				    print_ino_path_elem, &x);
		pr_struct_end(f);
	}
	pr_struct_end(f);
}

static void print_logical_ino_elem(struct sr_fmt *f, const uint8_t *e, const void *ctx)
{
	pr_struct_begin(f);
	pr_field_u(f, "inum", get64(e, 0));
	pr_field_u(f, "offset", get64(e, 8));
	pr_field_u(f, "root", get64(e, 16));
	pr_struct_end(f);
}

/* BTRFS_IOC_LOGICAL_INO: {logical, size, [reserved], flags, inodes} => {inodes={...}} */
static void print_logical_ino_in(struct sr_fmt *f, const struct sr_call *c, const uint8_t *p,
				 size_t len)
{
	const struct btrfs_ioctl_logical_ino_args *a = (const void *)p;
	size_t i;

	pr_struct_begin(f);
	pr_field_u(f, "logical", a->logical);
	pr_field_u(f, "size", a->size);
	if (!mem_all_zero(a->reserved, sizeof(a->reserved))) {
		pr_field(f, "reserved");
		pr_array_begin(f);
		for (i = 0; i < sizeof(a->reserved) / sizeof(a->reserved[0]); i++)
			pr_x(f, a->reserved[i]);
		pr_array_end(f);
	}
	pr_field(f, "flags");
	fmt_flags(f, &xlat_btrfs_logical_ino_args_flags, a->flags);
	pr_field(f, "inodes");
	fmt_ptr(f, a->inodes);
	pr_struct_end(f);
}

static void print_logical_ino_out(struct sr_fmt *f, const struct sr_call *c, const uint8_t *p,
				  size_t len)
{
	const size_t hdr = offsetof(struct btrfs_data_container, val);
	const struct btrfs_ioctl_logical_ino_args *a = (const void *)p;
	const struct btrfs_data_container *d;
	const uint8_t *dp;
	size_t dlen;

	pr_struct_begin(f);
	pr_field(f, "inodes");
	dp = ioc_ref_copy(c, 0, true, &dlen);
	d = (const void *)dp;
	if (print_container_head(f, a->inodes, dp, dlen)) {
		if (fmt_verbose(f))
			btrfs_array(f, a->inodes + hdr, d->elem_cnt / 3, 3 * sizeof(uint64_t),
				    dp + hdr, dlen - hdr, print_logical_ino_elem, NULL);
		pr_struct_end(f);
	}
	pr_struct_end(f);
}

#define ST(name, type, in, out, err) \
	const struct sr_ioc_struct name = { sizeof(type), in, out, err, NULL }
ST(btrfs_search_st, struct btrfs_ioctl_search_args, print_search_in, print_search_out,
   SR_IOC_EXIT_OK);
ST(btrfs_search_v2_st, struct btrfs_ioctl_search_args_v2, print_search_v2_in, print_search_v2_out,
   EOVERFLOW);
ST(btrfs_send_st, struct btrfs_ioctl_send_args, print_send, NULL, 0);
ST(btrfs_space_info_st, struct btrfs_ioctl_space_args, print_space_in, print_space_out,
   SR_IOC_EXIT_OK);
ST(btrfs_ino_paths_st, struct btrfs_ioctl_ino_path_args, print_ino_paths_in, print_ino_paths_out,
   SR_IOC_EXIT_OK);
ST(btrfs_logical_ino_st, struct btrfs_ioctl_logical_ino_args, print_logical_ino_in,
   print_logical_ino_out, SR_IOC_EXIT_OK);

static const struct sr_ioc_refrow btrfs_refs[] = {
	{ BTRFS_IOC_SNAP_CREATE_V2,
	  { IOR_PTR_FIXED(struct btrfs_ioctl_vol_args_v2, qgroup_inherit, SR_BLOB_MAX) } },
	{ BTRFS_IOC_SUBVOL_CREATE_V2,
	  { IOR_PTR_FIXED(struct btrfs_ioctl_vol_args_v2, qgroup_inherit, SR_BLOB_MAX) } },
	{ BTRFS_IOC_SEND,
	  { IOR_PTR(struct btrfs_ioctl_send_args, clone_sources, clone_sources_count,
		    sizeof(uint64_t), SR_BLOB_MAX) } },
	{ BTRFS_IOC_INO_PATHS,
	  { IOR_PTR(struct btrfs_ioctl_ino_path_args, fspath, size, 1, SR_BLOB_MAX) } },
	{ BTRFS_IOC_LOGICAL_INO,
	  { IOR_PTR(struct btrfs_ioctl_logical_ino_args, inodes, size, 1, SR_BLOB_MAX) } },
	{ BTRFS_IOC_SPACE_INFO,
	  { IOR_SELF_ELEMS(struct btrfs_ioctl_space_args, total_spaces, spaces, SR_BLOB_MAX) } },
	/* after EOVERFLOW, the buffer size the search needs */
	{ BTRFS_IOC_TREE_SEARCH_V2,
	  { IOR_SELF_ELEMS(struct btrfs_ioctl_search_args_v2, buf_size, buf, SR_BLOB_MAX) },
	  SR_IOC_ANYRET },
};

SR_IOC_REFSET(sr_ioc_refs_btrfs, btrfs_refs);
