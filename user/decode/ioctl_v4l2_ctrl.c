// SPDX-License-Identifier: GPL-2.0
/*
 * Decoders: V4L2 controls, as strace 6.1 prints them. A control id is its
 * name, or its class and offset ("V4L2_CTRL_CLASS_USER+0x10"), or a number
 * with "V4L2_CID_???"; the query requests' ids may carry the NEXT flags.
 * The extended control requests' array of controls is an ioctl reference
 * (ioctl_v4l2.c), and a control of nonzero size points to its payload
 * (IOR_BUFS()), printed as a string.
 */
#include <stdio.h>
#include <string.h>

#include "decode/ioctl_v4l2.h"

/* The class a control id belongs to: the largest class value not above @cid. */
static const struct sr_xlat_ent *cid_class(uint32_t cid)
{
	const struct sr_xlat_ent *best = NULL;
	size_t i;

	for (i = 0; i < xlat_v4l2_control_classes.n; i++) {
		const struct sr_xlat_ent *e = &xlat_v4l2_control_classes.ents[i];

		if (e->val <= cid && (!best || e->val > best->val))
			best = e;
	}
	return best;
}

/* The id without flags: its name, its class and offset, or a number. */
static void print_cid_value(struct sr_fmt *f, uint32_t cid, bool part)
{
	const char *name = xlat__name(&xlat_v4l2_control_ids, cid);
	const struct sr_xlat_ent *cls;
	char buf[96];

	if (!name && (cls = cid_class(cid)) && cid - cls->val < 0x10000) {
		snprintf(buf, sizeof(buf), "%s+%#x", cls->name, (unsigned int)(cid - cls->val));
		name = buf;
	}
	if (part) {
		pr_bits_part_xval(f, cid);
		if (name) {
			pr_bit(f, NULL, name);
		} else {
			pr_bits_rest(f, SR_NUM_X, cid);
			pr_xlat_default(f, xlat_v4l2_control_ids.unknown);
		}
		return;
	}
	if (name) {
		pr_sym(f, name, cid);
	} else {
		pr_x(f, cid);
		pr_xlat_default(f, xlat_v4l2_control_ids.unknown);
	}
}

/* A control id; with @next, the NEXT flags a query may add first ("V4L2_CTRL_FLAG_NEXT_CTRL|"). */
static void print_cid(struct sr_fmt *f, uint32_t cid, bool next)
{
	uint32_t mask = V4L2_CTRL_FLAG_NEXT_CTRL | V4L2_CTRL_FLAG_NEXT_COMPOUND;
	uint32_t flags = next ? cid & mask : 0;

	if (fmt_xlat_raw(f)) {
		pr_x(f, cid);
		return;
	}
	if (!flags) {
		print_cid_value(f, cid, false);
		return;
	}
	pr_bits_parts_begin(f, cid);
	pr_bits_part(f, flags);
	pr_bits_walk(f, &xlat_v4l2_control_query_flags, flags, -1);
	print_cid_value(f, cid & ~flags, true);
	pr_bits_end(f);
}

/* VIDIOC_G_CTRL (the value an output), VIDIOC_S_CTRL ("value=1 => 2" after success). */
static void print_control(struct sr_fmt *f, const struct sr_call *c, const uint8_t *p, size_t len)
{
	const uint8_t *q = ioc_exit_copy(c, sizeof(struct v4l2_control), &len);
	bool get = (uint32_t)c->args[1] == VIDIOC_G_CTRL;

	pr_struct_begin(f);
	pr_field(f, "id");
	print_cid(f, V4L2_U32(p, v4l2_control, id), false);
	if (!get)
		pr_field_d(f, "value", (int32_t)V4L2_U32(p, v4l2_control, value));
	if (q && get) {
		pr_field_d(f, "value", (int32_t)V4L2_U32(q, v4l2_control, value));
	} else if (q) {
		pr_changed(f);
		pr_d(f, (int32_t)V4L2_U32(q, v4l2_control, value));
	}
	pr_struct_end(f);
}

const struct sr_ioc_struct v4l2_control_st = { sizeof(struct v4l2_control), print_control };

/* Field @name, @n u32 at @p; @hex: in hex and only when one is set (reserved words). */
static void print_u32_array(struct sr_fmt *f, const char *name, const uint8_t *p, size_t n,
			    bool hex)
{
	size_t i;

	if (hex && mem_all_zero(p, n * sizeof(uint32_t)))
		return;
	pr_field(f, name);
	pr_array_begin(f);
	for (i = 0; i < n && pr_array_elem(f, i); i++) {
		if (hex)
			pr_x(f, get32(p, i * sizeof(uint32_t)));
		else
			pr_u(f, get32(p, i * sizeof(uint32_t)));
	}
	pr_array_end(f);
}

/*
 * The start of a query's answer: the id it moved to (" => V4L2_CID_..."),
 * its type and name; false when the rest is left out (no -v).
 */
static bool print_query_head(struct sr_fmt *f, uint32_t in_id, uint32_t id, uint32_t type,
			     const char *name, size_t name_size)
{
	if (id != in_id) {
		pr_changed(f);
		print_cid(f, id, false);
	}
	pr_field(f, "type");
	fmt_enum(f, &xlat_v4l2_control_types, type);
	pr_field(f, "name");
	ioc_print_cstr(f, name, name_size);
	if (fmt_verbose(f))
		return true;
	pr_more(f);
	return false;
}

#define QC(m) V4L2_OFF(v4l2_queryctrl, m)

/* VIDIOC_QUERYCTRL */
static void print_queryctrl(struct sr_fmt *f, const struct sr_call *c, const uint8_t *p, size_t len)
{
	const uint8_t *q = ioc_exit_copy(c, sizeof(struct v4l2_queryctrl), &len);
	uint32_t id = get32(p, QC(id));

	pr_struct_begin(f);
	pr_field(f, "id");
	print_cid(f, id, true);
	if (q && print_query_head(f, id, get32(q, QC(id)), get32(q, QC(type)),
				  (const char *)q + QC(name),
				  sizeof(((struct v4l2_queryctrl *)0)->name))) {
		pr_field_d(f, "minimum", (int32_t)get32(q, QC(minimum)));
		pr_field_d(f, "maximum", (int32_t)get32(q, QC(maximum)));
		pr_field_d(f, "step", (int32_t)get32(q, QC(step)));
		pr_field_d(f, "default_value", (int32_t)get32(q, QC(default_value)));
		pr_field(f, "flags");
		fmt_flags(f, &xlat_v4l2_control_flags, get32(q, QC(flags)));
		print_u32_array(f, "reserved", q + QC(reserved), 2, true);
	}
	pr_struct_end(f);
}

const struct sr_ioc_struct v4l2_queryctrl_st = { sizeof(struct v4l2_queryctrl), print_queryctrl };

#define QX(m) V4L2_OFF(v4l2_query_ext_ctrl, m)

/* VIDIOC_QUERY_EXT_CTRL */
static void print_query_ext_ctrl(struct sr_fmt *f, const struct sr_call *c, const uint8_t *p,
				 size_t len)
{
	const uint8_t *q = ioc_exit_copy(c, sizeof(struct v4l2_query_ext_ctrl), &len);
	uint32_t id = get32(p, QX(id)), dims;

	pr_struct_begin(f);
	pr_field(f, "id");
	print_cid(f, id, true);
	if (q && print_query_head(f, id, get32(q, QX(id)), get32(q, QX(type)),
				  (const char *)q + QX(name),
				  sizeof(((struct v4l2_query_ext_ctrl *)0)->name))) {
		pr_field_d(f, "minimum", (int64_t)get64(q, QX(minimum)));
		pr_field_d(f, "maximum", (int64_t)get64(q, QX(maximum)));
		pr_field_u(f, "step", get64(q, QX(step)));
		pr_field_d(f, "default_value", (int64_t)get64(q, QX(default_value)));
		pr_field(f, "flags");
		fmt_flags(f, &xlat_v4l2_control_flags, get32(q, QX(flags)));
		pr_field_u(f, "elem_size", get32(q, QX(elem_size)));
		pr_field_u(f, "elems", get32(q, QX(elems)));
		dims = get32(q, QX(nr_of_dims));
		pr_field_u(f, "nr_of_dims", dims);
		if (dims > V4L2_CTRL_MAX_DIMS)
			dims = V4L2_CTRL_MAX_DIMS;
		print_u32_array(f, "dims", q + QX(dims), dims, false);
		print_u32_array(f, "reserved", q + QX(reserved),
				sizeof(((struct v4l2_query_ext_ctrl *)0)->reserved) /
					sizeof(uint32_t),
				true);
	}
	pr_struct_end(f);
}

const struct sr_ioc_struct v4l2_query_ext_ctrl_st = { sizeof(struct v4l2_query_ext_ctrl),
						      print_query_ext_ctrl };

#define XC(m) V4L2_OFF(v4l2_ext_control, m)

/*
 * The copies of one phase: the array of controls, and after it (put_iov()'s
 * order) one blob per control read, its payload.
 */
struct ctrl_copies {
	const struct sr_call *c;
	const struct sr_blob *arr;
};

/* The payload blob of control @i, or NULL. */
static const struct sr_blob *ctrl_payload(const struct ctrl_copies *x, size_t i)
{
	const uint8_t *end = call__blob_end(x->c, x->arr);
	const struct sr_blob *b = x->arr;
	size_t k;

	for (k = 0; k <= i && b; k++) {
		b = blob_next(b, end);
		if (b && b->arg != x->arr->arg)
			return NULL;
	}
	return b;
}

/* One control: its value, or the payload its size says it has, as a string. */
static void print_ext_control(struct sr_fmt *f, const void *ctx, const uint8_t *e, size_t i)
{
	uint32_t size = get32(e, XC(size));

	pr_struct_begin(f);
	pr_field(f, "id");
	fmt_enum(f, &xlat_v4l2_control_ids, get32(e, XC(id)));
	pr_field_u(f, "size", size);
	if (size) {
		pr_field(f, "string");
		fmt_blob_str(f, ctrl_payload(ctx, i), get64(e, XC(string)), fmt_strsize(f), 0);
	} else {
		pr_field_d(f, "value", (int32_t)get32(e, XC(value)));
		pr_field_d(f, "value64", (int64_t)get64(e, XC(value64)));
	}
	pr_struct_end(f);
}

#define XS(m) V4L2_OFF(v4l2_ext_controls, m)

/* The controls of @p (entry) or of the exit copy: whether all of them printed. */
static bool print_ext_array(struct sr_fmt *f, const struct sr_call *c, const uint8_t *p,
			    bool at_exit)
{
	struct ctrl_copies x = { c, v4l2_ref_blob(c, at_exit) };

	pr_field(f, "controls");
	return v4l2_print_array(f, &x, get64(p, XS(controls)), get32(p, XS(count)),
				sizeof(struct v4l2_ext_control), x.arr ? blob_data(x.arr) : NULL,
				x.arr ? x.arr->len : 0, print_ext_control);
}

/*
 * VIDIOC_S_EXT_CTRLS, VIDIOC_TRY_EXT_CTRLS, VIDIOC_G_EXT_CTRLS: the class
 * and count; the controls to set, then " => " and the controls as the call
 * left them (after a failure too, with the index of the failing one); for
 * G_EXT_CTRLS the controls read.
 */
static void print_ext_controls(struct sr_fmt *f, const struct sr_call *c, const uint8_t *p,
			       size_t len)
{
	const uint8_t *q = v4l2_exit_any(c, sizeof(struct v4l2_ext_controls));
	bool get = (uint32_t)c->args[1] == VIDIOC_G_EXT_CTRLS;

	pr_struct_begin(f);
	pr_field(f, "ctrl_class");
	fmt_enum(f, &xlat_v4l2_control_classes, get32(p, XS(ctrl_class)));
	pr_field_u(f, "count", get32(p, XS(count)));
	if (!get32(p, XS(count)) || (!get && !print_ext_array(f, c, p, false)) || !q) {
		pr_struct_end(f);
		return;
	}
	if (!get) {
		pr_struct_end(f);
		pr_changed(f);
		pr_struct_begin(f);
	}
	print_ext_array(f, c, q, true);
	if (c->ret < 0)
		pr_field_u(f, "error_idx", get32(q, XS(error_idx)));
	pr_struct_end(f);
}

const struct sr_ioc_struct v4l2_ext_controls_st = { sizeof(struct v4l2_ext_controls),
						    print_ext_controls };
