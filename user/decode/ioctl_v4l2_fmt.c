// SPDX-License-Identifier: GPL-2.0
/*
 * Decoders: struct v4l2_format, as strace 6.1 prints it: the buffer type,
 * then the member of the fmt union that type selects ("fmt.pix={...}");
 * VIDIOC_G_FMT shows the format after success, VIDIOC_S_FMT and
 * VIDIOC_TRY_FMT the one asked for and, after success, " => " and the one
 * set. An overlay's clip rectangles are an ioctl reference (ioctl_v4l2.c).
 */
#include <string.h>

#include "decode/ioctl_v4l2.h"

#define FMT(m) V4L2_OFF(v4l2_format, fmt.m)

/* What a printer of the union's member gets: the struct, the call, and which copy. */
struct fmt_ctx {
	const struct sr_call *c;
	const uint8_t *fmt; /* the fmt union */
	bool at_exit;
};

/* fmt.pix */
static bool print_pix(struct sr_fmt *f, const struct fmt_ctx *x)
{
	const uint8_t *p = x->fmt;

	pr_struct_begin(f);
	pr_field_u(f, "width", V4L2_U32(p, v4l2_pix_format, width));
	pr_field_u(f, "height", V4L2_U32(p, v4l2_pix_format, height));
	pr_field(f, "pixelformat");
	v4l2_print_fourcc(f, V4L2_U32(p, v4l2_pix_format, pixelformat), &xlat_v4l2_pix_fmts);
	pr_field(f, "field");
	fmt_enum(f, &xlat_v4l2_fields, V4L2_U32(p, v4l2_pix_format, field));
	pr_field_u(f, "bytesperline", V4L2_U32(p, v4l2_pix_format, bytesperline));
	pr_field_u(f, "sizeimage", V4L2_U32(p, v4l2_pix_format, sizeimage));
	pr_field(f, "colorspace");
	fmt_enum(f, &xlat_v4l2_colorspaces, V4L2_U32(p, v4l2_pix_format, colorspace));
	pr_struct_end(f);
	return true;
}

/* fmt.pix_mp: the planes up to num_planes. */
static bool print_pix_mp(struct sr_fmt *f, const struct fmt_ctx *x)
{
	const uint8_t *p = x->fmt;
	size_t n = p[V4L2_OFF(v4l2_pix_format_mplane, num_planes)], i;
	const size_t plane = sizeof(struct v4l2_plane_pix_format);
	const size_t planes = V4L2_OFF(v4l2_pix_format_mplane, plane_fmt);

	pr_struct_begin(f);
	pr_field_u(f, "width", V4L2_U32(p, v4l2_pix_format_mplane, width));
	pr_field_u(f, "height", V4L2_U32(p, v4l2_pix_format_mplane, height));
	pr_field(f, "pixelformat");
	v4l2_print_fourcc(f, V4L2_U32(p, v4l2_pix_format_mplane, pixelformat), &xlat_v4l2_pix_fmts);
	pr_field(f, "field");
	fmt_enum(f, &xlat_v4l2_fields, V4L2_U32(p, v4l2_pix_format_mplane, field));
	pr_field(f, "colorspace");
	fmt_enum(f, &xlat_v4l2_colorspaces, V4L2_U32(p, v4l2_pix_format_mplane, colorspace));
	pr_field(f, "plane_fmt");
	pr_array_begin(f);
	if (n > VIDEO_MAX_PLANES)
		n = VIDEO_MAX_PLANES;
	for (i = 0; i < n && pr_array_elem(f, i); i++) {
		const uint8_t *e = p + planes + i * plane;

		pr_struct_begin(f);
		pr_field_u(f, "sizeimage", V4L2_U32(e, v4l2_plane_pix_format, sizeimage));
		pr_field_u(f, "bytesperline", V4L2_U32(e, v4l2_plane_pix_format, bytesperline));
		pr_struct_end(f);
	}
	pr_array_end(f);
	pr_field_u(f, "num_planes", p[V4L2_OFF(v4l2_pix_format_mplane, num_planes)]);
	pr_struct_end(f);
	return true;
}

static void print_clip(struct sr_fmt *f, const void *ctx, const uint8_t *e, size_t i)
{
	pr_struct_begin(f);
	pr_field(f, "c");
	v4l2_print_rect(f, e + V4L2_OFF(v4l2_clip, c));
	pr_struct_end(f);
}

/* fmt.win: the clips as far as they could be read. */
static bool print_win(struct sr_fmt *f, const struct fmt_ctx *x)
{
	const uint8_t *p = x->fmt;
	uint8_t alpha = p[V4L2_OFF(v4l2_window, global_alpha)];
	const uint8_t *clips;
	size_t have;
	bool ok;

	pr_struct_begin(f);
	pr_field(f, "w");
	v4l2_print_rect(f, p + V4L2_OFF(v4l2_window, w));
	pr_field(f, "field");
	fmt_enum(f, &xlat_v4l2_fields, V4L2_U32(p, v4l2_window, field));
	pr_field_x(f, "chromakey", V4L2_U32(p, v4l2_window, chromakey));
	pr_field(f, "clips");
	clips = v4l2_ref(x->c, x->at_exit, &have);
	ok = v4l2_print_array(f, NULL, get64(p, V4L2_OFF(v4l2_window, clips)),
			      V4L2_U32(p, v4l2_window, clipcount), sizeof(struct v4l2_clip), clips,
			      have, print_clip);
	pr_field_u(f, "clipcount", V4L2_U32(p, v4l2_window, clipcount));
	pr_field_addr(f, "bitmap", get64(p, V4L2_OFF(v4l2_window, bitmap)));
	if (alpha)
		pr_field_x(f, "global_alpha", alpha);
	pr_struct_end(f);
	return ok;
}

/* Field @name, an array of @n u32 @off bytes into @p, signed or not. */
static void print_u32s(struct sr_fmt *f, const char *name, const uint8_t *p, size_t n, bool sign)
{
	size_t i;

	pr_field(f, name);
	pr_array_begin(f);
	for (i = 0; i < n && pr_array_elem(f, i); i++) {
		if (sign)
			pr_d(f, (int32_t)get32(p, i * sizeof(uint32_t)));
		else
			pr_u(f, get32(p, i * sizeof(uint32_t)));
	}
	pr_array_end(f);
}

/* fmt.vbi */
static bool print_vbi(struct sr_fmt *f, const struct fmt_ctx *x)
{
	const uint8_t *p = x->fmt;

	pr_struct_begin(f);
	pr_field_u(f, "sampling_rate", V4L2_U32(p, v4l2_vbi_format, sampling_rate));
	pr_field_u(f, "offset", V4L2_U32(p, v4l2_vbi_format, offset));
	pr_field_u(f, "samples_per_line", V4L2_U32(p, v4l2_vbi_format, samples_per_line));
	pr_field(f, "sample_format");
	v4l2_print_fourcc(f, V4L2_U32(p, v4l2_vbi_format, sample_format), &xlat_v4l2_pix_fmts);
	print_u32s(f, "start", p + V4L2_OFF(v4l2_vbi_format, start), 2, true);
	print_u32s(f, "count", p + V4L2_OFF(v4l2_vbi_format, count), 2, false);
	pr_field(f, "flags");
	fmt_flags(f, &xlat_v4l2_vbi_flags, V4L2_U32(p, v4l2_vbi_format, flags));
	pr_struct_end(f);
	return true;
}

/* fmt.sliced: service_lines is u16[2][24], in hex. */
static bool print_sliced(struct sr_fmt *f, const struct fmt_ctx *x)
{
	const uint8_t *p = x->fmt, *l = p + V4L2_OFF(v4l2_sliced_vbi_format, service_lines);
	const size_t rows = 2,
		     cols = sizeof(((struct v4l2_sliced_vbi_format *)0)->service_lines[0]) /
			    sizeof(uint16_t);
	size_t i, j;

	pr_struct_begin(f);
	pr_field(f, "service_set");
	fmt_flags(f, &xlat_v4l2_sliced_flags,
		  get16(p, V4L2_OFF(v4l2_sliced_vbi_format, service_set)));
	pr_field(f, "service_lines");
	pr_array_begin(f);
	for (i = 0; i < rows && pr_array_elem(f, i); i++) {
		pr_array_begin(f);
		for (j = 0; j < cols && pr_array_elem(f, j); j++)
			pr_x(f, get16(l, (i * cols + j) * sizeof(uint16_t)));
		pr_array_end(f);
	}
	pr_array_end(f);
	pr_field_u(f, "io_size", V4L2_U32(p, v4l2_sliced_vbi_format, io_size));
	pr_struct_end(f);
	return true;
}

_Static_assert(sizeof(((struct v4l2_sliced_vbi_format *)0)->service_lines) ==
		       2 * sizeof(((struct v4l2_sliced_vbi_format *)0)->service_lines[0]),
	       "two fields of service lines");

/* fmt.sdr: the buffer size when set. */
static bool print_sdr(struct sr_fmt *f, const struct fmt_ctx *x)
{
	uint32_t size = V4L2_U32(x->fmt, v4l2_sdr_format, buffersize);

	pr_struct_begin(f);
	pr_field(f, "pixelformat");
	v4l2_print_fourcc(f, V4L2_U32(x->fmt, v4l2_sdr_format, pixelformat), &xlat_v4l2_sdr_fmts);
	if (size)
		pr_field_u(f, "buffersize", size);
	pr_struct_end(f);
	return true;
}

/* fmt.meta */
static bool print_meta(struct sr_fmt *f, const struct fmt_ctx *x)
{
	pr_struct_begin(f);
	pr_field(f, "dataformat");
	v4l2_print_fourcc(f, V4L2_U32(x->fmt, v4l2_meta_format, dataformat), &xlat_v4l2_meta_fmts);
	pr_field_u(f, "buffersize", V4L2_U32(x->fmt, v4l2_meta_format, buffersize));
	pr_struct_end(f);
	return true;
}

/* The member of the union each buffer type selects. */
static const struct fmt_member {
	uint32_t type;
	const char *name;
	bool (*print)(struct sr_fmt *f, const struct fmt_ctx *x);
} fmt_members[] = {
	{ V4L2_BUF_TYPE_VIDEO_CAPTURE, "fmt.pix", print_pix },
	{ V4L2_BUF_TYPE_VIDEO_OUTPUT, "fmt.pix", print_pix },
	{ V4L2_BUF_TYPE_VIDEO_CAPTURE_MPLANE, "fmt.pix_mp", print_pix_mp },
	{ V4L2_BUF_TYPE_VIDEO_OUTPUT_MPLANE, "fmt.pix_mp", print_pix_mp },
	{ V4L2_BUF_TYPE_VIDEO_OUTPUT_OVERLAY, "fmt.win", print_win },
	{ V4L2_BUF_TYPE_VIDEO_OVERLAY, "fmt.win", print_win },
	{ V4L2_BUF_TYPE_VBI_CAPTURE, "fmt.vbi", print_vbi },
	{ V4L2_BUF_TYPE_VBI_OUTPUT, "fmt.vbi", print_vbi },
	{ V4L2_BUF_TYPE_SLICED_VBI_CAPTURE, "fmt.sliced", print_sliced },
	{ V4L2_BUF_TYPE_SLICED_VBI_OUTPUT, "fmt.sliced", print_sliced },
	{ V4L2_BUF_TYPE_SDR_OUTPUT, "fmt.sdr", print_sdr },
	{ V4L2_BUF_TYPE_SDR_CAPTURE, "fmt.sdr", print_sdr },
	{ V4L2_BUF_TYPE_META_OUTPUT, "fmt.meta", print_meta },
	{ V4L2_BUF_TYPE_META_CAPTURE, "fmt.meta", print_meta },
};

static const struct fmt_member *fmt_member(uint32_t type)
{
	size_t i;

	for (i = 0; i < sizeof(fmt_members) / sizeof(fmt_members[0]); i++)
		if (fmt_members[i].type == type)
			return &fmt_members[i];
	return NULL;
}

/*
 * The union member of the format at @p (a struct v4l2_format, or the
 * format of v4l2_create_buffers): nothing and false for a type strace does
 * not know; @changed: " => {" before it, ending the struct shown so far.
 */
static bool print_fmt(struct sr_fmt *f, const struct sr_call *c, const uint8_t *p, bool at_exit,
		      bool changed)
{
	const struct fmt_member *m = fmt_member(V4L2_U32(p, v4l2_format, type));
	struct fmt_ctx x = { c, p + V4L2_OFF(v4l2_format, fmt), at_exit };

	if (!m)
		return false;
	if (changed) {
		pr_struct_end(f);
		pr_changed(f);
		pr_struct_begin(f);
	}
	pr_field(f, m->name);
	return m->print(f, &x);
}

/* VIDIOC_G_FMT, VIDIOC_S_FMT, VIDIOC_TRY_FMT */
static void print_format(struct sr_fmt *f, const struct sr_call *c, const uint8_t *p, size_t len)
{
	const uint8_t *q = ioc_exit_copy(c, sizeof(struct v4l2_format), &len);
	bool get = (uint32_t)c->args[1] == VIDIOC_G_FMT;

	pr_struct_begin(f);
	pr_field(f, "type");
	fmt_enum(f, &xlat_v4l2_buf_types, V4L2_U32(p, v4l2_format, type));
	/* a format strace could not show whole at entry ends the line there */
	if ((get || print_fmt(f, c, p, false, false)) && q)
		print_fmt(f, c, q, true, !get);
	pr_struct_end(f);
}

const struct sr_ioc_struct v4l2_format_st = { sizeof(struct v4l2_format), print_format };

/* VIDIOC_CREATE_BUFS: an input. */
static void print_create_bufs(struct sr_fmt *f, const struct sr_call *c, const uint8_t *p,
			      size_t len)
{
	const uint8_t *fmt = p + V4L2_OFF(v4l2_create_buffers, format);

	pr_struct_begin(f);
	pr_field_u(f, "count", V4L2_U32(p, v4l2_create_buffers, count));
	pr_field(f, "memory");
	fmt_enum(f, &xlat_v4l2_memories, V4L2_U32(p, v4l2_create_buffers, memory));
	pr_field(f, "format");
	pr_struct_begin(f);
	pr_field(f, "type");
	fmt_enum(f, &xlat_v4l2_buf_types, V4L2_U32(fmt, v4l2_format, type));
	print_fmt(f, c, fmt, false, false);
	pr_struct_end(f);
	pr_struct_end(f);
}

const struct sr_ioc_struct v4l2_create_bufs_st = { sizeof(struct v4l2_create_buffers),
						   print_create_bufs };
