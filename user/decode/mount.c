// SPDX-License-Identifier: GPL-2.0
/*
 * Decoder: mount, as strace 6.1 prints it. The filesystem type and the data
 * are strings unless the flags say the kernel ignores them (a remount keeps
 * the type; a bind, move or propagation change takes neither): then their
 * addresses. Flags may carry the old magic number MS_MGC_VAL in their upper
 * half, which prints as its own part.
 */
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
