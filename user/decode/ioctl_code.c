// SPDX-License-Identifier: GPL-2.0
/*
 * Decoders: an ioctl request's name, as strace 6.1 prints it. Every name the
 * number has in the generated tables, sorted and joined by " or "; before
 * them, for the requests whose number carries a parameter (a length, an axis,
 * a mixer channel), the request's macro with that parameter spelt out:
 * "EVIOCGNAME(64)", "EVIOCGBIT(EV_KEY, 96)", "MIXER_READ(17) or ECCGETLAYOUT".
 * A number no name covers is its _IOC() form. Under -X raw the number alone,
 * under -X verbose the number and the name in a comment (the printer's).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <asm/ioctl.h>
#include <linux/hidraw.h>
#include <linux/hiddev.h>
#include <linux/input.h>
#include <linux/joystick.h>
#include <linux/seccomp.h>
#include <linux/soundcard.h>
#include <linux/spi/spidev.h>
#include <linux/uinput.h>

#include "decode/decode.h"
#include "decode/ioctl.h"
#include "xlat/ioctls.h"

/* Names a request can have at once ("SNDCTL_TMR_START or TCSETS"). */
#define SR_IOC_NAMES_MAX 8

/* What the parameter of a request's macro is. */
enum ioc_param {
	IOP_NONE, /* no parameter: a name strace gives one exact number */
	IOP_SIZE, /* the size field: EVIOCGNAME(len) */
	IOP_NR, /* the number field, from the first: MIXER_READ(dev) */
	IOP_ABS, /* an axis (ABS_*) from the first number field: EVIOCGABS(abs) */
	IOP_EVBIT, /* an event type (EV_*) from the first number field, then the size */
};

/*
 * A request macro with a parameter: the numbers whose type and direction
 * are @proto's and whose number field is in [nr(@proto), nr(@proto) + @span)
 * (@span 0: exactly @proto, size included). @proto is the macro applied to
 * its lowest parameter; @dir overrides its direction where strace matches
 * another (0: @proto's).
 */
struct ioc_pname {
	const char *name;
	uint32_t proto;
	uint16_t span;
	uint8_t dir;
	uint8_t param; /* enum ioc_param */
};

#define IOP_DIR(d) ((d) + 1) /* a direction override (0 means none) */

static const struct ioc_pname ioc_pnames[] = {
	/* the pre-5.17 SECCOMP_IOCTL_NOTIF_ID_VALID, whose direction was wrong */
	{ "SECCOMP_IOCTL_NOTIF_ID_VALID_WRONG_DIR",
	  (SECCOMP_IOCTL_NOTIF_ID_VALID & ~(_IOC_DIRMASK << _IOC_DIRSHIFT)) |
		  (_IOC_READ << _IOC_DIRSHIFT),
	  0, 0, IOP_NONE },
	{ "EVIOCGBIT", EVIOCGBIT(0, 0), EV_MAX + 1, 0, IOP_EVBIT },
	{ "EVIOCGABS", EVIOCGABS(0), ABS_MAX + 1, 0, IOP_ABS },
	{ "EVIOCSABS", EVIOCSABS(0), ABS_MAX + 1, 0, IOP_ABS },
	{ "EVIOCGNAME", EVIOCGNAME(0), 1, 0, IOP_SIZE },
	{ "EVIOCGPHYS", EVIOCGPHYS(0), 1, 0, IOP_SIZE },
	{ "EVIOCGUNIQ", EVIOCGUNIQ(0), 1, 0, IOP_SIZE },
	{ "EVIOCGPROP", EVIOCGPROP(0), 1, 0, IOP_SIZE },
	{ "EVIOCGMTSLOTS", EVIOCGMTSLOTS(0), 1, 0, IOP_SIZE },
	{ "EVIOCGKEY", EVIOCGKEY(0), 1, 0, IOP_SIZE },
	{ "EVIOCGLED", EVIOCGLED(0), 1, 0, IOP_SIZE },
	{ "EVIOCGSND", EVIOCGSND(0), 1, 0, IOP_SIZE },
	{ "EVIOCGSW", EVIOCGSW(0), 1, 0, IOP_SIZE },
	{ "HIDIOCGRAWNAME", HIDIOCGRAWNAME(0), 1, 0, IOP_SIZE },
	{ "HIDIOCGRAWPHYS", HIDIOCGRAWPHYS(0), 1, 0, IOP_SIZE },
	/* strace names the read-only direction of 0x06 so too */
	{ "HIDIOCSFEATURE", HIDIOCSFEATURE(0), 1, IOP_DIR(_IOC_READ), IOP_SIZE },
	{ "HIDIOCGRAWUNIQ", HIDIOCGRAWUNIQ(0), 1, 0, IOP_SIZE },
	{ "HIDIOCGPHYS", HIDIOCGPHYS(0), 1, 0, IOP_SIZE },
	{ "HIDIOCSFEATURE", HIDIOCSFEATURE(0), 1, 0, IOP_SIZE },
	{ "HIDIOCGFEATURE", HIDIOCGFEATURE(0), 1, 0, IOP_SIZE },
	/* any 'M' request of one direction, as strace matches them (MIXER_WRITE is _IOWR) */
	{ "MIXER_WRITE", MIXER_WRITE(0), 256, IOP_DIR(_IOC_WRITE), IOP_NR },
	{ "MIXER_READ", MIXER_READ(0), 256, 0, IOP_NR },
	{ "UI_GET_SYSNAME", UI_GET_SYSNAME(0), 1, 0, IOP_SIZE },
	{ "JSIOCGNAME", JSIOCGNAME(0), 1, 0, IOP_SIZE },
	{ "SPI_IOC_MESSAGE", SPI_IOC_MESSAGE(0), 1, 0, IOP_SIZE },
};

/* The parametrised name of @code, or NULL. */
static const struct ioc_pname *ioc_pname(uint32_t code)
{
	size_t i;

	for (i = 0; i < sizeof(ioc_pnames) / sizeof(ioc_pnames[0]); i++) {
		const struct ioc_pname *n = &ioc_pnames[i];
		uint32_t dir = n->dir ? n->dir - 1u : _IOC_DIR(n->proto);
		uint32_t nr = _IOC_NR(code) - _IOC_NR(n->proto);

		if (!n->span && code == n->proto)
			return n;
		if (n->span && _IOC_TYPE(code) == _IOC_TYPE(n->proto) && _IOC_DIR(code) == dir &&
		    _IOC_NR(code) >= _IOC_NR(n->proto) && nr < n->span)
			return n;
	}
	return NULL;
}

/* The name of @v in @x, or its number in hex, into @buf. */
static const char *name_or_hex(const struct sr_xlat *x, uint32_t v, char *buf, size_t size)
{
	const char *s = xlat__name(x, v);

	if (s)
		return s;
	snprintf(buf, size, v ? "%#x" : "0", v);
	return buf;
}

/*
 * A parametrised name as text ("EVIOCGNAME(64)"), into @buf, to join the
 * table's names of the same number; a named parameter is its name, or its
 * number with no comment.
 */
static void ioc_pname_text(const struct ioc_pname *n, uint32_t code, char *buf, size_t size)
{
	uint32_t v = _IOC_NR(code) - _IOC_NR(n->proto);
	char num[16];

	switch (n->param) {
	case IOP_SIZE:
		snprintf(buf, size, "%s(%u)", n->name, (unsigned int)_IOC_SIZE(code));
		break;
	case IOP_NR:
		snprintf(buf, size, "%s(%u)", n->name, v);
		break;
	case IOP_ABS:
		snprintf(buf, size, "%s(%s)", n->name,
			 name_or_hex(&xlat_evdev_abs, v, num, sizeof(num)));
		break;
	case IOP_EVBIT:
		snprintf(buf, size, "%s(%s, %u)", n->name,
			 v ? name_or_hex(&xlat_evdev_ev, v, num, sizeof(num)) : "0",
			 (unsigned int)_IOC_SIZE(code));
		break;
	default:
		snprintf(buf, size, "%s", n->name);
		break;
	}
}

/* A name whose parameter is a named constant: a form the printer spells by -X style. */
static void ioc_pname_print(struct sr_fmt *f, const struct ioc_pname *n, uint32_t code)
{
	uint32_t v = _IOC_NR(code) - _IOC_NR(n->proto);

	if (!pr_call_raw_begin(f, n->name, code))
		return;
	if (n->param == IOP_ABS) {
		fmt_enum(f, &xlat_evdev_abs, v);
	} else {
		if (v) /* EV_SYN's bits are the event types themselves: "0" */
			fmt_enum(f, &xlat_evdev_ev, v);
		else
			pr_u(f, 0);
		pr_u(f, _IOC_SIZE(code));
	}
	pr_call_end(f);
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/*
 * The request-name tables: the hand-kept one, the kernel's unexported and
 * OpenZFS's requests (values written down), then one per subsystem.
 */
static const struct sr_xlat *const ioc_name_tables[] = { &xlat_ioctl_names,
							 &xlat_ioctl_names_kernel,
							 &xlat_ioctl_names_zfs, SR_IOCTL_TABLES };

/* Adds @name to @names (@n of them) unless it is there: a header may repeat a name. */
static void add_name(const char **names, size_t *n, const char *name)
{
	size_t i;

	for (i = 0; i < *n; i++)
		if (!strcmp(names[i], name))
			return;
	if (*n < SR_IOC_NAMES_MAX)
		names[(*n)++] = name;
}

/*
 * Every name of @code, sorted and joined by " or " after @first (if any),
 * into @buf; how many there are.
 */
static size_t ioctl_names(uint32_t code, const char *first, char *buf, size_t size)
{
	const char *names[SR_IOC_NAMES_MAX];
	size_t n = 0, i, t, pos = 0;

	for (t = 0; t < sizeof(ioc_name_tables) / sizeof(ioc_name_tables[0]); t++) {
		const struct sr_xlat *x = ioc_name_tables[t];

		for (i = 0; i < x->n; i++)
			if (x->ents[i].val == code)
				add_name(names, &n, x->ents[i].name);
	}
	qsort(names, n, sizeof(names[0]), cmp_str);
	buf[0] = 0;
	if (first)
		pos += snprintf(buf, size, "%s", first);
	for (i = 0; i < n && pos < size; i++)
		pos += snprintf(buf + pos, size - pos, "%s%s", pos ? " or " : "", names[i]);
	return n + (first != NULL);
}

void ioc_print_code(struct sr_fmt *f, uint32_t code)
{
	char names[SR_IOC_NAMES_MAX * 64], first[64];
	const struct ioc_pname *pn = ioc_pname(code);
	size_t n;

	if (pn && (pn->param == IOP_ABS || pn->param == IOP_EVBIT) &&
	    !ioctl_names(code, NULL, names, sizeof(names))) {
		ioc_pname_print(f, pn, code);
		return;
	}
	if (pn)
		ioc_pname_text(pn, code, first, sizeof(first));
	n = ioctl_names(code, pn ? first : NULL, names, sizeof(names));
	if (n) {
		pr_sym(f, names, code);
		return;
	}
	if (!pr_call_raw_begin(f, "_IOC", code))
		return;
	fmt_flags(f, &xlat_ioc_dirs, _IOC_DIR(code));
	pr_x(f, _IOC_TYPE(code));
	pr_x(f, _IOC_NR(code));
	pr_x(f, _IOC_SIZE(code));
	pr_call_end(f);
}
