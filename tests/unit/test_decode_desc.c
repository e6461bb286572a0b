// SPDX-License-Identifier: GPL-2.0
/*
 * Descriptor decoders (user/decode/desc.c, poll.c, select.c, epoll.c,
 * ioctl.c, term.c, fcntl.c), against lines strace 6.1 prints.
 */
#include <errno.h>
#include <string.h>
#include <asm/ioctls.h>
#include <asm/termbits.h>
#include <linux/fcntl.h>
#include <linux/fs.h>

#include "rec.h"
#include "table/syscalls.h"
#include "table/plan.h"
#include "test.h"

struct t_pollfd {
	int32_t fd;
	int16_t events, revents;
};

static void pipes_and_ids(struct t_state *st)
{
	struct t_sink s;
	int32_t fds[2] = { 3, 4 }, gids[3] = { 0, 1, -1 }, one = 0;
	uint64_t a[6] = { 0x7ffd00000000 };
	struct t_blobspec out = { 0, fds, sizeof(fds), 0, 0 };

	t_sink_open(&s);
	CHECK_STR(st, t_line(&s, "pipe", a, NULL, 0, 0, &out, 1),
		  "pipe([3, 4])                      = 0");
	a[1] = 02000000; /* O_CLOEXEC */
	CHECK_STR(st, t_line(&s, "pipe2", a, NULL, 0, -EMFILE, NULL, 0),
		  "pipe2(0x7ffd00000000, O_CLOEXEC)  = -1 EMFILE (Too many open files)");
	a[0] = 3;
	a[1] = 0x1000;
	out = (struct t_blobspec){ 1, gids, sizeof(gids), 0, 0 };
	CHECK_STR(st, t_line(&s, "setgroups", a, &out, 1, -EINVAL, NULL, 0),
		  "setgroups(3, [0, 1, -1])          = -1 EINVAL (Invalid argument)");
	a[0] = 0x1000;
	a[1] = 0x1004;
	a[2] = 0;
	out = (struct t_blobspec){ 0, &one, 4, 0, 0 };
	{
		struct t_blobspec outs[2] = { out, { 1, &one, 4, 0, 0 } };

		CHECK_STR(st, t_line(&s, "getcpu", a, NULL, 0, 0, outs, 2),
			  "getcpu([0], [0], NULL)            = 0");
	}
	t_sink_close(&s);
}

static void polls(struct t_state *st)
{
	struct t_sink s;
	struct t_pollfd in[2] = { { 3, 1 /* POLLIN */, 0 }, { 6, 4 /* POLLOUT */, 0 } };
	struct t_pollfd out[2] = { { 3, 1, 0 }, { 6, 4, 4 } };
	uint64_t a[6] = { 0x1000, 2, 0 };
	struct t_blobspec bi = { 0, in, sizeof(in), 0, 0 }, bo = { 0, out, sizeof(out), 0, 0 };

	t_sink_open(&s);
	CHECK_STR(st, t_line(&s, "poll", a, &bi, 1, 1, &bo, 1),
		  "poll([{fd=3, events=POLLIN}, {fd=6, events=POLLOUT}], 2, 0) = 1 "
		  "([{fd=6, revents=POLLOUT}])");
	out[0].revents = 1;
	CHECK_STR(st, t_line(&s, "poll", a, &bi, 1, 2, &bo, 1),
		  "poll([{fd=3, events=POLLIN}, {fd=6, events=POLLOUT}], 2, 0) = 2 "
		  "([{fd=3, revents=POLLIN}, {fd=6, revents=POLLOUT}])");
	CHECK_STR(st, t_line(&s, "poll", a, &bi, 1, 0, NULL, 0),
		  "poll([{fd=3, events=POLLIN}, {fd=6, events=POLLOUT}], 2, 0) = 0 (Timeout)");
	/* a negative fd hides events; unknown event bits stay in hex */
	in[0].fd = -1;
	in[1].events = 0x4001;
	out[0].revents = 0;
	out[1].revents = 0x10; /* POLLHUP */
	a[2] = -1;
	CHECK_STR(st, t_line(&s, "poll", a, &bi, 1, 1, &bo, 1),
		  "poll([{fd=-1}, {fd=6, events=POLLIN|0x4000}], 2, -1) = 1 "
		  "([{fd=6, revents=POLLHUP}])");
	a[0] = 0;
	a[1] = 1;
	a[2] = 0;
	CHECK_STR(st, t_line(&s, "poll", a, NULL, 0, -EFAULT, NULL, 0),
		  "poll(NULL, 1, 0)                  = -1 EFAULT (Bad address)");
	a[0] = 0x8;
	bi.flags = SR_BF_FAULT;
	CHECK_STR(st, t_line(&s, "poll", a, &bi, 1, -EFAULT, NULL, 0),
		  "poll(0x8, 1, 0)                   = -1 EFAULT (Bad address)");
	t_sink_close(&s);
}

/*
 * Arrays cut at an unreadable page (SR_BF_PART): the elements read, then
 * "... /\* address *\/" where reading stopped, the address when none was read;
 * counts in 32-bit arguments are the register's low half.
 */
static void arrays_cut_at_a_page(struct t_state *st)
{
	struct t_sink s;
	struct t_pollfd in[1] = { { 3, 1 /* POLLIN */, 0 } };
	int32_t gids[1] = { 0 };
	uint64_t a[6] = { 0x7f0000000ff8, 2, 0 };
	struct t_blobspec bi = { 0, in, sizeof(in), SR_BF_PART, 0 };

	t_sink_open(&s);
	CHECK_STR(st, t_line(&s, "poll", a, &bi, 1, -EFAULT, NULL, 0),
		  "poll([{fd=3, events=POLLIN}, ... /* 0x7f0000001000 */], 2, 0) = -1 EFAULT (Bad "
		  "address)");
	/* nfds is an unsigned int */
	a[1] = 0xfacefeed00000001;
	bi.flags = 0;
	CHECK_STR(st, t_line(&s, "poll", a, &bi, 1, 0, NULL, 0),
		  "poll([{fd=3, events=POLLIN}], 1, 0) = 0 (Timeout)");
	a[0] = 2;
	a[1] = 0x7f0000000ffc;
	bi = (struct t_blobspec){ 1, gids, sizeof(gids), SR_BF_PART, 0 };
	CHECK_STR(st, t_line(&s, "setgroups", a, &bi, 1, -EFAULT, NULL, 0),
		  "setgroups(2, [0, ... /* 0x7f0000001000 */]) = -1 EFAULT (Bad address)");
	/* more than NGROUPS_MAX: the address, as strace prints it */
	a[0] = 65537;
	bi.flags = 0;
	CHECK_STR(st, t_line(&s, "setgroups", a, &bi, 1, -EINVAL, NULL, 0),
		  "setgroups(65537, 0x7f0000000ffc)  = -1 EINVAL (Invalid argument)");
	/* select's sets: strace reads (nfds + 7) / 8 bytes rounded up to longs */
	uint64_t set = 0x18;

	a[0] = 5;
	a[1] = 0x7f0000000ff8;
	a[2] = a[3] = a[4] = 0;
	bi = (struct t_blobspec){ 1, &set, sizeof(set), SR_BF_PART, 0 };
	CHECK_STR(st, t_line(&s, "select", a, &bi, 1, -EINTR, NULL, 0),
		  "select(5, [3 4], NULL, NULL, NULL) = -1 EINTR (Interrupted system call)");
	a[0] = 1025;
	CHECK_STR(st, t_line(&s, "select", a, &bi, 1, -EFAULT, NULL, 0),
		  "select(1025, 0x7f0000000ff8, NULL, NULL, NULL) = -1 EFAULT (Bad address)");
	/* a failed readv: the bases as addresses; a count that wraps: the address */
	uint64_t iov[2] = { 0x7f0000002000, 8 };

	a[0] = 3;
	a[1] = 0x7f0000000ff0;
	a[2] = 1;
	bi = (struct t_blobspec){ 1, iov, sizeof(iov), 0, 0 };
	CHECK_STR(st, t_line(&s, "readv", a, NULL, 0, -EBADF, &bi, 1),
		  "readv(3, [{iov_base=0x7f0000002000, iov_len=8}], 1) = -1 EBADF (Bad file "
		  "descriptor)");
	a[2] = -1;
	CHECK_STR(st, t_line(&s, "readv", a, NULL, 0, -EINVAL, &bi, 1),
		  "readv(3, 0x7f0000000ff0, 18446744073709551615) = -1 EINVAL (Invalid argument)");
	t_sink_close(&s);
}

static void ppolls(struct t_state *st)
{
	struct t_sink s;
	struct t_pollfd in[2] = { { 3, 1, 0 }, { 5, 3 /* POLLIN|POLLPRI */, 0 } };
	struct t_pollfd out[2] = { { 3, 1, 1 }, { 5, 3, 0 } };
	int64_t ts[2] = { 0, 0 };
	uint64_t mask = 1u << 9; /* SIGUSR1 */
	uint64_t a[6] = { 0x1000, 2, 0x2000, 0, 8 };
	struct t_blobspec bi[3] = { { 0, in, sizeof(in), 0, 0 },
				    { 2, ts, sizeof(ts), 0, 0 },
				    { 3, &mask, 8, 0, 0 } };
	struct t_blobspec bo[2] = { { 0, out, sizeof(out), 0, 0 }, { 2, ts, sizeof(ts), 0, 0 } };

	t_sink_open(&s);
	CHECK_STR(
		st, t_line(&s, "ppoll", a, bi, 2, 1, bo, 2),
		"ppoll([{fd=3, events=POLLIN}, {fd=5, events=POLLIN|POLLPRI}], 2, {tv_sec=0, "
		"tv_nsec=0}, NULL, 8) = 1 ([{fd=3, revents=POLLIN}], left {tv_sec=0, tv_nsec=0})");
	a[2] = 0;
	a[3] = 0x3000;
	bi[1] = bi[2];
	CHECK_STR(
		st, t_line(&s, "ppoll", a, bi, 2, 1, bo, 1),
		"ppoll([{fd=3, events=POLLIN}, {fd=5, events=POLLIN|POLLPRI}], 2, NULL, [USR1], 8)"
		" = 1 ([{fd=3, revents=POLLIN}])");
	/* the kernel takes only 8-byte masks: strace shows others' address */
	a[4] = 16;
	CHECK_STR(st, t_line(&s, "ppoll", a, bi, 2, -EINVAL, NULL, 0),
		  "ppoll([{fd=3, events=POLLIN}, {fd=5, events=POLLIN|POLLPRI}], 2, NULL, 0x3000, "
		  "16) = -1 EINVAL (Invalid argument)");
	t_sink_close(&s);
}

static void selects(struct t_state *st)
{
	struct t_sink s;
	uint8_t rd[8] = { 0x28 } /* 3 5 */, wr[8] = { 0x40 } /* 6 */;
	uint8_t rd_out[8] = { 0x08 }, wr_out[8] = { 0x40 };
	int64_t tv[2] = { 0, 0 };
	uint64_t a[6] = { 7, 0x1000, 0x2000, 0, 0x3000 };
	struct t_blobspec bi[3] = { { 1, rd, 7, 0, 0 }, { 2, wr, 7, 0, 0 }, { 4, tv, 16, 0, 0 } };
	struct t_blobspec bo[3] = { { 1, rd_out, 7, 0, 0 },
				    { 2, wr_out, 7, 0, 0 },
				    { 4, tv, 16, 0, 0 } };

	t_sink_open(&s);
	CHECK_STR(st, t_line(&s, "select", a, bi, 3, 2, bo, 3),
		  "select(7, [3 5], [6], NULL, {tv_sec=0, tv_usec=0}) = 2 (in [3], out [6], left "
		  "{tv_sec=0, tv_usec=0})");
	CHECK_STR(st, t_line(&s, "select", a, bi, 3, 0, bo, 3),
		  "select(7, [3 5], [6], NULL, {tv_sec=0, tv_usec=0}) = 0 (Timeout)");
	/* an empty set prints as []; without a timeout nothing is left */
	wr[0] = 0;
	a[4] = 0;
	CHECK_STR(st, t_line(&s, "select", a, bi, 2, 1, bo, 2),
		  "select(7, [3 5], [], NULL, NULL)  = 1 (in [3])");
	a[1] = 0x8;
	bi[0].flags = SR_BF_FAULT;
	CHECK_STR(st, t_line(&s, "select", a, bi, 2, -EFAULT, NULL, 0),
		  "select(7, 0x8, [], NULL, NULL)    = -1 EFAULT (Bad address)");
	/* no descriptors: the sets are not read */
	a[0] = -1;
	CHECK_STR(st, t_line(&s, "select", a, NULL, 0, -EINVAL, NULL, 0),
		  "select(-1, 0x8, 0x2000, NULL, NULL) = -1 EINVAL (Invalid argument)");
	t_sink_close(&s);
}

static void pselects(struct t_state *st)
{
	struct t_sink s;
	uint8_t rd[8] = { 0x20 } /* 5 */;
	uint64_t sas[2] = { 0, 8 }, mask = ~0ull & ~(3ull << 31); /* all but 32, 33 */
	int64_t ts[2] = { 0, 1000 }, left[2] = { 0, 0 };
	uint64_t a[6] = { 6, 0x1000, 0, 0, 0, 0x4000 };
	struct t_blobspec bi[3] = { { 1, rd, 6, 0, 0 },
				    { 5, sas, 16, 0, 0 },
				    { 5 | 8, &mask, 8, 0, 0 } };
	struct t_blobspec bo[2] = { { 1, rd, 6, 0, 0 }, { 4, left, 16, 0, 0 } };

	t_sink_open(&s);
	CHECK_STR(st, t_line(&s, "pselect6", a, bi, 2, 1, bo, 1),
		  "pselect6(6, [5], NULL, NULL, NULL, {sigmask=NULL, sigsetsize=8}) = 1 (in [5])");
	/* the mask, when the capture followed the pointer (part 1 of argument 5) */
	sas[0] = 0x7ffe00000000;
	a[4] = 0x3000;
	{
		struct t_blobspec in4[4] = { bi[0], bi[1], bi[2], { 4, ts, 16, 0, 0 } };

		CHECK_STR(st, t_line(&s, "pselect6", a, in4, 4, 1, bo, 2),
			  "pselect6(6, [5], NULL, NULL, {tv_sec=0, tv_nsec=1000}, "
			  "{sigmask=~[RTMIN RT_1], sigsetsize=8}) = 1 (in [5], left {tv_sec=0, "
			  "tv_nsec=0})");
	}
	a[4] = 0;
	sas[1] = 16;
	CHECK_STR(st, t_line(&s, "pselect6", a, bi, 3, -EINVAL, NULL, 0),
		  "pselect6(6, [5], NULL, NULL, NULL, {sigmask=0x7ffe00000000, sigsetsize=16}) = "
		  "-1 EINVAL (Invalid argument)");
	a[5] = 0x8;
	bi[1].flags = SR_BF_FAULT;
	CHECK_STR(st, t_line(&s, "pselect6", a, bi, 2, -EFAULT, NULL, 0),
		  "pselect6(6, [5], NULL, NULL, NULL, 0x8) = -1 EFAULT (Bad address)");
	t_sink_close(&s);
}

static void epolls(struct t_state *st)
{
	struct t_sink s;
	uint8_t ev[24];
	uint32_t events = 1; /* EPOLLIN */
	uint64_t data = 42, data2 = 6;
	uint64_t a[6] = { 3, 1 /* EPOLL_CTL_ADD */, 5, 0x1000 };
	struct t_blobspec b = { 3, ev, 12, 0, 0 };

	memcpy(ev, &events, 4);
	memcpy(ev + 4, &data, 8);
	memcpy(ev + 12, &events, 4);
	memcpy(ev + 16, &data2, 8);
	t_sink_open(&s);
	CHECK_STR(st, t_line(&s, "epoll_ctl", a, &b, 1, 0, NULL, 0),
		  "epoll_ctl(3, EPOLL_CTL_ADD, 5, {events=EPOLLIN, data={u32=42, u64=42}}) = 0");
	a[1] = 2; /* EPOLL_CTL_DEL ignores the event */
	CHECK_STR(st, t_line(&s, "epoll_ctl", a, &b, 1, 0, NULL, 0),
		  "epoll_ctl(3, EPOLL_CTL_DEL, 5, 0x1000) = 0");
	a[1] = 0x1000;
	a[2] = 4;
	a[3] = 0;
	b = (struct t_blobspec){ 1, ev, 24, 0, 0 };
	CHECK_STR(st, t_line(&s, "epoll_wait", a, NULL, 0, 2, &b, 1),
		  "epoll_wait(3, [{events=EPOLLIN, data={u32=42, u64=42}}, {events=EPOLLIN, "
		  "data={u32=6, u64=6}}], 4, 0) = 2");
	/* nothing ready: the capture is empty */
	b.len = 0;
	CHECK_STR(st, t_line(&s, "epoll_wait", a, NULL, 0, 0, &b, 1),
		  "epoll_wait(3, [], 4, 0)           = 0");
	t_sink_close(&s);
}

static void offsets(struct t_state *st)
{
	struct t_sink s;
	int64_t before = 4, after = 8;
	uint64_t a[6] = { 4, 3, 0x1000, 4 };
	struct t_blobspec bi = { 2, &before, 8, 0, 0 }, bo = { 2, &after, 8, 0, 0 };

	t_sink_open(&s);
	CHECK_STR(st, t_line(&s, "sendfile", a, &bi, 1, 4, &bo, 1),
		  "sendfile(4, 3, [4] => [8], 4)     = 4");
	CHECK_STR(st, t_line(&s, "sendfile", a, &bi, 1, 0, &bo, 1),
		  "sendfile(4, 3, [4], 4)            = 0");
	CHECK_STR(st, t_line(&s, "sendfile", a, &bi, 1, -EBADF, NULL, 0),
		  "sendfile(4, 3, [4], 4)            = -1 EBADF (Bad file descriptor)");
	a[2] = 0;
	CHECK_STR(st, t_line(&s, "sendfile", a, NULL, 0, 8, NULL, 0),
		  "sendfile(4, 3, NULL, 4)           = 8");
	a[2] = 0x8;
	bi.flags = SR_BF_FAULT;
	CHECK_STR(st, t_line(&s, "sendfile", a, &bi, 1, -EFAULT, NULL, 0),
		  "sendfile(4, 3, 0x8, 4)            = -1 EFAULT (Bad address)");
	{
		uint64_t sa[6] = { 3, 0x1000, 6, 0, 5, 1 /* SPLICE_F_MOVE */ };
		struct t_blobspec off = { 1, &after, 8, 0, 0 };

		CHECK_STR(st, t_line(&s, "splice", sa, &off, 1, 5, NULL, 0),
			  "splice(3, [8], 6, NULL, 5, SPLICE_F_MOVE) = 5");
	}
	t_sink_close(&s);
}

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

static void fcntls(struct t_state *st)
{
	struct t_sink s;
	uint64_t a[6] = { 3, F_DUPFD_CLOEXEC, 20 };

	t_sink_open(&s);
	CHECK_STR(st, t_line(&s, "fcntl", a, NULL, 0, 21, NULL, 0),
		  "fcntl(3, F_DUPFD_CLOEXEC, 20)     = 21");
	a[1] = F_SETFD;
	a[2] = 3;
	CHECK_STR(st, t_line(&s, "fcntl", a, NULL, 0, 0, NULL, 0),
		  "fcntl(3, F_SETFD, FD_CLOEXEC|0x2) = 0");
	a[1] = F_SETFL;
	a[2] = O_WRONLY | O_NONBLOCK | 0x10000000;
	CHECK_STR(st, t_line(&s, "fcntl", a, NULL, 0, 0, NULL, 0),
		  "fcntl(3, F_SETFL, O_WRONLY|O_NONBLOCK|0x10000000) = 0");
	a[2] = 0;
	CHECK_STR(st, t_line(&s, "fcntl", a, NULL, 0, 0, NULL, 0),
		  "fcntl(3, F_SETFL, O_RDONLY)       = 0");
	a[1] = F_GETFL;
	CHECK_STR(st, t_line(&s, "fcntl", a, NULL, 0, 0x8002, NULL, 0),
		  "fcntl(3, F_GETFL)                 = 0x8002 (flags O_RDWR|O_LARGEFILE)");
	a[1] = F_GETFD;
	CHECK_STR(st, t_line(&s, "fcntl", a, NULL, 0, 1, NULL, 0),
		  "fcntl(3, F_GETFD)                 = 0x1 (flags FD_CLOEXEC)");
	CHECK_STR(st, t_line(&s, "fcntl", a, NULL, 0, 0, NULL, 0),
		  "fcntl(3, F_GETFD)                 = 0");
	a[1] = F_GETSIG;
	CHECK_STR(st, t_line(&s, "fcntl", a, NULL, 0, 10, NULL, 0),
		  "fcntl(3, F_GETSIG)                = 10 (SIGUSR1)");
	a[1] = F_SETSIG;
	a[2] = 10;
	CHECK_STR(st, t_line(&s, "fcntl", a, NULL, 0, 0, NULL, 0),
		  "fcntl(3, F_SETSIG, SIGUSR1)       = 0");
	a[1] = F_NOTIFY;
	a[2] = 3;
	CHECK_STR(st, t_line(&s, "fcntl", a, NULL, 0, -ENOTDIR, NULL, 0),
		  "fcntl(3, F_NOTIFY, DN_ACCESS|DN_MODIFY) = -1 ENOTDIR (Not a directory)");
	a[1] = 999;
	a[2] = 5;
	CHECK_STR(st, t_line(&s, "fcntl", a, NULL, 0, -EINVAL, NULL, 0),
		  "fcntl(3, 0x3e7 /* F_??? */, 0x5)  = -1 EINVAL (Invalid argument)");
	t_sink_close(&s);
}

static void fcntl_locks(struct t_state *st)
{
	struct t_sink s;
	uint8_t fl[32] = { 0 };
	int32_t owner[2] = { 1 /* F_OWNER_PID */, 5 };
	uint64_t a[6] = { 3, F_SETLK, 0x1000 };
	struct t_blobspec b = { 2, fl, 32, 0, 0 };

	fl[0] = F_WRLCK;
	fl[16] = 10; /* l_len */
	t_sink_open(&s);
	CHECK_STR(
		st, t_line(&s, "fcntl", a, &b, 1, 0, NULL, 0),
		"fcntl(3, F_SETLK, {l_type=F_WRLCK, l_whence=SEEK_SET, l_start=0, l_len=10}) = 0");
	fl[0] = F_UNLCK;
	a[1] = F_GETLK;
	CHECK_STR(st, t_line(&s, "fcntl", a, NULL, 0, 0, &b, 1),
		  "fcntl(3, F_GETLK, {l_type=F_UNLCK, l_whence=SEEK_SET, l_start=0, l_len=10, "
		  "l_pid=0}) = 0");
	a[2] = 0x8;
	CHECK_STR(st, t_line(&s, "fcntl", a, NULL, 0, -EFAULT, NULL, 0),
		  "fcntl(3, F_GETLK, 0x8)            = -1 EFAULT (Bad address)");
	a[1] = F_SETLK;
	a[2] = 0;
	CHECK_STR(st, t_line(&s, "fcntl", a, NULL, 0, -EFAULT, NULL, 0),
		  "fcntl(3, F_SETLK, NULL)           = -1 EFAULT (Bad address)");
	a[1] = F_SETOWN_EX;
	a[2] = 0x1000;
	b = (struct t_blobspec){ 2, owner, 8, 0, 0 };
	CHECK_STR(st, t_line(&s, "fcntl", a, &b, 1, 0, NULL, 0),
		  "fcntl(3, F_SETOWN_EX, {type=F_OWNER_PID, pid=5}) = 0");
	t_sink_close(&s);
}

/*
 * strace 6.1 closes every set it read once it showed anything, even a set
 * with nothing ready: a real pselect6 with a readable pipe in readfds and
 * writefds, and a socket with urgent data in exceptfds.
 */
static void select_stray_bracket(struct t_state *st)
{
	struct t_sink s;
	uint8_t rd[2] = { 0x08 } /* 3 */, ex[2] = { 0x20 } /* 5 */, none[2] = { 0 };
	int64_t ts[2] = { 0, 0 };
	uint64_t a[6] = { 10, 0x1000, 0x2000, 0x3000, 0x4000, 0 };
	struct t_blobspec bi[4] = { { 1, rd, 2, 0, 0 },
				    { 2, rd, 2, 0, 0 },
				    { 3, ex, 2, 0, 0 },
				    { 4, ts, sizeof(ts), 0, 0 } };
	struct t_blobspec bo[4] = { { 1, rd, 2, 0, 0 },
				    { 2, none, 2, 0, 0 },
				    { 3, ex, 2, 0, 0 },
				    { 4, ts, sizeof(ts), 0, 0 } };

	t_sink_open(&s);
	CHECK_STR(
		st, t_line(&s, "pselect6", a, bi, 4, 2, bo, 4),
		"pselect6(10, [3], [3], [5], {tv_sec=0, tv_nsec=0}, NULL) = 2 (in [3]], except [5], "
		"left {tv_sec=0, tv_nsec=0})");
	t_sink_close(&s);
}

/* Ready descriptors are cut at -s as arrays are: strace -s 1 on two readable pipes. */
static void poll_cut(struct t_state *st)
{
	struct t_sink s;
	struct t_pollfd in[2] = { { 3, 1, 0 }, { 5, 1, 0 } }, out[2] = { { 3, 1, 1 }, { 5, 1, 1 } };
	uint64_t a[6] = { 0x1000, 2, 0 };
	struct t_blobspec bi = { 0, in, sizeof(in), 0, 0 }, bo = { 0, out, sizeof(out), 0, 0 };

	t_sink_open(&s);
	s.opts.strsize = 1;
	CHECK_STR(st, t_line(&s, "poll", a, &bi, 1, 2, &bo, 1),
		  "poll([{fd=3, events=POLLIN}, ...], 2, 0) = 2 ([{fd=3, revents=POLLIN}, ...])");
	t_sink_close(&s);
}

/*
 * poll and pselect6 show everything at entry: an unfinished line ends with
 * the last argument, and the resumed one has only the result. Lines of strace
 * -f on two threads, one blocked, one writing to the pipe it waits on.
 */
static void waits_unfinished(struct t_state *st)
{
	struct t_sink s;
	struct t_rec r;
	struct t_pollfd in = { 3, 1, 0 }, out = { 3, 1, 1 };
	uint8_t set = 0x08; /* 3 */
	uint64_t p[6] = { 0x1000, 1, -1 }, w[6] = { 4, 0x2000, 1 }, sel[6] = { 4, 0x3000 };
	struct t_blobspec x = { 1, "x", 1, 0, 0 };

	t_sink_open(&s);
	t_enter(&r, 100, "poll", p);
	t_blob(&r, 0, &in, sizeof(in), 0, 0);
	t_feed(&s, &r);
	t_feed_call(&s, 200, T_AS_SPLIT, "write", w, &x, 1, 1, NULL, 0);
	t_exit(&r, 100, "poll", 1);
	t_blob(&r, 0, &out, sizeof(out), 0, 0);
	t_feed(&s, &r);
	t_enter(&r, 100, "pselect6", sel);
	t_blob(&r, 1, &set, 1, 0, 0);
	t_feed(&s, &r);
	t_feed_call(&s, 200, T_AS_SPLIT, "write", w, &x, 1, 1, NULL, 0);
	t_exit(&r, 100, "pselect6", 1);
	t_blob(&r, 1, &set, 1, 0, 0);
	t_feed(&s, &r);
	CHECK_STR(st, t_sink_text(&s),
		  "100   poll([{fd=3, events=POLLIN}], 1, -1 <unfinished ...>\n"
		  "200   write(4, \"x\", 1)                  = 1\n"
		  "100   <... poll resumed>)               = 1 ([{fd=3, revents=POLLIN}])\n"
		  "100   pselect6(4, [3], NULL, NULL, NULL, NULL <unfinished ...>\n"
		  "200   write(4, \"x\", 1)                  = 1\n"
		  "100   <... pselect6 resumed>)           = 1 (in [3])\n");
	t_sink_close(&s);
}

/* Commands and results, as strace showed them for a pipe and a memfd. */
static void fcntl_results(struct t_state *st)
{
	struct t_sink s;
	int32_t owner[2] = { 0 /* F_OWNER_TID */, 0 };
	uint8_t fl[32] = { F_UNLCK };
	uint64_t a[6] = { 3, F_GETFL };
	struct t_blobspec b = { 2, owner, sizeof(owner), 0, 0 };

	t_sink_open(&s);
	CHECK_STR(st, t_line(&s, "fcntl", a, NULL, 0, 0, NULL, 0),
		  "fcntl(3, F_GETFL)                 = 0 (flags O_RDONLY)");
	a[1] = F_GETLEASE;
	CHECK_STR(st, t_line(&s, "fcntl", a, NULL, 0, F_UNLCK, NULL, 0),
		  "fcntl(3, F_GETLEASE)              = 0x2 (F_UNLCK)");
	a[1] = F_GETOWN_EX;
	a[2] = 0x7ffd1000;
	CHECK_STR(st, t_line(&s, "fcntl", a, NULL, 0, 0, &b, 1),
		  "fcntl(3, F_GETOWN_EX, {type=F_OWNER_TID, pid=0}) = 0");
	a[1] = F_SETPIPE_SZ;
	a[2] = 8192;
	CHECK_STR(st, t_line(&s, "fcntl", a, NULL, 0, 8192, NULL, 0),
		  "fcntl(3, F_SETPIPE_SZ, 8192)      = 8192");
	a[1] = F_GETPIPE_SZ;
	CHECK_STR(st, t_line(&s, "fcntl", a, NULL, 0, 8192, NULL, 0),
		  "fcntl(3, F_GETPIPE_SZ)            = 8192");
	a[1] = F_DUPFD;
	a[2] = 20;
	CHECK_STR(st, t_line(&s, "fcntl", a, NULL, 0, 20, NULL, 0),
		  "fcntl(3, F_DUPFD, 20)             = 20");
	a[0] = 7;
	a[1] = F_ADD_SEALS;
	a[2] = F_SEAL_SEAL;
	CHECK_STR(st, t_line(&s, "fcntl", a, NULL, 0, 0, NULL, 0),
		  "fcntl(7, F_ADD_SEALS, F_SEAL_SEAL) = 0");
	a[1] = F_GET_SEALS;
	CHECK_STR(st, t_line(&s, "fcntl", a, NULL, 0, F_SEAL_SEAL, NULL, 0),
		  "fcntl(7, F_GET_SEALS)             = 0x1 (seals F_SEAL_SEAL)");
	a[1] = F_SETLEASE;
	a[2] = F_UNLCK;
	CHECK_STR(
		st, t_line(&s, "fcntl", a, NULL, 0, -EAGAIN, NULL, 0),
		"fcntl(7, F_SETLEASE, F_UNLCK)     = -1 EAGAIN (Resource temporarily unavailable)");
	a[1] = F_SETOWN;
	a[2] = 0;
	CHECK_STR(st, t_line(&s, "fcntl", a, NULL, 0, 0, NULL, 0),
		  "fcntl(7, F_SETOWN, 0)             = 0");
	a[1] = F_OFD_GETLK;
	a[2] = 0x7ffd1000;
	b = (struct t_blobspec){ 2, fl, sizeof(fl), 0, 0 };
	CHECK_STR(st, t_line(&s, "fcntl", a, NULL, 0, 0, &b, 1),
		  "fcntl(7, F_OFD_GETLK, {l_type=F_UNLCK, l_whence=SEEK_SET, l_start=0, l_len=0, "
		  "l_pid=0}) = 0");
	t_sink_close(&s);
}

/*
 * A lock wait shows its lock at entry; the resumed line only the result.
 * strace -f, one thread waiting on F_OFD_SETLKW, another unlocking.
 */
static void fcntl_unfinished(struct t_state *st)
{
	struct t_sink s;
	struct t_rec r;
	uint8_t rd[32] = { F_RDLCK }, un[32] = { F_UNLCK };
	uint64_t w[6] = { 6, F_OFD_SETLKW, 0x1000 }, u[6] = { 5, F_OFD_SETLK, 0x2000 };
	struct t_blobspec b = { 2, un, sizeof(un), 0, 0 };

	rd[16] = 10; /* l_len */
	t_sink_open(&s);
	t_enter(&r, 100, "fcntl", w);
	t_blob(&r, 2, rd, sizeof(rd), 0, 0);
	t_feed(&s, &r);
	t_feed_call(&s, 200, T_AS_SPLIT, "fcntl", u, &b, 1, 0, NULL, 0);
	t_exit(&r, 100, "fcntl", 0);
	t_feed(&s, &r);
	CHECK_STR(st, t_sink_text(&s),
		  "100   fcntl(6, F_OFD_SETLKW, {l_type=F_RDLCK, l_whence=SEEK_SET, l_start=0, "
		  "l_len=10} <unfinished ...>\n"
		  "200   fcntl(5, F_OFD_SETLK, {l_type=F_UNLCK, l_whence=SEEK_SET, l_start=0, "
		  "l_len=0}) = 0\n"
		  "100   <... fcntl resumed>)              = 0\n");
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

/* Event bits no name covers, data wider than 32 bits, EPOLL_CTL_DEL with no event. */
static void epoll_more(struct t_state *st)
{
	struct t_sink s;
	uint8_t ev[12];
	uint32_t events = 1 | (1u << 31) | 0x100000; /* EPOLLIN|EPOLLET|0x100000 */
	uint64_t data = 0x100000001ull;
	uint64_t a[6] = { 11, 1 /* EPOLL_CTL_ADD */, 3, 0x1000 };
	struct t_blobspec b = { 3, ev, sizeof(ev), 0, 0 };

	memcpy(ev, &events, 4);
	memcpy(ev + 4, &data, 8);
	t_sink_open(&s);
	CHECK_STR(st, t_line(&s, "epoll_ctl", a, &b, 1, 0, NULL, 0),
		  "epoll_ctl(11, EPOLL_CTL_ADD, 3, {events=EPOLLIN|EPOLLET|0x100000, data={u32=1, "
		  "u64=4294967297}}) = 0");
	a[1] = 2; /* EPOLL_CTL_DEL */
	a[3] = 0;
	CHECK_STR(st, t_line(&s, "epoll_ctl", a, NULL, 0, 0, NULL, 0),
		  "epoll_ctl(11, EPOLL_CTL_DEL, 3, NULL) = 0");
	t_sink_close(&s);
}

T_SUITE(decode_desc_tests) = {
	T_CASE(pipes_and_ids),
	T_CASE(polls),
	T_CASE(arrays_cut_at_a_page),
	T_CASE(ppolls),
	T_CASE(selects),
	T_CASE(pselects),
	T_CASE(epolls),
	T_CASE(offsets),
	T_CASE(ioctl_terminal),
	T_CASE(ioctl_verbose),
	T_CASE(ioctl_termios2),
	T_CASE(ioctl_fs_flags),
	T_CASE(ioctl_misc),
	T_CASE(ioctl_unfinished),
	T_CASE(fcntls),
	T_CASE(fcntl_locks),
	T_CASE(select_stray_bracket),
	T_CASE(poll_cut),
	T_CASE(waits_unfinished),
	T_CASE(fcntl_results),
	T_CASE(fcntl_unfinished),
	T_CASE(ioctl_terminal_more),
	T_CASE(epoll_more),
	T_END,
};
