// SPDX-License-Identifier: GPL-2.0
/* Decoders: signals. */
#include <signal.h>
#include <stdio.h>
#include <string.h>
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
 * Where uc_sigmask sits relative to the user stack pointer at rt_sigreturn
 * entry. x86_64: the return address was popped, so sp points at the struct
 * ucontext of the rt_sigframe, and uc_sigmask follows uc_flags, uc_link,
 * uc_stack and the 256-byte struct sigcontext (<asm/ucontext.h>). arm64: sp
 * points at the rt_sigframe, a 128-byte siginfo then the ucontext, where
 * uc_sigmask comes right after uc_stack.
 */
#if defined(__aarch64__)
#define SR_SIGFRAME_MASK_OFF (128 + 40)
#else
#define SR_SIGFRAME_MASK_OFF 296
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
	pr_sym(f, name, (uint64_t)sig);
}

/*
 * A mask of @bytes (at most 8) bytes, counted in 32-bit words as strace does:
 * "[INT QUIT]", or "~[RTMIN RT_1]" once two thirds of the bits are set.
 */
static void print_sigmask(struct sr_fmt *f, const void *data, size_t bytes)
{
	uint32_t w[2] = { 0, 0 };
	unsigned int words, set = 0, i;
	bool first = true;
	char buf[16];

	if (bytes > sizeof(w))
		bytes = sizeof(w);
	memcpy(w, data, bytes);
	words = (bytes + 3) / 4;
	for (i = 0; i < words; i++)
		set += __builtin_popcount(w[i]);
	if (set >= words * 32 * 2 / 3) {
		for (i = 0; i < words; i++)
			w[i] = ~w[i];
		out__putc(f->out, '~');
	}
	out__putc(f->out, '[');
	for (i = 0; i < words * 32; i++) {
		if (!(w[i / 32] & (1u << (i % 32))))
			continue;
		if (!first)
			out__putc(f->out, ' ');
		first = false;
		out__puts(f->out, signame_short(i + 1, buf, sizeof(buf)));
	}
	out__putc(f->out, ']');
}

/*
 * sigset_t, sized by the syscall's sigsetsize argument, which the kernel
 * insists be 8 (rt_sigpending takes 1 to 8): strace prints the address of
 * any other size. With c == NULL, @len bytes the caller already checked.
 */
static void sigset_print(struct sr_fmt *f, const struct sr_call *c, int argi, const void *data,
			 size_t len)
{
	const struct sr_argdesc *a;
	uint64_t size, min = SR_NSIG_BYTES;

	if (!c || argi < 0 || argi >= SR_NARGS) {
		print_sigmask(f, data, len);
		return;
	}
	a = &c->ent->args[argi];
	size = len;
	if (SR_L_KIND(a->len) == SR_L_ARG(0))
		size = c->args[SR_L_IDX(a->len) % SR_NARGS];
	if (!strcmp(c->ent->name, "rt_sigpending"))
		min = 1;
	if (size < min || size > SR_NSIG_BYTES || len < size) {
		fmt_ptr(f, c->args[argi]);
		return;
	}
	print_sigmask(f, data, size);
}

static void print_sa_handler(struct sr_fmt *f, uint64_t h)
{
	if (h == 0)
		out__puts(f->out, "SIG_DFL");
	else if (h == 1)
		out__puts(f->out, "SIG_IGN");
	else if (h == UINT64_MAX)
		out__puts(f->out, "SIG_ERR");
	else
		out__hex(f->out, h);
}

/* The kernel's struct sigaction: handler, flags, restorer, then the mask. */
static void sigaction_print(struct sr_fmt *f, const struct sr_call *c, int argi, const void *data,
			    size_t len)
{
	const uint8_t *p = data;
	uint64_t flags = get64(p, 8);

	out__puts(f->out, "{sa_handler=");
	print_sa_handler(f, get64(p, 0));
	out__puts(f->out, ", sa_mask=");
	print_sigmask(f, p + 24, SR_NSIG_BYTES);
	out__puts(f->out, ", sa_flags=");
	fmt_flags(f, &xlat_sa_flags, flags);
	if (flags & SR_SA_RESTORER) {
		out__puts(f->out, ", sa_restorer=");
		fmt_ptr(f, get64(p, 16));
	}
	out__putc(f->out, '}');
}

/* stack_t: ss_sp, int ss_flags (padded), ss_size. */
static void stack_t_print(struct sr_fmt *f, const struct sr_call *c, int argi, const void *data,
			  size_t len)
{
	const uint8_t *p = data;

	out__puts(f->out, "{ss_sp=");
	fmt_ptr(f, get64(p, 0));
	out__puts(f->out, ", ss_flags=");
	fmt_flags(f, &xlat_sigaltstack_flags, get32(p, 8));
	out__puts(f->out, ", ss_size=");
	out__udec(f->out, get64(p, 16));
	out__putc(f->out, '}');
}

/*
 * siginfo_t on x86_64 and arm64: si_signo, si_errno, si_code at 0, 4, 8, the
 * union at 16. Field offsets below are into the whole struct.
 */
enum {
	SI_PID = 16, /* kill, rt, sigchld: pid_t si_pid; uid_t si_uid */
	SI_UID = 20,
	SI_TIMERID = 16, /* timer: int si_tid; int si_overrun; sigval */
	SI_OVERRUN = 20,
	SI_VALUE = 24, /* rt and timer: union sigval si_int / si_ptr */
	SI_STATUS = 24, /* sigchld: int si_status; clock_t si_utime, si_stime */
	SI_UTIME = 32,
	SI_STIME = 40,
	SI_ADDR = 16, /* sigfault: void *si_addr, then a union at 24 */
	SI_ADDR_LSB = 24,
	SI_LOWER = 32,
	SI_UPPER = 40,
	SI_PKEY = 32,
	SI_BAND = 16, /* sigpoll: long si_band; int si_fd */
	SI_FD = 24,
	SI_CALL_ADDR = 16, /* sigsys: void *si_call_addr; int si_syscall; u32 si_arch */
	SI_SYSCALL = 24,
	SI_ARCH = 28,
};

static const struct sr_xlat *si_code_table(int sig)
{
	switch (sig) {
	case 5: /* SIGTRAP */
		return &xlat_trap_codes;
	case 17: /* SIGCHLD */
		return &xlat_cld_codes;
	case 29: /* SIGIO */
		return &xlat_poll_codes;
	case 4: /* SIGILL */
		return &xlat_ill_codes;
	case 8: /* SIGFPE */
		return &xlat_fpe_codes;
	case 11: /* SIGSEGV */
		return &xlat_segv_codes;
	case 7: /* SIGBUS */
		return &xlat_bus_codes;
	case 31: /* SIGSYS */
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
		out__puts(f->out, n);
	else
		out__hex(f->out, (uint32_t)code);
}

static void print_uid(struct sr_fmt *f, uint32_t uid)
{
	if (uid == UINT32_MAX)
		out__puts(f->out, "-1");
	else
		out__udec(f->out, uid);
}

static void print_si_source(struct sr_fmt *f, const uint8_t *p)
{
	out__puts(f->out, ", si_pid=");
	fmt_pid(f, (int32_t)get32(p, SI_PID));
	out__puts(f->out, ", si_uid=");
	print_uid(f, get32(p, SI_UID));
}

static void print_si_value(struct sr_fmt *f, const uint8_t *p)
{
	out__puts(f->out, ", si_int=");
	out__dec(f->out, (int32_t)get32(p, SI_VALUE));
	out__puts(f->out, ", si_ptr=");
	fmt_ptr(f, get64(p, SI_VALUE));
}

static void print_si_ptr(struct sr_fmt *f, const char *name, uint64_t v)
{
	out__puts(f->out, ", ");
	out__puts(f->out, name);
	out__putc(f->out, '=');
	fmt_ptr(f, v);
}

static void print_si_chld(struct sr_fmt *f, const uint8_t *p, int32_t code)
{
	int32_t status = (int32_t)get32(p, SI_STATUS);

	print_si_source(f, p);
	out__puts(f->out, ", si_status=");
	if (code == CLD_EXITED)
		out__dec(f->out, status);
	else
		fmt_signame(f, status);
	out__puts(f->out, ", si_utime=");
	fmt_clock_t(f, get64(p, SI_UTIME));
	out__puts(f->out, ", si_stime=");
	fmt_clock_t(f, get64(p, SI_STIME));
}

static void print_si_poll(struct sr_fmt *f, const struct sr_call *c, const uint8_t *p)
{
	out__puts(f->out, ", si_band=");
	out__dec(f->out, (int64_t)get64(p, SI_BAND));
	out__puts(f->out, ", si_fd=");
	fmt_fd(f, c, (int32_t)get32(p, SI_FD));
}

/* si_syscall by name when it is a native syscall: "__NR_getpid". */
static void print_si_sys(struct sr_fmt *f, const uint8_t *p)
{
	uint32_t arch = get32(p, SI_ARCH);
	int nr = (int32_t)get32(p, SI_SYSCALL);
	const struct sr_sysent *e = syscalls__get(nr);

	print_si_ptr(f, "si_call_addr", get64(p, SI_CALL_ADDR));
	out__puts(f->out, ", si_syscall=");
	if (arch == AUDIT_ARCH_X86_64 && nr >= 0 && !e->raw) {
		out__puts(f->out, "__NR_");
		out__puts(f->out, e->name);
	} else {
		out__udec(f->out, (uint32_t)nr);
	}
	out__puts(f->out, ", si_arch=");
	fmt_enum(f, &xlat_audit_arch, arch);
}

static void print_si_fault(struct sr_fmt *f, const uint8_t *p, int sig, int32_t code)
{
	print_si_ptr(f, "si_addr", get64(p, SI_ADDR));
	if (sig == SIGBUS && (code == BUS_MCEERR_AR || code == BUS_MCEERR_AO)) {
		out__puts(f->out, ", si_addr_lsb=");
		out__hex(f->out, (uint16_t)get32(p, SI_ADDR_LSB));
	} else if (sig == SIGSEGV && code == SEGV_BNDERR) {
		print_si_ptr(f, "si_lower", get64(p, SI_LOWER));
		print_si_ptr(f, "si_upper", get64(p, SI_UPPER));
	} else if (sig == SIGSEGV && code == SEGV_PKUERR) {
		out__puts(f->out, ", si_pkey=");
		out__udec(f->out, get32(p, SI_PKEY));
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
		out__puts(f->out, ", si_timerid=");
		out__hex(f->out, get32(p, SI_TIMERID));
		out__puts(f->out, ", si_overrun=");
		out__dec(f->out, (int32_t)get32(p, SI_OVERRUN));
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
	case 17: /* SIGCHLD */
		print_si_chld(f, p, code);
		break;
	case 4: /* SIGILL */
	case 8: /* SIGFPE */
	case 7: /* SIGBUS */
	case 11: /* SIGSEGV */
	case 5: /* SIGTRAP */
		print_si_fault(f, p, sig, code);
		break;
	case 29: /* SIGIO */
		if (code >= 1 && code <= 6) /* POLL_IN .. POLL_HUP */
			print_si_poll(f, c, p);
		break;
	case 31: /* SIGSYS */
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
	out__putc(f->out, '{');
	if (sig) {
		out__puts(f->out, "si_signo=");
		fmt_signame(f, sig);
		out__puts(f->out, ", si_code=");
		print_si_code(f, code, sig);
		if (err) {
			const char *n = errno__name(err);

			out__puts(f->out, ", si_errno=");
			if (n)
				out__puts(f->out, n);
			else
				out__udec(f->out, (uint32_t)err);
		}
		if (code <= 0)
			print_si_user(f, c, p, code);
		else
			print_si_kernel(f, c, p, sig, code);
	}
	out__putc(f->out, '}');
}

const struct sr_kind sr_kind_sigaction = {
	.name = "sigaction",
	.size = 32,
	.max = 0,
	.print = sigaction_print,
};
/* Only the first 8 bytes are ever shown; the kernel rejects other sizes. */
const struct sr_kind sr_kind_sigset = {
	.name = "sigset",
	.size = 0,
	.max = SR_NSIG_BYTES,
	.print = sigset_print,
};
const struct sr_kind sr_kind_stack_t = {
	.name = "stack_t",
	.size = 24,
	.max = 0,
	.print = stack_t_print,
};
const struct sr_kind sr_kind_siginfo = {
	.name = "siginfo",
	.size = 128,
	.max = 0,
	.print = siginfo_print,
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

	out__puts(f->out, "{mask=");
	if (b && !(b->flags & (SR_BF_FAULT | SR_BF_NULL)) && b->len >= SR_NSIG_BYTES)
		print_sigmask(f, blob_data(b), SR_NSIG_BYTES);
	else
		out__puts(f->out, "?"); /* strace shows the frame's address, which we lack */
	out__putc(f->out, '}');
}

const struct sr_decoder sr_dec_sigreturn_frame = {
	.name = "sigreturn_frame",
	.at_exit = false,
	.plan = sigreturn_plan,
	.print = sigreturn_print,
};
