// SPDX-License-Identifier: GPL-2.0
/* Decoders: clone and clone3, as strace 6.1 prints them. */
#include <string.h>
#include <linux/sched.h>

#include "decode/process.h"

/*
 * strace 6.1 knows struct clone_args up to cgroup (CLONE_ARGS_SIZE_VER2):
 * that much is decoded; the bytes past it print as strace's do (fmt_struct_tail()),
 * and the size of a larger struct at exit.
 */
#define SR_CLONE_ARGS_SIZE CLONE_ARGS_SIZE_VER2
_Static_assert(offsetof(struct clone_args, cgroup) + sizeof(__u64) == SR_CLONE_ARGS_SIZE,
	       "clone_args layout");
_Static_assert(sizeof(struct clone_args) >= SR_CLONE_ARGS_SIZE, "clone_args layout");

/* clone's flags argument: the exit signal in the low byte (CSIGNAL), the flags above it. */
#define SR_CLONE_SIGNAL 0xffull

/* An exit signal strace prints by name: anything that fits an int. */
#define SR_CLONE_SIG_MAX 0x7fffffffull

/*
 * The most set_tid elements strace reads (the kernel's MAX_PID_NS_LEVEL,
 * not in UAPI headers): a longer array prints as its address.
 */
#define SR_CLONE_SET_TID_MAX 32
/* Slot of the set_tid array, followed from clone_args (clone3 has 2 arguments). */
#define SR_CLONE_SET_TID_SLOT 2

/* clone3's struct clone_args, read at entry; its length is argument 1. */
static void clone_args_plan(const struct sr_sysent *ent, int argi, const struct sr_opts *o,
			    struct sr_plan_arg *pa)
{
	(void)ent;
	(void)argi;
	(void)o;
	/* as the table's own entry copies; a tail on an unmapped page is "???" */
	pa->when = SR_CAP_ENTER | SR_CAP_RETRY | SR_CAP_PAGE_CUT;
	pa->how = SR_HOW_BUF;
	pa->len_src = SR_LEN_ARG;
	pa->len_arg = 1;
	pa->elem = 1;
	pa->cap = SR_BLOB_MAX; /* the bytes past what strace knows, too */
}

/* The flags and the pointers they make the kernel use. */
static void clone3_flags(struct sr_fmt *f, const struct clone_args *a)
{
	pr_field(f, "flags");
	fmt_flags(f, &xlat_clone_flags, a->flags);
	if (a->flags & CLONE_PIDFD)
		pr_field_addr(f, "pidfd", a->pidfd);
	if (a->flags & (CLONE_CHILD_SETTID | CLONE_CHILD_CLEARTID))
		pr_field_addr(f, "child_tid", a->child_tid);
	if (a->flags & CLONE_PARENT_SETTID)
		pr_field_addr(f, "parent_tid", a->parent_tid);
}

/*
 * set_tid: the pids copied by the capture's slot @b (as far as they could be
 * read), or the address of an array strace does not read.
 */
static void clone3_set_tid(struct sr_fmt *f, const struct clone_args *a, const struct sr_blob *b)
{
	size_t have = blob_ok(b) ? b->len / sizeof(int32_t) : 0, i;
	const uint8_t *p = blob_ok(b) ? blob_data(b) : NULL;
	uint64_t n = a->set_tid_size;

	pr_field(f, "set_tid");
	if (!a->set_tid || !n || n > SR_CLONE_SET_TID_MAX || !p) {
		fmt_ptr(f, a->set_tid);
		return;
	}
	if (fmt_array_unread(f, b, a->set_tid, have))
		return;
	pr_array_begin(f);
	for (i = 0; i < n && i < have && pr_array_elem(f, i); i++)
		pr_d(f, (int32_t)get32(p, i * sizeof(int32_t)));
	if (i < n && i == have)
		fmt_more_unread(f, a->set_tid + i * sizeof(int32_t));
	pr_array_end(f);
}

static void clone3_tail(struct sr_fmt *f, const struct sr_call *c, const struct clone_args *a,
			size_t len)
{
	if (a->flags & CLONE_SETTLS)
		pr_field_addr(f, "tls", a->tls);
	if (a->set_tid || a->set_tid_size) {
		clone3_set_tid(f, a, c->in[SR_CLONE_SET_TID_SLOT]);
		pr_field_u(f, "set_tid_size", a->set_tid_size);
	}
	if (len > offsetof(struct clone_args, cgroup) &&
	    (a->cgroup || (a->flags & CLONE_INTO_CGROUP)))
		pr_field_u(f, "cgroup", a->cgroup);
}

/* The first @len bytes of @a were the caller's; the rest of the struct follows in c->in[0]. */
static void fmt_clone_args(struct sr_fmt *f, const struct sr_call *c, const struct clone_args *a,
			   size_t len)
{
	const struct sr_blob *b = c->in[0];

	pr_struct_begin(f);
	clone3_flags(f, a);
	pr_field(f, "exit_signal");
	if (a->exit_signal < SR_CLONE_SIG_MAX)
		fmt_signame(f, (int)a->exit_signal);
	else
		pr_u(f, a->exit_signal);
	pr_field_addr(f, "stack", a->stack);
	pr_field_x(f, "stack_size", a->stack_size);
	clone3_tail(f, c, a, len);
	fmt_struct_tail(f, blob_data(b), b->len, SR_CLONE_ARGS_SIZE, c->args[1]);
	pr_struct_end(f);
}

/* The captured clone_args (zero-filled past what was read), or false. */
static bool clone_args_get(const struct sr_call *c, struct clone_args *a, size_t *len)
{
	const struct sr_blob *b = c->in[0];
	size_t n = c->args[1] < SR_CLONE_ARGS_SIZE ? c->args[1] : SR_CLONE_ARGS_SIZE;

	memset(a, 0, sizeof(*a));
	*len = n;
	/* strace needs the fields up to tls: the first version of the struct */
	if (n < CLONE_ARGS_SIZE_VER0 || !blob_ok(b) || b->len < n)
		return false;
	memcpy(a, blob_data(b), n);
	return true;
}

static void clone_args_print(struct sr_fmt *f, const struct sr_call *c, int argi)
{
	struct clone_args a;
	size_t len;

	if (!clone_args_get(c, &a, &len)) {
		fmt_ptr(f, c->args[argi]);
		return;
	}
	fmt_clone_args(f, c, &a, len);
}

const struct sr_decoder sr_dec_clone_args = {
	.name = "clone_args",
	.at_exit = false,
	.plan = clone_args_plan,
	.print = clone_args_print,
};

/*
 * clone(flags, stack, parent_tid, child_tid, tls) on x86_64. strace prints
 * the tid and address arguments at exit, once the kernel has stored the new
 * tid: "<... clone resumed>, child_tidptr=0x7f...) = 42".
 */
static void clone_enter(struct sr_fmt *f, const struct sr_call *c)
{
	uint64_t flags = c->args[0] & ~SR_CLONE_SIGNAL, rest;
	int sig = c->args[0] & SR_CLONE_SIGNAL;
	char buf[24];

	pr_field_addr(f, "child_stack", c->args[1]);
	pr_field(f, "flags");
	if (!flags) {
		fmt_signame(f, sig);
		return;
	}
	/* the flags as fmt_flags() prints them, then "|SIGCHLD" */
	pr_bits_begin(f, c->args[0]);
	rest = pr_bits_walk(f, &xlat_clone_flags, flags, -1);
	if (rest)
		pr_bits_rest(f, SR_NUM_X, rest);
	if (rest == flags)
		pr_comment(f, xlat_clone_flags.unknown);
	if (sig)
		pr_bit(f, NULL, sig_text(sig, buf, sizeof(buf)));
	pr_bits_end(f);
}

/*
 * "[N]" read from user memory at exit, or the return value it equals; with
 * CLONE_PIDFD the pidfd the call created (-y: "[3<anon_inode:[pidfd]>]").
 */
static void fmt_stored_int(struct sr_fmt *f, const struct sr_call *c, int argi)
{
	const void *p = blob_get(exit_blob(c, argi), sizeof(int32_t));

	if (!c->args[argi] || call_failed(c)) {
		fmt_ptr(f, c->args[argi]);
		return;
	}
	pr_array_begin(f);
	if (p && (c->args[0] & CLONE_PIDFD))
		fmt_fd_new(f, c, (int32_t)get32(p, 0));
	else
		pr_d(f, p ? (int32_t)get32(p, 0) : c->ret);
	pr_array_end(f);
}

static void clone_exit(struct sr_fmt *f, const struct sr_call *c)
{
	uint64_t flags = c->args[0];

	if (flags & (CLONE_PARENT_SETTID | CLONE_PIDFD)) {
		pr_field(f, "parent_tid");
		fmt_stored_int(f, c, 2);
	}
	if (flags & CLONE_SETTLS)
		pr_field_addr(f, "tls", c->args[4]);
	if (flags & (CLONE_CHILD_SETTID | CLONE_CHILD_CLEARTID))
		pr_field_addr(f, "child_tidptr", c->args[3]);
}

static void clone_plan(const struct sr_sysent *ent, const struct sr_opts *o, struct sr_plan *p)
{
	(void)ent;
	(void)o;
	plan_exit_word(&p->a[2], sizeof(int32_t));
}

const struct sr_scdec sr_scdec_clone = {
	.name = "clone",
	.enter = clone_enter,
	.exit = clone_exit,
	.sep_at_exit = true,
	.plan = clone_plan,
};

/* Does clone3 print more at exit (the tid or pidfd the kernel stored, a larger struct)? */
static bool clone3_has_exit(const struct sr_call *c, const struct clone_args *a, bool ok)
{
	return ok && ((a->flags & (CLONE_PIDFD | CLONE_PARENT_SETTID)) ||
		      c->args[1] > SR_CLONE_ARGS_SIZE);
}

static void clone3_enter(struct sr_fmt *f, const struct sr_call *c)
{
	struct clone_args a;
	size_t len;
	bool ok = clone_args_get(c, &a, &len);

	fmt_arg(f, c, 0);
	if (ok)
		fmt_clone_args(f, c, &a, len);
	else
		fmt_ptr(f, c->args[0]);
	/* the size follows what the kernel stored, when exit prints that */
	if (clone3_has_exit(c, &a, ok))
		return;
	fmt_arg(f, c, 1);
	pr_u(f, c->args[1]);
}

/*
 * " => {parent_tid=[N]}, 88": the kernel stored the new tid, which is also
 * the return value. The pidfd lives in memory the capture does not follow.
 */
static void clone3_exit(struct sr_fmt *f, const struct sr_call *c)
{
	struct clone_args a;
	size_t len;
	bool ok = clone_args_get(c, &a, &len);

	if (!clone3_has_exit(c, &a, ok))
		return;
	if (!call_failed(c) && (a.flags & (CLONE_PIDFD | CLONE_PARENT_SETTID))) {
		pr_changed(f);
		pr_struct_begin(f);
		if (a.flags & CLONE_PIDFD)
			pr_field_addr(f, "pidfd", a.pidfd);
		if (a.flags & CLONE_PARENT_SETTID && !a.parent_tid) {
			pr_field_addr(f, "parent_tid", a.parent_tid);
		} else if (a.flags & CLONE_PARENT_SETTID) {
			pr_field(f, "parent_tid");
			pr_array_begin(f);
			fmt_pid_as(f, (int32_t)c->ret, SR_PK_TID);
			pr_array_end(f);
		}
		pr_struct_end(f);
	}
	fmt_arg(f, c, 1);
	pr_u(f, c->args[1]);
}

/* set_tid, the array clone_args points to: MAX_PID_NS_LEVEL pids at most. */
static void clone3_plan(const struct sr_sysent *ent, const struct sr_opts *o, struct sr_plan *p)
{
	(void)ent;
	(void)o;
	p->a[SR_CLONE_SET_TID_SLOT] = (struct sr_plan_arg){
		.when = SR_CAP_ENTER,
		.how = SR_HOW_DEREF,
		.len_arg = 0,
		.elem = offsetof(struct clone_args, set_tid),
		.cap = SR_CLONE_SET_TID_MAX * sizeof(int32_t),
	};
}

const struct sr_scdec sr_scdec_clone3 = {
	.name = "clone3",
	.plan = clone3_plan,
	.enter = clone3_enter,
	.exit = clone3_exit,
	.sep_at_exit = true,
};
