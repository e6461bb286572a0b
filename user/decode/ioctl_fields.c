// SPDX-License-Identifier: GPL-2.0
/*
 * ioctl argument structs described by field tables (struct sr_ioc_fields,
 * ioctl.h): each field's name, offset and size come from the UAPI struct;
 * this prints them as strace 6.1 prints such structs.
 */
#include <string.h>

#include "decode/ioctl.h"

uint64_t ioc_field_u(const struct sr_ioc_field *fl, const uint8_t *p)
{
	switch (fl->size) {
	case 1:
		return p[fl->off];
	case 2:
		return get16(p, fl->off);
	case 4:
		return get32(p, fl->off);
	default:
		return get64(p, fl->off);
	}
}

/* The value sign-extended from its size. */
static int64_t field_d(const struct sr_ioc_field *fl, const uint8_t *p)
{
	uint64_t v = ioc_field_u(fl, p);

	switch (fl->size) {
	case 1:
		return (int8_t)v;
	case 2:
		return (int16_t)v;
	case 4:
		return (int32_t)v;
	default:
		return (int64_t)v;
	}
}

void ioc_print_cstr(struct sr_fmt *f, const char *s, size_t size)
{
	size_t n = strnlen(s, size);

	pr_str(f, s, n < size ? n : size - 1, size, n == size ? SR_Q_ELLIPSIS : 0);
}

void ioc_print_field(struct sr_fmt *f, const struct sr_ioc_field *fl, const uint8_t *p)
{
	switch (fl->how) {
	case IOF_D:
		pr_d(f, field_d(fl, p));
		break;
	case IOF_U:
		pr_u(f, ioc_field_u(fl, p));
		break;
	case IOF_X:
		pr_x(f, ioc_field_u(fl, p));
		break;
	case IOF_FLAGS:
		fmt_flags(f, fl->aux, ioc_field_u(fl, p));
		break;
	case IOF_ENUM:
		fmt_enum(f, fl->aux, ioc_field_u(fl, p));
		break;
	case IOF_CSTR:
		ioc_print_cstr(f, (const char *)p + fl->off, fl->size);
		break;
	case IOF_BYTES:
		pr_str(f, p + fl->off, fl->size, fl->size, 0);
		break;
	case IOF_ADDR:
		pr_addr(f, ioc_field_u(fl, p));
		break;
	case IOF_STRUCT:
		ioc_print_fields(f, fl->aux, p + fl->off);
		break;
	}
}

void ioc_print_field_run(struct sr_fmt *f, const struct sr_ioc_fields *d, const uint8_t *p)
{
	bool verbose = fmt_verbose(f);
	size_t i;

	for (i = 0; i < d->n; i++) {
		const struct sr_ioc_field *fl = &d->f[i];

		if (fl->verbose && !verbose) {
			pr_more(f);
			break;
		}
		pr_field(f, fl->name);
		ioc_print_field(f, fl, p);
	}
}

void ioc_print_fields(struct sr_fmt *f, const struct sr_ioc_fields *d, const uint8_t *p)
{
	pr_struct_begin(f);
	ioc_print_field_run(f, d, p);
	pr_struct_end(f);
}

void ioc_print_rsv(struct sr_fmt *f, const char *name, const uint8_t *p, size_t n)
{
	size_t i;

	for (i = 0; i < n && !get32(p, i * sizeof(uint32_t)); i++)
		;
	if (i == n)
		return;
	pr_field(f, name);
	pr_array_begin(f);
	for (i = 0; i < n; i++)
		pr_x(f, get32(p, i * sizeof(uint32_t)));
	pr_array_end(f);
}
