// SPDX-License-Identifier: GPL-2.0
/* Decoders of user/decode/signal.c, against lines strace 6.1 prints. */
#include <errno.h>
#include <signal.h>
#include <string.h>

#include "rec.h"
#include "test.h"

/* The kernel's struct sigaction on x86_64. */
struct t_ksigaction {
	uint64_t handler, flags, restorer, mask;
};

#define T_SA_RESTORER 0x04000000ull

static uint64_t bit(int sig)
{
	return 1ull << (sig - 1);
}

static void sigactions(struct t_state *st)
{
	struct t_sink s;
	struct t_ksigaction act = { 0x55f92fd23336, T_SA_RESTORER | SA_RESTART, 0x7f51029d4050, 0 };
	struct t_ksigaction old = { 0, 0, 0, 0 };
	uint64_t a[6] = { SIGUSR1, 0x1000, 0x2000, 8 };
	struct t_blobspec in = { 1, &act, sizeof(act), 0, 0 }, out = { 2, &old, sizeof(old), 0, 0 };

	t_sink_open(&s);
	CHECK_STR(
		st, t_line(&s, "rt_sigaction", a, &in, 1, 0, &out, 1),
		"rt_sigaction(SIGUSR1, {sa_handler=0x55f92fd23336, sa_mask=[], "
		"sa_flags=SA_RESTORER|SA_RESTART, sa_restorer=0x7f51029d4050}, {sa_handler=SIG_DFL, "
		"sa_mask=[], sa_flags=0}, 8) = 0");
	/* most bits set: the complement; unknown flag bits in hex */
	act.mask = ~(bit(32) | bit(33));
	act.flags = T_SA_RESTORER | SA_NODEFER | SA_RESETHAND | SA_NOCLDSTOP | 0xffffffff00000000;
	a[0] = SIGCHLD;
	a[2] = 0;
	CHECK_STR(st, t_line(&s, "rt_sigaction", a, &in, 1, 0, NULL, 0),
		  "rt_sigaction(SIGCHLD, {sa_handler=0x55f92fd23336, sa_mask=~[RTMIN RT_1], "
		  "sa_flags=SA_RESTORER|SA_NODEFER|SA_RESETHAND|SA_NOCLDSTOP|0xffffffff00000000, "
		  "sa_restorer=0x7f51029d4050}, NULL, 8) = 0");
	/* SA_INTERRUPT (0x20000000), a historical no-op strace still names */
	act.flags = T_SA_RESTORER | SA_NODEFER | SA_RESETHAND | 0xffffffff20000000;
	CHECK_HAS(st, t_line(&s, "rt_sigaction", a, &in, 1, 0, NULL, 0),
		  "sa_flags=SA_RESTORER|SA_INTERRUPT|SA_NODEFER|SA_RESETHAND|0xffffffff00000000, ");
	act = (struct t_ksigaction){ 1, T_SA_RESTORER, 0x7f5d0384a050, bit(SIGINT) | bit(34) };
	a[0] = SIGPIPE;
	CHECK_STR(st, t_line(&s, "rt_sigaction", a, &in, 1, 0, NULL, 0),
		  "rt_sigaction(SIGPIPE, {sa_handler=SIG_IGN, sa_mask=[INT RT_2], "
		  "sa_flags=SA_RESTORER, sa_restorer=0x7f5d0384a050}, NULL, 8) = 0");
	a[0] = SIGUSR2;
	a[1] = 0;
	a[2] = 0x8;
	CHECK_STR(st, t_line(&s, "rt_sigaction", a, NULL, 0, -EFAULT, NULL, 0),
		  "rt_sigaction(SIGUSR2, NULL, 0x8, 8) = -1 EFAULT (Bad address)");
	a[0] = 100;
	a[2] = 0;
	CHECK_STR(st, t_line(&s, "rt_sigaction", a, NULL, 0, -EINVAL, NULL, 0),
		  "rt_sigaction(100, NULL, NULL, 8)  = -1 EINVAL (Invalid argument)");
	t_sink_close(&s);
}

static void sigsets(struct t_state *st)
{
	struct t_sink s;
	uint64_t set = bit(SIGHUP) | bit(SIGQUIT), none = 0;
	uint64_t a[6] = { 7, 0x1000, 0, 8 };
	struct t_blobspec in = { 1, &set, 8, 0, 0 }, out = { 2, &none, 8, 0, 0 };

	t_sink_open(&s);
	CHECK_STR(st, t_line(&s, "rt_sigprocmask", a, &in, 1, -EINVAL, NULL, 0),
		  "rt_sigprocmask(0x7 /* SIG_??? */, [HUP QUIT], NULL, 8) = -1 EINVAL (Invalid "
		  "argument)");
	set = ~0ull;
	a[0] = SIG_BLOCK;
	CHECK_STR(st, t_line(&s, "rt_sigprocmask", a, &in, 1, 0, NULL, 0),
		  "rt_sigprocmask(SIG_BLOCK, ~[], NULL, 8) = 0");
	set = ~bit(SIGHUP);
	a[0] = SIG_UNBLOCK;
	CHECK_STR(st, t_line(&s, "rt_sigprocmask", a, &in, 1, 0, NULL, 0),
		  "rt_sigprocmask(SIG_UNBLOCK, ~[HUP], NULL, 8) = 0");
	a[1] = 0;
	a[2] = 0x2000;
	CHECK_STR(st, t_line(&s, "rt_sigprocmask", a, NULL, 0, 0, &out, 1),
		  "rt_sigprocmask(SIG_UNBLOCK, NULL, [], 8) = 0");
	/* sizes other than 8: the address */
	a[1] = 0x7ffe250af620;
	a[2] = 0;
	a[3] = 4;
	in.len = 4;
	CHECK_STR(st, t_line(&s, "rt_sigprocmask", a, &in, 1, -EINVAL, NULL, 0),
		  "rt_sigprocmask(SIG_UNBLOCK, 0x7ffe250af620, NULL, 4) = -1 EINVAL (Invalid "
		  "argument)");
	/* rt_sigpending takes 1 to 8 bytes */
	a[0] = 0x7ffe250af620;
	a[1] = 4;
	out = (struct t_blobspec){ 0, &none, 4, 0, 0 };
	CHECK_STR(st, t_line(&s, "rt_sigpending", a, NULL, 0, 0, &out, 1),
		  "rt_sigpending([], 4)              = 0");
	a[1] = 0;
	out.len = 0;
	CHECK_STR(st, t_line(&s, "rt_sigpending", a, NULL, 0, 0, &out, 1),
		  "rt_sigpending(0x7ffe250af620, 0)  = 0");
	set = bit(34) | bit(64);
	a[0] = -1;
	a[1] = 0x1000;
	a[2] = 8;
	a[3] = 0;
	in = (struct t_blobspec){ 1, &set, 8, 0, 0 };
	CHECK_STR(st, t_line(&s, "signalfd4", a, &in, 1, 6, NULL, 0),
		  "signalfd4(-1, [RT_2 RT_32], 8, 0) = 6");
	t_sink_close(&s);
}

static void altstacks(struct t_state *st)
{
	struct t_sink s;
	uint64_t ss[3] = { 0, SS_DISABLE, 0 };
	uint64_t a[6] = { 0x1000, 0 };
	struct t_blobspec in = { 0, ss, sizeof(ss), 0, 0 }, out = { 1, ss, sizeof(ss), 0, 0 };

	t_sink_open(&s);
	CHECK_STR(st, t_line(&s, "sigaltstack", a, &in, 1, 0, NULL, 0),
		  "sigaltstack({ss_sp=NULL, ss_flags=SS_DISABLE, ss_size=0}, NULL) = 0");
	ss[0] = 0x55f92fd260c0;
	ss[1] = 0;
	ss[2] = 65536;
	a[0] = 0;
	a[1] = 0x1000;
	CHECK_STR(st, t_line(&s, "sigaltstack", a, NULL, 0, 0, &out, 1),
		  "sigaltstack(NULL, {ss_sp=0x55f92fd260c0, ss_flags=0, ss_size=65536}) = 0");
	ss[1] = 0x40;
	ss[2] = 100;
	a[0] = 0x1000;
	a[1] = 0;
	CHECK_STR(
		st, t_line(&s, "sigaltstack", a, &in, 1, -EINVAL, NULL, 0),
		"sigaltstack({ss_sp=0x55f92fd260c0, ss_flags=0x40 /* SS_??? */, ss_size=100}, NULL)"
		" = -1 EINVAL (Invalid argument)");
	t_sink_close(&s);
}

/* A siginfo_t: signo, errno, code, then the union at 16. */
static void make_si(uint8_t si[128], int sig, int code, uint32_t w16, uint32_t w20, uint64_t w24)
{
	memset(si, 0, 128);
	memcpy(si, &sig, 4);
	memcpy(si + 8, &code, 4);
	memcpy(si + 16, &w16, 4);
	memcpy(si + 20, &w20, 4);
	memcpy(si + 24, &w24, 8);
}

static void siginfos(struct t_state *st)
{
	const char *want = "rt_sigtimedwait([USR2], {si_signo=SIGUSR2, si_code=SI_TKILL, "
			   "si_pid=22682, si_uid=0}, {tv_sec=0, tv_nsec=0}, 8) = 12";
	struct t_sink s;
	uint8_t si[128];
	uint64_t set = bit(SIGUSR2), ts[2] = { 0, 0 };
	uint64_t a[6] = { 22682, SIGUSR1, 0x1000 };
	struct t_blobspec in[2] = { { 0, &set, 8, 0, 0 }, { 2, ts, 16, 0, 0 } };
	struct t_blobspec b = { 2, si, sizeof(si), 0, 0 };

	t_sink_open(&s);
	make_si(si, SIGUSR1, SI_QUEUE, 22682, 0, 7);
	CHECK_STR(
		st, t_line(&s, "rt_sigqueueinfo", a, &b, 1, 0, NULL, 0),
		"rt_sigqueueinfo(22682, SIGUSR1, {si_signo=SIGUSR1, si_code=SI_QUEUE, si_pid=22682, "
		"si_uid=0, si_int=7, si_ptr=0x7}) = 0");
	make_si(si, SIGUSR2, SI_TKILL, 22682, 0, 0);
	a[0] = 0x1000;
	a[1] = 0x2000;
	a[2] = 0x3000;
	a[3] = 8;
	b.arg = 1;
	/* the "= 12 (SIGUSR2)" suffix needs a return kind this row lacks */
	CHECK(st, !strncmp(t_line(&s, "rt_sigtimedwait", a, in, 2, 12, &b, 1), want, strlen(want)));
	t_sink_close(&s);
}

static void sigreturns(struct t_state *st)
{
	struct t_sink s;
	uint64_t mask = 0, a[6] = { 0 };
	struct t_blobspec in = { 0, &mask, 8, 0, 0 };

	t_sink_open(&s);
	CHECK_STR(st, t_line(&s, "rt_sigreturn", a, &in, 1, 0, NULL, 0),
		  "rt_sigreturn({mask=[]})           = 0");
	mask = bit(SIGUSR1);
	CHECK_STR(st, t_line(&s, "rt_sigreturn", a, &in, 1, -EINTR, NULL, 0),
		  "rt_sigreturn({mask=[USR1]})       = -1 EINTR (Interrupted system call)");
	t_sink_close(&s);
}

/* "--- SIGxxx {...} ---": a delivery record, printed with its siginfo. */
static const char *delivery(struct t_sink *s, int sig, const uint8_t si[128])
{
	static char line[512];
	struct t_rec r;
	const char *text;
	size_t start;

	start = strlen(t_sink_text(s));
	t_signal(&r, 100, sig, 0, si);
	t_feed(s, &r);
	text = t_sink_text(s) + start;
	snprintf(line, sizeof(line), "%s", text + strspn(text, "0123456789 "));
	line[strcspn(line, "\n")] = '\0';
	return line;
}

static void deliveries(struct t_state *st)
{
	struct t_sink s;
	uint8_t si[128];
	uint64_t t[2] = { 0, 0 };

	t_sink_open(&s);
	make_si(si, SIGUSR1, SI_USER, 19261, 0, 0);
	CHECK_STR(st, delivery(&s, SIGUSR1, si),
		  "--- SIGUSR1 {si_signo=SIGUSR1, si_code=SI_USER, si_pid=19261, si_uid=0} ---");
	make_si(si, SIGCHLD, 1 /* CLD_EXITED */, 22558, 0, 3);
	memcpy(si + 32, t, sizeof(t));
	CHECK_STR(st, delivery(&s, SIGCHLD, si),
		  "--- SIGCHLD {si_signo=SIGCHLD, si_code=CLD_EXITED, si_pid=22558, si_uid=0, "
		  "si_status=3, si_utime=0, si_stime=0} ---");
	/* as strace 6.1 printed gcc's children (USER_HZ is 100 on Linux) */
	t[0] = 1;
	t[1] = 150;
	memcpy(si + 32, t, sizeof(t));
	CHECK_STR(st, delivery(&s, SIGCHLD, si),
		  "--- SIGCHLD {si_signo=SIGCHLD, si_code=CLD_EXITED, si_pid=22558, si_uid=0, "
		  "si_status=3, si_utime=1 /* 0.01 s */, si_stime=150 /* 1.50 s */} ---");
	make_si(si, SIGCHLD, 2 /* CLD_KILLED */, 22559, 0, SIGTERM);
	CHECK_STR(st, delivery(&s, SIGCHLD, si),
		  "--- SIGCHLD {si_signo=SIGCHLD, si_code=CLD_KILLED, si_pid=22559, si_uid=0, "
		  "si_status=SIGTERM, si_utime=0, si_stime=0} ---");
	make_si(si, SIGSEGV, 1 /* SEGV_MAPERR */, 8, 0, 0);
	CHECK_STR(st, delivery(&s, SIGSEGV, si),
		  "--- SIGSEGV {si_signo=SIGSEGV, si_code=SEGV_MAPERR, si_addr=0x8} ---");
	make_si(si, SIGTRAP, SI_KERNEL, 0, 0, 0);
	CHECK_STR(st, delivery(&s, SIGTRAP, si),
		  "--- SIGTRAP {si_signo=SIGTRAP, si_code=SI_KERNEL, si_addr=NULL} ---");
	make_si(si, SIGALRM, SI_KERNEL, 0, 0, 0);
	CHECK_STR(st, delivery(&s, SIGALRM, si),
		  "--- SIGALRM {si_signo=SIGALRM, si_code=SI_KERNEL} ---");
	make_si(si, SIGALRM, SI_TIMER, 0, 0, 0x1234);
	CHECK_STR(st, delivery(&s, SIGALRM, si),
		  "--- SIGALRM {si_signo=SIGALRM, si_code=SI_TIMER, si_timerid=0, si_overrun=0, "
		  "si_int=4660, si_ptr=0x1234} ---");
	make_si(si, SIGIO, 1 /* POLL_IN */, 65, 0, 3);
	CHECK_STR(st, delivery(&s, SIGIO, si),
		  "--- SIGIO {si_signo=SIGIO, si_code=POLL_IN, si_band=65, si_fd=3} ---");
	make_si(si, SIGFPE, 1 /* FPE_INTDIV */, 0x9bfbe813, 0x5637, 0);
	CHECK_STR(st, delivery(&s, SIGFPE, si),
		  "--- SIGFPE {si_signo=SIGFPE, si_code=FPE_INTDIV, si_addr=0x56379bfbe813} ---");
	t_sink_close(&s);
}

T_SUITE(decode_signal_tests) = {
	T_CASE(sigactions),
	T_CASE(sigsets),
	T_CASE(altstacks),
	T_CASE(siginfos),
	T_CASE(sigreturns),
	T_CASE(deliveries),
	T_END,
};
