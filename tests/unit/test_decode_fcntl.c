// SPDX-License-Identifier: GPL-2.0
/*
 * fcntl (user/decode/fcntl.c): commands, locks, results and unfinished
 * calls, against lines strace 6.1 prints.
 */
#include <errno.h>
#include <linux/fcntl.h>

#include "rec.h"
#include "test.h"

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

T_SUITE(decode_fcntl_tests) = {
	T_CASE(fcntls), T_CASE(fcntl_locks), T_CASE(fcntl_results), T_CASE(fcntl_unfinished), T_END,
};
