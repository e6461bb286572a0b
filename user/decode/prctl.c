// SPDX-License-Identifier: GPL-2.0
/*
 * Decoders: prctl (which arguments an option takes, and how each prints)
 * and arch_prctl, as strace 6.1 prints them.
 */
#include <stdio.h>
#include <string.h>
#include <linux/filter.h>
#include <linux/prctl.h>
#include <linux/seccomp.h>
#if defined(__x86_64__)
#include <asm/prctl.h> /* arch_prctl's codes: x86 only */
#endif

#include "decode/process.h"
#include "cli/opts.h"

/* A task's name: TASK_COMM_LEN of <linux/sched.h>, which UAPI lacks. */
#define SR_TASK_COMM_LEN 16

/* Arguments a prctl option may take: prctl(option, arg2, arg3, arg4, arg5). */
#define SR_PRCTL_NARGS 5

/* The most signals of any architecture (MIPS's _NSIG): strace names none above. */
#define SR_NSIG_ANY_ARCH 128

/* "[0x7f...]" or "[NULL]": a pointer the kernel stored at argument @argi. */
static void fmt_kptr_at(struct sr_fmt *f, const struct sr_call *c, int argi)
{
	const void *p = call_failed(c) || !fmt_decodes_structs(f) ?
				NULL :
				blob_get(exit_blob(c, argi), sizeof(uint64_t));

	if (!p) {
		fmt_ptr(f, c->args[argi]);
		return;
	}
	pr_array_begin(f);
	fmt_ptr(f, get64(p, 0));
	pr_array_end(f);
}

/*
 * -N: strace 6.16's names of the arguments an option decodes (arg2..arg5);
 * NULL, and the arguments printed in hex, are its generic "argN".
 */
struct prctl_names {
	uint32_t op;
	const char *name[SR_PRCTL_NARGS - 1];
};

static const struct prctl_names prctl_names[] = {
	{ PR_GET_PDEATHSIG, { "sig" } },
	{ PR_SET_PDEATHSIG, { "sig" } },
	{ PR_SET_DUMPABLE, { "dumpable" } },
	{ PR_GET_UNALIGN, { "flags" } },
	{ PR_SET_UNALIGN, { "flags" } },
	{ PR_SET_KEEPCAPS, { "state" } },
	{ PR_GET_FPEMU, { "fpemu" } },
	{ PR_SET_FPEMU, { "fpemu" } },
	{ PR_GET_FPEXC, { "mode" } },
	{ PR_SET_FPEXC, { "mode" } },
	{ PR_SET_TIMING, { "mode" } },
	{ PR_GET_NAME, { "name" } },
	{ PR_SET_NAME, { "name" } },
	{ PR_GET_ENDIAN, { "endianness" } },
	{ PR_SET_ENDIAN, { "endianness" } },
	{ PR_SET_SECCOMP, { "mode", "filter" } },
	{ PR_CAPBSET_READ, { "cap" } },
	{ PR_CAPBSET_DROP, { "cap" } },
	{ PR_GET_TSC, { "flag" } },
	{ PR_SET_TSC, { "flag" } },
	{ PR_SET_SECUREBITS, { "flags" } },
	{ PR_SET_TIMERSLACK, { "slack" } },
	{ PR_MCE_KILL, { "operation", "policy" } },
	{ PR_SET_MM, { "operation" } },
	{ PR_SET_CHILD_SUBREAPER, { "set" } },
	{ PR_GET_CHILD_SUBREAPER, { "isset" } },
	{ PR_SET_NO_NEW_PRIVS, { "set" } },
	{ PR_GET_TID_ADDRESS, { "addr" } },
	{ PR_SET_THP_DISABLE, { "flag" } },
	{ PR_SET_FP_MODE, { "mode" } },
	{ PR_CAP_AMBIENT, { "operation", "caps" } },
	{ PR_GET_SPECULATION_CTRL, { "misfeature" } },
	{ PR_SET_SPECULATION_CTRL, { "misfeature", "value" } },
	{ PR_SET_IO_FLUSHER, { "state" } },
	{ PR_SET_VMA, { "attr", "addr", "size", "name" } },
	{ PR_SET_PTRACER, { "pid" } },
};

/* strace's name of argument @i (1..4) of @c's option, or NULL. */
static const char *prctl_name(const struct sr_call *c, int i)
{
	size_t k;

	for (k = 0; k < sizeof(prctl_names) / sizeof(prctl_names[0]); k++)
		if (prctl_names[k].op == (uint32_t)c->args[0])
			return i >= 1 && i < SR_PRCTL_NARGS ? prctl_names[k].name[i - 1] : NULL;
	return NULL;
}

/* Before argument @i (1..4) of the option: its name. */
static void prctl_arg(struct sr_fmt *f, const struct sr_call *c, int i)
{
	const char *name = prctl_name(c, i);

	if (name)
		pr_arg(f, name);
	else
		fmt_arg(f, c, i);
}

/* Arguments @from to the last, in hex: what strace shows for an option it does not decode. */
static void hex_args(struct sr_fmt *f, const struct sr_call *c, int from)
{
	int i;

	for (i = from; i < SR_PRCTL_NARGS; i++) {
		fmt_arg(f, c, i);
		pr_x(f, c->args[i]);
	}
}

/* A string of at most @size bytes (PR_SET_NAME, PR_GET_NAME), cut at -s. */
static void fmt_name_buf(struct sr_fmt *f, const struct sr_blob *b, uint64_t addr, size_t size)
{
	size_t n = size < fmt_strsize(f) ? size : fmt_strsize(f);
	const char *s;

	if (!addr) {
		pr_addr(f, 0);
		return;
	}
	/* a name cut at an unreadable page is whole if its NUL came before */
	if (!blob_ok(b) ||
	    (b->len < n && !((b->flags & SR_BF_PART) && memchr(blob_data(b), 0, b->len)))) {
		pr_x(f, addr);
		return;
	}
	s = blob_data(b);
	n = b->len < n ? b->len : n;
	pr_str(f, s, strnlen(s, n), n, memchr(s, 0, n) ? 0 : SR_Q_ELLIPSIS);
}

/* "[SIGTERM]", "[PR_TSC_ENABLE]", "[0]": an int the kernel stored at argument 1. */
static void prctl_stored(struct sr_fmt *f, const struct sr_call *c, const struct sr_xlat *x)
{
	const void *p = call_failed(c) || !fmt_decodes_structs(f) ?
				NULL :
				blob_get(exit_blob(c, 1), sizeof(uint32_t));
	uint32_t v;

	if (!p) {
		fmt_ptr(f, c->args[1]);
		return;
	}
	v = get32(p, 0);
	pr_array_begin(f);
	if (!x)
		pr_u(f, v);
	else if (x->kind == SR_XLAT_FLAGS)
		fmt_flags(f, x, v);
	else
		fmt_enum(f, x, v);
	pr_array_end(f);
}

static void prctl_pdeathsig_get(struct sr_fmt *f, const struct sr_call *c)
{
	const void *p = call_failed(c) || !fmt_decodes_structs(f) ?
				NULL :
				blob_get(exit_blob(c, 1), sizeof(uint32_t));

	if (!p) {
		fmt_ptr(f, c->args[1]);
		return;
	}
	pr_array_begin(f);
	fmt_signame(f, (int)get32(p, 0));
	pr_array_end(f);
}

/* Options whose argument the kernel writes: printed at exit. */
static bool prctl_exit_option(uint32_t op)
{
	switch (op) {
	case PR_GET_CHILD_SUBREAPER:
	case PR_GET_ENDIAN:
	case PR_GET_FPEMU:
	case PR_GET_FPEXC:
	case PR_GET_NAME:
	case PR_GET_PDEATHSIG:
	case PR_GET_TID_ADDRESS:
	case PR_GET_TSC:
	case PR_GET_UNALIGN:
		return true;
	}
	return false;
}

/* PR_SCHED_CORE_GET: the cookie's address is printed at exit. */
static bool prctl_sched_core_get(const struct sr_call *c)
{
	return (uint32_t)c->args[0] == PR_SCHED_CORE && (uint32_t)c->args[1] == PR_SCHED_CORE_GET;
}

static bool prctl_exit_shown(const struct sr_call *c)
{
	return prctl_exit_option((uint32_t)c->args[0]) || prctl_sched_core_get(c);
}

static void prctl_exit(struct sr_fmt *f, const struct sr_call *c)
{
	if (!prctl_exit_shown(c))
		return;
	if (prctl_sched_core_get(c)) {
		/* the cookie itself is not captured: its address, as for a failed call */
		prctl_arg(f, c, 4);
		pr_addr(f, c->args[4]);
		return;
	}
	prctl_arg(f, c, 1);
	switch ((uint32_t)c->args[0]) {
	case PR_GET_CHILD_SUBREAPER:
	case PR_GET_ENDIAN:
	case PR_GET_FPEMU:
	case PR_GET_FPEXC:
		prctl_stored(f, c, NULL);
		break;
	case PR_GET_NAME:
		if (call_failed(c))
			fmt_ptr(f, c->args[1]);
		else
			fmt_name_buf(f, exit_blob(c, 1), c->args[1], SR_TASK_COMM_LEN);
		break;
	case PR_GET_PDEATHSIG:
		prctl_pdeathsig_get(f, c);
		break;
	case PR_GET_TID_ADDRESS:
		fmt_kptr_at(f, c, 1);
		break;
	case PR_GET_TSC:
		prctl_stored(f, c, &xlat_pr_tsc);
		break;
	case PR_GET_UNALIGN:
		prctl_stored(f, c, &xlat_pr_unalign_flags);
		break;
	}
}

static void prctl_cap_ambient(struct sr_fmt *f, const struct sr_call *c)
{
	uint64_t sub = c->args[1];

	fmt_enum(f, &xlat_pr_cap_ambient, sub);
	if (sub == PR_CAP_AMBIENT_RAISE || sub == PR_CAP_AMBIENT_LOWER ||
	    sub == PR_CAP_AMBIENT_IS_SET) {
		prctl_arg(f, c, 2);
		fmt_enum(f, &xlat_capabilities, c->args[2]);
		hex_args(f, c, 3);
	} else {
		hex_args(f, c, 2);
	}
}

static void prctl_mce_kill(struct sr_fmt *f, const struct sr_call *c)
{
	fmt_enum(f, &xlat_pr_mce_kill, c->args[1]);
	if (c->args[1] != PR_MCE_KILL_SET) {
		hex_args(f, c, 2);
		return;
	}
	prctl_arg(f, c, 2);
	fmt_enum(f, &xlat_pr_mce_kill_policy, c->args[2]);
	hex_args(f, c, 3);
}

static void prctl_set_vma(struct sr_fmt *f, const struct sr_call *c)
{
	fmt_enum(f, &xlat_pr_set_vma, c->args[1]);
	if (c->args[1] != PR_SET_VMA_ANON_NAME) {
		hex_args(f, c, 2);
		return;
	}
	prctl_arg(f, c, 2);
	fmt_ptr(f, c->args[2]);
	prctl_arg(f, c, 3);
	pr_u(f, c->args[3]);
	prctl_arg(f, c, 4);
	fmt_blob_str(f, c->in[4], c->args[4], fmt_strsize(f), SR_Q_NUL_TERM);
}

static void prctl_seccomp(struct sr_fmt *f, const struct sr_call *c)
{
	fmt_enum(f, &xlat_seccomp_mode, c->args[1]);
	if (c->args[1] == SECCOMP_MODE_STRICT)
		return;
	if (c->args[1] == SECCOMP_MODE_FILTER) {
		prctl_arg(f, c, 2);
		fmt_fprog(f, c, 2);
		return;
	}
	hex_args(f, c, 2);
}

static void prctl_speculation(struct sr_fmt *f, const struct sr_call *c, bool set)
{
	fmt_enum(f, &xlat_pr_spec_cmds, c->args[1]);
	if (!set)
		return;
	prctl_arg(f, c, 2);
	if (c->args[1] <= PR_SPEC_L1D_FLUSH)
		fmt_enum(f, &xlat_pr_spec_set_store_bypass_flags, c->args[2]);
	else
		pr_x(f, c->args[2]);
}

static void prctl_ptracer(struct sr_fmt *f, const struct sr_call *c)
{
	if ((int32_t)c->args[1] == (int32_t)PR_SET_PTRACER_ANY)
		pr_sym(f, "PR_SET_PTRACER_ANY", c->args[1]);
	else
		pr_d(f, (int32_t)c->args[1]);
}

/* A number as one part of a composite set: the "0xea57" of "PR_SVE_VL_INHERIT|0xea57". */
static void bits_hex_part(struct sr_fmt *f, const char *suffix, uint64_t v)
{
	char buf[48];

	snprintf(buf, sizeof(buf), "%#llx%s", (unsigned long long)v, suffix);
	pr_bit(f, NULL, buf);
}

/*
 * PR_SVE_SET_VL's and PR_SME_SET_VL's argument: a vector length under
 * @len_mask, flags above it: "PR_SVE_VL_INHERIT|0xff", "0x10000|0"; the
 * number alone when no flag is set.
 */
static void prctl_vl(struct sr_fmt *f, const struct sr_xlat *x, uint64_t len_mask, uint64_t v)
{
	uint64_t flags = v & ~len_mask, rest;

	if (!flags) {
		pr_x(f, v);
		return;
	}
	pr_bits_begin(f, v);
	rest = pr_bits_walk(f, x, flags, -1);
	if (rest)
		bits_hex_part(f, "", rest);
	bits_hex_part(f, "", v & len_mask);
	pr_bits_end(f);
}

/* PR_SET_TAGGED_ADDR_CTRL: "!PR_TAGGED_ADDR_ENABLE|PR_MTE_TCF_SYNC|0x1<<PR_MTE_TAG_SHIFT|0x80000". */
static void prctl_tagged_addr(struct sr_fmt *f, uint64_t v)
{
	uint64_t tag = (v & PR_MTE_TAG_MASK) >> PR_MTE_TAG_SHIFT;
	uint64_t rest = v & ~(uint64_t)(PR_TAGGED_ADDR_ENABLE | PR_MTE_TCF_MASK | PR_MTE_TAG_MASK);
	char shift[24];

	pr_bits_begin(f, v);
	pr_bit(f, (v & PR_TAGGED_ADDR_ENABLE) ? NULL : "!", "PR_TAGGED_ADDR_ENABLE");
	pr_bits_enum(f, &xlat_pr_mte_tcf, v & PR_MTE_TCF_MASK);
	if (tag) {
		snprintf(shift, sizeof(shift), "%#llx<<", (unsigned long long)tag);
		pr_bit(f, shift, "PR_MTE_TAG_SHIFT");
	}
	if (rest)
		bits_hex_part(f, "", rest);
	pr_bits_end(f);
}

/*
 * PR_SCHED_CORE: the command, a pid, its type (always with its name in a
 * comment, as strace prints it), then the cookie's address; PR_SCHED_CORE_GET
 * prints that at exit.
 */
static void prctl_sched_core(struct sr_fmt *f, const struct sr_call *c)
{
	uint32_t type = (uint32_t)c->args[3];
	const char *n = xlat__name(&xlat_pidtype, type);

	fmt_enum(f, &xlat_pr_sched_core_cmds, (uint32_t)c->args[1]);
	fmt_pid(f, (int32_t)c->args[2]);
	pr_x(f, type);
	pr_xlat_default(f, n ? n : xlat_pidtype.unknown);
	if ((uint32_t)c->args[1] != PR_SCHED_CORE_GET)
		pr_addr(f, c->args[4]);
}

/* Options of arm64 (pointer authentication, vector lengths, tagged addresses). */
static bool prctl_arm64(struct sr_fmt *f, const struct sr_call *c, uint32_t op)
{
	switch (op) {
	case PR_SVE_SET_VL:
		prctl_vl(f, &xlat_pr_sve_vl_flags, PR_SVE_VL_LEN_MASK, c->args[1]);
		return true;
	case PR_SME_SET_VL:
		prctl_vl(f, &xlat_pr_sme_vl_flags, PR_SME_VL_LEN_MASK, c->args[1]);
		return true;
	case PR_SET_TAGGED_ADDR_CTRL:
		prctl_tagged_addr(f, c->args[1]);
		hex_args(f, c, 2);
		return true;
	case PR_PAC_RESET_KEYS:
		fmt_flags(f, &xlat_pr_pac_keys, c->args[1]);
		hex_args(f, c, 2);
		return true;
	case PR_PAC_SET_ENABLED_KEYS:
		fmt_flags(f, &xlat_pr_pac_enabled_keys, c->args[1]);
		fmt_flags(f, &xlat_pr_pac_enabled_keys, c->args[2]);
		hex_args(f, c, 3);
		return true;
	}
	return false;
}

/* Options with a single decoded argument; false when @op is not one. */
static bool prctl_one_arg(struct sr_fmt *f, const struct sr_call *c, uint32_t op)
{
	uint64_t a = c->args[1];

	switch (op) {
	case PR_SET_CHILD_SUBREAPER:
	case PR_SET_ENDIAN:
	case PR_SET_FPEMU:
	case PR_SET_FPEXC:
	case PR_SET_KEEPCAPS:
	case PR_SET_TIMING:
		pr_u(f, a);
		return true;
	case PR_SET_DUMPABLE:
		fmt_enum(f, &xlat_pr_dumpable, a);
		return true;
	case PR_CAPBSET_DROP:
	case PR_CAPBSET_READ:
		fmt_enum(f, &xlat_capabilities, a);
		return true;
	case PR_SET_NAME:
		/* the kernel keeps the name and its NUL in TASK_COMM_LEN bytes */
		fmt_name_buf(f, c->in[1], a, SR_TASK_COMM_LEN - 1);
		return true;
	case PR_SET_PDEATHSIG:
		if (a > SR_NSIG_ANY_ARCH)
			pr_u(f, a);
		else
			fmt_signame(f, (int)a);
		return true;
	}
	return false;
}

static bool prctl_one_flag_arg(struct sr_fmt *f, const struct sr_call *c, uint32_t op)
{
	uint64_t a = c->args[1];

	switch (op) {
	case PR_SET_SECUREBITS:
		fmt_flags(f, &xlat_secbits, a);
		return true;
	case PR_SET_TIMERSLACK:
		pr_d(f, (int64_t)a);
		return true;
	case PR_SET_TSC:
		fmt_enum(f, &xlat_pr_tsc, (uint32_t)a);
		return true;
	case PR_SET_UNALIGN:
		fmt_flags(f, &xlat_pr_unalign_flags, (uint32_t)a);
		return true;
	case PR_SET_NO_NEW_PRIVS:
	case PR_SET_THP_DISABLE:
	case PR_SET_IO_FLUSHER:
		pr_u(f, a);
		hex_args(f, c, 2);
		return true;
	}
	return false;
}

static bool prctl_multi_arg(struct sr_fmt *f, const struct sr_call *c, uint32_t op)
{
	switch (op) {
	case PR_CAP_AMBIENT:
		prctl_cap_ambient(f, c);
		return true;
	case PR_MCE_KILL:
		prctl_mce_kill(f, c);
		return true;
	case PR_SET_VMA:
		prctl_set_vma(f, c);
		return true;
	case PR_SET_MM:
		fmt_enum(f, &xlat_pr_set_mm, (uint32_t)c->args[1]);
		hex_args(f, c, 2);
		return true;
	case PR_SET_SECCOMP:
		prctl_seccomp(f, c);
		return true;
	case PR_SET_PTRACER:
		prctl_ptracer(f, c);
		return true;
	case PR_GET_SPECULATION_CTRL:
	case PR_SET_SPECULATION_CTRL:
		prctl_speculation(f, c, op == PR_SET_SPECULATION_CTRL);
		return true;
	case PR_SET_SYSCALL_USER_DISPATCH:
		fmt_enum(f, &xlat_pr_sys_dispatch_ops, c->args[1]);
		pr_x(f, c->args[2]);
		pr_x(f, c->args[3]);
		pr_addr(f, c->args[4]);
		return true;
	case PR_SCHED_CORE:
		prctl_sched_core(f, c);
		return true;
	}
	return false;
}

/* Options that take no argument at all. */
static bool prctl_no_args(uint32_t op)
{
	switch (op) {
	case PR_GET_KEEPCAPS:
	case PR_GET_SECCOMP:
	case PR_GET_TIMERSLACK:
	case PR_GET_TIMING:
	case PR_GET_DUMPABLE:
	case PR_GET_SECUREBITS:
	case PR_GET_FP_MODE:
	case PR_TASK_PERF_EVENTS_DISABLE:
	case PR_TASK_PERF_EVENTS_ENABLE:
	case PR_SVE_GET_VL:
	case PR_SME_GET_VL:
		return true;
	}
	return false;
}

static void prctl_enter(struct sr_fmt *f, const struct sr_call *c)
{
	uint32_t op = (uint32_t)c->args[0];

	fmt_arg(f, c, 0);
	fmt_enum(f, &xlat_prctl_option, op);
	/* the argument of an exit option is what the kernel stores: printed at exit */
	if (prctl_no_args(op) || prctl_exit_option(op))
		return;
	/* an option strace decodes names its first argument; hex_args() names the others */
	if (prctl_name(c, 1))
		prctl_arg(f, c, 1);
	if (prctl_one_arg(f, c, op) || prctl_one_flag_arg(f, c, op) || prctl_multi_arg(f, c, op) ||
	    prctl_arm64(f, c, op))
		return;
	hex_args(f, c, 1);
}

/*
 * The bit set some options return: PR_GET_SECUREBITS's, and
 * PR_GET_SPECULATION_CTRL's for the controls strace knows. NULL otherwise.
 */
static const struct sr_xlat *prctl_ret_flags(const struct sr_call *c)
{
	switch ((uint32_t)c->args[0]) {
	case PR_GET_SECUREBITS:
		return c->ret ? &xlat_secbits : NULL;
	case PR_GET_SPECULATION_CTRL:
		return c->args[1] <= PR_SPEC_L1D_FLUSH ? &xlat_pr_spec_get_store_bypass_flags :
							 NULL;
	}
	return NULL;
}

/* Bit sets come back in hex, as strace prints them (the row's INT return cannot). */
static void prctl_ret(struct sr_fmt *f, const struct sr_call *c)
{
	if (prctl_ret_flags(c))
		pr_x(f, (uint64_t)c->ret);
	else
		pr_d(f, c->ret);
}

/* " (PR_SPEC_PRCTL|PR_SPEC_ENABLE)", " (SUID_DUMP_USER)": what some options return. */
static void prctl_ret_suffix(struct sr_fmt *f, const struct sr_call *c)
{
	const struct sr_xlat *x = prctl_ret_flags(c);
	const char *n = NULL;

	if (x) {
		pr_note_begin(f);
		fmt_flags(f, x, (uint64_t)c->ret);
		pr_note_end(f);
		return;
	}
	switch ((uint32_t)c->args[0]) {
	case PR_GET_DUMPABLE:
		n = xlat__name(&xlat_pr_dumpable, (uint64_t)c->ret);
		break;
	case PR_MCE_KILL_GET:
		n = xlat__name(&xlat_pr_mce_kill_policy, (uint64_t)c->ret);
		break;
	}
	if (!n)
		return;
	pr_note_begin(f);
	pr_sym(f, n, (uint64_t)c->ret);
	pr_note_end(f);
}

/*
 * Argument 1 is a name (PR_SET_NAME) or where the kernel stores a value
 * (PR_GET_*); argument 2 a seccomp program; argument 4 a VMA name.
 */
static void prctl_plan(const struct sr_sysent *ent, const struct sr_opts *o, struct sr_plan *p)
{
	struct sr_plan_arg *pa = &p->a[1];
	long cap = o->strsize + 2;

	/*
	 * a name's page may not be resident yet: read it again at exit; an
	 * int or a name at the end of a mapping: the bytes before the next page
	 */
	pa->when = SR_CAP_ENTER | SR_CAP_EXIT | SR_CAP_RETRY | SR_CAP_PART;
	pa->how = SR_HOW_BUF;
	pa->len_src = SR_LEN_FIXED;
	pa->elem = SR_TASK_COMM_LEN;
	pa->cap = SR_TASK_COMM_LEN;
	plan_fprog(ent, o, p, 2);
	p->a[4] = (struct sr_plan_arg){ .when = SR_CAP_ENTER | SR_CAP_RETRY,
					.how = SR_HOW_STR,
					.cap = cap > SR_BLOB_MAX ? SR_BLOB_MAX : cap };
}

const struct sr_scdec sr_scdec_prctl = {
	.name = "prctl",
	.enter = prctl_enter,
	.exit = prctl_exit,
	.exit_shown = prctl_exit_shown,
	.ret = prctl_ret,
	.ret_suffix = prctl_ret_suffix,
	.plan = prctl_plan,
};

#ifdef ARCH_GET_FS /* x86 */
/*
 * "A|B|0x40": the names of @x set in @v and what they leave, into @buf.
 * NULL when no name covers any bit.
 */
static const char *flags_text(char *buf, size_t len, const struct sr_xlat *x, uint64_t v)
{
	size_t pos = 0;
	bool any = false;
	uint32_t i;

	buf[0] = 0;
	for (i = 0; i < x->n && v && pos < len; i++) {
		uint64_t bits = x->ents[i].val;

		if (!bits || (v & bits) != bits)
			continue;
		pos += snprintf(buf + pos, len - pos, "%s%s", any ? "|" : "", x->ents[i].name);
		v &= ~bits;
		any = true;
	}
	if (any && v && pos < len)
		snprintf(buf + pos, len - pos, "|%#llx", (unsigned long long)v);
	return any ? buf : NULL;
}

/* XSAVE feature masks: the number, and the names in a comment. */
static void fmt_xfeatures(struct sr_fmt *f, uint64_t v)
{
	char buf[512];
	const char *names;

	pr_x(f, v);
	if (!v)
		return;
	names = flags_text(buf, sizeof(buf), &xlat_x86_xfeatures, v);
	/* names strace adds even by default, but never under -X raw */
	pr_xlat_default(f, names ? names : xlat_x86_xfeatures.unknown);
}
#endif

static void arch_prctl_plan(const struct sr_sysent *ent, int argi, const struct sr_opts *o,
			    struct sr_plan_arg *pa)
{
	(void)ent;
	(void)argi;
	(void)o;
	plan_exit_word(pa, sizeof(uint64_t));
}

static bool arch_prctl_present(const struct sr_call *c, int argi)
{
	(void)argi;
#ifdef ARCH_GET_CPUID
	return (uint32_t)c->args[0] != ARCH_GET_CPUID;
#else
	return true;
#endif
}

static void arch_prctl_print(struct sr_fmt *f, const struct sr_call *c, int argi)
{
#ifdef ARCH_GET_FS
	const char *n;
	const void *p;

	switch ((uint32_t)c->args[0]) {
	case ARCH_GET_FS:
	case ARCH_GET_GS:
		fmt_kptr_at(f, c, argi);
		return;
	case ARCH_GET_XCOMP_SUPP:
	case ARCH_GET_XCOMP_PERM:
	case ARCH_GET_XCOMP_GUEST_PERM:
		p = call_failed(c) || !fmt_decodes_structs(f) ?
			    NULL :
			    blob_get(exit_blob(c, argi), sizeof(uint64_t));
		if (!p) {
			fmt_ptr(f, c->args[argi]);
			return;
		}
		pr_array_begin(f);
		fmt_xfeatures(f, get64(p, 0));
		pr_array_end(f);
		return;
	case ARCH_REQ_XCOMP_PERM:
	case ARCH_REQ_XCOMP_GUEST_PERM:
		n = xlat__name(&xlat_x86_xfeature_bits, c->args[argi]);
		pr_x(f, c->args[argi]);
		pr_xlat_default(f, n ? n : xlat_x86_xfeature_bits.unknown);
		return;
	}
#endif
	pr_x(f, c->args[argi]);
}

const struct sr_decoder sr_dec_arch_prctl_arg = {
	.name = "arch_prctl_arg",
	.at_exit = true,
	.plan = arch_prctl_plan,
	.present = arch_prctl_present,
	.print = arch_prctl_print,
};
