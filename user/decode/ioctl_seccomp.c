// SPDX-License-Identifier: GPL-2.0
/*
 * Decoders: seccomp user notification ioctls (linux/seccomp.h), as strace
 * 6.1 prints them: the notification received (what the caller's buffer
 * held, if anything, then " => " and what the kernel wrote), the response
 * sent, the id checked and the fd added.
 */
#include <stdio.h>
#include <stddef.h>
#include <linux/audit.h>
#include <linux/ioctl.h>
#include <linux/seccomp.h>

#include "decode/ioctl.h"

/* struct seccomp_notif: the call the notification is about. */
static void print_notif(struct sr_fmt *f, const uint8_t *p)
{
	const size_t d = offsetof(struct seccomp_notif, data);
	uint32_t arch = get32(p, d + offsetof(struct seccomp_data, arch));
	size_t i;

	pr_struct_begin(f);
	pr_field_x(f, "id", get64(p, offsetof(struct seccomp_notif, id)));
	pr_field(f, "pid");
	fmt_pid(f, (int32_t)get32(p, offsetof(struct seccomp_notif, pid)));
	pr_field_x(f, "flags", get32(p, offsetof(struct seccomp_notif, flags)));
	pr_field(f, "data");
	pr_struct_begin(f);
	pr_field(f, "nr");
	fmt_scno(f, arch, get32(p, d + offsetof(struct seccomp_data, nr)));
	pr_field(f, "arch");
	fmt_enum(f, &xlat_audit_arch, arch);
	pr_field(f, "instruction_pointer");
	fmt_ptr(f, get64(p, d + offsetof(struct seccomp_data, instruction_pointer)));
	pr_field(f, "args");
	pr_array_begin(f);
	for (i = 0; i < sizeof(((struct seccomp_data *)0)->args) / sizeof(uint64_t); i++)
		pr_x(f, get64(p, d + offsetof(struct seccomp_data, args) + i * sizeof(uint64_t)));
	pr_array_end(f);
	pr_struct_end(f);
	pr_struct_end(f);
}

/*
 * SECCOMP_IOCTL_NOTIF_RECV: a buffer that held anything prints, then
 * " => "; then what the kernel wrote, or the address after a failure.
 */
static void print_notif_recv(struct sr_fmt *f, const struct sr_call *c, const uint8_t *p,
			     size_t len)
{
	const uint8_t *out;
	size_t i, olen;

	for (i = 0; i < sizeof(struct seccomp_notif) && !p[i]; i++)
		;
	if (i < sizeof(struct seccomp_notif)) {
		print_notif(f, p);
		pr_changed(f);
	}
	out = ioc_exit_copy(c, sizeof(struct seccomp_notif), &olen);
	if (out)
		print_notif(f, out);
	else
		pr_addr(f, c->args[2]);
}

/* SECCOMP_IOCTL_NOTIF_SEND: error by name when it is a negated errno ("-ENOSR"). */
static void print_notif_resp(struct sr_fmt *f, const struct sr_call *c, const uint8_t *p,
			     size_t len)
{
	int32_t err = (int32_t)get32(p, offsetof(struct seccomp_notif_resp, error));
	const char *name = err < 0 && err > -4096 ? errno__name(-err) : NULL;

	pr_struct_begin(f);
	pr_field_x(f, "id", get64(p, offsetof(struct seccomp_notif_resp, id)));
	pr_field_d(f, "val", (int64_t)get64(p, offsetof(struct seccomp_notif_resp, val)));
	pr_field(f, "error");
	if (name) {
		char buf[40];

		snprintf(buf, sizeof(buf), "-%s", name);
		pr_sym_fmt(f, buf, (uint64_t)(int64_t)err, SR_NUM_D);
	} else {
		pr_d(f, err);
	}
	pr_field(f, "flags");
	fmt_flags(f, &xlat_seccomp_resp_flags,
		  get32(p, offsetof(struct seccomp_notif_resp, flags)));
	pr_struct_end(f);
}

/* SECCOMP_IOCTL_NOTIF_ADDFD */
static void print_addfd(struct sr_fmt *f, const struct sr_call *c, const uint8_t *p, size_t len)
{
	pr_struct_begin(f);
	pr_field_x(f, "id", get64(p, offsetof(struct seccomp_notif_addfd, id)));
	pr_field(f, "flags");
	fmt_flags(f, &xlat_seccomp_addfd_flags,
		  get32(p, offsetof(struct seccomp_notif_addfd, flags)));
	pr_field(f, "srcfd");
	fmt_fd(f, c, (int32_t)get32(p, offsetof(struct seccomp_notif_addfd, srcfd)));
	pr_field_d(f, "newfd", (int32_t)get32(p, offsetof(struct seccomp_notif_addfd, newfd)));
	pr_field(f, "newfd_flags");
	fmt_flags(f, &xlat_open_flags, get32(p, offsetof(struct seccomp_notif_addfd, newfd_flags)));
	pr_struct_end(f);
}

/* SECCOMP_IOCTL_NOTIF_ID_VALID: "[0xdecaffedfacefeed]" */
static void print_id(struct sr_fmt *f, const struct sr_call *c, const uint8_t *p, size_t len)
{
	pr_array_begin(f);
	pr_x(f, get64(p, 0));
	pr_array_end(f);
}

static const struct sr_ioc_struct notif_recv_st = { sizeof(struct seccomp_notif),
						    print_notif_recv };
static const struct sr_ioc_struct notif_resp_st = { sizeof(struct seccomp_notif_resp),
						    print_notif_resp };
static const struct sr_ioc_struct addfd_st = { sizeof(struct seccomp_notif_addfd), print_addfd };
static const struct sr_ioc_struct id_st = { sizeof(uint64_t), print_id };

/* the pre-5.17 SECCOMP_IOCTL_NOTIF_ID_VALID, whose direction was wrong (read, not write) */
#define ID_VALID_WRONG_DIR                                                   \
	((SECCOMP_IOCTL_NOTIF_ID_VALID & ~(_IOC_DIRMASK << _IOC_DIRSHIFT)) | \
	 (_IOC_READ << _IOC_DIRSHIFT))

static const struct sr_ioc seccomp_table[] = {
	{ SECCOMP_IOCTL_NOTIF_RECV, IOA_INOUT, true, &notif_recv_st },
	{ SECCOMP_IOCTL_NOTIF_SEND, IOA_STRUCT, false, &notif_resp_st },
	{ SECCOMP_IOCTL_NOTIF_ID_VALID, IOA_STRUCT, false, &id_st },
	{ ID_VALID_WRONG_DIR, IOA_STRUCT, false, &id_st },
	{ SECCOMP_IOCTL_NOTIF_ADDFD, IOA_STRUCT, false, &addfd_st },
};

SR_IOC_ROWS(sr_ioc_rows_seccomp, seccomp_table);
