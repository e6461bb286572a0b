// SPDX-License-Identifier: GPL-2.0
/*
 * Decoders: futex (whose arguments depend on the command), futex_waitv's
 * waiters and the robust list's get_robust_list, as strace 6.1 prints them.
 */
#include <stdio.h>
#include <string.h>
#include <linux/futex.h>
#include <linux/time_types.h>

#include "decode/decode.h"
#include "decode/timefmt.h"

/* The command: the bits below FUTEX_PRIVATE_FLAG, as strace reads it. */
#define SR_FUTEX_CMD(op) ((op) & (FUTEX_PRIVATE_FLAG - 1))

/*
 * FUTEX_WAKE_OP's encoded operation, as FUTEX_OP() of <linux/futex.h> packs
 * it: op<<28|cmp<<24|oparg<<12|cmparg, FUTEX_OP_OPARG_SHIFT the top bit of op.
 */
#define SR_FUTEX_OP_SHIFT    28
#define SR_FUTEX_CMP_SHIFT   24
#define SR_FUTEX_OPARG_SHIFT 12
#define SR_FUTEX_OP_MASK     0x7u
#define SR_FUTEX_CMP_MASK    0xfu
#define SR_FUTEX_ARG_MASK    0xfffu

/* futex's timeout: NULL, {tv_sec=S, tv_nsec=N}, or its address. */
static void futex_timeout(struct sr_fmt *f, const struct sr_call *c)
{
	const void *p = blob_get(c->in[3], sizeof(struct __kernel_timespec));
	struct __kernel_timespec ts;

	if (!c->args[3]) {
		pr_addr(f, 0);
		return;
	}
	if (!p || !fmt_decodes_structs(f)) {
		pr_x(f, c->args[3]);
		return;
	}
	memcpy(&ts, p, sizeof(ts));
	fmt_sec_nsec(f, ts.tv_sec, (uint64_t)ts.tv_nsec);
}

static void futex_bitset(struct sr_fmt *f, uint32_t v)
{
	if (v == FUTEX_BITSET_MATCH_ANY)
		pr_sym(f, "FUTEX_BITSET_MATCH_ANY", v);
	else
		pr_x(f, v);
}

/* Inside a bit set: one field of the operation, "FUTEX_OP_ADD<<28" or "0x6<<28 /\* ... *\/". */
static void wake_op_field(struct sr_fmt *f, const struct sr_xlat *x, uint32_t v, int shift)
{
	const char *n = xlat__name(x, v);
	char buf[64];

	if (n)
		snprintf(buf, sizeof(buf), "%s<<%d", n, shift);
	else
		snprintf(buf, sizeof(buf), "%#x<<%d", v, shift);
	pr_bit(f, NULL, buf);
	if (!n)
		pr_comment(f, x->unknown);
}

/* "FUTEX_OP_ADD<<28|0x1<<12|FUTEX_OP_CMP_GT<<24|0", in strace's order. */
static void futex_wake_op(struct sr_fmt *f, uint32_t v)
{
	uint32_t op = v >> SR_FUTEX_OP_SHIFT;
	char buf[32];

	pr_bits_begin(f, v);
	if (op & FUTEX_OP_OPARG_SHIFT) {
		snprintf(buf, sizeof(buf), "FUTEX_OP_OPARG_SHIFT<<%d", SR_FUTEX_OP_SHIFT);
		pr_bit(f, NULL, buf);
	}
	wake_op_field(f, &xlat_futex_wake_ops, op & SR_FUTEX_OP_MASK, SR_FUTEX_OP_SHIFT);
	snprintf(buf, sizeof(buf), "%#x<<%d", (v >> SR_FUTEX_OPARG_SHIFT) & SR_FUTEX_ARG_MASK,
		 SR_FUTEX_OPARG_SHIFT);
	pr_bit(f, NULL, buf);
	wake_op_field(f, &xlat_futex_wake_cmps, (v >> SR_FUTEX_CMP_SHIFT) & SR_FUTEX_CMP_MASK,
		      SR_FUTEX_CMP_SHIFT);
	pr_bits_rest(f, SR_NUM_X, v & SR_FUTEX_ARG_MASK);
	pr_bits_end(f);
}

/* val, val2 (a count here), uaddr2, then val3 where the command reads it. */
static void futex_requeue(struct sr_fmt *f, const struct sr_call *c, int cmd)
{
	fmt_arg(f, c, 2);
	pr_u(f, (uint32_t)c->args[2]);
	pr_arg(f, "val2"); /* the timeout's register, holding a count */
	pr_u(f, (uint32_t)c->args[3]);
	fmt_arg(f, c, 4);
	fmt_ptr(f, c->args[4]);
	if (cmd == FUTEX_REQUEUE)
		return;
	fmt_arg(f, c, 5);
	if (cmd == FUTEX_WAKE_OP)
		futex_wake_op(f, (uint32_t)c->args[5]);
	else
		pr_u(f, (uint32_t)c->args[5]);
}

/* The arguments after uaddr and op depend on the command. */
static void futex_rest(struct sr_fmt *f, const struct sr_call *c, int cmd)
{
	uint32_t val = (uint32_t)c->args[2];

	switch (cmd) {
	case FUTEX_WAIT:
	case FUTEX_WAIT_BITSET:
	case FUTEX_WAIT_REQUEUE_PI:
		fmt_arg(f, c, 2);
		pr_u(f, val);
		fmt_arg(f, c, 3);
		futex_timeout(f, c);
		if (cmd == FUTEX_WAIT_BITSET) {
			fmt_arg(f, c, 5);
			futex_bitset(f, (uint32_t)c->args[5]);
		} else if (cmd == FUTEX_WAIT_REQUEUE_PI) {
			fmt_arg(f, c, 4);
			fmt_ptr(f, c->args[4]);
		}
		return;
	case FUTEX_LOCK_PI:
	case FUTEX_LOCK_PI2:
		fmt_arg(f, c, 3);
		futex_timeout(f, c);
		return;
	case FUTEX_WAKE_BITSET:
		fmt_arg(f, c, 2);
		pr_u(f, val);
		fmt_arg(f, c, 5);
		futex_bitset(f, (uint32_t)c->args[5]);
		return;
	case FUTEX_REQUEUE:
	case FUTEX_CMP_REQUEUE:
	case FUTEX_CMP_REQUEUE_PI:
	case FUTEX_WAKE_OP:
		futex_requeue(f, c, cmd);
		return;
	case FUTEX_FD:
	case FUTEX_WAKE:
		fmt_arg(f, c, 2);
		pr_u(f, val);
		return;
	case FUTEX_UNLOCK_PI:
	case FUTEX_TRYLOCK_PI:
		return;
	}
	/* a command strace does not know: every argument */
	fmt_arg(f, c, 2);
	pr_u(f, val);
	fmt_arg(f, c, 3);
	fmt_ptr(f, c->args[3]);
	fmt_arg(f, c, 4);
	fmt_ptr(f, c->args[4]);
	fmt_arg(f, c, 5);
	pr_x(f, (uint32_t)c->args[5]);
}

static void futex_enter(struct sr_fmt *f, const struct sr_call *c)
{
	uint32_t op = (uint32_t)c->args[1];

	fmt_arg(f, c, 0);
	fmt_ptr(f, c->args[0]);
	fmt_arg(f, c, 1);
	fmt_enum(f, &xlat_futex_ops, op);
	futex_rest(f, c, SR_FUTEX_CMD(op));
}

const struct sr_scdec sr_scdec_futex = {
	.name = "futex",
	.enter = futex_enter,
};

/* get_robust_list's head_ptr: A(STRUCT_OUT, kptr) prints "[0x7f...]". */
static void kptr_print(struct sr_fmt *f, const struct sr_call *c, int argi, const void *data,
		       size_t len)
{
	(void)c;
	(void)argi;
	(void)len;
	pr_array_begin(f);
	fmt_ptr(f, get64(data, 0));
	pr_array_end(f);
}

const struct sr_kind sr_kind_kptr = {
	.name = "kptr",
	.size = sizeof(uint64_t),
	.max = 0,
	.print = kptr_print,
};

/* get_robust_list's len_ptr: A(STRUCT_OUT, ulong) prints "[24]". */
static void ulong_print(struct sr_fmt *f, const struct sr_call *c, int argi, const void *data,
			size_t len)
{
	(void)c;
	(void)argi;
	(void)len;
	pr_array_begin(f);
	pr_u(f, get64(data, 0));
	pr_array_end(f);
}

const struct sr_kind sr_kind_ulong = {
	.name = "ulong",
	.size = sizeof(uint64_t),
	.max = 0,
	.print = ulong_print,
};

/* futex_waitv's waiters: at most FUTEX_WAITV_MAX shown, as the kernel reads at most so many. */
static void futex_waitv_print(struct sr_fmt *f, const struct sr_call *c, int argi, const void *data,
			      size_t len)
{
	struct futex_waitv w;

	(void)c;
	(void)argi;
	(void)len;
	memcpy(&w, data, sizeof(w));
	pr_struct_begin(f);
	pr_field_x(f, "val", w.val);
	pr_field_addr(f, "uaddr", w.uaddr);
	pr_field(f, "flags");
	fmt_flags(f, &xlat_futex_waiter_flags, w.flags);
	if (w.__reserved)
		pr_field_x(f, "__reserved", w.__reserved);
	pr_struct_end(f);
}

const struct sr_kind sr_kind_futex_waitv = {
	.name = "futex_waitv",
	.size = sizeof(struct futex_waitv),
	.shown_max = FUTEX_WAITV_MAX,
	.print = futex_waitv_print,
	.same32 = true, /* fixed-width fields */
};
