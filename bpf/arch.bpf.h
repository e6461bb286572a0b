/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The only architecture-specific piece of the BPF side: where the syscall
 * number and the six arguments live in struct pt_regs. Syscall numbers
 * themselves never appear in BPF code; user space marks them in the plans.
 */
#ifndef SYSRAY_ARCH_BPF_H
#define SYSRAY_ARCH_BPF_H

/*
 * Field @f of struct pt_regs, read at vmlinux.h's offset. Its layout is the
 * architecture's ABI, the same on every kernel, so the reads need no CO-RE
 * relocation: a plain regs->f would make one per read (~160 in all), each a
 * type lookup by name for the kernel at load (or for libbpf).
 */
#define SR_REG(regs, f)                                                         \
	(*(const __typeof__(((struct pt_regs *)0)->f) *)((const char *)(regs) + \
							 __builtin_offsetof(struct pt_regs, f)))

/*
 * Field @f of the @type at @p, at vmlinux.h's offset, for layouts fixed by
 * an ABI (the same reasoning as SR_REG): no CO-RE relocation.
 */
#define SR_FIELD(p, type, f) \
	(*(__typeof__(((type *)0)->f) *)((char *)(p) + __builtin_offsetof(type, f)))

#if defined(__TARGET_ARCH_x86)

static __always_inline long sr_regs_nr(struct pt_regs *regs)
{
	return SR_REG(regs, orig_ax);
}

static __always_inline __u64 sr_regs_sp(struct pt_regs *regs)
{
	return SR_REG(regs, sp);
}

/* Where the task resumes: the instruction after the syscall (strace -i). */
static __always_inline __u64 sr_regs_ip(struct pt_regs *regs)
{
	return SR_REG(regs, ip);
}

/*
 * An ia32 task's syscall: its number is i386's, not x86_64's. TS_COMPAT is
 * 0x0002 in arch/x86/include/asm/thread_info.h (a macro, so not in BTF).
 */
static __always_inline bool sr_compat_syscall(struct task_struct *cur)
{
#if SR_BPF_LOOP
	return cur->thread_info.status & 0x0002;
#else
	struct task_struct *t = (struct task_struct *)bpf_get_current_task();

	return BPF_CORE_READ(t, thread_info.status) & 0x0002;
#endif
}

/*
 * Valid at sys_enter and at sys_exit: the argument registers are not
 * clobbered. ia32 syscalls pass them in ebx, ecx, edx, esi, edi, ebp.
 */
static __always_inline void sr_regs_args(struct pt_regs *regs, __u64 *a, struct task_struct *cur)
{
	if (sr_compat_syscall(cur)) {
		a[0] = (__u32)SR_REG(regs, bx);
		a[1] = (__u32)SR_REG(regs, cx);
		a[2] = (__u32)SR_REG(regs, dx);
		a[3] = (__u32)SR_REG(regs, si);
		a[4] = (__u32)SR_REG(regs, di);
		a[5] = (__u32)SR_REG(regs, bp);
		return;
	}
	a[0] = SR_REG(regs, di);
	a[1] = SR_REG(regs, si);
	a[2] = SR_REG(regs, dx);
	a[3] = SR_REG(regs, r10);
	a[4] = SR_REG(regs, r8);
	a[5] = SR_REG(regs, r9);
}

/* -k: the user registers in DWARF order (rax rdx rcx rbx rsi rdi rbp rsp r8-r15 rip). */
static __always_inline void sr_regs_dwarf(struct pt_regs *regs, __u64 *r)
{
	r[0] = SR_REG(regs, ax);
	r[1] = SR_REG(regs, dx);
	r[2] = SR_REG(regs, cx);
	r[3] = SR_REG(regs, bx);
	r[4] = SR_REG(regs, si);
	r[5] = SR_REG(regs, di);
	r[6] = SR_REG(regs, bp);
	r[7] = SR_REG(regs, sp);
	r[8] = SR_REG(regs, r8);
	r[9] = SR_REG(regs, r9);
	r[10] = SR_REG(regs, r10);
	r[11] = SR_REG(regs, r11);
	r[12] = SR_REG(regs, r12);
	r[13] = SR_REG(regs, r13);
	r[14] = SR_REG(regs, r14);
	r[15] = SR_REG(regs, r15);
	r[16] = SR_REG(regs, ip);
}

#elif defined(__TARGET_ARCH_arm64)

static __always_inline long sr_regs_nr(struct pt_regs *regs)
{
	return SR_REG(regs, syscallno);
}

static __always_inline __u64 sr_regs_sp(struct pt_regs *regs)
{
	return SR_REG(regs, sp);
}

/* Where the task resumes: the instruction after the svc (strace -i). */
static __always_inline __u64 sr_regs_ip(struct pt_regs *regs)
{
	return SR_REG(regs, pc);
}

/* AArch32 tasks are not told apart yet: arm64 builds are not supported. */
static __always_inline bool sr_compat_syscall(struct task_struct *cur)
{
	return false;
}

/* x0 holds the return value at exit; orig_x0 keeps the first argument. */
static __always_inline void sr_regs_args(struct pt_regs *regs, __u64 *a, struct task_struct *cur)
{
	a[0] = SR_REG(regs, orig_x0);
	a[1] = SR_REG(regs, regs[1]);
	a[2] = SR_REG(regs, regs[2]);
	a[3] = SR_REG(regs, regs[3]);
	a[4] = SR_REG(regs, regs[4]);
	a[5] = SR_REG(regs, regs[5]);
}

/* -k: the user registers in DWARF order (x0-x30, sp), then pc. */
static __always_inline void sr_regs_dwarf(struct pt_regs *regs, __u64 *r)
{
	int i;

#pragma unroll
	for (i = 0; i < 31; i++)
		r[i] = SR_REG(regs, regs[i]);
	r[31] = SR_REG(regs, sp);
	r[32] = SR_REG(regs, pc);
}

#else
#error "sysray: unsupported architecture (add it to bpf/arch.bpf.h)"
#endif

/* Neither of these depends on the architecture. */

/*
 * Is the task dying without returning to user space, as strace would see it:
 * SIGKILL (9 on every architecture) pending for a group exit that a SIGKILL,
 * exit_group or another thread's execve started? The kernel also queues
 * SIGKILL to end a group on a fatal signal like SIGPIPE, but only when no
 * tracer is attached: under strace that call returns (write = -1 EPIPE).
 */
static __always_inline bool sr_task_dying(void)
{
	struct task_struct *t = (struct task_struct *)bpf_get_current_task();
	__u64 pending = BPF_CORE_READ(t, pending.signal.sig[0]);
	int sig = BPF_CORE_READ(t, signal, group_exit_code) & 0x7f;

	return (pending & (1UL << (9 - 1))) && (sig == 0 || sig == 9);
}

/*
 * Does a seccomp filter watch the task? Then a call the filter failed
 * (SECCOMP_RET_ERRNO) reaches sys_exit without ever reaching sys_enter.
 */
static __always_inline bool sr_seccomp_filtered(void)
{
	struct task_struct *t = (struct task_struct *)bpf_get_current_task();

	if (!bpf_core_field_exists(t->seccomp))
		return false;
	return BPF_CORE_READ(t, seccomp.mode) == 2; /* SECCOMP_MODE_FILTER */
}

#endif /* SYSRAY_ARCH_BPF_H */
