// SPDX-License-Identifier: GPL-2.0
/*
 * Decoder: mount, as strace 6.1 prints it. The filesystem type and the data
 * are strings unless the flags say the kernel ignores them (a remount keeps
 * the type; a bind, move or propagation change takes neither): then their
 * addresses. Flags may carry the old magic number MS_MGC_VAL in their upper
 * half, which prints as its own part. Also mount_setattr's struct
 * mount_attr.
 */
#include <limits.h>
#include <string.h>
#include <linux/mount.h>

#include "decode/decode.h"
#include "cli/opts.h"

/* mount(source, target, filesystemtype, mountflags, data) */
static void mount_enter(struct sr_fmt *f, const struct sr_call *c)
{
	const uint64_t moves = MS_BIND | MS_MOVE | MS_SHARED | MS_PRIVATE | MS_SLAVE |
			       MS_UNBINDABLE;
	uint64_t flags = c->args[3];
	bool no_type = false, no_data = false;

	if ((flags & MS_MGC_MSK) == MS_MGC_VAL)
		flags &= ~(uint64_t)MS_MGC_MSK;
	if (flags & MS_REMOUNT)
		no_type = true;
	else if (flags & moves)
		no_type = no_data = true;
	fmt_path(f, c, 0);
	fmt_path(f, c, 1);
	if (no_type)
		fmt_ptr(f, c->args[2]);
	else
		fmt_blob_str(f, call__blob(c, 2, true), c->args[2], fmt_strsize(f), SR_Q_NUL_TERM);
	if (flags != c->args[3])
		fmt_enum_flags(f, &xlat_mount_magic, MS_MGC_MSK, &xlat_mount_flags, c->args[3]);
	else
		fmt_flags(f, &xlat_mount_flags, flags);
	if (no_data)
		fmt_ptr(f, c->args[4]);
	else
		fmt_blob_str(f, call__blob(c, 4, true), c->args[4], fmt_strsize(f), SR_Q_NUL_TERM);
}

const struct sr_scdec sr_scdec_mount = {
	.name = "mount",
	.enter = mount_enter,
};

/*
 * mount_setattr's struct mount_attr, an extensible struct: shorter than
 * its first version is no struct at all; the bytes past what strace knows
 * print as fmt_struct_tail() says. userns_fd is an fd only when a flag
 * asks for an idmapped mount.
 */
static void mount_attr_print(struct sr_fmt *f, const struct sr_call *c, int argi, const void *data,
			     size_t len)
{
	struct mount_attr a;

	if (c->args[argi + 1] < MOUNT_ATTR_SIZE_VER0 || len < sizeof(a)) {
		pr_x(f, c->args[argi]);
		return;
	}
	memcpy(&a, data, sizeof(a));
	pr_struct_begin(f);
	pr_field(f, "attr_set");
	fmt_flags(f, &xlat_mount_attr_flags, a.attr_set);
	pr_field(f, "attr_clr");
	fmt_flags(f, &xlat_mount_attr_flags, a.attr_clr);
	pr_field(f, "propagation");
	fmt_enum(f, &xlat_mount_attr_propagation, a.propagation);
	pr_field(f, "userns_fd");
	if (a.userns_fd > INT_MAX || !((a.attr_set | a.attr_clr) & MOUNT_ATTR_IDMAP))
		pr_u(f, a.userns_fd);
	else
		fmt_fd(f, c, (int)a.userns_fd);
	fmt_struct_tail(f, data, len, sizeof(a), c->args[argi + 1]);
	pr_struct_end(f);
}

_Static_assert(sizeof(struct mount_attr) == MOUNT_ATTR_SIZE_VER0, "mount_attr");

const struct sr_kind sr_kind_mount_attr = {
	.name = "mount_attr",
	.same32 = true, /* fixed-width fields */
	.size = 0,
	.max = SR_BLOB_MAX, /* a larger struct's tail too, when not all zero */
	.print = mount_attr_print,
	.ext = true,
};
