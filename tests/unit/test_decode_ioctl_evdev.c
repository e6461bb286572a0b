// SPDX-License-Identifier: GPL-2.0
/*
 * ioctl request names with a parameter (user/decode/ioctl_code.c) and the
 * input device requests (user/decode/ioctl_evdev.c), against lines strace
 * 6.1 printed (its test suite's ioctl_evdev, ioctl_evdev-v, -Xverbose,
 * -Xraw and ioctl_mtd).
 */
#include <errno.h>
#include <string.h>
#include <linux/input.h>
#include <mtd/mtd-abi.h>

#include "rec.h"
#include "test.h"

#define EBADF_TAIL "= -1 EBADF (Bad file descriptor)"

/* Names with a parameter, under each -X style; NULL for a request strace decodes. */
static void ioctl_param_names(struct t_state *st)
{
	struct t_sink s;
	uint64_t a[6] = { (uint64_t)-1, EVIOCGBIT(EV_KEY, 1), 0 };

	t_sink_open(&s);
	CHECK_STR(st, t_line(&s, "ioctl", a, NULL, 0, -EBADF, NULL, 0),
		  "ioctl(-1, EVIOCGBIT(EV_KEY, 1), NULL) " EBADF_TAIL);
	a[1] = EVIOCGBIT(0, 0);
	CHECK_STR(st, t_line(&s, "ioctl", a, NULL, 0, -EBADF, NULL, 0),
		  "ioctl(-1, EVIOCGBIT(0, 0), NULL)  " EBADF_TAIL);
	a[1] = EVIOCGABS(0xe);
	CHECK_STR(st, t_line(&s, "ioctl", a, NULL, 0, -EBADF, NULL, 0),
		  "ioctl(-1, EVIOCGABS(0xe /* ABS_??? */), NULL) " EBADF_TAIL);
	a[1] = EVIOCGMTSLOTS(8);
	CHECK_STR(st, t_line(&s, "ioctl", a, NULL, 0, -EBADF, NULL, 0),
		  "ioctl(-1, EVIOCGMTSLOTS(8), NULL) " EBADF_TAIL);
	/* a parametrised name first, then the table's */
	a[1] = ECCGETLAYOUT;
	a[2] = 0x7ffd7354b1b8;
	CHECK_STR(st, t_line(&s, "ioctl", a, NULL, 0, -EBADF, NULL, 0),
		  "ioctl(-1, MIXER_READ(17) or ECCGETLAYOUT, 0x7ffd7354b1b8) " EBADF_TAIL);
	s.opts.xlat_style = SR_XLAT_VERBOSE;
	t_sink_reinit(&s);
	a[1] = EVIOCGABS(0xe);
	a[2] = 0;
	CHECK_STR(st, t_line(&s, "ioctl", a, NULL, 0, -EBADF, NULL, 0),
		  "ioctl(-1, 0x8018454e /* EVIOCGABS(0xe) */, NULL) " EBADF_TAIL);
	a[1] = EVIOCGBIT(0x1f, 42);
	CHECK_STR(st, t_line(&s, "ioctl", a, NULL, 0, -EBADF, NULL, 0),
		  "ioctl(-1, 0x802a453f /* EVIOCGBIT(0x1f, 42) */, NULL) " EBADF_TAIL);
	a[1] = EVIOCGBIT(EV_KEY, 1);
	CHECK_STR(st, t_line(&s, "ioctl", a, NULL, 0, -EBADF, NULL, 0),
		  "ioctl(-1, 0x80014521 /* EVIOCGBIT(EV_KEY, 1) */, NULL) " EBADF_TAIL);
	s.opts.xlat_style = SR_XLAT_RAW;
	t_sink_reinit(&s);
	CHECK_STR(st, t_line(&s, "ioctl", a, NULL, 0, -EBADF, NULL, 0),
		  "ioctl(-1, 0x80014521, NULL)       " EBADF_TAIL);
	t_sink_close(&s);
}

/* Inputs at entry; outputs at exit, the address after a failure. */
static void ioctl_evdev(struct t_state *st)
{
	struct t_sink s;
	uint32_t kc[2] = { 3735928559u, KEY_ESC };
	struct input_absinfo abs = { 1, 2, 3, 4, 5, 6 };
	uint64_t a[6] = { (uint64_t)-1, EVIOCSKEYCODE, 0x7f0d163b9ff8 };
	struct t_blobspec b = { 2, kc, sizeof(kc), 0, 0 };
	struct t_blobspec ab = { 2, &abs, sizeof(abs), 0, 0 };

	t_sink_open(&s);
	CHECK_STR(st, t_line(&s, "ioctl", a, &b, 1, -EBADF, NULL, 0),
		  "ioctl(-1, EVIOCSKEYCODE, [3735928559, KEY_ESC]) " EBADF_TAIL);
	a[1] = EVIOCGKEYCODE;
	CHECK_STR(st, t_line(&s, "ioctl", a, &b, 1, -EBADF, &b, 1),
		  "ioctl(-1, EVIOCGKEYCODE, 0x7f0d163b9ff8) " EBADF_TAIL);
	CHECK_STR(st, t_line(&s, "ioctl", a, &b, 1, 0, &b, 1),
		  "ioctl(-1, EVIOCGKEYCODE, [3735928559, KEY_ESC]) = 0");
	a[1] = EVIOCSREP;
	kc[1] = 3134983661u;
	CHECK_STR(st, t_line(&s, "ioctl", a, &b, 1, -EBADF, NULL, 0),
		  "ioctl(-1, EVIOCSREP, [3735928559, 3134983661]) " EBADF_TAIL);
	a[1] = EVIOCRMFF;
	a[2] = 0xdeadbeefbadc0dedULL;
	CHECK_STR(st, t_line(&s, "ioctl", a, NULL, 0, -EBADF, NULL, 0),
		  "ioctl(-1, EVIOCRMFF, -1159983635) " EBADF_TAIL);
	a[1] = EVIOCGRAB;
	CHECK_STR(st, t_line(&s, "ioctl", a, NULL, 0, -EBADF, NULL, 0),
		  "ioctl(-1, EVIOCGRAB, 16045690984232390125) " EBADF_TAIL);
	a[1] = EVIOCSABS(ABS_X);
	a[2] = 0x7f0d163b9fe8;
	CHECK_STR(st, t_line(&s, "ioctl", a, &ab, 1, -EBADF, NULL, 0),
		  "ioctl(-1, EVIOCSABS(ABS_X), {value=1, minimum=2, ...}) " EBADF_TAIL);
	a[1] = EVIOCGNAME(16);
	b.data = "sysray-dev\0\0\0\0\0";
	b.len = 16;
	CHECK_STR(st, t_line(&s, "ioctl", a, &b, 1, 10, &b, 1),
		  "ioctl(-1, EVIOCGNAME(16), \"sysray-dev\") = 10");
	t_sink_close(&s);
}

/* -v: the fields strace shows only then; struct ff_effect's union by type. */
static void ioctl_evdev_verbose(struct t_state *st)
{
	struct t_sink s;
	struct ff_effect ff;
	struct input_keymap_entry ke;
	uint64_t a[6] = { (uint64_t)-1, EVIOCSFF, 0x7f0d163b9fd0 };
	struct t_blobspec b = { 2, &ff, sizeof(ff), 0, 0 };
	size_t i;

	memset(&ff, 0, sizeof(ff));
	ff.type = FF_RUMBLE;
	ff.id = -31870;
	ff.direction = 34180;
	ff.trigger.button = 34694;
	ff.trigger.interval = 35208;
	ff.replay.length = 35722;
	ff.replay.delay = 36236;
	ff.u.rumble.strong_magnitude = 37264;
	ff.u.rumble.weak_magnitude = 37778;
	ke.flags = 128;
	ke.len = 129;
	ke.index = 33666;
	ke.keycode = KEY_1;
	for (i = 0; i < sizeof(ke.scancode); i++)
		ke.scancode[i] = 0x88 + i;
	t_sink_open(&s);
	CHECK_STR(
		st, t_line(&s, "ioctl", a, &b, 1, -EBADF, NULL, 0),
		"ioctl(-1, EVIOCSFF, {type=FF_RUMBLE, id=-31870, direction=34180, ...}) " EBADF_TAIL);
	s.opts.verbose = true;
	t_sink_reinit(&s);
	CHECK_STR(st, t_line(&s, "ioctl", a, &b, 1, -EBADF, NULL, 0),
		  "ioctl(-1, EVIOCSFF, {type=FF_RUMBLE, id=-31870, direction=34180, "
		  "trigger={button=34694, interval=35208}, replay={length=35722, delay=36236}, "
		  "rumble={strong_magnitude=37264, weak_magnitude=37778}}) " EBADF_TAIL);
	a[1] = EVIOCSKEYCODE_V2;
	b.data = &ke;
	b.len = sizeof(ke);
	CHECK_STR(st, t_line(&s, "ioctl", a, &b, 1, -EBADF, NULL, 0),
		  "ioctl(-1, EVIOCSKEYCODE_V2, {flags=128, len=129, index=33666, keycode=KEY_1, "
		  "scancode=[0x88, 0x89, 0x8a, 0x8b, 0x8c, 0x8d, 0x8e, 0x8f, 0x90, 0x91, 0x92, "
		  "0x93, 0x94, 0x95, 0x96, 0x97, 0x98, 0x99, 0x9a, 0x9b, 0x9c, 0x9d, 0x9e, 0x9f, "
		  "0xa0, 0xa1, 0xa2, 0xa3, 0xa4, 0xa5, 0xa6, 0xa7]}) " EBADF_TAIL);
	t_sink_close(&s);
}

T_SUITE(decode_ioctl_evdev_tests) = {
	T_CASE(ioctl_param_names),
	T_CASE(ioctl_evdev),
	T_CASE(ioctl_evdev_verbose),
	T_END,
};
