// SPDX-License-Identifier: GPL-2.0
/* Decoders of user/decode/time.c, against lines strace 6.1 prints. */
#include <string.h>

#include "rec.h"
#include "test.h"

static void sleeps(struct t_state *st)
{
	struct t_sink s;
	int64_t req[2] = { 0, 1000000 }, rem[2] = { 4, 800025414 };
	uint64_t a[6] = { 0x1000, 0 };
	struct t_blobspec in = { 0, req, sizeof(req), 0, 0 };
	struct t_blobspec out = { 1, rem, sizeof(rem), 0, 0 };

	t_sink_open(&s);
	CHECK_STR(st, t_line(&s, "nanosleep", a, &in, 1, 0, NULL, 0),
		  "nanosleep({tv_sec=0, tv_nsec=1000000}, NULL) = 0");
	/* the kernel leaves the remainder alone unless interrupted */
	a[1] = 0x7ffd0bd79c40;
	CHECK_STR(st, t_line(&s, "nanosleep", a, &in, 1, 0, &out, 1),
		  "nanosleep({tv_sec=0, tv_nsec=1000000}, 0x7ffd0bd79c40) = 0");
	req[0] = 5;
	req[1] = 0;
	CHECK_STR(st, t_line(&s, "nanosleep", a, &in, 1, -516, &out, 1),
		  "nanosleep({tv_sec=5, tv_nsec=0}, {tv_sec=4, tv_nsec=800025414}) = ? "
		  "ERESTART_RESTARTBLOCK (Interrupted by signal)");
	req[0] = 0;
	req[1] = 1000000000;
	a[1] = 0;
	CHECK_STR(st, t_line(&s, "nanosleep", a, &in, 1, -22, NULL, 0),
		  "nanosleep({tv_sec=0, tv_nsec=1000000000}, NULL) = -1 EINVAL (Invalid argument)");
	a[0] = 1;
	a[1] = 1;
	a[2] = 0x1000;
	a[3] = 0;
	req[1] = 1;
	in.arg = 2;
	CHECK_STR(
		st, t_line(&s, "clock_nanosleep", a, &in, 1, 0, NULL, 0),
		"clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, {tv_sec=0, tv_nsec=1}, NULL) = 0");
	/* an absolute sleep has no remainder, interrupted or not */
	a[3] = 0x7ffd0bd79c40;
	out.arg = 3;
	CHECK_STR(st, t_line(&s, "clock_nanosleep", a, &in, 1, -514, &out, 1),
		  "clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, {tv_sec=0, tv_nsec=1}, "
		  "0x7ffd0bd79c40) = ? ERESTARTNOHAND (To be restarted if no handler)");
	a[1] = 0;
	CHECK_STR(st, t_line(&s, "clock_nanosleep", a, &in, 1, -516, &out, 1),
		  "clock_nanosleep(CLOCK_MONOTONIC, 0, {tv_sec=0, tv_nsec=1}, {tv_sec=4, "
		  "tv_nsec=800025414}) = ? ERESTART_RESTARTBLOCK (Interrupted by signal)");
	t_sink_close(&s);
}

static void clocks(struct t_state *st)
{
	struct t_sink s;
	int64_t ts[2] = { 1511, 782737158 };
	int32_t tz[2] = { 60, 1 };
	uint64_t a[6] = { 1, 0x1000 };
	struct t_blobspec out[2] = { { 1, ts, sizeof(ts), 0, 0 }, { 1, tz, sizeof(tz), 0, 0 } };

	t_sink_open(&s);
	CHECK_STR(st, t_line(&s, "clock_gettime", a, NULL, 0, 0, out, 1),
		  "clock_gettime(CLOCK_MONOTONIC, {tv_sec=1511, tv_nsec=782737158}) = 0");
	a[0] = 1234;
	a[1] = 0x7ffe79635280;
	CHECK_STR(
		st, t_line(&s, "clock_gettime", a, NULL, 0, -22, NULL, 0),
		"clock_gettime(0x4d2 /* CLOCK_??? */, 0x7ffe79635280) = -1 EINVAL (Invalid argument)");
	a[0] = 0x1000;
	a[1] = 0;
	ts[0] = 1795846367;
	ts[1] = 368240;
	out[0].arg = 0;
	CHECK_STR(st, t_line(&s, "gettimeofday", a, NULL, 0, 0, out, 1),
		  "gettimeofday({tv_sec=1795846367, tv_usec=368240}, NULL) = 0");
	a[1] = 0x2000;
	ts[0] = 0;
	ts[1] = 2000000;
	out[0].arg = 0;
	CHECK_STR(st, t_line(&s, "settimeofday", a, out, 2, -22, NULL, 0),
		  "settimeofday({tv_sec=0, tv_usec=2000000}, {tz_minuteswest=60, tz_dsttime=1}) = "
		  "-1 EINVAL (Invalid argument)");
	t_sink_close(&s);
}

static void itimers(struct t_state *st)
{
	struct t_sink s;
	int64_t iv[4] = { 0, 0, 0, 200000 }, zero[4] = { 0 };
	int64_t its[4] = { 1, 5, 2, 500000000 };
	uint64_t a[6] = { 0, 0x1000, 0x2000 };
	struct t_blobspec in = { 1, iv, sizeof(iv), 0, 0 };
	struct t_blobspec out = { 2, zero, sizeof(zero), 0, 0 };

	t_sink_open(&s);
	CHECK_STR(st, t_line(&s, "setitimer", a, &in, 1, 0, &out, 1),
		  "setitimer(ITIMER_REAL, {it_interval={tv_sec=0, tv_usec=0}, it_value={tv_sec=0, "
		  "tv_usec=200000}}, {it_interval={tv_sec=0, tv_usec=0}, it_value={tv_sec=0, "
		  "tv_usec=0}}) = 0");
	a[1] = 0;
	a[2] = 0x1000;
	a[3] = 0x2000;
	in.arg = 2;
	in.data = its;
	out.arg = 3;
	CHECK_STR(st, t_line(&s, "timer_settime", a, &in, 1, 0, &out, 1),
		  "timer_settime(0, 0, {it_interval={tv_sec=1, tv_nsec=5}, it_value={tv_sec=2, "
		  "tv_nsec=500000000}}, {it_interval={tv_sec=0, tv_nsec=0}, it_value={tv_sec=0, "
		  "tv_nsec=0}}) = 0");
	a[0] = 3;
	a[1] = 1;
	CHECK_STR(st, t_line(&s, "timerfd_settime", a, &in, 1, 0, &out, 1),
		  "timerfd_settime(3, TFD_TIMER_ABSTIME, {it_interval={tv_sec=1, tv_nsec=5}, "
		  "it_value={tv_sec=2, tv_nsec=500000000}}, {it_interval={tv_sec=0, tv_nsec=0}, "
		  "it_value={tv_sec=0, tv_nsec=0}}) = 0");
	t_sink_close(&s);
}

static void utimes_pairs(struct t_state *st)
{
	struct t_sink s;
	int64_t ts[4] = { 1000000000, 0, 1234567890, 500 };
	int64_t special[4] = { 0, (1 << 30) - 1, 0, (1 << 30) - 2 };
	int64_t tv[4] = { 1, 2, 3, 4 };
	uint64_t a[6] = { (uint64_t)-100, 0x1000, 0x2000, 0 };
	struct t_blobspec in[2] = { { 1, "f", 2, 0, 0 }, { 2, ts, sizeof(ts), 0, 0 } };

	t_utc();
	t_sink_open(&s);
	CHECK_STR(st, t_line(&s, "utimensat", a, in, 2, 0, NULL, 0),
		  "utimensat(AT_FDCWD, \"f\", [{tv_sec=1000000000, tv_nsec=0} /* "
		  "2001-09-09T01:46:40+0000 */, {tv_sec=1234567890, tv_nsec=500} /* "
		  "2009-02-13T23:31:30.000000500+0000 */], 0) = 0");
	in[1].data = special;
	CHECK_STR(st, t_line(&s, "utimensat", a, in, 2, 0, NULL, 0),
		  "utimensat(AT_FDCWD, \"f\", [UTIME_NOW, UTIME_OMIT], 0) = 0");
	/* -X verbose and raw: the timespecs, named in a comment (strace 6.1's utimensat-X*) */
	s.opts.xlat_style = SR_XLAT_VERBOSE;
	t_sink_reinit(&s);
	CHECK_STR(st, t_line(&s, "utimensat", a, in, 2, 0, NULL, 0),
		  "utimensat(-100 /* AT_FDCWD */, \"f\", [{tv_sec=0, tv_nsec=1073741823} /* "
		  "UTIME_NOW */, {tv_sec=0, tv_nsec=1073741822} /* UTIME_OMIT */], 0) = 0");
	s.opts.xlat_style = SR_XLAT_RAW;
	t_sink_reinit(&s);
	CHECK_STR(st, t_line(&s, "utimensat", a, in, 2, 0, NULL, 0),
		  "utimensat(-100, \"f\", [{tv_sec=0, tv_nsec=1073741823}, {tv_sec=0, "
		  "tv_nsec=1073741822}], 0) = 0");
	s.opts.xlat_style = SR_XLAT_ABBREV;
	t_sink_reinit(&s);
	a[0] = 0x1000;
	a[1] = 0x2000;
	in[0].arg = 0;
	in[1].arg = 1;
	in[1].data = tv;
	CHECK_STR(st, t_line(&s, "utimes", a, in, 2, 0, NULL, 0),
		  "utimes(\"f\", [{tv_sec=1, tv_usec=2} /* 1970-01-01T00:00:01.000002+0000 */, "
		  "{tv_sec=3, tv_usec=4} /* 1970-01-01T00:00:03.000004+0000 */]) = 0");
	t_sink_close(&s);
}

static void time_and_timers(struct t_state *st)
{
	struct t_sink s;
	int64_t t = 1795846825;
	uint64_t ev[8] = { 0x1234, 10 | (1ULL << 32) };
	uint64_t a[6] = { 0x1000 };
	struct t_blobspec out = { 0, &t, sizeof(t), 0, 0 };
	struct t_blobspec in = { 1, ev, sizeof(ev), 0, 0 };

	t_utc();
	t_sink_open(&s);
	CHECK_STR(st, t_line(&s, "time", a, NULL, 0, t, &out, 1),
		  "time([1795846825 /* 2026-11-28T06:20:25+0000 */]) = 1795846825 "
		  "(2026-11-28T06:20:25+0000)");
	a[0] = 0;
	CHECK_STR(st, t_line(&s, "time", a, NULL, 0, t, NULL, 0),
		  "time(NULL)                        = 1795846825 (2026-11-28T06:20:25+0000)");
	a[1] = 0x2000;
	a[2] = 0;
	CHECK_STR(st, t_line(&s, "timer_create", a, &in, 1, -14, NULL, 0),
		  "timer_create(CLOCK_REALTIME, {sigev_value={sival_int=4660, sival_ptr=0x1234}, "
		  "sigev_signo=10, sigev_notify=SIGEV_NONE}, NULL) = -1 EFAULT (Bad address)");
	ev[0] = 0;
	ev[1] = 10;
	a[0] = 1;
	ev[3] = 0x7f00;
	CHECK_STR(st, t_line(&s, "timer_create", a, &in, 1, -14, NULL, 0),
		  "timer_create(CLOCK_MONOTONIC, {sigev_signo=SIGUSR1, sigev_notify=SIGEV_SIGNAL}, "
		  "NULL) = -1 EFAULT (Bad address)");
	ev[1] = 10 | (2ULL << 32);
	CHECK_STR(st, t_line(&s, "timer_create", a, &in, 1, -14, NULL, 0),
		  "timer_create(CLOCK_MONOTONIC, {sigev_signo=SIGUSR1, sigev_notify=SIGEV_THREAD, "
		  "sigev_notify_function=NULL, sigev_notify_attributes=0x7f00}, NULL) = -1 EFAULT "
		  "(Bad address)");
	t_sink_close(&s);
}

T_SUITE(decode_time_tests) = {
	T_CASE(sleeps),	      T_CASE(clocks),	       T_CASE(itimers),
	T_CASE(utimes_pairs), T_CASE(time_and_timers), T_END,
};
