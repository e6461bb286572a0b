// SPDX-License-Identifier: GPL-2.0
/*
 * Decoders: userfaultfd ioctls (linux/userfaultfd.h), as strace 6.1 prints
 * them: the request's struct, then after success what the kernel added to
 * it inside the same braces (IOA_INOUT): the features and ioctls of
 * UFFDIO_API, the ioctls a range supports, the bytes copied or zeroed.
 */
#include <stddef.h>
#include <linux/ioctl.h>
#include <linux/userfaultfd.h>

#include "decode/ioctl.h"

static const struct sr_ioc_field range_fields[] = {
	IOF(struct uffdio_range, start, IOF_X, NULL),
	IOF(struct uffdio_range, len, IOF_X, NULL),
};
static SR_IOC_FIELDS(range_desc, struct uffdio_range, range_fields);

static void print_range_field(struct sr_fmt *f, const uint8_t *p)
{
	pr_field(f, "range");
	ioc_print_fields(f, &range_desc, p);
}

static void print_flags_field(struct sr_fmt *f, const char *name, const struct sr_xlat *x,
			      uint64_t v)
{
	pr_field(f, name);
	fmt_flags(f, x, v);
}

/* UFFDIO_API: the features asked for; those granted when they differ, and the ioctls. */
static void print_api(struct sr_fmt *f, const struct sr_call *c, const uint8_t *p, size_t len)
{
	uint64_t feat = get64(p, offsetof(struct uffdio_api, features));
	const uint8_t *out;
	size_t olen;

	pr_struct_begin(f);
	pr_field_x(f, "api", get64(p, offsetof(struct uffdio_api, api)));
	print_flags_field(f, "features", &xlat_uffd_api_features, feat);
	out = ioc_exit_copy(c, sizeof(struct uffdio_api), &olen);
	if (out) {
		uint64_t got = get64(out, offsetof(struct uffdio_api, features));

		if (got != feat) {
			pr_changed(f);
			print_flags_field(f, "features", &xlat_uffd_api_features, got);
		}
		pr_field(f, "ioctls");
		fmt_flags_bitnum(f, &xlat_uffd_api_ioctls,
				 get64(out, offsetof(struct uffdio_api, ioctls)), 0);
	}
	pr_struct_end(f);
}

/* UFFDIO_REGISTER: the range and mode; the ioctls the range supports. */
static void print_register(struct sr_fmt *f, const struct sr_call *c, const uint8_t *p, size_t len)
{
	const uint8_t *out;
	size_t olen;

	pr_struct_begin(f);
	print_range_field(f, p + offsetof(struct uffdio_register, range));
	print_flags_field(f, "mode", &xlat_uffd_register_mode_flags,
			  get64(p, offsetof(struct uffdio_register, mode)));
	out = ioc_exit_copy(c, sizeof(struct uffdio_register), &olen);
	if (out) {
		pr_field(f, "ioctls");
		fmt_flags_bitnum(f, &xlat_uffd_register_ioctls,
				 get64(out, offsetof(struct uffdio_register, ioctls)), 0);
	}
	pr_struct_end(f);
}

/* UFFDIO_COPY: what to copy where; the bytes copied. */
static void print_copy(struct sr_fmt *f, const struct sr_call *c, const uint8_t *p, size_t len)
{
	const uint8_t *out;
	size_t olen;

	pr_struct_begin(f);
	pr_field_x(f, "dst", get64(p, offsetof(struct uffdio_copy, dst)));
	pr_field_x(f, "src", get64(p, offsetof(struct uffdio_copy, src)));
	pr_field_x(f, "len", get64(p, offsetof(struct uffdio_copy, len)));
	print_flags_field(f, "mode", &xlat_uffd_copy_flags,
			  get64(p, offsetof(struct uffdio_copy, mode)));
	out = ioc_exit_copy(c, sizeof(struct uffdio_copy), &olen);
	if (out)
		pr_field_x(f, "copy", get64(out, offsetof(struct uffdio_copy, copy)));
	pr_struct_end(f);
}

/* UFFDIO_ZEROPAGE: the range and mode; the bytes zeroed. */
static void print_zeropage(struct sr_fmt *f, const struct sr_call *c, const uint8_t *p, size_t len)
{
	const uint8_t *out;
	size_t olen;

	pr_struct_begin(f);
	print_range_field(f, p + offsetof(struct uffdio_zeropage, range));
	print_flags_field(f, "mode", &xlat_uffd_zeropage_flags,
			  get64(p, offsetof(struct uffdio_zeropage, mode)));
	out = ioc_exit_copy(c, sizeof(struct uffdio_zeropage), &olen);
	if (out)
		pr_field_x(f, "zeropage", get64(out, offsetof(struct uffdio_zeropage, zeropage)));
	pr_struct_end(f);
}

static const struct sr_ioc_struct api_st = { sizeof(struct uffdio_api), print_api };
static const struct sr_ioc_struct register_st = { sizeof(struct uffdio_register), print_register };
static const struct sr_ioc_struct copy_st = { sizeof(struct uffdio_copy), print_copy };
static const struct sr_ioc_struct zeropage_st = { sizeof(struct uffdio_zeropage), print_zeropage };

static const struct sr_ioc uffd_table[] = {
	{ UFFDIO_API, IOA_INOUT, true, &api_st },
	{ UFFDIO_REGISTER, IOA_INOUT, true, &register_st },
	{ UFFDIO_COPY, IOA_INOUT, true, &copy_st },
	{ UFFDIO_ZEROPAGE, IOA_INOUT, true, &zeropage_st },
	{ UFFDIO_UNREGISTER, IOA_FIELDS, false, &range_desc },
	{ UFFDIO_WAKE, IOA_FIELDS, false, &range_desc },
};

SR_IOC_ROWS(sr_ioc_rows_uffd, uffd_table);
