// SPDX-License-Identifier: GPL-2.0
/*
 * GPIO character device ioctls (user/decode/ioctl_gpio.c) against lines
 * strace 6.1 printed (its test suite's ioctl_gpio, ioctl_gpio-v and
 * ioctl_gpio-success).
 */
#include <errno.h>
#include <string.h>
#include <linux/gpio.h>

#include "rec.h"
#include "test.h"

#define EBADF_TAIL "= -1 EBADF (Bad file descriptor)"

static void ioctl_gpio_v1(struct t_state *st)
{
	struct t_sink s;
	struct gpiohandle_request hr;
	struct gpioline_info li;
	uint64_t a[6] = { (uint64_t)-1, GPIO_GET_LINEHANDLE_IOCTL, 0x7f91d81b2000 };
	struct t_blobspec b = { 2, &hr, sizeof(hr), 0, 0 };
	struct t_blobspec lb = { 2, &li, sizeof(li), 0, 0 };

	memset(&hr, 0, sizeof(hr));
	hr.lines = 4;
	hr.lineoffsets[0] = 18;
	hr.lineoffsets[1] = 35;
	hr.lineoffsets[2] = 52;
	hr.lineoffsets[3] = 69;
	hr.default_values[1] = 1;
	hr.default_values[2] = 2;
	hr.default_values[3] = 6;
	hr.flags = GPIOHANDLE_REQUEST_ACTIVE_LOW | GPIOHANDLE_REQUEST_OPEN_SOURCE;
	strcpy(hr.consumer_label, "line consumer");
	hr.fd = 5;
	t_sink_open(&s);
	CHECK_STR(st, t_line(&s, "ioctl", a, &b, 1, -EBADF, &b, 1),
		  "ioctl(-1, GPIO_GET_LINEHANDLE_IOCTL, {lines=4, lineoffsets=[18, 35, 52, 69], "
		  "flags=GPIOHANDLE_REQUEST_ACTIVE_LOW|GPIOHANDLE_REQUEST_OPEN_SOURCE, "
		  "default_values=[0, 1, 2, 6], consumer_label=\"line consumer\"}) " EBADF_TAIL);
	/* after success, the fd the kernel wrote */
	CHECK_STR(st, t_line(&s, "ioctl", a, &b, 1, 0, &b, 1),
		  "ioctl(-1, GPIO_GET_LINEHANDLE_IOCTL, {lines=4, lineoffsets=[18, 35, 52, 69], "
		  "flags=GPIOHANDLE_REQUEST_ACTIVE_LOW|GPIOHANDLE_REQUEST_OPEN_SOURCE, "
		  "default_values=[0, 1, 2, 6], consumer_label=\"line consumer\"} => {fd=5}) = 0");
	memset(&li, 0, sizeof(li));
	li.line_offset = 50;
	a[1] = GPIO_GET_LINEINFO_IOCTL;
	CHECK_STR(st, t_line(&s, "ioctl", a, &lb, 1, -EBADF, &lb, 1),
		  "ioctl(-1, GPIO_GET_LINEINFO_IOCTL, {line_offset=50}) " EBADF_TAIL);
	a[1] = GPIO_GET_CHIPINFO_IOCTL;
	a[2] = 0;
	CHECK_STR(st, t_line(&s, "ioctl", a, NULL, 0, -EBADF, NULL, 0),
		  "ioctl(-1, GPIO_GET_CHIPINFO_IOCTL, NULL) " EBADF_TAIL);
	t_sink_close(&s);
}

static void ioctl_gpio_v2(struct t_state *st)
{
	struct t_sink s;
	struct gpio_v2_line_config lc;
	uint64_t a[6] = { (uint64_t)-1, GPIO_V2_LINE_SET_CONFIG_IOCTL, 0x7f91d81b2000 };
	struct t_blobspec b = { 2, &lc, sizeof(lc), 0, 0 };

	memset(&lc, 0, sizeof(lc));
	lc.flags = GPIO_V2_LINE_FLAG_ACTIVE_LOW | GPIO_V2_LINE_FLAG_BIAS_PULL_UP;
	lc.num_attrs = 1;
	lc.attrs[0].attr.id = GPIO_V2_LINE_ATTR_ID_FLAGS;
	lc.attrs[0].attr.padding = 0xfeedface;
	lc.attrs[0].attr.values = 0xdeadbeefba11c0daULL;
	lc.attrs[0].mask = 1;
	t_sink_open(&s);
	CHECK_STR(st, t_line(&s, "ioctl", a, &b, 1, -EBADF, NULL, 0),
		  "ioctl(-1, GPIO_V2_LINE_SET_CONFIG_IOCTL, {flags=GPIO_V2_LINE_FLAG_ACTIVE_LOW|"
		  "GPIO_V2_LINE_FLAG_BIAS_PULL_UP, num_attrs=1, attrs=[{attr={id=1, "
		  "padding=0xfeedface, data=0xdeadbeefba11c0da}, mask=0x1}]}) " EBADF_TAIL);
	lc.attrs[0].attr.padding = 0;
	lc.attrs[0].attr.flags = GPIO_V2_LINE_FLAG_ACTIVE_LOW;
	lc.padding[1] = 0xfeedface;
	CHECK_STR(st, t_line(&s, "ioctl", a, &b, 1, -EBADF, NULL, 0),
		  "ioctl(-1, GPIO_V2_LINE_SET_CONFIG_IOCTL, {flags=GPIO_V2_LINE_FLAG_ACTIVE_LOW|"
		  "GPIO_V2_LINE_FLAG_BIAS_PULL_UP, num_attrs=1, padding=[0, 0xfeedface, 0, 0, 0], "
		  "attrs=[{flags=GPIO_V2_LINE_FLAG_ACTIVE_LOW, mask=0x1}]}) " EBADF_TAIL);
	lc.flags = 0x8000;
	lc.num_attrs = 0;
	lc.padding[1] = 0;
	CHECK_STR(
		st, t_line(&s, "ioctl", a, &b, 1, -EBADF, NULL, 0),
		"ioctl(-1, GPIO_V2_LINE_SET_CONFIG_IOCTL, {flags=0x8000 /* GPIO_V2_LINE_FLAG_??? */, "
		"num_attrs=0}) " EBADF_TAIL);
	t_sink_close(&s);
}

T_SUITE(decode_ioctl_gpio_tests) = {
	T_CASE(ioctl_gpio_v1),
	T_CASE(ioctl_gpio_v2),
	T_END,
};
