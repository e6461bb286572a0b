// SPDX-License-Identifier: GPL-2.0
/* Decoders: seccomp(2) and the filter programs prctl(PR_SET_SECCOMP) takes too. */
#include <stdio.h>
#include <string.h>
#include <linux/audit.h>
#include <linux/filter.h>
#include <linux/seccomp.h>

#include "decode/bpf_filter.h"
#include "decode/process.h"

void fmt_scno(struct sr_fmt *f, uint32_t arch, uint64_t nr)
{
	const struct sr_sysent *e = nr <= INT32_MAX ? syscalls__get((int)nr) : NULL;
	char name[64];

	if (arch != AUDIT_ARCH_X86_64 || !e || e->raw) {
		pr_u(f, nr);
		return;
	}
	snprintf(name, sizeof(name), "__NR_%s", e->name);
	pr_sym_fmt(f, name, nr, SR_NUM_D);
}

/* The spare plan slot that holds a seccomp program's instructions (-v). */
#define SR_SECCOMP_FPROG_SLOT (SR_NARGS - 1)

void fmt_fprog(struct sr_fmt *f, const struct sr_call *c, int argi)
{
	fmt_bpf_fprog(f, blob_get(c->in[argi], sizeof(struct sock_fprog)), c->args[argi],
		      bpf_fprog_insns(c, SR_SECCOMP_FPROG_SLOT), SR_FPROG_SECCOMP);
}

void plan_fprog(const struct sr_sysent *ent, const struct sr_opts *o, struct sr_plan *p, int argi)
{
	p->a[argi] = (struct sr_plan_arg){ .when = SR_CAP_ENTER | SR_CAP_RETRY | SR_CAP_PART,
					   .how = SR_HOW_BUF,
					   .elem = sizeof(struct sock_fprog),
					   .cap = sizeof(struct sock_fprog) };
	plan_bpf_fprog(ent, o, p, SR_SECCOMP_FPROG_SLOT, argi);
}

/*
 * SCX(seccomp, 0, INT, seccomp, A(ENUM, seccomp_op), A(HEX), A(PTR)): the
 * flags and the argument depend on the operation.
 */
static void seccomp_enter(struct sr_fmt *f, const struct sr_call *c)
{
	const void *p = blob_get(c->in[2], sizeof(uint32_t));
	uint32_t op = (uint32_t)c->args[0], flags = (uint32_t)c->args[1];

	fmt_arg(f, c, 0);
	fmt_enum(f, &xlat_seccomp_op, op);
	fmt_arg(f, c, 1);
	if (op == SECCOMP_SET_MODE_FILTER) {
		fmt_flags(f, &xlat_seccomp_filter_flags, flags);
		fmt_arg(f, c, 2);
		fmt_fprog(f, c, 2);
		return;
	}
	pr_x(f, flags);
	/* the sizes are what the kernel stores: printed at exit */
	if (op == SECCOMP_GET_NOTIF_SIZES)
		return;
	fmt_arg(f, c, 2);
	if (op != SECCOMP_GET_ACTION_AVAIL || !p) {
		fmt_ptr(f, c->args[2]);
		return;
	}
	pr_array_begin(f);
	fmt_enum(f, &xlat_seccomp_ret_action, get32(p, 0));
	pr_array_end(f);
}

static bool seccomp_exit_shown(const struct sr_call *c)
{
	return (uint32_t)c->args[0] == SECCOMP_GET_NOTIF_SIZES;
}

static void seccomp_exit(struct sr_fmt *f, const struct sr_call *c)
{
	struct seccomp_notif_sizes sz;
	const void *p;

	if (!seccomp_exit_shown(c))
		return;
	p = call_failed(c) ? NULL : blob_get(exit_blob(c, 2), sizeof(sz));
	fmt_arg(f, c, 2);
	if (!p) {
		fmt_ptr(f, c->args[2]);
		return;
	}
	memcpy(&sz, p, sizeof(sz));
	pr_struct_begin(f);
	pr_field_u(f, "seccomp_notif", sz.seccomp_notif);
	pr_field_u(f, "seccomp_notif_resp", sz.seccomp_notif_resp);
	pr_field_u(f, "seccomp_data", sz.seccomp_data);
	pr_struct_end(f);
}

/* The filter program's header at entry, the sizes the kernel reports at exit. */
static void seccomp_plan(const struct sr_sysent *ent, const struct sr_opts *o, struct sr_plan *p)
{
	plan_fprog(ent, o, p, 2);
	/* a value at the end of a mapping: the bytes before the next page */
	p->a[2].when |= SR_CAP_EXIT;
}

const struct sr_scdec sr_scdec_seccomp = {
	.name = "seccomp",
	.enter = seccomp_enter,
	.exit = seccomp_exit,
	.exit_shown = seccomp_exit_shown,
	.plan = seccomp_plan,
};
