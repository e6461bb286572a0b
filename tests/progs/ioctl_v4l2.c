// SPDX-License-Identifier: GPL-2.0
/*
 * ioctl_v4l2: Video4Linux2 requests on a bad fd: a capture format and an
 * overlay's with its clip rectangles (an ioctl reference), stream
 * parameters, a control id by class and offset, a query with the NEXT
 * flag, and extended controls whose payloads are behind pointers of their
 * own (the controls are copied as a reference, each payload with them, at
 * entry and again at exit after the failure).
 */
#include "common.h"

#include <stdint.h>
#include <sys/ioctl.h>
#include <sys/time.h>
#include <linux/videodev2.h>

static void formats(void)
{
	struct v4l2_clip clips[2] = { { .c = { 1, -2, 3, 4 } }, { .c = { 5, 6, 7, 8 } } };
	struct v4l2_format f = { .type = V4L2_BUF_TYPE_VIDEO_CAPTURE };

	f.fmt.pix.width = 640;
	f.fmt.pix.height = 480;
	f.fmt.pix.pixelformat = V4L2_PIX_FMT_YUYV;
	f.fmt.pix.field = V4L2_FIELD_NONE;
	ERR(ioctl(-1, VIDIOC_S_FMT, &f), EBADF);
	ERR(ioctl(-1, VIDIOC_G_FMT, &f), EBADF);

	memset(&f, 0, sizeof(f));
	f.type = V4L2_BUF_TYPE_VIDEO_OVERLAY;
	f.fmt.win.w.width = 320;
	f.fmt.win.field = V4L2_FIELD_ANY;
	f.fmt.win.clips = clips;
	f.fmt.win.clipcount = 2;
	f.fmt.win.global_alpha = 0x80;
	ERR(ioctl(-1, VIDIOC_TRY_FMT, &f), EBADF);
}

static void params(void)
{
	struct v4l2_streamparm p = { .type = V4L2_BUF_TYPE_VIDEO_CAPTURE };
	struct v4l2_control c = { .id = V4L2_CTRL_CLASS_CAMERA + 0x123, .value = -5 };
	struct v4l2_queryctrl q = { .id = V4L2_CTRL_FLAG_NEXT_CTRL | V4L2_CID_BRIGHTNESS };
	int type = V4L2_BUF_TYPE_VIDEO_OUTPUT;

	p.parm.capture.capability = V4L2_CAP_TIMEPERFRAME;
	p.parm.capture.timeperframe.numerator = 1;
	p.parm.capture.timeperframe.denominator = 30;
	ERR(ioctl(-1, VIDIOC_S_PARM, &p), EBADF);
	ERR(ioctl(-1, VIDIOC_S_CTRL, &c), EBADF);
	ERR(ioctl(-1, VIDIOC_QUERYCTRL, &q), EBADF);
	ERR(ioctl(-1, VIDIOC_STREAMON, &type), EBADF);
}

static void ext_controls(void)
{
	char payload[] = "gain";
	struct v4l2_ext_control ctrls[2] = {
		{ .id = V4L2_CID_GAIN, .value64 = -7 },
		{ .id = V4L2_CID_CONTRAST, .size = sizeof(payload) - 1, .string = payload },
	};
	struct v4l2_ext_controls x = { .which = V4L2_CTRL_CLASS_USER,
				       .count = 2,
				       .controls = ctrls };

	ERR(ioctl(-1, VIDIOC_S_EXT_CTRLS, &x), EBADF);
	ERR(ioctl(-1, VIDIOC_G_EXT_CTRLS, &x), EBADF);
	x.count = 0;
	ERR(ioctl(-1, VIDIOC_TRY_EXT_CTRLS, &x), EBADF);
}

int main(void)
{
	formats();
	params();
	ext_controls();
	return 0;
}
