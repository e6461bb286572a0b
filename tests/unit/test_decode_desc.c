// SPDX-License-Identifier: GPL-2.0
/*
 * Descriptor decoders (user/decode/desc.c, poll.c, select.c, epoll.c),
 * against lines strace 6.1 prints. ioctls: test_decode_term.c; fcntl:
 * test_decode_fcntl.c.
 */
#include <errno.h>

#include "rec.h"
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
	T_CASE(select_stray_bracket),
	T_CASE(poll_cut),
	T_CASE(waits_unfinished),
	T_CASE(epoll_more),
	T_END,
};
