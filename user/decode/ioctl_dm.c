// SPDX-License-Identifier: GPL-2.0
/*
 * Decoders: device-mapper ioctls (linux/dm-ioctl.h), as strace 6.1 prints
 * them: "[{version=[4, 1, 2], data_size=..., name=..., flags=...}, payload]"
 * at entry, and after success " => " the header the kernel wrote back. The
 * payload after the header (target specs, messages, strings) is shown with
 * -v only ("..." without), from the copy of the whole argument, data_size
 * bytes (an ioctl reference; the argument's own copy holds the header): what
 * lies past it prints as its address.
 */
#include <string.h>
#include <asm/ioctl.h>
#include <linux/dm-ioctl.h>

#include "decode/filemode.h"
#include "decode/ioctl.h"

/* The header strace reads before deciding to decode: everything up to data[]. */
#define DM_HDR offsetof(struct dm_ioctl, data)

/* Whether the request has a payload at data_start (strace's dm_ioctl_has_params). */
static bool dm_has_params(uint32_t code)
{
	switch (code) {
	case DM_VERSION:
	case DM_REMOVE_ALL:
	case DM_DEV_CREATE:
	case DM_DEV_REMOVE:
	case DM_DEV_SUSPEND:
	case DM_DEV_STATUS:
	case DM_TABLE_CLEAR:
	case DM_DEV_ARM_POLL:
		return false;
	}
	return true;
}

/* The device: dev, name and uuid when set (none for the requests of all devices). */
static void dm_print_device(struct sr_fmt *f, uint32_t code, const struct dm_ioctl *ioc)
{
	if (code == DM_REMOVE_ALL || code == DM_LIST_DEVICES || code == DM_LIST_VERSIONS)
		return;
	if (ioc->dev) {
		pr_field(f, "dev");
		fmt_dev(f, ioc->dev);
	}
	if (ioc->name[0]) {
		pr_field(f, "name");
		ioc_print_cstr(f, ioc->name, sizeof(ioc->name));
	}
	if (ioc->uuid[0]) {
		pr_field(f, "uuid");
		ioc_print_cstr(f, ioc->uuid, sizeof(ioc->uuid));
	}
}

/* The counters: what the caller sets at entry; what the kernel reports at exit. */
static void dm_print_values(struct sr_fmt *f, uint32_t code, const struct dm_ioctl *ioc,
			    bool at_exit)
{
	if (!at_exit) {
		if (code == DM_TABLE_LOAD)
			pr_field_u(f, "target_count", ioc->target_count);
		else if ((code == DM_DEV_SUSPEND && !(ioc->flags & DM_SUSPEND_FLAG)) ||
			 code == DM_DEV_RENAME || code == DM_DEV_REMOVE || code == DM_DEV_WAIT)
			pr_field_u(f, "event_nr", ioc->event_nr);
		return;
	}
	switch (code) {
	case DM_DEV_CREATE:
	case DM_DEV_RENAME:
	case DM_DEV_SUSPEND:
	case DM_DEV_STATUS:
	case DM_DEV_WAIT:
	case DM_TABLE_LOAD:
	case DM_TABLE_CLEAR:
	case DM_TABLE_DEPS:
	case DM_TABLE_STATUS:
	case DM_TARGET_MSG:
		pr_field_u(f, "target_count", ioc->target_count);
		pr_field_u(f, "open_count", ioc->open_count);
		pr_field_u(f, "event_nr", ioc->event_nr);
		break;
	}
}

/* The header's struct; false when strace stops after it (another ABI, too small). */
static bool dm_print_header(struct sr_fmt *f, uint32_t code, const struct dm_ioctl *ioc,
			    bool at_exit)
{
	bool ok = false;
	int i;

	pr_struct_begin(f);
	pr_field(f, "version");
	pr_array_begin(f);
	for (i = 0; i < 3; i++)
		pr_u(f, ioc->version[i]);
	pr_array_end(f);
	if (ioc->version[0] != DM_VERSION_MAJOR) {
		pr_comment(f, "unsupported device mapper ABI version");
		goto out;
	}
	pr_field_u(f, "data_size", ioc->data_size);
	if (ioc->data_size < DM_HDR) {
		pr_comment(f, "data_size too small");
		goto out;
	}
	if (dm_has_params(code))
		pr_field_u(f, "data_start", ioc->data_start);
	dm_print_device(f, code, ioc);
	dm_print_values(f, code, ioc, at_exit);
	pr_field(f, "flags");
	fmt_flags(f, &xlat_dm_flags, ioc->flags);
	ok = true;
out:
	pr_struct_end(f);
	return ok;
}

/*
 * A NUL-terminated string of the payload at @off, up to data_size: from the
 * copy (@p, @len bytes), or its address when it lies past the copy.
 */
static void dm_print_str(struct sr_fmt *f, const struct sr_call *c, const uint8_t *p, size_t len,
			 const struct dm_ioctl *ioc, uint32_t off)
{
	size_t want = ioc->data_size - off, have = off < len ? len - off : 0;
	size_t max = fmt_strsize(f);

	if (have < want && have <= max && !memchr(p + off, 0, have)) {
		pr_addr(f, c->args[2] + off);
		return;
	}
	pr_str(f, p + off, have < want ? have : want, max, SR_Q_NUL_TERM);
}

/* DM_TABLE_LOAD's target specs, with -v. */
static void dm_print_specs(struct sr_fmt *f, const struct sr_call *c, const uint8_t *p, size_t len,
			   const struct dm_ioctl *ioc)
{
	const uint32_t spec = sizeof(struct dm_target_spec);
	uint32_t off = ioc->data_start, end = 0, i;

	for (i = 0; i < ioc->target_count; i++) {
		struct dm_target_spec s;

		if ((i && off <= end) || (end = off + spec) <= off || end > ioc->data_size) {
			pr_unknown(f);
			pr_comment(f, "misplaced struct dm_target_spec");
			return;
		}
		/* strace stops at -s specs, -v or not */
		if (i >= fmt_strsize(f)) {
			pr_more(f);
			return;
		}
		if (end > len) {
			pr_addr(f, c->args[2] + off);
			return;
		}
		memcpy(&s, p + off, spec);
		pr_struct_begin(f);
		pr_field_u(f, "sector_start", s.sector_start);
		pr_field_u(f, "length", s.length);
		pr_field(f, "target_type");
		ioc_print_cstr(f, s.target_type, sizeof(s.target_type));
		pr_field(f, "string");
		dm_print_str(f, c, p, len, ioc, end);
		pr_struct_end(f);
		off += s.next;
	}
}

/* The payload shown at entry: "..." for each part without -v. */
static void dm_print_payload(struct sr_fmt *f, const struct sr_call *c, const uint8_t *p,
			     size_t len, uint32_t code, const struct dm_ioctl *ioc)
{
	bool verbose = fmt_verbose(f);
	uint32_t msg = offsetof(struct dm_target_msg, message);

	switch (code) {
	case DM_TABLE_LOAD:
		if (!verbose && ioc->target_count)
			pr_more(f);
		else if (verbose)
			dm_print_specs(f, c, p, len, ioc);
		break;
	case DM_TARGET_MSG:
		if (ioc->data_start == ioc->data_size)
			break;
		if (!verbose) {
			pr_more(f);
		} else if (ioc->data_start + msg > ioc->data_start &&
			   ioc->data_start + msg <= ioc->data_size) {
			if (ioc->data_start + msg > len) {
				pr_addr(f, c->args[2] + ioc->data_start);
				break;
			}
			pr_struct_begin(f);
			pr_field_u(f, "sector",
				   get64(p,
					 ioc->data_start + offsetof(struct dm_target_msg, sector)));
			pr_field(f, "message");
			dm_print_str(f, c, p, len, ioc, ioc->data_start + msg);
			pr_struct_end(f);
		} else {
			pr_unknown(f);
			pr_comment(f, "misplaced struct dm_target_msg");
		}
		break;
	case DM_DEV_RENAME:
	case DM_DEV_SET_GEOMETRY:
		if (!verbose) {
			pr_more(f);
		} else if (ioc->data_start <= ioc->data_size) {
			pr_struct_begin(f);
			pr_field(f, "string");
			dm_print_str(f, c, p, len, ioc, ioc->data_start);
			pr_struct_end(f);
		} else {
			pr_unknown(f);
			pr_comment(f, "misplaced string");
		}
		break;
	}
}

static void dm_print(struct sr_fmt *f, const struct sr_call *c, const uint8_t *p, size_t len)
{
	const uint32_t code = (uint32_t)c->args[1];
	struct dm_ioctl ioc;
	const uint8_t *whole;
	size_t wlen;

	memcpy(&ioc, p, DM_HDR);
	/* the payload: from the copy of all data_size bytes when it reaches further */
	whole = ioc_ref_copy(c, 0, false, &wlen);
	if (whole && wlen > len) {
		p = whole;
		len = wlen;
	}
	pr_array_begin(f);
	if (dm_print_header(f, code, &ioc, false))
		dm_print_payload(f, c, p, len, code, &ioc);
	pr_array_end(f);
}

/*
 * After success, the header the kernel wrote back; its payloads (deps,
 * device lists, versions, status) are shown as "..." without -v and, with
 * it, as the address of the bytes past the copy when they are not in it.
 */
static void dm_print_exit(struct sr_fmt *f, const struct sr_call *c, const uint8_t *p, size_t len)
{
	const uint32_t code = (uint32_t)c->args[1];
	struct dm_ioctl ioc;

	memcpy(&ioc, p, DM_HDR);
	pr_array_begin(f);
	if (dm_print_header(f, code, &ioc, true) && ioc.data_start != ioc.data_size) {
		switch (code) {
		case DM_DEV_WAIT:
		case DM_TABLE_STATUS:
		case DM_TABLE_DEPS:
		case DM_LIST_DEVICES:
		case DM_LIST_VERSIONS:
			if (!fmt_verbose(f))
				pr_more(f);
			else
				pr_addr(f, c->args[2] + ioc.data_start);
			break;
		}
	}
	pr_array_end(f);
}

/* strace decodes nothing (and prints the argument in hex) unless data_size is there. */
static bool dm_valid(const uint8_t *p, size_t len)
{
	return len >= DM_HDR && get32(p, offsetof(struct dm_ioctl, data_size)) >=
					offsetof(struct dm_ioctl, data_size);
}

static const struct sr_ioc_struct dm_st = {
	.size = DM_HDR,
	.print = dm_print,
	.print_exit = dm_print_exit,
	.exit_errno = SR_IOC_EXIT_OK,
	.valid = dm_valid,
};

static const struct sr_ioc dm_table[] = {
	{ DM_VERSION, IOA_STRUCT, false, &dm_st },
	{ DM_REMOVE_ALL, IOA_STRUCT, false, &dm_st },
	{ DM_LIST_DEVICES, IOA_STRUCT, false, &dm_st },
	{ DM_DEV_CREATE, IOA_STRUCT, false, &dm_st },
	{ DM_DEV_REMOVE, IOA_STRUCT, false, &dm_st },
	{ DM_DEV_RENAME, IOA_STRUCT, false, &dm_st },
	{ DM_DEV_SUSPEND, IOA_STRUCT, false, &dm_st },
	{ DM_DEV_STATUS, IOA_STRUCT, false, &dm_st },
	{ DM_DEV_WAIT, IOA_STRUCT, false, &dm_st },
	{ DM_TABLE_LOAD, IOA_STRUCT, false, &dm_st },
	{ DM_TABLE_CLEAR, IOA_STRUCT, false, &dm_st },
	{ DM_TABLE_DEPS, IOA_STRUCT, false, &dm_st },
	{ DM_TABLE_STATUS, IOA_STRUCT, false, &dm_st },
	{ DM_LIST_VERSIONS, IOA_STRUCT, false, &dm_st },
	{ DM_TARGET_MSG, IOA_STRUCT, false, &dm_st },
	{ DM_DEV_SET_GEOMETRY, IOA_STRUCT, false, &dm_st },
	{ DM_DEV_ARM_POLL, IOA_STRUCT, false, &dm_st },
};

SR_IOC_ROWS(sr_ioc_rows_dm, dm_table);

/* The requests with a payload at entry: the whole argument, data_size bytes. */
static const struct sr_ioc_refrow dm_refs[] = {
	{ DM_TABLE_LOAD, { IOR_SELF(struct dm_ioctl, data_size, SR_BLOB_MAX) } },
	{ DM_TARGET_MSG, { IOR_SELF(struct dm_ioctl, data_size, SR_BLOB_MAX) } },
	{ DM_DEV_RENAME, { IOR_SELF(struct dm_ioctl, data_size, SR_BLOB_MAX) } },
	{ DM_DEV_SET_GEOMETRY, { IOR_SELF(struct dm_ioctl, data_size, SR_BLOB_MAX) } },
};

SR_IOC_REFSET(sr_ioc_refs_dm, dm_refs);
