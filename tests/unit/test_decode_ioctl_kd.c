// SPDX-License-Identifier: GPL-2.0
/*
 * Console keyboard ioctls (user/decode/ioctl_kd.c) against lines strace 6.1
 * printed (its test suite's ioctl_kd, -Xraw, -Xverbose, and ioctl_kd-success
 * under -e inject=ioctl:retval=42, whose "= 42 (INJECTED)" reads "= 42").
 */
#include <errno.h>
#include <stdio.h>
#include <linux/kd.h>
#include <linux/keyboard.h>

#include "rec.h"
#include "test.h"

#define EBADF_TAIL "= -1 EBADF (Bad file descriptor)"

/* KDSKBENT at entry: the whole entry; only its first two bytes readable: kb_value=???. */
static void ioctl_kd_set_entry(struct t_state *st)
{
	struct t_sink s;
	struct kbentry e = { 0x4, 207, 0x7e };
	uint64_t a[6] = { -1, KDSKBENT, 0x7f28c0783000 };
	struct t_blobspec b = { 2, &e, sizeof(e), 0, 0 };
	struct t_blobspec half = { 2, &e, 2, 0, 0 };

	t_sink_open(&s);
	CHECK_STR(st, t_line(&s, "ioctl", a, &b, 1, -EBADF, NULL, 0),
		  "ioctl(-1, KDSKBENT, {kb_table=1<<KG_CTRL, kb_index=207, "
		  "kb_value=0x7e /* K(KT_LATIN, '~') */}) " EBADF_TAIL);
	e = (struct kbentry){ 0xa8, 0xa8, 0 };
	CHECK_STR(st, t_line(&s, "ioctl", a, &half, 1, -EBADF, NULL, 0),
		  "ioctl(-1, KDSKBENT, {kb_table=1<<KG_ALT|1<<KG_SHIFTR|1<<KG_CTRLR, kb_index=168, "
		  "kb_value=???}) " EBADF_TAIL);
	/* named keys; unnamed ones by type and value, a character for the letter types */
	e = (struct kbentry){ K_NORMTAB, 0, 0x100 };
	CHECK_STR(
		st, t_line(&s, "ioctl", a, &b, 1, -EBADF, NULL, 0),
		"ioctl(-1, KDSKBENT, {kb_table=K_NORMTAB, kb_index=0, kb_value=0x100 /* K_F1 */}) " EBADF_TAIL);
	e = (struct kbentry){ K_SHIFTTAB, 245, 0xd5c };
	CHECK_STR(st, t_line(&s, "ioctl", a, &b, 1, -EBADF, NULL, 0),
		  "ioctl(-1, KDSKBENT, {kb_table=K_SHIFTTAB, kb_index=245, "
		  "kb_value=0xd5c /* K(KT_DEAD2, '\\\\') */}) " EBADF_TAIL);
	e = (struct kbentry){ K_ALTSHIFTTAB, 58, 0xf00d };
	CHECK_STR(st, t_line(&s, "ioctl", a, &b, 1, -EBADF, NULL, 0),
		  "ioctl(-1, KDSKBENT, {kb_table=K_ALTSHIFTTAB, kb_index=58, "
		  "kb_value=0xf00d /* K(0xf0, 0xd) */}) " EBADF_TAIL);
	e = (struct kbentry){ K_SHIFTTAB, 69, 0x10 };
	s.opts.xlat_style = SR_XLAT_VERBOSE;
	t_sink_reinit(&s);
	CHECK_STR(st, t_line(&s, "ioctl", a, &b, 1, -EBADF, NULL, 0),
		  "ioctl(-1, 0x4b47 /* KDSKBENT */, {kb_table=0x1 /* K_SHIFTTAB */, kb_index=69, "
		  "kb_value=0x10 /* K(KT_LATIN, '\\x10') */}) " EBADF_TAIL);
	s.opts.xlat_style = SR_XLAT_RAW;
	t_sink_reinit(&s);
	CHECK_STR(st, t_line(&s, "ioctl", a, &b, 1, -EBADF, NULL, 0),
		  "ioctl(-1, 0x4b47, {kb_table=0x1, kb_index=69, kb_value=0x10}) " EBADF_TAIL);
	t_sink_close(&s);
}

/* KDGKBENT: the keymap and index read at entry, the value after success. */
static void ioctl_kd_get(struct t_state *st)
{
	struct t_sink s;
	struct kbentry in = { K_SHIFTTAB, 180, 0 }, out = { K_SHIFTTAB, 180, 0x709 };
	uint64_t a[6] = { -1, KDGKBENT, 0x7f28c0783000 };
	struct t_blobspec bi = { 2, &in, sizeof(in), 0, 0 };
	struct t_blobspec bo = { 2, &out, sizeof(out), 0, 0 };

	t_sink_open(&s);
	CHECK_STR(st, t_line(&s, "ioctl", a, &bi, 1, 42, &bo, 1),
		  "ioctl(-1, KDGKBENT, {kb_table=K_SHIFTTAB, kb_index=180, "
		  "kb_value=0x709 /* K(KT_SHIFT, 0x9) */}) = 42");
	CHECK_STR(st, t_line(&s, "ioctl", a, &bi, 1, -EBADF, NULL, 0),
		  "ioctl(-1, KDGKBENT, {kb_table=K_SHIFTTAB, kb_index=180}) " EBADF_TAIL);
	a[2] = 0;
	CHECK_STR(st, t_line(&s, "ioctl", a, NULL, 0, -EBADF, NULL, 0),
		  "ioctl(-1, KDGKBENT, NULL)         " EBADF_TAIL);
	t_sink_close(&s);
}

/* The requests whose argument is a value: as strace 6.1 prints them at entry. */
static const struct {
	uint32_t code;
	uint64_t arg;
	const char *line;
} kd_values[] = {
	{ KDSETLED, 0xbadc0dedfeedfaf0, "ioctl(-1, KDSETLED, 0xf0 /* LED_??? */) " },
	{ KDSETLED, 0xfe, "ioctl(-1, KDSETLED, LED_NUM|LED_CAP|0xf8) " },
	{ KDSKBLED, 0xfe,
	  "ioctl(-1, KDSKBLED, LED_NUM|LED_CAP|LED_SCR<<4|LED_NUM<<4|LED_CAP<<4|0x88) " },
	{ KDSETMODE, 0xbadc0dedcacafefe, "ioctl(-1, KDSETMODE, 0xcacafefe /* KD_??? */) " },
	{ KDSETMODE, 3, "ioctl(-1, KDSETMODE, KD_TEXT1)    " },
	{ KDSKBMODE, 0xbadc0dedfeeddead, "ioctl(-1, KDSKBMODE, -17965395 /* K_??? */) " },
	{ KDSKBMODE, 4, "ioctl(-1, KDSKBMODE, K_OFF)       " },
	{ KDSKBMETA, 0xdeadfacebeeffeed, "ioctl(-1, KDSKBMETA, 0xbeeffeed /* K_??? */) " },
	{ KDSKBMETA, 4, "ioctl(-1, KDSKBMETA, K_ESCPREFIX) " },
	{ KDSIGACCEPT, (uint64_t)-1, "ioctl(-1, KDSIGACCEPT, 18446744073709551615) " },
	{ KDSIGACCEPT, 33, "ioctl(-1, KDSIGACCEPT, SIGRT_1)   " },
};

static void ioctl_kd_values(struct t_state *st)
{
	char want[160];
	struct t_sink s;
	uint64_t a[6] = { -1 };
	size_t i;

	t_sink_open(&s);
	for (i = 0; i < sizeof(kd_values) / sizeof(kd_values[0]); i++) {
		a[1] = kd_values[i].code;
		a[2] = kd_values[i].arg;
		snprintf(want, sizeof(want), "%s" EBADF_TAIL, kd_values[i].line);
		CHECK_STR(st, t_line(&s, "ioctl", a, NULL, 0, -EBADF, NULL, 0), want);
	}
	t_sink_close(&s);
}

/* The requests that write a byte or an int: "[...]" after success, else the address. */
static void ioctl_kd_outputs(struct t_state *st)
{
	struct t_sink s;
	uint8_t led = 0x7, type = KB_101;
	int32_t mode = -1;
	uint64_t a[6] = { -1, KDGETLED, 0x7f28c0973fff };
	struct t_blobspec bl = { 2, &led, 1, 0, 0 };
	struct t_blobspec bt = { 2, &type, 1, 0, 0 };
	struct t_blobspec bm = { 2, &mode, sizeof(mode), 0, 0 };

	t_sink_open(&s);
	CHECK_STR(st, t_line(&s, "ioctl", a, NULL, 0, 42, &bl, 1),
		  "ioctl(-1, KDGETLED, [LED_SCR|LED_NUM|LED_CAP]) = 42");
	CHECK_STR(st, t_line(&s, "ioctl", a, NULL, 0, -EBADF, NULL, 0),
		  "ioctl(-1, KDGETLED, 0x7f28c0973fff) " EBADF_TAIL);
	a[1] = KDGKBLED;
	led = 0x11;
	CHECK_STR(st, t_line(&s, "ioctl", a, NULL, 0, 42, &bl, 1),
		  "ioctl(-1, KDGKBLED, [LED_SCR|LED_SCR<<4]) = 42");
	a[1] = KDGKBTYPE;
	CHECK_STR(st, t_line(&s, "ioctl", a, NULL, 0, 42, &bt, 1),
		  "ioctl(-1, KDGKBTYPE, [KB_101])    = 42");
	a[1] = KDGKBMODE;
	CHECK_STR(st, t_line(&s, "ioctl", a, NULL, 0, 42, &bm, 1),
		  "ioctl(-1, KDGKBMODE, [-1 /* K_??? */]) = 42");
	a[1] = KDGETMODE;
	mode = KD_GRAPHICS;
	CHECK_STR(st, t_line(&s, "ioctl", a, NULL, 0, 42, &bm, 1),
		  "ioctl(-1, KDGETMODE, [KD_GRAPHICS]) = 42");
	a[1] = KDGKBMETA;
	mode = 2;
	CHECK_STR(st, t_line(&s, "ioctl", a, NULL, 0, 42, &bm, 1),
		  "ioctl(-1, KDGKBMETA, [0x2 /* K_??? */]) = 42");
	a[2] = 0;
	CHECK_STR(st, t_line(&s, "ioctl", a, NULL, 0, -EBADF, NULL, 0),
		  "ioctl(-1, KDGKBMETA, NULL)        " EBADF_TAIL);
	t_sink_close(&s);
}

/* Keycodes and the repeat rate: given at entry, what the call wrote after " => ". */
static void ioctl_kd_keycode_kbdrep(struct t_state *st)
{
	struct t_sink s;
	struct kbkeycode kc = { 0xdecaffed, 0xdadfaced };
	struct kbd_repeat rep = { -1234567890, 0 };
	uint64_t a[6] = { -1, KDGETKEYCODE, 0x7f28c0728ffc };
	struct t_blobspec bk = { 2, &kc, sizeof(kc), 0, 0 };
	struct t_blobspec br = { 2, &rep, sizeof(rep), 0, 0 };

	t_sink_open(&s);
	CHECK_STR(
		st, t_line(&s, "ioctl", a, &bk, 1, 42, &bk, 1),
		"ioctl(-1, KDGETKEYCODE, {scancode=0xdecaffed, keycode=0xdadfaced => 0xdadfaced}) "
		"= 42");
	CHECK_STR(st, t_line(&s, "ioctl", a, &bk, 1, -EBADF, NULL, 0),
		  "ioctl(-1, KDGETKEYCODE, {scancode=0xdecaffed, keycode=0xdadfaced}) " EBADF_TAIL);
	a[1] = KDSETKEYCODE;
	CHECK_STR(st, t_line(&s, "ioctl", a, &bk, 1, -EBADF, NULL, 0),
		  "ioctl(-1, KDSETKEYCODE, {scancode=0xdecaffed, keycode=0xdadfaced}) " EBADF_TAIL);
	a[1] = KDKBDREP;
	CHECK_STR(st, t_line(&s, "ioctl", a, &br, 1, 42, &br, 1),
		  "ioctl(-1, KDKBDREP, {delay=-1234567890, period=0} => "
		  "{delay=-1234567890, period=0}) = 42");
	CHECK_STR(st, t_line(&s, "ioctl", a, &br, 1, -EBADF, NULL, 0),
		  "ioctl(-1, KDKBDREP, {delay=-1234567890, period=0}) " EBADF_TAIL);
	t_sink_close(&s);
}

T_SUITE(decode_ioctl_kd_tests) = {
	T_CASE(ioctl_kd_keycode_kbdrep), T_CASE(ioctl_kd_values), T_CASE(ioctl_kd_outputs),
	T_CASE(ioctl_kd_set_entry),	 T_CASE(ioctl_kd_get),	  T_END,
};
