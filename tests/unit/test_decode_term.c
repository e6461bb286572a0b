// SPDX-License-Identifier: GPL-2.0
/*
 * Terminal and generic ioctls (user/decode/ioctl.c, term.c): termios,
 * termios2, window sizes, FIONREAD, file flags, -v and unfinished calls,
 * against lines strace 6.1 prints.
 */
#include <errno.h>
#include <asm/ioctls.h>
#include <asm/termbits.h>
#include <linux/fs.h>

#include "rec.h"
#include "table/plan.h"
#include "test.h"

/* The termios of a fresh pty, as strace printed it. */
static void make_termios(uint8_t t[36])
{
	uint32_t fl[4] = { ICRNL | IXON, OPOST | ONLCR, B38400 | CS8 | CREAD,
			   ISIG | ICANON | ECHO | ECHOE | ECHOK | IEXTEN | ECHOCTL | ECHOKE };
	static const uint8_t cc[19] = { 3,    0x1c, 0x7f, 0x15, 4,    0,    1, 0, 0x11, 0x13,
					0x1a, 0,    0x12, 0xf,	0x17, 0x16, 0, 0, 0 };

	memset(t, 0, 36);
	memcpy(t, fl, sizeof(fl));
	memcpy(t + 17, cc, sizeof(cc));
}

static void ioctl_terminal(struct t_state *st)
{
	struct t_sink s;
	uint8_t t[36];
	uint64_t a[6] = { 4, TCGETS, 0x7ffe6052c3c4 };
	struct t_blobspec b = { 2, t, 36, 0, 0 };

	make_termios(t);
	t_sink_open(&s);
	CHECK_STR(
		st, t_line(&s, "ioctl", a, NULL, 0, 0, &b, 1),
		"ioctl(4, TCGETS, {c_iflag=ICRNL|IXON, c_oflag=NL0|CR0|TAB0|BS0|VT0|FF0|OPOST|ONLCR, "
		"c_cflag=B38400|CS8|CREAD, c_lflag=ISIG|ICANON|ECHO|ECHOE|ECHOK|IEXTEN|ECHOCTL|"
		"ECHOKE, ...}) = 0");
	CHECK_STR(st, t_line(&s, "ioctl", a, NULL, 0, -ENOTTY, NULL, 0),
		  "ioctl(4, TCGETS, 0x7ffe6052c3c4)  = -1 ENOTTY (Inappropriate ioctl for device)");
	/* raw mode: empty flag sets print as nothing at all; two names for 0x5402 */
	memset(t, 0, 4);
	memcpy(t + 4, &(uint32_t){ ONLCR }, 4);
	memcpy(t + 12, &(uint32_t){ ECHOE | ECHOK | ECHOCTL | ECHOKE }, 4);
	a[1] = TCSETS;
	CHECK_STR(
		st, t_line(&s, "ioctl", a, &b, 1, 0, NULL, 0),
		"ioctl(4, SNDCTL_TMR_START or TCSETS, {c_iflag=, c_oflag=NL0|CR0|TAB0|BS0|VT0|FF0|"
		"ONLCR, c_cflag=B38400|CS8|CREAD, c_lflag=ECHOE|ECHOK|ECHOCTL|ECHOKE, ...}) = 0");
	memcpy(t + 4, &(uint32_t){ ONLCR | XTABS }, 4);
	memcpy(t + 8, &(uint32_t){ B38400 | CS8 | CREAD | (B4000000 << IBSHIFT) }, 4);
	a[1] = TCSETSW;
	CHECK_STR(st, t_line(&s, "ioctl", a, &b, 1, 0, NULL, 0),
		  "ioctl(4, SNDCTL_TMR_STOP or TCSETSW, {c_iflag=, c_oflag=NL0|CR0|XTABS|BS0|VT0|"
		  "FF0|ONLCR, c_cflag=B38400|B4000000<<IBSHIFT|CS8|CREAD, c_lflag=ECHOE|ECHOK|"
		  "ECHOCTL|ECHOKE, ...}) = 0");
	t_sink_close(&s);
}

static void ioctl_verbose(struct t_state *st)
{
	struct t_sink s;
	uint8_t t[36];
	uint64_t a[6] = { 4, TCGETS, 0x1000 };
	struct t_blobspec b = { 2, t, 36, 0, 0 };

	make_termios(t);
	t_sink_open(&s);
	s.opts.verbose = true;
	CHECK_STR(
		st, t_line(&s, "ioctl", a, NULL, 0, 0, &b, 1),
		"ioctl(4, TCGETS, {c_iflag=ICRNL|IXON, c_oflag=NL0|CR0|TAB0|BS0|VT0|FF0|OPOST|ONLCR, "
		"c_cflag=B38400|CS8|CREAD, c_lflag=ISIG|ICANON|ECHO|ECHOE|ECHOK|IEXTEN|ECHOCTL|"
		"ECHOKE, c_line=N_TTY, c_cc=[[VINTR]=0x3, [VQUIT]=0x1c, [VERASE]=0x7f, "
		"[VKILL]=0x15, [VEOF]=0x4, [VTIME]=0, [VMIN]=0x1, [VSWTC]=0, [VSTART]=0x11, "
		"[VSTOP]=0x13, [VSUSP]=0x1a, [VEOL]=0, [VREPRINT]=0x12, [VDISCARD]=0xf, "
		"[VWERASE]=0x17, [VLNEXT]=0x16, [VEOL2]=0, [17]=0, [18]=0]}) = 0");
	t_sink_close(&s);
}

/* termios2: the whole struct is captured and printed without -v too. */
static void ioctl_termios2(struct t_state *st)
{
	struct t_sink s;
	struct sr_plan p;
	uint8_t t[44];
	uint64_t a[6] = { 4, TCGETS2, 0x1000 };
	struct t_blobspec b = { 2, t, sizeof(t), 0, 0 };

	make_termios(t);
	memcpy(t + 36, &(uint32_t){ 38400 }, 4);
	memcpy(t + 40, &(uint32_t){ 38400 }, 4);
	t_sink_open(&s);
	plan__syscall(syscalls__by_name("ioctl"), &s.opts, &p);
	CHECK(st, p.a[2].elem >= sizeof(t) && p.a[2].cap >= sizeof(t));
	/* what the kernel sends under that plan */
	b.len = p.a[2].cap < sizeof(t) ? p.a[2].cap : sizeof(t);
	CHECK_STR(
		st, t_line(&s, "ioctl", a, NULL, 0, 0, &b, 1),
		"ioctl(4, TCGETS2, {c_iflag=ICRNL|IXON, c_oflag=NL0|CR0|TAB0|BS0|VT0|FF0|OPOST|ONLCR, "
		"c_cflag=B38400|CS8|CREAD, c_lflag=ISIG|ICANON|ECHO|ECHOE|ECHOK|IEXTEN|ECHOCTL|"
		"ECHOKE, ...}) = 0");
	a[1] = TCSETSW2;
	CHECK_STR(st, t_line(&s, "ioctl", a, &b, 1, 0, NULL, 0),
		  "ioctl(4, TCSETSW2, {c_iflag=ICRNL|IXON, c_oflag=NL0|CR0|TAB0|BS0|VT0|FF0|OPOST|"
		  "ONLCR, c_cflag=B38400|CS8|CREAD, c_lflag=ISIG|ICANON|ECHO|ECHOE|ECHOK|IEXTEN|"
		  "ECHOCTL|ECHOKE, ...}) = 0");
	s.opts.verbose = true;
	CHECK_STR(
		st, t_line(&s, "ioctl", a, &b, 1, 0, NULL, 0),
		"ioctl(4, TCSETSW2, {c_iflag=ICRNL|IXON, c_oflag=NL0|CR0|TAB0|BS0|VT0|FF0|OPOST|ONLCR, "
		"c_cflag=B38400|CS8|CREAD, c_lflag=ISIG|ICANON|ECHO|ECHOE|ECHOK|IEXTEN|ECHOCTL|"
		"ECHOKE, c_line=N_TTY, c_cc=[[VINTR]=0x3, [VQUIT]=0x1c, [VERASE]=0x7f, "
		"[VKILL]=0x15, [VEOF]=0x4, [VTIME]=0, [VMIN]=0x1, [VSWTC]=0, [VSTART]=0x11, "
		"[VSTOP]=0x13, [VSUSP]=0x1a, [VEOL]=0, [VREPRINT]=0x12, [VDISCARD]=0xf, "
		"[VWERASE]=0x17, [VLNEXT]=0x16, [VEOL2]=0, [17]=0, [18]=0], c_ispeed=38400, "
		"c_ospeed=38400}) = 0");
	t_sink_close(&s);
}

/* FS_IOC_GETFLAGS/SETFLAGS: the inode flags by name, "[FS_EXTENT_FL]". */
static void ioctl_fs_flags(struct t_state *st)
{
	struct t_sink s;
	uint32_t fl = FS_EXTENT_FL;
	uint64_t a[6] = { 3, FS_IOC_GETFLAGS, 0x1000 };
	struct t_blobspec b = { 2, &fl, sizeof(fl), 0, 0 };

	t_sink_open(&s);
	CHECK_STR(st, t_line(&s, "ioctl", a, NULL, 0, 0, &b, 1),
		  "ioctl(3, FS_IOC_GETFLAGS, [FS_EXTENT_FL]) = 0");
	CHECK_STR(st, t_line(&s, "ioctl", a, NULL, 0, -ENOTTY, NULL, 0),
		  "ioctl(3, FS_IOC_GETFLAGS, 0x1000) = -1 ENOTTY (Inappropriate ioctl for device)");
	a[1] = FS_IOC32_GETFLAGS;
	CHECK_STR(st, t_line(&s, "ioctl", a, NULL, 0, 0, &b, 1),
		  "ioctl(3, FS_IOC32_GETFLAGS, [FS_EXTENT_FL]) = 0");
	a[1] = FS_IOC_SETFLAGS;
	fl = FS_EXTENT_FL | 0x1000000;
	CHECK_STR(st, t_line(&s, "ioctl", a, &b, 1, -EOPNOTSUPP, NULL, 0),
		  "ioctl(3, FS_IOC_SETFLAGS, [FS_EXTENT_FL|0x1000000]) = -1 EOPNOTSUPP (Operation "
		  "not supported)");
	fl = 0;
	CHECK_STR(st, t_line(&s, "ioctl", a, &b, 1, 0, NULL, 0),
		  "ioctl(3, FS_IOC_SETFLAGS, [0])    = 0");
	t_sink_close(&s);
}

static void ioctl_misc(struct t_state *st)
{
	struct t_sink s;
	uint16_t ws[4] = { 24, 80, 0, 0 };
	int32_t n = 5;
	uint64_t a[6] = { 4, TIOCGWINSZ, 0x1000 };
	struct t_blobspec b = { 2, ws, 8, 0, 0 };

	t_sink_open(&s);
	CHECK_STR(st, t_line(&s, "ioctl", a, NULL, 0, 0, &b, 1),
		  "ioctl(4, TIOCGWINSZ, {ws_row=24, ws_col=80, ws_xpixel=0, ws_ypixel=0}) = 0");
	a[1] = FIONREAD;
	b = (struct t_blobspec){ 2, &n, 4, 0, 0 };
	CHECK_STR(st, t_line(&s, "ioctl", a, NULL, 0, 0, &b, 1),
		  "ioctl(4, FIONREAD, [5])           = 0");
	n = 1;
	a[1] = FIONBIO;
	CHECK_STR(st, t_line(&s, "ioctl", a, &b, 1, 0, NULL, 0),
		  "ioctl(4, FIONBIO, [1])            = 0");
	a[1] = FIOCLEX;
	CHECK_STR(st, t_line(&s, "ioctl", a, NULL, 0, 0, NULL, 0),
		  "ioctl(4, FIOCLEX)                 = 0");
	a[1] = TCFLSH;
	a[2] = TCIOFLUSH;
	CHECK_STR(st, t_line(&s, "ioctl", a, NULL, 0, 0, NULL, 0),
		  "ioctl(4, TCFLSH, TCIOFLUSH)       = 0");
	a[1] = TIOCSTI;
	a[2] = 0x1000;
	b = (struct t_blobspec){ 2, "x", 1, 0, 0 };
	CHECK_STR(st, t_line(&s, "ioctl", a, &b, 1, 0, NULL, 0),
		  "ioctl(4, TIOCSTI, \"x\")            = 0");
	/* unknown requests: _IOC(), the argument in hex */
	a[1] = 0xc0087803; /* _IOWR('x', 3, long) */
	a[2] = 0x7ffe6052c3c4;
	CHECK_STR(
		st, t_line(&s, "ioctl", a, NULL, 0, -ENOTTY, NULL, 0),
		"ioctl(4, _IOC(_IOC_READ|_IOC_WRITE, 0x78, 0x3, 0x8), 0x7ffe6052c3c4) = -1 ENOTTY "
		"(Inappropriate ioctl for device)");
	a[1] = 0x5499;
	a[2] = 7;
	CHECK_STR(
		st, t_line(&s, "ioctl", a, NULL, 0, -ENOTTY, NULL, 0),
		"ioctl(4, _IOC(_IOC_NONE, 0x54, 0x99, 0), 0x7) = -1 ENOTTY (Inappropriate ioctl for "
		"device)");
	t_sink_close(&s);
}

/* The argument of an output request is printed at exit, after its comma. */
static void ioctl_unfinished(struct t_state *st)
{
	struct t_sink s;
	struct t_rec r;
	uint8_t t[36];
	uint64_t a[6] = { 0, TCGETS, 0x1000 };

	t_sink_open(&s);
	t_enter(&r, 100, "ioctl", a);
	t_feed(&s, &r);
	t_enter(&r, 200, "getpid", a);
	t_feed(&s, &r);
	CHECK(st, strstr(t_sink_text(&s), "100   ioctl(0, TCGETS <unfinished ...>\n") != NULL);
	/* strace's term.c prints the ", " with what it decodes at exit */
	make_termios(t);
	t_exit(&r, 100, "ioctl", 0);
	t_blob(&r, 2, t, sizeof(t), 0, 0);
	t_feed(&s, &r);
	CHECK_STR(
		st, t_sink_text(&s),
		"100   ioctl(0, TCGETS <unfinished ...>\n"
		"200   getpid( <unfinished ...>\n"
		"100   <... ioctl resumed>, {c_iflag=ICRNL|IXON, c_oflag=NL0|CR0|TAB0|BS0|VT0|FF0|"
		"OPOST|ONLCR, c_cflag=B38400|CS8|CREAD, c_lflag=ISIG|ICANON|ECHO|ECHOE|ECHOK|"
		"IEXTEN|ECHOCTL|ECHOKE, ...}) = 0\n");
	t_sink_close(&s);
}

/*
 * Terminal requests strace decodes, on a pty: termio, flag fields strace
 * ends with its '|' when no flag follows, a separate input speed.
 */
static void ioctl_terminal_more(struct t_state *st)
{
	struct t_sink s;
	uint16_t tio[9] = { ICRNL | IXON, OPOST | ONLCR, B38400 | CS8 | CREAD,
			    ISIG | ICANON | ECHO | ECHOE | ECHOK | IEXTEN | ECHOCTL | ECHOKE };
	uint8_t t[36];
	uint64_t a[6] = { 9, TCGETA, 0x7fffde88beac };
	struct t_blobspec b = { 2, tio, 18, 0, 0 };

	t_sink_open(&s);
	CHECK_STR(
		st, t_line(&s, "ioctl", a, NULL, 0, 0, &b, 1),
		"ioctl(9, TCGETA, {c_iflag=ICRNL|IXON, c_oflag=NL0|CR0|TAB0|BS0|VT0|FF0|OPOST|ONLCR, "
		"c_cflag=B38400|CS8|CREAD, c_lflag=ISIG|ICANON|ECHO|ECHOE|ECHOK|IEXTEN|ECHOCTL|"
		"ECHOKE, ...}) = 0");
	make_termios(t);
	memset(t + 4, 0, 4);
	memcpy(t + 8, &(uint32_t){ B9600 | CS7 | (B19200 << IBSHIFT) }, 4);
	a[1] = TCSETS;
	b = (struct t_blobspec){ 2, t, sizeof(t), 0, 0 };
	CHECK_STR(
		st, t_line(&s, "ioctl", a, &b, 1, 0, NULL, 0),
		"ioctl(9, SNDCTL_TMR_START or TCSETS, {c_iflag=ICRNL|IXON, c_oflag=NL0|CR0|TAB0|"
		"BS0|VT0|FF0|, c_cflag=B9600|B19200<<IBSHIFT|CS7|, c_lflag=ISIG|ICANON|ECHO|ECHOE|"
		"ECHOK|IEXTEN|ECHOCTL|ECHOKE, ...}) = 0");
	a[1] = TIOCMGET;
	CHECK_STR(
		st, t_line(&s, "ioctl", a, NULL, 0, -ENOTTY, NULL, 0),
		"ioctl(9, TIOCMGET, 0x7fffde88beac) = -1 ENOTTY (Inappropriate ioctl for device)");
	a[1] = TCSBRK;
	a[2] = 1;
	CHECK_STR(st, t_line(&s, "ioctl", a, NULL, 0, 0, NULL, 0),
		  "ioctl(9, TCSBRK, 1)               = 0");
	a[1] = TCXONC;
	a[2] = 99;
	CHECK_STR(st, t_line(&s, "ioctl", a, NULL, 0, -EINVAL, NULL, 0),
		  "ioctl(9, TCXONC, 0x63 /* TC??? */) = -1 EINVAL (Invalid argument)");
	t_sink_close(&s);
}

T_SUITE(decode_term_tests) = {
	T_CASE(ioctl_terminal),	     T_CASE(ioctl_verbose),
	T_CASE(ioctl_termios2),	     T_CASE(ioctl_fs_flags),
	T_CASE(ioctl_misc),	     T_CASE(ioctl_unfinished),
	T_CASE(ioctl_terminal_more), T_END,
};
