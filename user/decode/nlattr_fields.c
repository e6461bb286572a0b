// SPDX-License-Identifier: GPL-2.0
/*
 * Decoders: the fixed structs inside netlink messages and attributes,
 * printed from tables of fields (struct nl_field: offset, size, how it
 * prints), as strace 6.1's PRINT_FIELD_*() lines print them; nlattr.c's
 * attribute walker and the message decoders call nl_fields_print() and
 * nla_struct().
 */
#include <endian.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <arpa/inet.h>
#include <linux/netlink.h>

#include "decode/filemode.h"
#include "decode/net.h"
#include "decode/netlink.h"

/* "80:81:82": @n bytes as strace's PRINT_FIELD_MAC(). */
static void nl_mac(struct sr_fmt *f, const uint8_t *p, size_t n)
{
	nl_hwaddr(f, p, n);
}

/*
 * An address field: inet_addr("1.2.3.4"), inet_pton(AF_INET6, "::1",
 * &name), or its bytes, as strace's PRINT_FIELD_INET_ADDR().
 */
static void nlf_inaddr(struct sr_fmt *f, const struct nl_field *fl, const uint8_t *p, int af)
{
	if (af == AF_INET6 && fl->size >= 16) {
		fmt_inet6(f, p, fl->name);
		return;
	}
	pr_field(f, fl->name);
	if (af == AF_INET && fl->size >= 4)
		fmt_inet4(f, p);
	else
		pr_str(f, p, fl->size, fl->size, SR_Q_HEX);
}

/* A field of 1, 2, 4 or 8 bytes; 0 for the others (arrays, structs). */
static uint64_t nlf_value(const struct nl_field *fl, const uint8_t *m)
{
	switch (fl->size) {
	case 8:
		return get64(m, fl->off);
	case 4:
		return get32(m, fl->off);
	case 2:
		return get16(m, fl->off);
	case 1:
		return m[fl->off];
	}
	return 0;
}

static void nlf_print(struct sr_fmt *f, const struct nl_field *fl, size_t n, const uint8_t *m,
		      size_t len, const uint8_t *top);

/* An array of the struct @fl->sub filling the field. */
static void nlf_sub_array(struct sr_fmt *f, const struct nl_field *fl, const uint8_t *p,
			  const uint8_t *top)
{
	size_t i, n = fl->size / fl->sub->size;

	pr_array_begin(f);
	for (i = 0; i < n; i++) {
		pr_struct_begin(f);
		nlf_print(f, fl->sub->fields, fl->sub->n, p + i * fl->sub->size, SIZE_MAX, top);
		pr_struct_end(f);
	}
	pr_array_end(f);
}

/* A string in an array of @size bytes, as strace's PRINT_FIELD_CSTRING(): up to its NUL. */
static void nlf_cstr(struct sr_fmt *f, const uint8_t *p, size_t size)
{
	size_t n = strnlen((const char *)p, size);

	if (n < size)
		pr_str(f, p, n, size, 0);
	else
		pr_str(f, p, size, size, SR_Q_ELLIPSIS);
}

/* u64 elements filling the field, each after its index's name. */
static void nlf_idx_array(struct sr_fmt *f, const struct nl_field *fl, const uint8_t *p)
{
	size_t i;

	pr_array_begin(f);
	for (i = 0; i < fl->size / sizeof(uint64_t); i++) {
		nl_index(f, fl->x, i);
		pr_u(f, get64(p, i * sizeof(uint64_t)));
	}
	pr_array_end(f);
}

/* A number, then its name in a comment as strace's XLAT_STYLE_VERBOSE (none under -X raw). */
static void nlf_enum_verbose(struct sr_fmt *f, const struct sr_xlat *x, uint64_t v)
{
	const char *n = xlat__name(x, v);

	pr_x(f, v);
	if (!fmt_xlat_raw(f))
		pr_comment(f, n ? n : x->unknown);
}

/* The fields of the struct at @m, within @len bytes, @top the outermost struct. */
static void nlf_print(struct sr_fmt *f, const struct nl_field *fl, size_t n, const uint8_t *m,
		      size_t len, const uint8_t *top)
{
	uint64_t prev = 0;
	size_t i;

	for (i = 0; i < n && (size_t)fl->off + fl->size <= len;
	     prev = nlf_value(fl, m), i++, fl++) {
		uint64_t v = nlf_value(fl, m);

		/* reserved fields strace shows only when they hold something */
		if ((fl->kind == NLF_HEX_STR_NZ || fl->kind == NLF_X_NZ) &&
		    mem_all_zero(m + fl->off, fl->size))
			continue;
		if (fl->kind == NLF_INADDR) {
			nlf_inaddr(f, fl, m + fl->off, fl->af ? fl->af : top[0]);
			continue;
		}

		pr_field(f, fl->name);
		switch (fl->kind) {
		case NLF_D:
			/* sign-extended from the field's own width */
			pr_d(f, fl->size == 8 ? (int64_t)v :
				fl->size == 4 ? (int32_t)v :
				fl->size == 2 ? (int16_t)v :
						(int8_t)v);
			break;
		case NLF_X:
		case NLF_X_NZ:
			pr_x(f, v);
			break;
		case NLF_IFINDEX:
			fmt_ifindex(f, (uint32_t)v);
			break;
		case NLF_ENUM:
			fmt_enum(f, fl->x, v);
			break;
		case NLF_ENUM_QUIET:
			rt_enum(f, fl->x, v, false);
			break;
		case NLF_FLAGS:
			fmt_flags(f, fl->x, v);
			break;
		case NLF_BITNUM:
			fmt_flags_bitnum(f, fl->x, v, 0);
			break;
		case NLF_COOKIE:
			pr_array_begin(f);
			pr_u(f, get32(m, fl->off));
			pr_u(f, get32(m, fl->off + 4));
			pr_array_end(f);
			break;
		case NLF_DEV:
			fmt_dev(f, v);
			break;
		case NLF_MAC:
			nl_mac(f, m + fl->off, fl->size);
			break;
		case NLF_HTONS:
			pr_call_begin(f, "htons");
			fmt_enum(f, fl->x, ntohs((uint16_t)v));
			pr_call_end(f);
			break;
		case NLF_STRUCT:
			pr_struct_begin(f);
			nlf_print(f, fl->sub->fields, fl->sub->n, m + fl->off, SIZE_MAX, top);
			pr_struct_end(f);
			break;
		case NLF_NET_PORT:
			fmt_net_u16(f, m + fl->off);
			break;
		case NLF_HEX_STR_LEN:
			pr_str(f, m + fl->off, prev < fl->size ? prev : fl->size, fl->size,
			       SR_Q_HEX);
			break;
		case NLF_CSTR:
			nlf_cstr(f, m + fl->off, fl->size);
			break;
		case NLF_ENUM_VERBOSE:
			nlf_enum_verbose(f, fl->x, v);
			break;
		case NLF_SUB_ARRAY:
			nlf_sub_array(f, fl, m + fl->off, top);
			break;
		case NLF_IDX_ARRAY:
			nlf_idx_array(f, fl, m + fl->off);
			break;
		case NLF_U8_ARRAY:
			pr_array_begin(f);
			for (size_t j = 0; j < fl->size; j++)
				pr_u(f, m[fl->off + j]);
			pr_array_end(f);
			break;
		case NLF_HEX_STR:
		case NLF_HEX_STR_NZ:
			pr_str(f, m + fl->off, fl->size, fl->size, SR_Q_HEX);
			break;
		default:
			pr_u(f, v);
			break;
		}
	}
}

void nl_fields_print(struct sr_fmt *f, const struct nl_field *fl, size_t n, const uint8_t *m)
{
	nlf_print(f, fl, n, m, SIZE_MAX, m);
}

void nl_fields_print_upto(struct sr_fmt *f, const struct nl_field *fl, size_t n, const uint8_t *m,
			  size_t len)
{
	nlf_print(f, fl, n, m, len, m);
}

bool nla_struct(const struct nl_ctx *x, uint64_t off, uint64_t len, const void *opaque)
{
	const struct nl_struct *d = opaque;
	size_t size = len < d->size ? len : d->size;
	uint8_t m[256];

	if ((len < d->size && (!d->min || len < d->min)) || d->size > sizeof(m))
		return false;
	if (!nl_fetch(x, off, m, size))
		return true;
	pr_struct_begin(x->f);
	nl_fields_print_upto(x->f, d->fields, d->n, m, size);
	pr_struct_end(x->f);
	if (d->tail && len > d->size)
		nl_hex(x, off + d->size, len - d->size);
	return true;
}
