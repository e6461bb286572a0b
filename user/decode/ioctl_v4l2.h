/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Video4Linux2 ioctls (linux/videodev2.h), shared between ioctl_v4l2.c (the
 * rows and the plain structs), ioctl_v4l2_fmt.c (struct v4l2_format by
 * buffer type) and ioctl_v4l2_ctrl.c (control ids and controls).
 */
#ifndef SYSRAY_DECODE_IOCTL_V4L2_H
#define SYSRAY_DECODE_IOCTL_V4L2_H

#include <sys/time.h>
#include <linux/videodev2.h>

#include "decode/ioctl.h"

#define V4L2_OFF(st, m) offsetof(struct st, m)
/* Field @m of struct @st at @p, 32 bits. */
#define V4L2_U32(p, st, m) get32((p), V4L2_OFF(st, m))

/*
 * A pixel format: v4l2_fourcc('Y', 'U', 'Y', 'V') and its name from @x
 * (NULL: none) in a comment; the number alone under -X raw.
 */
void v4l2_print_fourcc(struct sr_fmt *f, uint32_t fourcc, const struct sr_xlat *x);
/* struct v4l2_rect: {left=, top=, width=, height=}. */
void v4l2_print_rect(struct sr_fmt *f, const uint8_t *p);
/* Field @name, a struct v4l2_fract at @p: "30/1". */
void v4l2_field_fract(struct sr_fmt *f, const char *name, const uint8_t *p);

/*
 * The copy of reference 0 (the array a pointer field holds) at entry, or
 * at exit whether the call succeeded or not (strace reads some again after
 * a failure); NULL if none. *@len gets its length.
 */
const uint8_t *v4l2_ref(const struct sr_call *c, bool at_exit, size_t *len);
/* The blob of that reference (the array), or NULL. */
const struct sr_blob *v4l2_ref_blob(const struct sr_call *c, bool at_exit);
/* The exit copy of the argument, @size bytes of it, whether the call succeeded or not. */
const uint8_t *v4l2_exit_any(const struct sr_call *c, size_t size);

/*
 * An array at @addr of @n elements of @elem bytes, @have of which were
 * copied at @data, each printed by @print (with @ctx), as strace's
 * print_array(): NULL, [], the address when nothing could be read,
 * "... /\* addr *\/" where the copy stops. Returns whether every element
 * printed.
 */
typedef void v4l2_elem_fn(struct sr_fmt *f, const void *ctx, const uint8_t *e, size_t i);
bool v4l2_print_array(struct sr_fmt *f, const void *ctx, uint64_t addr, uint64_t n, size_t elem,
		      const uint8_t *data, size_t have, v4l2_elem_fn *print);

/* ioctl_v4l2_fmt.c: VIDIOC_G_FMT, VIDIOC_S_FMT, VIDIOC_TRY_FMT, and VIDIOC_CREATE_BUFS. */
extern const struct sr_ioc_struct v4l2_format_st;
extern const struct sr_ioc_struct v4l2_create_bufs_st;

/* ioctl_v4l2_ctrl.c: the control requests. */
extern const struct sr_ioc_struct v4l2_control_st;
extern const struct sr_ioc_struct v4l2_queryctrl_st;
extern const struct sr_ioc_struct v4l2_query_ext_ctrl_st;
extern const struct sr_ioc_struct v4l2_ext_controls_st;

#endif /* SYSRAY_DECODE_IOCTL_V4L2_H */
