// SPDX-License-Identifier: GPL-2.0
/*
 * Decoders: Video4Linux2 ioctls (type 'V', linux/videodev2.h), as strace
 * 6.1 prints them. A request that reads a struct and fills it in shows the
 * fields it reads and, after success, what it wrote, in the same braces
 * (IOA_INOUT: printed whole at exit from both copies); a setter whose
 * struct comes back changed adds " => " and the new fields. The requests
 * strace does not decode print their argument in hex.
 * Rows of struct sr_ioc (ioctl.h); ioctl.c looks requests up. struct
 * v4l2_format is ioctl_v4l2_fmt.c's, the controls ioctl_v4l2_ctrl.c's.
 */
#include <string.h>

#include "decode/ioctl_v4l2.h"

void v4l2_print_fourcc(struct sr_fmt *f, uint32_t fourcc, const struct sr_xlat *x)
{
	const char *name = x ? xlat__name(x, fourcc) : NULL;
	int i;

	if (fmt_xlat_raw(f)) {
		pr_x(f, fourcc);
		return;
	}
	pr_call_begin(f, "v4l2_fourcc");
	for (i = 0; i < 4; i++)
		pr_char(f, (uint8_t)(fourcc >> (8 * i)));
	pr_call_end(f);
	if (name)
		pr_comment(f, name);
}

void v4l2_print_rect(struct sr_fmt *f, const uint8_t *p)
{
	pr_struct_begin(f);
	pr_field_d(f, "left", (int32_t)V4L2_U32(p, v4l2_rect, left));
	pr_field_d(f, "top", (int32_t)V4L2_U32(p, v4l2_rect, top));
	pr_field_u(f, "width", V4L2_U32(p, v4l2_rect, width));
	pr_field_u(f, "height", V4L2_U32(p, v4l2_rect, height));
	pr_struct_end(f);
}

void v4l2_field_fract(struct sr_fmt *f, const char *name, const uint8_t *p)
{
	pr_field(f, name);
	pr_fract(f, V4L2_U32(p, v4l2_fract, numerator), V4L2_U32(p, v4l2_fract, denominator));
}

const struct sr_blob *v4l2_ref_blob(const struct sr_call *c, bool at_exit)
{
	const struct sr_blob *b = ioc_ref_blob(c, 0, at_exit);

	return blob_ok(b) ? b : NULL;
}

const uint8_t *v4l2_ref(const struct sr_call *c, bool at_exit, size_t *len)
{
	const struct sr_blob *b = v4l2_ref_blob(c, at_exit);

	*len = b ? b->len : 0;
	return b ? blob_data(b) : NULL;
}

const uint8_t *v4l2_exit_any(const struct sr_call *c, size_t size)
{
	return c->has_exit ? blob_get(c->out[2], size) : NULL;
}

bool v4l2_print_array(struct sr_fmt *f, const void *ctx, uint64_t addr, uint64_t n, size_t elem,
		      const uint8_t *data, size_t have, v4l2_elem_fn *print)
{
	uint64_t i;

	if (fmt_array_none(f, addr, n) || fmt_array_wraps(f, addr, n, elem))
		return false;
	if (!data || have < elem) {
		pr_addr(f, addr);
		return false;
	}
	pr_array_begin(f);
	for (i = 0; i < n; i++) {
		if ((i + 1) * elem > have) {
			fmt_more_unread(f, addr + i * elem);
			pr_array_end(f);
			return false;
		}
		if (!pr_array_elem(f, i))
			break;
		print(f, ctx, data + i * elem, i);
	}
	pr_array_end(f);
	return true;
}

/* VIDIOC_QUERYCAP: an output. */
static void print_capability(struct sr_fmt *f, const struct sr_call *c, const uint8_t *p,
			     size_t len)
{
	uint32_t ver = V4L2_U32(p, v4l2_capability, version);
	uint32_t dcaps = V4L2_U32(p, v4l2_capability, device_caps);

	pr_struct_begin(f);
	pr_field(f, "driver");
	ioc_print_cstr(f, (const char *)p + V4L2_OFF(v4l2_capability, driver),
		       sizeof(((struct v4l2_capability *)0)->driver));
	pr_field(f, "card");
	ioc_print_cstr(f, (const char *)p + V4L2_OFF(v4l2_capability, card),
		       sizeof(((struct v4l2_capability *)0)->card));
	pr_field(f, "bus_info");
	ioc_print_cstr(f, (const char *)p + V4L2_OFF(v4l2_capability, bus_info),
		       sizeof(((struct v4l2_capability *)0)->bus_info));
	pr_field(f, "version");
	if (pr_call_raw_begin(f, "KERNEL_VERSION", ver)) {
		pr_u(f, ver >> 16);
		pr_u(f, (ver >> 8) & 0xff);
		pr_u(f, ver & 0xff);
		pr_call_end(f);
	}
	pr_field(f, "capabilities");
	fmt_flags(f, &xlat_v4l2_device_capabilities_flags,
		  V4L2_U32(p, v4l2_capability, capabilities));
	if (dcaps) {
		pr_field(f, "device_caps");
		fmt_flags(f, &xlat_v4l2_device_capabilities_flags, dcaps);
	}
	pr_struct_end(f);
}

/* VIDIOC_ENUM_FMT: the index and type asked for, then the format. */
static void print_fmtdesc(struct sr_fmt *f, const struct sr_call *c, const uint8_t *p, size_t len)
{
	const uint8_t *q = ioc_exit_copy(c, sizeof(struct v4l2_fmtdesc), &len);

	pr_struct_begin(f);
	pr_field_u(f, "index", V4L2_U32(p, v4l2_fmtdesc, index));
	pr_field(f, "type");
	fmt_enum(f, &xlat_v4l2_buf_types, V4L2_U32(p, v4l2_fmtdesc, type));
	if (q) {
		pr_field(f, "flags");
		fmt_flags(f, &xlat_v4l2_format_description_flags, V4L2_U32(q, v4l2_fmtdesc, flags));
		pr_field(f, "description");
		ioc_print_cstr(f, (const char *)q + V4L2_OFF(v4l2_fmtdesc, description),
			       sizeof(((struct v4l2_fmtdesc *)0)->description));
		pr_field(f, "pixelformat");
		v4l2_print_fourcc(f, V4L2_U32(q, v4l2_fmtdesc, pixelformat), &xlat_v4l2_pix_fmts);
	}
	pr_struct_end(f);
}

/* VIDIOC_REQBUFS: "count=4 => 2" after success. */
static void print_reqbufs(struct sr_fmt *f, const struct sr_call *c, const uint8_t *p, size_t len)
{
	const uint8_t *q = ioc_exit_copy(c, sizeof(struct v4l2_requestbuffers), &len);

	pr_struct_begin(f);
	pr_field(f, "type");
	fmt_enum(f, &xlat_v4l2_buf_types, V4L2_U32(p, v4l2_requestbuffers, type));
	pr_field(f, "memory");
	fmt_enum(f, &xlat_v4l2_memories, V4L2_U32(p, v4l2_requestbuffers, memory));
	pr_field_u(f, "count", V4L2_U32(p, v4l2_requestbuffers, count));
	if (q) {
		pr_changed(f);
		pr_u(f, V4L2_U32(q, v4l2_requestbuffers, count));
	}
	pr_struct_end(f);
}

/* A buffer's flags: the flags, then the timestamp type and source, each a value of its own. */
static void print_buf_flags(struct sr_fmt *f, uint32_t v)
{
	uint32_t type = v & V4L2_BUF_FLAG_TIMESTAMP_MASK, src = v & V4L2_BUF_FLAG_TSTAMP_SRC_MASK;
	uint32_t flags = v & ~type & ~src;

	if (fmt_xlat_raw(f)) {
		pr_x(f, v);
		return;
	}
	pr_bits_parts_begin(f, v);
	if (flags) {
		uint64_t rest;

		pr_bits_part(f, flags);
		rest = pr_bits_walk(f, &xlat_v4l2_buf_flags, flags, -1);
		if (rest) {
			pr_bits_rest(f, SR_NUM_X, rest);
			pr_xlat_default(f, xlat_v4l2_buf_flags.unknown);
		}
	}
	pr_bits_part_xval(f, type);
	pr_bits_enum(f, &xlat_v4l2_buf_flags_ts_type, type);
	pr_bits_part_xval(f, src);
	pr_bits_enum(f, &xlat_v4l2_buf_flags_ts_src, src);
	pr_bits_end(f);
}

/* After success: what the driver says of the buffer. */
static void print_buffer_out(struct sr_fmt *f, const uint8_t *q, bool dq)
{
	uint32_t mem = V4L2_U32(q, v4l2_buffer, memory);

	if (dq)
		pr_field_u(f, "index", V4L2_U32(q, v4l2_buffer, index));
	pr_field(f, "memory");
	fmt_enum(f, &xlat_v4l2_memories, mem);
	if (mem == V4L2_MEMORY_MMAP)
		pr_field_x(f, "m.offset", V4L2_U32(q, v4l2_buffer, m.offset));
	else if (mem == V4L2_MEMORY_USERPTR)
		pr_field_addr(f, "m.userptr", get64(q, V4L2_OFF(v4l2_buffer, m.userptr)));
	pr_field_u(f, "length", V4L2_U32(q, v4l2_buffer, length));
	pr_field_u(f, "bytesused", V4L2_U32(q, v4l2_buffer, bytesused));
	pr_field(f, "flags");
	print_buf_flags(f, V4L2_U32(q, v4l2_buffer, flags));
	if (dq) {
		pr_field(f, "timestamp");
		pr_struct_begin(f);
		pr_field_d(f, "tv_sec", (int64_t)get64(q, V4L2_OFF(v4l2_buffer, timestamp.tv_sec)));
		pr_field_u(f, "tv_usec", get64(q, V4L2_OFF(v4l2_buffer, timestamp.tv_usec)));
		pr_struct_end(f);
	}
	pr_more(f);
}

/* VIDIOC_QUERYBUF, VIDIOC_QBUF, VIDIOC_DQBUF (whose index is an output). */
static void print_buffer(struct sr_fmt *f, const struct sr_call *c, const uint8_t *p, size_t len)
{
	const uint8_t *q = ioc_exit_copy(c, sizeof(struct v4l2_buffer), &len);
	bool dq = (uint32_t)c->args[1] == VIDIOC_DQBUF;

	pr_struct_begin(f);
	pr_field(f, "type");
	fmt_enum(f, &xlat_v4l2_buf_types, V4L2_U32(p, v4l2_buffer, type));
	if (!dq)
		pr_field_u(f, "index", V4L2_U32(p, v4l2_buffer, index));
	if (q)
		print_buffer_out(f, q, dq);
	pr_struct_end(f);
}

/* VIDIOC_G_FBUF, VIDIOC_S_FBUF */
static const struct sr_ioc_field framebuffer_fields[] = {
	IOF(struct v4l2_framebuffer, capability, IOF_X, NULL),
	IOF(struct v4l2_framebuffer, flags, IOF_X, NULL),
	IOF(struct v4l2_framebuffer, base, IOF_ADDR, NULL),
};

static SR_IOC_FIELDS(framebuffer_st, struct v4l2_framebuffer, framebuffer_fields);

/* struct v4l2_captureparm or v4l2_outputparm (the same layout but for the names). */
static void print_parm(struct sr_fmt *f, const uint8_t *q, bool capture)
{
	pr_field(f, capture ? "parm.capture" : "parm.output");
	pr_struct_begin(f);
	pr_field(f, "capability");
	fmt_flags(f, &xlat_v4l2_streaming_capabilities,
		  V4L2_U32(q, v4l2_streamparm, parm.capture.capability));
	pr_field(f, capture ? "capturemode" : "outputmode");
	fmt_flags(f, &xlat_v4l2_capture_modes,
		  V4L2_U32(q, v4l2_streamparm, parm.capture.capturemode));
	v4l2_field_fract(f, "timeperframe",
			 q + V4L2_OFF(v4l2_streamparm, parm.capture.timeperframe));
	pr_field_x(f, "extendedmode", V4L2_U32(q, v4l2_streamparm, parm.capture.extendedmode));
	pr_field_u(f, capture ? "readbuffers" : "writebuffers",
		   V4L2_U32(q, v4l2_streamparm, parm.capture.readbuffers));
	pr_struct_end(f);
}

_Static_assert(V4L2_OFF(v4l2_streamparm, parm.output.writebuffers) ==
		       V4L2_OFF(v4l2_streamparm, parm.capture.readbuffers),
	       "captureparm and outputparm share their layout");

/* VIDIOC_G_PARM, VIDIOC_S_PARM: the parameters of a video capture or output only. */
static void print_streamparm(struct sr_fmt *f, const struct sr_call *c, const uint8_t *p,
			     size_t len)
{
	const uint8_t *q = ioc_exit_copy(c, sizeof(struct v4l2_streamparm), &len);
	uint32_t type = V4L2_U32(p, v4l2_streamparm, type);
	bool get = (uint32_t)c->args[1] == VIDIOC_G_PARM;

	pr_struct_begin(f);
	pr_field(f, "type");
	fmt_enum(f, &xlat_v4l2_buf_types, type);
	if (type != V4L2_BUF_TYPE_VIDEO_CAPTURE && type != V4L2_BUF_TYPE_VIDEO_OUTPUT) {
		pr_struct_end(f);
		return;
	}
	if (!get)
		print_parm(f, p, type == V4L2_BUF_TYPE_VIDEO_CAPTURE);
	if (q && !get) {
		pr_struct_end(f);
		pr_changed(f);
		pr_struct_begin(f);
	}
	if (q)
		print_parm(f, q, V4L2_U32(q, v4l2_streamparm, type) == V4L2_BUF_TYPE_VIDEO_CAPTURE);
	pr_struct_end(f);
}

/* VIDIOC_G_STD, VIDIOC_S_STD: a v4l2_std_id, in hex. */
static void print_std(struct sr_fmt *f, const struct sr_call *c, const uint8_t *p, size_t len)
{
	pr_array_begin(f);
	pr_x(f, get64(p, 0));
	pr_array_end(f);
}

/* VIDIOC_ENUMSTD */
static void print_standard(struct sr_fmt *f, const struct sr_call *c, const uint8_t *p, size_t len)
{
	const uint8_t *q = ioc_exit_copy(c, sizeof(struct v4l2_standard), &len);

	pr_struct_begin(f);
	pr_field_u(f, "index", V4L2_U32(p, v4l2_standard, index));
	if (q) {
		pr_field(f, "name");
		ioc_print_cstr(f, (const char *)q + V4L2_OFF(v4l2_standard, name),
			       sizeof(((struct v4l2_standard *)0)->name));
		v4l2_field_fract(f, "frameperiod", q + V4L2_OFF(v4l2_standard, frameperiod));
		pr_field_u(f, "framelines", V4L2_U32(q, v4l2_standard, framelines));
	}
	pr_struct_end(f);
}

/* VIDIOC_ENUMINPUT */
static void print_input(struct sr_fmt *f, const struct sr_call *c, const uint8_t *p, size_t len)
{
	const uint8_t *q = ioc_exit_copy(c, sizeof(struct v4l2_input), &len);

	pr_struct_begin(f);
	pr_field_u(f, "index", V4L2_U32(p, v4l2_input, index));
	if (q) {
		pr_field(f, "name");
		ioc_print_cstr(f, (const char *)q + V4L2_OFF(v4l2_input, name),
			       sizeof(((struct v4l2_input *)0)->name));
		pr_field(f, "type");
		fmt_enum(f, &xlat_v4l2_input_types, V4L2_U32(q, v4l2_input, type));
	}
	pr_struct_end(f);
}

/* The fields of a tuner past its index. */
static void print_tuner_fields(struct sr_fmt *f, const uint8_t *q)
{
	pr_field(f, "name");
	ioc_print_cstr(f, (const char *)q + V4L2_OFF(v4l2_tuner, name),
		       sizeof(((struct v4l2_tuner *)0)->name));
	pr_field(f, "type");
	fmt_enum(f, &xlat_v4l2_tuner_types, V4L2_U32(q, v4l2_tuner, type));
	pr_field(f, "capability");
	fmt_flags(f, &xlat_v4l2_tuner_capabilities, V4L2_U32(q, v4l2_tuner, capability));
	pr_field_u(f, "rangelow", V4L2_U32(q, v4l2_tuner, rangelow));
	pr_field_u(f, "rangehigh", V4L2_U32(q, v4l2_tuner, rangehigh));
	pr_field(f, "rxsubchans");
	fmt_flags(f, &xlat_v4l2_tuner_rxsubchanses, V4L2_U32(q, v4l2_tuner, rxsubchans));
	pr_field(f, "audmode");
	fmt_enum(f, &xlat_v4l2_tuner_audmodes, V4L2_U32(q, v4l2_tuner, audmode));
	pr_field_d(f, "signal", (int32_t)V4L2_U32(q, v4l2_tuner, signal));
	pr_field_d(f, "afc", (int32_t)V4L2_U32(q, v4l2_tuner, afc));
}

/* VIDIOC_G_TUNER, VIDIOC_S_TUNER */
static void print_tuner(struct sr_fmt *f, const struct sr_call *c, const uint8_t *p, size_t len)
{
	const uint8_t *q = ioc_exit_copy(c, sizeof(struct v4l2_tuner), &len);
	bool get = (uint32_t)c->args[1] == VIDIOC_G_TUNER;

	pr_struct_begin(f);
	pr_field_u(f, "index", V4L2_U32(p, v4l2_tuner, index));
	if (!get)
		print_tuner_fields(f, p);
	if (q && !get) {
		pr_struct_end(f);
		pr_changed(f);
		pr_struct_begin(f);
	}
	if (q)
		print_tuner_fields(f, q);
	pr_struct_end(f);
}

/* VIDIOC_CROPCAP */
static void print_cropcap(struct sr_fmt *f, const struct sr_call *c, const uint8_t *p, size_t len)
{
	const uint8_t *q = ioc_exit_copy(c, sizeof(struct v4l2_cropcap), &len);

	pr_struct_begin(f);
	pr_field(f, "type");
	fmt_enum(f, &xlat_v4l2_buf_types, V4L2_U32(p, v4l2_cropcap, type));
	if (q) {
		pr_field(f, "bounds");
		v4l2_print_rect(f, q + V4L2_OFF(v4l2_cropcap, bounds));
		pr_field(f, "defrect");
		v4l2_print_rect(f, q + V4L2_OFF(v4l2_cropcap, defrect));
		v4l2_field_fract(f, "pixelaspect", q + V4L2_OFF(v4l2_cropcap, pixelaspect));
	}
	pr_struct_end(f);
}

/* VIDIOC_G_CROP (the rectangle an output), VIDIOC_S_CROP (an input). */
static void print_crop(struct sr_fmt *f, const struct sr_call *c, const uint8_t *p, size_t len)
{
	const uint8_t *q = ioc_exit_copy(c, sizeof(struct v4l2_crop), &len);
	bool get = (uint32_t)c->args[1] == VIDIOC_G_CROP;

	pr_struct_begin(f);
	pr_field(f, "type");
	fmt_enum(f, &xlat_v4l2_buf_types, V4L2_U32(p, v4l2_crop, type));
	if (!get || q) {
		pr_field(f, "c");
		v4l2_print_rect(f, (get ? q : p) + V4L2_OFF(v4l2_crop, c));
	}
	pr_struct_end(f);
}

/* VIDIOC_ENUM_FRAMESIZES */
static void print_frmsize(struct sr_fmt *f, const struct sr_call *c, const uint8_t *p, size_t len)
{
	const uint8_t *q = ioc_exit_copy(c, sizeof(struct v4l2_frmsizeenum), &len);
	uint32_t type;

	pr_struct_begin(f);
	pr_field_u(f, "index", V4L2_U32(p, v4l2_frmsizeenum, index));
	pr_field(f, "pixel_format");
	v4l2_print_fourcc(f, V4L2_U32(p, v4l2_frmsizeenum, pixel_format), &xlat_v4l2_pix_fmts);
	if (q) {
		type = V4L2_U32(q, v4l2_frmsizeenum, type);
		pr_field(f, "type");
		fmt_enum(f, &xlat_v4l2_framesize_types, type);
		if (type == V4L2_FRMSIZE_TYPE_DISCRETE) {
			pr_field(f, "discrete");
			pr_struct_begin(f);
			pr_field_u(f, "width", V4L2_U32(q, v4l2_frmsizeenum, discrete.width));
			pr_field_u(f, "height", V4L2_U32(q, v4l2_frmsizeenum, discrete.height));
			pr_struct_end(f);
		} else if (type == V4L2_FRMSIZE_TYPE_STEPWISE) {
			static const char *const names[] = { "min_width",  "max_width",
							     "step_width", "min_height",
							     "max_height", "step_height" };
			size_t i, off = V4L2_OFF(v4l2_frmsizeenum, stepwise);

			pr_field(f, "stepwise");
			pr_struct_begin(f);
			for (i = 0; i < sizeof(names) / sizeof(names[0]); i++)
				pr_field_u(f, names[i], get32(q, off + i * sizeof(uint32_t)));
			pr_struct_end(f);
		}
	}
	pr_struct_end(f);
}

_Static_assert(V4L2_OFF(v4l2_frmsize_stepwise, step_height) == 5 * sizeof(uint32_t),
	       "v4l2_frmsize_stepwise is six u32 in strace's order");

/* VIDIOC_ENUM_FRAMEINTERVALS */
static void print_frmival(struct sr_fmt *f, const struct sr_call *c, const uint8_t *p, size_t len)
{
	const uint8_t *q = ioc_exit_copy(c, sizeof(struct v4l2_frmivalenum), &len);
	uint32_t type;

	pr_struct_begin(f);
	pr_field_u(f, "index", V4L2_U32(p, v4l2_frmivalenum, index));
	pr_field(f, "pixel_format");
	v4l2_print_fourcc(f, V4L2_U32(p, v4l2_frmivalenum, pixel_format), &xlat_v4l2_pix_fmts);
	pr_field_u(f, "width", V4L2_U32(p, v4l2_frmivalenum, width));
	pr_field_u(f, "height", V4L2_U32(p, v4l2_frmivalenum, height));
	if (q) {
		type = V4L2_U32(q, v4l2_frmivalenum, type);
		pr_field(f, "type");
		fmt_enum(f, &xlat_v4l2_frameinterval_types, type);
		if (type == V4L2_FRMIVAL_TYPE_DISCRETE) {
			v4l2_field_fract(f, "discrete", q + V4L2_OFF(v4l2_frmivalenum, discrete));
		} else if (type == V4L2_FRMIVAL_TYPE_STEPWISE ||
			   type == V4L2_FRMIVAL_TYPE_CONTINUOUS) {
			pr_field(f, "stepwise");
			pr_struct_begin(f);
			v4l2_field_fract(f, "min", q + V4L2_OFF(v4l2_frmivalenum, stepwise.min));
			v4l2_field_fract(f, "max", q + V4L2_OFF(v4l2_frmivalenum, stepwise.max));
			v4l2_field_fract(f, "step", q + V4L2_OFF(v4l2_frmivalenum, stepwise.step));
			pr_struct_end(f);
		}
	}
	pr_struct_end(f);
}

static const struct sr_ioc_struct capability_st = { sizeof(struct v4l2_capability),
						    print_capability };
static const struct sr_ioc_struct fmtdesc_st = { sizeof(struct v4l2_fmtdesc), print_fmtdesc };
static const struct sr_ioc_struct reqbufs_st = { sizeof(struct v4l2_requestbuffers),
						 print_reqbufs };
static const struct sr_ioc_struct buffer_st = { sizeof(struct v4l2_buffer), print_buffer };
static const struct sr_ioc_struct streamparm_st = { sizeof(struct v4l2_streamparm),
						    print_streamparm };
static const struct sr_ioc_struct std_st = { sizeof(v4l2_std_id), print_std };
static const struct sr_ioc_struct standard_st = { sizeof(struct v4l2_standard), print_standard };
static const struct sr_ioc_struct input_st = { sizeof(struct v4l2_input), print_input };
static const struct sr_ioc_struct tuner_st = { sizeof(struct v4l2_tuner), print_tuner };
static const struct sr_ioc_struct cropcap_st = { sizeof(struct v4l2_cropcap), print_cropcap };
static const struct sr_ioc_struct crop_st = { sizeof(struct v4l2_crop), print_crop };
static const struct sr_ioc_struct frmsize_st = { sizeof(struct v4l2_frmsizeenum), print_frmsize };
static const struct sr_ioc_struct frmival_st = { sizeof(struct v4l2_frmivalenum), print_frmival };

static const struct sr_ioc v4l2_table[] = {
	{ VIDIOC_QUERYCAP, IOA_STRUCT, true, &capability_st },
	{ VIDIOC_ENUM_FMT, IOA_INOUT, true, &fmtdesc_st },
	{ VIDIOC_G_FMT, IOA_INOUT, true, &v4l2_format_st },
	{ VIDIOC_S_FMT, IOA_INOUT, true, &v4l2_format_st },
	{ VIDIOC_TRY_FMT, IOA_INOUT, true, &v4l2_format_st },
	{ VIDIOC_REQBUFS, IOA_INOUT, true, &reqbufs_st },
	{ VIDIOC_QUERYBUF, IOA_INOUT, true, &buffer_st },
	{ VIDIOC_QBUF, IOA_INOUT, true, &buffer_st },
	{ VIDIOC_DQBUF, IOA_INOUT, true, &buffer_st },
	{ VIDIOC_G_FBUF, IOA_FIELDS, true, &framebuffer_st },
	{ VIDIOC_S_FBUF, IOA_FIELDS, false, &framebuffer_st },
	{ VIDIOC_STREAMON, IOA_INT_ENUM, false, &xlat_v4l2_buf_types },
	{ VIDIOC_STREAMOFF, IOA_INT_ENUM, false, &xlat_v4l2_buf_types },
	{ VIDIOC_G_PARM, IOA_INOUT, true, &streamparm_st },
	{ VIDIOC_S_PARM, IOA_INOUT, true, &streamparm_st },
	{ VIDIOC_G_STD, IOA_STRUCT, true, &std_st },
	{ VIDIOC_S_STD, IOA_STRUCT, false, &std_st },
	{ VIDIOC_ENUMSTD, IOA_INOUT, true, &standard_st },
	{ VIDIOC_ENUMINPUT, IOA_INOUT, true, &input_st },
	{ VIDIOC_G_CTRL, IOA_INOUT, true, &v4l2_control_st },
	{ VIDIOC_S_CTRL, IOA_INOUT, true, &v4l2_control_st },
	{ VIDIOC_G_TUNER, IOA_INOUT, true, &tuner_st },
	{ VIDIOC_S_TUNER, IOA_INOUT, true, &tuner_st },
	{ VIDIOC_QUERYCTRL, IOA_INOUT, true, &v4l2_queryctrl_st },
	{ VIDIOC_QUERY_EXT_CTRL, IOA_INOUT, true, &v4l2_query_ext_ctrl_st },
	{ VIDIOC_G_INPUT, IOA_UINT, true, NULL },
	{ VIDIOC_S_INPUT, IOA_UINT, false, NULL },
	{ VIDIOC_CROPCAP, IOA_INOUT, true, &cropcap_st },
	{ VIDIOC_G_CROP, IOA_INOUT, true, &crop_st },
	{ VIDIOC_S_CROP, IOA_STRUCT, false, &crop_st },
	{ VIDIOC_S_EXT_CTRLS, IOA_INOUT, true, &v4l2_ext_controls_st },
	{ VIDIOC_TRY_EXT_CTRLS, IOA_INOUT, true, &v4l2_ext_controls_st },
	{ VIDIOC_G_EXT_CTRLS, IOA_INOUT, true, &v4l2_ext_controls_st },
	{ VIDIOC_ENUM_FRAMESIZES, IOA_INOUT, true, &frmsize_st },
	{ VIDIOC_ENUM_FRAMEINTERVALS, IOA_INOUT, true, &frmival_st },
	{ VIDIOC_CREATE_BUFS, IOA_STRUCT, false, &v4l2_create_bufs_st },
};

SR_IOC_ROWS(sr_ioc_rows_v4l2, v4l2_table);

/*
 * The arrays behind a pointer field: the clip rectangles of an overlay's
 * window (read whatever the buffer type; printed only for the overlays) and
 * the controls of the extended control requests, copied at exit after a
 * failure too (SR_IOC_ANYRET: strace prints them and error_idx then).
 */
#define V4L2_FMT_CLIPS                                                                          \
	IOR_PTR(struct v4l2_format, fmt.win.clips, fmt.win.clipcount, sizeof(struct v4l2_clip), \
		SR_BLOB_MAX)
/* strace shows -s bytes of a control's payload: enough to know whether it goes on */
#define V4L2_CTRLS                                                                         \
	IOR_BUFS(struct v4l2_ext_controls, controls, count, struct v4l2_ext_control, size, \
		 SR_V4L2_PAYLOAD)
#define SR_V4L2_PAYLOAD 64

_Static_assert(offsetof(struct v4l2_ext_control, string) ==
		       offsetof(struct v4l2_ext_control, size) + 2 * sizeof(uint32_t),
	       "a control's size, then 4 bytes, then its payload's pointer");
_Static_assert(sizeof(struct v4l2_ext_control) < SR_IOC_BUF_LIMIT, "put_iov()'s layout fields");

static const struct sr_ioc_refrow v4l2_refs[] = {
	{ VIDIOC_G_FMT, { V4L2_FMT_CLIPS } },
	{ VIDIOC_S_FMT, { V4L2_FMT_CLIPS } },
	{ VIDIOC_TRY_FMT, { V4L2_FMT_CLIPS } },
	{ VIDIOC_CREATE_BUFS,
	  { IOR_PTR(struct v4l2_create_buffers, format.fmt.win.clips, format.fmt.win.clipcount,
		    sizeof(struct v4l2_clip), SR_BLOB_MAX) } },
	{ VIDIOC_S_EXT_CTRLS, { V4L2_CTRLS }, SR_IOC_ANYRET },
	{ VIDIOC_TRY_EXT_CTRLS, { V4L2_CTRLS }, SR_IOC_ANYRET },
	{ VIDIOC_G_EXT_CTRLS, { V4L2_CTRLS }, SR_IOC_ANYRET },
};

SR_IOC_REFSET(sr_ioc_refs_v4l2, v4l2_refs);
