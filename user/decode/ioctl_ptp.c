// SPDX-License-Identifier: GPL-2.0
/*
 * Decoders: PTP hardware clock ioctls (linux/ptp_clock.h), as strace 6.1
 * prints them. The requests that take a struct and fill it in
 * (PTP_SYS_OFFSET*, PTP_PIN_GETFUNC*) print the input and, after success,
 * the rest inside the same braces (IOA_INOUT). Reserved words show only
 * when nonzero.
 */
#include <stddef.h>
#include <linux/ptp_clock.h>

#include "decode/ioctl.h"
#include "decode/timefmt.h"

#define NELEM(st, m) (sizeof(((st *)0)->m) / sizeof(((st *)0)->m[0]))

/* struct ptp_clock_time; @rtc: a wall-clock time, with the date in a comment. */
static void print_clock_time(struct sr_fmt *f, const uint8_t *p, bool rtc)
{
	int64_t sec = (int64_t)get64(p, offsetof(struct ptp_clock_time, sec));
	uint32_t nsec = get32(p, offsetof(struct ptp_clock_time, nsec));
	uint32_t rsv = get32(p, offsetof(struct ptp_clock_time, reserved));

	pr_struct_begin(f);
	pr_field_d(f, "sec", sec);
	pr_field_u(f, "nsec", nsec);
	if (rsv)
		pr_field_x(f, "reserved", rsv);
	pr_struct_end(f);
	if (rtc)
		fmt_time_note(f, sec, nsec, 9);
}

static void print_time_field(struct sr_fmt *f, const char *name, const uint8_t *p, bool rtc)
{
	pr_field(f, name);
	print_clock_time(f, p, rtc);
}

/* PTP_CLOCK_GETCAPS(2) */
static const struct sr_ioc_field caps_fields[] = {
	IOF(struct ptp_clock_caps, max_adj, IOF_D, NULL),
	IOF(struct ptp_clock_caps, n_alarm, IOF_D, NULL),
	IOF(struct ptp_clock_caps, n_ext_ts, IOF_D, NULL),
	IOF(struct ptp_clock_caps, n_per_out, IOF_D, NULL),
	IOF(struct ptp_clock_caps, pps, IOF_D, NULL),
	IOF(struct ptp_clock_caps, n_pins, IOF_D, NULL),
	IOF(struct ptp_clock_caps, cross_timestamping, IOF_D, NULL),
	IOF(struct ptp_clock_caps, adjust_phase, IOF_D, NULL),
};

static void print_caps(struct sr_fmt *f, const struct sr_call *c, const uint8_t *p, size_t len)
{
	size_t i;

	pr_struct_begin(f);
	for (i = 0; i < sizeof(caps_fields) / sizeof(caps_fields[0]); i++) {
		pr_field(f, caps_fields[i].name);
		ioc_print_field(f, &caps_fields[i], p);
	}
	ioc_print_rsv(f, "rsv", p + offsetof(struct ptp_clock_caps, rsv),
		      NELEM(struct ptp_clock_caps, rsv));
	pr_struct_end(f);
}

/* PTP_EXTTS_REQUEST(2): the reserved words with the second only. */
static void print_extts(struct sr_fmt *f, const struct sr_call *c, const uint8_t *p, size_t len)
{
	pr_struct_begin(f);
	pr_field_u(f, "index", get32(p, offsetof(struct ptp_extts_request, index)));
	pr_field(f, "flags");
	fmt_flags(f, &xlat_ptp_extts_flags, get32(p, offsetof(struct ptp_extts_request, flags)));
	if ((uint32_t)c->args[1] == PTP_EXTTS_REQUEST2)
		ioc_print_rsv(f, "rsv", p + offsetof(struct ptp_extts_request, rsv),
			      NELEM(struct ptp_extts_request, rsv));
	pr_struct_end(f);
}

/* PTP_PEROUT_REQUEST(2): start or phase, and on or the reserved words, by flags. */
static void print_perout(struct sr_fmt *f, const struct sr_call *c, const uint8_t *p, size_t len)
{
	uint32_t flags = get32(p, offsetof(struct ptp_perout_request, flags));

	pr_struct_begin(f);
	if (flags & PTP_PEROUT_PHASE)
		print_time_field(f, "phase", p + offsetof(struct ptp_perout_request, phase), false);
	else
		print_time_field(f, "start", p + offsetof(struct ptp_perout_request, start), true);
	print_time_field(f, "period", p + offsetof(struct ptp_perout_request, period), false);
	pr_field_u(f, "index", get32(p, offsetof(struct ptp_perout_request, index)));
	pr_field(f, "flags");
	fmt_flags(f, &xlat_ptp_perout_flags, flags);
	if (flags & PTP_PEROUT_DUTY_CYCLE)
		print_time_field(f, "on", p + offsetof(struct ptp_perout_request, on), false);
	else if ((uint32_t)c->args[1] == PTP_PEROUT_REQUEST2)
		ioc_print_rsv(f, "rsv", p + offsetof(struct ptp_perout_request, rsv),
			      NELEM(struct ptp_perout_request, rsv));
	pr_struct_end(f);
}

/* "ts=[...]": @n elements of @esize bytes from @p, each @elem; the rest unread past @len. */
static void print_ts(struct sr_fmt *f, const struct sr_call *c, const uint8_t *p, size_t len,
		     size_t off, size_t n, size_t esize)
{
	size_t i, j;

	pr_field(f, "ts");
	pr_array_begin(f);
	for (i = 0; i < n; i++) {
		if (!pr_array_elem(f, i))
			break;
		if (off + (i + 1) * esize > len) {
			fmt_more_unread(f, c->args[2] + off + i * esize);
			break;
		}
		if (esize == sizeof(struct ptp_clock_time)) {
			print_clock_time(f, p + off + i * esize, true);
			continue;
		}
		pr_array_begin(f);
		for (j = 0; j < esize / sizeof(struct ptp_clock_time); j++)
			print_clock_time(f, p + off + i * esize + j * sizeof(struct ptp_clock_time),
					 true);
		pr_array_end(f);
	}
	pr_array_end(f);
}

/*
 * PTP_SYS_OFFSET(2), PTP_SYS_OFFSET_EXTENDED(2): the samples asked for,
 * then after success the times read (2n + 1 of them, or n triples).
 */
static void print_sys_offset(struct sr_fmt *f, const struct sr_call *c, const uint8_t *p,
			     size_t len)
{
	uint32_t code = (uint32_t)c->args[1];
	bool ext = code == PTP_SYS_OFFSET_EXTENDED || code == PTP_SYS_OFFSET_EXTENDED2;
	uint32_t n = get32(p, offsetof(struct ptp_sys_offset, n_samples));
	const uint8_t *out;
	size_t olen;

	pr_struct_begin(f);
	pr_field_u(f, "n_samples", n);
	ioc_print_rsv(f, "rsv", p + offsetof(struct ptp_sys_offset, rsv),
		      NELEM(struct ptp_sys_offset, rsv));
	out = ioc_exit_copy(c, offsetof(struct ptp_sys_offset, ts), &olen);
	if (out) {
		n = get32(out, offsetof(struct ptp_sys_offset, n_samples));
		if (n > PTP_MAX_SAMPLES)
			n = PTP_MAX_SAMPLES;
		if (ext)
			print_ts(f, c, out, olen, offsetof(struct ptp_sys_offset_extended, ts), n,
				 3 * sizeof(struct ptp_clock_time));
		else
			print_ts(f, c, out, olen, offsetof(struct ptp_sys_offset, ts), 2 * n + 1,
				 sizeof(struct ptp_clock_time));
	}
	pr_struct_end(f);
}

/* The function a pin has: for SETFUNC the input, for GETFUNC the answer. */
static void print_pin_func(struct sr_fmt *f, const uint8_t *p, bool name)
{
	if (name) {
		pr_field(f, "name");
		ioc_print_cstr(f, (const char *)p + offsetof(struct ptp_pin_desc, name),
			       sizeof(((struct ptp_pin_desc *)0)->name));
	}
	pr_field(f, "func");
	fmt_enum(f, &xlat_ptp_pin_funcs, get32(p, offsetof(struct ptp_pin_desc, func)));
	pr_field_u(f, "chan", get32(p, offsetof(struct ptp_pin_desc, chan)));
}

static void print_pin_rsv(struct sr_fmt *f, const uint8_t *p)
{
	ioc_print_rsv(f, "rsv", p + offsetof(struct ptp_pin_desc, rsv),
		      NELEM(struct ptp_pin_desc, rsv));
}

/* PTP_PIN_GETFUNC(2): the pin asked for, then after success what it does. */
static void print_pin_get(struct sr_fmt *f, const struct sr_call *c, const uint8_t *p, size_t len)
{
	const uint8_t *out;
	size_t olen;

	pr_struct_begin(f);
	pr_field_u(f, "index", get32(p, offsetof(struct ptp_pin_desc, index)));
	if ((uint32_t)c->args[1] == PTP_PIN_GETFUNC2)
		print_pin_rsv(f, p);
	out = ioc_exit_copy(c, sizeof(struct ptp_pin_desc), &olen);
	if (out)
		print_pin_func(f, out, true);
	pr_struct_end(f);
}

/* PTP_PIN_SETFUNC(2) */
static void print_pin_set(struct sr_fmt *f, const struct sr_call *c, const uint8_t *p, size_t len)
{
	pr_struct_begin(f);
	pr_field_u(f, "index", get32(p, offsetof(struct ptp_pin_desc, index)));
	print_pin_func(f, p, false);
	if ((uint32_t)c->args[1] == PTP_PIN_SETFUNC2)
		print_pin_rsv(f, p);
	pr_struct_end(f);
}

/* PTP_SYS_OFFSET_PRECISE(2): an output. */
static void print_precise(struct sr_fmt *f, const struct sr_call *c, const uint8_t *p, size_t len)
{
	pr_struct_begin(f);
	print_time_field(f, "device", p + offsetof(struct ptp_sys_offset_precise, device), true);
	print_time_field(f, "sys_realtime",
			 p + offsetof(struct ptp_sys_offset_precise, sys_realtime), true);
	print_time_field(f, "sys_monoraw", p + offsetof(struct ptp_sys_offset_precise, sys_monoraw),
			 false);
	ioc_print_rsv(f, "rsv", p + offsetof(struct ptp_sys_offset_precise, rsv),
		      NELEM(struct ptp_sys_offset_precise, rsv));
	pr_struct_end(f);
}

static const struct sr_ioc_struct caps_st = { sizeof(struct ptp_clock_caps), print_caps };
static const struct sr_ioc_struct extts_st = { sizeof(struct ptp_extts_request), print_extts };
static const struct sr_ioc_struct perout_st = { sizeof(struct ptp_perout_request), print_perout };
/* strace reads the whole struct at entry: an unreadable one prints its address */
static const struct sr_ioc_struct sys_offset_st = { sizeof(struct ptp_sys_offset),
						    print_sys_offset };
static const struct sr_ioc_struct sys_offset_ext_st = { sizeof(struct ptp_sys_offset_extended),
							print_sys_offset };
_Static_assert(sizeof(struct ptp_sys_offset_extended) <= SR_IOC_CAP, "the copy holds it");
static const struct sr_ioc_struct pin_get_st = { sizeof(struct ptp_pin_desc), print_pin_get };
static const struct sr_ioc_struct pin_set_st = { sizeof(struct ptp_pin_desc), print_pin_set };
static const struct sr_ioc_struct precise_st = { sizeof(struct ptp_sys_offset_precise),
						 print_precise };

static const struct sr_ioc ptp_table[] = {
	{ PTP_CLOCK_GETCAPS, IOA_STRUCT, true, &caps_st },
	{ PTP_CLOCK_GETCAPS2, IOA_STRUCT, true, &caps_st },
	{ PTP_EXTTS_REQUEST, IOA_STRUCT, false, &extts_st },
	{ PTP_EXTTS_REQUEST2, IOA_STRUCT, false, &extts_st },
	{ PTP_PEROUT_REQUEST, IOA_STRUCT, false, &perout_st },
	{ PTP_PEROUT_REQUEST2, IOA_STRUCT, false, &perout_st },
	{ PTP_SYS_OFFSET, IOA_INOUT, true, &sys_offset_st },
	{ PTP_SYS_OFFSET2, IOA_INOUT, true, &sys_offset_st },
	{ PTP_SYS_OFFSET_EXTENDED, IOA_INOUT, true, &sys_offset_ext_st },
	{ PTP_SYS_OFFSET_EXTENDED2, IOA_INOUT, true, &sys_offset_ext_st },
	{ PTP_PIN_GETFUNC, IOA_INOUT, true, &pin_get_st },
	{ PTP_PIN_GETFUNC2, IOA_INOUT, true, &pin_get_st },
	{ PTP_PIN_SETFUNC, IOA_STRUCT, false, &pin_set_st },
	{ PTP_PIN_SETFUNC2, IOA_STRUCT, false, &pin_set_st },
	{ PTP_SYS_OFFSET_PRECISE, IOA_STRUCT, true, &precise_st },
	{ PTP_SYS_OFFSET_PRECISE2, IOA_STRUCT, true, &precise_st },
};

SR_IOC_ROWS(sr_ioc_rows_ptp, ptp_table);
