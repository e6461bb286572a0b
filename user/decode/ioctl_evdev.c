// SPDX-License-Identifier: GPL-2.0
/*
 * Decoders: input device (evdev) ioctls, type 'E' of linux/input.h, as
 * strace 6.1 prints them. Reads are outputs shown at exit; writes inputs
 * shown at entry. The requests whose number carries a parameter (an axis, a
 * length) are matched by evdev_match(). Not decoded yet: the bit sets of
 * EVIOCGBIT(), EVIOCGKEY() and the like and EVIOCGMTSLOTS()'s values, shown
 * as their address (NULL, or the address after a failure, as strace does).
 */
#include <stddef.h>
#include <string.h>
#include <linux/input.h>

#include "decode/ioctl.h"

#define OFFSETOFEND(st, m) (offsetof(st, m) + sizeof(((st *)0)->m))

/* "[a, b]": two unsigned ints (EVIOC[GS]REP). */
static void print_uint_pair(struct sr_fmt *f, const struct sr_call *c, const uint8_t *p, size_t len)
{
	pr_array_begin(f);
	pr_u(f, get32(p, 0));
	pr_u(f, get32(p, 4));
	pr_array_end(f);
}

/* EVIOC[GS]KEYCODE: "[scancode, KEY_x]". */
static void print_keycode(struct sr_fmt *f, const struct sr_call *c, const uint8_t *p, size_t len)
{
	pr_array_begin(f);
	pr_u(f, get32(p, 0));
	fmt_enum(f, &xlat_evdev_keycode, get32(p, 4));
	pr_array_end(f);
}

/* EVIOCGVERSION: "[0x10001]". */
static void print_version(struct sr_fmt *f, const struct sr_call *c, const uint8_t *p, size_t len)
{
	pr_array_begin(f);
	pr_x(f, get32(p, 0));
	pr_array_end(f);
}

/* EVIOC[GS]KEYCODE_V2: flags and len; the rest with -v only. */
static void print_keymap_entry(struct sr_fmt *f, const struct sr_call *c, const uint8_t *p,
			       size_t len)
{
	const size_t sc = offsetof(struct input_keymap_entry, scancode);
	size_t i;

	pr_struct_begin(f);
	pr_field_u(f, "flags", p[offsetof(struct input_keymap_entry, flags)]);
	pr_field_u(f, "len", p[offsetof(struct input_keymap_entry, len)]);
	if (!fmt_verbose(f)) {
		pr_more(f);
		pr_struct_end(f);
		return;
	}
	pr_field_u(f, "index", get16(p, offsetof(struct input_keymap_entry, index)));
	pr_field(f, "keycode");
	fmt_enum(f, &xlat_evdev_keycode, get32(p, offsetof(struct input_keymap_entry, keycode)));
	pr_field(f, "scancode");
	pr_array_begin(f);
	for (i = 0; i < sizeof(((struct input_keymap_entry *)0)->scancode); i++)
		pr_x(f, p[sc + i]);
	pr_array_end(f);
	pr_struct_end(f);
}

/* EVIOCGNAME(len), EVIOCGPHYS(len), EVIOCGUNIQ(len): the bytes the call returned. */
static void print_ret_string(struct sr_fmt *f, const struct sr_call *c, const uint8_t *p,
			     size_t len)
{
	size_t n = c->ret < 0 ? 0 : (size_t)c->ret;

	pr_str(f, p, n < len ? n : len, fmt_strsize(f), 0);
}

/*
 * EVIOC[GS]ABS(abs): value and minimum; with -v the rest, resolution when
 * the request's size holds it, "..." when it is larger still. A size short
 * of flat prints the address.
 */
static void print_absinfo(struct sr_fmt *f, const struct sr_call *c, const uint8_t *p, size_t len)
{
	const size_t res_end = OFFSETOFEND(struct input_absinfo, resolution);
	size_t sz = _IOC_SIZE((uint32_t)c->args[1]);

	if (sz < OFFSETOFEND(struct input_absinfo, flat)) {
		pr_addr(f, c->args[2]);
		return;
	}
	pr_struct_begin(f);
	pr_field_u(f, "value", get32(p, offsetof(struct input_absinfo, value)));
	pr_field_u(f, "minimum", get32(p, offsetof(struct input_absinfo, minimum)));
	if (!fmt_verbose(f)) {
		pr_more(f);
		pr_struct_end(f);
		return;
	}
	pr_field_u(f, "maximum", get32(p, offsetof(struct input_absinfo, maximum)));
	pr_field_u(f, "fuzz", get32(p, offsetof(struct input_absinfo, fuzz)));
	pr_field_u(f, "flat", get32(p, offsetof(struct input_absinfo, flat)));
	if (sz >= res_end && len >= res_end)
		pr_field_u(f, "resolution", get32(p, offsetof(struct input_absinfo, resolution)));
	if (sz > OFFSETOFEND(struct input_absinfo, flat) && sz != res_end)
		pr_more(f);
	pr_struct_end(f);
}

/* struct ff_effect's parts (linux/input.h) */
static const struct sr_ioc_field ff_envelope_fields[] = {
	IOF(struct ff_envelope, attack_length, IOF_U, NULL),
	IOF(struct ff_envelope, attack_level, IOF_U, NULL),
	IOF(struct ff_envelope, fade_length, IOF_U, NULL),
	IOF(struct ff_envelope, fade_level, IOF_X, NULL),
};
static SR_IOC_FIELDS(ff_envelope_desc, struct ff_envelope, ff_envelope_fields);

static const struct sr_ioc_field ff_trigger_fields[] = {
	IOF(struct ff_trigger, button, IOF_U, NULL),
	IOF(struct ff_trigger, interval, IOF_U, NULL),
};
static SR_IOC_FIELDS(ff_trigger_desc, struct ff_trigger, ff_trigger_fields);

static const struct sr_ioc_field ff_replay_fields[] = {
	IOF(struct ff_replay, length, IOF_U, NULL),
	IOF(struct ff_replay, delay, IOF_U, NULL),
};
static SR_IOC_FIELDS(ff_replay_desc, struct ff_replay, ff_replay_fields);

static const struct sr_ioc_field ff_constant_fields[] = {
	IOF(struct ff_constant_effect, level, IOF_D, NULL),
	IOF(struct ff_constant_effect, envelope, IOF_STRUCT, &ff_envelope_desc),
};
static SR_IOC_FIELDS(ff_constant_desc, struct ff_constant_effect, ff_constant_fields);

static const struct sr_ioc_field ff_ramp_fields[] = {
	IOF(struct ff_ramp_effect, start_level, IOF_D, NULL),
	IOF(struct ff_ramp_effect, end_level, IOF_D, NULL),
	IOF(struct ff_ramp_effect, envelope, IOF_STRUCT, &ff_envelope_desc),
};
static SR_IOC_FIELDS(ff_ramp_desc, struct ff_ramp_effect, ff_ramp_fields);

static const struct sr_ioc_field ff_periodic_fields[] = {
	IOF(struct ff_periodic_effect, waveform, IOF_U, NULL),
	IOF(struct ff_periodic_effect, period, IOF_U, NULL),
	IOF(struct ff_periodic_effect, magnitude, IOF_D, NULL),
	IOF(struct ff_periodic_effect, offset, IOF_D, NULL),
	IOF(struct ff_periodic_effect, phase, IOF_U, NULL),
	IOF(struct ff_periodic_effect, envelope, IOF_STRUCT, &ff_envelope_desc),
	IOF(struct ff_periodic_effect, custom_len, IOF_U, NULL),
	IOF(struct ff_periodic_effect, custom_data, IOF_ADDR, NULL),
};
static SR_IOC_FIELDS(ff_periodic_desc, struct ff_periodic_effect, ff_periodic_fields);

static const struct sr_ioc_field ff_rumble_fields[] = {
	IOF(struct ff_rumble_effect, strong_magnitude, IOF_U, NULL),
	IOF(struct ff_rumble_effect, weak_magnitude, IOF_U, NULL),
};
static SR_IOC_FIELDS(ff_rumble_desc, struct ff_rumble_effect, ff_rumble_fields);

/* The union member strace shows by effect type (none for the condition effects). */
static const struct {
	uint16_t type;
	const char *name;
	const struct sr_ioc_fields *desc;
} ff_kinds[] = {
	{ FF_CONSTANT, "constant", &ff_constant_desc },
	{ FF_RAMP, "ramp", &ff_ramp_desc },
	{ FF_PERIODIC, "periodic", &ff_periodic_desc },
	{ FF_RUMBLE, "rumble", &ff_rumble_desc },
};

/* EVIOCSFF: type, id, direction; with -v the trigger, the replay and the effect. */
static void print_ff_effect(struct sr_fmt *f, const struct sr_call *c, const uint8_t *p, size_t len)
{
	uint16_t type = get16(p, offsetof(struct ff_effect, type));
	size_t i;

	pr_struct_begin(f);
	pr_field(f, "type");
	fmt_enum(f, &xlat_evdev_ff_types, type);
	pr_field_d(f, "id", (int16_t)get16(p, offsetof(struct ff_effect, id)));
	pr_field_u(f, "direction", get16(p, offsetof(struct ff_effect, direction)));
	if (!fmt_verbose(f)) {
		pr_more(f);
		pr_struct_end(f);
		return;
	}
	pr_field(f, "trigger");
	ioc_print_fields(f, &ff_trigger_desc, p + offsetof(struct ff_effect, trigger));
	pr_field(f, "replay");
	ioc_print_fields(f, &ff_replay_desc, p + offsetof(struct ff_effect, replay));
	for (i = 0; i < sizeof(ff_kinds) / sizeof(ff_kinds[0]); i++) {
		if (ff_kinds[i].type != type)
			continue;
		pr_field(f, ff_kinds[i].name);
		ioc_print_fields(f, ff_kinds[i].desc, p + offsetof(struct ff_effect, u));
	}
	pr_struct_end(f);
}

static const struct sr_ioc_field input_id_fields[] = {
	IOF(struct input_id, bustype, IOF_U, NULL),
	IOF(struct input_id, vendor, IOF_U, NULL),
	IOF(struct input_id, product, IOF_U, NULL),
	IOF(struct input_id, version, IOF_U, NULL),
};
static SR_IOC_FIELDS(input_id_desc, struct input_id, input_id_fields);

static const struct sr_ioc_struct pair_st = { 2 * sizeof(uint32_t), print_uint_pair };
static const struct sr_ioc_struct keycode_st = { 2 * sizeof(uint32_t), print_keycode };
static const struct sr_ioc_struct version_st = { sizeof(int), print_version };
static const struct sr_ioc_struct keymap_st = { sizeof(struct input_keymap_entry),
						print_keymap_entry };
static const struct sr_ioc_struct ff_effect_st = { sizeof(struct ff_effect), print_ff_effect };
static const struct sr_ioc_struct string_st = { 0, print_ret_string };
static const struct sr_ioc_struct absinfo_st = { OFFSETOFEND(struct input_absinfo, flat),
						 print_absinfo };

static const struct sr_ioc evdev_table[] = {
	{ EVIOCGVERSION, IOA_STRUCT, true, &version_st },
	{ EVIOCGEFFECTS, IOA_UINT, true, NULL },
	{ EVIOCGID, IOA_FIELDS, true, &input_id_desc },
	{ EVIOCGREP, IOA_STRUCT, true, &pair_st },
	{ EVIOCSREP, IOA_STRUCT, false, &pair_st },
	{ EVIOCGKEYCODE, IOA_STRUCT, true, &keycode_st },
	{ EVIOCSKEYCODE, IOA_STRUCT, false, &keycode_st },
	{ EVIOCGKEYCODE_V2, IOA_STRUCT, true, &keymap_st },
	{ EVIOCSKEYCODE_V2, IOA_STRUCT, false, &keymap_st },
	{ EVIOCSFF, IOA_STRUCT, false, &ff_effect_st },
	{ EVIOCRMFF, IOA_DEC, false, NULL },
	{ EVIOCGRAB, IOA_UDEC, false, NULL },
	{ EVIOCREVOKE, IOA_UDEC, false, NULL },
	{ EVIOCSCLOCKID, IOA_UINT, false, NULL },
};

/* A request of type 'E' with the number field of @proto, any size. */
static bool same_nr(uint32_t code, uint32_t proto)
{
	return (code & ~(_IOC_SIZEMASK << _IOC_SIZESHIFT)) == proto;
}

/* The requests whose number carries a parameter: a length, an axis, an event type. */
static bool evdev_match(uint32_t code, struct sr_ioc *row)
{
	static const uint32_t strings[] = { EVIOCGNAME(0), EVIOCGPHYS(0), EVIOCGUNIQ(0) };
	static const uint32_t bitsets[] = { EVIOCGPROP(0), EVIOCGKEY(0), EVIOCGLED(0),
					    EVIOCGSND(0),  EVIOCGSW(0),	 EVIOCGMTSLOTS(0) };
	size_t i;

	row->code = code;
	row->at_exit = _IOC_DIR(code) == _IOC_READ;
	for (i = 0; i < sizeof(strings) / sizeof(strings[0]); i++)
		if (same_nr(code, strings[i])) {
			row->arg = IOA_STRUCT;
			row->aux = &string_st;
			return true;
		}
	for (i = 0; i < sizeof(bitsets) / sizeof(bitsets[0]); i++)
		if (same_nr(code, bitsets[i])) {
			row->arg = IOA_PTR;
			return true;
		}
	/* EVIOCGABS(abs), EVIOCSABS(abs): ABS_MAX + 1 numbers each */
	if (_IOC_TYPE(code) == 'E' &&
	    ((_IOC_DIR(code) == _IOC_READ && (_IOC_NR(code) & ~ABS_MAX) == _IOC_NR(EVIOCGABS(0))) ||
	     (_IOC_DIR(code) == _IOC_WRITE &&
	      (_IOC_NR(code) & ~ABS_MAX) == _IOC_NR(EVIOCSABS(0))))) {
		row->arg = IOA_STRUCT;
		row->aux = &absinfo_st;
		return true;
	}
	/* EVIOCGBIT(ev, len): EV_MAX + 1 numbers */
	if (_IOC_TYPE(code) == 'E' && _IOC_DIR(code) == _IOC_READ &&
	    (_IOC_NR(code) & ~EV_MAX) == _IOC_NR(EVIOCGBIT(0, 0))) {
		row->arg = IOA_PTR;
		return true;
	}
	/* any other read or write of the subsystem: its address, as strace prints it */
	if (_IOC_TYPE(code) == 'E' &&
	    (_IOC_DIR(code) == _IOC_READ || _IOC_DIR(code) == _IOC_WRITE)) {
		row->arg = IOA_PTR;
		return true;
	}
	return false;
}

SR_IOC_ROWS_MATCH(sr_ioc_rows_evdev, evdev_table, evdev_match);
