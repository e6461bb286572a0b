// SPDX-License-Identifier: GPL-2.0
/*
 * Decoders: console keyboard ioctls (linux/kd.h) as strace 6.1 prints them.
 * So far the keymap entries (KDGKBENT, KDSKBENT), LEDs (KDGETLED,
 * KDSETLED, KDGKBLED, KDSKBLED), modes, meta handling, the keyboard type,
 * keycodes, the repeat rate and KDSIGACCEPT; the other requests print as
 * unknown ones. Rows of struct sr_ioc (ioctl.h); ioctl.c looks requests up.
 */
#include <stdint.h>
#include <stdio.h>
#include <linux/kd.h>
#include <linux/keyboard.h>

#include "decode/ioctl.h"

/* The named keys of each key type (KTYP()); the others print as K(type, value). */
static const struct sr_xlat *const key_names[] = {
	[KT_FN] = &xlat_kd_key_fn_keys,	      [KT_SPEC] = &xlat_kd_key_spec_keys,
	[KT_PAD] = &xlat_kd_key_pad_keys,     [KT_DEAD] = &xlat_kd_key_dead_keys,
	[KT_CUR] = &xlat_kd_key_cur_keys,     [KT_SHIFT] = &xlat_kd_key_shift_keys,
	[KT_ASCII] = &xlat_kd_key_ascii_keys, [KT_LOCK] = &xlat_kd_key_lock_keys,
	[KT_SLOCK] = &xlat_kd_key_slock_keys, [KT_BRL] = &xlat_kd_key_brl_keys,
};

/* kb_table: one of the four keymaps strace names, else modifier bits ("1<<KG_ALT"). */
static void kb_table_print(struct sr_fmt *f, uint8_t v)
{
	pr_field(f, "kb_table");
	if (xlat__name(&xlat_kd_key_tables, v))
		fmt_enum(f, &xlat_kd_key_tables, v);
	else
		fmt_flags_bitnum(f, &xlat_kd_keymap_flags, v, 0);
}

/* A key value's character, as strace's print_char(SCF_QUOTES | SCF_ESC_WS): 'a', '\t', '\x00'. */
static void key_char(char *buf, size_t size, uint8_t c)
{
	if (c >= ' ' && c < 0x7f)
		snprintf(buf, size, c == '\'' || c == '\\' ? "'\\%c'" : "'%c'", c);
	else if (c >= '\t' && c <= '\r')
		snprintf(buf, size, "'\\%c'", "tnvfr"[c - '\t']);
	else
		snprintf(buf, size, "'\\x%02x'", c);
}

/* kb_value's comment: the key's name, else "K(KT_LATIN, 'a')", "K(KT_SPEC, 0x14)", "K(0xf, 0)". */
static void kb_value_comment(struct sr_fmt *f, uint16_t v)
{
	unsigned int typ = KTYP(v), val = KVAL(v);
	const char *name = NULL, *tname = xlat__name(&xlat_kd_key_types, typ);
	char tbuf[16], vbuf[16], text[64];

	if (typ < sizeof(key_names) / sizeof(key_names[0]) && key_names[typ])
		name = xlat__name(key_names[typ], v);
	if (name) {
		pr_comment(f, name);
		return;
	}
	if (!tname) {
		snprintf(tbuf, sizeof(tbuf), "%#x", typ);
		tname = tbuf;
	}
	switch (typ) {
	case KT_LATIN:
	case KT_META:
	case KT_LETTER:
	case KT_DEAD2:
		key_char(vbuf, sizeof(vbuf), (uint8_t)val);
		break;
	default:
		snprintf(vbuf, sizeof(vbuf), "%#x", val);
		break;
	}
	snprintf(text, sizeof(text), "K(%s, %s)", tname, vbuf);
	pr_comment(f, text);
}

/* kb_value from @p (@len bytes of a struct kbentry): "???" when not all read. */
static void kb_value_print(struct sr_fmt *f, const uint8_t *p, size_t len)
{
	uint16_t v;

	pr_field(f, "kb_value");
	if (len < sizeof(struct kbentry)) {
		pr_unknown(f);
		return;
	}
	v = get16(p, offsetof(struct kbentry, kb_value));
	pr_x(f, v);
	if (!fmt_xlat_raw(f))
		kb_value_comment(f, v);
}

/* kb_table and kb_index, which strace reads alone at entry. */
static void kbentry_begin(struct sr_fmt *f, const uint8_t *p)
{
	pr_struct_begin(f);
	kb_table_print(f, p[offsetof(struct kbentry, kb_table)]);
	pr_field_u(f, "kb_index", p[offsetof(struct kbentry, kb_index)]);
}

/* KDSKBENT: the whole entry at entry. */
static void kbentry_set_print(struct sr_fmt *f, const struct sr_call *c, const uint8_t *p,
			      size_t len)
{
	(void)c;
	kbentry_begin(f, p);
	kb_value_print(f, p, len);
	pr_struct_end(f);
}

/* KDGKBENT: the keymap and index read at entry, the value the call wrote. */
static void kbentry_get_print(struct sr_fmt *f, const struct sr_call *c, const uint8_t *p,
			      size_t len)
{
	const uint8_t *out;

	(void)len;
	kbentry_begin(f, p);
	if (c->ret >= 0) {
		out = ioc_exit_copy(c, 0, &len);
		kb_value_print(f, out, out ? len : 0);
	}
	pr_struct_end(f);
}

/* An enum strace prints in decimal when unnamed (printxval_d): "-1 /\* K_??? *\/". */
static void enum_d_print(struct sr_fmt *f, const struct sr_xlat *x, int32_t v)
{
	const char *name = xlat__name(x, (uint32_t)v);

	if (name) {
		pr_sym_fmt(f, name, (uint32_t)v, SR_NUM_D);
		return;
	}
	pr_d(f, v);
	pr_xlat_default(f, x->unknown);
}

/* KDSETLED: the LEDs as the low byte of the argument. */
static void setled_print(struct sr_fmt *f, const struct sr_call *c, const uint8_t *p, size_t len)
{
	(void)p;
	(void)len;
	fmt_flags(f, &xlat_kd_led_flags, (uint8_t)c->args[2]);
}

/* KDSKBLED: the keyboard's LED flags, and their defaults in the high nibble. */
static void skbled_print(struct sr_fmt *f, const struct sr_call *c, const uint8_t *p, size_t len)
{
	(void)p;
	(void)len;
	fmt_flags(f, &xlat_kd_default_led_flags, (uint8_t)c->args[2]);
}

/* KDGKBLED: "[LED_NUM|LED_NUM<<4]", a byte. */
static void gkbled_print(struct sr_fmt *f, const struct sr_call *c, const uint8_t *p, size_t len)
{
	(void)c;
	(void)len;
	pr_array_begin(f);
	fmt_flags(f, &xlat_kd_default_led_flags, p[0]);
	pr_array_end(f);
}

/* KDSETMODE: the argument as an int. */
static void setmode_print(struct sr_fmt *f, const struct sr_call *c, const uint8_t *p, size_t len)
{
	(void)p;
	(void)len;
	fmt_enum(f, &xlat_kd_modes, (uint32_t)c->args[2]);
}

static void skbmode_print(struct sr_fmt *f, const struct sr_call *c, const uint8_t *p, size_t len)
{
	(void)p;
	(void)len;
	enum_d_print(f, &xlat_kd_kbd_modes, (int32_t)c->args[2]);
}

static void skbmeta_print(struct sr_fmt *f, const struct sr_call *c, const uint8_t *p, size_t len)
{
	(void)p;
	(void)len;
	fmt_enum(f, &xlat_kd_meta_vals, (uint32_t)c->args[2]);
}

/* KDSIGACCEPT: a signal number, or what no int holds in decimal. */
static void sigaccept_print(struct sr_fmt *f, const struct sr_call *c, const uint8_t *p, size_t len)
{
	(void)p;
	(void)len;
	if (c->args[2] >= INT32_MAX)
		pr_u(f, c->args[2]);
	else
		fmt_signame(f, (int)c->args[2]);
}

/* KDGETLED: "[LED_NUM]", a byte. */
static void getled_print(struct sr_fmt *f, const struct sr_call *c, const uint8_t *p, size_t len)
{
	(void)c;
	(void)len;
	pr_array_begin(f);
	fmt_flags(f, &xlat_kd_led_flags, p[0]);
	pr_array_end(f);
}

/* KDGKBTYPE: "[KB_101]", a byte. */
static void gkbtype_print(struct sr_fmt *f, const struct sr_call *c, const uint8_t *p, size_t len)
{
	(void)c;
	(void)len;
	pr_array_begin(f);
	fmt_enum(f, &xlat_kd_kbd_types, p[0]);
	pr_array_end(f);
}

/* KDGKBMODE: "[K_XLATE]", an int. */
static void gkbmode_print(struct sr_fmt *f, const struct sr_call *c, const uint8_t *p, size_t len)
{
	(void)c;
	(void)len;
	pr_array_begin(f);
	enum_d_print(f, &xlat_kd_kbd_modes, (int32_t)get32(p, 0));
	pr_array_end(f);
}

static const struct sr_ioc_struct setled_st = { 0, setled_print };
static const struct sr_ioc_struct skbled_st = { 0, skbled_print };
static const struct sr_ioc_struct gkbled_st = { 1, gkbled_print };
static const struct sr_ioc_struct setmode_st = { 0, setmode_print };
static const struct sr_ioc_struct skbmode_st = { 0, skbmode_print };
static const struct sr_ioc_struct skbmeta_st = { 0, skbmeta_print };
static const struct sr_ioc_struct sigaccept_st = { 0, sigaccept_print };
static const struct sr_ioc_struct getled_st = { 1, getled_print };
static const struct sr_ioc_struct gkbtype_st = { 1, gkbtype_print };
static const struct sr_ioc_struct gkbmode_st = { sizeof(int32_t), gkbmode_print };

/* KDGETKEYCODE, KDSETKEYCODE: the scancode and its keycode. */
static void keycode_begin(struct sr_fmt *f, const uint8_t *p)
{
	pr_struct_begin(f);
	pr_field_x(f, "scancode", get32(p, offsetof(struct kbkeycode, scancode)));
	pr_field_x(f, "keycode", get32(p, offsetof(struct kbkeycode, keycode)));
}

static void setkeycode_print(struct sr_fmt *f, const struct sr_call *c, const uint8_t *p,
			     size_t len)
{
	(void)c;
	(void)len;
	keycode_begin(f, p);
	pr_struct_end(f);
}

/* KDGETKEYCODE: "{scancode=0x1, keycode=0 => 0x2}", the keycode the call wrote. */
static void getkeycode_print(struct sr_fmt *f, const struct sr_call *c, const uint8_t *p,
			     size_t len)
{
	const uint8_t *out = c->ret >= 0 ? ioc_exit_copy(c, sizeof(struct kbkeycode), &len) : NULL;

	keycode_begin(f, p);
	if (out) {
		pr_changed(f);
		pr_x(f, get32(out, offsetof(struct kbkeycode, keycode)));
	}
	pr_struct_end(f);
}

/* KDKBDREP: the delay and period given, " => " those in force after success. */
static void kbdrep_print(struct sr_fmt *f, const struct sr_call *c, const uint8_t *p, size_t len)
{
	(void)c;
	(void)len;
	pr_struct_begin(f);
	pr_field_d(f, "delay", (int32_t)get32(p, offsetof(struct kbd_repeat, delay)));
	pr_field_d(f, "period", (int32_t)get32(p, offsetof(struct kbd_repeat, period)));
	pr_struct_end(f);
}

static const struct sr_ioc_struct setkeycode_st = { sizeof(struct kbkeycode), setkeycode_print };
static const struct sr_ioc_struct getkeycode_st = { sizeof(struct kbkeycode), getkeycode_print };
static const struct sr_ioc_struct kbdrep_st = { sizeof(struct kbd_repeat), kbdrep_print,
						kbdrep_print, SR_IOC_EXIT_OK };

/* strace reads only the first two bytes before it prints them */
static const struct sr_ioc_struct kbentry_set_st = { offsetof(struct kbentry, kb_value),
						     kbentry_set_print };
static const struct sr_ioc_struct kbentry_get_st = { offsetof(struct kbentry, kb_value),
						     kbentry_get_print };

static const struct sr_ioc kd_table[] = {
	{ KDSETLED, IOA_VALUE, false, &setled_st },
	{ KDGETLED, IOA_STRUCT, true, &getled_st },
	{ KDSKBLED, IOA_VALUE, false, &skbled_st },
	{ KDGKBLED, IOA_STRUCT, true, &gkbled_st },
	{ KDGKBTYPE, IOA_STRUCT, true, &gkbtype_st },
	{ KDSETMODE, IOA_VALUE, false, &setmode_st },
	{ KDGETMODE, IOA_INT_ENUM, true, &xlat_kd_modes },
	{ KDSKBMODE, IOA_VALUE, false, &skbmode_st },
	{ KDGKBMODE, IOA_STRUCT, true, &gkbmode_st },
	{ KDSKBMETA, IOA_VALUE, false, &skbmeta_st },
	{ KDGKBMETA, IOA_INT_ENUM, true, &xlat_kd_meta_vals },
	{ KDSIGACCEPT, IOA_VALUE, false, &sigaccept_st },
	{ KDSETKEYCODE, IOA_STRUCT, false, &setkeycode_st },
	{ KDGETKEYCODE, IOA_INOUT, true, &getkeycode_st },
	{ KDKBDREP, IOA_STRUCT, false, &kbdrep_st },
	{ KDGKBENT, IOA_INOUT, true, &kbentry_get_st },
	{ KDSKBENT, IOA_STRUCT, false, &kbentry_set_st },
};

SR_IOC_ROWS(sr_ioc_rows_kd, kd_table);
