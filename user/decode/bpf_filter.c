// SPDX-License-Identifier: GPL-2.0
/*
 * Decoders: classic BPF programs, "BPF_STMT(BPF_LD|BPF_W|BPF_ABS, 0)" per
 * instruction as strace 6.1 prints them under -v, for the socket filters
 * of setsockopt/getsockopt and the seccomp filters of seccomp(2) and
 * prctl(PR_SET_SECCOMP).
 */
#include <string.h>
#include <linux/bpf.h>
#include <linux/filter.h>
#include <linux/seccomp.h>

#include "cli/opts.h"
#include "decode/bpf_filter.h"

void plan_bpf_fprog(const struct sr_sysent *ent, const struct sr_opts *o, struct sr_plan *p,
		    int slot, int argi)
{
	if (opts__abbrev(o, ent->nr))
		return;
	/* read at entry, as the kernel reads the program; again at exit after a fault */
	p->a[slot] =
		(struct sr_plan_arg){ .when = SR_CAP_ENTER | SR_CAP_RETRY,
				      .how = SR_HOW_INDIRECT,
				      .len_src = SR_LEN_FPROG,
				      .len_arg = argi,
				      /* one past the kernel's limit: strace says more follows */
				      .cap = (BPF_MAXINSNS + 1) * sizeof(struct sock_filter) };
}

const struct sr_blob *bpf_fprog_insns(const struct sr_call *c, int slot)
{
	const struct sr_blob *b = c->in[slot], *ib;

	if (!b || b->arg != slot)
		return NULL;
	ib = blob_next(b, call__blob_end(c, b));
	return ib && SR_BLOB_ARG(ib) == slot && SR_BLOB_PART(ib) == 1 ? ib : NULL;
}

/* The instruction's code: class, then the parts its class has (strace's print_bpf_filter_code()). */
static void fmt_bpf_code(struct sr_fmt *f, uint16_t code)
{
	uint16_t rest = code & ~BPF_CLASS(code);

	pr_bits_parts_begin(f, code);
	pr_bits_part_xval(f, BPF_CLASS(code));
	pr_bits_enum(f, &xlat_bpf_class, BPF_CLASS(code));
	switch (BPF_CLASS(code)) {
	case BPF_LD:
	case BPF_LDX:
		pr_bits_part_xval(f, BPF_SIZE(code));
		pr_bits_enum(f, &xlat_bpf_size, BPF_SIZE(code));
		pr_bits_part_xval(f, BPF_MODE(code));
		pr_bits_enum(f, &xlat_bpf_mode, BPF_MODE(code));
		rest = 0;
		break;
	case BPF_MISC:
		pr_bits_part_xval(f, BPF_MISCOP(code));
		pr_bits_enum(f, &xlat_bpf_miscop, BPF_MISCOP(code));
		rest &= ~BPF_MISCOP(code);
		break;
	case BPF_ALU:
	case BPF_JMP:
		pr_bits_part_xval(f, BPF_SRC(code));
		pr_bits_enum(f, &xlat_bpf_src, BPF_SRC(code));
		pr_bits_part_xval(f, BPF_OP(code));
		pr_bits_enum(f, BPF_CLASS(code) == BPF_ALU ? &xlat_bpf_op_alu : &xlat_bpf_op_jmp,
			     BPF_OP(code));
		rest = 0;
		break;
	case BPF_RET:
		pr_bits_part_xval(f, BPF_RVAL(code));
		pr_bits_enum(f, &xlat_bpf_rval, BPF_RVAL(code));
		rest &= ~BPF_RVAL(code);
		break;
	}
	/* bits no part of the class covers (BPF_ST, BPF_STX have none) */
	if (rest) {
		pr_bits_part_num(f, SR_NUM_X, rest);
		pr_comment(f, "BPF_???");
	}
	pr_bits_end(f);
}

/*
 * An eBPF instruction's code (strace's print_bpf_filter_code(code, true)):
 * the class, then its size and mode, or its source and operation.
 */
void fmt_ebpf_code(struct sr_fmt *f, uint8_t code)
{
	pr_bits_parts_begin(f, code);
	pr_bits_part_xval(f, BPF_CLASS(code));
	pr_bits_enum(f, &xlat_ebpf_class, BPF_CLASS(code));
	switch (BPF_CLASS(code)) {
	case BPF_LD:
	case BPF_LDX:
	case BPF_ST:
	case BPF_STX:
		pr_bits_part_xval(f, BPF_SIZE(code));
		pr_bits_enum(f, &xlat_bpf_size, BPF_SIZE(code));
		pr_bits_part_xval(f, BPF_MODE(code));
		pr_bits_enum(f, &xlat_ebpf_mode, BPF_MODE(code));
		break;
	default:
		/* ALU, ALU64, JMP, JMP32 */
		pr_bits_part_xval(f, BPF_SRC(code));
		pr_bits_enum(f, &xlat_bpf_src, BPF_SRC(code));
		pr_bits_part_xval(f, BPF_OP(code));
		pr_bits_enum(f,
			     BPF_CLASS(code) == BPF_JMP || BPF_CLASS(code) == BPF_JMP32 ?
				     &xlat_bpf_op_jmp :
				     &xlat_bpf_op_alu,
			     BPF_OP(code));
		break;
	}
	pr_bits_end(f);
}

/* A constant past one of the packet offsets: "SKF_NET_OFF+8", "SKF_AD_OFF+SKF_AD_PROTOCOL". */
static bool fmt_sock_k(struct sr_fmt *f, const struct sock_filter *fp)
{
	static const struct {
		const char *name;
		uint32_t base;
	} offs[] = {
		{ "SKF_AD_OFF", (uint32_t)SKF_AD_OFF },
		{ "SKF_NET_OFF", (uint32_t)SKF_NET_OFF },
		{ "SKF_LL_OFF", (uint32_t)SKF_LL_OFF },
	};
	size_t i;

	if (BPF_CLASS(fp->code) != BPF_LD || BPF_MODE(fp->code) != BPF_ABS)
		return false;
	for (i = 0; i < sizeof(offs) / sizeof(offs[0]); i++) {
		if (fp->k < offs[i].base)
			continue;
		pr_sym(f, offs[i].name, offs[i].base);
		pr_plus(f);
		if (i == 0)
			fmt_enum(f, &xlat_skf_ad, fp->k - offs[i].base);
		else
			pr_u(f, fp->k - offs[i].base);
		return true;
	}
	return false;
}

/* A return value: "SECCOMP_RET_ERRNO|0x10", the action then its data. */
static bool fmt_seccomp_k(struct sr_fmt *f, const struct sock_filter *fp)
{
	uint32_t action = fp->k & SECCOMP_RET_ACTION_FULL, data = fp->k & ~action;

	if (BPF_CLASS(fp->code) != BPF_RET)
		return false;
	if (!data) {
		fmt_enum(f, &xlat_seccomp_ret_action, action);
		return true;
	}
	pr_bits_parts_begin(f, fp->k);
	pr_bits_part_xval(f, action);
	pr_bits_enum(f, &xlat_seccomp_ret_action, action);
	pr_bits_part_num(f, SR_NUM_X, data);
	pr_bits_end(f);
	return true;
}

/* One instruction: BPF_JUMP when it has jump offsets, else BPF_STMT. */
static void fmt_bpf_insn(struct sr_fmt *f, const struct sock_filter *fp, enum sr_fprog_kind kind)
{
	bool jump = fp->jt || fp->jf;

	pr_call_begin(f, jump ? "BPF_JUMP" : "BPF_STMT");
	fmt_bpf_code(f, fp->code);
	if (jump) {
		pr_x(f, fp->k);
		pr_x(f, fp->jt);
		pr_x(f, fp->jf);
	} else if (!(kind == SR_FPROG_SOCK ? fmt_sock_k(f, fp) : fmt_seccomp_k(f, fp))) {
		pr_x(f, fp->k);
	}
	pr_call_end(f);
}

void fmt_bpf_insns_at(struct sr_fmt *f, const void *data, size_t n, bool part, uint64_t addr,
		      uint32_t len, enum sr_fprog_kind kind)
{
	const size_t sz = sizeof(struct sock_filter);
	size_t have = data ? n / sz : 0, i;

	if (!fmt_verbose(f) || !addr) {
		fmt_ptr(f, addr);
		return;
	}
	if (len && fmt_array_wraps(f, addr, len, sz))
		return;
	/* nothing read: the address, as strace's print_array() when the first read fails */
	if (len && (!data || (part && !have))) {
		pr_addr(f, addr);
		return;
	}
	pr_array_begin(f);
	for (i = 0; i < len && i < have; i++) {
		struct sock_filter fp;

		/* strace reads one past the kernel's limit, to say that more follows */
		if (i == BPF_MAXINSNS) {
			pr_more(f);
			break;
		}
		memcpy(&fp, (const uint8_t *)data + i * sz, sz);
		fmt_bpf_insn(f, &fp, kind);
	}
	if (i < len && i == have && part)
		fmt_more_unread(f, addr + i * sz);
	else if (i < len && i == have)
		pr_more(f); /* past what was captured */
	pr_array_end(f);
}

void fmt_bpf_insns(struct sr_fmt *f, const struct sr_blob *b, uint64_t addr, uint32_t len,
		   enum sr_fprog_kind kind)
{
	if (!blob_ok(b)) {
		fmt_bpf_insns_at(f, NULL, 0, false, addr, len, kind);
		return;
	}
	fmt_bpf_insns_at(f, blob_data(b), b->len, b->flags & SR_BF_PART, addr, len, kind);
}

void fmt_bpf_fprog(struct sr_fmt *f, const void *p, uint64_t addr, const struct sr_blob *insns,
		   enum sr_fprog_kind kind)
{
	struct sock_fprog prog;

	if (!addr || !p) {
		fmt_ptr(f, addr);
		return;
	}
	memcpy(&prog, p, sizeof(prog));
	pr_struct_begin(f);
	pr_field_u(f, "len", prog.len);
	pr_field(f, "filter");
	fmt_bpf_insns(f, insns, (uint64_t)(uintptr_t)prog.filter, prog.len, kind);
	pr_struct_end(f);
}
