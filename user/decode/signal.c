// SPDX-License-Identifier: GPL-2.0
/* Decoders: signals. */
#include <signal.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <ucontext.h>
#include <unistd.h>
#include <linux/audit.h>

#include "decode/decode.h"
#include "cli/opts.h"

/* Bytes of a kernel sigset_t (64 signals): masks of other sizes are not read. */
#define SR_NSIG_BYTES 8
/*
 * sa_flags bit telling that sa_restorer is set (x86_64 and arm64 alike):
 * <asm/signal.h> has it, but its sigset_t clashes with glibc's, which
 * <sys/types.h> brings in; glibc's <signal.h> keeps it to itself.
 */
#define SR_SA_RESTORER 0x04000000ull
/* The bytes of siginfo that hold anything (struct kernel_siginfo). */
#define SR_SIGINFO_USED 48

/*
 * The kernel's struct sigaction (<asm/signal.h>, which clashes with glibc's
 * <signal.h>): handler, flags, restorer, then the mask.
 */
struct sr_ksigaction {
	uint64_t handler;
	uint64_t flags;
	uint64_t restorer;
	uint64_t mask;
};

_Static_assert(sizeof(stack_t) == 24, "stack_t: ss_sp, int ss_flags (padded), ss_size");
_Static_assert(sizeof(siginfo_t) == 128, "siginfo_t is 128 bytes");

/*
 * Where uc_sigmask sits relative to the user stack pointer at rt_sigreturn
 * entry. x86_64: the return address was popped, so sp points at the struct
 * ucontext of the rt_sigframe. arm64: sp points at the rt_sigframe, a
 * siginfo then the ucontext. glibc's ucontext_t lays out uc_flags, uc_link,
 * uc_stack, then (x86_64) a 256-byte machine context or (arm64) the mask
 * first, as the kernel's struct ucontext (<asm/ucontext.h>) does.
 */
#if defined(__aarch64__)
#define SR_SIGFRAME_MASK_OFF (sizeof(siginfo_t) + offsetof(ucontext_t, uc_sigmask))
#else
#define SR_SIGFRAME_MASK_OFF offsetof(ucontext_t, uc_sigmask)
_Static_assert(sizeof(mcontext_t) == 256, "x86_64: struct sigcontext's size");
#endif

const char *signame_short(int sig, char *buf, size_t len)
{
	const char *n = sig > 0 && sig < 32 ? xlat__name(&xlat_signals, sig) : NULL;

	if (n)
		snprintf(buf, len, "%s", n + 3);
	else if (sig == 32)
		snprintf(buf, len, "RTMIN");
	else if (sig > 32 && sig <= 64)
		snprintf(buf, len, "RT_%d", sig - 32);
	else
		snprintf(buf, len, "%d", sig);
	return buf;
}

void fmt_signame(struct sr_fmt *f, int sig)
{
	char buf[16], name[20];

	if (sig <= 0 || sig > 64) {
		pr_d(f, sig);
		return;
	}
	snprintf(name, sizeof(name), "SIG%s", signame_short(sig, buf, sizeof(buf)));
	pr_sym_fmt(f, name, (uint64_t)sig, SR_NUM_D);
}

/*
 * A mask of @bytes (at most 8) bytes, counted in 32-bit words as strace does:
 * "[INT QUIT]", or "~[RTMIN RT_1]" once two thirds of the bits are set.
 */
static void print_sigmask(struct sr_fmt *f, const void *data, size_t bytes)
{
	uint32_t w[2] = { 0, 0 };
	unsigned int words, set = 0, i;
	bool negated;
	char buf[16];

	if (bytes > sizeof(w))
		bytes = sizeof(w);
	memcpy(w, data, bytes);
	words = (bytes + 3) / 4;
	for (i = 0; i < words; i++)
		set += __builtin_popcount(w[i]);
	negated = set >= words * 32 * 2 / 3;
	if (negated)
		for (i = 0; i < words; i++)
			w[i] = ~w[i];
	pr_set_begin(f, negated);
	for (i = 0; i < words * 32; i++)
		if (w[i / 32] & (1u << (i % 32)))
			pr_sym_fmt(f, signame_short(i + 1, buf, sizeof(buf)), i + 1, SR_NUM_D);
	pr_set_end(f);
}

/*
 * sigset_t, sized by the syscall's sigsetsize argument, which the kernel
 * insists be 8 (rt_sigpending takes 1 to 8): strace prints the address of
 * any other size. With c == NULL, @len bytes the caller already checked.
 */
static void sigset_sized(struct sr_fmt *f, const struct sr_call *c, int argi, const void *data,
			 size_t len, uint64_t min)
{
	const struct sr_argdesc *a;
	uint64_t size;

	if (!c || argi < 0 || argi >= SR_NARGS) {
		print_sigmask(f, data, len);
		return;
	}
	a = &c->ent->args[argi];
	size = len;
	if (SR_L_KIND(a->len) == SR_L_ARG(0))
		size = c->args[SR_L_IDX(a->len) % SR_NARGS];
	if (size < min || size > SR_NSIG_BYTES || len < size) {
		fmt_ptr(f, c->args[argi]);
		return;
	}
	print_sigmask(f, data, size);
}

/* Masks other than rt_sigpending's must be exactly 8 bytes. */
static void sigset_print(struct sr_fmt *f, const struct sr_call *c, int argi, const void *data,
			 size_t len)
{
	sigset_sized(f, c, argi, data, len, SR_NSIG_BYTES);
}

/* rt_sigpending accepts a mask of 1 to 8 bytes. */
static void sigset_pending_print(struct sr_fmt *f, const struct sr_call *c, int argi,
				 const void *data, size_t len)
{
	sigset_sized(f, c, argi, data, len, 1);
}

static void print_sa_handler(struct sr_fmt *f, uint64_t h)
{
	if (h == (uint64_t)(uintptr_t)SIG_DFL)
		pr_sym(f, "SIG_DFL", h);
	else if (h == (uint64_t)(uintptr_t)SIG_IGN)
		pr_sym(f, "SIG_IGN", h);
	else if (h == (uint64_t)(uintptr_t)SIG_ERR)
		pr_sym(f, "SIG_ERR", h);
	else
		pr_x(f, h);
}

static void sigaction_print(struct sr_fmt *f, const struct sr_call *c, int argi, const void *data,
			    size_t len)
{
	struct sr_ksigaction sa;

	memcpy(&sa, data, sizeof(sa));
	pr_struct_begin(f);
	pr_field(f, "sa_handler");
	print_sa_handler(f, sa.handler);
	pr_field(f, "sa_mask");
	print_sigmask(f, (const uint8_t *)data + offsetof(struct sr_ksigaction, mask),
		      SR_NSIG_BYTES);
	pr_field(f, "sa_flags");
	fmt_flags(f, &xlat_sa_flags, sa.flags);
	if (sa.flags & SR_SA_RESTORER)
		pr_field_addr(f, "sa_restorer", sa.restorer);
	pr_struct_end(f);
}

static void stack_t_print(struct sr_fmt *f, const struct sr_call *c, int argi, const void *data,
			  size_t len)
{
	stack_t ss;

	memcpy(&ss, data, sizeof(ss));
	pr_struct_begin(f);
	pr_field_addr(f, "ss_sp", (uintptr_t)ss.ss_sp);
	pr_field(f, "ss_flags");
	fmt_flags(f, &xlat_sigaltstack_flags, (uint32_t)ss.ss_flags);
	pr_field_u(f, "ss_size", ss.ss_size);
	pr_struct_end(f);
}

/* Offsets of siginfo_t's fields: glibc's layout is the kernel's. */
enum {
	SI_PID = offsetof(siginfo_t, si_pid), /* kill, rt, sigchld */
	SI_UID = offsetof(siginfo_t, si_uid),
	SI_TIMERID = offsetof(siginfo_t, si_timerid), /* timers */
	SI_OVERRUN = offsetof(siginfo_t, si_overrun),
	SI_VALUE = offsetof(siginfo_t, si_value), /* rt and timers: si_int / si_ptr */
	SI_STATUS = offsetof(siginfo_t, si_status), /* sigchld */
	SI_UTIME = offsetof(siginfo_t, si_utime),
	SI_STIME = offsetof(siginfo_t, si_stime),
	SI_ADDR = offsetof(siginfo_t, si_addr), /* faults */
	SI_ADDR_LSB = offsetof(siginfo_t, si_addr_lsb),
	SI_LOWER = offsetof(siginfo_t, si_lower),
	SI_UPPER = offsetof(siginfo_t, si_upper),
	SI_PKEY = offsetof(siginfo_t, si_pkey),
	SI_BAND = offsetof(siginfo_t, si_band), /* sigpoll */
	SI_FD = offsetof(siginfo_t, si_fd),
	SI_CALL_ADDR = offsetof(siginfo_t, si_call_addr), /* sigsys */
	SI_SYSCALL = offsetof(siginfo_t, si_syscall),
	SI_ARCH = offsetof(siginfo_t, si_arch),
};

_Static_assert(SI_STIME + 8 <= SR_SIGINFO_USED, "the fields shown are within what is kept");

static const struct sr_xlat *si_code_table(int sig)
{
	switch (sig) {
	case SIGTRAP:
		return &xlat_trap_codes;
	case SIGCHLD:
		return &xlat_cld_codes;
	case SIGIO:
		return &xlat_poll_codes;
	case SIGILL:
		return &xlat_ill_codes;
	case SIGFPE:
		return &xlat_fpe_codes;
	case SIGSEGV:
		return &xlat_segv_codes;
	case SIGBUS:
		return &xlat_bus_codes;
	case SIGSYS:
		return &xlat_sys_codes;
	default:
		return NULL;
	}
}

/* The SI_ names first, then the signal's own codes; unknown ones in hex. */
static void print_si_code(struct sr_fmt *f, int32_t code, int sig)
{
	const struct sr_xlat *x = si_code_table(sig);
	const char *n = xlat__name(&xlat_si_codes, (uint64_t)(int64_t)code);

	if (!n && x)
		n = xlat__name(x, (uint64_t)(int64_t)code);
	if (n)
		pr_sym(f, n, (uint32_t)code);
	else
		pr_x(f, (uint32_t)code);
}

static void print_si_source(struct sr_fmt *f, const uint8_t *p)
{
	pr_field(f, "si_pid");
	fmt_pid(f, (int32_t)get32(p, SI_PID));
	pr_field_id(f, "si_uid", get32(p, SI_UID));
}

static void print_si_value(struct sr_fmt *f, const uint8_t *p)
{
	pr_field_d(f, "si_int", (int32_t)get32(p, SI_VALUE));
	pr_field_addr(f, "si_ptr", get64(p, SI_VALUE));
}

static void print_si_chld(struct sr_fmt *f, const uint8_t *p, int32_t code)
{
	int32_t status = (int32_t)get32(p, SI_STATUS);

	print_si_source(f, p);
	pr_field(f, "si_status");
	if (code == CLD_EXITED)
		pr_d(f, status);
	else
		fmt_signame(f, status);
	pr_field(f, "si_utime");
	fmt_clock_t(f, get64(p, SI_UTIME));
	pr_field(f, "si_stime");
	fmt_clock_t(f, get64(p, SI_STIME));
}

static void print_si_poll(struct sr_fmt *f, const struct sr_call *c, const uint8_t *p)
{
	pr_field_d(f, "si_band", (int64_t)get64(p, SI_BAND));
	pr_field(f, "si_fd");
	fmt_fd(f, c, (int32_t)get32(p, SI_FD));
}

/* si_syscall by name when it is a native syscall: "__NR_getpid". */
static void print_si_sys(struct sr_fmt *f, const uint8_t *p)
{
	uint32_t arch = get32(p, SI_ARCH);

	pr_field_addr(f, "si_call_addr", get64(p, SI_CALL_ADDR));
	pr_field(f, "si_syscall");
	fmt_scno(f, arch, get32(p, SI_SYSCALL));
	pr_field(f, "si_arch");
	fmt_enum(f, &xlat_audit_arch, arch);
}

static void print_si_fault(struct sr_fmt *f, const uint8_t *p, int sig, int32_t code)
{
	pr_field_addr(f, "si_addr", get64(p, SI_ADDR));
	if (sig == SIGBUS && (code == BUS_MCEERR_AR || code == BUS_MCEERR_AO)) {
		pr_field_x(f, "si_addr_lsb", (uint16_t)get32(p, SI_ADDR_LSB));
	} else if (sig == SIGSEGV && code == SEGV_BNDERR) {
		pr_field_addr(f, "si_lower", get64(p, SI_LOWER));
		pr_field_addr(f, "si_upper", get64(p, SI_UPPER));
	} else if (sig == SIGSEGV && code == SEGV_PKUERR) {
		pr_field_u(f, "si_pkey", get32(p, SI_PKEY));
	}
}

/* Codes <= 0: sent by a process (kill, sigqueue, timers, tkill). */
static void print_si_user(struct sr_fmt *f, const struct sr_call *c, const uint8_t *p, int32_t code)
{
	switch (code) {
	case SI_USER:
	case SI_TKILL:
		print_si_source(f, p);
		break;
	case SI_TIMER:
		pr_field_x(f, "si_timerid", get32(p, SI_TIMERID));
		pr_field_d(f, "si_overrun", (int32_t)get32(p, SI_OVERRUN));
		print_si_value(f, p);
		break;
	case SI_SIGIO:
		print_si_poll(f, c, p);
		break;
	default:
		print_si_source(f, p);
		if (get64(p, SI_VALUE))
			print_si_value(f, p);
		break;
	}
}

/* Codes > 0: from the kernel; what follows depends on the signal. */
static void print_si_kernel(struct sr_fmt *f, const struct sr_call *c, const uint8_t *p, int sig,
			    int32_t code)
{
	switch (sig) {
	case SIGCHLD:
		print_si_chld(f, p, code);
		break;
	case SIGILL:
	case SIGFPE:
	case SIGBUS:
	case SIGSEGV:
	case SIGTRAP:
		print_si_fault(f, p, sig, code);
		break;
	case SIGIO:
		if (code >= POLL_IN && code <= POLL_HUP)
			print_si_poll(f, c, p);
		break;
	case SIGSYS:
		print_si_sys(f, p);
		break;
	default:
		if (get32(p, SI_PID) || get32(p, SI_UID))
			print_si_source(f, p);
		if (get64(p, SI_VALUE))
			print_si_value(f, p);
		break;
	}
}

/*
 * siginfo_t: an argument (rt_sigqueueinfo, waitid) or, with c == NULL, the
 * kernel_siginfo of a signal delivery ("--- SIGCHLD {...} ---").
 */
static void siginfo_print(struct sr_fmt *f, const struct sr_call *c, int argi, const void *data,
			  size_t len)
{
	uint8_t p[SR_SIGINFO_USED] = { 0 };
	int32_t sig, err, code;

	memcpy(p, data, len < sizeof(p) ? len : sizeof(p));
	sig = (int32_t)get32(p, 0);
	err = (int32_t)get32(p, 4);
	code = (int32_t)get32(p, 8);
	pr_struct_begin(f);
	if (sig) {
		pr_field(f, "si_signo");
		fmt_signame(f, sig);
		pr_field(f, "si_code");
		print_si_code(f, code, sig);
		if (err) {
			const char *n = errno__name(err);

			pr_field(f, "si_errno");
			if (n)
				pr_sym_fmt(f, n, (uint32_t)err, SR_NUM_D);
			else
				pr_u(f, (uint32_t)err);
		}
		if (code <= 0)
			print_si_user(f, c, p, code);
		else
			print_si_kernel(f, c, p, sig, code);
	}
	pr_struct_end(f);
}

/* si_fd, where siginfo_print() shows it: SIGIO's POLL_* codes, and SI_SIGIO. */
static void siginfo_fds(const struct sr_call *c, int argi, const void *data, size_t len,
			sr_fd_fn fn, void *ctx)
{
	uint8_t p[SR_SIGINFO_USED] = { 0 };
	int32_t sig, code;

	memcpy(p, data, len < sizeof(p) ? len : sizeof(p));
	sig = (int32_t)get32(p, 0);
	code = (int32_t)get32(p, 8);
	if (sig && (code == SI_SIGIO || (sig == SIGIO && code >= POLL_IN && code <= POLL_HUP)))
		fn(ctx, (int32_t)get32(p, SI_FD));
}

/*
 * An ia32 task's struct sigaction (the kernel's struct compat_sigaction):
 * handler, flags and restorer of 32 bits, then the mask's 64 bits as two
 * u32, the same bytes on a little-endian machine.
 */
struct sr_ksigaction32 {
	uint32_t handler;
	uint32_t flags;
	uint32_t restorer;
	uint8_t mask[SR_NSIG_BYTES];
};

static void sigaction32_print(struct sr_fmt *f, const struct sr_call *c, int argi, const void *data,
			      size_t len)
{
	struct sr_ksigaction32 sa32;
	struct sr_ksigaction sa;

	memcpy(&sa32, data, sizeof(sa32));
	sa.handler = sa32.handler;
	sa.flags = sa32.flags;
	sa.restorer = sa32.restorer;
	memcpy(&sa.mask, sa32.mask, sizeof(sa.mask));
	sigaction_print(f, c, argi, &sa, sizeof(sa));
}

static const struct sr_kind sr_kind_sigaction32 = {
	.name = "sigaction32",
	.size = sizeof(struct sr_ksigaction32),
	.print = sigaction32_print,
	.same32 = true, /* an ia32 layout already */
};

/* An ia32 task's stack_t: ss_sp, ss_flags and ss_size of 32 bits each. */
static void stack_t32_print(struct sr_fmt *f, const struct sr_call *c, int argi, const void *data,
			    size_t len)
{
	stack_t ss = {
		.ss_sp = (void *)(uintptr_t)get32(data, 0),
		.ss_flags = (int32_t)get32(data, sizeof(uint32_t)),
		.ss_size = get32(data, 2 * sizeof(uint32_t)),
	};

	stack_t_print(f, c, argi, &ss, sizeof(ss));
}

static const struct sr_kind sr_kind_stack_t32 = {
	.name = "stack_t32",
	.size = 3 * sizeof(uint32_t),
	.print = stack_t32_print,
	.same32 = true, /* an ia32 layout already */
};

const struct sr_kind sr_kind_sigaction = {
	.name = "sigaction",
	.size = sizeof(struct sr_ksigaction),
	.max = 0,
	.print = sigaction_print,
	.kind32 = &sr_kind_sigaction32,
};
/* Only the first 8 bytes are ever shown; the kernel rejects other sizes. */
const struct sr_kind sr_kind_sigset = {
	.name = "sigset",
	.same32 = true, /* fixed-width fields */
	.size = 0,
	.max = SR_NSIG_BYTES,
	.print = sigset_print,
};
const struct sr_kind sr_kind_sigset_pending = {
	.name = "sigset_pending",
	.size = 0,
	.max = SR_NSIG_BYTES,
	.print = sigset_pending_print,
};
const struct sr_kind sr_kind_stack_t = {
	.name = "stack_t",
	.size = sizeof(stack_t),
	.max = 0,
	.print = stack_t_print,
	.kind32 = &sr_kind_stack_t32,
};
const struct sr_kind sr_kind_siginfo = {
	.name = "siginfo",
	.size = sizeof(siginfo_t),
	.max = 0,
	.print = siginfo_print,
	.fds = siginfo_fds,
};

/* rt_sigreturn: the signal mask the frame restores, read at the stack pointer. */
static void sigreturn_plan(const struct sr_sysent *ent, int argi, const struct sr_opts *o,
			   struct sr_plan_arg *pa)
{
	pa->when = SR_CAP_ENTER;
	pa->how = SR_HOW_SPREL;
	pa->len_src = SR_LEN_FIXED;
	pa->elem = SR_SIGFRAME_MASK_OFF;
	pa->cap = SR_NSIG_BYTES;
}

static void sigreturn_print(struct sr_fmt *f, const struct sr_call *c, int argi)
{
	const struct sr_blob *b = c->in[argi];

	pr_struct_begin(f);
	pr_field(f, "mask");
	if (b && !(b->flags & (SR_BF_FAULT | SR_BF_NULL)) && b->len >= SR_NSIG_BYTES)
		print_sigmask(f, blob_data(b), SR_NSIG_BYTES);
	else
		pr_sym(f, "?", 0); /* strace shows the frame's address, which we lack */
	pr_struct_end(f);
}

const struct sr_decoder sr_dec_sigreturn_frame = {
	.name = "sigreturn_frame",
	.at_exit = false,
	.plan = sigreturn_plan,
	.print = sigreturn_print,
};
