// SPDX-License-Identifier: GPL-2.0
/*
 * Decoders: scheduling (sched_setparam, sched_getscheduler, sched_setattr,
 * sched_getattr) and CPU affinity sets, as strace 6.1 prints them.
 */
#include <errno.h>
#include <string.h>
#include <linux/sched.h>
#include <linux/sched/types.h>

#include "decode/decode.h"

/*
 * The most of a CPU set worth reading, in bytes (1024 CPUs): strace reads
 * no more than the kernel's own cpumask, and shows "..." for the rest.
 */
#define SR_CPUSET_MAX 128

/* strace reads CPU sets a whole unsigned long at a time. */
#define SR_CPUSET_WORD sizeof(uint64_t)

static void sched_param_print(struct sr_fmt *f, const struct sr_call *c, int argi, const void *data,
			      size_t len)
{
	(void)c;
	(void)argi;
	fmt_int_array(f, data, len, 1);
}

const struct sr_kind sr_kind_sched_param = {
	.name = "sched_param",
	.same32 = true, /* fixed-width fields */
	.size = sizeof(struct sched_param),
	.max = 0,
	.print = sched_param_print,
};

/* The CPU set's size in bytes: the length argument, or the return value. */
static uint64_t cpuset_len(const struct sr_call *c, int argi)
{
	uint8_t l = c->ent->args[argi].len;

	if (SR_L_KIND(l) == SR_L_RET)
		return c->ret > 0 ? (uint64_t)c->ret : 0;
	if (SR_L_KIND(l) == SR_L_ARG(0))
		return (uint32_t)c->args[SR_L_IDX(l) % SR_NARGS];
	return 0;
}

/* "[0 1 5]": the CPUs set in what was read, then "..." if the set was longer. */
static void cpuset_print(struct sr_fmt *f, const struct sr_call *c, int argi, const void *data,
			 size_t len)
{
	const uint8_t *p = data;
	uint64_t want = cpuset_len(c, argi);
	size_t i;

	if (want < len)
		len = want;
	pr_set_begin(f, false);
	for (i = 0; i < len * 8; i++)
		if (p[i / 8] & (1u << (i % 8)))
			pr_u(f, i);
	/* strace rounds what it read up to a whole word */
	if (want > ((len + SR_CPUSET_WORD - 1) & ~(SR_CPUSET_WORD - 1)))
		pr_more(f);
	pr_set_end(f);
}

const struct sr_kind sr_kind_cpuset = {
	.name = "cpuset",
	.size = 0,
	.max = SR_CPUSET_MAX,
	.print = cpuset_print,
};

/* sched_getscheduler(pid) = 0 (SCHED_OTHER): the policy by name after the result. */
static void sched_getscheduler_enter(struct sr_fmt *f, const struct sr_call *c)
{
	fmt_arg(f, c, 0);
	fmt_pid(f, (int32_t)c->args[0]);
}

static void sched_getscheduler_ret(struct sr_fmt *f, const struct sr_call *c)
{
	const char *n = xlat__name(&xlat_sched_policy, (uint64_t)c->ret);

	if (!n)
		return;
	pr_note_begin(f);
	pr_sym(f, n, (uint64_t)c->ret);
	pr_note_end(f);
}

const struct sr_scdec sr_scdec_sched_getscheduler = {
	.name = "sched_getscheduler",
	.enter = sched_getscheduler_enter,
	.ret_suffix = sched_getscheduler_ret,
};

/* strace 6.1 knows struct sched_attr as far as util_min/util_max. */
_Static_assert(sizeof(struct sched_attr) == SCHED_ATTR_SIZE_VER1, "sched_attr layout");
_Static_assert(offsetof(struct sched_attr, sched_util_min) == SCHED_ATTR_SIZE_VER0,
	       "sched_attr layout");

static void sched_attr_params(struct sr_fmt *f, const struct sched_attr *a)
{
	pr_field_d(f, "sched_nice", a->sched_nice);
	pr_field_u(f, "sched_priority", a->sched_priority);
	pr_field_u(f, "sched_runtime", a->sched_runtime);
	pr_field_u(f, "sched_deadline", a->sched_deadline);
	pr_field_u(f, "sched_period", a->sched_period);
}

/*
 * The fields as far as @size; sched_setattr's (@set) without those
 * SCHED_FLAG_KEEP_* leave alone.
 */
static void sched_attr_fields(struct sr_fmt *f, const struct sched_attr *a, size_t size, bool set)
{
	if (!set || (int32_t)a->sched_policy < 0 || !(a->sched_flags & SCHED_FLAG_KEEP_ALL)) {
		pr_field(f, "sched_policy");
		fmt_enum(f, &xlat_sched_policy, a->sched_policy);
	}
	pr_field(f, "sched_flags");
	fmt_flags(f, &xlat_sched_flags, a->sched_flags);
	if (!set || !(a->sched_flags & SCHED_FLAG_KEEP_PARAMS))
		sched_attr_params(f, a);
	if (size >= SCHED_ATTR_SIZE_VER1) {
		pr_field_u(f, "sched_util_min", a->sched_util_min);
		pr_field_u(f, "sched_util_max", a->sched_util_max);
	}
}

/*
 * sched_getattr: A(STRUCT_OUT, sched_attr), fields as far as the kernel
 * wrote (attr.size). sched_setattr: A(STRUCT_IN, sched_attr), fields as far
 * as the caller's attr.size, then "..." for a larger struct than strace knows.
 */
static void sched_attr_print(struct sr_fmt *f, const struct sr_call *c, int argi, const void *data,
			     size_t len)
{
	bool set = c->ent->args[argi].type == SR_T_STRUCT_IN;
	struct sched_attr a = { 0 };
	size_t usize, size;

	memcpy(&a, data, len < sizeof(a) ? len : sizeof(a));
	usize = set ? (a.size ? a.size : SCHED_ATTR_SIZE_VER0) : (uint32_t)c->args[argi + 1];
	size = usize < sizeof(a) ? usize : sizeof(a);
	if (!set)
		size = a.size;
	pr_struct_begin(f);
	pr_field_u(f, "size", a.size);
	if (size >= SCHED_ATTR_SIZE_VER0)
		sched_attr_fields(f, &a, size, set);
	if (set && usize > size)
		pr_more(f);
	pr_struct_end(f);
}

const struct sr_kind sr_kind_sched_attr = {
	.name = "sched_attr",
	.same32 = true, /* fixed-width fields */
	.size = sizeof(struct sched_attr),
	.max = 0,
	.print = sched_attr_print,
};

/*
 * sched_setattr(pid, attr, flags): after E2BIG the kernel stored the size
 * of the struct it knows in attr->size, which strace shows at exit
 * ("{size=1} => {size=56}").
 */
static void sched_setattr_enter(struct sr_fmt *f, const struct sr_call *c)
{
	fmt_arg(f, c, 0);
	fmt_pid(f, (int32_t)c->args[0]);
	fmt_arg(f, c, 1);
	fmt_struct(f, c, 1, false);
}

static void sched_setattr_exit(struct sr_fmt *f, const struct sr_call *c)
{
	const void *p = blob_get(c->out[1], sizeof(uint32_t));

	if (c->has_exit && c->ret == -E2BIG && p && fmt_decodes_structs(f)) {
		pr_changed(f);
		pr_struct_begin(f);
		pr_field_u(f, "size", get32(p, offsetof(struct sched_attr, size)));
		pr_struct_end(f);
	}
	fmt_arg(f, c, 2);
	pr_u(f, (uint32_t)c->args[2]);
}

/* attr read again at exit, whatever the outcome: the size E2BIG leaves. */
static void sched_setattr_plan(const struct sr_sysent *ent, const struct sr_opts *o,
			       struct sr_plan *p)
{
	(void)ent;
	(void)o;
	if (p->a[1].how == SR_HOW_BUF)
		p->a[1].when |= SR_CAP_EXIT | SR_CAP_ANYRET;
}

const struct sr_scdec sr_scdec_sched_setattr = {
	.name = "sched_setattr",
	.enter = sched_setattr_enter,
	.exit = sched_setattr_exit,
	.sep_at_exit = true,
	.plan = sched_setattr_plan,
};
