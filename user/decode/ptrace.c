// SPDX-License-Identifier: GPL-2.0
/*
 * Decoders: ptrace(2), as strace 6.1 prints it. Each request has its own
 * argument list (PTRACE_ATTACH takes only a pid) and its own meaning of
 * addr and data: a signal, option bits, a siginfo_t, a register set
 * (struct user_regs_struct, user_fpregs_struct, or one behind an iovec for
 * PTRACE_[GS]ETREGSET), PTRACE_PEEKSIGINFO's arguments and results,
 * PTRACE_GET_SYSCALL_INFO's struct (ptrace_info.c).
 *
 * Capture: data is copied at entry and exit (SR_PTRACE_DATA_CAP bytes, cut
 * at a page end), addr at entry (PTRACE_PEEKSIGINFO's 16 bytes), and the
 * iovec at data with the registers it points to as argument slot 4
 * (SR_HOW_INDIRECT), at entry and exit.
 */
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <elf.h>
#include <sys/uio.h>
#include <sys/user.h>
#include <linux/ptrace.h>

#include "decode/process.h"

/*
 * The largest struct data points to that strace decodes: 8 siginfo_t of
 * PTRACE_PEEKSIGINFO (more print as far as they were copied, then "...").
 */
#define SR_PTRACE_DATA_CAP (8 * sizeof(siginfo_t))
_Static_assert(SR_PTRACE_DATA_CAP >= sizeof(struct user_fpregs_struct), "data capture");
/* The registers behind PTRACE_[GS]ETREGSET's iovec: the largest set decoded. */
#define SR_PTRACE_REGSET_CAP sizeof(struct user_fpregs_struct)
/* PTRACE_[GS]ETSIGMASK: the kernel takes exactly a 64-bit mask. */
#define SR_PTRACE_SIGSET_SIZE sizeof(uint64_t)
/* Slot of the iovec and the registers it points to (ptrace has 4 arguments). */
#define SR_PTRACE_IOV_SLOT 4

/* PTRACE_PEEKSIGINFO's arguments (struct ptrace_peeksiginfo_args). */
#define PSI_OFF	  offsetof(struct ptrace_peeksiginfo_args, off)
#define PSI_FLAGS offsetof(struct ptrace_peeksiginfo_args, flags)
#define PSI_NR	  offsetof(struct ptrace_peeksiginfo_args, nr)

/* One register: its name and where it sits in the struct. */
struct reg_field {
	const char *name;
	uint16_t off;
	uint16_t size; /* bytes; an array of u32 when larger than 8 */
};

#define NREGS(a) (sizeof(a) / sizeof((a)[0]))
#define REG(s, m)                                                     \
	{                                                             \
#m, offsetof(struct s, m), sizeof(((struct s *)0)->m) \
	}

static const struct reg_field prstatus_regs[] = {
	REG(user_regs_struct, r15),	 REG(user_regs_struct, r14),	 REG(user_regs_struct, r13),
	REG(user_regs_struct, r12),	 REG(user_regs_struct, rbp),	 REG(user_regs_struct, rbx),
	REG(user_regs_struct, r11),	 REG(user_regs_struct, r10),	 REG(user_regs_struct, r9),
	REG(user_regs_struct, r8),	 REG(user_regs_struct, rax),	 REG(user_regs_struct, rcx),
	REG(user_regs_struct, rdx),	 REG(user_regs_struct, rsi),	 REG(user_regs_struct, rdi),
	REG(user_regs_struct, orig_rax), REG(user_regs_struct, rip),	 REG(user_regs_struct, cs),
	REG(user_regs_struct, eflags),	 REG(user_regs_struct, rsp),	 REG(user_regs_struct, ss),
	REG(user_regs_struct, fs_base),	 REG(user_regs_struct, gs_base), REG(user_regs_struct, ds),
	REG(user_regs_struct, es),	 REG(user_regs_struct, fs),	 REG(user_regs_struct, gs),
};

static const struct reg_field fpregs_regs[] = {
	REG(user_fpregs_struct, cwd),	   REG(user_fpregs_struct, swd),
	REG(user_fpregs_struct, ftw),	   REG(user_fpregs_struct, fop),
	REG(user_fpregs_struct, rip),	   REG(user_fpregs_struct, rdp),
	REG(user_fpregs_struct, mxcsr),	   REG(user_fpregs_struct, mxcr_mask),
	REG(user_fpregs_struct, st_space), REG(user_fpregs_struct, xmm_space),
	REG(user_fpregs_struct, padding),
};

struct regset {
	const struct reg_field *regs;
	size_t n;
	size_t size; /* sizeof the struct */
};

static const struct regset regset_prstatus = { prstatus_regs, NREGS(prstatus_regs),
					       sizeof(struct user_regs_struct) };
static const struct regset regset_fpregs = { fpregs_regs, NREGS(fpregs_regs),
					     sizeof(struct user_fpregs_struct) };

static uint64_t reg_value(const uint8_t *p, const struct reg_field *r)
{
	switch (r->size) {
	case 2:
		return get16(p, r->off);
	case 4:
		return get32(p, r->off);
	}
	return get64(p, r->off);
}

/* An array register (st_space): its u32 elements within @fetch bytes, in hex. */
static void print_reg_array(struct sr_fmt *f, const uint8_t *p, const struct reg_field *r,
			    size_t fetch)
{
	size_t n = (fetch - r->off) / sizeof(uint32_t), i;

	if (n > r->size / sizeof(uint32_t))
		n = r->size / sizeof(uint32_t);
	pr_array_begin(f);
	for (i = 0; i < n && pr_array_elem(f, i); i++)
		pr_x(f, get32(p, r->off + i * sizeof(uint32_t)));
	pr_array_end(f);
}

/*
 * A register set of @size bytes at @addr of which @have were copied from
 * @p: the registers that start within the first @size bytes (strace reads
 * no more than the struct, and only sizes in whole words), "..." for a size
 * past the struct, the address when the bytes could not be read.
 */
static void print_regset(struct sr_fmt *f, const struct regset *rs, const uint8_t *p, size_t have,
			 uint64_t addr, uint64_t size)
{
	size_t fetch = size < rs->size ? size : rs->size, i;

	if (!size || (size & 7) || !p || have < fetch) {
		fmt_ptr(f, addr);
		return;
	}
	pr_struct_begin(f);
	for (i = 0; i < rs->n && rs->regs[i].off < fetch; i++) {
		pr_field(f, rs->regs[i].name);
		if (rs->regs[i].size > sizeof(uint64_t))
			print_reg_array(f, p, &rs->regs[i], fetch);
		else
			pr_x(f, reg_value(p, &rs->regs[i]));
	}
	if (size > rs->size)
		pr_more(f);
	pr_struct_end(f);
}

/* The bytes of blob @b when it holds any, else NULL (and @have 0). */
static const uint8_t *blob_bytes(const struct sr_blob *b, size_t *have)
{
	*have = 0;
	if (!blob_ok(b))
		return NULL;
	*have = b->len;
	return blob_data(b);
}

/* What the request makes of data, at entry (E) or exit (X). */
static bool data_at_exit(uint32_t req)
{
	switch (req) {
	case PTRACE_PEEKDATA:
	case PTRACE_PEEKTEXT:
	case PTRACE_PEEKUSR:
	case PTRACE_GETEVENTMSG:
	case PTRACE_GETSIGINFO:
	case PTRACE_GETSIGMASK:
	case PTRACE_PEEKSIGINFO:
	case PTRACE_SECCOMP_GET_FILTER:
	case PTRACE_SECCOMP_GET_METADATA:
	case PTRACE_GET_SYSCALL_INFO:
	case PTRACE_GETREGS:
	case PTRACE_GETFPREGS:
	case PTRACE_GETREGSET:
	case PTRACE_SETREGSET:
		return true;
	}
	return false;
}

/* How many arguments strace prints: PTRACE_TRACEME none past the request. */
static int ptrace_nargs(uint32_t req)
{
	switch (req) {
	case PTRACE_TRACEME:
		return 1;
	case PTRACE_ATTACH:
	case PTRACE_INTERRUPT:
	case PTRACE_KILL:
	case PTRACE_LISTEN:
		return 2;
	case PTRACE_SETREGS:
	case PTRACE_SETFPREGS:
	case PTRACE_GETREGS:
	case PTRACE_GETFPREGS:
		return 3; /* addr is ignored: data takes its place */
	}
	return 4;
}

/* The 64-bit request; strace names only values that fit the table. */
static uint32_t ptrace_req(const struct sr_call *c)
{
	return c->args[0] > UINT32_MAX ? UINT32_MAX : (uint32_t)c->args[0];
}

/* PTRACE_PEEKSIGINFO's {off, flags, nr}, read at entry. */
static void print_peeksiginfo_args(struct sr_fmt *f, const struct sr_call *c)
{
	size_t have;
	const uint8_t *p = blob_bytes(c->in[2], &have);

	if (!c->args[2] || !p || have < sizeof(struct ptrace_peeksiginfo_args)) {
		fmt_ptr(f, c->args[2]);
		return;
	}
	pr_struct_begin(f);
	pr_field_u(f, "off", get64(p, PSI_OFF));
	pr_field(f, "flags");
	fmt_flags(f, &xlat_ptrace_peeksiginfo_flags, get32(p, PSI_FLAGS));
	pr_field_u(f, "nr", get32(p, PSI_NR));
	pr_struct_end(f);
}

static void ptrace_print_addr(struct sr_fmt *f, const struct sr_call *c, uint32_t req)
{
	switch (req) {
	case PTRACE_GETREGSET:
	case PTRACE_SETREGSET:
		fmt_enum(f, &xlat_nt_types, (uint32_t)c->args[2]);
		break;
	case PTRACE_GETSIGMASK:
	case PTRACE_SETSIGMASK:
	case PTRACE_SECCOMP_GET_FILTER:
	case PTRACE_SECCOMP_GET_METADATA:
	case PTRACE_GET_SYSCALL_INFO:
		pr_u(f, c->args[2]);
		break;
	case PTRACE_PEEKSIGINFO:
		print_peeksiginfo_args(f, c);
		break;
	default:
		fmt_ptr(f, c->args[2]);
	}
}

/* A struct at data (@size bytes wanted) from the entry or exit copy, or NULL. */
static const uint8_t *data_bytes(const struct sr_call *c, bool at_exit, size_t size)
{
	size_t have;
	const uint8_t *p = blob_bytes(at_exit ? exit_blob(c, 3) : c->in[3], &have);

	return c->args[3] && p && have >= size ? p : NULL;
}

/* A siginfo_t at data (PTRACE_SETSIGINFO at entry, PTRACE_GETSIGINFO at exit). */
static void print_data_siginfo(struct sr_fmt *f, const struct sr_call *c, bool at_exit)
{
	const uint8_t *p = data_bytes(c, at_exit, sizeof(siginfo_t));

	if (!p || (at_exit && call_failed(c)))
		fmt_ptr(f, c->args[3]);
	else
		fmt_kind(f, &sr_kind_siginfo, c, 3, p, sizeof(siginfo_t));
}

/* The signal mask at data, whose size is addr: exactly a word, as strace wants. */
static void print_data_sigmask(struct sr_fmt *f, const struct sr_call *c, bool at_exit)
{
	const uint64_t size = c->args[2];
	const uint8_t *p = data_bytes(c, at_exit, SR_PTRACE_SIGSET_SIZE);

	if (!p || size != SR_PTRACE_SIGSET_SIZE || (at_exit && call_failed(c)))
		fmt_ptr(f, c->args[3]);
	else
		fmt_kind(f, &sr_kind_sigset, NULL, -1, p, size);
}

static void ptrace_print_data_entry(struct sr_fmt *f, const struct sr_call *c, uint32_t req)
{
	const uint64_t data = c->args[3];

	switch (req) {
	case PTRACE_CONT:
	case PTRACE_DETACH:
	case PTRACE_SYSCALL:
	case PTRACE_SINGLESTEP:
	case PTRACE_SINGLEBLOCK:
	case PTRACE_SYSEMU:
	case PTRACE_SYSEMU_SINGLESTEP:
		fmt_signame(f, (int)data);
		break;
	case PTRACE_SEIZE:
	case PTRACE_SETOPTIONS:
#ifdef PTRACE_OLDSETOPTIONS
	case PTRACE_OLDSETOPTIONS:
#endif
		fmt_flags(f, &xlat_ptrace_options, data);
		break;
	case PTRACE_SETSIGINFO:
		print_data_siginfo(f, c, false);
		break;
	case PTRACE_SETSIGMASK:
		print_data_sigmask(f, c, false);
		break;
	case PTRACE_SETREGS:
		print_regset(f, &regset_prstatus, data_bytes(c, false, regset_prstatus.size),
			     regset_prstatus.size, data, regset_prstatus.size);
		break;
	case PTRACE_SETFPREGS:
		print_regset(f, &regset_fpregs, data_bytes(c, false, regset_fpregs.size),
			     regset_fpregs.size, data, regset_fpregs.size);
		break;
	default:
		fmt_ptr(f, data);
	}
}

static void ptrace_enter(struct sr_fmt *f, const struct sr_call *c)
{
	uint32_t req = ptrace_req(c);
	int n = ptrace_nargs(req);

	fmt_arg(f, c, 0);
	fmt_enum(f, &xlat_ptrace_request, c->args[0]);
	if (n < 2)
		return;
	fmt_arg(f, c, 1);
	fmt_pid(f, (int32_t)c->args[1]);
	if (n < 3)
		return;
	if (n == 4) {
		fmt_arg(f, c, 2);
		ptrace_print_addr(f, c, req);
	}
	if (data_at_exit(req) && fmt_decodes_structs(f))
		return;
	fmt_arg(f, c, 3);
	ptrace_print_data_entry(f, c, req);
}

static bool ptrace_exit_shown(const struct sr_call *c)
{
	uint32_t req = ptrace_req(c);

	return ptrace_nargs(req) > 2 && data_at_exit(req);
}

/* "[0x...]": a word the kernel stored at data. */
static void print_data_word(struct sr_fmt *f, const struct sr_call *c, bool hex)
{
	const uint8_t *p = data_bytes(c, true, sizeof(uint64_t));

	if (!p || call_failed(c)) {
		fmt_ptr(f, c->args[3]);
		return;
	}
	pr_array_begin(f);
	if (hex)
		pr_x(f, get64(p, 0));
	else
		pr_u(f, get64(p, 0));
	pr_array_end(f);
}

/* PTRACE_PEEKSIGINFO: the ret siginfo_t the kernel stored at data. */
static void print_siginfo_array(struct sr_fmt *f, const struct sr_call *c)
{
	size_t have, i;
	const uint8_t *p = blob_bytes(exit_blob(c, 3), &have);

	if (call_failed(c) || !c->args[3] || !p || have < sizeof(siginfo_t)) {
		fmt_ptr(f, c->args[3]);
		return;
	}
	pr_array_begin(f);
	for (i = 0; i < (uint64_t)c->ret && pr_array_elem(f, i); i++) {
		if ((i + 1) * sizeof(siginfo_t) > have) {
			pr_more(f);
			break;
		}
		fmt_kind(f, &sr_kind_siginfo, c, 3, p + i * sizeof(siginfo_t), sizeof(siginfo_t));
	}
	pr_array_end(f);
}

/* PTRACE_SECCOMP_GET_METADATA: {filter_off=N, flags=...}, data sized by addr. */
static void print_seccomp_metadata(struct sr_fmt *f, const struct sr_call *c)
{
	const uint64_t size = c->args[2];
	const size_t fo = offsetof(struct seccomp_metadata, filter_off);
	const size_t fl = offsetof(struct seccomp_metadata, flags);
	const uint8_t *in = data_bytes(c, false, fl), *out;

	if (size < fl || !in) {
		fmt_ptr(f, c->args[3]);
		return;
	}
	pr_struct_begin(f);
	pr_field_u(f, "filter_off", get64(in, fo));
	if (!call_failed(c) && (uint64_t)c->ret > fl) {
		out = data_bytes(c, true, sizeof(struct seccomp_metadata));
		if (size < sizeof(struct seccomp_metadata) || !out) {
			pr_field(f, "flags");
			pr_unknown(f);
		} else {
			pr_field(f, "flags");
			fmt_flags(f, &xlat_seccomp_filter_flags, get64(out, fl));
			if ((uint64_t)c->ret > sizeof(struct seccomp_metadata))
				pr_more(f);
		}
	}
	pr_struct_end(f);
}

/* The regset an NT_* type names, or NULL: strace decodes these two. */
static const struct regset *regset_of(uint64_t nt)
{
	switch (nt) {
	case NT_PRSTATUS:
		return &regset_prstatus;
	case NT_FPREGSET:
		return &regset_fpregs;
	}
	return NULL;
}

/* The iovec of slot 4 at entry or exit, and the registers it points to. */
static bool regset_iov(const struct sr_call *c, bool at_exit, struct iovec *iov,
		       const uint8_t **regs, size_t *have)
{
	const struct sr_blob *b = at_exit ? c->out[SR_PTRACE_IOV_SLOT] : c->in[SR_PTRACE_IOV_SLOT];
	const struct sr_blob *rb;

	*regs = NULL;
	*have = 0;
	if (!blob_ok(b) || b->len < sizeof(*iov))
		return false;
	iov->iov_base = (void *)(uintptr_t)get64(blob_data(b), offsetof(struct iovec, iov_base));
	iov->iov_len = get64(blob_data(b), offsetof(struct iovec, iov_len));
	rb = blob_next(b, call__blob_end(c, b));
	if (rb && (rb->arg & 7) == SR_PTRACE_IOV_SLOT)
		*regs = blob_bytes(rb, have);
	return true;
}

static void print_regset_at(struct sr_fmt *f, const struct sr_call *c, const struct iovec *iov,
			    const uint8_t *regs, size_t have)
{
	const struct regset *rs = regset_of(c->args[2]);
	uint64_t base = (uintptr_t)iov->iov_base;

	if (rs)
		print_regset(f, rs, regs, have, base, iov->iov_len);
	else
		fmt_ptr(f, base);
}

/*
 * PTRACE_GETREGSET: {iov_base={...}, iov_len=N} as the kernel left them
 * ("iov_len=512 => 216" when it shortened the set); PTRACE_SETREGSET: what
 * the call read, and the length it stored if that changed.
 */
static void print_regset_iov(struct sr_fmt *f, const struct sr_call *c, bool set)
{
	struct iovec in, out;
	const uint8_t *regs, *unused;
	size_t have, n;
	bool has_in = regset_iov(c, false, &in, set ? &regs : &unused, set ? &have : &n);
	bool has_out = regset_iov(c, true, &out, set ? &unused : &regs, set ? &n : &have);

	if (!has_in || (!set && !has_out)) {
		fmt_ptr(f, c->args[3]);
		return;
	}
	pr_struct_begin(f);
	pr_field(f, "iov_base");
	if (set)
		print_regset_at(f, c, &in, regs, have);
	else if (call_failed(c))
		fmt_ptr(f, (uintptr_t)out.iov_base);
	else
		print_regset_at(f, c, &out, regs, have);
	pr_field_u(f, "iov_len", in.iov_len);
	if (has_out && out.iov_len != in.iov_len) {
		pr_changed(f);
		pr_u(f, out.iov_len);
	}
	pr_struct_end(f);
}

/* struct ptrace_syscall_info's parts (strace 6.1 knows them up to seccomp's ret_data). */
#define PSI_HEAD_SIZE	 offsetof(struct ptrace_syscall_info, entry)
#define PSI_ARCH_END	 (offsetof(struct ptrace_syscall_info, arch) + sizeof(__u32))
#define PSI_IP_END	 (offsetof(struct ptrace_syscall_info, instruction_pointer) + sizeof(__u64))
#define PSI_NR_END	 (offsetof(struct ptrace_syscall_info, entry.nr) + sizeof(__u64))
#define PSI_ENTRY_ARGS	 offsetof(struct ptrace_syscall_info, entry.args)
#define PSI_SECCOMP_ARGS offsetof(struct ptrace_syscall_info, seccomp.args)
#define PSI_EXIT_SIZE	 (offsetof(struct ptrace_syscall_info, exit.is_error) + sizeof(__u8))
#define PSI_SECCOMP_SIZE (offsetof(struct ptrace_syscall_info, seccomp.ret_data) + sizeof(__u32))

/* entry={nr=__NR_chdir, args=[...]} or seccomp={...}: the args within @fetch bytes. */
static void print_psi_call(struct sr_fmt *f, const uint8_t *p, size_t fetch, uint32_t arch,
			   size_t args_off, bool seccomp)
{
	size_t n = fetch > args_off ? (fetch - args_off) / sizeof(__u64) : 0, i;

	pr_struct_begin(f);
	pr_field(f, "nr");
	fmt_scno(f, arch, get64(p, PSI_HEAD_SIZE));
	if (n) {
		pr_field(f, "args");
		pr_array_begin(f);
		for (i = 0; i < n && i < 6 && pr_array_elem(f, i); i++)
			pr_x(f, get64(p, args_off + i * sizeof(__u64)));
		pr_array_end(f);
	}
	if (seccomp && fetch >= PSI_SECCOMP_SIZE)
		pr_field_u(f, "ret_data",
			   get32(p, offsetof(struct ptrace_syscall_info, seccomp.ret_data)));
	pr_struct_end(f);
}

/* exit={rval=-ENOENT, is_error=1}: is_error only when the kernel stored it. */
static void print_psi_exit(struct sr_fmt *f, const uint8_t *p, size_t fetch)
{
	int64_t rval = (int64_t)get64(p, offsetof(struct ptrace_syscall_info, exit.rval));
	uint8_t is_error = p[offsetof(struct ptrace_syscall_info, exit.is_error)];
	const char *n = NULL;

	pr_struct_begin(f);
	pr_field(f, "rval");
	if (fetch >= PSI_EXIT_SIZE && is_error && rval < 0 && rval >= -4095)
		n = errno__name((int)-rval);
	if (n) {
		char buf[40];

		snprintf(buf, sizeof(buf), "-%s", n);
		pr_sym_fmt(f, buf, (uint64_t)rval, SR_NUM_D);
	} else {
		pr_d(f, rval);
	}
	if (fetch >= PSI_EXIT_SIZE)
		pr_field_u(f, "is_error", is_error);
	pr_struct_end(f);
}

/*
 * PTRACE_GET_SYSCALL_INFO: the fields within what the kernel stored (the
 * smaller of addr and the return value), as far as strace knows the struct.
 */
static void print_syscall_info(struct sr_fmt *f, const struct sr_call *c)
{
	uint64_t ret = call_failed(c) ? UINT64_MAX : (uint64_t)c->ret;
	size_t fetch = c->args[2] < ret ? c->args[2] : ret, have;
	const uint8_t *p;
	uint8_t info[sizeof(struct ptrace_syscall_info)] = { 0 };
	uint32_t arch;

	if (fetch > PSI_SECCOMP_SIZE)
		fetch = PSI_SECCOMP_SIZE;
	p = blob_bytes(exit_blob(c, 3), &have);
	if (!fetch || call_failed(c) || !c->args[3] || !p || have < fetch) {
		fmt_ptr(f, c->args[3]);
		return;
	}
	memcpy(info, p, fetch);
	arch = get32(info, offsetof(struct ptrace_syscall_info, arch));
	pr_struct_begin(f);
	pr_field(f, "op");
	fmt_enum(f, &xlat_ptrace_syscall_info_op, info[0]);
	if (fetch >= PSI_ARCH_END) {
		pr_field(f, "arch");
		fmt_enum(f, &xlat_audit_arch, arch);
	}
	if (fetch >= PSI_IP_END)
		pr_field_addr(f, "instruction_pointer",
			      get64(info,
				    offsetof(struct ptrace_syscall_info, instruction_pointer)));
	if (fetch >= PSI_HEAD_SIZE)
		pr_field_addr(f, "stack_pointer",
			      get64(info, offsetof(struct ptrace_syscall_info, stack_pointer)));
	if (fetch >= PSI_NR_END) {
		switch (info[0]) {
		case PTRACE_SYSCALL_INFO_ENTRY:
			pr_field(f, "entry");
			print_psi_call(f, info, fetch, arch, PSI_ENTRY_ARGS, false);
			break;
		case PTRACE_SYSCALL_INFO_SECCOMP:
			pr_field(f, "seccomp");
			print_psi_call(f, info, fetch, arch, PSI_SECCOMP_ARGS, true);
			break;
		case PTRACE_SYSCALL_INFO_EXIT:
			pr_field(f, "exit");
			print_psi_exit(f, info, fetch);
			break;
		}
	}
	pr_struct_end(f);
}

static void ptrace_exit(struct sr_fmt *f, const struct sr_call *c)
{
	uint32_t req = ptrace_req(c);
	const uint64_t data = c->args[3];

	if (!ptrace_exit_shown(c) || !fmt_decodes_structs(f))
		return;
	fmt_arg(f, c, 3);
	switch (req) {
	case PTRACE_PEEKDATA:
	case PTRACE_PEEKTEXT:
	case PTRACE_PEEKUSR:
		print_data_word(f, c, true);
		break;
	case PTRACE_GETEVENTMSG:
		print_data_word(f, c, false);
		break;
	case PTRACE_GETREGSET:
	case PTRACE_SETREGSET:
		print_regset_iov(f, c, req == PTRACE_SETREGSET);
		break;
	case PTRACE_GETSIGINFO:
		print_data_siginfo(f, c, true);
		break;
	case PTRACE_GETSIGMASK:
		print_data_sigmask(f, c, true);
		break;
	case PTRACE_PEEKSIGINFO:
		print_siginfo_array(f, c);
		break;
	case PTRACE_SECCOMP_GET_METADATA:
		print_seccomp_metadata(f, c);
		break;
	case PTRACE_GET_SYSCALL_INFO:
		print_syscall_info(f, c);
		break;
	case PTRACE_GETREGS:
	case PTRACE_GETFPREGS: {
		const struct regset *rs = req == PTRACE_GETREGS ? &regset_prstatus : &regset_fpregs;

		print_regset(f, rs, call_failed(c) ? NULL : data_bytes(c, true, rs->size), rs->size,
			     data, rs->size);
		break;
	}
	default: /* PTRACE_SECCOMP_GET_FILTER: the program is not followed */
		fmt_ptr(f, data);
	}
}

/*
 * addr: PTRACE_PEEKSIGINFO's arguments; data: whatever struct the request
 * reads or writes there (a page end cuts the copy); slot 4: the iovec at
 * data and the registers it points to.
 */
static void ptrace_plan(const struct sr_sysent *ent, const struct sr_opts *o, struct sr_plan *p)
{
	(void)ent;
	(void)o;
	p->a[2] = (struct sr_plan_arg){ .when = SR_CAP_ENTER | SR_CAP_PART,
					.how = SR_HOW_BUF,
					.elem = sizeof(struct ptrace_peeksiginfo_args),
					.cap = sizeof(struct ptrace_peeksiginfo_args) };
	p->a[3] = (struct sr_plan_arg){ .when = SR_CAP_ENTER | SR_CAP_EXIT | SR_CAP_PART,
					.how = SR_HOW_BUF,
					.elem = SR_PTRACE_DATA_CAP,
					.cap = SR_PTRACE_DATA_CAP };
	p->a[SR_PTRACE_IOV_SLOT] = (struct sr_plan_arg){
		.when = SR_CAP_ENTER | SR_CAP_EXIT | SR_CAP_ANYRET,
		.how = SR_HOW_INDIRECT,
		.len_arg = 3,
		.cap = SR_PTRACE_REGSET_CAP,
	};
}

/* -y: PTRACE_SETSIGINFO's and PTRACE_GETSIGINFO's si_fd. */
static void ptrace_data_fds(const struct sr_call *c, int argi, bool at_exit, sr_fd_fn fn, void *ctx)
{
	uint32_t req = ptrace_req(c);
	const uint8_t *p;

	if (req != (at_exit ? PTRACE_GETSIGINFO : PTRACE_SETSIGINFO))
		return;
	p = data_bytes(c, at_exit, sizeof(siginfo_t));
	if (p && sr_kind_siginfo.fds)
		sr_kind_siginfo.fds(c, argi, p, sizeof(siginfo_t), fn, ctx);
}

/* The row's data argument: printed by the whole-call decoder. */
static void ptrace_data_print(struct sr_fmt *f, const struct sr_call *c, int argi)
{
	fmt_ptr(f, c->args[argi]);
}

const struct sr_decoder sr_dec_ptrace_data = {
	.name = "ptrace_data",
	.print = ptrace_data_print,
	.fds = ptrace_data_fds,
};

const struct sr_scdec sr_scdec_ptrace = {
	.name = "ptrace",
	.enter = ptrace_enter,
	.exit = ptrace_exit,
	.exit_shown = ptrace_exit_shown,
	.plan = ptrace_plan,
};
