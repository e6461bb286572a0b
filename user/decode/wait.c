// SPDX-License-Identifier: GPL-2.0
/*
 * Decoders: wait statuses (wait4's status), as strace 6.1 prints them:
 * "[{WIFEXITED(s) && WEXITSTATUS(s) == 0}]".
 */
#include <stdio.h>
#include <sys/wait.h>

#include "decode/process.h"

/*
 * The parts of a wait status (<bits/waitstatus.h>, the kernel's
 * do_wait()): the low 7 bits are the terminating signal (0x7f for a stop),
 * bit 7 the core dump flag, the next byte the exit status or the stop
 * signal, and ptrace puts the PTRACE_EVENT_* number above that.
 */
#define SR_W_SIG_MASK	 0x7fu
#define SR_W_CORE	 0x80u
#define SR_W_CODE_MASK	 0xff00u
#define SR_W_EVENT_SHIFT 16
#define SR_W_LOW_MASK	 0xffffu
/* A stop signal with this bit set is a syscall stop (PTRACE_O_TRACESYSGOOD). */
#define SR_W_STOP_SYSGOOD 0x80u

const char *sig_text(int sig, char *buf, size_t len)
{
	char s[16];

	if (sig <= 0 || sig > 64)
		snprintf(buf, len, "%d", sig);
	else
		snprintf(buf, len, "SIG%s", signame_short(sig, s, sizeof(s)));
	return buf;
}

/*
 * What the W* macros make of @s, as strace writes it, into @buf; @rest gets
 * the bits they leave. False when none applies.
 */
static bool status_expr(char *buf, size_t len, unsigned int s, unsigned int *rest)
{
	char sig[24];

	if (WIFSTOPPED(s)) {
		snprintf(buf, len, "{WIFSTOPPED(s) && WSTOPSIG(s) == %s%s}",
			 sig_text(WSTOPSIG(s) & ~SR_W_STOP_SYSGOOD, sig, sizeof(sig)),
			 WSTOPSIG(s) & SR_W_STOP_SYSGOOD ? " | 0x80" : "");
		*rest = s & ~(SR_W_CODE_MASK | SR_W_SIG_MASK);
	} else if (WIFSIGNALED(s)) {
		snprintf(buf, len, "{WIFSIGNALED(s) && WTERMSIG(s) == %s%s}",
			 sig_text(WTERMSIG(s), sig, sizeof(sig)),
			 WCOREDUMP(s) ? " && WCOREDUMP(s)" : "");
		*rest = s & ~(SR_W_SIG_MASK | SR_W_CORE);
	} else if (WIFEXITED(s)) {
		snprintf(buf, len, "{WIFEXITED(s) && WEXITSTATUS(s) == %u}", WEXITSTATUS(s));
		*rest = s & ~SR_W_CODE_MASK;
	} else if (WIFCONTINUED(s)) {
		snprintf(buf, len, "{WIFCONTINUED(s)}");
		*rest = 0;
	} else {
		return false;
	}
	return true;
}

/* "PTRACE_EVENT_EXEC<<16": a ptrace event above the stop signal. */
static void status_event(struct sr_fmt *f, unsigned int ev)
{
	const char *n = xlat__name(&xlat_ptrace_events, ev);
	char buf[96];

	if (n)
		snprintf(buf, sizeof(buf), "%s<<%d", n, SR_W_EVENT_SHIFT);
	else
		snprintf(buf, sizeof(buf), "%#x /* %s */<<%d", ev, xlat_ptrace_events.unknown,
			 SR_W_EVENT_SHIFT);
	pr_bit(f, NULL, buf);
}

/* "[{WIFSTOPPED(s) && WSTOPSIG(s) == SIGTRAP}|PTRACE_EVENT_EXEC<<16]". */
static void fmt_wait_status(struct sr_fmt *f, unsigned int s)
{
	char expr[96];
	unsigned int rest;

	pr_array_begin(f);
	if (!status_expr(expr, sizeof(expr), s, &rest)) {
		pr_x(f, s);
		pr_array_end(f);
		return;
	}
	pr_bits_begin(f, s);
	pr_bit(f, NULL, expr);
	if (rest >> SR_W_EVENT_SHIFT)
		status_event(f, rest >> SR_W_EVENT_SHIFT);
	rest &= SR_W_LOW_MASK;
	if (rest)
		pr_bits_rest(f, SR_NUM_X, rest);
	pr_bits_end(f);
	pr_array_end(f);
}

static void wait_status_plan(const struct sr_sysent *ent, int argi, const struct sr_opts *o,
			     struct sr_plan_arg *pa)
{
	(void)ent;
	(void)argi;
	(void)o;
	plan_exit_word(pa, sizeof(int));
}

static void wait_status_print(struct sr_fmt *f, const struct sr_call *c, int argi)
{
	const void *p = blob_get(exit_blob(c, argi), sizeof(int));

	/* nothing was reaped (WNOHANG), or the call failed: the address */
	if (!c->args[argi] || call_failed(c) || !c->ret || !p || !fmt_decodes_structs(f)) {
		fmt_ptr(f, c->args[argi]);
		return;
	}
	fmt_wait_status(f, get32(p, 0));
}

const struct sr_decoder sr_dec_wait_status = {
	.name = "wait_status",
	.at_exit = true,
	.plan = wait_status_plan,
	.print = wait_status_print,
};
