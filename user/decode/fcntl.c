// SPDX-License-Identifier: GPL-2.0
/* Decoders: fcntl, its commands, locks and owners, and what it returns. */
#include <string.h>
#include <linux/fcntl.h>

#include "decode/decode.h"

/* The struct the lock and owner commands read or fill: the larger is struct flock. */
#define SR_FCNTL_ARG_MAX sizeof(struct flock)
_Static_assert(sizeof(struct f_owner_ex) <= SR_FCNTL_ARG_MAX, "f_owner_ex");

/* Open flags as fcntl(F_SETFL) and F_GETFL show them: the access mode, then the bits. */
static void print_open_modes(struct sr_fmt *f, uint32_t flags)
{
	uint64_t rest;

	pr_bits_begin(f, flags);
	pr_bits_enum(f, &xlat_open_access, flags & (uint32_t)O_ACCMODE);
	rest = pr_bits_walk(f, &xlat_o_flags, flags & ~(uint32_t)O_ACCMODE, -1);
	if (rest)
		pr_bits_rest(f, SR_NUM_X, rest);
	pr_bits_end(f);
}

/* struct flock: l_type, l_whence, l_start, l_len; l_pid for what F_GETLK filled in. */
static void print_flock(struct sr_fmt *f, const void *data, bool getlk)
{
	struct flock fl;

	memcpy(&fl, data, sizeof(fl));
	pr_struct_begin(f);
	pr_field(f, "l_type");
	fmt_enum(f, &xlat_lock_types, (uint16_t)fl.l_type);
	pr_field(f, "l_whence");
	fmt_enum(f, &xlat_whence, (uint16_t)fl.l_whence);
	pr_field_d(f, "l_start", fl.l_start);
	pr_field_d(f, "l_len", fl.l_len);
	if (getlk) {
		pr_field(f, "l_pid");
		fmt_pid(f, fl.l_pid);
	}
	pr_struct_end(f);
}

/* struct f_owner_ex: "{type=F_OWNER_PID, pid=5}". */
static void print_owner(struct sr_fmt *f, const void *data)
{
	struct f_owner_ex o;

	memcpy(&o, data, sizeof(o));
	pr_struct_begin(f);
	pr_field(f, "type");
	fmt_enum(f, &xlat_f_owner_types, (uint32_t)o.type);
	pr_field(f, "pid");
	if (o.type == F_OWNER_TID)
		fmt_pid_as(f, o.pid, SR_PK_TID);
	else if (o.type == F_OWNER_PID)
		fmt_pid(f, o.pid);
	else if (o.type == F_OWNER_PGRP)
		fmt_pid_as(f, o.pid, SR_PK_PGID);
	else
		pr_d(f, o.pid);
	pr_struct_end(f);
}

/* The pointed-to argument of F_*LK* and F_*OWN_EX; the address if unread. */
static void fcntl_print_ptr(struct sr_fmt *f, const struct sr_call *c, bool at_exit)
{
	uint32_t cmd = (uint32_t)c->args[1];
	bool lock = cmd != F_SETOWN_EX && cmd != F_GETOWN_EX;
	const struct sr_blob *b = at_exit ? c->out[2] : c->in[2];
	const uint8_t *p = blob_get(b, lock ? sizeof(struct flock) : sizeof(struct f_owner_ex));

	/* an ia32 task's struct flock (or flock64, packed) is not decoded yet */
	if (!c->args[2] || !p || (at_exit && c->ret < 0) || (lock && c->ent->ia32)) {
		fmt_ptr(f, c->args[2]);
		return;
	}
	if (lock)
		print_flock(f, p, at_exit);
	else
		print_owner(f, p);
}

/* Commands whose third argument, if any, is shown at exit or never. */
static bool fcntl_arg_at_entry(uint32_t cmd)
{
	switch (cmd) {
	case F_GETFD:
	case F_GETFL:
	case F_GETOWN:
	case F_GETSIG:
	case F_GETLEASE:
	case F_GETPIPE_SZ:
	case F_GET_SEALS:
	case F_GETLK:
	case F_OFD_GETLK:
	case F_GETOWN_EX:
		return false;
	default:
		return true;
	}
}

/* The third argument as the command reads it. */
static void fcntl_print_in(struct sr_fmt *f, const struct sr_call *c)
{
	uint64_t arg = c->args[2];

	switch ((uint32_t)c->args[1]) {
	case F_SETFD:
		fmt_flags(f, &xlat_fd_flags, (uint32_t)arg);
		break;
	case F_SETOWN:
		fmt_pid_or_pgrp(f, (int32_t)arg);
		break;
	case F_DUPFD:
	case F_DUPFD_CLOEXEC:
	case F_SETPIPE_SZ:
		pr_d(f, (int64_t)arg);
		break;
	case F_SETFL:
		print_open_modes(f, (uint32_t)arg);
		break;
	case F_SETLK:
	case F_SETLKW:
	case F_OFD_SETLK:
	case F_OFD_SETLKW:
	case F_SETOWN_EX:
		fcntl_print_ptr(f, c, false);
		break;
	case F_NOTIFY:
		fmt_flags(f, &xlat_dnotify_flags, arg);
		break;
	case F_SETLEASE:
		fmt_enum(f, &xlat_lock_types, arg);
		break;
	case F_ADD_SEALS:
		fmt_flags(f, &xlat_f_seals, arg);
		break;
	case F_SETSIG:
		fmt_signame(f, (int32_t)arg);
		break;
	default:
		pr_x(f, arg);
		break;
	}
}

static void fcntl_enter(struct sr_fmt *f, const struct sr_call *c)
{
	fmt_arg(f, c, 0);
	fmt_fd(f, c, (int32_t)c->args[0]); /* fd */
	fmt_arg(f, c, 1);
	fmt_enum(f, &xlat_fcntl_cmd, (uint32_t)c->args[1]); /* cmd */
	if (!fcntl_arg_at_entry((uint32_t)c->args[1]))
		return;
	fmt_arg(f, c, 2);
	fcntl_print_in(f, c); /* arg */
}

/* The results read back: F_GETLK's lock, F_GETOWN_EX's owner. */
static void fcntl_exit(struct sr_fmt *f, const struct sr_call *c)
{
	switch ((uint32_t)c->args[1]) {
	case F_GETLK:
	case F_OFD_GETLK:
	case F_GETOWN_EX:
		fmt_arg(f, c, 2);
		fcntl_print_ptr(f, c, true);
		break;
	}
}

/*
 * Commands whose result strace shows in hex, with its meaning after it:
 * "= 0x1 (flags FD_CLOEXEC)". F_GETFD and F_GET_SEALS only when non-zero.
 */
static bool fcntl_ret_hex(const struct sr_call *c)
{
	switch ((uint32_t)c->args[1]) {
	case F_GETFL:
	case F_GETLEASE:
		return true;
	case F_GETFD:
	case F_GET_SEALS:
		return c->ret != 0;
	default:
		return false;
	}
}

/* The return value itself: hex for the commands above, a descriptor for F_DUPFD. */
static void fcntl_ret(struct sr_fmt *f, const struct sr_call *c)
{
	uint32_t cmd = (uint32_t)c->args[1];

	if (fcntl_ret_hex(c))
		pr_x(f, (uint64_t)c->ret);
	else if (cmd == F_DUPFD || cmd == F_DUPFD_CLOEXEC)
		fmt_fd_new(f, c, (int)c->ret);
	else if (cmd == F_GETOWN && c->ret > 0)
		fmt_pid(f, (int32_t)c->ret); /* a group's (< 0) prints bare, as strace's */
	else
		pr_d(f, c->ret);
}

/* Is there a note on @c's result: " (flags FD_CLOEXEC)", " (SIGUSR1)"? */
static bool fcntl_ret_noted(const struct sr_call *c)
{
	switch ((uint32_t)c->args[1]) {
	case F_GETFL:
		return true;
	case F_GETFD:
	case F_GET_SEALS:
		return c->ret != 0;
	case F_GETLEASE:
		return xlat__name(&xlat_lock_types, (uint64_t)c->ret) != NULL;
	case F_GETSIG:
		return c->ret > 0 && c->ret <= 64;
	default:
		return false;
	}
}

static void fcntl_ret_suffix(struct sr_fmt *f, const struct sr_call *c)
{
	if (c->ret < 0 || !fcntl_ret_noted(c))
		return;
	pr_note_begin(f);
	switch ((uint32_t)c->args[1]) {
	case F_GETFD:
		pr_field(f, "flags");
		pr_flags_bare(f, &xlat_fd_flags, (uint64_t)c->ret);
		break;
	case F_GETFL:
		pr_field(f, "flags");
		print_open_modes(f, (uint32_t)c->ret);
		break;
	case F_GETLEASE:
		fmt_enum(f, &xlat_lock_types, (uint64_t)c->ret);
		break;
	case F_GET_SEALS:
		pr_field(f, "seals");
		pr_flags_bare(f, &xlat_f_seals, (uint64_t)c->ret);
		break;
	case F_GETSIG:
		fmt_signame(f, (int)c->ret);
		break;
	}
	pr_note_end(f);
}

/*
 * The lock and owner structs, read at entry (F_SET*) and at exit (F_GET*):
 * up to the end of its page, as an f_owner_ex may end a mapping.
 */
static void fcntl_plan(const struct sr_sysent *ent, const struct sr_opts *o, struct sr_plan *p)
{
	memset(&p->a[2], 0, sizeof(p->a[2]));
	p->a[2].when = SR_CAP_ENTER | SR_CAP_EXIT | SR_CAP_PART;
	p->a[2].how = SR_HOW_BUF;
	p->a[2].len_src = SR_LEN_FIXED;
	p->a[2].elem = SR_FCNTL_ARG_MAX;
	p->a[2].cap = SR_FCNTL_ARG_MAX;
}

const struct sr_scdec sr_scdec_fcntl = {
	.name = "fcntl",
	.sep_at_exit = true,
	.enter = fcntl_enter,
	.exit = fcntl_exit,
	.ret = fcntl_ret,
	.ret_suffix = fcntl_ret_suffix,
	.plan = fcntl_plan,
	.same32 = true, /* but for the lock structs, shown as addresses */
};
