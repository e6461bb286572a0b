// SPDX-License-Identifier: GPL-2.0
/*
 * ptrace(2) (user/decode/ptrace.c), against lines strace 6.1 printed for
 * the same calls in its test suite (tests/ptrace.c, ptrace_syscall_info.c):
 * per-request argument lists, register sets behind PTRACE_GETREGSET's iovec
 * (argument slot 4: the iovec, then the registers as part 1), siginfo,
 * PTRACE_PEEKSIGINFO and PTRACE_GET_SYSCALL_INFO.
 */
#include <elf.h>
#include <errno.h>
#include <signal.h>
#include <string.h>
#include <linux/audit.h>
#include <linux/ptrace.h>

#include "rec.h"
#include "test.h"

/* The suite's garbage in the upper half of the pid, and in unused words. */
#define PID(p) (0xdefaced00000000ull | (p))
#define BAD    0xbadc0dedbadc0dedull

static void request_arities(struct t_state *st)
{
	struct t_sink s;
	uint64_t a[6] = { PTRACE_ATTACH, PID(25645), BAD, BAD, BAD, BAD };

	t_sink_open(&s);
	CHECK_STR(st, t_line(&s, "ptrace", a, NULL, 0, -EPERM, NULL, 0),
		  "ptrace(PTRACE_ATTACH, 25645)      = -1 EPERM (Operation not permitted)");
	a[0] = PTRACE_TRACEME;
	CHECK_STR(st, t_line(&s, "ptrace", a, NULL, 0, -EPERM, NULL, 0),
		  "ptrace(PTRACE_TRACEME)            = -1 EPERM (Operation not permitted)");
	a[0] = PTRACE_CONT;
	a[2] = 0;
	a[3] = SIGUSR1;
	CHECK_STR(st, t_line(&s, "ptrace", a, NULL, 0, -ESRCH, NULL, 0),
		  "ptrace(PTRACE_CONT, 25645, NULL, SIGUSR1) = -1 ESRCH (No such process)");
	a[0] = PTRACE_SETOPTIONS;
	a[3] = PTRACE_O_TRACEFORK | PTRACE_O_TRACECLONE;
	CHECK_STR(st, t_line(&s, "ptrace", a, NULL, 0, -ESRCH, NULL, 0),
		  "ptrace(PTRACE_SETOPTIONS, 25645, NULL, PTRACE_O_TRACEFORK|PTRACE_O_TRACECLONE)"
		  " = -1 ESRCH (No such process)");
	a[0] = 0xdeadbeeffffffeedull;
	a[2] = a[3] = 0;
	CHECK_STR(st, t_line(&s, "ptrace", a, NULL, 0, -ESRCH, NULL, 0),
		  "ptrace(0xdeadbeeffffffeed /* PTRACE_??? */, 25645, NULL, NULL)"
		  " = -1 ESRCH (No such process)");
	t_sink_close(&s);
}

/* PTRACE_GETREGSET: the iovec at exit, and the registers within its length. */
static void regsets(struct t_state *st)
{
	struct t_sink s;
	uint64_t iov[2] = { 0x7f458aa52ff0, 16 };
	uint64_t regs[2] = { 0x564ad5922139, 0x564ad59220cf };
	uint16_t fp[4] = { 0x37f, 0, 0, 0 };
	uint64_t a[6] = { PTRACE_GETREGSET, PID(32617), NT_PRSTATUS, 0x7ffd1db96600 };
	struct t_blobspec in = { 4, iov, sizeof(iov), 0, 0 };
	struct t_blobspec out[2] = { { 4, iov, sizeof(iov), 0, 0 },
				     { 4 | 8, regs, sizeof(regs), 0, 0 } };

	t_sink_open(&s);
	CHECK_STR(st, t_line(&s, "ptrace", a, &in, 1, 0, out, 2),
		  "ptrace(PTRACE_GETREGSET, 32617, NT_PRSTATUS, {iov_base={r15=0x564ad5922139, "
		  "r14=0x564ad59220cf}, iov_len=16}) = 0");
	/* a length the kernel refuses: the address */
	iov[1] = 15;
	out[1].len = 15;
	CHECK_STR(st, t_line(&s, "ptrace", a, &in, 1, -EINVAL, out, 2),
		  "ptrace(PTRACE_GETREGSET, 32617, NT_PRSTATUS, {iov_base=0x7f458aa52ff0, "
		  "iov_len=15}) = -1 EINVAL (Invalid argument)");
	a[0] = PTRACE_SETREGSET;
	a[2] = NT_FPREGSET;
	iov[1] = 8;
	in.data = iov;
	out[1].data = fp;
	out[1].len = sizeof(fp);
	{
		struct t_blobspec set_in[2] = { { 4, iov, sizeof(iov), 0, 0 },
						{ 4 | 8, fp, sizeof(fp), 0, 0 } };

		CHECK_STR(st, t_line(&s, "ptrace", a, set_in, 2, -EINVAL, out, 1),
			  "ptrace(PTRACE_SETREGSET, 32617, NT_FPREGSET, {iov_base={cwd=0x37f, "
			  "swd=0, ftw=0, fop=0}, iov_len=8}) = -1 EINVAL (Invalid argument)");
	}
	t_sink_close(&s);
}

static void siginfos(struct t_state *st)
{
	struct t_sink s;
	siginfo_t si;
	struct ptrace_peeksiginfo_args psi = { 0xdeadbeeffacefeedull, 1, 42 };
	uint64_t a[6] = { PTRACE_SETSIGINFO, PID(32612), 0xdeadbeeffffffeedull, 0x7f458aa6af80 };
	struct t_blobspec in = { 3, &si, sizeof(si), 0, 0 };

	memset(&si, 0, sizeof(si));
	si.si_signo = SIGSYS;
	si.si_code = 1; /* SYS_SECCOMP */
	si.si_errno = (int)3141592653u;
	si.si_syscall = 0; /* __NR_read */
	si.si_arch = AUDIT_ARCH_X86_64;
	t_sink_open(&s);
	CHECK_STR(st, t_line(&s, "ptrace", a, &in, 1, -ESRCH, NULL, 0),
		  "ptrace(PTRACE_SETSIGINFO, 32612, 0xdeadbeeffffffeed, {si_signo=SIGSYS, "
		  "si_code=SYS_SECCOMP, si_errno=3141592653, si_call_addr=NULL, "
		  "si_syscall=__NR_read, si_arch=AUDIT_ARCH_X86_64}) = -1 ESRCH (No such process)");
	a[0] = PTRACE_PEEKSIGINFO;
	a[2] = 0x7f458aa6aff0;
	a[3] = 0xdeadbeeffffffeedull;
	in.arg = 2;
	in.data = &psi;
	in.len = sizeof(psi);
	CHECK_STR(st, t_line(&s, "ptrace", a, &in, 1, -ESRCH, NULL, 0),
		  "ptrace(PTRACE_PEEKSIGINFO, 32612, {off=16045690985305276141, "
		  "flags=PTRACE_PEEKSIGINFO_SHARED, nr=42}, 0xdeadbeeffffffeed)"
		  " = -1 ESRCH (No such process)");
	t_sink_close(&s);
}

/* PTRACE_GET_SYSCALL_INFO: the fields within the smaller of addr and the return value. */
static void syscall_infos(struct t_state *st)
{
	struct t_sink s;
	struct ptrace_syscall_info info;
	uint64_t a[6] = { PTRACE_GET_SYSCALL_INFO, PID(32695), 33, 0x7f99c8194fdf };
	struct t_blobspec out = { 3, &info, sizeof(info), 0, 0 };

	memset(&info, 0, sizeof(info));
	info.op = PTRACE_SYSCALL_INFO_EXIT;
	info.arch = AUDIT_ARCH_X86_64;
	info.instruction_pointer = 0x7f99c80ac829;
	info.stack_pointer = 0x7ffe79ed2b18;
	info.exit.rval = -ENOENT;
	info.exit.is_error = 1;
	t_sink_open(&s);
	CHECK_STR(st, t_line(&s, "ptrace", a, NULL, 0, 33, &out, 1),
		  "ptrace(PTRACE_GET_SYSCALL_INFO, 32695, 33, {op=PTRACE_SYSCALL_INFO_EXIT, "
		  "arch=AUDIT_ARCH_X86_64, instruction_pointer=0x7f99c80ac829, "
		  "stack_pointer=0x7ffe79ed2b18, exit={rval=-ENOENT, is_error=1}}) = 33");
	a[2] = 32;
	CHECK_STR(st, t_line(&s, "ptrace", a, NULL, 0, 33, &out, 1),
		  "ptrace(PTRACE_GET_SYSCALL_INFO, 32695, 32, {op=PTRACE_SYSCALL_INFO_EXIT, "
		  "arch=AUDIT_ARCH_X86_64, instruction_pointer=0x7f99c80ac829, "
		  "stack_pointer=0x7ffe79ed2b18, exit={rval=-2}}) = 33");
	info.op = PTRACE_SYSCALL_INFO_ENTRY;
	info.entry.nr = 80; /* chdir */
	info.entry.args[0] = 0x55fb2c74a248;
	info.entry.args[1] = 0xbad1fed1;
	a[2] = 48;
	CHECK_STR(st, t_line(&s, "ptrace", a, NULL, 0, 80, &out, 1),
		  "ptrace(PTRACE_GET_SYSCALL_INFO, 32695, 48, {op=PTRACE_SYSCALL_INFO_ENTRY, "
		  "arch=AUDIT_ARCH_X86_64, instruction_pointer=0x7f99c80ac829, "
		  "stack_pointer=0x7ffe79ed2b18, entry={nr=__NR_chdir, args=[0x55fb2c74a248, "
		  "0xbad1fed1]}}) = 80");
	t_sink_close(&s);
}

T_SUITE(decode_ptrace_tests) = {
	T_CASE(request_arities), T_CASE(regsets), T_CASE(siginfos), T_CASE(syscall_infos), T_END,
};
